"""Reading the values of a row the way every package reads them: a number that may be missing, a list cell.

Rows of :class:`~network.model.Netzdaten` come from the store (numbers and lists) or straight from a form or a
file (text); both read the same here.

Examples
--------
>>> zahl_oder_nichts("7.5"), zahl_oder_nichts(""), zahl_oder_nichts("nan"), zahl_oder_nichts("viel")
(7.5, None, None, None)
>>> liste("Deutsch | Arabisch|"), liste(["sr-a", "sr-b"]), liste(None)
(['Deutsch', 'Arabisch'], ['sr-a', 'sr-b'], [])
"""

from __future__ import annotations

import math

__all__ = ["zahl_oder_nichts", "liste"]


def zahl_oder_nichts(wert) -> float | None:
    """A finite number (a coordinate, a count), or ``None`` when it is missing or not a number."""
    if type(wert) is float:  # as most coordinates come (the national analysis reads 720 000 of them)
        return wert if -math.inf < wert < math.inf else None
    if wert is None or wert == "":
        return None
    try:
        x = float(wert)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def liste(wert) -> list[str]:
    """A list value: a list as it is (as text), a text cell split at ``|`` (the import format), empty → ``[]``."""
    if wert is None or wert == "":
        return []
    if isinstance(wert, str):
        return [t.strip() for t in wert.split("|") if t.strip()]
    return [str(t) for t in wert]
