"""Open Referral HSDS 3.0: the directory of Angebote as a Human Services Data Specification dataset, and back.

HSDS is the international standard for directories of social services. :func:`export_hsds` writes the Angebote
with their Träger, places, opening hours, languages, catchment areas and our vocabulary (Art, Themen,
Zielgruppen) as HSDS 3.0 – as a tabular data package (one CSV per table plus ``datapackage.json``) and/or as
one ``services.json`` with fully nested service objects. :func:`import_hsds` reads an HSDS 3 dataset written
by this or another system and maps it onto ``angebote`` rows of the import format; the rows go through the
same validation as every import, and errors name the HSDS table, row and field (``hsds:location``, row 3,
``latitude``). Kitas and Kooperationen have no HSDS table and are not part of it (see ``docs/austausch.md``).

Ids are UUIDs, as HSDS requires; they are derived with :func:`uuid.uuid5` from a fixed namespace and our own
keys, so the same data always gives the same files.

Examples
--------
>>> hsds_id("service", "ang-001")
'8ec45fa2-cc64-5783-bf54-68cac546d9a8'
>>> [(z["byday"], z["opens_at"], z["closes_at"]) for z in parse_oeffnungszeiten("Mo–Do 9–16 Uhr, Fr 9–12 Uhr")]
[('MO,TU,WE,TH', '09:00:00', '16:00:00'), ('FR', '09:00:00', '12:00:00')]
>>> sprachcode("Arabisch"), sprachname("uk")
('ar', 'Ukrainisch')
"""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import Fehler, KitaNetzError, Validierungsfehler
from ..model import ART, DATEIEN, KREISWEIT, Netzdaten
from .dateien import Rohdaten, RohTabelle, schuetzen
from .validierung import validate

__all__ = ["HSDS_VERSION", "NAMESPACE", "TABELLEN", "GESCHRIEBEN", "FORMEN", "HsdsFeld", "HsdsTabelle",
           "HsdsRohdaten", "hsds_id", "hsds_tabellen", "export_hsds", "datapackage", "import_hsds",
           "import_hsds_store", "hsds_fehler", "parse_oeffnungszeiten", "zeitplan_text", "sprachcode",
           "sprachname", "TAXONOMIEN"]

#: The HSDS version written and read.
HSDS_VERSION = "3.0"

#: Namespace of every id written (uuid5 of this and our own key). Never change it: ids would change.
NAMESPACE = uuid.UUID("7076d030-0a42-41dd-85af-06cbf851c518")

#: The forms of an HSDS export: ``tabular`` (CSV + datapackage.json), ``json`` (services.json) or both.
FORMEN = ("tabular", "json", "both")


def hsds_id(art: str, schluessel: str) -> str:
    """The stable UUID of one HSDS object: ``art`` is the table, ``schluessel`` our key for it."""
    return str(uuid.uuid5(NAMESPACE, f"{art}:{schluessel}"))


# --- The HSDS 3.0 tables -------------------------------------------------------------------------------------------
# One line per table: name, file of the tabular form, then its columns in the official order as
# ``name[:type][!][=enum|values]`` (type string if omitted; ``!`` = required in the tabular form). Nested keys of the
# JSON form follow after ``>`` as ``key:table`` (``key:table[]`` for arrays). A test compares this with the vendored
# official schemas (tests/daten/hsds/schema/).
_KATALOG = """
organization organizations.csv id:uuid! name! alternate_name description! email:email website:uri tax_status tax_id
  year_incorporated:number legal_status logo uri:uri parent_organization_id:uuid
  > funding:funding[] contacts:contact[] phones:phone[] locations:location[] programs:program[]
  organization_identifiers:organization_identifier[] attributes:attribute[] metadata:metadata[]
program programs.csv id:uuid! organization_id:uuid! name! alternate_name description!
  > attributes:attribute[] metadata:metadata[]
service services.csv id:uuid! organization_id:uuid! program_id:uuid name! alternate_name description url:uri
  email:email status!=active|inactive|defunct|temporarily_closed interpretation_services application_process
  fees_description wait_time fees accreditations eligibility_description minimum_age:number maximum_age:number
  assured_date:date assurer_email:email licenses alert last_modified:datetime
  > phones:phone[] schedules:schedule[] service_areas:service_area[] service_at_locations:service_at_location[]
  languages:language[] organization:organization funding:funding[] cost_options:cost_option[] program:program
  required_documents:required_document[] contacts:contact[] attributes:attribute[] metadata:metadata[]
attribute attributes.csv id:uuid! link_id:uuid! taxonomy_term_id:uuid! link_type link_entity! value
  > taxonomy_term:taxonomy_term metadata:metadata[]
service_at_location service_at_location.csv id:uuid! service_id:uuid! location_id:uuid! description
  > contacts:contact[] phones:phone[] schedules:schedule[] location:location attributes:attribute[]
  metadata:metadata[]
location locations.csv id:uuid! location_type!=physical|postal|virtual url:uri organization_id:uuid name
  alternate_name description transportation latitude:number longitude:number external_identifier
  external_identifier_type
  > languages:language[] addresses:address[] contacts:contact[] accessibility:accessibility[] phones:phone[]
  schedules:schedule[] attributes:attribute[] metadata:metadata[]
phone phones.csv id:uuid! location_id:uuid service_id:uuid organization_id:uuid contact_id:uuid
  service_at_location_id:uuid number! extension:number type description
  > languages:language[] attributes:attribute[] metadata:metadata[]
contact contacts.csv id:uuid! organization_id:uuid service_id:uuid service_at_location_id:uuid location_id:uuid
  name title department email:email
  > phones:phone[] attributes:attribute[] metadata:metadata[]
address addresses.csv id:uuid! location_id:uuid attention address_1! address_2 city! region state_province!
  postal_code! country! address_type!=physical|postal|virtual
  > attributes:attribute[] metadata:metadata[]
schedule schedules.csv id:uuid! service_id:uuid location_id:uuid service_at_location_id:uuid valid_from:date
  valid_to:date dtstart:date timezone:number until:date count:number wkst=MO|TU|WE|TH|FR|SA|SU
  freq=WEEKLY|MONTHLY interval:number byday byweekno bymonthday byyearday description opens_at:time
  closes_at:time schedule_link:uri attending_type notes
  > attributes:attribute[] metadata:metadata[]
funding funding.csv id:uuid! organization_id:uuid service_id:uuid source
  > attributes:attribute[] metadata:metadata[]
service_area service_areas.csv id:uuid! service_id:uuid name description extent extent_type uri
  > attributes:attribute[] metadata:metadata[]
required_document required_documents.csv id:uuid! service_id:uuid document uri:uri
  > attributes:attribute[] metadata:metadata[]
language languages.csv id:uuid! service_id:uuid location_id:uuid phone_id:uuid name code note
  > attributes:attribute[] metadata:metadata[]
accessibility accessibility.csv id:uuid! location_id:uuid description details url:uri
  > attributes:attribute[] metadata:metadata[]
taxonomy_term taxonomy_terms.csv id:uuid! code name! description! parent_id:uuid taxonomy language
  taxonomy_id:uuid term_uri:uri
  > taxonomy_detail:taxonomy metadata:metadata[]
metadata metadata.csv id:uuid! resource_id:uuid! resource_type! last_action_date:date! last_action_type!
  field_name! previous_value! replacement_value! updated_by!
meta_table_description meta_table_descriptions.csv id:uuid! name language character_set
  > attributes:attribute[] metadata:metadata[]
cost_option cost_options.csv id:uuid! service_id:uuid! valid_from:date valid_to:date option currency
  amount:number amount_description
  > attributes:attribute[] metadata:metadata[]
organization_identifier organization_identifiers.csv id:uuid! organization_id:uuid! identifier_scheme
  identifier_type! identifier!
  > attributes:attribute[] metadata:metadata[]
taxonomy taxonomies.csv id:uuid! name! description! uri:uri version
  > metadata:metadata[]
"""


@dataclass(frozen=True)
class HsdsFeld:
    """One column of an HSDS table: ``typ`` is string, uuid, email, uri, number, date, time or datetime."""

    name: str
    typ: str = "string"
    pflicht: bool = False
    erlaubt: tuple[str, ...] = ()


@dataclass(frozen=True)
class HsdsTabelle:
    """One HSDS table: its name, its file in the tabular form, its columns and its nested keys (JSON form)."""

    name: str
    pfad: str
    felder: tuple[HsdsFeld, ...]
    kinder: dict = field(default_factory=dict)  # key -> (table, is_list)

    @property
    def spalten(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.felder)


