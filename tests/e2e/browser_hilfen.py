"""Helpers of the browser tests (importable as ``browser_hilfen``; the conftests re-export them)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARTEFAKTE = ROOT / "test-artifacts" / "screenshots"
DOKU = ROOT / "docs" / "screenshots"
#: The test server's accounts (created with ``kita-netz nutzer add … --passwort-stdin`` before it starts):
#: role -> (name, password, Fachkraft).
KONTEN = {"fachkraft": ("e2e.fachkraft", "e2e-Passwort-Fachkraft", "fk-01"),
          "koordination": ("e2e.koordination", "e2e-Passwort-Koordination", None)}


def _feldnummer(nachricht, feld: str) -> int:
    return nachricht.DESCRIPTOR.fields_by_name[feld].number


def _lauf_js() -> str:
    """JavaScript run before the page's own scripts: it watches Streamlit's WebSocket and counts, in one sequence,
    the script runs the page asks for (``BackMsg.rerun_script``), the runs the server starts
    (``ForwardMsg.new_session``) and the runs that end for good (``ForwardMsg.script_finished`` with a status
    other than "stopped early for a rerun"); ``ForwardMsg.auth_redirect`` (the app sends the browser to another
    address, e.g. for the sign-in cookie) marks the page as leaving, so nothing on it counts as finished any more.
    The field numbers come from Streamlit's own protobuf classes."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    fertig = [v for k, v in ForwardMsg.ScriptFinishedStatus.items() if k != "FINISHED_EARLY_FOR_RERUN"]
    return """(() => {
  if (window.__kitaLauf) return;
  const L = window.__kitaLauf = {seq: 0, gesendet: 0, gestartet: 0, beendet: 0, weg: false};
  const RERUN = %d, NEU = %d, ENDE = %d, FERTIG = %s, UMLEITUNG = %d;
  const bytes = (d) => d instanceof ArrayBuffer ? new Uint8Array(d)
    : ArrayBuffer.isView(d) ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength) : null;
  const felder = (b) => {  // the top-level fields of a protobuf message: [[number, varint value or null]]
    const out = []; let i = 0;
    const varint = () => { let x = 0, f = 1, c; do { c = b[i++]; x += (c & 127) * f; f *= 128; } while (c & 128 && i < b.length); return x; };
    while (i < b.length) {
      const tag = varint(), nr = Math.floor(tag / 8), typ = tag %% 8;
      if (typ === 0) out.push([nr, varint()]);
      else if (typ === 2) { const n = varint(); out.push([nr, null]); i += n; }
      else if (typ === 1) i += 8; else if (typ === 5) i += 4; else break;
    }
    return out;
  };
  const Nativ = window.WebSocket;
  class Beobachtet extends Nativ {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => {
        const b = bytes(e.data); if (!b) return;
        for (const [nr, wert] of felder(b)) {
          if (nr === NEU) L.gestartet = ++L.seq;
          else if (nr === ENDE && FERTIG.includes(wert)) L.beendet = ++L.seq;
          else if (nr === UMLEITUNG) L.weg = true;
        }
      });
    }
    send(d) {
      const b = bytes(d);
      if (b && felder(b).some(([nr]) => nr === RERUN)) L.gesendet = ++L.seq;
      return super.send(d);
    }
  }
  window.WebSocket = Beobachtet;
})();""" % (_feldnummer(BackMsg, "rerun_script"), _feldnummer(ForwardMsg, "new_session"),
            _feldnummer(ForwardMsg, "script_finished"), fertig, _feldnummer(ForwardMsg, "auth_redirect"))


#: Script-run state of the page, true once every run the page asked for has started and ended, Streamlit shows
#: "not running" and no element is still a placeholder (``stSkeleton``: Streamlit loads the code of an element
#: type on its first use – on a fresh page, under load, the radio buttons or the menu came seconds after the run
#: had ended); never on a page the app is sending elsewhere – Playwright then evaluates it again on the page that
#: follows.
LAUF_VORBEI = """() => {
  const L = window.__kitaLauf;
  if (!L) throw new Error('Die Seite hat keine Laufbeobachtung: den Kontext mit browser_hilfen.kontext() anlegen.');
  return !L.weg && L.gesendet > 0 && L.gestartet > L.gesendet && L.beendet > L.gestartet
    && document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]');
}"""

#: Two animation frames: what the last run changed has been laid out and painted.
GEMALT = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"


def kontext(browser, **optionen):
    """A new browser context (1280×900, de-DE unless given) whose pages report their script runs to
    :func:`fertig`."""
    ctx = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, "locale": "de-DE", **optionen})
    ctx.add_init_script(_lauf_js())
    return ctx


def marke(page) -> int:
    """The position in the page's sequence of script-run events (:func:`_lauf_js`): hand it to :func:`fertig` as
    ``seit`` to wait for a run asked for *after* this point – a key press or a typed value reaches Streamlit a
    moment after Playwright's call returns, and until then the last run looks finished."""
    return page.evaluate("() => window.__kitaLauf.seq")


def fertig(page, timeout: int = 60_000, seit: int | None = None) -> None:
    """Wait until the app has finished every script run the page asked for and drawn the result (its ``h1``).

    No fixed pause: the page's WebSocket tells when a run was asked for (a click, a link, the first load), when
    the server started a run after that and when it ended (:func:`_lauf_js`); then two animation frames. With
    ``seit`` (from :func:`marke`), first wait until the page has asked for a run after that point."""
    if seit is not None:
        nach_marke(page, seit, timeout)
    ruhig(page, LAUF_VORBEI.replace("=== 'notRunning'", "=== 'notRunning' && !!document.querySelector('h1')"),
          timeout)


