"""The whole analysis: every Sozialraum and the whole district, computed once.

:func:`auswerten` computes everything and returns an :class:`Auswertung`; :func:`analyse` returns its JSON
report (the contract used by the CLI and the app). The DataFrame views live in
:mod:`network.analyse.tabellen`.

Examples
--------
>>> from network.model import Netzdaten
>>> daten = Netzdaten(
...     sozialraeume=[{"id": "sr-a", "name": "A"}],
...     themen=[{"id": "sucht", "name": "Sucht"}],
...     gemeinden=[{"id": "g1", "name": "G1", "sozialraum_id": "sr-a"}],
...     kitas=[{"id": "k1", "name": "Kita 1", "gemeinde_id": "g1", "lat": 50.0, "lon": 7.5}],
...     angebote=[{"id": "a1", "name": "Suchtberatung", "art": "Beratung", "themen": ["sucht"],
...                "gemeinde_id": "g1", "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.6}],
...     kooperationen=[])
>>> bericht = analyse(daten, "2024-01-01")
>>> sr = bericht["sozialraeume"][0]
>>> sr["kitas"], sr["angebote"], sr["kooperationen"], sr["luecken"]["kitas_ohne_kooperation"]
(1, 1, 0, ['k1'])
>>> [(e["kita_id"], e["angebot_id"]) for e in sr["empfehlungen"]]
[('k1', 'a1')]
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx

from network.errors import NichtGefundenFehler
from network.grund.zeit import stichtag_iso
from network.grund.zyklensammler import pausiert
from network.model import KREISWEIT, STANDARD_THEMEN, Netzdaten

from .empfehlung import angebot_zeilen, kita_partner
from .empfehlung import empfehlungen as _empfehlungen
from .hubregel import HUBS, hub_ids
from .kennzahlen import SEED, Kennzahlen, backend_waehlen, kennzahlen
from .lueckensuche import LUECKENARTEN, MAX_KM, Entfernungen, Luecken, entfernungen, luecken_im_sozialraum
from .netz import TYP_ANGEBOT, TYP_KITA, network_at, network_at_mit_kanten, sozialraum_mitglieder, teilnetz_mit_kanten

__all__ = ["STICHPROBE", "EXAKT_BIS", "GESAMT_ID", "GESAMT_NAME", "SozialraumAuswertung", "GesamtAuswertung",
           "Auswertung", "auswerten", "analyse", "themen_vokabular"]

#: Betweenness of a graph with more actors than this is estimated from a sample of sources …
EXAKT_BIS = 2000
#: … of this many sources (seeded with :data:`~network.analyse.kennzahlen.SEED`).
STICHPROBE = 64
#: Id and name of the whole-district entry.
GESAMT_ID = KREISWEIT
GESAMT_NAME = "Gesamt"


def _runden(x: float | None, stellen: int = 6) -> float | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(f"{x:.{stellen}g}")


def _mittel(werte) -> float | None:
    werte = [w for w in werte if w is not None and not (isinstance(w, float) and math.isnan(w))]
    return sum(werte) / len(werte) if werte else None


def themen_vokabular(daten: Netzdaten) -> tuple[list[str], dict[str, str]]:
    """The Thema ids in force (sorted) and their names.

    The vocabulary is the ``themen`` file; if it is empty, the Themen used by any Angebote.

    Examples
    --------
    >>> themen_vokabular(Netzdaten(angebote=[{"id": "a", "themen": ["sucht", "kultur"]}]))
    (['kultur', 'sucht'], {'kultur': 'Musik/Kultur', 'sucht': 'Sucht'})
    """
    standard = dict(STANDARD_THEMEN)
    if daten.themen:
        namen = {t["id"]: t.get("name") or standard.get(t["id"], t["id"]) for t in daten.themen}
    else:
        ids = {t for a in daten.angebote for t in (a.get("themen") or ())}
        namen = {t: standard.get(t, t) for t in ids}
    ids = sorted(namen)
    return ids, {t: namen[t] for t in ids}


def _hub_eintraege(G: nx.Graph, k: Kennzahlen, n: int = HUBS) -> list[dict]:
    knoten = G._node
    return [{"id": v, "name": knoten[v].get("name"), "typ": knoten[v].get("typ"), "degree": k.grad[v],
             "betweenness": _runden(k.betweenness.get(v, 0.0))} for v in hub_ids(G, k.betweenness, n)]


@dataclass
class SozialraumAuswertung:
    """Everything computed for one Sozialraum."""

    id: str
    name: str
    netz: nx.Graph
    kennzahlen: Kennzahlen
    kitas: list
    angebote: list
    angebote_vor_ort: int
    hubs: list
    luecken: Luecken
    empfehlungen: list = field(default_factory=list)

    @property
    def externe_kooperationen(self) -> int:
        """Kooperationen with one end in the Sozialraum and the other outside."""
        return self.netz.graph.get("extern", 0)

    @property
    def externer_anteil(self) -> float:
        """Share of external Kooperationen among all Kooperationen touching the Sozialraum."""
        gesamt = self.kennzahlen.kooperationen + self.externe_kooperationen
        return self.externe_kooperationen / gesamt if gesamt else 0.0

    def eintrag(self) -> dict:
        """The report entry: the contract keys first, then extra keys."""
        k = self.kennzahlen
        return {
            "id": self.id,
            "name": self.name,
            "kitas": len(self.kitas),
            "angebote": len(self.angebote),
            "kooperationen": k.kooperationen,
            "dichte": _runden(k.dichte),
            "komponenten": k.anzahl_komponenten,
            "hubs": self.hubs,
            "luecken": self.luecken.als_dict(),
            "empfehlungen": [{"kita_id": e["kita_id"], "angebot_id": e["angebot_id"], "grund": e["grund"]}
                             for e in self.empfehlungen],
            # extra keys
            "angebote_vor_ort": self.angebote_vor_ort,
            "externe_kooperationen": self.externe_kooperationen,
            "externer_anteil": _runden(self.externer_anteil),
            "komponenten_mit_kooperation": sum(1 for c in k.komponenten if len(c) > 1),
            "grad_mittel": _runden(_mittel(k.grad.values())),
            "gewichteter_grad_mittel": _runden(_mittel(k.gewichteter_grad.values())),
            "artikulationspunkte": sorted(k.artikulationspunkte, key=str),
            "bruecken": [list(p) for p in k.bruecken],
            "gemeinschaften": sum(1 for c in k.gemeinschaften if len(c) > 1),
            "modularitaet": _runden(k.modularitaet),
            "gruende": self.luecken.gruende,
            "hinweise": self.luecken.hinweise,
        }


@dataclass
class GesamtAuswertung:
    """The whole network (all Sozialräume together)."""

    netz: nx.Graph
    kennzahlen: Kennzahlen
    hubs: list
    themen_ohne_angebot: list
    luecken_anzahl: dict
    hinweise: list

    def eintrag(self) -> dict:
        """The report entry for the whole district (key ``"gesamt"``)."""
        k = self.kennzahlen
        knoten = self.netz._node
        return {
            "id": GESAMT_ID,
            "name": GESAMT_NAME,
            "kitas": sum(1 for d in knoten.values() if d["typ"] == TYP_KITA),
            "angebote": sum(1 for d in knoten.values() if d["typ"] == TYP_ANGEBOT),
            "kooperationen": k.kooperationen,
            "dichte": _runden(k.dichte),
            "komponenten": k.anzahl_komponenten,
            "hubs": self.hubs,
            "betweenness_stichprobe": k.stichprobe,
            "komponenten_mit_kooperation": sum(1 for c in k.komponenten if len(c) > 1),
            "grad_mittel": _runden(_mittel(k.grad.values())),
            "gewichteter_grad_mittel": _runden(_mittel(k.gewichteter_grad.values())),
            "artikulationspunkte_anzahl": len(k.artikulationspunkte),
            "bruecken_anzahl": len(k.bruecken),
            "gemeinschaften": sum(1 for c in k.gemeinschaften if len(c) > 1),
            "modularitaet": _runden(k.modularitaet),
            "themen_ohne_angebot": self.themen_ohne_angebot,
            "luecken_anzahl": self.luecken_anzahl,
            "hinweise": self.hinweise,
        }


@dataclass
class Auswertung:
    """The result of :func:`auswerten`: per Sozialraum and (without ``sozialraum``) for the whole district."""

    stichtag: str
    max_km: float
    backend: str
    themen: list
    thema_namen: dict
    netz: nx.Graph
    sozialraeume: list
    gesamt: GesamtAuswertung | None = None

    def bericht(self) -> dict:
        """The JSON-able report (see :func:`analyse`)."""
        ergebnis = {"stichtag": self.stichtag, "sozialraeume": [s.eintrag() for s in self.sozialraeume]}
        ergebnis["max_km"] = self.max_km
        ergebnis["themen"] = dict(self.thema_namen)
        if self.gesamt is not None:
            ergebnis["gesamt"] = self.gesamt.eintrag()
        return ergebnis


def _sozialraum(G, knoten, sr_id, sr_name, *, themen, thema_namen, entf: Entfernungen, backend, seed, max_km,
                voll=True, last=None, zeilen=None) -> SozialraumAuswertung:
    H, kanten = teilnetz_mit_kanten(G, knoten, sozialraum=sr_id, name=sr_name)
    k = kennzahlen(H, backend=backend, seed=seed, voll=voll, kanten=kanten)  # igraph copy from teilnetz's edges
    hknoten = H._node
    kitas = sorted((v for v, d in hknoten.items() if d["typ"] == TYP_KITA), key=str)
    angebote = sorted((v for v, d in hknoten.items() if d["typ"] == TYP_ANGEBOT), key=str)
    vor_ort = sum(1 for v in angebote if hknoten[v].get("sozialraum") == sr_id)
    lu = luecken_im_sozialraum(G, H, sr_id, themen=themen, entfernung=entf, komponenten=k.komponenten,
                               thema_namen=thema_namen, sozialraum_name=sr_name, mit_gruenden=voll)
    ergebnis = SozialraumAuswertung(id=sr_id, name=sr_name, netz=H, kennzahlen=k, kitas=kitas, angebote=angebote,
                                    angebote_vor_ort=vor_ort, hubs=[], luecken=lu)
    if voll:
        ergebnis.hubs = _hub_eintraege(H, k)
        ergebnis.empfehlungen = _empfehlungen(
            G, H, sr_id, k.betweenness, ohne_kooperation=lu.kitas_ohne_kooperation,
            ohne_beratung=lu.kitas_ohne_beratung, entfernung=lu.entfernung, thema_namen=thema_namen,
            sozialraum_name=sr_name, max_km=max_km, last=last, zeilen=zeilen)
    return ergebnis


def auswerten(daten: Netzdaten, stichtag=None, sozialraum: str | None = None, max_km: float = MAX_KM, *,
              backend: str = "auto", stichprobe: int = STICHPROBE, exakt_bis: int = EXAKT_BIS, seed: int = SEED,
              vermittlungen: Mapping[tuple[str, str], int] | None = None, voll: bool = True) -> Auswertung:
    """Compute the whole analysis once.

    Parameters
    ----------
    daten : Netzdaten
    stichtag : str or datetime.date, optional
        Day of the snapshot; default today.
    sozialraum : str, optional
        Only this Sozialraum (its id); then no whole-district entry is computed.
    max_km : float
        Distance beyond which a Thema counts as too far away (gap ``entfernung``).
    backend : {"auto", "networkx", "igraph"}
        Who computes the graph metrics; ``"auto"`` takes igraph when installed. Same answers.
    stichprobe, exakt_bis : int
        The whole-district betweenness is exact up to ``exakt_bis`` actors and estimated from ``stichprobe``
        sampled sources above. Sozialraum networks are always exact.
    seed : int
        Seed for Louvain and the sample.
    vermittlungen : mapping, optional
        Referral counts added to edge weights (see :func:`~network.analyse.netz.network_at`).
    voll : bool
        ``False`` computes only counts, density, components and gaps (no centrality, hubs, Louvain,
        recommendations or reasons) – used for time series.

    Raises
    ------
    NichtGefundenFehler
        If ``sozialraum`` is not a Sozialraum of the data.
    """
    tag = stichtag_iso(stichtag)
    backend = backend_waehlen(backend)
    sr_namen = {s["id"]: s.get("name") or s["id"] for s in daten.sozialraeume}
    if sozialraum is not None and sozialraum not in sr_namen:
        raise NichtGefundenFehler(f"Den Sozialraum „{sozialraum}“ gibt es in den Daten nicht.")
    ids = sorted(sr_namen, key=str) if sozialraum is None else [sozialraum]
    themen, thema_namen = themen_vokabular(daten)

    with pausiert():  # the cycle collector (network.grund.zyklensammler)
        if sozialraum is None and voll and backend == "igraph":  # the whole network's igraph copy takes its edges
            G, kanten = network_at_mit_kanten(daten, tag, vermittlungen)
        else:
            G, kanten = network_at(daten, tag, vermittlungen), None
        mitglieder = sozialraum_mitglieder(G, ids)
        knoten = G._node
        kitas = [v for s in ids for v in mitglieder[s] if knoten[v]["typ"] == TYP_KITA and knoten[v]["sozialraum"] == s]
        entf = entfernungen(G, kitas, themen, max_km)
        last = kita_partner(G) if voll and len(ids) > 1 else None  # every Angebot's load, once for all Sozialräume
        zeilen = angebot_zeilen(G, last) if last is not None else None  # and its columns for the recommendations

        ergebnisse = [
            _sozialraum(G, mitglieder[s], s, sr_namen[s], themen=themen, thema_namen=thema_namen, entf=entf,
                        backend=backend, seed=seed, max_km=max_km, voll=voll, last=last, zeilen=zeilen)
            for s in ids
        ]
        auswertung = Auswertung(stichtag=tag, max_km=max_km, backend=backend, themen=themen, thema_namen=thema_namen,
                                netz=G, sozialraeume=ergebnisse)
        if sozialraum is None:
            auswertung.gesamt = _gesamt(daten, G, ergebnisse, themen, sr_namen, backend=backend, seed=seed, voll=voll,
                                        k=stichprobe if len(G) > exakt_bis else None, kanten=kanten)
    return auswertung


def _gesamt(daten, G, ergebnisse, themen, sr_namen, *, backend, seed, voll, k, kanten=None) -> GesamtAuswertung:
    kz = kennzahlen(G, backend=backend, k=k, seed=seed, voll=voll, kanten=kanten)
    angebotene = set()
    for d in G._node.values():
        if d["typ"] == TYP_ANGEBOT:
            angebotene.update(d.get("themen") or ())
    anzahl = {art: sum(len(getattr(e.luecken, art)) for e in ergebnisse) for art in LUECKENARTEN}
    hinweise = []
    doppelt = sorted(set(k["id"] for k in daten.kitas) & set(a["id"] for a in daten.angebote), key=str)
    if doppelt:
        hinweise.append(f"Diese Kennungen gibt es als Kita und als Angebot: {', '.join(map(str, doppelt))}. "
                        f"Das Netz führt sie als Kita; Kooperationen lassen sich nicht eindeutig zuordnen. "
                        f"Bitte eindeutige Kennungen vergeben.")
    for v, d in G.nodes(data=True):
        if d["typ"] == TYP_KITA and d.get("sozialraum") not in sr_namen:
            hinweise.append(f"„{d.get('name') or v}“ ({v}) ist keinem Sozialraum zugeordnet – ihre Gemeinde fehlt "
                            f"oder gehört zu keinem Sozialraum. Sie wird in keinem Sozialraum ausgewertet.")
    return GesamtAuswertung(netz=G, kennzahlen=kz, hubs=_hub_eintraege(G, kz) if voll else [],
                            themen_ohne_angebot=[t for t in themen if t not in angebotene],
                            luecken_anzahl=anzahl, hinweise=hinweise)


def analyse(daten: Netzdaten, stichtag=None, sozialraum: str | None = None, max_km: float = MAX_KM,
            **optionen) -> dict:
    """Analyse the network: metrics, hubs, gaps and recommendations per Sozialraum, as a JSON-able dict.

    Parameters
    ----------
    daten : Netzdaten
    stichtag : str or datetime.date, optional
        Day of the snapshot (ISO); default today.
    sozialraum : str, optional
        Only this Sozialraum.
    max_km : float
        Distance limit of the gap ``entfernung``.
    **optionen
        Passed to :func:`auswerten` (``backend``, ``stichprobe``, ``exakt_bis``, ``seed``, ``vermittlungen``,
        ``voll``). With ``voll=False`` only counts, density, components and the gap lists are computed: ``hubs``
        and ``empfehlungen`` are empty, ``gruende`` is ``{}`` – the contract keys stay the same.

    Returns
    -------
    dict
        ``{"stichtag", "sozialraeume": [{"id", "name", "kitas", "angebote", "kooperationen", "dichte",
        "komponenten", "hubs": [{"id", "name", "typ", "degree", "betweenness"}], "luecken": {
        "themen_ohne_angebot": [thema], "kitas_ohne_kooperation": [kita_id], "kitas_ohne_beratung": [kita_id],
        "entfernung": [{"kita_id", "thema", "angebot_id", "km"}], "einzige_verbindung": [{"angebot_id",
        "kita_ids", "thema"}], "komponenten_ohne_beratung": [[actor_id]]}, "empfehlungen": [{"kita_id",
        "angebot_id", "grund"}], ...extra keys}], ...extra keys}``. Sozialräume are sorted by id, every list
        is sorted (``entfernung`` by km, descending). Extra keys: per Sozialraum ``gruende`` (one German
        sentence per gap entry, same order), ``hinweise``, ``externer_anteil`` and further metrics; at the top
        ``max_km``, ``themen`` (id -> name) and, without ``sozialraum``, ``gesamt`` (the whole district).
    """
    with pausiert():  # the cycle collector (network.grund.zyklensammler)
        return auswerten(daten, stichtag, sozialraum, max_km, **optionen).bericht()
