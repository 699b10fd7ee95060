"""The kita-netz command as a user runs it: one German line per error, never a traceback, non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from network.austausch import export_dir
from network.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args, data_dir, env=None) -> subprocess.CompletedProcess:
    """Run the installed console script, as a user would."""
    exe = Path(sys.executable).parent / "kita-netz"
    return subprocess.run([str(exe), "--data-dir", str(data_dir), *args], capture_output=True, text=True,
                          env={**os.environ, "KITANETZ_STORE": "embedded", **(env or {})})


@pytest.fixture
def ordner(tmp_path, mini):
    export_dir(mini, tmp_path / "import")
    return tmp_path / "import"


def test_import_stats_export(tmp_path, ordner, capsys, mini):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(ordner)]) == 0
    out, err = capsys.readouterr()
    assert f"{mini.anzahl()} Zeilen importiert" in out and "Import:" in err  # progress shown on stderr
    # the same files again: answered from the fingerprint, and the summary says so
    assert main(["--data-dir", str(data), "import", str(ordner)]) == 0
    out, err = capsys.readouterr()
    assert f"{mini.anzahl()} Zeilen unverändert" in out and "Nichts wurde gespeichert." in out
    assert "importiert" not in out and "Die Dateien sind unverändert seit dem Import" in err
    assert main(["--data-dir", str(data), "stats", "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["nodes"]["Kita"] == 2 and stats["relationships"]["KOOPERIERT_MIT"] == 3
    assert main(["--data-dir", str(data), "stats"]) == 0
    assert "KOOPERIERT_MIT" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "export", str(tmp_path / "out")]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in ordner.iterdir())


def test_dry_run_writes_nothing(tmp_path, ordner, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(ordner), "--dry-run"]) == 0
    assert "Nichts wurde gespeichert" in capsys.readouterr().out
    main(["--data-dir", str(data), "stats", "--format", "json"])
    assert sum(json.loads(capsys.readouterr().out)["nodes"].values()) == 0


def test_invalid_import_lists_errors_exit_1(tmp_path, ordner):
    p = ordner / "kooperationen.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("2021-04-01", "1.4.2021"), encoding="utf-8")
    r = run("import", str(ordner), data_dir=tmp_path / "data")
    assert r.returncode == 1
    assert "Fehler: kooperationen, Zeile 2, Spalte „seit“: „1.4.2021“ ist kein gültiges Datum" in r.stderr
    assert "Traceback" not in r.stderr
    stats = run("stats", "--format", "json", data_dir=tmp_path / "data")
    assert sum(json.loads(stats.stdout)["nodes"].values()) == 0


def test_import_while_another_process_has_the_store_open(tmp_path, ordner):
    """The app (here: a process with the store object) does not block the CLI any more."""
    data = tmp_path / "data"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import time; from network.store.embedded import EmbeddedStore; "
        f"s = EmbeddedStore({str(data)!r}); s.load(); print('offen', flush=True); time.sleep(30)")],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "offen"
        r = run("import", str(ordner), data_dir=data)
    finally:
        holder.kill()
        holder.wait()
    assert r.returncode == 0, r.stderr
    assert json.loads(run("stats", "--format", "json", data_dir=data).stdout)["nodes"]["Kita"] == 2


def test_store_busy_too_long_is_one_german_line(tmp_path, ordner):
    data = tmp_path / "data"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import time; from network.store.embedded import EmbeddedStore; "
        f"s = EmbeddedStore({str(data)!r}); "
        "s.execute_write(lambda tx: (print('schreibt', flush=True), time.sleep(30)))")],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert holder.stdout.readline().strip() == "schreibt"
        r = run("import", str(ordner), data_dir=data, env={"KITANETZ_SPERRE_SEKUNDEN": "1"})
    finally:
        holder.kill()
        holder.wait()
    assert r.returncode == 1
    assert r.stderr.startswith("Fehler: Der Datenspeicher") and "anderen Vorgang belegt" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_seed_if_empty_then_reset(tmp_path):
    data = tmp_path / "data"
    first = run("seed", "--if-empty", data_dir=data)
    assert first.returncode == 0, first.stderr
    assert "fiktiv" in first.stdout
    again = run("seed", "--if-empty", data_dir=data)
    assert again.returncode == 0 and "schon Daten" in again.stdout
    before = json.loads(run("stats", "--format", "json", data_dir=data).stdout)
    assert run("seed", "--reset", data_dir=data).returncode == 0
    after = json.loads(run("stats", "--format", "json", data_dir=data).stdout)
    # the same data again; the audit trail keeps the first seed, the reset and the second seed
    assert after["nodes"].pop("Protokoll") == 2 * before["nodes"].pop("Protokoll") + 1
    assert after == before and before["nodes"]["Kita"] >= 90


def test_bad_setting_is_one_line(tmp_path):
    r = subprocess.run([str(Path(sys.executable).parent / "kita-netz"), "stats"], capture_output=True, text=True,
                       env={**os.environ, "KITANETZ_STORE": "mongodb"})
    assert r.returncode == 1 and r.stderr.strip() == (
        "Fehler: KITANETZ_STORE muss „embedded“ oder „neo4j“ sein, nicht „mongodb“.")


def test_missing_path_is_one_line(tmp_path):
    r = run("import", str(tmp_path / "gibt-es-nicht"), data_dir=tmp_path / "data")
    assert r.returncode == 1 and "Pfad nicht gefunden" in r.stderr and "Traceback" not in r.stderr
