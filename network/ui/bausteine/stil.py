"""App-wide style for accessibility (BITV 2.0 / WCAG 2.1 AA), loaded once per run by ``streamlit_app.py``.

Only what Streamlit's theme cannot set: a clearly **visible keyboard focus** (WCAG 2.4.7). Streamlit shows the
focus of sidebar links as a faint grey background and of text fields as a 1-pixel border; here every focused
control gets a 3-pixel outline in the app's primary colour (contrast 6.6:1 on white). Form fields get the
outline on their visible frame (the element around the ``<input>``), where it is not clipped. Placeholder text
(„z. B. …“) is darkened to 5:1 on the grey field (Streamlit draws it at about 2:1).
The colours of text (captions at least 4.5:1) come from the theme in ``.streamlit/config.toml``.

It also declares the page's language: Streamlit's page says ``<html lang="en">``, the app speaks German (WCAG 3.1.1),
hides Streamlit's ⋮ menu (Print, Record screen, „Made with Streamlit“: nothing staff need; the Druckliste has its
own print button), and puts Streamlit's own English words into German (:data:`DEUTSCH_JS`: the file uploader's
„Upload“ and „10MB per file“, „Select all“, file sizes like „220.0B“, a few labels of table tools).

Both are static (no data inside); the CSS is a style-only ``st.html`` element, which takes no space on the page.
"""

from __future__ import annotations

import json

import streamlit as st

__all__ = ["FOKUS", "FOKUS_CSS", "SPRACHE_JS", "DEUTSCH_JS", "WOERTER", "stil"]

#: The focus colour: the theme's primary colour.
FOKUS = "#1f5f8b"

FOKUS_CSS = f"""<style>
a:focus-visible, button:focus-visible, summary:focus-visible, [role="button"]:focus-visible,
[role="radio"]:focus-visible, [role="checkbox"]:focus-visible, [role="switch"]:focus-visible,
[role="slider"]:focus-visible, [role="tab"]:focus-visible, [role="option"]:focus-visible,
[tabindex]:not([tabindex="-1"]):not(input):not(textarea):focus-visible {{
  outline: 3px solid {FOKUS} !important; outline-offset: 2px !important;
}}
[data-testid="stMain"]:focus-visible {{ outline-offset: -3px !important; }}
div:has(> input:focus-visible):not([data-testid="stMultiSelectTagsContainer"]), div:has(> textarea:focus-visible),
[role="group"]:has(> [data-testid="stMultiSelectTagsContainer"] > input:focus-visible) {{
  outline: 3px solid {FOKUS} !important; outline-offset: 1px !important;
}}
[data-testid="stMainMenu"] {{ display: none !important; }}
input::placeholder, textarea::placeholder {{ color: #5c6370 !important; opacity: 1 !important; }}
label:has(input[type="checkbox"]:focus-visible), label:has(input[type="radio"]:focus-visible) {{
  outline: 3px solid {FOKUS} !important; outline-offset: 2px !important; border-radius: .25rem;
}}
</style>"""


#: Streamlit's page says ``<html lang="en">``; the app speaks German (WCAG 3.1.1 Language of Page), so screen
#: readers must read it as German. A static script without any data.
SPRACHE_JS = '<script>document.documentElement.lang = "de";</script>'


#: Streamlit's own English texts (whole text of an element) and their German words. Static: no data.
WOERTER = {
    "Upload": "Dateien auswählen", "Browse files": "Dateien auswählen", "Drag and drop files here":
    "Dateien hierher ziehen oder auswählen", "Select all": "Alle auswählen", "Deselect all": "Auswahl aufheben",
    "Clear all": "Alle entfernen", "No results": "Keine Treffer", "No options to select.": "Keine Auswahl möglich.",
    "Choose an option": "Bitte wählen", "Choose options": "Bitte wählen",
    "dd": "TT", "mm": "MM", "yyyy": "JJJJ",  # the empty segments of a date field
}
#: Attributes (accessible names, tooltips) of Streamlit's controls.
ATTRIBUTE = {
    "file upload": "Datei hochladen", "Download as CSV": "Als CSV herunterladen", "Search": "Suchen",
    "Fullscreen": "Vollbild", "Close fullscreen": "Vollbild schließen", "Remove": "Entfernen",
    "Clear all": "Alle entfernen", "Delete": "Löschen", "Open": "Öffnen", "Close": "Schließen",
}

