"""Page „Sozialraumkonzept“ (for coordinators): distribute the Sozialraumbudget and the staff of Kita-Sozialarbeit
by a weighted index of indicators – transparent, reproducible, comparable.

Everything is computed by :mod:`network.verteilung` (exact fractions, largest-remainder rounding); the page
shows the formula, the weights, the result as table and labelled bar chart, two scenarios side by side, need
against the network's supply and the Soll/Ist of staff, and offers Excel and PDF downloads that show the same
figures (the same German formats) as the screen. Text from the data reaches the browser only through plain-text
elements (tables, chart labels) or :func:`~network.ui.bausteine.text.md`.

Saving or deleting a scenario needs the right ``szenario:schreiben`` (:mod:`network.zugang`); the signed-in user
comes from :func:`network.ui.bausteine.sitzung.nutzer`.
"""

from __future__ import annotations

import logging
from decimal import Decimal

import altair as alt
import pandas as pd
import streamlit as st

from ... import verteilung as V
from ...analyse import analyse
from ...errors import EingabeFehler, KitaNetzFehler
from ...grund import format as F
from ...verteilung import indikatoren as I
from ...verteilung.bericht import euro, index_text, prozent, vzae
from ...zugang import Nutzer, darf
from ..bausteine import daten as D
from ..bausteine import sitzung
from ..bausteine.eingabe import zahl_aus, zahlfeld
from ..bausteine.text import VEGA_DEUTSCH, VEGA_LESBAR, md

__all__ = ["seite", "eingaben", "berechne", "AKTUELL", "SCHRITTE", "BUDGET", "STELLEN"]

#: Defaults: the district's Sozialraumbudget (about 1.67 million euros) and seven positions (local press 2021).
BUDGET = 1_670_000.0
STELLEN = 7.0
SCHRITTE = (0.05, 0.1, 0.25, 0.5, 1.0)
KITA_SCHRITTE = (0.01, 0.05, 0.25)
#: Name of the weights currently on screen (not saved) in the comparison.
AKTUELL = "Aktuelle Einstellung"
_NEUESTE = "neueste"

log = logging.getLogger(__name__)

_BLAU, _GRAU, _ROT, _GRUEN = "#1f5f99", "#8c96a0", "#a8322d", "#2e7d4f"
#: Chart config: German numbers on axes and labels („100.000“), readable label colours.
_VEGA = {"locale": VEGA_DEUTSCH, **VEGA_LESBAR}


# -- who acts -----------------------------------------------------------------------------------------
def _wer() -> Nutzer:
    return sitzung.nutzer()


# -- state --------------------------------------------------------------------------------------------
def _gewicht_key(ind: str) -> str:
    return f"sk_w_{ind}"


def _setze_gewichte(gewichte: dict[str, float], indikatoren: list[str]) -> None:
    for i in indikatoren:
        st.session_state[_gewicht_key(i)] = F.zahl(float(gewichte.get(i, 0.0)))


def _lade_szenario() -> None:
    """on_change of the scenario select box: put the scenario's weights into the inputs."""
    name = st.session_state.get("sk_szenario")
    try:
        s = V.lade(D.store(), name)
    except KitaNetzFehler:
        return
    _setze_gewichte(s.gewichte, st.session_state.get("sk_indikatoren", []))
    st.session_state["sk_name"] = "" if s.eingebaut else s.name
    st.session_state["sk_beschreibung"] = "" if s.eingebaut else s.beschreibung


def eingaben(s=None) -> dict:
    """The inputs on screen as plain values (what :func:`berechne` takes), read from the session state ``s``
    (default: this session's; a test passes AppTest's). Numbers are typed German (:mod:`network.grund.format`);
    what cannot be read is listed under ``"fehler"`` (German, one per field) and stays at 0."""
    s = st.session_state if s is None else s

    def hole(key: str, default):
        return s[key] if key in s and s[key] is not None else default

    fehler: list[str] = []

    def lies(key: str, vorgabe, was: str, maximum) -> Decimal:
        try:
            return zahl_aus(s, key, vorgabe, was, minimum=0, maximum=maximum)
        except EingabeFehler as f:
            fehler.append(str(f))
            return Decimal(0)

    inds = hole("sk_indikatoren", [])
    gewichte = {i: float(lies(_gewicht_key(i), 0.0, f"Gewicht „{I.name(i)}“", 100)) for i in inds}
    return {
        "gewichte": gewichte,
        "budget": lies("sk_budget", BUDGET, "Budget", 100_000_000),
        "stunden": lies("sk_stunden", STELLEN, "Stellen", 500),
        "schritt": str(hole("sk_schritt", 0.25)),
        "minimum_budget": lies("sk_min_budget", 0, "Mindestbetrag", 100_000_000),
        "minimum_stunden": lies("sk_min_stunden", 0, "Mindeststellen", 100),
        "fehler": fehler,
        "stichtag": None if hole("sk_stand", _NEUESTE) == _NEUESTE else hole("sk_stand", None),
        "szenario": hole("sk_szenario", V.STANDARD.name),
    }


