"""Matching and ranking: each rule on a small hand-built network (see vm_netze.py for the geometry)."""

from __future__ import annotations

import json
import random

import pytest
from vm_netze import STICHTAG, ang, koop, netz

from network.errors import AnfrageFehler, NichtGefundenFehler
from network.vermittlung import Anfrage, suchen


def ids(ergebnis) -> list[str]:
    return [t.angebot_id for t in ergebnis.treffer]


def suche(daten, **kw):
    kw.setdefault("themen", ("sucht",))
    kw.setdefault("kita_id", "k1")
    return suchen(daten, Anfrage(**kw), STICHTAG)


# -- candidates: hard constraints ---------------------------------------------------------------------
def test_nur_aktive_angebote_mit_passendem_thema_im_einzugsgebiet():
    d = netz([
        ang("a-ok"),
        ang("a-abgelaufen", gueltig_bis="2025-06-14"),
        ang("a-zukunft", gueltig_ab="2025-06-16"),
        ang("a-grenztage", gueltig_ab=STICHTAG, gueltig_bis=STICHTAG),
        ang("a-anderes-thema", themen=["fruehe-hilfen"]),
        ang("a-anderer-sozialraum", versorgt=["sr-b"]),
        ang("a-kreisweit", versorgt=["alle"], km=3.0),
    ])
    assert set(ids(suche(d))) == {"a-ok", "a-grenztage", "a-kreisweit"}


def test_max_km_ist_hart_unbekannte_entfernung_bleibt_mit_hinweis():
    d = netz([ang("a-nah", km=4), ang("a-fern", km=12), ang("a-ohne-ort", km=None, gemeinde_id=None)])
    e = suche(d, max_km=10)
    assert ids(e) == ["a-nah", "a-ohne-ort"]
    assert "Entfernung unbekannt (keine Adresse hinterlegt)" in e.treffer[1].gruende


@pytest.mark.parametrize("feld", ["kostenlos", "barrierefrei", "aufsuchend"])
def test_kostenlos_barrierefrei_aufsuchend_sind_hart_wenn_gewuenscht(feld):
    d = netz([ang("a-ja", km=3, **{feld: True}), ang("a-nein", km=1, **{feld: False}),
              ang("a-unbekannt", km=2, **{feld: None})])
    assert set(ids(suche(d))) == {"a-ja", "a-nein", "a-unbekannt"}
    assert ids(suche(d, **{feld: True})) == ["a-ja"]


def test_sprache_ist_weich_ausser_als_muss():
    d = netz([ang("a-deutsch", km=1, sprachen=["Deutsch"]), ang("a-arabisch", km=2, sprachen=["Deutsch", "Arabisch"])])
    weich = suche(d, sprachen=("arabisch",))  # case does not matter
    assert ids(weich) == ["a-arabisch", "a-deutsch"]  # same 5-km step: the better fit wins
    assert "spricht Arabisch" in weich.treffer[0].gruende
    assert "keine der gewünschten Sprachen angegeben (arabisch)" in weich.treffer[1].gruende
    hart = suche(d, sprachen=("Arabisch",), muss=frozenset({"sprache"}))
    assert ids(hart) == ["a-arabisch"]


def test_zielgruppe_ist_weich_ausser_als_muss():
    d = netz([ang("a-alle", km=1), ang("a-allein", km=2, zielgruppen=["Alleinerziehende", "Eltern"])])
    assert ids(suche(d, zielgruppen=("Alleinerziehende",))) == ["a-allein", "a-alle"]
    assert "für Alleinerziehende" in suche(d, zielgruppen=("Alleinerziehende",)).treffer[0].gruende
    assert ids(suche(d, zielgruppen=("Alleinerziehende",), muss=frozenset({"zielgruppe"}))) == ["a-allein"]


# -- ranking ------------------------------------------------------------------------------------------
def test_kooperation_der_kita_kommt_zuerst_auch_wenn_weiter_weg():
    d = netz([ang("a-nah", km=1), ang("a-partner", km=25)], [koop("c1", "k1", "a-partner")])
    e = suche(d)
    assert ids(e) == ["a-partner", "a-nah"]
    assert e.treffer[0].kooperiert and e.treffer[0].gruende[0] == "kooperiert bereits mit Ihrer Kita"
    assert not e.treffer[1].kooperiert


@pytest.mark.parametrize("kooperation", [
    koop("c1", "k1", "a-partner", bis="2025-01-31"),        # ended
    koop("c1", "k1", "a-partner", seit="2025-07-01"),       # not yet
    koop("c1", "k2", "a-partner"),                          # another Kita
])
def test_nur_laufende_kooperation_dieser_kita_zaehlt(kooperation):
    d = netz([ang("a-nah", km=1), ang("a-partner", km=25)], [kooperation])
    assert ids(suche(d)) == ["a-nah", "a-partner"]


