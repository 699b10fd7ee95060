"""Issue 17, point 12: a large import shows real progress from the start (reading, checking, every write step)
and can be stopped with Ctrl-C at any time without changing the store."""

from __future__ import annotations

import csv
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from network.cli import SEED_DIR, main

KITA_NETZ = str(Path(sys.executable).parent / "kita-netz")


def _gross(ziel: Path, angebote: int, zusatz: str = "") -> Path:
    """The demo data with ``angebote`` Angebote (the seed's rows repeated under new ids; ``zusatz`` appended to
    every name, so the same ids come again as changed rows)."""
    ziel.mkdir(parents=True)
    for f in SEED_DIR.glob("*.csv"):
        if f.name != "angebote.csv":
            shutil.copy(f, ziel / f.name)
    with open(SEED_DIR / "angebote.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with open(ziel / "angebote.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        for i in range(angebote):
            r = dict(rows[i % len(rows)])
            if i >= len(rows):
                r["id"] = f"ang-x{i:06d}"
            r["name"] += zusatz
            w.writerow(r)
    return ziel


def _stats(data: Path, capsys) -> str:
    assert main(["--data-dir", str(data), "stats", "--format", "json"]) == 0
    return capsys.readouterr().out


def test_import_reports_every_phase(tmp_path, capsys):
    data = tmp_path / "daten"
    assert main(["--data-dir", str(data), "import", str(SEED_DIR)]) == 0
    zeilen = capsys.readouterr().err.splitlines()
    assert zeilen[0] == f"Import: Dateien werden gelesen ({SEED_DIR}) …"
    assert zeilen[1].startswith("Import: 1.371 Zeilen in 8 Dateien gelesen; sie werden geprüft und dann geschrieben")
    schritte = [tuple(map(int, re.search(r"\(Schritt (\d+) von (\d+)\)$", z).groups())) for z in zeilen
                if "Schritt" in z]
    gesamt = schritte[0][1]  # the batches of the write plan: one or more per table that changes
    assert gesamt >= 8 and all(n == gesamt for _, n in schritte), schritte
    nummern = [i for i, _ in schritte]  # the bar is redrawn at most every few percent: not every step is shown
    assert nummern[0] == 1 and nummern[-1] == gesamt and nummern == sorted(set(nummern)), nummern
    assert [z for z in zeilen if "Schritt" in z][-1].endswith(f"100 % (Schritt {gesamt} von {gesamt})")


@pytest.mark.timeout(240)
def test_ctrl_c_during_the_write_changes_nothing(tmp_path, capsys):
    data = tmp_path / "daten"
    assert main(["--data-dir", str(data), "seed"]) == 0
    # 20,000 new rows go to the engine's bulk load, in a fraction of a second – too fast to interrupt for sure.
    # The same rows changed go through the upserts, batch by batch: that write is the one interrupted here.
    assert main(["--data-dir", str(data), "import", str(_gross(tmp_path / "gross", 20_000))]) == 0
    capsys.readouterr()
    vorher = _stats(data, capsys)
    quelle = _gross(tmp_path / "geaendert", 20_000, zusatz=" (geändert)")
    # as at a terminal: Ctrl-C is not ignored (a job started in the background with `&` inherits SIGINT ignored,
    # and then no program sees it – the harness of a CI run must not decide this test)
    proc = subprocess.Popen([KITA_NETZ, "--data-dir", str(data), "import", str(quelle)], stderr=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "KITANETZ_STORE": "embedded"},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    gesehen = []
    for zeile in proc.stderr:
        gesehen.append(zeile.rstrip())
        if "(Schritt " in zeile:  # writing has begun inside the one transaction
            proc.send_signal(signal.SIGINT)
            break
    _, rest = proc.communicate(timeout=200)
    gesehen += rest.splitlines()
    assert proc.returncode == 130, gesehen
    assert gesehen[-1] == "Abgebrochen; eine begonnene Speicherung wurde vollständig zurückgenommen."
    assert not any("100 %" in z for z in gesehen)
    assert _stats(data, capsys) == vorher