def _geaendert(e: dict) -> bool:
    """Whether the weights on screen differ from the selected scenario's."""
    try:
        s = V.lade(D.store(), e["szenario"])
    except KitaNetzFehler:
        return True
    return any(abs(e["gewichte"].get(i, 0.0) - float(s.gewichte.get(i, 0.0))) > 1e-12 for i in e["gewichte"])


def berechne(d, e: dict, name: str | None = None) -> V.Verteilung:
    """The distribution for the inputs ``e`` (see :func:`eingaben`)."""
    return V.verteile(d, e["gewichte"], e["budget"], e["stunden"], e["schritt"],
                      minimum_budget=e["minimum_budget"], minimum_stunden=e["minimum_stunden"],
                      stichtag=e["stichtag"], szenario=name or e["szenario"])


# -- cached supply (analytics) ------------------------------------------------------------------------
@D.abgeleitet
@st.cache_data(show_spinner="Netzwerk wird ausgewertet …", max_entries=4)
def _bericht(key: tuple, version: int, stichtag: str) -> dict:
    return analyse(D.daten_fuer(key, version), stichtag, voll=False)


# -- sections -----------------------------------------------------------------------------------------
def _gewichte(d, inds: list[str]) -> None:
    vorhanden = {r["indikator"] for r in d.indikatoren if r.get("kita_id") is None}
    kriterien = [i for i in inds if I.indikator(i).kriterium]
    weitere = [i for i in inds if i not in kriterien]
    for titel, gruppe in (("Kriterien des Kreises (Sozialraumkonzept 2021)", kriterien),
                          ("Weitere Indikatoren", weitere)):
        st.markdown(f"**{titel}**")
        spalten = st.columns(4)
        for n, i in enumerate(gruppe):
            ind = I.indikator(i)
            hilfe = ind.beschreibung or "Indikator aus den importierten Daten."
            if i not in vorhanden:
                hilfe += " – Keine Werte in den Daten: zählt nicht."
            zahlfeld(spalten[n % 4], md(ind.name) + ("" if i in vorhanden else " (keine Werte)"), _gewicht_key(i),
                     0, stellen=None, help=hilfe + " Gewicht von 0 bis 100.")


def _formel() -> None:
    c1, c2 = st.columns(2)
    c1.latex(r"\text{Anteil}_i(s) = \frac{x_i(s)}{\sum_{s'} x_i(s')}")
    c2.latex(r"\text{Index}(s) = \frac{\sum_i w_i \cdot \text{Anteil}_i(s)}{\sum_i w_i}")
    st.markdown(
        "- $x_i(s)$: Wert des Indikators $i$ im Sozialraum $s$, $w_i$: sein Gewicht. Ein Indikator ohne Werte "
        "oder mit Wert 0 in allen Sozialräumen zählt nicht. Die Indizes ergeben zusammen 1.\n"
        "- **Budget** (in Cent) und **Stellen** (in Schritten) werden nach den **größten Resten** "
        "(Hare–Niemeyer) verteilt: jeder Sozialraum erhält den ganzzahligen Teil seines genauen Anteils, die "
        "übrigen Einheiten gehen einzeln an die größten Reste – bei gleichem Rest zuerst an den höheren Index, "
        "dann an die kleinere Kennung. So ergeben die Teile immer genau die Summe.\n"
        "- **Mindestbetrag:** Wer nach Index darunter läge, wird auf ihn angehoben; die übrigen teilen den Rest "
        "nach ihrem Index.")


