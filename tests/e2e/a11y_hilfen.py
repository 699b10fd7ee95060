"""Helpers of the accessibility tests (axe-core, keyboard): a settled page, axe in every frame, the focus.

axe-core comes from the npm registry into the project (``make test`` runs ``npm install --prefix .venv/npm
axe-core@4.14.1``); it is injected from that file with ``add_script_tag(path=…)``, never from a CDN.
"""

from __future__ import annotations

import json

from browser_hilfen import GEMALT, LAUF_VORBEI, ROOT, anmelden, nach_marke, ruhig, zur_seite

AXE_VERSION = "4.14.1"
AXE_ORDNER = ROOT / ".venv" / "npm" / "node_modules" / "axe-core"
AXE_JS = AXE_ORDNER / "axe.min.js"
#: WCAG 2.0 and 2.1, levels A and AA: what BITV 2.0 requires (via EN 301 549).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_BERICHTE = ROOT / "test-artifacts" / "axe"


def axe_fehlt() -> str | None:
    """Why axe-core cannot run (a reason for ``pytest.skip``), or ``None``."""
    paket = AXE_ORDNER / "package.json"
    if not AXE_JS.is_file() or not paket.is_file():
        return (f"axe-core {AXE_VERSION} fehlt in {AXE_ORDNER.relative_to(ROOT)} – `make test` installiert es mit npm "
                "(Node.js/npm nötig).")
    version = json.loads(paket.read_text(encoding="utf-8")).get("version")
    if version != AXE_VERSION:
        return f"axe-core {version} statt {AXE_VERSION} in {AXE_ORDNER.relative_to(ROOT)} – `make test` erneuert es."
    return None


def beruhigt(page, timeout: int = 60_000, seit: int | None = None) -> None:
    """Wait until the page has settled: Streamlit's script run is over, its "running" indicator and every spinner
    are gone, the main content is drawn (its ``h1``, or the message of a refused page), every chart shown has
    drawn and every frame has loaded (no fixed pause: see :func:`browser_hilfen.fertig`). With ``seit`` (from
    :func:`browser_hilfen.marke`), first wait until a run asked for after that point has been sent."""
    if seit is not None:
        nach_marke(page, seit, timeout)
    ruhig(page, LAUF_VORBEI, timeout)
    page.wait_for_function("""() => {
      if (document.querySelector('[data-testid="stStatusWidget"], [data-testid="stSpinner"]')) return false;
      if (!document.querySelector('[data-testid="stMain"] h1, [data-testid="stMain"] [data-testid="stAlert"]'))
        return false;
      for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]'))  // shown ones (not in a hidden tab)
        if (c.getClientRects().length && c.getBoundingClientRect().height > 0 && !c.querySelector('svg, canvas'))
          return false;
      for (const f of document.querySelectorAll('[data-testid="stIFrame"]')) {
        try { if (!f.contentDocument || f.contentDocument.readyState !== 'complete') return false; } catch (e) {}
      }
      return true;
    }""", timeout=timeout)
    page.evaluate(GEMALT)


def aufgeklappt(page) -> None:
    """Wait until the expander whose summary has the focus is open and its content drawn – a data grid inside
    mounts after the expander opens: until its canvas is there, Tab would pass it by."""
    page.wait_for_function("""() => { const e = document.activeElement;
        if (!(e && e.tagName === 'SUMMARY' && e.parentElement.open && e.parentElement.children.length > 1))
          return false;
        return [...e.parentElement.querySelectorAll('[data-testid="stDataFrame"]')].every(t => t.querySelector('canvas'));
      }""")
    page.evaluate(GEMALT)


_AXE_RUN = """async ([tags, ausnahmen]) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes: false,
                                     resultTypes: ['violations', 'incomplete']});
  const ausgenommen = [];
  for (const v of r.violations) {
    v.nodes = v.nodes.filter(n => {
      let el = null;
      try { el = document.querySelector(n.target[n.target.length - 1]); } catch (e) {}
      const a = ausnahmen.find(a => a.regel === v.id && el && el.closest(a.selektor));
      if (a) { ausgenommen.push({regel: v.id, impact: v.impact, target: n.target, html: n.html, grund: a.grund}); }
      return !a;
    });
  }
  const knapp = (v) => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary}))});
  return {url: location.href, titel: document.title, axe: r.testEngine.version,
          violations: r.violations.filter(v => v.nodes.length).map(knapp),
          incomplete: r.incomplete.map(knapp), ausgenommen};
}"""


