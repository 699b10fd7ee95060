"""Text helpers for the pages: Markdown escaping, „ja/nein“ and the charts' readable colours.

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

Numbers, km and dates are written by :mod:`network.grund.format` (``F.zahl``, ``F.km``, ``F.datum``, ``F.monat``).
"""

from __future__ import annotations

import re

from ...grund.format import VEGA_DEUTSCH

__all__ = ["md", "ja_nein", "VEGA_DEUTSCH", "VEGA_LESBAR"]

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


def ja_nein(wert) -> str:
    """``True`` → ``"ja"``, ``False`` → ``"nein"``, ``None`` → ``"unbekannt"``.

    >>> ja_nein(True), ja_nein(None)
    ('ja', 'unbekannt')
    """
    if wert is None:
        return "unbekannt"
    return "ja" if wert else "nein"
