"""Page „Pflege“: data upkeep by role.

- **Koordination** (``daten:schreiben``): forms add, change and retire Kitas, Angebote and Kooperationen through
  :mod:`network.pflege` (the import's validation, one transaction per change); proposals of Fachkräfte are taken
  over or rejected (:mod:`network.vorschlag`); uploads are checked in a dry run before anything is written; the
  export offers the import format as CSV (zip) and Excel; the review list (:mod:`network.ui.pruefliste`).
- **Fachkraft**: the Kooperationen of the Kitas assigned to her (``kooperation:schreiben``), and a form to
  propose a new Angebot (``angebot:vorschlagen``) with the list of her proposals.

The page guard and every write function check the role (:mod:`network.zugang`); the audit trail names the
signed-in user.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from decimal import Decimal

import pandas as pd
import streamlit as st

from .. import pflege as P
from .. import vorschlag as VS
from ..austausch import export_xlsx, import_rohdaten
from ..austausch.dateien import Rohdaten, csv_text, read_uploads
from ..errors import Fehler, KitaNetzFehler, ValidierungsFehler
from ..grund import format as F
from ..model import DATEI_REIHENFOLGE, DATEIEN, KREISWEIT, Netzdaten
from ..verzeichnis import ORTSMITTE, gleiche_adresse
from ..zugang import Nutzer, darf
from . import daten as D
from . import sitzung
from .pruefliste import pruefliste
from .text import md

__all__ = ["seite", "BESCHRIFTUNG", "GRUPPEN", "fehler_tabelle", "lese_upload", "bereiche"]

NEU = "__neu__"

#: German labels of the form fields.
BESCHRIFTUNG = {
    "id": "Kennung", "name": "Name", "strasse": "Straße und Hausnummer", "plz": "PLZ", "ort": "Ort",
    "gemeinde_id": "Gemeinde", "lat": "Breitengrad (lat)", "lon": "Längengrad (lon)", "plaetze": "Plätze",
    "traeger": "Träger", "telefon": "Telefon", "email": "E-Mail", "fachkraft_id": "Fachkraft der Kita-Sozialarbeit",
    "fachkraft_seit": "Fachkraft zuständig seit", "art": "Art", "beschreibung": "Beschreibung", "themen": "Themen",
    "zielgruppen": "Zielgruppen", "sprachen": "Sprachen", "kosten": "Kosten (in Worten)", "kostenlos": "kostenlos",
    "barrierefrei": "barrierefrei", "aufsuchend": "aufsuchend (Hausbesuche)", "website": "Website",
    "oeffnungszeiten": "Öffnungszeiten", "hinweis": "Hinweis (Anfahrt, was mitbringen)",
    "versorgt": "Einzugsgebiet (Sozialräume)", "gueltig_ab": "gültig ab", "gueltig_bis": "gültig bis",
    "von_id": "Von (Kita oder Angebot)", "zu_id": "Zu (Angebot)", "seit": "seit", "bis": "bis",
    "intensitaet": "Intensität", "notiz": "Notiz (intern, keine Personendaten)",
}

#: Form sections per file: (heading, fields).
GRUPPEN = {
    "kitas": (("Grunddaten", ("id", "name", "traeger", "plaetze")),
              ("Adresse", ("strasse", "plz", "ort", "gemeinde_id", "lat", "lon")),
              ("Kontakt und Kita-Sozialarbeit", ("telefon", "email", "fachkraft_id", "fachkraft_seit"))),
    "angebote": (("Grunddaten", ("id", "name", "art", "traeger", "beschreibung", "themen", "zielgruppen",
                                 "sprachen")),
                 ("Merkmale und Einzugsgebiet", ("kosten", "kostenlos", "barrierefrei", "aufsuchend", "versorgt")),
                 ("Adresse und Kontakt", ("strasse", "plz", "ort", "gemeinde_id", "lat", "lon", "telefon", "email",
                                          "website", "oeffnungszeiten", "hinweis")),
                 ("Gültigkeit", ("gueltig_ab", "gueltig_bis"))),
    "kooperationen": (("Kooperation", ("id", "von_id", "zu_id", "art", "seit", "bis", "intensitaet", "notiz")),),
}

_TITEL = {"kitas": ("Kita", "Kitas"), "angebote": ("Angebot", "Angebote"),
          "kooperationen": ("Kooperation", "Kooperationen")}
_LANG = {"beschreibung", "notiz", "hinweis"}
#: Short hints under a few fields (the others explain themselves).
_HINWEISE = {
    "id": "Eindeutige Kennung; lässt sich später nicht ändern.",
    "lat": "Koordinaten immer als Paar (lat und lon), z. B. 49,98 / 7,52. Ohne Koordinaten zeigt die App den "
           f"Eintrag an der Ortsmitte der Gemeinde ({ORTSMITTE}); die genaue Lage lässt sich über „Lage "
           "übernehmen“ von einem Eintrag an derselben Adresse setzen.",
    "versorgt": "Für welche Sozialräume das Angebot zuständig ist; „alle“ = kreisweit.",
    "gueltig_bis": "Leer = läuft weiter. Zum Beenden besser „Angebot beenden“ unten nutzen.",
    "notiz": "Nur intern; keine Namen oder Daten von Familien.",
}
_INTENSITAET = {"1": "1 – gering", "2": "2 – mittel", "3": "3 – hoch"}
BEREICHE = ("Kitas", "Angebote", "Kooperationen", "Vorschläge", "Import", "Export")
#: The sections of a Fachkraft (no ``daten:schreiben``).
BEREICHE_FACHKRAFT = ("Kooperationen", "Angebot vorschlagen")


def bereiche(n: Nutzer) -> tuple[str, ...]:
    """The sections of the page for ``n``'s rights (decided by :func:`network.zugang.darf` alone)."""
    if darf(n, "daten:schreiben"):
        return BEREICHE
    return tuple(b for b, recht in zip(BEREICHE_FACHKRAFT, ("kooperation:schreiben", "angebot:vorschlagen"))
                 if darf(n, recht))


