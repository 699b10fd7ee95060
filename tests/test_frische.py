"""Freshness: which entries are due for review, and stamping them (audited, role-checked)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from network.austausch import export_dir
from network.errors import KitaNetzFehler, ZugriffsFehler
from network.frische import faellige, stempeln, veraltet
from network.zugang import OEFFENTLICH, Nutzer

KO = Nutzer("ko", "koordination")
HEUTE = date(2026, 11, 25)


@pytest.mark.parametrize("geprueft, monate, erwartet", [
    ("2026-11-24", 12, False),
    ("2025-11-26", 12, False),
    ("2025-11-25", 12, True),   # exactly twelve months ago: due
    ("2026-05-25", 6, True),
    (None, 12, True),
])
def test_veraltet(geprueft, monate, erwartet):
    assert veraltet(geprueft, HEUTE, monate) is erwartet


def test_end_of_month():
    assert veraltet("2025-02-28", date(2026, 2, 28), 12) and not veraltet("2025-03-01", date(2026, 2, 28), 12)


def test_faellige_per_sozialraum(mini):
    # kita-1 2026-01-15 (fresh), kita-2 never, ang-1 2026-02-01 (fresh), ang-2/ang-3 never
    out = faellige(mini, HEUTE, 12)
    assert [(f.art, f.id, f.sozialraum_id) for f in out] == [
        ("Angebot", "ang-3", "sr-b"), ("Kita", "kita-2", "sr-b"), ("Angebot", "ang-2", None)]
    assert [f.id for f in faellige(mini, HEUTE, 6)][:2] == ["kita-1", "ang-1"]  # sr-a, older than 6 months


def test_stempeln_writes_and_audits(embedded, mini):
    embedded.write(mini, wer="import")
    n = len(embedded.query("lade_protokoll"))
    assert stempeln(embedded, [("Kita", "kita-2"), ("Angebot", "ang-2")], KO, "Kreisjugendamt", HEUTE) == 2
    d = embedded.load()
    kita = next(k for k in d.kitas if k["id"] == "kita-2")
    assert (kita["geprueft_am"], kita["geprueft_von"]) == ("2026-11-25", "Kreisjugendamt")
    log = embedded.query("lade_protokoll")
    assert len(log) == n + 2 and {e["wer"] for e in log[:2]} == {"ko"}
    assert [f.id for f in faellige(d, HEUTE, 12)] == ["ang-3"]


def test_stempeln_checks_role_and_input(embedded, mini):
    embedded.write(mini)
    with pytest.raises(ZugriffsFehler):
        stempeln(embedded, [("Kita", "kita-2")], OEFFENTLICH, "Kreisjugendamt", HEUTE)
    with pytest.raises(KitaNetzFehler, match="welche Stelle"):
        stempeln(embedded, [("Kita", "kita-2")], KO, " ", HEUTE)
    with pytest.raises(KitaNetzFehler, match="gibt es nicht"):
        stempeln(embedded, [("Kita", "kita-9")], KO, "Kreisjugendamt", HEUTE)


def test_cli_pruefen(tmp_path, mini):
    export_dir(mini, tmp_path / "imp")
    exe = str(Path(sys.executable).parent / "kita-netz")
    assert subprocess.run([exe, "--data-dir", str(tmp_path / "d"), "import", str(tmp_path / "imp")],
                          capture_output=True).returncode == 0
    r = subprocess.run([exe, "--data-dir", str(tmp_path / "d"), "pruefen", "--aelter-als", "600", "--format",
                        "json"], capture_output=True, text=True)
    assert r.returncode == 0 and sorted(f["id"] for f in json.loads(r.stdout)) == ["ang-2", "ang-3", "kita-2"]
