"""Page „Protokoll“ (Koordination): the audit trail with filters, each change readable, and a CSV export.

Reading needs ``protokoll:lesen`` (:func:`network.zugang.protokoll.lade` checks it). Filters: who, what kind of
object, which action, a date range and a search in the object's id. The table shows one line per entry with the
changed fields in short; choosing an entry shows its fields before and after as a small table (parsed from the
stored JSON). The export is the filtered trail as CSV with every text cell protected against spreadsheet formulas
(:func:`network.austausch.dateien.schuetzen`). Everything from the trail reaches the browser as table text.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import streamlit as st

from ...grund import format as F
from ...model import Netzdaten
from ...zugang import protokoll as Z
from ..bausteine import daten as D
from ..bausteine import sitzung
from ..bausteine.begriffe import BESCHRIFTUNG
from ..bausteine.text import md

__all__ = ["seite", "tabelle", "MAX_ZEILEN", "Namen", "ARTEN"]

#: Entries shown in the table at most (the export always holds every filtered entry).
MAX_ZEILEN = 1000
_ALLE = "__alle__"


#: What was changed, in words (the trail stores the file name).
ARTEN = {"kitas": "Kita", "angebote": "Angebot", "kooperationen": "Kooperation", "nutzer": "Nutzerkonto",
         "szenario": "Szenario", "vorschlag": "Vorschlag", "fachkraefte": "Fachkraft", "gemeinden": "Gemeinde",
         "sozialraeume": "Sozialraum", "themen": "Thema", "indikatoren": "Indikator", "daten": "alle Daten"}

#: German field names (the Pflege form's labels, plus the fields the form does not show).
_FELDER = {"geprueft_am": "zuletzt geprüft am", "geprueft_von": "geprüft von", "rolle": "Rolle", "aktiv": "aktiv",
           "gewichte": "Gewichte", "stellenanteil": "Stellenanteil", "dienstsitz": "Dienstsitz",
           "sozialraum_id": "Sozialraum", "status": "Stand"}


def _zeit(iso: str | None) -> str:
    return f"{F.datum(iso[:10])} {iso[11:16]}" if iso else ""


class Namen:
    """Names for the ids a trail entry mentions (Kitas, Angebote, Kooperationen, Fachkräfte, Gemeinden …)."""

    def __init__(self, d: Netzdaten):
        self.name = {i: n for datei in ("kitas", "angebote", "fachkraefte", "gemeinden", "sozialraeume", "themen")
                     for i, n in d.namen(datei).items()}
        self.koop = {c["id"]: c for c in d.kooperationen}

    def von(self, i) -> str:
        return self.name.get(i, i) if i else ""

    def was(self, e: dict) -> str:
        """The name of the changed thing: „Kita Sonne → Erziehungsberatung Simmern“ for a Kooperation."""
        art, oid = e.get("art"), e.get("objekt_id") or ""
        werte = {**_werte(e.get("vorher")), **_werte(e.get("nachher"))}
        if art == "kooperationen":
            c = self.koop.get(oid) or werte
            return f"{self.von(c.get('von_id'))} → {self.von(c.get('zu_id'))}" if c.get("von_id") else oid
        return str(werte.get("name") or self.name.get(oid) or oid)

    def wert(self, feld: str, text: str) -> str:
        """A field's value in words: ids → names, ISO dates → TT.MM.JJJJ, true/false → ja/nein."""
        if not text:
            return ""
        if feld in ("fachkraft_id", "von_id", "zu_id", "gemeinde_id", "sozialraum_id"):
            return self.von(text)
        if feld in ("themen", "versorgt"):
            return ", ".join("alle (kreisweit)" if t == "alle" else self.von(t) for t in text.split(", "))
        if text in ("True", "true"):
            return "ja"
        if text in ("False", "false"):
            return "nein"
        if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-" and text[:4].isdigit():
            return F.datum(text[:10]) + (f" {text[11:16]}" if len(text) > 11 else "")
        return text


def _werte(roh) -> dict:
    if not roh:
        return {}
    try:
        w = json.loads(roh) if isinstance(roh, str) else dict(roh)
    except (ValueError, TypeError):
        return {}
    return w if isinstance(w, dict) else {}


def feldname(feld: str) -> str:
    return BESCHRIFTUNG.get(feld) or _FELDER.get(feld) or feld


