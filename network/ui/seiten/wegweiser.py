"""Page „Wegweiser“: the public directory of Angebote (and Kitas) per Sozialraum, Gemeinde or place.

Filters live in the URL (see :mod:`network.ui.bausteine.adresse`); results show as cards, on a map or as a compact
printable list. Every text from the data is shown as plain text or escaped Markdown (:func:`~network.ui.bausteine.text.md`).
"""

from __future__ import annotations

import io
import logging
import re
from datetime import date

import pandas as pd
import streamlit as st

from ...frische import veraltet
from ...grund import format as F
from ...grund.format import anzahl
from ...model import ART
from ...verzeichnis import ORTSMITTE, Filter, Verzeichnis
from ...zugang import sichtbar
from ..bausteine import daten as D
from ..bausteine import sitzung
from ..bausteine.adresse import Param, aus_url, in_url
from ..bausteine.karte import grenzen, karte
from ..bausteine.text import md

__all__ = ["seite", "PARAMS", "filter_aus_zustand", "DRUCK_CSS", "geprueft_text", "kontakt_markdown"]

log = logging.getLogger(__name__)

SEITE = 20  # cards per step

UMKREISE = (0, 5, 10, 15, 20, 30, 50)

PARAMS = (
    Param("w_sr", "sr"),
    Param("w_ort", "ort", default=""),
    Param("w_km", "km", "zahl", 0),
    Param("w_q", "q", default=""),
    Param("w_art", "art", "liste", []),
    Param("w_thema", "thema", "liste", []),
    Param("w_zg", "zielgruppe", "liste", []),
    Param("w_sprache", "sprache", "liste", []),
    Param("w_kostenlos", "kostenlos", "bool", False),
    Param("w_barrierefrei", "barrierefrei", "bool", False),
    Param("w_aufsuchend", "aufsuchend", "bool", False),
    Param("w_zeige", "zeige", default="Angebote"),
    Param("w_ansicht", "ansicht", default="Liste"),
)

ZEIGE = ("Angebote", "Kitas")
ANSICHTEN = ("Liste", "Karte", "Druckliste")

#: Static print style (no data inside): hide the app's chrome and the controls when printing.
DRUCK_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], .no-print, [data-testid="stIFrame"], [data-testid="stElementToolbar"],
  [data-testid="stDownloadButton"] {
    display: none !important;
  }
  .st-key-w_filter, .st-key-w_steuerung, .st-key-w_trefferkopf { display: none !important; }
  [data-testid="stMain"] { margin-left: 0 !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  table { font-size: 10pt; }
}
</style>"""

#: Static style of the page (no data inside): compact card headings.
SEITEN_CSS = """<style>
@media (max-width: 640px) {  /* phone: the results start on the first screen */
  [data-testid="stMainBlockContainer"] { padding-top: 3.75rem !important; }
  .st-key-w_intro, .st-key-w_umkreis_hinweis { display: none !important; }
  h1 { font-size: 1.9rem !important; padding-top: .25rem !important; }
  .st-key-w_steuerung [data-testid="stHorizontalBlock"] { flex-wrap: nowrap !important; gap: .3rem !important; }
  .st-key-w_steuerung [data-testid="stColumn"] { min-width: 0 !important; width: auto !important;
                                                 flex: 0 1 auto !important; }
  .st-key-w_steuerung [data-testid="stWidgetLabel"] { position: absolute !important; width: 1px; height: 1px;
                                                       overflow: hidden; clip: rect(0 0 0 0); }
  .st-key-w_steuerung [data-testid="stIconMaterial"] { display: none !important; }
  .st-key-w_steuerung [data-testid="stColumn"]:last-child { display: none !important; }
  .st-key-w_steuerung button { padding-left: .4rem !important; padding-right: .4rem !important; gap: 0 !important;
                               font-size: .85rem !important; min-width: 0 !important; }
  .st-key-w_trefferkopf h2 { font-size: 1.35rem !important; padding: .25rem 0 !important; }
  .st-key-w_filter { padding: .6rem .75rem !important; }
}
[class*="st-key-karte_"] h3 { font-size: 1.2rem !important; line-height: 1.35 !important; padding: 0 0 .25rem 0; }
[class*="st-key-karte_"] [data-testid="stText"] { font-size: .95rem; }
</style>"""

_DRUCKKNOPF = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Liste drucken</title><style>
button{font:15px system-ui,sans-serif;padding:.45rem .9rem;border:1px solid #1f5f8b;border-radius:.5rem;
background:#1f5f8b;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1f5f8b;outline-offset:2px}
body{margin:0}</style></head><body><button type="button" onclick="window.parent.print()">Liste drucken</button>
</body></html>"""

