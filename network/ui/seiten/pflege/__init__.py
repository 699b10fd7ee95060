"""Page „Pflege“: data upkeep by role.

- **Koordination** (``daten:schreiben``): forms add, change and retire Kitas, Angebote and Kooperationen through
  :mod:`network.pflege` (the import's validation, one transaction per change); proposals of Fachkräfte are taken
  over or rejected (:mod:`network.vorschlag`); uploads are checked in a dry run before anything is written; the
  export offers the import format as CSV (zip) and Excel; the review list (:mod:`network.ui.bausteine.pruefliste`).
- **Fachkraft**: the Kooperationen of the Kitas assigned to her (``kooperation:schreiben``), and a form to
  propose a new Angebot (``angebot:vorschlagen``) with the list of her proposals.

The page guard and every write function check the role (:mod:`network.zugang`); the audit trail names the
signed-in user.

Split by task: :mod:`.formulare` (the forms), :mod:`.dateien` (upload and export; the formats are read and
written by :mod:`network.austausch`), :mod:`.vorschlaege` (proposals); this module is the page with its sections.
"""

from __future__ import annotations

import streamlit as st

from ....zugang import Nutzer, darf
from ...bausteine import daten as D
from ...bausteine import sitzung
from ...bausteine.pruefliste import pruefliste
from ...bausteine.text import md
from .dateien import exportieren, fehler_tabelle, importieren, probelauf
from .formulare import GRUPPEN, aus_formular, eigene_kitas, formular, in_formular
from .vorschlaege import vorschlaege, vorschlag_formular

__all__ = ["seite", "bereiche", "GRUPPEN", "in_formular", "aus_formular", "fehler_tabelle", "probelauf"]

BEREICHE = ("Kitas", "Angebote", "Kooperationen", "Vorschläge", "Import", "Export")
#: The sections of a Fachkraft (no ``daten:schreiben``).
BEREICHE_FACHKRAFT = ("Kooperationen", "Angebot vorschlagen")


def bereiche(n: Nutzer) -> tuple[str, ...]:
    """The sections of the page for ``n``'s rights (decided by :func:`network.zugang.darf` alone)."""
    if darf(n, "daten:schreiben"):
        return BEREICHE
    return tuple(b for b, recht in zip(BEREICHE_FACHKRAFT, ("kooperation:schreiben", "angebot:vorschlagen"))
                 if darf(n, recht))


def seite() -> None:
    n = sitzung.bewache("Pflege")
    st.title("Pflege", anchor=False)
    d = D.daten()
    koordination = darf(n, "daten:schreiben")
    if koordination:
        st.caption("Kitas, Angebote und Kooperationen anlegen, ändern und beenden; Vorschläge übernehmen; Import "
                   "und Export. Bitte keine Daten über Familien oder Kinder eintragen.")
    else:
        st.caption("Die Kooperationen Ihrer Kitas pflegen und neue Angebote vorschlagen. Bitte keine Daten über "
                   "Familien oder Kinder eintragen.")
    wahl = bereiche(n)
    if st.session_state.get("pf_bereich") not in wahl:
        st.session_state["pf_bereich"] = wahl[0]
    st.segmented_control("Bereich", wahl, key="pf_bereich", required=True)
    if koordination:
        c2, _ = st.columns([3, 3], vertical_alignment="bottom")
        c2.text_input("Prüfende Stelle (für „geprüft von“)", key="pf_stelle",
                      placeholder="eine Stelle, keine Person – z. B. Kreisjugendamt")
        pruefliste()  # entries due for review: network/ui/bausteine/pruefliste.py
    bereich = st.session_state.get("pf_bereich") or wahl[0]
    if bereich == "Import":
        importieren()
    elif bereich == "Export":
        exportieren(d)
    elif bereich == "Vorschläge":
        vorschlaege(d, n)
    elif bereich == "Angebot vorschlagen":
        vorschlag_formular(d, n)
    else:
        datei = {"Kitas": "kitas", "Angebote": "angebote", "Kooperationen": "kooperationen"}[bereich]
        st.header(bereich, anchor=False)
        eigene = eigene_kitas(d, n)
        if datei == "kooperationen" and eigene is not None:
            if not eigene:
                st.info("Ihrem Konto sind keine Kitas zugeordnet. Die Koordination kann das nachholen (Seite "
                        "Nutzer: Fachkraft zuordnen; bei der Kita: Fachkraft der Kita-Sozialarbeit).",
                        icon=":material/info:")
                return
            namen = sorted(k.get("name") or k["id"] for k in d.kitas if k["id"] in eigene)
            st.caption(md("Ihre Kitas: " + ", ".join(namen)))
        formular(d, datei, eigene)
