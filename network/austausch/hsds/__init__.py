"""Open Referral HSDS 3.0: the directory of Angebote as a Human Services Data Specification dataset, and back.

HSDS is the international standard for directories of social services. :func:`export_hsds` writes the Angebote
with their Träger, places, opening hours, languages, catchment areas and our vocabulary (Art, Themen,
Zielgruppen) as HSDS 3.0 – as a tabular data package (one CSV per table plus ``datapackage.json``) and/or as
one ``services.json`` with fully nested service objects. :func:`import_hsds` reads an HSDS 3 dataset written
by this or another system and maps it onto ``angebote`` rows of the import format; the rows go through the
same validation as every import, and errors name the HSDS table, row and field (``hsds:location``, row 3,
``latitude``). Kitas and Kooperationen have no HSDS table and are not part of it (see ``docs/austausch.md``).

One concern per module:

- :mod:`.katalog` – the 21 tables of HSDS 3.0 (columns, types, nested keys), stable ids, ``datapackage.json``
- :mod:`.taxonomien` – our vocabulary as published taxonomies
- :mod:`.sprachen` – German language names and ISO 639 codes
- :mod:`.zeiten` – the opening-hours grammar (text ↔ schedule rows)
- :mod:`.export` – Angebote → HSDS rows and files
- :mod:`.lesen`, :mod:`.abbilden`, :mod:`.importieren` – the import: read the files, map the rows, validate

Ids are UUIDs, as HSDS requires; they are derived with :func:`uuid.uuid5` from a fixed namespace and our own
keys, so the same data always gives the same files.

Examples
--------
>>> hsds_id("service", "ang-001")
'8ec45fa2-cc64-5783-bf54-68cac546d9a8'
>>> [(z["byday"], z["opens_at"], z["closes_at"]) for z in parse_oeffnungszeiten("Mo–Do 9–16 Uhr, Fr 9–12 Uhr")]
[('MO,TU,WE,TH', '09:00:00', '16:00:00'), ('FR', '09:00:00', '12:00:00')]
>>> sprachcode("Arabisch"), sprachname("uk")
('ar', 'Ukrainisch')
"""

from __future__ import annotations

from .abbilden import HsdsRohdaten
from .export import export_hsds, hsds_tabellen
from .importieren import hsds_fehler, import_hsds, import_hsds_store
from .katalog import FORMEN, GESCHRIEBEN, HSDS_VERSION, NAMESPACE, TABELLEN, HsdsFeld, HsdsTabelle, datapackage, hsds_id
from .sprachen import SPRACHEN, sprachcode, sprachname
from .taxonomien import TAXONOMIEN, ZUSATZ
from .zeiten import parse_oeffnungszeiten, zeitplan_text

__all__ = ["HSDS_VERSION", "NAMESPACE", "TABELLEN", "GESCHRIEBEN", "FORMEN", "HsdsFeld", "HsdsTabelle",
           "HsdsRohdaten", "hsds_id", "hsds_tabellen", "export_hsds", "datapackage", "import_hsds",
           "import_hsds_store", "hsds_fehler", "parse_oeffnungszeiten", "zeitplan_text", "sprachcode",
           "sprachname", "TAXONOMIEN", "ZUSATZ", "SPRACHEN"]