_URL = re.compile(r"^https?://[^\s()<>\[\]\\\"']+$")
_MAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_TEL = re.compile(r"^\+?[0-9][0-9 ()/.-]{2,30}$")


def _zuruecksetzen() -> None:
    for p in PARAMS:
        st.session_state[p.key] = list(p.default) if isinstance(p.default, list) else p.default
    st.session_state["w_mehr"] = 1


def _ort_gewaehlt() -> None:
    """A place implies its Sozialraum: keep the Sozialraum pills in step."""
    v: Verzeichnis = D.verzeichnis()
    sr, *_ = v.ort_punkt(st.session_state.get("w_ort"))
    if sr:
        st.session_state["w_sr"] = sr


def filter_aus_zustand() -> Filter:
    s = st.session_state
    return Filter(
        sozialraum=s.get("w_sr"), ort=s.get("w_ort"), umkreis_km=float(s.get("w_km") or 0) or None,
        art=tuple(s.get("w_art") or ()), themen=tuple(s.get("w_thema") or ()),
        zielgruppen=tuple(s.get("w_zg") or ()), sprachen=tuple(s.get("w_sprache") or ()),
        kostenlos=bool(s.get("w_kostenlos")), barrierefrei=bool(s.get("w_barrierefrei")),
        aufsuchend=bool(s.get("w_aufsuchend")), suche=s.get("w_q") or "")


def _filter_beschreibung(v: Verzeichnis, f: Filter) -> str:
    """The filters in words (plain text), e.g. for the head of the printed list."""
    teile = []
    _, _, _, ortname = v.ort_punkt(f.ort)
    if ortname:
        teile.append(f"in der Nähe von {ortname}" + (f" (bis {F.km(f.umkreis_km, None)})" if f.umkreis_km else ""))
    elif f.sozialraum:
        teile.append(f"Sozialraum {v.sozialraum_name.get(f.sozialraum, f.sozialraum)}")
    else:
        teile.append("ganzer Rhein-Hunsrück-Kreis")
    if f.art:
        teile.append("Art: " + ", ".join(f.art))
    if f.themen:
        teile.append("Thema: " + ", ".join(v.thema_name.get(t, t) for t in f.themen))
    if f.zielgruppen:
        teile.append("Zielgruppe: " + ", ".join(f.zielgruppen))
    if f.sprachen:
        teile.append("Sprache: " + ", ".join(f.sprachen))
    for name, an in (("kostenlos", f.kostenlos), ("barrierefrei", f.barrierefrei),
                     ("aufsuchend", f.aufsuchend)):
        if an:
            teile.append(name)
    if f.suche.strip():
        teile.append(f"Suche „{f.suche.strip()}“")
    return " · ".join(teile)


