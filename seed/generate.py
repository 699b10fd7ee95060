"""Deterministic generator of the Kita-Netzwerk demo data (the "seed").

DEMO DATA: every Kita, Angebot, Kooperation, Fachkraft and Träger is invented. Only the geography is real:
the 137 Gemeinden of the Rhein-Hunsrück-Kreis with Verbandsgemeinde, PLZ, population and centre coordinates,
read from the copies in ``seed/quellen/`` (sources and licences: ``seed/README.md``). No data about families
or children is generated.

Usage::

    python seed/generate.py                            # rewrite the committed seed/*.csv
    python seed/generate.py --out /tmp/x --faktor 10   # ten times the Kitas, Angebote, ... (benchmarks)
    python seed/generate.py --doku                     # print the import format as Markdown tables

or from Python: ``from seed.generate import generate; generate(Path("out"), faktor=1)``.

Determinism: a single ``random.Random(20210324)`` drives all choices and rows are written in a fixed order,
so the output is byte-identical on every run. With ``faktor`` N the Fachkräfte, Kitas, Angebote and
Kooperationen are generated N times on the same Sozialräume, Themen and Gemeinden. The first copy is exactly
the ``faktor`` 1 data set; the ids of copy k >= 2 carry the suffix ``-k<k>`` (``kita-001-k2``).

Gaps built in on purpose, for the analytics to find (in every copy):

* the (Sozialraum, Thema) pairs of :data:`seed.katalog.UNVERSORGT` have no Angebot at all, not even a
  district-wide one;
* a few Kitas have no Fachkraft, a few have no Kooperation, and several have no Kooperation with any
  Angebot of art Beratung;
* about 15 % of the Kitas and Angebote were last checked more than twelve months before :data:`STICHTAG`.
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import re
import sys
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # started as a script: make the packages `network` and `seed` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from network.model import (  # noqa: E402
    DATEI_REIHENFOLGE,
    DATEIEN,
    KOOPERATIONSART,
    KREISWEIT,
    STANDARD_THEMEN,
    Spalte,
)
from seed import katalog as K  # noqa: E402

__all__ = ["generate", "erzeuge", "doku", "main"]

SEED_ORDNER = Path(__file__).resolve().parent
#: The generator reads only these copies of the official data, nothing outside the repository.
QUELLEN = SEED_ORDNER / "quellen"
GEMEINDEN_CSV = QUELLEN / "rhk_gemeinden.csv"

ZUFALLS_SAAT = 20210324
#: "Today" of the demo data: checks within the twelve months before it count as current.
STICHTAG = date(2026, 11, 1)
LETZTER_TAG = STICHTAG - timedelta(days=1)
#: The Jugendhilfeausschuss adopted the Sozialraumkonzept on this day; Kooperationen mostly start after it.
KONZEPT = date(2021, 3, 24)

# Sizes of one copy (faktor 1).
KITAS = 100
ANGEBOTE = 250
KOOPERATIONEN = 600
ANGEBOT_ZU_ANGEBOT = 60  # of the KOOPERATIONEN, links from one Angebot to another
EINWOHNER_JE_KITA = 1100  # towns (>= 1500 inhabitants) get one Kita per this many inhabitants

# Built-in gaps and shares (per copy).
KITAS_OHNE_FACHKRAFT = 3
KITAS_OHNE_KOOPERATION = 4  # two of them are Kitas without Fachkraft
KITAS_OHNE_BERATUNG = 8  # have Kooperationen, but none with an Angebot of art Beratung
ANGEBOTE_BEENDET = 6
ANTEIL_VERALTET = 0.15  # share of entries last checked more than twelve months ago
ANTEIL_KOOPERATION_BEENDET = 0.08  # plus those ended because their Angebot ended

_KM_JE_GRAD_LAT = 111.2
_KM_JE_GRAD_LON = 111.2 * math.cos(math.radians(50.05))  # the district lies around 50° N


# --- Geography -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gemeinde:
    """One real municipality, as read from ``seed/quellen/rhk_gemeinden.csv``."""

    ags: str
    name: str
    kurzname: str  # for names of Kitas and Angebote: "Simmern", "Kirchberg"
    verbandsgemeinde: str
    verbandsfrei: bool
    sozialraum: str
    plz: str
    lat: float
    lon: float
    einwohner: int
    ist_stadt: bool


class Geografie:
    """The Gemeinden and what is derived from them: Sozialraum centres, area codes, distances to towns."""

    def __init__(self, gemeinden: list[Gemeinde]):
        self.gemeinden = sorted(gemeinden, key=lambda g: g.ags)
        self.nach_ags = {g.ags: g for g in self.gemeinden}
        self.sozialraeume = sorted({g.sozialraum for g in self.gemeinden})
        self.zentrum = {sr: self._schwerpunkt([g for g in self.gemeinden if g.sozialraum == sr])
                        for sr in self.sozialraeume}
        staedte = [self.nach_ags[ags] for ags in K.STAEDTE]
        vermittlungen = [self.nach_ags[ags] for ags in K.VORWAHLEN]
        self.vorwahl = {g.ags: K.VORWAHLEN[min(vermittlungen, key=lambda v: abstand_km(g, v)).ags]
                        for g in self.gemeinden}
        self.abstand_zur_stadt = {g.ags: min(abstand_km(g, s) for s in staedte) for g in self.gemeinden}

    @classmethod
    def laden(cls, pfad: Path = GEMEINDEN_CSV) -> "Geografie":
        with pfad.open(encoding="utf-8", newline="") as f:
            zeilen = list(csv.DictReader(f))
        return cls([_gemeinde(z) for z in zeilen])

    @staticmethod
    def _schwerpunkt(gemeinden: list[Gemeinde]) -> tuple[float, float]:
        """Population-weighted centre."""
        summe = sum(g.einwohner for g in gemeinden)
        return (sum(g.lat * g.einwohner for g in gemeinden) / summe,
                sum(g.lon * g.einwohner for g in gemeinden) / summe)


def _gemeinde(z: dict[str, str]) -> Gemeinde:
    kurzname = re.sub(r"\s*\(.*\)$", "", z["name"]).split("/")[0]
    return Gemeinde(
        ags=z["ags"], name=z["name"], kurzname=kurzname, verbandsgemeinde=z["verbandsgemeinde"],
        verbandsfrei=z["vg_typ"] == "verbandsfreie Gemeinde", sozialraum=K.SOZIALRAEUME[z["verbandsgemeinde"]][0],
        plz=z["plz"], lat=float(z["lat"]), lon=float(z["lon"]), einwohner=int(z["population"]),
        ist_stadt=z["ist_stadt"] == "true",
    )


def abstand_km(a, b) -> float:
    """Distance in km between two objects with ``lat``/``lon`` attributes (flat approximation, fine here)."""
    return _abstand(a.lat, a.lon, b.lat, b.lon)


def _abstand(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return math.hypot((lat1 - lat2) * _KM_JE_GRAD_LAT, (lon1 - lon2) * _KM_JE_GRAD_LON)


# --- Small helpers -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kopie:
    """Number of the copy being generated (1 for the seed itself; more with ``faktor`` > 1)."""

    nr: int

    def suffix(self, trenner: str = "-") -> str:
        return "" if self.nr == 1 else f"{trenner}k{self.nr}"

    def kennung(self, basis: str) -> str:
        return basis + self.suffix()


_UMSCHRIFT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i"})


def _slug(text: str) -> str:
    """ASCII form for e-mail addresses and host names: "Kath. Kita St. Josef" -> "kath-kita-st-josef"."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_UMSCHRIFT))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _streuen(rng: random.Random, g: Gemeinde, max_m: float) -> tuple[float, float]:
    """A point up to ``max_m`` metres from the centre of ``g``, uniformly distributed over the disc."""
    r_km = max_m / 1000 * math.sqrt(rng.random())
    winkel = 2 * math.pi * rng.random()
    return (round(g.lat + r_km * math.sin(winkel) / _KM_JE_GRAD_LAT, 6),
            round(g.lon + r_km * math.cos(winkel) / _KM_JE_GRAD_LON, 6))


