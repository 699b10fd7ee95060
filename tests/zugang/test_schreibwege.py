"""Every write path checks the role itself and leaves exactly one audit entry per changed row – none when it fails.

The mini network (tests/conftest.py): Fachkraft fk-01 is assigned to kita-1; kita-2 has no Fachkraft.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from network import pflege as P
from network import vorschlag as VS
from network.austausch import export_dir, import_path, import_rohdaten, read_path
from network.errors import NichtGefundenFehler, ValidierungsFehler, ZugriffsFehler
from network.frische import stempeln
from network.vermittlung import erfassen, vermittlungen
from network.zugang import KOMMANDOZEILE, OEFFENTLICH, Nutzer

FK = Nutzer("fiona", "fachkraft", "fk-01")
FK_OHNE = Nutzer("felix", "fachkraft", None)
KO = Nutzer("kora", "koordination")


@pytest.fixture
def s(embedded, mini):
    embedded.write(mini, wer="import")
    return embedded


def log(store) -> list[dict]:
    return store.query("lade_protokoll")


def neu_seit(store, n: int) -> list[dict]:
    return log(store)[: len(log(store)) - n]


def koop(store, rid: str) -> dict:
    return P.als_text(next(c for c in store.load().kooperationen if c["id"] == rid), "kooperationen")


# -- Pflege: Kitas and Angebote ---------------------------------------------------------------------
def test_pflege_form_save_leaves_one_entry_with_before_and_after(s):
    n = len(log(s))
    werte = P.als_text(next(k for k in s.load().kitas if k["id"] == "kita-2"), "kitas")
    werte["plaetze"] = "33"
    P.speichere(s, "kitas", werte, von="Kreisjugendamt", heute="2026-05-01", wer=KO)
    [e] = neu_seit(s, n)
    assert (e["wer"], e["aktion"], e["art"], e["objekt_id"]) == ("kora", "geändert", "kitas", "kita-2")
    assert json.loads(e["vorher"]) == {"plaetze": None, "geprueft_am": None, "geprueft_von": None}
    assert json.loads(e["nachher"]) == {"plaetze": 33, "geprueft_am": "2026-05-01",
                                        "geprueft_von": "Kreisjugendamt"}


def test_pflege_validation_error_writes_and_logs_nothing(s):
    n, vorher = len(log(s)), s.load()
    werte = P.als_text(vorher.kitas[0], "kitas")
    werte["plaetze"] = "viele"
    with pytest.raises(ValidierungsFehler):
        P.speichere(s, "kitas", werte, wer=KO)
    assert len(log(s)) == n and s.load() == vorher


@pytest.mark.parametrize("wer", [OEFFENTLICH, FK])
def test_kitas_and_angebote_need_daten_schreiben(s, wer):
    n, vorher = len(log(s)), s.load()
    kita = P.als_text(vorher.kitas[0], "kitas")
    with pytest.raises(ZugriffsFehler):
        P.speichere(s, "kitas", kita, wer=wer)
    with pytest.raises(ZugriffsFehler):
        P.beende_angebot(s, "ang-1", wer=wer)
    with pytest.raises(ZugriffsFehler):
        P.beende_kita(s, "kita-1", wer=wer)
    assert len(log(s)) == n and s.load() == vorher


def test_write_functions_require_wer():
    with pytest.raises(TypeError):
        P.speichere(None, "kitas", {})  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        erfassen(None, {})  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        import_path(None, "x")  # type: ignore[call-arg]


# -- Kooperationen: a Fachkraft only for her own Kitas -----------------------------------------------
def test_fachkraft_saves_a_kooperation_of_her_kita_one_entry(s):
    n = len(log(s))
    werte = koop(s, "koop-1")
    werte["intensitaet"] = "2"
    P.speichere(s, "kooperationen", werte, wer=FK)
    [e] = neu_seit(s, n)
    assert (e["wer"], e["aktion"], e["art"], e["objekt_id"]) == ("fiona", "geändert", "kooperationen", "koop-1")
    assert (json.loads(e["vorher"]), json.loads(e["nachher"])) == ({"intensitaet": 3}, {"intensitaet": 2})

    neu = {"id": P.naechste_id(s.load(), "kooperationen"), "von_id": "kita-1", "zu_id": "ang-2",
           "art": "regelmäßig", "seit": "2026-01-01", "intensitaet": "1"}
    P.speichere(s, "kooperationen", neu, neu=True, wer=FK)
    [e] = neu_seit(s, n + 1)
    assert (e["wer"], e["aktion"], e["objekt_id"]) == ("fiona", "angelegt", neu["id"])
    P.beende_kooperation(s, neu["id"], heute="2026-06-30", wer=FK)
    [e] = neu_seit(s, n + 2)
    assert (e["aktion"], json.loads(e["nachher"])) == ("geändert", {"bis": "2026-06-30"})


def test_fachkraft_refused_for_other_kitas_nothing_written(s):
    n, vorher = len(log(s)), s.load()
    fremd = koop(s, "koop-2")  # kita-2: not hers
    fremd["intensitaet"] = "3"
    with pytest.raises(ZugriffsFehler, match="Ihnen zugeordnet"):
        P.speichere(s, "kooperationen", fremd, wer=FK)
    with pytest.raises(ZugriffsFehler):
        P.beende_kooperation(s, "koop-2", wer=FK)
    weg = koop(s, "koop-2")  # moving another Kita's Kooperation to her own Kita is refused too
    weg["von_id"] = "kita-1"
    with pytest.raises(ZugriffsFehler):
        P.speichere(s, "kooperationen", weg, wer=FK)
    angebot = koop(s, "koop-3")  # from an Angebot: no Kita of hers
    with pytest.raises(ZugriffsFehler):
        P.speichere(s, "kooperationen", angebot, wer=FK)
    neu = {"id": "koop-0099", "von_id": "kita-2", "zu_id": "ang-1", "art": "regelmäßig", "seit": "2026-01-01",
           "intensitaet": "1"}
    with pytest.raises(ZugriffsFehler):
        P.speichere(s, "kooperationen", neu, neu=True, wer=FK)
    with pytest.raises(ZugriffsFehler):  # a Fachkraft account without a linked Fachkraft has no Kitas
        P.speichere(s, "kooperationen", koop(s, "koop-1"), wer=FK_OHNE)
    with pytest.raises(ZugriffsFehler):
        P.speichere(s, "kooperationen", koop(s, "koop-1"), wer=OEFFENTLICH)
    assert len(log(s)) == n and s.load() == vorher


def test_koordination_edits_every_kooperation(s):
    werte = koop(s, "koop-2")
    werte["notiz"] = "Vertrag verlängert"
    P.speichere(s, "kooperationen", werte, wer=KO)
    assert log(s)[0]["wer"] == "kora"


# -- import: UI and command line ---------------------------------------------------------------------
def test_import_needs_daten_schreiben_and_names_wer(s, tmp_path, mini):
    mini.kitas[1]["name"] = "Kita Formel umbenannt"
    export_dir(mini, tmp_path / "imp")
    roh = read_path(tmp_path / "imp")
    n, vorher = len(log(s)), s.load()
    for wer in (OEFFENTLICH, FK):
        with pytest.raises(ZugriffsFehler):
            import_rohdaten(s, roh, wer=wer)
        with pytest.raises(ZugriffsFehler):
            import_path(s, tmp_path / "imp", dry_run=True, wer=wer)
    assert len(log(s)) == n and s.load() == vorher
    bericht = import_rohdaten(s, roh, wer=KO)
    assert bericht.gesamt == mini.anzahl()
    [e] = neu_seit(s, n)  # only the changed row
    assert (e["wer"], e["objekt_id"], json.loads(e["nachher"])) == ("kora", "kita-2",
                                                                     {"name": "Kita Formel umbenannt"})


def test_cli_import_is_logged_as_kommandozeile(tmp_path, mini):
    from network.cli import main
    from network.settings import Settings
    from network.store import open_store

    export_dir(mini, tmp_path / "imp")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(tmp_path / "imp")]) == 0
    mini.angebote[0]["telefon"] = "06761 1111"
    export_dir(mini, tmp_path / "imp2")
    assert main(["--data-dir", str(data), "import", str(tmp_path / "imp2")]) == 0
    with open_store(Settings(data_dir=data)) as store:
        eintraege = log(store)
    assert len(eintraege) == mini.anzahl() + 1
    e = eintraege[0]
    assert (e["wer"], e["aktion"], e["objekt_id"]) == (KOMMANDOZEILE.name, "geändert", "ang-1")
    assert json.loads(e["vorher"]) == {"telefon": "06761 9999-300"}
    assert json.loads(e["nachher"]) == {"telefon": "06761 1111"}


# -- freshness stamp -----------------------------------------------------------------------------------
def test_stamp_leaves_one_entry(s):
    n = len(log(s))
    stempeln(s, [("Kita", "kita-1")], KO, "Kreisjugendamt", date(2026, 11, 25))
    [e] = neu_seit(s, n)
    assert (e["wer"], e["art"], e["objekt_id"]) == ("kora", "kitas", "kita-1")
    assert json.loads(e["vorher"]) == {"geprueft_am": "2026-01-15"}
    assert json.loads(e["nachher"]) == {"geprueft_am": "2026-11-25"}
    with pytest.raises(ZugriffsFehler):
        stempeln(s, [("Kita", "kita-1")], FK, "Kreisjugendamt", date(2026, 11, 26))
    assert len(log(s)) == n + 1


# -- Vermittlung: role checked, nobody recorded --------------------------------------------------------
def test_erfassen_checks_role_and_records_nobody(s):
    v = {"monat": "2025-03", "kita_id": "kita-1", "angebot_id": "ang-1", "thema_id": "sucht"}
    n = len(log(s))
    with pytest.raises(ZugriffsFehler):
        erfassen(s, v, heute="2025-06-01", wer=OEFFENTLICH)
    assert vermittlungen(s) == []
    assert erfassen(s, v, heute="2025-06-01", wer=FK) == 1
    assert len(log(s)) == n  # not through the trail: who counted is not stored anywhere
    assert "fiona" not in json.dumps(vermittlungen(s))


# -- proposals -------------------------------------------------------------------------------------------
VORSCHLAG = {"name": "Elterncafé Bergen", "art": "Freizeit", "themen": "fruehe-hilfen", "versorgt": "sr-a",
             "beschreibung": "Offener Treff"}


def test_proposal_is_not_an_angebot_until_taken_over(s):
    vorher = s.load()
    v = VS.vorschlagen(s, VORSCHLAG, wer=FK)
    assert s.load() == vorher  # nothing public, nothing in analyses or exports
    assert [x.id for x in VS.vorschlaege(s, wer=FK)] == [v.id]
    assert VS.vorschlaege(s, wer=Nutzer("gabi", "fachkraft", "fk-02")) == []  # not another Fachkraft's
    [offen] = VS.vorschlaege(s, wer=KO, nur_offen=True)
    assert (offen.wer, offen.name, offen.status) == ("fiona", "Elterncafé Bergen", "offen")
    e = log(s)[0]
    assert (e["wer"], e["aktion"], e["art"], e["objekt_id"]) == ("fiona", "vorgeschlagen", "vorschlag", v.id)

    with pytest.raises(ZugriffsFehler):
        VS.uebernehmen(s, v.id, wer=FK)
    n = len(log(s))
    zeile = VS.uebernehmen(s, v.id, wer=KO, von="Kreisjugendamt", heute="2026-05-04")
    assert (zeile["name"], zeile["gueltig_ab"], zeile["geprueft_von"]) == ("Elterncafé Bergen", "2026-05-04",
                                                                           "Kreisjugendamt")
    assert any(a["id"] == zeile["id"] for a in s.load().angebote)
    neu = neu_seit(s, n)
    assert sorted((e["aktion"], e["wer"]) for e in neu) == [("angelegt", "kora"), ("übernommen", "kora")]
    assert VS.vorschlaege(s, wer=KO, nur_offen=True) == []
    assert VS.vorschlaege(s, wer=FK)[0].status == "übernommen"
    with pytest.raises(NichtGefundenFehler, match="schon übernommen"):
        VS.uebernehmen(s, v.id, wer=KO)


def test_proposal_rejected_and_invalid_proposal(s):
    v = VS.vorschlagen(s, VORSCHLAG, wer=FK)
    VS.ablehnen(s, v.id, wer=KO)
    assert VS.vorschlaege(s, wer=FK)[0].status == "abgelehnt"
    assert len(s.load().angebote) == 3
    n = len(log(s))
    with pytest.raises(ValidierungsFehler):
        VS.vorschlagen(s, {**VORSCHLAG, "name": "", "art": "Sport"}, wer=FK)
    with pytest.raises(ZugriffsFehler):
        VS.vorschlagen(s, VORSCHLAG, wer=OEFFENTLICH)
    assert len(log(s)) == n
