"""The web server around the app: what ``streamlit run streamlit_app.py`` serves besides the pages.

``streamlit_app.py`` defines ``app = st.App(...)`` with :func:`middleware`; ``streamlit run`` finds it and serves
the app through it (Streamlit's ASGI mode), so every request passes here first. Only one thing is changed:
Streamlit's ``/_stcore/metrics`` (sessions, memory, cache sizes; no setting turns it off) answers 404 for
everybody – operators read the server's health from ``/_stcore/health``.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse

__all__ = ["GESPERRT", "MetrikenSperren", "middleware"]

#: Streamlit endpoints the app does not serve (suffixes of the path, after any base URL path).
GESPERRT = ("/_stcore/metrics",)


class MetrikenSperren:
    """ASGI middleware: 404 for :data:`GESPERRT`, everything else unchanged."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("path", "").rstrip("/").endswith(GESPERRT):
            await PlainTextResponse("Nicht gefunden.", status_code=404)(scope, receive, send)
            return
        await self.app(scope, receive, send)


def middleware() -> list:
    """The middleware list for ``st.App``."""
    return [Middleware(MetrikenSperren)]
