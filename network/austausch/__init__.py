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

from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from ..model import DATEI_REIHENFOLGE, Netzdaten
from ..store import Store
from ..store.base import Fortschritt
from ..zugang.rollen import Nutzer, verlange
from .dateien import Rohdaten, csv_text, export_dir, export_xlsx, read_path
from .hsds import export_hsds, import_hsds, import_hsds_store
from .netzformate import export_netz, netz_bytes, netz_graph
from .validierung import validate

__all__ = ["ImportBericht", "import_path", "import_rohdaten", "bericht_schreiben", "aenderungen", "read_path",
           "validate", "export_dir",
           "export_xlsx", "csv_text", "Rohdaten", "export_hsds", "import_hsds", "import_hsds_store",
           "export_netz", "netz_bytes", "netz_graph"]


@dataclass
class ImportBericht:
    """What an import did (or, with ``dry_run``, would do).

    ``aenderungen[datei]`` counts ``neu``, ``geaendert`` and ``unveraendert`` rows and lists for each changed row
    the columns that change (``felder``: id -> columns). ``abgelehnt`` lists the records a partial HSDS import
    refused, each with every reason.
    """

    zeilen: dict[str, int] = field(default_factory=dict)
    hinweise: list[str] = field(default_factory=list)
    dry_run: bool = False
    aenderungen: dict[str, dict] = field(default_factory=dict)
    abgelehnt: list[str] = field(default_factory=list)

    @property
    def gesamt(self) -> int:
        return sum(self.zeilen.values())


def aenderungen(daten: Netzdaten, bestand: Netzdaten, dateien) -> dict[str, dict]:
    """Per file: how many rows of ``daten`` are new, changed or unchanged against ``bestand``, and which columns
    of each changed row change.

    >>> neu = Netzdaten(themen=[{"id": "a", "name": "A", "beschreibung": None},
    ...                         {"id": "b", "name": "B2", "beschreibung": None}])
    >>> alt = Netzdaten(themen=[{"id": "b", "name": "B", "beschreibung": None}])
    >>> aenderungen(neu, alt, ["themen"])["themen"]
    {'neu': 1, 'geaendert': 1, 'unveraendert': 0, 'felder': {'b': ['name']}}
    """
    from ..model import DATEIEN

    ergebnis = {}
    for datei in DATEI_REIHENFOLGE:
        if datei not in dateien:
            continue
        alt = {r["id"]: r for r in bestand.tabelle(datei)}
        zaehler: dict = {"neu": 0, "geaendert": 0, "unveraendert": 0, "felder": {}}
        werte = itemgetter(*(s.name for s in DATEIEN[datei]))  # equal in every column: nothing to look at
        for r in daten.tabelle(datei):
            vorher = alt.get(r["id"])
            if vorher is None:
                zaehler["neu"] += 1
                continue
            try:
                gleich = werte(r) == werte(vorher)
            except KeyError:
                gleich = False
            felder = [] if gleich else [s.name for s in DATEIEN[datei]
                                        if _wert(r.get(s.name)) != _wert(vorher.get(s.name))]
            if felder:
                zaehler["geaendert"] += 1
                zaehler["felder"][r["id"]] = felder
            else:
                zaehler["unveraendert"] += 1
        ergebnis[datei] = zaehler
    return ergebnis


def _wert(v):
    """A value as compared by :func:`aenderungen` (empty list = empty, numbers as floats)."""
    if v == [] or v == "":
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    return v


def bericht_schreiben(store: Store, daten: Netzdaten, bestand: Netzdaten, roh: Rohdaten, dry_run: bool = False,
                      fortschritt: Fortschritt | None = None, *, wer: Nutzer, stand: int | None = None) -> ImportBericht:
    """Report on rows already validated against ``bestand`` (one load of the store) and write them in one
    transaction unless ``dry_run``. ``stand``: the data version ``bestand`` was read at (the write then need not
    read it again while the version is unchanged)."""
    dateien = [d for d in DATEI_REIHENFOLGE if d in roh.tabellen]
    bericht = ImportBericht({d: len(daten.tabelle(d)) for d in dateien}, list(roh.hinweise), dry_run,
                            aenderungen(daten, bestand, dateien))
    if not dry_run:
        store.write(daten, fortschritt, wer=wer.name, bestand=None if stand is None else (stand, bestand))
    return bericht


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
