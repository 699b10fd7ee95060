"""The directory: where each Kita and Angebot is, which of them a place sees, and the free-text search.

A domain package (no Streamlit, no store): the Wegweiser page builds one :class:`Verzeichnis` per data version,
and the matching of :mod:`network.vermittlung.suche` places its Angebote with the same rule
(:func:`~network.verzeichnis.lage.lage`). Which rows are active on a day, which Sozialraum an Angebot serves and
how far two points are apart are rules of the ground core (:mod:`network.grund.zeit`,
:mod:`network.grund.sozialraum`, :mod:`network.grund.geo`), shared with the analysis.

- :mod:`~network.verzeichnis.lage` – the point of an entry (its coordinates, else its Gemeinde's centre);
- :mod:`~network.verzeichnis.freitext` – the tolerant free-text search (umlauts, compound words);
- :mod:`~network.verzeichnis.abfragen` – :class:`Verzeichnis` and :class:`Filter`: lookups, filters, distances.
"""

from __future__ import annotations

from .abfragen import Filter, Verzeichnis
from .freitext import Suchtext, anfrage, treffer
from .lage import ORTSMITTE, Lage, gleiche_adresse, lage

__all__ = ["Verzeichnis", "Filter", "Lage", "lage", "ORTSMITTE", "gleiche_adresse", "Suchtext", "anfrage",
           "treffer"]
