"""Every write path of the app, through its page (AppTest), on Neo4j as well.

The tests are the ones the embedded store runs (imported from their modules, unchanged); this module gives
them a seeded Neo4j instead of the seeded data folder: ``datenordner`` and ``store`` are overridden here, so
the same assertions hold on both backends. Pflege (form), Vermittlung (count), Nutzer (account, password,
deactivation) and Sozialraumkonzept (save, load, delete a scenario).
"""

from __future__ import annotations

import os

import pytest
from test_rollen_app import (  # noqa: F401  (collected here again, on Neo4j)
    test_nutzerseite_legt_an_setzt_passwort_deaktiviert,
    test_pflege_formular_ein_eintrag_und_keiner_bei_fehler,
)
from test_sozialraumkonzept import at, test_szenario_speichern_laden_loeschen  # noqa: F401
from test_vermittlung import test_vermittlung_zaehlen_und_geschuetzt_anzeigen  # noqa: F401

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def datenordner(neo4j_server, neo4j_leeren):
    """The seed in the Neo4j test database, and the app pointed at it (KITANETZ_STORE=neo4j)."""
    from network.austausch import import_path
    from network.cli import SEED_DIR
    from network.store import open_store
    from network.ui.bausteine import daten as D
    from network.zugang import KOMMANDOZEILE

    neo4j_leeren(neo4j_server)
    with open_store(neo4j_server) as s:
        import_path(s, SEED_DIR, wer=KOMMANDOZEILE)
    alt = os.environ.get("KITANETZ_STORE")
    os.environ["KITANETZ_STORE"] = "neo4j"
    yield neo4j_server
    D._oeffne.clear()  # closes the app's Neo4j driver
    if alt is None:
        os.environ.pop("KITANETZ_STORE", None)
    else:
        os.environ["KITANETZ_STORE"] = alt


@pytest.fixture
def store(datenordner):
    """The store the app opened: Neo4j."""
    from network.ui.bausteine import daten as D

    s = D.store()
    assert s.dialect == "neo4j"
    return s
