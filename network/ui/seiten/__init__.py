"""The pages of the app: one module per page, named like the page and its URL path.

:mod:`~network.ui.seiten.wegweiser`, :mod:`~network.ui.seiten.vermittlung`, :mod:`~network.ui.seiten.netzwerk`,
:mod:`~network.ui.seiten.analyse`, :mod:`~network.ui.seiten.sozialraumkonzept`, :mod:`~network.ui.seiten.pflege`
(a package, split by task), :mod:`~network.ui.seiten.nutzer`, :mod:`~network.ui.seiten.protokoll` and
:mod:`~network.ui.seiten.anmelden`. Each has a ``seite()`` that starts with its guard
(:func:`network.ui.bausteine.sitzung.bewache`). A page imports building blocks (:mod:`network.ui.bausteine`) and the
domain packages, never another page; the list of pages is :data:`network.ui.bausteine.seitenpfad.SEITEN`.
"""
