"""Page „Netzwerk“: the cooperation network of a Sozialraum or the whole district, its growth since 2021.

The graph is drawn by vis-network inside the project's own frame (:mod:`network.ui.bausteine.netzrahmen`):
positions come from :mod:`network.ui.bausteine.netzlayout` (once per data version and selection, a seeded spring
layout started from the geography), sizes from the analytics' betweenness on the Stichtag. The same nodes and edges are listed as tables below.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ...austausch.netzformate import MEDIENTYPEN, dateiname, netz_bytes
from ...grund import format as F
from ...grund.zeit import aktiv
from ...model import KREISWEIT, Netzdaten
from ..bausteine import daten as D
from ..bausteine import rechnen as R
from ..bausteine import sitzung
from ..bausteine.adresse import Param, aus_url, in_url
from ..bausteine.begriffe import erklaerung
from ..bausteine.netzlayout import layout_cached, mitglieder
from ..bausteine.netzrahmen import TYPEN, netz_html
from ..bausteine.text import VEGA_DEUTSCH, VEGA_LESBAR, md
from ..bausteine.zeitachse import BEGINN, quartal_name, stichtage

__all__ = ["seite", "netzbild", "DOWNLOADS", "vorwaermen"]


def _params(heute: str) -> tuple[Param, ...]:
    return (Param("n_sr", "sr", default=KREISWEIT), Param("n_typ", "zeigen", "liste", list(TYPEN)),
            Param("n_thema", "thema", "liste", []), Param("n_tag", "stichtag", default=heute))


def netzbild(d: Netzdaten, sr: str | None, stichtag: str, typen: list[str], themen: list[str],
             auswertung, positionen: dict, heute: str) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    """The frame's data plus the node and edge tables on the Stichtag (the text alternative)."""
    kitas, angebote = mitglieder(d, sr)
    sr_name = d.namen("sozialraeume")
    gsr = {g["id"]: g.get("sozialraum_id") for g in d.gemeinden}
    if sr is None:
        k = auswertung.gesamt.kennzahlen
        hubs = [h["id"] for h in auswertung.gesamt.hubs]
    else:
        s = next(s for s in auswertung.sozialraeume if s.id == sr)
        k = s.kennzahlen
        hubs = [h["id"] for h in s.hubs]
    bw, grad = k.betweenness, k.grad
    themen_set = set(themen)
    knoten, zeilen_k = [], []
    namen = {}
    for r, typ in [(x, "Kita") for x in kitas] + [(a, a.get("art") or "Freizeit") for a in angebote]:
        if typ not in typen:
            continue
        if themen_set and typ != "Kita" and not themen_set.intersection(r.get("themen") or ()):
            continue
        rid = r["id"]
        name = r.get("name") or rid
        namen[rid] = name
        ab = r.get("gueltig_ab") if typ != "Kita" else None
        bis = r.get("gueltig_bis") if typ != "Kita" else None
        b = float(bw.get(rid) or 0.0)
        deg = int(grad.get(rid) or 0) if rid in grad else 0
        ort = r.get("ort") or ""
        raum = sr_name.get(gsr.get(r.get("gemeinde_id")), "")
        rang = hubs.index(rid) + 1 if rid in hubs else None
        zeile2 = ("Kita" if typ == "Kita" else f"Angebot ({typ})") + (f" · {ort}" if ort else "") + \
            (f" · Sozialraum {raum}" if raum else "")
        tooltip = [name, zeile2, f"{deg} Kooperationen am Stichtag", f"Betweenness {F.zahl(b, 3)}"]
        if rang:
            tooltip.append(f"Hub Nr. {rang} im {'Sozialraum' if sr else 'Kreis'}")
        if bis:
            tooltip.append(f"Angebot endet am {F.datum(bis)}" if bis >= heute else f"beendet {F.datum(bis)}")
        x, y = positionen.get(rid, (0.0, 0.0))
        knoten.append({"id": rid, "label": name, "typ": typ, "wert": b, "hub": bool(rang), "x": x, "y": y,
                       "ab": ab, "bis": bis, "tooltip": tooltip})
        if aktiv(ab, bis, stichtag):
            zeilen_k.append({"Name": name, "Typ": typ, "Ort": ort, "Sozialraum": raum, "Kooperationen": deg,
                             "Betweenness": round(b, 4), "Hub": rang})
    kanten, zeilen_e = [], []
    for c in sorted(d.kooperationen, key=lambda c: c["id"]):
        u, v = c.get("von_id"), c.get("zu_id")
        if u not in namen or v not in namen:
            continue
        inten = int(c.get("intensitaet") or 1)
        art = c.get("art") or ""
        breite = 1 + (inten - 1) * 1.6
        tooltip = [f"{namen[u]} – {namen[v]}", f"{art}, seit {F.datum(c.get('seit'))}"
                   + (f" bis {F.datum(c['bis'])}" if c.get("bis") else ""), f"Intensität {inten} von 3"]
        kanten.append({"id": c["id"], "from": u, "to": v, "seit": c.get("seit"), "bis": c.get("bis"),
                       "breite": breite, "art": art, "tooltip": tooltip})
        if aktiv(c.get("seit"), c.get("bis"), stichtag):
            zeilen_e.append({"Von": namen[u], "Zu": namen[v], "Art": art, "seit": c.get("seit"),
                             "bis": c.get("bis"), "Intensität": inten})
    quartale = stichtage(heute)
    # Playback is computed once, in the browser (a filter per quarter on the same data); a frame draws in well
    # under 0.1 s, so 0.2 s per quarter plays 24 quarters in under 5 s and leaves room for a busy browser's late
    # tick within the goal of at most 0.3 s per frame (issue 14).
    daten = {"stichtag": stichtag, "quartale": quartale, "takt": 200, "knoten": knoten, "kanten": kanten}
    kt = pd.DataFrame(zeilen_k, columns=["Name", "Typ", "Ort", "Sozialraum", "Kooperationen", "Betweenness", "Hub"])
    kt["Hub"] = kt["Hub"].astype("Int64")
    et = pd.DataFrame(zeilen_e, columns=["Von", "Zu", "Art", "seit", "bis", "Intensität"])
    for spalte in ("seit", "bis"):  # shown TT.MM.JJJJ
        et[spalte] = et[spalte].map(lambda x: F.datum(x) if x else "")
    kt = kt.sort_values(["Betweenness", "Name"], ascending=[False, True])
    kt["Betweenness"] = kt["Betweenness"].map(lambda b: F.zahl(float(b), 4))  # German decimal comma
    return daten, kt, et


