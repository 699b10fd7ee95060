"""What crosses the boundary as files: the import format (CSV folder or xlsx), validation, export.

>>> from network.settings import Settings
>>> from network.store import open_store
>>> import tempfile
>>> from network.zugang import KOMMANDOZEILE
>>> with open_store(Settings(data_dir=tempfile.mkdtemp())) as store:
...     from network.cli import SEED_DIR
...     bericht = import_path(store, SEED_DIR, wer=KOMMANDOZEILE)
...     bericht.zeilen["kitas"] > 0
True
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..grund.zyklensammler import pausiert
from ..model import Netzdaten
from ..store import Store
from ..store.base import Fortschritt
from ..zugang.rollen import Nutzer, verlange
from .dateien import (
    MAX_ZEILEN,
    Eingang,
    Rohdaten,
    csv_text,
    eingang_pfad,
    export_dir,
    export_xlsx,
    lies_eingang,
    read_path,
)
from .hsds import export_hsds, import_hsds, import_hsds_store
from .netzformate import export_netz, netz_bytes, netz_graph
from .schreiben import ImportBericht, aenderungen, bericht_schreiben, bericht_unveraendert
from .validierung import validate

__all__ = ["ImportBericht", "import_path", "import_rohdaten", "import_eingang", "bericht_schreiben", "aenderungen",
           "bericht_unveraendert", "read_path", "eingang_pfad", "lies_eingang", "Eingang",
           "validate", "export_dir",
           "export_xlsx", "csv_text", "Rohdaten", "export_hsds", "import_hsds", "import_hsds_store",
           "export_netz", "netz_bytes", "netz_graph"]


def import_rohdaten(store: Store, roh: Rohdaten, dry_run: bool = False,
                    fortschritt: Fortschritt | None = None, *, wer: Nutzer) -> ImportBericht:
    """Validate ``roh`` against what the store holds, then write it in one transaction (unless ``dry_run``).

    Needs the right ``daten:schreiben`` (also for a dry run); the audit trail names ``wer``. Raises
    :class:`~network.errors.ValidierungsFehler` (nothing written) when any rule fails.

    Rows read from files carry their fingerprint (:attr:`Rohdaten.abdruck`): the write records it, and when the
    store's last import recorded the same one at the data version the store still has, nothing is checked or
    written – the report says every row is unchanged (:func:`bericht_unveraendert`).
    """
    verlange(wer, "daten:schreiben")
    if roh.abdruck is not None:
        kurz = bericht_unveraendert(store, roh.abdruck, dry_run)
        if kurz is not None:
            return kurz
    return _pruefen_schreiben(store, roh, dry_run, fortschritt, wer)


def _pruefen_schreiben(store: Store, roh: Rohdaten, dry_run: bool, fortschritt: Fortschritt | None,
                       wer: Nutzer) -> ImportBericht:
    """The whole import: validate against everything the store holds, report, write (unless ``dry_run``)."""
    with pausiert():  # the cycle collector (network.grund.zyklensammler)
        stand, bestand = store.load_mit_stand()
        daten: Netzdaten = validate(roh, bestand)
        return bericht_schreiben(store, daten, bestand, roh, dry_run, fortschritt, wer=wer, stand=stand)


def import_eingang(store: Store, ein: Eingang, dry_run: bool = False, fortschritt: Fortschritt | None = None, *,
                   wer: Nutzer, gelesen: Callable[[Rohdaten], None] | None = None, frist: float | None = None,
                   max_bytes: int | None = None, max_zeilen: int = MAX_ZEILEN) -> ImportBericht:
    """Import files given as bytes (:class:`Eingang`): when they are those of the store's last import and the
    store is unchanged since, answer without parsing them at all; otherwise read them (with the limits
    ``frist``, ``max_bytes`` and ``max_zeilen`` of :func:`lies_eingang`), check and write them.
    ``gelesen(roh)`` is called once the files are parsed (the CLI prints a phase line, the page Pflege keeps the
    rows of its dry run for the write)."""
    verlange(wer, "daten:schreiben")
    kurz = bericht_unveraendert(store, ein.abdruck(max_bytes, max_zeilen), dry_run)
    if kurz is not None:
        return kurz
    with pausiert():  # the cycle collector, for reading, checking and writing (the rows live through all three)
        roh = lies_eingang(ein, frist, max_bytes, max_zeilen)
        if gelesen is not None:
            gelesen(roh)
        return _pruefen_schreiben(store, roh, dry_run, fortschritt, wer)


def import_path(store: Store, path: Path | str, dry_run: bool = False,
                fortschritt: Fortschritt | None = None, *, wer: Nutzer) -> ImportBericht:
    """Import a CSV folder, a CSV file or an xlsx workbook (see ``seed/README.md`` for the format).

    Needs ``daten:schreiben`` (checked before the files are read)."""
    verlange(wer, "daten:schreiben")
    return import_eingang(store, eingang_pfad(path), dry_run, fortschritt, wer=wer)
