"""The cooperation network as GEXF (dynamic, for Gephi's timeline), GraphML and Kumu JSON: read back with NetworkX
it has the same nodes, edges and attribute values as the graph it was written from."""

from __future__ import annotations

import copy
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from network.analyse import network_at, sozialraum_netz
from network.analyse.kennzahlen import betweenness
from network.austausch import export_netz, netz_bytes, netz_graph, read_path, validate
from network.austausch.netzformate import dateiname
from network.cli import SEED_DIR, main
from network.errors import KitaNetzError, NichtGefunden

GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.fixture(scope="module")
def seed():
    return validate(read_path(SEED_DIR))


def _lesen(format: str, daten: bytes) -> nx.Graph:
    return (nx.read_gexf if format == "gexf" else nx.read_graphml)(io.BytesIO(daten))


def _knoten(G: nx.Graph) -> dict:
    return {n: dict(d) for n, d in G.nodes(data=True)}


def _kanten(G: nx.Graph) -> dict:
    """Edges by Kooperation id, with their attributes (the format's own edge id left out)."""
    it = G.edges(data=True, keys=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    return {d["kooperation"]: (frozenset((u, v)), {k: w for k, w in d.items() if k != "id"}) for u, v, _, d in it}


def _gleich(quelle: nx.Graph, gelesen: nx.Graph) -> None:
    assert set(gelesen.nodes) == set(quelle.nodes)
    assert _knoten(gelesen) == _knoten(quelle)
    assert _kanten(gelesen) == _kanten(quelle)
    assert gelesen.is_multigraph() == quelle.is_multigraph()


@pytest.mark.parametrize("format", ["gexf", "graphml"])
@pytest.mark.parametrize("stichtag, sozialraum", [(None, None), ("2024-06-30", None), ("2024-06-30", "sr-kastellaun"),
                                                  (None, "sr-boppard")])
def test_written_network_reads_back_the_same(seed, format, stichtag, sozialraum, tmp_path):
    G = netz_graph(seed, stichtag, sozialraum)
    pfad = export_netz(seed, tmp_path / f"netz.{format}", format, stichtag, sozialraum)
    _gleich(G, _lesen(format, pfad.read_bytes()))


def test_all_cooperations_without_a_stichtag(seed):
    G = netz_graph(seed)
    assert G.number_of_nodes() == len(seed.kitas) + len(seed.angebote)
    assert G.number_of_edges() == len(seed.kooperationen) == 600
    k = seed.kooperationen[0]
    d = G[k["von_id"]][k["zu_id"]]
    assert (d["kooperation"], d["art"], d["seit"], d["intensitaet"]) == (k["id"], k["art"], k["seit"],
                                                                          k["intensitaet"])
    assert d.get("bis") == k["bis"] and d["weight"] == float(k["intensitaet"])
    assert all("notiz" not in d for _, _, d in G.edges(data=True))


@pytest.mark.parametrize("sozialraum", [None, "sr-kastellaun"])
def test_a_stichtag_gives_the_network_of_the_analysis(seed, sozialraum):
    S = network_at(seed, "2024-06-30")
    if sozialraum:
        S = sozialraum_netz(S, seed, sozialraum)
    G = netz_graph(seed, "2024-06-30", sozialraum)
    assert list(G.nodes) == list(S.nodes)
    assert {frozenset(e) for e in G.edges} == {frozenset(e) for e in S.edges}
    assert G.number_of_edges() == sum(len(d["kooperationen"]) for _, _, d in S.edges(data=True))
    b = betweenness(S)
    for n, d in G.nodes(data=True):
        assert d["degree"] == S.degree(n) and d["betweenness"] == pytest.approx(b[n])
        assert d["typ"] == S.nodes[n]["typ"] and d["label"] == S.nodes[n]["name"]
        assert d.get("sozialraum") == S.nodes[n]["sozialraum"]
        assert d.get("themen", "") == "|".join(S.nodes[n]["themen"])


def test_gexf_is_dynamic_with_dates(seed):
    xml = netz_bytes(seed, "gexf")
    root = ET.fromstring(xml)
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    koop = {k["id"]: k for k in seed.kooperationen}
    kanten = graph.find(f"{GEXF}edges").findall(f"{GEXF}edge")
    assert len(kanten) == 600
    for e in kanten:
        k = koop[e.get("id")]
        assert e.get("start") == k["seit"] and e.get("end") == k["bis"]
    angebote = {a["id"]: a for a in seed.angebote}
    erste: dict = {}
    for k in seed.kooperationen:
        for n in (k["von_id"], k["zu_id"]):
            erste[n] = min(erste.get(n, k["seit"]), k["seit"])
    for n in graph.find(f"{GEXF}nodes").findall(f"{GEXF}node"):
        nid = n.get("id")
        if nid in angebote:
            a = angebote[nid]
            assert n.get("start") == min(x for x in (a["gueltig_ab"], erste.get(nid)) if x)
            assert n.get("end") == a["gueltig_bis"]
        else:
            assert n.get("start") == erste.get(nid)
    R = nx.read_gexf(io.BytesIO(xml))
    assert R.graph["mode"] == "dynamic"
    assert any("end" in d for _, d in R.nodes(data=True))  # Angebote that ended


def test_repeated_pairs_become_a_multigraph(mini, tmp_path):
    daten = copy.deepcopy(mini)
    daten.kooperationen.append({"id": "koop-4", "von_id": "kita-1", "zu_id": "ang-1", "art": "anlassbezogen",
                                "seit": "2019-01-01", "bis": "2020-12-31", "intensitaet": 1, "notiz": "geheim"})
    G = netz_graph(daten)
    assert G.is_multigraph() and G.number_of_edges() == 4 and set(G["kita-1"]["ang-1"]) == {"koop-1", "koop-4"}
    assert G.nodes["kita-1"]["degree"] == 1  # distinct partners
    assert G.nodes["ang-1"]["start"] == "2019-01-01"  # its first Kooperation is before gueltig_ab 2020-01-01
    for format in ("gexf", "graphml"):
        _gleich(G, _lesen(format, netz_bytes(daten, format)))
    assert b"geheim" not in netz_bytes(daten, "gexf") + netz_bytes(daten, "graphml") + netz_bytes(daten, "kumu")


def test_kumu_blueprint(seed):
    bp = json.loads(netz_bytes(seed, "kumu", "2024-06-30", "sr-kastellaun"))
    G = netz_graph(seed, "2024-06-30", "sr-kastellaun")
    ids = [e["id"] for e in bp["elements"]]
    assert ids == list(G.nodes) and len(set(ids)) == len(ids)
    assert {c["id"] for c in bp["connections"]} == {d["kooperation"] for _, _, d in G.edges(data=True)}
    assert all(c["from"] in ids and c["to"] in ids and c["direction"] == "undirected" for c in bp["connections"])
    assert not set(ids) & {c["id"] for c in bp["connections"]}  # Kumu wants ids unique across both
    angebot = next(e for e in bp["elements"] if e["type"] == "Angebot" and e.get("tags"))
    assert angebot["tags"] == G.nodes[angebot["id"]]["themen"].split("|") and "Grad" in angebot


def test_bytes_equal_the_file(mini, tmp_path):
    for format in ("graphml", "kumu", "gexf"):
        p = export_netz(mini, tmp_path / "x", format)
        assert p.name == "x" + {"gexf": ".gexf", "graphml": ".graphml", "kumu": ".json"}[format]
        assert p.read_bytes() == netz_bytes(mini, format)
    assert export_netz(mini, tmp_path / "netz.graphml").suffix == ".graphml"  # format from the extension
    assert export_netz(mini, tmp_path, "gexf", "2024-01-01").name == "kooperationsnetz_2024-01-01.gexf"
    assert dateiname("gexf", sozialraum="sr-a") == "kooperationsnetz_sr-a.gexf"


def test_mistakes_are_german_errors(mini):
    with pytest.raises(NichtGefunden, match="Sozialraum „sr-x“"):
        netz_graph(mini, sozialraum="sr-x")
    with pytest.raises(KitaNetzError, match="kein Datum"):
        netz_graph(mini, stichtag="30.06.2024")
    with pytest.raises(KitaNetzError, match="Unbekanntes Netzwerkformat"):
        netz_bytes(mini, "pajek")


def test_cli_exports_the_network(tmp_path, mini, capsys):
    from network.austausch import export_dir

    export_dir(mini, tmp_path / "import")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(tmp_path / "import")]) == 0
    ziel = tmp_path / "netz.gexf"
    assert main(["--data-dir", data, "export", "--format", "gexf", str(ziel), "--stichtag", "2022-06-30",
                 "--sozialraum", "sr-a"]) == 0
    assert "Kooperationsnetz (gexf) exportiert" in capsys.readouterr().out
    G = nx.read_gexf(ziel)
    assert set(G.nodes) == set(netz_graph(mini, "2022-06-30", "sr-a").nodes)
    assert main(["--data-dir", data, "export", "--format", "graphml", str(tmp_path / "netz.graphml")]) == 0
    assert nx.read_graphml(tmp_path / "netz.graphml").number_of_edges() == 3
    assert main(["--data-dir", data, "export", "--format", "gexf", str(ziel), "--sozialraum", "sr-x"]) == 1
    assert "sr-x" in capsys.readouterr().err
