"""The Neo4j backend: Neo4j 5 through the official driver, managed transactions, parameters only.

Configured by ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``. Uniqueness constraints
(the ``schema`` block of ``queries/neo4j/``) are created on first use.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from ..errors import StoreFehler
from .base import Store

__all__ = ["Neo4jStore"]

T = TypeVar("T")


class _Neo4jTx:
    def __init__(self, tx, queries):
        self._tx = tx
        self._queries = queries

    def run(self, name: str, **params) -> list[dict]:
        return [record.data() for record in self._tx.run(self._queries[name], params)]


class Neo4jStore(Store):
    """A store in a Neo4j 5 database."""

    dialect = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j"):
        super().__init__()
        import neo4j

        if not uri:
            raise StoreFehler("Für den Speicher „neo4j“ muss NEO4J_URI gesetzt sein.")
        self.database = database
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
            self._driver.verify_connectivity()
        except Exception as e:  # the driver raises many kinds; the user needs one sentence
            raise StoreFehler(f"Neo4j unter {uri} ist nicht erreichbar: {e}") from None
        with self._driver.session(database=database) as session:
            for stmt in self.queries.statements("schema"):
                session.run(stmt).consume()

    def execute_write(self, fn: Callable[[_Neo4jTx], T]) -> T:
        with self._driver.session(database=self.database) as session:
            return session.execute_write(lambda tx: fn(_Neo4jTx(tx, self.queries)))

    def execute_read(self, fn: Callable[[_Neo4jTx], T]) -> T:
        with self._driver.session(database=self.database) as session:
            return session.execute_read(lambda tx: fn(_Neo4jTx(tx, self.queries)))

    def close(self) -> None:
        self._driver.close()