def _datum_zwischen(rng: random.Random, von: date, bis: date) -> date:
    """A uniformly random day in [von, bis]."""
    return von + timedelta(days=rng.randint(0, (bis - von).days))


def _datum_wachsend(rng: random.Random, von: date, bis: date) -> date:
    """A random day in [von, bis] that is more likely the later it is (the network grows)."""
    return von + timedelta(days=int((bis - von).days * rng.random() ** 0.7))


def _datum_frueh(rng: random.Random, von: date, bis: date) -> date:
    """A random day in [von, bis] that is more likely the earlier it is (most Angebote are long-standing)."""
    return von + timedelta(days=int((bis - von).days * rng.random() ** 1.5))


def _pruefdatum(rng: random.Random, veraltet: bool, nicht_vor: date = date.min) -> date:
    """When an entry was last checked: within the last twelve months, or (``veraltet``) one to three years ago."""
    aktuell_ab = STICHTAG - timedelta(days=365)
    if veraltet:
        return _datum_zwischen(rng, max(nicht_vor, STICHTAG - timedelta(days=3 * 365)),
                               aktuell_ab - timedelta(days=1))
    return _datum_zwischen(rng, max(nicht_vor, aktuell_ab), LETZTER_TAG)


def _veraltete(rng: random.Random, anzahl: int, kandidaten: list[int] | None = None) -> set[int]:
    """Indices of the entries that are stale (about :data:`ANTEIL_VERALTET` of ``anzahl``)."""
    kandidaten = list(range(anzahl)) if kandidaten is None else kandidaten
    return set(rng.sample(kandidaten, min(len(kandidaten), round(ANTEIL_VERALTET * anzahl))))


def _gewichtete_auswahl(rng: random.Random, elemente: list, gewichte: list[float], anzahl: int) -> list:
    """``anzahl`` distinct elements, drawn without replacement proportionally to the (positive) weights."""
    schluessel = sorted(((rng.random() ** (1.0 / w), i) for i, w in enumerate(gewichte)), reverse=True)
    return [elemente[i] for _, i in schluessel[:anzahl]]


def _verteilen(gesamt: int, gewichte: list[float]) -> list[int]:
    """Split ``gesamt`` into integer parts proportional to ``gewichte`` (largest remainder method)."""
    summe = sum(gewichte)
    quoten = [gesamt * w / summe for w in gewichte]
    teile = [int(q) for q in quoten]
    reihenfolge = sorted(range(len(quoten)), key=lambda i: (teile[i] - quoten[i], i))
    for i in reihenfolge[:gesamt - sum(teile)]:
        teile[i] += 1
    return teile


def _telefon(geo: Geografie, ags: str, durchwahl: int) -> str:
    """A clearly fictional number: real area code, fictional block 9999."""
    return f"{geo.vorwahl[ags]} 9999-{durchwahl}"


# --- Sozialräume, Themen, Gemeinden --------------------------------------------------------------------------


def _sozialraeume(geo: Geografie) -> list[dict]:
    zeilen = []
    for vg, (sr, name) in sorted(K.SOZIALRAEUME.items(), key=lambda e: e[1][0]):
        mitglieder = [g for g in geo.gemeinden if g.verbandsgemeinde == vg]
        if mitglieder[0].verbandsfrei:
            beschreibung = f"Verbandsfreie Stadt {vg} ({len(mitglieder)} Gemeinde)"
        else:
            beschreibung = f"Verbandsgemeinde {vg} ({len(mitglieder)} Gemeinden)"
        zeilen.append({"id": sr, "name": name, "beschreibung": beschreibung})
    return zeilen