# -- widgets ------------------------------------------------------------------------------------------
def _filter(v: Verzeichnis) -> None:
    orte_alle = v.orte()
    erlaubt = {
        "sr": lambda x: x in v.sozialraum_name,
        "ort": lambda x: x in orte_alle,
        "km": lambda x: x in UMKREISE,
        "art": lambda x: x in ART,
        "thema": lambda x: x in v.thema_name,
        "zielgruppe": lambda x: x in v.zielgruppen,
        "sprache": lambda x: x in v.sprachen,
        "zeige": lambda x: x in ZEIGE,
        "ansicht": lambda x: x in ANSICHTEN,
    }
    neu = "w_sr" not in st.session_state
    aus_url(PARAMS, erlaubt)
    # The search text reaches the address (and so history and proxy logs) only when asked for – or when it came
    # with a shared link.
    st.session_state.setdefault("w_q_teilen", bool(st.query_params.get("q")))
    st.session_state.setdefault("w_mehr", 1)
    s = st.session_state
    if neu and s.get("w_ort") and not s.get("w_sr"):  # a shared link with a place: show its Sozialraum
        s["w_sr"] = v.ort_punkt(s["w_ort"])[0]

    with st.container(border=True, key="w_filter"):
        st.pills("Sozialraum", list(v.sozialraum_name), key="w_sr",
                 format_func=lambda i: md(v.sozialraum_name.get(i, i)))
        orte = v.orte(s.get("w_sr"))
        if s.get("w_ort") not in orte:
            s["w_ort"] = ""
        c1, c2, c3 = st.columns([4, 3, 2])
        c1.text_input("Suche in Namen und Beschreibungen", key="w_q", live=True, icon=":material/search:",
                      placeholder="z. B. Familienberatung, Sprachförderung, Arabisch")
        c2.selectbox("In der Nähe von (Gemeinde oder Kita)", ["", *orte], key="w_ort",
                     format_func=lambda o: orte.get(o, o) if o else "– kein Ort gewählt –",
                     on_change=_ort_gewaehlt)
        if s.get("w_ort"):
            c3.select_slider("Umkreis", UMKREISE, key="w_km",
                             format_func=lambda k: "beliebig" if not k else f"bis {F.km(k, 0)}")
        else:  # no disabled slider: its greyed label would be too faint to read (contrast below 4.5:1)
            s["w_km"] = 0
            with c3.container(key="w_umkreis_hinweis"):
                st.caption("Umkreis: erst einen Ort wählen")
        # Art, Thema and the rest fold away, so that the results start on the first screen (desktop and phone)
        weitere = any(s.get(k) for k in ("w_art", "w_thema", "w_zg", "w_sprache", "w_kostenlos", "w_barrierefrei",
                                         "w_aufsuchend"))
        with st.expander("Weitere Filter: Art, Thema, Zielgruppe, Sprache, kostenlos, barrierefrei, aufsuchend",
                         expanded=weitere):
            c1, c2 = st.columns([4, 5])
            c1.pills("Art", list(ART), selection_mode="multi", key="w_art")
            c2.multiselect("Thema", sorted(v.thema_name, key=lambda t: v.thema_name[t].casefold()), key="w_thema",
                           format_func=lambda t: v.thema_name.get(t, t), placeholder="alle Themen")
            c1, c2 = st.columns(2)
            c1.multiselect("Zielgruppe", v.zielgruppen, key="w_zg", placeholder="alle Zielgruppen")
            c2.multiselect("Sprache", v.sprachen, key="w_sprache", placeholder="alle Sprachen")
            c1, c2, c3 = st.columns(3)
            c1.checkbox("nur kostenlose", key="w_kostenlos")
            c2.checkbox("nur barrierefreie", key="w_barrierefrei")
            c3.checkbox("nur aufsuchende (Hausbesuche)", key="w_aufsuchend")
            st.checkbox("Suchtext in den Link übernehmen (zum Teilen)", key="w_q_teilen",
                        help="Sonst stehen nur die Filter in der Adresse, nicht der Suchtext.")
            st.caption("Ohne Sozialraum: der ganze Kreis (auch kreisweite Angebote). Groß-/Kleinschreibung und "
                       "Umlaute sind bei der Suche egal, Wortteile werden gefunden. Mit Ort: sortiert nach Luftlinie.")
        st.button("Alle Filter zurücksetzen", on_click=_zuruecksetzen, icon=":material/filter_alt_off:",
                  type="tertiary")


# -- cards --------------------------------------------------------------------------------------------
def _adresse(r: dict) -> str:
    ort = " ".join(x for x in (r.get("plz"), r.get("ort")) if x)
    return ", ".join(x for x in (r.get("strasse"), ort) if x)


def _entfernung(v: Verzeichnis, r: dict, km: float | None) -> str:
    """„3,2 km“; measured from the Gemeinde's centre: „ca. 3,2 km, ungefähre Lage (Ortsmitte)“."""
    if km is None:
        return ""
    p = v.lage(r)
    return f"ca. {F.km(km)}, {ORTSMITTE}" if p is not None and p.ungefaehr else F.km(km)


def _lage_zeile(v: Verzeichnis, r: dict) -> str | None:
    p = v.lage(r)
    return f"Lage: {ORTSMITTE} – genaue Koordinaten fehlen" if p is not None and p.ungefaehr else None


