"""Page „Pflege“: data upkeep for signed-in staff.

Interim sign-in (until the roles issue): one shared password whose salted hash is configured (see
:mod:`network.ui.anmeldung`). Forms add, change and retire Kitas, Angebote and Kooperationen through
:mod:`network.pflege` (the import's validation, one transaction per change); uploads are checked in a dry run
before anything is written; the export offers the import format as CSV (zip) and Excel.
"""

from __future__ import annotations

import io
import tempfile
import time
import zipfile
from pathlib import Path

import pandas as pd
import streamlit as st

from .. import pflege as P
from ..austausch import export_xlsx, import_rohdaten, read_path
from ..austausch.dateien import Rohdaten, csv_text, read_csv_text
from ..errors import Fehler, KitaNetzError, Validierungsfehler
from ..model import DATEI_REIHENFOLGE, DATEIEN, KREISWEIT, Netzdaten
from . import daten as D
from .anmeldung import konfigurierter_hash, pruefe_passwort
from .pruefliste import pruefliste
from .text import datum_de, md

__all__ = ["seite", "BESCHRIFTUNG", "GRUPPEN", "fehler_tabelle", "lese_upload"]

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
    "lat": "Koordinaten immer als Paar (lat und lon), z. B. 49.98 / 7.52.",
    "versorgt": "Für welche Sozialräume das Angebot zuständig ist; „alle“ = kreisweit.",
    "gueltig_bis": "Leer = läuft weiter. Zum Beenden besser „Angebot beenden“ unten nutzen.",
    "notiz": "Nur intern; keine Namen oder Daten von Familien.",
}
_INTENSITAET = {"1": "1 – gering", "2": "2 – mittel", "3": "3 – hoch"}
BEREICHE = ("Kitas", "Angebote", "Kooperationen", "Import", "Export")


# -- sign-in ------------------------------------------------------------------------------------------
def _anmelden(hash_: str) -> None:
    pw = st.session_state.get("pf_passwort", "")
    st.session_state["pf_passwort"] = ""
    if pw and pruefe_passwort(pw, hash_):
        st.session_state["pf_angemeldet"] = True
        st.session_state.pop("pf_anmeldefehler", None)
    else:
        time.sleep(1.0)  # slows down guessing
        st.session_state["pf_anmeldefehler"] = True


def _abmelden() -> None:
    st.session_state["pf_angemeldet"] = False


def _anmeldung() -> bool:
    """The sign-in; ``True`` when the user may edit."""
    hash_ = konfigurierter_hash()
    if not hash_:
        st.warning("Für die Pflege ist noch kein Passwort eingerichtet. Die Seite bleibt gesperrt.",
                   icon=":material/lock:")
        st.markdown("So richten Sie es ein (Administration):")
        st.code(".venv/bin/python -m network.ui.anmeldung", language="bash")
        st.markdown("Den ausgegebenen Wert `pbkdf2_sha256$…` als `pflege_passwort_hash` in "
                    "`.streamlit/secrets.toml` eintragen oder als Umgebungsvariable "
                    "`KITANETZ_PFLEGE_PASSWORT_HASH` setzen und die App neu starten. Das Passwort selbst wird "
                    "nirgends gespeichert. Details: `docs/app.md`.")
        return False
    if st.session_state.get("pf_angemeldet"):
        return True
    st.info("Vorläufige Anmeldung: bis die Rollenverwaltung kommt, schützt ein gemeinsames Passwort die "
            "Pflege der Daten.", icon=":material/lock:")
    with st.form("pf_anmeldung", border=True, width=420):
        st.text_input("Passwort", type="password", key="pf_passwort", autocomplete="current-password")
        st.form_submit_button("Anmelden", type="primary", on_click=_anmelden, args=(hash_,))
    if st.session_state.get("pf_anmeldefehler"):
        st.error("Das Passwort ist falsch.")
    return False


# -- form state ---------------------------------------------------------------------------------------
def _k(datei: str, feld: str) -> str:
    return f"pf_{datei}_{feld}"


def _liste(feld: str) -> bool:
    return feld in ("themen", "zielgruppen", "sprachen", "versorgt")


def _zeile(d: Netzdaten, datei: str, rid: str) -> dict | None:
    return next((r for r in d.tabelle(datei) if r["id"] == rid), None)


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
        st.session_state[_k(datei, s.name)] = [x for x in v.split("|") if x] if _liste(s.name) else v
    st.session_state[_k(datei, "geladen")] = wahl
    st.session_state.pop(_k(datei, "fehler"), None)


