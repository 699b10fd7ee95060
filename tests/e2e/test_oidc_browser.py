"""„Mit dem Konto des Kreises anmelden“ (``st.login``) against a real, certified OpenID provider run locally
(npm ``oidc-provider``, started from tests/e2e/oidc_provider.mjs): sign-in, the role from the ``groups`` claim,
the Fachkraft from ``[kitanetz.fachkraefte]``, sign-out at the provider, and an account whose group is no role of
the app (issue 15, point 4).

``make test`` installs the provider into ``.venv/oidc`` (see the Makefile); without it (or without Node) these
tests are skipped with a reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browser_hilfen import ROOT, bild, fertig

pytestmark = pytest.mark.browser


def _kontext(browser, **optionen):
    """A browser context whose pages :func:`browser_hilfen.fertig` can watch (``kontext``, where it exists)."""
    try:
        from browser_hilfen import kontext
    except ImportError:  # older helpers: a plain context
        return browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "locale": "de-DE", **optionen})
    return kontext(browser, **optionen)

MODUL = ROOT / ".venv" / "oidc" / "node_modules" / "oidc-provider" / "lib" / "index.js"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _warten(url: str, proc, log: Path, frist: float = 60) -> None:
    ende = time.monotonic() + frist
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > ende:
            raise RuntimeError(f"{url} antwortet nicht (siehe {log}).")
        time.sleep(0.3)


def _stoppen(proc) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def oidc(tmp_path_factory):
    """The provider and an app configured for it: ``{"app": url, "provider": url}``."""
    if not shutil.which("node") or not MODUL.is_file():
        pytest.skip("oidc-provider (npm) fehlt: `make test` installiert es nach .venv/oidc.")
    tmp = tmp_path_factory.mktemp("oidc")
    app_port, idp_port = _port(), _port()
    app_url, idp_url = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{idp_port}"
    rueckweg = app_url + "/oauth2callback"
    idp_log = tmp / "provider.log"
    idp = subprocess.Popen(["node", str(ROOT / "tests" / "e2e" / "oidc_provider.mjs"), str(idp_port), rueckweg],
                           env={**os.environ, "OIDC_PROVIDER_MODUL": str(MODUL)}, stdout=open(idp_log, "w"),
                           stderr=subprocess.STDOUT, start_new_session=True)
    geheim = tmp / "secrets.toml"
    geheim.write_text(f'''
[auth]
redirect_uri = "{rueckweg}"
cookie_secret = "ein-langes-zufaelliges-test-geheimnis-0123456789"
client_id = "kita-netzwerk"
client_secret = "test-geheimnis-nur-fuer-den-test"
server_metadata_url = "{idp_url}/.well-known/openid-configuration"
client_kwargs = {{ scope = "openid email profile", prompt = "login" }}

[kitanetz]
rollen_claim = "groups"
[kitanetz.rollen]
koordination = ["KJA-Kita-Koordination"]
fachkraft = ["KJA-Kita-Sozialarbeit"]
[kitanetz.fachkraefte]
"fachkraft@kreis.example.org" = "fk-01"
''', encoding="utf-8")
    data = tmp / "data"
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "KITANETZ_DATA_DIR": str(data), "KITANETZ_STORE": "embedded"}
    seed = subprocess.run([str(bin_dir / "kita-netz"), "--data-dir", str(data), "seed"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert seed.returncode == 0, seed.stderr
    app_log = tmp / "streamlit.log"
    app = subprocess.Popen([str(bin_dir / "streamlit"), "run", "streamlit_app.py", "--server.address", "127.0.0.1",
                            "--server.port", str(app_port), "--server.headless", "true",
                            "--secrets.files", str(geheim)],
                           cwd=ROOT, env=env, stdout=open(app_log, "w"), stderr=subprocess.STDOUT,
                           start_new_session=True)
    try:
        _warten(idp_url + "/.well-known/openid-configuration", idp, idp_log)
        _warten(app_url + "/_stcore/health", app, app_log)
        yield {"app": app_url, "provider": idp_url}
    finally:
        _stoppen(app)
        _stoppen(idp)


@pytest.fixture
def seite(browser, oidc):
    ctx = _kontext(browser)
    # The provider's development login page imports a web font; the app itself stays offline.
    ctx.route("**/*", lambda r: r.abort() if "127.0.0.1" not in r.request.url else r.continue_())
    page = ctx.new_page()
    yield page
    ctx.close()


def beim_kreis_anmelden(page, app: str, email: str) -> None:
    page.goto(app + "/anmelden")
    fertig(page)
    page.get_by_role("button", name="Mit dem Konto des Kreises anmelden").click()
    page.locator("input[name=login]").wait_for(timeout=30_000)  # the provider's own page
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill("beliebig")
    page.get_by_role("button", name="Sign-in").click()
    weiter = page.get_by_role("button", name="Continue")
    weiter.wait_for(timeout=30_000)  # consent
    weiter.click()
    page.wait_for_url(app + "/**", timeout=30_000)
    fertig(page)


def menue(page) -> list[str]:
    """The page links of the sidebar, once the menu is drawn (every role has at least one)."""
    links = page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]')
    links.first.wait_for(timeout=30_000)
    return [t.strip() for t in links.all_inner_texts()]


def test_koordination_anmelden_und_beim_kreis_abmelden(seite, oidc):
    page = seite
    beim_kreis_anmelden(page, oidc["app"], "koordination@kreis.example.org")
    leiste = page.locator('[data-testid="stSidebar"]')
    leiste.get_by_text("Angemeldet als koordination@kreis.example.org (Koordination)").wait_for(timeout=20_000)
    assert "Analyse" in menue(page) and "Protokoll" in menue(page)
    bild(page, "anmelden-oidc")
    leiste.get_by_role("button", name="Abmelden").click()
    # RP-initiated logout: the provider asks, then sends the browser back to the app
    page.get_by_role("button", name="Yes, sign me out").click(timeout=30_000)
    page.wait_for_url(oidc["app"] + "/**", timeout=30_000)
    fertig(page)
    leiste.get_by_role("link", name="Anmelden").wait_for(timeout=20_000)
    assert menue(page) == ["Wegweiser", "Anmelden"]
    page.reload()  # the identity cookie is gone: a new session stays signed out
    fertig(page)
    assert menue(page) == ["Wegweiser", "Anmelden"]


def test_fachkraft_rolle_und_kitas_aus_der_zuordnung(seite, oidc):
    page = seite
    beim_kreis_anmelden(page, oidc["app"], "fachkraft@kreis.example.org")
    leiste = page.locator('[data-testid="stSidebar"]')
    leiste.get_by_text("Angemeldet als fachkraft@kreis.example.org (Fachkraft)").wait_for(timeout=20_000)
    assert menue(page) == ["Wegweiser", "Vermittlung", "Netzwerk", "Pflege"]
    leiste.get_by_role("link", name="Pflege", exact=True).click()
    fertig(page)
    assert page.get_by_text("Ihre Kitas:").is_visible()  # fk-01's Kitas from [kitanetz.fachkraefte]


@pytest.mark.parametrize("email", ["erfunden@kreis.example.org", "fremd@kreis.example.org"])
def test_konto_ohne_rolle_der_app_bleibt_oeffentlich(seite, oidc, email):
    page = seite
    beim_kreis_anmelden(page, oidc["app"], email)
    haupt = page.locator('[data-testid="stMain"]')
    haupt.get_by_text("keiner Gruppe dieser App zugeordnet").wait_for(timeout=20_000)
    assert menue(page) == ["Wegweiser", "Anmelden"]
    page.goto(oidc["app"] + "/analyse")
    fertig(page)
    assert page.get_by_text("Diese Seite ist nur für").is_visible()
