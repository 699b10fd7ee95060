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
- **Staying signed in**: a local sign-in creates a server-side session record (:mod:`network.zugang.sitzungen`)
  named by an HttpOnly cookie, set by the route :data:`network.ui.bausteine.routen.ANMELDEN` right after the sign-in. A
  reload or a new tab (a new Streamlit session) finds the cookie and is signed in again – with the account's
  current role, and only while the record lives (30 minutes without activity in any tab). Before the end the page
  warns and offers „Angemeldet bleiben“ (:func:`ablauf_warnung`, WCAG 2.2.1).
- **Guard**: :func:`bewache` is the first line of every page function; a page outside the user's role stops with
  a German message, whatever the URL or its query parameters say. The roles themselves are decided only by
  :func:`network.zugang.darf`.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Mapping
from urllib.parse import urlencode

import streamlit as st

from ...zugang import konten
from ...zugang.oidc import nutzer_aus_claims
from ...zugang.rollen import OEFFENTLICH, SEITEN, Nutzer, darf
from ...zugang.sitzungen import COOKIE, WARNUNG_MINUTEN
from . import daten as D
from .routen import ABMELDEN, ANMELDEN, sitzungen

__all__ = ["ABLAUF_MINUTEN", "abgelaufen", "nutzer", "anmelden", "abmelden", "bewache", "oidc_konfiguriert",
           "oidc_anmelden", "oidc_nutzer", "hinweis", "registriere", "seite_fuer", "ziel", "ABGELAUFEN",
           "ablauf_warnung", "ueberall_abmelden", "weiterleiten", "BEENDET"]

log = logging.getLogger(__name__)

#: Minutes without interaction after which a session is signed out.
ABLAUF_MINUTEN = 30

#: The notice after an expired session.
ABGELAUFEN = (f"Ihre Sitzung ist nach {ABLAUF_MINUTEN} Minuten ohne Aktivität abgelaufen. Sie wurden abgemeldet; "
              "bitte melden Sie sich erneut an.")

#: The notice when a reload finds a session that has ended (expired, or signed out elsewhere).
BEENDET = "Ihre Anmeldung ist abgelaufen oder wurde beendet. Bitte melden Sie sich erneut an."

NUTZER = "nutzer"                  # the signed-in Nutzer
SITZUNG = "sitzung_cookie"         # the cookie value naming this session's record (local sign-in in a server)
CODE = "sitzung_code"              # one-time code: the browser fetches the cookie with it after the sign-in
NEU = "sitzung_neu"                # who just signed in (until the browser has the cookie)
GEPRUEFT = "sitzung_cookie_gesehen"  # the cookie of this connection was looked at already
ZULETZT = "sitzung_zuletzt"        # time.time() of the last interaction
ART = "sitzung_art"                # "lokal" or "oidc"
HINWEIS = "sitzung_hinweis"        # a notice to show once (expiry)
ZIEL = "sitzung_ziel"              # (page, query parameters) a refused visitor wanted to open
OHNE_ROLLE = "sitzung_oidc_ohne_rolle"  # the notice „no group of this app“ was shown
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


# -- the server-side record (cookie) --------------------------------------------------------------------
def _im_server() -> bool:
    """Whether a real Streamlit server runs this script (not AppTest): only then are there cookies."""
    try:  # AppTest has a runtime too, but no HTTP request behind the session
        return bool(st.context.headers)
    except Exception:
        return False


def _sitzungen():
    return sitzungen()


def _cookie() -> str | None:
    try:
        return st.context.cookies.get(COOKIE)
    except Exception:
        return None


def weiterleiten(url: str) -> bool:
    """Send the browser to ``url`` (a path of this app) – the same message ``st.login`` uses."""
    try:  # Streamlit's internals (the message st.login sends): imported here, so a change of them costs only this
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
        from streamlit.runtime.scriptrunner import get_script_run_ctx
    except ImportError:  # pragma: no cover
        return False
    ctx = get_script_run_ctx()
    if ctx is None or not _im_server():
        return False
    msg = ForwardMsg()
    msg.auth_redirect.url = url
    ctx.enqueue(msg)
    return True


