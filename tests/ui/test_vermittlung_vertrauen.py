"""Matching a Fachkraft would trust, on the demo data (issue 15, point 6): the Kinderschutzdienst does not stand
in for Erziehungsberatung and shows its real distance; the Fachkraft's own Kitas come first."""

from __future__ import annotations

import re

from ui_hilfen import FACHKRAFT, klartext, seite

from network.ui.bausteine import daten as D


def test_erziehungsberatung_kinderschutzdienst_spezialisiert_und_echte_entfernung(datenordner):
    d = D.daten()
    kita = next(k for k in d.kitas if k.get("fachkraft_id") == "fk-01")
    at = seite("vermittlung", als=FACHKRAFT).run()
    at.selectbox(key="vm_kita").set_value(kita["id"]).run()
    at.multiselect(key="vm_themen").set_value(["erziehungsberatung"]).run()
    assert not at.exception
    karten = [klartext(s.value) for s in at.subheader if s.value[:1].isdigit()]
    namen = [k.split(". ", 1)[1] for k in karten]
    schwerpunkt = {a["name"] for a in d.angebote if (a.get("themen") or [""])[0] == "erziehungsberatung"}
    # every Angebot with Erziehungsberatung as its focus comes before any specialised one
    erste_spezial = next((i for i, n in enumerate(namen) if n not in schwerpunkt), len(namen))
    assert all(n not in schwerpunkt for n in namen[erste_spezial:])
    if "Kinderschutzdienst Rhein-Hunsrück" in namen:
        i = namen.index("Kinderschutzdienst Rhein-Hunsrück")
        assert i >= erste_spezial
    alle = "\n".join(klartext(m.value) for m in at.markdown)
    assert "Schwerpunkt: Gewaltschutz – hilft auch bei" in alle or "Kinderschutzdienst Rhein-Hunsrück" not in namen
    assert not re.search(r"near_me: 0,0 km", alle)  # an aufsuchend service shows where it is, not „0,0 km“


def test_eigene_kitas_zuerst(datenordner):
    d = D.daten()
    eigene = [k["id"] for k in d.kitas if k.get("fachkraft_id") == FACHKRAFT.fachkraft_id]
    at = seite("vermittlung", als=FACHKRAFT).run()
    optionen = [o for o in at.selectbox(key="vm_kita").options]
    assert eigene
    n = len(eigene)
    erste = [klartext(o) for o in optionen if o][:n]
    assert all("Ihre Kita" in o for o in erste), erste
    assert not any("Ihre Kita" in klartext(o) for o in optionen[n + 1:])


def test_analyse_empfiehlt_nicht_allen_kitas_denselben_partner(datenordner):
    """Kirchberg's Kitas all got „Hebammensprechstunde Kirchberg“; now the recommendations spread, and each names
    the partner's load („Kapazität: …“)."""
    from collections import Counter

    from network.analyse import analyse

    bericht = analyse(D.daten(), D.heute())
    for s in bericht["sozialraeume"]:
        empf = s["empfehlungen"]
        if len(empf) >= 3:
            haeufigster = Counter(e["angebot_id"] for e in empf).most_common(1)[0][1]
            assert haeufigster < len(empf), (s["id"], empf)
            assert haeufigster <= max(2, len(empf) // 2 + 1), (s["id"], haeufigster, len(empf))
        assert all("Kapazität: " in e["grund"] for e in empf)
