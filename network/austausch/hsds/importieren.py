"""The HSDS import: read, map onto ``angebote`` rows, validate with errors at the HSDS table, row and field."""

from __future__ import annotations

from pathlib import Path

from ...errors import Fehler, Validierungsfehler
from ...model import ART, Netzdaten
from ..validierung import validate
from .abbilden import HsdsRohdaten, _abbilden
from .lesen import _lesen

__all__ = ["HsdsRohdaten", "import_hsds", "hsds_fehler", "import_hsds_store"]


def import_hsds(path: Path | str, bestand: Netzdaten | None = None,
                standard_art: str = ART[0]) -> HsdsRohdaten:
    """Read an HSDS 3 dataset (tabular form or ``services.json``) as ``angebote`` rows of the import format.

    ``path`` is a folder (CSV files with ``datapackage.json``, or ``services.json``), a ``datapackage.json``
    or a ``.json`` file with an array of services. Each service becomes one Angebot: organization → traeger,
    location/address → address and coordinates, phone, schedules → oeffnungszeiten, languages → sprachen (German
    names), service_areas → versorgt (by the Sozialraum's name or id), taxonomy terms → art, themen and
    zielgruppen (our taxonomies, or a Thema of ``bestand`` with the term's code as id or its name). What does
    not map – other taxonomy terms, unknown fields, HSDS fields without a column here – is reported in
    ``hinweise``; a service without an Art gets ``standard_art`` and a notice.

    With ``bestand`` (what the store holds) the rows are validated right away, and every error names the HSDS
    table, row and field (:class:`~network.errors.Validierungsfehler`). Without it, validate later with
    :func:`hsds_fehler` around :func:`network.austausch.import_rohdaten`, as :func:`import_hsds_store` does.
    """
    path = Path(path)
    leser = _lesen(path)
    if not leser.t["service"] and not leser.fehler:
        leser.fehler.append(Fehler("hsds:service", 0, "", "Der Datensatz enthält keine Dienste (services)."))
    ref = bestand or Netzdaten()
    roh = _abbilden(leser, ref, standard_art)
    fehler = list(leser.fehler)
    if bestand is not None or fehler:
        try:
            if not fehler:
                validate(roh, bestand)
        except Validierungsfehler as e:
            fehler += hsds_fehler(roh, e).fehler
        if fehler:
            raise Validierungsfehler(fehler)
    return roh


def hsds_fehler(roh: HsdsRohdaten, fehler: Validierungsfehler) -> Validierungsfehler:
    """The errors of validating ``roh``, each moved to the HSDS table, row and field it came from."""
    neu = []
    for f in fehler.fehler:
        if f.datei == "angebote" and (f.zeile, f.spalte) in roh.herkunft:
            datei, zeile, spalte = roh.herkunft[(f.zeile, f.spalte)]
            neu.append(Fehler(datei, zeile, spalte, f.grund))
        elif f.datei == "angebote" and (f.zeile, "") in roh.herkunft:
            datei, zeile, _ = roh.herkunft[(f.zeile, "")]
            neu.append(Fehler(datei, zeile, f.spalte, f.grund))
        else:
            neu.append(f)
    return Validierungsfehler(neu)


def import_hsds_store(store, path: Path | str, dry_run: bool = False, fortschritt=None,
                      standard_art: str = ART[0], *, wer):
    """Import an HSDS 3 dataset into ``store`` (validated; nothing written on any error or with ``dry_run``).

    Needs ``daten:schreiben`` for ``wer`` (a :class:`~network.zugang.Nutzer`), who is named in the audit trail.
    Returns the :class:`~network.austausch.ImportBericht`; its ``hinweise`` list what was not taken over.
    """
    from ...zugang.rollen import pruefe
    from .. import import_rohdaten

    pruefe(wer, "daten:schreiben")
    roh = import_hsds(path, store.load(), standard_art)
    try:
        return import_rohdaten(store, roh, dry_run, fortschritt, wer=wer)
    except Validierungsfehler as e:
        raise hsds_fehler(roh, e) from None


