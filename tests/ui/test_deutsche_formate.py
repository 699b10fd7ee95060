"""Every number and date a person reads follows German conventions (issue 15, points 1 and 2).

Each page runs as the Koordination (who sees the most); every table, metric and text on screen is scanned for
numbers written the English way („7.00“, „0.1234“, „100,000“), raw floats in tables (Streamlit would show them
with a decimal point) and ISO dates („2026-12-01“) – the problems the walk through the app found.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from ui_hilfen import KOORDINATION, seite, texte

SEITEN = ["wegweiser", "vermittlung", "netzwerk", "analyse", "sozialraumkonzept", "pflege", "nutzer",
          "protokoll"]

# „7.00“, „0.1234“, „1670000.00“: a point followed by one, two or four and more digits (German thousands
# groups have exactly three) – not inside a word or an id, not a date „01.12.2026“.
ENGLISCHE_ZAHL = re.compile(r"(?<![\w.\-/])\d+\.(\d{1,2}|\d{4,})(?![\w.])")
# „100,000“: a comma followed by exactly three digits and another group or the end of a number.
ENGLISCHE_TAUSENDER = re.compile(r"(?<![\w,.])[1-9]\d{0,2}(,\d{3}){2,}(?![\d,])|(?<![\w,.])[1-9]\d{0,2}(,\d{3})+\.\d+")
ISO_DATUM = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")


def _zellen(at):
    for art in ("dataframe", "table"):
        for e in getattr(at, art):
            df = e.value if isinstance(e.value, pd.DataFrame) else pd.DataFrame(e.value)
            yield art, df


def _fehler_im_text(text: str) -> list[str]:
    funde = []
    for muster, was in ((ENGLISCHE_ZAHL, "englische Dezimalzahl"), (ENGLISCHE_TAUSENDER, "englische Tausender"),
                        (ISO_DATUM, "ISO-Datum")):
        funde += [f"{was}: {m.group(0)!r} in {text[max(0, m.start() - 30):m.end() + 30]!r}"
                  for m in muster.finditer(text)]
    return funde


@pytest.mark.parametrize("name", SEITEN)
def test_zahlen_und_daten_deutsch(datenordner, name):
    at = seite(name, als=KOORDINATION).run()
    assert not at.exception, at.exception
    funde = []
    for art, df in _zellen(at):
        for spalte in df.columns:
            if pd.api.types.is_float_dtype(df[spalte]) and not (df[spalte].dropna() % 1 == 0).all():
                funde.append(f"{art}: Spalte {spalte!r} hat Kommazahlen als float (Anzeige mit Punkt)")
            if df[spalte].dtype == object:
                for wert in df[spalte].dropna().astype(str):
                    funde += [f"{art} {spalte!r}: {f}" for f in _fehler_im_text(wert)]
    for m in at.get("metric"):
        funde += [f"Kennzahl: {f}" for f in _fehler_im_text(str(m.value))]
    funde += _fehler_im_text(texte(at))
    assert not funde, "\n".join(sorted(set(funde))[:40])
