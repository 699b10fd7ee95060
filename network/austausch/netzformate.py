"""The cooperation network for Gephi, Kumu and other network tools: GEXF (with a timeline), GraphML, Kumu JSON.

:func:`netz_graph` builds the network to hand over: Kitas and Angebote as nodes, one edge per Kooperation
(``KOOPERIERT_MIT``; a :class:`networkx.MultiGraph` when two actors cooperate more than once). With a Stichtag it
is the network on that day (the same actors and Kooperationen as :func:`network.analyse.network_at`), without one
every Kooperation there ever was. With a Sozialraum it is the network of that Sozialraum, cut out like
:func:`network.analyse.sozialraum_netz`. Node attributes: ``label`` (name), ``typ``, ``art``, ``themen``
(``|``-separated), ``sozialraum``, ``versorgt``, ``lat``, ``lon``, ``degree`` and ``betweenness`` (of the
network handed over, computed like the analysis), ``start``/``end``; edge attributes: ``kooperation`` (id),
``art``, ``seit``, ``bis``, ``intensitaet``, ``weight`` (= intensitaet) and ``start``/``end`` (= seit/bis).
Empty values are left out. Internal notes of a Kooperation are never written.

:func:`export_netz` writes a file, :func:`netz_bytes` returns the bytes (for a download button). GEXF is written
as **GEXF 1.3** (valid against the official XSD) with ``mode="dynamic"``: every node and edge that has dates
carries a spell from ``start`` to ``end``, so Gephi's timeline replays how the network grew – an Angebot appears
at ``gueltig_ab`` (or its first Kooperation, if earlier), a Kita at its first Kooperation, an edge from ``seit``
to ``bis``. Attribute ids are the attribute names (stable, whatever attributes a network uses). Kumu gets a JSON
blueprint (``kumu``) or a workbook with the sheets „Elements“ and „Connections“ (``kumu-xlsx``); both carry the
field ``Jahre`` (every year an element or connection exists) for Kumu's tagged-timeline control.

Examples
--------
>>> from network.model import Netzdaten
>>> d = Netzdaten(kitas=[{"id": "k1", "name": "Kita 1"}],
...               angebote=[{"id": "a1", "name": "Beratung", "art": "Beratung", "versorgt": ["alle"],
...                          "gueltig_ab": "2020-01-01"}],
...               kooperationen=[{"id": "c1", "von_id": "k1", "zu_id": "a1", "art": "Vertrag",
...                               "seit": "2021-03-01", "bis": None, "intensitaet": 2}])
>>> G = netz_graph(d)
>>> G.nodes["k1"]["start"], G.nodes["a1"]["start"], G["k1"]["a1"]["seit"], G.nodes["a1"]["degree"]
('2021-03-01', '2020-01-01', '2021-03-01', 1)
>>> b'mode="dynamic"' in netz_bytes(d, "gexf") and b'version="1.3"' in netz_bytes(d, "gexf")
True
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import KitaNetzFehler
from ..grund.zeit import stichtag_iso
from ..model import Netzdaten

if TYPE_CHECKING:  # networkx is imported when a network is built, not when the package is
    import networkx as nx

__all__ = ["FORMATE", "MEDIENTYPEN", "ENDUNGEN", "netz_graph", "export_netz", "netz_bytes", "dateiname"]

#: The network formats.
FORMATE = ("gexf", "graphml", "kumu", "kumu-xlsx")

#: Media type of each format (for a download).
MEDIENTYPEN = {"gexf": "application/gexf+xml", "graphml": "application/graphml+xml", "kumu": "application/json",
               "kumu-xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}

#: File extension of each format.
ENDUNGEN = {"gexf": ".gexf", "graphml": ".graphml", "kumu": ".json", "kumu-xlsx": ".xlsx"}

#: GEXF 1.3: namespace and the attributes written, as (id = title, GEXF type) – ids never depend on the data.
GEXF_NS = "http://gexf.net/1.3"
GEXF_KNOTEN = (("typ", "string"), ("art", "string"), ("themen", "string"), ("sozialraum", "string"),
               ("versorgt", "string"), ("lat", "double"), ("lon", "double"), ("degree", "integer"),
               ("betweenness", "double"))
GEXF_KANTEN = (("kooperation", "string"), ("art", "string"), ("seit", "string"), ("bis", "string"),
               ("intensitaet", "integer"))


def _format(format: str) -> str:
    f = (format or "").lower().lstrip(".")
    if f not in FORMATE:
        raise KitaNetzFehler(f"Unbekanntes Netzwerkformat „{format}“ (erlaubt: {', '.join(FORMATE)}).")
    return f


def _alle(daten: Netzdaten) -> nx.Graph:
    """Like :func:`network.analyse.network_at`, but every Angebot and every Kooperation there ever was."""
    import networkx as nx  # lazy: networkx and the analysis load only for a network export (austausch stays light)

    from ..analyse.netz import TYP_ANGEBOT, TYP_KITA, gemeinde_sozialraum

    gsr = gemeinde_sozialraum(daten)
    G = nx.Graph(stichtag=None)
    for k in sorted(daten.kitas, key=lambda r: str(r["id"])):
        G.add_node(k["id"], typ=TYP_KITA, name=k.get("name") or k["id"], art=None, themen=[],
                   sozialraum=gsr.get(k.get("gemeinde_id")), gemeinde=k.get("gemeinde_id"), versorgt=[],
                   lat=k.get("lat"), lon=k.get("lon"))
    for a in sorted(daten.angebote, key=lambda r: str(r["id"])):
        if a["id"] in G:
            continue
        G.add_node(a["id"], typ=TYP_ANGEBOT, name=a.get("name") or a["id"], art=a.get("art"),
                   themen=list(a.get("themen") or []), sozialraum=gsr.get(a.get("gemeinde_id")),
                   gemeinde=a.get("gemeinde_id"), versorgt=list(a.get("versorgt") or []),
                   lat=a.get("lat"), lon=a.get("lon"))
    kanten = []
    for c in daten.kooperationen:
        u, v = c.get("von_id"), c.get("zu_id")
        if u == v or u not in G or v not in G or G.nodes[v]["typ"] != TYP_ANGEBOT:
            continue
        a, b = (u, v) if str(u) <= str(v) else (v, u)
        kanten.append((str(a), str(b), str(c.get("id", "")), a, b))
    for _, _, kid, a, b in sorted(kanten):
        if G.has_edge(a, b):
            G[a][b]["kooperationen"].append(kid)
        else:
            G.add_edge(a, b, kooperationen=[kid])
    return G


def _ohne_leere(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != ""}


def netz_graph(daten: Netzdaten, stichtag=None, sozialraum: str | None = None) -> nx.Graph:
    """The cooperation network to hand over (see the module text); ``nx.MultiGraph`` if a pair repeats.

    Raises :class:`~network.errors.NichtGefundenFehler` for an unknown ``sozialraum`` and
    :class:`~network.errors.KitaNetzFehler` for a ``stichtag`` that is not a date.
    """
    import networkx as nx  # lazy: networkx and the analysis load only for a network export (austausch stays light)

    from ..analyse import network_at, sozialraum_netz
    from ..analyse.kennzahlen import betweenness

    tag = stichtag_iso(stichtag) if stichtag is not None else None
    S = network_at(daten, tag) if tag else _alle(daten)
    if sozialraum:
        S = sozialraum_netz(S, daten, sozialraum)
    grad = dict(S.degree())
    zwischen = betweenness(S)
    koop = {c.get("id"): c for c in daten.kooperationen}
    angebote = {a["id"]: a for a in daten.angebote}

    kanten = []
    for _u, _v, d in S.edges(data=True):
        for kid in d.get("kooperationen") or []:
            c = koop[kid]
            kanten.append((c.get("von_id"), c.get("zu_id"), kid, _ohne_leere({
                "kooperation": kid, "art": c.get("art"), "seit": c.get("seit"), "bis": c.get("bis"),
                "intensitaet": int(c["intensitaet"]) if c.get("intensitaet") is not None else None,
                "weight": float(c.get("intensitaet") or 1), "start": c.get("seit"), "end": c.get("bis")})))
    paare = [frozenset((u, v)) for u, v, _, _ in kanten]
    multi = len(set(paare)) < len(paare)
    X = nx.MultiGraph() if multi else nx.Graph()
    titel = "Kooperationsnetzwerk Kita-Sozialarbeit Rhein-Hunsrück-Kreis"
    X.graph.update(_ohne_leere({"name": titel + (f" am {tag}" if tag else "") +
                                (f", Sozialraum {sozialraum}" if sozialraum else ""),
                                "stichtag": tag, "sozialraum": sozialraum}))

    erste: dict = {}
    for u, v, _, attr in kanten:
        for n in (u, v):
            if attr.get("seit") and (n not in erste or attr["seit"] < erste[n]):
                erste[n] = attr["seit"]
    for n, d in S.nodes(data=True):
        start = erste.get(n)
        ende = None
        if d.get("typ") == "Angebot":
            a = angebote.get(n, {})
            ab = a.get("gueltig_ab")
            start = min(x for x in (ab, start) if x) if (ab or start) else None
            ende = a.get("gueltig_bis")
        X.add_node(n, **_ohne_leere({
            "label": d.get("name") or str(n), "typ": d.get("typ"), "art": d.get("art"),
            "themen": "|".join(d.get("themen") or []), "sozialraum": d.get("sozialraum"),
            "versorgt": "|".join(d.get("versorgt") or []),
            "lat": float(d["lat"]) if d.get("lat") is not None else None,
            "lon": float(d["lon"]) if d.get("lon") is not None else None,
            "degree": int(grad.get(n, 0)), "betweenness": float(zwischen.get(n, 0.0)),
            "start": start, "end": ende}))
    for u, v, kid, attr in sorted(kanten, key=lambda k: k[2]):
        if multi:
            X.add_edge(u, v, key=kid, **attr)
        else:
            X.add_edge(u, v, **attr)
    return X


def _jahre(start: str | None, ende: str | None, bis_jahr: int) -> list[int]:
    """Every year from ``start`` to ``ende`` (open: to ``bis_jahr``) – what Kumu's tagged timeline steps through.

    >>> _jahre("2021-03-01", "2023-06-30", 2026), _jahre("2025-01-01", None, 2026), _jahre(None, None, 2026)
    ([2021, 2022, 2023], [2025, 2026], [])
    """
    if not start:
        return []
    return list(range(int(start[:4]), int(ende[:4]) + 1 if ende else bis_jahr + 1))


def _bis_jahr(G: nx.Graph) -> int:
    tag = G.graph.get("stichtag")
    return int(tag[:4]) if tag else date.today().year


_KUMU_ELEMENT = (("art", "Art"), ("sozialraum", "Sozialraum"), ("versorgt", "Versorgt"), ("degree", "Grad"),
                 ("betweenness", "Betweenness"), ("lat", "Breitengrad"), ("lon", "Längengrad"), ("start", "Beginn"),
                 ("end", "Ende"))
_KUMU_VERBINDUNG = (("seit", "Seit"), ("bis", "Bis"), ("intensitaet", "Intensität"))


def _kanten(G: nx.Graph):
    """(u, v, data) of every edge, for a Graph and a MultiGraph alike."""
    if G.is_multigraph():
        return ((u, v, d) for u, v, _, d in G.edges(keys=True, data=True))
    return G.edges(data=True)


def _kumu(G: nx.Graph) -> dict:
    """A Kumu blueprint (JSON import of Kumu): elements and connections, each with ``Jahre`` for the timeline."""
    bis = _bis_jahr(G)
    elemente = []
    for n, d in G.nodes(data=True):
        e = {"id": str(n), "label": d.get("label", str(n)), "type": d.get("typ")}
        if d.get("themen"):
            e["tags"] = d["themen"].split("|")
        for feld, name in _KUMU_ELEMENT:
            if d.get(feld) is not None:
                e[name] = d[feld]
        if jahre := _jahre(d.get("start"), d.get("end"), bis):
            e["Jahre"] = jahre
        elemente.append(e)
    verbindungen = []
    for u, v, d in _kanten(G):
        k = {"id": d["kooperation"], "from": str(u), "to": str(v), "direction": "undirected", "type": d.get("art")}
        for feld, name in _KUMU_VERBINDUNG:
            if d.get(feld) is not None:
                k[name] = d[feld]
        if jahre := _jahre(d.get("start"), d.get("end"), bis):
            k["Jahre"] = jahre
        verbindungen.append(k)
    return {"elements": elemente, "connections": verbindungen}


def _kumu_xlsx(G: nx.Graph, ziel) -> None:
    """Kumu's spreadsheet import: sheet „Elements“ (ID, Label, Type, Tags, fields) and „Connections“ (ID, From, To,
    Direction, Type, fields); several values in one cell are separated by ``|``, as Kumu reads them."""
    import openpyxl  # lazy: heavy optional dependency, only for the Kumu spreadsheet
    from openpyxl.cell import WriteOnlyCell

    bp = _kumu(G)
    wb = openpyxl.Workbook(write_only=True)
    blaetter = (("Elements", bp["elements"], ["ID", "Label", "Type", "Tags"] + [n for _, n in _KUMU_ELEMENT]),
                ("Connections", bp["connections"], ["ID", "From", "To", "Direction", "Type"] +
                 [n for _, n in _KUMU_VERBINDUNG]))
    schluessel = {"ID": "id", "Label": "label", "Type": "type", "Tags": "tags", "From": "from", "To": "to",
                  "Direction": "direction"}
    for name, zeilen, spalten in blaetter:
        ws = wb.create_sheet(name)
        ws.append(spalten + ["Jahre"])
        for z in zeilen:
            werte = [z.get(schluessel.get(s, s)) for s in spalten + ["Jahre"]]
            zellen = []
            for w in werte:
                w = "|".join(str(x) for x in w) if isinstance(w, list) else w
                c = WriteOnlyCell(ws, value=w)
                if isinstance(w, str):
                    c.data_type = "s"  # text stays text, never a formula
                zellen.append(c)
            ws.append(zellen)
    wb.save(ziel)


def _gexf(G: nx.Graph) -> bytes:
    """GEXF 1.3 (dynamic, dates as spells), valid against the official XSD; edge ids are the Kooperation ids."""
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    q = f"{{{GEXF_NS}}}"
    root = ET.Element(q + "gexf", {"version": "1.3", "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation":
                                   f"{GEXF_NS} http://gexf.net/1.3/gexf.xsd"})
    meta = ET.SubElement(root, q + "meta")
    ET.SubElement(meta, q + "creator").text = "Kita-Netzwerk Rhein-Hunsrück"
    ET.SubElement(meta, q + "description").text = G.graph.get("name", "")
    graph = ET.SubElement(root, q + "graph", {"defaultedgetype": "undirected", "mode": "dynamic",
                                              "timeformat": "date", "timerepresentation": "interval",
                                              "idtype": "string"})
    for klasse, attribute in (("node", GEXF_KNOTEN), ("edge", GEXF_KANTEN)):
        at = ET.SubElement(graph, q + "attributes", {"class": klasse, "mode": "static"})
        for aid, typ in attribute:
            ET.SubElement(at, q + "attribute", {"id": aid, "title": aid, "type": typ})
    nodes = ET.SubElement(graph, q + "nodes", {"count": str(G.number_of_nodes())})
    for n, d in G.nodes(data=True):
        el = ET.SubElement(nodes, q + "node", {"id": str(n), "label": str(d.get("label", n))})
        _gexf_werte(el, q, d, GEXF_KNOTEN)
    kanten = sorted(_kanten(G), key=lambda k: str(k[2]["kooperation"]))
    edges = ET.SubElement(graph, q + "edges", {"count": str(len(kanten))})
    for u, v, d in kanten:
        el = ET.SubElement(edges, q + "edge", {"id": str(d["kooperation"]), "source": str(u), "target": str(v),
                                               "weight": repr(float(d.get("weight", 1.0)))})
        _gexf_werte(el, q, d, GEXF_KANTEN)
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _gexf_werte(el, q: str, d: dict, attribute) -> None:
    """The attvalues of a node or edge, then its spell (start/end) if it has dates."""
    werte = [(aid, d[aid]) for aid, _ in attribute if d.get(aid) is not None and d.get(aid) != ""]
    if werte:
        av = ET.SubElement(el, q + "attvalues")
        for aid, w in werte:
            ET.SubElement(av, q + "attvalue", {"for": aid, "value": repr(w) if isinstance(w, float) else str(w)})
    zeit = {k: d[k] for k in ("start", "end") if d.get(k)}
    if zeit:
        ET.SubElement(ET.SubElement(el, q + "spells"), q + "spell", zeit)


def _schreiben(G: nx.Graph, format: str, ziel) -> None:
    import networkx as nx  # lazy: networkx loads only for a network export (austausch stays light)

    if format == "gexf":
        daten = _gexf(G)
        if isinstance(ziel, (str, Path)):
            Path(ziel).write_bytes(daten)
        else:
            ziel.write(daten)
    elif format == "graphml":
        nx.write_graphml(G, ziel, edge_id_from_attribute="kooperation")
    elif format == "kumu-xlsx":
        _kumu_xlsx(G, ziel)
    else:
        text = json.dumps(_kumu(G), ensure_ascii=False, indent=2) + "\n"
        if isinstance(ziel, (str, Path)):
            Path(ziel).write_text(text, encoding="utf-8")
        else:
            ziel.write(text.encode("utf-8"))


def netz_bytes(daten: Netzdaten, format: str = "gexf", stichtag=None, sozialraum: str | None = None) -> bytes:
    """The cooperation network as a file's bytes in ``format`` (``gexf``, ``graphml`` or ``kumu``)."""
    f = _format(format)
    buf = io.BytesIO()
    _schreiben(netz_graph(daten, stichtag, sozialraum), f, buf)
    return buf.getvalue()