def _themen() -> list[dict]:
    return [{"id": tid, "name": name, "beschreibung": K.THEMEN_BESCHREIBUNG[tid]} for tid, name in STANDARD_THEMEN]


def _gemeinden(geo: Geografie) -> list[dict]:
    return [{"id": g.ags, "name": g.name, "verbandsgemeinde": g.verbandsgemeinde, "sozialraum_id": g.sozialraum,
             "lat": g.lat, "lon": g.lon, "einwohner": g.einwohner} for g in geo.gemeinden]


# --- Fachkräfte ----------------------------------------------------------------------------------------------


def _fachkraefte(rng: random.Random, geo: Geografie, kopie: Kopie) -> list[tuple[dict, K.FachkraftVorlage]]:
    """The staff of one copy, each with the template that says which Sozialräume she or he covers."""
    vorlagen = list(K.FACHKRAEFTE)
    if kopie.nr > 1:  # further copies: same posts, other (equally fictional) people
        namen = rng.sample([(v, n) for v in K.VORNAMEN for n in K.NACHNAMEN], len(vorlagen))
        vorlagen = [replace(v, vorname=vn, nachname=nn) for v, (vn, nn) in zip(vorlagen, namen)]
    ergebnis = []
    for nr, vorlage in enumerate(vorlagen, 1):
        dienstsitz, ags = K.DIENSTSITZE[vorlage.dienstsitz]
        zeile = {
            "id": kopie.kennung(f"fk-{nr:02d}"),
            "name": f"{vorlage.vorname} {vorlage.nachname}",
            "telefon": _telefon(geo, ags, 100 + nr),
            "email": f"{_slug(vorlage.vorname)}.{_slug(vorlage.nachname)}{kopie.suffix('.')}@example.org",
            "dienstsitz": dienstsitz,
            "stellenanteil": vorlage.stellenanteil,
        }
        ergebnis.append((zeile, vorlage))
    return ergebnis


# --- Kitas ---------------------------------------------------------------------------------------------------


def _kita_standorte(rng: random.Random, geo: Geografie) -> list[Gemeinde]:
    """The Gemeinde of each Kita: towns by population, one in each mid-sized village, and a draw among the
    small villages weighted by population (most small villages have none)."""
    standorte = []
    for g in geo.gemeinden:
        if g.einwohner >= 1500:
            standorte += [g] * max(1, round(g.einwohner / EINWOHNER_JE_KITA))
        elif g.einwohner >= 800:
            standorte.append(g)
    klein = [g for g in geo.gemeinden if g.einwohner < 800]
    standorte += _gewichtete_auswahl(rng, klein, [g.einwohner for g in klein], KITAS - len(standorte))
    return sorted(standorte, key=lambda g: g.ags)


def _kita_name_und_traeger(rng: random.Random, g: Gemeinde, vergeben: set[str]) -> tuple[str, str]:
    """Name and Träger of a Kita in ``g``; ``vergeben`` holds the name cores already used in ``g``."""
    art = rng.choices(("kommunal", "katholisch", "evangelisch", "frei"), weights=K.TRAEGER_MIX[g.sozialraum])[0]
    pool = {"katholisch": K.KITA_NAMEN_KATH, "evangelisch": K.KITA_NAMEN_EV}.get(art, K.KITA_NAMEN)
    kern = rng.choice([n for n in pool if n not in vergeben] or pool)
    vergeben.add(kern)
    if art == "kommunal":
        praefix = rng.choice(("Kita", "Kommunale Kita"))
        traeger = f"Stadt {g.name}" if g.ist_stadt else f"Ortsgemeinde {g.name}"
    elif art == "katholisch":
        praefix, traeger = "Kath. Kita", K.TRAEGER_KATH
    elif art == "evangelisch":
        praefix, traeger = "Ev. Kita", K.TRAEGER_EV
    else:
        traeger, praefix, _ = rng.choices(K.FREIE_KITA_TRAEGER, weights=[t[2] for t in K.FREIE_KITA_TRAEGER])[0]
    return f"{praefix} {kern} {g.kurzname}", traeger


def _plaetze(rng: random.Random, g: Gemeinde, name: str) -> int:
    if name.startswith("Waldkita"):
        return 25
    if g.einwohner < 800:
        return rng.randrange(25, 60, 5)
    if g.einwohner < 2500:
        return rng.randrange(35, 95, 5)
    return rng.randrange(45, 155, 5)


def _kitas(rng: random.Random, geo: Geografie, kopie: Kopie,
           fachkraefte: list[tuple[dict, K.FachkraftVorlage]]) -> list[dict]:
    kitas = []
    namen_je_gemeinde: dict[str, set[str]] = {}
    for nr, g in enumerate(_kita_standorte(rng, geo), 1):
        name, traeger = _kita_name_und_traeger(rng, g, namen_je_gemeinde.setdefault(g.ags, set()))
        lat, lon = _streuen(rng, g, 900)
        kitas.append({
            "id": kopie.kennung(f"kita-{nr:03d}"), "name": name,
            "strasse": f"{rng.choice(K.STRASSEN)} {rng.randint(1, 40)}", "plz": g.plz, "ort": g.name,
            "gemeinde_id": g.ags, "lat": lat, "lon": lon, "plaetze": _plaetze(rng, g, name), "traeger": traeger,
            "telefon": _telefon(geo, g.ags, 200 + nr), "email": f"{_slug(name)}{kopie.suffix()}@kita.example.org",
        })
    _fachkraefte_zuordnen(rng, geo, kitas, fachkraefte)
    veraltet = _veraltete(rng, len(kitas))
    for i, kita in enumerate(kitas):
        kita["geprueft_am"] = _pruefdatum(rng, i in veraltet)
        kita["geprueft_von"] = rng.choices(("Kreisjugendamt", "Träger"), weights=(7, 3))[0]
    return kitas


