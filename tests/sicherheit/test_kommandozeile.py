"""Issue 17, points 9–11 (command line): every wrong call is one German line with exit code 1 – argparse's
English, Python's file errors, exception class names and the Neo4j driver's text never reach the user – and
numbers are range-checked before anything runs."""

from __future__ import annotations

import re

import pytest

from network.cli import deutsch_argparse, main

ENGLISCH = re.compile(r"invalid|choose from|usage|error|required|argument|expected|unrecognized|Error|Traceback|"
                      r"No such file|Errno")


@pytest.fixture(scope="module")
def daten(tmp_path_factory, ):
    """A seeded store (the demo data), shared by the read-only calls of this module."""
    d = tmp_path_factory.mktemp("cli") / "daten"
    assert main(["--data-dir", str(d), "seed"]) == 0
    return d


def _aufruf(capsys, *args) -> tuple[int, list[str]]:
    code = main(list(args))
    err = capsys.readouterr().err
    return code, [z for z in err.splitlines() if not z.startswith("Hinweis:")]


def _ein_deutscher_satz(zeilen: list[str]) -> str:
    assert len(zeilen) == 1, zeilen
    (z,) = zeilen
    assert z.startswith("Fehler: ") and z.endswith(".") and not ENGLISCH.search(z), z
    return z


@pytest.mark.parametrize("args, erwartet", [
    (["--store", "x", "stats"], "„x“ ist für --store nicht erlaubt; erlaubt sind: embedded, neo4j."),
    (["gibtsnicht"], "„gibtsnicht“ ist kein Befehl von kita-netz"),
    (["stats", "--format", "xml"], "„xml“ ist für --format nicht erlaubt; erlaubt sind: table, json."),
    (["stats", "--bogus"], "Unbekannte Angabe: --bogus."),
    (["import"], "Es fehlt: PFAD."),
    (["vermittlung"], "Es fehlt: die Aktion."),
    (["vermittlung", "suchen", "--thema"], "--thema braucht einen Wert."),
    (["vermittlung", "tanzen"], "„tanzen“ ist keine Aktion dieses Befehls"),
    (["nutzer", "add", "x", "--rolle", "chef"], "„chef“ ist für --rolle nicht erlaubt"),
])
def test_argparse_errors_are_german(capsys, tmp_path, args, erwartet):
    code, zeilen = _aufruf(capsys, "--data-dir", str(tmp_path / "leer"), *args)
    assert code == 1
    assert erwartet in _ein_deutscher_satz(zeilen)
    assert not (tmp_path / "leer").exists()  # refused before anything was opened


def test_an_unknown_argparse_message_still_becomes_german():
    assert not ENGLISCH.search(deutsch_argparse("something entirely new"))


def test_help_is_german(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0
    assert out.startswith("Aufruf: kita-netz") and "Optionen:" in out and "diese Hilfe zeigen und beenden" in out
    assert "usage" not in out and "show this help" not in out and "options:" not in out


# -- 10: range checks -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("args, teil", [
    (["analyse", "--max-km", "-5"], "--max-km: „-5“ liegt nicht zwischen 0 und 1000 km."),
    (["analyse", "--max-km", "nan"], "„nan“ liegt nicht zwischen 0 und 1000 km."),
    (["analyse", "--max-km", "inf"], "„inf“ liegt nicht zwischen 0 und 1000 km."),
    (["analyse", "--max-km", "0"], "„0“ liegt nicht zwischen 0 und 1000 km."),
    (["analyse", "--max-km", "zehn"], "„zehn“ ist keine Zahl"),
    (["vermittlung", "suchen", "--kita", "kita-001", "--thema", "x", "--max-km", "-1"], "„-1“ liegt nicht"),
    (["vermittlung", "suchen", "--kita", "kita-001", "--thema", "x", "--anzahl", "0"], "zwischen 1 und 100"),
    (["verteilung", "--budget", "1e308", "--stunden", "7"], "--budget: „1e308“ liegt nicht zwischen 0 und "
                                                            "10.000.000.000 Euro."),
    (["verteilung", "--budget", "nan", "--stunden", "7"], "--budget: „nan“ ist keine Zahl."),
    (["verteilung", "--budget", "1000", "--stunden", "-1"], "--stunden: „-1“ liegt nicht zwischen 0 und"),
    (["verteilung", "--budget", "1000", "--stunden", "7", "--schritt", "1e400"], "--schritt:"),
    (["pruefen", "--aelter-als", "-1"], "zwischen 1 und 1200"),
])
def test_numbers_are_range_checked(capsys, daten, args, teil):
    code, zeilen = _aufruf(capsys, "--data-dir", str(daten), *args)
    assert code == 1
    assert teil in _ein_deutscher_satz(zeilen)


