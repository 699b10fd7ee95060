"""Helpers of the AppTest tests (importable as ``ui_hilfen`` from tests/ui and, via the conftests, tests/e2e)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
TIMEOUT = 60


def klartext(s: str) -> str:
    """Undo :func:`network.ui.text.md` (backslash escapes) to compare with what the browser shows."""
    return re.sub(r"\\(.)", r"\1", s)


def seite(name: str):
    """An AppTest for one page function (AppTest cannot switch to callable pages of ``st.navigation``)."""
    from streamlit.testing.v1 import AppTest

    def skript(name: str) -> None:
        import importlib

        from network.ui.app import fehlerfrei

        fehlerfrei(importlib.import_module(f"network.ui.{name}").seite)()

    return AppTest.from_function(skript, args=(name,), default_timeout=TIMEOUT)


def texte(at) -> str:
    """Everything an AppTest rendered as text (Markdown unescaped), one element per line."""
    teile = []
    for art in ("title", "header", "subheader", "markdown", "caption", "text", "error", "warning", "info",
                "success"):
        teile += [klartext(str(e.value)) for e in getattr(at, art)]
    return "\n".join(teile)
