"""The directory behind the Wegweiser: lookups, filters and distances over :class:`~network.model.Netzdaten`.

Pure Python (no Streamlit), built once per data version and then only read.

Which Angebote a place sees: the Angebote active today (``gueltig_ab``/``gueltig_bis``) that **serve** the
place's Sozialraum (``versorgt`` lists it, or is ``["alle"]``), wherever they are located. With a place chosen
(a Gemeinde's centre or a Kita) results are sorted by straight-line distance; Angebote without coordinates
(for example those that come to the families) follow at the end. Without a place, a free-text search lists the
entries whose name alone matches first; otherwise entries are sorted by name.

Examples
--------
>>> from network.model import Netzdaten
>>> d = Netzdaten(
...     sozialraeume=[{"id": "sr-a", "name": "Nord"}, {"id": "sr-b", "name": "Süd"}],
...     themen=[{"id": "sucht", "name": "Sucht"}],
...     gemeinden=[{"id": "g1", "name": "Altdorf", "sozialraum_id": "sr-a", "lat": 50.0, "lon": 7.5},
...                {"id": "g2", "name": "Bergen", "sozialraum_id": "sr-b", "lat": 49.9, "lon": 7.4}],
...     kitas=[{"id": "k1", "name": "Kita Sonne", "gemeinde_id": "g1", "lat": 50.0, "lon": 7.5}],
...     angebote=[{"id": "a1", "name": "Suchtberatung", "art": "Beratung", "themen": ["sucht"],
...                "gemeinde_id": "g2", "lat": 49.9, "lon": 7.4, "versorgt": ["alle"]},
...               {"id": "a2", "name": "Turnen", "art": "Freizeit", "themen": [], "gemeinde_id": "g2",
...                "versorgt": ["sr-b"]}],
...     kooperationen=[{"id": "c1", "von_id": "k1", "zu_id": "a1", "art": "Vertrag", "seit": "2020-01-01",
...                     "bis": None, "intensitaet": 2}])
>>> v = Verzeichnis(d, heute="2025-01-01")
>>> [(a["id"], round(km)) for a, km in v.angebote(Filter(ort="k:k1"))]
[('a1', 13)]
>>> [a["id"] for a, _ in v.angebote(Filter(sozialraum="sr-b", art=("Freizeit",)))]
['a2']
>>> [p["name"] for p, _ in v.partner("k1")]
['Suchtberatung']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..grund.geo import haversine_km
from ..grund.sozialraum import versorgt as _versorgt
from ..grund.zeit import aktiv
from ..model import KREISWEIT, Netzdaten
from .freitext import Suchtext, anfrage
from .lage import Lage, lage

__all__ = ["Filter", "Verzeichnis"]


@dataclass(frozen=True)
class Filter:
    """What the Wegweiser asks for. Empty tuples mean "no restriction".

    ``ort`` is ``"g:<Gemeinde-id>"`` or ``"k:<Kita-id>"`` (distances from there); ``umkreis_km`` limits the
    distance (Angebote without coordinates are kept, they come to the families or work district-wide).
    """

    sozialraum: str | None = None
    ort: str | None = None
    umkreis_km: float | None = None
    art: tuple[str, ...] = ()
    themen: tuple[str, ...] = ()
    zielgruppen: tuple[str, ...] = ()
    sprachen: tuple[str, ...] = ()
    kostenlos: bool = False
    barrierefrei: bool = False
    aufsuchend: bool = False
    suche: str = ""


@dataclass
class Verzeichnis:
    """Lookups over one data version. Build with ``Verzeichnis(daten)``; read-only afterwards."""

    daten: Netzdaten
    heute: str = field(default_factory=lambda: date.today().isoformat())

    def __post_init__(self) -> None:
        d = self.daten
        self.sozialraum_name = {s["id"]: s.get("name") or s["id"] for s in d.sozialraeume}
        self.thema_name = {t["id"]: t.get("name") or t["id"] for t in d.themen}
        self.gemeinde = {g["id"]: g for g in d.gemeinden}
        self.fachkraft = {f["id"]: f for f in d.fachkraefte}
        self.kita = {k["id"]: k for k in d.kitas}
        self.angebot = {a["id"]: a for a in d.angebote}
        heute = self.heute
        #: Angebote active today, sorted by name.
        self.aktive_angebote = sorted(
            (a for a in d.angebote if aktiv(a.get("gueltig_ab"), a.get("gueltig_bis"), heute)),
            key=lambda a: ((a.get("name") or "").casefold(), a["id"]))
        self.kitas = sorted(d.kitas, key=lambda k: ((k.get("name") or "").casefold(), k["id"]))
        self._suchtext: dict[str, Suchtext] = {}
        self._nametext: dict[str, Suchtext] = {}
        for r in d.angebote + d.kitas:
            self._nametext[r["id"]] = Suchtext(r.get("name"))
        for a in d.angebote:
            self._suchtext[a["id"]] = Suchtext(
                a.get("name"), a.get("beschreibung"), a.get("traeger"), a.get("ort"),
                " ".join(self.thema_name.get(t, t) for t in a.get("themen") or []),
                " ".join(a.get("zielgruppen") or []))
        for k in d.kitas:
            self._suchtext[k["id"]] = Suchtext(k.get("name"), k.get("traeger"), k.get("ort"))
        # Active Kooperationen today, per actor: [(partner id, Kooperation row)].
        self._partner: dict[str, list[tuple[str, dict]]] = {}
        for c in d.kooperationen:
            if not aktiv(c.get("seit"), c.get("bis"), heute):
                continue
            u, v = c.get("von_id"), c.get("zu_id")
            if u not in self.kita and u not in self.angebot or v not in self.angebot:
                continue
            self._partner.setdefault(u, []).append((v, c))
            self._partner.setdefault(v, []).append((u, c))
        self.zielgruppen = sorted({z for a in self.aktive_angebote for z in a.get("zielgruppen") or []},
                                  key=str.casefold)
        self.sprachen = sorted({s for a in self.aktive_angebote for s in a.get("sprachen") or []},
                               key=lambda s: (s != "Deutsch", s.casefold()))

    # -- places --------------------------------------------------------------------------------------
    def lage(self, eintrag: dict) -> Lage | None:
        """The point of a Kita or an Angebot: its coordinates, else its Gemeinde's centre (``ungefaehr``)."""
        return lage(eintrag, self.gemeinde)

    def _km(self, row: dict, lat: float | None, lon: float | None) -> float | None:
        """Distance in km from the chosen place to ``row`` (at its Gemeinde's centre when it has no coordinates);
        ``None`` without a place or for an entry without any place (a service for the whole district)."""
        p = self.lage(row)
        if lat is None or lon is None or p is None:
            return None
        return haversine_km(lat, lon, p.lat, p.lon)

    def sozialraum_von(self, eintrag: dict | None) -> str | None:
        """The Sozialraum a Kita or an Angebot is located in (via its Gemeinde)."""
        if not eintrag:
            return None
        g = self.gemeinde.get(eintrag.get("gemeinde_id"))
        return g.get("sozialraum_id") if g else None

    def ort_punkt(self, ort: str | None) -> tuple[str | None, float | None, float | None, str | None]:
        """``(Sozialraum id, lat, lon, name)`` of a place ``"g:<id>"``/``"k:<id>"``; Nones if unknown."""
        if not ort or len(ort) < 3 or ort[1] != ":":
            return None, None, None, None
        art, oid = ort[0], ort[2:]
        if art == "g" and oid in self.gemeinde:
            g = self.gemeinde[oid]
            return g.get("sozialraum_id"), g.get("lat"), g.get("lon"), g.get("name")
        if art == "k" and oid in self.kita:
            k = self.kita[oid]
            p = self.lage(k)  # a Kita without coordinates: its Gemeinde's centre
            return self.sozialraum_von(k), p and p.lat, p and p.lon, k.get("name")
        return None, None, None, None

    def orte(self, sozialraum: str | None = None) -> dict[str, str]:
        """Places for "in der Nähe von": ``{"g:<id>": "Gemeinde …", "k:<id>": "Kita …"}`` (unique labels)."""
        out: dict[str, str] = {}
        gem = sorted(self.gemeinde.values(), key=lambda g: (g.get("name") or "").casefold())
        for g in gem:
            if sozialraum and g.get("sozialraum_id") != sozialraum:
                continue
            out["g:" + g["id"]] = f"Gemeinde {g.get('name') or g['id']}"
        gesehen: set[str] = set()
        for k in self.kitas:
            if sozialraum and self.sozialraum_von(k) != sozialraum:
                continue
            label = f"Kita: {k.get('name') or k['id']}"
            if label in gesehen:
                label += f" ({k['id']})"
            gesehen.add(label)
            out["k:" + k["id"]] = label
        return out

    # -- queries -------------------------------------------------------------------------------------
    def versorgt(self, angebot: dict, sozialraum: str) -> bool:
        return _versorgt(angebot.get("versorgt"), sozialraum)

    def angebote(self, f: Filter) -> list[tuple[dict, float | None]]:
        """Active Angebote matching ``f`` with their distance in km (``None`` without a place or coordinates)."""
        sr_ort, lat, lon, _ = self.ort_punkt(f.ort)
        sr = sr_ort or f.sozialraum
        worte = anfrage(f.suche) if f.suche and f.suche.strip() else ()
        art, themen = set(f.art), set(f.themen)
        zg, spr = set(f.zielgruppen), set(f.sprachen)
        out: list[tuple[dict, float | None]] = []
        for a in self.aktive_angebote:
            if sr and not self.versorgt(a, sr):
                continue
            if art and a.get("art") not in art:
                continue
            if themen and not themen.intersection(a.get("themen") or ()):
                continue
            if zg and not zg.intersection(a.get("zielgruppen") or ()):
                continue
            if spr and not spr.intersection(a.get("sprachen") or ()):
                continue
            if f.kostenlos and a.get("kostenlos") is not True:
                continue
            if f.barrierefrei and a.get("barrierefrei") is not True:
                continue
            if f.aufsuchend and a.get("aufsuchend") is not True:
                continue
            if worte:
                st = self._suchtext[a["id"]]
                if not all(st.passt(w) for w in worte):
                    continue
            km = self._km(a, lat, lon)
            if f.umkreis_km and km is not None and km > f.umkreis_km:
                continue
            out.append((a, km))
        return self._sortiert(out, worte, lat is not None)

    def _sortiert(self, out: list, worte: tuple, mit_ort: bool) -> list:
        """With a place: by distance. Otherwise with a search: name matches first. Else by name (as is)."""
        if mit_ort:
            out.sort(key=lambda t: (t[1] is None, t[1] or 0.0))
        elif worte:
            out.sort(key=lambda t: not all(self._nametext[t[0]["id"]].passt(w) for w in worte))
        return out

    def kitas_in(self, f: Filter) -> list[tuple[dict, float | None]]:
        """Kitas in the chosen Sozialraum (or near the chosen place), filtered by the free-text search."""
        sr_ort, lat, lon, _ = self.ort_punkt(f.ort)
        sr = sr_ort or f.sozialraum
        worte = anfrage(f.suche) if f.suche and f.suche.strip() else ()
        out = []
        for k in self.kitas:
            if sr and self.sozialraum_von(k) != sr:
                continue
            if worte and not all(self._suchtext[k["id"]].passt(w) for w in worte):
                continue
            km = self._km(k, lat, lon)
            if f.umkreis_km and km is not None and km > f.umkreis_km:
                continue
            out.append((k, km))
        return self._sortiert(out, worte, lat is not None)

    def partner(self, akteur_id: str) -> list[tuple[dict, dict]]:
        """Active cooperation partners of a Kita or an Angebot: ``[(partner row, Kooperation row)]``, by name."""
        out = []
        for pid, c in self._partner.get(akteur_id, []):
            p = self.kita.get(pid) or self.angebot.get(pid)
            if p is not None:
                out.append((p, c))
        out.sort(key=lambda t: ((t[0].get("name") or "").casefold(), t[0]["id"]))
        return out

    def einzugsgebiet(self, angebot: dict) -> list[str]:
        """Names of the Sozialräume an Angebot serves (``["ganzer Kreis"]`` for ``alle``)."""
        v = angebot.get("versorgt") or []
        if KREISWEIT in v:
            return ["ganzer Kreis (alle Sozialräume)"]
        return [self.sozialraum_name.get(s, s) for s in v]

    def themen_namen(self, angebot: dict) -> list[str]:
        return [self.thema_name.get(t, t) for t in angebot.get("themen") or []]
