"""Named weight scenarios in the store (both backends): save, list, load, replace, delete, rights, audit trail."""

from __future__ import annotations

import pytest

from network.errors import NichtGefundenFehler, VerteilungsFehler, ZugriffsFehler
from network.verteilung import STANDARD, Szenario, lade, loesche, speichere, szenarien
from network.zugang import KOMMANDOZEILE, OEFFENTLICH, Nutzer

KOORDINATION = Nutzer("koordination.test", "koordination")


def test_standard_ist_eingebaut_und_hat_die_kriterien(store):
    alle = szenarien(store)
    assert [s.name for s in alle] == ["Standard"]
    g = alle[0].gewichte
    assert {k for k, w in g.items() if w == 1} == {"hze_ambulant_u6", "familiengericht", "auslaendische_kinder",
                                                   "kinder_sgb2", "kita_migration"}
    assert g["kriterium_6"] == g["kriterium_7"] == 0


def test_speichern_laden_ersetzen_loeschen(store):
    s = speichere(store, Szenario("  SGB II doppelt ", {"kinder_sgb2": 2, "familiengericht": 1.5},
                                  "Entwurf <b>für</b> den JHA"), wer=KOORDINATION)
    assert s.name == "SGB II doppelt" and s.geaendert_am
    assert [x.name for x in szenarien(store)] == ["Standard", "SGB II doppelt"]
    geladen = lade(store, "sgb ii DOPPELT")
    assert geladen.gewichte == {"familiengericht": 1.5, "kinder_sgb2": 2.0}
    assert geladen.beschreibung == "Entwurf <b>für</b> den JHA"
    speichere(store, Szenario("SGB II doppelt", {"kinder_sgb2": 3}), wer=KOORDINATION)
    assert lade(store, "SGB II doppelt").gewichte == {"kinder_sgb2": 3.0}
    assert store.counts()["nodes"]["Szenario"] == 1
    speichere(store, Szenario("Ärger ümlaut", {"kinder_sgb2": 1}), wer=KOMMANDOZEILE)
    assert [x.name for x in szenarien(store)] == ["Standard", "Ärger ümlaut", "SGB II doppelt"]
    loesche(store, "SGB II doppelt", wer=KOORDINATION)
    with pytest.raises(NichtGefundenFehler):
        lade(store, "SGB II doppelt")
    with pytest.raises(NichtGefundenFehler):
        loesche(store, "gibt es nicht", wer=KOORDINATION)


def test_jede_aenderung_steht_im_protokoll(store):
    speichere(store, Szenario("A", {"kinder_sgb2": 1}), wer=KOORDINATION)
    speichere(store, Szenario("A", {"kinder_sgb2": 2}), wer=KOORDINATION)
    loesche(store, "A", wer=KOORDINATION)
    eintraege = [e for e in store.query("lade_protokoll") if e["art"] == "szenario"]
    assert [(e["aktion"], e["wer"], e["objekt_id"]) for e in reversed(eintraege)] == [
        ("angelegt", "koordination.test", "sz-a"), ("geändert", "koordination.test", "sz-a"),
        ("gelöscht", "koordination.test", "sz-a")]
    assert '"kinder_sgb2": 2.0' in eintraege[1]["nachher"] or '"kinder_sgb2": 2.0' in eintraege[0]["vorher"]


def test_nur_mit_recht(store):
    with pytest.raises(ZugriffsFehler):
        speichere(store, Szenario("A", {"kinder_sgb2": 1}), wer=OEFFENTLICH)
    with pytest.raises(ZugriffsFehler):
        speichere(store, Szenario("A", {"kinder_sgb2": 1}), wer=Nutzer("anna", "fachkraft", "fk-01"))
    assert store.counts()["nodes"]["Szenario"] == 0


@pytest.mark.parametrize("name, gewichte, meldung", [
    ("", {"kinder_sgb2": 1}, "Namen"),
    ("???", {"kinder_sgb2": 1}, "Namen"),
    ("standard", {"kinder_sgb2": 1}, "eingebaut"),
    ("x" * 81, {"kinder_sgb2": 1}, "zu lang"),
    ("A", {"kinder_sgb2": -1}, "ab 0"),
    ("A", {"kinder_sgb2": float("nan")}, "ab 0"),
    ("A", {"kinder_sgb2": "viel"}, "keine Zahl"),
    ("A", {"kinder_sgb2": 0}, "über 0"),
])
def test_ungueltige_szenarien(store, name, gewichte, meldung):
    with pytest.raises(VerteilungsFehler, match=meldung):
        speichere(store, Szenario(name, gewichte), wer=KOORDINATION)
    assert store.counts()["nodes"]["Szenario"] == 0


def test_standard_kann_nicht_geloescht_werden(store):
    with pytest.raises(VerteilungsFehler, match="eingebaut"):
        loesche(store, STANDARD.name, wer=KOORDINATION)


def test_szenarien_bleiben_beim_import_und_gehen_mit_reset(store, mini):
    speichere(store, Szenario("A", {"kinder_sgb2": 1}), wer=KOORDINATION)
    store.write(mini)
    assert [s.name for s in szenarien(store)] == ["Standard", "A"]
    store.clear()
    assert [s.name for s in szenarien(store)] == ["Standard"]