def _eigene(d: Netzdaten, n: Nutzer) -> set[str] | None:
    """``None`` for the Koordination (all Kitas), else the ids of the Kitas assigned to ``n``."""
    return None if darf(n, "daten:schreiben") else P.eigene_kitas(d, n)


# -- form state ---------------------------------------------------------------------------------------
def _k(datei: str, feld: str) -> str:
    return f"pf_{datei}_{feld}"


def _liste(feld: str) -> bool:
    return feld in ("themen", "zielgruppen", "sprachen", "versorgt")


def _zeile(d: Netzdaten, datei: str, rid: str) -> dict | None:
    return next((r for r in d.tabelle(datei) if r["id"] == rid), None)


def _spalte(datei: str, feld: str):
    return next(s for s in DATEIEN[datei] if s.name == feld)


def in_formular(typ: str, text: str):
    """A value of the import format as the form shows it: dates for the date picker, numbers in German.

    >>> in_formular("datum", "2026-12-01"), in_formular("float", "49.981"), in_formular("datum", "")
    (datetime.date(2026, 12, 1), '49,981', None)
    """
    if typ == "datum":
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None
    if typ == "float" and text:
        try:
            return F.zahl(Decimal(text), None if "." not in text else len(text.split(".")[1]))
        except ArithmeticError:
            return text
    return text


def aus_formular(typ: str, wert) -> str:
    """A form value as text of the import format (what :mod:`network.pflege` validates).

    Dates come from the picker; numbers may be typed German („49,981“, „1.000“). Coordinates copied from a map
    („49.981“) stay as they are – the validation reads them, and its German message explains anything else.

    >>> aus_formular("datum", date(2026, 12, 1)), aus_formular("float", "49,981"), aus_formular("int", "1.000")
    ('2026-12-01', '49.981', '1000')
    >>> aus_formular("float", "49.981"), aus_formular("int", "viele")
    ('49.981', 'viele')
    """
    if wert is None:
        return ""
    if isinstance(wert, date):
        return wert.isoformat()
    text = str(wert).strip()
    if typ in ("float", "int") and text and ("," in text or typ == "int"):
        try:
            d = F.zahl_lesen(text)
        except F.EingabeFehler:
            return text
        return str(int(d)) if typ == "int" and d == d.to_integral_value() else format(d, "f")
    return text


def _lade_formular(datei: str, d: Netzdaten | None = None) -> None:
    """Fill the form's widget state from the chosen entry (or defaults for a new one)."""
    d = d or D.daten()
    wahl = st.session_state.get(_k(datei, "wahl"), NEU)
    zeile = _zeile(d, datei, wahl) if wahl != NEU else None
    if zeile is None:
        werte = {s.name: "" for s in DATEIEN[datei]}
        werte["id"] = P.naechste_id(d, datei)
        if datei == "kooperationen":
            werte["intensitaet"] = "2"
        if datei == "angebote":
            werte["gueltig_ab"] = D.heute()
    else:
        werte = P.als_text(zeile, datei)
    for s in DATEIEN[datei]:
        v = werte.get(s.name, "")
        st.session_state[_k(datei, s.name)] = [x for x in v.split("|") if x] if _liste(s.name) \
            else in_formular(s.typ, v)
    st.session_state[_k(datei, "geladen")] = wahl
    st.session_state.pop(_k(datei, "fehler"), None)


def _werte(datei: str) -> dict[str, str]:
    out = {}
    for s in DATEIEN[datei]:
        v = st.session_state.get(_k(datei, s.name), "")
        out[s.name] = "|".join(v) if isinstance(v, list) else aus_formular(s.typ, v)
    return out


def _stelle() -> str:
    return (st.session_state.get("pf_stelle") or "").strip() or P.STANDARD_STELLE


def _nach_schreiben(datei: str, rid: str, meldung: str) -> None:
    D.geschrieben()
    st.session_state[_k(datei, "wahl")] = rid
    _lade_formular(datei, D.daten())
    st.session_state[_k(datei, "meldung")] = meldung