def test_entfernung_in_5_km_stufen_dann_passung():
    d = netz([ang("a-1km", km=1), ang("a-4km", km=4, sprachen=["Türkisch"]), ang("a-6km", km=6, sprachen=["Türkisch"])])
    e = suche(d, sprachen=("Türkisch",))
    assert ids(e) == ["a-4km", "a-1km", "a-6km"]
    assert [t.gruende[0] for t in e.treffer] == ["4 km entfernt (Luftlinie)", "1 km entfernt (Luftlinie)",
                                                 "6 km entfernt (Luftlinie)"]
    assert ids(suche(d)) == ["a-1km", "a-4km", "a-6km"]


def test_aufsuchend_im_einzugsgebiet_gilt_als_0_km():
    d = netz([ang("a-2km", km=2), ang("a-haus", km=30, aufsuchend=True),
              ang("a-haus-fremd", km=8, aufsuchend=True, versorgt=["sr-b"])])
    e = suche(d)
    assert ids(e) == ["a-haus", "a-2km"]
    assert e.treffer[0].km == 0.0 and e.treffer[0].gruende[0] == "aufsuchend – kommt zu Ihnen"


def test_zentralitaet_entscheidet_bei_gleicher_stufe_und_passung():
    # a-mitte links Kita k2 and the Angebot a-rand: it lies on the only path between them (betweenness > 0)
    d = netz([ang("a-einzeln", km=1), ang("a-mitte", km=2), ang("a-rand", km=20, themen=["fruehe-hilfen"])],
             [koop("c1", "k2", "a-mitte"), koop("c2", "a-rand", "a-mitte")])
    e = suche(d)
    assert ids(e) == ["a-mitte", "a-einzeln"]
    assert e.treffer[0].zentralitaet > 0 == e.treffer[1].zentralitaet
    assert "gut vernetzt: verbindet viele Partner im Netzwerk" in e.treffer[0].gruende


def test_gleichstand_nach_entfernung_dann_kennung():
    d = netz([ang("a-b", km=2), ang("a-c", km=2), ang("a-a", km=2), ang("a-x", km=1.5)])
    assert ids(suche(d)) == ["a-x", "a-a", "a-b", "a-c"]


def test_reihenfolge_haengt_nicht_von_der_reihenfolge_der_daten_ab():
    angebote = [ang(f"a-{i:02d}", km=(i * 7) % 13, sprachen=["Arabisch"] if i % 3 == 0 else [],
                    aufsuchend=i % 5 == 0) for i in range(20)]
    kooperationen = [koop("c1", "k1", "a-07"), koop("c2", "k2", "a-03"), koop("c3", "a-03", "a-11")]
    erwartet = ids(suche(netz(angebote, kooperationen), sprachen=("Arabisch",)))
    rnd = random.Random(7)
    for _ in range(5):
        rnd.shuffle(angebote)
        rnd.shuffle(kooperationen)
        assert ids(suche(netz(angebote, kooperationen), sprachen=("Arabisch",))) == erwartet
    assert erwartet[0] == "a-07"


def test_mehrere_themen_zuerst_das_beste_je_thema():
    d = netz([ang("s-1", km=1), ang("s-2", km=1.5), ang("f-1", km=3, themen=["fruehe-hilfen"]),
              ang("beide", km=20, themen=["sucht", "fruehe-hilfen"])])
    e = suche(d, themen=("sucht", "fruehe-hilfen"))
    assert ids(e) == ["s-1", "f-1", "s-2", "beide"]
    assert e.luecke is None
    assert "passt zu: Sucht, Frühe Hilfen" in e.treffer[3].gruende


def test_gruende_auf_deutsch():
    d = netz([ang("a-1", km=8.2, sprachen=["Arabisch"], kostenlos=True, barrierefrei=True)],
             [koop("c1", "k1", "a-1")])
    t = suche(d, sprachen=("Arabisch",), barrierefrei=True).treffer[0]
    assert t.gruende == ["kooperiert bereits mit Ihrer Kita", "8 km entfernt (Luftlinie)", "spricht Arabisch",
                         "kostenlos", "barrierefrei"]


