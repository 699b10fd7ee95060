"""Accessibility (BITV 2.0 / WCAG 2.1 AA): axe-core 4.14.1 on every page in every role.

For each role the test can sign in as, it opens every page linked in the sidebar (and, for the public, the pages
it may not open: the refusal), lets the page settle, opens every expander of the main area (so their content is
checked too) and runs axe-core with the WCAG 2.0/2.1 A and AA rules in the page and in each frame (the network
frame, the print button). A few pages get extra states (the Wegweiser's map, print list and Kita view). The test
fails on any violation of impact "serious" or "critical"; the full report of all violations (minor and moderate
too, and what axe could not decide: "incomplete") goes to ``test-artifacts/axe/<rolle>-<seite>.json``.

A violation in Streamlit's own markup that the app cannot change is excluded only for that rule and selector,
in :data:`AUSNAHMEN` – with the reason, and listed in docs/barrierefreiheit.md under „bekannte Abweichungen“.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlparse

import pytest
from a11y_hilfen import AXE_BERICHTE, AXE_VERSION, WCAG_TAGS, als, axe_fehlt, axe_pruefen, beruhigt
from browser_hilfen import GEMALT, zur_seite

pytestmark = pytest.mark.browser

ROLLEN = ("oeffentlich", "fachkraft", "koordination")
SCHWER = ("serious", "critical")

#: Known deviations in Streamlit's own markup: exactly one rule on exactly one kind of element, with the reason.
#: Keep in step with docs/barrierefreiheit.md („Bekannte Abweichungen“).
AUSNAHMEN: list[dict] = []

#: Further states of a page worth checking: (name suffix, how to get there by clicking).
ZUSTAENDE = {
    "wegweiser": (
        ("karte", lambda page: page.get_by_role("radio", name=re.compile("Karte")).click()),
        ("druckliste", lambda page: page.get_by_role("radio", name=re.compile("Druckliste")).click()),
        ("kitas", lambda page: (page.get_by_role("radio", name=re.compile(r"(^|\s)Liste$")).click(), beruhigt(page),
                                page.get_by_role("radio", name="Kitas", exact=True).click())),
    ),
}


@pytest.fixture(scope="module", autouse=True)
def _axe_da():
    grund = axe_fehlt()
    if grund:
        pytest.skip(grund)
    AXE_BERICHTE.mkdir(parents=True, exist_ok=True)


def sidebar_seiten(page) -> list[tuple[str, str]]:
    """The app's pages linked in the sidebar, in menu order: ``[(link name, URL path), …]`` (once the menu is drawn)."""
    page.locator('[data-testid="stSidebar"] [data-testid="stPageLink"]').first.wait_for(timeout=30_000)
    links = page.locator('[data-testid="stSidebar"] a[href]').evaluate_all("""as => as.map(a => {
        const k = a.cloneNode(true);
        k.querySelectorAll('[aria-hidden="true"], [data-testid="stIconMaterial"]').forEach(x => x.remove());
        return [k.textContent.replace(/\\s+/g, ' ').trim(), new URL(a.href, location.href).href]; })""")
    basis = urlparse(page.app_url).netloc
    out = []
    for name, href in links:
        u = urlparse(href)
        if u.netloc == basis and re.fullmatch(r"/?[a-z0-9_-]*", u.path) and name:
            out.append((name, u.path.strip("/") or "wegweiser"))
    return out


def alle_pfade() -> list[str]:
    """Every page path of the app (also those a role does not see)."""
    from network.ui.app import SEITEN

    return [pfad for _, pfad, *_ in SEITEN.values()]


def expander_oeffnen(page, hoechstens: int = 12) -> int:
    """Open the closed expanders of the main area (their content is then checked too)."""
    n = page.evaluate("""(max) => {
      const zu = [...document.querySelectorAll('[data-testid="stMain"] details:not([open]) > summary')].slice(0, max);
      zu.forEach(s => { s.parentElement.dataset.kitaAufgeklappt = '1'; s.click(); });
      return zu.length; }""", hoechstens)
    if n:  # until each one is open with its content drawn
        page.wait_for_function("""() => [...document.querySelectorAll('details[data-kita-aufgeklappt]')]
            .every(d => d.open && d.children.length > 1)""")
        page.evaluate(GEMALT)
    return n


def pruefen(page, rolle: str, name: str) -> dict:
    """axe on the settled page; writes the report, returns it."""
    beruhigt(page)
    expander_oeffnen(page)
    beruhigt(page)
    rahmen = axe_pruefen(page, AUSNAHMEN)
    zaehlung = Counter(v["impact"] for r in rahmen for v in r["violations"] for _ in v["nodes"])
    bericht = {"rolle": rolle, "seite": name, "url": page.url, "axe": rahmen[0]["axe"], "standard": WCAG_TAGS,
               "verstoesse_nach_auswirkung": dict(zaehlung),
               "ausgenommen": sum(len(r["ausgenommen"]) for r in rahmen), "rahmen": rahmen}
    assert bericht["axe"] == AXE_VERSION
    (AXE_BERICHTE / f"{rolle}-{name}.json").write_text(json.dumps(bericht, ensure_ascii=False, indent=1),
                                                      encoding="utf-8")
    return bericht