def _fachkraefte_zuordnen(rng: random.Random, geo: Geografie, kitas: list[dict],
                          fachkraefte: list[tuple[dict, K.FachkraftVorlage]]) -> None:
    """Give each Kita its Fachkraft (except :data:`KITAS_OHNE_FACHKRAFT` small-village Kitas).

    Within a Sozialraum the Kitas are split into contiguous groups proportional to the Stellenanteil. A
    Fachkraft covering two Sozialräume gets the Kitas nearest to the other one (the border zone).
    """
    dorf_kitas = [k for k in kitas if geo.nach_ags[k["gemeinde_id"]].einwohner < 800]
    ohne = {k["id"] for k in rng.sample(dorf_kitas, KITAS_OHNE_FACHKRAFT)}
    for sr in geo.sozialraeume:
        zustaendig = sorted((fv for fv in fachkraefte if sr in fv[1].sozialraeume),
                            key=lambda fv: (len(fv[1].sozialraeume) == 1, fv[0]["id"]))
        betreut = [k for k in kitas if geo.nach_ags[k["gemeinde_id"]].sozialraum == sr and k["id"] not in ohne]
        geteilt = [s for s in zustaendig[0][1].sozialraeume if s != sr]
        if geteilt:
            lat, lon = geo.zentrum[geteilt[0]]
            betreut.sort(key=lambda k: (_abstand(k["lat"], k["lon"], lat, lon), k["id"]))
        else:
            betreut.sort(key=lambda k: (k["lon"], k["id"]))
        anteile = [v.stellenanteil / len(v.sozialraeume) for _, v in zustaendig]
        start = 0
        for (fachkraft, _), anzahl in zip(zustaendig, _verteilen(len(betreut), anteile)):
            for kita in betreut[start:start + anzahl]:
                kita["fachkraft_id"] = fachkraft["id"]
                kita["fachkraft_seit"] = _fachkraft_seit(rng)
            start += anzahl
    for kita in kitas:
        kita.setdefault("fachkraft_id", None)
        kita.setdefault("fachkraft_seit", None)


def _fachkraft_seit(rng: random.Random) -> date:
    """Many Kitas were taken on when Kita-Sozialarbeit started in 2021, the rest later (first of a month)."""
    if rng.random() < 0.35:
        return rng.choice((date(2021, 4, 1), date(2021, 8, 1)))
    tag = _datum_zwischen(rng, date(2021, 5, 1), date(2025, 12, 31))
    return tag.replace(day=1)


# --- Angebote ------------------------------------------------------------------------------------------------


def _angebot_standorte(rng: random.Random, geo: Geografie) -> list[tuple[K.Vorlage, Gemeinde, list[str]]]:
    """(template, place, versorgt) for every Angebot of one copy: the district-wide ones, the regional ones
    in the towns (serving their Sozialraum, sometimes a neighbour too) and, to fill up to :data:`ANGEBOTE`,
    small local ones in villages, fewer the smaller and more remote the village."""
    eintraege = [(vorlage, geo.nach_ags[ags], [KREISWEIT]) for vorlage, ags in K.KREISWEIT]
    for ags, schluessel in K.STAEDTE.items():
        g = geo.nach_ags[ags]
        for key in schluessel:
            versorgt = [g.sozialraum, *K.MITVERSORGT.get((ags, key), ())]
            if len(versorgt) == 1 and rng.random() < 0.25:
                versorgt.append(rng.choice(K.NACHBARN[g.sozialraum]))
            eintraege.append((K.REGIONAL[key], g, versorgt))

    doerfer = [g for g in geo.gemeinden if g.ags not in K.STAEDTE]
    plaetze = [(g, n) for g in doerfer for n in (1, 2)]  # a village can have up to two local Angebote
    gewichte = [g.einwohner / (1 + geo.abstand_zur_stadt[g.ags] / 5) / n ** 2 for g, n in plaetze]
    gewaehlt = _gewichtete_auswahl(rng, plaetze, gewichte, ANGEBOTE - len(eintraege))
    for g in doerfer:
        anzahl = sum(1 for d, _ in gewaehlt if d is g)
        for key in rng.sample(sorted(K.DORF), anzahl):
            eintraege.append((K.DORF[key], g, [g.sozialraum]))
    return eintraege


def _luecken_freihalten(themen: tuple[str, ...], sozialraum: str, versorgt: list[str]) -> tuple[list, list]:
    """Keep the built-in gaps (:data:`seed.katalog.UNVERSORGT`) open.

    Drops the Themen that would cover a gap in the Angebot's own Sozialraum, and the further Sozialräume it
    would then cover a gap in. A district-wide template with a gap Thema is a mistake in the catalogue.
    """
    themen = [t for t in themen if (sozialraum, t) not in K.UNVERSORGT]
    if versorgt == [KREISWEIT]:
        if any(t == lt for t in themen for _, lt in K.UNVERSORGT):
            raise ValueError(f"District-wide Angebot with a Thema of UNVERSORGT: {themen}")
    else:
        versorgt = [s for s in versorgt if not any((s, t) in K.UNVERSORGT for t in themen)]
    if not themen:
        raise ValueError(f"Angebot template without any Thema left in {sozialraum}")
    return themen, versorgt


def _sprachen(rng: random.Random, mehrsprachig: int) -> list[str]:
    if mehrsprachig == 2:
        weitere = rng.sample(K.WEITERE_SPRACHEN, rng.randint(2, 4))
    elif mehrsprachig == 1:
        weitere = rng.sample(K.WEITERE_SPRACHEN[:4], rng.randint(0, 2))
    else:
        weitere = ["Englisch"] if rng.random() < 0.1 else []
    return ["Deutsch"] + sorted(weitere, key=K.WEITERE_SPRACHEN.index)


