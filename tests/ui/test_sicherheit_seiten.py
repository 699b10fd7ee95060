"""Issue 17 on the pages: the Wegweiser's search text stays out of the address unless the user asks (filters stay
shareable), and unknown page paths never reach Streamlit's English "Page not found"."""

from __future__ import annotations

from ui_hilfen import seite

from network.ui.app import SEITEN
from network.ui.bausteine.seitenpfad import hinweis, zielseite


def _wegweiser():
    at = seite("wegweiser", als=None).run()
    assert not at.exception
    return at


def test_search_text_stays_out_of_the_address(datenordner):
    at = _wegweiser()
    at.text_input(key="w_q").input("familienberatung").run()
    at.multiselect(key="w_thema").set_value(["fruehe-hilfen"]).run()
    qp = dict(at.query_params)
    assert "thema" in qp  # filters are still shareable
    assert "q" not in qp and "familienberatung" not in str(qp)


def test_search_text_goes_into_the_link_when_asked(datenordner):
    at = _wegweiser()
    at.text_input(key="w_q").input("familienberatung").run()
    at.checkbox(key="w_q_teilen").check().run()
    assert dict(at.query_params).get("q") in ("familienberatung", ["familienberatung"])
    at.checkbox(key="w_q_teilen").uncheck().run()
    assert "q" not in dict(at.query_params)


def test_a_shared_link_with_search_text_keeps_it(datenordner):
    at = seite("wegweiser", als=None)
    at.query_params["q"] = "beratung"
    at.run()
    assert at.text_input(key="w_q").value == "beratung" and at.checkbox(key="w_q_teilen").value is True
    assert dict(at.query_params).get("q") in ("beratung", ["beratung"])


PFADE = [pfad for _, pfad in SEITEN.values()]


def test_page_paths_in_other_case_open_the_page():
    for pfad in PFADE:
        assert zielseite(pfad.upper(), PFADE) == (pfad, False)
        assert zielseite(pfad.capitalize(), PFADE) == (pfad, False)
        assert zielseite(pfad, PFADE) == (pfad, False)


def test_unknown_paths_open_the_default_page_with_a_german_notice():
    for pfad in ("analyse;x", "nutzer.json", "gibt-es-nicht", "analyse/x", "%00", "<script>"):
        assert zielseite(pfad, PFADE) == ("", True)
    assert zielseite("", PFADE) == (None, False) and zielseite(None, PFADE) == (None, False)
    assert hinweis("x" * 200).endswith("…“ gibt es nicht; Sie sehen den Wegweiser.")