def _ausfuehren(datei: str, schreiben):
    """Run a write; on an error keep its German message(s) for the form and return ``None``."""
    try:
        return schreiben()
    except ValidierungsFehler as e:
        st.session_state[_k(datei, "fehler")] = e.fehler
    except KitaNetzFehler as e:
        st.session_state[_k(datei, "fehler")] = [Fehler(datei, 0, "", str(e))]
    return None


def _speichern(datei: str) -> None:
    neu = st.session_state.get(_k(datei, "wahl"), NEU) == NEU
    st.session_state.pop(_k(datei, "meldung"), None)
    werte = _werte(datei)

    def schreiben() -> dict:
        store = D.store()
        return P.speichere(store, datei, werte, store.load(), neu=neu, von=_stelle(), wer=sitzung.nutzer())

    zeile = _ausfuehren(datei, schreiben)
    if zeile is None:
        return
    was = _TITEL[datei][0]
    _nach_schreiben(datei, zeile["id"], f"{was} „{zeile.get('name') or zeile['id']}“ wurde "
                                        f"{'angelegt' if neu else 'gespeichert'}.")


def _beenden(datei: str) -> None:
    rid = st.session_state.get(_k(datei, "wahl"))
    st.session_state.pop(_k(datei, "meldung"), None)

    def beenden() -> str:
        store = D.store()
        bestand = store.load()
        wer = sitzung.nutzer()
        if datei == "angebote":
            P.beende_angebot(store, rid, von=_stelle(), bestand=bestand, wer=wer)
            return f"Das Angebot ist ab heute beendet (gültig bis {F.datum(D.heute())})."
        if datei == "kooperationen":
            P.beende_kooperation(store, rid, bestand=bestand, wer=wer)
            return f"Die Kooperation endet heute ({F.datum(D.heute())})."
        _, beendet = P.beende_kita(store, rid, von=_stelle(), bestand=bestand, wer=wer)
        return (f"Die Kita ist aus dem Netzwerk genommen: {len(beendet)} laufende Kooperationen enden "
                "heute, die Zuordnung der Fachkraft ist entfernt.")

    meldung = _ausfuehren(datei, beenden)
    if meldung is None:
        return
    st.session_state[_k(datei, "bestaetigt")] = False
    _nach_schreiben(datei, rid, meldung)


# -- widgets ------------------------------------------------------------------------------------------
def _optionen(d: Netzdaten, datei: str, feld: str, aktuell, eigene: set[str] | None = None
              ) -> tuple[list, dict] | None:
    """Options and labels for fields chosen from a list; ``None`` for free text. ``eigene``: a Fachkraft's
    Kitas – the only choices for the start of a Kooperation."""
    spalte = next(s for s in DATEIEN[datei] if s.name == feld)
    namen: dict[str, str] = {}
    if feld == "gemeinde_id":
        namen = {g["id"]: f"{g.get('name')} ({g['id']})" for g in
                 sorted(d.gemeinden, key=lambda g: (g.get("name") or "").casefold())}
    elif feld == "fachkraft_id":
        namen = {f["id"]: f"{f.get('name')} ({f['id']})" for f in d.fachkraefte}
    elif feld == "von_id" and eigene is not None:
        namen = {k["id"]: f"Kita: {k.get('name')} ({k['id']})" for k in d.kitas if k["id"] in eigene}
    elif feld == "von_id":
        namen = {k["id"]: f"Kita: {k.get('name')} ({k['id']})" for k in d.kitas}
        namen.update({a["id"]: f"Angebot: {a.get('name')} ({a['id']})" for a in d.angebote})
    elif feld == "zu_id":
        namen = {a["id"]: f"{a.get('name')} ({a['id']})" for a in d.angebote}
    elif feld == "themen":
        namen = {t["id"]: t.get("name") or t["id"] for t in d.themen}
    elif feld == "versorgt":
        namen = {KREISWEIT: "alle (kreisweit)"}
        namen.update({s["id"]: s.get("name") or s["id"] for s in d.sozialraeume})
    elif feld in ("zielgruppen", "sprachen"):
        werte = sorted({x for a in d.angebote for x in a.get(feld) or []}, key=str.casefold)
        namen = {w: w for w in werte}
    elif feld == "intensitaet":
        namen = dict(_INTENSITAET)
    elif spalte.typ == "bool":
        namen = {"ja": "ja", "nein": "nein"}
    elif spalte.erlaubt:
        namen = {w: w for w in spalte.erlaubt}
    else:
        return None
    # Keep a value the data hold even if it is not (or no longer) valid: validation will say why.
    for v in (aktuell if isinstance(aktuell, list) else [aktuell]):
        if v and v not in namen and not (feld == "von_id" and eigene is not None):
            namen[v] = f"{v} (unbekannt)"
    return list(namen), namen


