"""The forms of the page Pflege: add, change and retire Kitas, Angebote and Kooperationen.

Every write goes through :mod:`network.pflege` (the import's validation, one transaction per change); a Fachkraft
edits only the Kooperationen of the Kitas assigned to her (:func:`eigene_kitas`). Field labels are
:data:`network.ui.bausteine.begriffe.BESCHRIFTUNG`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import streamlit as st

from .... import pflege as P
from ....errors import Befund, KitaNetzFehler, ValidierungsFehler
from ....grund import format as F
from ....model import DATEIEN, KREISWEIT, Netzdaten
from ....verzeichnis import ORTSMITTE, gleiche_adresse
from ....zugang import Nutzer, darf
from ...bausteine import daten as D
from ...bausteine import sitzung
from ...bausteine.begriffe import BESCHRIFTUNG
from ...bausteine.text import md

__all__ = ["formular", "in_formular", "aus_formular", "lage_quellen", "eigene_kitas", "GRUPPEN", "NEU"]

NEU = "__neu__"

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


def eigene_kitas(d: Netzdaten, n: Nutzer) -> set[str] | None:
    """``None`` for the Koordination (all Kitas), else the ids of the Kitas assigned to ``n``."""
    return None if darf(n, "daten:schreiben") else P.eigene_kitas(d, n)



# -- form state ---------------------------------------------------------------------------------------
def feldschluessel(datei: str, feld: str) -> str:
    return f"pf_{datei}_{feld}"


def ist_liste(feld: str) -> bool:
    return feld in ("themen", "zielgruppen", "sprachen", "versorgt")


def zeile_von(d: Netzdaten, datei: str, rid: str) -> dict | None:
    return next((r for r in d.tabelle(datei) if r["id"] == rid), None)


def spalte_von(datei: str, feld: str):
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
    wahl = st.session_state.get(feldschluessel(datei, "wahl"), NEU)
    zeile = zeile_von(d, datei, wahl) if wahl != NEU else None
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
        st.session_state[feldschluessel(datei, s.name)] = [x for x in v.split("|") if x] if ist_liste(s.name) \
            else in_formular(s.typ, v)
    st.session_state[feldschluessel(datei, "geladen")] = wahl
    st.session_state.pop(feldschluessel(datei, "fehler"), None)


def formularwerte(datei: str) -> dict[str, str]:
    out = {}
    for s in DATEIEN[datei]:
        v = st.session_state.get(feldschluessel(datei, s.name), "")
        out[s.name] = "|".join(v) if isinstance(v, list) else aus_formular(s.typ, v)
    return out


def pruefende_stelle() -> str:
    return (st.session_state.get("pf_stelle") or "").strip() or P.STANDARD_STELLE


def nach_schreiben(datei: str, rid: str, meldung: str) -> None:
    D.geschrieben()
    st.session_state[feldschluessel(datei, "wahl")] = rid
    _lade_formular(datei, D.daten())
    st.session_state[feldschluessel(datei, "meldung")] = meldung


def ausfuehren(datei: str, schreiben):
    """Run a write; on an error keep its German message(s) for the form and return ``None``."""
    try:
        return schreiben()
    except ValidierungsFehler as e:
        st.session_state[feldschluessel(datei, "fehler")] = e.fehler
    except KitaNetzFehler as e:
        st.session_state[feldschluessel(datei, "fehler")] = [Befund(datei, 0, "", str(e))]
    return None


def _speichern(datei: str) -> None:
    neu = st.session_state.get(feldschluessel(datei, "wahl"), NEU) == NEU
    st.session_state.pop(feldschluessel(datei, "meldung"), None)
    werte = formularwerte(datei)

    def schreiben() -> dict:
        store = D.store()
        return P.speichere(store, datei, werte, store.load(), neu=neu, von=pruefende_stelle(), wer=sitzung.nutzer())

    zeile = ausfuehren(datei, schreiben)
    if zeile is None:
        return
    was = _TITEL[datei][0]
    nach_schreiben(datei, zeile["id"], f"{was} „{zeile.get('name') or zeile['id']}“ wurde "
                                        f"{'angelegt' if neu else 'gespeichert'}.")


def _beenden(datei: str) -> None:
    rid = st.session_state.get(feldschluessel(datei, "wahl"))
    st.session_state.pop(feldschluessel(datei, "meldung"), None)

    def beenden() -> str:
        store = D.store()
        bestand = store.load()
        wer = sitzung.nutzer()
        if datei == "angebote":
            P.beende_angebot(store, rid, von=pruefende_stelle(), bestand=bestand, wer=wer)
            return f"Das Angebot ist ab heute beendet (gültig bis {F.datum(D.heute())})."
        if datei == "kooperationen":
            P.beende_kooperation(store, rid, bestand=bestand, wer=wer)
            return f"Die Kooperation endet heute ({F.datum(D.heute())})."
        _, beendet = P.beende_kita(store, rid, von=pruefende_stelle(), bestand=bestand, wer=wer)
        return (f"Die Kita ist aus dem Netzwerk genommen: {len(beendet)} laufende Kooperationen enden "
                "heute, die Zuordnung der Fachkraft ist entfernt.")

    meldung = ausfuehren(datei, beenden)
    if meldung is None:
        return
    st.session_state[feldschluessel(datei, "bestaetigt")] = False
    nach_schreiben(datei, rid, meldung)


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
        namen = d.namen("themen")
    elif feld == "versorgt":
        namen = {KREISWEIT: "alle (kreisweit)"}
        namen.update(d.namen("sozialraeume"))
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


def eingabefeld(d: Netzdaten, datei: str, feld: str, neu: bool, fehler: dict[str, list[str]],
          eigene: set[str] | None = None, praefix: str | None = None) -> None:
    spalte = next(s for s in DATEIEN[datei] if s.name == feld)
    # Static labels (no data); Streamlit also uses them as aria-label, so they are not Markdown-escaped.
    label = BESCHRIFTUNG.get(feld, feld) + (" *" if spalte.pflicht else "")
    key = feldschluessel(praefix or datei, feld)
    # The model's column description is shown as a caption: Streamlit's help icons have English labels.
    hilfe = _HINWEISE.get(feld)
    aktuell = st.session_state.get(key)
    opt = _optionen(d, datei, feld, aktuell, eigene)
    if opt is not None:
        optionen, namen = opt
        if ist_liste(feld):
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
        namen = d.namen("kitas") | d.namen("angebote")
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
    st.session_state[feldschluessel(datei, "lat")] = in_formular("float", str(r["lat"]))
    st.session_state[feldschluessel(datei, "lon")] = in_formular("float", str(r["lon"]))
    st.session_state[feldschluessel(datei, "lage_meldung")] = (
        f"Koordinaten von „{r.get('name') or r['id']}“ übernommen. Bitte unten „Änderungen speichern“.")


def _lage(d: Netzdaten, datei: str, zeile: dict | None) -> None:
    """Where the entry shows on the map; without coordinates: take them over from the same address."""
    s = st.session_state
    meldung = s.pop(feldschluessel(datei, "lage_meldung"), None)
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
    c1.selectbox("Genaue Lage übernehmen von (gleiche Adresse)", list(quellen), key=feldschluessel(datei, "lage_quelle"),
                 format_func=lambda q: quellen[q])
    c2.button("Lage übernehmen", key=feldschluessel(datei, "lage_knopf"), icon=":material/pin_drop:", on_click=_lage_setzen,
              args=(datei, s.get(feldschluessel(datei, "lage_quelle")) or next(iter(quellen))))


def formular(d: Netzdaten, datei: str, eigene: set[str] | None = None) -> None:
    """The form of one file; ``eigene`` (a Fachkraft's Kitas) limits the Kooperationen shown and offered."""
    einzahl, mehrzahl = _TITEL[datei]
    labels = _auswahl_label(d, datei, eigene)
    wahl_key = feldschluessel(datei, "wahl")
    if st.session_state.get(wahl_key, NEU) not in labels and st.session_state.get(wahl_key) != NEU:
        st.session_state[wahl_key] = NEU
    st.selectbox(f"{einzahl} auswählen", [NEU, *labels], key=wahl_key,
                 format_func=lambda o: f"+ neue{'s' if datei == 'angebote' else ''} {einzahl} anlegen"
                 if o == NEU else labels[o],
                 on_change=_lade_formular, args=(datei,))
    wahl = st.session_state.get(wahl_key, NEU)
    if st.session_state.get(feldschluessel(datei, "geladen")) != wahl or any(
            feldschluessel(datei, s.name) not in st.session_state for s in DATEIEN[datei]):
        _lade_formular(datei, d)
    neu = wahl == NEU

    meldung = st.session_state.pop(feldschluessel(datei, "meldung"), None)
    if meldung:
        st.success(md(meldung), icon=":material/check_circle:")
    fehlerliste: list[Befund] = st.session_state.get(feldschluessel(datei, "fehler")) or []
    im_formular = {f for _, felder in GRUPPEN[datei] for f in felder}
    fehler: dict[str, list[str]] = {}
    for f in fehlerliste:
        fehler.setdefault(f.spalte if f.spalte in im_formular else "", []).append(f.grund)
    if fehlerliste:
        st.error(f"{len(fehlerliste)} Fehler – es wurde nichts gespeichert. Die Gründe stehen bei den Feldern.",
                 icon=":material/error:")
        for grund in fehler.get("", []):
            st.error(md(grund))

    zeile = zeile_von(d, datei, wahl) if not neu else None
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
                        eingabefeld(d, datei, feld, neu, fehler, eigene)
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
            st.checkbox("Ja, wirklich beenden", key=feldschluessel(datei, "bestaetigt"))
            st.button("Kita aus dem Netzwerk nehmen" if datei == "kitas" else f"{einzahl} beenden",
                      disabled=not st.session_state.get(feldschluessel(datei, "bestaetigt")),
                      on_click=_beenden, args=(datei,), icon=":material/event_busy:")
