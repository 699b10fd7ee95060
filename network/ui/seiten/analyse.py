"""Page „Analyse“ (for coordinators): coverage, comparison, hubs, gaps with reasons, recommendations, downloads.

All numbers come from :mod:`network.analyse` (cached in :mod:`network.ui.bausteine.rechnen`). The heatmap writes every
count into its cell, so colour is never the only carrier; gaps are listed with their German reason sentence and
the recommended Kooperation where the analytics propose one. Downloads protect text cells against spreadsheet
formulas (a leading apostrophe in CSV, text cells in Excel).
"""

from __future__ import annotations

import csv
import io

import altair as alt
import pandas as pd
import streamlit as st

from ... import analyse as A
from ...austausch.dateien import schuetzen
from ...grund import format as F
from ...model import KREISWEIT
from ...vermittlung import bedarfsluecken, kreuztabelle, vermittlungen
from ...zugang import darf
from ..bausteine import daten as D
from ..bausteine import rechnen as R
from ..bausteine import sitzung
from ..bausteine.adresse import Param, aus_url, in_url
from ..bausteine.begriffe import erklaerung
from ..bausteine.text import VEGA_DEUTSCH, VEGA_LESBAR, md
from ..bausteine.zeitachse import quartal_name, stichtage

__all__ = ["seite", "LUECKEN_TITEL", "excel_bytes", "csv_bytes"]

def _params(erster_sr: str | None, heute: str) -> tuple[Param, ...]:
    return (Param("a_sr", "sr", default=erster_sr), Param("a_tag", "stichtag", default=heute))

#: German headings of the gap kinds (``network.analyse.LUECKENARTEN``).
LUECKEN_TITEL = {
    "themen_ohne_angebot": "Themen ohne Angebot",
    "kitas_ohne_kooperation": "Kitas ohne Kooperation",
    "kitas_ohne_beratung": "Kitas ohne Kooperation mit einer Beratung",
    "entfernung": "Nächstes Angebot zu weit entfernt",
    "einzige_verbindung": "Einzige Verbindung (fällt sie weg, fehlt das Thema)",
    "komponenten_ohne_beratung": "Teilnetze ohne Beratung",
}

_METRIKEN = (
    ("kitas", "Kitas", "d"), ("angebote", "Angebote (zuständig)", "d"), ("angebote_vor_ort", "davon vor Ort", "d"),
    ("kooperationen", "Kooperationen im Sozialraum", "d"), ("externe_kooperationen", "Kooperationen nach außen", "d"),
    ("dichte", "Dichte", "3"), ("komponenten", "Komponenten (Teilnetze)", "d"),
    ("groesste_komponente", "Größtes Teilnetz (Akteure)", "d"),
    ("grad_mittel", "Kooperationen je Akteur (Mittel)", "2"),
    ("betweenness_max", "Höchste Betweenness", "3"), ("artikulationspunkte", "Schlüsselakteure (Trennstellen)", "d"),
    ("gemeinschaften", "Gemeinschaften (Louvain)", "d"), ("luecken", "Lücken (Einträge)", "d"),
    ("empfehlungen", "Empfehlungen", "d"),
)


def _fmt(wert, art: str) -> str:
    if wert is None or (isinstance(wert, float) and pd.isna(wert)):
        return "–"
    if art == "d":
        return str(int(wert))
    return F.zahl(float(wert), int(art))