def _feld(d: Netzdaten, datei: str, feld: str, neu: bool, fehler: dict[str, list[str]],
          eigene: set[str] | None = None, praefix: str | None = None) -> None:
    spalte = next(s for s in DATEIEN[datei] if s.name == feld)
    # Static labels (no data); Streamlit also uses them as aria-label, so they are not Markdown-escaped.
    label = BESCHRIFTUNG.get(feld, feld) + (" *" if spalte.pflicht else "")
    key = _k(praefix or datei, feld)
    # The model's column description is shown as a caption: Streamlit's help icons have English labels.
    hilfe = _HINWEISE.get(feld)
    aktuell = st.session_state.get(key)
    opt = _optionen(d, datei, feld, aktuell, eigene)
    if opt is not None:
        optionen, namen = opt
        if _liste(feld):
            st.multiselect(label, optionen, key=key, format_func=lambda o: namen.get(o, o),
                           accept_new_options=feld in ("zielgruppen", "sprachen"), placeholder="bitte wählen")
        else:
            leer = "unbekannt" if spalte.typ == "bool" else ("– bitte wählen –" if spalte.pflicht else "– keine –")
            st.selectbox(label, ["", *optionen], key=key,
                         format_func=lambda o: namen.get(o, o) if o else leer)
    elif feld in _LANG:
        st.text_area(label, key=key, height=90)
    elif spalte.typ == "datum":
        if isinstance(st.session_state.get(key), str):  # state from before (text): as a date, or empty
            st.session_state[key] = in_formular("datum", st.session_state[key])
        st.date_input(label, key=key, value=None, format="DD.MM.YYYY", min_value=date(1990, 1, 1),
                      max_value=date(2100, 12, 31), help="Datum wählen oder eintippen als TT.MM.JJJJ.")
    else:
        beispiel = in_formular(spalte.typ, spalte.beispiel) if spalte.beispiel else None
        platzhalter = f"z. B. {beispiel}" if beispiel else None
        st.text_input(label, key=key, placeholder=platzhalter,
                      disabled=(feld == "id" and not neu))
    if hilfe:
        st.caption(hilfe)
    for grund in fehler.get(feld, []):
        st.error(md(grund), icon=":material/error:")


def _auswahl_label(d: Netzdaten, datei: str, eigene: set[str] | None = None) -> dict[str, str]:
    if datei == "kooperationen":
        namen = {r["id"]: r.get("name") or r["id"] for r in d.kitas + d.angebote}
        return {c["id"]: f"{c['id']}: {namen.get(c.get('von_id'), c.get('von_id'))} → "
                         f"{namen.get(c.get('zu_id'), c.get('zu_id'))}"
                         + (f" (beendet {F.datum(c['bis'])})" if c.get("bis") else "")
                for c in sorted(d.kooperationen, key=lambda c: c["id"])
                if eigene is None or c.get("von_id") in eigene}
    rows = sorted(d.tabelle(datei), key=lambda r: ((r.get("name") or "").casefold(), r["id"]))
    out = {}
    for r in rows:
        label = f"{r.get('name') or r['id']} ({r['id']})"
        if datei == "angebote" and r.get("gueltig_bis") and r["gueltig_bis"] < D.heute():
            label += f" – beendet {F.datum(r['gueltig_bis'])}"
        out[r["id"]] = label
    return out


def lage_quellen(d: Netzdaten, werte: dict, ohne_id: str | None = None) -> dict[str, str]:
    """Kitas and Angebote with coordinates at the same address as ``werte``: ``{id: label}``."""
    out = {}
    for art, rows in (("Kita", d.kitas), ("Angebot", d.angebote)):
        for r in rows:
            if r["id"] != ohne_id and r.get("lat") is not None and r.get("lon") is not None \
                    and gleiche_adresse(werte, r):
                out[r["id"]] = f"{art}: {r.get('name') or r['id']} ({r.get('strasse')}, {r.get('ort') or ''})"
    return out


def _lage_setzen(datei: str, quelle: str) -> None:
    """on_click: put the coordinates of ``quelle`` into the form (saved with the next „speichern“)."""
    d = D.daten()
    r = next((x for x in d.kitas + d.angebote if x["id"] == quelle), None)
    if r is None:
        return
    st.session_state[_k(datei, "lat")] = in_formular("float", str(r["lat"]))
    st.session_state[_k(datei, "lon")] = in_formular("float", str(r["lon"]))
    st.session_state[_k(datei, "lage_meldung")] = (
        f"Koordinaten von „{r.get('name') or r['id']}“ übernommen. Bitte unten „Änderungen speichern“.")


