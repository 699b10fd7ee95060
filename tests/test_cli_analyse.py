"""kita-netz analyse: the JSON contract, CSV, the growth series and German errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).parent / "kita-netz")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("analyse")
    r = subprocess.run([EXE, "--data-dir", str(d / "data"), "seed"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return d / "data"


def run(data_dir, *args):
    return subprocess.run([EXE, "--data-dir", str(data_dir), "analyse", *args], capture_output=True, text=True)


def test_json_contract(data_dir):
    r = run(data_dir, "--format", "json", "--stichtag", "2026-06-30", "--sozialraum", "sr-kirchberg")
    assert r.returncode == 0, r.stderr
    b = json.loads(r.stdout)
    assert b["stichtag"] == "2026-06-30" and [s["id"] for s in b["sozialraeume"]] == ["sr-kirchberg"]
    sr = b["sozialraeume"][0]
    assert {"id", "name", "kitas", "angebote", "kooperationen", "dichte", "komponenten", "hubs", "luecken",
            "empfehlungen"} <= set(sr)
    assert set(sr["luecken"]) >= {"themen_ohne_angebot", "kitas_ohne_kooperation", "kitas_ohne_beratung",
                                  "entfernung", "einzige_verbindung", "komponenten_ohne_beratung"}
    assert {"sucht", "trennung"} <= set(sr["luecken"]["themen_ohne_angebot"])  # gaps built into the seed
    assert all(set(h) >= {"id", "name", "typ", "degree", "betweenness"} for h in sr["hubs"])
    km = [e["km"] for e in sr["luecken"]["entfernung"]]
    assert km == sorted(km, reverse=True)
    assert all(set(e) == {"kita_id", "angebot_id", "grund"} for e in sr["empfehlungen"])


def test_table_csv_and_growth(data_dir):
    r = run(data_dir)
    assert r.returncode == 0 and "Kirchberg (Hunsrück)" in r.stdout and "Zentrale Akteure" in r.stdout
    rows = list(csv.DictReader(io.StringIO(run(data_dir, "--format", "csv").stdout)))
    assert rows and {r_["sozialraum_id"] for r_ in rows} >= {"sr-boppard", "sr-kastellaun"}
    g = list(csv.DictReader(io.StringIO(run(data_dir, "--growth", "--format", "csv").stdout)))
    quartale = sorted({x["quartal"] for x in g})
    assert quartale[0] < "2021-04-01" <= quartale[-1]
    assert json.loads(run(data_dir, "--growth", "--format", "json").stdout)[0].keys() >= {"akteure",
                                                                                          "kooperationen"}


@pytest.mark.parametrize("args, msg", [
    (["--sozialraum", "sr-x"], "Den Sozialraum „sr-x“ gibt es in den Daten nicht."),
    (["--stichtag", "2024-13-01"], "kein Datum"),
])
def test_errors_are_one_german_line(data_dir, args, msg):
    r = run(data_dir, *args)
    assert r.returncode == 1 and msg in r.stderr and len(r.stderr.strip().splitlines()) == 1