# -- downloads ----------------------------------------------------------------------------------------
def _textzellen(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for c in df.columns:
        if df[c].dtype == object:
            df[c] = df[c].map(lambda v: "|".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return df


def excel_bytes(tabellen: dict[str, pd.DataFrame]) -> bytes:
    """One sheet per table; every text cell is stored as text (never as a formula)."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        for name, df in tabellen.items():
            _textzellen(df).to_excel(xw, sheet_name=name[:31], index=False)
        for ws in xw.book.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.data_type == "f":  # a text beginning with "=" – keep it as text
                        cell.data_type = "s"
    return buf.getvalue()


def csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV (UTF-8 with BOM for Excel, ``;``-separated); text cells protected against formulas.

    >>> csv_bytes(pd.DataFrame({"name": ["=1+1", "Kita"], "km": [-1.5, 2.0]})).decode("utf-8-sig").splitlines()
    ['name;km', "'=1+1;-1.5", 'Kita;2.0']
    """
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n")
    df = _textzellen(df)
    w.writerow(list(df.columns))
    for row in df.itertuples(index=False):
        w.writerow(["" if v is None or (isinstance(v, float) and pd.isna(v)) else
                    (schuetzen(v) if isinstance(v, str) else v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


@st.cache_data(show_spinner=False, max_entries=4)
def _downloads(key: tuple, version: int, stichtag: str, max_km: float) -> dict[str, bytes]:
    t = R._tabellen(key, version, stichtag, max_km, True)
    blaetter = {"Kennzahlen": t["metriken"], "Hubs": t["hubs"], "Luecken": t["luecken"],
                "Empfehlungen": t["empfehlungen"], "Abdeckung": t["abdeckung"].reset_index(),
                "Hinweise": t["hinweise"]}
    lang = pd.concat([df.assign(tabelle=name) for name, df in blaetter.items() if name != "Abdeckung"],
                     ignore_index=True)
    return {"xlsx": excel_bytes(blaetter), "csv": csv_bytes(lang)}


# -- sections -----------------------------------------------------------------------------------------
def _heatmap(t: dict, sr_name: dict, thema_name: dict) -> None:
    ab = t["abdeckung"]
    lang = ab.reset_index().melt(id_vars="sozialraum_id", var_name="thema", value_name="Anzahl")
    lang["Sozialraum"] = lang["sozialraum_id"].map(lambda s: sr_name.get(s, s))
    lang["Thema"] = lang["thema"].map(lambda x: thema_name.get(x, x))
    lang["Text"] = lang["Anzahl"].map(lambda n: "0 – Lücke" if n == 0 else str(n))
    themen_sort = sorted(lang["Thema"].unique(), key=str.casefold)
    basis = alt.Chart(lang).encode(
        x=alt.X("Sozialraum:N", title=None, axis=alt.Axis(orient="top", labelAngle=0, labelLimit=160)),
        y=alt.Y("Thema:N", title=None, sort=themen_sort, axis=alt.Axis(labelLimit=260)))
    maximum = max(int(lang["Anzahl"].max()), 1)
    # Cell colours from pale to mid blue only: the dark figures keep a contrast of at least 5:1 on every cell
    # (white figures on darker blues fell below 4.5:1).
    rect = basis.mark_rect(stroke="#ffffff", strokeWidth=1.5).encode(
        color=alt.condition("datum.Anzahl == 0", alt.value("#f6d5d1"),
                            alt.Color("Anzahl:Q", title="Angebote",
                                      scale=alt.Scale(range=["#eef5fb", "#5b9fd0"], domain=[0, maximum]),
                                      legend=alt.Legend(orient="bottom", direction="horizontal"))),
        tooltip=[alt.Tooltip("Sozialraum:N"), alt.Tooltip("Thema:N"), alt.Tooltip("Anzahl:Q", title="Angebote")])
    text = basis.mark_text(fontSize=13, color="#1d2731").encode(text="Text:N").transform_filter("datum.Anzahl > 0")
    null = basis.mark_text(fontSize=13, fontWeight="bold", color="#8a1c12").encode(
        text="Text:N").transform_filter("datum.Anzahl == 0")
    st.altair_chart((rect + text + null).properties(height=28 * len(themen_sort) + 40).configure(
        locale=VEGA_DEUTSCH, **VEGA_LESBAR), width="stretch",
                    alt="Heatmap: Anzahl der zuständigen Angebote je Sozialraum und Thema; jede Zelle nennt die "
                        "Zahl, 0 ist als Lücke beschriftet.")
    with st.expander("Abdeckung als Tabelle"):
        tab = ab.rename(index=sr_name, columns=thema_name).T
        tab.index.name = "Thema"
        st.dataframe(tab.sort_index(key=lambda i: i.str.casefold()), width="stretch")


def _vergleich(t: dict, sr_name: dict) -> None:
    met = t["metriken"].set_index("sozialraum_id")
    spalten = [s for s in sr_name if s in met.index] + ([KREISWEIT] if KREISWEIT in met.index else [])
    zeilen = []
    for feld, titel, art in _METRIKEN:
        if feld not in met.columns:
            continue
        z = {"Kennzahl": titel}
        for s in spalten:
            z[sr_name.get(s, "Kreis gesamt") if s != KREISWEIT else "Kreis gesamt"] = _fmt(met.at[s, feld], art)
        zeilen.append(z)
    # st.table renders Markdown: every cell and header is escaped.
    tab = pd.DataFrame([{md(k): md(v) for k, v in z.items()} for z in zeilen])
    st.table(tab, hide_index=True, border="horizontal")


def _hubs(t: dict, sr_name: dict) -> None:
    hubs = t["hubs"]
    namen = {**sr_name, KREISWEIT: "Kreis gesamt"}
    ids = [s for s in sr_name] + [KREISWEIT]
    tabs = st.tabs([namen[s] for s in ids])
    for tab, s in zip(tabs, ids):
        with tab:
            h = hubs[hubs["sozialraum_id"] == s]
            if h.empty:
                st.text("Keine Hubs: in diesem Netzwerk gibt es noch keine Kooperationen.")
                continue
            tab = h[["rang", "name", "typ", "degree", "betweenness"]].rename(columns={
                "rang": "Rang", "name": "Name", "typ": "Typ", "degree": "Kooperationen",
                "betweenness": "Betweenness"})
            tab["Betweenness"] = tab["Betweenness"].map(lambda b: F.zahl(float(b or 0), 3))
            st.dataframe(tab, hide_index=True, width="stretch")


def _aufzaehlung(saetze: list[str], max_zeilen: int = 8) -> None:
    st.markdown("\n".join(f"- {md(s)}" for s in saetze[:max_zeilen]))
    if len(saetze) > max_zeilen:
        st.caption(f"… und {len(saetze) - max_zeilen} weitere:")
        st.dataframe(pd.DataFrame({"Grund": saetze[max_zeilen:]}), hide_index=True, width="stretch")


def _luecken(t: dict, sr: str, max_km: float) -> None:
    lu = t["luecken"]
    lu = lu[lu["sozialraum_id"] == sr]
    emp = t["empfehlungen"]
    emp = emp[emp["sozialraum_id"] == sr]
    empfehlung_fuer = {}
    for _, e in emp.iterrows():
        empfehlung_fuer.setdefault(e["kita_id"], []).append(e)
    if lu.empty:
        st.success("Keine Lücken gefunden.")
    for art in A.LUECKENARTEN:
        teil = lu[lu["art"] == art]
        titel = LUECKEN_TITEL.get(art, art)
        if art == "entfernung":
            titel += f" (über {F.km(max_km, 0)})"
        with st.expander(f"{titel} ({len(teil)})", expanded=bool(len(teil)) and art in (
                "themen_ohne_angebot", "kitas_ohne_kooperation", "kitas_ohne_beratung")):
            if teil.empty:
                st.text("Keine.")
                continue
            saetze = []
            for _, z in teil.iterrows():
                satz = z["grund"] or ""
                if z["kita_id"] and z["kita_id"] in empfehlung_fuer and art in (
                        "kitas_ohne_kooperation", "kitas_ohne_beratung", "entfernung"):
                    e = empfehlung_fuer[z["kita_id"]][0]
                    satz += f" → Empfohlen: Kooperation mit „{e['angebot']}“"
                    if e["km"] is not None and not pd.isna(e["km"]):
                        satz += " (kommt zu den Familien)" if e["km"] == 0 else f" ({F.km(e['km'])})"
                    satz += "."
                saetze.append(satz)
            _aufzaehlung(saetze)


def _empfehlungen(t: dict, sr: str) -> None:
    emp = t["empfehlungen"]
    emp = emp[emp["sozialraum_id"] == sr]
    if emp.empty:
        st.text("Keine Empfehlungen.")
        return
    _aufzaehlung([g for g in emp["grund"].tolist() if g], max_zeilen=6)
    with st.expander("Empfehlungen als Tabelle"):
        tab = emp[["kita", "angebot", "themen", "km", "grund"]].copy()
        tab["km"] = tab["km"].map(lambda k: "" if k is None or pd.isna(k) else F.km(float(k)))  # „3,2 km“
        st.dataframe(tab.rename(columns={"kita": "Kita", "angebot": "Angebot", "themen": "Themen",
                                         "km": "Entfernung", "grund": "Begründung"}),
                     hide_index=True, width="stretch")


@D.abgeleitet
@st.cache_data(show_spinner=False, max_entries=4)
def _zaehlungen(key: tuple, version: int) -> tuple[list[dict], list[dict]]:
    return vermittlungen(D.store()), bedarfsluecken(D.store())


def _geschuetzt(rows: list[dict], d, zeilen: str, leer: str) -> None:
    """A count table, only through the suppression of :mod:`network.vermittlung.anonym` (never raw cells)."""
    t = kreuztabelle(rows, d, zeilen, "thema")
    if not t.zeilen or not t.spalten:
        st.text(leer)
        return
    st.dataframe(pd.DataFrame(t.als_zeilen()), hide_index=True, width="stretch")


def _vermittlungen(d, stichtag: str) -> None:
    if not darf(sitzung.nutzer(), "vermittlung:lesen"):
        return
    st.header("Vermittlungen und gemeldete Lücken", anchor=False)
    st.caption(f"Anonyme Zählungen bis {stichtag[5:7]}/{stichtag[:4]} (Seite Vermittlung). „< 3“ = 1 oder 2; "
               "„x“ = gesperrt, damit kleine Zahlen nicht aus den Summen errechnet werden können (§ 64 Abs. 3 SGB VIII). "
               "Vermittlungen zählen beim Sozialraum der Kita, von der vermittelt wurde.")
    vm, bl = _zaehlungen(D.schluessel(), D.version())
    bis = stichtag[:7]
    vm = [r for r in vm if r["monat"] <= bis]
    bl = [r for r in bl if r["monat"] <= bis]
    st.subheader("Vermittlungen je Sozialraum und Thema", anchor=False)
    _geschuetzt(vm, d, "sozialraum", "Noch keine Vermittlungen erfasst.")
    st.subheader("Vermittlungen je Monat und Thema", anchor=False)
    _geschuetzt(vm, d, "monat", "Noch keine Vermittlungen erfasst.")
    st.subheader("Gemeldete Lücken je Sozialraum und Thema", anchor=False)
    st.caption("„Als Lücke melden“ auf der Seite Vermittlung: kein passendes Angebot für ein Thema gefunden. "
               "Gespeichert sind nur Monat, Sozialraum und Thema.")
    _geschuetzt(bl, d, "sozialraum", "Noch keine Lücken gemeldet.")


def seite() -> None:
    sitzung.bewache("Analyse")
    st.title("Analyse", anchor=False)
    st.caption("Für die Koordination: Wo fehlen Angebote, welche Kitas sind kaum vernetzt, wer hält das Netz "
               "zusammen – und welche Kooperation würde helfen.")
    d = D.daten()
    heute = D.heute()
    sr_name = dict(sorted(d.namen("sozialraeume").items()))
    thema_name = d.namen("themen")
    tage = stichtage(heute)
    params = _params(next(iter(sr_name), None), heute)
    aus_url(params, {"sr": lambda x: x in sr_name, "stichtag": lambda x: x in tage})
    if st.session_state.get("a_tag") not in tage:
        st.session_state["a_tag"] = heute
    if not sr_name:
        st.info("Noch keine Sozialräume in den Daten.")
        return
    if st.session_state.get("a_sr") not in sr_name:
        st.session_state["a_sr"] = next(iter(sr_name))
    c1, c2 = st.columns([3, 2])
    c1.select_slider("Stichtag", tage, key="a_tag", format_func=lambda x: quartal_name(x, heute))
    in_url(params)
    stichtag = st.session_state["a_tag"]
    max_km = D.settings().max_km
    t = R.tabellen(stichtag, mit_vermittlungen=True)
    dl = _downloads(D.schluessel(), D.version(), stichtag, max_km)
    with c2:
        st.markdown("**Herunterladen**")
        b1, b2 = st.columns(2)
        b1.download_button("Excel", data=dl["xlsx"], file_name=f"kita-netzwerk-analyse-{stichtag}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           icon=":material/table:", width="stretch")
        b2.download_button("CSV", data=dl["csv"], file_name=f"kita-netzwerk-analyse-{stichtag}.csv",
                           mime="text/csv", icon=":material/download:", width="stretch")

    st.header("Abdeckung: Sozialraum × Thema", anchor=False)
    st.caption("Zahl der aktiven Angebote, die für den Sozialraum zuständig sind (vor Ort oder kreisweit), je "
               f"Thema – Stand {F.datum(stichtag)}. Rot und „0 – Lücke“: kein einziges Angebot.")
    _heatmap(t, sr_name, thema_name)

    st.header("Sozialräume im Vergleich", anchor=False)
    st.caption("Kantengewichte = Intensität der Kooperationen plus die erfassten Vermittlungen zwischen Kita und "
               "Angebot bis zum Stichtag; sie wirken auf die Gemeinschaften (Louvain). Betweenness zählt Schritte.")
    with st.container(border=True, key="a_begriffe"):
        st.markdown(erklaerung(["Komponenten", "Dichte", "Betweenness", "Trennstellen", "Gemeinschaften (Louvain)"]))
    _vergleich(t, sr_name)

    st.header("Hubs je Sozialraum", anchor=False)
    st.caption("Hubs sind die Drehscheiben des Netzes: die fünf Akteure mit der höchsten Betweenness – über sie "
               "laufen die meisten kürzesten Wege zwischen anderen; fallen sie weg, zerfällt das Netz eher.")
    _hubs(t, sr_name)

    st.header("Lücken und Empfehlungen", anchor=False)
    st.selectbox("Sozialraum", list(sr_name), key="a_sr", format_func=lambda s: sr_name[s])
    in_url(params)
    sr = st.session_state["a_sr"]
    hinweise = t["hinweise"]
    for h in hinweise[hinweise["sozialraum_id"].isin([sr, KREISWEIT])]["hinweis"]:
        st.info(md(h))
    st.subheader(f"Lücken in {md(sr_name[sr])}", anchor=False)
    _luecken(t, sr, max_km)
    st.subheader("Empfohlene Kooperationen", anchor=False)
    _empfehlungen(t, sr)

    _vermittlungen(d, stichtag)