def _lage(d: Netzdaten, datei: str, zeile: dict | None) -> None:
    """Where the entry shows on the map; without coordinates: take them over from the same address."""
    s = st.session_state
    meldung = s.pop(_k(datei, "lage_meldung"), None)
    if meldung:
        st.info(md(meldung), icon=":material/pin_drop:")
    if zeile is None or (zeile.get("lat") is not None and zeile.get("lon") is not None):
        return
    g = next((x for x in d.gemeinden if x["id"] == zeile.get("gemeinde_id")), None)
    if g is not None:
        st.warning(md(f"Ohne Koordinaten: Wegweiser, Karte und Vermittlung zeigen diesen Eintrag an der Ortsmitte "
                      f"von {g.get('name')} ({ORTSMITTE}) und rechnen Entfernungen von dort."),
                   icon=":material/location_off:")
    else:
        st.warning("Ohne Koordinaten und ohne Gemeinde: der Eintrag erscheint nicht auf der Karte.",
                   icon=":material/location_off:")
    quellen = lage_quellen(d, zeile, zeile["id"])
    if not quellen:
        st.caption("Kein anderer Eintrag mit Koordinaten an derselben Adresse. Koordinaten lassen sich unten "
                   "eintragen (z. B. 49,98 und 7,52).")
        return
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    c1.selectbox("Genaue Lage übernehmen von (gleiche Adresse)", list(quellen), key=_k(datei, "lage_quelle"),
                 format_func=lambda q: quellen[q])
    c2.button("Lage übernehmen", key=_k(datei, "lage_knopf"), icon=":material/pin_drop:", on_click=_lage_setzen,
              args=(datei, s.get(_k(datei, "lage_quelle")) or next(iter(quellen))))


def _formular(d: Netzdaten, datei: str, eigene: set[str] | None = None) -> None:
    """The form of one file; ``eigene`` (a Fachkraft's Kitas) limits the Kooperationen shown and offered."""
    einzahl, mehrzahl = _TITEL[datei]
    labels = _auswahl_label(d, datei, eigene)
    wahl_key = _k(datei, "wahl")
    if st.session_state.get(wahl_key, NEU) not in labels and st.session_state.get(wahl_key) != NEU:
        st.session_state[wahl_key] = NEU
    st.selectbox(f"{einzahl} auswählen", [NEU, *labels], key=wahl_key,
                 format_func=lambda o: f"+ neue{'s' if datei == 'angebote' else ''} {einzahl} anlegen"
                 if o == NEU else labels[o],
                 on_change=_lade_formular, args=(datei,))
    wahl = st.session_state.get(wahl_key, NEU)
    if st.session_state.get(_k(datei, "geladen")) != wahl or any(
            _k(datei, s.name) not in st.session_state for s in DATEIEN[datei]):
        _lade_formular(datei, d)
    neu = wahl == NEU

    meldung = st.session_state.pop(_k(datei, "meldung"), None)
    if meldung:
        st.success(md(meldung), icon=":material/check_circle:")
    fehlerliste: list[Fehler] = st.session_state.get(_k(datei, "fehler")) or []
    im_formular = {f for _, felder in GRUPPEN[datei] for f in felder}
    fehler: dict[str, list[str]] = {}
    for f in fehlerliste:
        fehler.setdefault(f.spalte if f.spalte in im_formular else "", []).append(f.grund)
    if fehlerliste:
        st.error(f"{len(fehlerliste)} Fehler – es wurde nichts gespeichert. Die Gründe stehen bei den Feldern.",
                 icon=":material/error:")
        for grund in fehler.get("", []):
            st.error(md(grund))

    zeile = _zeile(d, datei, wahl) if not neu else None
    if zeile and datei != "kooperationen":
        st.caption(f"Zuletzt geprüft: {F.datum(zeile.get('geprueft_am')) or 'unbekannt'}"
                   + (f" von {md(zeile.get('geprueft_von'))}" if zeile.get("geprueft_von") else ""))
    if datei != "kooperationen":
        _lage(d, datei, zeile)
    with st.form(f"pf_form_{datei}", border=True, enter_to_submit=False):
        for titel, felder in GRUPPEN[datei]:
            st.markdown(f"**{titel}**")
            for i in range(0, len(felder), 2):  # one row per pair: tab order = reading order
                spalten = st.columns(2)
                for j, feld in enumerate(felder[i:i + 2]):
                    with spalten[j]:
                        _feld(d, datei, feld, neu, fehler, eigene)
        st.caption("\\* Pflichtfeld. Speichern prüft alle Angaben wie beim Import"
                   + (" und setzt „zuletzt geprüft“ auf heute." if datei != "kooperationen" else "."))
        st.form_submit_button(f"{einzahl} anlegen" if neu else "Änderungen speichern", type="primary",
                              on_click=_speichern, args=(datei,), icon=":material/save:")

    if zeile:
        with st.expander(f"{einzahl} beenden"):
            if datei == "angebote":
                st.markdown("Das Angebot bekommt **gültig bis = heute**. Es bleibt in den Daten "
                            "(für die Zeitreihen), erscheint ab morgen aber nicht mehr im Wegweiser.")
            elif datei == "kooperationen":
                st.markdown("Die Kooperation bekommt **bis = heute**.")
            else:
                st.markdown("Eine Kita bleibt in den Daten (das Datenmodell kennt kein Enddatum für Kitas). "
                            "**Aus dem Netzwerk nehmen** heißt: alle heute laufenden Kooperationen der Kita "
                            "enden heute, die Zuordnung der Fachkraft wird entfernt, und die Änderung wird "
                            "als geprüft vermerkt.")
            st.checkbox("Ja, wirklich beenden", key=_k(datei, "bestaetigt"))
            st.button("Kita aus dem Netzwerk nehmen" if datei == "kitas" else f"{einzahl} beenden",
                      disabled=not st.session_state.get(_k(datei, "bestaetigt")),
                      on_click=_beenden, args=(datei,), icon=":material/event_busy:")


