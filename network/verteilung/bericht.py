"""Exports of a distribution: text table and CSV (CLI), Excel workbook, and a PDF report for the
Jugendhilfeausschuss (table, bar chart drawn with fpdf2 primitives, formula, weights, date, data sources, and a
„Demodaten“ note when fictional values were used).

German number formats come from :func:`euro`, :func:`vzae` and :func:`prozent`; the app uses the same
functions, so screen and report show the same figures.

Examples
--------
>>> from decimal import Decimal
>>> euro(Decimal("1670000")), euro(Decimal("-12.5")), vzae(Decimal("1.25")), prozent(0.23456)
('1.670.000,00 €', '−12,50 €', '1,25', '23,46 %')
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from ..austausch.dateien import schuetzen
from ..grund import format as F
from . import indikatoren as I
from .verfahren import KitaVerteilung, Verteilung

__all__ = ["euro", "vzae", "prozent", "index_text", "datum", "als_tabelle", "als_csv", "excel_bytes", "pdf_bytes",
           "FORMEL", "RUNDUNG", "METHODE"]

#: The formula in words and symbols (PDF, Excel, CLI).
FORMEL = ("Anteil eines Sozialraums s am Indikator i:  a_i(s) = x_i(s) / Σ x_i   (Wert von s geteilt durch die "
          "Summe über alle Sozialräume).  Index:  I(s) = Σ w_i · a_i(s) / Σ w_i   (w_i = Gewicht). Die Indizes "
          "aller Sozialräume ergeben zusammen 1.")
RUNDUNG = ("Budget in Cent und Stellen in Schritten werden nach dem Verfahren der größten Reste (Hare–Niemeyer) "
           "verteilt: jeder Sozialraum erhält den ganzzahligen Teil seines genauen Anteils, die übrigen Einheiten "
           "gehen einzeln an die größten Reste. Bei gleichem Rest zuerst der höhere Index, dann die kleinere "
           "Kennung. So ergeben die Teile immer genau die Summe.")
MINIMUM = ("Mindestbetrag: Jeder Sozialraum erhält mindestens den Mindestbetrag; wer nach Index darunter läge, "
           "wird auf ihn angehoben, die übrigen teilen den Rest nach ihrem Index.")
METHODE = (FORMEL, RUNDUNG, MINIMUM)


# -- German formats -----------------------------------------------------------------------------------------
def euro(betrag) -> str:
    """``1.234.567,89 €`` (minus sign for negative amounts); :func:`network.grund.format.geld`."""
    return F.geld(betrag if isinstance(betrag, (Decimal, int)) else Decimal(str(betrag)))


def vzae(wert, stellen: int = 2) -> str:
    """Vollzeitäquivalente with a decimal comma: ``1,25``."""
    return F.zahl(Decimal(str(float(wert))) if not isinstance(wert, Decimal) else wert, stellen)


def prozent(anteil, stellen: int = 2) -> str:
    """A share 0–1 as ``23,46 %``."""
    return F.prozent(Decimal(str(float(anteil))), stellen)


def index_text(index) -> str:
    """The need index with four decimals: ``0,2345``."""
    return F.zahl(Decimal(str(float(index))), 4)


def datum(iso: str | None) -> str:
    """ISO date → ``TT.MM.JJJJ``."""
    return F.datum(iso)


def _gewicht(w) -> str:
    return F.zahl(Decimal(str(float(w))))


def _eckdaten(v: Verteilung) -> list[tuple[str, str]]:
    """(label, value) of the head of every export."""
    paare = [("Szenario", v.szenario), ("Budget", euro(v.budget)),
             ("Stellen", f"{vzae(v.stunden)} VZÄ in Schritten von {vzae(v.schritt)} VZÄ")]
    if v.minimum_budget_cent or v.minimum_stunden_schritte:
        paare.append(("Mindestens je Sozialraum", f"{euro(v.minimum_budget)} und {vzae(v.minimum_stunden)} VZÄ"))
    paare.append(("Indikatorwerte", f"Stand bis {datum(v.stichtag)}" if v.stichtag else "jeweils der neueste Wert"))
    paare.append(("Berechnet am", datum(v.berechnet_am)))
    return paare


def _kopf(v: Verteilung) -> list[str]:
    zeilen = [f"{k}: {w}" for k, w in _eckdaten(v)]
    zeilen.insert(-1, "Gewichte: " + "; ".join(f"{I.name(i)} {_gewicht(v.gewichte[i])}" for i in v.verwendet))
    return zeilen


# -- CLI ----------------------------------------------------------------------------------------------------
def als_tabelle(v: Verteilung) -> str:
    """A plain text table for the terminal (German formats), with head, sum and notices."""
    kopf = ("Sozialraum", "Index", "Anteil", "Budget", "VZÄ")
    zeilen = [(z.name, index_text(z.index), prozent(v.anteil(z)), euro(z.budget), vzae(z.stunden))
              for z in v.zeilen]
    zeilen.append(("Summe", index_text(sum(z.index for z in v.zeilen)), prozent(1 if v.zeilen else 0),
                   euro(v.budget), vzae(v.stunden)))
    breite = [max(len(str(r[i])) for r in [kopf, *zeilen]) for i in range(len(kopf))]

    def fmt(r) -> str:
        return "  ".join(str(c).ljust(breite[0]) if i == 0 else str(c).rjust(breite[i]) for i, c in enumerate(r))

    teile = _kopf(v) + ["", fmt(kopf), "  ".join("-" * b for b in breite)]
    teile += [fmt(r) for r in zeilen[:-1]] + ["  ".join("-" * b for b in breite), fmt(zeilen[-1])]
    if v.fiktiv:
        teile += ["", "DEMODATEN: Die Indikatorwerte sind ganz oder teilweise erfunden (fiktiv)."]
    teile += [f"Hinweis: {h}" for h in v.hinweise]
    return "\n".join(teile) + "\n"


def als_csv(v: Verteilung) -> str:
    """CSV (comma-separated, decimal point): ``id,name,index,anteil,budget,stunden``; text cells protected
    against spreadsheet formulas."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "name", "index", "anteil", "budget", "stunden"])
    for z in v.zeilen:
        w.writerow([schuetzen(z.id), schuetzen(z.name), f"{float(z.index):.6f}", f"{float(v.anteil(z)):.6f}",
                    f"{z.budget:.2f}", f"{z.stunden:.2f}"])
    return buf.getvalue()