def export_netz(daten: Netzdaten, path: Path | str, format: str | None = None, stichtag=None,
                sozialraum: str | None = None) -> Path:
    """Write the cooperation network to ``path``; ``format`` defaults to the file's extension (else ``gexf``).

    An existing folder as ``path`` gets a file named by :func:`dateiname`, a name without extension the
    format's extension. Returns the path written.
    """
    path = Path(path)
    if format is None:
        endung = path.suffix.lower()
        format = next((f for f, e in ENDUNGEN.items() if e == endung and f != "kumu"), "gexf")
    f = _format(format)
    if path.is_dir():
        path = path / dateiname(f, stichtag, sozialraum)
    elif not path.suffix:
        path = path.with_suffix(ENDUNGEN[f])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(netz_bytes(daten, f, stichtag, sozialraum))
    return path


def dateiname(format: str, stichtag=None, sozialraum: str | None = None) -> str:
    """A file name for the network, e.g. ``kooperationsnetz_2025-06-30_sr-kastellaun.gexf``.

    >>> dateiname("kumu"), dateiname("graphml", "2025-06-30", "sr-boppard")
    ('kooperationsnetz_kumu.json', 'kooperationsnetz_2025-06-30_sr-boppard.graphml')
    """
    f = _format(format)
    kumu = ["kumu"] if f.startswith("kumu") else []
    teile = ["kooperationsnetz"] + [str(x) for x in (stichtag, sozialraum) if x] + kumu
    return "_".join(teile) + ENDUNGEN[f]