#: The network downloads: format, button label, icon.
DOWNLOADS = (("gexf", "GEXF für Gephi (mit Zeitverlauf)", ":material/timeline:"),
             ("graphml", "GraphML", ":material/hub:"),
             ("kumu", "Kumu (JSON)", ":material/data_object:"),
             ("kumu-xlsx", "Kumu (Tabelle)", ":material/table:"))


def _downloads(d: Netzdaten, sr: str | None, stichtag: str) -> None:
    """Buttons for the network on the page's Stichtag and Sozialraum as GEXF, GraphML and Kumu (JSON and
    workbook). The files are built only when a button is pressed."""
    st.subheader("Netzwerk herunterladen", anchor=False)
    spalten = st.columns(len(DOWNLOADS))
    for col, (fmt, label, icon) in zip(spalten, DOWNLOADS):
        col.download_button(label, data=lambda fmt=fmt: netz_bytes(d, fmt, stichtag, sr), key=f"n_datei_{fmt}",
                            file_name=dateiname(fmt, stichtag, sr), mime=MEDIENTYPEN[fmt], icon=icon,
                            on_click="ignore")
    st.caption("Das Netzwerk am Stichtag, für den gewählten Sozialraum oder den ganzen Kreis – mit allen Arten "
               "von Knoten, ohne den Themenfilter der Grafik. Jeder Knoten und jede Kooperation trägt Beginn und "
               "Ende, in Gephi lässt sich das Wachstum über die Zeitleiste abspielen. Interne Notizen zu "
               "Kooperationen sind nicht enthalten.")


_KURVEN = (("akteure", "Akteure", "d"), ("kooperationen", "Kooperationen", "d"), ("dichte", "Dichte", ".3f"))


