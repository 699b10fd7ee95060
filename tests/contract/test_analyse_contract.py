"""The analysis does not know where its data came from: the same data give the same answer from every backend."""

from __future__ import annotations

from network.analyse import analyse, wachstum
from network.austausch import read_path, validate
from network.cli import SEED_DIR


def test_same_analysis_from_every_backend(store):
    daten = validate(read_path(SEED_DIR))
    store.write(daten)
    aus_dateien = analyse(daten, stichtag="2026-06-30")
    aus_store = analyse(store.load(), stichtag="2026-06-30")
    assert aus_store == aus_dateien
    assert [s["id"] for s in aus_store["sozialraeume"]] == sorted(s["id"] for s in daten.sozialraeume)


def test_same_growth_from_every_backend(store, mini):
    store.write(mini)
    assert wachstum(store.load()).equals(wachstum(mini))
