"""The fingerprint of an import's files: a re-import of unchanged files needs neither reading nor checking.

An import records, in its own write transaction, the sha256 of what it read (:func:`fingerabdruck`) with the data
version its write left (``Store.importabdruck``). When the same files come again and the data version is still
that one, nothing in the store can have changed since – no write of any process, no code change (the program's
own code is part of the fingerprint, :func:`programmstand`) – so the import would change nothing: it reports
the rows of that import as unchanged (:func:`network.austausch.import_rohdaten`).

>>> a = fingerabdruck([("themen.csv", b"id;name\\nt;T\\n")], [], "grenzen")
>>> a == fingerabdruck([("themen.csv", b"id;name\\nt;T\\n")], [], "grenzen"), len(a)
(True, 64)
>>> a == fingerabdruck([("themen.csv", b"id;name\\nt;U\\n")], [], "grenzen")
False
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

__all__ = ["fingerabdruck", "programmstand", "IMPORTFORMAT"]

#: The version of the import format and of how it is read; raise it when reading or checking changes meaning
#: (the program's text is part of the fingerprint anyway, see :func:`programmstand`).
IMPORTFORMAT = 1

_PAKET = Path(__file__).resolve().parents[1]
_ABFRAGEN = _PAKET.parent / "queries"
#: The source an import runs through (relative to the package): reading, checking, reporting, the store and the
#: ground below them. The named queries count too, and the versions of the libraries that read and store.
_QUELLEN = ("austausch/*.py", "store/*.py", "grund/*.py", "model.py", "errors.py", "settings.py", "zugang/rollen.py")
_BIBLIOTHEKEN = ("kita-netzwerk", "openpyxl", "ladybug", "neo4j")


@lru_cache(maxsize=1)
def programmstand() -> str:
    """The program as far as an import depends on it: :data:`IMPORTFORMAT`, the versions of the program and of
    the libraries that read and store, and the sha256 of the source an import runs through and of every named
    query (a few ms, once per process). A change of that code gives another fingerprint, so an import after an
    update reads and checks its files again."""
    h = hashlib.sha256(f"Importformat {IMPORTFORMAT}".encode())
    for name in _BIBLIOTHEKEN:
        try:
            _teil(h, f"{name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            _teil(h, f"{name} -".encode())
    dateien = sorted({p for muster in _QUELLEN for p in _PAKET.glob(muster)}) + sorted(_ABFRAGEN.rglob("*.cypher"))
    for p in dateien:
        _teil(h, str(p.relative_to(_PAKET.parent)).encode())
        _teil(h, p.read_bytes())
    return h.hexdigest()


def _teil(h, daten: bytes) -> None:
    """One part, prefixed with its length: no two lists of parts hash alike."""
    h.update(len(daten).to_bytes(8, "big"))
    h.update(daten)


def fingerabdruck(dateien: list[tuple[str, bytes]], hinweise: list[str], grenzen: str) -> str:
    """The sha256 (hex) of an import: :func:`programmstand`, the limits it is read with (``grenzen``), the
    notices on files left out, and every file's name and raw bytes in reading order."""
    h = hashlib.sha256()
    _teil(h, programmstand().encode())
    _teil(h, grenzen.encode())
    _teil(h, str(len(hinweise)).encode())
    for hinweis in hinweise:
        _teil(h, hinweis.encode())
    for name, daten in dateien:
        _teil(h, name.encode())
        _teil(h, daten)
    return h.hexdigest()
