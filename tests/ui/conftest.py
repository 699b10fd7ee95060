"""AppTest fixtures: one seeded data folder per test session, shared by every app run in this process.

The embedded store may be opened only once per process. The app holds it in ``st.cache_resource`` (keyed on the
data folder), and AppTest runs the scripts in this process, so all tests share the one store the app opened;
tests read and check it through the same cache (:func:`network.ui.bausteine.daten.store`). At the end of the session the
cache is cleared, which closes the store.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from network.cli import SEED_DIR

# The helpers live in modules with their own names (``from conftest import …`` is ambiguous when tests/ui and
# tests/e2e run in one pytest call: both conftests are the module "conftest"). Both conftests re-export all
# helpers, so older ``from conftest import …`` keeps working whichever conftest pytest loaded last.
for _d in ("ui", "e2e"):
    _p = str(Path(__file__).resolve().parents[1] / _d)
    if _p not in sys.path:
        sys.path.insert(0, _p)
from browser_hilfen import ARTEFAKTE, CHROMIUM, DOKU, KONTEN, anmelden, bild, fertig, hauptbereich_scrollen, zur_seite  # noqa: E402,F401
from ui_hilfen import APP, TIMEOUT, klartext, seite, texte  # noqa: E402,F401

# With --doctest-modules pytest would also import this file as a test module named "conftest" – and clash with the
# other conftest when tests/ui and tests/e2e run in one call. It has no doctests: do not collect it.
collect_ignore = ["conftest.py"]


@pytest.fixture(scope="session")
def datenordner(tmp_path_factory) -> Path:
    """A data folder with the seed (demo data) imported, set as KITANETZ_DATA_DIR for the session."""
    if not (SEED_DIR / "kitas.csv").is_file():
        pytest.skip("Die Demodaten (seed/*.csv) fehlen.")
    from network.austausch import import_path
    from network.settings import Settings
    from network.store import open_store
    from network.zugang import KOMMANDOZEILE

    ordner = tmp_path_factory.mktemp("kitanetz") / "data"
    with open_store(Settings(store="embedded", data_dir=ordner)) as store:
        import_path(store, SEED_DIR, wer=KOMMANDOZEILE)
    alt = {k: os.environ.get(k) for k in ("KITANETZ_DATA_DIR", "KITANETZ_STORE")}
    os.environ["KITANETZ_DATA_DIR"] = str(ordner)
    os.environ["KITANETZ_STORE"] = "embedded"
    yield ordner
    from network.ui.bausteine import daten as D

    D._oeffne.clear()  # closes the store
    for k, v in alt.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture
def app(datenordner):
    """The whole app (navigation, sidebar, default page Wegweiser)."""
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(APP, default_timeout=TIMEOUT)


@pytest.fixture
def store(datenordner):
    """The store the app opened (the same object, through the app's cache)."""
    from network.ui.bausteine import daten as D

    return D.store()