def _werte(datei: str) -> dict[str, str]:
    out = {}
    for s in DATEIEN[datei]:
        v = st.session_state.get(_k(datei, s.name), "")
        out[s.name] = "|".join(v) if isinstance(v, list) else ("" if v is None else str(v))
    return out


def _stelle() -> str:
    return (st.session_state.get("pf_stelle") or "").strip() or P.STANDARD_STELLE


def _nach_schreiben(datei: str, rid: str, meldung: str) -> None:
    D.geschrieben()
    st.session_state[_k(datei, "wahl")] = rid
    _lade_formular(datei, D.daten())
    st.session_state[_k(datei, "meldung")] = meldung


def _speichern(datei: str) -> None:
    neu = st.session_state.get(_k(datei, "wahl"), NEU) == NEU
    st.session_state.pop(_k(datei, "meldung"), None)
    try:
        store = D.store()
        zeile = P.speichere(store, datei, _werte(datei), store.load(), neu=neu, von=_stelle())
    except Validierungsfehler as e:
        st.session_state[_k(datei, "fehler")] = e.fehler
        return
    except KitaNetzError as e:
        st.session_state[_k(datei, "fehler")] = [Fehler(datei, 0, "", str(e))]
        return
    was = _TITEL[datei][0]
    _nach_schreiben(datei, zeile["id"], f"{was} „{zeile.get('name') or zeile['id']}“ wurde "
                                        f"{'angelegt' if neu else 'gespeichert'}.")


def _beenden(datei: str) -> None:
    rid = st.session_state.get(_k(datei, "wahl"))
    st.session_state.pop(_k(datei, "meldung"), None)
    try:
        store = D.store()
        bestand = store.load()
        if datei == "angebote":
            P.beende_angebot(store, rid, von=_stelle(), bestand=bestand)
            meldung = f"Das Angebot ist ab heute beendet (gültig bis {datum_de(D.heute())})."
        elif datei == "kooperationen":
            P.beende_kooperation(store, rid, bestand=bestand)
            meldung = f"Die Kooperation endet heute ({datum_de(D.heute())})."
        else:
            _, beendet = P.beende_kita(store, rid, von=_stelle(), bestand=bestand)
            meldung = (f"Die Kita ist aus dem Netzwerk genommen: {len(beendet)} laufende Kooperationen enden "
                       "heute, die Zuordnung der Fachkraft ist entfernt.")
    except Validierungsfehler as e:
        st.session_state[_k(datei, "fehler")] = e.fehler
        return
    except KitaNetzError as e:
        st.session_state[_k(datei, "fehler")] = [Fehler(datei, 0, "", str(e))]
        return
    st.session_state[_k(datei, "bestaetigt")] = False
    _nach_schreiben(datei, rid, meldung)


# -- widgets ------------------------------------------------------------------------------------------
def _optionen(d: Netzdaten, datei: str, feld: str, aktuell) -> tuple[list, dict] | None:
    """Options and labels for fields chosen from a list; ``None`` for free text."""
    spalte = next(s for s in DATEIEN[datei] if s.name == feld)
    namen: dict[str, str] = {}
    if feld == "gemeinde_id":
        namen = {g["id"]: f"{g.get('name')} ({g['id']})" for g in
                 sorted(d.gemeinden, key=lambda g: (g.get("name") or "").casefold())}
    elif feld == "fachkraft_id":
        namen = {f["id"]: f"{f.get('name')} ({f['id']})" for f in d.fachkraefte}
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
        if v and v not in namen:
            namen[v] = f"{v} (unbekannt)"
    return list(namen), namen


def _feld(d: Netzdaten, datei: str, feld: str, neu: bool, fehler: dict[str, list[str]]) -> None:
    spalte = next(s for s in DATEIEN[datei] if s.name == feld)
    # Static labels (no data); Streamlit also uses them as aria-label, so they are not Markdown-escaped.
    label = BESCHRIFTUNG.get(feld, feld) + (" *" if spalte.pflicht else "")
    key = _k(datei, feld)
    # The model's column description is shown as a caption: Streamlit's help icons have English labels.
    hilfe = _HINWEISE.get(feld)
    aktuell = st.session_state.get(key)
    opt = _optionen(d, datei, feld, aktuell)
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
    else:
        platzhalter = "JJJJ-MM-TT" if spalte.typ == "datum" else (f"z. B. {spalte.beispiel}" if spalte.beispiel
                                                                  else None)
        st.text_input(label, key=key, placeholder=platzhalter,
                      disabled=(feld == "id" and not neu))
    if hilfe:
        st.caption(hilfe)
    for grund in fehler.get(feld, []):
        st.error(md(grund), icon=":material/error:")