def aenderungen(e: dict, namen: Namen) -> list[dict]:
    """The before/after of an entry with German field names and names instead of ids."""
    return [{"Feld": feldname(z["Feld"]), "vorher": namen.wert(z["Feld"], z["vorher"]),
             "nachher": namen.wert(z["Feld"], z["nachher"])} for z in Z.aenderungen(e)]


def kurzfassung(e: dict, namen: Namen, max_zeichen: int = 140) -> str:
    teile = []
    for z in aenderungen(e, namen):
        if z["vorher"] and z["nachher"]:
            teile.append(f"{z['Feld']}: {z['vorher']} → {z['nachher']}")
        else:
            teile.append(f"{z['Feld']}: {z['vorher'] or z['nachher'] or '–'}")
    text = "; ".join(teile)
    return text if len(text) <= max_zeichen else text[: max_zeichen - 1] + "…"


def tabelle(eintraege: list[dict], namen: Namen | None = None) -> pd.DataFrame:
    """The entries as the page's table: time, who, action, what kind, the name of what was changed, the changed
    fields in words – the id only as the last column (detail)."""
    namen = namen or Namen(Netzdaten())
    return pd.DataFrame([{"Zeit": _zeit(e.get("zeit")), "Wer": e.get("wer") or "", "Aktion": e.get("aktion") or "",
                          "Art": ARTEN.get(e.get("art"), e.get("art") or ""), "Was": namen.was(e),
                          "Änderung": kurzfassung(e, namen), "Kennung": e.get("objekt_id") or ""}
                         for e in eintraege],
                        columns=["Zeit", "Wer", "Aktion", "Art", "Was", "Änderung", "Kennung"])


def _auswahl(label: str, werte: set, key: str) -> str | None:
    optionen = [_ALLE, *sorted(w for w in werte if w)]
    if st.session_state.get(key) not in optionen:
        st.session_state[key] = _ALLE
    wahl = st.selectbox(label, optionen, key=key,
                        format_func=lambda o: "alle" if o == _ALLE else (ARTEN.get(o, o) if key == "pt_art" else o))
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
    st.header(f"{F.zahl(len(gefiltert))} von {F.zahl(len(alle))} Einträgen", anchor=False)
    if not gefiltert:
        st.info("Keine Einträge für diese Filter.")
        return
    st.download_button("Als CSV herunterladen", data=lambda: Z.als_csv(gefiltert),
                       file_name=f"protokoll-{D.heute()}.csv", mime="text/csv", icon=":material/download:",
                       key="pt_csv", on_click="ignore")
    gezeigt = gefiltert[:MAX_ZEILEN]
    if len(gefiltert) > MAX_ZEILEN:
        st.caption(f"Die Tabelle zeigt die neuesten {F.zahl(MAX_ZEILEN)} Einträge; die CSV-Datei enthält alle "
                   f"{F.zahl(len(gefiltert))}. Mit den Filtern lässt sich die Auswahl eingrenzen.")
    namen = Namen(D.daten())
    st.dataframe(tabelle(gezeigt, namen), hide_index=True, width="stretch",
                 height=min(420, 38 + 35 * len(gezeigt)))

    st.subheader("Ein Eintrag im Einzelnen", anchor=False)
    nach_id = {e["id"]: e for e in gezeigt}
    if st.session_state.get("pt_eintrag") not in nach_id:
        st.session_state["pt_eintrag"] = gezeigt[0]["id"]
    st.selectbox("Eintrag", list(nach_id), key="pt_eintrag",
                 format_func=lambda i: f"{_zeit(nach_id[i].get('zeit'))} · {nach_id[i].get('wer')} · "
                                       f"{nach_id[i].get('aktion')} · {ARTEN.get(nach_id[i].get('art'), '')} "
                                       f"„{namen.was(nach_id[i])}“")
    e = nach_id[st.session_state["pt_eintrag"]]
    st.caption(md(f"{_zeit(e.get('zeit'))} – {e.get('wer')} – {e.get('aktion')} – "
                  f"{ARTEN.get(e.get('art'), e.get('art'))} „{namen.was(e)}“ (Kennung {e.get('objekt_id')})"))
    felder = aenderungen(e, namen)
    if felder:
        st.dataframe(pd.DataFrame(felder, columns=["Feld", "vorher", "nachher"]), hide_index=True, width="stretch")
    else:
        st.text("Ohne Feldwerte (z. B. ein Passwortwechsel oder eine Löschung aller Daten).")
