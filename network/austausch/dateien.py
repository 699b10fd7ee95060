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
import logging
import re
import time
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Sequence

from ..errors import Befund, ValidierungsFehler
from ..grund import format as F
from ..grund.formel import entschuetzen, schuetzen  # the one formula guard (re-exported here)
from ..model import DATEI_REIHENFOLGE, DATEIEN, Netzdaten
from .abdruck import fingerabdruck

__all__ = ["RohTabelle", "Rohdaten", "Eingang", "eingang_pfad", "lies_eingang", "read_path", "read_uploads", "read_csv_text", "read_csv_bytes", "read_xlsx_bytes",
           "decode_utf8", "pruefe_xlsx_archiv", "export_dir", "export_xlsx", "csv_text", "csv_zip", "schuetzen",
           "entschuetzen", "zelle", "XML_VERBOTEN", "MAX_ZEILEN", "MAX_SPALTEN", "MAX_ENTPACKT", "MAX_ARCHIVTEILE"]

log = logging.getLogger(__name__)

#: Most data rows per file or sheet (the whole district has a few hundred; 250,000 leaves room for large tests).
MAX_ZEILEN = 250_000
#: Most columns per file or sheet (the widest file has fewer than 30).
MAX_SPALTEN = 100
#: Most bytes a workbook may unpack to (a zip bomb is refused before any XML is parsed).
MAX_ENTPACKT = 200 * 2**20
#: Most parts in a workbook archive.
MAX_ARCHIVTEILE = 1000
#: Characters XML 1.0 forbids (and so xlsx, GEXF, GraphML); refused on import, replaced on export.
XML_VERBOTEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class RohTabelle:
    """One file as read: its header and its rows as ``(line number, {column: text})``.

    A CSV file is read into columns (:meth:`spalte`, with the line numbers :attr:`nummern`): a large import checks a
    column at a time, and the dict per row (:attr:`zeilen`) is made only when someone asks for it. Rows given as
    dicts (a workbook, a form, HSDS) give their columns on demand the same way.

    >>> t = RohTabelle(["id", "name"], nummern=[2, 4], spalten=[["a", "b"], ["A", "B"]], zu_viele={1: 3})
    >>> t.zeilen
    [(2, {'id': 'a', 'name': 'A'}), (4, {'id': 'b', 'name': 'B', '__zu_viele__': '3'})]
    >>> t.spalte("name"), t.spalte("ort")
    (['A', 'B'], ['', ''])
    """

    def __init__(self, header: list[str], zeilen: list[tuple[int, dict[str, str]]] | None = None, *,
                 nummern: list[int] | None = None, spalten: list[Sequence[str]] | None = None,
                 zu_viele: dict[int, int] | None = None):
        self.header = header
        self._zeilen = zeilen
        # read as columns: texts by name (the last of equal names, as in a row's dict), line numbers, long rows
        self._spalten = None if spalten is None else dict(zip(header, spalten))
        self._nummern = nummern or []
        self._zu_viele = zu_viele or {}

    @property
    def zeilen(self) -> list[tuple[int, dict[str, str]]]:
        """The rows as dicts; made from the columns on first use, and from then on what the columns are read from
        (a caller may change a row)."""
        if self._zeilen is None:
            namen = list(self._spalten)
            zeilen = [(z, dict(zip(namen, werte))) for z, werte in zip(self._nummern, zip(*self._spalten.values()))]
            if not namen:
                zeilen = [(z, {}) for z in self._nummern]
            for i, n in self._zu_viele.items():
                zeilen[i][1]["__zu_viele__"] = str(n)
            self._zeilen, self._spalten = zeilen, None
        return self._zeilen

    @property
    def nummern(self) -> list[int]:
        """The line number of each row."""
        return self._nummern if self._zeilen is None else [z for z, _ in self._zeilen]

    @property
    def zu_viele(self) -> dict[int, int]:
        """Row index -> number of fields, for the rows with more fields than the header."""
        if self._zeilen is None:
            return self._zu_viele
        return {i: int(cells["__zu_viele__"]) for i, (_, cells) in enumerate(self._zeilen) if "__zu_viele__" in cells}

    def spalte(self, name: str) -> list[str]:
        """The texts of column ``name``, one per row (``""`` where the file has no such column or cell)."""
        if self._zeilen is not None:
            return [cells.get(name, "") for _, cells in self._zeilen]
        werte = self._spalten.get(name)
        return list(werte) if werte is not None else [""] * len(self._nummern)

    def __eq__(self, other) -> bool:
        return isinstance(other, RohTabelle) and (self.header, self.zeilen) == (other.header, other.zeilen)

    def __repr__(self) -> str:
        return f"RohTabelle({self.header!r}, {len(self.nummern)} Zeilen)"


