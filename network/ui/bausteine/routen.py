"""Two small HTTP routes beside the Streamlit app: they set and delete the sign-in cookie.

Streamlit talks to the browser over a WebSocket, which cannot set cookies; a cookie that scripts cannot read
(``HttpOnly``) can only come with an HTTP response. So after a sign-in the page sends the browser once to
``/_kitanetz/anmelden?code=…&weiter=/seite``: the route exchanges the one-time code for the session's cookie
value (:meth:`network.zugang.sitzungen.Sitzungen.einloesen`), sets the cookie and sends the browser on.
``/_kitanetz/abmelden`` ends the record and deletes the cookie. ``weiter`` must be a path of this app.

Examples
--------
>>> ziel("/analyse?sr=sr-boppard"), ziel("https://boese.example/"), ziel("//boese.example"), ziel(None)
('/analyse?sr=sr-boppard', '/', '/', '/')
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ...settings import load_settings
from ...zugang.sitzungen import COOKIE, Sitzungen

__all__ = ["ROUTEN", "sitzungen", "ziel", "ANMELDEN", "ABMELDEN"]

ANMELDEN = "/_kitanetz/anmelden"
ABMELDEN = "/_kitanetz/abmelden"


@lru_cache(maxsize=4)
def _sitzungen(ordner: str) -> Sitzungen:
    return Sitzungen.im_ordner(Path(ordner))


def sitzungen() -> Sitzungen:
    """The session records of the configured data folder (``KITANETZ_DATA_DIR``)."""
    return _sitzungen(str(Path(load_settings().data_dir).resolve()))


def ziel(weiter: str | None) -> str:
    """A safe place to go on: a path of this app (``/…``), never another site."""
    if not weiter or not weiter.startswith("/") or weiter.startswith("//") or "\\" in weiter:
        return "/"
    return weiter


def _sicher(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"


async def anmelden(request: Request) -> Response:
    wert = sitzungen().einloesen(request.query_params.get("code"))
    antwort = RedirectResponse(ziel(request.query_params.get("weiter")), status_code=303)
    antwort.headers["Cache-Control"] = "no-store"
    if wert is not None:
        antwort.set_cookie(COOKIE, wert, httponly=True, secure=_sicher(request), samesite="lax", path="/")
    return antwort


async def abmelden(request: Request) -> Response:
    sitzungen().beende(request.cookies.get(COOKIE))
    antwort = RedirectResponse(ziel(request.query_params.get("weiter")), status_code=303)
    antwort.headers["Cache-Control"] = "no-store"
    antwort.delete_cookie(COOKIE, path="/", httponly=True, secure=_sicher(request), samesite="lax")
    return antwort


#: The routes ``streamlit_app.py`` gives ``st.App``.
ROUTEN = [Route(ANMELDEN, anmelden, methods=["GET"]), Route(ABMELDEN, abmelden, methods=["GET"])]