# -- Excel --------------------------------------------------------------------------------------------------
_EURO = '#,##0.00 "€"'
_VZAE = '0.00'
_ANTEIL = '0.00%'
_INDEX = '0.0000'


def excel_bytes(v: Verteilung, *, soll_ist: list[dict] | None = None, bedarf: list[dict] | None = None,
                vergleich: tuple[str, str, list[dict]] | None = None, kitas: KitaVerteilung | None = None) -> bytes:
    """The distribution as an Excel workbook: Verteilung, Gewichte, Indikatoren and (when given) Soll-Ist,
    Bedarf-Angebot, Vergleich, Kitas, plus Methode (formula, rounding, sources). Numbers are numbers with
    German-readable formats; every text cell is stored as text, never as a formula."""
    import openpyxl  # heavy optional dependency: only an Excel export loads it

    wb = openpyxl.Workbook()
    _blatt_verteilung(wb.active, v, soll_ist)
    _excel_tabelle(wb.create_sheet("Gewichte"), ["Indikator", "Name", "Gewicht", "verwendet", "Kriterium des Kreises"],
             [[k, I.name(k), float(w), "ja" if k in v.verwendet else "nein",
               "ja" if I.indikator(k).kriterium else "nein"] for k, w in v.gewichte.items()])
    _blatt_indikatoren(wb.create_sheet("Indikatoren"), v)
    _blaetter_auf_wunsch(wb, v, soll_ist, bedarf, vergleich, kitas)
    _blatt_methode(wb.create_sheet("Methode"), v)
    for blatt in wb.worksheets:  # a text beginning with "=" stays text, never a formula
        for row in blatt.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _excel_tabelle(ws, kopf: list[str], zeilen: list[list], formate: dict[int, str] | None = None) -> None:
    """Append a table to the sheet ``ws``: a bold header, the rows with the number formats ``formate``
    (column index -> format) and column widths fitted to the texts (at most 60)."""
    from openpyxl.styles import Font  # heavy optional dependency: only an Excel export loads it
    from openpyxl.utils import get_column_letter

    ws.append(kopf)
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for r in zeilen:
        ws.append(r)
        for i, fmt in (formate or {}).items():
            ws.cell(ws.max_row, i + 1).number_format = fmt
    for i, k in enumerate(kopf, 1):
        breite = max([len(str(k))] + [len(str(r[i - 1])) for r in zeilen if r[i - 1] is not None])
        ws.column_dimensions[get_column_letter(i)].width = min(60, breite + 2)


