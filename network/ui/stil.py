"""App-wide style for accessibility (BITV 2.0 / WCAG 2.1 AA), loaded once per run by ``streamlit_app.py``.

Only what Streamlit's theme cannot set: a clearly **visible keyboard focus** (WCAG 2.4.7). Streamlit shows the
focus of sidebar links as a faint grey background and of text fields as a 1-pixel border; here every focused
control gets a 3-pixel outline in the app's primary colour (contrast 6.6:1 on white). Form fields get the
outline on their visible frame (the element around the ``<input>``), where it is not clipped. Placeholder text
(„z. B. …“) is darkened to 5:1 on the grey field (Streamlit draws it at about 2:1).
The colours of text (captions at least 4.5:1) come from the theme in ``.streamlit/config.toml``.

It also declares the page's language: Streamlit's page says ``<html lang="en">``, the app speaks German (WCAG 3.1.1).

Both are static (no data inside); the CSS is a style-only ``st.html`` element, which takes no space on the page.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["FOKUS", "FOKUS_CSS", "SPRACHE_JS", "stil"]

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
input::placeholder, textarea::placeholder {{ color: #5c6370 !important; opacity: 1 !important; }}
label:has(input[type="checkbox"]:focus-visible), label:has(input[type="radio"]:focus-visible) {{
  outline: 3px solid {FOKUS} !important; outline-offset: 2px !important; border-radius: .25rem;
}}
</style>"""


#: Streamlit's page says ``<html lang="en">``; the app speaks German (WCAG 3.1.1 Language of Page), so screen
#: readers must read it as German. A static script without any data.
SPRACHE_JS = '<script>document.documentElement.lang = "de";</script>'


def stil() -> None:
    """Add the app-wide style and the page language to the current run."""
    st.html(FOKUS_CSS)
    st.html(SPRACHE_JS, unsafe_allow_javascript=True)