def _zielgruppen(rng: random.Random, vorlage: K.Vorlage) -> list[str]:
    erste, *weitere = vorlage.zielgruppen
    gewaehlt = [erste] + rng.sample(weitere, rng.randint(0, min(2, len(weitere))))
    return sorted(gewaehlt, key=K.ZIELGRUPPEN.index)


def _hinweis(rng: random.Random, vorlage: K.Vorlage) -> str | None:
    if vorlage.ohne_adresse:
        return vorlage.hinweise[0]
    if vorlage.hinweise and rng.random() < 0.7:
        return rng.choice(vorlage.hinweise)
    return rng.choice(K.HINWEISE) if rng.random() < 0.2 else None


def _domain(name: str, kopie: Kopie, vergeben: set[str]) -> str:
    """A unique host name below example.org for an Angebot (a DNS label has at most 63 characters)."""
    label = _slug(name)[:63 - len(kopie.suffix()) - 4].strip("-")
    kandidat, nr = label, 1
    while kandidat in vergeben:
        nr += 1
        kandidat = f"{label}-{nr}"
    vergeben.add(kandidat)
    return f"{kandidat}{kopie.suffix()}.example.org"


def _angebote(rng: random.Random, geo: Geografie, kopie: Kopie) -> list[dict]:
    angebote = []
    domains: set[str] = set()
    for nr, (vorlage, g, versorgt) in enumerate(_angebot_standorte(rng, geo), 1):
        themen, versorgt = _luecken_freihalten(vorlage.themen, g.sozialraum, versorgt)
        platzhalter = {"ort": g.kurzname, "gemeinde": g.name}
        if "{verein}" in vorlage.name + vorlage.traeger:
            platzhalter["verein"] = rng.choice(K.VEREINE)
        name = vorlage.name.format(**platzhalter)
        kosten = rng.choice(vorlage.kosten)
        lat, lon = (g.lat, g.lon) if vorlage.ohne_adresse else _streuen(rng, g, 600)
        domain = _domain(name, kopie, domains)
        postfach = {"Beratung": "beratung", "Unterstützung": "kontakt", "Freizeit": "info"}[vorlage.art]
        angebote.append({
            "id": kopie.kennung(f"ang-{nr:03d}"), "name": name, "art": vorlage.art,
            "beschreibung": vorlage.beschreibung, "themen": themen, "zielgruppen": _zielgruppen(rng, vorlage),
            "sprachen": _sprachen(rng, vorlage.mehrsprachig), "kosten": kosten,
            "kostenlos": kosten.startswith("kostenlos"), "barrierefrei": rng.random() < 0.55,
            "aufsuchend": rng.random() < vorlage.aufsuchend,
            "strasse": None if vorlage.ohne_adresse else f"{rng.choice(K.STRASSEN)} {rng.randint(1, 40)}",
            "plz": g.plz, "ort": g.name, "gemeinde_id": g.ags, "lat": lat, "lon": lon,
            "telefon": _telefon(geo, g.ags, 300 + nr), "email": f"{postfach}@{domain}",
            "website": f"https://{domain}" if rng.random() < 0.7 else None,
            "oeffnungszeiten": vorlage.oeffnungszeiten or rng.choice(K.OEFFNUNGSZEITEN[vorlage.art]),
            "hinweis": _hinweis(rng, vorlage), "traeger": vorlage.traeger.format(**platzhalter),
            "versorgt": versorgt, "gueltig_ab": _datum_frueh(rng, date(2015, 1, 1), date(2025, 12, 31)),
            "gueltig_bis": None,
        })

    lokal_und_alt = [a for a in angebote if a["versorgt"] != [KREISWEIT] and a["gueltig_ab"] < date(2022, 1, 1)]
    for angebot in rng.sample(lokal_und_alt, ANGEBOTE_BEENDET):
        angebot["gueltig_bis"] = rng.choice((date(2023, 12, 31), date(2024, 6, 30), date(2024, 12, 31),
                                             date(2025, 7, 31)))
    pruefbar = [i for i, a in enumerate(angebote) if a["gueltig_ab"] <= date(2025, 6, 30)]
    veraltet = _veraltete(rng, len(angebote), pruefbar)
    for i, angebot in enumerate(angebote):
        angebot["geprueft_am"] = _pruefdatum(rng, i in veraltet, angebot["gueltig_ab"])
        angebot["geprueft_von"] = rng.choices(("Kreisjugendamt", "Träger"), weights=(6, 4))[0]
    return angebote


# --- Kooperationen -------------------------------------------------------------------------------------------


def _versorgt(angebot: dict, sozialraum: str) -> bool:
    return angebot["versorgt"] == [KREISWEIT] or sozialraum in angebot["versorgt"]


def _naehe(von: dict, angebot: dict) -> float:
    """Weight of a possible partner: near ones are far more likely; district-wide services are well known."""
    gewicht = 1 / (1 + _abstand(von["lat"], von["lon"], angebot["lat"], angebot["lon"]) / 4) ** 2
    return gewicht * (2 if angebot["versorgt"] == [KREISWEIT] else 1)


