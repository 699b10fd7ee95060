"""Ten CLI writers and the app writing at the same time, on every backend: every write arrives, in the store and
in the Protokoll; nothing is lost, nobody is told the store is busy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ui_hilfen import KOORDINATION, klartext, seite

from network.zugang import KOMMANDOZEILE, konten

ROOT = Path(__file__).resolve().parents[2]
KITA_NETZ = str(Path(sys.executable).parent / "kita-netz")


@pytest.fixture
def app_auf(backend_settings, monkeypatch):
    """Point the app (this process) and the CLI (subprocesses) at an empty store of each backend."""
    from network.ui.bausteine import daten as D

    s = backend_settings
    env = {"KITANETZ_STORE": s.store, "KITANETZ_DATA_DIR": str(s.data_dir)}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    yield {**os.environ, **env}
    D._oeffne.clear()


def test_zehn_cli_schreiber_und_die_app_gleichzeitig(app_auf):
    from network.ui.bausteine import daten as D

    store = D.store()
    at = seite("nutzer", als=KOORDINATION).run()
    assert not at.exception
    cli = [subprocess.Popen([KITA_NETZ, "nutzer", "add", f"cli.{i}", "--rolle", "koordination", "--passwort-stdin"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=app_auf, cwd=ROOT) for i in range(10)]
    for p in cli:
        p.stdin.write("ein-langes-passwort-1\n")
        p.stdin.close()
    for j in range(5):  # the app writes while the ten commands run
        at.text_input(key="nz_name").input(f"app.{j}")
        at.selectbox(key="nz_rolle").set_value("koordination")
        at.text_input(key="nz_pw1").input("noch-ein-passwort-2")
        at.text_input(key="nz_pw2").input("noch-ein-passwort-2")
        [b for b in at.button if b.label == "Konto anlegen"][0].click().run()
        assert not at.exception and not at.error, [klartext(e.value) for e in at.error]
    for p in cli:
        assert p.wait(180) == 0, p.stderr.read()
    erwartet = {f"cli.{i}" for i in range(10)} | {f"app.{j}" for j in range(5)}
    assert {k.name for k in konten.liste(store, KOMMANDOZEILE)} == erwartet
    angelegt = [e for e in store.query("lade_protokoll") if e["art"] == "nutzer" and e["aktion"] == "angelegt"]
    assert sorted(e["objekt_id"] for e in angelegt) == sorted(erwartet)
    assert {e["wer"] for e in angelegt if e["objekt_id"].startswith("app.")} == {KOORDINATION.name}
    # and the app's next run shows all fifteen, without a restart
    tabelle = at.run().dataframe[0].value
    assert set(tabelle["Benutzername"]) == erwartet


_APP_PROZESS = r'''
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from ui_hilfen import KOORDINATION, seite

wer, anzahl, _, sperre = sys.argv[1], int(sys.argv[2]), sys.argv[3], Path(sys.argv[4])
at = seite("nutzer", als=KOORDINATION).run()
for j in range(anzahl):
    at.text_input(key="nz_name").input(f"{wer}.{j}")
    at.selectbox(key="nz_rolle").set_value("koordination")
    at.text_input(key="nz_pw1").input("ein-passwort-fuer-alle-1")
    at.text_input(key="nz_pw2").input("ein-passwort-fuer-alle-1")
    [b for b in at.button if b.label == "Konto anlegen"][0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
(sperre / wer).touch()
while len(list(sperre.iterdir())) < 2:  # both app processes have written: now read
    time.sleep(0.1)
print(",".join(sorted(at.run().dataframe[0].value["Benutzername"])))
'''


def test_zwei_app_prozesse_lesen_und_schreiben(app_auf, tmp_path):
    """Two app processes (each with its own Streamlit runtime, here AppTest in a process of its own) on one
    store: both write, and each then shows what the other wrote."""
    fertig = tmp_path / "fertig"
    fertig.mkdir()
    hilfen = str(Path(__file__).resolve().parent)
    prozesse = {wer: subprocess.Popen([sys.executable, "-c", _APP_PROZESS, wer, "4", hilfen, str(fertig)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=app_auf,
                                      cwd=ROOT) for wer in ("erste", "zweite")}
    erwartet = ",".join(sorted(f"{w}.{j}" for w in prozesse for j in range(4)))
    for wer, p in prozesse.items():
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err[-2000:]
        assert out.strip().splitlines()[-1] == erwartet, wer
