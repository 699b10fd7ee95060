"""The building blocks the pages share: data and caches, the session, formats, the map, the network frame.

- data and caches: :mod:`~.daten` (the store, the data of this version, the directory), :mod:`~.rechnen` (the
  analysis, cached), :mod:`~.vorwaermen` (filled at server start), :mod:`~.netzlayout` (the Netzwerk drawing);
- the session and the server: :mod:`~.sitzung` (sign-in, page guard), :mod:`~.routen` (cookie routes),
  :mod:`~.server` (middleware), :mod:`~.seitenpfad` (the page table and unknown addresses);
- what the pages show: :mod:`~.text` (Markdown escaping), :mod:`~.eingabe` (German numbers in forms),
  :mod:`~.adresse` (filters in the URL), :mod:`~.karte`, :mod:`~.netzrahmen`, :mod:`~.stil`, :mod:`~.begriffe`
  (plain-German terms and field labels), :mod:`~.zeitachse` (quarters on the sliders), :mod:`~.pruefliste` (the
  review list shown on the page Pflege).

A building block never imports a page (:mod:`network.ui.seiten`) or the app frame.
"""