def geprueft_text(geprueft_am: str | None, heute: date, monate: int) -> str:
    """The freshness line of a card; the mark for old entries is words, not colour.

    >>> geprueft_text("2025-01-10", date(2026, 3, 1), 12)
    'Angaben zuletzt geprüft: 01/2025 – älter als 12 Monate, bitte vorab kurz nachfragen'
    >>> geprueft_text("2026-01-10", date(2026, 3, 1), 12), geprueft_text(None, date(2026, 3, 1), 12)
    ('Angaben zuletzt geprüft: 01/2026', 'Angaben zuletzt geprüft: unbekannt – bitte vorab kurz nachfragen')
    """
    mj = F.monat(geprueft_am)
    if not mj:
        return "Angaben zuletzt geprüft: unbekannt – bitte vorab kurz nachfragen"
    if veraltet(geprueft_am, heute, monate):
        return (f"Angaben zuletzt geprüft: {mj} – älter als {monate} Monat{'e' if monate != 1 else ''}, "
                "bitte vorab kurz nachfragen")
    return f"Angaben zuletzt geprüft: {mj}"


def _geprueft(r: dict) -> None:
    st.caption(geprueft_text(r.get("geprueft_am"), date.fromisoformat(D.heute()), D.settings().pruef_monate))


def kontakt_markdown(r: dict, website: bool = False) -> str:
    r"""Telefon, E-Mail (and Website) as Markdown lines; valid ones as links (``tel:``, ``mailto:``), so they can
    be reached and used with the keyboard. Link text is escaped, link targets are checked against strict patterns.

    >>> for zeile in kontakt_markdown({"telefon": "06761 9999-101", "email": "a.b@example.org",
    ...                                "website": "javascript:x"}, website=True).split("  \n"):
    ...     print(zeile)
    Telefon: [06761 9999\-101](tel:067619999101)
    E-Mail: [a\.b\@example\.org](mailto:a.b@example.org)
    Website: javascript\:x
    """
    zeilen = []
    tel, mail, web = r.get("telefon"), r.get("email"), r.get("website") if website else None
    if tel:
        ziffern = re.sub(r"[^0-9+]", "", tel)
        zeilen.append(f"Telefon: [{md(tel)}](tel:{ziffern})" if _TEL.match(tel) and len(ziffern) >= 3
                      else f"Telefon: {md(tel)}")
    if mail:
        zeilen.append(f"E-Mail: [{md(mail)}](mailto:{mail})" if _MAIL.match(mail) else f"E-Mail: {md(mail)}")
    if web:
        zeilen.append(f"Website: [{md(web)}]({web})" if _URL.match(web) else f"Website: {md(web)}")
    return "  \n".join(zeilen)


def _kontakt(r: dict, website: bool = False) -> None:
    text = kontakt_markdown(r, website)
    if text:
        st.markdown(text)


def _angebot_karte(v: Verzeichnis, a: dict, km: float | None, nr: int = 0) -> None:
    with st.container(border=True, key=f"karte_{nr}"):
        st.subheader(md(a.get("name") or a["id"]), anchor=False)
        marken = [f":blue-badge[{a.get('art') if a.get('art') in ART else 'Angebot'}]"]
        if km is not None:
            marken.append(f":gray-badge[:material/near_me: {_entfernung(v, a, km)}]")
        if a.get("kostenlos"):
            marken.append(":green-badge[kostenlos]")
        if a.get("barrierefrei"):
            marken.append(":violet-badge[barrierefrei]")
        if a.get("aufsuchend"):
            marken.append(":orange-badge[aufsuchend]")
        st.markdown(" ".join(marken))
        themen = v.themen_namen(a)
        if themen:
            st.caption("Themen: " + md(", ".join(themen)))
        if a.get("beschreibung"):
            st.text(a["beschreibung"])
        adr = _adresse(a)
        zeilen = [f"Adresse: {adr}" if adr else "Adresse: kein fester Standort (kommt zu den Familien oder "
                                                "arbeitet kreisweit)"]
        if _lage_zeile(v, a):
            zeilen.append(_lage_zeile(v, a))
        if a.get("sprachen"):  # for many families this decides everything: on the card, not folded away
            zeilen.append("Sprachen: " + ", ".join(a["sprachen"]))
        if a.get("oeffnungszeiten"):
            zeilen.append(f"Zeiten: {a['oeffnungszeiten']}")
        if a.get("hinweis"):
            zeilen.append(f"Hinweis: {a['hinweis']}")
        st.text("\n".join(zeilen))
        _kontakt(a, website=True)
        _geprueft(a)
        with st.expander("Einzugsgebiet und Kooperationspartner"):
            zeilen = ["Zuständig für: " + ", ".join(v.einzugsgebiet(a))]
            if a.get("traeger"):
                zeilen.append(f"Träger: {a['traeger']}")
            if a.get("zielgruppen"):
                zeilen.append(f"Zielgruppen: {', '.join(a['zielgruppen'])}")
            if a.get("kosten"):
                zeilen.append(f"Kosten: {a['kosten']}")
            st.text("\n".join(zeilen))
            _partnerliste(v, a["id"])


