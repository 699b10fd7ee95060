"""The review list of the page Pflege: Kitas and Angebote whose data are due for review, per Sozialraum.

An entry is due when it was never checked or not within ``KITANETZ_PRUEF_MONATE`` months (:mod:`network.frische`).
The list shows one Sozialraum at a time (district-wide Angebote without a location under „ohne Standort“); the
user ticks the entries checked with the provider and marks them with one click as „heute geprüft“ by an office
(default „Kreisjugendamt“). The stamp goes through :func:`network.frische.stempeln`: it needs the right
``daten:schreiben`` and writes an audit entry per row. The signed-in user comes from
:func:`network.ui.bausteine.sitzung.nutzer` (the page Pflege shows the list to the Koordination only).

The page Pflege calls :func:`pruefliste` once; everything else lives here.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from ... import frische
from ...errors import KitaNetzFehler
from ...grund import format as F
from ...zugang import Nutzer
from . import daten as D
from . import sitzung
from .text import md

__all__ = ["pruefliste", "STANDARD_STELLE", "OHNE_STANDORT"]

#: The office named in „geprüft von“ unless the user types another.
STANDARD_STELLE = "Kreisjugendamt"
#: Key of the group of entries without a location (district-wide Angebote).
OHNE_STANDORT = "__ohne__"


def _wer() -> Nutzer:
    return sitzung.nutzer()


def _key(f: frische.Faellig) -> str:
    return f"pr_wahl_{f.art}_{f.id}"


def _gruppen(liste: list[frische.Faellig]) -> dict[str, list[frische.Faellig]]:
    out: dict[str, list[frische.Faellig]] = {}
    for f in liste:
        out.setdefault(f.sozialraum_id or OHNE_STANDORT, []).append(f)
    return out


def _label(f: frische.Faellig) -> str:
    wann = (f"zuletzt geprüft {F.datum(f.geprueft_am)}" + (f" von {f.geprueft_von}" if f.geprueft_von else "")
            if f.geprueft_am else "nie geprüft")
    return md(f"{f.name} ({f.art}, {f.id}) – {wann}")


def _alle(eintraege: list[frische.Faellig], an: bool) -> None:
    for f in eintraege:
        st.session_state[_key(f)] = an


def _stempeln(eintraege: list[frische.Faellig]) -> None:
    gewaehlt = [f for f in eintraege if st.session_state.get(_key(f))]
    st.session_state.pop("pr_meldung", None)
    st.session_state.pop("pr_fehler", None)
    if not gewaehlt:
        st.session_state["pr_fehler"] = "Bitte zuerst mindestens einen Eintrag auswählen."
        return
    stelle = (st.session_state.get("pr_stelle") or "").strip()
    try:
        n = frische.stempeln(D.store(), [(f.art, f.id) for f in gewaehlt], wer=_wer(), stelle=stelle,
                             heute=date.fromisoformat(D.heute()))
    except KitaNetzFehler as e:
        st.session_state["pr_fehler"] = str(e)
        return
    D.geschrieben()
    for f in gewaehlt:
        st.session_state.pop(_key(f), None)
    st.session_state["pr_meldung"] = (f"{n} {'Eintrag' if n == 1 else 'Einträge'} als heute geprüft markiert "
                                      f"(„{stelle}“, {F.datum(D.heute())}).")


def pruefliste() -> None:
    """The review list as a section (an expander) of the page Pflege."""
    monate = D.settings().pruef_monate
    d = D.daten()
    liste = frische.faellige(d, date.fromisoformat(D.heute()), monate)
    gruppen = _gruppen(liste)
    sr_name = d.namen("sozialraeume")
    sr_name[OHNE_STANDORT] = "ohne Standort (kreisweit)"
    meldung, fehler = st.session_state.pop("pr_meldung", None), st.session_state.pop("pr_fehler", None)
    titel = (f"Prüfliste: {len(liste)} {'Eintrag' if len(liste) == 1 else 'Einträge'} seit mehr als {monate} "
             f"Monat{'en' if monate != 1 else ''} nicht geprüft")
    with st.expander(titel, icon=":material/fact_check:", expanded=bool(meldung or fehler)):
        if meldung:
            st.success(meldung, icon=":material/check_circle:")
        if fehler:
            st.error(fehler, icon=":material/error:")
        if not liste:
            st.markdown("Alle Angaben sind aktuell geprüft.")
            return
        st.caption(f"Fällig ist, was nie oder vor mehr als {monate} Monaten geprüft wurde (Einstellung "
                   "KITANETZ_PRUEF_MONATE). Nach Rücksprache mit dem Träger die geprüften Einträge auswählen und "
                   "als „heute geprüft“ markieren; im Wegweiser steht dann der neue Monat.")
        reihenfolge = sorted(gruppen, key=lambda s: (s == OHNE_STANDORT, sr_name.get(s, s).casefold()))
        if st.session_state.get("pr_sr") not in gruppen:
            st.session_state["pr_sr"] = reihenfolge[0]
        st.selectbox("Sozialraum", reihenfolge, key="pr_sr",
                     format_func=lambda s: f"{sr_name.get(s, s)} ({len(gruppen.get(s, []))} fällig)")
        eintraege = gruppen[st.session_state["pr_sr"]]
        st.session_state.setdefault("pr_stelle", STANDARD_STELLE)
        c1, c2, _ = st.columns([1, 1, 3])
        c1.button("Alle auswählen", key="pr_alle", on_click=_alle, args=(eintraege, True),
                  icon=":material/select_all:", type="tertiary")
        c2.button("Auswahl aufheben", key="pr_keine", on_click=_alle, args=(eintraege, False),
                  icon=":material/deselect:", type="tertiary")
        with st.form("pr_form", border=False):
            with st.container(key="pr_liste"):
                for f in eintraege:
                    st.checkbox(_label(f), key=_key(f))
            c1, c2 = st.columns([2, 3], vertical_alignment="bottom")
            c1.text_input("Geprüft von (Stelle, keine Person)", key="pr_stelle")
            c2.form_submit_button("Ausgewählte heute als geprüft markieren", type="primary",
                                  icon=":material/event_available:", on_click=_stempeln, args=(eintraege,))
