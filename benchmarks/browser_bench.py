"""Browser figures of issue 14, measured in a real browser (Playwright, Debian's Chromium, headless).

Starts the app as ``make run`` does (``streamlit run streamlit_app.py``) on a fresh data folder and measures

* **first page after start** – from ``page.goto`` of the first visitor (the server answers ``/_stcore/health``) until
  the Wegweiser's result is shown; also the time from starting the process until then;
* **Wegweiser: filter change → result shown** – a click on a Sozialraum (the five in turn, then „alle“), until
  the script run the click asked for has ended and the page has painted; median and p95 of ``--wiederholungen``;
* **Netzwerk: whole district drawn** – a click on the sidebar link „Netzwerk“ (signed in as Fachkraft) until the
  network frame has drawn its canvas; on the seed and, with a second server, on ``seed/generate.py --faktor 3``
  (about 1,000 nodes);
* **growth playback** – „▶ Abspielen seit 2021“ in the frame: the time of each frame (its quarter's filter plus the
  redraw) and the interval between frames, and how many requests to the server the playback sent (0: computed
  once, in the browser).

Each run also measures a **reference** on the same machine at the same time: a three-line Streamlit app with one
radio group, clicked as often as the Wegweiser. Its p95 shows what the machine's load does to any Streamlit
round trip; the ratio Wegweiser ÷ reference says how much the app adds.

    .venv/bin/python benchmarks/browser_bench.py [--json ERGEBNIS.json] [--wiederholungen 20]

Prints the figures and, with ``--json``, writes them for ``benchmarks/ziele.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from browser_hilfen import CHROMIUM, GEMALT, _lauf_js  # noqa: E402

BIN = Path(sys.executable).parent
KONTO = ("bench.fachkraft", "bench-Passwort-Fachkraft-1", "fk-01")

#: true once the run asked for after the last click has ended; stores the moment (``performance.now()``) the first
#: time. The click reaches Streamlit a moment after Playwright's call returns: until the page has asked for a run
#: after the click (``gesendet`` past the click's position in the sequence), the previous run looks finished.
GEZEIGT = """() => {
  const L = window.__kitaLauf;
  const ok = !!L && !L.weg && L.gesendet > (window.__klickSeq || 0) && L.gestartet > L.gesendet
    && L.beendet > L.gestartet
    && document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stSkeleton"]');
  if (ok && !window.__gezeigt) window.__gezeigt = performance.now();
  return ok;
}"""

#: capture-phase click listener: the moment of the user's click (``performance.now()``) and the position in the
#: page's sequence of script-run events at that moment (``browser_hilfen._lauf_js``).
KLICK_JS = """window.addEventListener('click', () => { window.__klick = performance.now(); window.__gezeigt = 0;
  window.__klickSeq = window.__kitaLauf ? window.__kitaLauf.seq : 0; }, true);"""

REFERENZ_APP = """import streamlit as st
st.title("Referenz")
wahl = st.radio("Auswahl", ["eins", "zwei", "drei", "vier", "fünf"], horizontal=True)
st.write(f"Gewählt: {wahl}")
"""


def _freier_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def last() -> tuple[float, float, float]:
    return os.getloadavg()


def _kita_netz(data: Path, *args, eingabe: str | None = None) -> None:
    r = subprocess.run([str(BIN / "kita-netz"), "--data-dir", str(data), *args], input=eingabe, cwd=ROOT,
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        raise RuntimeError(f"kita-netz {' '.join(args)}: {r.stderr}")


def datenordner(tmp: Path, faktor: int) -> Path:
    """A data folder with the seed (``faktor`` 1) or a scaled data set, and the Fachkraft account."""
    data = tmp / f"data-{faktor}"
    if faktor == 1:
        _kita_netz(data, "seed")
    else:
        quelle = tmp / f"csv-{faktor}"
        subprocess.run([sys.executable, "seed/generate.py", "--out", str(quelle), "--faktor", str(faktor)],
                       cwd=ROOT, check=True, capture_output=True, timeout=600)
        _kita_netz(data, "import", str(quelle))
    name, pw, fk = KONTO
    _kita_netz(data, "nutzer", "add", name, "--rolle", "fachkraft", "--fachkraft", fk, "--passwort-stdin",
               eingabe=pw + "\n")
    return data


@contextlib.contextmanager
def app(skript: str, env: dict, log: Path):
    """``streamlit run SKRIPT`` on a free port; yields (url, seconds from start until healthy, start time)."""
    port = _freier_port()
    start = time.perf_counter()
    with open(log, "w") as ausgabe:
        proc = subprocess.Popen([str(BIN / "streamlit"), "run", skript, "--server.address", "127.0.0.1",
                                 "--server.port", str(port), "--server.headless", "true"],
                                cwd=ROOT, env=env, stdout=ausgabe, stderr=subprocess.STDOUT, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            while True:
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.perf_counter() - start > 120:
                    raise RuntimeError(f"Die App ist nicht gestartet (siehe {log}).")
                time.sleep(0.05)
            yield url, time.perf_counter() - start, start
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def seite(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    ctx.add_init_script(_lauf_js())
    ctx.add_init_script(KLICK_JS)
    return ctx, ctx.new_page()


def gezeigt(page, timeout: int = 60_000) -> float:
    """Wait until the run asked for has ended and painted; seconds from the last click until then."""
    page.wait_for_function(GEZEIGT, timeout=timeout, polling="raf")
    page.evaluate(GEMALT)
    return page.evaluate("() => (window.__gezeigt - window.__klick) / 1000")


def klicks(page, radios: list[str], gruppe: str, n: int) -> list[float]:
    """Click the radios of ``gruppe`` in turn, ``n`` times; the seconds until each result was shown. A radio that is
    already chosen is passed over: clicking it asks for no run, so there would be nothing to time."""
    zeiten, i = [], 0
    feld = page.get_by_role("radiogroup", name=gruppe)
    while len(zeiten) < n:
        name, i = radios[i % len(radios)], i + 1
        if feld.get_by_role("radio", name=name, exact=True).is_checked():
            continue
        feld.get_by_text(name, exact=True).click()
        zeiten.append(gezeigt(page))
    return zeiten


def _p95(werte: list[float]) -> float:
    w = sorted(werte)
    return w[min(len(w) - 1, max(0, round(0.95 * len(w) + 0.5) - 1))]


def anmelden(page) -> None:
    name, pw, _ = KONTO
    link = page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Anmelden")
    try:
        link.wait_for(timeout=90_000)
    except Exception:
        (ROOT / "test-artifacts" / "bench").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / "bench" / "anmelden-fehlt.png"))
        raise
    link.click()
    gezeigt(page)
    page.get_by_label("Benutzername").fill(name)
    page.get_by_label("Passwort", exact=True).fill(pw)
    page.get_by_role("button", name="Anmelden").click()
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Abmelden").wait_for(timeout=60_000)
    gezeigt(page)


NETZ_GEZEICHNET = """() => [...document.querySelectorAll('[data-testid="stIFrame"]')].some(f => {
  try { const w = f.contentWindow; return !!(w.kitaNetz && w.__gemalt); } catch (e) { return false; } })"""

#: In the frame: mark when vis-network has drawn (set once per new frame).
NETZ_MARKE = """() => { for (const f of document.querySelectorAll('[data-testid="stIFrame"]')) { try {
  const w = f.contentWindow; if (w.kitaNetz && !w.__markiert) { w.__markiert = true;
    w.kitaNetz.netz.once('afterDrawing', () => { w.__gemalt = w.performance.now(); }); w.kitaNetz.netz.redraw(); }
  } catch (e) {} } return true; }"""


def netzwerk_gezeichnet(page) -> float:
    """Click „Netzwerk“ in the sidebar; seconds until the network frame has drawn its canvas."""
    t0 = time.perf_counter()
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Netzwerk", exact=True).click()
    page.wait_for_function("""() => [...document.querySelectorAll('[data-testid="stIFrame"]')].some(f => {
      try { return !!f.contentWindow.kitaNetz; } catch (e) { return false; } })""", timeout=120_000, polling="raf")
    page.evaluate(NETZ_MARKE)
    page.wait_for_function(NETZ_GEZEICHNET, timeout=60_000, polling="raf")
    dauer = time.perf_counter() - t0
    gezeigt(page, timeout=120_000)
    return dauer


ABSPIELEN = """async () => {
  const w = [...document.querySelectorAll('[data-testid="stIFrame"]')].map(f => f.contentWindow).find(w => w.kitaNetz);
  const netz = w.kitaNetz.netz, start = w.document.getElementById('abspielen');
  const gesendet = window.__kitaLauf.gesendet;
  const bilder = [];  // per frame: time from the quarter's filter to the redraw, and the interval since the last
  const zeigeAlt = w.kitaNetz.zeige;
  let letzte = null;
  await new Promise((fertig) => {
    netz.on('afterDrawing', () => { if (w.__t0 !== undefined) { const t = w.performance.now();
      bilder.push({zeichnen: (t - w.__t0) / 1000, abstand: letzte === null ? null : (t - letzte) / 1000});
      letzte = t; w.__t0 = undefined; } });
    const beobachter = new w.MutationObserver(() => { if (!start.disabled) { beobachter.disconnect(); fertig(); } });
    const stand = w.document.getElementById('stand');
    new w.MutationObserver(() => { w.__t0 = w.performance.now(); }).observe(stand, {childList: true, characterData: true, subtree: true});
    start.click();
    beobachter.observe(start, {attributes: true, attributeFilter: ['disabled']});
  });
  return {bilder, anfragen: window.__kitaLauf.gesendet - gesendet, takt: (w.kitaNetz.takt || 0) / 1000};
}"""


def abspielen(page) -> dict:
    """Play the growth; per frame the drawing time and the interval; requests sent to the server meanwhile."""
    t0 = time.perf_counter()
    r = page.evaluate(ABSPIELEN)
    r["gesamt"] = time.perf_counter() - t0
    return r


def messen(wiederholungen: int) -> dict:
    from playwright.sync_api import sync_playwright

    erg: dict = {"last_start": last()}
    with tempfile.TemporaryDirectory() as t, sync_playwright() as p:
        tmp = Path(t)
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                          "--disable-component-update", "--disable-sync", "--no-first-run"])
        seed = datenordner(tmp, 1)
        gross = datenordner(tmp, 3)
        basis = {**os.environ, "KITANETZ_STORE": "embedded"}

        # the reference: a three-line Streamlit app, the same clicks
        (tmp / "referenz.py").write_text(REFERENZ_APP, encoding="utf-8")
        with app(str(tmp / "referenz.py"), basis, tmp / "referenz.log") as (url, _, _s):
            ctx, page = seite(browser)
            t0 = time.perf_counter()
            page.goto(url)
            page.wait_for_function(GEZEIGT, timeout=120_000, polling="raf")
            page.evaluate(GEMALT)
            erg["referenz_erste_seite"] = time.perf_counter() - t0
            erg["referenz"] = klicks(page, ["eins", "zwei", "drei", "vier", "fünf"], "Auswahl", wiederholungen)
            ctx.close()

        with app("streamlit_app.py", {**basis, "KITANETZ_DATA_DIR": str(seed)}, tmp / "seed.log") as (url, hoch, s):
            erg["start_bis_bereit"] = hoch
            ctx, page = seite(browser)
            t0 = time.perf_counter()
            page.goto(url + "/")
            page.wait_for_function(GEZEIGT, timeout=120_000, polling="raf")
            page.get_by_role("heading", name="gefunden").first.wait_for()
            page.evaluate(GEMALT)
            erg["erste_seite"] = time.perf_counter() - t0
            erg["erste_seite_ab_start"] = time.perf_counter() - s
            erg["last_erste_seite"] = last()
            srs = ["Boppard", "Hunsrück-Mittelrhein", "Kastellaun", "Kirchberg (Hunsrück)", "Simmern-Rheinböllen"]
            page.get_by_role("radiogroup", name="Sozialraum").wait_for()
            klicks(page, srs, "Sozialraum", len(srs))  # every Sozialraum once (its first visit fills caches)
            erg["wegweiser"] = klicks(page, srs, "Sozialraum", wiederholungen)
            erg["last_wegweiser"] = last()
            anmelden(page)
            erg["netzwerk_seed"] = netzwerk_gezeichnet(page)
            erg["netzwerk_seed_knoten"] = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stIFrame"]')]
              .map(f => f.contentWindow).find(w => w.kitaNetz).kitaNetz.knoten.length""")
            erg["wachstum"] = abspielen(page)
            erg["last_netzwerk"] = last()
            ctx.close()

        with app("streamlit_app.py", {**basis, "KITANETZ_DATA_DIR": str(gross)}, tmp / "gross.log") as (url, _, _s):
            ctx, page = seite(browser)
            page.goto(url + "/")
            gezeigt(page, timeout=120_000)
            anmelden(page)
            netzwerk_gezeichnet(page)  # the first visit computes the analysis and the layout of this data set
            page.locator('[data-testid="stSidebar"]').get_by_role("link", name="Wegweiser", exact=True).click()
            gezeigt(page, timeout=120_000)
            erg["netzwerk_1000"] = netzwerk_gezeichnet(page)
            erg["netzwerk_1000_knoten"] = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stIFrame"]')]
              .map(f => f.contentWindow).find(w => w.kitaNetz).kitaNetz.knoten.length""")
            ctx.close()
        browser.close()
    erg["last_ende"] = last()
    return erg


def zusammenfassen(e: dict) -> dict:
    bilder = e["wachstum"]["bilder"]
    abstaende = [b["abstand"] for b in bilder if b["abstand"] is not None]
    return {
        "erste_seite": e["erste_seite"], "erste_seite_ab_start": e["erste_seite_ab_start"],
        "start_bis_bereit": e["start_bis_bereit"], "referenz_erste_seite": e["referenz_erste_seite"],
        "wegweiser_median": statistics.median(e["wegweiser"]), "wegweiser_p95": _p95(e["wegweiser"]),
        "referenz_median": statistics.median(e["referenz"]), "referenz_p95": _p95(e["referenz"]),
        "netzwerk_seed": e["netzwerk_seed"], "netzwerk_seed_knoten": e["netzwerk_seed_knoten"],
        "netzwerk_1000": e["netzwerk_1000"], "netzwerk_1000_knoten": e["netzwerk_1000_knoten"],
        "wachstum_bilder": len(bilder), "wachstum_zeichnen_max": max((b["zeichnen"] for b in bilder), default=0.0),
        "wachstum_abstand_max": max(abstaende, default=0.0),
        "wachstum_abstand_p95": _p95(abstaende) if abstaende else 0.0,
        "wachstum_abstand_mittel": statistics.mean(abstaende) if abstaende else 0.0,
        "wachstum_gesamt": e["wachstum"]["gesamt"], "wachstum_anfragen": e["wachstum"]["anfragen"],
        "wachstum_takt": e["wachstum"].get("takt", 0.25),
        "last": {k: v for k, v in e.items() if k.startswith("last_")},
    }


def main(argv: list[str] | None = None) -> int:
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--json", type=Path, help="Ergebnis als JSON hierhin schreiben")
    a.add_argument("--wiederholungen", type=int, default=20)
    args = a.parse_args(argv)
    if not os.path.exists(CHROMIUM):
        print(f"{CHROMIUM} fehlt – Browsermessungen übersprungen.", file=sys.stderr)
        return 0
    roh = messen(args.wiederholungen)
    z = zusammenfassen(roh)
    for k, v in z.items():
        print(f"{k:28s} {v if not isinstance(v, float) else round(v, 3)}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"zusammenfassung": z, "roh": roh}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
