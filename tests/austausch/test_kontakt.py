"""Contact data (e-mail, web address, phone) is checked on the way in – in every import and in the Pflege forms –
with one German message per field; the dry run says what would change, per file and field."""

from __future__ import annotations

import copy

import pytest

from network import pflege as P
from network.austausch import aenderungen, export_dir, import_path, read_path, validate
from network.austausch.dateien import read_csv_text
from network.austausch.validierung import pruefe_email, pruefe_telefon, pruefe_website
from network.cli import main
from network.errors import ValidierungsFehler
from network.model import DATEI_REIHENFOLGE
from network.zugang import KOMMANDOZEILE


@pytest.mark.parametrize("text", ["beratung@example.org", "vorname.nachname+info@kreis-rhein-hunsrueck.de",
                                  "info@bücherei-kastellaun.de"])
def test_good_email(text):
    assert pruefe_email(text) == text


@pytest.mark.parametrize("text", ["beratung(at)example.org", "email-example_com", "beratung@example", "a b@c.de",
                                  "@example.org", "beratung@@example.org", "a..b@example.org"])
def test_bad_email(text):
    with pytest.raises(ValueError, match="keine gültige E-Mail-Adresse"):
        pruefe_email(text)


@pytest.mark.parametrize("text", ["https://beratung.example.org", "www.example.org", "example.org/familie?x=1",
                                  "http://bücherei-kastellaun.de/öffnungszeiten"])
def test_good_website(text):
    assert pruefe_website(text) == text


@pytest.mark.parametrize("text", ["kein url", "beratung@example.org", "ftp://example.org", "example", "https://"])
def test_bad_website(text):
    with pytest.raises(ValueError, match="keine gültige Internetadresse"):
        pruefe_website(text)


@pytest.mark.parametrize("text", ["06761 9999-300", "+49 6761 9999300", "(06761) 9999 300", "06761/9999300"])
def test_good_phone(text):
    assert pruefe_telefon(text) == text


@pytest.mark.parametrize("text", ["Zentrale", "0676", "06761 9999-300 (Frau X)", '"+44 1234 234567"', "+"])
def test_bad_phone(text):
    with pytest.raises(ValueError, match="keine gültige Telefonnummer"):
        pruefe_telefon(text)


def test_csv_import_names_file_row_and_column(mini, tmp_path):
    export_dir(mini, tmp_path)
    text = (tmp_path / "angebote.csv").read_text(encoding="utf-8")
    zeilen = text.splitlines()
    kopf = zeilen[0].split(";") if ";" in zeilen[0] else zeilen[0].split(",")
    assert "email" in kopf and "telefon" in kopf
    roh = read_path(tmp_path)
    tab = roh.tabellen["angebote"]
    tab.zeilen[0][1]["email"] = "beratung(at)example.org"
    tab.zeilen[1][1]["telefon"] = "Zentrale"
    tab.zeilen[2][1]["website"] = "beratung at example"
    with pytest.raises(ValidierungsFehler) as exc:
        validate(roh)
    orte = {(f.datei, f.zeile, f.spalte) for f in exc.value.fehler}
    assert orte == {("angebote", tab.zeilen[0][0], "email"), ("angebote", tab.zeilen[1][0], "telefon"),
                    ("angebote", tab.zeilen[2][0], "website")}
    assert str(exc.value.fehler[0]).startswith(f"angebote, Zeile {tab.zeilen[0][0]}, Spalte „email“: "
                                               "„beratung(at)example.org“ ist keine gültige E-Mail-Adresse")


def test_kitas_are_checked_too():
    roh = read_csv_text("kitas", "id;name;gemeinde_id;email\nk1;Kita;07140001;kita-at-example.org\n")
    from network.austausch.dateien import Rohdaten

    with pytest.raises(ValidierungsFehler) as exc:
        validate(Rohdaten({"kitas": roh}))
    assert any(f.spalte == "email" and "E-Mail-Adresse" in f.grund for f in exc.value.fehler)


