"""Proposals: a Fachkraft proposes a new Angebot, the Koordination takes it over or rejects it.

A proposal is **not** an Angebot yet: it is kept as an entry of the audit trail (``art = "vorschlag"``,
``aktion = "vorgeschlagen"``, ``objekt_id = "vs-…"``, ``nachher`` = the form's values). So it changes neither the
data model nor the import format, it never reaches the public Wegweiser, the analyses or an export, and who
proposed what and when is recorded like every other change. A proposal is checked with the same validation as
the Pflege form when it is made, and again when it is taken over.

Taking it over writes the Angebot (``gueltig_ab`` = today unless given, stamped „geprüft“ by the office) and the
entry ``übernommen`` in **one** transaction; rejecting appends ``abgelehnt``. Either closes the proposal.

Rights: proposing needs ``angebot:vorschlagen``; deciding needs ``daten:schreiben``. A Fachkraft sees her own
proposals, the Koordination all.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import date

from . import pflege as P
from .errors import NichtGefundenFehler
from .model import DATEIEN, Netzdaten
from .store import Store
from .zugang.protokoll import eintrag, jetzt
from .zugang.rollen import Nutzer, darf, verlange

__all__ = ["Vorschlag", "ART", "FELDER", "vorschlagen", "vorschlaege", "uebernehmen", "ablehnen"]

#: ``art`` of the trail entries of proposals.
ART = "vorschlag"

#: The fields a proposal carries (the Angebot's columns without id, validity and the review stamp).
FELDER = tuple(s.name for s in DATEIEN["angebote"]
               if s.name not in ("id", "gueltig_ab", "gueltig_bis", "geprueft_am", "geprueft_von"))

OFFEN, UEBERNOMMEN, ABGELEHNT = "offen", "übernommen", "abgelehnt"


@dataclass(frozen=True)
class Vorschlag:
    """A proposed Angebot and what became of it."""

    id: str
    zeit: str
    wer: str
    werte: dict
    status: str = OFFEN
    entschieden_von: str | None = None
    entschieden_am: str | None = None
    angebot_id: str | None = None

    @property
    def name(self) -> str:
        return self.werte.get("name") or self.id


def _zeile_zu_werte(werte: dict[str, str], bestand: Netzdaten, heute: str) -> dict[str, str]:
    """The proposal's values as a complete Angebot form (a fresh id, validity from today)."""
    out = {f: "" if werte.get(f) is None else str(werte.get(f)) for f in FELDER}
    out["id"] = P.naechste_id(bestand, "angebote")
    out["gueltig_ab"] = heute
    out["gueltig_bis"] = ""
    return out


def vorschlagen(store: Store, werte: dict[str, str], *, wer: Nutzer, bestand: Netzdaten | None = None,
                heute: str | None = None) -> Vorschlag:
    """Propose a new Angebot (``angebot:vorschlagen``). Raises
    :class:`~network.errors.ValidierungsFehler` (nothing kept) when the values would not pass the Pflege form."""
    verlange(wer, "angebot:vorschlagen")
    bestand = bestand if bestand is not None else store.load()
    tag = heute or date.today().isoformat()
    zeile = P.pruefe("angebote", _zeile_zu_werte(werte, bestand, tag), bestand, neu=True)
    text = {f: P.als_text(zeile, "angebote")[f] for f in FELDER}
    vid = "vs-" + secrets.token_hex(6)
    zeit = jetzt()
    store.protokolliere([eintrag(zeit, 0, wer.name, "vorgeschlagen", ART, vid, None, text)])
    return Vorschlag(vid, zeit, wer.name, text)


def vorschlaege(store: Store, *, wer: Nutzer, nur_offen: bool = False) -> list[Vorschlag]:
    """Proposals, newest first: all for the Koordination (``daten:schreiben``), else only ``wer``'s own."""
    verlange(wer, "angebot:vorschlagen")
    alle = darf(wer, "daten:schreiben")
    eintraege = sorted(store.query("lade_protokoll_art", art=ART), key=lambda e: e["id"])
    vorschlag: dict[str, Vorschlag] = {}
    for e in eintraege:
        nachher = json.loads(e["nachher"]) if e.get("nachher") else {}
        if e["aktion"] == "vorgeschlagen":
            vorschlag[e["objekt_id"]] = Vorschlag(e["objekt_id"], e["zeit"], e["wer"], nachher)
        elif e["objekt_id"] in vorschlag and e["aktion"] in (UEBERNOMMEN, ABGELEHNT):
            v = vorschlag[e["objekt_id"]]
            vorschlag[e["objekt_id"]] = Vorschlag(v.id, v.zeit, v.wer, v.werte, e["aktion"], e["wer"], e["zeit"],
                                                  nachher.get("angebot_id"))
    out = [v for v in vorschlag.values() if (alle or v.wer == wer.name) and (not nur_offen or v.status == OFFEN)]
    return sorted(out, key=lambda v: v.zeit, reverse=True)


def _offen(store: Store, vorschlag_id: str, wer: Nutzer) -> Vorschlag:
    v = next((v for v in vorschlaege(store, wer=wer) if v.id == vorschlag_id), None)
    if v is None:
        raise NichtGefundenFehler(f"Den Vorschlag „{vorschlag_id}“ gibt es nicht.")
    if v.status != OFFEN:
        raise NichtGefundenFehler(f"Der Vorschlag „{v.name}“ ist schon {v.status} (von {v.entschieden_von}).")
    return v


def uebernehmen(store: Store, vorschlag_id: str, *, wer: Nutzer, von: str = P.STANDARD_STELLE,
                heute: str | None = None) -> dict:
    """Take a proposal over as a new Angebot (``daten:schreiben``): validated again, written with the entry
    ``übernommen`` in one transaction. Returns the Angebot's row."""
    verlange(wer, "daten:schreiben")
    v = _offen(store, vorschlag_id, wer)
    bestand = store.load()
    tag = heute or date.today().isoformat()
    werte = P._stempel(_zeile_zu_werte(v.werte, bestand, tag), "angebote", von, tag)
    zeile = P.pruefe("angebote", werte, bestand, neu=True)
    zusatz = eintrag(jetzt(), 1, wer.name, UEBERNOMMEN, ART, v.id, None, {"angebot_id": zeile["id"]})
    store.write(Netzdaten(angebote=[zeile]), wer=wer.name, zusatz=[zusatz])
    return zeile


def ablehnen(store: Store, vorschlag_id: str, *, wer: Nutzer) -> None:
    """Reject a proposal (``daten:schreiben``): the entry ``abgelehnt``; nothing else changes."""
    verlange(wer, "daten:schreiben")
    v = _offen(store, vorschlag_id, wer)
    store.protokolliere([eintrag(jetzt(), 0, wer.name, ABGELEHNT, ART, v.id)])
