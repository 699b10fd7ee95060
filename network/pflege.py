"""Single-entity edits for the page Pflege: add, change and retire a Kita, an Angebot or a Kooperation.

Every change goes through the import's own validation (:func:`network.austausch.validate`: the same rules and
the same German messages as a CSV import, with references checked against what the store holds) and is written
with **one** ``store.write`` call, i.e. one transaction. Kitas and Angebote are stamped: ``geprueft_am`` = today,
``geprueft_von`` = the office that made the change.

Retiring:

- an **Angebot** gets ``gueltig_bis`` = today (it disappears from the Wegweiser tomorrow and from analyses after
  today);
- a **Kooperation** gets ``bis`` = today;
- a **Kita** stays in the data (the model has no end date for Kitas), but leaves the network: every Kooperation
  of it that is running today ends today, its Fachkraft assignment is removed, and the change is stamped.

Every write function checks the role itself (``wer``, a :class:`~network.zugang.Nutzer`; a page guard alone is
not enough) and names ``wer`` in the audit trail: Kitas and Angebote need ``daten:schreiben``; Kooperationen
need ``kooperation:schreiben`` – a Fachkraft (who lacks ``daten:schreiben``) only for the Kitas assigned to her
(``kitas.fachkraft_id == wer.fachkraft_id``), before and after the change.

Examples
--------
>>> from network.model import Netzdaten
>>> bestand = Netzdaten(sozialraeume=[{"id": "sr-a", "name": "A"}],
...                     gemeinden=[{"id": "g1", "name": "G", "sozialraum_id": "sr-a"}])
>>> try:
...     pruefe("kitas", {"id": "kita-9", "name": "Kita", "gemeinde_id": "g1", "plaetze": "viele"}, bestand, neu=True)
... except ValidierungsFehler as e:
...     print(e.fehler[0].spalte, e.fehler[0].grund)
plaetze „viele“ ist keine ganze Zahl.
>>> zeile = pruefe("kitas", {"id": "kita-9", "name": "Kita", "gemeinde_id": "g1", "plaetze": "40"}, bestand, neu=True)
>>> zeile["plaetze"]
40
>>> naechste_id(Netzdaten(kooperationen=[{"id": "koop-0041"}, {"id": "koop-0007"}]), "kooperationen")
'koop-0042'
"""

from __future__ import annotations

import re
from datetime import date

from .austausch import validate
from .austausch.dateien import Rohdaten, RohTabelle, zelle
from .errors import Befund, NichtGefundenFehler, ValidierungsFehler, ZugriffsFehler
from .grund.zeit import aktiv, datum_iso
from .model import DATEIEN, Netzdaten
from .store import Store
from .zugang.rollen import Nutzer, darf, verlange

__all__ = ["DATEIEN_PFLEGE", "als_text", "pruefe", "speichere", "beende_angebot", "beende_kooperation",
           "beende_kita", "naechste_id", "STANDARD_STELLE", "eigene_kitas", "verlange_schreibrecht"]

#: The files the Pflege forms edit.
DATEIEN_PFLEGE = ("kitas", "angebote", "kooperationen")

#: ``geprueft_von`` when the user names no office.
STANDARD_STELLE = "Pflege"

_PRAEFIX = {"kitas": ("kita-", 3), "angebote": ("ang-", 3), "kooperationen": ("koop-", 4)}


def _heute(heute: str | None) -> str:
    return heute or date.today().isoformat()


def als_text(zeile: dict, datei: str) -> dict[str, str]:
    """A parsed row as the text a form shows (the inverse of parsing; lists joined with ``|``).

    >>> als_text({"id": "a", "themen": ["x", "y"], "kostenlos": True, "lat": 50.1}, "angebote")["themen"]
    'x|y'
    """
    out = {}
    for s in DATEIEN[datei]:
        v = zeile.get(s.name)
        if s.typ == "text" or s.typ.startswith("ref:"):
            out[s.name] = "" if v is None else str(v)
        else:
            out[s.name] = zelle(v, s.typ)
    return out