def _aus_cookie(jetzt: float) -> Nutzer | None:
    """A new connection (reload, new tab) of a signed-in browser: the user of the record its cookie names,
    with the account's current role – ``None`` if there is none, it ended, or the account is disabled."""
    s = st.session_state
    if s.get(GEPRUEFT):
        return None
    s[GEPRUEFT] = True
    wert = _cookie()
    if not wert:
        return None
    sitzungen = _sitzungen()
    rec = sitzungen.pruefe(wert, jetzt)
    if rec is None or rec.art != "lokal":
        s[HINWEIS] = BEENDET
        return None
    rows = D.store().query("lade_einen_nutzer", id=rec.name)
    konto = rows[0] if rows else None
    if not konto or not konto.get("aktiv"):
        sitzungen.beende(wert)
        return None
    n = Nutzer(konto["id"], konto["rolle"], konto.get("fachkraft_id"))
    s[NUTZER], s[ART], s[ZULETZT], s[SITZUNG] = n, "lokal", jetzt, wert
    return n


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
        if _im_server():
            lokal = _aus_cookie(jetzt)
            if lokal is not None:
                return lokal
        o = _oidc_nutzer()
        if o is not None and not o.angemeldet and o.name and not s.get(OHNE_ROLLE):
            s[OHNE_ROLLE] = True  # signed in at the provider, but in no group of this app: say so once
            s[HINWEIS] = (f"Sie sind beim Kreis als {o.name} angemeldet, aber keiner Gruppe dieser App zugeordnet "
                          "(Koordination oder Kita-Sozialarbeit). Sie sehen, was die Öffentlichkeit sieht; bitte "
                          "wenden Sie sich an die Koordination.")
        if o is None or not o.angemeldet:
            return OEFFENTLICH
        s[NUTZER], s[ART], s[ZULETZT] = o, "oidc", jetzt
        return o
    if abgelaufen(s.get(ZULETZT), jetzt) and not s.get(SITZUNG):
        abmelden(abgelaufen=True)
        return OEFFENTLICH
    if s.get(SITZUNG):  # the record decides: any tab's activity counts, and it may have been ended elsewhere
        if _sitzungen().pruefe(s[SITZUNG], jetzt) is None:
            abmelden(abgelaufen=abgelaufen(s.get(ZULETZT), jetzt), beendet=True)
            return OEFFENTLICH
    s[ZULETZT] = jetzt
    return n


def anmelden(name: str, passwort: str) -> Nutzer:
    """Sign in with a local account; raises :class:`~network.errors.AnmeldeFehler` (German)."""
    n = konten.anmelden(D.store(), name, passwort)
    s = st.session_state
    s.pop(HINWEIS, None)
    if _im_server():
        # A new record (a new token: rotation). This connection stays signed out: the page sends the browser for
        # the cookie, and the next page load signs in from it – so nothing shows „signed in“ before the cookie is.
        sitzungen = _sitzungen()
        wert = sitzungen.beginne(n.name, "lokal", vorher=s.get(SITZUNG) or _cookie())
        s[CODE] = sitzungen.einmalcode(wert)
        s[NEU] = n
        return n
    s[NUTZER], s[ART], s[ZULETZT] = n, "lokal", time.time()
    return n


def angemeldet_neu() -> Nutzer | None:
    """The user who has just signed in while the browser still fetches the cookie (server only), else None."""
    return st.session_state.get(NEU) if st.session_state.get(CODE) else None


def cookie_holen(seite_url: str) -> bool:
    """After a sign-in in a server: send the browser once to the cookie route, then on to ``seite_url``.
    Returns ``False`` when there is nothing to fetch (AppTest, OIDC)."""
    code = st.session_state.pop(CODE, None)
    if not code:
        return False
    return weiterleiten(f"{ANMELDEN}?{urlencode({'code': code, 'weiter': seite_url})}")


