"""Recommendations: which Angebot a Kita with a gap should cooperate with.

For every Kita gap – no Kooperation at all (2), no Beratung (3), a Thema too far away (4) – the best
candidate is an Angebot that

* serves the Kita's Sozialraum (``versorgt`` contains it or ``"alle"``),
* is not yet linked with the Kita by an active Kooperation,
* fits the gap (Art "Beratung" for gap 3, the Thema for gap 4, any Angebot for gap 2),

ranked by distance in steps of :data:`STUFE_KM` km (aufsuchend = 0 km; unknown distance last), then by **load**
– the Kitas the Angebot already works with plus the Kitas it was already recommended to in this list – so that
recommendations spread over the suitable partners instead of sending every Kita of a Sozialraum to the same one
(the reason names the load: a partner's capacity is finite), then by exact distance, then by centrality in the
Sozialraum network (higher betweenness, then more Kooperationen), then by id. A Kita that has no Kooperation
at all also lacks a Beratung: it gets one recommendation, a Beratung if one is available. Several gaps of a Kita
solved by the same Angebot are merged into one recommendation.

Examples
--------
>>> import networkx as nx
>>> H = nx.Graph()
>>> H.add_node("k1", typ="Kita", name="Kita 1", sozialraum="sr-a", lat=50.0, lon=7.0)
>>> H.add_node("a1", typ="Angebot", name="Beratung Nord", art="Beratung", themen=[], versorgt=["sr-a"],
...            lat=50.0, lon=7.2, aufsuchend=False)
>>> H.add_node("a2", typ="Angebot", name="Beratung Süd", art="Beratung", themen=[], versorgt=["sr-a"],
...            lat=50.0, lon=7.1, aufsuchend=False)
>>> [(e["kita_id"], e["angebot_id"]) for e in empfehlungen(H, H, "sr-a", {}, ohne_kooperation=["k1"],
...                                                        ohne_beratung=["k1"], entfernung=[])]
[('k1', 'a2')]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
import numpy as np

from .geo import haversine_km_np
from .hubregel import grad, signifikant
from .lueckensuche import BERATUNG, MAX_KM
from .netz import TYP_ANGEBOT, TYP_KITA, versorgt_sozialraum
from .texte import aufzaehlung, km_satz

__all__ = ["empfehlungen", "kita_partner", "angebot_zeilen", "AngebotZeilen", "STUFE_KM"]

#: Distances within the same step of this many km count as equally near (then the less loaded partner wins).
STUFE_KM = 5.0


def _q(x) -> str:
    return f"„{x}“"


def kita_partner(G: nx.Graph) -> dict:
    """For every Angebot of ``G``, the number of Kitas it cooperates with (its load), in one pass.

    Computed once for all Sozialräume: an Angebot serving many of them (a hotline for ``"alle"``) would otherwise
    have its partners counted again in each (issue 14).

    Examples
    --------
    >>> G = nx.Graph([("k1", "a1"), ("k2", "a1"), ("a2", "a1")])
    >>> for v in G:
    ...     G.nodes[v]["typ"] = "Kita" if v.startswith("k") else "Angebot"
    >>> kita_partner(G)
    {'a1': 2, 'a2': 0}
    """
    knoten, adj = G._node, G._adj
    last = {v: 0 for v, d in knoten.items() if d.get("typ") == TYP_ANGEBOT}
    for k, d in knoten.items():  # counted from the Kitas' side: one look at each Kooperation
        if d.get("typ") == TYP_KITA:
            for n in adj[k]:
                if n in last:
                    last[n] += 1
    return last


def empfehlungen(G: nx.Graph, H: nx.Graph, sozialraum_id: str, betweenness: dict, *, ohne_kooperation,
                 ohne_beratung, entfernung, thema_namen: dict | None = None, sozialraum_name: str | None = None,
                 max_km: float = MAX_KM, last: dict | None = None, zeilen: AngebotZeilen | None = None) -> list[dict]:
    """One recommendation per (Kita, Angebot), sorted by Kita id and Angebot id.

    Parameters
    ----------
    G : networkx.Graph
        The whole network (to see which Kooperationen exist).
    H : networkx.Graph
        The Sozialraum network; candidates are its Angebote that serve ``sozialraum_id``.
    betweenness : dict
        Betweenness in ``H`` (missing actors count as 0).
    ohne_kooperation, ohne_beratung : list
        Kita ids with gap 2 and gap 3.
    entfernung : list of dict
        Gap 4 entries (``kita_id``, ``thema``, ...).
    last : dict, optional
        :func:`kita_partner` of ``G`` if already computed (the analysis computes it once for all Sozialräume).
    zeilen : dict, optional
        :func:`angebot_zeilen` of ``G`` if already computed (likewise).

    Returns
    -------
    list of dict
        ``{"kita_id", "angebot_id", "grund", "luecken", "themen", "km"}``: ``grund`` is a German sentence,
        ``luecken`` the gap kinds it answers, ``themen`` the Themen (gap 4), ``km`` the distance (``0.0`` for
        aufsuchend, ``None`` if unknown).
    """
    thema_namen = thema_namen or {}
    sr = sozialraum_name or sozialraum_id
    kand = _Kandidaten.aus(G, H, sozialraum_id, betweenness, last, zeilen)
    if kand is None:
        return []
    auftraege = _auftraege(ohne_kooperation, ohne_beratung, entfernung)
    ohne_beratung_set = set(ohne_beratung)
    gewaehlt: dict = {}  # (kita, angebot) -> {"luecken": [...], "themen": [...], "km": ...}
    reihe = sorted(auftraege, key=str)
    for k, km in zip(reihe, _km_zeilen(G, reihe, kand)):
        _fuer_kita(G, k, auftraege[k], k in ohne_beratung_set, kand, gewaehlt, km)

    ergebnis = []
    for (k, a), info in sorted(gewaehlt.items(), key=lambda x: (str(x[0][0]), str(x[0][1]))):
        km = info["km"]
        km = None if np.isnan(km) else float(round(km, 2))
        ergebnis.append({
            "kita_id": k, "angebot_id": a,
            "grund": _grund(G, H, k, a, info["luecken"], info["themen"], km, sr, thema_namen, max_km,
                            info["last"], info["vorher"]),
            "luecken": list(dict.fromkeys(info["luecken"])), "themen": sorted(info["themen"]), "km": km,
        })
    return ergebnis


@dataclass
class _Kandidaten:
    """The Angebote that may be recommended in one Sozialraum, as parallel numpy columns.

    ``ids`` in static order (central first: betweenness, degree, then id; ``rang`` is that position), their
    coordinates, ``aufsuchend`` and ``beratung`` flags, ``last`` (Kitas each already cooperates with in the whole
    network), ``vorgeschlagen`` (recommendations given so far in this list; grows while Kitas are served) and
    ``themen_index`` (Thema -> positions).
    """

    ids: list
    rang: np.ndarray
    pos: dict
    lat: np.ndarray
    lon: np.ndarray
    aufsuchend: np.ndarray
    beratung: np.ndarray
    last: np.ndarray
    vorgeschlagen: np.ndarray
    themen_index: dict

    @classmethod
    def aus(cls, G: nx.Graph, H: nx.Graph, sozialraum_id: str, betweenness: dict,
            last: dict | None = None, zeilen: AngebotZeilen | None = None) -> _Kandidaten | None:
        """The candidates of ``H`` that serve ``sozialraum_id``; ``None`` if there are none. ``last`` is
        :func:`kita_partner` of ``G`` if known, ``zeilen`` :func:`angebot_zeilen` of ``G`` if known."""
        hknoten, hadj = H._node, H._adj
        ids = [v for v, d in hknoten.items() if d.get("typ") == TYP_ANGEBOT and versorgt_sozialraum(d.get("versorgt"), sozialraum_id)]
        if not ids:
            return None
        # Most candidates have betweenness 0 (signifikant(0.0) == 0.0): only the others are rounded. The degree
        # is hubregel.grad and the id its text, both read inline (half a million candidates in the national
        # stand-in, issue 14).
        bw = betweenness.get
        ids.sort(key=lambda v: (-signifikant(b) if (b := bw(v, 0.0)) else 0.0,
                                -(len(n := hadj[v]) + (v in n)), v if type(v) is str else str(v)))
        themen_index: dict = defaultdict(list)
        for i, v in enumerate(ids):
            for t in set(hknoten[v].get("themen") or ()):
                themen_index[t].append(i)
        if zeilen is None:
            spalten = np.array([_zeile(hknoten[v], _last(G, v, last)) for v in ids], dtype=float).reshape(len(ids), 5)
        else:
            spalten = zeilen.fuer(ids)
        return cls(
            ids=ids, rang=np.arange(len(ids)), pos={v: i for i, v in enumerate(ids)},
            lat=spalten[:, 0].copy(), lon=spalten[:, 1].copy(), aufsuchend=spalten[:, 2] > 0,
            beratung=spalten[:, 3] > 0, last=spalten[:, 4].astype(int),
            vorgeschlagen=np.zeros(len(ids), dtype=int), themen_index=themen_index)


def _zeile(d: dict, last: int) -> tuple:
    """The numeric columns of one Angebot for :class:`_Kandidaten`: lat, lon (``nan`` if unknown), aufsuchend,
    Beratung (1.0/0.0) and its load."""
    lat, lon = d.get("lat"), d.get("lon")
    return (np.nan if lat is None else lat, np.nan if lon is None else lon, 1.0 if d.get("aufsuchend") else 0.0,
            1.0 if d.get("art") == BERATUNG else 0.0, last)


class AngebotZeilen:
    """The rows of :func:`_zeile` for many Angebote: one float matrix and each Angebot's row number."""

    def __init__(self, ids: list, werte: np.ndarray):
        self.pos = dict(zip(ids, range(len(ids))))
        self.werte = werte

    def fuer(self, ids: list) -> np.ndarray:
        """The rows of ``ids``, in that order (a new matrix)."""
        return self.werte[[self.pos[v] for v in ids]]


