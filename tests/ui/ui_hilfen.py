"""Helpers of the AppTest tests (importable as ``ui_hilfen`` from tests/ui and, via the conftests, tests/e2e)."""

from __future__ import annotations

import re
from pathlib import Path

from network.zugang import Nutzer

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
TIMEOUT = 60


def klartext(s: str) -> str:
    """Undo :func:`network.ui.bausteine.text.md` (backslash escapes) to compare with what the browser shows."""
    return re.sub(r"\\(.)", r"\1", s)


#: Test users (no accounts needed: a page reads the signed-in user from the session).
FACHKRAFT = Nutzer("fiona.test", "fachkraft", "fk-01")
KOORDINATION = Nutzer("kora.test", "koordination")
_STANDARD = object()


def als_wer(modul: str) -> Nutzer | None:
    """The user with the fewest rights who may open the page of ``modul`` (``None``: the public)."""
    from network.ui.app import SEITEN as MODULE
    from network.zugang.rollen import SEITEN

    name = next((n for n, (m, *_rest) in MODULE.items() if m == modul), None)
    rollen = SEITEN.get(name, ("oeffentlich",))
    if "oeffentlich" in rollen:
        return None
    return FACHKRAFT if "fachkraft" in rollen else KOORDINATION


def seite(name: str, als=_STANDARD):
    """An AppTest for one page function (AppTest cannot switch to callable pages of ``st.navigation``), run by
    ``als`` (a :class:`~network.zugang.Nutzer`, ``None`` for the public; by default the user with the fewest
    rights who may open the page)."""
    from streamlit.testing.v1 import AppTest

    def skript(name: str) -> None:
        import importlib

        from network.ui.app import fehlerfrei

        fehlerfrei(importlib.import_module(f"network.ui.seiten.{name}").seite)()

    at = AppTest.from_function(skript, args=(name,), default_timeout=TIMEOUT)
    wer = als_wer(name) if als is _STANDARD else als
    if wer is not None:
        at.session_state["nutzer"] = wer
    return at


def texte(at) -> str:
    """Everything an AppTest rendered as text (Markdown unescaped), one element per line."""
    teile = []
    for art in ("title", "header", "subheader", "markdown", "caption", "text", "error", "warning", "info",
                "success"):
        teile += [klartext(str(e.value)) for e in getattr(at, art)]
    return "\n".join(teile)