#: Two animation frames in which the page asked for no run and no run started or ended.
STILL = """async () => { const s = window.__kitaLauf.seq;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return window.__kitaLauf.seq === s; }"""


def ruhig(page, bedingung: str, timeout: int = 60_000) -> None:
    """Wait until ``bedingung`` (JavaScript) holds and still holds after two quiet animation frames (:data:`STILL`).

    A click or key press that changes a widget reaches Streamlit from a React effect, a moment after Playwright's
    call has returned: until then the previous run looks finished. Two frames without a new event close that gap
    without a fixed pause; where a test knows its action asks for a run, :func:`marke` with ``seit`` is exact."""
    frist = time.monotonic() + timeout / 1000
    while True:
        rest = max(1_000, int((frist - time.monotonic()) * 1000))
        page.wait_for_function(bedingung, timeout=rest)
        if page.evaluate(STILL) and page.evaluate(bedingung):
            return
        if time.monotonic() > frist:
            raise TimeoutError(f"Die Seite kam in {timeout} ms nicht zur Ruhe.")


def nach_marke(page, seit: int, timeout: int = 60_000) -> None:
    """Wait until the page has asked Streamlit for a script run after :func:`marke` gave ``seit``."""
    page.wait_for_function("(v) => window.__kitaLauf.gesendet > v", arg=seit, timeout=timeout)


def parameter(page, name: str, wert: str, timeout: int = 30_000) -> None:
    """Wait until the page's address has the query parameter ``name=wert``: the browser rewrites the address
    (``history.replaceState``) when it handles the run's messages, a moment after the run has ended."""
    page.wait_for_function("([n, w]) => new URLSearchParams(location.search).get(n) === w", arg=[name, wert],
                           timeout=timeout)


def aufklappen(page, anfang: str, timeout: int = 30_000) -> None:
    """Open the expander whose summary contains ``anfang`` (unless it is open) and wait until its content is
    laid out and has stopped moving.

    Streamlit draws an expander's content in steps once it opens: under load the checkboxes stood still for the
    two frames Playwright waits for, then the rows of pills and drop-downs above them arrived and pushed them
    185 px down, between mouse-down and mouse-up – the click toggled nothing. So: every element inside has a
    size, and the expander's box is unchanged over ten animation frames."""
    summary = page.locator("details > summary", has_text=anfang).first
    if summary.locator("xpath=..").get_attribute("open") is None:
        summary.click()
    page.evaluate("() => { window.__kitaBox = null; }")
    page.wait_for_function(STEHT, arg=anfang, timeout=timeout)


def ankreuzen(page, beschriftung: str) -> None:
    """Tick the checkbox labelled ``beschriftung`` by clicking its label, as a user does, check that it is ticked
    (a missed click names itself) and wait for the script run the tick asked for."""
    m = marke(page)
    page.get_by_text(beschriftung).click()
    expect(page.get_by_role("checkbox", name=beschriftung)).to_be_checked()
    fertig(page, seit=m)


#: True once the expander (its summary contains the argument) is open, each element inside has a size and
#: its box has been the same in ten consecutive animation frames (``wait_for_function`` polls once per frame).
STEHT = """(anfang) => {
  const d = [...document.querySelectorAll('details')]
    .find(d => (d.querySelector('summary')?.textContent || '').includes(anfang));
  if (!d || !d.open) return false;
  const teile = [...d.querySelectorAll('[data-testid="stElementContainer"]')];
  if (!teile.length || teile.some(e => e.getBoundingClientRect().height === 0)) return false;
  const r = d.getBoundingClientRect(), box = [r.top, r.height, d.scrollHeight].join(':');
  const w = window.__kitaBox = window.__kitaBox || {box: null, n: 0};
  if (w.box === box) { w.n += 1; } else { w.box = box; w.n = 0; }
  return w.n >= 10; }"""


def hauptbereich_scrollen(page, y: int) -> None:
    """Scroll the main area to ``y`` (or as far as it goes) and wait until it is there and painted."""
    page.evaluate("(y) => document.querySelector('[data-testid=stMain]').scrollTo(0, y)", y)
    page.wait_for_function("""(y) => { const m = document.querySelector('[data-testid=stMain]');
        return Math.abs(m.scrollTop - Math.min(y, m.scrollHeight - m.clientHeight)) < 2; }""", arg=y)
    page.evaluate(GEMALT)


def bild(page, name: str) -> Path:
    """Screenshot of the viewport into test-artifacts/, and a small (256-colour) copy into docs/screenshots/."""
    ARTEFAKTE.mkdir(parents=True, exist_ok=True)
    DOKU.mkdir(parents=True, exist_ok=True)
    ziel = ARTEFAKTE / f"{name}.png"
    page.screenshot(path=str(ziel))
    try:
        from PIL import Image

        with Image.open(ziel) as im:
            im.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(
                DOKU / f"{name}.png", optimize=True)
    except ImportError:  # pragma: no cover - Pillow comes with Streamlit
        shutil.copy(ziel, DOKU / f"{name}.png")
    return ziel


def anmelden(page, rolle: str) -> None:
    """Sign in as the test account of ``rolle`` on the page „Anmelden“ (reached through the sidebar link, so the
    browser keeps its session); afterwards the sidebar says who is signed in."""
    name, passwort, _ = KONTEN[rolle]
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Anmelden").click()
    fertig(page)
    page.get_by_label("Benutzername").fill(name)
    page.get_by_label("Passwort", exact=True).fill(passwort)
    page.get_by_role("button", name="Anmelden").click()
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Abmelden").wait_for(timeout=20_000)
    fertig(page)


def zur_seite(page, name: str) -> None:
    """Open a page through its sidebar link (a click, not a new URL: the session and its sign-in stay)."""
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name=name, exact=True).click()
    fertig(page)
