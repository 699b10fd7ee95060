"""Freshness of entries: "Angaben zuletzt geprüft am … von …".

Every Kita and Angebot carries ``geprueft_am`` (date) and ``geprueft_von`` (an office or role, not a person).
An entry is due for review when it was never checked or not within the last ``monate`` months
(``KITANETZ_PRUEF_MONATE``, default 12). :func:`stempeln` marks entries as checked today, through the store's
audited write.

Examples
--------
>>> from datetime import date
>>> veraltet("2025-11-25", date(2026, 11, 25), 12), veraltet("2025-11-26", date(2026, 11, 25), 12)
(True, False)
>>> veraltet(None, date(2026, 11, 25), 12)
True

The month on the public card („Angaben zuletzt geprüft: 03/2026“) is :func:`network.grund.format.monat`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .errors import KitaNetzFehler, NichtGefundenFehler
from .model import Netzdaten
from .store import Store
from .zugang.rollen import Nutzer, verlange

__all__ = ["veraltet", "Faellig", "faellige", "stempeln"]


def _minus_monate(tag: date, monate: int) -> date:
    jahr, monat = divmod(tag.year * 12 + tag.month - 1 - monate, 12)
    monat += 1
    for d in (tag.day, 30, 29, 28):  # the same day of month, or the month's last day
        try:
            return date(jahr, monat, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def veraltet(geprueft_am: str | None, heute: date, monate: int) -> bool:
    """Whether an entry checked on ``geprueft_am`` is due for review on ``heute``."""
    if not geprueft_am:
        return True
    return date.fromisoformat(geprueft_am) <= _minus_monate(heute, monate)


@dataclass(frozen=True)
class Faellig:
    """An entry due for review."""

    art: str  # "Kita" or "Angebot"
    id: str
    name: str
    sozialraum_id: str | None
    geprueft_am: str | None
    geprueft_von: str | None


def faellige(daten: Netzdaten, heute: date, monate: int = 12) -> list[Faellig]:
    """Kitas and Angebote due for review, per Sozialraum (by location; district-wide Angebote without a
    location under ``None``), never-checked first, then oldest first."""
    sr = {g["id"]: g.get("sozialraum_id") for g in daten.gemeinden}
    out = [Faellig(art, r["id"], r["name"], sr.get(r.get("gemeinde_id")), r.get("geprueft_am"),
                   r.get("geprueft_von"))
           for art, rows in (("Kita", daten.kitas), ("Angebot", daten.angebote))
           for r in rows if veraltet(r.get("geprueft_am"), heute, monate)]
    return sorted(out, key=lambda f: (f.sozialraum_id or "~", f.geprueft_am or "", f.art, f.id))


def stempeln(store: Store, eintraege: list[tuple[str, str]], wer: Nutzer, stelle: str, heute: date) -> int:
    """Mark ``[(art, id), …]`` as checked today by ``stelle`` (an office, e.g. "Kreisjugendamt"), in one audited
    transaction. Needs the right ``daten:schreiben``."""
    verlange(wer, "daten:schreiben")
    stelle = (stelle or "").strip()
    if not stelle:
        raise KitaNetzFehler("Bitte angeben, welche Stelle geprüft hat (z. B. „Kreisjugendamt“).")
    daten = store.load()
    tabellen = {"Kita": {r["id"]: r for r in daten.kitas}, "Angebot": {r["id"]: r for r in daten.angebote}}
    neu = Netzdaten()
    for art, id_ in eintraege:
        row = tabellen.get(art, {}).get(id_)
        if row is None:
            raise NichtGefundenFehler(f"{art} „{id_}“ gibt es nicht.")
        (neu.kitas if art == "Kita" else neu.angebote).append(
            {**row, "geprueft_am": heute.isoformat(), "geprueft_von": stelle})
    if neu.anzahl():
        store.write(neu, wer=wer.name)
    return neu.anzahl()
