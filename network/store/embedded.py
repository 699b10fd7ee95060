"""The embedded backend: LadybugDB (the maintained Kùzu fork) in a local data folder.

What the engine leaves to us, handled here:

- **Many processes, one store.** LadybugDB lets only one process hold a database file for writing, and a process
  that keeps it open blocks every other (the CLI, a second app process). So the store holds the database open
  only for the length of one transaction: every :meth:`~EmbeddedStore.execute_read` and
  :meth:`~EmbeddedStore.execute_write` opens it, runs, and closes it (about 0.02–0.1 s on the seed). Who may
  open it is decided by a lock file beside it (``kitanetz.lock``, ``flock``): readers share the lock, a writer
  holds it alone. Writers from any process or thread queue on it instead of failing; a wait longer than
  ``sperre_sekunden`` (``KITANETZ_SPERRE_SEKUNDEN``) ends with :class:`~network.errors.StoreBelegtFehler` and a German message.
- **Recovery.** A process killed mid-commit can leave a write-ahead log. The next opening replays the committed
  records; if the engine refuses the log, the damaged files are copied aside, the database is reopened with
  ``throw_on_wal_replay_failure=False`` (committed records are replayed, the torn tail is dropped) and a German
  notice is added to ``store.warnungen``. A reader that meets a pending recovery takes the writer's lock and
  finishes it first: no command needs the user to act.
- **A cheap data version.** :meth:`~EmbeddedStore.version` first compares the files' size and modification time
  with the last look and opens the database only when they changed.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import ladybug

from ..errors import StoreBelegtFehler, StoreFehler
from ..model import DATEIEN, LABELS, RELATIONSHIPS
from .base import Store
from .massen import TYPEN

__all__ = ["EmbeddedStore", "DATEINAME", "SPERRDATEI"]

T = TypeVar("T")

#: The database file inside the data folder.
DATEINAME = "kitanetz.lbdb"
#: The lock file beside it: shared by readers, held alone by a writer.
SPERRDATEI = "kitanetz.lock"

#: Typed zero values of the non-text columns, for the placeholder row (see :func:`_mit_platzhalter`).
_TYPNULL = {s.name: {"int": 0, "float": 0.0, "bool": False}[s.typ]
            for spalten in DATEIEN.values() for s in spalten if s.typ in ("int", "float", "bool")}
_TYPNULL["kreisweit"] = False
_TYPNULL["version"] = 0


def _mit_platzhalter(rows: list[dict]) -> list[dict]:
    """Add a placeholder row (``id`` null) when a typed column is empty in every row of the batch.

    LadybugDB infers a parameter's type from its values, and an all-null column arrives as STRING, which it
    will not set on a typed property. The placeholder's typed zeros fix the inferred type; every upsert skips
    rows whose id is null, so it is never written.
    """
    leer = [k for k in rows[0] if k in _TYPNULL and all(r.get(k) is None for r in rows)]
    if not leer:
        return rows
    return rows + [{k: (_TYPNULL[k] if k in leer else None) for k in rows[0]}]


class _LbTx:
    def __init__(self, conn: ladybug.Connection, queries):
        self._conn = conn
        self._queries = queries

    def run(self, name: str, **params) -> list[dict]:
        if params.get("rows"):
            params = {**params, "rows": _mit_platzhalter(params["rows"])}
        result = self._conn.execute(self._queries[name], params) if params else \
            self._conn.execute(self._queries[name])
        cols = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(cols, result.get_next())))
        return rows


class EmbeddedStore(Store):
    """LadybugDB in ``data_dir`` (created, and its schema created or migrated, on first use).

    ``read_only`` refuses writes (and does not create a missing store). Nothing is held open between calls,
    so any number of processes may use the same folder.

    >>> import tempfile
    >>> with EmbeddedStore(Path(tempfile.mkdtemp())) as s:
    ...     s.is_empty(), s.version()
    (True, 0)
    """

    dialect = "ladybug"
    massenweise = True  # new rows of a large import: COPY from Arrow tables (queries/ladybug/bulk.cypher)

    def __init__(self, data_dir: Path | str, read_only: bool = False, sperre_sekunden: float = 120.0):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.read_only = read_only
        self.sperre_sekunden = sperre_sekunden
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise StoreFehler(f"Der Datenordner {self.data_dir} ist eine Datei, kein Ordner.")
        if read_only and not (self.data_dir / DATEINAME).exists():
            raise StoreFehler(f"Im Datenordner {self.data_dir} gibt es noch keinen Datenspeicher. "
                              "`kita-netz seed` legt ihn mit den Demodaten an.")
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreFehler(f"Der Datenordner {self.data_dir} kann nicht angelegt werden "
                              f"({e.strerror or e}).") from None
        self.path = self.data_dir / DATEINAME
        self._sperrpfad = self.data_dir / SPERRDATEI
        self._stand: tuple[tuple, int] | None = None
        self._stand_guard = threading.Lock()
        if not read_only:
            self._migrate()

    # -- the lock file ---------------------------------------------------------------------------------
    @contextmanager
    def _sperre(self, exklusiv: bool, warten: bool = True) -> Iterator[bool]:
        """Hold the lock file shared (readers) or alone (a writer). Yields False when ``warten`` is off and
        the lock is taken; raises :class:`StoreBelegtFehler` after ``sperre_sekunden`` of waiting."""
        art = fcntl.LOCK_EX if exklusiv else fcntl.LOCK_SH
        try:
            fd = os.open(self._sperrpfad, os.O_RDWR | os.O_CREAT, 0o660)
        except OSError:
            if exklusiv:
                raise StoreFehler(f"Im Datenordner {self.data_dir} darf nicht geschrieben werden.") from None
            fd = os.open(self._sperrpfad, os.O_RDONLY)  # a read-only folder: shared locks still work
        try:
            frist = time.monotonic() + self.sperre_sekunden
            pause = 0.005
            while True:
                try:
                    fcntl.flock(fd, art | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not warten:
                        yield False
                        return
                    if time.monotonic() > frist:
                        raise StoreBelegtFehler(
                            f"Der Datenspeicher {self.data_dir} ist seit {self.sperre_sekunden:.0f} s von einem "
                            "anderen Vorgang belegt (zum Beispiel einem großen Import). Bitte etwas später "
                            "erneut versuchen.") from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.1)
            yield True
        finally:
            os.close(fd)  # closing the descriptor releases the lock

    # -- opening and recovery --------------------------------------------------------------------------
    def _oeffne(self, schreiben: bool) -> ladybug.Database:
        """Open the database (the caller holds the lock). A failed read-only open finishes a pending recovery
        under the writer's lock, then the read is retried by the caller."""
        try:
            return ladybug.Database(str(self.path), read_only=not schreiben)
        except RuntimeError as e:
            if "lock" in str(e).lower():  # a program that holds the file without our lock file (an old version)
                pid = re.search(r"PID (\d+)", str(e))
                wer = f" (Prozess {pid.group(1)})" if pid else ""
                raise StoreBelegtFehler(
                    f"Der Datenspeicher {self.data_dir} wird gerade von einem anderen Programm benutzt{wer}, das "
                    "ihn dauerhaft offen hält (zum Beispiel eine ältere Version der App). Bitte dieses beenden "
                    "und es erneut versuchen.") from None
            if schreiben:
                return self._recover(str(e))
            raise _Wiederherstellen(str(e)) from None

    def _recover(self, grund: str) -> ladybug.Database:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.data_dir / f"beschaedigt-{stamp}"
        aside.mkdir(exist_ok=True)
        for f in self.data_dir.glob(DATEINAME + "*"):
            if f.is_file():
                shutil.copy2(f, aside / f.name)
        try:
            db = ladybug.Database(str(self.path), throw_on_wal_replay_failure=False)
            conn = ladybug.Connection(db)
            conn.execute("CHECKPOINT")
            conn.close()
        except RuntimeError:
            raise StoreFehler(
                f"Der Datenspeicher {self.data_dir} ist beschädigt und konnte nicht wiederhergestellt werden. "
                f"Eine Kopie der Dateien liegt in {aside}; bitte die letzte Sicherung zurückspielen "
                "oder die Daten neu importieren.") from None
        self.warnungen.append(
            "Der Datenspeicher wurde nach einem Abbruch wiederhergestellt: alle abgeschlossenen Speicherungen "
            f"sind erhalten, eine unvollständige wurde verworfen. Eine Kopie der beschädigten Dateien liegt in "
            f"{aside}.")
        return db

    @contextmanager
    def _verbindung(self, schreiben: bool) -> Iterator[ladybug.Connection]:
        """The database, open for one transaction under the lock.

        Operations of one process run one at a time (LadybugDB allows one write transaction at a time anyway).
        While further operations of this process are waiting, the database stays open for them (a burst of
        writes from several threads pays the opening once); when none is waiting it is closed and the lock
        released, so other processes get their turn.
        """
        g = _griff(self.path)
        with g.guard:
            g.wartende += 1
        with g.zugriff:
            with g.guard:
                g.wartende -= 1
            try:
                if g.conn is not None and schreiben and not g.schreibbar:
                    g.schliessen()
                if g.conn is None:
                    self._oeffne_unter_sperre(g, schreiben)
                try:
                    yield g.conn
                except BaseException:
                    # after a rollback the connection is not reused: a COPY on a connection that rolled back
                    # crashed the engine (LadybugDB 0.22); the next operation opens the database afresh
                    g.schliessen()
                    raise
            finally:
                with g.guard:
                    niemand = g.wartende == 0
                if niemand:
                    g.schliessen()  # closing a written database checkpoints it: no log is left behind

    def _oeffne_unter_sperre(self, g: "_Griff", schreiben: bool) -> None:
        for _ in range(2):
            sperre = self._sperre(exklusiv=schreiben)
            sperre.__enter__()
            try:
                db = self._oeffne(schreiben)
            except _Wiederherstellen:
                sperre.__exit__(None, None, None)
            except BaseException as e:
                sperre.__exit__(type(e), e, e.__traceback__)
                raise
            else:
                g.db, g.conn, g.schreibbar, g.sperre = db, ladybug.Connection(db), schreiben, sperre
                return
            with self._sperre(exklusiv=True):  # finish the recovery under the writer's lock, then read again
                self._oeffne(schreiben=True).close()
        raise StoreFehler(f"Der Datenspeicher {self.data_dir} kann nicht gelesen werden. "
                          "Bitte `kita-netz stats` ausführen und die Meldung an die Administration geben.")

    def _migrate(self) -> None:
        """Create missing tables, and add columns that the schema file has but an older store lacks."""
        stmts = self.queries.statements("schema")
        with self._verbindung(schreiben=True) as conn:
            for stmt in stmts:
                conn.execute(stmt)
            for stmt in stmts:
                m = re.match(r"CREATE (?:NODE|REL) TABLE IF NOT EXISTS (\w+)\((.*)\)$", stmt, re.S)
                if not m:
                    continue
                table, body = m.groups()
                if table not in LABELS and table not in RELATIONSHIPS:  # names only from the whitelist
                    raise StoreFehler(f"Unbekannte Tabelle im Schema: {table}")
                have = {row[1] for row in _rows(conn.execute(f"CALL table_info('{table}') RETURN *"))}
                for col in re.split(r",\s*", " ".join(body.split())):
                    if col.startswith("FROM "):
                        continue
                    name, typ = col.split(" ", 1)
                    if name not in have and "PRIMARY KEY" not in typ:
                        conn.execute(f"ALTER TABLE {table} ADD {name} {typ}")

    # -- transactions ----------------------------------------------------------------------------------
    def _schreibe(self, fn: Callable[[_LbTx], T]) -> T:
        if self.read_only:
            raise StoreFehler("Der Datenspeicher ist nur zum Lesen geöffnet.")
        with self._verbindung(schreiben=True) as conn:
            conn.execute("BEGIN TRANSACTION")
            try:
                result = fn(_LbTx(conn, self.queries))
            except BaseException:
                try:
                    conn.execute("ROLLBACK")
                except RuntimeError:
                    pass  # the engine already rolled back after a failed statement
                raise
            conn.execute("COMMIT")
            return result

    def _massen(self, tx: _LbTx, block: str, spalten: dict[str, list]) -> None:
        """Load a column table with the engine's COPY (a ``bulk_*`` block), as an Arrow table of typed columns."""
        import pyarrow as pa  # only a large import needs it

        typen = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "liste": pa.list_(pa.string()),
                 "text": pa.string()}
        tabelle = pa.table({n: pa.array(v, type=typen[TYPEN.get(n, "text")]) for n, v in spalten.items()})
        tx.run(block, daten=tabelle)

    def execute_read(self, fn: Callable[[_LbTx], T]) -> T:
        with self._verbindung(schreiben=False) as conn:
            conn.execute("BEGIN TRANSACTION READ ONLY")
            try:
                return fn(_LbTx(conn, self.queries))
            finally:
                conn.execute("COMMIT")

    # -- the data version, cheaply ---------------------------------------------------------------------
    def _fingerabdruck(self) -> tuple:
        out = []
        for f in (self.path, self.path.with_name(DATEINAME + ".wal")):
            try:
                st = f.stat()
                out.append((st.st_size, st.st_mtime_ns, st.st_ino))
            except FileNotFoundError:
                out.append(None)
        return tuple(out)

    def version(self, warten: bool = True) -> int:
        """The data version; the database is opened only when its files changed since the last look.

        With ``warten=False`` a store busy with a long write answers the last version seen instead of waiting
        (a page that only checks for news must not hang behind an import).
        """
        abdruck = self._fingerabdruck()
        with self._stand_guard:
            if self._stand and self._stand[0] == abdruck:
                return self._stand[1]
        if not warten and self._stand is not None:
            with self._sperre(exklusiv=False, warten=False) as frei:
                if not frei:
                    return self._stand[1]
        v = super().version()
        with self._stand_guard:
            self._stand = (abdruck, v)
        return v

    def close(self) -> None:
        """Nothing is held open between calls; kept for the :class:`Store` interface."""


class _Griff:
    """The database of one file as this process has it open (or not): shared by the store objects and threads
    of the process, so that operations queue here and a waiting one reuses the open database."""

    def __init__(self) -> None:
        self.guard = threading.Lock()
        self.zugriff = threading.Lock()
        self.wartende = 0
        self.db: ladybug.Database | None = None
        self.conn: ladybug.Connection | None = None
        self.schreibbar = False
        self.sperre = None

    def schliessen(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
                self.db.close()
            finally:
                self.conn = self.db = None
                sperre, self.sperre = self.sperre, None
                sperre.__exit__(None, None, None)


_GRIFFE: dict[str, _Griff] = {}
_GRIFFE_GUARD = threading.Lock()


def _griff(path: Path) -> _Griff:
    with _GRIFFE_GUARD:
        return _GRIFFE.setdefault(str(path.resolve()), _Griff())


class _Wiederherstellen(Exception):
    """A read-only open failed: a recovery under the writer's lock comes first."""


def _rows(result) -> list[list]:
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out
