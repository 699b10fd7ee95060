"""German wording of lists for the reasons a coordinator reads (numbers, km and dates: :mod:`network.grund.format`).

Examples
--------
>>> aufzaehlung(["A", "B", "C"])
'A, B und C'
"""

from __future__ import annotations

import functools

from network.grund import format as F

__all__ = ["aufzaehlung", "km_satz"]


@functools.lru_cache(maxsize=65536)
def _km_satz(x: float) -> str:
    return F.km(x, None)


def km_satz(x) -> str:
    """A distance for the sentences of the analysis, ``grund.format.km(x, None)``, remembered per value.

    The national analysis writes hundreds of thousands of distances with a few thousand distinct values (km to
    two decimals); Babel's formatting each time was a good part of writing the reasons (issue 14).

    Examples
    --------
    >>> km_satz(3.21) == F.km(3.21, None), km_satz(3.21)[:3], km_satz(15.0) == km_satz(15) == F.km(15, None)
    (True, '3,2', True)
    >>> km_satz(None)
    ''
    """
    if type(x) is float:  # equal floats give the same text (also 0.0 and -0.0: „0 km“)
        return _km_satz(x)
    return F.km(x, None)


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