def angebot_zeilen(G: nx.Graph, last: dict | None = None) -> AngebotZeilen:
    """For every Angebot of ``G``, its columns for the recommendations (coordinates, aufsuchend, Beratung, load),
    once for all Sozialräume (issue 14). ``last`` is :func:`kita_partner` of ``G`` if known.

    One matrix instead of a tuple of five numbers per Angebot: 300 000 of them were 80 MiB of the national
    analysis, and a new matrix for every Sozialraum's candidates is a single index operation.

    Examples
    --------
    >>> G = nx.Graph([("k1", "a1")])
    >>> G.nodes["k1"]["typ"] = "Kita"
    >>> G.nodes["a1"].update(typ="Angebot", art="Beratung", lat=50.0, lon=None, aufsuchend=False)
    >>> angebot_zeilen(G).fuer(["a1"]).tolist()
    [[50.0, nan, 0.0, 1.0, 1.0]]
    """
    last = kita_partner(G) if last is None else last
    knoten = G._node
    ids = [v for v, d in knoten.items() if d.get("typ") == TYP_ANGEBOT]
    werte = np.array([_zeile(knoten[v], last.get(v, 0)) for v in ids], dtype=float).reshape(len(ids), 5)
    return AngebotZeilen(ids, werte)


def _last(G: nx.Graph, v, last: dict | None) -> int:
    """The Kitas Angebot ``v`` cooperates with in ``G`` (from ``last`` when given)."""
    if last is not None:
        return last.get(v, 0)
    return sum(1 for n in G._adj[v] if G._node[n].get("typ") == TYP_KITA) if v in G else 0


