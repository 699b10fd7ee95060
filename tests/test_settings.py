"""Settings: every variable has a default and is documented in docs/einstellungen.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from network.errors import KonfigurationsFehler
from network.settings import EINSTELLUNGEN, Settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "einstellungen.md"


def test_every_setting_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [name for name in EINSTELLUNGEN if f"`{name}`" not in text]
    assert missing == []


def test_defaults_and_overrides():
    s = Settings.from_env({})
    assert (s.store, s.data_dir, s.max_km) == ("embedded", Path("data"), 15.0)
    s = Settings.from_env({"KITANETZ_STORE": "Neo4j", "KITANETZ_MAX_KM": "20"})
    assert (s.store, s.max_km) == ("neo4j", 20.0)
    assert s.mit(data_dir="/x", store=None).data_dir == Path("/x")


@pytest.mark.parametrize("env, msg", [
    ({"KITANETZ_STORE": "sqlite"}, "KITANETZ_STORE"),
    ({"KITANETZ_MAX_KM": "weit"}, "KITANETZ_MAX_KM"),
])
def test_bad_values_are_german_errors(env, msg):
    with pytest.raises(KonfigurationsFehler, match=msg):
        Settings.from_env(env)
