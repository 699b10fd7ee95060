"""The cooperation network as GEXF 1.3 (dynamic, for Gephi's timeline), GraphML and Kumu (JSON and workbook): read
back with NetworkX it has the same nodes, edges and attribute values as the graph it was written from, and every
GEXF file is valid against the official GEXF 1.3 XSD (vendored in tests/daten/gexf/)."""

from __future__ import annotations

import copy
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from lxml import etree

from network.analyse import network_at, sozialraum_netz
from network.analyse.kennzahlen import betweenness
from network.austausch import export_netz, netz_bytes, netz_graph, read_path, validate
from network.austausch.netzformate import dateiname
from network.cli import SEED_DIR, main
from network.errors import KitaNetzFehler, NichtGefundenFehler

GEXF = "{http://gexf.net/1.3}"
XSD = Path(__file__).resolve().parents[1] / "daten" / "gexf" / "1.3" / "gexf.xsd"


@pytest.fixture(scope="module")
def seed():
    return validate(read_path(SEED_DIR))


@pytest.fixture(scope="module")
def gexf_xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def gexf_gueltig(gexf_xsd: etree.XMLSchema, daten: bytes) -> None:
    """The file is valid against the official GEXF 1.3 XSD (the error names line and reason)."""
    doc = etree.fromstring(daten)
    assert gexf_xsd.validate(doc), gexf_xsd.error_log.last_error


def _zeiten(d: dict) -> dict:
    """NetworkX reads a GEXF spell as ``spells``; as the graph holds it: ``start``/``end``."""
    d = dict(d)
    for start, ende in d.pop("spells", []):
        d["start"] = start
        if ende not in (None, "None"):
            d["end"] = ende
    return d


def _lesen(format: str, daten: bytes) -> nx.Graph:
    G = (nx.read_gexf if format == "gexf" else nx.read_graphml)(io.BytesIO(daten))
    if format == "gexf":
        alle = [d for _, d in G.nodes(data=True)]
        alle += [d for *_, d in (G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True))]
        for d in alle:
            neu = _zeiten(d)
            d.clear()
            d.update(neu)
    return G


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
        assert _spell(e) == (k["seit"], k["bis"])
    angebote = {a["id"]: a for a in seed.angebote}
    erste: dict = {}
    for k in seed.kooperationen:
        for n in (k["von_id"], k["zu_id"]):
            erste[n] = min(erste.get(n, k["seit"]), k["seit"])
    for n in graph.find(f"{GEXF}nodes").findall(f"{GEXF}node"):
        nid = n.get("id")
        if nid in angebote:
            a = angebote[nid]
            assert _spell(n) == (min(x for x in (a["gueltig_ab"], erste.get(nid)) if x), a["gueltig_bis"])
        else:
            assert _spell(n) == (erste.get(nid), None)
    R = nx.read_gexf(io.BytesIO(xml))
    assert R.graph["mode"] == "dynamic"
    assert any(d["spells"][0][1] != "None" for _, d in R.nodes(data=True) if "spells" in d)  # Angebote that ended


def _spell(el) -> tuple:
    """(start, end) of the one spell of a GEXF node or edge; (None, None) without one."""
    spells = el.find(f"{GEXF}spells")
    if spells is None:
        return None, None
    (spell,) = spells.findall(f"{GEXF}spell")
    return spell.get("start"), spell.get("end")


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
    with pytest.raises(NichtGefundenFehler, match="Sozialraum „sr-x“"):
        netz_graph(mini, sozialraum="sr-x")
    with pytest.raises(KitaNetzFehler, match="kein Datum"):
        netz_graph(mini, stichtag="30.06.2024")
    with pytest.raises(KitaNetzFehler, match="Unbekanntes Netzwerkformat"):
        netz_bytes(mini, "pajek")


def test_cli_exports_the_network(tmp_path, mini, capsys, gexf_xsd):
    from network.austausch import export_dir

    export_dir(mini, tmp_path / "import")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(tmp_path / "import")]) == 0
    ziel = tmp_path / "netz.gexf"
    assert main(["--data-dir", data, "export", "--format", "gexf", str(ziel), "--stichtag", "2022-06-30",
                 "--sozialraum", "sr-a"]) == 0
    assert "Kooperationsnetz (gexf) exportiert" in capsys.readouterr().out
    gexf_gueltig(gexf_xsd, ziel.read_bytes())
    G = nx.read_gexf(ziel)
    assert set(G.nodes) == set(netz_graph(mini, "2022-06-30", "sr-a").nodes)
    assert main(["--data-dir", data, "export", "--format", "graphml", str(tmp_path / "netz.graphml")]) == 0
    assert nx.read_graphml(tmp_path / "netz.graphml").number_of_edges() == 3
    assert main(["--data-dir", data, "export", "--format", "gexf", str(ziel), "--sozialraum", "sr-x"]) == 1
    assert "sr-x" in capsys.readouterr().err


