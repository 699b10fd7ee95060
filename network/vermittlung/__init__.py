"""Vermittlung: find the right Angebot for a family in seconds, print it, store nothing personal.

- :mod:`.suche` – matching and ranking (pure functions of Netzdaten): :func:`suchen`, :class:`Anfrage`.
- :mod:`.handzettel` – the one-page A4 handout (PDF, six languages): ``handzettel.handzettel()`` (imported
  on its own, so that fpdf2 and the fonts load only when a sheet is made).
- :mod:`.erfassung` – the anonymous count „+1 Vermittlung“: :class:`Vermittlung`, :func:`erfassen`,
  :func:`vermittlungen`, :func:`vermittlungen_je_kante` (the edge weights for ``network.analyse``).
- :mod:`.bedarf` – reported gaps „Als Lücke melden“ (monat, Sozialraum, Thema, Anzahl): :func:`luecke_melden`,
  :func:`bedarfsluecken`, and :func:`aufraeumen` (retention for counts and gaps).
- :mod:`.anonym` – primary and secondary suppression of count tables (§ 64 Abs. 3 SGB VIII): :func:`schuetzen`.
- :mod:`.zahlen` – protected count tables (Sozialraum/Monat × Thema/Ergebnis): :func:`kreuztabelle`.

What is stored and why it is not personal data: ``docs/datenschutz.md``.
"""

from .anonym import Geschuetzt, schuetzen
from .bedarf import Bedarfsluecke, aufraeumen, bedarfsluecken, luecke_melden, sozialraum_der_kita
from .erfassung import (
                        FELDER,
                        Vermittlung,
                        alte_loeschen,
                        erfassen,
                        monat_heute,
                        vermittlungen,
                        vermittlungen_je_kante,
)
from .suche import Anfrage, Ergebnis, Luecke, Treffer, suchen, zentralitaet
from .zahlen import Zaehltabelle, kreuztabelle

__all__ = [
    "Anfrage", "Ergebnis", "Luecke", "Treffer", "suchen", "zentralitaet",
    "Vermittlung", "FELDER", "erfassen", "vermittlungen", "vermittlungen_je_kante",
    "alte_loeschen", "monat_heute",
    "Bedarfsluecke", "luecke_melden", "bedarfsluecken", "sozialraum_der_kita", "aufraeumen",
    "schuetzen", "Geschuetzt", "kreuztabelle", "Zaehltabelle",
]

