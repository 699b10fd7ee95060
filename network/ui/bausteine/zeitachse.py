"""The time axis of the Netzwerk and Analyse pages: quarter ends since :data:`BEGINN`, then today.

>>> stichtage("2021-08-15")
['2021-03-31', '2021-06-30', '2021-08-15']
>>> quartal_name("2021-06-30", "2021-08-15"), quartal_name("2021-08-15", "2021-08-15")
('Q2/2021', 'heute')
"""

from __future__ import annotations

from ...grund.zeit import quartalsenden

__all__ = ["BEGINN", "stichtage", "quartal_name"]

#: The first day the growth charts and the Stichtag sliders show.
BEGINN = "2021-01-01"


def stichtage(heute: str) -> list[str]:
    """The days a Stichtag slider offers: the end of every quarter since :data:`BEGINN`, then ``heute``."""
    return quartalsenden(BEGINN, heute) + [heute]


def quartal_name(iso: str, heute: str) -> str:
    """The label of a Stichtag on the slider: „Q2/2021“, or „heute“."""
    if iso == heute:
        return "heute"
    return f"Q{(int(iso[5:7]) - 1) // 3 + 1}/{iso[:4]}"