@pytest.mark.parametrize("stichtag, sozialraum", [(None, None), ("2024-06-30", None), ("2024-06-30", "sr-kastellaun"),
                                                  (None, "sr-boppard")])
def test_every_gexf_export_is_valid_against_the_official_xsd(seed, gexf_xsd, stichtag, sozialraum, tmp_path):
    gexf_gueltig(gexf_xsd, netz_bytes(seed, "gexf", stichtag, sozialraum))
    pfad = export_netz(seed, tmp_path / "netz.gexf", "gexf", stichtag, sozialraum)
    gexf_gueltig(gexf_xsd, pfad.read_bytes())


def test_the_xsd_check_can_fail(gexf_xsd, mini):
    """A file the XSD refuses must fail the check, or a green test would prove nothing."""
    gut = netz_bytes(mini, "gexf")
    gexf_gueltig(gexf_xsd, gut)
    for kaputt in (gut.replace(b'version="1.3"', b'version="1.2"'),
                   gut.replace(b'<graph ', b'<graph name="x" '),  # what NetworkX's 1.2draft writer added
                   gut.replace(b'type="integer"', b'type="zahl"', 1)):
        assert not gexf_xsd.validate(etree.fromstring(kaputt))


def test_parallel_edges_keep_ids_and_leak_nothing(mini, gexf_xsd):
    daten = copy.deepcopy(mini)
    daten.kooperationen.append({"id": "koop-4", "von_id": "kita-1", "zu_id": "ang-1", "art": "anlassbezogen",
                                "seit": "2019-01-01", "bis": "2020-12-31", "intensitaet": 1, "notiz": None})
    xml = netz_bytes(daten, "gexf")
    gexf_gueltig(gexf_xsd, xml)
    assert b"networkx_key" not in xml and b"key" not in xml
    root = ET.fromstring(xml)
    kanten = root.find(f"{GEXF}graph").find(f"{GEXF}edges").findall(f"{GEXF}edge")
    assert sorted(e.get("id") for e in kanten) == sorted(k["id"] for k in daten.kooperationen)
    # attribute ids are the attribute names, the same with and without parallel edges
    def ids(x: bytes) -> list:
        graph = ET.fromstring(x).find(f"{GEXF}graph")
        return [(a.get("class"), [b.get("id") for b in a]) for a in graph.findall(f"{GEXF}attributes")]
    assert ids(xml) == ids(netz_bytes(mini, "gexf"))
    assert ids(xml)[1] == ("edge", ["kooperation", "art", "seit", "bis", "intensitaet"])


def test_kumu_workbook_has_elements_and_connections(seed, tmp_path):
    pfad = export_netz(seed, tmp_path / "netz", "kumu-xlsx", "2024-06-30", "sr-kastellaun")
    assert pfad.name == "netz.xlsx"
    wb = openpyxl.load_workbook(pfad, read_only=True)
    assert wb.sheetnames == ["Elements", "Connections"]
    elemente = list(wb["Elements"].iter_rows(values_only=True))
    verbindungen = list(wb["Connections"].iter_rows(values_only=True))
    assert elemente[0][:4] == ("ID", "Label", "Type", "Tags") and elemente[0][-1] == "Jahre"
    assert verbindungen[0][:5] == ("ID", "From", "To", "Direction", "Type")
    G = netz_graph(seed, "2024-06-30", "sr-kastellaun")
    assert [r[0] for r in elemente[1:]] == list(G.nodes)
    ids = set(G.nodes)
    assert {r[0] for r in verbindungen[1:]} == {d["kooperation"] for _, _, d in G.edges(data=True)}
    assert all(r[1] in ids and r[2] in ids and r[3] == "undirected" for r in verbindungen[1:])
    koop = {k["id"]: k for k in seed.kooperationen}
    for r in verbindungen[1:]:  # every year from seit to bis, or to the Stichtag's year
        k = koop[r[0]]
        ende = int((k["bis"] or "2024")[:4])
        assert r[-1] == "|".join(str(j) for j in range(int(k["seit"][:4]), ende + 1))
    angebot = next(r for r in elemente[1:] if r[2] == "Angebot" and r[3])
    assert angebot[3] == G.nodes[angebot[0]]["themen"]  # tags separated by |, as Kumu reads them


def test_kumu_timeline_years_in_the_blueprint(mini):
    bp = json.loads(netz_bytes(mini, "kumu", "2022-06-30"))
    for c in bp["connections"]:
        assert c["Jahre"][0] == int(c["Seit"][:4]) and c["Jahre"][-1] == int((c.get("Bis") or "2022")[:4])
        assert c["Jahre"] == list(range(c["Jahre"][0], c["Jahre"][-1] + 1))
