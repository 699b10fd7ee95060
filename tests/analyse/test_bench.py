"""The benchmark's own data generator and its update of docs/benchmarks.md (no timing here)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from network.analyse import analyse

PFAD = Path(__file__).resolve().parents[2] / "benchmarks" / "analytics_bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("analytics_bench", PFAD)
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_generator_seedgroesse_deterministisch(bench):
    a = bench.erzeuge(*bench.GROESSEN["seed"])
    b = bench.erzeuge(*bench.GROESSEN["seed"])
    assert a == b
    assert (len(a.sozialraeume), len(a.kitas), len(a.angebote)) == (5, 100, 250)
    assert 550 <= len(a.kooperationen) <= 600  # self-links are skipped
    assert sum(1 for k in a.kitas if k["lat"] is None) >= 1
    report = analyse(a, bench.STICHTAG)
    assert [s["id"] for s in report["sozialraeume"]] == [f"sr-{i:04d}" for i in range(5)]


def test_mehrere_kreise_ohne_kreisweit_fuer_alle(bench):
    d = bench.erzeuge(12, 60, 200, 300)
    alle = [a["id"] for a in d.angebote if a["versorgt"] == ["alle"]]
    assert alle == [f"ang-{i:06d}" for i in range(5)]  # the national hotlines only


def test_doc_nur_eigener_abschnitt(bench, tmp_path):
    pfad = tmp_path / "benchmarks.md"
    pfad.write_text("# Benchmarks\n\n<!-- import:start -->\n## Import\nalt\n<!-- import:end -->\n", encoding="utf-8")
    bench.doc_schreiben("## Analytics\n\neins\n", pfad)
    bench.doc_schreiben("## Analytics\n\nzwei\n", pfad)
    text = pfad.read_text(encoding="utf-8")
    assert text == ("# Benchmarks\n\n<!-- import:start -->\n## Import\nalt\n<!-- import:end -->\n\n"
                    "<!-- analytics:start -->\n## Analytics\n\nzwei\n<!-- analytics:end -->\n")
