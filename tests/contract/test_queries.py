"""The named queries: one shared text per name, the few dialect differences named, tested, and kept small."""

from __future__ import annotations

import re

import pytest

from network.model import LABELS, RELATIONSHIPS
from network.store.queries import QUERY_DIR, Queries, parse_blocks

#: The blocks a dialect folder may replace; anything else must be shared text.
ERLAUBTE_ABWEICHUNGEN = {"schema", "zaehle_knoten", "zaehle_beziehungen"}


def _massen(name: str) -> bool:
    """The embedded engine's bulk load (``queries/ladybug/bulk.cypher``): blocks only that dialect has."""
    return name.startswith("bulk_")


def test_dialect_folders_override_only_the_named_differences():
    for dialect in ("ladybug", "neo4j"):
        names = set()
        for path in (QUERY_DIR / dialect).glob("*.cypher"):
            names |= set(parse_blocks(path.read_text(encoding="utf-8")))
        assert {n for n in names if not _massen(n)} - {"schema"} <= ERLAUBTE_ABWEICHUNGEN, dialect
        assert "schema" in names
        if dialect != "ladybug":
            assert not [n for n in names if _massen(n)], dialect


def test_shared_queries_are_identical_for_both_backends():
    lb, neo = Queries.load("ladybug"), Queries.load("neo4j")
    assert [n for n in lb.names() if not _massen(n)] == neo.names()
    assert not [n for n in neo.names() if _massen(n)]
    for name in neo.names():
        if name not in ERLAUBTE_ABWEICHUNGEN:
            assert lb[name] == neo[name], name


def test_bulk_blocks_copy_from_a_parameter_into_whitelisted_tables():
    """COPY names its table and its columns literally (from the whitelist and the schema); the rows come only as
    the parameter ``$daten``, never as a file name or a literal."""
    known = set(LABELS) | set(RELATIONSHIPS)
    q = Queries.load("ladybug")
    bloecke = [n for n in q.names() if _massen(n)]
    assert bloecke
    schema = {re.search(r"TABLE IF NOT EXISTS (\w+)", st).group(1): " ".join(st.split())
              for st in q.statements("schema")}
    for name in bloecke:
        m = re.fullmatch(r"COPY (\w+)(?:\(([\w,\s]*)\))? FROM \$daten(?: \(from='(\w+)', to='(\w+)'\))?",
                         " ".join(q[name].split()))
        assert m, name
        tabelle, spalten, von, zu = m.groups()
        assert tabelle in known and {von, zu} - {None} <= known, name
        for spalte in (spalten or "").replace(" ", "").split(","):
            if spalte:
                assert re.search(rf"[(,] ?{spalte} [A-Z]", schema[tabelle]), (name, spalte)


def test_label_override_differs_exactly_in_the_label_function():
    lb, neo = Queries.load("ladybug"), Queries.load("neo4j")
    assert lb["zaehle_knoten"].replace("label(n)", "labels(n)[0]") == neo["zaehle_knoten"]
    assert lb["zaehle_beziehungen"].replace("label(r)", "type(r)") == neo["zaehle_beziehungen"]


def test_queries_use_only_whitelisted_labels_and_types():
    known = set(LABELS) | set(RELATIONSHIPS)
    for dialect in ("ladybug", "neo4j"):
        q = Queries.load(dialect)
        for name in q.names():
            if name == "schema":
                continue
            used = set(re.findall(r"[(\[]\w*:(\w+)", q[name]))
            used |= {part for m in re.findall(r"\(\w*:([\w|]+)", q[name]) for part in m.split("|")}
            assert used <= known, (dialect, name, used - known)


def test_values_are_parameters_never_literals_in_writes():
    q = Queries.load("ladybug")
    for name in q.names():
        if name.startswith(("upsert_", "link_", "unlink_")):
            assert not re.search(r"\{id: ['\"]", q[name]), name  # ids come from $rows / $ids


def test_two_endpoint_matches_are_two_clauses():
    """LadybugDB plans ``MATCH (a {id: ..}), (b {id: ..})`` as a cross product of both tables."""
    q = Queries.load("ladybug")
    for name in q.names():
        assert not re.search(r"MATCH \([^)]*\{id:[^}]*\}\),\s*\(", q[name]), name


def test_every_backend_has_a_schema():
    for dialect in ("ladybug", "neo4j"):
        assert Queries.load(dialect).statements("schema")


def test_duplicate_names_are_refused():
    with pytest.raises(ValueError, match="defined twice"):
        parse_blocks("// name: a\nRETURN 1\n// name: a\nRETURN 2\n")


def test_embedded_placeholder_row_is_never_written(embedded):
    """An all-empty typed column in a batch gets a typed placeholder row; it must not become a node."""
    from network.model import Netzdaten

    embedded.write(Netzdaten(sozialraeume=[{"id": "sr", "name": "S", "beschreibung": None}],
                             gemeinden=[{"id": "1", "name": "G", "verbandsgemeinde": None, "sozialraum_id": "sr",
                                         "lat": None, "lon": None, "einwohner": None}]))
    assert embedded.counts()["nodes"]["Gemeinde"] == 1
    assert embedded.load().gemeinden[0]["einwohner"] is None