def axe_pruefen(page, ausnahmen: list[dict]) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA) in the page and in each of its frames (the network frame, the print
    button): one result per frame. ``ausnahmen`` (``{"regel", "selektor", "grund"}``) drop exactly those nodes of
    exactly that rule; they are kept in the result under ``ausgenommen``."""
    ergebnisse = []
    for frame in page.frames:
        if frame != page.main_frame and frame.is_detached():
            continue
        frame.add_script_tag(path=str(AXE_JS))
        r = frame.evaluate(_AXE_RUN, [WCAG_TAGS, ausnahmen])
        r["rahmen"] = "Seite" if frame == page.main_frame else f"Rahmen {frame.name or frame.url}"
        ergebnisse.append(r)
    return ergebnisse


#: JavaScript: what has the focus, and whether the focus is visible (an outline or a box-shadow on the element,
#: for form fields on the frame drawn around them).
FOKUS_JS = """() => {
  let e = document.activeElement;
  while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
  if (!e || e === document.body) return null;
  const sichtbar = (x) => { const cs = getComputedStyle(x);
    return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow && cs.boxShadow !== 'none'); };
  let zeigt = sichtbar(e);
  if (!zeigt && ['INPUT', 'TEXTAREA'].includes(e.tagName)) {
    for (let x = e.parentElement, i = 0; x && i < 3 && !zeigt; x = x.parentElement, i++) zeigt = sichtbar(x);
  }
  const text = (x) => { const k = x.cloneNode(true);  // the text without icons (aria-hidden)
    k.querySelectorAll('[aria-hidden="true"]').forEach(h => h.remove()); return k.textContent; };
  const label = e.getAttribute('aria-label') || (e.labels && e.labels[0] && text(e.labels[0])) || '';
  const details = e.closest('details');
  return {tag: e.tagName, rolle: e.getAttribute('role') || '', typ: e.getAttribute('type') || '',
          name: (label || text(e) || e.value || '').replace(/\\s+/g, ' ').trim().slice(0, 200),
          in_aufklapper: details ? text(details.querySelector('summary')).replace(/\\s+/g, ' ').trim() : '',
          href: e.getAttribute('href') || '', testid: (e.closest('[data-testid]') || {}).dataset?.testid || '',
          gedrueckt: e.getAttribute('aria-checked') || e.getAttribute('aria-pressed') || '',
          offen: e.tagName === 'SUMMARY' ? e.parentElement.open : null, sichtbar: zeigt};
}"""


def fokus(page) -> dict | None:
    """What has the keyboard focus (see :data:`FOKUS_JS`); inside a frame (``im_rahmen``: True) if it is there."""
    f = page.evaluate(FOKUS_JS)
    if f and f["tag"] == "IFRAME":
        for frame in page.frames:
            if frame != page.main_frame and not frame.is_detached():
                g = frame.evaluate(FOKUS_JS)
                if g:
                    return {**g, "im_rahmen": True}
    return f


def als(page, rolle: str) -> None:
    """Start a fresh session on the Wegweiser and, unless ``rolle`` is the public, sign in with the test account
    of that role (``browser_hilfen.KONTEN``, created by the test server). Afterwards open pages only by clicking
    (:func:`browser_hilfen.zur_seite`): a new URL would start a new session, signed out."""
    page.context.clear_cookies()  # a sign-in survives a reload (its cookie): a fresh session starts without it
    page.goto(page.app_url + "/")
    beruhigt(page)
    if rolle != "oeffentlich":
        anmelden(page, rolle)
        beruhigt(page)


def oeffnen(page, seite: str, rolle: str) -> None:
    """Open the page named ``seite`` (its sidebar link) as ``rolle``."""
    als(page, rolle)
    if seite != "Wegweiser":
        zur_seite(page, seite)
    beruhigt(page)


def tab_bis(page, passt, max_schritte: int = 80, rueckwaerts: bool = False) -> tuple[dict, list[dict]]:
    """Press Tab (or Shift+Tab) until ``passt(fokus)`` holds; every focused element on the way must show its
    focus. Returns the element found and the path to it."""
    weg = []
    for _ in range(max_schritte):
        page.keyboard.press("Shift+Tab" if rueckwaerts else "Tab")  # the focus moves while the key is handled
        f = fokus(page)
        if f is None:
            continue
        weg.append(f)
        assert f["sichtbar"], f"Fokus nicht sichtbar auf {f}"
        if passt(f):
            return f, weg
    raise AssertionError(f"Nach {max_schritte} Tabs nicht erreicht; Weg: {[w['name'][:40] for w in weg]}")
