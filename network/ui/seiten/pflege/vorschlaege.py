"""Proposals on the page Pflege: a Fachkraft proposes a new Angebot, the Koordination takes it over or rejects
it (:mod:`network.vorschlag`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .... import vorschlag as VS
from ....errors import Befund, KitaNetzFehler, ValidierungsFehler
from ....grund import format as F
from ....model import KREISWEIT, Netzdaten
from ....zugang import Nutzer
from ...bausteine import daten as D
from ...bausteine import sitzung
from ...bausteine.begriffe import BESCHRIFTUNG
from ...bausteine.text import md
from .formulare import (
    GRUPPEN,
    aus_formular,
    eingabefeld,
    feldschluessel,
    in_formular,
    ist_liste,
    pruefende_stelle,
    spalte_von,
)

__all__ = ["vorschlag_formular", "vorschlaege"]

# -- proposals ----------------------------------------------------------------------------------------
_VS = "vorschlag"  # key prefix of the proposal form (pf_vorschlag_<feld>)
#: The proposal form: the Angebot's sections without id and validity (a proposal gets both when taken over).
GRUPPEN_VORSCHLAG = tuple((titel, tuple(f for f in felder if f in VS.FELDER))
                          for titel, felder in GRUPPEN["angebote"] if any(f in VS.FELDER for f in felder))


def _vorschlag_leeren() -> None:
    for f in VS.FELDER:
        st.session_state[feldschluessel(_VS, f)] = [] if ist_liste(f) else in_formular(spalte_von("angebote", f).typ, "")


def _vorschlagen() -> None:
    s = st.session_state
    s.pop(feldschluessel(_VS, "meldung"), None)
    werte = {}
    for f in VS.FELDER:
        v = s.get(feldschluessel(_VS, f), "")
        werte[f] = "|".join(v) if isinstance(v, list) else aus_formular(spalte_von("angebote", f).typ, v)
    try:
        v = VS.vorschlagen(D.store(), werte, wer=sitzung.nutzer(), heute=D.heute())
    except ValidierungsFehler as e:
        s[feldschluessel(_VS, "fehler")] = e.fehler
        return
    except KitaNetzFehler as e:
        s[feldschluessel(_VS, "fehler")] = [Befund("angebote", 0, "", str(e))]
        return
    s.pop(feldschluessel(_VS, "fehler"), None)
    _vorschlag_leeren()
    s[feldschluessel(_VS, "meldung")] = (f"Danke! Der Vorschlag „{v.name}“ ist bei der Koordination. Im Wegweiser erscheint "
                             "das Angebot erst, wenn die Koordination es übernommen hat.")


def _status(v: VS.Vorschlag) -> str:
    if v.status == VS.OFFEN:
        return "offen"
    return f"{v.status} am {F.datum((v.entschieden_am or '')[:10])}"


def vorschlag_formular(d: Netzdaten, n: Nutzer) -> None:
    st.header("Angebot vorschlagen", anchor=False)
    st.markdown("Sie kennen ein Angebot, das im Wegweiser fehlt? Schlagen Sie es vor: Die Koordination prüft den "
                "Vorschlag und übernimmt ihn. Bis dahin ist er nirgends öffentlich zu sehen.")
    if any(feldschluessel(_VS, f) not in st.session_state for f in VS.FELDER):
        _vorschlag_leeren()
    meldung = st.session_state.pop(feldschluessel(_VS, "meldung"), None)
    if meldung:
        st.success(md(meldung), icon=":material/check_circle:")
    fehlerliste: list[Befund] = st.session_state.get(feldschluessel(_VS, "fehler")) or []
    fehler: dict[str, list[str]] = {}
    for f in fehlerliste:
        fehler.setdefault(f.spalte if f.spalte in VS.FELDER else "", []).append(f.grund)
    if fehlerliste:
        st.error(f"{len(fehlerliste)} Fehler – der Vorschlag wurde nicht abgeschickt. Die Gründe stehen bei den "
                 "Feldern.", icon=":material/error:")
        for grund in fehler.get("", []):
            st.error(md(grund))
    with st.form("pf_form_vorschlag", border=True, enter_to_submit=False):
        for titel, felder in GRUPPEN_VORSCHLAG:
            st.markdown(f"**{titel}**")
            for i in range(0, len(felder), 2):
                spalten = st.columns(2)
                for j, feld in enumerate(felder[i:i + 2]):
                    with spalten[j]:
                        eingabefeld(d, "angebote", feld, True, fehler, praefix=_VS)
        st.caption("\\* Pflichtfeld. Geprüft wird wie beim Anlegen eines Angebots.")
        st.form_submit_button("Vorschlag abschicken", type="primary", on_click=_vorschlagen,
                              icon=":material/send:")
    eigene = VS.vorschlaege(D.store(), wer=n)
    st.subheader("Ihre Vorschläge", anchor=False)
    if not eigene:
        st.text("Noch keine Vorschläge.")
        return
    st.dataframe(pd.DataFrame([{"Angebot": v.name, "vorgeschlagen am": F.datum(v.zeit[:10]),
                                "Stand": _status(v)} for v in eigene]), hide_index=True, width="stretch")


def _entscheiden(vorschlag_id: str, uebernehmen: bool) -> None:
    s = st.session_state
    s.pop("pf_vs_meldung", None)
    try:
        if uebernehmen:
            zeile = VS.uebernehmen(D.store(), vorschlag_id, wer=sitzung.nutzer(), von=pruefende_stelle(), heute=D.heute())
            D.geschrieben()
            s["pf_vs_meldung"] = ("ok", f"Übernommen: Angebot „{zeile['name']}“ ({zeile['id']}), gültig ab heute. "
                                        "Ergänzen oder ändern unter „Angebote“.")
        else:
            VS.ablehnen(D.store(), vorschlag_id, wer=sitzung.nutzer())
            s["pf_vs_meldung"] = ("ok", "Der Vorschlag wurde abgelehnt.")
    except ValidierungsFehler as e:
        s["pf_vs_meldung"] = ("fehler", "Der Vorschlag passt nicht mehr zu den Daten: "
                                        + " ".join(f"{f.spalte}: {f.grund}" for f in e.fehler))
    except KitaNetzFehler as e:
        s["pf_vs_meldung"] = ("fehler", str(e))


def vorschlaege(d: Netzdaten, n: Nutzer) -> None:
    st.header("Vorschläge von Fachkräften", anchor=False)
    meldung = st.session_state.pop("pf_vs_meldung", None)
    if meldung:
        (st.success if meldung[0] == "ok" else st.error)(md(meldung[1]))
    offen = VS.vorschlaege(D.store(), wer=n, nur_offen=True)
    if not offen:
        st.markdown("Keine offenen Vorschläge.")
        return
    st.caption("Übernehmen legt das Angebot an (gültig ab heute, „geprüft von“ = Prüfende Stelle oben); "
               "Ablehnen schließt den Vorschlag. Beides steht im Protokoll.")
    themen = d.namen("themen")
    sr = d.namen("sozialraeume")
    for v in offen:
        with st.container(border=True, key=f"pf_vs_{v.id}"):
            st.subheader(md(v.name), anchor=False)
            st.caption(md(f"vorgeschlagen von {v.wer} am {F.datum(v.zeit[:10])}"))
            zeilen = []
            for f in VS.FELDER:
                wert = v.werte.get(f) or ""
                if f == "themen":
                    wert = ", ".join(themen.get(t, t) for t in wert.split("|") if t)
                elif f == "versorgt":
                    wert = ", ".join("alle (kreisweit)" if x == KREISWEIT else sr.get(x, x)
                                     for x in wert.split("|") if x)
                elif ist_liste(f):
                    wert = ", ".join(x for x in wert.split("|") if x)
                if wert:
                    zeilen.append({"Feld": BESCHRIFTUNG.get(f, f), "Wert": wert})
            st.dataframe(pd.DataFrame(zeilen, columns=["Feld", "Wert"]), hide_index=True, width="stretch")
            c1, c2, _ = st.columns([2, 2, 4])
            c1.button("Übernehmen", key=f"pf_vs_ja_{v.id}", type="primary", icon=":material/done:",
                      on_click=_entscheiden, args=(v.id, True))
            c2.button("Ablehnen", key=f"pf_vs_nein_{v.id}", icon=":material/close:",
                      on_click=_entscheiden, args=(v.id, False))
