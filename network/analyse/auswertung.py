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

import functools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import networkx as nx

from network.errors import NichtGefundenFehler
from network.grund.zeit import stichtag_iso
from network.grund.zweiter_kern import geteilt, kerne
from network.grund.zyklensammler import pausiert
from network.model import KREISWEIT, STANDARD_THEMEN, Netzdaten

from .empfehlung import angebot_zeilen, kita_partner
from .empfehlung import empfehlungen as _empfehlungen
from .hubregel import HUBS, hub_ids
from .kennzahlen import (
    SEED,
    Kennzahlen,
    Rohwerte,
    backend_waehlen,
    burt_werte,
    kennzahlen,
    kennzahlen_aus,
    rohwerte,
)
from .lueckensuche import LUECKENARTEN, MAX_KM, Entfernungen, Luecken, entfernungen, luecken_im_sozialraum
from .netz import (
    TYP_ANGEBOT,
    TYP_KITA,
    network_at,
    network_at_mit_kanten,
    sozialraum_mitglieder,
    teilnetz,
    teilnetz_mit_kanten,
)

__all__ = ["STICHPROBE", "EXAKT_BIS", "GETEILT_AB", "GESAMT_ID", "GESAMT_NAME", "SozialraumAuswertung",
           "GesamtAuswertung", "Auswertung", "auswerten", "analyse", "themen_vokabular"]

#: Betweenness of a graph with more actors than this is estimated from a sample of sources …
EXAKT_BIS = 2000
#: … of this many sources (seeded with :data:`~network.analyse.kennzahlen.SEED`).
STICHPROBE = 64
#: From this many actors on, ``prozesse="auto"`` shares the analysis with a second process when the machine has a
#: second core (:mod:`network.grund.zweiter_kern`); below, starting it costs more than it saves.
GETEILT_AB = 20000
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
    #: The Sozialraum network (:attr:`netz`), or a function that builds it on first use (a result from the
    #: second process, :mod:`network.grund.zweiter_kern`, comes without it).
    _netz: nx.Graph | Callable[[], nx.Graph] | None = field(repr=False, compare=False)
    kennzahlen: Kennzahlen
    kitas: list
    angebote: list
    angebote_vor_ort: int
    hubs: list
    luecken: Luecken
    empfehlungen: list = field(default_factory=list)
    #: Kooperationen with one end in the Sozialraum and the other outside.
    externe_kooperationen: int = 0

    @property
    def netz(self) -> nx.Graph:
        """The Sozialraum network (:func:`~network.analyse.netz.teilnetz` of the whole network)."""
        if not isinstance(self._netz, nx.Graph):
            self._netz = self._netz()
        return self._netz

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
    ergebnis = SozialraumAuswertung(id=sr_id, name=sr_name, _netz=None, kennzahlen=k, kitas=kitas, angebote=angebote,
                                    angebote_vor_ort=vor_ort, hubs=[], luecken=lu,
                                    externe_kooperationen=H.graph.get("extern", 0))
    _spaeter(ergebnis, G, knoten, backend)
    if voll:
        ergebnis.hubs = _hub_eintraege(H, k)
        ergebnis.empfehlungen = _empfehlungen(
            G, H, sr_id, k.betweenness, ohne_kooperation=lu.kitas_ohne_kooperation,
            ohne_beratung=lu.kitas_ohne_beratung, entfernung=lu.entfernung, thema_namen=thema_namen,
            sozialraum_name=sr_name, max_km=max_km, last=last, zeilen=zeilen)
    return ergebnis


def auswerten(daten: Netzdaten, stichtag=None, sozialraum: str | None = None, max_km: float = MAX_KM, *,
              backend: str = "auto", stichprobe: int = STICHPROBE, exakt_bis: int = EXAKT_BIS, seed: int = SEED,
              vermittlungen: Mapping[tuple[str, str], int] | None = None, voll: bool = True,
              prozesse: int | str = "auto") -> Auswertung:
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
    prozesse : int or "auto"
        ``2`` shares the Sozialräume and the whole-district metrics with a second process (``fork``, see
        :mod:`network.grund.zweiter_kern`), ``1`` computes everything here. ``"auto"`` takes 2 from
        :data:`GETEILT_AB` actors on, on a machine with a second core. The results are the same either way.

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

        def rechnen(i: int) -> SozialraumAuswertung:
            s = ids[i]
            return _sozialraum(G, mitglieder[s], s, sr_namen[s], themen=themen, thema_namen=thema_namen, entf=entf,
                               backend=backend, seed=seed, max_km=max_km, voll=voll, last=last, zeilen=zeilen)

        alle = list(G)  # listed before a second process starts, which then takes it without touching the ids
        vorab = functools.partial(_gesamt_kennzahlen, G, kanten, alle, backend=backend, seed=seed, voll=voll,
                                  k=stichprobe if len(G) > exakt_bis else None)
        ergebnisse, kz = geteilt(
            len(ids), rechnen, vorab=vorab if sozialraum is None else None,
            prozesse=_prozesse(prozesse, len(G), len(ids)), verschicken=_verschicken,
            ankommen=functools.partial(_ankommen, G, mitglieder, ids, backend))
        if isinstance(kz, Rohwerte):
            kz = kennzahlen_aus(alle, kz, functools.partial(burt_werte, G, backend=backend))
        auswertung = Auswertung(stichtag=tag, max_km=max_km, backend=backend, themen=themen, thema_namen=thema_namen,
                                netz=G, sozialraeume=ergebnisse)
        if sozialraum is None:
            auswertung.gesamt = _gesamt(daten, G, ergebnisse, themen, sr_namen, kz, voll=voll)
    return auswertung


