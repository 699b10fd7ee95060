"""Named weighting scenarios, stored in the graph store as ``(:Szenario)`` nodes.

A scenario is a name, a short description and the weights per indicator (stored as JSON text). The scenario
„Standard“ (the district's public criteria, equal weights) is built in and never stored. Saving and deleting
need the right ``szenario:schreiben`` (:mod:`network.zugang.rollen`); each is one transaction through the named
queries of ``queries/verteilung.cypher``, together with its entry in the audit trail.

Examples
--------
>>> import tempfile
>>> from network.settings import Settings
>>> from network.store import open_store
>>> from network.zugang import KOMMANDOZEILE
>>> with open_store(Settings(data_dir=tempfile.mkdtemp())) as store:
...     neu = Szenario("Mehr Gewicht auf SGB II", {"kinder_sgb2": 2.0, "familiengericht": 1.0})
...     _ = speichere(store, neu, wer=KOMMANDOZEILE)
...     [s.name for s in szenarien(store)]
...     lade(store, "mehr gewicht auf sgb ii").gewichte["kinder_sgb2"]
['Standard', 'Mehr Gewicht auf SGB II']
2.0
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import NichtGefundenFehler, VerteilungsFehler
from ..store import Store
from ..zugang.protokoll import eintrag, jetzt
from ..zugang.rollen import Nutzer, verlange
from . import indikatoren as I

__all__ = ["Szenario", "STANDARD", "szenario_id", "szenarien", "lade", "speichere", "loesche", "MAX_NAME"]

MAX_NAME = 80


def szenario_id(name: str) -> str:
    """The stable id of a scenario, from its name.

    >>> szenario_id("Mehr Gewicht: SGB II (Entwurf)")
    'sz-mehr-gewicht-sgb-ii-entwurf'
    """
    s = name.strip().lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "sz-" + re.sub(r"[^a-z0-9]+", "-", s).strip("-")


@dataclass
class Szenario:
    """A named set of weights (indicator id -> weight >= 0)."""

    name: str
    gewichte: dict[str, float]
    beschreibung: str = ""
    geaendert_am: str | None = None
    eingebaut: bool = field(default=False, compare=False)

    @property
    def id(self) -> str:
        return szenario_id(self.name)


#: The built-in scenario: the five public criteria of the district, weight 1 each.
STANDARD = Szenario(
    "Standard", I.standard_gewichte(),
    "Die fünf öffentlich bekannten Kriterien des Sozialraumkonzepts 2021, gleich gewichtet. Zwei weitere "
    "Kriterien sind nicht öffentlich und stehen mit Gewicht 0 als Platzhalter.", eingebaut=True)


def _pruefe(s: Szenario) -> Szenario:
    name = " ".join((s.name or "").split())
    if not name or szenario_id(name) == "sz-":
        raise VerteilungsFehler("Bitte dem Szenario einen Namen geben (mit Buchstaben oder Ziffern).")
    if len(name) > MAX_NAME:
        raise VerteilungsFehler(f"Der Name des Szenarios ist zu lang (höchstens {MAX_NAME} Zeichen).")
    if szenario_id(name) == STANDARD.id:
        raise VerteilungsFehler("„Standard“ ist eingebaut und kann nicht überschrieben werden. Bitte einen "
                                "anderen Namen wählen.")
    gewichte = {}
    for k, w in s.gewichte.items():
        try:
            w = float(w)
        except (TypeError, ValueError):
            raise VerteilungsFehler(f"Das Gewicht von „{I.name(k)}“ ist keine Zahl.") from None
        if not math.isfinite(w) or w < 0:
            raise VerteilungsFehler(f"Das Gewicht von „{I.name(k)}“ muss eine Zahl ab 0 sein.")
        gewichte[str(k)] = w
    if not any(gewichte.values()):
        raise VerteilungsFehler("Mindestens ein Indikator braucht ein Gewicht über 0.")
    return Szenario(name, gewichte, (s.beschreibung or "").strip()[:1000], s.geaendert_am)


def _aus_zeile(r: dict) -> Szenario:
    try:
        gewichte = {str(k): float(v) for k, v in json.loads(r.get("gewichte") or "{}").items()}
    except (ValueError, TypeError, AttributeError):
        gewichte = {}
    return Szenario(r.get("name") or r["id"], gewichte, r.get("beschreibung") or "", r.get("geaendert_am"))


def szenarien(store: Store) -> list[Szenario]:
    """„Standard“ first, then the stored scenarios sorted by name."""
    gespeichert = [_aus_zeile(r) for r in store.query("lade_szenarien")]
    return [STANDARD] + sorted(gespeichert, key=lambda s: (s.id, s.name))  # ä sorts as ae


def lade(store: Store, name: str) -> Szenario:
    """The scenario of that name (any case); raises :class:`~network.errors.NichtGefundenFehler`."""
    sid = szenario_id(name)
    for s in szenarien(store):
        if s.id == sid:
            return s
    raise NichtGefundenFehler(f"Ein Szenario „{name}“ gibt es nicht.")


def _sichtbar(s: Szenario) -> dict:
    return {"name": s.name, "beschreibung": s.beschreibung, "gewichte": dict(sorted(s.gewichte.items()))}


def speichere(store: Store, szenario: Szenario, wer: Nutzer) -> Szenario:
    """Save (create or replace) a scenario; returns it as stored.

    Needs ``szenario:schreiben``. One transaction: the scenario and its audit entry (before and after).
    """
    verlange(wer, "szenario:schreiben")
    s = _pruefe(szenario)
    vorher = next((x for x in szenarien(store) if x.id == s.id and not x.eingebaut), None)
    s.geaendert_am = jetzt()
    zeile = {"id": s.id, "name": s.name, "beschreibung": s.beschreibung,
             "gewichte": json.dumps(dict(sorted(s.gewichte.items())), ensure_ascii=False),
             "geaendert_am": s.geaendert_am}
    protokoll = eintrag(s.geaendert_am, 0, wer.name, "geändert" if vorher else "angelegt", "szenario", s.id,
                        _sichtbar(vorher) if vorher else None, _sichtbar(s))

    def work(tx) -> None:
        tx.run("speichere_szenario", rows=[zeile])
        tx.run("protokoll_anhaengen", rows=[protokoll])

    store.execute_write(work)
    return s


def loesche(store: Store, name: str, wer: Nutzer) -> None:
    """Delete a stored scenario; raises :class:`~network.errors.NichtGefundenFehler`.

    Needs ``szenario:schreiben``. One transaction: the deletion and its audit entry.
    """
    verlange(wer, "szenario:schreiben")
    s = lade(store, name)
    if s.eingebaut:
        raise VerteilungsFehler("„Standard“ ist eingebaut und kann nicht gelöscht werden.")
    protokoll = eintrag(jetzt(), 0, wer.name, "gelöscht", "szenario", s.id, _sichtbar(s), None)

    def work(tx) -> None:
        tx.run("loesche_szenario", id=s.id)
        tx.run("protokoll_anhaengen", rows=[protokoll])

    store.execute_write(work)
