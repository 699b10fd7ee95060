"""A CSV file is read into columns (issue 14): the rows, their line numbers and the errors stay those of the reading
row by row; an import pauses the cyclic garbage collector and always switches it back on."""

import gc
import threading

import pytest

from network.austausch import import_path, validate
from network.austausch.dateien import Rohdaten, RohTabelle, read_csv_text
from network.errors import ValidierungsFehler
from network.grund.zyklensammler import pausiert
from network.zugang import KOMMANDOZEILE

TEXT = ("\ufeffid;name;beschreibung\n"
        "t-1;Eins\n"                       # a short row: the missing cell is empty
        ";;\n"                             # only separators: left out, the lines after keep their numbers
        "\n"
        't-2;"zwei\nZeilen";B;zu viel\n'   # a cell over two lines, one field too many
        "t-3; Drei ;C\n")


def test_columns_give_the_rows_and_line_numbers_of_the_row_by_row_reading():
    tab = read_csv_text("themen", TEXT)
    assert tab.header == ["id", "name", "beschreibung"]
    assert tab.nummern == [2, 5, 7]
    assert tab.spalte("name") == ["Eins", "zwei\nZeilen", " Drei "]
    assert tab.spalte("gibt_es_nicht") == ["", "", ""]
    assert tab.zu_viele == {1: 4}
    assert tab.zeilen == [(2, {"id": "t-1", "name": "Eins", "beschreibung": ""}),
                          (5, {"id": "t-2", "name": "zwei\nZeilen", "beschreibung": "B", "__zu_viele__": "4"}),
                          (7, {"id": "t-3", "name": " Drei ", "beschreibung": "C"})]


def test_a_row_with_too_many_fields_is_named_with_its_line_before_its_cells():
    roh = Rohdaten({"themen": read_csv_text("themen", TEXT.replace("t-2;", ";"))})
    with pytest.raises(ValidierungsFehler) as e:
        validate(roh)
    assert [(f.zeile, f.spalte, f.grund) for f in e.value.fehler] == [
        (5, "", "Die Zeile hat 4 Felder, die Kopfzeile nur 3. Trennzeichen in einem Feld?"),
        (5, "id", "Pflichtfeld ist leer.")]


def test_rows_changed_after_reading_are_what_is_checked():
    tab = read_csv_text("themen", TEXT)
    tab.zeilen[0][1]["id"] = ""
    assert tab.spalte("id") == ["", "t-2", "t-3"]
    assert tab.nummern == [2, 5, 7]
    assert tab == RohTabelle(tab.header, [(z, dict(c)) for z, c in tab.zeilen])


def test_the_last_of_two_equal_column_names_counts_as_in_a_rows_dict():
    tab = read_csv_text("themen", "id,name,name\nt-1,A,B\n")
    assert tab.spalte("name") == ["B"]
    assert tab.zeilen == [(2, {"id": "t-1", "name": "B"})]


def test_the_garbage_collector_is_switched_back_on_after_an_import_that_fails():
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        with pausiert():
            assert not gc.isenabled()
            raise RuntimeError("kaputt")
    assert gc.isenabled()


def test_overlapping_imports_share_the_pause_and_an_off_collector_stays_off():
    drinnen, weiter = threading.Event(), threading.Event()

    def anderer_import():
        with pausiert():
            drinnen.set()
            weiter.wait(5)

    t = threading.Thread(target=anderer_import)
    with pausiert():
        t.start()
        drinnen.wait(5)
    assert not gc.isenabled()  # the other import still runs
    weiter.set()
    t.join(5)
    assert gc.isenabled()
    gc.disable()
    try:
        with pausiert():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_an_import_leaves_the_garbage_collector_on_whether_it_fails_or_not(embedded, tmp_path):
    (tmp_path / "themen.csv").write_text("id;name\nt-1;Eins\nt-1;Doppelt\n", encoding="utf-8")
    with pytest.raises(ValidierungsFehler):
        import_path(embedded, tmp_path, wer=KOMMANDOZEILE)
    assert gc.isenabled()
    (tmp_path / "themen.csv").write_text("id;name\nt-1;Eins\n", encoding="utf-8")
    assert import_path(embedded, tmp_path, wer=KOMMANDOZEILE).zeilen == {"themen": 1}
    assert gc.isenabled()
