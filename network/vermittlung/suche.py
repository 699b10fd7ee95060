"""Matching: the two or three Angebote that fit a family's needs, ranked and explained in German.

Pure functions of :class:`~network.model.Netzdaten` (no store, no UI). Entry point: :func:`suchen`.

Rules
-----
**Where from.** A Kita (its coordinates, else the centre of its Gemeinde), a Gemeinde (its centre) or
coordinates (the Sozialraum is then that of the nearest Gemeinde centre). The Sozialraum is that of the Gemeinde.

**Hard constraints** (an Angebot that misses one is not a result):

- active on the Stichtag (``gueltig_ab`` ≤ Stichtag ≤ ``gueltig_bis``, empty ends open);
- at least one of the requested Themen;
- serves the Sozialraum (``versorgt`` lists it or is ``["alle"]``);
- ``max_km``, if given: not farther (Angebote without coordinates stay in, marked „Entfernung unbekannt“);
- ``kostenlos``, ``barrierefrei``, ``aufsuchend``, if asked: the Angebot says „ja“ (unknown does not count).
  These are needs a family cannot negotiate (money, a wheelchair, not being able to travel), so they filter,
  as the same check boxes do in the Wegweiser;
- Sprache and Zielgruppe only if marked as a must (``muss={"sprache"}``, ``{"zielgruppe"}``); then the Angebot
  must name one of them.

**Soft constraints** rank: Sprache and Zielgruppe (unless a must) and, with several Themen, how many of them an
Angebot covers. An Angebot that names no Zielgruppe or no Sprache simply scores nothing for it.

**Thema: main focus first.** An Angebot's *first* Thema is its focus (Schwerpunkt). A specialised service that
lists the asked Thema only further down (the Kinderschutzdienst: Gewaltschutz, also Erziehungsberatung) does not
stand in for a general one: it ranks after every Angebot with that Thema as its focus and says so
(„Schwerpunkt: Gewaltschutz – hilft auch bei Erziehungsberatung“).

**Where it is.** An Angebot without coordinates counts from its Gemeinde's centre, marked „ungefähre Lage
(Ortsmitte)“ (:mod:`network.verzeichnis.lage`).

**Ranking** (each result explains itself in ``gruende``):

0. the asked Thema as the Angebot's focus first (see above);
1. an active Kooperation of the Kita with the Angebot first (a warm hand-over);
2. distance, in steps of :data:`STUFE_KM` km (so that a better fit 1 km farther away can win); an
   Angebot that is *aufsuchend* and serves the Sozialraum counts as 0 km („kommt zu Ihnen“); unknown distances
   come last;
3. fit of the soft constraints (more is better);
4. centrality: betweenness in the cooperation network on the Stichtag (``network.analyse.network_at``);
5. exact distance, then the Angebot id – so equal candidates always come in the same order.

With several Themen, the first places go to the best result of each Thema (in the order above), so that the
first two or three results cover every need; the others follow in the order above.

**Nothing fits.** For every requested Thema without a result, :class:`Luecke` describes the gap for the
coordinators (which Thema, where, under which constraints; no family data) – returned with the result and shown
on the page, not stored yet – and :attr:`Ergebnis.alternativen` lists the nearest active Angebote with that Thema
that miss a hard constraint, each clearly labelled with what it misses.

Examples
--------
>>> from network.model import Netzdaten
>>> d = Netzdaten(
...     sozialraeume=[{"id": "sr-a", "name": "Nord"}], themen=[{"id": "sucht", "name": "Sucht"}],
...     gemeinden=[{"id": "g1", "name": "Altdorf", "sozialraum_id": "sr-a", "lat": 50.0, "lon": 7.5}],
...     kitas=[{"id": "k1", "name": "Kita Sonne", "gemeinde_id": "g1", "lat": 50.0, "lon": 7.5}],
...     angebote=[{"id": "a1", "name": "Suchtberatung", "themen": ["sucht"], "versorgt": ["sr-a"],
...                "lat": 50.0, "lon": 7.6, "sprachen": ["Deutsch", "Arabisch"]},
...               {"id": "a2", "name": "Hausbesuche", "themen": ["sucht"], "versorgt": ["alle"],
...                "aufsuchend": True}])
>>> e = suchen(d, Anfrage(themen=("sucht",), kita_id="k1", sprachen=("Arabisch",)), stichtag="2025-01-01")
>>> for t in e.treffer:
...     print(t.rang, t.angebot_id, t.gruende)
1 a2 ['aufsuchend – kommt zu Ihnen', 'keine der gewünschten Sprachen angegeben (Arabisch)']
2 a1 ['7 km entfernt (Luftlinie)', 'spricht Arabisch']
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..errors import AnfrageFehler, KitaNetzFehler, NichtGefundenFehler
from ..grund import format as F
from ..grund.geo import haversine_km as _km
from ..grund.sozialraum import versorgt as _versorgt
from ..grund.werte import liste as _liste
from ..grund.werte import zahl_oder_nichts as _zahl
from ..grund.zeit import aktiv as _aktiv
from ..grund.zeit import stichtag_iso
from ..model import Netzdaten
from ..verzeichnis.lage import ORTSMITTE, lage

__all__ = ["Anfrage", "Treffer", "Luecke", "Ergebnis", "suchen", "zentralitaet",
           "STUFE_KM", "ALTERNATIVEN", "MUSS"]

#: Distances within the same step of this many km count as equally near for the ranking.
STUFE_KM = 5.0
#: How many alternatives are shown when nothing fits.
ALTERNATIVEN = 3
#: Soft constraints that can be made hard.
MUSS = ("sprache", "zielgruppe")


@dataclass(frozen=True)
class Anfrage:
    """What the family needs. Give ``kita_id``, or ``gemeinde_id``, or ``lat``/``lon``; at least one Thema."""

    themen: tuple[str, ...]
    kita_id: str | None = None
    gemeinde_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    zielgruppen: tuple[str, ...] = ()
    sprachen: tuple[str, ...] = ()
    muss: frozenset[str] = frozenset()
    kostenlos: bool = False
    barrierefrei: bool = False
    aufsuchend: bool = False
    max_km: float | None = None

    def bedingungen(self) -> list[str]:
        """The constraints in German words (for the gap record and the page)."""
        out = []
        if self.max_km:
            out.append(f"höchstens {F.km(self.max_km, None)} entfernt")
        for an, text in ((self.kostenlos, "kostenlos"), (self.barrierefrei, "barrierefrei"),
                         (self.aufsuchend, "aufsuchend")):
            if an:
                out.append(text)
        if self.sprachen:
            out.append("Sprache: " + ", ".join(self.sprachen) + (" (muss)" if "sprache" in self.muss else ""))
        if self.zielgruppen:
            out.append("Zielgruppe: " + ", ".join(self.zielgruppen)
                       + (" (muss)" if "zielgruppe" in self.muss else ""))
        return out


@dataclass
class Treffer:
    """One ranked Angebot. ``km`` is the distance used for ranking (0 for *aufsuchend* in the catchment);
    ``luftlinie`` the real distance to show (``None`` unknown), ``ungefaehr`` when measured from the Gemeinde's
    centre; ``schwerpunkt``: an asked Thema is the Angebot's focus (its first Thema)."""

    angebot: dict
    km: float | None
    kooperiert: bool
    passung: int
    zentralitaet: float
    themen: list[str]
    gruende: list[str]
    passt: bool = True
    abweichungen: list[str] = field(default_factory=list)
    rang: int = 0
    luftlinie: float | None = None
    ungefaehr: bool = False
    schwerpunkt: bool = True

    @property
    def angebot_id(self) -> str:
        return self.angebot["id"]

    @property
    def name(self) -> str:
        return self.angebot.get("name") or self.angebot["id"]

    def als_dict(self) -> dict:
        return {"rang": self.rang, "angebot_id": self.angebot_id, "name": self.name,
                "km": None if self.km is None else round(self.km, 1),
                "luftlinie_km": None if self.luftlinie is None else round(self.luftlinie, 1),
                "ungefaehre_lage": self.ungefaehr, "schwerpunkt": self.schwerpunkt, "kooperiert": self.kooperiert,
                "gruende": list(self.gruende), "passt": self.passt, "themen": list(self.themen),
                "abweichungen": list(self.abweichungen)}


