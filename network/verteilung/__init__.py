"""Sozialraumkonzept: a transparent, reproducible distribution of the Sozialraumbudget and of the staff hours of
Kita-Sozialarbeit over the Sozialräume (§ 25 Abs. 5 KiTaG RLP), by a weighted index of social indicators.

Pure functions of :class:`~network.model.Netzdaten` plus a small storage module for named weighting
scenarios. The method (formula, minimum, largest-remainder rounding and its tie rule) is described in
:mod:`network.verteilung.verfahren` and, in German, in ``docs/sozialraumkonzept.md``.

Entry points
------------
:func:`verteile`
    Index, budget (€, to the cent) and staff (VZÄ in steps) per Sozialraum → :class:`Verteilung`.
:func:`verteile_auf_kitas`
    Optional second step: a Sozialraum's part split among its Kitas by places × Kita value.
:func:`vergleiche`, :func:`bedarf_und_angebot`, :func:`soll_ist`
    Two scenarios side by side; need against the network's supply; staff Soll against Ist.
:func:`szenarien`, :func:`lade`, :func:`speichere`, :func:`loesche`, :data:`STANDARD`
    Named weight scenarios in the store.
:func:`excel_bytes`, :func:`pdf_bytes`, :func:`als_csv`, :func:`als_tabelle`
    Exports: Excel workbook, PDF report for the Jugendhilfeausschuss, CSV and a text table (CLI).

Examples
--------
>>> from network.model import Netzdaten
>>> d = Netzdaten(sozialraeume=[{"id": "sr-a", "name": "A"}, {"id": "sr-b", "name": "B"}],
...     indikatoren=[{"id": "1", "sozialraum_id": "sr-a", "kita_id": None, "indikator": "kinder_sgb2", "wert": 300.0},
...                  {"id": "2", "sozialraum_id": "sr-b", "kita_id": None, "indikator": "kinder_sgb2", "wert": 100.0}])
>>> v = verteile(d, {"kinder_sgb2": 1}, budget="1000", stunden=2, schritt="0.25")
>>> [(z.id, str(z.budget), str(z.stunden)) for z in v.zeilen]
[('sr-a', '750', '1.50'), ('sr-b', '250', '0.50')]
"""

from .bericht import als_csv, als_tabelle, excel_bytes, pdf_bytes
from .indikatoren import KATALOG, KITA, SOZIALRAUM, Indikator, aktuelle_werte, standard_gewichte
from .szenario import STANDARD, Szenario, lade, loesche, speichere, szenarien
from .verfahren import (
                        SCHRITT,
                        SCHRITT_KITA,
                        Index,
                        KitaVerteilung,
                        Verteilung,
                        Zeile,
                        Zuteilung,
                        bedarfsindex,
                        betrag_in_cent,
                        hare_niemeyer,
                        in_schritten,
                        verteile,
                        verteile_auf_kitas,
)
from .vergleich import angebot_je_sozialraum, bedarf_und_angebot, ist_stunden, soll_ist, vergleiche

__all__ = [
    "verteile", "verteile_auf_kitas", "bedarfsindex", "hare_niemeyer", "betrag_in_cent", "in_schritten",
    "Verteilung", "Zeile", "Index", "Zuteilung", "KitaVerteilung", "SCHRITT", "SCHRITT_KITA",
    "vergleiche", "bedarf_und_angebot", "soll_ist", "ist_stunden", "angebot_je_sozialraum",
    "Szenario", "STANDARD", "szenarien", "lade", "speichere", "loesche",
    "excel_bytes", "pdf_bytes", "als_csv", "als_tabelle",
    "KATALOG", "Indikator", "SOZIALRAUM", "KITA", "standard_gewichte", "aktuelle_werte",
]
