"""The HSDS import: read, map onto ``angebote`` rows, validate with errors at the HSDS table, row and field."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ...errors import Befund, ValidierungsFehler
from ...model import ART, Netzdaten
from ...zugang.rollen import verlange
from ..dateien import RohTabelle
from ..schreiben import bericht_schreiben
from ..validierung import validate
from .abbilden import HsdsRohdaten, _abbilden
from .lesen import _lesen

__all__ = ["HsdsRohdaten", "Abgelehnt", "import_hsds", "pruefen", "hsds_fehler", "import_hsds_store"]


@dataclass
class Abgelehnt:
    """A service of the dataset that was not imported (partial import), with every reason."""

    dienst: int
    name: str
    gruende: list[Befund] = field(default_factory=list)

    def __str__(self) -> str:
        return f"Dienst {self.dienst} „{self.name}“ abgelehnt: " + " ".join(str(f) for f in self.gruende)


def _lesen_abbilden(path: Path | str, bestand: Netzdaten | None, standard_art: str) -> HsdsRohdaten:
    leser = _lesen(Path(path))
    if not leser.t["service"] and not leser.fehler:
        leser.fehler.append(Befund("hsds:service", 0, "", "Der Datensatz enthält keine Dienste (services)."))
    roh = _abbilden(leser, bestand or Netzdaten(), standard_art)
    if leser.fehler:  # errors of the whole dataset (no services, a file that does not read): nothing to import
        raise ValidierungsFehler(list(leser.fehler) + [f for fs in roh.dienstfehler.values() for f in fs])
    return roh


def _ohne(roh: HsdsRohdaten, dienste: set[int]) -> HsdsRohdaten:
    """``roh`` without the rows of the given services."""
    tab = roh.tabellen["angebote"]
    zeilen = [(n, r) for n, r in tab.zeilen if roh.dienst_von.get(n) not in dienste]
    return replace(roh, tabellen={"angebote": RohTabelle(tab.header, zeilen)})


def pruefen(roh: HsdsRohdaten, bestand: Netzdaten | None, teilweise: bool = False
            ) -> tuple[Netzdaten, list[Abgelehnt], HsdsRohdaten]:
    """Validate the mapped rows against ``bestand``: all or nothing, or – with ``teilweise`` – the valid services.

    Returns the typed rows, the refused services (each with every reason, in HSDS terms) and the rows that
    passed. Without ``teilweise`` any error raises :class:`~network.errors.ValidierungsFehler` listing all.
    """
    je_dienst: dict[int, list[Befund]] = {n: list(fs) for n, fs in roh.dienstfehler.items()}
    if not teilweise:
        try:
            daten = validate(roh, bestand)
            ohne: list[Befund] = []
        except ValidierungsFehler as e:
            ohne = _zuordnen(roh, e, je_dienst)
        if je_dienst or ohne:
            raise ValidierungsFehler(_alle(je_dienst) + ohne)
        return daten, [], roh
    for _ in range(5):  # dropping a service can only remove errors of others; a few rounds settle it
        gut = _ohne(roh, set(je_dienst))
        try:
            daten = validate(gut, bestand)
        except ValidierungsFehler as e:
            ohne = _zuordnen(roh, e, je_dienst)
            if ohne:  # an error no single service can be blamed for
                raise ValidierungsFehler(_alle(je_dienst) + ohne) from None
            continue
        abgelehnt = [Abgelehnt(n, roh.dienstnamen.get(n, str(n)), fs) for n, fs in sorted(je_dienst.items())]
        return daten, abgelehnt, gut
    raise ValidierungsFehler(_alle(je_dienst))  # pragma: no cover - each round removes at least one service


def _alle(je_dienst: dict[int, list[Befund]]) -> list[Befund]:
    return [f for _, fs in sorted(je_dienst.items()) for f in fs]


def _zuordnen(roh: HsdsRohdaten, e: ValidierungsFehler, je_dienst: dict[int, list[Befund]]) -> list[Befund]:
    """Sort validation errors to their services (in HSDS terms); returns those that belong to none."""
    ohne = []
    for f in e.fehler:
        hsds = hsds_fehler(roh, ValidierungsFehler([f])).fehler[0]
        nr = roh.dienst_von.get(f.zeile) if f.datei == "angebote" else None
        if nr is None:
            ohne.append(hsds)
        else:
            je_dienst.setdefault(nr, []).append(hsds)
    return ohne


def import_hsds(path: Path | str, bestand: Netzdaten | None = None,
                standard_art: str = ART[0], teilweise: bool = False) -> HsdsRohdaten:
    """Read an HSDS 3 dataset as ``angebote`` rows of the import format.

    ``path`` is a folder (CSV files with ``datapackage.json``, or ``services.json``), a ``datapackage.json``
    or a ``.json`` file in any documented JSON shape of HSDS 3 (a service, a list or page of services, a list or
    page of services at locations, an organization with its services, ``tabular.json``). Each service becomes one
    Angebot per place: organization → traeger, location/address → address and coordinates, phone, schedules →
    oeffnungszeiten, languages → sprachen (German names), service_areas → versorgt (by the Sozialraum's name or
    id), taxonomy terms → art, themen and zielgruppen (our taxonomies, or a Thema of ``bestand`` with the term's
    code as id or its name). Every field with a value that does not map is named in ``hinweise``; a service
    without an Art gets ``standard_art`` and a notice.

    With ``bestand`` (what the store holds) the rows are validated right away, and every error names the HSDS
    table, row and field (:class:`~network.errors.ValidierungsFehler`); with ``teilweise`` the services with
    errors are left out and listed in ``hinweise`` instead. Without ``bestand`` only errors of reading are raised.
    """
    roh = _lesen_abbilden(path, bestand, standard_art)
    if bestand is None and not roh.dienstfehler:
        return roh
    _, abgelehnt, gut = pruefen(roh, bestand, teilweise)
    gut.hinweise = gut.hinweise + [str(a) for a in abgelehnt]
    return gut


def hsds_fehler(roh: HsdsRohdaten, fehler: ValidierungsFehler) -> ValidierungsFehler:
    """The errors of validating ``roh``, each moved to the HSDS table, row and field it came from."""
    neu = []
    for f in fehler.fehler:
        if f.datei == "angebote" and (f.zeile, f.spalte) in roh.herkunft:
            datei, zeile, spalte = roh.herkunft[(f.zeile, f.spalte)]
            neu.append(Befund(datei, zeile, spalte, f.grund))
        elif f.datei == "angebote" and (f.zeile, "") in roh.herkunft:
            datei, zeile, _ = roh.herkunft[(f.zeile, "")]
            neu.append(Befund(datei, zeile, f.spalte, f.grund))
        else:
            neu.append(f)
    return ValidierungsFehler(neu)


def import_hsds_store(store, path: Path | str, dry_run: bool = False, fortschritt=None,
                      standard_art: str = ART[0], teilweise: bool = False, *, wer):
    """Import an HSDS 3 dataset into ``store``: read, map, validate once against one load of the store, write.

    All or nothing by default: any error raises :class:`~network.errors.ValidierungsFehler` and nothing is
    written. With ``teilweise`` the valid services are written and the refused ones are listed in the report
    (``abgelehnt``, each with every reason). Nothing is written with ``dry_run``. Needs ``daten:schreiben`` for
    ``wer`` (a :class:`~network.zugang.Nutzer`), who is named in the audit trail. Returns the
    :class:`~network.austausch.ImportBericht`; its ``hinweise`` list what was not taken over.
    """
    verlange(wer, "daten:schreiben")
    bestand = store.load()
    roh = _lesen_abbilden(path, bestand, standard_art)
    daten, abgelehnt, gut = pruefen(roh, bestand, teilweise)
    bericht = bericht_schreiben(store, daten, bestand, gut, dry_run, fortschritt, wer=wer)
    bericht.abgelehnt = [str(a) for a in abgelehnt]
    return bericht