@dataclass
class Luecke:
    """A need the network could not meet: for the coordinators (no family data in it)."""

    stichtag: str
    themen: list[str]
    thema_namen: list[str]
    kita_id: str | None
    gemeinde_id: str | None
    sozialraum_id: str | None
    sozialraum_name: str | None
    bedingungen: list[str]

    @property
    def text(self) -> str:
        wo = f"im Sozialraum {self.sozialraum_name}" if self.sozialraum_name else "für diesen Ort"
        was = ", ".join(self.thema_namen)
        mit = f" (Bedingungen: {'; '.join(self.bedingungen)})" if self.bedingungen else ""
        return f"Kein passendes Angebot {wo} zum Thema {was}{mit}."

    def als_dict(self) -> dict:
        return {"stichtag": self.stichtag, "themen": list(self.themen), "kita_id": self.kita_id,
                "gemeinde_id": self.gemeinde_id, "sozialraum_id": self.sozialraum_id,
                "bedingungen": list(self.bedingungen), "text": self.text}


@dataclass
class Ergebnis:
    """The answer: ranked results, and if a Thema found nothing, the gap and labelled alternatives."""

    anfrage: Anfrage
    stichtag: str
    ort_name: str
    sozialraum_id: str | None
    treffer: list[Treffer]
    alternativen: list[Treffer] = field(default_factory=list)
    luecke: Luecke | None = None

    def als_liste(self) -> list[dict]:
        """Results, then alternatives (``passt`` false), in rank order – the CLI's JSON."""
        return [t.als_dict() for t in self.treffer + self.alternativen]

    def als_dict(self) -> dict:
        return {"stichtag": self.stichtag, "ort": self.ort_name, "sozialraum_id": self.sozialraum_id,
                "treffer": [t.als_dict() for t in self.treffer],
                "alternativen": [t.als_dict() for t in self.alternativen],
                "luecke": self.luecke.als_dict() if self.luecke else None}