def test_a_valid_distance_still_works(capsys, daten):
    assert main(["--data-dir", str(daten), "analyse", "--max-km", "7,5", "--format", "json"]) == 0
    assert '"max_km": 7.5' in capsys.readouterr().out


# -- 9: file-system errors --------------------------------------------------------------------------------------
def test_export_into_a_file_path_is_german(capsys, daten, tmp_path):
    datei = tmp_path / "eine-datei"
    datei.write_text("x")
    for args in (["export", str(datei / "unter")], ["export", str(datei)],
                 ["export", str(datei / "x.xlsx"), "--format", "xlsx"]):
        code, zeilen = _aufruf(capsys, "--data-dir", str(daten), *args)
        assert code == 1
        assert str(datei) in _ein_deutscher_satz(zeilen)


def test_data_dir_that_is_a_file_is_german(capsys, tmp_path):
    datei = tmp_path / "datei"
    datei.write_text("x")
    code, zeilen = _aufruf(capsys, "--data-dir", str(datei), "stats")
    assert code == 1
    _ein_deutscher_satz(zeilen)


def test_import_of_a_missing_path_is_german(capsys, daten, tmp_path):
    code, zeilen = _aufruf(capsys, "--data-dir", str(daten), "import", str(tmp_path / "fehlt"), "--dry-run")
    assert code == 1 and "Pfad nicht gefunden" in " ".join(zeilen)


def test_unexpected_errors_name_no_class(capsys, monkeypatch, daten):
    import network.cli as cli

    def kaputt(args, settings):
        raise ValueError("internal english detail")

    monkeypatch.setattr(cli, "cmd_stats", kaputt)
    code, zeilen = _aufruf(capsys, "--data-dir", str(daten), "stats")
    assert code == 2
    z = _ein_deutscher_satz(zeilen)
    assert "ValueError" not in z and "english" not in z


def test_neo4j_driver_errors_are_german(capsys, monkeypatch, daten):
    neo4j = pytest.importorskip("neo4j")
    import network.cli as cli

    def kaputt(args, settings):
        raise neo4j.exceptions.ServiceUnavailable("Couldn't connect to localhost:7687")

    monkeypatch.setattr(cli, "cmd_stats", kaputt)
    code, zeilen = _aufruf(capsys, "--data-dir", str(daten), "stats")
    assert code == 1 and "Neo4j-Server" in _ein_deutscher_satz(zeilen) and "connect" not in zeilen[0]


def test_broken_workbook_names_no_class(capsys, daten, tmp_path):
    bad = tmp_path / "kaputt.xlsx"
    bad.write_bytes(b"PK\x03\x04 kein Archiv")
    code, zeilen = _aufruf(capsys, "--data-dir", str(daten), "import", str(bad), "--dry-run")
    assert code == 1
    assert not any("BadZipFile" in z or "ParseError" in z for z in zeilen)
    assert [z for z in zeilen if z.startswith("Fehler:")][0] == ("Fehler: kaputt.xlsx: Die Excel-Datei kann nicht gelesen werden, weil sie keine gültige "
                         ".xlsx-Datei ist; bitte in Excel als „Excel-Arbeitsmappe (.xlsx)“ speichern.")


# -- 11: the handout goes only into an existing folder ----------------------------------------------------------
def test_pdf_into_a_missing_folder_creates_nothing(capsys, daten, tmp_path):
    ziel = tmp_path / "gibt" / "es" / "nicht" / "x.pdf"
    code, zeilen = _aufruf(capsys, "--data-dir", str(daten), "vermittlung", "suchen", "--kita", "kita-001",
                           "--thema", "erziehungsberatung", "--pdf", str(ziel))
    assert code == 1 and "gibt es nicht" in _ein_deutscher_satz(zeilen)
    assert not (tmp_path / "gibt").exists()


def test_report_into_a_missing_folder_creates_nothing(capsys, daten, tmp_path):
    ziel = tmp_path / "fehlt" / "bericht.pdf"
    code, zeilen = _aufruf(capsys, "--data-dir", str(daten), "verteilung", "--budget", "1000", "--stunden", "7",
                           "--bericht", str(ziel))
    assert code == 1 and "gibt es nicht" in _ein_deutscher_satz(zeilen)
    assert not (tmp_path / "fehlt").exists()


def test_a_left_over_value_is_not_repeated(capsys, tmp_path):
    """``nutzer add bob GEHEIM``: the refusal must not print the value – it may be a password."""
    code, zeilen = _aufruf(capsys, "--data-dir", str(tmp_path / "leer"), "nutzer", "add", "bob", "Geheim-123456")
    assert code == 1
    z = _ein_deutscher_satz(zeilen)
    assert "Geheim-123456" not in z and "Überzählige Angabe" in z