def _blatt_verteilung(ws, v: Verteilung, soll_ist: list[dict] | None) -> None:
    """The first sheet: title, header lines, the Demodaten note, and one row per Sozialraum plus the sum
    (with Ist and Soll − Ist when ``soll_ist`` is given)."""
    from openpyxl.styles import Font  # heavy optional dependency: only an Excel export loads it

    ws.title = "Verteilung"
    for t in ["Sozialraumkonzept – Verteilung des Sozialraumbudgets", *_kopf(v)]:
        ws.append([t])
    ws["A1"].font = Font(bold=True, size=13)
    if v.fiktiv:
        ws.append(["DEMODATEN: Die Indikatorwerte sind ganz oder teilweise erfunden (fiktiv)."])
        ws.cell(ws.max_row, 1).font = Font(bold=True, color="9C2A00")
    ws.append([])
    ist = {r["id"]: r for r in soll_ist or []}
    kopf = ["Kennung", "Sozialraum", "Index", "Anteil", "Budget (€)", "Stellen (VZÄ)"]
    if ist:
        kopf += ["Ist (VZÄ)", "Soll − Ist (VZÄ)"]
    zeilen = []
    for z in v.zeilen:
        r = [z.id, z.name, float(z.index), float(v.anteil(z)), float(z.budget), float(z.stunden)]
        if ist:
            r += [ist[z.id]["ist"], ist[z.id]["differenz"]]
        zeilen.append(r)
    summe = ["", "Summe", float(sum(z.index for z in v.zeilen)), 1.0 if v.zeilen else 0.0, float(v.budget),
             float(v.stunden)]
    if ist:
        summe += [sum(r["ist"] for r in ist.values()), sum(r["differenz"] for r in ist.values())]
    _excel_tabelle(ws, kopf, zeilen + [summe], {2: _INDEX, 3: _ANTEIL, 4: _EURO, 5: _VZAE, 6: _VZAE, 7: _VZAE})
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)


def _blatt_indikatoren(ws, v: Verteilung) -> None:
    """Every indicator value and share per Sozialraum, the indicators used in the index first."""
    namen = {z.id: z.name for z in v.zeilen}
    zeilen = []
    for ind in sorted(v.werte, key=lambda i: (i not in v.verwendet, i)):
        for z in v.zeilen:
            wert = v.werte[ind].get(z.id)
            anteil = v.anteile.get(ind, {}).get(z.id)
            zeilen.append([namen[z.id], ind, I.name(ind), wert, None if anteil is None else float(anteil),
                           "ja" if ind in v.verwendet else "nein"])
    _excel_tabelle(ws, ["Sozialraum", "Indikator", "Name", "Wert", "Anteil", "im Index"], zeilen, {4: _ANTEIL})