@st.cache_data(show_spinner=False, max_entries=64)
def _kurven(key: tuple, version: int, heute: str, sr: str | None, stichtag: str) -> list[dict]:
    """The three growth charts as Vega-Lite specs, built once per data version, Sozialraum and Stichtag: Altair
    checks every chart against its JSON schema, which took most of a Netzwerk run (issue 14)."""
    df = R.wachstum()
    df = df[(df["sozialraum_id"] == (sr or KREISWEIT)) & (df["quartal"] >= BEGINN)].copy()
    df["Quartal"] = pd.to_datetime(df["stichtag"])
    marke = pd.DataFrame({"Quartal": [pd.Timestamp(stichtag)]})
    specs = []
    for feld, titel, fmt in _KURVEN:
        basis = alt.Chart(df).encode(
            x=alt.X("Quartal:T", title=None, axis=alt.Axis(format="%Y", tickCount="year")),
            y=alt.Y(f"{feld}:Q", title=titel, scale=alt.Scale(zero=feld != "dichte")),
            tooltip=[alt.Tooltip("stichtag:N", title="Stichtag"), alt.Tooltip(f"{feld}:Q", title=titel, format=fmt)])
        linie = basis.mark_line(color="#1f5f8b", strokeWidth=2) + basis.mark_point(
            color="#1f5f8b", filled=True, size=28, shape="circle")
        regel = alt.Chart(marke).mark_rule(color="#D55E00", strokeDash=[4, 3], strokeWidth=2).encode(x="Quartal:T")
        specs.append((linie + regel).properties(height=200).configure(locale=VEGA_DEUTSCH, **VEGA_LESBAR).to_dict())
    return specs


def _wachstum_charts(sr: str | None, stichtag: str) -> None:
    df = R.wachstum()
    if df.empty:
        st.info("Noch keine Kooperationen – keine Zeitreihe.")
        return
    df = df[(df["sozialraum_id"] == (sr or KREISWEIT)) & (df["quartal"] >= BEGINN)].copy()
    spalten = st.columns(3)
    for col, (_feld, titel, _fmt), spec in zip(spalten, _KURVEN, _kurven(D.schluessel(), D.version(), D.heute(), sr,
                                                                        stichtag)):
        with col:
            st.markdown(f"**{titel}** je Quartal")
            st.vega_lite_chart(spec=spec, width="stretch",
                               alt=f"Liniendiagramm: {titel} je Quartal seit 2021; die gestrichelte Linie markiert "
                                   "den Stichtag. Die Werte stehen auch in der Tabelle darunter.")
    with st.expander("Zeitreihe als Tabelle"):
        tab = df[["stichtag", "akteure", "kitas", "angebote", "kooperationen", "dichte", "komponenten",
                  "luecken"]].copy()
        tab["stichtag"] = tab["stichtag"].map(lambda x: F.datum(str(x)[:10]))
        tab["dichte"] = tab["dichte"].map(lambda x: F.zahl(float(x or 0), 3))
        st.dataframe(tab.rename(columns={"stichtag": "Stichtag", "akteure": "Akteure", "kitas": "Kitas",
                                         "angebote": "Angebote", "kooperationen": "Kooperationen",
                                         "dichte": "Dichte", "komponenten": "Komponenten",
                                         "luecken": "Lücken"}),
                     hide_index=True, width="stretch")


@st.cache_data(show_spinner=False, max_entries=32)
def _rahmen(key: tuple, version: int, sr: str | None, stichtag: str, typen: tuple, themen: tuple, heute: str,
            hoehe: int) -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """The network frame's HTML and its node and edge tables, once per data version and choice: building them
    took a quarter of a run, and the frame (with vis-network inline) is the same every time (issue 14)."""
    bild, knoten, kanten = netzbild(D.daten_fuer(key, version), sr, stichtag, list(typen), list(themen),
                                    R.auswertung(stichtag), layout_cached(key, version, sr), heute)
    return netz_html(bild, hoehe=hoehe), knoten, kanten


def vorwaermen() -> None:
    """Fill the caches of the page's first view (the whole district today, every kind of node, no Thema): called
    by the server's warming at start (:mod:`network.ui.bausteine.vorwaermen`), so the first visit of the page does
    not build the frame and the growth charts."""
    heute = D.heute()
    _rahmen(D.schluessel(), D.version(), None, heute, tuple(TYPEN), (), heute, _HOEHE)
    _kurven(D.schluessel(), D.version(), heute, None, heute)


