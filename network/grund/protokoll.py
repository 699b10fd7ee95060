"""The audit-row builder: one row of the trail (``Protokoll``) per created or changed row, as plain dicts.

Pure functions, in the ground core because the store appends these rows in the transaction of every write
(``network.store.base``) and the domain packages build their own (accounts, scenarios, proposals). Reading and
filtering the trail is :mod:`network.zugang.protokoll`.

Examples
--------
>>> from network.model import Netzdaten
>>> alt = Netzdaten(themen=[{"id": "sucht", "name": "Sucht", "beschreibung": None}])
>>> neu = Netzdaten(themen=[{"id": "sucht", "name": "Suchtberatung", "beschreibung": None},
...                         {"id": "natur", "name": "Natur", "beschreibung": None}])
>>> [(e["aktion"], e["objekt_id"], e["vorher"], e["nachher"])
...  for e in eintraege(alt, neu, "anna", "2026-11-25T10:00:00")]
[('geändert', 'sucht', '{"name": "Sucht"}', '{"name": "Suchtberatung"}'), ('angelegt', 'natur', None, '{"beschreibung": null, "name": "Natur"}')]
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime

from ..model import DATEI_REIHENFOLGE, Netzdaten

__all__ = ["eintraege", "eintrag", "jetzt", "VERBOTEN"]

#: Fields that never enter the trail.
VERBOTEN = frozenset({"passwort_hash", "passwort"})


def jetzt() -> str:
    """The current local time as ISO text to the second (the trail's clock)."""
    return datetime.now().isoformat(timespec="seconds")


#: One encoder for every entry (``json.dumps`` with options builds a new one per call: a large import writes 100,000s).
_KODIERER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
#: Its C part, made once (``JSONEncoder.encode`` makes it anew for every entry); the same text as ``_KODIERER``.
_C_KODIERER = (json.encoder.c_make_encoder(None, _KODIERER.default, json.encoder.encode_basestring, None, ": ", ", ",
                                           True, False, True)
               if json.encoder.c_make_encoder is not None else None)


def _json(d: dict | None) -> str | None:
    if d is None:
        return None
    d = d if VERBOTEN.isdisjoint(d) else {k: v for k, v in d.items() if k not in VERBOTEN}
    if _C_KODIERER is not None:
        return "".join(_C_KODIERER(d, 0))
    return _KODIERER.encode(d)


def _kennung(stempel: str, nr: int, zufall: str) -> str:
    """An entry's id: it sorts by time (microseconds, then ``nr``), and the random part keeps two processes that
    write in the same microsecond apart.

    >>> _kennung("2026-12-03T21:00:00.000001", 7, "a1b2c3")
    '2026-12-03T21:00:00.000001#000007-a1b2c3'
    """
    return f"{stempel}#{nr:06d}-{zufall}"


def eintrag(zeit: str, nr: int, wer: str, aktion: str, art: str, objekt_id: str,
            vorher: dict | None = None, nachher: dict | None = None, stempel: str | None = None) -> dict:
    """One row of the trail. Its id sorts by time (microseconds, then ``nr``) and is unique; ``stempel`` is that
    time when the caller makes many entries at once (:func:`eintraege`)."""
    stempel = stempel or datetime.now().isoformat(timespec="microseconds")
    return {"id": _kennung(stempel, nr, secrets.token_hex(3)), "zeit": zeit, "wer": wer, "aktion": aktion, "art": art,
            "objekt_id": objekt_id, "vorher": _json(vorher), "nachher": _json(nachher)}


def eintraege(vorher: Netzdaten, neu: Netzdaten, wer: str, zeit: str, start: int = 0) -> list[dict]:
    """The entries for writing ``neu`` over ``vorher``: one per created or changed row, none for unchanged ones.

    A changed row records only the fields that changed, before and after. The entries of one write share one
    time and one random part in their ids (``nr`` keeps them apart): the same ids :func:`eintrag` makes, made
    without a call per row (a large import makes 100,000s).
    """
    out: list[dict] = []
    stempel = datetime.now().isoformat(timespec="microseconds")  # one time for the entries of one write
    zufall = secrets.token_hex(3)
    for datei in DATEI_REIHENFOLGE:
        zeilen = neu.tabelle(datei)
        if not zeilen:
            continue
        alt = {r["id"]: r for r in vorher.tabelle(datei)}
        for r in zeilen:
            before = alt.get(r["id"])
            if before is None:
                nach = dict(r)  # a copy in C, then without its id
                del nach["id"]
                vor, nach, aktion = None, _json(nach), "angelegt"
            else:
                diff = [k for k in r if k != "id" and r[k] != before.get(k)]
                if not diff:
                    continue
                vor, nach = _json({k: before.get(k) for k in diff}), _json({k: r[k] for k in diff})
                aktion = "geändert"
            out.append({"id": _kennung(stempel, start + len(out), zufall), "zeit": zeit, "wer": wer,
                        "aktion": aktion, "art": datei, "objekt_id": r["id"], "vorher": vor, "nachher": nach})
    return out