def seite_url(page, params: Mapping | None = None) -> str:
    """The path of an ``st.Page`` with query parameters, e.g. ``/netzwerk?sr=sr-kastellaun``."""
    pfad = "/" + (getattr(page, "url_path", "") or "")
    if params:
        pfad += "?" + urlencode({k: v for k, v in params.items()}, doseq=True)
    return pfad


def abmelden(abgelaufen: bool = False, beendet: bool = False) -> None:
    """Sign out: end the session record and delete its cookie, forget the user and the state of pages with
    internal data; OIDC also with ``st.logout()``. ``beendet``: the record had already ended (elsewhere)."""
    s = st.session_state
    art = s.get(ART)
    wert = s.get(SITZUNG)
    if wert:
        _sitzungen().beende(wert)
    for k in list(s.keys()):
        if k in (NUTZER, ART, ZULETZT, SITZUNG, CODE) or str(k).startswith(_SEITENZUSTAND):
            del s[k]
    if abgelaufen:
        s[HINWEIS] = ABGELAUFEN
    elif beendet:
        s[HINWEIS] = BEENDET
    if wert and not abgelaufen and not beendet:
        weiterleiten(ABMELDEN + "?weiter=/")  # the route deletes the cookie
    if art == "oidc":
        s[OIDC_AUS] = True
        try:
            st.logout()
        except Exception:  # outside a running app (tests): the session state is cleared anyway
            log.warning("st.logout() nicht möglich", exc_info=True)


def ueberall_abmelden() -> None:
    """End every session of the signed-in account (all browsers and tabs), then sign out here."""
    n = st.session_state.get(NUTZER)
    if isinstance(n, Nutzer) and _im_server():
        _sitzungen().beende_alle(n.name)
    abmelden()


def _verlaengern() -> None:
    s = st.session_state
    s[ZULETZT] = time.time()
    if s.get(SITZUNG):
        _sitzungen().pruefe(s[SITZUNG], s[ZULETZT])


def rest_sekunden(jetzt: float | None = None) -> float | None:
    """Seconds until this session ends without activity (``None``: nobody signed in). Reads the record without
    counting as activity (any tab's activity counts)."""
    s = st.session_state
    jetzt = time.time() if jetzt is None else jetzt
    if not isinstance(s.get(NUTZER), Nutzer):
        return None
    if s.get(SITZUNG):
        rec = _sitzungen().pruefe(s[SITZUNG], jetzt, beruehren=False)
        return 0.0 if rec is None else rec.rest_sekunden(jetzt, ABLAUF_MINUTEN)
    zuletzt = s.get(ZULETZT)
    return None if zuletzt is None else zuletzt + ABLAUF_MINUTEN * 60 - jetzt


def ablauf_warnung() -> None:
    """Warn :data:`~network.zugang.sitzungen.WARNUNG_MINUTEN` minutes before the session ends and offer to stay
    signed in (WCAG 2.2.1); at the end, sign out with the notice. Runs again every 30 seconds by itself (a
    fragment: that does not count as activity)."""
    rest = rest_sekunden()
    if rest is None:
        return
    if rest <= 0:
        st.rerun(scope="app")  # nutzer() signs out and shows the notice
    if rest <= WARNUNG_MINUTEN * 60:
        minuten = max(1, math.ceil(rest / 60))
        with st.container(key="sitzung_warnung"):
            st.warning(f"Ihre Anmeldung endet in {minuten} Minute{'n' if minuten != 1 else ''}, weil Sie so lange "
                       "nichts getan haben. Möchten Sie angemeldet bleiben?", icon=":material/timer:")
            st.button("Angemeldet bleiben", key="sitzung_verlaengern", on_click=_verlaengern, type="primary",
                      icon=":material/more_time:")


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
