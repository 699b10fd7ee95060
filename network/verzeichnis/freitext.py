"""Free-text search of the Wegweiser: tolerant of umlauts, case and German compound words.

The rule
--------
1. **Normalise** query and text alike: ``casefold``; ``ä ö ü`` → ``ae oe ue`` and ``ß`` → ``ss``; other accents
   dropped (``é`` → ``e``); then ``ae oe ue`` → ``a o u``, so *Frühe*, *Fruehe* and *Fruhe* are the same word.
   Everything that is not a letter or digit separates words.
2. **Every query word must match** (AND). Filler words (*und, oder, für, in, mit, …*) are ignored.
3. A query word **matches** when it occurs inside a word of the text (*beratung* finds
   *Erziehungsberatung*, *famil* finds *Familien*); words of one or two letters must start a word.
4. Otherwise a query word matches when it **splits into two or three parts** that each begin or end a word of
   the text (a whole word counts too), with or without a German linking ending (*s*, *n*, *en*, *e*, *er*) on
   a part; parts have at least four letters, or three when they are a whole word of the text:
   *familienberatung* = *familien* + *beratung* finds „Familien- und Erziehungsberatung“ (*familien* begins
   „Familien“, *beratung* ends „Erziehungsberatung“); *erziehungsberatung* finds „Beratung in
   Erziehungsfragen“ (*erziehung(s)* + *beratung*); *eheberatung* finds „Ehe- und Lebensberatung“.

Examples
--------
>>> treffer("familienberatung", "Familien- und Erziehungsberatung Simmern")
True
>>> treffer("Familienberatung", "Sprachförderung")
False
>>> treffer("FRÜHE hilfen", "Frühe Hilfen"), treffer("fruehe", "Frühe Hilfen"), treffer("fruhe", "Frühe Hilfen")
(True, True, True)
>>> treffer("Strasse", "Schloßstraße 4")
True
>>> treffer("erziehungsberatung", "Beratung in Erziehungsfragen")
True
>>> treffer("beratung für eltern", "Elternberatung")
True
>>> treffer("eheberatung", "Ehe- und Lebensberatung"), treffer("familienberatung", "Spielgruppe für Familien")
(True, False)
>>> treffer("", "irgendwas")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalisiere", "woerter", "Suchtext", "treffer", "FUELLWOERTER"]

#: Query words that are ignored (as long as the query has other words).
FUELLWOERTER = frozenset(
    "und oder fur in im mit von vom bei zur zum am an auf den dem der die das des ein eine einen einer fur bis "
    "nach uber unter aus".split())

_WORT = re.compile(r"[a-z0-9]+")
_ENDUNGEN = ("s", "n", "en", "e", "er", "es")
_MIN_TEIL = 3


def normalisiere(text: str | None) -> str:
    """The normalised form of ``text`` (step 1 of the rule).

    >>> normalisiere("Größe & Übergänge – Café")
    'grosse & ubergange – cafe'
    """
    if not text:
        return ""
    s = str(text).casefold()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in (("ae", "a"), ("oe", "o"), ("ue", "u")):
        s = s.replace(a, b)
    return s


def woerter(text: str | None) -> list[str]:
    """The normalised words of ``text``.

    >>> woerter("Familien- und Erziehungsberatung (Simmern/Hunsrück)")
    ['familien', 'und', 'erziehungsberatung', 'simmern', 'hunsruck']
    """
    return _WORT.findall(normalisiere(text))


class Suchtext:
    """The searchable words of one entry, prepared once and matched many times."""

    __slots__ = ("woerter", "verbunden")

    def __init__(self, *teile: str | None):
        ws: list[str] = []
        for t in teile:
            ws.extend(woerter(t))
        self.woerter = tuple(dict.fromkeys(ws))
        # One string with a separator no word contains: ``x in verbunden`` = x occurs inside some word.
        self.verbunden = "|" + "|".join(self.woerter) + "|"

    def enthaelt(self, teil: str) -> bool:
        """Whether ``teil`` occurs inside a word (short parts: only at the start of a word)."""
        if len(teil) <= 2:
            return ("|" + teil) in self.verbunden
        return teil in self.verbunden

    def passt(self, wort: str) -> bool:
        """Whether one normalised query word matches (steps 3 and 4 of the rule)."""
        if self.enthaelt(wort):
            return True
        return self._zerlegbar(wort, {})

    def _rand(self, teil: str) -> bool:
        """Whether ``teil`` begins or ends a word (3-letter parts only as a whole word)."""
        if len(teil) < _MIN_TEIL:
            return False
        if len(teil) == _MIN_TEIL:
            return ("|" + teil + "|") in self.verbunden
        return ("|" + teil) in self.verbunden or (teil + "|") in self.verbunden

    def _teil_passt(self, teil: str) -> bool:
        if self._rand(teil):
            return True
        return any(teil.endswith(e) and self._rand(teil[: -len(e)]) for e in _ENDUNGEN)

    def _zerlegbar(self, wort: str, memo: dict, teile: int = 3) -> bool:
        """Whether ``wort`` splits into 2..``teile`` matching parts (memoised, so at most quadratic)."""
        schluessel = (wort, teile)
        if schluessel in memo:
            return memo[schluessel]
        memo[schluessel] = False
        for i in range(_MIN_TEIL, len(wort) - _MIN_TEIL + 1):
            kopf, rest = wort[:i], wort[i:]
            if self._teil_passt(kopf) and (self._teil_passt(rest) or
                                           (teile > 2 and self._zerlegbar(rest, memo, teile - 1))):
                memo[schluessel] = True
                break
        return memo[schluessel]


@lru_cache(maxsize=256)
def anfrage(text: str) -> tuple[str, ...]:
    """The query words that must match (filler words dropped unless nothing else is left).

    >>> anfrage("Beratung für Eltern")
    ('beratung', 'eltern')
    >>> anfrage("und")
    ('und',)
    """
    ws = tuple(dict.fromkeys(woerter(text)))
    inhalt = tuple(w for w in ws if w not in FUELLWOERTER)
    return inhalt or ws


def treffer(query: str, *texte: str | None) -> bool:
    """Whether ``query`` matches the texts (convenience for one-off checks; the Wegweiser keeps a
    :class:`Suchtext` per entry)."""
    st = Suchtext(*texte)
    return all(st.passt(w) for w in anfrage(query))