_HOEHE = 600


def seite() -> None:
    sitzung.bewache("Netzwerk")
    st.title("Netzwerk", anchor=False)
    st.caption("Wer kooperiert mit wem? Kitas und Angebote als Knoten, Kooperationen als Linien – für einen "
               "Sozialraum oder den ganzen Kreis, an einem Stichtag oder im Verlauf seit 2021.")
    d = D.daten()
    heute = D.heute()
    sr_name = dict(sorted(d.namen("sozialraeume").items()))
    themen = d.namen("themen")
    tage = stichtage(heute)
    params = _params(heute)
    aus_url(params, {"sr": lambda x: x in sr_name, "zeigen": lambda x: x in TYPEN,
                     "thema": lambda x: x in themen, "stichtag": lambda x: x in tage})
    if st.session_state.get("n_tag") not in tage:
        st.session_state["n_tag"] = heute

    c1, c2, c3 = st.columns([2, 4, 3])
    c1.selectbox("Sozialraum", [KREISWEIT, *sr_name], key="n_sr",
                 format_func=lambda s: "ganzer Kreis" if s == KREISWEIT else sr_name[s])
    c2.pills("Zeigen", list(TYPEN), selection_mode="multi", key="n_typ")
    c3.multiselect("Thema (nur Angebote mit diesem Thema)", sorted(themen, key=lambda t: themen[t].casefold()),
                   key="n_thema", format_func=lambda t: themen[t], placeholder="alle Themen")
    st.select_slider("Stichtag", tage, key="n_tag", format_func=lambda t: quartal_name(t, heute))
    in_url(params)

    sr = st.session_state.get("n_sr")
    sr = None if sr in (None, KREISWEIT) else sr
    stichtag = st.session_state.get("n_tag") or heute
    typen = st.session_state.get("n_typ") or []
    if not typen:
        st.info("Bitte bei „Zeigen“ mindestens eine Art von Knoten wählen.")
        return
    hoehe = _HOEHE
    rahmen, knoten, kanten = _rahmen(D.schluessel(), D.version(), sr, stichtag, tuple(typen),
                                     tuple(st.session_state.get("n_thema") or ()), heute, hoehe)

    wo = f"Sozialraum {sr_name[sr]}" if sr else "Rhein-Hunsrück-Kreis"
    st.header(f"{wo} am {F.datum(stichtag)}", anchor=False)
    met = R.tabellen(stichtag)["metriken"]
    zeile = met[met["sozialraum_id"] == (sr or KREISWEIT)]
    if len(zeile):
        z = zeile.iloc[0]
        m1, m2, m3, m4 = st.columns(4)
        m1.metric("Akteure", int(z["akteure"]))
        m2.metric("Kooperationen", int(z["kooperationen"]))
        m3.metric("Dichte", F.zahl(float(z["dichte"] or 0), 3))
        m4.metric("Komponenten", int(z["komponenten"]))
        st.caption("Akteure: Kitas und Angebote am Stichtag. Zum Abspielen des Wachstums den Knopf „Abspielen“ über "
                   "der Grafik nutzen.")
        with st.expander("Was bedeuten Dichte, Komponenten, Betweenness und Hub?"):
            st.markdown(erklaerung(["Dichte", "Komponenten", "Betweenness", "Hub"]))
        if typen != list(TYPEN) or st.session_state.get("n_thema"):
            st.caption(f"Kennzahlen für das ganze Netzwerk; die Grafik zeigt eine Auswahl: {len(knoten)} Akteure "
                       f"und {len(kanten)} Kooperationen.")
    st.iframe(rahmen, height=hoehe + 200)
    with st.expander("Netzwerk als Tabelle (Knoten und Kooperationen)"):
        st.markdown(f"**Knoten** ({len(knoten)})")
        st.dataframe(knoten, hide_index=True, width="stretch")
        st.markdown(f"**Kooperationen** ({len(kanten)})")
        st.dataframe(kanten, hide_index=True, width="stretch")
    _downloads(d, sr, stichtag)

    st.header("Wachstum seit 2021", anchor=False)
    st.caption(md(f"{wo}: je Quartal gemessen am Quartalsende. Die gestrichelte Linie markiert den Stichtag."))
    _wachstum_charts(sr, stichtag)