@dataclass
class Rohdaten:
    """All files found at an import path (only those present), plus notices for the user.

    ``abdruck``: the fingerprint of the bytes they were read from (:meth:`Eingang.abdruck`); None for rows
    that came from elsewhere (a form, HSDS), which are always checked and record no fingerprint."""

    tabellen: dict[str, RohTabelle] = field(default_factory=dict)
    hinweise: list[str] = field(default_factory=list)
    abdruck: str | None = field(default=None, kw_only=True)  # keyword only: subclasses add positional fields


@dataclass
class Eingang:
    """The files of one import as bytes, before anything is parsed: what its fingerprint covers.

    ``dateien``: (name, content) in reading order; ``hinweise``: files left out when they were chosen; ``ort``:
    how errors name the import as a whole (a path's name, „Upload“); ``upload``: uploaded files (the messages
    speak of uploading).
    """

    dateien: list[tuple[str, bytes]] = field(default_factory=list)
    hinweise: list[str] = field(default_factory=list)
    ort: str = "Upload"
    upload: bool = True

    def abdruck(self, max_bytes: int | None = None, max_zeilen: int = MAX_ZEILEN) -> str:
        """The sha256 of these files read with these limits (:func:`network.austausch.abdruck.fingerabdruck`)."""
        return fingerabdruck(self.dateien, self.hinweise, f"max_bytes={max_bytes}; max_zeilen={max_zeilen}")


def zelle(value, typ: str) -> str:
    """Format one parsed value as the text of a cell.

    Every text, also each element of a list, is protected with :func:`schuetzen`; characters XML forbids (which
    validation refuses, so only older data can hold them) become U+FFFD, so no export breaks on them.

    >>> zelle(["=HYPERLINK(1)", "+1"], "liste")
    "'=HYPERLINK(1)|'+1"
    """
    if value is None:
        return ""
    if typ == "liste":
        return XML_VERBOTEN.sub("\ufffd", "|".join(schuetzen(str(v)) for v in value))
    if typ == "bool":
        return "ja" if value else "nein"
    if typ in ("int", "float"):
        return str(value)
    return XML_VERBOTEN.sub("\ufffd", schuetzen(str(value)))


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


class _Frist:
    """A deadline for reading (``sekunden`` from now; ``None``: none). :meth:`pruefe` refuses in German."""

    def __init__(self, sekunden: float | None):
        self.sekunden = sekunden
        self.ende = None if sekunden is None else time.monotonic() + sekunden

    def pruefe(self, datei: str, zeile: int = 0) -> None:
        if self.ende is not None and time.monotonic() > self.ende:
            raise ValidierungsFehler([Befund(datei, zeile, "", (
                "Das Lesen wurde abgebrochen, weil es zu lange dauerte; bitte die Datei teilen oder über die "
                "Kommandozeile (kita-netz import) einspielen."))])


def _zu_viele_zeilen(datei: str, zeile: int, blatt: str | None = None,
                     grenze: int = MAX_ZEILEN) -> ValidierungsFehler:
    was = f"Das Tabellenblatt „{blatt}“" if blatt else "Die Datei"
    return ValidierungsFehler([Befund(datei, zeile, "", (
        f"{was} hat mehr als {F.zahl(grenze)} Zeilen; bitte in mehrere Dateien teilen."))])