def test_pflege_form_refuses_bad_contact_data_and_writes_nothing(embedded, mini):
    embedded.write(mini)
    vorher = embedded.load()
    werte = P.als_text(next(a for a in vorher.angebote if a["id"] == "ang-1"), "angebote")
    werte["email"] = "email-example_com"
    werte["telefon"] = "bitte anrufen"
    with pytest.raises(ValidierungsFehler) as exc:
        P.speichere(embedded, "angebote", werte, wer=KOMMANDOZEILE)
    assert {f.spalte for f in exc.value.fehler} == {"email", "telefon"}
    assert embedded.load() == vorher
    werte["email"], werte["telefon"] = "neu@example.org", "06761 9999-301"
    P.speichere(embedded, "angebote", werte, wer=KOMMANDOZEILE)
    assert next(a for a in embedded.load().angebote if a["id"] == "ang-1")["email"] == "neu@example.org"


# --- the dry run: what would change ---------------------------------------------------------------------------

def test_aenderungen_counts_new_changed_unchanged_per_file(mini):
    neu = copy.deepcopy(mini)
    neu.angebote[0]["email"] = "anders@example.org"
    neu.angebote[0]["sprachen"] = ["Deutsch", "Polnisch"]
    neu.angebote.append({**copy.deepcopy(mini.angebote[1]), "id": "ang-neu"})
    a = aenderungen(neu, mini, ["angebote", "kitas"])
    assert a["angebote"] == {"neu": 1, "geaendert": 1, "unveraendert": len(mini.angebote) - 1,
                             "felder": {mini.angebote[0]["id"]: ["sprachen", "email"]}}
    assert a["kitas"] == {"neu": 0, "geaendert": 0, "unveraendert": len(mini.kitas), "felder": {}}


def test_dry_run_reports_changes_and_writes_nothing(embedded, mini, tmp_path):
    embedded.write(mini)
    neu = copy.deepcopy(mini)
    neu.angebote[1]["telefon"] = "06761 1234-5"
    export_dir(neu, tmp_path)
    bericht = import_path(embedded, tmp_path, dry_run=True, wer=KOMMANDOZEILE)
    assert bericht.aenderungen["angebote"]["felder"] == {neu.angebote[1]["id"]: ["telefon"]}
    assert bericht.aenderungen["angebote"]["geaendert"] == 1
    assert list(bericht.aenderungen) == [d for d in DATEI_REIHENFOLGE if d in bericht.aenderungen]
    assert sum(a["unveraendert"] for a in bericht.aenderungen.values()) == mini.anzahl() - 1
    assert embedded.load() == mini


def test_cli_dry_run_and_counts(mini, tmp_path, capsys):
    export_dir(mini, tmp_path / "import")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(tmp_path / "import")]) == 0
    capsys.readouterr()
    neu = copy.deepcopy(mini)
    neu.angebote[0]["website"] = "www.neu.example.org"
    export_dir(neu, tmp_path / "neu")
    assert main(["--data-dir", data, "import", str(tmp_path / "neu"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"angebote: 0 neu, 1 geändert, {len(mini.angebote) - 1} unverändert ({mini.angebote[0]['id']}: " \
           "website)" in out
    assert "Nichts wurde gespeichert" in out
    assert main(["--data-dir", data, "export", str(tmp_path / "aus")]) == 0
    out = capsys.readouterr().out
    dateien = len(list((tmp_path / "aus").iterdir()))
    assert f"in {dateien} Dateien" in out and dateien == len(DATEI_REIHENFOLGE)
    assert main(["--data-dir", data, "export", "--format", "hsds", "--hsds-form", "json",
                 str(tmp_path / "hsds")]) == 0
    out = capsys.readouterr().out
    assert "1 Datei)" in out and "1 Dateien" not in out