# -- import and export --------------------------------------------------------------------------------
#: Largest file the import takes as an upload, in MB. The server accepts larger ones (server.maxUploadSize), so
#: that this refusal is a German sentence and never the browser's English one.
UPLOAD_MB = 10
#: Seconds the reading of an upload may take (the CLI has no limit).
LESEFRIST = 20
#: Rows per uploaded file or sheet: a 10 MB file of real data has about 20,000, and 25,000 rows are written in well
#: under 30 s (docs/benchmarks.md); larger imports go through the CLI.
UPLOAD_ZEILEN = 25_000
#: Errors listed in the table (the message above it gives the total).
MAX_FEHLER_ZEILEN = 1000


def lese_upload(dateien: list) -> Rohdaten:
    """Read uploaded files (``name`` + ``getvalue()``) like ``read_path``: CSVs by file name, one ``.xlsx``;
    each at most :data:`UPLOAD_MB`, all within :data:`LESEFRIST` seconds (see
    :func:`network.austausch.dateien.read_uploads`).

    Raises :class:`~network.errors.ValidierungsFehler` when nothing usable was uploaded.
    """
    return read_uploads([(f.name, f.getvalue()) for f in dateien], frist=LESEFRIST, max_bytes=UPLOAD_MB * 10**6,
                        max_zeilen=UPLOAD_ZEILEN)


def fehler_tabelle(fehler: list[Fehler]) -> pd.DataFrame:
    # a whole-file error has no row: „ganze Datei“, never „None“; no column: „–“
    return pd.DataFrame([{"Datei": f.datei, "Zeile": str(f.zeile) if f.zeile else "ganze Datei",
                          "Spalte": f.spalte or "–", "Grund": f.grund}
                         for f in fehler], columns=["Datei", "Zeile", "Spalte", "Grund"])


def _fehler_zeigen(fehler: list[Fehler]) -> None:
    """The error table, at most :data:`MAX_FEHLER_ZEILEN` rows (a hostile file can have hundreds of thousands)."""
    st.dataframe(fehler_tabelle(fehler[:MAX_FEHLER_ZEILEN]), hide_index=True, width="stretch")
    if len(fehler) > MAX_FEHLER_ZEILEN:
        st.caption(f"Gezeigt werden die ersten {F.zahl(MAX_FEHLER_ZEILEN)} von {F.zahl(len(fehler))} Fehlern.")


def _import_starten() -> None:
    st.session_state["pf_import_laeuft"] = True


def _import_abbrechen() -> None:
    st.session_state.pop("pf_import_laeuft", None)
    st.session_state["pf_import_meldung"] = ("abgebrochen", "Der Import wurde abgebrochen; es wurde nichts "
                                                            "gespeichert.")


def _importieren() -> None:
    """Write the checked upload with a progress bar and an „Abbrechen“ button.

    „Abbrechen“ makes Streamlit stop this run at the next progress update; the exception passes through the
    store's write transaction, which is rolled back – nothing is written (tests/sicherheit/test_oberflaeche.py).
    """
    st.session_state.pop("pf_import_laeuft", None)
    roh = st.session_state.get("pf_import_roh")
    if roh is None:
        return
    st.button("Abbrechen", on_click=_import_abbrechen, icon=":material/cancel:", key="pf_import_abbrechen")
    balken = st.progress(0.0, text="Import: die Daten werden noch einmal geprüft …")

    def fortschritt(fertig: int, gesamt: int) -> None:
        balken.progress(min(fertig / max(gesamt, 1), 1.0),
                        text=f"Import: {fertig} von {gesamt} Schritten geschrieben – gespeichert wird erst am Ende.")

    try:
        bericht = import_rohdaten(D.store(), roh, dry_run=False, fortschritt=fortschritt, wer=sitzung.nutzer())
    except ValidierungsFehler as e:
        st.session_state["pf_import_meldung"] = ("fehler", e.fehler)
        st.rerun()
    except KitaNetzFehler as e:
        st.session_state["pf_import_meldung"] = ("fehler", [Fehler("Import", 0, "", str(e))])
        st.rerun()
    D.geschrieben()
    teile = ", ".join(f"{n} {d}" for d, n in bericht.zeilen.items())
    st.session_state["pf_import_meldung"] = ("ok", f"{F.anzahl(bericht.gesamt, 'Zeile', 'Zeilen')} importiert "
                                                   f"({teile}).")
    st.session_state.pop("pf_import_roh", None)
    st.session_state["pf_upload_nr"] = st.session_state.get("pf_upload_nr", 0) + 1
    st.rerun()


