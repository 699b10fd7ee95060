"""The Streamlit app of Kita-Netzwerk: pages, the network frame, and the helpers they share.

``streamlit_app.py`` only calls :func:`network.ui.app.main`. Each page is one module with a ``seite()``
function: :mod:`~network.ui.wegweiser`, :mod:`~network.ui.netzwerk`, :mod:`~network.ui.auswertung` (the page
"Analyse") and :mod:`~network.ui.pflege`. Pure logic without Streamlit (search, directory filters, the HTML of
the network frame, the password hash) lives in its own modules so it can be tested on its own.
"""
