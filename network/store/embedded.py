"""The embedded backend: LadybugDB (the maintained Kùzu fork) in a local data folder.

Three things the engine leaves to us, handled here:

- **One writer at a time.** LadybugDB fails a second concurrent write transaction at once; Streamlit serves each
  browser session as a thread. A process-wide lock per database file makes writers wait their turn.
- **One process.** The database file is locked by the process that opened it for writing; a second process gets
  :class:`~network.errors.StoreBelegt` with a German message instead of a lock traceback.
- **Recovery.** A process killed mid-commit can leave a write-ahead log the engine refuses to replay. Opening then
  copies the damaged files aside, reopens with ``throw_on_wal_replay_failure=False`` (committed records are
  replayed, the torn tail is dropped), checkpoints, and records a German notice in ``store.warnungen``.
"""

from __future__ import annotations

import re
import shutil
import threading
import time
from pathlib import Path
from typing import Callable, TypeVar

import ladybug

from ..errors import StoreBelegt, StoreFehler
from ..model import DATEIEN, LABELS, RELATIONSHIPS
from .base import Store

__all__ = ["EmbeddedStore", "DATEINAME"]

T = TypeVar("T")

#: The database file inside the data folder.
DATEINAME = "kitanetz.lbdb"

_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _write_lock(path: Path) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(str(path.resolve()), threading.Lock())


#: Typed zero values of the non-text columns, for the placeholder row (see :func:`_mit_platzhalter`).
_TYPNULL = {s.name: {"int": 0, "float": 0.0, "bool": False}[s.typ]
            for spalten in DATEIEN.values() for s in spalten if s.typ in ("int", "float", "bool")}
_TYPNULL["kreisweit"] = False


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
    """LadybugDB in ``data_dir`` (created, and its schema created or migrated, on open).

    >>> import tempfile
    >>> with EmbeddedStore(Path(tempfile.mkdtemp())) as s:
    ...     s.is_empty()
    True
    """

    dialect = "ladybug"

    def __init__(self, data_dir: Path | str, read_only: bool = False):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.read_only = read_only
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.path = self.data_dir / DATEINAME
        self._lock = _write_lock(self.path)
        self._local = threading.local()
        self._conns: list[ladybug.Connection] = []
        self._conns_guard = threading.Lock()
        self._db = self._open()
        if not read_only:
            self._migrate()

    # -- opening, recovery, schema ---------------------------------------------------------------------
    def _open(self) -> ladybug.Database:
        try:
            return ladybug.Database(str(self.path), read_only=self.read_only)
        except RuntimeError as e:
            msg = str(e)
            if "lock" in msg.lower():
                pid = re.search(r"PID (\d+)", msg)
                wer = f" (Prozess {pid.group(1)})" if pid else ""
                raise StoreBelegt(
                    f"Der Datenspeicher {self.data_dir} wird gerade von einem anderen Programm benutzt{wer}, "
                    "zum Beispiel von der laufenden App. Bitte die App beenden und es erneut versuchen."
                ) from None
            if self.read_only:
                raise StoreFehler(f"Der Datenspeicher {self.data_dir} kann nicht geöffnet werden: {msg}") from None
            return self._recover(msg)

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
        except RuntimeError as e:
            raise StoreFehler(
                f"Der Datenspeicher {self.data_dir} ist beschädigt und konnte nicht wiederhergestellt werden "
                f"({e}). Eine Kopie liegt in {aside}.") from None
        self.warnungen.append(
            "Der Datenspeicher wurde nach einem Abbruch wiederhergestellt: alle abgeschlossenen Speicherungen "
            f"sind erhalten, eine unvollständige wurde verworfen. Eine Kopie der beschädigten Dateien liegt in "
            f"{aside}.")
        return db

    def _migrate(self) -> None:
        """Create missing tables, and add columns that the schema file has but an older store lacks."""
        stmts = self.queries.statements("schema")
        conn = self._conn()
        with self._lock:
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

    # -- connections and transactions ------------------------------------------------------------------
    def _conn(self) -> ladybug.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = ladybug.Connection(self._db)
            self._local.conn = conn
            with self._conns_guard:
                self._conns.append(conn)
        return conn

    def execute_write(self, fn: Callable[[_LbTx], T]) -> T:
        if self.read_only:
            raise StoreFehler("Der Datenspeicher ist nur zum Lesen geöffnet.")
        conn = self._conn()
        with self._lock:
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

    def execute_read(self, fn: Callable[[_LbTx], T]) -> T:
        conn = self._conn()
        conn.execute("BEGIN TRANSACTION READ ONLY")
        try:
            return fn(_LbTx(conn, self.queries))
        finally:
            conn.execute("COMMIT")

    def after_import(self) -> None:
        with self._lock:
            self._conn().execute("CHECKPOINT")

    def close(self) -> None:
        with self._conns_guard:
            for conn in self._conns:
                conn.close()
            self._conns.clear()
        self._local = threading.local()
        self._db.close()


def _rows(result) -> list[list]:
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out
