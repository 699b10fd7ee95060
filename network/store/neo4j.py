"""The Neo4j backend: Neo4j 5 through the official driver, managed transactions, parameters only.

Configured by ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``. Any Neo4j 5 works: a
single server (``bolt://``, ``bolt+s://``), or a cluster or Aura through a routing URI (``neo4j://``,
``neo4j+s://``); the driver sends reads and writes to the right members. Uniqueness constraints (the ``schema``
block of ``queries/neo4j/``) are created on first use.

Every driver error reaches the user as one German sentence (:class:`~network.errors.StoreFehler`): server not
reachable, wrong password, server gone mid-session, database missing. A write that fails is rolled back by the
server, so nothing is half-written; transient errors (a leader change in a cluster, a deadlock) are retried by
the driver's managed transactions.
"""

from __future__ import annotations

import logging
from typing import Callable, TypeVar

import neo4j
from neo4j import exceptions as nx

from ..errors import StoreFehler, ValidierungsFehler
from .base import Store

__all__ = ["Neo4jStore", "deutsch"]

T = TypeVar("T")

# The driver logs its retries in English; without a handler of its own Python would print them on stderr
# (the CLI's users must see only our German sentence). A server's log handlers still get them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

#: The URI schemes of Bolt: a single server, or routing through a cluster or Aura; ``+s``/``+ssc`` with TLS.
SCHEMAS = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class _Neo4jTx:
    def __init__(self, tx, queries):
        self._tx = tx
        self._queries = queries

    def run(self, name: str, **params) -> list[dict]:
        # every named query returns plain values (no nodes), so the rows need not go through Record.data()
        # (half the time of reading a large store)
        result = self._tx.run(self._queries[name], params)
        keys = result.keys()
        return [dict(zip(keys, values)) for values in result.values()]


def deutsch(e: Exception, uri: str, database: str) -> str:
    """One German sentence for a driver error.

    >>> deutsch(nx.AuthError("unauthorized"), "bolt://db:7687", "neo4j")[:62]
    'Die Anmeldung bei Neo4j unter bolt://db:7687 ist fehlgeschlage'
    """
    if isinstance(e, nx.AuthError):
        return (f"Die Anmeldung bei Neo4j unter {uri} ist fehlgeschlagen: Benutzername oder Passwort stimmen nicht "
                "(NEO4J_USER, NEO4J_PASSWORD).")
    if isinstance(e, (nx.ServiceUnavailable, nx.SessionExpired)):
        return (f"Neo4j unter {uri} ist nicht erreichbar oder hat die Verbindung getrennt. Läuft der Server, und "
                "stimmt NEO4J_URI? Es wurde nichts gespeichert.")
    if isinstance(e, (nx.ConfigurationError, ValueError)):
        return (f"NEO4J_URI „{uri}“ ist keine gültige Neo4j-Adresse. Erlaubt sind bolt://, bolt+s://, neo4j:// "
                "und neo4j+s://, zum Beispiel neo4j://localhost:7687.")
    code = getattr(e, "code", "") or ""
    if "DatabaseNotFound" in code:
        return f"Auf dem Neo4j-Server unter {uri} gibt es keine Datenbank „{database}“ (NEO4J_DATABASE)."
    if "Forbidden" in code or "Security" in code:
        return f"Der Neo4j-Benutzer darf diese Datenbank „{database}“ nicht ändern (fehlende Rechte)."
    if "ConstraintValidationFailed" in code:
        return "Neo4j hat die Speicherung abgelehnt, weil eine Kennung schon vergeben ist. Es wurde nichts gespeichert."
    return ("Neo4j hat die Anfrage mit einem Fehler beendet; es wurde nichts gespeichert. Bitte die Administration "
            f"informieren (Fehlercode {code or type(e).__name__}).")


class Neo4jStore(Store):
    """A store in a Neo4j 5 database."""

    dialect = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j"):
        super().__init__()
        if not uri:
            raise StoreFehler("Für den Speicher „neo4j“ muss NEO4J_URI gesetzt sein, zum Beispiel "
                              "neo4j://localhost:7687.")
        self.uri = uri
        self.database = database
        if uri.split("://", 1)[0].lower() not in SCHEMAS:
            raise StoreFehler(deutsch(ValueError(uri), uri, database))
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), connection_timeout=5.0, max_transaction_retry_time=8.0,
                notifications_min_severity="OFF")  # the server's English hints are not for our users
            self._driver.verify_connectivity()
            with self._driver.session(database=database) as session:
                for stmt in self.queries.statements("schema"):
                    session.run(stmt).consume()
        except (nx.Neo4jError, nx.DriverError, ValueError) as e:
            if getattr(self, "_driver", None) is not None:
                self._driver.close()
            raise StoreFehler(deutsch(e, uri, database)) from None

    def _laufen(self, art: str, fn: Callable[[_Neo4jTx], T]) -> T:
        try:
            with self._driver.session(database=self.database) as session:
                run = session.execute_write if art == "w" else session.execute_read
                return run(lambda tx: fn(_Neo4jTx(tx, self.queries)))
        except ValidierungsFehler:
            raise
        except (nx.Neo4jError, nx.DriverError) as e:
            raise StoreFehler(deutsch(e, self.uri, self.database)) from None

    def _schreibe(self, fn: Callable[[_Neo4jTx], T]) -> T:
        return self._laufen("w", fn)

    def execute_read(self, fn: Callable[[_Neo4jTx], T]) -> T:
        return self._laufen("r", fn)

    def _aktuell_lesen(self, fn: Callable[[_Neo4jTx], T]) -> T:
        # routed as a write: in a cluster a reading member may lag behind the leader (it only reads)
        return self._laufen("w", fn)

    def close(self) -> None:
        self._driver.close()
