"""Browser tests: the app as `make run` starts it, driven by Playwright with Debian's Chromium.

One server per session: a temporary data folder filled with ``kita-netz seed``, a Fachkraft account (linked to
fk-01) and a Koordination account created with ``kita-netz nutzer add … --passwort-stdin``, ``streamlit run`` on a
free port, ready when ``/_stcore/health`` answers. Every page gets
listeners that collect console errors, uncaught page errors, failed requests, requests to any host other than
the app (the app must work offline) and dialogs; a test fails if any were seen.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

# See tests/ui/conftest.py: helpers in their own modules, all re-exported by both conftests.
for _d in ("ui", "e2e"):
    _p = str(Path(__file__).resolve().parents[1] / _d)
    if _p not in sys.path:
        sys.path.insert(0, _p)
from browser_hilfen import (  # noqa: E402,F401
    ARTEFAKTE,
    CHROMIUM,
    DOKU,
    KONTEN,
    ROOT,
    anmelden,
    bild,
    fertig,
    hauptbereich_scrollen,
    kontext,
    zur_seite,
)
from ui_hilfen import klartext, seite, texte  # noqa: E402,F401  (``seite`` here is the AppTest helper)

# With --doctest-modules pytest would also import this file as a test module named "conftest" – and clash with the
# other conftest when tests/ui and tests/e2e run in one call. It has no doctests: do not collect it.
collect_ignore = ["conftest.py"]

# Streamlit's front end probes /<page>/_stcore/… to find its base path when a page URL is opened directly and
# falls back to the root: those two 404s are expected noise, nothing else is.
_BASISPFAD_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")


def pytest_collection_modifyitems(config, items):
    grund = None
    if not os.path.exists(CHROMIUM):
        grund = f"{CHROMIUM} fehlt (Debian-Paket chromium; `make chromium` installiert es)."
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            grund = "Das Python-Paket playwright fehlt (`pip install -e '.[test]'`)."
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if grund:
                item.add_marker(pytest.mark.skip(reason=grund))


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """The running app: ``{"url": …, "data_dir": …, "konten": {rolle: (name, passwort)}}``."""
    data = tmp_path_factory.mktemp("e2e") / "data"
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "KITANETZ_DATA_DIR": str(data), "KITANETZ_STORE": "embedded"}
    seed = subprocess.run([str(bin_dir / "kita-netz"), "--data-dir", str(data), "seed"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=180)
    assert seed.returncode == 0, seed.stderr
    for rolle, (name, passwort, fachkraft) in KONTEN.items():  # accounts exist before the app holds the store
        r = subprocess.run([str(bin_dir / "kita-netz"), "--data-dir", str(data), "nutzer", "add", name,
                            "--rolle", rolle, *(["--fachkraft", fachkraft] if fachkraft else []), "--passwort-stdin"],
                           input=passwort + "\n", env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
    with app_laeuft(env, tmp_path_factory.mktemp("e2e-log") / "streamlit.log") as url:
        yield {"url": url, "data_dir": data, "konten": {r: (n, pw) for r, (n, pw, _) in KONTEN.items()}}


@contextlib.contextmanager
def app_laeuft(env: dict, logdatei: Path):
    """``streamlit run streamlit_app.py`` as ``make run`` starts it, on a free port, with ``env``; yields its URL
    once ``/_stcore/health`` answers, and stops it afterwards."""
    port = _freier_port()
    log = open(logdatei, "w")
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "streamlit"), "run", "streamlit_app.py", "--server.address",
         "127.0.0.1", "--server.port", str(port), "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        frist = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > frist:
                raise RuntimeError(f"Die App ist nicht gestartet (siehe {log.name}).")
            time.sleep(0.3)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()


class Beobachter:
    """Collects what must not happen in the browser."""

    def __init__(self, app_url: str):
        self.host = urlparse(app_url).netloc
        self.konsole: list[str] = []
        self.fremd: list[str] = []
        self.fehlgeschlagen: list[str] = []
        self.dialoge: list[str] = []

    def konsole_meldung(self, msg) -> None:
        if msg.type != "error":
            return
        ort = urlparse((msg.location or {}).get("url") or "")
        if "404" in msg.text and ort.netloc == self.host and _BASISPFAD_PROBE.match(ort.path):
            return
        self.konsole.append(f"{msg.text} @ {(msg.location or {}).get('url')}")

    def anfrage(self, req) -> None:
        u = urlparse(req.url)
        if u.scheme in ("data", "blob", "about") or req.url.startswith("about:"):
            return
        if u.netloc != self.host:
            self.fremd.append(req.url)

    def fehlschlag(self, req) -> None:
        u = urlparse(req.url)
        if u.netloc == self.host and _BASISPFAD_PROBE.match(u.path):
            return
        if req.failure and "ERR_ABORTED" in req.failure and u.netloc == self.host:
            return  # a request the page itself cancelled when it navigated on
        self.fehlgeschlagen.append(f"{req.url} ({req.failure})")

    def dialog(self, d) -> None:
        self.dialoge.append(d.message)
        d.dismiss()

    def pruefen(self) -> None:
        assert not self.dialoge, f"Ein Dialog wurde geöffnet (Skript lief!): {self.dialoge}"
        assert not self.fremd, f"Anfragen an fremde Hosts (muss offline laufen): {self.fremd}"
        assert not self.fehlgeschlagen, f"Fehlgeschlagene Anfragen: {self.fehlgeschlagen}"
        assert not self.konsole, f"Fehler in der Browser-Konsole: {self.konsole}"


def _beobachtete_seite(browser, url: str):
    ctx = kontext(browser)
    page = ctx.new_page()
    b = Beobachter(url)
    page.on("console", b.konsole_meldung)
    page.on("pageerror", lambda e: b.konsole.append(f"pageerror: {e}"))
    page.on("request", b.anfrage)
    page.on("requestfailed", b.fehlschlag)
    page.on("dialog", b.dialog)
    page.beobachter = b
    page.app_url = url
    return ctx, page


@pytest.fixture(name="seite")
def _seite(browser, server):
    """A fresh browser page (1280×900, de-DE) with the :class:`Beobachter` attached; checked afterwards."""
    ctx, page = _beobachtete_seite(browser, server["url"])
    yield page
    ctx.close()
    page.beobachter.pruefen()


@pytest.fixture
def eigene_app(browser, tmp_path):
    """A factory for an app of one's own: ``eigene_app(env)`` starts ``streamlit run`` with ``env`` and returns
    a watched browser page on it (checked like :func:`seite` afterwards)."""
    with contextlib.ExitStack() as stapel:
        seiten = []

        def starte(env: dict):
            url = stapel.enter_context(app_laeuft(env, tmp_path / f"streamlit-{len(seiten)}.log"))
            ctx, page = _beobachtete_seite(browser, url)
            stapel.callback(ctx.close)
            seiten.append(page)
            return page

        yield starte
    for page in seiten:
        page.beobachter.pruefen()
