"""Exports of a distribution (PDF, Excel, CSV, text table) and the command ``kita-netz verteilung``."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader

from network.austausch import read_path, validate
from network.cli import SEED_DIR, main
from network.verteilung import (
    STANDARD,
    bedarf_und_angebot,
    excel_bytes,
    pdf_bytes,
    soll_ist,
    vergleiche,
    verteile,
    verteile_auf_kitas,
)
from network.verteilung.bericht import als_csv, als_tabelle, euro, vzae


@pytest.fixture(scope="module")
def seed():
    return validate(read_path(SEED_DIR))


@pytest.fixture(scope="module")
def verteilung(seed):
    return verteile(seed, STANDARD.gewichte, budget="1670000", stunden=7)


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_pdf_zeigt_die_zahlen_formel_gewichte_und_demohinweis(seed, verteilung):
    si, _ = soll_ist(seed, verteilung)
    bedarf = bedarf_und_angebot(seed, verteilung, "2026-11-01")
    b = verteile(seed, {**STANDARD.gewichte, "kinder_sgb2": 3}, budget="1670000", stunden=7, szenario="SGB II ×3")
    pdf = pdf_bytes(verteilung, soll_ist=si, bedarf=bedarf, vergleich=("Standard", "SGB II ×3",
                                                                      vergleiche(verteilung, b)))
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) in range(1, 5)
    text = _text(pdf)
    for z in verteilung.zeilen:
        assert z.name in text
        assert euro(z.budget) in text, z.name  # the same strings as on screen
        assert f"{vzae(z.stunden)} VZÄ" in text
    assert euro(verteilung.budget) in text
    assert "DEMODATEN" in text
    assert "Hare–Niemeyer" in text and "Σ w_i" in text
    assert "Ambulante Hilfen zur Erziehung" in text and "Kriterium 6 (nicht öffentlich)" in text
    assert "Soll und Ist" in text and "Bedarf und Angebot" in text and "Vergleich" in text
    assert "Datenquellen" in text and "Demodaten (fiktiv)" in text and "24.03.2021" in text


def test_pdf_ohne_demodaten_hat_keinen_hinweis(seed):
    echt = type(seed)(sozialraeume=seed.sozialraeume, indikatoren=[r for r in seed.indikatoren
                                                                    if r["indikator"] == "einwohner"])
    v = verteile(echt, {"einwohner": 1}, budget=1000, stunden=1)
    assert not v.fiktiv
    assert "DEMODATEN" not in _text(pdf_bytes(v))


def test_excel_hat_zahlen_als_zahlen_und_text_als_text(seed, verteilung):
    si, _ = soll_ist(seed, verteilung)
    kitas = verteile_auf_kitas(seed, verteilung, "anteil_migration")
    wb = openpyxl.load_workbook(io.BytesIO(excel_bytes(verteilung, soll_ist=si, kitas=kitas)))
    assert wb.sheetnames == ["Verteilung", "Gewichte", "Indikatoren", "Soll-Ist", "Kitas", "Methode"]
    ws = wb["Verteilung"]
    zeilen = [r for r in ws.iter_rows(values_only=True) if r and r[0] and str(r[0]).startswith("sr-")]
    assert [r[1] for r in zeilen] == [z.name for z in verteilung.zeilen]
    assert [Decimal(str(r[4])) for r in zeilen] == [z.budget for z in verteilung.zeilen]
    assert round(sum(r[4] for r in zeilen), 2) == 1_670_000
    assert sum(r[5] for r in zeilen) == 7
    k = list(wb["Kitas"].iter_rows(values_only=True))[1:]
    assert len(k) == len(seed.kitas) and round(sum(r[6] for r in k), 2) == 1_670_000
    assert all(c.data_type != "f" for blatt in wb.worksheets for row in blatt.iter_rows() for c in row)


def test_excel_schuetzt_formeltext(mini):
    mini.sozialraeume[0]["name"] = "=HYPERLINK(\"x\")"
    v = verteile(mini, {"kinder_sgb2": 1}, budget=100, stunden=1)
    wb = openpyxl.load_workbook(io.BytesIO(excel_bytes(v)))
    werte = [c for row in wb["Verteilung"].iter_rows() for c in row if c.value == "=HYPERLINK(\"x\")"]
    assert werte and all(c.data_type == "s" for c in werte)
    assert "'=HYPERLINK" in als_csv(v)


def test_csv_und_tabelle(verteilung):
    rows = list(csv.DictReader(io.StringIO(als_csv(verteilung))))
    assert [r["id"] for r in rows] == [z.id for z in verteilung.zeilen]
    assert sum(Decimal(r["budget"]) for r in rows) == Decimal("1670000.00")
    tabelle = als_tabelle(verteilung)
    assert "Summe" in tabelle and "1.670.000,00 €" in tabelle and "DEMODATEN" in tabelle


@pytest.fixture(scope="module")
def datenordner(tmp_path_factory):
    ordner = tmp_path_factory.mktemp("cli") / "data"
    assert main(["--data-dir", str(ordner), "seed"]) == 0
    return ordner


def test_cli_json(datenordner, capsys, verteilung):
    capsys.readouterr()
    assert main(["--data-dir", str(datenordner), "verteilung", "--budget", "1670000", "--stunden", "7",
                 "--schritt", "0.25", "--format", "json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert j["szenario"] == "Standard" and j["budget"] == 1670000.0 and j["stunden"] == 7.0
    assert j["schritt"] == 0.25 and j["gewichte"]["kinder_sgb2"] == 1.0
    assert [s["budget"] for s in j["sozialraeume"]] == [float(z.budget) for z in verteilung.zeilen]
    assert round(sum(Decimal(str(s["budget"])) for s in j["sozialraeume"]), 2) == Decimal("1670000.00")
    assert sum(s["stunden"] for s in j["sozialraeume"]) == 7.0
    assert all(set(s) == {"id", "name", "index", "anteil", "budget", "stunden"} for s in j["sozialraeume"])


def test_cli_szenario_csv_tabelle_und_bericht(datenordner, capsys, tmp_path):
    from network.settings import Settings
    from network.store import open_store
    from network.verteilung import Szenario, speichere
    from network.zugang import KOMMANDOZEILE

    with open_store(Settings(data_dir=datenordner)) as store:
        speichere(store, Szenario("Nur SGB II", {"kinder_sgb2": 1}), wer=KOMMANDOZEILE)
    capsys.readouterr()
    pdf = tmp_path / "bericht.pdf"
    assert main(["--data-dir", str(datenordner), "verteilung", "--budget", "1000,00", "--stunden", "2",
                 "--szenario", "nur sgb ii", "--format", "csv", "--bericht", str(pdf)]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sum(Decimal(r["budget"]) for r in rows) == 1000
    assert "Nur SGB II" in _text(pdf.read_bytes())
    assert main(["--data-dir", str(datenordner), "verteilung", "--budget", "1000", "--stunden", "2",
                 "--minimum-budget", "100", "--minimum-stunden", "0.25"]) == 0
    assert "Mindestens je Sozialraum: 100,00 €" in capsys.readouterr().out
    # German notation: thousands with points, decimals with a comma
    assert main(["--data-dir", str(datenordner), "verteilung", "--budget", "1.670.000", "--stunden", "7,0",
                 "--format", "json"]) == 0
    j = json.loads(capsys.readouterr().out)
    assert (j["budget"], j["stunden"]) == (1670000.0, 7.0)
    assert round(sum(Decimal(str(s["budget"])) for s in j["sozialraeume"]), 2) == Decimal("1670000.00")


@pytest.mark.parametrize("args, meldung", [
    (["--stunden", "7.1"], "kein Vielfaches des Schritts 0,25"),
    (["--budget", "10.001"], "„10.001“ ist nicht eindeutig: bitte „10001“ (ohne Punkt) oder „10,001“"),
    (["--budget", "1.670"], "„1.670“ ist nicht eindeutig"),  # never silently 1,67 €
    (["--budget", "10,001"], "zwei Nachkommastellen"),
    (["--szenario", "Gibt es nicht"], "Ein Szenario „Gibt es nicht“ gibt es nicht."),
    (["--minimum-budget", "500000"], "Mindestbeträge"),
    (["--stichtag", "2025-02-30"], "kein gültiges Datum"),
    (["--schritt", "0"], "größer als 0"),
])
def test_cli_fehler_eine_deutsche_zeile(datenordner, capsys, args, meldung):
    basis = {"--budget": "1670000", "--stunden": "7"}
    for i in range(0, len(args), 2):
        basis[args[i]] = args[i + 1]
    capsys.readouterr()
    argv = ["--data-dir", str(datenordner), "verteilung"] + [x for kv in basis.items() for x in kv]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Fehler: ") and meldung in err[0], err


@pytest.mark.parametrize("noto", [True, False])
def test_pdf_ohne_systemschrift(verteilung, monkeypatch, noto):
    """Without DejaVu: Noto Sans from the pip package, or else Helvetica with € written as EUR."""
    import sys

    import network.verteilung.bericht as B

    monkeypatch.setattr(B, "_SCHRIFTEN", ())
    if noto:
        pytest.importorskip("fontpkg_noto_sans")
    else:
        monkeypatch.setitem(sys.modules, "fontpkg_noto_sans", None)
    text = _text(pdf_bytes(verteilung))
    z = verteilung.zeilen[0]
    erwartet = euro(z.budget) if noto else euro(z.budget).replace("€", "EUR")
    assert erwartet in text and "DEMODATEN" in text
