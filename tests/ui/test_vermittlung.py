"""Page Vermittlung (AppTest on the seeded demo data): pick Kita and Thema, results with reasons, the handout
controls, the gap when nothing fits, the anonymous count and its protected table."""

from __future__ import annotations

from conftest import klartext, seite, texte
from ui_hilfen import FACHKRAFT, KOORDINATION

from network.vermittlung import Anfrage, suchen, vermittlungen
from network.vermittlung.anonym import KLEIN

KITA = "kita-001"


def gewaehlt(at, kita=KITA, themen=("erziehungsberatung",)):
    at.selectbox(key="vm_kita").set_value(kita).run()
    at.multiselect(key="vm_themen").set_value(list(themen)).run()
    assert not at.exception, at.exception
    return at


def test_ohne_auswahl_hinweis_und_datenschutz(datenordner):
    at = seite("vermittlung").run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Vermittlung"]
    alles = texte(at)
    assert "Über die Familie wird hier nichts gespeichert" in alles
    assert "Bitte eine Kita und mindestens ein Thema wählen" in alles
    assert not at.header  # no results yet


def test_kita_und_thema_ergeben_karten_mit_gruenden(datenordner):
    at = gewaehlt(seite("vermittlung").run())
    kopf = [h.value for h in at.header]
    assert kopf and kopf[0].endswith("passende Angebote")
    n = int(kopf[0].split()[0])
    karten = [klartext(s.value) for s in at.subheader if s.value[:1].isdigit()]
    assert karten and karten[0].startswith("1. ") and len(karten) == min(n, 8)
    gruende = [klartext(m.value) for m in at.markdown if m.value.startswith("- ")]
    assert len(gruende) == len(karten)
    assert all("km entfernt" in g or "aufsuchend – kommt zu Ihnen" in g or "Entfernung unbekannt" in g
               for g in gruende)
    # the same order as the matching function
    from network.ui.bausteine import daten as D

    erwartet = suchen(D.daten(), Anfrage(themen=("erziehungsberatung",), kita_id=KITA), D.heute())
    assert [k.split(". ", 1)[1] for k in karten] == [t.name for t in erwartet.treffer[:len(karten)]]


def test_auswahl_schaltet_handzettel_und_druckansicht_frei(datenordner):
    at = gewaehlt(seite("vermittlung").run())
    knopf = at.get("download_button")[0]
    assert knopf.proto.disabled
    ersten = [c for c in at.checkbox if c.key.startswith("vm_wahl_")][:2]
    for c in ersten:
        c.check()
    at.run()
    assert not at.get("download_button")[0].proto.disabled
    assert "Auf dem Handzettel:" in texte(at)
    at.selectbox(key="vm_blatt_sprache").set_value("ar").run()
    assert at.get("download_button")[0].proto.label == "Handzettel herunterladen (PDF)"
    at.toggle(key="vm_druckansicht").set_value(True).run()
    assert not at.exception and len(at.table) == 1
    # four chosen: too many for one page
    for c in [c for c in at.checkbox if c.key.startswith("vm_wahl_")][:4]:
        c.check()
    at.run()
    assert at.get("download_button")[0].proto.disabled
    assert any("höchstens 3" in w.value for w in at.warning)


def test_nichts_passt_zeigt_luecke_und_alternativen(datenordner):
    from network.ui.bausteine import daten as D

    # find, in the demo data, a language no Angebot of a Thema speaks (as a must) for this Kita
    d = D.daten()
    sprachen = sorted({s for a in d.angebote for s in a.get("sprachen") or []})
    for thema in ("sucht", "trennung", "gewaltschutz", "fruehfoerderung"):
        for sprache in sprachen:
            e = suchen(d, Anfrage(themen=(thema,), kita_id=KITA, sprachen=(sprache,), muss=frozenset({"sprache"})),
                       D.heute())
            if e.luecke and e.alternativen:
                break
        else:
            continue
        break
    at = gewaehlt(seite("vermittlung").run(), themen=(thema,))
    at.multiselect(key="vm_sprache").set_value([sprache]).run()
    at.checkbox(key="vm_muss_sprache").check().run()
    assert not at.exception
    n = len(e.treffer)
    assert [h.value for h in at.header] == [{0: "Kein passendes Angebot", 1: "1 passendes Angebot"}.get(
        n, f"{n} passende Angebote")]
    warnung = " ".join(klartext(w.value) for w in at.warning)
    assert "**Lücke im Angebot:** Kein passendes Angebot im Sozialraum" in warnung and "Koordination" in warnung
    assert "Nächste Angebote, die nicht ganz passen" in [s.value for s in at.subheader]
    assert any(":orange-badge[nur zur Orientierung]" in m.value for m in at.markdown)
    assert any("Nur zur Orientierung – passt nicht ganz" in klartext(m.value) for m in at.markdown)