def _blaetter_auf_wunsch(wb, v: Verteilung, soll_ist, bedarf, vergleich, kitas) -> None:
    """The sheets that exist only when their data are given: Soll-Ist, Bedarf-Angebot, Vergleich, Kitas."""
    if soll_ist:
        _excel_tabelle(wb.create_sheet("Soll-Ist"),
                 ["Kennung", "Sozialraum", "Soll (VZÄ)", "Ist (VZÄ)", "Soll − Ist", "Kitas", "Plätze",
                  "Kitas ohne Fachkraft", "Kitas je VZÄ (Soll)", "Kitas je VZÄ (Ist)", "Plätze je VZÄ (Soll)",
                  "Plätze je VZÄ (Ist)"],
                 [[r["id"], r["name"], r["soll"], r["ist"], r["differenz"], r["kitas"], r["plaetze"],
                   r["kitas_ohne_fachkraft"], r["kitas_je_vzae_soll"], r["kitas_je_vzae_ist"],
                   r["plaetze_je_vzae_soll"], r["plaetze_je_vzae_ist"]] for r in soll_ist],
                 {2: _VZAE, 3: _VZAE, 4: _VZAE, 8: "0.0", 9: "0.0", 10: "0", 11: "0"})
    if bedarf:
        _excel_tabelle(wb.create_sheet("Bedarf-Angebot"),
                 ["Kennung", "Sozialraum", "Index", "Kinder unter 6", "Kitas", "Angebote (zuständig)",
                  "davon vor Ort", "Angebote je 1000 Kinder", "Angebote je Kita", "Lücken", "auffällig"],
                 [[r["id"], r["name"], float(r["index"]), r["kinder_u6"], r["kitas"], r["angebote"],
                   r["angebote_vor_ort"], r["angebote_je_1000_kinder"], r["angebote_je_kita"], r["luecken"],
                   "ja" if r["auffaellig"] else "nein"] for r in bedarf],
                 {2: _INDEX, 7: "0.0", 8: "0.00"})
    if vergleich:
        name_a, name_b, rows = vergleich
        _excel_tabelle(wb.create_sheet("Vergleich"),
                 ["Kennung", "Sozialraum", f"Index {name_a}", f"Index {name_b}", f"Budget {name_a} (€)",
                  f"Budget {name_b} (€)", "Differenz (€)", f"VZÄ {name_a}", f"VZÄ {name_b}", "Differenz (VZÄ)",
                  "Ergebnis"],
                 [[r["id"], r["name"], float(r["index_a"]), float(r["index_b"]), r["budget_a"], r["budget_b"],
                   r["budget_differenz"], r["stunden_a"], r["stunden_b"], r["stunden_differenz"], r["ergebnis"]]
                  for r in rows], {2: _INDEX, 3: _INDEX, 4: _EURO, 5: _EURO, 6: _EURO, 7: _VZAE, 8: _VZAE, 9: _VZAE})
    if kitas and kitas.zeilen:
        namen = {z.id: z.name for z in v.zeilen}
        _excel_tabelle(wb.create_sheet("Kitas"),
                 ["Kennung", "Kita", "Sozialraum", "Plätze", "Kita-Wert", "Schlüssel", "Budget (€)", "VZÄ"],
                 [[k.id, k.name, namen.get(k.sozialraum_id, k.sozialraum_id), k.plaetze, k.faktor,
                   float(k.schluessel), float(k.budget), float(k.stunden)] for k in kitas.zeilen],
                 {6: _EURO, 7: _VZAE})


def _blatt_methode(ws, v: Verteilung) -> None:
    """Formula, rounding, minimum, the data sources and the notes of the distribution."""
    for t in ["Formel", FORMEL, "", "Rundung", RUNDUNG, "", "Mindestbetrag", MINIMUM, "", "Datenquellen"]:
        ws.append([t])
    for q in v.quellen:
        ws.append([I.name(q["indikator"]), q["quelle"], datum(q["stichtag"]), "fiktiv" if q["fiktiv"] else ""])
    if v.hinweise:
        ws.append([])
        ws.append(["Hinweise"])
        for h in v.hinweise:
            ws.append([h])
    ws.column_dimensions["A"].width = 60


# -- PDF ----------------------------------------------------------------------------------------------------
_SCHRIFTEN = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
              Path("/usr/local/share/fonts/dejavu"), Path("/Library/Fonts"), Path("C:/Windows/Fonts"))
_ERSATZ = {"−": "-", "–": "-", "—": "-", "…": "...", "Σ": "Summe ", "·": "*", "„": '"', "“": '"',
           "’": "'",
           "€": "EUR", "≥": ">=", "≤": "<=", "×": "x", "\u202f": " ", "\u2009": " "}

_BLAU = (31, 95, 153)
_HELL = (232, 239, 246)
_DEMO = (156, 42, 0)


