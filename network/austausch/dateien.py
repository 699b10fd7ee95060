"""Read and write the import format: a folder of CSV files or one ``.xlsx`` workbook, one sheet per file.

Reading returns raw text cells with their line numbers (validation parses them); writing takes parsed
:class:`~network.model.Netzdaten`. Text cells that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, tab or carriage return) are written with a leading apostrophe and read back unchanged.

Examples
--------
>>> schuetzen("=HYPERLINK(1)"), entschuetzen("'=HYPERLINK(1)")
("'=HYPERLINK(1)", '=HYPERLINK(1)')
>>> zelle(["Deutsch", "Arabisch"], "liste"), zelle(True, "bool"), zelle(None, "int")
('Deutsch|Arabisch', 'ja', '')
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..errors import Fehler, Validierungsfehler
from ..model import DATEIEN, DATEI_REIHENFOLGE, Netzdaten

__all__ = ["RohTabelle", "Rohdaten", "read_path", "read_csv_text", "export_dir", "export_xlsx", "csv_text",
           "schuetzen", "entschuetzen", "zelle"]

_GEFAEHRLICH = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class RohTabelle:
    """One file as read: its header and its rows as ``(line number, {column: text})``."""

    header: list[str]
    zeilen: list[tuple[int, dict[str, str]]]


@dataclass
class Rohdaten:
    """All files found at an import path (only those present), plus notices for the user."""

    tabellen: dict[str, RohTabelle] = field(default_factory=dict)
    hinweise: list[str] = field(default_factory=list)


def schuetzen(text: str) -> str:
    """Protect a text cell against spreadsheet formula injection."""
    return "'" + text if text.startswith(_GEFAEHRLICH) else text


def entschuetzen(text: str) -> str:
    """Undo :func:`schuetzen` (a leading apostrophe before a formula character)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_GEFAEHRLICH) else text


def zelle(value, typ: str) -> str:
    """Format one parsed value as the text of a cell."""
    if value is None:
        return ""
    if typ == "liste":
        return "|".join(value)
    if typ == "bool":
        return "ja" if value else "nein"
    if typ in ("int", "float"):
        return str(value)
    return schuetzen(str(value))


def _cell_text(v) -> str:
    """A spreadsheet cell's value as import text."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "ja" if v else "nein"
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def read_csv_text(datei: str, text: str) -> RohTabelle:
    """Parse one CSV file's text; the separator (``;`` or ``,``) is detected from the header line."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    rows = list(reader)
    if not rows:
        return RohTabelle([], [])
    header = [h.strip() for h in rows[0]]
    zeilen = []
    for i, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        cells = {h: (row[j] if j < len(row) else "") for j, h in enumerate(header)}
        if len(row) > len(header):
            cells["__zu_viele__"] = str(len(row))
        zeilen.append((i, cells))
    return RohTabelle(header, zeilen)


def read_path(path: Path | str) -> Rohdaten:
    """Read a folder of CSV files, a single CSV file or an ``.xlsx`` workbook.

    Raises :class:`~network.errors.Validierungsfehler` when nothing can be read.
    """
    path = Path(path)
    roh = Rohdaten()
    fehler: list[Fehler] = []
    if not path.exists():
        raise Validierungsfehler([Fehler(str(path), 0, "", "Pfad nicht gefunden.")])
    if path.is_file() and path.suffix.lower() == ".xlsx":
        _read_xlsx(path, roh, fehler)
    elif path.is_file() and path.suffix.lower() == ".csv":
        _read_csv_file(path, roh, fehler)
    elif path.is_dir():
        for f in sorted(path.iterdir()):
            if f.suffix.lower() == ".csv":
                _read_csv_file(f, roh, fehler)
            elif f.suffix.lower() == ".xlsx":
                roh.hinweise.append(f"{f.name} übersprungen: ein Ordner wird als CSV gelesen, "
                                    "eine Excel-Datei bitte direkt angeben.")
    else:
        fehler.append(Fehler(path.name, 0, "", "Bitte einen Ordner mit CSV-Dateien, eine .csv- oder eine "
                                               ".xlsx-Datei angeben."))
    if not fehler and not roh.tabellen:
        erlaubt = ", ".join(f"{d}.csv" for d in DATEI_REIHENFOLGE)
        fehler.append(Fehler(path.name, 0, "", f"Keine Importdatei gefunden. Erwartet werden: {erlaubt}."))
    if fehler:
        raise Validierungsfehler(fehler)
    return roh


def _read_csv_file(f: Path, roh: Rohdaten, fehler: list[Fehler]) -> None:
    datei = f.stem.lower()
    if datei not in DATEIEN:
        roh.hinweise.append(f"{f.name} übersprungen: kein bekannter Dateiname.")
        return
    try:
        text = f.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        fehler.append(Fehler(f.name, 0, "", "Die Datei ist nicht UTF-8-kodiert. Bitte in Excel als "
                                            "„CSV UTF-8“ speichern."))
        return
    roh.tabellen[datei] = read_csv_text(datei, text)


def _read_xlsx(path: Path, roh: Rohdaten, fehler: list[Fehler]) -> None:
    import openpyxl  # uses defusedxml when installed (XML-bomb protection); a test checks it is

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for broken files
        fehler.append(Fehler(path.name, 0, "", f"Die Excel-Datei kann nicht gelesen werden ({type(e).__name__})."))
        return
    try:
        for ws in wb.worksheets:
            datei = ws.title.strip().lower().removesuffix(".csv")
            if datei not in DATEIEN:
                roh.hinweise.append(f"Tabellenblatt „{ws.title}“ übersprungen: kein bekannter Name.")
                continue
            rows = ws.iter_rows(values_only=True)
            header_row = next(rows, None)
            if header_row is None:
                roh.tabellen[datei] = RohTabelle([], [])
                continue
            header = [_cell_text(h).strip() for h in header_row]
            while header and not header[-1]:
                header.pop()
            zeilen = []
            for i, row in enumerate(rows, start=2):
                cells = [_cell_text(v) for v in row]
                if not any(c.strip() for c in cells):
                    continue
                zeilen.append((i, {h: (cells[j] if j < len(cells) else "") for j, h in enumerate(header)}))
            roh.tabellen[datei] = RohTabelle(header, zeilen)
    finally:
        wb.close()


def _table_rows(daten: Netzdaten, datei: str) -> tuple[list[str], list[list[str]]]:
    spalten = DATEIEN[datei]
    header = [s.name for s in spalten]
    rows = [[zelle(r.get(s.name), s.typ) for s in spalten] for r in daten.tabelle(datei)]
    return header, rows


def csv_text(daten: Netzdaten, datei: str) -> str:
    """One file of the import format as CSV text (comma-separated, UTF-8)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    header, rows = _table_rows(daten, datei)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def export_dir(daten: Netzdaten, out: Path | str) -> list[Path]:
    """Write every file of the import format into folder ``out``; returns the paths written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for datei in DATEI_REIHENFOLGE:
        p = out / f"{datei}.csv"
        p.write_text(csv_text(daten, datei), encoding="utf-8")
        written.append(p)
    return written


def export_xlsx(daten: Netzdaten, target: Path | str | io.BytesIO) -> None:
    """Write the import format as one workbook, one sheet per file; every cell is stored as text."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for datei in DATEI_REIHENFOLGE:
        ws = wb.create_sheet(datei)
        header, rows = _table_rows(daten, datei)
        ws.append(header)
        for row in rows:
            ws.append(row)  # all cells are strings; formula characters are already protected
    wb.save(target)
