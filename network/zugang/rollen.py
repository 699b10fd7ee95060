"""Roles and what each may do. The one place that decides; pages and write functions both ask here.

Examples
--------
>>> darf(OEFFENTLICH, "seite:Wegweiser"), darf(OEFFENTLICH, "seite:Pflege")
(True, False)
>>> darf(Nutzer("anna", "fachkraft", fachkraft_id="fk-01"), "kooperation:schreiben")
True
>>> verlange(OEFFENTLICH, "daten:schreiben")
Traceback (most recent call last):
...
network.errors.ZugriffsFehler: Dafür fehlt die Berechtigung (angemeldet als: nicht angemeldet).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ZugriffsFehler

__all__ = ["Nutzer", "ROLLEN", "ROLLENNAMEN", "OEFFENTLICH", "KOMMANDOZEILE", "RECHTE", "SEITEN", "darf", "verlange",
           "seiten_fuer"]

#: Role ids (stored) and their German names (shown).
ROLLENNAMEN = {"oeffentlich": "Öffentlich", "fachkraft": "Fachkraft", "koordination": "Koordination"}
ROLLEN = tuple(ROLLENNAMEN)

#: The pages of the app in navigation order, and who may open each.
SEITEN = {
    "Wegweiser": ("oeffentlich", "fachkraft", "koordination"),
    "Vermittlung": ("fachkraft", "koordination"),
    "Netzwerk": ("fachkraft", "koordination"),
    "Analyse": ("koordination",),
    "Sozialraumkonzept": ("koordination",),
    "Pflege": ("fachkraft", "koordination"),  # a Fachkraft: her Kitas' Kooperationen, proposals (RECHTE below)
    "Nutzer": ("koordination",),
    "Protokoll": ("koordination",),
}

#: Actions beyond opening pages.
RECHTE = {
    "intern:lesen": ("fachkraft", "koordination"),          # Kooperation notes/intensity, staff names
    "vermittlung:erfassen": ("fachkraft", "koordination"),
    "vermittlung:lesen": ("koordination",),                  # the (suppressed) counts
    "indikatoren:lesen": ("koordination",),
    "kooperation:schreiben": ("fachkraft", "koordination"),  # a Fachkraft: only for the Kitas assigned to her
    "angebot:vorschlagen": ("fachkraft", "koordination"),
    "daten:schreiben": ("koordination",),                    # everything: Kitas, Angebote, import
    "szenario:schreiben": ("koordination",),
    "nutzer:verwalten": ("koordination",),
    "protokoll:lesen": ("koordination",),
}


@dataclass(frozen=True)
class Nutzer:
    """Who acts. ``fachkraft_id`` links a Fachkraft account to the Fachkraft whose Kitas she may edit."""

    name: str
    rolle: str
    fachkraft_id: str | None = None

    @property
    def rollenname(self) -> str:
        return ROLLENNAMEN.get(self.rolle, self.rolle)

    @property
    def angemeldet(self) -> bool:
        return self.rolle != "oeffentlich"


#: Nobody signed in: the public.
OEFFENTLICH = Nutzer("", "oeffentlich")
#: The command line: whoever can run it has the data folder, so it acts as Koordination.
KOMMANDOZEILE = Nutzer("kommandozeile", "koordination")


def darf(nutzer: Nutzer, recht: str) -> bool:
    """Whether ``nutzer`` may do ``recht`` (``"seite:<Name>"`` or a key of :data:`RECHTE`)."""
    if recht.startswith("seite:"):
        return nutzer.rolle in SEITEN.get(recht[6:], ())
    return nutzer.rolle in RECHTE.get(recht, ())


def verlange(nutzer: Nutzer, recht: str) -> None:
    """Raise :class:`~network.errors.ZugriffsFehler` (German) unless ``nutzer`` may do ``recht``."""
    if not darf(nutzer, recht):
        wer = nutzer.name if nutzer.angemeldet else "nicht angemeldet"
        raise ZugriffsFehler(f"Dafür fehlt die Berechtigung (angemeldet als: {wer}).")


def seiten_fuer(nutzer: Nutzer) -> list[str]:
    """The pages ``nutzer`` sees, in navigation order."""
    return [s for s in SEITEN if darf(nutzer, f"seite:{s}")]
