"""German wording of numbers and lists for the reasons a coordinator reads (dates: :func:`network.grund.format.datum`).

Examples
--------
>>> km_text(18.26), aufzaehlung(["A", "B", "C"])
('18,3 km', 'A, B und C')
"""

from __future__ import annotations

from ..grund import format as F

__all__ = ["km_text", "aufzaehlung", "zahl_text"]


def zahl_text(x: float, stellen: int = 1) -> str:
    """A number with a German decimal comma.

    Examples
    --------
    >>> zahl_text(15.0), zahl_text(2.345, 2)
    ('15', '2,35')
    """
    if float(x).is_integer():
        return F.zahl(int(x), 0)
    return F.zahl(x, stellen)


def km_text(km: float) -> str:
    """A distance like ``"3,2 km"`` or ``"15 km"`` (:func:`network.grund.format.km`, at most one decimal).

    Examples
    --------
    >>> km_text(0), km_text(3.21), km_text(15)
    ('0 km', '3,2 km', '15 km')
    """
    return F.km(km, None)


def aufzaehlung(namen: list[str], hoechstens: int = 5) -> str:
    """``"A, B und C"``; beyond ``hoechstens`` names the rest is counted.

    Examples
    --------
    >>> aufzaehlung(["A"]), aufzaehlung([]), aufzaehlung(list("ABCDEFG"), 3)
    ('A', '', 'A, B, C und 4 weitere')
    """
    namen = list(namen)
    if len(namen) > hoechstens:
        return f"{', '.join(namen[:hoechstens])} und {len(namen) - hoechstens} weitere"
    if len(namen) <= 1:
        return "".join(namen)
    return f"{', '.join(namen[:-1])} und {namen[-1]}"
