"""Import → export → import is lossless, in CSV and xlsx; formula injection is defused and reads back unchanged."""

from __future__ import annotations

import openpyxl
import openpyxl.xml
import pytest

from network.austausch import export_dir, export_xlsx, import_path
from network.austausch.dateien import read_path
from network.errors import ValidierungsFehler
from network.settings import Settings
from network.store import open_store
from network.zugang import KOMMANDOZEILE


def _fresh(tmp_path, name):
    return open_store(Settings(data_dir=tmp_path / name))


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_round_trip_is_lossless(store, noch_ein_store, mini, tmp_path, fmt):
    """On every backend: write, export, import into an empty store, and get the same rows and counts."""
    store.write(mini)
    first = store.load()
    counts = store.counts()
    target = tmp_path / ("export" if fmt == "csv" else "export.xlsx")
    (export_dir if fmt == "csv" else export_xlsx)(first, target)
    other = noch_ein_store()
    assert other.is_empty()
    import_path(other, target, wer=KOMMANDOZEILE)
    assert other.load() == first
    assert other.counts() == counts


def test_formula_cells_are_protected_and_read_back(embedded, mini, tmp_path):
    embedded.write(mini)
    export_dir(embedded.load(), tmp_path / "out")
    kitas = (tmp_path / "out" / "kitas.csv").read_text(encoding="utf-8")
    assert ",'=Kita Formel," in kitas and ",'+49 6761 1," in kitas
    assert "'@Elternabend" in (tmp_path / "out" / "kooperationen.csv").read_text(encoding="utf-8")
    export_xlsx(embedded.load(), tmp_path / "out.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx")["kitas"]
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "'=Kita Formel" in values and all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    with _fresh(tmp_path, "b") as other:
        import_path(other, tmp_path / "out.xlsx", wer=KOMMANDOZEILE)
        names = {k["name"] for k in other.load().kitas}
    assert "=Kita Formel" in names


def test_xlsx_is_read_with_xml_bomb_protection():
    assert openpyxl.xml.DEFUSEDXML is True


def test_broken_xlsx_is_a_clear_error(tmp_path):
    bad = tmp_path / "kaputt.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ValidierungsFehler) as exc:
        read_path(bad)
    assert "kann nicht gelesen werden" in exc.value.fehler[0].grund


def test_seed_round_trips(tmp_path):
    from network.cli import SEED_DIR

    with _fresh(tmp_path, "a") as a:
        import_path(a, SEED_DIR, wer=KOMMANDOZEILE)
        export_dir(a.load(), tmp_path / "export")
        for p in (tmp_path / "export").iterdir():  # same header, same lines (export orders rows by id)
            exported = p.read_text(encoding="utf-8").splitlines()
            seeded = (SEED_DIR / p.name).read_text(encoding="utf-8").splitlines()
            assert exported[0] == seeded[0] and sorted(exported) == sorted(seeded), p.name