def _ergebnis_tabelle(v: V.Verteilung, si: list[dict]) -> pd.DataFrame:
    ist = {r["id"]: r for r in si}
    zeilen = [{"Sozialraum": z.name, "Index": index_text(z.index), "Anteil": prozent(v.anteil(z)),
               "Budget": euro(z.budget), "Stellen (VZÄ)": vzae(z.stunden),
               "Ist (VZÄ)": vzae(ist[z.id]["ist"]) if z.id in ist else "–",
               "Mindestbetrag": "angehoben" if z.budget_minimum or z.stunden_minimum else ""}
              for z in v.zeilen]
    zeilen.append({"Sozialraum": "Summe", "Index": index_text(sum(z.index for z in v.zeilen)),
                   "Anteil": prozent(1), "Budget": euro(v.budget), "Stellen (VZÄ)": vzae(v.stunden),
                   "Ist (VZÄ)": vzae(sum(r["ist"] for r in si)), "Mindestbetrag": ""})
    df = pd.DataFrame(zeilen)
    if not any(z.budget_minimum or z.stunden_minimum for z in v.zeilen):
        df = df.drop(columns="Mindestbetrag")
    return df


def _balken(v: V.Verteilung) -> None:
    df = pd.DataFrame([{"Sozialraum": z.name, "Budget": float(z.budget),
                        "Beschriftung": f"{euro(z.budget)} · {vzae(z.stunden)} VZÄ"} for z in v.zeilen])
    basis = alt.Chart(df).encode(
        y=alt.Y("Sozialraum:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("Budget:Q", title="Budget (€)", axis=alt.Axis(format=",.0f", labelFlush=False),
                scale=alt.Scale(domain=[0, max(df["Budget"].max() * 1.45, 1)])))
    balken = basis.mark_bar(color=_BLAU, height=22).encode(
        tooltip=[alt.Tooltip("Sozialraum:N"), alt.Tooltip("Beschriftung:N", title="Budget und Stellen")])
    text = basis.mark_text(align="left", dx=5, fontSize=13, color="#1d2731").encode(text="Beschriftung:N")
    st.altair_chart((balken + text).properties(height=48 * len(df) + 30).configure(**_VEGA),
                    width="stretch",
                    alt="Balkendiagramm: Budget je Sozialraum; jeder Balken ist mit Betrag und Stellen beschriftet.")


def _indikatoren(v: V.Verteilung) -> None:
    zeilen = []
    for i in v.verwendet:
        z = {"Indikator": I.name(i), "Gewicht": F.zahl(float(v.gewichte[i]))}
        for s in v.zeilen:
            wert = v.werte[i].get(s.id)
            z[s.name] = ("–" if wert is None else F.zahl(wert, 0 if float(wert).is_integer() else 2)) \
                + f" ({prozent(v.anteile[i][s.id], 1)})"
        zeilen.append(z)
    st.caption("Wert je Sozialraum und in Klammern sein Anteil an der Summe des Kreises.")
    st.dataframe(pd.DataFrame(zeilen), hide_index=True, width="stretch")
    st.markdown("**Datenquellen**")
    st.dataframe(pd.DataFrame([{"Indikator": I.name(q["indikator"]), "Quelle": q["quelle"],
                                "Stand": F.datum(q["stichtag"]), "fiktiv": "ja" if q["fiktiv"] else "nein"}
                               for q in v.quellen]), hide_index=True, width="stretch")