# -- helpers ------------------------------------------------------------------------------------------
def _tag(stichtag) -> str:
    """The Stichtag by the ground's rule (:func:`network.grund.zeit.stichtag_iso`); a bad one is a bad request."""
    try:
        return stichtag_iso(stichtag)
    except KitaNetzFehler as f:
        raise AnfrageFehler(str(f)) from None


def _km_text(km: float) -> str:
    """Whole km for the family (:func:`network.grund.format.km`): a tenth would pretend a precision the straight
    line does not have."""
    return "unter 1 km entfernt" if km < 1 else f"{F.km(km, 0)} entfernt"


def zentralitaet(daten: Netzdaten, stichtag=None) -> dict[str, float]:
    """Normalised betweenness of every actor in the cooperation network on the Stichtag.

    >>> zentralitaet(Netzdaten(), "2024-01-01")
    {}
    """
    import networkx as nx  # lazy: the Wegweiser imports this module and never needs networkx or the analysis

    from ..analyse import network_at

    G = network_at(daten, _tag(stichtag))
    return {str(k): float(v) for k, v in nx.betweenness_centrality(G, normalized=True).items()}


def _ort(daten: Netzdaten, a: Anfrage) -> tuple[str, str | None, float | None, float | None, str | None]:
    """(name, Sozialraum id, lat, lon, Gemeinde id) of the place the family comes from."""
    gemeinden = {g["id"]: g for g in daten.gemeinden}
    if a.kita_id:
        k = next((k for k in daten.kitas if k["id"] == a.kita_id), None)
        if k is None:
            raise NichtGefundenFehler(f"Die Kita „{a.kita_id}“ gibt es im Verzeichnis nicht.")
        g = gemeinden.get(k.get("gemeinde_id")) or {}
        p = lage(k, gemeinden)  # the directory's rule: its coordinates, else its Gemeinde's centre
        lat, lon = (p.lat, p.lon) if p is not None else (None, None)
        return k.get("name") or k["id"], g.get("sozialraum_id"), lat, lon, k.get("gemeinde_id")
    if a.gemeinde_id:
        g = gemeinden.get(a.gemeinde_id)
        if g is None:
            raise NichtGefundenFehler(f"Die Gemeinde „{a.gemeinde_id}“ gibt es im Verzeichnis nicht.")
        return g.get("name") or g["id"], g.get("sozialraum_id"), _zahl(g.get("lat")), _zahl(g.get("lon")), g["id"]
    lat, lon = _zahl(a.lat), _zahl(a.lon)
    if lat is None or lon is None:
        raise AnfrageFehler("Bitte eine Kita, eine Gemeinde oder Koordinaten (Breite und Länge) angeben.")
    naechste = min(((_km(lat, lon, g["lat"], g["lon"]), str(g["id"]), g) for g in daten.gemeinden
                    if _zahl(g.get("lat")) is not None and _zahl(g.get("lon")) is not None),
                   default=None, key=lambda t: (t[0], t[1]))
    g = naechste[2] if naechste else {}
    return f"{F.zahl(lat, 4)} / {F.zahl(lon, 4)}", g.get("sozialraum_id"), lat, lon, g.get("id")


