"""Rows that are new to the store, as column tables for a backend's bulk load (``bulk_*`` blocks of ``queries/``).

Pure Python, no database: :func:`knoten` and :func:`kanten` turn validated rows into ``(block, {column: values})``
pairs, one per ``bulk_*`` block, with the columns in the order the block names them. A backend with a bulk path
(the embedded store: LadybugDB's ``COPY``) converts each to its engine's table and runs the block; the typed
Arrow column of each name is :data:`TYPEN`.

>>> from network.model import Netzdaten
>>> neu = Netzdaten(sozialraeume=[{"id": "sr", "name": "S", "beschreibung": None}],
...                 gemeinden=[{"id": "1", "name": "G", "verbandsgemeinde": None, "sozialraum_id": "sr",
...                             "lat": None, "lon": None, "einwohner": 3}])
>>> [(b, s) for b, s in kanten(neu, set())]
[('bulk_gehoert_zu', {'von': ['1'], 'zu': ['sr']})]
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from ..model import DATEIEN, KREISWEIT, Netzdaten, traeger_id

__all__ = ["knoten", "kanten", "protokoll", "spalten_des_blocks", "TYPEN"]

#: The column type of every named column (text when not named): ``int``, ``float``, ``bool``, ``liste`` or ``text``.
TYPEN: dict[str, str] = {s.name: s.typ for spalten in DATEIEN.values() for s in spalten
                         if s.typ in ("int", "float", "bool", "liste")}
TYPEN.update(kreisweit="bool", rang="int")

#: Node blocks in load order, with the file their rows come from.
_KNOTEN = (("bulk_sozialraum", "sozialraeume"), ("bulk_thema", "themen"), ("bulk_gemeinde", "gemeinden"),
           ("bulk_fachkraft", "fachkraefte"), ("bulk_kita", "kitas"), ("bulk_angebot", "angebote"),
           ("bulk_indikatorwert", "indikatoren"))


@lru_cache(maxsize=None)
def spalten_des_blocks(text: str) -> tuple[str, ...]:
    """The property columns a ``COPY Table(a, b) FROM …`` names (none: ``()``).

    >>> spalten_des_blocks("COPY BETREUT(seit) FROM $daten (from='Fachkraft', to='Kita')")
    ('seit',)
    """
    m = re.match(r"\s*COPY\s+\w+\s*\(([^)]*)\)\s+FROM", text)
    return tuple(c.strip() for c in m.group(1).split(",")) if m else ()


def _spalten(rows: list[dict], namen: tuple[str, ...]) -> dict[str, list]:
    """The columns ``namen`` of ``rows`` (None where a row lacks one).

    >>> _spalten([{"id": "a", "name": "A"}, {"id": "b"}], ("id", "name"))
    {'id': ['a', 'b'], 'name': ['A', None]}
    """
    if len(namen) > 1:
        try:  # every row has every column (rows the validation made): turned into columns in C
            return dict(zip(namen, map(list, zip(*map(itemgetter(*namen), rows))))) if rows else \
                {n: [] for n in namen}
        except KeyError:
            pass
    return {n: [r.get(n) for r in rows] for n in namen}


def knoten(neu: Netzdaten, bloecke: dict[str, str]) -> list[tuple[str, dict[str, list]]]:
    """The node tables of the new rows; ``bloecke`` maps a block name to its text (for the column order)."""
    out = []
    for block, datei in _KNOTEN:
        rows = neu.tabelle(datei)
        if not rows:
            continue
        if datei == "angebote":
            rows = [{**r, "kreisweit": KREISWEIT in (r.get("versorgt") or [])} for r in rows]
        out.append((block, _spalten(rows, spalten_des_blocks(bloecke[block]))))
    return out


def kanten(neu: Netzdaten, kitas: set[str]) -> list[tuple[str, dict[str, list]]]:
    """The relationship tables of the new rows: endpoint ids ``von``, ``zu``, then the properties.

    ``kitas`` are the ids of every Kita (stored or imported): a Kooperation starts at a Kita or an Angebot.
    """
    out: list[tuple[str, dict[str, list]]] = []

    def paar(block: str, paare: list[tuple], namen: tuple[str, ...] = ()) -> None:
        if paare:
            out.append((block, dict(zip(("von", "zu", *namen), map(list, zip(*paare))))))

    paar("bulk_gehoert_zu", [(r["id"], r["sozialraum_id"]) for r in neu.gemeinden if r.get("sozialraum_id")])
    paar("bulk_liegt_in_kita", [(r["id"], r["gemeinde_id"]) for r in neu.kitas if r.get("gemeinde_id")])
    paar("bulk_traegt_kita", [(traeger_id(r["traeger"]), r["id"]) for r in neu.kitas if r.get("traeger")])
    paar("bulk_betreut", [(r["fachkraft_id"], r["id"], r.get("fachkraft_seit")) for r in neu.kitas
                          if r.get("fachkraft_id")], ("seit",))
    paar("bulk_liegt_in_angebot", [(r["id"], r["gemeinde_id"]) for r in neu.angebote if r.get("gemeinde_id")])
    paar("bulk_traegt_angebot", [(traeger_id(r["traeger"]), r["id"]) for r in neu.angebote if r.get("traeger")])
    paar("bulk_hat_thema", [(r["id"], t, i) for r in neu.angebote for i, t in enumerate(r.get("themen") or [])],
         ("rang",))
    paar("bulk_versorgt", [(r["id"], s, i) for r in neu.angebote if KREISWEIT not in (r.get("versorgt") or [])
                           for i, s in enumerate(r.get("versorgt") or [])], ("rang",))
    koop = ("id", "art", "seit", "bis", "intensitaet", "notiz")
    zeile = _zeile(("von_id", "zu_id", *koop))
    for block, von_kita in (("bulk_kooperation_kita", True), ("bulk_kooperation_angebot", False)):
        paar(block, [zeile(r) for r in neu.kooperationen if (r["von_id"] in kitas) == von_kita], koop)
    paar("bulk_betrifft_sozialraum", [(r["id"], r["sozialraum_id"]) for r in neu.indikatoren
                                      if r.get("sozialraum_id")])
    paar("bulk_betrifft_kita", [(r["id"], r["kita_id"]) for r in neu.indikatoren if r.get("kita_id")])
    return out


def _zeile(namen: tuple[str, ...]):
    """The values ``namen`` of a row as a tuple (None where it lacks one): in C when it has them all.

    >>> _zeile(("a", "b"))({"a": 1, "b": 2}), _zeile(("a", "b"))({"a": 1})
    ((1, 2), (1, None))
    """
    alle = itemgetter(*namen)

    def werte(r: dict) -> tuple:
        try:
            return alle(r)
        except KeyError:
            return tuple(r.get(n) for n in namen)
    return werte


def protokoll(eintraege: list[dict], block_text: str) -> tuple[str, dict[str, list]]:
    """The trail rows as the table of ``bulk_protokoll``."""
    return "bulk_protokoll", _spalten(eintraege, spalten_des_blocks(block_text))