def _kooperationen(rng: random.Random, geo: Geografie, kopie: Kopie, kitas: list[dict],
                   angebote: list[dict]) -> list[dict]:
    """Kita -> Angebot links (more for larger Kitas) and a few Angebot -> Angebot links.

    Every partner serves the Sozialraum of the Kita (or of the linking Angebot), or the whole district.
    No pair (von_id, zu_id) occurs twice, in either direction.
    """
    sozialraum = {g.ags: g.sozialraum for g in geo.gemeinden}
    ohne_fachkraft = [k for k in kitas if k["fachkraft_id"] is None]
    dorf_kitas = [k for k in kitas if k["fachkraft_id"] and geo.nach_ags[k["gemeinde_id"]].einwohner < 800]
    ohne = {k["id"] for k in rng.sample(ohne_fachkraft, 2) + rng.sample(dorf_kitas, KITAS_OHNE_KOOPERATION - 2)}
    vernetzt = [k for k in kitas if k["id"] not in ohne]
    ohne_beratung = {k["id"] for k in rng.sample(vernetzt, KITAS_OHNE_BERATUNG)}

    paare = []
    mindestens = 2
    zusaetzlich = KOOPERATIONEN - ANGEBOT_ZU_ANGEBOT - mindestens * len(vernetzt)
    for kita, extra in zip(vernetzt, _verteilen(zusaetzlich, [k["plaetze"] for k in vernetzt])):
        sr = sozialraum[kita["gemeinde_id"]]
        kandidaten = [a for a in angebote if _versorgt(a, sr)]
        partner = []
        if kita["id"] in ohne_beratung:
            kandidaten = [a for a in kandidaten if a["art"] != "Beratung"]
        else:  # the other Kitas have at least one Beratung among their partners
            beratung = [a for a in kandidaten if a["art"] == "Beratung"]
            partner = _gewichtete_auswahl(rng, beratung, [_naehe(kita, a) for a in beratung], 1)
            kandidaten = [a for a in kandidaten if a is not partner[0]]
        anzahl = mindestens + extra - len(partner)
        if anzahl > len(kandidaten):
            raise ValueError(f"{kita['id']}: only {len(kandidaten)} possible partners for {anzahl} Kooperationen")
        partner += _gewichtete_auswahl(rng, kandidaten, [_naehe(kita, a) for a in kandidaten], anzahl)
        paare += [(kita["id"], angebot) for angebot in partner]

    bekannt = {(von, a["id"]) for von, a in paare}
    laufend = [a for a in angebote if a["gueltig_bis"] is None]
    zwischen_angeboten = 0
    while zwischen_angeboten < ANGEBOT_ZU_ANGEBOT:
        von = rng.choice(laufend)
        sr = sozialraum[von["gemeinde_id"]]
        kandidaten = [a for a in angebote if a is not von and a["art"] != "Freizeit" and _versorgt(a, sr)]
        zu = _gewichtete_auswahl(rng, kandidaten, [_naehe(von, a) for a in kandidaten], 1)[0]
        if (von["id"], zu["id"]) in bekannt or (zu["id"], von["id"]) in bekannt:
            continue
        bekannt.add((von["id"], zu["id"]))
        paare.append((von["id"], zu))
        zwischen_angeboten += 1

    kooperationen = [_kooperation(rng, von, angebot) for von, angebot in paare]
    kooperationen.sort(key=lambda k: (k["seit"], k["von_id"], k["zu_id"]))  # ids in the order they arose
    for nr, koop in enumerate(kooperationen, 1):
        koop["id"] = kopie.kennung(f"koop-{nr:04d}")
    return kooperationen


def _kooperation(rng: random.Random, von_id: str, angebot: dict) -> dict:
    """One Kooperation with ``angebot``; it lies within the Angebot's period of validity."""
    ab, ende = angebot["gueltig_ab"], angebot["gueltig_bis"]
    spaetestens = ende - timedelta(days=60) if ende else LETZTER_TAG
    if ab < KONZEPT and rng.random() < 0.01:  # a handful are older than the Sozialraumkonzept
        seit = _datum_zwischen(rng, max(ab, date(2016, 1, 1)), KONZEPT - timedelta(days=1))
    else:
        seit = _datum_wachsend(rng, min(max(KONZEPT, ab), spaetestens), spaetestens)

    bis, notiz = None, None
    if ende:
        bis, notiz = ende, K.NOTIZ_ANGEBOT_EINGESTELLT
    elif rng.random() < ANTEIL_KOOPERATION_BEENDET and seit + timedelta(days=90) <= LETZTER_TAG:
        bis = _datum_zwischen(rng, seit + timedelta(days=90), LETZTER_TAG)
        if rng.random() < 0.6:
            notiz = rng.choice(K.NOTIZEN_BEENDET)
    if notiz is None and rng.random() < 0.45:
        notiz = rng.choice(K.NOTIZEN[angebot["art"]])

    art = rng.choices(KOOPERATIONSART, weights=(15, 45, 40))[0]
    intensitaet = rng.choice({"Vertrag": (2, 3, 3), "regelmäßig": (1, 2, 2, 3), "anlassbezogen": (1, 1, 2)}[art])
    return {"von_id": von_id, "zu_id": angebot["id"], "art": art, "seit": seit, "bis": bis,
            "intensitaet": intensitaet, "notiz": notiz}


# --- Indikatoren (Sozialraumkonzept) ------------------------------------------------------------------------