def _katalog() -> dict[str, HsdsTabelle]:
    tabellen = {}
    bloecke = re.split(r"\n(?=\S)", _KATALOG.strip())
    for block in bloecke:
        teile = block.split(">")
        kopf = teile[0].split()
        name, pfad, felder = kopf[0], kopf[1], []
        for t in kopf[2:]:
            erlaubt: tuple[str, ...] = ()
            if "=" in t:
                t, werte = t.split("=", 1)
                erlaubt = tuple(w.replace("_", " ") for w in werte.split("|"))
            pflicht = t.endswith("!")
            t = t.rstrip("!")
            fname, _, typ = t.partition(":")
            felder.append(HsdsFeld(fname, typ or "string", pflicht, erlaubt))
        kinder = {}
        for k in (teile[1].split() if len(teile) > 1 else []):
            key, tab = k.split(":")
            kinder[key] = (tab.removesuffix("[]"), tab.endswith("[]"))
        tabellen[name] = HsdsTabelle(name, pfad, tuple(felder), kinder)
    return tabellen


#: All 21 tables of HSDS 3.0, in the order of the official datapackage.json.
TABELLEN: dict[str, HsdsTabelle] = _katalog()

#: The tables an export writes (the tabular form writes each, header only when empty).
GESCHRIEBEN = ("organization", "service", "attribute", "service_at_location", "location", "phone", "contact",
               "address", "schedule", "service_area", "language", "accessibility", "taxonomy_term", "cost_option",
               "taxonomy")

# --- Our vocabulary as published taxonomies ------------------------------------------------------------------------

#: Our taxonomies: key -> (name, description). ``zusatz`` carries the fields HSDS has no column for, as values.
TAXONOMIEN = {
    "art": ("Kita-Netzwerk Rhein-Hunsrück: Art des Angebots",
            "Die drei Arten von Angeboten im Verzeichnis der Kita-Sozialarbeit: Beratung, Unterstützung, Freizeit."),
    "thema": ("Kita-Netzwerk Rhein-Hunsrück: Themen",
              "Das Themen-Vokabular des Verzeichnisses (Kennung im Feld code)."),
    "zielgruppe": ("Kita-Netzwerk Rhein-Hunsrück: Zielgruppen",
                   "Zielgruppen der Angebote, wie im Verzeichnis erfasst."),
    "zusatz": ("Kita-Netzwerk Rhein-Hunsrück: Zusatzangaben",
               "Angaben ohne eigenes HSDS-Feld; der Wert steht im Feld value des Attributs."),
}

_ART_BESCHREIBUNG = {
    "Beratung": "Beratungsangebot (z. B. Erziehungs-, Schwangerschafts-, Schuldnerberatung).",
    "Unterstützung": "Praktische Unterstützung und Hilfen für Familien.",
    "Freizeit": "Freizeit-, Bildungs- und Begegnungsangebot für Familien und Kinder.",
}

#: Zusatzangaben: code -> (name, description). The value is text (dates ISO, yes/no as ``ja``/``nein``).
ZUSATZ = {
    "kennung": ("Kennung im Kita-Netzwerk", "Die Kennung des Angebots im Verzeichnis (z. B. ang-001)."),
    "gemeinde": ("Gemeinde (AGS)", "Amtlicher Gemeindeschlüssel der Gemeinde, in der das Angebot liegt."),
    "aufsuchend": ("Aufsuchend", "ja, wenn das Angebot zu den Familien kommt (Hausbesuche), sonst nein."),
    "gueltig_ab": ("Gültig ab", "Erster Tag, an dem es das Angebot gibt (JJJJ-MM-TT)."),
    "gueltig_bis": ("Gültig bis", "Letzter Tag, an dem es das Angebot gibt (JJJJ-MM-TT)."),
    "geprueft_von": ("Geprüft von", "Stelle, die die Angaben zuletzt geprüft hat (Datum: assured_date)."),
    "strasse": ("Straße (Teiladresse)", "Straße, wenn die Adresse für HSDS unvollständig ist."),
    "plz": ("Postleitzahl (Teiladresse)", "Postleitzahl, wenn die Adresse für HSDS unvollständig ist."),
    "ort": ("Ort (Teiladresse)", "Ort, wenn die Adresse für HSDS unvollständig ist."),
}

_OHNE_TRAEGER = "__ohne_traeger__"
_KREISWEIT_NAME = "kreisweit"
_BARRIEREFREI = {True: "barrierefrei", False: "nicht barrierefrei"}
_WAEHRUNG = "EUR"

# --- Languages -----------------------------------------------------------------------------------------------------

#: German language name -> ISO 639 code (639-1 where one exists, else 639-3). One name per code.
SPRACHEN = {
    "Deutsch": "de", "Englisch": "en", "Französisch": "fr", "Türkisch": "tr", "Arabisch": "ar",
    "Ukrainisch": "uk", "Russisch": "ru", "Polnisch": "pl", "Rumänisch": "ro", "Bulgarisch": "bg",
    "Italienisch": "it", "Spanisch": "es", "Portugiesisch": "pt", "Griechisch": "el", "Kroatisch": "hr",
    "Serbisch": "sr", "Bosnisch": "bs", "Albanisch": "sq", "Kurdisch": "ku", "Persisch": "fa", "Paschtu": "ps",
    "Urdu": "ur", "Hindi": "hi", "Tigrinya": "ti", "Somali": "so", "Vietnamesisch": "vi", "Chinesisch": "zh",
    "Ungarisch": "hu", "Tschechisch": "cs", "Slowakisch": "sk", "Niederländisch": "nl", "Tamil": "ta",
    "Amharisch": "am", "Georgisch": "ka", "Armenisch": "hy", "Aserbaidschanisch": "az", "Litauisch": "lt",
    "Lettisch": "lv", "Dari": "prs", "Kurmandschi": "kmr", "Romanes": "rom", "Deutsche Gebärdensprache": "gsg",
}
_SPRACHE_NACH_CODE = {c: n for n, c in SPRACHEN.items()}
_ISO639_2 = {"deu": "de", "ger": "de", "eng": "en", "fra": "fr", "fre": "fr", "tur": "tr", "ara": "ar",
             "ukr": "uk", "rus": "ru", "pol": "pl", "ron": "ro", "rum": "ro", "bul": "bg", "ita": "it",
             "spa": "es", "por": "pt", "ell": "el", "gre": "el", "hrv": "hr", "srp": "sr", "bos": "bs",
             "sqi": "sq", "alb": "sq", "kur": "ku", "fas": "fa", "per": "fa", "pus": "ps", "urd": "ur",
             "hin": "hi", "tir": "ti", "som": "so", "vie": "vi", "zho": "zh", "chi": "zh", "hun": "hu",
             "ces": "cs", "cze": "cs", "slk": "sk", "slo": "sk", "nld": "nl", "dut": "nl", "tam": "ta",
             "amh": "am", "kat": "ka", "geo": "ka", "hye": "hy", "arm": "hy", "aze": "az", "lit": "lt",
             "lav": "lv"}


def sprachcode(name: str) -> str | None:
    """The ISO 639 code of a German language name (``None`` if unknown).

    >>> sprachcode("Türkisch"), sprachcode("türkisch"), sprachcode("Klingonisch")
    ('tr', 'tr', None)
    """
    if name in SPRACHEN:
        return SPRACHEN[name]
    low = name.strip().casefold()
    return next((c for n, c in SPRACHEN.items() if n.casefold() == low), None)


def sprachname(code: str | None, name: str | None = None) -> str | None:
    """Our German name for an ISO 639 code (also 639-2/3 and ``en-GB``); else ``name`` as given.

    A ``name`` that already is our name for that code is kept as written.

    >>> sprachname("deu"), sprachname("en-GB"), sprachname("xx", "Klingonisch"), sprachname(None, "Urdu")
    ('Deutsch', 'Englisch', 'Klingonisch', 'Urdu')
    """
    if name and code and sprachcode(name) == code:
        return name
    if code:
        c = code.strip().lower().split("-")[0].split("_")[0]
        c = _ISO639_2.get(c, c)
        if c in _SPRACHE_NACH_CODE:
            return _SPRACHE_NACH_CODE[c]
    return name.strip() if name else None


# --- Opening hours -------------------------------------------------------------------------------------------------

_TAGE = {"montag": "MO", "dienstag": "TU", "mittwoch": "WE", "donnerstag": "TH", "freitag": "FR",
         "samstag": "SA", "sonnabend": "SA", "sonntag": "SU", "mo": "MO", "di": "TU", "mi": "WE", "do": "TH",
         "fr": "FR", "sa": "SA", "so": "SU"}
