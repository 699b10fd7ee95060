"""The store interface, and the logic both backends share: how validated rows become named-query batches.

A backend implements only :meth:`Store.execute_write`, :meth:`Store.execute_read` and :meth:`Store.close`;
everything else here runs the named queries of ``queries/`` through those two choke points, so both
backends send the same Cypher with the same parameters.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from operator import itemgetter
from typing import Callable, Iterable, Protocol, TypeVar

from ..grund.protokoll import eintraege, eintrag, jetzt
from ..model import DATEI_REIHENFOLGE, DATEIEN, KREISWEIT, LABELS, RELATIONSHIPS, Netzdaten, traeger_id
from . import massen
from .queries import Queries

__all__ = ["Store", "Tx", "Fortschritt", "traeger_id", "schreibplan", "massenplan", "nur_geaendert", "nur_neue",
           "BATCH", "MASSEN_AB", "STAND_ID", "ABDRUCK_ID"]

T = TypeVar("T")

#: Rows per ``UNWIND`` batch. All batches of one import run in the same transaction.
BATCH = 2000

#: New rows from this many on go to the backend's bulk load (:attr:`Store.massenweise`), fewer to the upserts
#: (below it the upserts are as fast: the seed's 1,371 rows take 0.76 s that way, 0.97 s with COPY, whose pyarrow
#: loads pandas on first use).
MASSEN_AB = 5000

#: Labels of the store's own bookkeeping (data version, sign-in counters of unknown names, the fingerprint of the
#: last import): not counted.
INTERN = ("Stand", "Fehlversuch", "Importabdruck")

#: The id of the one ``Stand`` node that holds the data version.
STAND_ID = "daten"

#: The id of the one ``Importabdruck`` node: the fingerprint of the last import (:meth:`Store.importabdruck`).
ABDRUCK_ID = "import"

#: Progress callback: (rows written so far, rows in total).
Fortschritt = Callable[[int, int], None]


class Tx(Protocol):
    """An open transaction: runs a named query with parameters and returns its rows as dicts."""

    def run(self, name: str, **params) -> list[dict]: ...


def _batches(rows: list[dict]) -> Iterable[list[dict]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i:i + BATCH]


def _ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def _traeger(rows: list[dict]) -> list[dict]:
    seen = {r["traeger_id"]: r["traeger"] for r in rows if r.get("traeger")}
    return [{"id": k, "name": v} for k, v in sorted(seen.items())]


def schreibplan(daten: Netzdaten, neu: dict[str, set[str]] | None = None) -> list[tuple[str, dict]]:
    """The named queries, in order, that write ``daten`` (already validated) as an idempotent upsert.

    Relationships that an entity's columns describe are replaced: ``unlink_*`` then ``link_*``. ``neu`` names
    per file the ids the store does not hold yet: they have no relationships to remove, so no ``unlink_*`` runs
    for them.
    """
    plan: list[tuple[str, dict]] = []

    def rows(name: str, rs: list[dict]) -> None:
        plan.extend((name, {"rows": b}) for b in _batches(rs))

    def ids(name: str, rs: list[dict], datei: str) -> None:
        if neu and neu.get(datei):
            rs = [r for r in rs if r["id"] not in neu[datei]]
        plan.extend((name, {"ids": _ids(b)}) for b in _batches(rs))

    rows("upsert_sozialraum", daten.sozialraeume)
    rows("upsert_thema", daten.themen)
    gemeinden = daten.gemeinden
    rows("upsert_gemeinde", gemeinden)
    ids("unlink_gemeinde", gemeinden, "gemeinden")
    rows("link_gemeinde_sozialraum", [r for r in gemeinden if r.get("sozialraum_id")])
    rows("upsert_fachkraft", daten.fachkraefte)

    kitas = [{**r, "traeger_id": traeger_id(r["traeger"]) if r.get("traeger") else None} for r in daten.kitas]
    rows("upsert_traeger", _traeger(kitas))
    rows("upsert_kita", kitas)
    for q in ("unlink_kita_gemeinde", "unlink_kita_traeger", "unlink_kita_fachkraft"):
        ids(q, kitas, "kitas")
    rows("link_kita_gemeinde", [r for r in kitas if r.get("gemeinde_id")])
    rows("link_kita_traeger", [r for r in kitas if r.get("traeger_id")])
    rows("link_kita_fachkraft", [r for r in kitas if r.get("fachkraft_id")])

    angebote = [{**r, "traeger_id": traeger_id(r["traeger"]) if r.get("traeger") else None,
                 "kreisweit": KREISWEIT in (r.get("versorgt") or [])} for r in daten.angebote]
    rows("upsert_traeger", _traeger(angebote))
    rows("upsert_angebot", angebote)
    for q in ("unlink_angebot_gemeinde", "unlink_angebot_traeger", "unlink_angebot_thema",
              "unlink_angebot_sozialraum"):
        ids(q, angebote, "angebote")
    rows("link_angebot_gemeinde", [r for r in angebote if r.get("gemeinde_id")])
    rows("link_angebot_traeger", [r for r in angebote if r.get("traeger_id")])
    # rang keeps the order of the list (the first Thema is the main one)
    rows("link_angebot_thema", [{"id": r["id"], "thema_id": t, "rang": i} for r in angebote
                                for i, t in enumerate(r.get("themen") or [])])
    rows("link_angebot_sozialraum", [{"id": r["id"], "sozialraum_id": s, "rang": i} for r in angebote
                                     if not r["kreisweit"] for i, s in enumerate(r.get("versorgt") or [])])
    if daten.sozialraeume or daten.angebote:
        plan.append(("unlink_kreisweit", {}))
        plan.append(("link_kreisweit", {}))

    koop = daten.kooperationen
    ids("unlink_kooperation", koop, "kooperationen")
    # von_id is a Kita or an Angebot (never both: validation keeps the ids apart); each query matches its own.
    rows("link_kooperation_kita", koop)
    rows("link_kooperation_angebot", koop)

    # Sozialraumkonzept: indicator values, linked to their Sozialraum and, for a Kita value, to the Kita.
    ind = daten.indikatoren
    rows("upsert_indikatorwert", ind)
    ids("unlink_indikatorwert_sozialraum", ind, "indikatoren")
    ids("unlink_indikatorwert_kita", ind, "indikatoren")
    rows("link_indikatorwert_sozialraum", [r for r in ind if r.get("sozialraum_id")])
    rows("link_indikatorwert_kita", [r for r in ind if r.get("kita_id")])
    return plan


def massenplan(geaendert: Netzdaten, neu: Netzdaten, neu_ids: dict[str, set[str]], bestand: Netzdaten,
               daten: Netzdaten, queries: Queries) -> list[tuple[str, dict]]:
    """The write plan when the backend bulk-loads the new rows: their nodes first (``bulk_*``), the Traeger they
    name, then the upserts of the changed rows (:func:`schreibplan`), then the new rows' relationships (``bulk_*``:
    every endpoint exists by then), and the district-wide Angebote linked anew."""
    alt = Netzdaten(**{d: [r for r in geaendert.tabelle(d) if r["id"] not in neu_ids[d]] for d in DATEI_REIHENFOLGE})
    bloecke = {name: queries[name] for name in queries.names() if name.startswith("bulk_")}
    plan: list[tuple[str, dict]] = list(massen.knoten(neu, bloecke))
    traeger = [{"traeger_id": traeger_id(r["traeger"]), "traeger": r["traeger"]} for r in neu.kitas + neu.angebote
               if r.get("traeger")]
    plan += [("upsert_traeger", {"rows": b}) for b in _batches(_traeger(traeger))]
    plan += schreibplan(alt)
    kitas = {r["id"] for r in bestand.kitas} | {r["id"] for r in daten.kitas}
    plan += massen.kanten(neu, kitas)
    if neu.sozialraeume or neu.angebote:
        plan += [("unlink_kreisweit", {}), ("link_kreisweit", {})]
    return plan


class _NichtsZuTun(Exception):
    """Raised inside a write whose data equal the store: the transaction is rolled back, nothing is written."""


def nur_geaendert(daten: Netzdaten, bestand: Netzdaten) -> Netzdaten:
    """The rows of ``daten`` that are new or differ from ``bestand`` in any column of their file.

    A row equal to the stored one in every column (relationships included: they are columns of the import
    format, loaded back from the graph) would change nothing, so the write plan leaves it out; a re-import of
    unchanged data then writes nothing but its trail (none). Anything not provably equal is written.

    >>> alt = Netzdaten(themen=[{"id": "a", "name": "A", "beschreibung": None}])
    >>> neu = Netzdaten(themen=[{"id": "a", "name": "A", "beschreibung": None},
    ...                         {"id": "b", "name": "B", "beschreibung": None}])
    >>> [r["id"] for r in nur_geaendert(neu, alt).themen]
    ['b']
    >>> nur_geaendert(Netzdaten(themen=[{"id": "a", "name": "A2", "beschreibung": None}]), alt).themen[0]["name"]
    'A2'
    """
    teile = {}
    for datei in DATEI_REIHENFOLGE:
        spalten = [s.name for s in DATEIEN[datei]]
        alt = {r["id"]: r for r in bestand.tabelle(datei)}
        werte = itemgetter(*spalten)  # all columns at once, compared in C; _gleich decides where they differ
        teile[datei] = [r for r in daten.tabelle(datei)
                        if not _gleich_schnell(r, alt.get(r.get("id")), werte, spalten)]
    return Netzdaten(**teile)


def _gleich_schnell(r: dict, a: dict | None, werte: itemgetter, spalten: list[str]) -> bool:
    if a is None:
        return False
    try:
        if werte(r) == werte(a):
            return True
    except KeyError:
        pass
    return _gleich(r, a, spalten)


def nur_neue(daten: Netzdaten, bestand: Netzdaten) -> tuple[Netzdaten, dict[str, set[str]]]:
    """The rows of ``daten`` whose id ``bestand`` does not hold, and their ids per file.

    >>> alt = Netzdaten(themen=[{"id": "a", "name": "A", "beschreibung": None}])
    >>> neu, ids = nur_neue(Netzdaten(themen=[{"id": "a", "name": "A2", "beschreibung": None},
    ...                                     {"id": "b", "name": "B", "beschreibung": None}]), alt)
    >>> [r["id"] for r in neu.themen], ids["themen"]
    (['b'], {'b'})
    """
    teile, ids = {}, {}
    for datei in DATEI_REIHENFOLGE:
        da = {r["id"] for r in bestand.tabelle(datei)}
        teile[datei] = [r for r in daten.tabelle(datei) if r["id"] not in da]
        ids[datei] = {r["id"] for r in teile[datei]}
    return Netzdaten(**teile), ids


def _gleich(r: dict, a: dict | None, spalten: list[str]) -> bool:
    return a is not None and all(_plain(r.get(c)) == a.get(c) for c in spalten)


class Store(ABC):
    """A graph store. Backends: :class:`~network.store.embedded.EmbeddedStore` and
    :class:`~network.store.neo4j.Neo4jStore`."""

    dialect: str = ""

    #: Whether the backend loads new rows with its engine's bulk path (:meth:`_massen`, the ``bulk_*`` blocks of
    #: its dialect): a write with at least :data:`MASSEN_AB` new rows loads them so, in the same transaction.
    massenweise: bool = False

    def __init__(self) -> None:
        self.queries = Queries.load(self.dialect)
        #: German notices for the user from opening the store (for example a recovery after a crash).
        self.warnungen: list[str] = []

    # -- the two choke points every backend implements -------------------------------------------------
    @abstractmethod
    def _schreibe(self, fn: Callable[[Tx], T]) -> T:
        """Run ``fn(tx)`` in one write transaction: all of it is committed, or nothing."""

    @abstractmethod
    def execute_read(self, fn: Callable[[Tx], T]) -> T:
        """Run ``fn(tx)`` in a read transaction."""

    def execute_write(self, fn: Callable[[Tx], T], stand: bool = True) -> T:
        """Run ``fn(tx)`` in one write transaction: all of it is committed, or nothing.

        The same transaction bumps the data version (:meth:`version`), so every process that uses this store
        sees that something changed exactly when the change is visible. ``stand=False`` is for bookkeeping that
        no page shows (the sign-in counters): it leaves the version, so the caches of every process stay warm.
        """
        if not stand:
            return self._schreibe(fn)

        def mit_stand(tx: Tx) -> T:
            ergebnis = fn(tx)
            tx.run("stand_erhoehen", id=STAND_ID)
            return ergebnis

        return self._schreibe(mit_stand)

    def version(self, warten: bool = True) -> int:
        """The data version: 0 for a store never written, raised by one in every write transaction.

        ``warten=False`` lets a backend answer the last version it saw rather than wait behind a long write."""
        rows = self.query("stand_lesen", id=STAND_ID)
        return int(rows[0]["version"]) if rows else 0

    @abstractmethod
    def close(self) -> None:
        """Release the database."""

    def _massen(self, tx: Tx, block: str, spalten: dict[str, list]) -> None:
        """Run the bulk block ``block`` in ``tx`` on a column table (``{column: values}``, :mod:`.massen`)."""
        raise NotImplementedError(f"{type(self).__name__} has no bulk load")

    # -- shared operations ----------------------------------------------------------------------------
    def query(self, name: str, **params) -> list[dict]:
        """Run one named read query."""
        return self.execute_read(lambda tx: tx.run(name, **params))

    def write(self, daten: Netzdaten, fortschritt: Fortschritt | None = None, wer: str = "system",
              zusatz: list[dict] | None = None, bestand: tuple[int, Netzdaten] | None = None,
              abdruck: dict | None = None) -> int:
        """Upsert validated ``daten`` in one transaction; returns the number of rows written.

        The audit trail gets one entry per created or changed row, naming ``wer``, with the fields before and
        after, in the same transaction (so a failed write leaves none); ``zusatz`` are further trail entries
        (made with :func:`network.grund.protokoll.eintrag`) appended in that transaction too.
        ``fortschritt(done, total)`` is called after each batch, counted in batches of the write plan.
        ``bestand`` is ``(version, data)`` as :meth:`load_mit_stand` read them (for the validation): while the data
        version in the transaction is still that one, they are what the store holds and are not read again.
        ``abdruck`` (``{"abdruck": sha256, "bericht": text}``, an import's fingerprint) is recorded in the same
        transaction with the data version the write leaves; when ``daten`` change nothing it is recorded alone,
        with the version unchanged (no trail entry, no new version: no page sees a change).
        """
        zeit = jetzt()
        gelesen = bestand

        def work(tx: Tx) -> None:
            stand = _stand(tx) if gelesen is not None or abdruck is not None else None
            bestand = gelesen[1] if gelesen is not None and stand == gelesen[0] else _lade(tx)
            geaendert = nur_geaendert(daten, bestand)  # unchanged rows need no query at all
            protokoll = eintraege(bestand, geaendert, wer, zeit)  # (unchanged rows have no entry anyway)
            neu, neu_ids = nur_neue(geaendert, bestand)
            if self.massenweise and neu.anzahl() >= MASSEN_AB:
                plan = massenplan(geaendert, neu, neu_ids, bestand, daten, self.queries)
            else:
                plan = schreibplan(geaendert, neu_ids)
            for i, (name, params) in enumerate(plan, 1):
                if name.startswith("bulk_"):
                    self._massen(tx, name, params)
                else:
                    tx.run(name, **params)
                if fortschritt:
                    fortschritt(i, len(plan))
            if fortschritt and not plan:
                fortschritt(1, 1)
            if not plan and not protokoll and not zusatz:
                if abdruck is None:
                    raise _NichtsZuTun  # nothing changes: roll back, so the data version stays as it is
                tx.run("importabdruck_setzen", id=ABDRUCK_ID, stand=stand, zeit=zeit, **abdruck)
                return  # only the fingerprint: the data version stays
            spur = protokoll + list(zusatz or ())
            if self.massenweise and len(spur) >= MASSEN_AB:
                self._massen(tx, *massen.protokoll(spur, self.queries["bulk_protokoll"]))
            else:
                for b in _batches(spur):
                    tx.run("protokoll_anhaengen", rows=b)
            neu_stand = int(tx.run("stand_erhoehen", id=STAND_ID)[0]["version"])
            if abdruck is not None:
                tx.run("importabdruck_setzen", id=ABDRUCK_ID, stand=neu_stand, zeit=zeit, **abdruck)

        try:
            self.execute_write(work, stand=False)  # work raises the data version itself when it changes data
        except _NichtsZuTun:
            pass
        return daten.anzahl()

    def importabdruck(self) -> tuple[int, dict | None]:
        """The data version and the fingerprint record of the last import (``abdruck``, ``stand``, ``bericht``;
        None: none yet), in one transaction of two small queries – the graph itself is not read. Both come from
        the newest state (:meth:`_aktuell_lesen`): a stale pair could let an import skip a change."""
        def lesen(tx: Tx) -> tuple[int, dict | None]:
            rows = tx.run("importabdruck_lesen", id=ABDRUCK_ID)
            return _stand(tx), (rows[0] if rows else None)

        return self._aktuell_lesen(lesen)

    def _aktuell_lesen(self, fn: Callable[[Tx], T]) -> T:
        """Run the reading ``fn`` where the newest committed state is (one store: any read transaction)."""
        return self.execute_read(fn)

    def protokolliere(self, eintraege: list[dict]) -> None:
        """Append trail entries that belong to no data change (a proposal, a rejection) in one transaction."""
        if eintraege:
            self.execute_write(lambda tx: tx.run("protokoll_anhaengen", rows=list(eintraege)))

    def load(self) -> Netzdaten:
        """All data as :class:`~network.model.Netzdaten`, read in one read transaction."""
        return self.execute_read(_lade)

    def load_mit_stand(self) -> tuple[int, Netzdaten]:
        """The data version and all data, in one read transaction; the version is read first, so data that a
        write changed meanwhile never pass for that version (pass both to :meth:`write` as ``bestand``)."""
        return self.execute_read(lambda tx: (_stand(tx), _lade(tx)))

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per label and relationships per type: ``{"nodes": {...}, "relationships": {...}}``."""
        knoten, bez = self.execute_read(lambda tx: (tx.run("zaehle_knoten"), tx.run("zaehle_beziehungen")))
        nodes = {label: 0 for label in LABELS if label not in INTERN}
        nodes.update({r["label"]: int(r["anzahl"]) for r in knoten if r["label"] in nodes})
        rels = {typ: 0 for typ in RELATIONSHIPS}
        rels.update({r["typ"]: int(r["anzahl"]) for r in bez if r["typ"] in rels})
        return {"nodes": nodes, "relationships": rels}

    def is_empty(self) -> bool:
        """Whether the store holds no directory data (accounts and the audit trail do not count)."""
        nodes = self.counts()["nodes"]
        return sum(v for k, v in nodes.items() if k not in ("Nutzer", "Protokoll")) == 0

    def clear(self, wer: str = "system") -> None:
        """Delete all directory data (``kita-netz seed --reset``) in one transaction; accounts and the audit
        trail stay, and the trail records the deletion."""
        def work(tx: Tx) -> None:
            tx.run("loesche_alles")
            tx.run("protokoll_anhaengen", rows=[eintrag(jetzt(), 0, wer, "alles gelöscht", "alle", "*")])

        self.execute_write(work)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _stand(tx: Tx) -> int:
    rows = tx.run("stand_lesen", id=STAND_ID)
    return int(rows[0]["version"]) if rows else 0


def _lade(tx: Tx) -> Netzdaten:
    """Read everything through ``tx`` (a read transaction, or the write transaction that is about to change it)."""
    names = ("lade_sozialraeume", "lade_themen", "lade_gemeinden", "lade_fachkraefte", "lade_kitas",
             "lade_angebote", "lade_angebot_themen", "lade_angebot_sozialraeume", "lade_kooperationen",
             "lade_indikatorwerte")
    res = {n: tx.run(n) for n in names}
    themen: dict[str, list[str]] = {}
    for r in res["lade_angebot_themen"]:
        themen.setdefault(r["id"], []).append(r["thema_id"])
    versorgt: dict[str, list[str]] = {}
    for r in res["lade_angebot_sozialraeume"]:
        versorgt.setdefault(r["id"], []).append(r["sozialraum_id"])
    angebote = []
    for r in res["lade_angebote"]:
        r = dict(r)
        r["themen"] = themen.get(r["id"], [])
        r["versorgt"] = [KREISWEIT] if r.pop("kreisweit") else versorgt.get(r["id"], [])
        angebote.append(r)

    def ordered(datei: str, rows: list[dict]) -> list[dict]:
        cols = [s.name for s in DATEIEN[datei]]
        return [{c: _plain(r.get(c)) for c in cols} for r in rows]

    return Netzdaten(
        sozialraeume=ordered("sozialraeume", res["lade_sozialraeume"]),
        themen=ordered("themen", res["lade_themen"]),
        gemeinden=ordered("gemeinden", res["lade_gemeinden"]),
        fachkraefte=ordered("fachkraefte", res["lade_fachkraefte"]),
        kitas=ordered("kitas", res["lade_kitas"]),
        angebote=ordered("angebote", angebote),
        kooperationen=ordered("kooperationen", res["lade_kooperationen"]),
        indikatoren=ordered("indikatoren", res["lade_indikatorwerte"]),
    )


def _plain(v):
    """Normalise a value read from a driver to the plain Python types of :class:`Netzdaten`."""
    if isinstance(v, tuple):
        return list(v)
    return v