def _partnerliste(v: Verzeichnis, akteur_id: str) -> None:
    partner = v.partner(akteur_id)
    if not partner:
        st.text("Kooperationspartner: keine eingetragen.")
        return
    st.text(f"Kooperationspartner ({len(partner)}):")
    # A Markdown table, not st.dataframe: every card has one, and 20 data grids (pandas, Arrow, one canvas
    # each) made a filter change take seconds in the browser; a plain table shows at once (issue 14).
    zelle = md  # escapes Markdown, "|" included
    zeilen = ["| Partner | Art | Ort | Kooperation |", "|---|---|---|---|"]
    for p, c in partner:
        typ = "Kita" if p["id"] in v.kita else (p.get("art") or "Angebot")
        zeilen.append(f"| {zelle(p.get('name') or p['id'])} | {zelle(typ)} | {zelle(p.get('ort') or '')} | "
                      f"{zelle(c.get('art') or '')} |")
    st.markdown("\n".join(zeilen))


def _kita_karte(v: Verzeichnis, k: dict, km: float | None, nr: int = 0) -> None:
    with st.container(border=True, key=f"karte_{nr}"):
        st.subheader(md(k.get("name") or k["id"]), anchor=False)
        marken = [":blue-badge[Kita]"]
        if km is not None:
            marken.append(f":gray-badge[:material/near_me: {_entfernung(v, k, km)}]")
        sr = v.sozialraum_von(k)
        if sr:
            marken.append(f":gray-badge[Sozialraum {md(v.sozialraum_name.get(sr, sr))}]")
        st.markdown(" ".join(marken))
        zeilen = []
        adr = _adresse(k)
        if adr:
            zeilen.append(f"Adresse: {adr}")
        if _lage_zeile(v, k):
            zeilen.append(_lage_zeile(v, k))
        if k.get("traeger"):
            zeilen.append(f"Träger: {k['traeger']}")
        if k.get("plaetze") is not None:
            zeilen.append(f"Plätze: {k['plaetze']}")
        if zeilen:
            st.text("\n".join(zeilen))
        _kontakt(k)
        fk = sichtbar.fachkraft(v.fachkraft.get(k.get("fachkraft_id")), sitzung.nutzer())  # public: the office
        st.markdown("**Kita-Sozialarbeit**")
        if fk:
            zeilen = [fk.get("name") or ""]
            if fk.get("dienstsitz"):
                zeilen.append(f"Dienstsitz: {fk['dienstsitz']}")
            st.text("\n".join(zeilen))
            _kontakt(fk)
        else:
            st.text("Zurzeit ist keine Fachkraft zugeordnet.")
        _geprueft(k)
        with st.expander("Kooperationspartner"):
            _partnerliste(v, k["id"])


# -- views --------------------------------------------------------------------------------------------
def _liste(v: Verzeichnis, treffer: list, ist_kita: bool) -> None:
    n = st.session_state.get("w_mehr", 1) * SEITE
    gezeigt = treffer[:n]
    for i in range(0, len(gezeigt), 2):  # one row of columns per pair: reading order = visual order
        spalten = st.columns(2)
        for j, (r, km) in enumerate(gezeigt[i:i + 2]):
            with spalten[j]:
                (_kita_karte if ist_kita else _angebot_karte)(v, r, km, i + j)
    if len(treffer) > n:
        st.button(f"Weitere {min(SEITE, len(treffer) - n)} anzeigen ({len(treffer) - n} noch nicht gezeigt)",
                  on_click=lambda: st.session_state.update(w_mehr=st.session_state.get("w_mehr", 1) + 1))


