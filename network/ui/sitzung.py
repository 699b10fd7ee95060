"""Who uses this browser session: sign-in, sign-out, expiry after inactivity, and the guard of every page.

- **Local accounts** (:mod:`network.zugang.konten`): :func:`anmelden` checks name and password and keeps the
  :class:`~network.zugang.Nutzer` in ``st.session_state["nutzer"]``.
- **OpenID Connect** (Streamlit's ``st.login``), when ``[auth]`` is configured in ``.streamlit/secrets.toml``: the
  claims of ``st.user`` are mapped to a role by :func:`network.zugang.oidc.nutzer_aus_claims` with
  ``[kitanetz] rollen_claim`` and ``[kitanetz.rollen]``. Every access to ``st.secrets`` is guarded: without a
  secrets file there is simply no OIDC.
- **Expiry**: the time of the last interaction is kept in the session; after :data:`ABLAUF_MINUTEN` minutes
  without one the session is signed out (:func:`abgelaufen` is the rule, a pure function) and a German notice is
  shown. An OIDC session is signed out with ``st.logout()`` (its identity cookie is removed); a new session takes
  an OIDC identity only if the provider issued it within the last :data:`ABLAUF_MINUTEN` minutes.
- A local sign-in lives in the browser session: reloading the page or opening a link in a new tab starts a new
  session, which is signed out (the refused page remembers where the visitor wanted to go).
- **Guard**: :func:`bewache` is the first line of every page function; a page outside the user's role stops with
  a German message, whatever the URL or its query parameters say. The roles themselves are decided only by
  :func:`network.zugang.darf`.
"""

from __future__ import annotations

import logging
import time
from typing import Mapping

import streamlit as st

from ..zugang import konten
from ..zugang.oidc import nutzer_aus_claims
from ..zugang.rollen import OEFFENTLICH, SEITEN, Nutzer, darf
from . import daten as D

__all__ = ["ABLAUF_MINUTEN", "abgelaufen", "nutzer", "anmelden", "abmelden", "bewache", "oidc_konfiguriert",
           "oidc_anmelden", "oidc_nutzer", "hinweis", "registriere", "seite_fuer", "ziel", "ABGELAUFEN"]

log = logging.getLogger(__name__)

#: Minutes without interaction after which a session is signed out.
ABLAUF_MINUTEN = 30

#: The notice after an expired session.
ABGELAUFEN = (f"Ihre Sitzung ist nach {ABLAUF_MINUTEN} Minuten ohne Aktivität abgelaufen. Sie wurden abgemeldet; "
              "bitte melden Sie sich erneut an.")

NUTZER = "nutzer"                  # the signed-in Nutzer
ZULETZT = "sitzung_zuletzt"        # time.time() of the last interaction
ART = "sitzung_art"                # "lokal" or "oidc"
HINWEIS = "sitzung_hinweis"        # a notice to show once (expiry)
ZIEL = "sitzung_ziel"              # (page, query parameters) a refused visitor wanted to open
OIDC_AUS = "sitzung_oidc_aus"      # this session signed out of OIDC (do not take st.user again)

#: Session keys of pages that hold internal data; dropped on sign-out.
_SEITENZUSTAND = ("pf_", "nz_", "pt_", "pr_", "an_", "sk_name", "sk_beschreibung")

SEITEN_REGISTER = "sitzung_seiten"  # the app's st.Page objects of this session, by name


def abgelaufen(zuletzt: float | None, jetzt: float, minuten: int = ABLAUF_MINUTEN) -> bool:
    """Whether a session whose last interaction was at ``zuletzt`` (seconds) has expired at ``jetzt``.

    >>> abgelaufen(1000.0, 1000.0 + 30 * 60), abgelaufen(1000.0, 1000.0 + 30 * 60 + 1), abgelaufen(None, 5.0)
    (False, True, False)
    """
    return zuletzt is not None and jetzt - zuletzt > minuten * 60


# -- secrets and OIDC ---------------------------------------------------------------------------------
def _abschnitt(name: str) -> Mapping | None:
    """A section of ``st.secrets``, or ``None`` (also when there is no secrets file at all)."""
    try:
        if name in st.secrets:
            wert = st.secrets[name]
            return wert if isinstance(wert, Mapping) else None
    except Exception:  # no secrets.toml, or a broken one: no OIDC, never an error page
        return None
    return None


def oidc_konfiguriert() -> bool:
    """Whether sign-in with the district's identity provider is configured (``[auth]`` in the secrets)."""
    return _abschnitt("auth") is not None


def oidc_nutzer(claims: Mapping, kitanetz: Mapping, jetzt: float) -> Nutzer | None:
    """The user for the claims of an OIDC sign-in (pure): the role from ``[kitanetz] rollen_claim`` and
    ``[kitanetz.rollen]``, the Fachkraft from a claim ``fachkraft_id`` or from ``[kitanetz.fachkraefte]``
    (account → Fachkraft). ``None`` when the provider issued the identity (claim ``iat``) more than
    :data:`ABLAUF_MINUTEN` minutes ago: Streamlit keeps its identity cookie for 30 days, so a new session (a reload,
    a new tab) signs in with the provider again instead.

    >>> k = {"rollen_claim": "groups", "rollen": {"fachkraft": ["KJA-KSA"]}, "fachkraefte": {"a@kreis.de": "fk-01"}}
    >>> oidc_nutzer({"email": "a@kreis.de", "groups": ["KJA-KSA"], "iat": 1000}, k, 1000 + 60)
    Nutzer(name='a@kreis.de', rolle='fachkraft', fachkraft_id='fk-01')
    >>> oidc_nutzer({"email": "a@kreis.de", "groups": ["KJA-KSA"], "iat": 1000}, k, 1000 + 31 * 60) is None
    True
    """
    iat = claims.get("iat")
    if isinstance(iat, (int, float)) and not isinstance(iat, bool) and abgelaufen(float(iat), jetzt):
        return None
    zuordnung = {str(r): [str(g) for g in (gruppen if isinstance(gruppen, (list, tuple)) else [gruppen])]
                 for r, gruppen in dict(kitanetz.get("rollen") or {}).items()}
    n = nutzer_aus_claims(claims, zuordnung, str(kitanetz.get("rollen_claim") or "groups"))
    fk = dict(kitanetz.get("fachkraefte") or {}).get(n.name)
    return Nutzer(n.name, n.rolle, n.fachkraft_id or (str(fk) if fk else None))


