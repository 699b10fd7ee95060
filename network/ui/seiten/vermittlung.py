"""Page „Vermittlung“: with a parent at the table, find the two or three Angebote that fit, print a handout,
and count the referral anonymously.

Matching and ranking: :mod:`network.vermittlung.suche`; the handout: :mod:`network.vermittlung.handzettel`; the
anonymous count: :mod:`network.vermittlung.erfassung`. Nothing about the family is stored or sent anywhere: the
choices on this page live only in the browser session. Every text from the data goes through
:func:`~network.ui.bausteine.text.md` or a plain-text element.
"""

from __future__ import annotations

import datetime as _dt

import pandas as pd
import streamlit as st

from ...errors import KitaNetzFehler
from ...grund import format as F
from ...model import ERGEBNISSE
from ...vermittlung import (
    Anfrage,
    Vermittlung,
    erfassen,
    kreuztabelle,
    monat_heute,
    suchen,
    vermittlungen,
    zentralitaet,
)
from ...vermittlung.bedarf import Bedarfsluecke, luecke_melden
from ...vermittlung.handzettel import BLATT_SPRACHEN, MAX_ANGEBOTE, SPRACHNAMEN, handzettel
from ...zugang import darf
from ..bausteine import daten as D
from ..bausteine import sitzung
from ..bausteine.text import md

__all__ = ["seite", "DRUCK_CSS", "ZEIGEN"]

#: Results shown at first.
ZEIGEN = 8
UMKREISE = (0, 5, 10, 15, 20, 30, 50)

#: Static print style (no data inside): only the print view goes on paper.
DRUCK_CSS = """<style>
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stDecoration"], [data-testid="stIFrame"], [data-testid="stElementToolbar"],
  .st-key-vm_eingabe, .st-key-vm_ergebnisse, .st-key-vm_handzettel, .st-key-vm_erfassen,
  .st-key-vm_zahlen, .st-key-vm_kopf, .st-key-vm_druckknopf { display: none !important; }
  [data-testid="stMain"] { margin-left: 0 !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  .st-key-vm_druck, .st-key-vm_druck table { font-size: 12pt !important; }
}
</style>"""

#: Static style of the page (no data inside): compact card headings.
SEITEN_CSS = """<style>
[class*="st-key-vm_karte_"] h3 { font-size: 1.2rem !important; line-height: 1.35 !important; padding: 0 0 .25rem 0; }
</style>"""