def _prozesse(prozesse: int | str, akteure: int, sozialraeume: int) -> int:
    """How many processes share the analysis (see :func:`auswerten`, ``prozesse``).

    Examples
    --------
    >>> _prozesse(1, 10**6, 1400), _prozesse(2, 5, 2), _prozesse("auto", 300, 10)
    (1, 2, 1)
    """
    if prozesse == "auto":
        return 2 if akteure >= GETEILT_AB and sozialraeume > 1 and kerne() > 1 else 1
    if not isinstance(prozesse, int) or prozesse < 1:
        raise ValueError(f"prozesse muss „auto“ oder eine Zahl ab 1 sein, nicht {prozesse!r}.")
    return prozesse


def _gesamt_kennzahlen(G: nx.Graph, kanten, alle: list, *, backend, k, seed, voll) -> Kennzahlen | Rohwerte:
    """The whole network's metrics; on the igraph path (``kanten`` known) as numbers by position only, which a
    second process computes without touching the ids (:class:`~network.analyse.kennzahlen.Rohwerte`)."""
    if kanten is not None:
        return rohwerte(alle, kanten, k=k, seed=seed)
    return kennzahlen(G, backend=backend, k=k, seed=seed, voll=voll)


def _ankommen(G: nx.Graph, mitglieder: dict, ids: list, backend: str, i: int, ergebnis):
    """A result of the second process (``i`` its Sozialraum's position, ``-1`` for the whole network): what it
    was sent without is built here on first use (see :func:`_verschicken`)."""
    if i >= 0:
        _spaeter(ergebnis, G, mitglieder[ids[i]], backend)
    elif isinstance(ergebnis, Kennzahlen) and ergebnis.burt is None:
        ergebnis.burt = functools.partial(burt_werte, G, backend=backend)
    return ergebnis


def _verschicken(ergebnis):
    """A result of the second process as it is sent to the parent: without the way to the Sozialraum network
    (the parent cuts it out of its own whole network) and without the igraph copy held for Burt's measures
    (computed again on first use) – pickling them would send the whole network along."""
    if isinstance(ergebnis, Rohwerte):
        return ergebnis
    kz = ergebnis if isinstance(ergebnis, Kennzahlen) else ergebnis.kennzahlen
    if callable(kz.burt):
        kz.burt = None
    if isinstance(ergebnis, SozialraumAuswertung):
        ergebnis._netz = None
    return ergebnis


def _spaeter(ergebnis: SozialraumAuswertung, G: nx.Graph, knoten: list, backend: str) -> None:
    """What a Sozialraum's result builds only when it is read: its network (cut out of ``G`` again) and, on the
    igraph path, Burt's measures (from that network). Holding 1 400 Sozialraum networks and their igraph copies
    until the tables read them was 110 MiB of the national analysis, and they cannot come from a second process
    without the whole network (issue 14). Both read one network, cut out once."""
    netz = functools.cache(functools.partial(teilnetz, G, knoten, sozialraum=ergebnis.id, name=ergebnis.name))
    ergebnis._netz = netz
    if ergebnis.kennzahlen.burt is None or callable(ergebnis.kennzahlen.burt):
        ergebnis.kennzahlen.burt = functools.partial(_burt_im_netz, netz, backend)


def _burt_im_netz(netz: Callable[[], nx.Graph], backend: str) -> tuple[dict, dict]:
    return burt_werte(netz(), backend=backend)


def _gesamt(daten, G, ergebnisse, themen, sr_namen, kz: Kennzahlen, *, voll) -> GesamtAuswertung:
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
