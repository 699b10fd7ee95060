"""The ground floor: small pure helpers every other room may use. Imports nothing above the ground (only
``network.model`` and ``network.errors``, which are ground too).

Each domain rule is written here once:

- :mod:`network.grund.format` – numbers, money, km and dates, written and read in German (Babel);
- :mod:`network.grund.zeit` – the Stichtag, what is active on a day, quarters;
- :mod:`network.grund.geo` – the distance between two points, with one earth radius;
- :mod:`network.grund.sozialraum` – who belongs to a Sozialraum (located there or serving it);
- :mod:`network.grund.formel` – the formula guard of spreadsheet cells;
- :mod:`network.grund.werte` – a number that may be missing, a list cell („a|b“);
- :mod:`network.grund.protokoll` – the rows of the audit trail;
- :mod:`network.grund.zyklensammler` – Python's cycle collector paused during a large import or analysis.
"""

from .format import VEGA_DEUTSCH, anzahl, datum, datum_lesen, geld, km, monat, prozent, zahl, zahl_lesen

__all__ = ["anzahl", "zahl", "geld", "km", "prozent", "datum", "monat", "zahl_lesen", "datum_lesen",
           "VEGA_DEUTSCH"]
