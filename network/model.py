"""The vocabulary of Kita-Netzwerk: labels, relationship types, controlled values and the import format.

This module is the one whitelist. Node labels and relationship types that appear in Cypher come only from
here (and from the literal query files in ``queries/``); every column of the import format, with its type,
whether it is required and its allowed values, is declared once in :data:`DATEIEN`. Validation, export,
the store's schema test and the column documentation in ``seed/README.md`` are all derived from it.

Examples
--------
>>> "Kita" in LABELS
True
>>> ART
('Beratung', 'Unterstützung', 'Freizeit')
>>> [s.name for s in DATEIEN["kooperationen"]][:3]
['id', 'von_id', 'zu_id']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "LABELS",
    "RELATIONSHIPS",
    "ART",
    "KOOPERATIONSART",
    "STANDARD_THEMEN",
    "Spalte",
    "DATEIEN",
    "DATEI_REIHENFOLGE",
    "Netzdaten",
    "KREISWEIT",
    "ERGEBNISSE",
    "traeger_id",
]

#: Node labels, the only ones any query may use.
LABELS = ("Sozialraum", "Gemeinde", "Kita", "Fachkraft", "Angebot", "Traeger", "Thema", "Indikatorwert",
          "Szenario", "Vermittlung", "Bedarfsluecke", "Nutzer", "Protokoll", "Stand",
          "Fehlversuch", "Importabdruck")

#: Relationship types as (type, from-labels, to-labels).
RELATIONSHIPS = {
    "GEHOERT_ZU": (("Gemeinde",), ("Sozialraum",)),
    "LIEGT_IN": (("Kita", "Angebot"), ("Gemeinde",)),
    "BETREUT": (("Fachkraft",), ("Kita",)),
    "VERSORGT": (("Angebot",), ("Sozialraum",)),
    "TRAEGT": (("Traeger",), ("Kita", "Angebot")),
    "HAT_THEMA": (("Angebot",), ("Thema",)),
    "KOOPERIERT_MIT": (("Kita", "Angebot"), ("Angebot",)),
    "BETRIFFT": (("Indikatorwert",), ("Sozialraum", "Kita")),
}

#: The three kinds of Angebot.
ART = ("Beratung", "Unterstützung", "Freizeit")

#: How a Kooperation is bound.
KOOPERATIONSART = ("Vertrag", "regelmäßig", "anlassbezogen")

#: Written in ``angebote.versorgt`` for a service that serves the whole district.
KREISWEIT = "alle"

#: Outcome of an anonymous Vermittlung record (closed list; see ``network/vermittlung/erfassung.py``).
ERGEBNISSE = ("vermittelt", "Warteliste", "nicht zuständig", "unbekannt")

#: The default Thema vocabulary (id, name). The import's ``themen`` file is the vocabulary in force.
STANDARD_THEMEN = (
    ("erziehungsberatung", "Erziehungs- und Familienberatung"),
    ("familienbildung", "Familienbildung"),
    ("fruehe-hilfen", "Frühe Hilfen"),
    ("gesundheit", "Gesundheit"),
    ("sprachfoerderung", "Sprachförderung"),
    ("fruehfoerderung", "Frühförderung/Inklusion"),
    ("migration", "Migration/Integration"),
    ("existenzsicherung", "Schulden/Existenzsicherung"),
    ("gewaltschutz", "Gewaltschutz"),
    ("trennung", "Trennung/Scheidung"),
    ("sucht", "Sucht"),
    ("bewegung", "Bewegung/Sport"),
    ("kultur", "Musik/Kultur"),
    ("lesen", "Lesen/Bücherei"),
    ("natur", "Natur"),
    ("begegnung", "Eltern-Kind-Gruppen/Begegnung"),
    ("materielle-hilfen", "Materielle Hilfen"),
    ("psychische-gesundheit", "Psychische Gesundheit"),
    ("alleinerziehende", "Alleinerziehende"),
)


@dataclass(frozen=True)
class Spalte:
    """One column of the import format.

    ``typ`` is one of ``text``, ``int``, ``float``, ``bool``, ``datum`` (ISO date), ``liste`` (``|``-separated)
    or ``ref:<datei>`` (the id of a row in another file, or in the store).
    """

    name: str
    typ: str = "text"
    pflicht: bool = False
    erlaubt: tuple[str, ...] = ()
    beispiel: str = ""
    beschreibung: str = ""
    min: float | None = None
    max: float | None = None


_S = Spalte

#: Every file of the import format and its columns, in the order they are written.
DATEIEN: dict[str, tuple[Spalte, ...]] = {
    "sozialraeume": (
        _S("id", pflicht=True, beispiel="sr-kastellaun", beschreibung="Eindeutige Kennung"),
        _S("name", pflicht=True, beispiel="Kastellaun", beschreibung="Name des Sozialraums"),
        _S("beschreibung", beispiel="VG Kastellaun", beschreibung="Kurze Beschreibung"),
    ),
    "themen": (
        _S("id", pflicht=True, beispiel="fruehe-hilfen", beschreibung="Eindeutige Kennung des Themas"),
        _S("name", pflicht=True, beispiel="Frühe Hilfen", beschreibung="Anzeigename"),
        _S("beschreibung", beispiel="Unterstützung rund um Schwangerschaft und die ersten Lebensjahre"),
    ),
    "gemeinden": (
        _S("id", pflicht=True, beispiel="07140144", beschreibung="Amtlicher Gemeindeschlüssel (AGS)"),
        _S("name", pflicht=True, beispiel="Simmern/Hunsrück"),
        _S("verbandsgemeinde", beispiel="Simmern-Rheinböllen"),
        _S("sozialraum_id", "ref:sozialraeume", pflicht=True, beispiel="sr-simmern-rheinboellen",
           beschreibung="Sozialraum, zu dem die Gemeinde gehört"),
        _S("lat", "float", beispiel="49.98", beschreibung="Breitengrad (WGS84)", min=47.2, max=55.1),
        _S("lon", "float", beispiel="7.52", beschreibung="Längengrad (WGS84)", min=5.8, max=15.1),
        _S("einwohner", "int", beispiel="8123", min=0),
    ),
    "fachkraefte": (
        _S("id", pflicht=True, beispiel="fk-01"),
        _S("name", pflicht=True, beispiel="Anna Beispiel", beschreibung="Name (dienstlich)"),
        _S("telefon", beispiel="06761 9999-101", beschreibung="Dienstliche Telefonnummer"),
        _S("email", beispiel="a.beispiel@example.org", beschreibung="Dienstliche E-Mail"),
        _S("dienstsitz", beispiel="Kreisverwaltung, Ludwigstraße 3-5, 55469 Simmern",
           beschreibung="Büro, über das die Fachkraft erreichbar ist"),
        _S("stellenanteil", "float", pflicht=True, beispiel="0.75",
           beschreibung="Stellenanteil in Vollzeitäquivalenten", min=0.05, max=1.0),
    ),
    "kitas": (
        _S("id", pflicht=True, beispiel="kita-001"),
        _S("name", pflicht=True, beispiel="Kita Regenbogen"),
        _S("strasse", beispiel="Schulstraße 4"),
        _S("plz", beispiel="55469"),
        _S("ort", beispiel="Simmern/Hunsrück"),
        _S("gemeinde_id", "ref:gemeinden", pflicht=True, beispiel="07140144"),
        _S("lat", "float", beispiel="49.981", min=47.2, max=55.1),
        _S("lon", "float", beispiel="7.523", min=5.8, max=15.1),
        _S("plaetze", "int", beispiel="75", beschreibung="Genehmigte Plätze", min=0, max=1000),
        _S("traeger", beispiel="Ev. Kita-gGmbH Hunsrück", beschreibung="Name des Trägers"),
        _S("telefon", beispiel="06761 9999-200"),
        _S("email", beispiel="kita.regenbogen@example.org"),
        _S("fachkraft_id", "ref:fachkraefte", beispiel="fk-01",
           beschreibung="Zuständige Fachkraft der Kita-Sozialarbeit"),
        _S("fachkraft_seit", "datum", beispiel="2021-08-01", beschreibung="Seit wann die Fachkraft zuständig ist"),
        _S("geprueft_am", "datum", beispiel="2026-03-01", beschreibung="Wann die Angaben zuletzt geprüft wurden"),
        _S("geprueft_von", beispiel="Kreisjugendamt", beschreibung="Stelle (keine Person), die geprüft hat"),
    ),
    "angebote": (
        _S("id", pflicht=True, beispiel="ang-001"),
        _S("name", pflicht=True, beispiel="Familien- und Erziehungsberatung Simmern"),
        _S("art", pflicht=True, erlaubt=ART, beispiel="Beratung"),
        _S("beschreibung", beispiel="Beratung für Eltern bei Erziehungsfragen"),
        _S("themen", "liste", beispiel="erziehungsberatung|trennung",
           beschreibung="Kennungen aus themen.csv, getrennt durch |"),
        _S("zielgruppen", "liste", beispiel="Eltern|Alleinerziehende"),
        _S("sprachen", "liste", beispiel="Deutsch|Arabisch"),
        _S("kosten", beispiel="kostenlos", beschreibung="Kosten in Worten"),
        _S("kostenlos", "bool", beispiel="ja"),
        _S("barrierefrei", "bool", beispiel="ja"),
        _S("aufsuchend", "bool", beispiel="nein", beschreibung="Kommt zu den Familien (Hausbesuche)"),
        _S("strasse", beispiel="Ludwigstraße 3"),
        _S("plz", beispiel="55469"),
        _S("ort", beispiel="Simmern/Hunsrück"),
        _S("gemeinde_id", "ref:gemeinden", beispiel="07140144"),
        _S("lat", "float", beispiel="49.98", min=47.2, max=55.1),
        _S("lon", "float", beispiel="7.52", min=5.8, max=15.1),
        _S("telefon", beispiel="06761 9999-300"),
        _S("email", beispiel="beratung@example.org"),
        _S("website", beispiel="https://beratung.example.org"),
        _S("oeffnungszeiten", beispiel="Mo-Do 9-16 Uhr"),
        _S("hinweis", beispiel="Bitte Vorsorgeheft mitbringen", beschreibung="Anfahrt / was mitbringen"),
        _S("traeger", beispiel="Caritasverband Rhein-Hunsrück (fiktiv)"),
        _S("versorgt", "liste", beispiel="sr-kastellaun|sr-kirchberg",
           beschreibung="Sozialräume des Einzugsgebiets (Kennungen) oder 'alle' für kreisweit"),
        _S("gueltig_ab", "datum", beispiel="2021-01-01"),
        _S("gueltig_bis", "datum", beispiel=""),
        _S("geprueft_am", "datum", beispiel="2026-03-01"),
        _S("geprueft_von", beispiel="Kreisjugendamt"),
    ),
    "kooperationen": (
        _S("id", pflicht=True, beispiel="koop-0001"),
        _S("von_id", pflicht=True, beispiel="kita-001", beschreibung="Kita oder Angebot"),
        _S("zu_id", "ref:angebote", pflicht=True, beispiel="ang-001", beschreibung="Angebot"),
        _S("art", pflicht=True, erlaubt=KOOPERATIONSART, beispiel="regelmäßig"),
        _S("seit", "datum", pflicht=True, beispiel="2022-03-01"),
        _S("bis", "datum", beispiel=""),
        _S("intensitaet", "int", pflicht=True, beispiel="2", beschreibung="1 = gering … 3 = hoch", min=1, max=3),
        _S("notiz", beispiel="Gemeinsamer Elternabend zweimal im Jahr", beschreibung="Interne Notiz"),
    ),
    # Sozialraumkonzept (network.verteilung): one value of one indicator for a Sozialraum or one of its Kitas.
    "indikatoren": (
        _S("id", pflicht=True, beispiel="ind-kastellaun-kinder-sgb2"),
        _S("sozialraum_id", "ref:sozialraeume", pflicht=True, beispiel="sr-kastellaun",
           beschreibung="Sozialraum, für den der Wert gilt (bei einem Kita-Wert: der Sozialraum der Kita)"),
        _S("kita_id", "ref:kitas", beispiel="",
           beschreibung="Leer = Wert des Sozialraums; sonst die Kita, für die der Wert gilt"),
        _S("indikator", pflicht=True, beispiel="kinder_sgb2",
           beschreibung="Kennung des Indikators (Liste in docs/sozialraumkonzept.md)"),
        _S("wert", "float", pflicht=True, beispiel="312.0", min=0,
           beschreibung="Wert: eine Anzahl (Sozialraum) bzw. ein Anteil 0–1 (Kita)"),
        _S("stichtag", "datum", pflicht=True, beispiel="2025-12-31", beschreibung="Stand des Werts"),
        _S("quelle", beispiel="Kreisjugendamt, Jugendhilfeplanung", beschreibung="Woher der Wert stammt"),
        _S("fiktiv", "bool", beispiel="nein", beschreibung="`ja`, wenn der Wert erfunden ist (Demodaten)"),
    ),
}

#: The order in which files are validated and written (referenced files first).
DATEI_REIHENFOLGE = ("sozialraeume", "themen", "gemeinden", "fachkraefte", "kitas", "angebote", "kooperationen",
                     "indikatoren")


@dataclass
class Netzdaten:
    """All data of the network as plain rows, one list of dicts per import file.

    This is what the store returns from :meth:`load` and what the analytics, the UI and the export read.
    Values are parsed: numbers are ``int``/``float``, booleans ``bool``, lists ``list[str]``, dates ISO strings
    (``"2023-04-01"``), empty cells ``None``. ``angebote[i]["versorgt"]`` lists Sozialraum ids, or is
    ``["alle"]`` for a district-wide Angebot.
    """

    sozialraeume: list[dict] = field(default_factory=list)
    themen: list[dict] = field(default_factory=list)
    gemeinden: list[dict] = field(default_factory=list)
    fachkraefte: list[dict] = field(default_factory=list)
    kitas: list[dict] = field(default_factory=list)
    angebote: list[dict] = field(default_factory=list)
    kooperationen: list[dict] = field(default_factory=list)
    indikatoren: list[dict] = field(default_factory=list)

    def tabelle(self, datei: str) -> list[dict]:
        """The rows of one file by its name (one of :data:`DATEI_REIHENFOLGE`)."""
        if datei not in DATEIEN:
            raise KeyError(datei)
        return getattr(self, datei)

    def anzahl(self) -> int:
        """Total number of rows over all files."""
        return sum(len(self.tabelle(d)) for d in DATEI_REIHENFOLGE)

    def namen(self, datei: str) -> dict[str, str]:
        """Id -> the name shown for it (the id where a row has no name), in the file's order.

        >>> Netzdaten(themen=[{"id": "t2", "name": "Sprache"}, {"id": "t1", "name": None}]).namen("themen")
        {'t2': 'Sprache', 't1': 't1'}
        """
        return {r["id"]: r.get("name") or r["id"] for r in self.tabelle(datei)}


@lru_cache(maxsize=8192)  # a large import names the same few Traeger on 100,000s of rows
def traeger_id(name: str) -> str:
    """The stable id of a Traeger node, derived from its name.

    >>> traeger_id("Ev. Kita-Träger Hunsrück (fiktiv)")
    'tr-ev-kita-traeger-hunsrueck-fiktiv'
    """
    s = name.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "tr-" + re.sub(r"[^a-z0-9]+", "-", s).strip("-")
