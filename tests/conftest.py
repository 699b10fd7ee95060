"""Shared fixtures: a small hand-built network and stores on every backend."""

from __future__ import annotations

import copy
import os

import pytest

from network.model import Netzdaten
from network.settings import Settings
from network.store import open_store

# conftest files are plugins, not modules to search for doctests (--doctest-modules would import two "conftest"s)
collect_ignore_glob = ["conftest.py", "*/conftest.py"]


def mini_daten() -> Netzdaten:
    """Two Sozialräume, three Gemeinden, two Kitas, three Angebote, three Kooperationen, three Indikatorwerte."""
    return Netzdaten(
        sozialraeume=[
            {"id": "sr-a", "name": "Nord", "beschreibung": "Sozialraum Nord"},
            {"id": "sr-b", "name": "Süd", "beschreibung": None},
        ],
        themen=[
            {"id": "fruehe-hilfen", "name": "Frühe Hilfen", "beschreibung": None},
            {"id": "sucht", "name": "Sucht", "beschreibung": "Suchtberatung"},
        ],
        gemeinden=[
            {"id": "07140001", "name": "Altdorf", "verbandsgemeinde": "VG Nord", "sozialraum_id": "sr-a",
             "lat": 50.0, "lon": 7.5, "einwohner": 1200},
            {"id": "07140002", "name": "Bergen", "verbandsgemeinde": "VG Nord", "sozialraum_id": "sr-a",
             "lat": 50.05, "lon": 7.55, "einwohner": 800},
            {"id": "07140003", "name": "Calw am See", "verbandsgemeinde": "VG Süd", "sozialraum_id": "sr-b",
             "lat": 49.9, "lon": 7.4, "einwohner": None},
        ],
        fachkraefte=[
            {"id": "fk-01", "name": "Erika Beispiel", "telefon": "06761 9999-101",
             "email": "erika.beispiel@example.org", "dienstsitz": "Kreisverwaltung Simmern",
             "stellenanteil": 0.75},
        ],
        kitas=[
            {"id": "kita-1", "name": "Kita Sonne & Mond <Familienzentrum>", "strasse": "Schulweg 1", "plz": "55469",
             "ort": "Altdorf", "gemeinde_id": "07140001", "lat": 50.001, "lon": 7.501, "plaetze": 60,
             "traeger": "Ev. Träger (fiktiv)", "telefon": "+49 6761 1", "email": "sonne@example.org",
             "fachkraft_id": "fk-01", "fachkraft_seit": "2021-08-01", "geprueft_am": "2026-01-15",
             "geprueft_von": "Kreisjugendamt"},
            {"id": "kita-2", "name": "=Kita Formel", "strasse": None, "plz": None, "ort": None,
             "gemeinde_id": "07140003", "lat": None, "lon": None, "plaetze": None, "traeger": None,
             "telefon": None, "email": None, "fachkraft_id": None, "fachkraft_seit": None,
             "geprueft_am": None, "geprueft_von": None},
        ],
        angebote=[
            {"id": "ang-1", "name": "Familienberatung Nord", "art": "Beratung", "beschreibung": "Beratung für Eltern",
             "themen": ["fruehe-hilfen", "sucht"], "zielgruppen": ["Eltern"], "sprachen": ["Deutsch", "Arabisch"],
             "kosten": "kostenlos", "kostenlos": True, "barrierefrei": True, "aufsuchend": False,
             "strasse": "Markt 2", "plz": "55469", "ort": "Altdorf", "gemeinde_id": "07140001", "lat": 50.0,
             "lon": 7.5, "telefon": "06761 9999-300", "email": "beratung@example.org",
             "website": "https://beratung.example.org", "oeffnungszeiten": "Mo-Fr 9-12 Uhr",
             "hinweis": "Termin nach Vereinbarung", "traeger": "Ev. Träger (fiktiv)", "versorgt": ["sr-a"],
             "gueltig_ab": "2020-01-01", "gueltig_bis": None, "geprueft_am": "2026-02-01",
             "geprueft_von": "Träger"},
            {"id": "ang-2", "name": "Kreisweite Frühe Hilfen", "art": "Unterstützung", "beschreibung": None,
             "themen": ["fruehe-hilfen"], "zielgruppen": [], "sprachen": [], "kosten": None, "kostenlos": None,
             "barrierefrei": None, "aufsuchend": True, "strasse": None, "plz": None, "ort": None,
             "gemeinde_id": None, "lat": None, "lon": None, "telefon": None, "email": None, "website": None,
             "oeffnungszeiten": None, "hinweis": None, "traeger": None, "versorgt": ["alle"],
             "gueltig_ab": None, "gueltig_bis": None, "geprueft_am": None, "geprueft_von": None},
            {"id": "ang-3", "name": "Eltern-Kind-Turnen", "art": "Freizeit", "beschreibung": "-Turnen für alle",
             "themen": [], "zielgruppen": ["Familien mit Kindern 0–3"], "sprachen": ["Deutsch"], "kosten": "5 €",
             "kostenlos": False, "barrierefrei": False, "aufsuchend": False, "strasse": None, "plz": None,
             "ort": None, "gemeinde_id": "07140003", "lat": 49.9, "lon": 7.4, "telefon": None, "email": None,
             "website": None, "oeffnungszeiten": None, "hinweis": None, "traeger": "TuS Calw (fiktiv)",
             "versorgt": ["sr-a", "sr-b"], "gueltig_ab": "2022-01-01", "gueltig_bis": "2025-12-31",
             "geprueft_am": None, "geprueft_von": None},
        ],
        kooperationen=[
            {"id": "koop-1", "von_id": "kita-1", "zu_id": "ang-1", "art": "Vertrag", "seit": "2021-04-01",
             "bis": None, "intensitaet": 3, "notiz": "@Elternabend"},
            {"id": "koop-2", "von_id": "kita-2", "zu_id": "ang-3", "art": "anlassbezogen", "seit": "2022-02-01",
             "bis": "2023-01-31", "intensitaet": 1, "notiz": None},
            {"id": "koop-3", "von_id": "ang-1", "zu_id": "ang-2", "art": "regelmäßig", "seit": "2023-05-01",
             "bis": None, "intensitaet": 2, "notiz": None},
        ],
        indikatoren=[
            {"id": "ind-1", "sozialraum_id": "sr-a", "kita_id": None, "indikator": "kinder_sgb2", "wert": 120.0,
             "stichtag": "2025-12-31", "quelle": "Demodaten (fiktiv)", "fiktiv": True},
            {"id": "ind-2", "sozialraum_id": "sr-b", "kita_id": None, "indikator": "kinder_sgb2", "wert": 80.0,
             "stichtag": "2025-12-31", "quelle": None, "fiktiv": None},
            {"id": "ind-3", "sozialraum_id": "sr-a", "kita_id": "kita-1", "indikator": "anteil_migration",
             "wert": 0.25, "stichtag": "2025-12-31", "quelle": "=Formel?", "fiktiv": False},
        ],
    )


@pytest.fixture
def mini() -> Netzdaten:
    return copy.deepcopy(mini_daten())


def _backends():
    yield pytest.param("embedded", id="embedded")
    yield pytest.param("neo4j", id="neo4j", marks=[
        pytest.mark.neo4j,
        pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI ist nicht gesetzt")])


@pytest.fixture(params=list(_backends()))
def store(request, tmp_path):
    """An empty store of each backend (a Neo4j test database is emptied first)."""
    if request.param == "neo4j":
        s = open_store(Settings.from_env().mit(store="neo4j"))
        # test-only: empty the test database completely (the product never deletes the audit trail)
        with s._driver.session(database=s.database) as session:
            session.run("MATCH (n) DETACH DELETE n").consume()
    else:
        s = open_store(Settings(store="embedded", data_dir=tmp_path / "data"))
    yield s
    s.close()


@pytest.fixture
def embedded(tmp_path):
    s = open_store(Settings(store="embedded", data_dir=tmp_path / "data"))
    yield s
    s.close()
