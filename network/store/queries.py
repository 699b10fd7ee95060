"""Load the named Cypher blocks of ``queries/`` and apply a dialect's overrides.

A file holds one or more blocks, each starting with a line ``// name: <name>``. Blocks in
``queries/<dialect>/`` replace the shared block of the same name. The query text is never built from values:
callers pass parameters.

Examples
--------
>>> q = Queries.load("ladybug")
>>> "UNWIND $rows AS r" in q["upsert_kita"]
True
>>> "label(n)" in q["zaehle_knoten"], "labels(n)" in Queries.load("neo4j")["zaehle_knoten"]
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["Queries", "QUERY_DIR", "DIALEKTE", "parse_blocks"]

QUERY_DIR = Path(__file__).resolve().parents[2] / "queries"
DIALEKTE = ("ladybug", "neo4j")

_NAME = re.compile(r"^//\s*name:\s*([a-z0-9_]+)\s*$")


def parse_blocks(text: str) -> dict[str, str]:
    """Split a ``.cypher`` file into ``{name: query}``; comment lines outside a block are dropped.

    >>> parse_blocks("// intro\\n// name: a\\nMATCH (n) RETURN n\\n// name: b\\nRETURN 1\\n")
    {'a': 'MATCH (n) RETURN n', 'b': 'RETURN 1'}
    """
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        m = _NAME.match(line.strip())
        if m:
            name = m.group(1)
            if name in blocks:
                raise ValueError(f"query {name!r} defined twice")
            current = blocks[name] = []
        elif current is not None and not line.strip().startswith("//"):
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in blocks.items()}


class Queries:
    """The queries in force for one dialect: shared blocks, overridden by the dialect's folder."""

    def __init__(self, blocks: dict[str, str], dialect: str):
        self._blocks = blocks
        self.dialect = dialect

    @classmethod
    def load(cls, dialect: str, root: Path = QUERY_DIR) -> "Queries":
        return _load_cached(dialect, str(root))

    def __getitem__(self, name: str) -> str:
        try:
            return self._blocks[name]
        except KeyError:
            raise KeyError(f"no query named {name!r} for dialect {self.dialect}") from None

    def names(self) -> list[str]:
        return sorted(self._blocks)

    def statements(self, name: str) -> list[str]:
        """A block of several statements (such as ``schema``), split at ``;`` line ends."""
        return [s.strip() for s in re.split(r";\s*\n", self[name] + "\n") if s.strip()]


@lru_cache(maxsize=None)
def _load_cached(dialect: str, root: str) -> Queries:
    if dialect not in DIALEKTE:
        raise ValueError(f"unknown dialect {dialect!r}")
    base = Path(root)
    blocks: dict[str, str] = {}
    for path in sorted(base.glob("*.cypher")):
        for name, text in parse_blocks(path.read_text(encoding="utf-8")).items():
            if name in blocks:
                raise ValueError(f"query {name!r} defined twice ({path.name})")
            blocks[name] = text
    for path in sorted((base / dialect).glob("*.cypher")):
        blocks.update(parse_blocks(path.read_text(encoding="utf-8")))
    return Queries(blocks, dialect)
