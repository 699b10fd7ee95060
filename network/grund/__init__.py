"""The ground floor: small pure helpers every other room may use. Imports nothing above the ground (only
``network.model`` and ``network.errors``, which are ground too).

:mod:`network.grund.format` is the one place where numbers, money, distances and dates are written and read
in German; :mod:`network.grund.protokoll` builds the rows of the audit trail.
"""

from .format import VEGA_DEUTSCH, anzahl, datum, datum_lesen, geld, km, monat, prozent, zahl, zahl_lesen

__all__ = ["anzahl", "zahl", "geld", "km", "prozent", "datum", "monat", "zahl_lesen", "datum_lesen",
           "VEGA_DEUTSCH"]
