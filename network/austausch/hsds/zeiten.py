"""Opening hours: German text (``Mo–Do 9–16 Uhr, Fr 9–12 Uhr``) as HSDS schedule rows, and schedule rows as
German text.

>>> [(z["byday"], z["opens_at"], z["closes_at"]) for z in parse_oeffnungszeiten("Mo–Do 9–16 Uhr, Fr 9–12 Uhr")]
[('MO,TU,WE,TH', '09:00:00', '16:00:00'), ('FR', '09:00:00', '12:00:00')]
"""

from __future__ import annotations

import re

__all__ = ["parse_oeffnungszeiten", "zeitplan_text"]

_TAGE = {"montag": "MO", "dienstag": "TU", "mittwoch": "WE", "donnerstag": "TH", "freitag": "FR",
         "samstag": "SA", "sonnabend": "SA", "sonntag": "SU", "mo": "MO", "di": "TU", "mi": "WE", "do": "TH",
         "fr": "FR", "sa": "SA", "so": "SU"}
_REIHE = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_KURZ = dict(zip(_REIHE, ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")))
_LANG = dict(zip(_REIHE, ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")))
_TAG = (r"(?:montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?|sonnabends?|sonntags?"
        r"|mo|di|mi|do|fr|sa|so)\.?")
_BIS = r"\s*(?:–|-|bis)\s*"
_TAGSPANNE = rf"{_TAG}(?:{_BIS}{_TAG})?"
_TAGLISTE = rf"{_TAGSPANNE}(?:\s*(?:,|und|/|\+|&)\s*{_TAGSPANNE})*"
_UHRZEIT = r"\d{1,2}(?:[:.]\d{2})?"
_SPANNE = rf"{_UHRZEIT}{_BIS}{_UHRZEIT}"
_SPANNEN = rf"{_SPANNE}(?:\s*(?:,|und|/|&)\s*{_SPANNE})*"
_WOECHENTLICH = rf"(?P<tage>{_TAGLISTE})\s+(?P<zeiten>{_SPANNEN})\s*Uhr"
_MONATLICH = rf"jeden\s+(?P<n>[1-5]\.|letzten)\s*(?P<tag>{_TAG})\s+im\s+Monat,?\s+(?P<zeiten2>{_SPANNEN})\s*Uhr"
_SEGMENT = re.compile(rf"(?:{_WOECHENTLICH}|{_MONATLICH})", re.IGNORECASE)
_NUR_TAGE = re.compile(rf"^\s*{_TAGLISTE}\s*$", re.IGNORECASE)
_TRENNER = re.compile(r"^\s*(?:,|;|und)?\s*$", re.IGNORECASE)


def _tag(token: str) -> str:
    t = token.strip().rstrip(".").casefold()
    return _TAGE.get(t) or _TAGE[t.removesuffix("s")]


def _tage(text: str) -> list[str]:
    tage: list[str] = []
    for teil in re.split(r"\s*(?:,|und|/|\+|&)\s*", text.strip(), flags=re.IGNORECASE):
        ende = re.split(_BIS, teil, maxsplit=1)
        a = _REIHE.index(_tag(ende[0]))
        b = _REIHE.index(_tag(ende[1])) if len(ende) > 1 else a
        i = a
        while True:
            if _REIHE[i] not in tage:
                tage.append(_REIHE[i])
            if i == b:
                break
            i = (i + 1) % 7
    return tage


def _uhrzeit(text: str) -> str:
    h, _, m = re.sub(r"[.]", ":", text).partition(":")
    h, m = int(h), int(m or 0)
    if not (0 <= h <= 24 and 0 <= m <= 59) or (h == 24 and m):
        raise ValueError(text)
    return f"{h:02d}:{m:02d}:00"


def _spannen(text: str) -> list[tuple[str, str]]:
    paare = []
    for von, bis in re.findall(rf"({_UHRZEIT}){_BIS}({_UHRZEIT})", text):
        a, b = _uhrzeit(von), _uhrzeit(bis)
        if a >= b:
            raise ValueError(text)
        paare.append((a, b))
    return paare


def _stueck(text: str) -> list[dict] | None:
    """The schedule rows of one piece of text, or ``None`` if it is not fully readable."""
    zeilen, pos = [], 0
    for m in _SEGMENT.finditer(text):
        if not _TRENNER.match(text[pos:m.start()]):
            return None
        try:
            if m.group("tage"):
                freq, byday = "WEEKLY", ",".join(_tage(m.group("tage")))
            else:
                n = m.group("n")
                freq, byday = "MONTHLY", ("-1" if n.casefold() == "letzten" else n.rstrip(".")) + _tag(m.group("tag"))
            paare = _spannen(m.group("zeiten") or m.group("zeiten2"))
        except (ValueError, KeyError):
            return None
        zeilen += [{"freq": freq, "byday": byday, "opens_at": a, "closes_at": b} for a, b in paare]
        pos = m.end()
    if not zeilen:
        return None
    rest = text[pos:].strip()
    if re.search(r"\d", rest):
        return None
    rest = re.sub(r"^(?:,|;|und\b|sowie\b)\s*", "", rest, flags=re.IGNORECASE)
    for z in zeilen:
        z["description"] = text
        if rest:
            z["notes"] = rest
    return zeilen


def parse_oeffnungszeiten(text: str | None) -> list[dict]:
    """German opening hours as HSDS schedule rows (``freq``, ``byday``, ``opens_at``, ``closes_at``).

    The text is cut at ``", "`` into pieces; each piece that reads as days plus times (``Mo–Do 9–16 Uhr``,
    ``Di und Do 14–18 Uhr``, ``jeden 1. Samstag im Monat 10–12 Uhr``) gives one row per time span, with the
    piece as ``description`` and an untimed remainder (``nach Vereinbarung``) as ``notes``. A piece that
    does not read gives one row with just the ``description``. Joining the descriptions (equal neighbours once)
    with ``", "`` gives the text back. Times are local time (Europe/Berlin).

    >>> zeilen = parse_oeffnungszeiten("Mi 9–12 Uhr und nach Vereinbarung")
    >>> [(z["byday"], z["opens_at"], z.get("notes")) for z in zeilen]
    [('WE', '09:00:00', 'nach Vereinbarung')]
    >>> parse_oeffnungszeiten("jeden 1. Samstag im Monat 10–12 Uhr")[0]["byday"]
    '1SA'
    >>> parse_oeffnungszeiten("nach Vereinbarung")
    [{'description': 'nach Vereinbarung'}]
    """
    if not text or not text.strip():
        return []
    stuecke: list[str] = []
    for teil in text.split(", "):
        if stuecke and _NUR_TAGE.match(stuecke[-1]):
            stuecke[-1] += ", " + teil
        else:
            stuecke.append(teil)
    zeilen = []
    for s in stuecke:
        zeilen += _stueck(s) or [{"description": s}]
    return zeilen


def _zeit_kurz(t: str | None) -> str | None:
    if not t:
        return None
    m = re.match(r"^(\d{1,2}):(\d{2})", t.strip())
    if not m:
        return t.strip()
    h, mi = int(m.group(1)), m.group(2)
    return f"{h}" if mi == "00" else f"{h}:{mi}"


def zeitplan_text(zeile: dict) -> str | None:
    """A German text for one HSDS schedule row that has no ``description``.

    >>> zeitplan_text({"freq": "WEEKLY", "byday": "MO,TU,WE,FR", "opens_at": "09:00", "closes_at": "12:30"})
    'Mo–Mi und Fr 9–12:30 Uhr'
    >>> zeitplan_text({"freq": "MONTHLY", "byday": "-1FR", "opens_at": "15:00:00Z", "closes_at": "17:00:00Z"})
    'jeden letzten Freitag im Monat 15–17 Uhr'
    """
    von, bis = _zeit_kurz(zeile.get("opens_at")), _zeit_kurz(zeile.get("closes_at"))
    zeit = f"{von}–{bis} Uhr" if von and bis else (f"ab {von} Uhr" if von else (f"bis {bis} Uhr" if bis else ""))
    tage_text = ""
    codes = [c.strip().upper() for c in (zeile.get("byday") or "").split(",") if c.strip()]
    monatlich = [re.match(r"^([+-]?\d)(MO|TU|WE|TH|FR|SA|SU)$", c) for c in codes]
    if codes and all(monatlich):
        teile = [("jeden letzten " if m.group(1) == "-1" else f"jeden {m.group(1).lstrip('+')}. ") +
                 f"{_LANG[m.group(2)]} im Monat" for m in monatlich]
        tage_text = ", ".join(teile)
    elif codes and all(c in _REIHE for c in codes):
        idx = sorted({_REIHE.index(c) for c in codes})
        gruppen: list[list[int]] = []
        for i in idx:
            if gruppen and gruppen[-1][-1] == i - 1:
                gruppen[-1].append(i)
            else:
                gruppen.append([i])
        teile = []
        for g in gruppen:
            if len(g) >= 3:
                teile.append(f"{_KURZ[_REIHE[g[0]]]}–{_KURZ[_REIHE[g[-1]]]}")
            else:
                teile += [_KURZ[_REIHE[i]] for i in g]
        tage_text = teile[0] if len(teile) == 1 else ", ".join(teile[:-1]) + " und " + teile[-1]
    elif codes:
        tage_text = zeile.get("byday")
    text = " ".join(t for t in (tage_text, zeit) if t)
    return text or None

