"""The HTML of the network frame: vis-network, inlined, driven only by JSON.

Why not pyvis' own template: pyvis 0.3.2 loads Bootstrap from a CDN even with in-line resources, writes node
tooltips into ``innerHTML`` as soon as one contains ``href`` (an XSS path) and puts its heading and select menu
into the page unescaped. The frame of :func:`netz_html` is built differently:

- **Offline.** The only script is ``vis-network.min.js`` 9.1.2, read from the installed pyvis package and inlined;
  no CDN, no web fonts (system fonts), no images from elsewhere.
- **Data only as JSON.** Nodes and edges travel in ``<script type="application/json">``; every ``<``, ``>`` and
  ``&`` in it is written as a ``\\u00XX`` escape, so no text from the data can close the element or open a tag.
  The script reads it with ``JSON.parse(element.textContent)``. The template has no other placeholder.
- **Text stays text.** Labels are drawn on the canvas; tooltips are ``div`` elements filled with ``innerText``;
  headings and counts are set with ``textContent``. Nothing from the data reaches ``innerHTML``.

The frame shows the network on the Stichtag and can play its growth quarter by quarter since 2021 without a
round trip to the server: every node and edge carries its validity (``ab``/``bis``) and the script filters a
``vis.DataView`` by the day shown. Positions are computed on the server (no physics in the browser), so 500+
nodes stay usable and nothing moves while it plays.

Examples
--------
>>> html = netz_html({"knoten": [{"id": "k1", "label": "</script><img src=x onerror=alert(1)>"}], "kanten": []})
>>> "<img" in html, "\\\\u003c/script\\\\u003e\\\\u003cimg" in html
(False, True)
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from ...errors import KitaNetzFehler

__all__ = ["netz_html", "json_fuer_html", "vis_js", "FORMEN", "FARBEN", "TYPEN"]

#: Node types in legend order: Vega/vis shape and colour (Okabe–Ito, colour-blind-safe).
TYPEN = ("Kita", "Beratung", "Unterstützung", "Freizeit")
FORMEN = {"Kita": "dot", "Beratung": "square", "Unterstützung": "triangle", "Freizeit": "diamond"}
FARBEN = {"Kita": "#0072B2", "Beratung": "#D55E00", "Unterstützung": "#009E73", "Freizeit": "#CC79A7"}

_VIS = "templates/lib/vis-9.1.2/vis-network.min.js"


@lru_cache(maxsize=1)
def vis_js() -> str:
    """The vis-network library shipped inside the installed pyvis package."""
    try:
        text = (resources.files("pyvis") / _VIS).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        raise KitaNetzFehler("Die Bibliothek vis-network (aus dem Paket pyvis) fehlt. Bitte "
                            "„make install“ ausführen.") from None
    return text.replace("</script", "<\\/script")


def json_fuer_html(daten) -> str:
    """JSON that is inert inside an HTML ``<script type="application/json">`` element.

    >>> json_fuer_html({"a": "<b> & </script>"})
    '{"a": "\\\\u003cb\\\\u003e \\\\u0026 \\\\u003c/script\\\\u003e"}'
    """
    s = json.dumps(daten, ensure_ascii=False, allow_nan=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_SVG = {
    "Kita": '<circle cx="9" cy="9" r="7" fill="#0072B2"/>',
    "Beratung": '<rect x="2" y="2" width="14" height="14" fill="#D55E00"/>',
    "Unterstützung": '<polygon points="9,1 17,16 1,16" fill="#009E73"/>',
    "Freizeit": '<polygon points="9,1 17,9 9,17 1,9" fill="#CC79A7"/>',
}

def _linie(breite: float, strich: str = "") -> str:
    dash = f' stroke-dasharray="{strich}"' if strich else ""
    return (f'<svg width="30" height="18" aria-hidden="true"><line x1="1" y1="9" x2="29" y2="9" stroke="#7b8794" '
            f'stroke-width="{breite}"{dash}/></svg>')


_LEGENDE = "".join(
    f'<li><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{_SVG[t]}</svg>{t}</li>'
    for t in TYPEN) + (
    f"<li>{_linie(1)}Intensität 1</li><li>{_linie(2.6)}Intensität 2</li><li>{_linie(4.2)}Intensität 3</li>"
    f"<li>{_linie(2, '5,4')}anlassbezogen</li>"
    '<li><svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="6.5" fill="#ffffff" '
    'stroke="#1d2731" stroke-width="3"/></svg>Hub (dicker Rand)</li>')

_TEMPLATE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kooperationsnetzwerk</title>
<style>
 html,body{margin:0;padding:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  color:#1d2731;background:#fff}
 #kopf{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.4rem .25rem .5rem}
 #stand{font-weight:600;min-width:17rem}
 button{font:inherit;font-size:14px;padding:.3rem .75rem;border:1px solid #1f5f8b;border-radius:.4rem;
  background:#fff;color:#1f5f8b;cursor:pointer}
 button.haupt{background:#1f5f8b;color:#fff}
 button:focus-visible,input:focus-visible{outline:3px solid #1f5f8b;outline-offset:2px}
 #netz .vis-network:focus-visible{outline:3px solid #1f5f8b;outline-offset:-3px}
 label{font-size:14px;display:flex;align-items:center;gap:.4rem}
 input[type=range]{width:14rem}
 #netz{height:__HOEHE__px;border:1px solid #d5dbe1;border-radius:.5rem;background:#fbfcfd}
 #legende{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:.5rem .25rem 0;margin:0;
  font-size:14px}
 #legende li{display:flex;align-items:center;gap:.35rem}
 #hinweis{font-size:13px;color:#4b5966;padding:.25rem .25rem 0}
 div.vis-tooltip{position:absolute;visibility:hidden;padding:6px 8px;white-space:pre-line;max-width:22rem;
  font-size:13px;background:#ffffff;color:#1d2731;border:1px solid #8a96a3;border-radius:4px;
  box-shadow:2px 2px 8px rgba(0,0,0,.18);pointer-events:none;z-index:5}
 .tip-name{font-weight:600}
</style></head>
<body>
<div id="kopf">
 <span id="stand" role="status" aria-live="polite"></span>
 <button type="button" id="abspielen" class="haupt">▶ Abspielen seit 2021</button>
 <button type="button" id="anhalten" disabled>Anhalten</button>
 <label for="zeit">Quartal <input type="range" id="zeit" min="0" max="0" step="1" value="0"></label>
</div>
<div id="netz"></div>
<ul id="legende" aria-label="Legende">__LEGENDE__</ul>
<div id="hinweis">Größe eines Knotens: Betweenness (Brückenfunktion) am Stichtag. Linienstärke: Intensität der
 Kooperation. Unten in Reihen: Akteure ohne jede Kooperation. Mausrad: zoomen, ziehen: verschieben, Namen erscheinen
 beim Hineinzoomen. Mit der Tastatur: in die Grafik wechseln (Tab), dann Pfeiltasten: verschieben, + und −: zoomen.
 Dieselben Knoten und Kooperationen stehen als Tabelle unter der Grafik.</div>
<script type="application/json" id="netzdaten">__DATEN__</script>
<script>__VISJS__</script>
<script>
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("netzdaten").textContent);
  var FORM = {"Kita": "dot", "Beratung": "square", "Unterstützung": "triangle", "Freizeit": "diamond"};
  var FARBE = {"Kita": "#0072B2", "Beratung": "#D55E00", "Unterstützung": "#009E73", "Freizeit": "#CC79A7"};
  function tip(zeilen) {
    var box = document.createElement("div");
    zeilen.forEach(function (z, i) {
      var d = document.createElement("div");
      if (i === 0) { d.className = "tip-name"; }
      d.innerText = String(z);
      box.appendChild(d);
    });
    return box;
  }
  function datumDe(iso) { return iso ? iso.slice(8, 10) + "." + iso.slice(5, 7) + "." + iso.slice(0, 4) : ""; }
  var knoten = new vis.DataSet((D.knoten || []).map(function (n) {
    var t = n.typ in FORM ? n.typ : "Freizeit";
    return {id: n.id, label: String(n.label || ""), shape: FORM[t], value: n.wert || 0,
            x: n.x, y: n.y, ab: n.ab || null, bis: n.bis || null,
            color: {background: FARBE[t], border: n.hub ? "#1d2731" : "#ffffff",
                    highlight: {background: FARBE[t], border: "#1d2731"}},
            borderWidth: n.hub ? 3 : 1, title: tip(n.tooltip || [n.label || ""])};
  }));
  var kanten = new vis.DataSet((D.kanten || []).map(function (e) {
    return {id: e.id, from: e.from, to: e.to, seit: e.seit || null, bis: e.bis || null,
            width: e.breite || 1, dashes: e.art === "anlassbezogen",
            title: tip(e.tooltip || [])};
  }));
  var tag = D.stichtag || "";
  // the rule of network.grund.zeit.aktiv, in the browser: the time slider filters without a rerun of the page
  function aktiv(ab, bis) { return (!ab || ab <= tag) && (!bis || bis >= tag); }
  var nv = new vis.DataView(knoten, {filter: function (n) { return aktiv(n.ab, n.bis); }});
  var ev = new vis.DataView(kanten, {filter: function (e) {
    return aktiv(e.seit, e.bis) && nv.get(e.from) !== null && nv.get(e.to) !== null; }});
  var optionen = {
    autoResize: true,
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: true, tooltipDelay: 120, keyboard: {enabled: true, bindToWindow: false},
                  multiselect: false, navigationButtons: false},
    nodes: {font: {face: "system-ui, sans-serif", color: "#1d2731", strokeWidth: 3, strokeColor: "#ffffff"},
            scaling: {min: 7, max: 34, label: {enabled: true, min: 10, max: 22, drawThreshold: 11,
                                               maxVisible: 20}}},
    edges: {smooth: false, color: {color: "#9aa5b1", highlight: "#1f5f8b", hover: "#1f5f8b", opacity: 0.75},
            selectionWidth: 2, hoverWidth: 1}
  };
  var netz = new vis.Network(document.getElementById("netz"), {nodes: nv, edges: ev}, optionen);
  // The drawing surface takes the keyboard (arrows pan, +/- zoom): name it and say where the text alternative is.
  var flaeche = document.querySelector("#netz .vis-network");
  if (flaeche) {
    flaeche.setAttribute("role", "application");
    flaeche.setAttribute("aria-roledescription", "Netzwerkgrafik");
    flaeche.setAttribute("aria-label", "Kooperationsnetzwerk als Grafik. Pfeiltasten: verschieben, Plus und " +
      "Minus: zoomen. Dieselben Knoten und Kooperationen stehen als Tabelle unter der Grafik.");
  }
  var quartale = (D.quartale || []).slice();
  if (tag && quartale.indexOf(tag) < 0) { quartale.push(tag); quartale.sort(); }
  var regler = document.getElementById("zeit");
  regler.max = String(Math.max(quartale.length - 1, 0));
  regler.value = String(Math.max(quartale.indexOf(tag), 0));
  var stand = document.getElementById("stand");
  function zeige(t) {
    tag = t;
    nv.refresh();
    ev.refresh();
    stand.textContent = "Stand " + datumDe(tag) + ": " + nv.length + " Akteure, " + ev.length + " Kooperationen";
    regler.setAttribute("aria-valuetext", datumDe(tag));
  }
  zeige(tag);
  netz.once("afterDrawing", function () { netz.fit({animation: false}); });
  var uhr = null;
  var knopfStart = document.getElementById("abspielen");
  var knopfHalt = document.getElementById("anhalten");
  function halt() {
    if (uhr) { clearTimeout(uhr); uhr = null; }
    knopfStart.disabled = false; knopfHalt.disabled = true;
  }
  knopfStart.addEventListener("click", function () {
    halt();
    var i = 0;
    knopfStart.disabled = true; knopfHalt.disabled = false;
    regler.value = "0"; zeige(quartale[0]);
    // Each frame is due at start + i × takt: a tick the busy browser ran late shortens the wait for the next one
    // instead of delaying every later frame (setInterval would keep the lateness).
    var takt = D.takt || 700, beginn = performance.now();
    function weiter() {
      i += 1;
      if (i >= quartale.length) { halt(); return; }
      regler.value = String(i); zeige(quartale[i]);
      uhr = setTimeout(weiter, Math.max(0, beginn + (i + 1) * takt - performance.now()));
    }
    uhr = setTimeout(weiter, takt);
  });
  knopfHalt.addEventListener("click", halt);
  regler.addEventListener("input", function () { halt(); zeige(quartale[Number(regler.value)]); });
  window.kitaNetz = {netz: netz, knoten: nv, kanten: ev, zeige: zeige, takt: D.takt || 700};
})();
</script>
</body></html>
"""


def netz_html(daten: dict, hoehe: int = 620) -> str:
    """The frame's HTML for ``daten``::

        {"stichtag": "2025-06-30", "quartale": ["2021-03-31", …], "takt": 700,
         "knoten": [{"id", "label", "typ", "wert", "hub", "x", "y", "ab", "bis", "tooltip": [lines]}],
         "kanten": [{"id", "from", "to", "seit", "bis", "breite", "art", "tooltip": [lines]}]}

    ``typ`` is ``Kita`` or the Art of an Angebot; ``tooltip`` lines are plain text.
    """
    werte = {"HOEHE": str(int(hoehe)), "LEGENDE": _LEGENDE, "DATEN": json_fuer_html(daten), "VISJS": vis_js()}
    # One pass: text inserted for one placeholder is never scanned for another.
    return re.sub(r"__(HOEHE|LEGENDE|DATEN|VISJS)__", lambda m: werte[m.group(1)], _TEMPLATE)
