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

from ..model import Netzdaten
from ..store import Store
from ..store.base import Fortschritt
from ..zugang.rollen import Nutzer, verlange
from .dateien import Rohdaten, csv_text, export_dir, export_xlsx, read_path
from .hsds import export_hsds, import_hsds, import_hsds_store
from .netzformate import export_netz, netz_bytes, netz_graph
from .schreiben import ImportBericht, aenderungen, bericht_schreiben
from .validierung import validate

__all__ = ["ImportBericht", "import_path", "import_rohdaten", "bericht_schreiben", "aenderungen", "read_path",
           "validate", "export_dir",
           "export_xlsx", "csv_text", "Rohdaten", "export_hsds", "import_hsds", "import_hsds_store",
           "export_netz", "netz_bytes", "netz_graph"]


def import_rohdaten(store: Store, roh: Rohdaten, dry_run: bool = False,
                    fortschritt: Fortschritt | None = None, *, wer: Nutzer) -> ImportBericht:
    """Validate ``roh`` against what the store holds, then write it in one transaction (unless ``dry_run``).

    Needs the right ``daten:schreiben`` (also for a dry run); the audit trail names ``wer``. Raises
    :class:`~network.errors.ValidierungsFehler` (nothing written) when any rule fails.
    """
    verlange(wer, "daten:schreiben")
    stand, bestand = store.load_mit_stand()
    daten: Netzdaten = validate(roh, bestand)
    return bericht_schreiben(store, daten, bestand, roh, dry_run, fortschritt, wer=wer, stand=stand)


def import_path(store: Store, path: Path | str, dry_run: bool = False,
                fortschritt: Fortschritt | None = None, *, wer: Nutzer) -> ImportBericht:
    """Import a CSV folder, a CSV file or an xlsx workbook (see ``seed/README.md`` for the format).

    Needs ``daten:schreiben`` (checked before the files are read)."""
    verlange(wer, "daten:schreiben")
    return import_rohdaten(store, read_path(path), dry_run, fortschritt, wer=wer)