def _indikatoren(geo: Geografie, kitas: list[dict]) -> list[dict]:
    """Indicator values for the Sozialraumkonzept (network/verteilung), per Sozialraum and per Kita.

    Real (``fiktiv`` nein): ``einwohner``, the sum of the Sozialraum's Gemeinden. Everything else is invented
    and marked ``fiktiv`` ja: rates of :data:`seed.katalog.INDIKATOR_RATEN` on the real population, scaled by
    the invented profile :data:`seed.katalog.PROFIL`; per Kita a share of children with migration background
    and with a non-German family language; the Sozialraum sums of places and of those children follow from
    the Kitas. Own random generators, so the other files do not change.
    """
    rng_sr = random.Random(f"{ZUFALLS_SAAT}-indikatoren-sozialraum")
    rng_kita = random.Random(f"{ZUFALLS_SAAT}-indikatoren-kita")

    def zeile(sr: str, kita: str | None, indikator: str, wert: float, fiktiv: bool = True,
              stichtag: str = K.INDIKATOR_STICHTAG, quelle: str = K.QUELLE_FIKTIV) -> dict:
        return {"id": f"ind-{kita or sr.removeprefix('sr-')}-{indikator.replace('_', '-')}", "sozialraum_id": sr,
                "kita_id": kita, "indikator": indikator, "wert": float(wert), "stichtag": stichtag,
                "quelle": quelle, "fiktiv": fiktiv}

    anteile = {}
    for k in kitas:
        g = geo.nach_ags[k["gemeinde_id"]]
        stadt = min(1.0, g.einwohner / 8000)
        migration = round(min(0.9, max(0.02, (0.06 + 0.14 * stadt) * K.PROFIL[g.sozialraum]
                                       + rng_kita.uniform(-0.03, 0.05))), 2)
        anteile[k["id"]] = (migration, round(migration * rng_kita.uniform(0.4, 0.75), 2))

    zeilen, kita_zeilen = [], []
    for sr in geo.sozialraeume:
        einwohner = sum(g.einwohner for g in geo.gemeinden if g.sozialraum == sr)
        zeilen.append(zeile(sr, None, "einwohner", einwohner, False, "2024-12-31", K.QUELLE_EINWOHNER))
        basis = {"einwohner": einwohner}
        for indikator, (bezug, rate, mit_profil) in K.INDIKATOR_RATEN.items():
            faktor = (K.PROFIL[sr] if mit_profil else 1.0) * rng_sr.uniform(0.92, 1.08)
            basis[indikator] = round(basis[bezug] * rate * faktor)
            zeilen.append(zeile(sr, None, indikator, basis[indikator]))
        eigene = [k for k in kitas if geo.nach_ags[k["gemeinde_id"]].sozialraum == sr]
        zeilen.append(zeile(sr, None, "kita_plaetze", sum(k["plaetze"] for k in eigene), quelle=K.QUELLE_PLAETZE))
        zeilen.append(zeile(sr, None, "kita_migration",
                            sum(round(k["plaetze"] * anteile[k["id"]][0]) for k in eigene)))
        zeilen.append(zeile(sr, None, "kita_familiensprache",
                            sum(round(k["plaetze"] * anteile[k["id"]][1]) for k in eigene)))
        for k in eigene:
            kita_zeilen.append(zeile(sr, k["id"], "anteil_migration", anteile[k["id"]][0]))
            kita_zeilen.append(zeile(sr, k["id"], "anteil_familiensprache", anteile[k["id"]][1]))
    return zeilen + sorted(kita_zeilen, key=lambda z: z["id"])


# --- Assembling and writing ----------------------------------------------------------------------------------


def erzeuge(faktor: int = 1, geo: Geografie | None = None) -> dict[str, list[dict]]:
    """All rows of the data set, one list per file of :data:`network.model.DATEIEN` (values not yet formatted)."""
    if faktor < 1:
        raise ValueError("faktor must be at least 1")
    geo = geo or Geografie.laden()
    rng = random.Random(ZUFALLS_SAAT)
    daten = {"sozialraeume": _sozialraeume(geo), "themen": _themen(), "gemeinden": _gemeinden(geo),
             "fachkraefte": [], "kitas": [], "angebote": [], "kooperationen": []}
    for nr in range(1, faktor + 1):
        kopie = Kopie(nr)
        fachkraefte = _fachkraefte(rng, geo, kopie)
        kitas = _kitas(rng, geo, kopie, fachkraefte)
        angebote = _angebote(rng, geo, kopie)
        daten["fachkraefte"] += [zeile for zeile, _ in fachkraefte]
        daten["kitas"] += kitas
        daten["angebote"] += angebote
        daten["kooperationen"] += _kooperationen(rng, geo, kopie, kitas, angebote)
    _pruefe_luecken(geo, daten["angebote"])
    daten["indikatoren"] = _indikatoren(geo, daten["kitas"])
    return daten


def _pruefe_luecken(geo: Geografie, angebote: list[dict]) -> None:
    """Fail loudly if a built-in gap got covered after all (located there, serving it, or district-wide)."""
    for sr, thema in K.UNVERSORGT:
        for a in angebote:
            if thema in a["themen"] and (geo.nach_ags[a["gemeinde_id"]].sozialraum == sr or _versorgt(a, sr)):
                raise AssertionError(f"Gap ({sr}, {thema}) is covered by {a['id']} {a['name']}")


def _zelle(wert) -> str:
    """One CSV cell in the import format: empty, ja/nein, ``|`` lists, ISO dates, floats with a dot."""
    if wert is None:
        return ""
    if isinstance(wert, bool):
        return "ja" if wert else "nein"
    if isinstance(wert, (list, tuple)):
        return "|".join(wert)
    if isinstance(wert, date):
        return wert.isoformat()
    if isinstance(wert, float):
        text = f"{wert:.6f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    return str(wert)


def _schreiben(pfad: Path, datei: str, zeilen: list[dict]) -> None:
    spalten = [s.name for s in DATEIEN[datei]]
    with pfad.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(spalten)
        for zeile in zeilen:
            unbekannt = set(zeile) - set(spalten)
            if unbekannt:
                raise KeyError(f"{datei}: columns not in network.model.DATEIEN: {sorted(unbekannt)}")
            writer.writerow([_zelle(zeile.get(s)) for s in spalten])