def _auftraege(ohne_kooperation, ohne_beratung, entfernung) -> dict:
    """The gaps to answer per Kita: ``kita -> [(luecke, thema)]`` (thema only for gap 4)."""
    auftraege: dict = defaultdict(list)
    for k in ohne_kooperation:
        auftraege[k].append(("kitas_ohne_kooperation", None))
    for k in ohne_beratung:
        auftraege[k].append(("kitas_ohne_beratung", None))
    for x in entfernung:
        auftraege[x["kita_id"]].append(("entfernung", x["thema"]))
    return auftraege


def _km_zeilen(G: nx.Graph, kitas: list, kand: _Kandidaten) -> np.ndarray:
    """The km from each Kita to each candidate, one row per Kita: haversine, 0 for aufsuchend, ``nan`` where
    coordinates are missing. One computation for all Kitas of a Sozialraum (the same values, element by
    element, as one row at a time; issue 14).

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("k1", lat=50.0, lon=7.0); G.add_node("k2", lat=None, lon=None)
    >>> kand = _Kandidaten(ids=["a1", "a2"], rang=None, pos=None, lat=np.array([50.0, 51.0]),
    ...                    lon=np.array([7.1, 7.0]), aufsuchend=np.array([False, True]), beratung=None, last=None,
    ...                    vorgeschlagen=None, themen_index=None)
    >>> _km_zeilen(G, ["k1", "k2"], kand).round(2).tolist()
    [[7.15, 0.0], [nan, 0.0]]
    """
    knoten = G._node
    lat = np.array([_oder_nan(knoten[k].get("lat"), knoten[k].get("lon")) for k in kitas], dtype=float)
    lon = np.array([_oder_nan(knoten[k].get("lon"), knoten[k].get("lat")) for k in kitas], dtype=float)
    km = haversine_km_np(lat[:, None], lon[:, None], kand.lat[None, :], kand.lon[None, :])
    return np.where(kand.aufsuchend[None, :], 0.0, km)


def _oder_nan(x, anderer) -> float:
    """``x``, or ``nan`` when it or the ``anderer`` coordinate of the pair is missing."""
    return np.nan if x is None or anderer is None else x