def _vergleich(d, e: dict, v: V.Verteilung, namen: list[str]) -> tuple | None:
    optionen = [AKTUELL] + namen
    c1, c2 = st.columns(2)
    c1.selectbox("Szenario A", optionen, key="sk_vergleich_a", index=optionen.index(V.STANDARD.name))
    c2.selectbox("Szenario B", optionen, key="sk_vergleich_b", index=0)
    a_name, b_name = st.session_state["sk_vergleich_a"], st.session_state["sk_vergleich_b"]

    def verteilung(name: str) -> V.Verteilung:
        if name == AKTUELL:
            return v
        return berechne(d, {**e, "gewichte": V.lade(D.store(), name).gewichte}, name)

    a, b = verteilung(a_name), verteilung(b_name)
    rows = V.vergleiche(a, b)
    st.caption(f"Gleiches Budget ({euro(v.budget)}) und gleiche Stellen ({vzae(v.stunden)} VZÄ), "
               "verschiedene Gewichte. Differenz = B − A.")
    df = pd.DataFrame([{
        "Sozialraum": r["name"], "Index A": index_text(r["index_a"]), "Index B": index_text(r["index_b"]),
        "Budget A": euro(r["budget_a"]), "Budget B": euro(r["budget_b"]),
        "Differenz": ("+" if r["budget_differenz"] > 0 else "") + euro(r["budget_differenz"]),
        "VZÄ A": vzae(r["stunden_a"]), "VZÄ B": vzae(r["stunden_b"]),
        "VZÄ Differenz": ("+" if r["stunden_differenz"] > 0 else "") + vzae(r["stunden_differenz"]),
        "Ergebnis": r["ergebnis"]} for r in rows])
    st.dataframe(df, hide_index=True, width="stretch")
    if all(r["ergebnis"] == "gleich" for r in rows):
        st.info("Beide Szenarien ergeben dieselbe Verteilung.")
        return a_name, b_name, rows
    chart = pd.DataFrame([{"Sozialraum": r["name"], "Differenz": r["budget_differenz"],
                           "Rechts": max(r["budget_differenz"], 0.0),
                           "Beschriftung": f"{r['ergebnis']}: {'+' if r['budget_differenz'] > 0 else ''}"
                                           f"{euro(r['budget_differenz'])}"} for r in rows])
    grenze = max(float(chart["Differenz"].abs().max()), 1.0) * 2.2
    skala = alt.Scale(domain=[-grenze, grenze])
    basis = alt.Chart(chart).encode(y=alt.Y("Sozialraum:N", sort=None, title=None, axis=alt.Axis(labelLimit=220)))
    balken = basis.mark_bar(height=20).encode(
        x=alt.X("Differenz:Q", title="Differenz im Budget, B − A (€)", axis=alt.Axis(format=",.0f"), scale=skala),
        color=alt.condition("datum.Differenz >= 0", alt.value(_GRUEN), alt.value(_ROT)))
    text = basis.mark_text(fontSize=12, color="#1d2731", align="left", dx=6).encode(
        x=alt.X("Rechts:Q", scale=skala), text="Beschriftung:N")
    st.altair_chart((balken + text).properties(height=44 * len(chart) + 40).configure(**_VEGA),
                    width="stretch",
                    alt="Balkendiagramm: Gewinn (nach rechts) und Verlust (nach links) je Sozialraum, jeder Balken "
                        "beschriftet mit „gewinnt“ oder „verliert“ und dem Betrag.")
    return a_name, b_name, rows