def _auswahl_label(d: Netzdaten, datei: str) -> dict[str, str]:
    if datei == "kooperationen":
        namen = {r["id"]: r.get("name") or r["id"] for r in d.kitas + d.angebote}
        return {c["id"]: f"{c['id']}: {namen.get(c.get('von_id'), c.get('von_id'))} → "
                         f"{namen.get(c.get('zu_id'), c.get('zu_id'))}"
                         + (f" (beendet {datum_de(c['bis'])})" if c.get("bis") else "")
                for c in sorted(d.kooperationen, key=lambda c: c["id"])}
    rows = sorted(d.tabelle(datei), key=lambda r: ((r.get("name") or "").casefold(), r["id"]))
    out = {}
    for r in rows:
        label = f"{r.get('name') or r['id']} ({r['id']})"
        if datei == "angebote" and r.get("gueltig_bis") and r["gueltig_bis"] < D.heute():
            label += f" – beendet {datum_de(r['gueltig_bis'])}"
        out[r["id"]] = label
    return out


def _formular(d: Netzdaten, datei: str) -> None:
    einzahl, mehrzahl = _TITEL[datei]
    labels = _auswahl_label(d, datei)
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
        st.caption(f"Zuletzt geprüft: {datum_de(zeile.get('geprueft_am')) or 'unbekannt'}"
                   + (f" von {md(zeile.get('geprueft_von'))}" if zeile.get("geprueft_von") else ""))
    with st.form(f"pf_form_{datei}", border=True, enter_to_submit=False):
        for titel, felder in GRUPPEN[datei]:
            st.markdown(f"**{titel}**")
            for i in range(0, len(felder), 2):  # one row per pair: tab order = reading order
                spalten = st.columns(2)
                for j, feld in enumerate(felder[i:i + 2]):
                    with spalten[j]:
                        _feld(d, datei, feld, neu, fehler)
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
def lese_upload(dateien: list) -> Rohdaten:
    """Read uploaded files (``name`` + ``getvalue()``) like ``read_path``: CSVs by file name, one ``.xlsx``.

    Raises :class:`~network.errors.Validierungsfehler` when nothing usable was uploaded.
    """
    roh = Rohdaten()
    fehler: list[Fehler] = []
    for f in dateien:
        name = Path(f.name).name
        endung = Path(name).suffix.lower()
        datei = Path(name).stem.lower()
        if endung == ".csv":
            if datei not in DATEIEN:
                roh.hinweise.append(f"{name} übersprungen: kein bekannter Dateiname.")
                continue
            try:
                text = f.getvalue().decode("utf-8")
            except UnicodeDecodeError:
                fehler.append(Fehler(name, 0, "", "Die Datei ist nicht UTF-8-kodiert. Bitte in Excel als "
                                                  "„CSV UTF-8“ speichern."))
                continue
            roh.tabellen[datei] = read_csv_text(datei, text)
        elif endung == ".xlsx":
            with tempfile.TemporaryDirectory() as tmp:
                pfad = Path(tmp) / "upload.xlsx"
                pfad.write_bytes(f.getvalue())
                try:
                    teil = read_path(pfad)
                except Validierungsfehler as e:
                    fehler.extend(Fehler(name, x.zeile, x.spalte, x.grund) for x in e.fehler)
                    continue
            roh.tabellen.update(teil.tabellen)
            roh.hinweise.extend(teil.hinweise)
        else:
            fehler.append(Fehler(name, 0, "", "Bitte .csv- oder .xlsx-Dateien hochladen."))
    if not fehler and not roh.tabellen:
        erlaubt = ", ".join(f"{d}.csv" for d in DATEI_REIHENFOLGE)
        fehler.append(Fehler("Upload", 0, "", f"Keine Importdatei gefunden. Erwartet werden: {erlaubt} "
                                              "oder eine Excel-Datei mit diesen Tabellenblättern."))
    if fehler:
        raise Validierungsfehler(fehler)
    return roh