def test_vermittlung_zaehlen_und_geschuetzt_anzeigen(datenordner, store):
    vorher = sum(r["anzahl"] for r in vermittlungen(store))
    at = gewaehlt(seite("vermittlung", als=KOORDINATION).run())  # the table: vermittlung:lesen
    assert "keine Namen, kein Alter, kein Freitext" in texte(at)
    angebot = at.selectbox(key="vm_e_angebot").value
    at.selectbox(key="vm_e_ergebnis").set_value("Warteliste")
    at.button(key="FormSubmitter:vm_form-+1 Vermittlung erfassen").click().run()
    assert not at.exception, at.exception
    assert any("Über die Familie wurde nichts gespeichert" in s.value for s in at.success)
    rows = vermittlungen(store)
    assert sum(r["anzahl"] for r in rows) == vorher + 1
    neu = [r for r in rows if r["angebot_id"] == angebot and r["ergebnis"] == "Warteliste"]
    assert neu and set(neu[0]) == {"monat", "kita_id", "angebot_id", "thema_id", "ergebnis", "anzahl"}
    assert neu[0]["kita_id"] == KITA and neu[0]["thema_id"] == "erziehungsberatung"
    # the table shows the single count as „< 3“
    tabelle = at.dataframe[-1].value
    assert KLEIN in tabelle.to_string()
    assert "1" not in set(tabelle.drop(columns=tabelle.columns[0]).astype(str).values.ravel())


def test_fachkraft_zaehlt_sieht_aber_keine_zahlen(datenordner, store):
    vorher = sum(r["anzahl"] for r in vermittlungen(store))
    eintraege = len(store.query("lade_protokoll"))
    at = gewaehlt(seite("vermittlung", als=FACHKRAFT).run())
    assert not [e for e in at.expander if e.label.startswith("Vermittlungen in Zahlen")]
    at.button(key="FormSubmitter:vm_form-+1 Vermittlung erfassen").click().run()
    assert not at.exception and not at.error
    assert sum(r["anzahl"] for r in vermittlungen(store)) == vorher + 1
    assert FACHKRAFT.name not in str(vermittlungen(store))
    assert len(store.query("lade_protokoll")) == eintraege  # not in the trail: who counted is stored nowhere


def test_luecke_melden_zaehlt_anonym_und_erscheint_in_der_analyse(datenordner, store):
    from network.ui.bausteine import daten as D
    from network.vermittlung import bedarfsluecken, monat_heute

    d = D.daten()
    sprachen = sorted({s for a in d.angebote for s in a.get("sprachen") or []})
    thema, sprache = next((t, s) for t in ("sucht", "trennung", "gewaltschutz", "fruehfoerderung") for s in sprachen
                          if suchen(d, Anfrage(themen=(t,), kita_id=KITA, sprachen=(s,), muss=frozenset({"sprache"})),
                                    D.heute()).luecke)
    vorher = sum(r["anzahl"] for r in bedarfsluecken(store))
    protokoll = len(store.query("lade_protokoll"))
    at = gewaehlt(seite("vermittlung", als=FACHKRAFT).run(), themen=(thema,))
    at.multiselect(key="vm_sprache").set_value([sprache]).run()
    at.checkbox(key="vm_muss_sprache").check().run()
    assert "Als Lücke melden" in " ".join(klartext(w.value) for w in at.warning)
    at.button(key="vm_luecke_melden").click().run()
    assert not at.exception, at.exception
    assert any("Als Lücke gemeldet" in s.value for s in at.success)
    assert at.button(key="vm_luecke_melden").disabled  # one report per search
    rows = bedarfsluecken(store)
    assert sum(r["anzahl"] for r in rows) == vorher + 1
    neu = [r for r in rows if r["thema_id"] == thema and r["monat"] == monat_heute()]
    assert neu and set(neu[0]) == {"monat", "sozialraum_id", "thema_id", "anzahl"}
    assert KITA not in str(rows) and FACHKRAFT.name not in str(rows)
    assert len(store.query("lade_protokoll")) == protokoll

    # the Koordination sees it on the Analyse page – protected
    an = seite("analyse").run()
    assert not an.exception
    luecken = [df.value for df in an.dataframe if "Summe" in df.value.columns][-1]
    sr_name = next(s["name"] for s in d.sozialraeume if s["id"] == neu[0]["sozialraum_id"])
    thema_name = next(t["name"] for t in d.themen if t["id"] == thema)
    zelle = luecken[luecken["Sozialraum"] == sr_name].iloc[0][thema_name]
    assert zelle == (KLEIN if neu[0]["anzahl"] < 3 else str(neu[0]["anzahl"]))