def _import() -> None:
    st.header("Import (CSV oder Excel)", anchor=False)
    st.markdown("Dateien im Importformat hochladen (z. B. `angebote.csv`, `kooperationen.csv` oder eine "
                "Excel-Datei mit diesen Tabellenblättern). Zuerst wird **nur geprüft**; gespeichert wird erst "
                "nach Klick auf „Jetzt importieren“. Vorhandene Einträge mit derselben Kennung werden "
                "aktualisiert.")
    if st.session_state.get("pf_import_laeuft"):
        _importieren()
        return
    meldung = st.session_state.pop("pf_import_meldung", None)
    if meldung and meldung[0] == "ok":
        st.success(meldung[1], icon=":material/check_circle:")
    elif meldung and meldung[0] == "abgebrochen":
        st.info(meldung[1], icon=":material/cancel:")
    elif meldung:
        st.error(f"{len(meldung[1])} Fehler – es wurde nichts gespeichert.")
        _fehler_zeigen(meldung[1])
    nr = st.session_state.get("pf_upload_nr", 0)
    # Streamlit's hint under the drop zone names the server's limit (100 MB, in English); the label names ours.
    st.html('<style>[class*="st-key-pf_upload_"] [data-testid="stFileUploaderDropzoneInstructions"]'
            "{display: none;}</style>")
    dateien = st.file_uploader(f"Importdateien (.csv oder .xlsx, je höchstens {UPLOAD_MB} MB)", type=["csv", "xlsx"],
                               accept_multiple_files=True, key=f"pf_upload_{nr}")
    if not dateien:
        st.session_state.pop("pf_import_roh", None)
        return
    st.markdown("**Probelauf**")
    try:
        roh = lese_upload(dateien)
        bericht = import_rohdaten(D.store(), roh, dry_run=True, wer=sitzung.nutzer())
    except ValidierungsFehler as e:
        st.session_state.pop("pf_import_roh", None)
        st.error(f"{len(e.fehler)} Fehler gefunden – es wurde nichts gespeichert. Bitte die Dateien korrigieren "
                 "und erneut hochladen.", icon=":material/error:")
        _fehler_zeigen(e.fehler)
        return
    for h in bericht.hinweise:
        st.info(md(h))
    st.session_state["pf_import_roh"] = roh
    st.success("Keine Fehler gefunden. Der Import würde schreiben:", icon=":material/task_alt:")
    st.dataframe(pd.DataFrame([{"Datei": d, "Zeilen": n, "neu": bericht.aenderungen[d]["neu"],
                                "geändert": bericht.aenderungen[d]["geaendert"],
                                "unverändert": bericht.aenderungen[d]["unveraendert"],
                                "geänderte Felder": "; ".join(f"{rid}: {', '.join(f)}" for rid, f in
                                                              bericht.aenderungen[d]["felder"].items())}
                               for d, n in bericht.zeilen.items()]), hide_index=True, width="stretch")
    st.button("Jetzt importieren", type="primary", on_click=_import_starten, icon=":material/upload:")


def _zip_bytes(d: Netzdaten) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for datei in DATEI_REIHENFOLGE:
            z.writestr(f"{datei}.csv", csv_text(d, datei))
    return buf.getvalue()


def _xlsx_bytes(d: Netzdaten) -> bytes:
    buf = io.BytesIO()
    export_xlsx(d, buf)
    return buf.getvalue()


def _export(d: Netzdaten) -> None:
    st.header("Export", anchor=False)
    st.markdown("Alle Daten im Importformat – zum Sichern, Bearbeiten in Excel und erneuten Import.")
    stamp = D.heute()
    c1, c2, _ = st.columns([2, 2, 3])
    c1.download_button("CSV-Dateien (zip)", data=lambda: _zip_bytes(d), file_name=f"kita-netzwerk-{stamp}.zip",
                       mime="application/zip", icon=":material/folder_zip:")
    c2.download_button("Excel-Datei (.xlsx)", data=lambda: _xlsx_bytes(d),
                       file_name=f"kita-netzwerk-{stamp}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/table:")


# -- proposals ----------------------------------------------------------------------------------------
_VS = "vorschlag"  # key prefix of the proposal form (pf_vorschlag_<feld>)
#: The proposal form: the Angebot's sections without id and validity (a proposal gets both when taken over).
GRUPPEN_VORSCHLAG = tuple((titel, tuple(f for f in felder if f in VS.FELDER))
                          for titel, felder in GRUPPEN["angebote"] if any(f in VS.FELDER for f in felder))


def _vorschlag_leeren() -> None:
    for f in VS.FELDER:
        st.session_state[_k(_VS, f)] = [] if _liste(f) else in_formular(_spalte("angebote", f).typ, "")


