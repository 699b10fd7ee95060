"""Gaps (Lücken) in the network of a Sozialraum, each with a German reason a coordinator can act on.

Six kinds, in :data:`LUECKENARTEN`:

1. ``themen_ohne_angebot`` – Themen with no active Angebot located in or serving the Sozialraum.
2. ``kitas_ohne_kooperation`` – Kitas of the Sozialraum without any active Kooperation.
3. ``kitas_ohne_beratung`` – Kitas without an active Kooperation to an Angebot of Art "Beratung".
4. ``entfernung`` – for a Kita and a Thema, the nearest active Angebot with that Thema is farther than
   ``max_km`` (haversine); an *aufsuchend* Angebot counts as 0 km for the Sozialräume it serves.
5. ``einzige_verbindung`` – an Angebot is the only partner through which some Kitas reach a Thema
   (``thema`` set), or an articulation point of the Sozialraum network whose removal cuts Kitas off from the
   rest (``thema`` is ``None``).
6. ``komponenten_ohne_beratung`` – connected parts (two actors or more) of the Sozialraum network that
   contain Kitas but no Beratung.

Examples
--------
>>> import networkx as nx
>>> G = nx.Graph()
>>> G.add_node("k1", typ="Kita", sozialraum="sr-a", name="Kita 1")
>>> G.add_node("k2", typ="Kita", sozialraum="sr-a", name="Kita 2")
>>> G.add_node("a1", typ="Angebot", art="Freizeit", themen=["bewegung"], versorgt=["sr-a"], name="Turnen")
>>> G.add_edge("k1", "a1")
>>> kitas_ohne_kooperation(G, ["k1", "k2"]), kitas_ohne_beratung(G, ["k1", "k2"])
(['k2'], ['k1', 'k2'])
>>> themen_ohne_angebot(G, ["bewegung", "sucht"])
['sucht']
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from network.grund.format import datum
from network.model import KREISWEIT

from .geo import naechste
from .netz import TYP_ANGEBOT, TYP_KITA, nach_text
from .texte import aufzaehlung, km_satz
from .trennstellen import abgeschnitten

__all__ = ["LUECKENARTEN", "BERATUNG", "MAX_KM", "Entfernungen", "Luecken", "themen_ohne_angebot",
           "kitas_ohne_kooperation", "kitas_ohne_beratung", "entfernungen", "einzige_verbindung",
           "komponenten_ohne_beratung", "luecken_im_sozialraum"]

#: The kinds of gap, in the order of the report.
LUECKENARTEN = ("themen_ohne_angebot", "kitas_ohne_kooperation", "kitas_ohne_beratung", "entfernung",
                "einzige_verbindung", "komponenten_ohne_beratung")

#: The Art of an Angebot that counts as counselling.
BERATUNG = "Beratung"

#: Default distance in km beyond which a Thema counts as too far away.
MAX_KM = 15.0

#: In :func:`einzige_verbindung`: a Thema reached through more than one partner.
_MEHRERE = object()


def _ist_beratung(d: dict) -> bool:
    return d.get("typ") == TYP_ANGEBOT and d.get("art") == BERATUNG


def themen_ohne_angebot(H: nx.Graph, themen) -> list[str]:
    """Themen (ids, sorted) that no Angebot in the Sozialraum network ``H`` offers.

    ``H`` holds the active Angebote located in or serving the Sozialraum (see
    :func:`~network.analyse.netz.sozialraum_netz`).

    Examples
    --------
    >>> H = nx.Graph(); H.add_node("a", typ="Angebot", themen=["sucht"])
    >>> themen_ohne_angebot(H, ["sucht", "kultur", "bewegung"])
    ['bewegung', 'kultur']
    """
    fehlen = set(themen)
    for d in H._node.values():  # the attribute dicts directly, without the NodeDataView's tuples
        if d.get("typ") == TYP_ANGEBOT:
            ts = d.get("themen")
            if ts:
                fehlen.difference_update(ts)
                if not fehlen:
                    break  # every Thema found (as a rule after a few Angebote)
    return sorted(fehlen)


def kitas_ohne_kooperation(G: nx.Graph, kitas) -> list:
    """Kitas (sorted ids) with no active Kooperation in the whole network ``G``.

    Examples
    --------
    >>> G = nx.Graph([("k1", "a1")]); G.add_node("k2")
    >>> kitas_ohne_kooperation(G, ["k2", "k1"])
    ['k2']
    """
    return nach_text(k for k in kitas if not G._adj[k])


def kitas_ohne_beratung(G: nx.Graph, kitas) -> list:
    """Kitas (sorted ids) without an active Kooperation to an Angebot of Art "Beratung".

    Examples
    --------
    >>> G = nx.Graph([("k1", "a1"), ("k2", "a2")])
    >>> G.nodes["a1"].update(typ="Angebot", art="Beratung"); G.nodes["a2"].update(typ="Angebot", art="Freizeit")
    >>> kitas_ohne_beratung(G, ["k1", "k2"])
    ['k2']
    """
    knoten = G._node
    return nach_text(k for k in kitas if not any(_ist_beratung(knoten[a]) for a in G._adj[k]))


@dataclass
class Entfernungen:
    """Result of :func:`entfernungen` for a set of Kitas."""

    max_km: float
    #: Kita -> [(thema, nearest angebot, km)] for every Thema whose nearest Angebot is beyond ``max_km``.
    zu_weit: dict = field(default_factory=dict)
    #: Kitas without coordinates (no distance could be computed).
    ohne_koordinaten: list = field(default_factory=list)
    #: (sozialraum, thema) pairs with active Angebote but none with coordinates and none aufsuchend.
    nicht_messbar: set = field(default_factory=set)


def entfernungen(G: nx.Graph, kitas, themen, max_km: float = MAX_KM, *, verfahren: str = "auto") -> Entfernungen:
    """For each Kita and Thema, the nearest active Angebot with the Thema where it is beyond ``max_km``.

    Distances are haversine km between the coordinates of Kita and Angebot. An Angebot marked
    ``aufsuchend`` counts as 0 km for every Kita in a Sozialraum it serves, so such a pair is never a gap.
    Among equally near Angebote the one with the smallest id is named. Angebote without coordinates take part
    only as aufsuchend. Kitas without coordinates are listed in ``ohne_koordinaten`` instead.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("k1", typ="Kita", sozialraum="sr-a", lat=50.0, lon=7.0)
    >>> G.add_node("k2", typ="Kita", sozialraum="sr-a", lat=None, lon=None)
    >>> G.add_node("a1", typ="Angebot", themen=["sucht"], versorgt=["sr-a"], lat=50.0, lon=7.3, aufsuchend=False)
    >>> e = entfernungen(G, ["k1", "k2"], ["sucht"], max_km=15)
    >>> [(t, a, round(km, 1)) for t, a, km in e.zu_weit["k1"]], e.ohne_koordinaten
    ([('sucht', 'a1', 21.4)], ['k2'])
    """
    knoten = G._node
    themen = sorted(set(themen))
    abgedeckt: set = set()  # (sozialraum, thema) served by an aufsuchend Angebot
    kreisweit: set = set()  # themen served everywhere by an aufsuchend Angebot
    mit_thema: dict = defaultdict(list)  # thema -> [(id, lat, lon)] in id order
    irgendwo: set = set()  # themen with at least one active Angebot
    themenmenge = set(themen)
    for v in nach_text([v for v, d in knoten.items() if d.get("typ") == TYP_ANGEBOT]):
        d = knoten[v]
        ts = themenmenge.intersection(d.get("themen") or ())
        if not ts:
            continue
        irgendwo.update(ts)
        if d.get("aufsuchend"):
            versorgt = d.get("versorgt") or ()
            if KREISWEIT in versorgt:
                kreisweit.update(ts)
            else:
                abgedeckt.update((s, t) for s in versorgt for t in ts)
        if d.get("lat") is not None and d.get("lon") is not None:
            for t in ts:
                mit_thema[t].append((v, d["lat"], d["lon"]))

    ergebnis = Entfernungen(max_km=max_km)
    mess = []
    for k in kitas:
        d = knoten[k]
        if d.get("lat") is None or d.get("lon") is None:
            ergebnis.ohne_koordinaten.append(k)
        else:
            mess.append(k)
    ergebnis.ohne_koordinaten = nach_text(ergebnis.ohne_koordinaten)
    if not mess:
        return ergebnis
    qlat = np.array([knoten[k]["lat"] for k in mess], dtype=float)
    qlon = np.array([knoten[k]["lon"] for k in mess], dtype=float)
    qsr = [knoten[k].get("sozialraum") for k in mess]

    abgedeckt_je_thema: dict = defaultdict(set)  # thema -> Sozialräume an aufsuchend Angebot serves with it
    for s, t in abgedeckt:
        abgedeckt_je_thema[t].add(s)
    zu_weit: dict = defaultdict(list)
    for t in themen:
        if t in kreisweit or t not in irgendwo:
            continue  # 0 km everywhere, or no Angebot at all (that is gap 1, themen_ohne_angebot)
        ohne = abgedeckt_je_thema.get(t)
        noetig = list(range(len(qsr))) if ohne is None else [i for i, s in enumerate(qsr) if s not in ohne]
        if not noetig:
            continue
        ziele = mit_thema.get(t)
        if not ziele:
            ergebnis.nicht_messbar.update((qsr[i], t) for i in noetig)
            continue
        zlat = np.array([z[1] for z in ziele], dtype=float)
        zlon = np.array([z[2] for z in ziele], dtype=float)
        idx_n = np.array(noetig, dtype=np.int64)
        idx, km = naechste(qlat[idx_n], qlon[idx_n], zlat, zlon, verfahren=verfahren)
        for j in np.nonzero(km > max_km)[0].tolist():
            zu_weit[mess[noetig[j]]].append((t, ziele[int(idx[j])][0], float(km[j])))
    ergebnis.zu_weit = dict(zu_weit)
    return ergebnis


def einzige_verbindung(G: nx.Graph, H: nx.Graph, kitas) -> list[dict]:
    """Angebote that are the only link of some Kitas to a Thema, and Angebote that cut Kitas off.

    Two kinds of entry, both ``{"angebot_id", "kita_ids", "thema"}``:

    * ``thema`` set: among the Kita's direct partners in ``G`` (the whole network) exactly one Angebot offers
      this Thema; ``kita_ids`` are all such Kitas of the Sozialraum.
    * ``thema`` is ``None``: the Angebot is an articulation point of the Sozialraum network ``H``; removing it
      leaves ``kita_ids`` outside the largest remaining part (see :mod:`~network.analyse.trennstellen`).

    Sorted by Angebot id, then Thema (``None`` first).

    Examples
    --------
    >>> G = nx.Graph([("k1", "a1"), ("k2", "a1"), ("k2", "a2")])
    >>> for a, ts in {"a1": ["sucht"], "a2": ["sucht", "kultur"]}.items():
    ...     G.nodes[a].update(typ="Angebot", themen=ts)
    >>> for k in ("k1", "k2"):
    ...     G.nodes[k].update(typ="Kita")
    >>> einzige_verbindung(G, G, ["k1", "k2"])
    [{'angebot_id': 'a1', 'kita_ids': ['k1'], 'thema': None}, {'angebot_id': 'a1', 'kita_ids': ['k1'], 'thema': 'sucht'}, {'angebot_id': 'a2', 'kita_ids': ['k2'], 'thema': 'kultur'}]
    """
    knoten, adj = G._node, G._adj
    kitas = nach_text(kitas)  # once: every list of Kitas below is then built in sorted order
    paare: dict = defaultdict(list)
    for k in kitas:
        einziger: dict = {}  # Thema -> the one partner offering it, or _MEHRERE
        for a in adj[k]:
            d = knoten[a]
            if d.get("typ") != TYP_ANGEBOT:
                continue
            for t in d.get("themen") or ():
                b = einziger.get(t)
                if b is None:
                    einziger[t] = a
                elif b is not _MEHRERE and b != a:  # b == a: the Thema twice in one Angebot's list
                    einziger[t] = _MEHRERE
        for t, a in einziger.items():
            if a is not _MEHRERE:
                paare[(a, t)].append(k)
    eintraege = [{"angebot_id": a, "kita_ids": ks, "thema": t} for (a, t), ks in paare.items()]
    kitamenge = set(kitas)
    hknoten = H._node
    for a, ks in abgeschnitten(H, kitamenge, nur=lambda v: hknoten[v].get("typ") == TYP_ANGEBOT).items():
        eintraege.append({"angebot_id": a, "kita_ids": nach_text(ks), "thema": None})
    eintraege.sort(key=lambda e: (str(e["angebot_id"]), e["thema"] is not None, e["thema"] or ""))
    return eintraege


def komponenten_ohne_beratung(H: nx.Graph, komponenten=None) -> list[list]:
    """Connected parts of ``H`` with at least two actors and one Kita, but no Beratung (sorted ids).

    Isolated Kitas are not listed here (they are ``kitas_ohne_kooperation``).

    Examples
    --------
    >>> H = nx.Graph([("k1", "a1"), ("k2", "a2")])
    >>> H.add_node("k3", typ="Kita")
    >>> for v, d in {"k1": {"typ": "Kita"}, "k2": {"typ": "Kita"}, "a1": {"typ": "Angebot", "art": "Freizeit"},
    ...              "a2": {"typ": "Angebot", "art": "Beratung"}}.items():
    ...     H.nodes[v].update(d)
    >>> komponenten_ohne_beratung(H)
    [['a1', 'k1']]
    """
    if komponenten is None:
        komponenten = nx.connected_components(H)
    knoten = H._node
    ergebnis = []
    for c in komponenten:
        if len(c) < 2:
            continue
        if any(knoten[v].get("typ") == TYP_KITA for v in c) and not any(_ist_beratung(knoten[v]) for v in c):
            ergebnis.append(nach_text(c))
    ergebnis.sort(key=lambda c: str(c[0]))
    return ergebnis


@dataclass
class Luecken:
    """All gaps of one Sozialraum, with one German reason per entry.

    ``gruende[art][i]`` explains entry ``i`` of the list ``art``; ``hinweise`` are notes about data that could
    not be judged (for example a Kita without coordinates).
    """

    themen_ohne_angebot: list = field(default_factory=list)
    kitas_ohne_kooperation: list = field(default_factory=list)
    kitas_ohne_beratung: list = field(default_factory=list)
    entfernung: list = field(default_factory=list)
    einzige_verbindung: list = field(default_factory=list)
    komponenten_ohne_beratung: list = field(default_factory=list)
    gruende: dict = field(default_factory=dict)
    hinweise: list = field(default_factory=list)

    def als_dict(self) -> dict:
        """The six lists under their contract keys."""
        return {art: getattr(self, art) for art in LUECKENARTEN}

    def anzahl(self) -> int:
        """Number of entries over all six kinds."""
        return sum(len(getattr(self, art)) for art in LUECKENARTEN)


def _q(name) -> str:
    return f"„{name}“"


def _namen(G: nx.Graph, ids) -> list[str]:
    return [_q(G._node[v].get("name") or v) for v in ids]


def luecken_im_sozialraum(G: nx.Graph, H: nx.Graph, sozialraum_id: str, *, themen, entfernung: Entfernungen,
                          komponenten=None, thema_namen: dict | None = None, sozialraum_name: str | None = None,
                          mit_gruenden: bool = True) -> Luecken:
    """All six kinds of gap for one Sozialraum.

    Parameters
    ----------
    G : networkx.Graph
        The whole network on the Stichtag (:func:`~network.analyse.netz.network_at`).
    H : networkx.Graph
        The Sozialraum network (:func:`~network.analyse.netz.sozialraum_netz`).
    sozialraum_id : str
    themen : iterable of str
        The Thema vocabulary (ids).
    entfernung : Entfernungen
        Distances computed by :func:`entfernungen` for (at least) the Kitas of this Sozialraum.
    komponenten : list of list, optional
        Components of ``H`` if already computed.
    thema_namen, sozialraum_name : optional
        Display names for the reasons.
    mit_gruenden : bool
        ``False`` skips the German sentences (for counting only).
    """
    thema_namen = thema_namen or {}
    sr = sozialraum_name or sozialraum_id
    hknoten = H._node
    kitas = nach_text(v for v, d in hknoten.items() if d.get("typ") == TYP_KITA and d.get("sozialraum") == sozialraum_id)

    e = Luecken()
    e.themen_ohne_angebot = themen_ohne_angebot(H, themen)
    e.kitas_ohne_kooperation = kitas_ohne_kooperation(G, kitas)
    e.kitas_ohne_beratung = kitas_ohne_beratung(G, kitas)
    eintraege = []
    for k in kitas:
        for t, a, km in entfernung.zu_weit.get(k, ()):
            eintraege.append({"kita_id": k, "thema": t, "angebot_id": a, "km": round(km, 2)})
    eintraege.sort(key=lambda x: (-x["km"], str(x["kita_id"]), x["thema"]))
    e.entfernung = eintraege
    e.einzige_verbindung = einzige_verbindung(G, H, kitas)
    e.komponenten_ohne_beratung = komponenten_ohne_beratung(H, komponenten)

    kitamenge = set(kitas)
    ohne_koord = [k for k in entfernung.ohne_koordinaten if k in kitamenge]
    nicht_messbar = sorted(t for s, t in entfernung.nicht_messbar if s == sozialraum_id)
    if not mit_gruenden:
        return e
    _gruende(e, G, H, sr, thema_namen, entfernung.max_km)
    _hinweise(e, G, sr, thema_namen, ohne_koord, nicht_messbar)
    return e


def _gruende(e: Luecken, G: nx.Graph, H: nx.Graph, sr: str, thema_namen: dict, max_km: float) -> None:
    """Fill ``e.gruende``: one German sentence per gap found, with what to check or do about it."""
    tn = lambda t: _q(thema_namen.get(t, t))  # noqa: E731
    name = lambda v: _q(G._node[v].get("name") or v)  # noqa: E731
    stichtag = G.graph.get("stichtag")
    tag = datum(stichtag) if stichtag else "Stichtag"
    g = e.gruende
    g["themen_ohne_angebot"] = [
        f"Im Sozialraum {sr} gibt es am {tag} kein aktives Angebot zum Thema {tn(t)} – weder vor Ort noch mit "
        f"{sr} im Einzugsgebiet. Prüfen, ob ein Angebot aus der Nachbarschaft {sr} mitversorgen kann oder ein "
        f"neues Angebot gebraucht wird."
        for t in e.themen_ohne_angebot]
    g["kitas_ohne_kooperation"] = [
        f"{name(k)} hat am {tag} keine aktive Kooperation. Kontakt aufnehmen und eine erste Kooperation "
        f"anbahnen (siehe Empfehlung)."
        for k in e.kitas_ohne_kooperation]
    g["kitas_ohne_beratung"] = [
        f"{name(k)} kooperiert mit keinem Beratungsangebot. Eine Kooperation mit einer Beratungsstelle "
        f"erleichtert Familien den Weg in die Beratung."
        for k in e.kitas_ohne_beratung]
    g["entfernung"] = [
        f"Für {name(x['kita_id'])} ist das nächste Angebot zum Thema {tn(x['thema'])} ({name(x['angebot_id'])}) "
        f"{km_satz(x['km'])} entfernt – mehr als {km_satz(max_km)} – und kein aufsuchendes Angebot zu "
        f"diesem Thema versorgt {sr}. Prüfen: aufsuchendes Angebot, Sprechstunde vor Ort oder Fahrdienst."
        for x in e.entfernung]
    saetze = []
    for x in e.einzige_verbindung:
        ks = x["kita_ids"]
        wer = aufzaehlung(_namen(G, ks))
        if x["thema"] is not None:
            verb = "erreicht" if len(ks) == 1 else "erreichen"
            saetze.append(
                f"{name(x['angebot_id'])} ist der einzige Partner, über den {wer} das Thema {tn(x['thema'])} "
                f"{verb}. Endet diese Kooperation, fehlt das Thema dort – ein zweites Angebot zum Thema einbinden.")
        else:
            verb, diese = ("wäre", "diese Kita") if len(ks) == 1 else ("wären", "diese Kitas")
            saetze.append(
                f"Ohne {name(x['angebot_id'])} {verb} {wer} vom übrigen Netz im Sozialraum {sr} abgeschnitten. "
                f"Weitere Kooperationen für {diese} aufbauen, damit das Netz nicht an einer Stelle hängt.")
    g["einzige_verbindung"] = saetze
    saetze = []
    for c in e.komponenten_ohne_beratung:
        n_kitas = sum(1 for v in c if H._node[v].get("typ") == TYP_KITA)
        kitas_text = "1 Kita" if n_kitas == 1 else f"{n_kitas} Kitas"
        saetze.append(
            f"{len(c)} Akteure ({aufzaehlung(_namen(H, c))}) bilden einen eigenen Teil des Netzes mit "
            f"{kitas_text}, aber ohne Beratungsangebot. Eine Beratung in diesen Teil einbinden, z. B. über "
            f"eine Kooperation mit einer der Kitas.")
    g["komponenten_ohne_beratung"] = saetze


def _hinweise(e: Luecken, G: nx.Graph, sr: str, thema_namen: dict, ohne_koord: list, nicht_messbar: list) -> None:
    """Add to ``e.hinweise`` what could not be measured: Kitas without coordinates, Themen whose Angebote have
    none."""
    for k in ohne_koord:
        name = _q(G._node[k].get("name") or k)
        e.hinweise.append(
            f"{name} ({k}) hat keine Koordinaten – die Entfernung zu Angeboten kann nicht berechnet werden. "
            f"Bitte Breiten- und Längengrad (lat/lon) in kitas.csv ergänzen.")
    for t in nicht_messbar:
        thema = _q(thema_namen.get(t, t))
        e.hinweise.append(
            f"Zum Thema {thema} hat kein aktives Angebot Koordinaten – ob es für die Kitas in {sr} zu weit "
            f"entfernt ist, kann nicht geprüft werden. Bitte lat/lon in angebote.csv ergänzen.")