#: A static script (no data inside) that puts those words into German wherever Streamlit draws them, also later
#: (a MutationObserver); „100MB per file • CSV, XLSX“ → „bis 100 MB je Datei · CSV, XLSX“, „220.0B“ → „220 Byte“,
#: „File must be 100.0MB or smaller.“ → „Die Datei ist zu groß: erlaubt sind höchstens 100 MB je Datei.“
#: The one decimal point this script turns into a comma (``zahl``) is in the numbers Streamlit's own file uploader
#: writes in the browser (file sizes and the server's limit): they never pass through Python, so the German rule of
#: :mod:`network.grund.format` cannot write them. Every number the app itself shows is formatted there.
DEUTSCH_JS = """<script>
(() => {
  if (window.__kitanetzDeutsch) return;
  window.__kitanetzDeutsch = true;
  const W = %s, A = %s;
  const zahl = (x) => x.replace(".", ",").replace(/,0$/, "");
  const R = [
    [/^(\\d+(?:\\.\\d+)?)\\s?MB per file(?: • (.+))?$/,
     (m, n, t) => "bis " + zahl(n) + " MB je Datei" + (t ? " · " + t : "")],
    [/^(\\d+(?:\\.\\d+)?)\\s?(B|KB|MB|GB)$/, (m, n, e) => zahl(n) + " " + (e === "B" ? "Byte" : e)],
    // the browser's own refusal of a file over the server's limit (Streamlit checks before sending)
    [/^File must be (\\d+(?:\\.\\d+)?)\\s?(B|KB|MB|GB) or smaller\\.?$/,
     (m, n, e) => "Die Datei ist zu groß: erlaubt sind höchstens " + zahl(n) + " " + e + " je Datei."],
    [/^(.+) files are not allowed\\.?$/, (m, t) => "Dateien vom Typ " + t + " sind hier nicht erlaubt."],
  ];
  const text = (n) => {
    const t = n.nodeValue, s = t.trim();
    if (!s) return;
    if (Object.prototype.hasOwnProperty.call(W, s)) { n.nodeValue = t.replace(s, W[s]); return; }
    for (const [re, f] of R) if (re.test(s)) { n.nodeValue = t.replace(s, s.replace(re, f)); return; }
  };
  const AR = [[/^Help for (.+)$/, "Hilfe zu $1"], [/^day, (.+)$/, "Tag, $1"], [/^month, (.+)$/, "Monat, $1"],
              [/^year, (.+)$/, "Jahr, $1"]];
  const el = (e) => {
    // a wide table scrolls sideways in its box: the box must be reachable by keyboard (WCAG 2.1.1, axe
    // scrollable-region-focusable), and it is named for screen readers
    if (e.tagName === "DIV" && e.parentElement && e.parentElement.getAttribute("data-testid") === "stTable"
        && !e.hasAttribute("tabindex")) {
      e.setAttribute("tabindex", "0");
      e.setAttribute("role", "region");
      e.setAttribute("aria-label", "Tabelle, mit den Pfeiltasten seitlich verschiebbar");
    }
    for (const a of ["aria-label", "title", "placeholder"]) {
      const v = e.getAttribute && e.getAttribute(a);
      if (!v) continue;
      if (Object.prototype.hasOwnProperty.call(A, v)) { e.setAttribute(a, A[v]); continue; }
      for (const [re, z] of AR) if (re.test(v)) { e.setAttribute(a, v.replace(re, z)); break; }
    }
  };
  const walk = (root) => {
    if (root.nodeType === 3) { text(root); return; }
    if (root.nodeType !== 1) return;
    el(root);
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let n;
    while ((n = w.nextNode())) { if (n.nodeType === 3) text(n); else el(n); }
  };
  new MutationObserver((ms) => {
    for (const m of ms) {
      if (m.type === "characterData") text(m.target);
      else if (m.type === "attributes") el(m.target);
      else m.addedNodes.forEach(walk);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ["aria-label", "title", "placeholder"]});
  walk(document.body);
})();
</script>"""


def _js() -> str:
    return DEUTSCH_JS % (json.dumps(WOERTER, ensure_ascii=False), json.dumps(ATTRIBUTE, ensure_ascii=False))


def stil() -> None:
    """Add the app-wide style, the page language and the German words for Streamlit's own texts to the run."""
    st.html(FOKUS_CSS)
    st.html(SPRACHE_JS, unsafe_allow_javascript=True)
    st.html(_js(), unsafe_allow_javascript=True)
