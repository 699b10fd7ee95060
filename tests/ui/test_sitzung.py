"""Staying signed in, warned before the end (issue 15, point 4): the page side in AppTest. The cookie and the
reload are tested in a real browser (tests/e2e/test_sitzung_browser.py)."""

from __future__ import annotations

import time

from ui_hilfen import FACHKRAFT, klartext, seite, texte

from network.ui.bausteine import sitzung


def test_warnung_text_und_knopf(datenordner):
    from streamlit.testing.v1 import AppTest

    def skript() -> None:
        import time as t

        import streamlit as st

        from network.ui.bausteine import sitzung

        if "erster" not in st.session_state:  # the first run: 26 minutes without activity
            st.session_state["erster"] = True
            st.session_state[sitzung.ZULETZT] = t.time() - 26 * 60
        st.fragment(sitzung.ablauf_warnung)()

    at = AppTest.from_function(skript)
    at.session_state["nutzer"] = FACHKRAFT
    at.run()
    warnung = [klartext(w.value) for w in at.warning]
    assert warnung and "Ihre Anmeldung endet in 4 Minuten" in warnung[0], warnung
    knopf = at.button(key="sitzung_verlaengern")
    assert knopf.label == "Angemeldet bleiben"
    knopf.click().run()
    assert not at.warning  # 30 minutes again
    assert sitzung.ABLAUF_MINUTEN * 60 - 5 < at.session_state[sitzung.ZULETZT] + sitzung.ABLAUF_MINUTEN * 60 \
        - time.time() <= sitzung.ABLAUF_MINUTEN * 60


def test_ohne_warnung_solange_zeit_ist(datenordner):
    at = seite("anmelden", als=FACHKRAFT).run()
    assert "Sie bleiben angemeldet, auch wenn Sie die Seite neu laden" in texte(at)
    assert [b.label for b in at.button if b.key in ("an_abmelden", "an_ueberall")] == ["Abmelden",
                                                                                      "Überall abmelden"]
    assert not [w for w in at.warning if "Anmeldung endet" in w.value]


def test_abgelaufen_meldet_ab(datenordner):
    at = seite("anmelden", als=FACHKRAFT)
    at.session_state[sitzung.ZULETZT] = time.time() - 31 * 60
    at.run()
    assert "nutzer" not in at.session_state or at.session_state["nutzer"] is None
    assert [b for b in at.button if b.label == "Anmelden"]