def _csv_fehlertext(e: csv.Error) -> str:
    text = str(e)
    if "field larger than field limit" in text:
        return (f"Ein Feld ist länger als {F.zahl(csv.field_size_limit())} Zeichen; vermutlich ist ein "
                "Anführungszeichen nicht geschlossen.")
    if "new-line character seen in unquoted field" in text:
        return "Die Zeile enthält einen Zeilenumbruch außerhalb von Anführungszeichen."
    if "NUL" in text:
        return "Die Zeile enthält ein Nullzeichen (U+0000)."
    return "Die Zeile ist kein gültiges CSV (Anführungszeichen oder Trennzeichen prüfen)."


def read_csv_text(datei: str, text: str, frist: float | None = None, max_zeilen: int = MAX_ZEILEN) -> RohTabelle:
    """Parse one CSV file's text; the separator (``;`` or ``,``) is detected from the header line.

    Line numbers are those of the text (a cell that spans lines moves the following rows down), so an error
    names the line an editor shows. Raises :class:`~network.errors.ValidierungsFehler` (file, line) when the
    text is no CSV, has more than :data:`MAX_SPALTEN` columns or ``max_zeilen`` rows, or reading takes longer
    than ``frist`` seconds.

    >>> t = read_csv_text("themen", 'id;name\\nt-1;"zwei\\nZeilen"\\nt-2;B\\n')
    >>> [z for z, _ in t.zeilen]
    [2, 4]
    """
    uhr = _Frist(frist)
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    header: list[str] | None = None
    zeilen: list[list[str]] = []
    nummern: list[int] = []
    anzahl = 0
    start = 1
    try:
        for row in reader:
            zeile, start = start, reader.line_num + 1
            if header is None:
                header = [h.strip() for h in row]
                if len(header) > MAX_SPALTEN:
                    raise ValidierungsFehler([Befund(datei, 1, "", (
                        f"Die Kopfzeile hat {len(header)} Spalten; erlaubt sind höchstens {MAX_SPALTEN}."))])
                continue
            anzahl += 1
            if anzahl > max_zeilen:
                raise _zu_viele_zeilen(datei, zeile, grenze=max_zeilen)
            if anzahl % 1000 == 0:
                uhr.pruefe(datei, zeile)
            if not "".join(row).strip():  # no cell with more than white space
                continue
            nummern.append(zeile)
            zeilen.append(row)
    except csv.Error as e:
        raise ValidierungsFehler([Befund(datei, start, "", _csv_fehlertext(e))]) from None
    return _als_spalten(header or [], nummern, zeilen)


def _als_spalten(header: list[str], nummern: list[int], zeilen: list[list[str]]) -> RohTabelle:
    """Rows of fields as the columns of ``header``: a short row is filled with ``""``, a long one cut (and
    remembered in :attr:`RohTabelle.zu_viele`)."""
    breite = len(header)
    zu_viele = {i: len(row) for i, row in enumerate(zeilen) if len(row) > breite}
    if any(len(row) != breite for row in zeilen):
        zeilen = [row[:breite] if len(row) >= breite else row + [""] * (breite - len(row)) for row in zeilen]
    spalten = list(zip(*zeilen)) if zeilen else [() for _ in header]  # tuples: RohTabelle.spalte copies
    return RohTabelle(header, nummern=nummern, spalten=spalten, zu_viele=zu_viele)


