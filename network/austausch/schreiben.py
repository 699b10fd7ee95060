"""Writing an import: the report of what it changes (:class:`ImportBericht`, :func:`aenderungen`) and the one
write of rows already validated (:func:`bericht_schreiben`), shared by the CSV/xlsx and the HSDS import.

>>> from network.model import Netzdaten
>>> aenderungen(Netzdaten(themen=[{"id": "a", "name": "A", "beschreibung": None}]), Netzdaten(), ["themen"])
{'themen': {'neu': 1, 'geaendert': 0, 'unveraendert': 0, 'felder': {}}}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from operator import itemgetter

from ..model import DATEI_REIHENFOLGE, DATEIEN, Netzdaten
from ..store import Store
from ..store.base import Fortschritt
from ..zugang.rollen import Nutzer
from .dateien import Rohdaten

__all__ = ["ImportBericht", "aenderungen", "bericht_schreiben", "bericht_unveraendert"]


@dataclass
class ImportBericht:
    """What an import did (or, with ``dry_run``, would do).

    ``aenderungen[datei]`` counts ``neu``, ``geaendert`` and ``unveraendert`` rows and lists for each changed row
    the columns that change (``felder``: id -> columns). ``abgelehnt`` lists the records a partial HSDS import
    refused, each with every reason. ``unveraendert_seit``: the data version at which an import of the very same
    files left the store, unchanged since – then nothing was read, checked or written (:func:`bericht_unveraendert`).
    """

    zeilen: dict[str, int] = field(default_factory=dict)
    hinweise: list[str] = field(default_factory=list)
    dry_run: bool = False
    aenderungen: dict[str, dict] = field(default_factory=dict)
    abgelehnt: list[str] = field(default_factory=list)
    unveraendert_seit: int | None = None

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
                      fortschritt: Fortschritt | None = None, *, wer: Nutzer,
                      stand: int | None = None) -> ImportBericht:
    """Report on rows already validated against ``bestand`` (one load of the store) and write them in one
    transaction unless ``dry_run``. ``stand``: the data version ``bestand`` was read at (the write then need not
    read it again while the version is unchanged)."""
    dateien = [d for d in DATEI_REIHENFOLGE if d in roh.tabellen]
    bericht = ImportBericht({d: len(daten.tabelle(d)) for d in dateien}, list(roh.hinweise), dry_run,
                            aenderungen(daten, bestand, dateien))
    if not dry_run:
        abdruck = None if roh.abdruck is None else {
            "abdruck": roh.abdruck,
            "bericht": json.dumps({"zeilen": bericht.zeilen, "hinweise": bericht.hinweise}, ensure_ascii=False)}
        store.write(daten, fortschritt, wer=wer.name, bestand=None if stand is None else (stand, bestand),
                    abdruck=abdruck)
    return bericht


def bericht_unveraendert(store: Store, abdruck: str, dry_run: bool = False) -> ImportBericht | None:
    """The report of an import of files with fingerprint ``abdruck`` when the store's last import recorded the same
    fingerprint and the data version is still the one that import left: every row unchanged, the counts and
    notices of that import, and a notice why nothing was read. None (the import must run) otherwise.

    Reads two small values (:meth:`~network.store.Store.importabdruck`), never the graph; writes nothing.
    """
    stand, satz = store.importabdruck()
    if satz is None or satz["abdruck"] != abdruck or satz["stand"] is None or int(satz["stand"]) != stand:
        return None
    gespeichert = json.loads(satz["bericht"])
    zeilen = {d: int(n) for d, n in gespeichert["zeilen"].items()}
    hinweise = list(gespeichert["hinweise"]) + [
        f"Die Dateien sind unverändert seit dem Import, der den Datenstand {stand} hinterlassen hat, und seither "
        "hat sich im Speicher nichts geändert: sie wurden nicht noch einmal gelesen und geprüft, "
        + ("es gäbe nichts zu speichern." if dry_run else "es wurde nichts gespeichert.")]
    return ImportBericht(zeilen, hinweise, dry_run,
                         {d: {"neu": 0, "geaendert": 0, "unveraendert": n, "felder": {}} for d, n in zeilen.items()},
                         unveraendert_seit=stand)