def _ganz(telefon: str | None) -> str:
    """A phone number that never breaks over lines: no-break spaces and non-breaking hyphens.

    >>> _ganz("06761 9999-301")
    '06761\xa09999\u2011301'
    """
    return " ".join(str(telefon or "").split()).replace(" ", "\u00a0").replace("-", "\u2011")


def excel_zeilen(v: Verzeichnis, treffer: list, ist_kita: bool, mit_ort: bool) -> list[dict]:
    """The result as rows for Excel (plain values; the distance as a number of km)."""
    zeilen = []
    for r, km in treffer:
        z = {"Name": r.get("name") or r["id"]}
        if not ist_kita:
            z.update({"Art": r.get("art") or "", "Themen": ", ".join(v.themen_namen(r)),
                      "Sprachen": ", ".join(r.get("sprachen") or []),
                      "Zielgruppen": ", ".join(r.get("zielgruppen") or [])})
        z.update({"Straße": r.get("strasse") or "", "PLZ": r.get("plz") or "", "Ort": r.get("ort") or "",
                  "Telefon": r.get("telefon") or "", "E-Mail": r.get("email") or ""})
        if not ist_kita:
            z.update({"Website": r.get("website") or "", "Zeiten": r.get("oeffnungszeiten") or "",
                      "kostenlos": "ja" if r.get("kostenlos") is True else ("nein" if r.get("kostenlos") is False
                                                                            else "unbekannt")})
        if mit_ort:
            p = v.lage(r)
            z["Entfernung (km)"] = None if km is None else round(km, 1)
            z["Lage"] = ("ungefähr (Ortsmitte)" if p is not None and p.ungefaehr else
                         "" if p is not None else "ohne festen Standort")
        z["zuletzt geprüft"] = F.datum(r.get("geprueft_am"))
        zeilen.append(z)
    return zeilen


def excel_bytes(zeilen: list[dict], titel: str) -> bytes:
    """One sheet: a title line, the header, the rows. Text stays text (never a formula); km as a number with
    one decimal (Excel shows it in the reader's language)."""
    import openpyxl  # heavy (about 0.3 s) and needed only for this download: imported when it is asked for
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Wegweiser"
    ws.append([titel])
    ws["A1"].font = Font(bold=True, size=13)
    kopf = list(zeilen[0]) if zeilen else ["Name"]
    ws.append(kopf)
    for c in ws[2]:
        c.font = Font(bold=True)
    for z in zeilen:
        ws.append([None] * len(kopf))
        for i, k in enumerate(kopf, 1):
            zelle = ws.cell(ws.max_row, i)
            wert = z.get(k)
            if isinstance(wert, str):
                zelle.value = wert
                zelle.data_type = "s"  # „=…“ from the data stays text
            else:
                zelle.value = wert
                if k == "Entfernung (km)":
                    zelle.number_format = "0.0"
    for i, k in enumerate(kopf, 1):
        breite = max([len(k)] + [len(str(z.get(k) or "")) for z in zeilen])
        ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = min(50, breite + 2)
    puffer = io.BytesIO()
    wb.save(puffer)
    return puffer.getvalue()