def decode_utf8(name: str, data: bytes) -> str:
    """The text of a file that must be UTF-8; otherwise a :class:`~network.errors.ValidierungsFehler` that names
    the line and the character position of the first invalid byte.

    >>> try:
    ...     decode_utf8("kitas.csv", b"id;name\\nk-1;M\\xfcller\\n")
    ... except ValidierungsFehler as e:
    ...     print(e.fehler[0])
    kitas.csv, Zeile 2: Zeichen 6 ist kein UTF-8 (Byte 0xFC); bitte in Excel als „CSV UTF-8“ speichern.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        zeile = data.count(b"\n", 0, e.start) + 1
        anfang = data.rfind(b"\n", 0, e.start) + 1
        zeichen = len(data[anfang:e.start].decode("utf-8", errors="replace")) + 1
        raise ValidierungsFehler([Befund(name, zeile, "", (
            f"Zeichen {zeichen} ist kein UTF-8 (Byte 0x{data[e.start]:02X}); bitte in Excel als „CSV UTF-8“ "
            "speichern."))]) from None


def read_path(path: Path | str, frist: float | None = None) -> Rohdaten:
    """Read a folder of CSV files, a single CSV file or an ``.xlsx`` workbook.

    ``frist``: seconds the reading may take (``None``: no limit; the app sets one). Raises
    :class:`~network.errors.ValidierungsFehler` when nothing can be read, or a file is broken, too large or
    hostile (see :func:`read_xlsx_bytes`).
    """
    return lies_eingang(eingang_pfad(path), frist)


def eingang_pfad(path: Path | str) -> Eingang:
    """The files :func:`read_path` reads at ``path``, as bytes (nothing parsed yet): the CSV files of a folder with
    a known name (in name order), or the one ``.csv`` or ``.xlsx`` file ``path`` names."""
    path = Path(path)
    if not path.exists():
        raise ValidierungsFehler([Befund(str(path), 0, "", "Pfad nicht gefunden.")])
    ein = Eingang(ort=path.name, upload=False)
    if path.is_file() and path.suffix.lower() in (".xlsx", ".csv"):
        dateien = [path]
    elif path.is_dir():
        dateien = []
        for f in sorted(path.iterdir()):
            if f.suffix.lower() == ".csv":
                dateien.append(f)
            elif f.suffix.lower() == ".xlsx":
                ein.hinweise.append(f"{f.name} übersprungen: ein Ordner wird als CSV gelesen, "
                                    "eine Excel-Datei bitte direkt angeben.")
    else:
        raise ValidierungsFehler([Befund(path.name, 0, "", "Bitte einen Ordner mit CSV-Dateien, eine .csv- oder "
                                                           "eine .xlsx-Datei angeben.")])
    for f in dateien:
        if f.suffix.lower() == ".csv" and f.stem.lower() not in DATEIEN:
            ein.hinweise.append(f"{f.name} übersprungen: kein bekannter Dateiname.")
        else:
            ein.dateien.append((f.name, f.read_bytes()))
    return ein


def read_csv_bytes(name: str, data: bytes, frist: float | None = None, max_zeilen: int = MAX_ZEILEN) -> RohTabelle:
    """One uploaded or stored CSV file (``name`` for messages): UTF-8 check, then :func:`read_csv_text`."""
    return read_csv_text(Path(name).stem.lower(), decode_utf8(name, data), frist, max_zeilen)


def pruefe_xlsx_archiv(name: str, quelle) -> None:
    """Refuse a workbook before any XML is parsed when it is no zip archive or would unpack to more than
    :data:`MAX_ENTPACKT` bytes (a zip bomb). ``quelle``: a path or a binary file object.

    The sizes are those the archive declares; Python's ``zipfile`` never unpacks more than a member declares,
    so a member that lies is cut short (and then fails its checksum) instead of filling the memory.
    """
    try:
        with zipfile.ZipFile(quelle) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ValidierungsFehler([Befund(name, 0, "", "Die Excel-Datei kann nicht gelesen werden, weil sie keine "
                                                      "gültige .xlsx-Datei ist; bitte in Excel als "
                                                      "„Excel-Arbeitsmappe (.xlsx)“ speichern.")]) from None
    if len(members) > MAX_ARCHIVTEILE:
        raise ValidierungsFehler([Befund(name, 0, "", f"Die Excel-Datei besteht aus {len(members)} Teilen; eine "
                                                      f"Arbeitsmappe hat höchstens {MAX_ARCHIVTEILE}.")])
    entpackt = sum(m.file_size for m in members)
    if entpackt > MAX_ENTPACKT:
        raise ValidierungsFehler([Befund(name, 0, "", (
            f"Die Excel-Datei wäre entpackt {F.zahl(entpackt / 2**20, 0)} MB groß (erlaubt sind "
            f"{F.zahl(MAX_ENTPACKT // 2**20)} MB) und wird deshalb nicht gelesen."))])


def read_xlsx_bytes(name: str, data: bytes, frist: float | None = None) -> Rohdaten:
    """Read one workbook held in memory (an upload); see :func:`read_path` and :func:`pruefe_xlsx_archiv`."""
    roh = Rohdaten()
    fehler: list[Befund] = []
    _read_xlsx(name, io.BytesIO(data), roh, fehler, frist)
    if fehler:
        raise ValidierungsFehler(fehler)
    return roh


def _read_xlsx(name: str, quelle, roh: Rohdaten, fehler: list[Befund], frist: float | None = None,
               max_zeilen: int = MAX_ZEILEN) -> None:
    """Read a workbook, bounded before and while reading: archive size (:func:`pruefe_xlsx_archiv`), at most
    :data:`MAX_SPALTEN` columns and ``max_zeilen`` rows per sheet whatever its ``<dimension>`` claims (rows
    are read as they occur, never padded to a declared size), and ``frist`` seconds."""
    import openpyxl  # uses defusedxml when installed (XML-bomb protection); a test checks it is

    try:
        pruefe_xlsx_archiv(name, quelle)
    except ValidierungsFehler as e:
        fehler.extend(e.fehler)
        return
    uhr = _Frist(frist)
    if hasattr(quelle, "seek"):
        quelle.seek(0)
    try:
        wb = openpyxl.load_workbook(quelle, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for broken files; the details go to the log only
        log.warning("Excel-Datei %s nicht lesbar", name, exc_info=True)
        fehler.append(Befund(name, 0, "", "Die Excel-Datei kann nicht gelesen werden; sie ist beschädigt oder "
                                          "keine Excel-Arbeitsmappe (.xlsx)."))
        return
    try:
        for ws in wb.worksheets:
            datei = ws.title.strip().lower().removesuffix(".csv")
            if datei not in DATEIEN:
                roh.hinweise.append(f"Tabellenblatt „{ws.title}“ übersprungen: kein bekannter Name.")
                continue
            ws.reset_dimensions()  # never trust <dimension>: rows are read as they come
            header_row = next(ws.iter_rows(max_row=1, max_col=MAX_SPALTEN + 1, values_only=True), None)
            if header_row is None:
                roh.tabellen[datei] = RohTabelle([], [])
                continue
            header = [_cell_text(h).strip() for h in header_row]
            while header and not header[-1]:
                header.pop()
            if len(header) > MAX_SPALTEN:
                raise ValidierungsFehler([Befund(name, 1, "", (
                    f"Das Tabellenblatt „{ws.title}“ hat mehr als {MAX_SPALTEN} Spalten."))])
            zeilen = []
            rows = ws.iter_rows(min_row=2, max_col=max(len(header), 1), values_only=True)
            for i, row in enumerate(rows, start=2):
                if i > max_zeilen + 1:
                    raise _zu_viele_zeilen(name, i, ws.title, max_zeilen)
                if i % 1000 == 0:
                    uhr.pruefe(name, i)
                if not any(v is not None and v != "" for v in row):
                    continue
                cells = [_cell_text(v) for v in row[:len(header)]]
                if not any(c.strip() for c in cells):
                    continue
                zeilen.append((i, {h: (cells[j] if j < len(cells) else "") for j, h in enumerate(header)}))
            roh.tabellen[datei] = RohTabelle(header, zeilen)
    except ValidierungsFehler as e:
        fehler.extend(e.fehler)
    except Exception:  # a broken sheet inside a readable archive
        log.warning("Tabellenblatt in %s nicht lesbar", name, exc_info=True)
        fehler.append(Befund(name, 0, "", "Ein Tabellenblatt der Excel-Datei kann nicht gelesen werden; die Datei "
                                          "ist beschädigt."))
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


def csv_zip(daten: Netzdaten) -> bytes:
    """Every file of the import format as CSV in one zip archive (``kitas.csv``, …; the export of the page Pflege)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for datei in DATEI_REIHENFOLGE:
            z.writestr(f"{datei}.csv", csv_text(daten, datei))
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
    """Write the import format as one workbook, one sheet per file; every cell is stored as text (never as a
    formula, even if a text starts with ``=``: the cell type is set explicitly)."""
    import openpyxl  # lazy: heavy optional dependency, only for an xlsx export
    from openpyxl.cell import WriteOnlyCell

    wb = openpyxl.Workbook(write_only=True)
    for datei in DATEI_REIHENFOLGE:
        ws = wb.create_sheet(datei)
        header, rows = _table_rows(daten, datei)
        for row in [header, *rows]:
            cells = []
            for v in row:
                c = WriteOnlyCell(ws, value=v)
                c.data_type = "s"
                cells.append(c)
            ws.append(cells)
    wb.save(target)