_DRUCKKNOPF = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Drucken</title><style>
button{font:15px system-ui,sans-serif;padding:.45rem .9rem;border:1px solid #1f5f8b;border-radius:.5rem;
background:#1f5f8b;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1f5f8b;outline-offset:2px}
body{margin:0}</style></head><body><button type="button" onclick="window.parent.print()">Drucken</button>
</body></html>"""


# -- cached computations ------------------------------------------------------------------------------
@D.abgeleitet
@st.cache_data(show_spinner="Netzwerk wird ausgewertet …", max_entries=4)
def _zentralitaet(key: tuple, version: int, tag: str) -> dict[str, float]:
    return zentralitaet(D.daten_fuer(key, version), tag)


@D.abgeleitet
@st.cache_data(show_spinner=False, max_entries=4)
def _zaehlungen(key: tuple, version: int) -> list[dict]:
    return vermittlungen(D.store())


@st.cache_data(show_spinner=False, max_entries=32)
def _pdf(key: tuple, version: int, ids: tuple[str, ...], kita_id: str, sprache: str, tag: str) -> bytes:
    return handzettel(D.daten_fuer(key, version), list(ids), kita_id=kita_id, blatt_sprache=sprache, datum=tag)


# -- widgets ------------------------------------------------------------------------------------------
# Option labels of selectbox/multiselect are shown as plain text (no Markdown): they are not escaped.
def _eingabe(d) -> Anfrage | None:
    v = D.verzeichnis()
    kitas = {k["id"]: k for k in v.kitas}
    themen = sorted(v.thema_name, key=lambda t: v.thema_name[t].casefold())
    s = st.session_state
    with st.container(border=True, key="vm_eingabe"):
        c1, c2 = st.columns([3, 4])
        fk = sitzung.nutzer().fachkraft_id  # a Fachkraft's own Kitas first
        eigene = [i for i in kitas if fk and kitas[i].get("fachkraft_id") == fk]
        c1.selectbox("Kita", eigene + [i for i in kitas if i not in eigene], key="vm_kita", index=None,
                     format_func=lambda i: (kitas[i].get("name") or i)
                     + (f" ({kitas[i]['ort']})" if kitas[i].get("ort") else "")
                     + (" · Ihre Kita" if i in eigene else ""),
                     placeholder="Kita wählen (zum Suchen tippen)",
                     help="Die Angebote werden von hier aus gesucht: zuständig für den Sozialraum der Kita, "
                          "nach Entfernung sortiert.")
        c2.multiselect("Wobei braucht die Familie Hilfe?", themen, key="vm_themen",
                       format_func=lambda t: v.thema_name.get(t, t), placeholder="Thema wählen (mehrere möglich)")
        weitere = any(s.get(k) for k in ("vm_sprache", "vm_zg", "vm_kostenlos", "vm_barrierefrei", "vm_aufsuchend",
                                         "vm_km"))
        with st.expander("Weitere Wünsche: Sprache, Zielgruppe, kostenlos, barrierefrei, Hausbesuche, Entfernung",
                         expanded=weitere):
            c1, c2 = st.columns(2)
            c1.multiselect("Sprache", v.sprachen, key="vm_sprache", placeholder="egal")
            c1.checkbox("Sprache ist Pflicht", key="vm_muss_sprache",
                        help="Sonst werden Angebote mit der Sprache nur weiter oben gezeigt.")
            c2.multiselect("Zielgruppe", v.zielgruppen, key="vm_zg", placeholder="egal")
            c2.checkbox("Zielgruppe ist Pflicht", key="vm_muss_zg",
                        help="Sonst werden Angebote für diese Zielgruppe nur weiter oben gezeigt.")
            c1, c2, c3, c4 = st.columns([2, 2, 3, 3])
            c1.checkbox("nur kostenlose", key="vm_kostenlos")
            c2.checkbox("nur barrierefreie", key="vm_barrierefrei")
            c3.checkbox("nur mit Hausbesuchen", key="vm_aufsuchend")
            c4.select_slider("Entfernung", UMKREISE, key="vm_km",
                             format_func=lambda k: "beliebig" if not k else f"bis {F.km(k, 0)}")
    if not s.get("vm_kita") or not s.get("vm_themen"):
        return None
    muss = frozenset(x for x, an in (("sprache", s.get("vm_muss_sprache")), ("zielgruppe", s.get("vm_muss_zg")))
                     if an)
    return Anfrage(themen=tuple(s["vm_themen"]), kita_id=s["vm_kita"], sprachen=tuple(s.get("vm_sprache") or ()),
                   zielgruppen=tuple(s.get("vm_zg") or ()), muss=muss, kostenlos=bool(s.get("vm_kostenlos")),
                   barrierefrei=bool(s.get("vm_barrierefrei")), aufsuchend=bool(s.get("vm_aufsuchend")),
                   max_km=float(s.get("vm_km") or 0) or None)


def _adresse(r: dict) -> str:
    ort = " ".join(x for x in (r.get("plz"), r.get("ort")) if x)
    return ", ".join(x for x in (r.get("strasse"), ort) if x)


def _karte(t, nr: int, waehlbar: bool) -> None:
    a = t.angebot
    with st.container(border=True, key=f"vm_karte_{nr}"):
        if waehlbar:
            st.checkbox("Für den Handzettel", key=f"vm_wahl_{a['id']}")
        st.subheader(f"{t.rang}. " + md(t.name), anchor=False)
        marken = []
        if t.kooperiert:
            marken.append(":green-badge[:material/handshake: kooperiert mit Ihrer Kita]")
        if t.luftlinie is not None:  # the real distance (an aufsuchend service still sits somewhere)
            marken.append(f":gray-badge[:material/near_me: {'ca. ' if t.ungefaehr else ''}{F.km(t.luftlinie)}]")
        if not t.schwerpunkt:
            marken.append(":orange-badge[spezialisiert]")
        if not t.passt:
            marken.append(":orange-badge[nur zur Orientierung]")
        if marken:
            st.markdown(" ".join(marken))
        st.markdown("\n".join(f"- {md(g)}" for g in t.gruende))
        if a.get("beschreibung"):
            st.text(a["beschreibung"])
        adr = _adresse(a)
        st.text(f"Adresse: {adr}" if adr else "Adresse: kein fester Standort")
        if a.get("sprachen"):
            st.text("Sprachen: " + ", ".join(a["sprachen"]))
        kontakt = "  ·  ".join(x for x in (f"Telefon: {a['telefon']}" if a.get("telefon") else "",
                                           f"E-Mail: {a['email']}" if a.get("email") else "") if x)
        if kontakt:
            st.text(kontakt)
        if a.get("oeffnungszeiten"):
            st.text(f"Zeiten: {a['oeffnungszeiten']}")
        if a.get("hinweis"):
            st.text(f"Hinweis: {a['hinweis']}")


def _luecke(luecke) -> None:
    """The gap warning and „Als Lücke melden“: +1 per Thema for (Monat, Sozialraum) – nothing else is stored."""
    st.warning("**Lücke im Angebot:** " + md(luecke.text) + "  \nMit „Als Lücke melden“ wird sie anonym gezählt "
               "(nur Monat, Sozialraum und Thema); die Koordination sieht die Zahlen in der Analyse. Über die "
               "Familie wird nichts gespeichert.", icon=":material/report:")
    if not darf(sitzung.nutzer(), "vermittlung:erfassen") or not luecke.sozialraum_id:
        return
    monat = monat_heute()
    schluessel = (monat, luecke.sozialraum_id, tuple(luecke.themen))

    def melden() -> None:  # a callback: the button is disabled in the same run
        try:
            for thema in luecke.themen:
                luecke_melden(D.store(), Bedarfsluecke(monat, luecke.sozialraum_id, thema), wer=sitzung.nutzer())
        except KitaNetzFehler as fehler:  # German message, shown below the button
            st.session_state["vm_luecke_fehler"] = str(fehler)
            return
        D.geschrieben()
        st.session_state["vm_gemeldet"] = schluessel

    gemeldet = st.session_state.get("vm_gemeldet") == schluessel
    st.button("Als Lücke melden", key="vm_luecke_melden", icon=":material/flag:", disabled=gemeldet,
              on_click=melden, help="Zählt +1 je fehlendem Thema für diesen Monat und Sozialraum – ohne Kita, "
                                    "ohne Namen.")
    if fehler := st.session_state.pop("vm_luecke_fehler", None):
        st.error(md(fehler))
    if gemeldet:
        st.success("Als Lücke gemeldet. Gespeichert wurden nur Monat, Sozialraum und Thema.",
                   icon=":material/check_circle:")


def _ergebnisse(e) -> list:
    """Cards of the results (and of the alternatives when a Thema found nothing); returns the chosen ones."""
    s = st.session_state
    with st.container(key="vm_ergebnisse"):
        n = len(e.treffer)
        st.header({0: "Kein passendes Angebot", 1: "1 passendes Angebot"}.get(n, f"{n} passende Angebote"),
                  anchor=False)
        if e.luecke:
            _luecke(e.luecke)
        zeigen = e.treffer[:s.get("vm_mehr", ZEIGEN)]
        for i in range(0, len(zeigen), 2):
            spalten = st.columns(2)
            for j, t in enumerate(zeigen[i:i + 2]):
                with spalten[j]:
                    _karte(t, i + j, True)
        if len(e.treffer) > len(zeigen):
            st.button(f"Weitere {len(e.treffer) - len(zeigen)} anzeigen", key="vm_weitere",
                      on_click=lambda: s.update(vm_mehr=len(e.treffer)))
        if e.alternativen:
            st.subheader("Nächste Angebote, die nicht ganz passen", anchor=False)
            st.caption("Nur zur Orientierung: Diese Angebote sind außerhalb Ihres Einzugsgebiets oder erfüllen eine "
                       "Bedingung nicht. Bitte vorher klären, ob sie die Familie aufnehmen.")
            for i in range(0, len(e.alternativen), 2):
                spalten = st.columns(2)
                for j, t in enumerate(e.alternativen[i:i + 2]):
                    with spalten[j]:
                        _karte(t, 100 + i + j, True)
    return [t for t in e.treffer + e.alternativen if s.get(f"vm_wahl_{t.angebot_id}")]


def _handzettel(e, gewaehlt: list, kita_id: str) -> None:
    with st.container(border=True, key="vm_handzettel"):
        st.subheader(":material/print: Handzettel für die Familie", anchor=False)
        if not gewaehlt:
            st.caption(f"Bis zu {MAX_ANGEBOTE} Angebote oben mit „Für den Handzettel“ auswählen.")
        elif len(gewaehlt) > MAX_ANGEBOTE:
            st.warning(f"Bitte höchstens {MAX_ANGEBOTE} Angebote wählen – der Handzettel passt auf eine Seite.")
        else:
            st.text("Auf dem Handzettel: " + ", ".join(t.name for t in gewaehlt))
        c1, c2, c3 = st.columns([3, 3, 2])
        c1.selectbox("Sprache des Handzettels", BLATT_SPRACHEN, key="vm_blatt_sprache",
                     format_func=lambda x: SPRACHNAMEN[x][0] if x == "de" else f"{SPRACHNAMEN[x][0]} "
                                                                                f"({SPRACHNAMEN[x][1]})",
                     help="Überschriften und feste Texte in dieser Sprache; die Angaben der Angebote bleiben "
                          "auf Deutsch.")
        sprache = st.session_state.get("vm_blatt_sprache") or "de"
        ok = 1 <= len(gewaehlt) <= MAX_ANGEBOTE
        ids = tuple(t.angebot_id for t in gewaehlt)
        key, version, tag = D.schluessel(), D.version(), D.heute()
        with c2:
            st.space("small")
            st.download_button("Handzettel herunterladen (PDF)", key="vm_pdf", disabled=not ok, type="primary",
                               data=(lambda: _pdf(key, version, ids, kita_id, sprache, tag)) if ok else b"",
                               file_name=f"handzettel-{sprache}.pdf", mime="application/pdf",
                               icon=":material/download:", on_click="ignore")
        with c3:
            st.space("small")
            st.toggle("Druckansicht", key="vm_druckansicht", disabled=not ok,
                      help="Eine schlichte Liste der gewählten Angebote zum Drucken aus dem Browser.")
    if ok and st.session_state.get("vm_druckansicht"):
        _druckansicht(gewaehlt, kita_id)


def _druckansicht(gewaehlt: list, kita_id: str) -> None:
    """A plain list of the chosen Angebote and the Kita's contact; printing hides everything else."""
    st.html(DRUCK_CSS)
    with st.container(key="vm_druckknopf"):
        st.iframe(_DRUCKKNOPF, height=48)
    with st.container(border=True, key="vm_druck"):
        st.subheader("Hilfe und Beratung für Ihre Familie – Stand " + F.datum(_dt.date.today()),
                     anchor=False)
        zeilen = []
        for t in gewaehlt:
            a = t.angebot
            zeilen.append({"Angebot": a.get("name") or a["id"], "Adresse": _adresse(a) or "ohne festen Standort",
                           "Telefon": a.get("telefon") or "", "Zeiten": a.get("oeffnungszeiten") or "",
                           "Kosten": a.get("kosten") or ("kostenlos" if a.get("kostenlos") else ""),
                           "Hinweis": a.get("hinweis") or ""})
        # st.table renders Markdown: escape every cell
        st.table(pd.DataFrame([{k: md(x) for k, x in z.items()} for z in zeilen]), hide_index=True,
                 border="horizontal")
        d = D.daten()
        kita = next((k for k in d.kitas if k["id"] == kita_id), None)
        if kita:
            kontakt = [kita.get("name") or kita_id, _adresse(kita), kita.get("telefon") or "",
                       kita.get("email") or ""]
            st.text("Ihre Kita: " + " · ".join(x for x in kontakt if x))
            fk = next((f for f in d.fachkraefte if f["id"] == kita.get("fachkraft_id")), None)
            if fk:
                st.text("Kita-Sozialarbeit: " + " · ".join(x for x in (fk.get("name"), fk.get("telefon"),
                                                                       fk.get("email")) if x))
        st.text("Angaben ohne Gewähr – bitte vorher anrufen. Auf diesem Blatt stehen keine Angaben über Sie "
                "oder Ihr Kind.")


def _monate(n: int = 12) -> list[str]:
    j, m = int(monat_heute()[:4]), int(monat_heute()[5:7])
    out = []
    for _ in range(n):
        out.append(f"{j:04d}-{m:02d}")
        j, m = (j - 1, 12) if m == 1 else (j, m - 1)
    return out


def _erfassen(e, kita_id: str, v) -> None:
    kandidaten = [t for t in e.treffer + e.alternativen]
    gewaehlt = [t for t in kandidaten if st.session_state.get(f"vm_wahl_{t.angebot_id}")]
    angebote = {t.angebot_id: t for t in (gewaehlt or kandidaten)}
    with st.container(border=True, key="vm_erfassen"):
        st.subheader(":material/add_circle: Vermittlung zählen", anchor=False)
        st.caption("Gespeichert werden nur Monat, Kita, Angebot, Thema und Ergebnis – keine Namen, kein Alter, kein "
                   "Freitext und nicht, wer erfasst hat. Die Zahlen zeigen, welche Wege im Netzwerk genutzt werden.")
        if not angebote:
            st.text("Erst ein Angebot finden, dann hier zählen.")
            return
        with st.form("vm_form", border=False, enter_to_submit=False):
            c1, c2 = st.columns(2)
            c1.selectbox("Angebot", list(angebote), key="vm_e_angebot",
                         format_func=lambda i: angebote[i].name)
            c2.selectbox("Thema", list(e.anfrage.themen), key="vm_e_thema",
                         format_func=lambda t: v.thema_name.get(t, t))
            c1, c2, c3 = st.columns([2, 3, 2])
            c1.selectbox("Monat", _monate(), key="vm_e_monat", format_func=lambda m: f"{m[5:7]}/{m[:4]}")
            c2.selectbox("Ergebnis", ERGEBNISSE, key="vm_e_ergebnis")
            c3.number_input("Anzahl Familien", min_value=1, max_value=20, value=1, step=1, key="vm_e_anzahl")
            gesendet = st.form_submit_button("+1 Vermittlung erfassen", type="primary", icon=":material/add:")
        if gesendet:
            s = st.session_state
            n = erfassen(D.store(), Vermittlung(monat=s["vm_e_monat"], kita_id=kita_id,
                                                angebot_id=s["vm_e_angebot"], thema_id=s["vm_e_thema"],
                                                ergebnis=s["vm_e_ergebnis"], anzahl=int(s["vm_e_anzahl"])),
                         wer=sitzung.nutzer())
            D.geschrieben()
            st.success(f"Gezählt ({n} für diese Kombination im Monat). Über die Familie wurde nichts gespeichert.",
                       icon=":material/check_circle:")


#: Periods of the count table: label -> first month (None = all).
ZEITRAEUME = {
    "letzte 12 Monate": lambda: _monate(12)[-1],
    "seit Jahresbeginn": lambda: monat_heute()[:4] + "-01",
    "alle erfassten Monate": lambda: None,
}


def _zahlen(d) -> None:
    if not darf(sitzung.nutzer(), "vermittlung:lesen"):  # the (protected) counts: Koordination only
        return
    with st.expander("Vermittlungen in Zahlen (je Sozialraum oder Monat und Thema)", key="vm_zahlen"):
        rows = _zaehlungen(D.schluessel(), D.version())
        if not rows:
            st.text("Noch keine Vermittlungen erfasst.")
            return
        c1, c2, c3 = st.columns(3)
        zeilen = c1.segmented_control("Zeilen", ["sozialraum", "monat"], key="vm_z_zeilen", default="sozialraum",
                                      required=True, format_func=lambda x: {"sozialraum": "Sozialraum",
                                                                            "monat": "Monat"}[x])
        spalten = c2.segmented_control("Spalten", ["thema", "ergebnis"], key="vm_z_spalten", default="thema",
                                       required=True, format_func=lambda x: {"thema": "Thema",
                                                                             "ergebnis": "Ergebnis"}[x])
        zeitraum = c3.selectbox("Zeitraum", list(ZEITRAEUME), key="vm_z_zeitraum")
        von = ZEITRAEUME.get(zeitraum or "", lambda: None)()
        t = kreuztabelle(rows, d, zeilen or "sozialraum", spalten or "thema", von_monat=von)
        if not t.zeilen or not t.spalten:
            st.text("Im gewählten Zeitraum wurden keine Vermittlungen erfasst.")
            return
        st.dataframe(pd.DataFrame(t.als_zeilen()), hide_index=True, width="stretch")
        st.caption("„< 3“ = 1 oder 2 Vermittlungen; „x“ = gesperrt, damit kleine Zahlen nicht aus den Summen "
                   "errechnet werden können (§ 64 Abs. 3 SGB VIII). Gezählt wird die Kita, von der vermittelt wurde.")


def seite() -> None:
    sitzung.bewache("Vermittlung")
    st.html(SEITEN_CSS)
    with st.container(key="vm_kopf"):
        st.title("Vermittlung")
        st.caption("Im Gespräch mit Eltern: passende Angebote in der Nähe finden, die Gründe sehen, einen Handzettel "
                   "mitgeben und die Vermittlung anonym zählen.")
        st.info("Über die Familie wird hier nichts gespeichert – keine Namen, keine Notizen. Gezählt wird nur, "
                "wenn Sie unten „+1 Vermittlung erfassen“ drücken, und auch dann nur Monat, Kita, Angebot, Thema "
                "und Ergebnis.", icon=":material/lock:")
    d = D.daten()
    anfrage = _eingabe(d)
    if anfrage is None:
        st.info("Bitte eine Kita und mindestens ein Thema wählen – die passenden Angebote erscheinen sofort.",
                icon=":material/arrow_upward:")
        _zahlen(d)
        return
    tag = D.heute()
    stand = (anfrage,)
    if st.session_state.get("vm_stand") != stand:  # new search: back to the first results
        st.session_state["vm_stand"] = stand
        st.session_state["vm_mehr"] = ZEIGEN
    e = suchen(d, anfrage, tag, zentralitaet_je_akteur=_zentralitaet(D.schluessel(), D.version(), tag))
    gewaehlt = _ergebnisse(e)
    _handzettel(e, gewaehlt, anfrage.kita_id)
    _erfassen(e, anfrage.kita_id, D.verzeichnis())
    _zahlen(d)