def _fuer_kita(G: nx.Graph, k, auftraege: list, ohne_beratung: bool, kand: _Kandidaten, gewaehlt: dict,
               km: np.ndarray) -> None:
    """Choose the partners for the gaps of Kita ``k`` and note them in ``gewaehlt`` (and in the candidates' load).

    ``km`` is the Kita's row of :func:`_km_zeilen`. The best candidate among those not yet linked with ``k``: by
    distance step, then load, exact distance and static rank. A Kita without any Kooperation that also lacks a
    Beratung gets one Beratung for both gaps.
    """
    n = len(kand.ids)
    frei = np.ones(n, dtype=bool)
    for a in G._adj[k]:
        i = kand.pos.get(a)
        if i is not None:
            frei[i] = False
    km_sort = np.where(np.isnan(km), np.inf, km)

    def bester(maske):
        idx = np.nonzero(maske & frei)[0]
        if len(idx) == 0:
            return None
        stufe = np.floor(km_sort[idx] / STUFE_KM)
        ordnung = np.lexsort((kand.rang[idx], km_sort[idx], kand.last[idx] + kand.vorgeschlagen[idx], stufe))
        return int(idx[ordnung[0]])

    def merken(i: int, luecke: str, thema=None) -> None:
        if (k, kand.ids[i]) not in gewaehlt:
            kand.vorgeschlagen[i] += 1
        eintrag = gewaehlt.setdefault((k, kand.ids[i]), {"luecken": [], "themen": [], "km": km[i],
                                                          "last": int(kand.last[i]),
                                                          "vorher": int(kand.vorgeschlagen[i]) - 1})
        if luecke not in eintrag["luecken"]:
            eintrag["luecken"].append(luecke)
        if thema is not None:
            eintrag["themen"].append(thema)

    luecken = {art for art, _ in auftraege}
    if "kitas_ohne_kooperation" in luecken:
        # no Kooperation at all: a Beratung closes both gaps, else any Angebot closes the first
        i = bester(kand.beratung) if ohne_beratung else None
        if i is not None:
            merken(i, "kitas_ohne_kooperation")
            merken(i, "kitas_ohne_beratung")
            luecken.discard("kitas_ohne_beratung")
        else:
            i = bester(np.ones(n, dtype=bool))
            if i is not None:
                merken(i, "kitas_ohne_kooperation")
    if "kitas_ohne_beratung" in luecken:
        i = bester(kand.beratung)
        if i is not None:
            merken(i, "kitas_ohne_beratung")
    for luecke, t in auftraege:
        if luecke == "entfernung":
            maske = np.zeros(n, dtype=bool)
            maske[kand.themen_index.get(t, [])] = True
            i = bester(maske)
            if i is not None:
                merken(i, "entfernung", t)


def _kapazitaet(last: int, vorher: int) -> str:
    """The load of a partner in words (its capacity is finite)."""
    teile = ["arbeitet bisher mit keiner Kita" if last == 0 else
             "arbeitet bisher mit 1 Kita" if last == 1 else f"arbeitet bisher mit {last} Kitas"]
    if vorher:
        teile.append(f"hier schon für {vorher} weitere Kita{'s' if vorher != 1 else ''} vorgeschlagen")
    return "Kapazität: " + ", ".join(teile)


def _grund(G, H, k, a, luecken, themen, km, sr, thema_namen, max_km, last: int = 0, vorher: int = 0) -> str:
    kn = _q(G._node[k].get("name") or k)
    d = H._node[a]
    teile = []
    if "kitas_ohne_kooperation" in luecken and "kitas_ohne_beratung" in luecken:
        teile.append(f"{kn} hat keine aktive Kooperation und keine Beratung als Partner.")
    elif "kitas_ohne_kooperation" in luecken:
        teile.append(f"{kn} hat keine aktive Kooperation.")
    elif "kitas_ohne_beratung" in luecken:
        teile.append(f"{kn} kooperiert mit keinem Beratungsangebot.")
    if themen:
        namen = aufzaehlung([_q(thema_namen.get(t, t)) for t in sorted(themen)], hoechstens=10)
        wort = "Thema" if len(themen) == 1 else "den Themen"
        artikel = "zum" if len(themen) == 1 else "zu"
        teile.append(f"Für {kn} ist das nächste Angebot {artikel} {wort} {namen} mehr als {km_satz(max_km)} entfernt.")
    if d.get("aufsuchend"):
        wo = "kommt als aufsuchendes Angebot zu den Familien"
    elif km is None:
        wo = "Entfernung unbekannt (Koordinaten fehlen)"
    else:
        wo = f"{km_satz(km)} entfernt"
    n = grad(H, a)
    vernetzt = ("bisher ohne Kooperation im Sozialraum" if n == 0
                else "1 Kooperation im Sozialraum" if n == 1 else f"{n} Kooperationen im Sozialraum")
    art = f" ({d.get('art')})" if d.get("art") else ""
    teile.append(f"Vorschlag: {_q(d.get('name') or a)}{art} – versorgt {sr}, {wo}, {vernetzt}; "
                 f"{_kapazitaet(last, vorher)}.")
    return " ".join(teile)
