"""The Streamlit app of Kita-Netzwerk: the app frame, the pages and the building blocks they share.

``streamlit_app.py`` only calls :func:`network.ui.app.main` (navigation by role, error handling).

- :mod:`network.ui.seiten` – one module per page, named like the page and its URL path (``/analyse`` is
  :mod:`network.ui.seiten.analyse`); a page never imports another page.
- :mod:`network.ui.bausteine` – what pages share: data and caches, the session, formats, map, network frame.

Domain logic without Streamlit lives below the UI: the directory and its search in :mod:`network.verzeichnis`,
the German formats and the domain rules in :mod:`network.grund`.
"""