def generate(out_dir: Path, faktor: int = 1) -> dict[str, int]:
    """Write the seed (``faktor`` 1) or a scaled data set as ``<datei>.csv`` files into ``out_dir``.

    Returns the number of rows per file.
    """
    out_dir = Path(out_dir)
    daten = erzeuge(faktor)
    out_dir.mkdir(parents=True, exist_ok=True)
    for datei in DATEI_REIHENFOLGE:
        _schreiben(out_dir / f"{datei}.csv", datei, daten[datei])
    return {datei: len(daten[datei]) for datei in DATEI_REIHENFOLGE}


# --- Documentation of the import format ----------------------------------------------------------------------

_TYPEN = {"text": "Text", "int": "Ganzzahl", "float": "Zahl (Dezimalpunkt)", "bool": "`ja`/`nein`",
          "datum": "Datum `JJJJ-MM-TT`", "liste": "Liste, getrennt durch `\\|`"}

#: Descriptions for columns whose description in network.model is empty (by column name, or file and column).
_BESCHREIBUNG = {
    "id": "Eindeutige Kennung",
    "name": "Name",
    "beschreibung": "Kurze Beschreibung",
    "strasse": "Straße und Hausnummer",
    "plz": "Postleitzahl",
    "ort": "Ort",
    "gemeinde_id": "Gemeinde (AGS), in der die Adresse liegt",
    "lat": "Breitengrad (WGS84)",
    "lon": "Längengrad (WGS84)",
    "telefon": "Telefonnummer",
    "email": "E-Mail-Adresse",
    "website": "Internetadresse",
    "verbandsgemeinde": "Verbandsgemeinde (bei Boppard: die verbandsfreie Stadt)",
    "einwohner": "Einwohnerzahl",
    "geprueft_am": "Wann die Angaben zuletzt geprüft wurden",
    "geprueft_von": "Stelle (keine Person), die geprüft hat",
    ("gemeinden", "name"): "Name der Gemeinde",
    ("kitas", "name"): "Name der Kita",
    ("angebote", "name"): "Name des Angebots",
    ("angebote", "art"): "Art des Angebots",
    ("angebote", "beschreibung"): "Ein bis zwei Sätze zum Angebot",
    ("angebote", "zielgruppen"): "Für wen das Angebot gedacht ist, getrennt durch |",
    ("angebote", "sprachen"): "Sprachen, in denen das Angebot möglich ist, getrennt durch |",
    ("angebote", "kostenlos"): "`ja`, wenn für Familien keine Kosten entstehen",
    ("angebote", "barrierefrei"): "`ja`, wenn die Räume barrierefrei zugänglich sind",
    ("angebote", "oeffnungszeiten"): "Öffnungs- oder Sprechzeiten",
    ("angebote", "traeger"): "Name des Trägers",
    ("angebote", "gueltig_ab"): "Seit wann es das Angebot gibt",
    ("angebote", "gueltig_bis"): "Bis wann es das Angebot gab; leer = besteht weiter",
    ("kooperationen", "art"): "Wie verbindlich die Kooperation ist",
    ("kooperationen", "seit"): "Beginn der Kooperation",
    ("kooperationen", "bis"): "Ende der Kooperation; leer = besteht weiter",
}

#: Allowed values that are not a fixed list in network.model.
_ERLAUBT = {
    ("angebote", "themen"): "Kennungen aus `themen.csv`",
    ("angebote", "versorgt"): "Kennungen aus `sozialraeume.csv` oder `alle`",
    ("kooperationen", "von_id"): "Kennung aus `kitas.csv` oder `angebote.csv`",
}


def _zahl(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def _doku_zeile(datei: str, s: Spalte) -> str:
    if s.typ.startswith("ref:"):
        typ, erlaubt = "Verweis", f"Kennung aus `{s.typ[4:]}.csv`"
    else:
        typ, erlaubt = _TYPEN[s.typ], _ERLAUBT.get((datei, s.name), "")
    if s.erlaubt:
        erlaubt = ", ".join(f"`{w}`" for w in s.erlaubt)
    elif s.min is not None and s.max is not None:
        erlaubt = f"{_zahl(s.min)} bis {_zahl(s.max)}"
    elif s.min is not None:
        erlaubt = f"ab {_zahl(s.min)}"
    beispiel = f"`{_md(s.beispiel)}`" if s.beispiel else ""
    beschreibung = s.beschreibung or _BESCHREIBUNG.get((datei, s.name)) or _BESCHREIBUNG.get(s.name, "")
    zellen = [f"`{s.name}`", "ja" if s.pflicht else "nein", typ, erlaubt, beispiel, _md(beschreibung)]
    return "| " + " | ".join(zellen) + " |"


def doku() -> str:
    """The import format as Markdown: one table per file, generated from :data:`network.model.DATEIEN`."""
    teile = []
    for datei in DATEI_REIHENFOLGE:
        teile.append(f"#### `{datei}.csv`\n")
        teile.append("| Spalte | Pflicht | Typ | Erlaubte Werte | Beispiel | Beschreibung |")
        teile.append("|---|---|---|---|---|---|")
        teile += [_doku_zeile(datei, s) for s in DATEIEN[datei]]
        teile.append("")
    return "\n".join(teile)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Erzeugt die fiktiven Demodaten (Seed) von Kita-Netzwerk.")
    parser.add_argument("--out", type=Path, default=SEED_ORDNER, help="Zielordner (Standard: seed/)")
    parser.add_argument("--faktor", type=int, default=1, help="Vielfaches der Kitas, Angebote, … (Standard: 1)")
    parser.add_argument("--doku", action="store_true", help="Importformat als Markdown ausgeben und beenden")
    args = parser.parse_args(argv)
    if args.doku:
        print(doku(), end="")
        return 0
    if args.faktor < 1:
        parser.error("--faktor muss mindestens 1 sein")
    for datei, anzahl in generate(args.out, args.faktor).items():
        print(f"{datei}.csv: {anzahl} Zeilen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