def schwere(bericht: dict) -> list[str]:
    return [f"{bericht['rolle']}-{bericht['seite']} ({r['rahmen']}): [{v['impact']}] {v['id']} – {v['help']} – "
            + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
            for r in bericht["rahmen"] for v in r["violations"] if v["impact"] in SCHWER]


@pytest.mark.parametrize("rolle", ROLLEN)
def test_axe_auf_allen_seiten_der_rolle(seite, rolle):
    page = seite
    als(page, rolle)
    seiten = sidebar_seiten(page)
    assert ("Wegweiser", "wegweiser") in seiten, f"Der Wegweiser fehlt im Menü: {seiten}"
    fehler, gesehen = [], []
    for name, pfad in seiten:
        zur_seite(page, name)
        for zusatz, hin in (("", None), *ZUSTAENDE.get(pfad, ())):
            if hin:
                hin(page)
            bericht = pruefen(page, rolle, pfad + (f"-{zusatz}" if zusatz else ""))
            gesehen.append(bericht["seite"])
            fehler += schwere(bericht)
    if rolle == "oeffentlich":  # the pages the public may not open: the refusal must be accessible, too
        for pfad in alle_pfade():
            if pfad not in {p for _, p in seiten}:
                page.goto(f"{page.app_url}/{pfad}")
                bericht = pruefen(page, rolle, f"{pfad}-verweigert")
                gesehen.append(bericht["seite"])
                fehler += schwere(bericht)
    print(f"{rolle}: {len(gesehen)} Seiten/Zustände geprüft: {', '.join(gesehen)}")
    assert len(gesehen) >= len(seiten)
    assert not fehler, "axe-core meldet schwere Verstöße:\n" + "\n".join(fehler)


def test_axe_findet_verstoesse_wo_welche_sind(seite):
    """The harness itself: on a page with known faults axe reports them (so an empty report means something)."""
    page = seite
    page.set_content('<html><head><title>Test</title></head><body><main><h1>Test</h1>'
                     '<input type="text"><p style="color:#bbb;background:#fff">blass</p>'
                     '<svg role="img" width="10" height="10"></svg></main></body></html>')
    [r] = axe_pruefen(page, [])
    gefunden = {v["id"]: v["impact"] for v in r["violations"]}
    assert gefunden.get("label") == "critical" and gefunden.get("color-contrast") == "serious", gefunden
    assert "svg-img-alt" in gefunden and "html-has-lang" in gefunden, gefunden
    [r] = axe_pruefen(page, [{"regel": "label", "selektor": "input", "grund": "Test"}])
    assert "label" not in {v["id"] for v in r["violations"]} and r["ausgenommen"][0]["regel"] == "label"


_DIAGRAMMTEXT = """() => {
  const lum = (rgb) => { const [r, g, b] = rgb.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const out = [];
  document.querySelectorAll('[data-testid="stVegaLiteChart"] svg g[class*="role-axis"] text, ' +
                            '[data-testid="stVegaLiteChart"] svg g[class*="role-legend"] text').forEach(t => {
    const fill = getComputedStyle(t).fill;
    if (!t.textContent.trim() || !fill.startsWith('rgb')) return;
    out.push({text: t.textContent.trim(), fill, kontrast: 1.05 / (lum(fill) + 0.05)});
  });
  return out;
}"""


@pytest.mark.parametrize(("seite_name", "rolle"), [("Analyse", "koordination"), ("Netzwerk", "fachkraft"),
                                                   ("Sozialraumkonzept", "koordination"), ("Wegweiser", "oeffentlich")])
def test_diagrammbeschriftungen_kontrastreich(seite, seite_name, rolle):
    """Axis and legend labels of the charts (SVG text, which axe-core does not check for contrast): at least 4.5:1
    on the white page."""
    from a11y_hilfen import oeffnen

    page = seite
    oeffnen(page, seite_name, rolle)
    if seite_name == "Wegweiser":
        page.get_by_role("radio", name=re.compile("Karte")).click()
        beruhigt(page)
    # Vega draws a chart after the run has ended (a grey placeholder until then): wait for its labels
    page.locator('[data-testid="stVegaLiteChart"] svg g[class*="role-axis"] text, '
                 '[data-testid="stVegaLiteChart"] svg g[class*="role-legend"] text').first.wait_for(timeout=30_000)
    texte = page.evaluate(_DIAGRAMMTEXT)
    assert texte, f"{seite_name}: keine Achsen- oder Legendenbeschriftung gefunden"
    blass = [t for t in texte if t["kontrast"] < 4.5]
    assert not blass, f"{seite_name}: zu blasse Beschriftung: {blass[:5]}"
