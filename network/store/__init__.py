"""The only room that knows a database exists.

>>> from network.settings import Settings
>>> import tempfile
>>> with open_store(Settings(data_dir=tempfile.mkdtemp())) as store:
...     store.counts()["nodes"]["Kita"]
0
"""

from __future__ import annotations

from ..settings import Settings
from .base import Store, Tx, traeger_id

__all__ = ["open_store", "Store", "Tx", "traeger_id"]


def open_store(settings: Settings, read_only: bool = False) -> Store:
    """Open the store the settings name (``KITANETZ_STORE``)."""
    if settings.store == "neo4j":  # each backend loads its driver only when chosen (neo4j or ladybug, not both)
        from .neo4j import Neo4jStore

        return Neo4jStore(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
                          settings.neo4j_database)
    from .embedded import EmbeddedStore  # see above: the embedded engine only when it is the store

    return EmbeddedStore(settings.data_dir, read_only=read_only, sperre_sekunden=settings.sperre_sekunden)
