"""Issue 17, points 3–7 and 11 (files): hostile imports are refused in one German sentence with file, line and
column, the store stays unchanged, and exports never carry a live formula or an XML-illegal character."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from feindlich import arbeitsmappe, dimensionsbombe, zipbombe

from network.austausch import export_xlsx, import_path, import_rohdaten, validate
from network.austausch.dateien import (
    MAX_ENTPACKT,
    MAX_SPALTEN,
    MAX_ZEILEN,
    Rohdaten,
    csv_text,
    read_csv_bytes,
    read_csv_text,
    read_path,
    read_xlsx_bytes,
)
from network.austausch.validierung import MAX_TEXT
from network.errors import ValidierungsFehler
from network.zugang import KOMMANDOZEILE

GEFAEHRLICH = ["=HYPERLINK(\"http://x.example.org\",\"klick\")", "+1+1", "@SUM(1)", "-2+3"]


def _ein_satz(text: str) -> bool:
    """One German sentence: ends with a full stop, no English exception names."""
    return text.endswith((".", "?")) and "Error" not in text and "(BadZipFile)" not in text


def _fehler(exc) -> list:
    return exc.value.fehler


# -- 3: formulas in list columns ------------------------------------------------------------------------------
def _mit_listen(mini):
    a = dict(mini.angebote[0])
    a["zielgruppen"] = GEFAEHRLICH[:2]
    a["sprachen"] = GEFAEHRLICH[2:]
    return mini.__class__(**{**mini.__dict__, "angebote": [a, *mini.angebote[1:]]})


def test_list_columns_are_protected_in_csv(mini):
    text = csv_text(_mit_listen(mini), "angebote")
    zellen = [z for row in csv.reader(io.StringIO(text)) for z in row]
    assert "'=HYPERLINK(\"http://x.example.org\",\"klick\")|'+1+1" in zellen
    assert "'@SUM(1)|'-2+3" in zellen
    for z in zellen:  # no cell and no list element starts like a formula
        for teil in z.split("|"):
            assert not teil.startswith(("=", "+", "@")), z


def test_list_columns_are_text_in_xlsx_and_read_back_unchanged(embedded, mini, tmp_path):
    daten = _mit_listen(mini)
    embedded.write(daten)
    ziel = tmp_path / "export.xlsx"
    export_xlsx(embedded.load(), ziel)
    wb = openpyxl.load_workbook(ziel)
    formeln = [c.coordinate for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formeln == []
    zurueck = validate(read_path(ziel))
    a = next(r for r in zurueck.angebote if r["id"] == daten.angebote[0]["id"])
    assert a["zielgruppen"] == GEFAEHRLICH[:2] and a["sprachen"] == GEFAEHRLICH[2:]


def test_xlsx_never_writes_a_formula_even_for_unprotected_text(mini, tmp_path):
    k = dict(mini.kitas[0], name="=1+1")
    daten = mini.__class__(**{**mini.__dict__, "kitas": [k, *mini.kitas[1:]]})
    buf = io.BytesIO()
    export_xlsx(daten, buf)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))["kitas"]
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)


# -- 4 and 5: dimension and zip bombs ---------------------------------------------------------------------------
@pytest.mark.timeout(120)  # a hang guard, not a timing: the unbounded reader needed about an hour
def test_dimension_bomb_is_refused_with_its_line(tmp_path):
    datei = tmp_path / "bombe.xlsx"
    datei.write_bytes(dimensionsbombe())
    assert datei.stat().st_size < 10_000  # a few KB
    with pytest.raises(ValidierungsFehler) as exc:
        read_path(datei)
    (f,) = _fehler(exc)
    assert f.zeile == MAX_ZEILEN + 2 and "mehr als 250.000 Zeilen" in f.grund and _ein_satz(f.grund)
    assert "bombe.xlsx" in f.datei


def test_a_declared_dimension_is_not_trusted(tmp_path):
    """A sheet that claims A1:XFD1048576 but holds three rows reads as three rows, unpadded."""
    xlsx = arbeitsmappe({"themen": [["id", "name"], ["t-1", "Eins"], [None, None], ["t-2", "Zwei"]]})
    import re

    from feindlich import ersetze_teil

    xlsx = ersetze_teil(xlsx, "xl/worksheets/sheet1.xml",
                        lambda x: re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', x))
    roh = read_xlsx_bytes("klein.xlsx", xlsx)
    tab = roh.tabellen["themen"]
    assert tab.header == ["id", "name"]
    assert [(z, c["id"]) for z, c in tab.zeilen] == [(2, "t-1"), (4, "t-2")]


@pytest.mark.timeout(120)
def test_zip_bomb_is_refused_before_parsing(tmp_path):
    datei = tmp_path / "bombe.xlsx"
    datei.write_bytes(zipbombe(MAX_ENTPACKT + 2**20))
    assert datei.stat().st_size < 2 * 2**20  # about 1000:1
    with pytest.raises(ValidierungsFehler) as exc:
        read_path(datei)
    (f,) = _fehler(exc)
    assert "entpackt" in f.grund and "200 MB" in f.grund and _ein_satz(f.grund)


def test_too_many_columns_are_refused():
    text = ",".join(f"s{i}" for i in range(MAX_SPALTEN + 1)) + "\n"
    with pytest.raises(ValidierungsFehler) as exc:
        read_csv_text("kitas", text)
    assert _fehler(exc)[0].zeile == 1 and "Spalten" in _fehler(exc)[0].grund


def test_too_many_rows_are_refused_with_the_line():
    text = "id,name\n" + "x,y\n" * (MAX_ZEILEN + 1)
    with pytest.raises(ValidierungsFehler) as exc:
        read_csv_text("themen", text)
    assert _fehler(exc)[0].zeile == MAX_ZEILEN + 2


@pytest.mark.parametrize("inhalt, teil", [
    (b"PK\x03\x04 kein Archiv", "keine gültige .xlsx-Datei"),
    (b"", "keine gültige .xlsx-Datei"),
])
def test_broken_workbooks_give_a_german_sentence_without_class_names(tmp_path, inhalt, teil):
    datei = tmp_path / "kaputt.xlsx"
    datei.write_bytes(inhalt)
    with pytest.raises(ValidierungsFehler) as exc:
        read_path(datei)
    (f,) = _fehler(exc)
    assert teil in f.grund and _ein_satz(f.grund) and "(" not in f.grund.split(";")[0]


def test_broken_sheet_xml_gives_a_german_sentence():
    from feindlich import ersetze_teil

    xlsx = ersetze_teil(arbeitsmappe({"themen": [["id", "name"]]}), "xl/worksheets/sheet1.xml",
                        lambda x: x.replace("</sheetData>", "<row><c></sheetData>"))
    with pytest.raises(ValidierungsFehler) as exc:
        read_xlsx_bytes("kaputt.xlsx", xlsx)
    (f,) = _fehler(exc)
    assert f.datei == "kaputt.xlsx" and "ParseError" not in f.grund and _ein_satz(f.grund)


# -- 6: NUL and other XML-illegal characters --------------------------------------------------------------------
@pytest.mark.parametrize("zeichen", ["\x00", "\x0b", "\x1f", "\ufffe"])
def test_xml_illegal_characters_are_refused_with_line_and_column(embedded, mini, zeichen):
    embedded.write(mini)
    vorher = embedded.load()
    text = f"id;name\nt-neu;Beratung{zeichen}Simmern\n"
    with pytest.raises(ValidierungsFehler) as exc:
        import_rohdaten(embedded, Rohdaten({"themen": read_csv_text("themen", text)}), wer=KOMMANDOZEILE)
    (f,) = _fehler(exc)
    assert (f.datei, f.zeile, f.spalte) == ("themen", 2, "name")
    assert f"U+{ord(zeichen):04X}" in f.grund and "Stelle 9" in f.grund and _ein_satz(f.grund)
    assert embedded.load() == vorher


def test_xml_illegal_characters_in_list_cells_are_refused():
    from network.austausch.validierung import parse_wert
    from network.model import Spalte

    with pytest.raises(ValueError, match="U\\+0000 an Stelle 12"):
        parse_wert("Deutsch|Ara\x00bisch", Spalte("sprachen", "liste"))


def test_old_data_with_illegal_characters_still_export(mini, tmp_path):
    """Refused on the way in; data written before that fix must not break the exports."""
    k = dict(mini.kitas[0], name="Kita\x00Alt")
    daten = mini.__class__(**{**mini.__dict__, "kitas": [k, *mini.kitas[1:]]})
    export_xlsx(daten, tmp_path / "x.xlsx")
    assert "Kita\ufffdAlt" in csv_text(daten, "kitas")


# -- 7: oversized CSV fields, long lists ------------------------------------------------------------------------
def test_oversized_csv_field_names_file_and_line(embedded, mini, tmp_path):
    embedded.write(mini)
    vorher = embedded.load()
    ordner = tmp_path / "imp"
    ordner.mkdir()
    (ordner / "themen.csv").write_text("id;name\nt-a;A\nt-b;\"" + "x" * 200_000 + "\"\n", encoding="utf-8")
    with pytest.raises(ValidierungsFehler) as exc:
        import_path(embedded, ordner, wer=KOMMANDOZEILE)
    (f,) = _fehler(exc)
    assert (f.datei, f.zeile) == ("themen", 3) and "länger als 131.072 Zeichen" in f.grund and _ein_satz(f.grund)
    assert embedded.load() == vorher


def test_an_unclosed_quote_is_a_sentence_too():
    with pytest.raises(ValidierungsFehler) as exc:
        read_csv_bytes("themen.csv", b'id;name\nt-a;A\nt-b;"offen\n' + b"y" * 140_000)
    (f,) = _fehler(exc)
    assert f.zeile == 3 and _ein_satz(f.grund)


def test_list_columns_have_the_text_limit():
    from network.austausch.validierung import parse_wert
    from network.model import Spalte

    lang = "|".join(["Deutsch"] * (MAX_TEXT // 7))
    assert len(lang) > MAX_TEXT
    with pytest.raises(ValueError, match="höchstens 5000 Zeichen"):
        parse_wert(lang, Spalte("sprachen", "liste"))


# -- 11: text lines after a multi-line cell, the UTF-8 error names its line -----------------------------------
def test_errors_name_text_lines_after_a_multiline_cell():
    text = 'id;name\nt-a;"erste\nzweite\ndritte Zeile"\nt-a;doppelt\n'
    with pytest.raises(ValidierungsFehler) as exc:
        validate(Rohdaten({"themen": read_csv_text("themen", text)}))
    (f,) = _fehler(exc)
    assert f.zeile == 5 and "zuerst in Zeile 2" in f.grund


def test_invalid_utf8_names_line_and_character(tmp_path):
    ordner = tmp_path / "imp"
    ordner.mkdir()
    (ordner / "themen.csv").write_bytes("id;name\nt-a;Schön\nt-b;Sch".encode() + b"\xf6n\n")
    with pytest.raises(ValidierungsFehler) as exc:
        read_path(ordner)
    (f,) = _fehler(exc)
    assert (f.datei, f.zeile) == ("themen.csv", 3) and "Zeichen 8" in f.grund and "0xF6" in f.grund
    assert _ein_satz(f.grund)


def test_reading_stops_at_its_deadline():
    """A deadline of 0 s stops at the first check (every 1,000 rows), with file and line, in German."""
    text = "id;name\n" + "".join(f"t-{i};N\n" for i in range(3000))
    with pytest.raises(ValidierungsFehler) as exc:
        read_csv_text("themen", text, frist=0)
    (f,) = _fehler(exc)
    assert (f.datei, f.zeile) == ("themen", 1001) and "zu lange dauerte" in f.grund and _ein_satz(f.grund)
    assert len(read_csv_text("themen", text).zeilen) == 3000  # without a deadline: all rows
