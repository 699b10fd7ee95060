"""One hierarchy of errors, each with a German message meant for the user – every error class of the product.

Rooms below ``ui``/``cli`` raise these; ``ui`` and ``cli`` show ``str(error)`` and never a traceback.

Naming: every exception class is called ``<Sache>Fehler`` – a German noun for what failed, joined to ``Fehler``
with a capital F (PEP 8's "exception names end in Error", carried into German): ``ValidierungsFehler``,
``ZugriffsFehler``, ``StoreBelegtFehler``. A :class:`Befund` is not an exception but the record of one finding
(file, row, column, reason); a :class:`ValidierungsFehler` lists them.
Private control-flow exceptions that never reach the user (``store.base._NichtsZuTun``,
``store.embedded._Wiederherstellen``) stay in their module.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["KitaNetzFehler", "Befund", "ValidierungsFehler", "StoreBelegtFehler", "StoreFehler", "NichtGefundenFehler",
           "KonfigurationsFehler", "ZugriffsFehler", "AnmeldeFehler", "EingabeFehler", "AufrufFehler",
           "AnfrageFehler", "VermittlungsFehler", "HandzettelFehler", "VerteilungsFehler"]


class KitaNetzFehler(Exception):
    """Base of every error the product raises on purpose. ``str()`` is a German sentence."""


@dataclass(frozen=True, order=True)
class Befund:
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


class ValidierungsFehler(KitaNetzFehler):
    """Input failed validation; nothing was written. ``fehler`` lists every problem found."""

    def __init__(self, fehler: list[Befund]):
        self.fehler = sorted(fehler)
        n = len(self.fehler)
        super().__init__(f"{n} Fehler in den Daten gefunden – es wurde nichts gespeichert.")


class StoreBelegtFehler(KitaNetzFehler):
    """The embedded store is held by another process (for example the running app)."""


class StoreFehler(KitaNetzFehler):
    """The store could not be opened or a query failed."""


class NichtGefundenFehler(KitaNetzFehler):
    """An entity with the given id does not exist."""


class KonfigurationsFehler(KitaNetzFehler):
    """A setting has an invalid value."""


class ZugriffsFehler(KitaNetzFehler):
    """The signed-in role may not do this (or nobody is signed in)."""


class AnmeldeFehler(KitaNetzFehler):
    """Wrong name or password, a disabled account, or a locked one."""


class EingabeFehler(KitaNetzFehler, ValueError):
    """A typed number or date that cannot be read unambiguously (:mod:`network.grund.format`). Also a
    ``ValueError``, as callers that parse numbers expect."""


class AufrufFehler(KitaNetzFehler):
    """The command line itself is wrong (unknown command, option or value)."""


class AnfrageFehler(KitaNetzFehler):
    """The search request is incomplete or contradictory (:mod:`network.vermittlung.suche`)."""


class VermittlungsFehler(KitaNetzFehler):
    """A Vermittlung record was refused (unknown field, wrong format, future month …); nothing was stored."""


class HandzettelFehler(KitaNetzFehler):
    """The handout cannot be made (:mod:`network.vermittlung.handzettel`)."""


class VerteilungsFehler(KitaNetzFehler):
    """The distribution cannot be computed with these inputs (:mod:`network.verteilung`)."""
