"""The contract every store backend must meet: same rows in, same rows out, same counts."""

from __future__ import annotations

import copy

import pytest

from network.model import DATEI_REIHENFOLGE, DATEIEN, Netzdaten


def test_empty_store_counts_zero(store):
    counts = store.counts()
    assert set(counts) == {"nodes", "relationships"}
    assert all(v == 0 for part in counts.values() for v in part.values())
    assert store.is_empty()


def test_write_then_load_gives_same_rows(store, mini):
    store.write(mini)
    loaded = store.load()
    for datei in DATEI_REIHENFOLGE:
        expected = sorted(mini.tabelle(datei), key=lambda r: r["id"])
        assert loaded.tabelle(datei) == expected, datei
        assert all(list(r) == [s.name for s in DATEIEN[datei]] for r in loaded.tabelle(datei))


def test_counts_per_label_and_type(store, mini):
    store.write(mini)
    c = store.counts()
    assert c["nodes"].pop("Protokoll") == mini.anzahl()  # one audit entry per created row
    assert c["nodes"] == {"Nutzer": 0, "Vermittlung": 0, "Bedarfsluecke": 0, "Sozialraum": 2, "Gemeinde": 3, "Kita": 2, "Fachkraft": 1, "Angebot": 3,
                          "Traeger": 2, "Thema": 2, "Indikatorwert": 3, "Szenario": 0}
    # ang-1 serves sr-a; ang-2 is district-wide (2); ang-3 serves sr-a and sr-b; ind-3 concerns sr-a and kita-1
    assert c["relationships"] == {"GEHOERT_ZU": 3, "LIEGT_IN": 4, "BETREUT": 1, "VERSORGT": 5, "TRAEGT": 3,
                                  "HAT_THEMA": 3, "KOOPERIERT_MIT": 3, "BETRIFFT": 4}


def test_reimport_changes_nothing(store, mini):
    store.write(mini)
    before = (store.counts(), store.load())
    store.write(copy.deepcopy(mini))
    assert (store.counts(), store.load()) == before


def test_upsert_replaces_relationships(store, mini):
    store.write(mini)
    kita = mini.kitas[0]
    changed = Netzdaten(kitas=[{**kita, "gemeinde_id": "07140002", "traeger": "Neuer Träger", "fachkraft_id": None}],
                        kooperationen=[{**mini.kooperationen[0], "zu_id": "ang-3", "bis": "2024-01-01"}])
    store.write(changed)
    loaded = {k["id"]: k for k in store.load().kitas}
    assert loaded["kita-1"]["gemeinde_id"] == "07140002"
    assert loaded["kita-1"]["traeger"] == "Neuer Träger"
    assert loaded["kita-1"]["fachkraft_id"] is None
    koop = {k["id"]: k for k in store.load().kooperationen}
    assert (koop["koop-1"]["zu_id"], koop["koop-1"]["bis"]) == ("ang-3", "2024-01-01")
    c = store.counts()["relationships"]
    assert (c["LIEGT_IN"], c["BETREUT"], c["KOOPERIERT_MIT"]) == (4, 0, 3)


def test_district_wide_angebot_serves_a_later_sozialraum(store, mini):
    store.write(mini)
    store.write(Netzdaten(sozialraeume=[{"id": "sr-c", "name": "Ost", "beschreibung": None}]))
    assert store.counts()["relationships"]["VERSORGT"] == 6
    ang2 = next(a for a in store.load().angebote if a["id"] == "ang-2")
    assert ang2["versorgt"] == ["alle"]


def test_failed_transaction_writes_nothing(store, mini):
    store.write(mini)
    before = store.load()

    def half_then_fail(tx):
        tx.run("upsert_thema", rows=[{"id": "neu", "name": "Neu", "beschreibung": None}])
        tx.run("unlink_kooperation", ids=["koop-1", "koop-2", "koop-3"])
        raise RuntimeError("Abbruch mitten in der Transaktion")

    with pytest.raises(RuntimeError):
        store.execute_write(half_then_fail)
    assert store.load() == before


def test_clear_removes_everything(store, mini):
    store.write(mini)
    store.clear()
    assert store.is_empty()
