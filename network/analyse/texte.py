"""German wording of lists for the reasons a coordinator reads (numbers, km and dates: :mod:`network.grund.format`).

Examples
--------
>>> aufzaehlung(["A", "B", "C"])
'A, B und C'
"""

from __future__ import annotations

__all__ = ["aufzaehlung"]


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
