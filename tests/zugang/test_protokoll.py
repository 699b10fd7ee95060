"""The audit trail: each write leaves its entries in the same transaction, none when it fails; append-only."""

from __future__ import annotations

import copy
import json

import pytest

from network.model import Netzdaten
from network.store.queries import Queries


def _log(store) -> list[dict]:
    return store.query("lade_protokoll")


def test_a_changed_row_leaves_exactly_one_entry_with_before_and_after(store, mini):
    store.write(mini, wer="import")
    n = len(_log(store))
    kita = {**mini.kitas[0], "plaetze": 75, "telefon": "06761 9999-299"}
    store.write(Netzdaten(kitas=[kita]), wer="anna")
    log = _log(store)
    assert len(log) == n + 1
    e = log[0]
    assert (e["wer"], e["aktion"], e["art"], e["objekt_id"]) == ("anna", "geändert", "kitas", "kita-1")
    assert json.loads(e["vorher"]) == {"plaetze": 60, "telefon": "+49 6761 1"}
    assert json.loads(e["nachher"]) == {"plaetze": 75, "telefon": "06761 9999-299"}


def test_created_rows_are_entries_and_unchanged_rows_are_not(store, mini):
    store.write(mini, wer="import")
    assert len(_log(store)) == mini.anzahl()
    store.write(copy.deepcopy(mini), wer="import")
    assert len(_log(store)) == mini.anzahl()


def test_failed_write_leaves_no_entry(store, mini):
    store.write(mini, wer="import")
    n = len(_log(store))

    def abbruch(done, total):  # the write fails after its last batch, before the commit
        if done == total:
            raise RuntimeError("Abbruch")

    with pytest.raises(RuntimeError):
        store.write(Netzdaten(kitas=[{**mini.kitas[0], "name": "Neu"}]), fortschritt=abbruch, wer="anna")
    assert len(_log(store)) == n
    assert next(k for k in store.load().kitas if k["id"] == "kita-1")["name"] == mini.kitas[0]["name"]


def test_clear_keeps_the_trail_and_records_itself(store, mini):
    store.write(mini, wer="import")
    store.clear(wer="kommandozeile")
    log = _log(store)
    assert len(log) == mini.anzahl() + 1 and log[0]["aktion"] == "alles gelöscht"
    assert store.is_empty()


def test_no_query_changes_or_deletes_the_trail():
    for dialect in ("ladybug", "neo4j"):
        q = Queries.load(dialect)
        for name in q.names():
            text = q[name]
            if "Protokoll" in text:
                assert "DELETE" not in text and "SET" not in text and "MERGE" not in text, name
