"""Page „Protokoll“ (Koordination): the audit trail with filters, each change readable, and a CSV export.

Reading needs ``protokoll:lesen`` (:func:`network.zugang.protokoll.lade` checks it). Filters: who, what kind of
object, which action, a date range and a search in the object's id. The table shows one line per entry with the
changed fields in short; choosing an entry shows its fields before and after as a small table (parsed from the
stored JSON). The export is the filtered trail as CSV with every text cell protected against spreadsheet formulas
(:func:`network.austausch.dateien.schuetzen`). Everything from the trail reaches the browser as table text.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from ..zugang import protokoll as Z
from . import daten as D
from . import sitzung
from .text import datum_de, md

__all__ = ["seite", "tabelle", "MAX_ZEILEN"]

#: Entries shown in the table at most (the export always holds every filtered entry).
MAX_ZEILEN = 1000
_ALLE = "__alle__"


def _zeit(iso: str | None) -> str:
    return f"{datum_de(iso[:10])} {iso[11:16]}" if iso else ""


def tabelle(eintraege: list[dict]) -> pd.DataFrame:
    """The entries as the page's table: time, who, action, kind, id and the changed fields in short."""
    return pd.DataFrame([{"Zeit": _zeit(e.get("zeit")), "Wer": e.get("wer") or "", "Aktion": e.get("aktion") or "",
                          "Art": e.get("art") or "", "Kennung": e.get("objekt_id") or "",
                          "Änderung": Z.kurzfassung(e)} for e in eintraege],
                        columns=["Zeit", "Wer", "Aktion", "Art", "Kennung", "Änderung"])


def _auswahl(label: str, werte: set, key: str) -> str | None:
    optionen = [_ALLE, *sorted(w for w in werte if w)]
    if st.session_state.get(key) not in optionen:
        st.session_state[key] = _ALLE
    wahl = st.selectbox(label, optionen, key=key, format_func=lambda o: "alle" if o == _ALLE else o)
    return None if wahl == _ALLE else wahl


def _zuruecksetzen() -> None:
    for k in ("pt_wer", "pt_art", "pt_aktion"):
        st.session_state[k] = _ALLE
    st.session_state["pt_von"] = None
    st.session_state["pt_bis"] = None
    st.session_state["pt_suche"] = ""


def seite() -> None:
    n = sitzung.bewache("Protokoll")
    st.title("Protokoll", anchor=False)
    st.caption("Wer hat wann was geändert – jede Änderung an Daten, Konten und Szenarien, mit den Feldern vorher und "
               "nachher. Das Protokoll lässt sich nicht ändern oder löschen. Vermittlungen stehen bewusst nicht darin "
               "(wer gezählt hat, wird nicht gespeichert).")
    alle = Z.lade(D.store(), wer=n)
    with st.container(border=True, key="pt_filter"):
        c1, c2, c3 = st.columns(3)
        with c1:
            wer = _auswahl("Wer", {e.get("wer") for e in alle}, "pt_wer")
        with c2:
            art = _auswahl("Art", {e.get("art") for e in alle}, "pt_art")
        with c3:
            aktion = _auswahl("Aktion", {e.get("aktion") for e in alle}, "pt_aktion")
        c1, c2, c3 = st.columns(3)
        von = c1.date_input("Von (Datum)", value=None, key="pt_von", format="DD.MM.YYYY")
        bis = c2.date_input("Bis (Datum)", value=None, key="pt_bis", format="DD.MM.YYYY")
        suche = c3.text_input("Kennung enthält", key="pt_suche", placeholder="z. B. kita-001")
        st.button("Filter zurücksetzen", on_click=_zuruecksetzen, icon=":material/filter_alt_off:", type="tertiary",
                  key="pt_zurueck")
    gefiltert = Z.filtere(alle, wer=wer, art=art, aktion=aktion,
                          von=von.isoformat() if isinstance(von, date) else None,
                          bis=bis.isoformat() if isinstance(bis, date) else None, suche=suche or "")
    st.header(f"{len(gefiltert)} von {len(alle)} Einträgen", anchor=False)
    if not gefiltert:
        st.info("Keine Einträge für diese Filter.")
        return
    st.download_button("Als CSV herunterladen", data=lambda: Z.als_csv(gefiltert),
                       file_name=f"protokoll-{D.heute()}.csv", mime="text/csv", icon=":material/download:",
                       key="pt_csv", on_click="ignore")
    gezeigt = gefiltert[:MAX_ZEILEN]
    if len(gefiltert) > MAX_ZEILEN:
        st.caption(f"Die Tabelle zeigt die neuesten {MAX_ZEILEN} Einträge; die CSV-Datei enthält alle "
                   f"{len(gefiltert)}. Mit den Filtern lässt sich die Auswahl eingrenzen.")
    st.dataframe(tabelle(gezeigt), hide_index=True, width="stretch", height=min(420, 38 + 35 * len(gezeigt)))

    st.subheader("Ein Eintrag im Einzelnen", anchor=False)
    nach_id = {e["id"]: e for e in gezeigt}
    if st.session_state.get("pt_eintrag") not in nach_id:
        st.session_state["pt_eintrag"] = gezeigt[0]["id"]
    st.selectbox("Eintrag", list(nach_id), key="pt_eintrag",
                 format_func=lambda i: f"{_zeit(nach_id[i].get('zeit'))} · {nach_id[i].get('wer')} · "
                                       f"{nach_id[i].get('aktion')} · {nach_id[i].get('art')} "
                                       f"{nach_id[i].get('objekt_id')}")
    e = nach_id[st.session_state["pt_eintrag"]]
    st.caption(md(f"{_zeit(e.get('zeit'))} – {e.get('wer')} – {e.get('aktion')} – {e.get('art')} "
                  f"„{e.get('objekt_id')}“"))
    felder = Z.aenderungen(e)
    if felder:
        st.dataframe(pd.DataFrame(felder, columns=["Feld", "vorher", "nachher"]), hide_index=True, width="stretch")
    else:
        st.text("Ohne Feldwerte (z. B. ein Passwortwechsel oder eine Löschung aller Daten).")
