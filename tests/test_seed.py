"""Tests of the demo-data generator (seed/generate.py) and of the committed seed data set.

The committed ``seed/*.csv`` must be exactly what the generator produces, follow the import format of
``network.model.DATEIEN``, be referentially complete, and contain the gaps the analytics are meant to find.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from network.model import ART, DATEI_REIHENFOLGE, DATEIEN, KREISWEIT, STANDARD_THEMEN  # noqa: E402
from seed import katalog  # noqa: E402
from seed.generate import doku, generate  # noqa: E402

SEED = ROOT / "seed"


def _lesen(ordner: Path) -> dict[str, list[dict[str, str]]]:
    daten = {}
    for datei in DATEI_REIHENFOLGE:
        with (ordner / f"{datei}.csv").open(encoding="utf-8", newline="") as f:
            daten[datei] = list(csv.DictReader(f))
    return daten


def _liste(zelle: str) -> list[str]:
    return zelle.split("|") if zelle else []


@pytest.fixture(scope="module")
def erzeugt(tmp_path_factory) -> Path:
    ordner = tmp_path_factory.mktemp("seed")
    generate(ordner)
    return ordner


@pytest.fixture(scope="module")
def daten(erzeugt) -> dict[str, list[dict[str, str]]]:
    return _lesen(erzeugt)


# --- Determinism and the committed files -------------------------------------------------------------------


def test_zwei_laeufe_sind_byte_identisch(erzeugt, tmp_path):
    zaehler = generate(tmp_path)
    for datei in DATEI_REIHENFOLGE:
        assert (tmp_path / f"{datei}.csv").read_bytes() == (erzeugt / f"{datei}.csv").read_bytes(), datei
    assert zaehler == {d: len(z) for d, z in _lesen(tmp_path).items()}


def test_eingecheckter_seed_ist_aktuell(erzeugt):
    for datei in DATEI_REIHENFOLGE:
        eingecheckt = SEED / f"{datei}.csv"
        assert eingecheckt.exists(), f"{eingecheckt} fehlt: python seed/generate.py"
        assert eingecheckt.read_bytes() == (erzeugt / f"{datei}.csv").read_bytes(), (
            f"seed/{datei}.csv ist veraltet: python seed/generate.py ausführen")


def test_quellen_liegen_im_repo():
    for name in ("rhk_gemeinden.csv", "rhk_gemeinden.geojson"):
        assert (SEED / "quellen" / name).stat().st_size > 0


# --- Format --------------------------------------------------------------------------------------------------


def test_kopfzeilen_entsprechen_dem_modell(erzeugt):
    for datei, spalten in DATEIEN.items():
        with (erzeugt / f"{datei}.csv").open(encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == [s.name for s in spalten], datei


def test_werte_entsprechen_den_typen(daten):
    for datei, spalten in DATEIEN.items():
        for zeile in daten[datei]:
            for s in spalten:
                wert = zeile[s.name]
                if not wert:
                    assert not s.pflicht, f"{datei}.{s.name} ist Pflicht: {zeile['id']}"
                    continue
                if s.typ == "int":
                    assert re.fullmatch(r"-?\d+", wert), (datei, s.name, wert)
                elif s.typ == "float":
                    assert re.fullmatch(r"-?\d+\.\d+", wert), (datei, s.name, wert)
                elif s.typ == "bool":
                    assert wert in ("ja", "nein"), (datei, s.name, wert)
                elif s.typ == "datum":
                    assert date.fromisoformat(wert).isoformat() == wert, (datei, s.name, wert)
                if s.typ in ("int", "float"):
                    zahl = float(wert)
                    assert s.min is None or zahl >= s.min, (datei, s.name, wert)
                    assert s.max is None or zahl <= s.max, (datei, s.name, wert)
                if s.erlaubt:
                    assert wert in s.erlaubt, (datei, s.name, wert)


def test_zeilenzahlen(daten):
    n = {d: len(z) for d, z in daten.items()}
    assert n["sozialraeume"] == 5
    assert n["themen"] == len(STANDARD_THEMEN)
    assert n["gemeinden"] == 137
    assert 8 <= n["fachkraefte"] <= 12
    assert 90 <= n["kitas"] <= 110
    assert 230 <= n["angebote"] <= 270
    assert 550 <= n["kooperationen"] <= 650


def test_sozialraeume_und_themen(daten):
    assert {(z["id"], z["name"]) for z in daten["sozialraeume"]} == {
        ("sr-boppard", "Boppard"),
        ("sr-hunsrueck-mittelrhein", "Hunsrück-Mittelrhein"),
        ("sr-kastellaun", "Kastellaun"),
        ("sr-kirchberg", "Kirchberg (Hunsrück)"),
        ("sr-simmern-rheinboellen", "Simmern-Rheinböllen"),
    }
    assert [(z["id"], z["name"]) for z in daten["themen"]] == list(STANDARD_THEMEN)
    assert all(z["beschreibung"] for z in daten["themen"])


def test_gemeinden_sind_die_amtlichen(daten):
    with (SEED / "quellen" / "rhk_gemeinden.csv").open(encoding="utf-8", newline="") as f:
        amtlich = {z["ags"]: z for z in csv.DictReader(f)}
    assert {g["id"] for g in daten["gemeinden"]} == set(amtlich)
    for g in daten["gemeinden"]:
        assert re.fullmatch(r"07140\d{3}", g["id"])
        assert g["name"] == amtlich[g["id"]]["name"]
        assert int(g["einwohner"]) == int(amtlich[g["id"]]["population"])


def test_stellenanteile(daten):
    anteile = [float(f["stellenanteil"]) for f in daten["fachkraefte"]]
    assert all(0.5 <= a <= 1.0 for a in anteile)
    assert 7.0 <= sum(anteile) <= 8.0


def test_jede_art_und_jedes_thema_kommt_vor(daten):
    assert {a["art"] for a in daten["angebote"]} == set(ART)
    benutzt = {t for a in daten["angebote"] for t in _liste(a["themen"])}
    assert benutzt == {tid for tid, _ in STANDARD_THEMEN}


# --- Identity and references ---------------------------------------------------------------------------------


def _pruefe_kennungen_und_verweise(daten):
    for datei, zeilen in daten.items():
        ids = [z["id"] for z in zeilen]
        assert len(ids) == len(set(ids)), f"doppelte Kennung in {datei}"

    ids = {d: {z["id"] for z in zeilen} for d, zeilen in daten.items()}
    for g in daten["gemeinden"]:
        assert g["sozialraum_id"] in ids["sozialraeume"]
    for k in daten["kitas"]:
        assert k["gemeinde_id"] in ids["gemeinden"]
        assert k["fachkraft_id"] == "" or k["fachkraft_id"] in ids["fachkraefte"]
        assert bool(k["fachkraft_id"]) == bool(k["fachkraft_seit"])
    for a in daten["angebote"]:
        assert a["gemeinde_id"] in ids["gemeinden"]
        assert set(_liste(a["themen"])) <= ids["themen"] and 1 <= len(_liste(a["themen"])) <= 3
        versorgt = _liste(a["versorgt"])
        assert versorgt == [KREISWEIT] or (versorgt and set(versorgt) <= ids["sozialraeume"]), a["id"]
    for k in daten["kooperationen"]:
        assert k["von_id"] in ids["kitas"] | ids["angebote"], k["id"]
        assert k["zu_id"] in ids["angebote"], k["id"]
        assert k["von_id"] != k["zu_id"]


def test_kennungen_eindeutig_und_verweise_gueltig(daten):
    _pruefe_kennungen_und_verweise(daten)


def test_kooperationen_sind_plausibel(daten):
    sozialraum = {g["id"]: g["sozialraum_id"] for g in daten["gemeinden"]}
    ort = {z["id"]: sozialraum[z["gemeinde_id"]] for z in daten["kitas"] + daten["angebote"]}
    versorgt = {a["id"]: _liste(a["versorgt"]) for a in daten["angebote"]}
    aktiv = Counter()
    for k in daten["kooperationen"]:
        ziel = versorgt[k["zu_id"]]
        assert ziel == [KREISWEIT] or ort[k["von_id"]] in ziel, f"{k['id']}: Angebot versorgt den Sozialraum nicht"
        assert not k["bis"] or k["bis"] >= k["seit"], k["id"]
        if not k["bis"]:
            aktiv[(k["von_id"], k["zu_id"])] += 1
    assert max(aktiv.values()) == 1, "doppelte aktive Kooperation"
    seit = [k["seit"] for k in daten["kooperationen"]]
    assert sum(s >= "2021-03-24" for s in seit) > 0.95 * len(seit)
    assert sum(s >= "2024-01-01" for s in seit) > sum(s < "2024-01-01" for s in seit)  # the network grows


# --- Gaps ----------------------------------------------------------------------------------------------------


def test_kitas_ohne_kooperation_fachkraft_und_beratung(daten):
    art = {a["id"]: a["art"] for a in daten["angebote"]}
    kitas = {k["id"] for k in daten["kitas"]}
    mit_kooperation = {k["von_id"] for k in daten["kooperationen"]}
    mit_beratung = {k["von_id"] for k in daten["kooperationen"] if art[k["zu_id"]] == "Beratung"}
    assert 3 <= len(kitas - mit_kooperation) <= 6
    assert 2 <= sum(not k["fachkraft_id"] for k in daten["kitas"]) <= 4
    assert len((kitas & mit_kooperation) - mit_beratung) >= 3


def test_unversorgte_themen_auch_kreisweit(daten):
    sozialraum = {g["id"]: g["sozialraum_id"] for g in daten["gemeinden"]}
    alle = [s["id"] for s in daten["sozialraeume"]]
    abgedeckt = set()
    for a in daten["angebote"]:
        versorgt = alle if _liste(a["versorgt"]) == [KREISWEIT] else _liste(a["versorgt"])
        for thema in _liste(a["themen"]):
            abgedeckt |= {(sr, thema) for sr in versorgt + [sozialraum[a["gemeinde_id"]]]}
    luecken = {(sr, tid) for sr in alle for tid, _ in STANDARD_THEMEN} - abgedeckt
    assert luecken == set(katalog.UNVERSORGT)


def test_veraltete_eintraege(daten):
    for datei in ("kitas", "angebote"):
        alt = sum(z["geprueft_am"] < "2025-11-01" for z in daten[datei]) / len(daten[datei])
        assert 0.10 <= alt <= 0.20, datei


# --- Privacy: only fictional contact data --------------------------------------------------------------------


def test_nur_fiktive_kontaktdaten(daten):
    for datei in ("fachkraefte", "kitas", "angebote"):
        for z in daten[datei]:
            assert z["email"].endswith("example.org"), z["email"]
            assert z["telefon"] == "" or " 9999-" in z["telefon"], z["telefon"]
    for a in daten["angebote"]:
        assert a["website"] == "" or re.fullmatch(r"https://[a-z0-9-]+\.example\.org", a["website"]), a["website"]
    for f in daten["fachkraefte"]:
        assert re.fullmatch(r"[a-z]+\.[a-z-]+@example\.org", f["email"]), f["email"]
    for z in daten["angebote"]:
        assert z["traeger"].endswith("(fiktiv)") or z["traeger"].startswith(("Stadt ", "Ortsgemeinde ")), z["traeger"]


# --- README --------------------------------------------------------------------------------------------------


def test_readme_nennt_jede_spalte():
    readme = (SEED / "README.md").read_text(encoding="utf-8")
    assert "DEMODATEN" in readme
    for datei, spalten in DATEIEN.items():
        assert f"{datei}.csv" in readme
        for s in spalten:
            assert f"`{s.name}`" in readme, f"{datei}.{s.name} fehlt in seed/README.md"


def test_readme_importformat_ist_aktuell():
    readme = (SEED / "README.md").read_text(encoding="utf-8")
    assert doku() in readme, "Importformat in seed/README.md veraltet: python seed/generate.py --doku"


# --- Scaling -------------------------------------------------------------------------------------------------


def test_faktor_10(tmp_path, daten):
    zaehler = generate(tmp_path, faktor=10)
    gross = _lesen(tmp_path)
    for datei in ("fachkraefte", "kitas", "angebote", "kooperationen"):
        assert zaehler[datei] == len(gross[datei]) == 10 * len(daten[datei]), datei
    for datei in ("sozialraeume", "themen", "gemeinden"):
        assert len(gross[datei]) == len(daten[datei]), datei
    _pruefe_kennungen_und_verweise(gross)
    assert gross["kitas"][: len(daten["kitas"])] == daten["kitas"]  # the first copy is the seed itself
    emails = [z["email"] for d in ("fachkraefte", "kitas", "angebote") for z in gross[d]]
    assert len(emails) == len(set(emails))