def naechste_id(bestand: Netzdaten, datei: str) -> str:
    """A free id in the style of the existing ones (``kita-101``, ``ang-251``, ``koop-0601``)."""
    praefix, stellen = _PRAEFIX[datei]
    hoechste = 0
    for r in bestand.tabelle(datei):
        m = re.fullmatch(re.escape(praefix) + r"(\d+)", str(r.get("id") or ""))
        if m:
            hoechste = max(hoechste, int(m.group(1)))
    return f"{praefix}{hoechste + 1:0{stellen}d}"


def pruefe(datei: str, werte: dict[str, str], bestand: Netzdaten, neu: bool = False) -> dict:
    """Validate one form's text values as row 2 of ``datei``; returns the parsed row.

    ``neu``: the id must not exist yet (a form never overwrites another entry by accident). Raises
    :class:`~network.errors.ValidierungsFehler` listing every problem.
    """
    if datei not in DATEIEN_PFLEGE:
        raise KeyError(datei)
    spalten = [s.name for s in DATEIEN[datei]]
    zellen = {c: ("" if werte.get(c) is None else str(werte.get(c))) for c in spalten}
    roh = Rohdaten({datei: RohTabelle(spalten, [(2, zellen)])})
    fehler: list[Befund] = []
    rid = zellen["id"].strip()
    if neu and rid:
        if any(r["id"] == rid for r in bestand.tabelle(datei)):
            fehler.append(Befund(datei, 2, "id", f"Die Kennung „{rid}“ gibt es schon. Bitte eine andere wählen "
                                                 "oder den vorhandenen Eintrag bearbeiten."))
        andere = {"kitas": "angebote", "angebote": "kitas"}.get(datei)
        if andere and any(r["id"] == rid for r in bestand.tabelle(andere)):
            was = "ein Angebot" if andere == "angebote" else "eine Kita"
            fehler.append(Befund(datei, 2, "id", f"Die Kennung „{rid}“ ist schon {was}. Kitas und Angebote "
                                                 "brauchen verschiedene Kennungen."))
    if not neu and rid and not any(r["id"] == rid for r in bestand.tabelle(datei)):
        raise NichtGefundenFehler(f"Den Eintrag „{rid}“ gibt es nicht (mehr). Bitte die Seite neu laden.")
    try:
        daten = validate(roh, bestand)
    except ValidierungsFehler as e:
        fehler.extend(e.fehler)
    if fehler:
        raise ValidierungsFehler(fehler)
    return daten.tabelle(datei)[0]


def _stempel(werte: dict[str, str], datei: str, von: str, heute: str) -> dict[str, str]:
    werte = dict(werte)
    if datei in ("kitas", "angebote"):
        werte["geprueft_am"] = heute
        werte["geprueft_von"] = (von or "").strip() or STANDARD_STELLE
    return werte


def eigene_kitas(bestand: Netzdaten, wer: Nutzer) -> set[str]:
    """The ids of the Kitas assigned to ``wer`` (a Fachkraft account linked by ``fachkraft_id``)."""
    if not wer.fachkraft_id:
        return set()
    return {k["id"] for k in bestand.kitas if k.get("fachkraft_id") == wer.fachkraft_id}


def verlange_schreibrecht(wer: Nutzer, datei: str, bestand: Netzdaten, zeile: dict | None = None) -> None:
    """Raise :class:`~network.errors.ZugriffsFehler` unless ``wer`` may write ``zeile`` of ``datei``.

    Kitas and Angebote: ``daten:schreiben``. Kooperationen: ``kooperation:schreiben``; without
    ``daten:schreiben`` only from a Kita assigned to ``wer`` – checked for the new row and, if the Kooperation
    exists, for the stored one (nobody moves another Kita's Kooperation to her own). Without ``zeile`` only the
    role is checked.
    """
    if datei != "kooperationen":
        verlange(wer, "daten:schreiben")
        return
    verlange(wer, "kooperation:schreiben")
    if zeile is None or darf(wer, "daten:schreiben"):
        return
    eigene = eigene_kitas(bestand, wer)
    von = [zeile.get("von_id")]
    gespeichert = next((c for c in bestand.kooperationen if c["id"] == zeile.get("id")), None)
    if gespeichert is not None:
        von.append(gespeichert.get("von_id"))
    if any(v not in eigene for v in von):
        raise ZugriffsFehler("Kooperationen können Sie nur für die Kitas eintragen und ändern, die Ihnen "
                          "zugeordnet sind.")