def _pdf_klasse():
    from fpdf import FPDF  # heavy optional dependency: only a PDF report loads it

    class Bericht(FPDF):
        schrift = "Helvetica"
        unicode = False
        fuss = ""

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(self.schrift, "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 5, self.t(f"{self.fuss} · Seite {self.page_no()}/{{nb}}"), align="C")

        def t(self, text: str) -> str:
            """Text for the current font: core fonts know only Latin-1."""
            if self.unicode:
                return text
            for a, b in _ERSATZ.items():
                text = text.replace(a, b)
            return text.encode("latin-1", "replace").decode("latin-1")

    return Bericht


def _schrift(pdf) -> None:
    """A Unicode font (€, Σ, typographic quotes): DejaVu Sans of the system, else Noto Sans from the pip package
    ``fontpkg-noto-sans`` (a variable font: regular and bold instances), else the core font Helvetica."""
    for ordner in _SCHRIFTEN:
        normal, fett = ordner / "DejaVuSans.ttf", ordner / "DejaVuSans-Bold.ttf"
        if normal.exists() and fett.exists():
            pdf.add_font("DejaVu", "", str(normal))
            pdf.add_font("DejaVu", "B", str(fett))
            pdf.schrift, pdf.unicode = "DejaVu", True
            return
    try:
        import fontpkg_noto_sans  # optional font package: looked for only when no system font is there

        datei = next(p for p in sorted((Path(fontpkg_noto_sans.ROOT) / "files").glob("NotoSans*.ttf"))
                     if "Italic" not in p.name)
        pdf.add_font("Noto", "", str(datei), variations={"wght": 400})
        pdf.add_font("Noto", "B", str(datei), variations={"wght": 700})
        pdf.schrift, pdf.unicode = "Noto", True
    except Exception:  # no package, no file, or an fpdf2 without variable fonts: Helvetica (Latin-1) it is
        pass


def _tabelle(pdf, kopf: list[str], zeilen: list[list[str]], breiten: list[float], rechts: set[int],
             fett_letzte: bool = False) -> None:
    pdf.set_font(pdf.schrift, "B", 8.5)
    pdf.set_fill_color(*_HELL)
    pdf.set_text_color(0, 0, 0)
    hoehe = 6

    def kopfzeile() -> None:
        pdf.set_font(pdf.schrift, "B", 8.5)
        zeilen_je = [_umbrechen(pdf, pdf.t(k), b - 1.5) for k, b in zip(kopf, breiten)]
        n = max(len(z) for z in zeilen_je)
        x, y = pdf.get_x(), pdf.get_y()
        pdf.rect(x, y, sum(breiten), n * 4 + 2, style="F")
        for i, (teile, b) in enumerate(zip(zeilen_je, breiten)):
            for j, t in enumerate(teile):
                pdf.set_xy(x + sum(breiten[:i]), y + 1 + (n - len(teile) + j) * 4)
                pdf.cell(b, 4, t, align="R" if i in rechts else "L")
        pdf.line(x, y + n * 4 + 2, x + sum(breiten), y + n * 4 + 2)
        pdf.set_xy(x, y + n * 4 + 2)

    kopfzeile()
    for n, r in enumerate(zeilen):
        if pdf.get_y() + hoehe > pdf.page_break_trigger:
            pdf.add_page()
            kopfzeile()
        letzte = fett_letzte and n == len(zeilen) - 1
        pdf.set_font(pdf.schrift, "B" if letzte else "", 8.5)
        for i, (c, b) in enumerate(zip(r, breiten)):
            text = pdf.t(str(c))
            while pdf.get_string_width(text) > b - 1.5 and len(text) > 3:
                text = text[:-2] + "…" if pdf.unicode else text[:-4] + "..."
            pdf.cell(b, hoehe, text, border="T" if letzte else 0, align="R" if i in rechts else "L")
        pdf.ln(hoehe)
    pdf.ln(2)


def _umbrechen(pdf, text: str, breite: float) -> list[str]:
    """Split ``text`` into lines no wider than ``breite`` (at spaces and after hyphens)."""
    woerter = [w for w in re.split(r"(?<=-)|\s+", text) if w]
    zeilen: list[str] = []
    for w in woerter:
        if zeilen:
            verbunden = zeilen[-1] + ("" if zeilen[-1].endswith("-") else " ") + w
            if pdf.get_string_width(verbunden) <= breite:
                zeilen[-1] = verbunden
                continue
        zeilen.append(w)
    return zeilen or [""]


def _absatz(pdf, text: str, groesse: float = 9, fett: bool = False, farbe=(0, 0, 0)) -> None:
    pdf.set_font(pdf.schrift, "B" if fett else "", groesse)
    pdf.set_text_color(*farbe)
    pdf.multi_cell(0, groesse * 0.5, pdf.t(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _ueberschrift(pdf, text: str) -> None:
    if pdf.get_y() > pdf.page_break_trigger - 30:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(pdf.schrift, "B", 11.5)
    pdf.set_text_color(*_BLAU)
    pdf.cell(0, 7, pdf.t(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _balken(pdf, v: Verteilung) -> None:
    """Horizontal bars of the budget per Sozialraum, each labelled with amount and VZÄ (colour is not needed to
    read it)."""
    links, breite = pdf.l_margin, pdf.w - pdf.l_margin - pdf.r_margin
    namen_b, text_b = 48, 52
    bar_max = breite - namen_b - text_b
    hoehe, abstand = 6.5, 2.5
    noetig = len(v.zeilen) * (hoehe + abstand) + 8
    if pdf.get_y() + noetig > pdf.page_break_trigger:
        pdf.add_page()
    y0 = pdf.get_y() + 1
    groesst = max((z.budget_cent for z in v.zeilen), default=0) or 1
    pdf.set_draw_color(160, 160, 160)
    pdf.line(links + namen_b, y0 - 1, links + namen_b, y0 + len(v.zeilen) * (hoehe + abstand))
    for n, z in enumerate(v.zeilen):
        y = y0 + n * (hoehe + abstand)
        pdf.set_font(pdf.schrift, "", 8.5)
        pdf.set_xy(links, y)
        pdf.cell(namen_b - 2, hoehe, pdf.t(z.name), align="R")
        laenge = bar_max * z.budget_cent / groesst
        pdf.set_fill_color(*_BLAU)
        if laenge > 0:
            pdf.rect(links + namen_b, y, laenge, hoehe, style="F")
        pdf.set_xy(links + namen_b + laenge + 1.5, y)
        pdf.cell(text_b, hoehe, pdf.t(f"{euro(z.budget)} · {vzae(z.stunden)} VZÄ"))
    pdf.set_y(y0 + len(v.zeilen) * (hoehe + abstand) + 2)
    pdf.set_draw_color(0, 0, 0)


def pdf_bytes(v: Verteilung, *, soll_ist: list[dict] | None = None, bedarf: list[dict] | None = None,
              vergleich: tuple[str, str, list[dict]] | None = None, titel: str | None = None) -> bytes:
    """The report for the Jugendhilfeausschuss as PDF (A4)."""
    pdf = _pdf_klasse()(orientation="P", unit="mm", format="A4")
    _schrift(pdf)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(15, 14, 15)
    pdf.fuss = (f"Kita-Netzwerk · Sozialraumkonzept · Szenario „{v.szenario}“ · erstellt am "
                f"{datum(v.berechnet_am)}")
    pdf.set_title(pdf.t(titel or "Sozialraumkonzept – Verteilung des Sozialraumbudgets"))
    pdf.set_creator("Kita-Netzwerk")
    pdf.add_page()
    _pdf_anfang(pdf, v, titel)
    _pdf_ergebnis(pdf, v, soll_ist)
    _ueberschrift(pdf, "Budget je Sozialraum")
    _balken(pdf, v)
    _ueberschrift(pdf, "Verfahren")
    for t in METHODE:
        _absatz(pdf, t, 8.5)
        pdf.ln(1)
    _pdf_gewichte_und_werte(pdf, v)
    _pdf_auf_wunsch(pdf, soll_ist, bedarf, vergleich)
    _pdf_quellen(pdf, v)
    return bytes(pdf.output())


def _pdf_anfang(pdf, v: Verteilung, titel: str | None) -> None:
    """Title, subtitle, the key figures and (for fictional values) the framed Demodaten warning."""
    pdf.set_font(pdf.schrift, "B", 15)
    pdf.cell(0, 8, pdf.t(titel or "Sozialraumkonzept – Verteilung des Sozialraumbudgets"),
             new_x="LMARGIN", new_y="NEXT")
    _absatz(pdf, "Kita-Sozialarbeit im Rhein-Hunsrück-Kreis · Sozialraumbudget nach § 25 Abs. 5 KiTaG RLP · "
                 "Vorlage für den Jugendhilfeausschuss", 9, farbe=(70, 70, 70))
    pdf.ln(1)
    for k, w in _eckdaten(v):
        pdf.set_font(pdf.schrift, "B", 9)
        pdf.cell(46, 5, pdf.t(k))
        pdf.set_font(pdf.schrift, "", 9)
        pdf.cell(0, 5, pdf.t(w), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if v.fiktiv:
        pdf.set_draw_color(*_DEMO)
        pdf.set_line_width(0.6)
        y = pdf.get_y()
        pdf.set_x(pdf.l_margin + 3)
        _absatz(pdf, "DEMODATEN – Die Indikatorwerte sind ganz oder teilweise erfunden (fiktiv). Dieser Bericht "
                     "zeigt das Verfahren, er ist keine Grundlage für Entscheidungen.", 9.5, True, _DEMO)
        pdf.rect(pdf.l_margin, y - 1, pdf.w - pdf.l_margin - pdf.r_margin, pdf.get_y() - y + 2)
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0, 0, 0)
        pdf.ln(3)


def _pdf_ergebnis(pdf, v: Verteilung, soll_ist: list[dict] | None) -> None:
    """The result table per Sozialraum with its sum (Ist and Soll − Ist when given) and who got the minimum."""
    _ueberschrift(pdf, "Ergebnis je Sozialraum")
    ist = {r["id"]: r for r in soll_ist or []}
    kopf = ["Sozialraum", "Index", "Anteil", "Budget", "VZÄ"]
    breiten = [50, 20, 22, 38, 18]
    if ist:
        kopf += ["Ist VZÄ", "Soll − Ist"]
        breiten += [16, 16]
    zeilen = []
    for z in v.zeilen:
        r = [z.name, index_text(z.index), prozent(v.anteil(z)), euro(z.budget), vzae(z.stunden)]
        if ist:
            r += [vzae(ist[z.id]["ist"]), _vorzeichen(ist[z.id]["differenz"])]
        zeilen.append(r)
    summe = ["Summe", index_text(sum(z.index for z in v.zeilen)), prozent(1 if v.zeilen else 0), euro(v.budget),
             vzae(v.stunden)]
    if ist:
        summe += [vzae(sum(r["ist"] for r in ist.values())), _vorzeichen(sum(r["differenz"] for r in ist.values()))]
    _tabelle(pdf, kopf, zeilen + [summe], breiten, set(range(1, len(kopf))), fett_letzte=True)
    if any(z.budget_minimum or z.stunden_minimum for z in v.zeilen):
        _absatz(pdf, "Auf den Mindestbetrag angehoben: " + ", ".join(
            z.name for z in v.zeilen if z.budget_minimum or z.stunden_minimum) + ".", 8.5)


def _pdf_gewichte_und_werte(pdf, v: Verteilung) -> None:
    """The weights (indicators with a weight or a criterion of the district) and the values and shares of the
    indicators used."""
    _ueberschrift(pdf, "Gewichte")
    gezeigt = [k for k, w in v.gewichte.items() if w or I.indikator(k).kriterium]
    _tabelle(pdf, ["Indikator", "Kriterium des Kreises", "im Index", "Gewicht"],
             [[I.name(k), ("ja" if I.indikator(k).oeffentlich else "ja, nicht öffentlich")
               if I.indikator(k).kriterium else "", "ja" if k in v.verwendet else "nein", _gewicht(v.gewichte[k])]
              for k in gezeigt],
             [96, 46, 20, 18], {3})
    rest = [I.name(k) for k in v.gewichte if k not in gezeigt]
    if rest:
        _absatz(pdf, "Weitere Indikatoren mit Gewicht 0: " + ", ".join(rest) + ".", 8.5)

    _ueberschrift(pdf, "Indikatorwerte und Anteile")
    spalte = (pdf.w - pdf.l_margin - pdf.r_margin - 62) / max(len(v.zeilen), 1)
    _tabelle(pdf, ["Indikator"] + [z.name for z in v.zeilen],
             [[I.name(i)] + [f"{_zahl(v.werte.get(i, {}).get(z.id))} ({prozent(v.anteile[i][z.id], 1)})"
                             for z in v.zeilen] for i in v.verwendet],
             [62] + [spalte] * len(v.zeilen), set(range(1, len(v.zeilen) + 1)))


def _pdf_auf_wunsch(pdf, soll_ist, bedarf, vergleich) -> None:
    """The sections that exist only when their data are given: Soll-Ist, Bedarf-Angebot, Vergleich."""
    if soll_ist:
        _ueberschrift(pdf, "Soll und Ist der Fachkraftstellen")
        _absatz(pdf, "Soll: Stellen nach dieser Verteilung. Ist: Stellenanteile der Fachkräfte, aufgeteilt nach der "
                     "Zahl ihrer Kitas je Sozialraum. Positive Differenz: dort fehlen Stellen.", 8.5)
        _tabelle(pdf, ["Sozialraum", "Soll", "Ist", "Soll − Ist", "Kitas", "Plätze", "Kitas/VZÄ Ist",
                       "Plätze/VZÄ Ist"],
                 [[r["name"], vzae(r["soll"]), vzae(r["ist"]), _vorzeichen(r["differenz"]), str(r["kitas"]),
                   _zahl(r["plaetze"]), _zahl(r["kitas_je_vzae_ist"], 1), _zahl(r["plaetze_je_vzae_ist"], 0)]
                  for r in soll_ist], [44, 16, 16, 20, 14, 16, 27, 27], set(range(1, 8)))
    if bedarf:
        _ueberschrift(pdf, "Bedarf und Angebot")
        _tabelle(pdf, ["Sozialraum", "Index", "Kinder < 6", "Angebote", "je 1000 Kinder", "je Kita", "Lücken",
                       "auffällig"],
                 [[r["name"], index_text(r["index"]), _zahl(r["kinder_u6"], 0), str(r["angebote"]),
                   _zahl(r["angebote_je_1000_kinder"], 1), _zahl(r["angebote_je_kita"], 2), str(r["luecken"]),
                   "ja" if r["auffaellig"] else ""] for r in bedarf],
                 [44, 18, 20, 18, 26, 16, 16, 22], set(range(1, 8)))
    if vergleich:
        name_a, name_b, rows = vergleich
        _ueberschrift(pdf, f"Vergleich: „{name_a}“ → „{name_b}“")
        _tabelle(pdf, ["Sozialraum", f"Budget {name_a}", f"Budget {name_b}", "Differenz", "VZÄ Diff.", "Ergebnis"],
                 [[r["name"], euro(r["budget_a"]), euro(r["budget_b"]), euro(r["budget_differenz"]),
                   _vorzeichen(r["stunden_differenz"]), r["ergebnis"]] for r in rows],
                 [42, 32, 32, 30, 18, 26], {1, 2, 3, 4})


def _pdf_quellen(pdf, v: Verteilung) -> None:
    """Notes of the distribution, its data sources and the legal basis."""
    if v.hinweise:
        _ueberschrift(pdf, "Hinweise")
        for h in v.hinweise:
            _absatz(pdf, "• " + h, 8.5)
    _ueberschrift(pdf, "Datenquellen")
    for q in v.quellen:
        _absatz(pdf, f"{I.name(q['indikator'])}: {q['quelle']}, Stand {datum(q['stichtag'])}"
                     + (" (fiktiv)" if q["fiktiv"] else ""), 8.5)
    _absatz(pdf, "Angebote und Lücken: Auswertung des Kooperationsnetzwerks (Kita-Netzwerk). Rechtsgrundlage: "
                 "§ 25 Abs. 5 KiTaG RLP; Sozialraumkonzept des Rhein-Hunsrück-Kreises, beschlossen vom "
                 "Jugendhilfeausschuss am 24.03.2021.", 8.5)


def _zahl(x, stellen: int = 0) -> str:
    if x is None:
        return "–"
    if isinstance(x, Fraction):
        x = float(x)
    return F.zahl(Decimal(str(float(x))), stellen)


def _vorzeichen(x) -> str:
    x = float(x)
    text = vzae(abs(x))
    return ("+" if x > 0 else "−" if x < 0 else "±") + text


def heute() -> str:
    return date.today().isoformat()
