"""The languages of an Angebot are on the card, not in a fold-out: Wegweiser cards, Druckliste and Vermittlung
cards (issue 15, point 5)."""

from __future__ import annotations

from ui_hilfen import FACHKRAFT, klartext, seite

from network.ui.bausteine import daten as D


def _mit_arabisch():
    return [a for a in D.daten().angebote if "Arabisch" in (a.get("sprachen") or [])]


def test_wegweiser_karte_und_druckliste_nennen_die_sprachen(datenordner):
    at = seite("wegweiser", als=None)
    at.query_params["sprache"] = "Arabisch"
    at.run()
    assert not at.exception
    assert _mit_arabisch()
    # every card's visible text block (the one with the address) names the languages
    bloecke = [t.value for t in at.text if t.value.startswith("Adresse:")]
    assert bloecke and all("Sprachen: " in b and "Arabisch" in b for b in bloecke), bloecke[:3]
    # the fold-out below the card no longer is the only place: it does not repeat them
    assert not [t.value for t in at.text if t.value.startswith("Zuständig für:") and "Sprachen:" in t.value]
    at.segmented_control(key="w_ansicht").set_value("Druckliste").run()
    tabelle = at.table[0].value
    assert "Sprachen" in tabelle.columns
    assert all("Arabisch" in klartext(str(x)) for x in tabelle["Sprachen"])


def test_vermittlung_karte_nennt_die_sprachen(datenordner):
    at = seite("vermittlung", als=FACHKRAFT).run()
    at.selectbox(key="vm_kita").set_value("kita-001").run()
    at.multiselect(key="vm_themen").set_value(["erziehungsberatung"]).run()
    assert not at.exception
    karten = [s for s in at.subheader if s.value[:1].isdigit()]
    sprachen = [t.value for t in at.text if t.value.startswith("Sprachen: ")]
    assert karten and len(sprachen) == len(karten)  # every result names its languages (all have some)
