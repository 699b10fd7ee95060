"""Filters in the address bar: a page's widget values are mirrored into ``st.query_params``, so a link can be
shared and reopened with the same filters.

Each page declares its parameters as :class:`Param` (session-state key, URL name, kind, default). On a page's
first run in a session (or after its widgets were gone), :func:`aus_url` fills the widget keys from the URL,
keeping only values the page allows; after the widgets are drawn, :func:`in_url` writes the non-default values
back (and only those, so the URL stays short). The URL carries ids (``sr=sr-kastellaun``), not labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

import streamlit as st

__all__ = ["Param", "aus_url", "in_url"]


@dataclass(frozen=True)
class Param:
    """One filter: ``art`` is ``"text"``, ``"liste"``, ``"bool"`` or ``"zahl"``."""

    key: str
    name: str
    art: str = "text"
    default: object = None


def _lese(p: Param, erlaubt: Callable[[object], bool] | None):
    qp = st.query_params
    if p.name not in qp:
        return p.default
    if p.art == "liste":
        werte = [w for w in qp.get_all(p.name) if w]
        return [w for w in dict.fromkeys(werte) if erlaubt is None or erlaubt(w)]
    wert = qp.get(p.name)
    if p.art == "bool":
        return wert in ("1", "ja", "true")
    if p.art == "zahl":
        try:
            wert = int(wert)
        except (TypeError, ValueError):
            return p.default
    if erlaubt is not None and not erlaubt(wert):
        return p.default
    return wert


def aus_url(params: Iterable[Param], erlaubt: dict[str, Callable[[object], bool]] | None = None) -> None:
    """Initialise missing widget keys from the URL (invalid values fall back to the default)."""
    erlaubt = erlaubt or {}
    for p in params:
        if p.key not in st.session_state:
            st.session_state[p.key] = _lese(p, erlaubt.get(p.name))


def in_url(params: Iterable[Param]) -> None:
    """Write the current widget values into the URL (defaults left out)."""
    neu: dict[str, object] = {}
    for p in params:
        v = st.session_state.get(p.key, p.default)
        if v == p.default or v in (None, "", []) or v is False:
            continue
        if p.art == "bool":
            neu[p.name] = "1"
        elif p.art == "liste":
            neu[p.name] = [str(x) for x in v]
        else:
            neu[p.name] = str(v)
    if dict(st.query_params.to_dict()) != {k: (v[-1] if isinstance(v, list) else v) for k, v in neu.items()} \
            or any(isinstance(v, list) and st.query_params.get_all(k) != v for k, v in neu.items()):
        st.query_params.from_dict(neu)
