"""German numbers, money, distances and dates – written and read in exactly one place (Babel, locale de_DE).

Writing: thousands „.“, decimal „,“, the minus sign „−“, a space before the unit („3,2 km“, „12,50 €“). Where
a line must not break between number and unit (print, PDF), the caller keeps the cell together.
Reading: German conventions only, strictly. „1.670.000“ is one million six hundred seventy thousand,
„7,5“ is seven and a half; „7.5“ or „1670000.00“ is *ambiguous* and refused with a German message that names
what the person may have meant – nothing is computed on a guess.

Examples
--------
>>> zahl(1670000), zahl(7, 2), zahl(0.1234, 2), zahl(-3.5, 1)
('1.670.000', '7,00', '0,12', '−3,5')
>>> geld(1670000)
'1.670.000,00 €'
>>> km(3.04), km(0), km(None)
('3,0 km', '0,0 km', '')
>>> datum("2026-12-01"), datum(None)
('01.12.2026', '')
>>> zahl_lesen("1.670.000"), zahl_lesen("1.670.000,00 €"), zahl_lesen("7,25")
(Decimal('1670000'), Decimal('1670000.00'), Decimal('7.25'))
>>> zahl_lesen("1670000.00")
Traceback (most recent call last):
...
network.errors.EingabeFehler: „1670000.00“ ist keine eindeutige Zahl. Bitte mit Komma für Nachkommastellen schreiben, z. B. „1.670.000“ oder „167.000.000“.
>>> datum_lesen("01.12.2026"), datum_lesen("1.12.26"), datum_lesen("2026-12-01")
(datetime.date(2026, 12, 1), datetime.date(2026, 12, 1), datetime.date(2026, 12, 1))
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from ..errors import EingabeFehler

__all__ = ["zahl", "geld", "km", "prozent", "datum", "monat", "anzahl", "zahl_lesen", "datum_lesen",
           "VEGA_DEUTSCH", "LOCALE"]

LOCALE = "de_DE"
_LEER = " "
_MINUS = "\u2212"

#: Vega number and time locale for charts (``chart.configure(locale=VEGA_DEUTSCH)``): „100.000“ on an axis.
VEGA_DEUTSCH = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"], "minus": _MINUS},
    "time": {"dateTime": "%A, der %e. %B %Y, %X", "date": "%d.%m.%Y", "time": "%H:%M:%S",
             "periods": ["AM", "PM"],
             "days": ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
             "shortDays": ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"],
             "months": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
                        "Oktober", "November", "Dezember"],
             "shortMonths": ["Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov",
                             "Dez"]},
}


def _dezimal(x) -> Decimal:
    if isinstance(x, Decimal):
        return x
    if isinstance(x, float):
        return Decimal(repr(x))
    if isinstance(x, Fraction):
        return Decimal(x.numerator) / Decimal(x.denominator)
    return Decimal(str(x))


def zahl(x, stellen: int | None = None) -> str:
    """``x`` in German: ``stellen`` decimals (``None``: as many as needed, at most three).

    >>> zahl(1234.5), zahl(2.0), zahl(1234.5, 0), zahl(None)
    ('1.234,5', '2', '1.235', '–')
    """
    if x is None:
        return "–"
    d = _dezimal(x)
    if stellen is not None:  # commercial rounding (half up), as people and spreadsheets round
        d = d.quantize(Decimal(1).scaleb(-stellen), rounding=ROUND_HALF_UP)
    muster = "#,##0" if stellen is None or stellen == 0 else "#,##0." + "0" * stellen
    if stellen is None:
        muster = "#,##0.###"
    text = format_decimal(abs(d), muster, locale=LOCALE, decimal_quantization=True)
    negativ = d < 0 and any(c not in "0.," for c in text)
    return (_MINUS if negativ else "") + text


def geld(x) -> str:
    """Euros to the cent: ``1.670.000,00 €`` (no-break space before „€“).

    >>> geld(-12.5), geld("0.1")
    ('−12,50 €', '0,10 €')
    """
    return zahl(x, 2) + _LEER + "€"


def prozent(anteil, stellen: int = 2) -> str:
    """A share 0–1 as percent: ``23,46 %``.

    >>> prozent(0.23456), prozent(1, 0)
    ('23,46 %', '100 %')
    """
    return zahl(_dezimal(anteil) * 100, stellen) + _LEER + "%"


def km(x, stellen: int | None = 1) -> str:
    """A distance – the one rule for km as text: ``3,2 km``; ``None`` → ``""`` (no distance known).

    ``stellen`` decimals (1 on the pages; 0 for the families' „4 km entfernt“, where a tenth would pretend a
    precision the straight line does not have); ``None``: at most one decimal, none for whole km („15 km“,
    „3,2 km“), for the sentences of the analysis. Callers add words around it („… entfernt“), never digits.

    >>> km(3.04), km(12.66), km(4.49, 0), km(15, None), km(3.21, None), km(0, None)
    ('3,0 km', '12,7 km', '4 km', '15 km', '3,2 km', '0 km')
    """
    if x is None:
        return ""
    if stellen is None:
        return zahl(_dezimal(x).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)) + _LEER + "km"
    return zahl(x, stellen) + _LEER + "km"


def datum(x) -> str:
    """An ISO date (text, :class:`date` or :class:`datetime`) as ``TT.MM.JJJJ``; empty stays empty.

    >>> datum("2024-03-01T10:00:00"), datum(date(2026, 1, 2))
    ('01.03.2024', '02.01.2026')
    """
    if x is None or x == "":
        return ""
    if isinstance(x, (date, datetime)):
        return x.strftime("%d.%m.%Y")
    s = str(x)
    if len(s) < 10 or s[4] != "-":
        return s
    return f"{s[8:10]}.{s[5:7]}.{s[:4]}"


def monat(x) -> str:
    """A month (ISO date or ``JJJJ-MM``) as ``MM/JJJJ``, as on the cards („Angaben zuletzt geprüft: 03/2026“).

    >>> monat("2026-03-14"), monat("2026-03"), monat(None)
    ('03/2026', '03/2026', '')
    """
    if not x:
        return ""
    s = x.isoformat() if isinstance(x, (date, datetime)) else str(x)
    return f"{s[5:7]}/{s[:4]}" if len(s) >= 7 and s[4] == "-" else s


def anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    """A count with the German noun in singular or plural: ``1 Angebot``, ``2 Angebote``, ``0 Angebote``.

    >>> anzahl(1, "Angebot", "Angebote"), anzahl(0, "Kita", "Kitas"), anzahl(1670, "Kind", "Kinder")
    ('1 Angebot', '0 Kitas', '1.670 Kinder')
    """
    return f"{zahl(n, 0)} {einzahl if n == 1 else mehrzahl}"


_EINHEITEN = re.compile(r"(€|eur|euro|vzä|vzae|km|%)$", re.IGNORECASE)


def zahl_lesen(text, was: str | None = None) -> Decimal:
    """A number typed the German way: ``1.670.000``, ``1.670.000,50 €``, ``7,5``, ``1 670 000``.

    Raises :class:`EingabeFehler` with a German message when the text is empty, not a number, or ambiguous
    (``7.5``, ``1670000.00``, ``1,670,000``). ``was`` names the field in the message.

    >>> zahl_lesen("7.5", "Stellen")
    Traceback (most recent call last):
    ...
    network.errors.EingabeFehler: Stellen: „7.5“ ist keine eindeutige Zahl. Bitte mit Komma für Nachkommastellen schreiben, z. B. „7,5“ oder „75“.
    >>> zahl_lesen("viel")
    Traceback (most recent call last):
    ...
    network.errors.EingabeFehler: „viel“ ist keine Zahl.
    >>> zahl_lesen("−3,5")
    Decimal('-3.5')
    """
    if isinstance(text, (int, Decimal)) and not isinstance(text, bool):
        return Decimal(text)
    if isinstance(text, float):
        return Decimal(repr(text))
    vorn = f"{was}: " if was else ""
    roh = "" if text is None else str(text)
    t = roh.strip().replace(_MINUS, "-")
    t = _EINHEITEN.sub("", t).strip()
    t = re.sub(r"(?<=\d)[\s\u00a0\u202f]+(?=\d{3}\b)", ".", t)  # 1 670 000 → 1.670.000
    if not t:
        raise EingabeFehler(f"{vorn}Bitte eine Zahl eingeben.")
    try:
        d = parse_decimal(t, locale=LOCALE, strict=True)
    except NumberFormatError as f:
        vorschlaege = list(dict.fromkeys(getattr(f, "suggestions", None) or []))
        if vorschlaege:
            oder = " oder ".join(f"„{v}“" for v in reversed(vorschlaege))
            raise EingabeFehler(f"{vorn}„{roh.strip()}“ ist keine eindeutige Zahl. Bitte mit Komma für "
                                f"Nachkommastellen schreiben, z. B. {oder}.") from None
        raise EingabeFehler(f"{vorn}„{roh.strip()}“ ist keine Zahl.") from None
    except (InvalidOperation, ValueError):
        raise EingabeFehler(f"{vorn}„{roh.strip()}“ ist keine Zahl.") from None
    if not d.is_finite():
        raise EingabeFehler(f"{vorn}„{roh.strip()}“ ist keine Zahl.")
    return d


_DATUM = re.compile(r"^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def datum_lesen(text, was: str | None = None) -> date:
    """A date typed as ``TT.MM.JJJJ`` (also ``1.12.26``) or ``JJJJ-MM-TT``.

    Two-digit years mean 2000–2099. Raises :class:`EingabeFehler` with a German message otherwise.

    >>> datum_lesen("31.02.2026")
    Traceback (most recent call last):
    ...
    network.errors.EingabeFehler: „31.02.2026“ ist kein gültiges Datum.
    >>> datum_lesen("12/01/2026", "Gültig ab")
    Traceback (most recent call last):
    ...
    network.errors.EingabeFehler: Gültig ab: „12/01/2026“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.12.2026.
    """
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    vorn = f"{was}: " if was else ""
    t = "" if text is None else str(text).strip()
    if not t:
        raise EingabeFehler(f"{vorn}Bitte ein Datum eingeben (TT.MM.JJJJ).")
    if m := _DATUM.match(t):
        tag, monat, jahr = int(m[1]), int(m[2]), int(m[3])
        jahr += 2000 if len(m[3]) == 2 else 0
    elif m := _ISO.match(t[:10]) if len(t) in (10, 19, 20, 25, 26) or "T" in t else None:
        jahr, monat, tag = int(m[1]), int(m[2]), int(m[3])
    else:
        raise EingabeFehler(f"{vorn}„{t}“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 01.12.2026.")
    try:
        return date(jahr, monat, tag)
    except ValueError:
        raise EingabeFehler(f"{vorn}„{t}“ ist kein gültiges Datum.") from None
