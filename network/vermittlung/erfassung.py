"""The anonymous record of referrals: „+1 Vermittlung“ per month, Kita, Angebot, Thema and outcome.

A record has exactly six fields and nothing else: ``monat`` (``JJJJ-MM``, no day, no time), ``kita_id``,
``angebot_id``, ``thema_id``, ``ergebnis`` (one of :data:`~network.model.ERGEBNISSE`) and ``anzahl``. No names,
no free text, no age or birth date, no family identifier, not even who recorded it. :meth:`Vermittlung.aus_dict`
refuses any other key with a German error, so a form or an API cannot smuggle more in.

Counts are stored as ``Vermittlung`` nodes keyed by (monat, kita, angebot, thema, ergebnis); recording the same
key again adds to its count (one ``MERGE`` in one write transaction). See ``docs/datenschutz.md``.

Examples
--------
>>> v = Vermittlung.aus_dict({"monat": "2025-03", "kita_id": "kita-1", "angebot_id": "ang-1",
...                           "thema_id": "sucht"})
>>> v.ergebnis, v.anzahl
('vermittelt', 1)
>>> Vermittlung.aus_dict({"monat": "2025-03", "kita_id": "kita-1", "angebot_id": "ang-1",
...                       "thema_id": "sucht", "name": "Familie M."})
Traceback (most recent call last):
...
network.errors.VermittlungsFehler: Unbekanntes Feld „name“: gespeichert werden nur Monat, Kita, Angebot, Thema, Ergebnis und Anzahl – keine Angaben zur Familie.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from ..errors import NichtGefundenFehler, VermittlungsFehler
from ..model import ERGEBNISSE
from ..zugang.rollen import Nutzer, verlange

__all__ = ["Vermittlung", "FELDER", "erfassen", "vermittlungen", "vermittlungen_je_kante",
           "ZAEHLT_ALS_WEG", "monat_heute", "AUFBEWAHRUNG_JAHRE", "alte_loeschen",
           "grenze_monat"]

#: The only fields of a record, in this order.
FELDER = ("monat", "kita_id", "angebot_id", "thema_id", "ergebnis", "anzahl")

#: Outcomes that count as "this path was used" for the edge weights of the analytics.
ZAEHLT_ALS_WEG = ("vermittelt", "Warteliste", "unbekannt")

#: Largest count one entry may add (a typo guard; several families are several entries or one with anzahl > 1).
MAX_ANZAHL = 100

#: Years a monthly count is kept (docs/datenschutz.md).
AUFBEWAHRUNG_JAHRE = 5

_MONAT = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_STEUERZEICHEN = re.compile(r"[\x00-\x1f\x7f]")
_NAMEN = {"monat": "Monat", "kita_id": "Kita", "angebot_id": "Angebot", "thema_id": "Thema",
          "ergebnis": "Ergebnis", "anzahl": "Anzahl", "sozialraum_id": "Sozialraum"}


def monat_heute(heute: _dt.date | str | None = None) -> str:
    """The current month as ``JJJJ-MM``.

    >>> monat_heute("2026-04-12")
    '2026-04'
    """
    if heute is None:
        heute = _dt.date.today()
    return (heute.isoformat() if isinstance(heute, _dt.date) else str(heute))[:7]


def _pruefe_monat(monat) -> None:
    """A month as ``JJJJ-MM`` (no day), not before 2000; raises :class:`VermittlungsFehler`."""
    if not isinstance(monat, str) or not _MONAT.match(monat):
        raise VermittlungsFehler(f"Monat „{monat}“: bitte im Format JJJJ-MM angeben (ohne Tag).")
    if int(monat[:4]) < 2000:
        raise VermittlungsFehler(f"Monat „{monat}“ liegt vor dem Jahr 2000.")


def _kennung(wert, feld: str) -> str:
    if not isinstance(wert, str) or not wert.strip():
        raise VermittlungsFehler(f"{_NAMEN[feld]}: bitte eine Kennung aus dem Verzeichnis angeben.")
    if len(wert) > 100 or _STEUERZEICHEN.search(wert):
        raise VermittlungsFehler(f"{_NAMEN[feld]}: „{wert[:40]}…“ ist keine Kennung aus dem Verzeichnis "
                                   "(Freitext wird nicht gespeichert).")
    return wert.strip()


@dataclass(frozen=True)
class Vermittlung:
    """One anonymous count. Validated on construction; see the module docstring for the fields."""

    monat: str
    kita_id: str
    angebot_id: str
    thema_id: str
    ergebnis: str = "vermittelt"
    anzahl: int = 1

    def __post_init__(self) -> None:
        _pruefe_monat(self.monat)
        for feld in ("kita_id", "angebot_id", "thema_id"):
            object.__setattr__(self, feld, _kennung(getattr(self, feld), feld))
        if self.ergebnis not in ERGEBNISSE:
            raise VermittlungsFehler(f"Ergebnis „{self.ergebnis}“ gibt es nicht; erlaubt: "
                                       + ", ".join(ERGEBNISSE) + ".")
        if isinstance(self.anzahl, bool) or not isinstance(self.anzahl, int) or not 1 <= self.anzahl <= MAX_ANZAHL:
            raise VermittlungsFehler(f"Anzahl „{self.anzahl}“: bitte eine ganze Zahl von 1 bis {MAX_ANZAHL}.")

    @classmethod
    def aus_dict(cls, daten: Mapping) -> "Vermittlung":
        """Build from a mapping with exactly the keys of :data:`FELDER` (``ergebnis``/``anzahl`` optional).

        Any other key is refused: nothing beyond these six values is ever stored.
        """
        if not isinstance(daten, Mapping):
            raise VermittlungsFehler("Eine Vermittlung wird als Zuordnung Feld → Wert übergeben.")
        fremd = sorted(str(k) for k in daten if k not in FELDER)
        if fremd:
            liste = ", ".join(f"„{k}“" for k in fremd)
            wort = "Unbekanntes Feld" if len(fremd) == 1 else "Unbekannte Felder"
            raise VermittlungsFehler(f"{wort} {liste}: gespeichert werden nur Monat, Kita, Angebot, Thema, "
                                       "Ergebnis und Anzahl – keine Angaben zur Familie.")
        fehlend = [_NAMEN[k] for k in FELDER[:4] if k not in daten]
        if fehlend:
            raise VermittlungsFehler("Es fehlt: " + ", ".join(fehlend) + ".")
        return cls(**dict(daten))

    @property
    def id(self) -> str:
        """The stored key, derived from (monat, kita, angebot, thema, ergebnis).

        >>> Vermittlung("2025-03", "k1", "a1", "t1").id == Vermittlung("2025-03", "k1", "a1", "t1", anzahl=2).id
        True
        """
        schluessel = json.dumps([self.monat, self.kita_id, self.angebot_id, self.thema_id, self.ergebnis],
                                ensure_ascii=False)
        return "vm-" + hashlib.sha256(schluessel.encode("utf-8")).hexdigest()[:32]

    def als_dict(self) -> dict:
        return asdict(self)


def erfassen(store, vermittlung: Vermittlung | Mapping, heute: _dt.date | str | None = None, *,
             wer: Nutzer) -> int:
    """Add one record to the store in one write transaction; returns the new count of its key.

    ``wer`` needs the right ``vermittlung:erfassen`` – and is deliberately **not** recorded: neither the count
    nor the audit trail says who counted (docs/datenschutz.md).

    Raises
    ------
    ZugriffsFehler
        ``wer`` may not record referrals.
    VermittlungsFehler
        Unknown field, wrong format, or a month in the future.
    NichtGefundenFehler
        The Kita, the Angebot or the Thema does not exist (nothing is written).
    """
    verlange(wer, "vermittlung:erfassen")
    v = vermittlung if isinstance(vermittlung, Vermittlung) else Vermittlung.aus_dict(vermittlung)
    jetzt = monat_heute(heute)
    if v.monat > jetzt:
        raise VermittlungsFehler(f"Der Monat {v.monat} liegt in der Zukunft; erfasst werden nur Vermittlungen, "
                                   "die schon stattgefunden haben.")
    params = {"kita_id": v.kita_id, "angebot_id": v.angebot_id, "thema_id": v.thema_id}

    def work(tx) -> int:
        da = {r["art"] for r in tx.run("vermittlung_referenzen", **params)}
        fehlt = [f"die Kita „{v.kita_id}“" if "kita" not in da else "",
                 f"das Angebot „{v.angebot_id}“" if "angebot" not in da else "",
                 f"das Thema „{v.thema_id}“" if "thema" not in da else ""]
        fehlt = [f for f in fehlt if f]
        if fehlt:
            raise NichtGefundenFehler("Im Verzeichnis fehlt " + " und ".join(fehlt) + "; die Vermittlung wurde nicht "
                                 "gespeichert.")
        rows = tx.run("vermittlung_erfassen", id=v.id, monat=v.monat, ergebnis=v.ergebnis, anzahl=v.anzahl,
                      **params)
        return int(rows[0]["anzahl"])

    return store.execute_write(work)


def vermittlungen(store) -> list[dict]:
    """All stored counts as rows with the keys of :data:`FELDER` (sorted by month, Kita, Angebot, Thema)."""
    return [{k: (int(r[k]) if k == "anzahl" else r[k]) for k in FELDER} for r in store.query("lade_vermittlungen")]


def vermittlungen_je_kante(quelle, *, von_monat: str | None = None, bis_monat: str | None = None,
                           ergebnisse: Iterable[str] = ZAEHLT_ALS_WEG) -> dict[tuple[str, str], int]:
    """Referral counts per (Kita, Angebot) pair – the ``vermittlungen`` hook of the analytics.

    ``quelle`` is a store or the rows of :func:`vermittlungen`. Only outcomes in ``ergebnisse`` count (by default
    all but „nicht zuständig“: the path was used, even if the family is on a waiting list); ``von_monat`` and
    ``bis_monat`` (``JJJJ-MM``, inclusive) limit the months. Pass the result as
    ``network_at(daten, stichtag, vermittlungen=...)``: it adds to the weight of an existing Kooperation only.

    >>> rows = [{"monat": "2025-01", "kita_id": "k1", "angebot_id": "a1", "thema_id": "t", "ergebnis": "vermittelt",
    ...          "anzahl": 2},
    ...         {"monat": "2025-02", "kita_id": "k1", "angebot_id": "a1", "thema_id": "t", "ergebnis": "nicht zuständig",
    ...          "anzahl": 5}]
    >>> vermittlungen_je_kante(rows)
    {('k1', 'a1'): 2}
    """
    rows = quelle if isinstance(quelle, list) else vermittlungen(quelle)
    zaehlt = set(ergebnisse)
    out: dict[tuple[str, str], int] = {}
    for r in rows:
        if r["ergebnis"] not in zaehlt:
            continue
        if (von_monat and r["monat"] < von_monat) or (bis_monat and r["monat"] > bis_monat):
            continue
        k = (r["kita_id"], r["angebot_id"])
        out[k] = out.get(k, 0) + int(r["anzahl"])
    return dict(sorted(out.items()))


def grenze_monat(heute: _dt.date | str | None = None, jahre: int = AUFBEWAHRUNG_JAHRE) -> str:
    """The first month kept by the retention rule: the current month ``jahre`` years back.

    >>> grenze_monat("2026-04-12")
    '2021-04'
    """
    jetzt = monat_heute(heute)
    return f"{int(jetzt[:4]) - jahre:04d}{jetzt[4:]}"


def alte_loeschen(store, heute: _dt.date | str | None = None, jahre: int = AUFBEWAHRUNG_JAHRE) -> str:
    """Delete the counts of months older than ``jahre`` years (retention rule); returns the first month kept.

    >>> class S:
    ...     def execute_write(self, fn): return fn(self)
    ...     def run(self, name, **p): print(name, p)
    >>> alte_loeschen(S(), "2026-04-12")
    vermittlungen_loeschen_vor {'vor_monat': '2021-04'}
    '2021-04'
    """
    grenze = grenze_monat(heute, jahre)
    store.execute_write(lambda tx: tx.run("vermittlungen_loeschen_vor", vor_monat=grenze))
    return grenze
