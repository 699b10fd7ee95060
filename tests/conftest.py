"""Shared fixtures: a small hand-built network and stores on every backend."""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path

import pytest

from network.model import Netzdaten
from network.settings import Settings
from network.store import Store, open_store

_TOOLS = Path(__file__).resolve().parents[1] / "tools" / "neo4j"
if str(_TOOLS) not in sys.path:
    sys.path.insert(0, str(_TOOLS))
import lokal as neo4j_lokal  # noqa: E402  (tools/neo4j/lokal.py: the local Neo4j of `make neo4j`)

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
    yield pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j)


#: Every backend, as a pytest parameter list (``neo4j`` marked ``neo4j``).
BACKENDS = list(_backends())


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """The Neo4j every ``neo4j`` test uses: ``NEO4J_URI`` from the environment if set, else the local server of
    ``tools/neo4j`` (built by ``make neo4j``), started once for the whole session. Its settings are exported to
    the environment, so subprocesses (the CLI, ``streamlit run``) reach it too."""
    if os.environ.get("NEO4J_URI"):
        yield Settings.from_env().mit(store="neo4j")
        return
    if not neo4j_lokal.gebaut():
        grund = "der Neo4j-Starter ist nicht gebaut (`make neo4j`)"
        pytest.skip(grund) if not neo4j_lokal.java_vorhanden() else pytest.fail(
            f"Java ist da, aber {grund}: ein übersprungener Neo4j-Test wäre ein Fehler.")
    server = neo4j_lokal.LokalerNeo4j(tmp_path_factory.mktemp("neo4j"))
    alt = {k: os.environ.get(k) for k in server.env()}
    os.environ.update({k: v for k, v in server.env().items() if k != "KITANETZ_STORE"})
    try:
        yield Settings.from_env().mit(store="neo4j")
    finally:
        server.stop()
        for k, v in alt.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def leere_neo4j(settings: Settings) -> None:
    """Test-only: empty the test database completely (the product never deletes the audit trail)."""
    import neo4j

    with neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)) as d:
        with d.session(database=settings.neo4j_database) as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture(scope="session")
def neo4j_leeren():
    """:func:`leere_neo4j` for test modules (a conftest cannot be imported by name from tests/ui)."""
    return leere_neo4j


def oeffne_backend(backend: str, request, tmp_path) -> Store:
    """An empty store of ``backend`` (a Neo4j test database is emptied first)."""
    if backend == "neo4j":
        settings = request.getfixturevalue("neo4j_server")
        leere_neo4j(settings)
        return open_store(settings)
    return open_store(Settings(store="embedded", data_dir=tmp_path / "data"))


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """The name of each backend in turn (``embedded``, ``neo4j``)."""
    return request.param


@pytest.fixture
def store(backend, request, tmp_path):
    """An empty store of each backend (a Neo4j test database is emptied first)."""
    s = oeffne_backend(backend, request, tmp_path)
    yield s
    s.close()


@pytest.fixture
def noch_ein_store(backend, request, tmp_path):
    """A factory for another empty store of the same backend. On Neo4j it is the same (single) database,
    emptied again: the first store's data are gone, as the test intends."""
    offen: list[Store] = []

    def mache(name: str = "zweiter") -> Store:
        s = oeffne_backend(backend, request, tmp_path / name)
        offen.append(s)
        return s

    yield mache
    for s in offen:
        s.close()


@pytest.fixture
def backend_settings(backend, request, tmp_path) -> Settings:
    """Settings naming an empty store of each backend, for code that opens the store itself (CLI, app)."""
    if backend == "neo4j":
        settings = request.getfixturevalue("neo4j_server")
        leere_neo4j(settings)
        return settings
    return Settings(store="embedded", data_dir=tmp_path / "data")


# -- a skipped Neo4j test is a failure where Java exists ----------------------------------------------------------
_NEO4J = {"ausgefuehrt": 0, "uebersprungen": 0}


def pytest_runtest_logreport(report):
    if "neo4j" not in report.keywords:
        return
    if report.skipped and report.when in ("setup", "call"):
        _NEO4J["uebersprungen"] += 1
    elif report.when == "call":
        _NEO4J["ausgefuehrt"] += 1


def pytest_terminal_summary(terminalreporter):
    if _NEO4J["ausgefuehrt"] or _NEO4J["uebersprungen"]:
        terminalreporter.write_line(f"Neo4j-Tests: {_NEO4J['ausgefuehrt']} ausgeführt, "
                                    f"{_NEO4J['uebersprungen']} übersprungen.")


def pytest_sessionfinish(session, exitstatus):
    if _NEO4J["uebersprungen"] and neo4j_lokal.java_vorhanden() and session.exitstatus == 0:
        session.exitstatus = 1  # Java is here: Neo4j must run, a quietly skipped variant fails the run


@pytest.fixture
def embedded(tmp_path):
    s = open_store(Settings(store="embedded", data_dir=tmp_path / "data"))
    yield s
    s.close()
