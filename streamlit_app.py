"""Kita-Netzwerk: the Streamlit app (`make run`). The pages live in network/ui/.

``streamlit run streamlit_app.py`` finds ``app`` (an ``st.App``) and serves it: the app itself plus two small
routes that set and delete the sign-in cookie (``network/ui/bausteine/routen.py``, docs/zugang.md). Streamlit then runs
this file as the script of every session (``__name__ == "__main__"``), which draws the pages.
"""

import streamlit as st

from network.ui.bausteine.routen import ROUTEN
from network.ui.bausteine.server import middleware

app = st.App(__file__, routes=ROUTEN, middleware=middleware())  # middleware: no anonymous /_stcore/metrics

if __name__ != "__main__":  # the server imports this file once at start: fill the first page's caches now
    from network.ui.bausteine.vorwaermen import starten

    starten()

if __name__ == "__main__":
    from network.ui.app import main
    from network.ui.bausteine.stil import stil

    stil()  # app-wide CSS for accessibility: visible keyboard focus (docs/barrierefreiheit.md)
    main()
