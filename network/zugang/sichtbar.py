"""What the public may see of internal rows: pure functions the pages apply before showing data.

Internal (right ``intern:lesen``, Fachkraft and Koordination): the names (and personal e-mail addresses) of the
Fachkräfte, notes and intensity of Kooperationen. The public sees the office instead of the person.

Examples
--------
>>> from network.zugang.rollen import OEFFENTLICH, Nutzer
>>> fk = {"id": "fk-01", "name": "Julia Hoffmann", "telefon": "06761 9999-101",
...       "email": "julia.hoffmann@example.org", "dienstsitz": "Kreisverwaltung Simmern", "stellenanteil": 1.0}
>>> fachkraft(fk, OEFFENTLICH)
{'name': 'Kita-Sozialarbeit des Kreisjugendamts', 'telefon': '06761 9999-101', 'dienstsitz': 'Kreisverwaltung Simmern'}
>>> fachkraft(fk, Nutzer("anna", "fachkraft", "fk-02"))["name"]
'Julia Hoffmann'
>>> kooperation({"id": "k1", "art": "Vertrag", "intensitaet": 3, "notiz": "intern"}, OEFFENTLICH)
{'id': 'k1', 'art': 'Vertrag'}
"""

from __future__ import annotations

from .rollen import Nutzer, darf

__all__ = ["STELLE", "fachkraft", "kooperation", "INTERNE_KOOPERATIONSFELDER"]

#: How the public sees the Kita-Sozialarbeit of a Kita: the office, not the person.
STELLE = "Kita-Sozialarbeit des Kreisjugendamts"

#: Fields of a Kooperation that only staff see.
INTERNE_KOOPERATIONSFELDER = ("intensitaet", "notiz")


def fachkraft(fk: dict | None, nutzer: Nutzer) -> dict | None:
    """The Fachkraft row as ``nutzer`` may see it: whole for staff; for the public only the office's name, the
    official phone number and the Dienstsitz (no name, no personal e-mail address, no Stellenanteil)."""
    if fk is None or darf(nutzer, "intern:lesen"):
        return fk
    return {"name": STELLE, "telefon": fk.get("telefon"), "dienstsitz": fk.get("dienstsitz")}


def kooperation(c: dict, nutzer: Nutzer) -> dict:
    """A Kooperation row without its internal fields (intensity, notes) unless ``nutzer`` may read them."""
    if darf(nutzer, "intern:lesen"):
        return c
    return {k: v for k, v in c.items() if k not in INTERNE_KOOPERATIONSFELDER}