def fehler_tabelle(fehler: list[Fehler]) -> pd.DataFrame:
    return pd.DataFrame([{"Datei": f.datei, "Zeile": f.zeile or None, "Spalte": f.spalte, "Grund": f.grund}
                         for f in fehler], columns=["Datei", "Zeile", "Spalte", "Grund"])


def _importieren() -> None:
    roh = st.session_state.get("pf_import_roh")
    if roh is None:
        return
    try:
        bericht = import_rohdaten(D.store(), roh, dry_run=False)
    except Validierungsfehler as e:
        st.session_state["pf_import_meldung"] = ("fehler", e.fehler)
        return
    except KitaNetzError as e:
        st.session_state["pf_import_meldung"] = ("fehler", [Fehler("Import", 0, "", str(e))])
        return
    D.geschrieben()
    teile = ", ".join(f"{n} {d}" for d, n in bericht.zeilen.items())
    st.session_state["pf_import_meldung"] = ("ok", f"{bericht.gesamt} Zeilen importiert ({teile}).")
    st.session_state.pop("pf_import_roh", None)
    st.session_state["pf_upload_nr"] = st.session_state.get("pf_upload_nr", 0) + 1


def _import() -> None:
    st.header("Import (CSV oder Excel)", anchor=False)
    st.markdown("Dateien im Importformat hochladen (z. B. `angebote.csv`, `kooperationen.csv` oder eine "
                "Excel-Datei mit diesen Tabellenblättern). Zuerst wird **nur geprüft**; gespeichert wird erst "
                "nach Klick auf „Jetzt importieren“. Vorhandene Einträge mit derselben Kennung werden "
                "aktualisiert.")
    meldung = st.session_state.pop("pf_import_meldung", None)
    if meldung and meldung[0] == "ok":
        st.success(meldung[1], icon=":material/check_circle:")
    elif meldung:
        st.error(f"{len(meldung[1])} Fehler – es wurde nichts gespeichert.")
        st.dataframe(fehler_tabelle(meldung[1]), hide_index=True, width="stretch")
    nr = st.session_state.get("pf_upload_nr", 0)
    dateien = st.file_uploader("Importdateien (.csv oder .xlsx)", type=["csv", "xlsx"],
                               accept_multiple_files=True, key=f"pf_upload_{nr}")
    if not dateien:
        st.session_state.pop("pf_import_roh", None)
        return
    st.markdown("**Probelauf**")
    try:
        roh = lese_upload(dateien)
        bericht = import_rohdaten(D.store(), roh, dry_run=True)
    except Validierungsfehler as e:
        st.session_state.pop("pf_import_roh", None)
        st.error(f"{len(e.fehler)} Fehler gefunden – es wurde nichts gespeichert. Bitte die Dateien korrigieren "
                 "und erneut hochladen.", icon=":material/error:")
        st.dataframe(fehler_tabelle(e.fehler), hide_index=True, width="stretch")
        return
    for h in bericht.hinweise:
        st.info(md(h))
    st.session_state["pf_import_roh"] = roh
    st.success("Keine Fehler gefunden. Der Import würde schreiben:", icon=":material/task_alt:")
    st.dataframe(pd.DataFrame([{"Datei": d, "Zeilen": n} for d, n in bericht.zeilen.items()]),
                 hide_index=True, width=400)
    st.button("Jetzt importieren", type="primary", on_click=_importieren, icon=":material/upload:")


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


def seite() -> None:
    st.title("Pflege", anchor=False)
    st.caption("Kitas, Angebote und Kooperationen anlegen, ändern und beenden; Import und Export. "
               "Bitte keine Daten über Familien oder Kinder eintragen.")
    if not _anmeldung():
        return
    d = D.daten()
    st.segmented_control("Bereich", BEREICHE, key="pf_bereich", default="Kitas", required=True)
    c2, c3, _ = st.columns([3, 1, 2], vertical_alignment="bottom")
    c2.text_input("Prüfende Stelle (für „geprüft von“)", key="pf_stelle",
                  placeholder="eine Stelle, keine Person – z. B. Kreisjugendamt")
    c3.button("Abmelden", on_click=_abmelden, icon=":material/logout:")
    pruefliste()  # entries due for review: network/ui/pruefliste.py
    bereich = st.session_state.get("pf_bereich") or "Kitas"
    if bereich == "Import":
        _import()
    elif bereich == "Export":
        _export(d)
    else:
        datei = {"Kitas": "kitas", "Angebote": "angebote", "Kooperationen": "kooperationen"}[bereich]
        st.header(bereich, anchor=False)
        _formular(d, datei)