def _bedarf(bedarf: list[dict]) -> None:
    st.caption("Bedarf (Index) neben dem Angebot des Netzwerks: zuständige Angebote (vor Ort, versorgend oder "
               "kreisweit) je 1 000 Kinder unter 6 Jahren und je Kita, dazu die Lücken aus der Analyse. "
               "„auffällig“: Bedarf über dem Durchschnitt (Index > 1/Zahl der Sozialräume) und Angebote je "
               "1 000 Kinder unter dem Median – hier fehlt am ehesten etwas.")
    df = pd.DataFrame([{
        "Sozialraum": r["name"], "Index": index_text(r["index"]),
        "Kinder unter 6": F.zahl(r["kinder_u6"], 0),
        "Kitas": r["kitas"], "Angebote": r["angebote"], "davon vor Ort": r["angebote_vor_ort"],
        "je 1 000 Kinder": F.zahl(r["angebote_je_1000_kinder"], 1),
        "je Kita": F.zahl(r["angebote_je_kita"], 2),
        "Lücken": r["luecken"], "Bewertung": "⚠ auffällig" if r["auffaellig"] else ""} for r in bedarf])
    st.dataframe(df, hide_index=True, width="stretch")
    mass = bedarf[0]["vergleichsmass"] if bedarf else "angebote_je_1000_kinder"
    titel = "Angebote je 1 000 Kinder unter 6" if mass == "angebote_je_1000_kinder" else "Angebote je Kita"
    punkte = pd.DataFrame([{"Sozialraum": r["name"], "Index": float(r["index"]), "Angebot": r[mass],
                            "Status": "auffällig" if r["auffaellig"] else "unauffällig",
                            "Beschriftung": r["name"] + (" – auffällig" if r["auffaellig"] else "")}
                           for r in bedarf if r[mass] is not None])
    if punkte.empty:
        return
    basis = alt.Chart(punkte).encode(
        x=alt.X("Index:Q", title="Bedarf (Index)", scale=alt.Scale(zero=False, padding=30)),
        y=alt.Y("Angebot:Q", title=titel, scale=alt.Scale(zero=False, padding=30)))
    kreise = basis.mark_point(size=140, filled=True).encode(
        shape=alt.Shape("Status:N", title=None, scale=alt.Scale(domain=["unauffällig", "auffällig"],
                                                                range=["circle", "triangle-down"])),
        color=alt.Color("Status:N", title=None, scale=alt.Scale(domain=["unauffällig", "auffällig"],
                                                                range=[_BLAU, _ROT]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=["Sozialraum:N", alt.Tooltip("Index:Q", format=".4f"), alt.Tooltip("Angebot:Q", format=".1f")])
    text = basis.mark_text(dy=-14, fontSize=12, color="#1d2731").encode(text="Beschriftung:N")
    st.altair_chart((kreise + text).properties(height=340).configure(**_VEGA),
                    width="stretch",
                    alt="Punktdiagramm: Bedarf (Index) nach rechts, Angebot nach oben; jeder Punkt ist mit dem "
                        "Sozialraum beschriftet, auffällige zusätzlich mit „auffällig“ und als Dreieck.")


def _soll_ist(si: list[dict], hinweise: list[str]) -> None:
    st.caption("**Soll**: Stellen nach dieser Verteilung. **Ist**: die Stellenanteile der Fachkräfte, aufgeteilt "
               "nach der Zahl ihrer Kitas je Sozialraum (1,0 VZÄ mit drei Kitas in A und einer in B zählt 0,75 in A "
               "und 0,25 in B). **Soll − Ist** größer 0: dort fehlen Stellen; kleiner 0: von dort könnten Stellen "
               "wechseln.")
    for h in hinweise:
        st.info(md(h))

    def je(x, stellen: int) -> str:
        return F.zahl(x, stellen)

    df = pd.DataFrame([{
        "Sozialraum": r["name"], "Soll (VZÄ)": vzae(r["soll"]), "Ist (VZÄ)": vzae(r["ist"]),
        "Soll − Ist": ("+" if r["differenz"] > 0 else "") + vzae(r["differenz"]),
        "Kitas": r["kitas"], "ohne Fachkraft": r["kitas_ohne_fachkraft"], "Plätze": r["plaetze"],
        "Kitas je VZÄ (Soll)": je(r["kitas_je_vzae_soll"], 1), "Kitas je VZÄ (Ist)": je(r["kitas_je_vzae_ist"], 1),
        "Plätze je VZÄ (Soll)": je(r["plaetze_je_vzae_soll"], 0),
        "Plätze je VZÄ (Ist)": je(r["plaetze_je_vzae_ist"], 0)} for r in si])
    st.dataframe(df, hide_index=True, width="stretch")
    soll, ist = sum(r["soll"] for r in si), sum(r["ist"] for r in si)
    satz = f"Zusammen: Soll {vzae(soll)} VZÄ, Ist {vzae(ist)} VZÄ"
    if abs(soll - ist) > 1e-9:
        satz += (f" – heute sind {vzae(abs(ist - soll))} VZÄ {'mehr' if ist > soll else 'weniger'} Stellen in den "
                 "Sozialräumen als hier verteilt werden.")
    st.caption(satz)
    lang = pd.DataFrame([{"Sozialraum": r["name"], "Art": art, "VZÄ": r[k], "Beschriftung": f"{art} {vzae(r[k])}"}
                         for r in si for art, k in (("Soll", "soll"), ("Ist", "ist"))])
    basis = alt.Chart(lang).encode(
        y=alt.Y("Sozialraum:N", title=None, sort=None, axis=alt.Axis(labelLimit=220)),
        yOffset=alt.YOffset("Art:N", sort=["Soll", "Ist"]),
        x=alt.X("VZÄ:Q", title="Vollzeitäquivalente",
                scale=alt.Scale(domain=[0, max(float(lang["VZÄ"].max()) * 1.35, 0.5)])))
    balken = basis.mark_bar(height=16).encode(
        color=alt.Color("Art:N", title=None, sort=["Soll", "Ist"],
                        scale=alt.Scale(domain=["Soll", "Ist"], range=[_BLAU, _GRAU]),
                        legend=alt.Legend(orient="bottom")))
    text = basis.mark_text(align="left", dx=4, fontSize=12, color="#1d2731").encode(text="Beschriftung:N")
    st.altair_chart((balken + text).properties(height=62 * len(si) + 40).configure(**_VEGA),
                    width="stretch",
                    alt="Balkendiagramm: Soll und Ist der Stellen je Sozialraum, jeder Balken mit „Soll“ oder "
                        "„Ist“ und der Zahl beschriftet.")


def _kitas(d, v: V.Verteilung) -> V.KitaVerteilung:
    st.caption("Zweiter Schritt, wahlweise: der Anteil eines Sozialraums wird auf seine Kitas aufgeteilt – nach "
               "Plätzen, oder nach Plätzen × Kita-Wert (z. B. Anteil der Kinder mit Migrationshintergrund). Eine "
               "Kita ohne Wert zählt mit dem Mittel ihres Sozialraums. Rundung wie oben.")
    kita_inds = [i for i in I.bekannte_indikatoren(d.indikatoren, I.KITA)
                 if any(r["indikator"] == i and r.get("kita_id") for r in d.indikatoren)]
    c1, c2, c3 = st.columns([3, 2, 3])
    c1.selectbox("Schlüssel", [None] + kita_inds, key="sk_kita_indikator",
                 format_func=lambda i: "nur Plätze" if i is None else "Plätze × " + I.name(i))
    c2.selectbox("Schritt der Stellen (VZÄ)", KITA_SCHRITTE, key="sk_kita_schritt", index=1,
                 format_func=F.zahl)
    namen = {z.id: z.name for z in v.zeilen}
    c3.selectbox("Sozialraum", list(namen), key="sk_kita_sr", format_func=lambda s: namen[s])
    k = V.verteile_auf_kitas(d, v, st.session_state["sk_kita_indikator"], str(st.session_state["sk_kita_schritt"]))
    for h in k.hinweise_je.get(st.session_state["sk_kita_sr"], []):
        st.info(md(h))
    zeilen = [z for z in k.zeilen if z.sozialraum_id == st.session_state["sk_kita_sr"]]
    st.dataframe(pd.DataFrame([{"Kita": z.name, "Plätze": z.plaetze,
                                "Kita-Wert": F.zahl(z.faktor, 2),
                                "Schlüssel": F.zahl(float(z.schluessel), 2),
                                "Budget": euro(z.budget), "Stellen (VZÄ)": vzae(z.stunden)} for z in zeilen]),
                 hide_index=True, width="stretch")
    return k


def _speichern(namen: list[str], e: dict) -> None:
    wer = _wer()
    if not darf(wer, "szenario:schreiben"):
        st.info("Szenarien speichern und löschen kann die Koordination (bitte anmelden).",
                icon=":material/lock:")
        return
    meldung = st.session_state.pop("sk_meldung", None)
    if meldung:
        st.success(md(meldung), icon=":material/check_circle:")
    with st.form("sk_speichern_form", border=False):
        c1, c2 = st.columns([2, 3])
        c1.text_input("Name des Szenarios", key="sk_name", max_chars=V.szenario.MAX_NAME)
        c2.text_input("Beschreibung (für den Bericht)", key="sk_beschreibung", max_chars=300)
        knopf = st.form_submit_button("Szenario speichern", icon=":material/save:")
    if knopf:
        name = st.session_state.get("sk_name", "")
        try:
            s = V.speichere(D.store(), V.Szenario(name, e["gewichte"], st.session_state.get("sk_beschreibung", "")),
                            wer=wer)
        except KitaNetzFehler as f:
            st.error(md(str(f)), icon=":material/error:")
            return
        st.session_state["sk_meldung"] = f"Szenario „{s.name}“ gespeichert."
        st.session_state["sk_szenario_neu"] = s.name
        st.rerun()
    gespeichert = [n for n in namen if n != V.STANDARD.name]
    if gespeichert:
        c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
        c1.selectbox("Gespeichertes Szenario löschen", gespeichert, key="sk_loeschen_name", index=None,
                     placeholder="Szenario wählen")
        if c2.button("Löschen", icon=":material/delete:", disabled=not st.session_state.get("sk_loeschen_name")):
            name = st.session_state["sk_loeschen_name"]
            V.loesche(D.store(), name, wer=wer)
            st.session_state["sk_meldung"] = f"Szenario „{name}“ gelöscht."
            if st.session_state.get("sk_szenario") == name:
                st.session_state["sk_szenario_neu"] = V.STANDARD.name
            st.rerun()


# -- the page -----------------------------------------------------------------------------------------
def seite() -> None:
    sitzung.bewache("Sozialraumkonzept")
    st.title("Sozialraumkonzept")
    st.caption("Verteilung des Sozialraumbudgets (§ 25 Abs. 5 KiTaG RLP) und der Stellen der Kita-Sozialarbeit "
               "nach einem gewichteten Index je Sozialraum – nachvollziehbar, nachrechenbar und vergleichbar. "
               "Grundlage: das Sozialraumkonzept des Kreises, beschlossen vom Jugendhilfeausschuss am 24.03.2021.")
    d = D.daten()
    if not d.sozialraeume:
        st.info("Noch keine Sozialräume in den Daten.")
        return
    if not d.indikatoren:
        st.info("Noch keine Indikatorwerte. Bitte die Datei `indikatoren.csv` importieren (Seite Pflege); das "
                "Format steht in `seed/README.md`, die Indikatoren in `docs/sozialraumkonzept.md`.")
        return
    inds, szenarien, namen = _szenario_laden(d)
    _eingaben_zeigen(d, inds, szenarien, namen)
    e = eingaben()
    if e["fehler"]:
        for f in e["fehler"]:
            st.error(md(f), icon=":material/error:")
        st.info("Es wurde nichts berechnet. Bitte die genannten Eingaben korrigieren; alles andere bleibt, wie es "
                "ist.")
        return
    _ergebnis(d, e, namen)


def _szenario_laden(d) -> tuple[list[str], list, list[str]]:
    """The known indicators, the saved scenarios and their names; the weights of the chosen scenario in the form."""
    store = D.store()
    s = st.session_state
    inds = I.bekannte_indikatoren(d.indikatoren)
    s["sk_indikatoren"] = inds
    szenarien = V.szenarien(store)
    namen = [x.name for x in szenarien]
    if "sk_szenario_neu" in s:  # set after saving or deleting (a widget's value cannot change after it exists)
        s["sk_szenario"] = s.pop("sk_szenario_neu")
        _lade_szenario()
    if s.get("sk_szenario") not in namen:
        s["sk_szenario"] = V.STANDARD.name
        _lade_szenario()
    for i in inds:
        if _gewicht_key(i) not in s:
            s[_gewicht_key(i)] = F.zahl(float(next(x for x in szenarien
                                                   if x.name == s["sk_szenario"]).gewichte.get(i, 0.0)))
    return inds, szenarien, namen


def _eingaben_zeigen(d, inds: list[str], szenarien: list, namen: list[str]) -> None:
    """The inputs: scenario and weights, budget and posts, the formula."""
    s = st.session_state
    stichtage = sorted({r["stichtag"] for r in d.indikatoren if r.get("stichtag")}, reverse=True)
    st.header("Gewichte", anchor=False)
    c1, c2 = st.columns([2, 3], vertical_alignment="bottom")
    c1.selectbox("Szenario", namen, key="sk_szenario", on_change=_lade_szenario,
                 help="Lädt die Gewichte eines Szenarios. „Standard“: die fünf öffentlich bekannten Kriterien "
                      "des Kreises, gleich gewichtet.")
    beschreibung = next(x.beschreibung for x in szenarien if x.name == s["sk_szenario"])
    if beschreibung:
        c2.caption(md(beschreibung))
    _gewichte(d, inds)

    st.header("Budget und Stellen", anchor=False)
    c = st.columns([3, 2, 2, 3, 2, 2])
    zahlfeld(c[0], "Budget (€)", "sk_budget", BUDGET)
    zahlfeld(c[1], "Stellen (VZÄ)", "sk_stunden", STELLEN)
    c[2].selectbox("Schritt (VZÄ)", SCHRITTE, index=SCHRITTE.index(0.25), key="sk_schritt",
                   format_func=F.zahl,
                   help="Die Stellen werden in Vielfachen dieses Schritts verteilt.")
    zahlfeld(c[3], "Mindestbetrag je Sozialraum (€)", "sk_min_budget", 0)
    zahlfeld(c[4], "Mindeststellen (VZÄ)", "sk_min_stunden", 0, help="Mindeststellen je Sozialraum.")
    c[5].selectbox("Stand der Werte", [_NEUESTE] + stichtage, key="sk_stand",
                   format_func=lambda x: "neueste" if x == _NEUESTE else f"bis {F.datum(x)}",
                   help="Welche Indikatorwerte gelten: die neuesten oder die bis zu einem Stichtag.")
    with st.expander("Formel und Rundung", expanded=True):
        _formel()


def _ergebnis(d, e: dict, namen: list[str]) -> None:
    """The distribution for the inputs ``e``: the table, the tabs (comparison, need, Soll/Ist, Kitas, sources,
    saving) and the downloads."""
    try:
        v = berechne(d, e, e["szenario"] + (" (geändert)" if _geaendert(e) else ""))
    except KitaNetzFehler as f:
        st.error(md(str(f)), icon=":material/error:")
        return
    si, si_hinweise = V.soll_ist(d, v)
    heute = D.heute()
    bedarf = V.bedarf_und_angebot(d, v, heute, bericht=_bericht(D.schluessel(), D.version(), heute))

    st.header("Ergebnis", anchor=False)
    if v.fiktiv:
        st.warning("**Demodaten:** Die Indikatorwerte sind ganz oder teilweise erfunden (fiktiv). Die Verteilung "
                   "zeigt das Verfahren, sie ist keine Grundlage für Entscheidungen.", icon=":material/science:")
    for h in v.hinweise:
        st.info(md(h))
    st.caption(md(f"Szenario „{v.szenario}“ · Budget {euro(v.budget)} · {vzae(v.stunden)} VZÄ in Schritten von "
                  f"{vzae(v.schritt)} VZÄ · Gewichte: "
                  + "; ".join(f"{I.name(i)} {F.zahl(float(v.gewichte[i]))}" for i in v.verwendet)))
    st.table(_ergebnis_tabelle(v, si).set_index("Sozialraum"))  # plain HTML: readable by screen readers
    _balken(v)

    tabs = st.tabs(["Vergleich zweier Szenarien", "Bedarf und Angebot", "Soll und Ist", "Aufteilung auf Kitas",
                    "Indikatoren und Quellen", "Szenario speichern"])
    with tabs[0]:
        vergleich = _vergleich(d, e, v, namen)
    with tabs[1]:
        _bedarf(bedarf)
    with tabs[2]:
        _soll_ist(si, si_hinweise)
    with tabs[3]:
        kitas = _kitas(d, v)
    with tabs[4]:
        _indikatoren(v)
    with tabs[5]:
        _speichern(namen, e)

    st.subheader("Herunterladen", anchor=False)
    st.caption("Bericht für den Jugendhilfeausschuss (PDF) und alle Tabellen (Excel) – mit denselben Zahlen wie "
               "oben.")
    _herunterladen(f"sozialraumkonzept-{heute}", e, lambda: V.pdf_bytes(v, soll_ist=si, bedarf=bedarf,
                                                                      vergleich=vergleich),
                   lambda: V.excel_bytes(v, soll_ist=si, bedarf=bedarf, vergleich=vergleich, kitas=kitas))


def _herunterladen(datei: str, e: dict, pdf, excel) -> None:
    """Downloads that never fail silently: „Dateien erstellen“ makes both files now (a German message if that
    fails), and the buttons then hand over these bytes – not a deferred file that a rerun or another app
    process may no longer know (``MediaFileStorageError: Deferred file … not found``). Changed inputs make the
    files stale: they are made again on request."""
    s = st.session_state
    stand = repr((sorted(e["gewichte"].items()), str(e["budget"]), str(e["stunden"]), e["schritt"],
                  str(e["minimum_budget"]), str(e["minimum_stunden"]), e["stichtag"], e["szenario"],
                  s.get("sk_vergleich_a"), s.get("sk_vergleich_b"), s.get("sk_kita_indikator"),
                  s.get("sk_kita_schritt"), D.version()))
    dateien = s.get("sk_dateien")
    if not dateien or dateien[0] != stand:
        dateien = None

    def erstellen() -> None:
        try:
            s["sk_dateien"] = (stand, pdf(), excel())
            s.pop("sk_dateien_fehler", None)
        except Exception:  # the reason in the server log, a German sentence on the page
            log.exception("Bericht oder Tabellen konnten nicht erstellt werden")
            s.pop("sk_dateien", None)
            s["sk_dateien_fehler"] = ("Bericht und Tabellen konnten nicht erstellt werden. Bitte erneut versuchen; "
                                      "wenn es wieder nicht geht, die Eingaben prüfen oder die Koordination der "
                                      "IT informieren (Einzelheiten im Server-Protokoll).")

    if dateien is None:
        st.button("Bericht und Tabellen erstellen", key="sk_erstellen", icon=":material/description:",
                  on_click=erstellen, type="primary")
        if fehler := s.pop("sk_dateien_fehler", None):
            st.error(fehler, icon=":material/error:")
        return
    _, pdf_daten, xlsx_daten = dateien
    c1, c2, _ = st.columns([2, 2, 3])
    c1.download_button("Bericht (PDF)", data=pdf_daten, file_name=f"{datei}.pdf", mime="application/pdf",
                       icon=":material/picture_as_pdf:", key="sk_pdf", on_click="ignore")
    c2.download_button("Tabellen (Excel)", data=xlsx_daten, file_name=f"{datei}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/table:", key="sk_xlsx", on_click="ignore")
    st.caption("Die Dateien gehören zu den Eingaben oben; wer sie ändert, erstellt die Dateien neu.")