def read_uploads(dateien: list[tuple[str, bytes]], frist: float | None = None, max_bytes: int | None = None,
                 max_zeilen: int = MAX_ZEILEN) -> Rohdaten:
    """Read uploaded files (name, content) like :func:`read_path`: CSV files by their name, workbooks by their
    sheets (see :func:`lies_eingang` for the limits and errors)."""
    return lies_eingang(Eingang([(Path(name).name, data) for name, data in dateien]), frist, max_bytes, max_zeilen)


def lies_eingang(ein: Eingang, frist: float | None = None, max_bytes: int | None = None,
                 max_zeilen: int = MAX_ZEILEN) -> Rohdaten:
    """Parse the files of ``ein``: CSV files by their name, workbooks by their sheets. ``frist`` bounds the reading
    of all files together (seconds), ``max_bytes`` the size of each file, ``max_zeilen`` the rows of each file or
    sheet. The result carries the fingerprint of exactly these bytes (:attr:`Rohdaten.abdruck`).

    Raises :class:`~network.errors.ValidierungsFehler` (file, line, column) when a file is too large, broken or
    hostile, or when nothing usable was given.
    """
    ende = None if frist is None else time.monotonic() + frist
    roh = Rohdaten(hinweise=list(ein.hinweise), abdruck=ein.abdruck(max_bytes, max_zeilen))
    fehler: list[Befund] = []
    for name, data in ein.dateien:
        endung, datei = Path(name).suffix.lower(), Path(name).stem.lower()
        rest = None if ende is None else max(ende - time.monotonic(), 0.001)
        if max_bytes is not None and len(data) > max_bytes:
            fehler.append(Befund(name, 0, "", (
                f"Die Datei ist {F.zahl(len(data) / 10**6, 1)} MB groß; hochladen lassen sich Dateien bis "
                f"{F.zahl(max_bytes / 10**6)} MB, größere bitte über die Kommandozeile (kita-netz import) "
                "einspielen.")))
        elif endung == ".csv":
            if datei not in DATEIEN:
                roh.hinweise.append(f"{name} übersprungen: kein bekannter Dateiname.")
                continue
            try:
                roh.tabellen[datei] = read_csv_bytes(name, data, rest, max_zeilen)
            except ValidierungsFehler as e:
                fehler.extend(e.fehler)
        elif endung == ".xlsx":
            _read_xlsx(name, io.BytesIO(data), roh, fehler, rest, max_zeilen)
        else:
            fehler.append(Befund(name, 0, "", "Bitte .csv- oder .xlsx-Dateien hochladen."))
    if not fehler and not roh.tabellen:
        erlaubt = ", ".join(f"{d}.csv" for d in DATEI_REIHENFOLGE)
        fehler.append(Befund(ein.ort, 0, "", f"Keine Importdatei gefunden. Erwartet werden: {erlaubt}"
                                             + (" oder eine Excel-Datei mit diesen Tabellenblättern." if ein.upload
                                                else ".")))
    if fehler:
        raise ValidierungsFehler(fehler)
    return roh