def _oidc_nutzer() -> Nutzer | None:
    if not oidc_konfiguriert():
        return None
    try:
        if not st.user.is_logged_in:
            return None
        claims = st.user.to_dict()
    except Exception:
        log.warning("Angaben der OIDC-Anmeldung nicht lesbar", exc_info=True)
        return None
    return oidc_nutzer(claims, _abschnitt("kitanetz") or {}, time.time())


def oidc_anmelden() -> None:
    """Start the sign-in with the district's identity provider."""
    st.session_state.pop(OIDC_AUS, None)
    st.login()


# -- the session --------------------------------------------------------------------------------------
def nutzer() -> Nutzer:
    """The user of this session (the public if nobody is signed in); signs out an expired session and counts
    this run as an interaction."""
    s = st.session_state
    jetzt = time.time()
    n = s.get(NUTZER)
    if not isinstance(n, Nutzer):
        if s.get(OIDC_AUS):
            return OEFFENTLICH
        o = _oidc_nutzer()
        if o is None or not o.angemeldet:
            return OEFFENTLICH
        s[NUTZER], s[ART], s[ZULETZT] = o, "oidc", jetzt
        return o
    if abgelaufen(s.get(ZULETZT), jetzt):
        abmelden(abgelaufen=True)
        return OEFFENTLICH
    s[ZULETZT] = jetzt
    return n


def anmelden(name: str, passwort: str) -> Nutzer:
    """Sign in with a local account; raises :class:`~network.errors.AnmeldungFehlgeschlagen` (German)."""
    n = konten.anmelden(D.store(), name, passwort)
    s = st.session_state
    s[NUTZER], s[ART], s[ZULETZT] = n, "lokal", time.time()
    s.pop(HINWEIS, None)
    return n


def abmelden(abgelaufen: bool = False) -> None:
    """Sign out: forget the user and the state of pages with internal data; OIDC also with ``st.logout()``."""
    s = st.session_state
    art = s.get(ART)
    for k in list(s.keys()):
        if k in (NUTZER, ART, ZULETZT) or str(k).startswith(_SEITENZUSTAND):
            del s[k]
    if abgelaufen:
        s[HINWEIS] = ABGELAUFEN
    if art == "oidc":
        s[OIDC_AUS] = True
        try:
            st.logout()
        except Exception:  # outside a running app (tests): the session state is cleared anyway
            log.warning("st.logout() nicht möglich", exc_info=True)


def hinweis() -> str | None:
    """The notice to show once (after an expiry), or ``None``."""
    return st.session_state.pop(HINWEIS, None)


# -- pages and the guard ------------------------------------------------------------------------------
def registriere(seiten: Mapping[str, object]) -> None:
    """Remember the app's ``st.Page`` objects by name for this session (for links and forwarding)."""
    st.session_state[SEITEN_REGISTER] = dict(seiten)


def seite_fuer(name: str):
    """The registered ``st.Page`` of that name, or ``None`` (a page run on its own, e.g. in a test)."""
    return (st.session_state.get(SEITEN_REGISTER) or {}).get(name)


def ziel() -> tuple[str, dict] | None:
    """The page (and its query parameters) a refused visitor wanted to open; forgotten once read."""
    return st.session_state.pop(ZIEL, None)


def _fuer_wen(seite: str) -> str:
    rollen = SEITEN.get(seite, ())
    if "fachkraft" in rollen:
        return "Fachkräfte der Kita-Sozialarbeit und die Koordination"
    return "die Koordination"


def bewache(seite: str) -> Nutzer:
    """The first line of every page: returns the user if the role may open ``seite``; otherwise shows a German
    message and stops the page (``st.stop()``)."""
    n = nutzer()
    if darf(n, f"seite:{seite}"):
        return n
    st.title(seite, anchor=False)  # the page keeps its heading; nothing else of it is drawn
    if n.angemeldet:
        st.error(f"Die Seite „{seite}“ ist nur für {_fuer_wen(seite)}. Sie sind als {n.name} "
                 f"({n.rollenname}) angemeldet.", icon=":material/lock:")
    else:
        st.error(f"Diese Seite ist nur für {_fuer_wen(seite)}. Bitte melden Sie sich an.", icon=":material/lock:")
        st.session_state[ZIEL] = (seite, {k: st.query_params.get_all(k) for k in st.query_params})
        anmeldeseite = seite_fuer("Anmelden")
        if anmeldeseite is not None:
            st.page_link(anmeldeseite, label="Zur Anmeldung", icon=":material/login:")
    st.stop()
    raise AssertionError("unreachable")  # pragma: no cover  (st.stop raises)