_REIHE = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_KURZ = dict(zip(_REIHE, ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")))
_LANG = dict(zip(_REIHE, ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")))
_TAG = (r"(?:montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?|sonnabends?|sonntags?"
        r"|mo|di|mi|do|fr|sa|so)\.?")
_BIS = r"\s*(?:–|-|bis)\s*"
_TAGSPANNE = rf"{_TAG}(?:{_BIS}{_TAG})?"
_TAGLISTE = rf"{_TAGSPANNE}(?:\s*(?:,|und|/|\+|&)\s*{_TAGSPANNE})*"
_UHRZEIT = r"\d{1,2}(?:[:.]\d{2})?"
_SPANNE = rf"{_UHRZEIT}{_BIS}{_UHRZEIT}"
_SPANNEN = rf"{_SPANNE}(?:\s*(?:,|und|/|&)\s*{_SPANNE})*"
_WOECHENTLICH = rf"(?P<tage>{_TAGLISTE})\s+(?P<zeiten>{_SPANNEN})\s*Uhr"
_MONATLICH = rf"jeden\s+(?P<n>[1-5]\.|letzten)\s*(?P<tag>{_TAG})\s+im\s+Monat,?\s+(?P<zeiten2>{_SPANNEN})\s*Uhr"
_SEGMENT = re.compile(rf"(?:{_WOECHENTLICH}|{_MONATLICH})", re.IGNORECASE)
_NUR_TAGE = re.compile(rf"^\s*{_TAGLISTE}\s*$", re.IGNORECASE)
_TRENNER = re.compile(r"^\s*(?:,|;|und)?\s*$", re.IGNORECASE)


def _tag(token: str) -> str:
    t = token.strip().rstrip(".").casefold()
    return _TAGE.get(t) or _TAGE[t.removesuffix("s")]


def _tage(text: str) -> list[str]:
    tage: list[str] = []
    for teil in re.split(r"\s*(?:,|und|/|\+|&)\s*", text.strip(), flags=re.IGNORECASE):
        ende = re.split(_BIS, teil, maxsplit=1)
        a = _REIHE.index(_tag(ende[0]))
        b = _REIHE.index(_tag(ende[1])) if len(ende) > 1 else a
        i = a
        while True:
            if _REIHE[i] not in tage:
                tage.append(_REIHE[i])
            if i == b:
                break
            i = (i + 1) % 7
    return tage


def _uhrzeit(text: str) -> str:
    h, _, m = re.sub(r"[.]", ":", text).partition(":")
    h, m = int(h), int(m or 0)
    if not (0 <= h <= 24 and 0 <= m <= 59) or (h == 24 and m):
        raise ValueError(text)
    return f"{h:02d}:{m:02d}:00"


def _spannen(text: str) -> list[tuple[str, str]]:
    paare = []
    for von, bis in re.findall(rf"({_UHRZEIT}){_BIS}({_UHRZEIT})", text):
        a, b = _uhrzeit(von), _uhrzeit(bis)
        if a >= b:
            raise ValueError(text)
        paare.append((a, b))
    return paare


def _stueck(text: str) -> list[dict] | None:
    """The schedule rows of one piece of text, or ``None`` if it is not fully readable."""
    zeilen, pos = [], 0
    for m in _SEGMENT.finditer(text):
        if not _TRENNER.match(text[pos:m.start()]):
            return None
        try:
            if m.group("tage"):
                freq, byday = "WEEKLY", ",".join(_tage(m.group("tage")))
            else:
                n = m.group("n")
                freq, byday = "MONTHLY", ("-1" if n.casefold() == "letzten" else n.rstrip(".")) + _tag(m.group("tag"))
            paare = _spannen(m.group("zeiten") or m.group("zeiten2"))
        except (ValueError, KeyError):
            return None
        zeilen += [{"freq": freq, "byday": byday, "opens_at": a, "closes_at": b} for a, b in paare]
        pos = m.end()
    if not zeilen:
        return None
    rest = text[pos:].strip()
    if re.search(r"\d", rest):
        return None
    rest = re.sub(r"^(?:,|;|und\b|sowie\b)\s*", "", rest, flags=re.IGNORECASE)
    for z in zeilen:
        z["description"] = text
        if rest:
            z["notes"] = rest
    return zeilen


def parse_oeffnungszeiten(text: str | None) -> list[dict]:
    """German opening hours as HSDS schedule rows (``freq``, ``byday``, ``opens_at``, ``closes_at``).

    The text is cut at ``", "`` into pieces; each piece that reads as days plus times (``Mo–Do 9–16 Uhr``,
    ``Di und Do 14–18 Uhr``, ``jeden 1. Samstag im Monat 10–12 Uhr``) gives one row per time span, with the
    piece as ``description`` and an untimed remainder (``nach Vereinbarung``) as ``notes``. A piece that
    does not read gives one row with just the ``description``. Joining the descriptions (equal neighbours once)
    with ``", "`` gives the text back. Times are local time (Europe/Berlin).

    >>> zeilen = parse_oeffnungszeiten("Mi 9–12 Uhr und nach Vereinbarung")
    >>> [(z["byday"], z["opens_at"], z.get("notes")) for z in zeilen]
    [('WE', '09:00:00', 'nach Vereinbarung')]
    >>> parse_oeffnungszeiten("jeden 1. Samstag im Monat 10–12 Uhr")[0]["byday"]
    '1SA'
    >>> parse_oeffnungszeiten("nach Vereinbarung")
    [{'description': 'nach Vereinbarung'}]
    """
    if not text or not text.strip():
        return []
    stuecke: list[str] = []
    for teil in text.split(", "):
        if stuecke and _NUR_TAGE.match(stuecke[-1]):
            stuecke[-1] += ", " + teil
        else:
            stuecke.append(teil)
    zeilen = []
    for s in stuecke:
        zeilen += _stueck(s) or [{"description": s}]
    return zeilen


def _zeit_kurz(t: str | None) -> str | None:
    if not t:
        return None
    m = re.match(r"^(\d{1,2}):(\d{2})", t.strip())
    if not m:
        return t.strip()
    h, mi = int(m.group(1)), m.group(2)
    return f"{h}" if mi == "00" else f"{h}:{mi}"


def zeitplan_text(zeile: dict) -> str | None:
    """A German text for one HSDS schedule row that has no ``description``.

    >>> zeitplan_text({"freq": "WEEKLY", "byday": "MO,TU,WE,FR", "opens_at": "09:00", "closes_at": "12:30"})
    'Mo–Mi und Fr 9–12:30 Uhr'
    >>> zeitplan_text({"freq": "MONTHLY", "byday": "-1FR", "opens_at": "15:00:00Z", "closes_at": "17:00:00Z"})
    'jeden letzten Freitag im Monat 15–17 Uhr'
    """
    von, bis = _zeit_kurz(zeile.get("opens_at")), _zeit_kurz(zeile.get("closes_at"))
    zeit = f"{von}–{bis} Uhr" if von and bis else (f"ab {von} Uhr" if von else (f"bis {bis} Uhr" if bis else ""))
    tage_text = ""
    codes = [c.strip().upper() for c in (zeile.get("byday") or "").split(",") if c.strip()]
    monatlich = [re.match(r"^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$", c) for c in codes]
    if codes and all(monatlich):
        teile = [("jeden letzten " if m.group(1) == "-1" else f"jeden {m.group(1).lstrip('+')}. ") +
                 f"{_LANG[m.group(2)]} im Monat" for m in monatlich]
        tage_text = ", ".join(teile)
    elif codes and all(c in _REIHE for c in codes):
        idx = sorted({_REIHE.index(c) for c in codes})
        gruppen: list[list[int]] = []
        for i in idx:
            if gruppen and gruppen[-1][-1] == i - 1:
                gruppen[-1].append(i)
            else:
                gruppen.append([i])
        teile = []
        for g in gruppen:
            if len(g) >= 3:
                teile.append(f"{_KURZ[_REIHE[g[0]]]}–{_KURZ[_REIHE[g[-1]]]}")
            else:
                teile += [_KURZ[_REIHE[i]] for i in g]
        tage_text = teile[0] if len(teile) == 1 else ", ".join(teile[:-1]) + " und " + teile[-1]
    elif codes:
        tage_text = zeile.get("byday")
    text = " ".join(t for t in (tage_text, zeit) if t)
    return text or None


# --- Export --------------------------------------------------------------------------------------------------------

_LAENDER = {"01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
            "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
            "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg", "13": "Mecklenburg-Vorpommern",
            "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen"}
_BETRAG = re.compile(r"(\d+(?:[.,]\d{1,2})?)\s*(?:€|EUR|Euro)", re.IGNORECASE)


def _url(text: str | None) -> str | None:
    if not text:
        return None
    t = text.strip()
    return t if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", t) else "https://" + t


def _einzeln(werte) -> list[str]:
    return list(dict.fromkeys(w for w in (werte or []) if w))


def _status(a: dict, tag: str) -> str:
    ab, bis = a.get("gueltig_ab"), a.get("gueltig_bis")
    if bis and bis < tag:
        return "defunct"
    if ab and ab > tag:
        return "inactive"
    return "active"


def _vollstaendig(a: dict) -> bool:
    """Whether an Angebot's address fills an HSDS address (street, postcode, town and – via the AGS – Land)."""
    return bool(a.get("strasse") and a.get("plz") and a.get("ort") and (a.get("gemeinde_id") or "")[:2] in _LAENDER)


def _ohne_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != []}


def hsds_tabellen(daten: Netzdaten, stichtag: str | date | None = None) -> dict[str, list[dict]]:
    """The Angebote of ``daten`` as flat HSDS rows, one list per table of :data:`GESCHRIEBEN`.

    ``stichtag`` (default: today) decides ``service.status``: ``active``, ``inactive`` (starts later) or
    ``defunct`` (ended). Every list is in a fixed order, so equal data gives equal rows.
    """
    from ..analyse.zeit import stichtag_iso

    tag = stichtag_iso(stichtag)
    t: dict[str, list[dict]] = {name: [] for name in GESCHRIEBEN}
    sozialraeume = {s["id"]: s for s in daten.sozialraeume}
    themen = {th["id"]: th for th in daten.themen}
    angebote = sorted(daten.angebote, key=lambda r: str(r["id"]))

    orgs: dict[str, str] = {}
    for a in angebote:
        name = a.get("traeger") or None
        orgs.setdefault(name or _OHNE_TRAEGER, hsds_id("organization", name or _OHNE_TRAEGER))
    for name in sorted(orgs, key=lambda n: (n == _OHNE_TRAEGER, n)):
        if name == _OHNE_TRAEGER:
            t["organization"].append({"id": orgs[name], "name": "Träger nicht angegeben",
                                      "description": "Platzhalter für Angebote, bei denen kein Träger erfasst ist."})
        else:
            t["organization"].append({"id": orgs[name], "name": name,
                                      "description": "Träger von Angeboten im Verzeichnis der Kita-Sozialarbeit "
                                                     "im Rhein-Hunsrück-Kreis."})

    begriffe: dict[str, dict[str, dict]] = {k: {} for k in TAXONOMIEN}

    def begriff(tax: str, code: str, name: str, beschreibung: str) -> str:
        tid = hsds_id("taxonomy_term", f"{tax}:{code}")
        begriffe[tax].setdefault(code, {"id": tid, "code": code, "name": name, "description": beschreibung,
                                        "taxonomy": TAXONOMIEN[tax][0], "taxonomy_id": hsds_id("taxonomy", tax)})
        return tid

    for a in angebote:
        aid = str(a["id"])
        sid = hsds_id("service", aid)
        kosten, kostenlos = a.get("kosten"), a.get("kostenlos")
        t["service"].append({
            "id": sid, "organization_id": orgs[a.get("traeger") or _OHNE_TRAEGER], "name": a["name"],
            "description": a.get("beschreibung"), "url": _url(a.get("website")), "email": a.get("email"),
            "status": _status(a, tag), "application_process": a.get("hinweis"), "fees_description": kosten,
            "eligibility_description": ", ".join(_einzeln(a.get("zielgruppen"))) or None,
            "assured_date": a.get("geprueft_am"),
        })

        ort = [a.get(k) for k in ("strasse", "plz", "ort", "gemeinde_id", "lat", "lon")]
        if any(v is not None for v in ort) or a.get("barrierefrei") is not None:
            lid = hsds_id("location", aid)
            t["location"].append({"id": lid, "location_type": "physical", "name": a["name"],
                                  "latitude": a.get("lat"), "longitude": a.get("lon")})
            if _vollstaendig(a):
                t["address"].append({
                    "id": hsds_id("address", aid), "location_id": lid, "address_1": a["strasse"], "city": a["ort"],
                    "state_province": _LAENDER[a["gemeinde_id"][:2]], "postal_code": a["plz"], "country": "DE",
                    "address_type": "physical"})
            if a.get("barrierefrei") is not None:
                t["accessibility"].append({"id": hsds_id("accessibility", aid), "location_id": lid,
                                           "description": _BARRIEREFREI[bool(a["barrierefrei"])]})
            t["service_at_location"].append({"id": hsds_id("service_at_location", aid), "service_id": sid,
                                             "location_id": lid})

        cid = None
        if a.get("email"):
            cid = hsds_id("contact", aid)
            t["contact"].append({"id": cid, "service_id": sid, "name": a["name"], "email": a["email"]})
        if a.get("telefon"):
            t["phone"].append({"id": hsds_id("phone", aid), "service_id": sid, "contact_id": cid,
                               "number": a["telefon"], "type": "voice"})

        for i, z in enumerate(parse_oeffnungszeiten(a.get("oeffnungszeiten"))):
            t["schedule"].append({"id": hsds_id("schedule", f"{aid}:{i}"), "service_id": sid,
                                  "valid_from": a.get("gueltig_ab"), "valid_to": a.get("gueltig_bis"), **z})

        for s in _einzeln(a.get("sprachen")):
            t["language"].append({"id": hsds_id("language", f"{aid}:{s}"), "service_id": sid, "name": s,
                                  "code": sprachcode(s)})

        for s in _einzeln(a.get("versorgt")):
            if s == KREISWEIT:
                t["service_area"].append({"id": hsds_id("service_area", f"{aid}:{s}"), "service_id": sid,
                                          "name": _KREISWEIT_NAME,
                                          "description": "Das Angebot steht Familien aus dem ganzen Kreis offen."})
            else:
                sr = sozialraeume.get(s, {})
                t["service_area"].append({"id": hsds_id("service_area", f"{aid}:{s}"), "service_id": sid,
                                          "name": sr.get("name") or s, "description": sr.get("beschreibung")})

        if kostenlos is not None:
            betrag = None
            if kostenlos:
                betrag = 0
            elif kosten and (m := _BETRAG.search(kosten)):
                betrag = float(m.group(1).replace(",", "."))
                betrag = int(betrag) if betrag.is_integer() else betrag
                betrag = betrag or None
            t["cost_option"].append({"id": hsds_id("cost_option", aid), "service_id": sid,
                                     "option": "kostenlos" if kostenlos else "kostenpflichtig",
                                     "currency": _WAEHRUNG if betrag is not None else None, "amount": betrag,
                                     "amount_description": kosten})

        attribute: list[tuple[str, str | None]] = []
        if a.get("art"):
            attribute.append((begriff("art", a["art"], a["art"], _ART_BESCHREIBUNG.get(a["art"], a["art"])), None))
        for th in _einzeln(a.get("themen")):
            tdat = themen.get(th, {})
            attribute.append((begriff("thema", th, tdat.get("name") or th, tdat.get("beschreibung") or
                                      tdat.get("name") or th), None))
        for z in _einzeln(a.get("zielgruppen")):
            attribute.append((begriff("zielgruppe", z, z, f"Zielgruppe: {z}"), None))
        teil = {k: None if _vollstaendig(a) else a.get(k) for k in ("strasse", "plz", "ort")}
        zusatz = {"kennung": aid, "gemeinde": a.get("gemeinde_id"), **teil,
                  "aufsuchend": None if a.get("aufsuchend") is None else ("ja" if a["aufsuchend"] else "nein"),
                  "gueltig_ab": a.get("gueltig_ab"), "gueltig_bis": a.get("gueltig_bis"),
                  "geprueft_von": a.get("geprueft_von")}
        for code, wert in zusatz.items():
            if wert is not None:
                attribute.append((begriff("zusatz", code, *ZUSATZ[code]), str(wert)))
        for term_id, wert in attribute:
            t["attribute"].append({"id": hsds_id("attribute", f"{aid}:{term_id}"), "link_id": sid,
                                   "taxonomy_term_id": term_id, "link_entity": "service", "value": wert})

    ordnung = {"art": {a: i for i, a in enumerate(ART)}}
    for tax, (name, beschreibung) in TAXONOMIEN.items():
        if not begriffe[tax]:
            continue
        t["taxonomy"].append({"id": hsds_id("taxonomy", tax), "name": name, "description": beschreibung})
        codes = list(begriffe[tax])
        if tax == "art":
            codes.sort(key=lambda c: ordnung["art"].get(c, 99))
        elif tax == "zusatz":
            codes.sort(key=list(ZUSATZ).index)
        else:
            codes.sort()
        t["taxonomy_term"] += [begriffe[tax][c] for c in codes]

    return {name: [_ohne_none(r) for r in rows] for name, rows in t.items()}


def _feldtyp(f: HsdsFeld) -> dict:
    typ = {"uuid": "string", "email": "string", "uri": "string"}.get(f.typ, f.typ)
    d = {"name": f.name, "type": typ}
    if f.typ in ("uuid", "email", "uri"):
        d["format"] = f.typ
    d["constraints"] = {"required": f.pflicht}
    if f.erlaubt:
        d["constraints"]["enum"] = list(f.erlaubt)
    return d


def datapackage(tabellen: tuple[str, ...] = GESCHRIEBEN) -> dict:
    """The ``datapackage.json`` of the tabular form: HSDS's tabular data package, cut to ``tabellen``."""
    resources = []
    for name in TABELLEN:
        if name not in tabellen:
            continue
        tab = TABELLEN[name]
        fks = [{"fields": f.name, "reference": {"resource": f.name[:-3], "fields": "id"}}
               for f in tab.felder if f.name.endswith("_id") and f.name[:-3] in tabellen and f.name[:-3] != name]
        schema = {"primaryKey": "id", "fields": [_feldtyp(f) for f in tab.felder]}
        if fks:
            schema["foreignKeys"] = sorted(fks, key=lambda k: k["fields"])
        resources.append({"name": name, "path": tab.pfad, "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8", "profile": "tabular-data-resource", "schema": schema})
    return {
        "profile": "tabular-data-package",
        "name": "kita-netzwerk-rhein-hunsrueck-angebote",
        "title": "Angebote für Familien – Kita-Netzwerk Rhein-Hunsrück-Kreis",
        "description": "Verzeichnis der Angebote für Familien (Beratung, Unterstützung, Freizeit) der "
                       "Kita-Sozialarbeit im Rhein-Hunsrück-Kreis im Format Open Referral HSDS 3.0. Uhrzeiten in "
                       "schedules.csv sind Ortszeit (Europe/Berlin). Kitas und Kooperationen sind nicht enthalten.",
        "version": "3.0.0",
        "homepage": "https://docs.openreferral.org/en/v3.0/",
        "resources": resources,
    }


def _csv_wert(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v) if isinstance(v, float) else str(v)


_FREMDSCHLUESSEL = {f"{n}_id" for n in TABELLEN} | {"link_id"}


def _kind(row: dict) -> dict:
    """A flat row as nested child: without the keys that point at its parents."""
    return {k: v for k, v in row.items() if k not in _FREMDSCHLUESSEL}


def _verschachteln(t: dict[str, list[dict]]) -> list[dict]:
    """The flat rows as fully nested service objects (the JSON form)."""
    def nach(tabelle: str, feld: str) -> dict[str, list[dict]]:
        d: dict[str, list[dict]] = {}
        for r in t[tabelle]:
            if r.get(feld):
                d.setdefault(r[feld], []).append(r)
        return d

    orgs = {o["id"]: o for o in t["organization"]}
    taxonomien = {x["id"]: x for x in t["taxonomy"]}
    begriffe = {b["id"]: b for b in t["taxonomy_term"]}
    phones_s, phones_c = nach("phone", "service_id"), nach("phone", "contact_id")
    orte = {lo["id"]: lo for lo in t["location"]}
    adressen, zugang = nach("address", "location_id"), nach("accessibility", "location_id")

    def term(tid: str) -> dict:
        b = dict(begriffe[tid])
        b["taxonomy_detail"] = taxonomien[b.pop("taxonomy_id")]
        return b

    def ort(lid: str) -> dict:
        lo = _kind(orte[lid])
        lo["addresses"] = [_kind(x) for x in adressen.get(lid, [])]
        lo["accessibility"] = [_kind(x) for x in zugang.get(lid, [])]
        return _ohne_none(lo)

    kinder = {name: nach(name, "service_id") for name in ("schedule", "service_area", "language", "cost_option",
                                                             "contact", "service_at_location")}
    attrs = nach("attribute", "link_id")
    services = []
    for s in t["service"]:
        sid = s["id"]
        obj = _kind(s)
        obj["phones"] = [_kind(p) for p in phones_s.get(sid, [])]
        obj["schedules"] = [_kind(x) for x in kinder["schedule"].get(sid, [])]
        obj["service_areas"] = [_kind(x) for x in kinder["service_area"].get(sid, [])]
        obj["service_at_locations"] = [
            _ohne_none({**_kind(x), "location": ort(x["location_id"])})
            for x in kinder["service_at_location"].get(sid, [])]
        obj["languages"] = [_kind(x) for x in kinder["language"].get(sid, [])]
        obj["organization"] = orgs[s["organization_id"]]
        obj["cost_options"] = [_kind(x) for x in kinder["cost_option"].get(sid, [])]
        obj["contacts"] = [_ohne_none({**_kind(x),
                                       "phones": [_kind(p) for p in phones_c.get(x["id"], [])]})
                           for x in kinder["contact"].get(sid, [])]
        obj["attributes"] = [{**_kind(x), "taxonomy_term": term(x["taxonomy_term_id"])}
                             for x in attrs.get(sid, []) if x.get("link_entity") == "service"]
        services.append(_ohne_none(obj))
    return services


def export_hsds(daten: Netzdaten, out_dir: Path | str, form: str = "tabular",
                stichtag: str | date | None = None) -> list[Path]:
    """Write the Angebote of ``daten`` as HSDS 3.0 into folder ``out_dir``; returns the paths written.

    ``form``: ``"tabular"`` (one CSV per table of :data:`GESCHRIEBEN` and ``datapackage.json``), ``"json"``
    (``services.json``, an array of fully nested service objects) or ``"both"``. ``stichtag`` (default today)
    decides each service's ``status``. Kitas and Kooperationen are not written: HSDS has no table for them.
    """
    if form not in FORMEN:
        raise KitaNetzError(f"Unbekannte HSDS-Form „{form}“ (erlaubt: {', '.join(FORMEN)}).")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t = hsds_tabellen(daten, stichtag)
    written: list[Path] = []
    if form in ("tabular", "both"):
        for name in TABELLEN:
            if name not in GESCHRIEBEN:
                continue
            tab = TABELLEN[name]
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(tab.spalten)
            for r in t[name]:
                w.writerow([_csv_wert(r.get(s)) for s in tab.spalten])
            p = out / tab.pfad
            p.write_text(buf.getvalue(), encoding="utf-8")
            written.append(p)
        p = out / "datapackage.json"
        p.write_text(json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(p)
    if form in ("json", "both"):
        p = out / "services.json"
        p.write_text(json.dumps(_verschachteln(t), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(p)
    return written


# --- Import --------------------------------------------------------------------------------------------------------

@dataclass
class HsdsRohdaten(Rohdaten):
    """Import rows read from HSDS, with where each cell came from (for error messages).

    ``herkunft[(zeile, spalte)]`` is ``(datei, zeile, feld)`` in HSDS terms, e.g. ``("hsds:location", 3,
    "latitude")``; ``zeile`` of the ``angebote`` table is the 1-based index of the service.
    """

    herkunft: dict = field(default_factory=dict)
    nicht_zugeordnet: list[str] = field(default_factory=list)


@dataclass
class _Zeile:
    """One flat HSDS row as read, with where it came from."""

    werte: dict
    datei: str
    zeile: int
    praefix: str = ""

    def ort(self, feld: str) -> tuple[str, int, str]:
        return self.datei, self.zeile, self.praefix + feld


class _Leser:
    """Reads the tabular or the JSON form into flat rows per table."""

    def __init__(self) -> None:
        self.t: dict[str, list[_Zeile]] = {n: [] for n in TABELLEN}
        self.gesehen: dict[tuple[str, str], _Zeile] = {}
        self.fehler: list[Fehler] = []
        self.hinweise: list[str] = []
        self.unbekannt: dict[str, set[str]] = {}

    def add(self, tabelle: str, zeile: _Zeile) -> _Zeile:
        rid = zeile.werte.get("id")
        if rid:
            alt = self.gesehen.get((tabelle, rid))
            if alt is not None:  # the same object again (e.g. a phone under the service and its contact)
                for k, v in zeile.werte.items():
                    if alt.werte.get(k) is None and v is not None:
                        alt.werte[k] = v
                return alt
            self.gesehen[(tabelle, rid)] = zeile
        self.t[tabelle].append(zeile)
        return zeile

    def extra(self, tabelle: str, namen) -> None:
        if namen:
            self.unbekannt.setdefault(tabelle, set()).update(namen)

    # tabular form
    def tabular(self, ordner: Path) -> None:
        pfade = {tab.pfad.lower(): name for name, tab in TABELLEN.items()}
        pfade.update({f"{name}.csv": name for name in TABELLEN})
        for f in sorted(ordner.iterdir()):
            if f.suffix.lower() != ".csv":
                if f.is_file() and f.name not in ("datapackage.json", "services.json") and not f.name.startswith("."):
                    self.hinweise.append(f"HSDS: {f.name} übersprungen (keine CSV-Datei des Formats).")
                continue
            name = pfade.get(f.name.lower())
            if name is None:
                self.hinweise.append(f"HSDS: {f.name} übersprungen: keine Tabelle von HSDS 3.0.")
                continue
            try:
                text = f.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.fehler.append(Fehler(f"hsds:{name}", 0, "", f"{f.name} ist nicht UTF-8-kodiert."))
                continue
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if not rows:
                continue
            header = [h.strip() for h in rows[0]]
            bekannt = set(TABELLEN[name].spalten)
            self.extra(name, [h for h in header if h and h not in bekannt])
            nr = 0
            for row in rows[1:]:
                if not any(c.strip() for c in row):
                    continue
                nr += 1
                werte = {h: (row[j].strip() if j < len(row) and row[j].strip() != "" else None)
                         for j, h in enumerate(header) if h in bekannt}
                self.add(name, _Zeile(werte, f"hsds:{name}", nr))

    # JSON form
    def json(self, daten, quelle: str) -> None:
        if isinstance(daten, dict):
            for key in ("services", "contents", "items"):
                if isinstance(daten.get(key), list):
                    daten = daten[key]
                    break
            else:
                daten = [daten]
        if not isinstance(daten, list):
            self.fehler.append(Fehler(f"hsds:{quelle}", 0, "", "Erwartet wird eine Liste von Diensten (services)."))
            return
        for i, obj in enumerate(daten, start=1):
            if not isinstance(obj, dict):
                self.fehler.append(Fehler("hsds:service", i, "", "Kein Objekt."))
                continue
            self.objekt("service", obj, i, "", {})

    def objekt(self, tabelle: str, obj: dict, nr: int, praefix: str, eltern: dict) -> _Zeile:
        tab = TABELLEN[tabelle]
        bekannt = set(tab.spalten)
        werte = {}
        for k in tab.spalten:
            v = obj.get(k)
            werte[k] = None if v is None or v == "" else v
        for k, v in eltern.items():
            if k in bekannt and werte.get(k) is None:
                werte[k] = v
        self.extra(tabelle, [k for k in obj if k not in bekannt and k not in tab.kinder
                             and not (tabelle == "taxonomy_term" and k == "taxonomy_details")])
        zeile = self.add(tabelle, _Zeile(werte, "hsds:service", nr, praefix))
        rid = zeile.werte.get("id")
        for key, (kind, liste) in tab.kinder.items():
            key_obj = "taxonomy_details" if key == "taxonomy_detail" and key not in obj else key
            inhalt = obj.get(key_obj)
            if inhalt is None:
                continue
            elemente = inhalt if liste and isinstance(inhalt, list) else [inhalt]
            for j, el in enumerate(elemente):
                if not isinstance(el, dict):
                    continue
                pfad = f"{praefix}{key_obj}[{j}]." if liste else f"{praefix}{key_obj}."
                if kind == "attribute":
                    ev = {"link_id": rid, "link_entity": tabelle}
                elif kind == "metadata":
                    ev = {"resource_id": rid, "resource_type": tabelle}
                else:
                    ev = {f"{tabelle}_id": rid}
                kz = self.objekt(kind, el, nr, pfad, ev)
                rueck = f"{kind}_id" if kind != "taxonomy_term" or tabelle == "attribute" else None
                if not liste and rueck in bekannt and zeile.werte.get(rueck) is None:
                    zeile.werte[rueck] = kz.werte.get("id")  # a single nested object: the parent points at it
        return zeile


def _lesen(path: Path) -> _Leser:
    leser = _Leser()
    if not path.exists():
        raise Validierungsfehler([Fehler(str(path), 0, "", "Pfad nicht gefunden.")])
    if path.is_dir():
        hat_csv = any(f.suffix.lower() == ".csv" for f in path.iterdir())
        if hat_csv:
            leser.tabular(path)
            if (path / "services.json").exists():
                leser.hinweise.append("HSDS: services.json nicht gelesen – der Ordner enthält die Tabellenform, "
                                      "die gelesen wurde.")
        elif (path / "services.json").exists():
            _json_datei(leser, path / "services.json")
        else:
            raise Validierungsfehler([Fehler(path.name, 0, "", "Kein HSDS-Datensatz gefunden: erwartet werden "
                                                               "CSV-Dateien mit datapackage.json oder services.json.")])
    elif path.name.lower() == "datapackage.json":
        leser.tabular(path.parent)
    elif path.suffix.lower() == ".json":
        _json_datei(leser, path)
    else:
        raise Validierungsfehler([Fehler(path.name, 0, "", "Bitte einen HSDS-Ordner, eine datapackage.json oder "
                                                           "eine services.json angeben.")])
    return leser


def _json_datei(leser: _Leser, f: Path) -> None:
    try:
        daten = json.loads(f.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Validierungsfehler([Fehler(f"hsds:{f.name}", 0, "", f"Kein gültiges JSON ({e}).")]) from None
    leser.json(daten, f.name)


def _text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "ja" if v else "nein"
    if isinstance(v, float) and v.is_integer():
        return str(v)
    return str(v).strip() or None


def _zahl(v) -> float | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return float(str(v).replace(",", "."))
    except ValueError:
        return None


def import_hsds(path: Path | str, bestand: Netzdaten | None = None,
                standard_art: str = ART[0]) -> HsdsRohdaten:
    """Read an HSDS 3 dataset (tabular form or ``services.json``) as ``angebote`` rows of the import format.

    ``path`` is a folder (CSV files with ``datapackage.json``, or ``services.json``), a ``datapackage.json``
    or a ``.json`` file with an array of services. Each service becomes one Angebot: organization → traeger,
    location/address → address and coordinates, phone, schedules → oeffnungszeiten, languages → sprachen (German
    names), service_areas → versorgt (by the Sozialraum's name or id), taxonomy terms → art, themen and
    zielgruppen (our taxonomies, or a Thema of ``bestand`` with the term's code as id or its name). What does
    not map – other taxonomy terms, unknown fields, HSDS fields without a column here – is reported in
    ``hinweise``; a service without an Art gets ``standard_art`` and a notice.

    With ``bestand`` (what the store holds) the rows are validated right away, and every error names the HSDS
    table, row and field (:class:`~network.errors.Validierungsfehler`). Without it, validate later with
    :func:`hsds_fehler` around :func:`network.austausch.import_rohdaten`, as :func:`import_hsds_store` does.
    """
    path = Path(path)
    leser = _lesen(path)
    if not leser.t["service"] and not leser.fehler:
        leser.fehler.append(Fehler("hsds:service", 0, "", "Der Datensatz enthält keine Dienste (services)."))
    ref = bestand or Netzdaten()
    roh = _abbilden(leser, ref, standard_art)
    fehler = list(leser.fehler)
    if bestand is not None or fehler:
        try:
            if not fehler:
                validate(roh, bestand)
        except Validierungsfehler as e:
            fehler += hsds_fehler(roh, e).fehler
        if fehler:
            raise Validierungsfehler(fehler)
    return roh


def hsds_fehler(roh: HsdsRohdaten, fehler: Validierungsfehler) -> Validierungsfehler:
    """The errors of validating ``roh``, each moved to the HSDS table, row and field it came from."""
    neu = []
    for f in fehler.fehler:
        if f.datei == "angebote" and (f.zeile, f.spalte) in roh.herkunft:
            datei, zeile, spalte = roh.herkunft[(f.zeile, f.spalte)]
            neu.append(Fehler(datei, zeile, spalte, f.grund))
        elif f.datei == "angebote" and (f.zeile, "") in roh.herkunft:
            datei, zeile, _ = roh.herkunft[(f.zeile, "")]
            neu.append(Fehler(datei, zeile, f.spalte, f.grund))
        else:
            neu.append(f)
    return Validierungsfehler(neu)


def import_hsds_store(store, path: Path | str, dry_run: bool = False, fortschritt=None,
                      standard_art: str = ART[0], *, wer):
    """Import an HSDS 3 dataset into ``store`` (validated; nothing written on any error or with ``dry_run``).

    Needs ``daten:schreiben`` for ``wer`` (a :class:`~network.zugang.Nutzer`), who is named in the audit trail.
    Returns the :class:`~network.austausch.ImportBericht`; its ``hinweise`` list what was not taken over.
    """
    from ..zugang.rollen import pruefe
    from . import import_rohdaten

    pruefe(wer, "daten:schreiben")
    roh = import_hsds(path, store.load(), standard_art)
    try:
        return import_rohdaten(store, roh, dry_run, fortschritt, wer=wer)
    except Validierungsfehler as e:
        raise hsds_fehler(roh, e) from None


def _abbilden(leser: _Leser, bestand: Netzdaten, standard_art: str) -> HsdsRohdaten:
    t = leser.t
    hinweise = list(leser.hinweise)
    by_id = {name: {z.werte["id"]: z for z in rows if z.werte.get("id")} for name, rows in t.items()}

    def nach(tabelle: str, feld: str) -> dict[str, list[_Zeile]]:
        d: dict[str, list[_Zeile]] = {}
        for z in t[tabelle]:
            v = z.werte.get(feld)
            if v:
                d.setdefault(str(v), []).append(z)
        return d

    phones = {k: nach("phone", k) for k in ("service_id", "contact_id", "location_id", "service_at_location_id")}
    schedules = {k: nach("schedule", k) for k in ("service_id", "location_id", "service_at_location_id")}
    languages = {k: nach("language", k) for k in ("service_id", "location_id")}
    contacts = {k: nach("contact", k) for k in ("service_id", "service_at_location_id")}
    sal = nach("service_at_location", "service_id")
    addresses, access = nach("address", "location_id"), nach("accessibility", "location_id")
    areas, costs, attrs = nach("service_area", "service_id"), nach("cost_option", "service_id"), \
        nach("attribute", "link_id")

    unsere_tax = {hsds_id("taxonomy", k): k for k in TAXONOMIEN}
    unsere_tax_namen = {name: k for k, (name, _) in TAXONOMIEN.items()}
    art_cf = {a.casefold(): a for a in ART}
    themen_id = {th["id"].casefold(): th["id"] for th in bestand.themen}
    themen_name = {(th.get("name") or "").casefold(): th["id"] for th in bestand.themen if th.get("name")}
    sr_name = {(s.get("name") or "").casefold(): s["id"] for s in bestand.sozialraeume if s.get("name")}
    sr_id = {s["id"].casefold(): s["id"] for s in bestand.sozialraeume}
    gem_name: dict[str, list[str]] = {}
    for g in bestand.gemeinden:
        gem_name.setdefault((g.get("name") or "").casefold(), []).append(g["id"])

    header = [s.name for s in DATEIEN["angebote"]]
    zeilen: list[tuple[int, dict[str, str]]] = []
    herkunft: dict = {}
    nicht_zugeordnet: Counter = Counter()
    ohne_art, ohne_bereich, ohne_zugang, inaktiv, entfallen = [], Counter(), 0, [], []
    nicht_uebernommen: Counter = Counter()
    genutzt = {
        "service": {"id", "organization_id", "name", "description", "url", "email", "status", "application_process",
                    "fees_description", "fees", "assured_date", "eligibility_description"},
        "organization": {"id", "name", "description"},
        "location": {"id", "location_type", "name", "latitude", "longitude"},
        "address": {"id", "location_id", "address_1", "address_2", "city", "state_province", "postal_code",
                    "country", "address_type"},
    }

    for nr_s, s in enumerate(t["service"], start=1):
        w = s.werte
        sid = str(w.get("id") or "")
        row: dict[str, str] = {}
        her: dict[str, tuple] = {"": s.ort("")}

        def setze(spalte: str, wert, quelle: _Zeile | None = None, feld: str = "", liste: bool = False):
            if wert is None or wert == []:
                return
            if liste:
                row[spalte] = "|".join(schuetzen(x) for x in wert)
            else:
                row[spalte] = schuetzen(_text(wert) or "")
            if quelle is not None:
                her[spalte] = quelle.ort(feld)

        for k in TABELLEN["service"].spalten:
            if w.get(k) is not None and k not in genutzt["service"]:
                nicht_uebernommen[f"service.{k}"] += 1

        # taxonomy terms of the service
        art = None
        themen, zielgruppen, zusatz = [], [], {}
        for a in attrs.get(sid, []):
            if (a.werte.get("link_entity") or "service") != "service":
                continue
            term = by_id["taxonomy_term"].get(a.werte.get("taxonomy_term_id") or "")
            if term is None:
                if a.werte.get("taxonomy_term_id"):
                    leser.fehler.append(Fehler(*a.ort("taxonomy_term_id"),
                                               f"Den Begriff „{a.werte['taxonomy_term_id']}“ gibt es nicht in "
                                               "taxonomy_terms."))
                continue
            tw = term.werte
            tax_id = tw.get("taxonomy_id")
            tax = by_id["taxonomy"].get(tax_id or "")
            tax_name = tw.get("taxonomy") or (tax.werte.get("name") if tax else None)
            unsere = unsere_tax.get(tax_id or "") or unsere_tax_namen.get(tax_name or "")
            code, name = _text(tw.get("code")), _text(tw.get("name"))
            if unsere == "zusatz" and code in ZUSATZ:
                zusatz[code] = (_text(a.werte.get("value")), a)
            elif unsere == "zielgruppe" and name:
                zielgruppen.append((name, term))
            elif unsere == "thema" and code:
                themen.append((code, term))
            elif unsere == "art" or (name and name.casefold() in art_cf) or (code and code.casefold() in art_cf):
                kandidat = art_cf.get((name or "").casefold()) or art_cf.get((code or "").casefold())
                if kandidat and art is None:
                    art = (kandidat, term)
                elif not kandidat:
                    nicht_zugeordnet[f"{tax_name or 'ohne Taxonomie'}: {name or code}"] += 1
            elif code and code.casefold() in themen_id:
                themen.append((themen_id[code.casefold()], term))
            elif name and name.casefold() in themen_name:
                themen.append((themen_name[name.casefold()], term))
            elif name and name.casefold() in themen_id:
                themen.append((themen_id[name.casefold()], term))
            else:
                nicht_zugeordnet[f"{tax_name or 'ohne Taxonomie'}: {name or code}"] += 1

        kennung, kq = zusatz.get("kennung", (None, None))
        setze("id", kennung or f"hsds-{sid}", kq or s, "value" if kq else "id")
        setze("name", w.get("name"), s, "name")
        if art:
            setze("art", art[0], art[1], "name")
        else:
            setze("art", standard_art, s, "name")
            ohne_art.append(str(w.get("name") or sid))
        setze("beschreibung", w.get("description"), s, "description")
        if themen:
            setze("themen", list(dict.fromkeys(c for c, _ in themen)), themen[0][1], "code", liste=True)
        if zielgruppen:
            setze("zielgruppen", list(dict.fromkeys(n for n, _ in zielgruppen)), zielgruppen[0][1], "name",
                  liste=True)
        elif w.get("eligibility_description"):
            nicht_uebernommen["service.eligibility_description"] += 1

        # places: the service's locations
        orte = []
        for x in sal.get(sid, []):
            lo = by_id["location"].get(x.werte.get("location_id") or "")
            if lo is None and x.werte.get("location_id"):
                leser.fehler.append(Fehler(*x.ort("location_id"), f"Den Ort „{x.werte['location_id']}“ gibt es "
                                                                  "nicht in locations."))
            elif lo is not None:
                orte.append((x, lo))
        physisch = [(x, lo) for x, lo in orte if (lo.werte.get("location_type") or "physical") == "physical"]
        x_lo = (physisch or orte or [(None, None)])[0]
        lo = x_lo[1]
        sprachen: list[tuple[str, _Zeile]] = []
        for lz in languages["service_id"].get(sid, []) + (languages["location_id"].get(lo.werte["id"], [])
                                                           if lo is not None and lo.werte.get("id") else []):
            n = sprachname(_text(lz.werte.get("code")), _text(lz.werte.get("name")))
            if n and n not in [p for p, _ in sprachen]:
                sprachen.append((n, lz))
        if sprachen:
            setze("sprachen", [p for p, _ in sprachen], sprachen[0][1], "name" if sprachen[0][1].werte.get("name")
                  else "code", liste=True)

        kosten = w.get("fees_description") or w.get("fees")
        co = costs.get(sid, [])
        if kosten:
            setze("kosten", kosten, s, "fees_description" if w.get("fees_description") else "fees")
        elif co and any(c.werte.get("amount_description") for c in co):
            c = next(c for c in co if c.werte.get("amount_description"))
            setze("kosten", c.werte["amount_description"], c, "amount_description")
        if co:
            betraege = [_zahl(c.werte.get("amount")) for c in co]
            optionen = [(_text(c.werte.get("option")) or "").casefold() for c in co]
            if any(b == 0 for b in betraege) or "kostenlos" in optionen:
                setze("kostenlos", True, co[0], "amount")
            elif any(b for b in betraege) or "kostenpflichtig" in optionen:
                setze("kostenlos", False, co[0], "amount")

        if lo is not None:
            lw = lo.werte
            for k in TABELLEN["location"].spalten:
                if lw.get(k) is not None and k not in genutzt["location"]:
                    nicht_uebernommen[f"location.{k}"] += 1
            zug = access.get(lw.get("id") or "", [])
            texte = {(_text(a.werte.get("description")) or "").casefold() for a in zug}
            if texte and texte <= {"barrierefrei"}:
                setze("barrierefrei", True, zug[0], "description")
            elif texte and texte <= {"nicht barrierefrei"}:
                setze("barrierefrei", False, zug[0], "description")
            elif zug:
                ohne_zugang += 1
            adr = addresses.get(lw.get("id") or "", [])
            adr = sorted(adr, key=lambda a: (a.werte.get("address_type") or "physical") != "physical")
            if adr:
                aw = adr[0].werte
                strasse = ", ".join(x for x in (_text(aw.get("address_1")), _text(aw.get("address_2"))) if x)
                setze("strasse", strasse or None, adr[0], "address_1")
                setze("plz", _text(aw.get("postal_code")), adr[0], "postal_code")
                setze("ort", _text(aw.get("city")), adr[0], "city")
            if lw.get("latitude") is not None or lw.get("longitude") is not None:
                setze("lat", lw.get("latitude"), lo, "latitude")
                setze("lon", lw.get("longitude"), lo, "longitude")
        for code in ("strasse", "plz", "ort"):
            if code not in row and code in zusatz:
                setze(code, zusatz[code][0], zusatz[code][1], "value")
        gemeinde, gq = zusatz.get("gemeinde", (None, None))
        if gemeinde:
            setze("gemeinde_id", gemeinde, gq, "value")
        elif "ort" in row:
            treffer = gem_name.get(row["ort"].casefold(), [])
            if len(treffer) == 1:
                setze("gemeinde_id", treffer[0])

        # phone and e-mail: the service's, else its contacts', else its place's
        kontakte = contacts["service_id"].get(sid, []) + (contacts["service_at_location_id"].get(
            x_lo[0].werte.get("id") or "", []) if x_lo[0] is not None else [])
        tel = phones["service_id"].get(sid, [])
        if not tel and x_lo[0] is not None:
            tel = phones["service_at_location_id"].get(x_lo[0].werte.get("id") or "", [])
        if not tel:
            tel = [p for k in kontakte for p in phones["contact_id"].get(k.werte.get("id") or "", [])]
        if not tel and lo is not None:
            tel = phones["location_id"].get(lo.werte.get("id") or "", [])
        if tel:
            setze("telefon", tel[0].werte.get("number"), tel[0], "number")
        if w.get("email"):
            setze("email", w["email"], s, "email")
        else:
            mit_mail = [k for k in kontakte if k.werte.get("email")]
            if mit_mail:
                setze("email", mit_mail[0].werte["email"], mit_mail[0], "email")
        setze("website", w.get("url"), s, "url")

        # opening hours
        zp = schedules["service_id"].get(sid, [])
        if not zp and x_lo[0] is not None:
            zp = schedules["service_at_location_id"].get(x_lo[0].werte.get("id") or "", [])
        if not zp and lo is not None:
            zp = schedules["location_id"].get(lo.werte.get("id") or "", [])
        texte_zp: list[str] = []
        for z in zp:
            txt = _text(z.werte.get("description")) or zeitplan_text(z.werte)
            if txt and (not texte_zp or texte_zp[-1] != txt):
                texte_zp.append(txt)
        if texte_zp:
            setze("oeffnungszeiten", ", ".join(texte_zp), zp[0], "description")

        setze("hinweis", w.get("application_process"), s, "application_process")
        org = by_id["organization"].get(w.get("organization_id") or "")
        if org is None and w.get("organization_id"):
            leser.fehler.append(Fehler(*s.ort("organization_id"), f"Die Organisation „{w['organization_id']}“ gibt "
                                                                  "es nicht in organizations."))
        elif org is not None and org.werte.get("id") != hsds_id("organization", _OHNE_TRAEGER):
            setze("traeger", org.werte.get("name"), org, "name")

        versorgt: list[str] = []
        bereiche = areas.get(sid, [])
        for b in bereiche:
            n = (_text(b.werte.get("name")) or "").casefold()
            if n in (_KREISWEIT_NAME, KREISWEIT):
                sr = KREISWEIT
            else:
                sr = sr_name.get(n) or sr_id.get(n)
            if sr is None:
                ohne_bereich[_text(b.werte.get("name")) or "(ohne Namen)"] += 1
            elif sr not in versorgt:
                versorgt.append(sr)
        if versorgt:
            setze("versorgt", versorgt, bereiche[0], "name", liste=True)

        for code in ("gueltig_ab", "gueltig_bis", "geprueft_von"):
            wert, q = zusatz.get(code, (None, None))
            setze(code, wert, q, "value")
        auf, q = zusatz.get("aufsuchend", (None, None))
        setze("aufsuchend", auf, q, "value")
        if w.get("assured_date"):
            ad = str(w["assured_date"])
            setze("geprueft_am", ad[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", ad) else ad, s, "assured_date")

        status = (w.get("status") or "active")
        if status == "defunct" and "gueltig_bis" not in row:
            entfallen.append(str(w.get("name") or sid))
            continue
        if status in ("inactive", "temporarily closed") and "gueltig_ab" not in row:
            inaktiv.append(str(w.get("name") or sid))
        zeilen.append((nr_s, row))
        for spalte, quelle in her.items():
            herkunft[(nr_s, spalte)] = quelle

    for tab in ("organization", "address"):
        for z in t[tab]:
            for k in TABELLEN[tab].spalten:
                if z.werte.get(k) is not None and k not in genutzt[tab]:
                    nicht_uebernommen[f"{tab}.{k}"] += 1
    nicht_genutzt = [name for name in TABELLEN if t[name] and name not in {
        "service", "organization", "location", "address", "service_at_location", "phone", "contact", "schedule",
        "language", "service_area", "cost_option", "accessibility", "attribute", "taxonomy_term", "taxonomy"}]

    if (not bestand.sozialraeume or not bestand.themen) and t["service"]:
        hinweise.append("HSDS: Im Datenspeicher fehlen Sozialräume oder Themen – Versorgungsgebiete und Begriffe "
                        "können nur ihnen zugeordnet werden. Bitte zuerst das Importformat (sozialraeume, gemeinden, "
                        "themen) einspielen.")
    if nicht_zugeordnet:
        liste = "; ".join(sorted(nicht_zugeordnet))
        hinweise.append(f"HSDS: {len(nicht_zugeordnet)} Begriffe ohne Entsprechung in Art, Themen oder Zielgruppen "
                        f"(nicht übernommen): {liste}.")
    if ohne_art:
        hinweise.append(f"HSDS: {len(ohne_art)} Dienste ohne Art – als „{standard_art}“ übernommen, bitte "
                        f"prüfen: {', '.join(ohne_art)}.")
    if ohne_bereich:
        hinweise.append("HSDS: Versorgungsgebiete ohne passenden Sozialraum (nicht übernommen): "
                        f"{', '.join(sorted(ohne_bereich))}.")
    if ohne_zugang:
        hinweise.append(f"HSDS: An {ohne_zugang} Ort(en) ist die Barrierefreiheit als Freitext beschrieben; "
                        "„barrierefrei“ bleibt leer, bitte prüfen.")
    if inaktiv:
        hinweise.append(f"HSDS: {len(inaktiv)} Dienste sind nicht aktiv (status inactive/temporarily closed), "
                        f"wurden aber übernommen: {', '.join(inaktiv)}.")
    if entfallen:
        hinweise.append(f"HSDS: {len(entfallen)} eingestellte Dienste (status defunct) nicht übernommen: "
                        f"{', '.join(entfallen)}.")
    for tab in sorted(leser.unbekannt):
        hinweise.append(f"HSDS: Unbekannte Felder in {tab} ignoriert: {', '.join(sorted(leser.unbekannt[tab]))}.")
    if nicht_uebernommen:
        felder = ", ".join(sorted(nicht_uebernommen))
        hinweise.append(f"HSDS: Felder ohne Entsprechung im Kita-Netzwerk nicht übernommen: {felder}.")
    if nicht_genutzt:
        hinweise.append(f"HSDS: Tabellen ohne Entsprechung nicht übernommen: {', '.join(nicht_genutzt)}.")

    return HsdsRohdaten({"angebote": RohTabelle(header, zeilen)}, hinweise, herkunft,
                        sorted(nicht_zugeordnet))
