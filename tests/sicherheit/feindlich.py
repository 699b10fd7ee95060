"""Hostile files, built by the tests themselves (nothing hostile is shipped in the repository)."""

from __future__ import annotations

import io
import zipfile

import openpyxl


def arbeitsmappe(blaetter: dict[str, list[list]]) -> bytes:
    """An honest workbook: sheet name -> rows."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in blaetter.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def ersetze_teil(xlsx: bytes, teil: str, aendern) -> bytes:
    """The workbook with one archive member rewritten by ``aendern(text) -> text``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as alt, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as neu:
        for info in alt.infolist():
            data = alt.read(info.filename)
            if info.filename == teil:
                data = aendern(data.decode("utf-8")).encode("utf-8")
            neu.writestr(info.filename, data)
    return out.getvalue()


def dimensionsbombe() -> bytes:
    """The sweep's 1.6 KB workbook: ``<dimension ref="A1:XFD1048576"/>`` and one row at r=1048576."""
    xlsx = arbeitsmappe({"themen": [["id", "name"], ["t-1", "Eins"]]})

    def aendern(xml: str) -> str:
        import re

        xml = re.sub(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is>'
                                            '</c></row></sheetData>')

    return ersetze_teil(xlsx, "xl/worksheets/sheet1.xml", aendern)


def zipbombe(entpackt: int) -> bytes:
    """A workbook whose sheet XML unpacks to about ``entpackt`` bytes: whitespace inside ``<sheetData>``, which an
    XML parser must read through (packs about 1000:1). Written in pieces, so building it needs little memory."""
    xlsx = arbeitsmappe({"themen": [["id", "name"], ["t-1", "Eins"]]})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as alt, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                                 compresslevel=9) as neu:
        for info in alt.infolist():
            data = alt.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                neu.writestr(info.filename, data)
                continue
            kopf, rest = data.split(b"<sheetData>", 1)
            with neu.open(info.filename, "w", force_zip64=True) as f:
                f.write(kopf + b"<sheetData>")
                block = b" " * 2**20
                for _ in range(entpackt // len(block)):
                    f.write(block)
                f.write(rest)
    return out.getvalue()
