"""The app and the CLI on one store, as a district runs them, on both backends, without a restart:

- a Koordination user has Pflege open; beside it ``kita-netz nutzer add``, ``seed --if-empty``,
  ``vermittlung aufraeumen`` and ``pruefen`` work;
- the Wegweiser is open; a ``kita-netz import`` of one new Angebot beside it; the Angebot shows after one rerun.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from browser_hilfen import KONTEN, anmelden, bild, fertig, marke, zur_seite

from network.austausch import export_dir
from network.model import Netzdaten
from network.store import open_store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
KITA_NETZ = str(Path(sys.executable).parent / "kita-netz")
NAME = "Elterncafé Prozessprobe"


def _env(settings) -> dict:
    env = {**os.environ, "KITANETZ_STORE": settings.store, "KITANETZ_DATA_DIR": str(settings.data_dir)}
    if settings.store == "neo4j":
        env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
                   NEO4J_PASSWORD=settings.neo4j_password, NEO4J_DATABASE=settings.neo4j_database)
    return env


def test_app_und_kommandozeile_auf_einem_speicher(backend_settings, eigene_app, tmp_path):
    env = _env(backend_settings)
    def cli(*args, eingabe=None):
        r = subprocess.run([KITA_NETZ, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
                           input=eingabe)
        assert r.returncode == 0, (args, r.stderr)
        assert "Traceback" not in r.stderr and "belegt" not in r.stderr
        return r

    cli("seed", "--if-empty")
    name, passwort, _ = KONTEN["koordination"]
    cli("nutzer", "add", name, "--rolle", "koordination", "--passwort-stdin", eingabe=passwort + "\n")
    page = eigene_app(env)
    page.goto(page.app_url + "/")
    fertig(page)
    anmelden(page, "koordination")
    zur_seite(page, "Pflege")
    assert page.locator("h1").all_inner_texts() == ["Pflege"]
    # the monthly and quarterly chores, while a coordinator works on Pflege
    cli("nutzer", "add", "zweite.koordination", "--rolle", "koordination", "--passwort-stdin",
        eingabe="ein-langes-passwort-1\n")
    assert "schon Daten" in cli("seed", "--if-empty").stdout
    cli("vermittlung", "aufraeumen")
    cli("pruefen", "--format", "json")
    zur_seite(page, "Nutzer")
    # the new account is in the table at once (the grid draws on a canvas; its cells are in the page for readers)
    page.locator("[role=gridcell]", has_text="zweite.koordination").first.wait_for(state="attached", timeout=15_000)
    zur_seite(page, "Wegweiser")
    suche = page.get_by_label("Suche in Namen und Beschreibungen")
    suche.fill("Prozessprobe")
    m = marke(page)
    suche.press("Enter")
    fertig(page, seit=m)
    assert page.get_by_role("heading", name=NAME).count() == 0

    # beside the running app (which has served a page, so it has used the store): the CLI imports one Angebot
    with open_store(backend_settings, read_only=True) as s:
        vorlage = next(a for a in s.load().angebote if a["lat"] is not None and a["gueltig_bis"] is None)
    neu = {**vorlage, "id": "ang-prozessprobe", "name": NAME}
    export_dir(Netzdaten(angebote=[neu]), tmp_path / "neu")
    cli("import", str(tmp_path / "neu" / "angebote.csv"))

    suche.fill("Prozessprob")  # one rerun (a changed search), no restart
    m = marke(page)
    suche.press("Enter")
    fertig(page, seit=m)
    bild(page, f"mehrere-prozesse-{backend_settings.store}")
    page.get_by_role("heading", name=NAME).first.wait_for(timeout=15_000)
    assert page.get_by_role("heading", name=NAME).first.is_visible()
    bild(page, f"mehrere-prozesse-{backend_settings.store}")
