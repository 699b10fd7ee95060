"""One hierarchy of errors, each with a German message meant for the user.

Rooms below ``ui``/``cli`` raise these; ``ui`` and ``cli`` show ``str(error)`` and never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KitaNetzError", "Fehler", "Validierungsfehler", "StoreBelegt", "StoreFehler", "NichtGefunden",
           "KonfigurationsFehler", "KeinZugriff", "AnmeldungFehlgeschlagen"]


class KitaNetzError(Exception):
    """Base of every error the product raises on purpose. ``str()`` is a German sentence."""


@dataclass(frozen=True, order=True)
class Fehler:
    """One validation error: where (file, row, column) and why (German)."""

    datei: str
    zeile: int
    spalte: str
    grund: str

    def __str__(self) -> str:
        ort = f"{self.datei}, Zeile {self.zeile}" if self.zeile else self.datei
        if self.spalte:
            ort += f", Spalte „{self.spalte}“"
        return f"{ort}: {self.grund}"


class Validierungsfehler(KitaNetzError):
    """Input failed validation; nothing was written. ``fehler`` lists every problem found."""

    def __init__(self, fehler: list[Fehler]):
        self.fehler = sorted(fehler)
        n = len(self.fehler)
        super().__init__(f"{n} Fehler in den Daten gefunden – es wurde nichts gespeichert.")


class StoreBelegt(KitaNetzError):
    """The embedded store is held by another process (for example the running app)."""


class StoreFehler(KitaNetzError):
    """The store could not be opened or a query failed."""


class NichtGefunden(KitaNetzError):
    """An entity with the given id does not exist."""


class KonfigurationsFehler(KitaNetzError):
    """A setting has an invalid value."""


class KeinZugriff(KitaNetzError):
    """The signed-in role may not do this (or nobody is signed in)."""


class AnmeldungFehlgeschlagen(KitaNetzError):
    """Wrong name or password, a disabled account, or a locked one."""