# -- nothing fits -------------------------------------------------------------------------------------
def test_nichts_passt_luecke_und_gekennzeichnete_alternativen():
    d = netz([ang("a-fremd", km=50, versorgt=["sr-b"], kostenlos=True), ang("a-kostet", km=3, kostenlos=False),
              ang("a-beides", km=2, kostenlos=False, versorgt=["sr-b"]),
              ang("a-anderes-thema", km=1, themen=["fruehe-hilfen"], kostenlos=True)])
    e = suche(d, kostenlos=True)
    assert e.treffer == []
    assert e.luecke is not None
    assert e.luecke.themen == ["sucht"] and e.luecke.sozialraum_id == "sr-a"
    assert e.luecke.text == "Kein passendes Angebot im Sozialraum Nord zum Thema Sucht (Bedingungen: kostenlos)."
    # fewest misses first, then distance
    assert [t.angebot_id for t in e.alternativen] == ["a-kostet", "a-fremd", "a-beides"]
    assert all(not t.passt for t in e.alternativen)
    assert e.alternativen[0].abweichungen == ["nicht kostenlos"]
    assert e.alternativen[0].gruende[0] == "Nur zur Orientierung – passt nicht ganz: nicht kostenlos"
    assert e.alternativen[1].abweichungen == ["außerhalb Ihres Einzugsgebiets (nicht für Ihren Sozialraum zuständig)"]
    liste = e.als_liste()
    assert [x["passt"] for x in liste] == [False, False, False]
    assert json.loads(json.dumps(e.als_dict()))["luecke"]["themen"] == ["sucht"]


def test_luecke_nur_fuer_das_thema_ohne_treffer():
    d = netz([ang("a-1", km=1)])
    e = suche(d, themen=("sucht", "fruehe-hilfen"))
    assert ids(e) == ["a-1"]
    assert e.luecke.themen == ["fruehe-hilfen"] and e.alternativen == []


def test_json_felder_in_rangfolge():
    d = netz([ang("a-2", km=2), ang("a-1", km=1)])
    liste = suche(d).als_liste()
    assert [x["angebot_id"] for x in liste] == ["a-1", "a-2"]
    assert set(liste[0]) >= {"angebot_id", "name", "km", "kooperiert", "gruende"}
    assert liste[0]["km"] == 1.0 and liste[0]["rang"] == 1


# -- where from, and errors ---------------------------------------------------------------------------
def test_ausgangspunkt_gemeinde_oder_koordinaten():
    d = netz([ang("a-nord", km=1), ang("a-sued", km=None, versorgt=["sr-b"], lat=50.5, lon=7.5)])
    assert ids(suchen(d, Anfrage(themen=("sucht",), gemeinde_id="g-b"), STICHTAG)) == ["a-sued"]
    e = suchen(d, Anfrage(themen=("sucht",), lat=50.49, lon=7.5), STICHTAG)
    assert e.sozialraum_id == "sr-b" and ids(e) == ["a-sued"]


def test_fehler_auf_deutsch():
    d = netz([ang("a-1")])
    with pytest.raises(NichtGefundenFehler, match="Die Kita „k9“ gibt es im Verzeichnis nicht"):
        suche(d, kita_id="k9")
    with pytest.raises(NichtGefundenFehler, match="Das Thema „gibtsnicht“"):
        suche(d, themen=("gibtsnicht",))
    with pytest.raises(AnfrageFehler, match="mindestens ein Thema"):
        suche(d, themen=())
    with pytest.raises(AnfrageFehler, match="nur Sprache und Zielgruppe"):
        suche(d, muss=frozenset({"kostenlos"}))
    with pytest.raises(AnfrageFehler, match="Kita, eine Gemeinde oder Koordinaten"):
        suchen(d, Anfrage(themen=("sucht",)), STICHTAG)


def test_ohne_koordinaten_zaehlt_die_ortsmitte():
    """Issue 15.3: an Angebot with only an address is measured from its Gemeinde's centre, marked as such."""
    d = netz([ang("a-fern", km=12), ang("a-ortsmitte", km=None)])  # g-a's centre is the Kita's place
    e = suche(d)
    assert ids(e) == ["a-ortsmitte", "a-fern"]
    t = e.treffer[0]
    assert t.ungefaehr and t.luftlinie == 0.0
    assert "unter 1 km entfernt (Luftlinie, ungefähre Lage (Ortsmitte))" in t.gruende


def test_spezialisierter_dienst_steht_nicht_fuer_den_allgemeinen():
    """Issue 15.6: a service whose focus is another Thema ranks after those with the asked Thema as focus, even
    when nearer or cooperating, and says so."""
    d = netz([ang("a-spezial", km=1, themen=["fruehe-hilfen", "sucht"]), ang("a-allgemein", km=8)],
             [koop("c1", "k1", "a-spezial")])
    e = suche(d)
    assert ids(e) == ["a-allgemein", "a-spezial"]
    assert e.treffer[0].schwerpunkt and not e.treffer[1].schwerpunkt
    assert e.treffer[1].gruende[0] == "Schwerpunkt: Frühe Hilfen – hilft auch bei Sucht"


def test_aufsuchend_zeigt_die_echte_entfernung():
    """Issue 15.6: „kommt zu Ihnen“ ranks as 0 km, but the distance shown is the real one (was „0,0 km“)."""
    e = suche(netz([ang("a-mobil", km=20, aufsuchend=True)]))
    t = e.treffer[0]
    assert t.km == 0.0 and round(t.luftlinie) == 20
    assert t.als_dict()["luftlinie_km"] == 20.0