def _druckliste(v: Verzeichnis, f: Filter, treffer: list, ist_kita: bool) -> None:
    st.html(DRUCK_CSS)
    c1, c2 = st.columns([1, 3], vertical_alignment="center")
    with c1:
        st.iframe(_DRUCKKNOPF, height=48)
    titel = ("Kitas" if ist_kita else "Angebote") + " – Stand " + F.datum(date.today())
    try:  # made now, handed over as bytes: the download never finds a file gone (issue 15.10)
        daten = excel_bytes(excel_zeilen(v, treffer, ist_kita, bool(f.ort)), f"{titel} – {_filter_beschreibung(v, f)}")
    except Exception:
        log.exception("Excel-Datei des Wegweisers nicht erstellt")
        c2.error("Die Excel-Datei konnte nicht erstellt werden; bitte erneut versuchen.", icon=":material/error:")
    else:
        c2.download_button("Als Excel herunterladen", data=daten, file_name=f"wegweiser-{date.today()}.xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           icon=":material/table:", key="w_excel", on_click="ignore")
    st.subheader(("Kitas" if ist_kita else "Angebote") + " – Stand " + F.datum(date.today()),
                 anchor=False)
    st.text(_filter_beschreibung(v, f))
    zeilen = []
    for r, km in treffer:
        z = {"Name": r.get("name") or r["id"]}
        if not ist_kita:
            z["Art"] = r.get("art") or ""
            z["Themen"] = ", ".join(v.themen_namen(r))
            z["Sprachen"] = ", ".join(r.get("sprachen") or [])
        z["Adresse"] = _adresse(r) or "ohne festen Standort"
        z["Telefon"] = _ganz(r.get("telefon"))
        if ist_kita:
            fk = sichtbar.fachkraft(v.fachkraft.get(r.get("fachkraft_id")), sitzung.nutzer()) or {}
            z["Kita-Sozialarbeit"] = " ".join(x for x in (fk.get("name"), _ganz(fk.get("telefon"))) if x)
        else:
            z["Zeiten"] = r.get("oeffnungszeiten") or ""
        if f.ort:
            z["Entfernung"] = _entfernung(v, r, km) or "–"
        zeilen.append({k: md(val) for k, val in z.items()})  # st.table renders Markdown: escape every cell
    if zeilen:
        st.table(pd.DataFrame(zeilen), hide_index=True, border="horizontal")
    st.caption("Quelle: Kita-Netzwerk Rhein-Hunsrück. Bitte Angaben vor der Weitergabe kurz prüfen.")


def _karte(v: Verzeichnis, f: Filter, treffer: list, ist_kita: bool) -> None:
    zuordnung = tuple(sorted((g["id"], g.get("sozialraum_id"), v.sozialraum_name.get(g.get("sozialraum_id"), ""))
                             for g in v.gemeinde.values()))
    geo = grenzen(zuordnung)
    if geo is None:
        st.info("Die Kartengrundlage (Gemeindegrenzen) fehlt; die Liste zeigt alle Ergebnisse.")
        return
    gemeinden, rand = geo
    punkte = []
    kitas = treffer if ist_kita else v.kitas_in(Filter(sozialraum=f.sozialraum, ort=f.ort,
                                                       umkreis_km=f.umkreis_km))
    ohne, ungefaehr = 0, 0

    def punkt(r: dict, typ: str) -> None:
        nonlocal ohne, ungefaehr
        p = v.lage(r)  # without coordinates: the Gemeinde's centre, marked as such
        if p is None:
            ohne += 1
            return
        ungefaehr += p.ungefaehr
        ort = r.get("ort") or ""
        punkte.append({"name": r.get("name") or r["id"], "typ": typ,
                       "ort": f"{ort} ({ORTSMITTE})" if p.ungefaehr else ort, "lat": p.lat, "lon": p.lon})

    for k, _ in kitas:
        punkt(k, "Kita")
    if not ist_kita:
        for a, _ in treffer:
            punkt(a, a.get("art") or "Beratung")
    sr_ort, lat, lon, ortname = v.ort_punkt(f.ort)
    if lat is not None:
        punkte.append({"name": ortname or "", "typ": "Gewählter Ort", "ort": "", "lat": lat, "lon": lon})
    df = pd.DataFrame(punkte, columns=["name", "typ", "ort", "lat", "lon"])
    sr_punkte: dict[str, list] = {}
    for g in v.gemeinde.values():
        if g.get("lat") is not None:
            sr_punkte.setdefault(g.get("sozialraum_id"), []).append((g["lat"], g["lon"]))
    beschriftung = pd.DataFrame([
        {"name": v.sozialraum_name.get(sr, sr), "lat": sum(p[0] for p in ps) / len(ps),
         "lon": sum(p[1] for p in ps) / len(ps)} for sr, ps in sr_punkte.items() if sr])
    sr_gewaehlt = sr_ort or f.sozialraum
    hervor = v.sozialraum_name.get(sr_gewaehlt) if sr_gewaehlt else None
    st.vega_lite_chart(spec=karte(gemeinden, rand, df, beschriftung, hervor), width="stretch",
                    alt="Karte des Rhein-Hunsrück-Kreises mit Sozialraum- und Gemeindegrenzen, Kitas und "
                        "Angeboten; die Liste darunter nennt dieselben Punkte.")
    anz = df["typ"].value_counts().to_dict() if len(df) else {}
    teile = [f"{anzahl(anz.get('Kita', 0), 'Kita', 'Kitas')} ({'Kreis' if anz.get('Kita') == 1 else 'Kreise'})"]
    if not ist_kita:
        teile += [f"{anz[a]} × {a} ({form if anz[a] == 1 else formen})"
                  for a, form, formen in zip(ART, ("Quadrat", "Dreieck", "Raute"), ("Quadrate", "Dreiecke", "Rauten"))
                  if anz.get(a)]
    text = "Die Karte zeigt " + ", ".join(teile)
    if ortname:
        text += f" und den gewählten Ort {ortname} (Kreuz)"
    text += ". Dicke Linien: Grenzen der Sozialräume, dünne: Gemeindegrenzen."
    if ungefaehr:
        text += (f" {anzahl(ungefaehr, 'Eintrag', 'Einträge')} ohne eigene Koordinaten "
                 f"{'steht an der Ortsmitte seiner' if ungefaehr == 1 else 'stehen an der Ortsmitte ihrer'} "
                 f"Gemeinde ({ORTSMITTE}).")
    if ohne:
        text += (f" {anzahl(ohne, 'Angebot', 'Angebote')} ohne festen Standort "
                 f"{'ist' if ohne == 1 else 'sind'} nicht eingezeichnet.")
    st.text(text)
    with st.expander("Alle Punkte der Karte als Liste"):
        tab = df.rename(columns={"name": "Name", "typ": "Art", "ort": "Ort"})[["Name", "Art", "Ort"]]
        st.dataframe(tab, hide_index=True, width="stretch")


def seite() -> None:
    sitzung.bewache("Wegweiser")
    st.html(SEITEN_CSS)
    st.title("Wegweiser", anchor=False)
    with st.container(key="w_intro"):
        st.caption("Beratung, Unterstützung und Freizeit für Familien mit Kita-Kindern im Rhein-Hunsrück-Kreis. "
                   "Wählen Sie einen Sozialraum oder einen Ort und grenzen Sie nach Art, Thema oder Stichwort ein.")
    v = D.verzeichnis()
    _filter(v)
    f = filter_aus_zustand()
    with st.container(key="w_steuerung"):
        c1, c2, _ = st.columns([2, 3, 3])
        c1.segmented_control("Zeigen", ZEIGE, key="w_zeige", required=True)
        c2.segmented_control("Ansicht", ANSICHTEN, key="w_ansicht", required=True,
                             format_func=lambda a: {"Liste": ":material/view_agenda: Liste",
                                                    "Karte": ":material/map: Karte",
                                                    "Druckliste": ":material/print: Druckliste"}[a])
    in_url([p for p in PARAMS if p.name != "q" or st.session_state.get("w_q_teilen")])
    # Back to the first page of results whenever the filters change.
    stand = (f, st.session_state.get("w_zeige"))
    if st.session_state.get("w_stand") != stand:
        st.session_state["w_stand"] = stand
        st.session_state["w_mehr"] = 1
    ist_kita = st.session_state.get("w_zeige") == "Kitas"
    treffer = v.kitas_in(f) if ist_kita else v.angebote(f)
    was = ("Kita" if ist_kita else "Angebot") if len(treffer) == 1 else ("Kitas" if ist_kita else "Angebote")
    with st.container(key="w_trefferkopf"):
        st.header(f"{len(treffer)} {was} gefunden", anchor=False)
        st.caption(md(_filter_beschreibung(v, f)))
        if ist_kita and (f.art or f.themen or f.zielgruppen or f.sprachen or f.kostenlos or f.barrierefrei
                         or f.aufsuchend):
            st.caption("Für Kitas gelten nur Sozialraum, Ort, Umkreis und Suche; die übrigen Filter betreffen "
                       "Angebote.")
    if not treffer:
        st.info("Keine Treffer. Tipp: weniger Filter wählen, den Umkreis vergrößern oder ein kürzeres "
                "Stichwort versuchen.")
        return
    ansicht = st.session_state.get("w_ansicht") or "Liste"
    if ansicht == "Karte":
        _karte(v, f, treffer, ist_kita)
    elif ansicht == "Druckliste":
        _druckliste(v, f, treffer, ist_kita)
    else:
        _liste(v, treffer, ist_kita)