def _passt_liste(gewuenscht: tuple[str, ...], vorhanden) -> list[str]:
    """The wished values the Angebot names (case-insensitive), in the order asked, spelt as the Angebot does."""
    da = {v.casefold(): v for v in _liste(vorhanden)}
    return [da[w.casefold()] for w in gewuenscht if w.casefold() in da]


# -- the search ---------------------------------------------------------------------------------------
def suchen(daten: Netzdaten, anfrage: Anfrage, stichtag=None, *,
           zentralitaet_je_akteur: dict[str, float] | None = None) -> Ergebnis:
    """Rank the Angebote that fit ``anfrage`` (see the module docstring for the rules).

    ``zentralitaet_je_akteur`` may pass a precomputed :func:`zentralitaet` of the same data and Stichtag.

    Raises
    ------
    AnfrageFehler
        No Thema, no place, an unknown must, or a bad Stichtag.
    NichtGefundenFehler
        Unknown Kita, Gemeinde or Thema.
    """
    tag = _tag(stichtag)
    themen = tuple(dict.fromkeys(anfrage.themen or ()))
    if not themen:
        raise AnfrageFehler("Bitte mindestens ein Thema wählen, zu dem die Familie Hilfe sucht.")
    thema_namen = {t["id"]: t.get("name") or t["id"] for t in daten.themen}
    for t in themen:
        if t not in thema_namen:
            raise NichtGefundenFehler(f"Das Thema „{t}“ gibt es im Verzeichnis nicht.")
    unbekannt = set(anfrage.muss) - set(MUSS)
    if unbekannt:
        raise AnfrageFehler("Als Muss-Bedingung gehen nur Sprache und Zielgruppe, nicht: "
                               + ", ".join(sorted(unbekannt)) + ".")
    if anfrage.max_km is not None and not (anfrage.max_km > 0):
        raise AnfrageFehler("Die größte Entfernung muss mehr als 0 km sein.")

    ort_name, sr, lat, lon, gemeinde_id = _ort(daten, anfrage)
    gemeinden = {g["id"]: g for g in daten.gemeinden}
    sr_namen = {s["id"]: s.get("name") or s["id"] for s in daten.sozialraeume}
    zentral = zentralitaet(daten, tag) if zentralitaet_je_akteur is None else zentralitaet_je_akteur
    werte = sorted(v for k, v in zentral.items() if v > 0)
    hoch = werte[(3 * len(werte)) // 4] if werte else math.inf  # upper quartile of positive betweenness

    koop: set[str] = set()
    if anfrage.kita_id:
        koop = {str(c.get("zu_id")) for c in daten.kooperationen
                if c.get("von_id") == anfrage.kita_id and _aktiv(c.get("seit"), c.get("bis"), tag)}

    treffer: list[Treffer] = []
    andere: list[Treffer] = []
    for a in daten.angebote:
        if not _aktiv(a.get("gueltig_ab"), a.get("gueltig_bis"), tag):
            continue
        gedeckt = [t for t in themen if t in _liste(a.get("themen"))]
        if not gedeckt:
            continue
        t = _bewerten(a, anfrage, gedeckt, themen, thema_namen, sr, lat, lon, koop, zentral, hoch, gemeinden)
        (treffer if not t.abweichungen else andere).append(t)

    treffer = _je_thema_zuerst(sorted(treffer, key=_rangfolge), themen)
    for i, t in enumerate(treffer, 1):
        t.rang = i

    ohne = [t for t in themen if not any(t in x.themen for x in treffer)]
    luecke = None
    alternativen: list[Treffer] = []
    if ohne:
        luecke = Luecke(stichtag=tag, themen=ohne, thema_namen=[thema_namen[t] for t in ohne],
                        kita_id=anfrage.kita_id, gemeinde_id=gemeinde_id, sozialraum_id=sr,
                        sozialraum_name=sr_namen.get(sr), bedingungen=anfrage.bedingungen())
        kandidaten = [t for t in andere if any(x in t.themen for x in ohne)]
        kandidaten.sort(key=lambda t: (len(t.abweichungen), t.km is None, t.km or 0.0, not t.kooperiert,
                                       t.angebot_id))
        alternativen = kandidaten[:ALTERNATIVEN]
        for i, t in enumerate(alternativen, len(treffer) + 1):
            t.passt = False
            t.rang = i
            t.gruende = ["Nur zur Orientierung – passt nicht ganz: " + "; ".join(t.abweichungen)] + t.gruende
    return Ergebnis(anfrage=anfrage, stichtag=tag, ort_name=ort_name, sozialraum_id=sr, treffer=treffer,
                    alternativen=alternativen, luecke=luecke)


def _je_thema_zuerst(treffer: list[Treffer], themen: tuple[str, ...]) -> list[Treffer]:
    """With several Themen: first the best result of each Thema (in rank order), then the rest."""
    if len(themen) < 2:
        return treffer
    vorn: list[Treffer] = []
    offen = set(themen)
    for t in treffer:
        if offen.intersection(t.themen):
            vorn.append(t)
            offen.difference_update(t.themen)
        if not offen:
            break
    gewaehlt = {id(t) for t in vorn}
    return vorn + [t for t in treffer if id(t) not in gewaehlt]


def _rangfolge(t: Treffer) -> tuple:
    stufe = math.inf if t.km is None else math.floor(t.km / STUFE_KM)
    return (not t.schwerpunkt, not t.kooperiert, stufe, -t.passung, -round(t.zentralitaet, 12),
            math.inf if t.km is None else t.km, t.angebot_id)


def _bewerten(a: dict, q: Anfrage, gedeckt: list[str], themen: tuple[str, ...], thema_namen: dict,
              sr: str | None, lat, lon, koop: set[str], zentral: dict, hoch: float,
              gemeinden: dict | None = None) -> Treffer:
    versorgt = _liste(a.get("versorgt"))
    im_gebiet = _versorgt(versorgt, sr)
    aufsuchend = a.get("aufsuchend") is True
    punkt = lage(a, gemeinden or {})
    luftlinie = _km(lat, lon, punkt.lat, punkt.lon) if punkt is not None and None not in (lat, lon) else None
    ungefaehr = punkt is not None and punkt.ungefaehr
    eigene = _liste(a.get("themen"))
    schwerpunkt = bool(eigene) and eigene[0] in gedeckt
    km = 0.0 if (aufsuchend and im_gebiet) else luftlinie

    abw: list[str] = []
    if not im_gebiet:
        abw.append("außerhalb Ihres Einzugsgebiets (nicht für Ihren Sozialraum zuständig)")
    if q.max_km and km is not None and km > q.max_km:
        abw.append(f"weiter als {F.km(q.max_km, None)}")
    for an, feld, nein, unbekannt in (
            (q.kostenlos, "kostenlos", "nicht kostenlos", "Kosten unbekannt"),
            (q.barrierefrei, "barrierefrei", "nicht barrierefrei", "Barrierefreiheit unbekannt"),
            (q.aufsuchend, "aufsuchend", "keine Hausbesuche", "Hausbesuche unbekannt")):
        if an and a.get(feld) is not True:
            abw.append(nein if a.get(feld) is False else unbekannt)
    sprachen = _passt_liste(q.sprachen, a.get("sprachen"))
    gruppen = _passt_liste(q.zielgruppen, a.get("zielgruppen"))
    if "sprache" in q.muss and q.sprachen and not sprachen:
        abw.append("spricht nicht " + " oder ".join(q.sprachen))
    if "zielgruppe" in q.muss and q.zielgruppen and not gruppen:
        abw.append("nicht ausdrücklich für " + " oder ".join(q.zielgruppen))

    kooperiert = a["id"] in koop
    z = float(zentral.get(a["id"], 0.0))
    passung = (1 if sprachen else 0) + (1 if gruppen else 0) + (len(gedeckt) - 1)

    gruende: list[str] = []
    if not schwerpunkt and eigene:
        gruende.append(f"Schwerpunkt: {thema_namen.get(eigene[0], eigene[0])} – hilft auch bei "
                       + ", ".join(thema_namen[t] for t in gedeckt))
    if kooperiert:
        gruende.append("kooperiert bereits mit Ihrer Kita")
    if aufsuchend and im_gebiet:
        gruende.append("aufsuchend – kommt zu Ihnen")
    elif luftlinie is not None:
        gruende.append(_km_text(luftlinie) + (f" (Luftlinie, {ORTSMITTE})" if ungefaehr else " (Luftlinie)"))
    else:
        gruende.append("Entfernung unbekannt (keine Adresse hinterlegt)")
    if len(themen) > 1:
        gruende.append("passt zu: " + ", ".join(thema_namen[t] for t in gedeckt))
    for s in sprachen:
        gruende.append(f"spricht {s}" if s.casefold() != "deutsch" else "auf Deutsch")
    if q.sprachen and not sprachen and "sprache" not in q.muss:
        gruende.append("keine der gewünschten Sprachen angegeben (" + ", ".join(q.sprachen) + ")")
    for g in gruppen:
        gruende.append(f"für {g}")
    if q.zielgruppen and not gruppen and "zielgruppe" not in q.muss:
        gruende.append("nennt die Zielgruppe nicht ausdrücklich (" + ", ".join(q.zielgruppen) + ")")
    if a.get("kostenlos") is True:
        gruende.append("kostenlos")
    if q.barrierefrei and a.get("barrierefrei") is True:
        gruende.append("barrierefrei")
    if z > 0 and z >= hoch:
        gruende.append("gut vernetzt: verbindet viele Partner im Netzwerk")
    return Treffer(angebot=a, km=km, kooperiert=kooperiert, passung=passung, zentralitaet=z, themen=gedeckt,
                   gruende=gruende, abweichungen=abw, luftlinie=luftlinie, ungefaehr=ungefaehr,
                   schwerpunkt=schwerpunkt)
