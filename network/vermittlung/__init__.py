"""Vermittlung: find the right Angebot for a family in seconds, print it, store nothing personal.

- :mod:`.suche` – matching and ranking (pure functions of Netzdaten): :func:`suchen`, :class:`Anfrage`.
- :mod:`.handzettel` – the one-page A4 handout (PDF, six languages): ``handzettel.handzettel()`` (imported
  on its own, so that fpdf2 and the fonts load only when a sheet is made).
- :mod:`.erfassung` – the anonymous count „+1 Vermittlung“: :class:`Vermittlung`, :func:`erfassen`,
  :func:`vermittlungen`, :func:`vermittlungen_je_kante` (the edge weights for ``network.analyse``).
- :mod:`.anonym` – primary and secondary suppression of count tables (§ 64 Abs. 3 SGB VIII): :func:`schuetzen`.
- :mod:`.zahlen` – protected count tables (Sozialraum/Monat × Thema/Ergebnis): :func:`kreuztabelle`.

What is stored and why it is not personal data: ``docs/datenschutz.md``.
"""

from .anonym import Geschuetzt, schuetzen
from .erfassung import (FELDER, Vermittlung, VermittlungUngueltig, alte_loeschen, erfassen, monat_heute,
                        vermittlungen, vermittlungen_je_kante)
from .suche import Anfrage, AnfrageUngueltig, Ergebnis, Luecke, Treffer, suchen, zentralitaet
from .zahlen import Zaehltabelle, kreuztabelle

__all__ = [
    "Anfrage", "AnfrageUngueltig", "Ergebnis", "Luecke", "Treffer", "suchen", "zentralitaet",
    "Vermittlung", "VermittlungUngueltig", "FELDER", "erfassen", "vermittlungen", "vermittlungen_je_kante",
    "alte_loeschen", "monat_heute",
    "schuetzen", "Geschuetzt", "kreuztabelle", "Zaehltabelle",
]