def speichere(store: Store, datei: str, werte: dict[str, str], bestand: Netzdaten | None = None,
              neu: bool = False, von: str = STANDARD_STELLE, heute: str | None = None, *, wer: Nutzer) -> dict:
    """Validate and write one Kita, Angebot or Kooperation (one transaction); returns the written row.

    ``wer`` must have the right (see :func:`verlange_schreibrecht`); the audit trail names ``wer``.
    """
    bestand = bestand if bestand is not None else store.load()
    verlange_schreibrecht(wer, datei, bestand)
    zeile = pruefe(datei, _stempel(werte, datei, von, _heute(heute)), bestand, neu=neu)
    verlange_schreibrecht(wer, datei, bestand, zeile)
    store.write(Netzdaten(**{datei: [zeile]}), wer=wer.name)
    return zeile


def _finde(bestand: Netzdaten, datei: str, rid: str) -> dict:
    for r in bestand.tabelle(datei):
        if r["id"] == rid:
            return r
    raise NichtGefundenFehler(f"Den Eintrag „{rid}“ gibt es nicht (mehr). Bitte die Seite neu laden.")


def beende_angebot(store: Store, angebot_id: str, von: str = STANDARD_STELLE, heute: str | None = None,
                   bestand: Netzdaten | None = None, *, wer: Nutzer) -> dict:
    """Retire an Angebot: ``gueltig_bis`` = today (validated like any other change; ``daten:schreiben``)."""
    verlange(wer, "daten:schreiben")
    bestand = bestand if bestand is not None else store.load()
    werte = als_text(_finde(bestand, "angebote", angebot_id), "angebote")
    werte["gueltig_bis"] = _heute(heute)
    return speichere(store, "angebote", werte, bestand, von=von, heute=heute, wer=wer)


def beende_kooperation(store: Store, koop_id: str, heute: str | None = None,
                       bestand: Netzdaten | None = None, *, wer: Nutzer) -> dict:
    """End a Kooperation: ``bis`` = today (a Fachkraft: only a Kooperation of a Kita assigned to her)."""
    verlange(wer, "kooperation:schreiben")
    bestand = bestand if bestand is not None else store.load()
    werte = als_text(_finde(bestand, "kooperationen", koop_id), "kooperationen")
    werte["bis"] = _heute(heute)
    return speichere(store, "kooperationen", werte, bestand, heute=heute, wer=wer)


def beende_kita(store: Store, kita_id: str, von: str = STANDARD_STELLE, heute: str | None = None,
                bestand: Netzdaten | None = None, *, wer: Nutzer) -> tuple[dict, list[dict]]:
    """Take a Kita out of the network: its running Kooperationen end today, its Fachkraft assignment is
    removed, the Kita is stamped. One transaction. Returns ``(Kita row, ended Kooperationen)``.

    Kooperationen that start after today are left as they are (they have not begun); the caller can end them
    one by one. Needs ``daten:schreiben``.
    """
    verlange(wer, "daten:schreiben")
    tag = _heute(heute)
    bestand = bestand if bestand is not None else store.load()
    werte = als_text(_finde(bestand, "kitas", kita_id), "kitas")
    werte["fachkraft_id"] = ""
    werte["fachkraft_seit"] = ""
    werte = _stempel(werte, "kitas", von, tag)
    koop_roh = []
    for c in bestand.kooperationen:
        if c.get("von_id") != kita_id:
            continue
        # running today and beyond (grund.zeit.aktiv, and not already ending today): it ends today
        if aktiv(c.get("seit"), c.get("bis"), tag) and datum_iso(c.get("bis")) != tag:
            t = als_text(c, "kooperationen")
            t["bis"] = tag
            koop_roh.append(t)
    spalten_k = [s.name for s in DATEIEN["kitas"]]
    spalten_c = [s.name for s in DATEIEN["kooperationen"]]
    roh = Rohdaten({"kitas": RohTabelle(spalten_k, [(2, werte)]),
                    "kooperationen": RohTabelle(spalten_c, [(i + 2, t) for i, t in enumerate(koop_roh)])})
    daten = validate(roh, bestand)
    store.write(daten, wer=wer.name)
    return daten.kitas[0], daten.kooperationen
