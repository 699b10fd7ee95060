"""Input fields that read German: numbers („1.670.000,00“, „7,5“) and dates (TT.MM.JJJJ).

Streamlit's ``st.number_input`` reads the typed text in the browser with JavaScript rules: „1.670.000“ becomes
1,67, and it shows „1670000.00“. So every number a person types is a text field here, shown and read by
:mod:`network.grund.format`; ambiguous or wrong input is reported in German at the field and nothing is
computed with it.

Examples
--------
>>> text_fuer(1670000, 2), text_fuer(0.5, None)
('1.670.000,00', '0,5')
"""

from __future__ import annotations

from decimal import Decimal

import streamlit as st

from ...grund import format as F

__all__ = ["zahlfeld", "zahl_aus", "text_fuer"]


def text_fuer(wert, stellen: int | None) -> str:
    """How a value appears in a number field."""
    return F.zahl(wert, stellen)


def _aufraeumen(key: str, stellen: int | None) -> None:
    """on_change: write what was typed in the canonical German form, when it can be read."""
    try:
        st.session_state[key] = text_fuer(F.zahl_lesen(st.session_state.get(key)), stellen)
    except F.EingabeFehler:
        pass  # left as typed: the page shows the message at the field


def zahlfeld(ort, label: str, key: str, vorgabe, *, stellen: int | None = 2, einheit: str = "",
             help: str | None = None) -> None:
    """A text field for a number, prefilled with ``vorgabe`` in German (``stellen`` decimals)."""
    if key not in st.session_state or st.session_state[key] is None:
        st.session_state[key] = text_fuer(vorgabe, stellen)
    elif not isinstance(st.session_state[key], str):  # a number put into the state by code
        st.session_state[key] = text_fuer(st.session_state[key], stellen)
    hinweis = "Deutsche Schreibweise: Punkt für Tausender, Komma für Nachkommastellen, z. B. 1.670.000,00."
    ort.text_input(label, key=key, help=f"{help} {hinweis}" if help else hinweis,
                   on_change=_aufraeumen, args=(key, stellen), placeholder="z. B. " + text_fuer(vorgabe, stellen))


def zahl_aus(s, key: str, vorgabe, was: str, *, minimum=None, maximum=None) -> Decimal:
    """The number in field ``key`` of session state ``s`` (``vorgabe`` when the field is not there yet).

    Raises :class:`~network.errors.EingabeFehler` (German, naming ``was``) when the text is not a number,
    is ambiguous, or lies outside ``minimum``..``maximum``."""
    roh = s[key] if key in s and s[key] is not None else vorgabe
    d = F.zahl_lesen(roh, was)
    if minimum is not None and d < Decimal(str(minimum)):
        raise F.EingabeFehler(f"{was}: mindestens {F.zahl(minimum)}.")
    if maximum is not None and d > Decimal(str(maximum)):
        raise F.EingabeFehler(f"{was}: höchstens {F.zahl(maximum)}.")
    return d
