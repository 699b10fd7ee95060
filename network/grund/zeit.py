"""Dates of the domain: the Stichtag, what is active on it, and quarters – each rule written once.

Every package asks here whether a row is active on a day (Angebote by ``gueltig_ab``/``gueltig_bis``,
Kooperationen by ``seit``/``bis``): the analysis, the directory of the Wegweiser and the matching.

Dates in :class:`~network.model.Netzdaten` are ISO strings (``"2023-04-01"``) or ``None``. ISO strings of the
same length compare like the dates they name, so every test here is a plain string comparison.

Examples
--------
>>> stichtag_iso("2024-02-29")
'2024-02-29'
>>> aktiv("2023-01-01", None, "2024-06-30"), aktiv("2023-01-01", "2023-12-31", "2024-06-30")
(True, False)
>>> quartalsanfang("2024-05-17")
'2024-04-01'
>>> quartale("2023-11-02", "2024-04-01")
['2023-10-01', '2024-01-01', '2024-04-01']
>>> quartalsenden("2021-01-01", "2021-10-05")
['2021-03-31', '2021-06-30', '2021-09-30']
"""

from __future__ import annotations

import datetime as _dt

from ..errors import KitaNetzFehler

__all__ = ["stichtag_iso", "datum_iso", "aktiv", "quartalsanfang", "quartalsende", "quartale", "quartalsenden"]


def datum_iso(wert) -> str | None:
    """A date value from the data as ISO string (``None`` stays ``None``).

    Accepts ISO strings (a time part is cut off), :class:`datetime.date` and :class:`datetime.datetime`.

    Examples
    --------
    >>> datum_iso("2023-04-01T10:00:00"), datum_iso(None), datum_iso(_dt.date(2020, 1, 2))
    ('2023-04-01', None, '2020-01-02')
    """
    if wert is None or wert == "":
        return None
    if isinstance(wert, (_dt.date, _dt.datetime)):
        return wert.isoformat()[:10]
    return str(wert)[:10]


def stichtag_iso(stichtag=None) -> str:
    """The Stichtag as ISO string; ``None`` means today.

    Raises
    ------
    KitaNetzFehler
        If ``stichtag`` is not a date (German message for the user).

    Examples
    --------
    >>> stichtag_iso(_dt.date(2025, 1, 31))
    '2025-01-31'
    >>> stichtag_iso("31.01.2025")
    Traceback (most recent call last):
    ...
    network.errors.KitaNetzFehler: Der Stichtag „31.01.2025“ ist kein Datum im Format JJJJ-MM-TT.
    """
    if stichtag is None:
        return _dt.date.today().isoformat()
    if isinstance(stichtag, (_dt.date, _dt.datetime)):
        return stichtag.isoformat()[:10]
    try:
        return _dt.date.fromisoformat(str(stichtag).strip()[:10]).isoformat()
    except ValueError:
        raise KitaNetzFehler(f"Der Stichtag „{stichtag}“ ist kein Datum im Format JJJJ-MM-TT.") from None


def aktiv(ab: str | None, bis: str | None, stichtag: str) -> bool:
    """Whether a validity period ``[ab, bis]`` (both ends inclusive, ``None`` = open) covers ``stichtag``.

    Examples
    --------
    >>> aktiv(None, None, "2024-01-01"), aktiv("2024-01-02", None, "2024-01-01"), aktiv(None, "2024-01-01", "2024-01-01")
    (True, False, True)
    """
    if not ((ab is None or (type(ab) is str and len(ab) == 10)) and (bis is None or (type(bis) is str and len(bis) == 10))):
        ab, bis = datum_iso(ab), datum_iso(bis)  # ISO days (the rule) and open ends need no conversion
    return (ab is None or ab <= stichtag) and (bis is None or bis >= stichtag)


def quartalsanfang(tag: str) -> str:
    """The first day of the quarter that contains ``tag``.

    Examples
    --------
    >>> quartalsanfang("2024-12-31"), quartalsanfang("2024-01-01")
    ('2024-10-01', '2024-01-01')
    """
    d = _dt.date.fromisoformat(tag)
    return _dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1).isoformat()


def quartalsende(anfang: str) -> str:
    """The last day of the quarter that starts on ``anfang``.

    Examples
    --------
    >>> quartalsende("2024-10-01"), quartalsende("2024-01-01")
    ('2024-12-31', '2024-03-31')
    """
    d = _dt.date.fromisoformat(anfang)
    jahr, monat = (d.year + 1, 1) if d.month == 10 else (d.year, d.month + 3)
    return (_dt.date(jahr, monat, 1) - _dt.timedelta(days=1)).isoformat()


def quartale(von: str, bis: str) -> list[str]:
    """Quarter starts from the quarter of ``von`` to the quarter of ``bis`` (both included).

    Examples
    --------
    >>> quartale("2024-03-31", "2024-03-31")
    ['2024-01-01']
    >>> quartale("2025-01-01", "2024-01-01")
    []
    """
    erster, letzter = quartalsanfang(von), quartalsanfang(bis)
    ergebnis = []
    q = erster
    while q <= letzter:
        ergebnis.append(q)
        q = (_dt.date.fromisoformat(quartalsende(q)) + _dt.timedelta(days=1)).isoformat()
    return ergebnis


def quartalsenden(von: str, bis: str) -> list[str]:
    """The last days of the quarters from the quarter of ``von`` on that end before ``bis`` (the steps of the
    growth charts: each quarter's end, then the caller adds today).

    Examples
    --------
    >>> quartalsenden("2024-01-01", "2024-03-31"), quartalsenden("2024-01-01", "2024-04-01")
    ([], ['2024-03-31'])
    """
    return [e for e in map(quartalsende, quartale(von, bis)) if e < bis]
