"""Settings in one place: every environment variable the product reads, with its documented default.

Each entry of :data:`EINSTELLUNGEN` is documented in ``docs/einstellungen.md``; a test fails when one is not.

Examples
--------
>>> s = Settings.from_env({"KITANETZ_STORE": "embedded", "KITANETZ_DATA_DIR": "/tmp/x"})
>>> s.store, str(s.data_dir)
('embedded', '/tmp/x')
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from .errors import KonfigurationsFehler

__all__ = ["Settings", "EINSTELLUNGEN", "load_settings"]

#: name -> (default, description). The single list of variables; docs/einstellungen.md mirrors it.
EINSTELLUNGEN: dict[str, tuple[str, str]] = {
    "KITANETZ_STORE": ("embedded", "Welcher Speicher: `embedded` (LadybugDB im Datenordner) oder `neo4j`."),
    "KITANETZ_DATA_DIR": ("data", "Ordner des eingebetteten Speichers (relativ zum Arbeitsverzeichnis)."),
    "KITANETZ_MAX_KM": ("15", "Entfernung in km, ab der eine Lücke „zu weit entfernt“ gemeldet wird."),
    "KITANETZ_PRUEF_MONATE": ("12", "Nach wie vielen Monaten ein Eintrag als „Prüfung fällig“ gilt."),
    "KITANETZ_SPERRE_SEKUNDEN": ("120", "Wie lange ein Vorgang höchstens wartet, während ein anderer Prozess in den "
                                 "eingebetteten Speicher schreibt (Sekunden); danach kommt eine Meldung."),
    "NEO4J_URI": ("", "Adresse des Neo4j-Servers, z. B. `neo4j://localhost:7687`."),
    "NEO4J_USER": ("neo4j", "Benutzername für Neo4j."),
    "NEO4J_PASSWORD": ("", "Passwort für Neo4j."),
    "NEO4J_DATABASE": ("neo4j", "Name der Neo4j-Datenbank."),
}

_STORES = ("embedded", "neo4j")


@dataclass(frozen=True)
class Settings:
    """The product's configuration. Build it with :meth:`from_env`."""

    store: str = "embedded"
    data_dir: Path = Path("data")
    max_km: float = 15.0
    pruef_monate: int = 12
    sperre_sekunden: float = 120.0
    neo4j_uri: str = ""
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Read the settings from ``env`` (default: ``os.environ``); unset variables take their default."""
        env = os.environ if env is None else env

        def get(name: str) -> str:
            return env.get(name) or EINSTELLUNGEN[name][0]

        store = get("KITANETZ_STORE").strip().lower()
        if store not in _STORES:
            raise KonfigurationsFehler(
                f"KITANETZ_STORE muss „embedded“ oder „neo4j“ sein, nicht „{store}“.")
        try:
            max_km = float(get("KITANETZ_MAX_KM"))
        except ValueError:
            raise KonfigurationsFehler("KITANETZ_MAX_KM muss eine Zahl sein (Kilometer).") from None
        try:
            pruef_monate = int(get("KITANETZ_PRUEF_MONATE"))
            if pruef_monate < 1:
                raise ValueError
        except ValueError:
            raise KonfigurationsFehler("KITANETZ_PRUEF_MONATE muss eine ganze Zahl ab 1 sein (Monate).") from None
        try:
            sperre_sekunden = float(get("KITANETZ_SPERRE_SEKUNDEN"))
            if not 0 <= sperre_sekunden <= 86400:
                raise ValueError
        except ValueError:
            raise KonfigurationsFehler(
                "KITANETZ_SPERRE_SEKUNDEN muss eine Zahl von 0 bis 86400 sein (Sekunden).") from None
        return cls(
            store=store,
            sperre_sekunden=sperre_sekunden,
            pruef_monate=pruef_monate,
            data_dir=Path(get("KITANETZ_DATA_DIR")),
            max_km=max_km,
            neo4j_uri=get("NEO4J_URI"),
            neo4j_user=get("NEO4J_USER"),
            neo4j_password=get("NEO4J_PASSWORD"),
            neo4j_database=get("NEO4J_DATABASE"),
        )

    def mit(self, **changes) -> "Settings":
        """A copy with some fields changed (command-line options override the environment)."""
        if "data_dir" in changes and changes["data_dir"] is not None:
            changes["data_dir"] = Path(changes["data_dir"])
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings() -> Settings:
    """The settings from the process environment."""
    return Settings.from_env()
