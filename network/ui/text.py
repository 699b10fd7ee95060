"""Text helpers for the pages: Markdown escaping and German formats.

Everything a user typed reaches the browser either through an element that shows plain text (``st.text``,
``st.dataframe``, chart tooltips, the canvas of the network frame) or through :func:`md`, which escapes every
character Markdown, HTML or Streamlit's directives could read as syntax. So ``Sonne & Mond <Familienzentrum>``
displays exactly as typed.

Examples
--------
>>> md("Sonne & Mond <Familienzentrum>")
'Sonne \\\\& Mond \\\\<Familienzentrum\\\\>'
>>> md("**fett** [Link](javascript:alert(1)) :red[rot] $x$")
'\\\\*\\\\*fett\\\\*\\\\* \\\\[Link\\\\]\\\\(javascript\\\\:alert\\\\(1\\\\)\\\\) \\\\:red\\\\[rot\\\\] \\\\$x\\\\$'
>>> monat_jahr("2026-04-12"), monat_jahr(None)
('04/2026', None)
>>> km_text(3.04), km_text(12.66)
('3,0 km', '12,7 km')
>>> datum_de("2024-03-01")
'01.03.2024'
"""

from __future__ import annotations

import re

from ..grund import format as F
from ..grund.format import VEGA_DEUTSCH

__all__ = ["md", "monat_jahr", "km_text", "datum_de", "ja_nein", "zahl_de", "VEGA_DEUTSCH", "VEGA_LESBAR"]

#: Vega config for readable axes and legends: Streamlit's chart theme draws their text in #808495 (3.7:1 on white,
#: below WCAG 2.1 AA's 4.5:1); #31333f reaches 12.6:1. Use as ``chart.configure(**VEGA_LESBAR)``.
VEGA_LESBAR = {
    "axis": {"labelColor": "#31333f", "titleColor": "#31333f"},
    "legend": {"labelColor": "#31333f", "titleColor": "#31333f"},
    "title": {"color": "#31333f", "subtitleColor": "#31333f"},
}

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them is the simple
# rule that also disarms Streamlit's own directives (:red[...], :material/...:, $math$).
_MD = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~$:\"'=^%@;,/?])")


def md(text) -> str:
    """``text`` escaped for ``st.markdown``/``st.caption``/``st.subheader``/widget labels: shows as typed."""
    if text is None:
        return ""
    s = _MD.sub(r"\\\1", str(text))
    # Line breaks would start new Markdown blocks (lists, headings); keep data on one line.
    return re.sub(r"\s*[\r\n]+\s*", " ", s)


def monat_jahr(iso: str | None) -> str | None:
    """``"2026-04-12"`` → ``"04/2026"`` (for „Angaben zuletzt geprüft“)."""
    if not iso or len(iso) < 7:
        return None
    return F.monat(iso)


def datum_de(iso: str | None) -> str:
    """ISO date → ``TT.MM.JJJJ``; empty stays empty."""
    if not iso or len(str(iso)) < 10:
        return ""
    return F.datum(iso)


def km_text(km: float | None) -> str:
    """Distance with one decimal and a German decimal comma."""
    return F.km(km)


def zahl_de(x: float, stellen: int = 2) -> str:
    """A number with German decimal comma.

    >>> zahl_de(0.1234), zahl_de(3, 0)
    ('0,12', '3')
    """
    return F.zahl(x, stellen)


def ja_nein(wert) -> str:
    """``True`` → ``"ja"``, ``False`` → ``"nein"``, ``None`` → ``"unbekannt"``.

    >>> ja_nein(True), ja_nein(None)
    ('ja', 'unbekannt')
    """
    if wert is None:
        return "unbekannt"
    return "ja" if wert else "nein"