def _vorschlagen() -> None:
    s = st.session_state
    s.pop(_k(_VS, "meldung"), None)
    werte = {}
    for f in VS.FELDER:
        v = s.get(_k(_VS, f), "")
        werte[f] = "|".join(v) if isinstance(v, list) else aus_formular(_spalte("angebote", f).typ, v)
    try:
        v = VS.vorschlagen(D.store(), werte, wer=sitzung.nutzer(), heute=D.heute())
    except ValidierungsFehler as e:
        s[_k(_VS, "fehler")] = e.fehler
        return
    except KitaNetzFehler as e:
        s[_k(_VS, "fehler")] = [Fehler("angebote", 0, "", str(e))]
        return
    s.pop(_k(_VS, "fehler"), None)
    _vorschlag_leeren()
    s[_k(_VS, "meldung")] = (f"Danke! Der Vorschlag „{v.name}“ ist bei der Koordination. Im Wegweiser erscheint "
                             "das Angebot erst, wenn die Koordination es übernommen hat.")


def _status(v: VS.Vorschlag) -> str:
    if v.status == VS.OFFEN:
        return "offen"
    return f"{v.status} am {F.datum((v.entschieden_am or '')[:10])}"


def _vorschlag_formular(d: Netzdaten, n: Nutzer) -> None:
    st.header("Angebot vorschlagen", anchor=False)
    st.markdown("Sie kennen ein Angebot, das im Wegweiser fehlt? Schlagen Sie es vor: Die Koordination prüft den "
                "Vorschlag und übernimmt ihn. Bis dahin ist er nirgends öffentlich zu sehen.")
    if any(_k(_VS, f) not in st.session_state for f in VS.FELDER):
        _vorschlag_leeren()
    meldung = st.session_state.pop(_k(_VS, "meldung"), None)
    if meldung:
        st.success(md(meldung), icon=":material/check_circle:")
    fehlerliste: list[Fehler] = st.session_state.get(_k(_VS, "fehler")) or []
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
                        _feld(d, "angebote", feld, True, fehler, praefix=_VS)
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
            zeile = VS.uebernehmen(D.store(), vorschlag_id, wer=sitzung.nutzer(), von=_stelle(), heute=D.heute())
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


def _vorschlaege(d: Netzdaten, n: Nutzer) -> None:
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
    themen = {t["id"]: t.get("name") or t["id"] for t in d.themen}
    sr = {x["id"]: x.get("name") or x["id"] for x in d.sozialraeume}
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
                elif _liste(f):
                    wert = ", ".join(x for x in wert.split("|") if x)
                if wert:
                    zeilen.append({"Feld": BESCHRIFTUNG.get(f, f), "Wert": wert})
            st.dataframe(pd.DataFrame(zeilen, columns=["Feld", "Wert"]), hide_index=True, width="stretch")
            c1, c2, _ = st.columns([2, 2, 4])
            c1.button("Übernehmen", key=f"pf_vs_ja_{v.id}", type="primary", icon=":material/done:",
                      on_click=_entscheiden, args=(v.id, True))
            c2.button("Ablehnen", key=f"pf_vs_nein_{v.id}", icon=":material/close:",
                      on_click=_entscheiden, args=(v.id, False))


def seite() -> None:
    n = sitzung.bewache("Pflege")
    st.title("Pflege", anchor=False)
    d = D.daten()
    koordination = darf(n, "daten:schreiben")
    if koordination:
        st.caption("Kitas, Angebote und Kooperationen anlegen, ändern und beenden; Vorschläge übernehmen; Import "
                   "und Export. Bitte keine Daten über Familien oder Kinder eintragen.")
    else:
        st.caption("Die Kooperationen Ihrer Kitas pflegen und neue Angebote vorschlagen. Bitte keine Daten über "
                   "Familien oder Kinder eintragen.")
    wahl = bereiche(n)
    if st.session_state.get("pf_bereich") not in wahl:
        st.session_state["pf_bereich"] = wahl[0]
    st.segmented_control("Bereich", wahl, key="pf_bereich", required=True)
    if koordination:
        c2, _ = st.columns([3, 3], vertical_alignment="bottom")
        c2.text_input("Prüfende Stelle (für „geprüft von“)", key="pf_stelle",
                      placeholder="eine Stelle, keine Person – z. B. Kreisjugendamt")
        pruefliste()  # entries due for review: network/ui/pruefliste.py
    bereich = st.session_state.get("pf_bereich") or wahl[0]
    if bereich == "Import":
        _import()
    elif bereich == "Export":
        _export(d)
    elif bereich == "Vorschläge":
        _vorschlaege(d, n)
    elif bereich == "Angebot vorschlagen":
        _vorschlag_formular(d, n)
    else:
        datei = {"Kitas": "kitas", "Angebote": "angebote", "Kooperationen": "kooperationen"}[bereich]
        st.header(bereich, anchor=False)
        eigene = _eigene(d, n)
        if datei == "kooperationen" and eigene is not None:
            if not eigene:
                st.info("Ihrem Konto sind keine Kitas zugeordnet. Die Koordination kann das nachholen (Seite "
                        "Nutzer: Fachkraft zuordnen; bei der Kita: Fachkraft der Kita-Sozialarbeit).",
                        icon=":material/info:")
                return
            namen = sorted(k.get("name") or k["id"] for k in d.kitas if k["id"] in eigene)
            st.caption(md("Ihre Kitas: " + ", ".join(namen)))
        _formular(d, datei, eigene)
