"""Large imports on every backend (issue 14): the fast paths write exactly what the row-by-row path writes.

New rows of a large import go to the engine's bulk load where the backend has one (the embedded store: COPY from
Arrow tables), changed rows to the upserts, unchanged rows nowhere; all of it in the one transaction.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

import network.store.base as base
from network.austausch import read_path, validate
from network.model import DATEI_REIHENFOLGE, DATEIEN, Netzdaten

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def massen_ab_1000(monkeypatch):
    """The bulk path from 1,000 new rows on, so that twice the seed takes it (the product's threshold is higher)."""
    monkeypatch.setattr(base, "MASSEN_AB", 1000)


@pytest.fixture(scope="module")
def doppelt(tmp_path_factory) -> Netzdaten:
    """The seed at twice its size (about 2,700 rows: more new rows than ``MASSEN_AB`` here), validated."""
    sys.path.insert(0, str(ROOT))
    from seed.generate import generate

    ordner = tmp_path_factory.mktemp("seed2")
    generate(ordner, faktor=2)
    return validate(read_path(ordner))


def _wie_geladen(daten: Netzdaten, datei: str) -> list[dict]:
    return sorted(daten.tabelle(datei), key=lambda r: r["id"])


def _gesendet(store) -> list[str]:
    """Record the names of the queries (and bulk blocks) every later write of ``store`` sends."""
    namen: list[str] = []
    original_schreibe, original_massen = store._schreibe, store._massen

    def schreibe(fn):
        def zaehlend(tx):
            class Tx:
                def run(self, name, **params):
                    namen.append(name)
                    return tx.run(name, **params)
            return fn(Tx())
        return original_schreibe(zaehlend)

    def massen(tx, block, spalten):
        namen.append(block)
        return original_massen(tx, block, spalten)

    store._schreibe = schreibe
    store._massen = massen
    return namen


def test_large_import_loads_back_as_written_and_like_the_row_path(store, noch_ein_store, doppelt, monkeypatch):
    assert doppelt.anzahl() >= base.MASSEN_AB
    namen = _gesendet(store)
    store.write(doppelt)
    if store.massenweise:
        assert "bulk_kita" in namen and "bulk_kooperation_angebot" in namen and "upsert_kita" not in namen
    assert not [n for n in namen if n.startswith("unlink_") and n != "unlink_kreisweit"]  # new rows: no unlink
    geladen, zahlen = store.load(), store.counts()
    for datei in DATEI_REIHENFOLGE:
        assert geladen.tabelle(datei) == _wie_geladen(doppelt, datei), datei
        assert all(list(r) == [s.name for s in DATEIEN[datei]] for r in geladen.tabelle(datei))
    assert zahlen["nodes"]["Protokoll"] == doppelt.anzahl()  # one trail entry per created row

    monkeypatch.setattr(base, "MASSEN_AB", 10**9)  # the same rows through the UNWIND upserts only
    langsam = noch_ein_store()
    langsam.write(copy.deepcopy(doppelt))
    assert langsam.load() == geladen
    assert langsam.counts() == zahlen


def test_reimport_of_a_large_import_writes_nothing_and_keeps_the_version(store, doppelt):
    store.write(doppelt)
    v, zahlen = store.version(), store.counts()
    namen = _gesendet(store)
    store.write(copy.deepcopy(doppelt))
    assert [n for n in namen if not n.startswith("lade_")] == []
    assert store.version() == v and store.counts() == zahlen


def test_one_changed_and_one_new_row_among_many_are_written_with_their_trail(store, doppelt):
    store.write(doppelt)
    v, zahlen = store.version(), store.counts()
    neu = copy.deepcopy(doppelt)
    neu.kitas[7]["telefon"] = "06761 0000"
    neu.themen.append({"id": "thema-neu", "name": "Neues Thema", "beschreibung": None})
    namen = _gesendet(store)
    store.write(neu, wer="anna")
    assert "upsert_kita" in namen and "upsert_thema" in namen and not [n for n in namen if n.startswith("bulk_")]
    assert store.version() == v + 1
    geladen = store.load()
    assert next(k for k in geladen.kitas if k["id"] == neu.kitas[7]["id"])["telefon"] == "06761 0000"
    assert "thema-neu" in {t["id"] for t in geladen.themen}
    assert store.counts()["nodes"]["Protokoll"] == zahlen["nodes"]["Protokoll"] + 2
    spur = [p for p in store.query("lade_protokoll") if p["wer"] == "anna"]
    assert sorted((p["aktion"], p["objekt_id"]) for p in spur) == [("angelegt", "thema-neu"),
                                                                   ("geändert", neu.kitas[7]["id"])]


def test_a_large_import_that_fails_in_the_middle_leaves_nothing(store, doppelt):
    """The failure comes after half of the write plan (bulk loads included): nothing of it stays."""
    vorher = (store.version(), store.counts(), store.load())

    def abbrechen(fertig: int, gesamt: int) -> None:
        if fertig > gesamt // 2:
            raise RuntimeError("Abbruch mitten im Import")

    with pytest.raises(RuntimeError):
        store.write(doppelt, fortschritt=abbrechen)
    assert (store.version(), store.counts(), store.load()) == vorher
    store.write(doppelt)  # and the store takes the same import whole afterwards
    assert store.counts()["nodes"]["Kita"] == len(doppelt.kitas)


def test_embedded_copy_that_the_engine_refuses_rolls_back_and_the_next_copy_works(tmp_path, doppelt):
    """A COPY the engine refuses (here a Kita in a Gemeinde that does not exist; validation would have caught it)
    rolls the whole import back; the next bulk import on the same store (a fresh connection) succeeds."""
    from network.store.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path / "data")
    kaputt = copy.deepcopy(doppelt)
    kaputt.kitas[-1]["gemeinde_id"] = "gibt-es-nicht"
    with pytest.raises(RuntimeError, match="gibt-es-nicht"):
        store.write(kaputt)
    assert store.is_empty() and store.version() == 0 and store.counts()["nodes"]["Protokoll"] == 0
    store.write(doppelt)
    assert store.load().kitas == _wie_geladen(doppelt, "kitas")
