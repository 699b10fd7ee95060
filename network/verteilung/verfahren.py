"""The method: need index per Sozialraum, and a budget and staff hours distributed by it, exactly.

Everything is computed with exact fractions (:class:`fractions.Fraction`) and integer units – cents for
money, steps (for example 0.25 Vollzeitäquivalente) for staff – so the parts always add up to the total and
ties are real ties, not rounding noise.

Index
    ``anteil_i(s) = x_i(s) / Σ_s' x_i(s')`` is Sozialraum ``s``'s share of indicator ``i``;
    ``index(s) = Σ_i w_i · anteil_i(s) / Σ_i w_i``. Indicators with weight 0, without any value, or with
    value 0 everywhere are left out (the last two with a notice). The indices add up to 1.
Minimum
    With a minimum ``m`` every Sozialraum gets at least ``m``; the others share the rest in proportion to
    their index: ``a(s) = max(m, λ · index(s))`` with ``λ`` such that the parts add up to the total.
Rounding (largest remainder, Hare–Niemeyer)
    Every Sozialraum gets the integer part of its exact quota; the units left over go, one each, to the
    largest remainders. Equal remainders: the higher index first, then the smaller id.

Examples
--------
>>> z = hare_niemeyer({"a": 1, "b": 1, "c": 1}, 100)
>>> z.teile
{'a': 34, 'b': 33, 'c': 33}
>>> hare_niemeyer({"a": 6, "b": 3, "c": 1}, 10, minimum=2).teile
{'a': 5, 'b': 3, 'c': 2}
>>> i = bedarfsindex({"x": {"a": 30.0, "b": 10.0}, "y": {"a": 1.0, "b": 1.0}}, {"x": 1, "y": 1}, ["a", "b"])
>>> i.index
{'a': Fraction(5, 8), 'b': Fraction(3, 8)}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Mapping, Sequence

from ..errors import VerteilungsFehler
from ..grund.format import zahl as zahl_de
from ..model import Netzdaten
from . import indikatoren as I

__all__ = ["Index", "Zuteilung", "Zeile", "Verteilung", "KitaZeile", "KitaVerteilung",
           "bedarfsindex", "hare_niemeyer", "verteile", "verteile_auf_kitas", "betrag_in_cent", "in_schritten",
           "zahl", "werte_je_sozialraum", "kita_sozialraum", "SCHRITT", "SCHRITT_KITA"]

#: Default step of staff hours (Vollzeitäquivalente).
SCHRITT = Decimal("0.25")
#: Default step when a Sozialraum's hours are split among its Kitas.
SCHRITT_KITA = Decimal("0.05")


# -- numbers ------------------------------------------------------------------------------------------------
def zahl(wert) -> Decimal:
    """A number from a float, an int, a Decimal or a text (decimal point or German decimal comma).

    >>> zahl("1670000,50"), zahl(0.25), zahl("1.670.000,00")
    (Decimal('1670000.50'), Decimal('0.25'), Decimal('1670000.00'))
    """
    if isinstance(wert, Decimal):
        d = wert
    elif isinstance(wert, bool):
        raise VerteilungsFehler(f"„{wert}“ ist keine Zahl.")
    elif isinstance(wert, (int, float)):
        d = Decimal(repr(wert)) if isinstance(wert, float) else Decimal(wert)
    else:
        t = str(wert).strip().replace(" ", "").replace("€", "")
        if "," in t:
            t = t.replace(".", "").replace(",", ".")
        try:
            d = Decimal(t)
        except InvalidOperation:
            raise VerteilungsFehler(f"„{wert}“ ist keine Zahl.") from None
    if not d.is_finite():
        raise VerteilungsFehler(f"„{wert}“ ist keine Zahl.")
    return d


def betrag_in_cent(betrag, was: str = "Das Budget") -> int:
    """Euros (to the cent) as integer cents.

    >>> betrag_in_cent("1670000"), betrag_in_cent(0.1)
    (167000000, 10)
    """
    d = zahl(betrag)
    if d < 0:
        raise VerteilungsFehler(f"{was} darf nicht negativ sein.")
    cent = d * 100
    if cent != cent.to_integral_value():
        raise VerteilungsFehler(f"{was} ({d} €) hat mehr als zwei Nachkommastellen – bitte auf den Cent genau "
                                "angeben.")
    return int(cent)


def in_schritten(vzae, schritt=SCHRITT, was: str = "Die Stellen") -> int:
    """Vollzeitäquivalente as a whole number of steps.

    >>> in_schritten(7, "0.25"), in_schritten("1,5", 0.5)
    (28, 3)
    """
    d, s = zahl(vzae), zahl(schritt)
    if s <= 0:
        raise VerteilungsFehler("Der Schritt muss größer als 0 sein.")
    if d < 0:
        raise VerteilungsFehler(f"{was} dürfen nicht negativ sein.")
    n = d / s
    if n != n.to_integral_value():
        raise VerteilungsFehler(f"{was} ({_de(d)} VZÄ) sind kein Vielfaches des Schritts {_de(s)} VZÄ.")
    return int(n)


def _de(d: Decimal) -> str:
    return zahl_de(d.normalize())


# -- the index ----------------------------------------------------------------------------------------------
@dataclass
class Index:
    """Result of :func:`bedarfsindex`: the index per Sozialraum, every indicator's shares, the indicators used
    and German notices."""

    index: dict[str, Fraction]
    anteile: dict[str, dict[str, Fraction]]
    verwendet: list[str]
    hinweise: list[str] = field(default_factory=list)


def bedarfsindex(werte: Mapping[str, Mapping[str, float]], gewichte: Mapping[str, float],
                 sozialraeume: Sequence[str], namen: Mapping[str, str] | None = None) -> Index:
    """Weighted index per Sozialraum: ``Σ_i w_i · x_i(s)/Σ_s' x_i(s') / Σ_i w_i`` over the usable indicators.

    ``werte[indikator][sozialraum]`` are the values (a missing value counts as 0, with a notice);
    ``gewichte[indikator]`` the weights (>= 0). Raises :class:`VerteilungsFehler` when no indicator is usable.
    """
    namen = namen or {}
    hinweise: list[str] = []
    anteile: dict[str, dict[str, Fraction]] = {}
    summe_w = Fraction(0)
    for ind, w in gewichte.items():
        w = Fraction(w)
        if w < 0:
            raise VerteilungsFehler(f"Das Gewicht von „{I.name(ind)}“ ist negativ; erlaubt sind Gewichte ab 0.")
        if w == 0:
            continue
        x = werte.get(ind) or {}
        if not x:
            hinweise.append(f"„{I.name(ind)}“ hat das Gewicht {_g(w)}, aber keine Werte – der Indikator zählt "
                            "nicht.")
            continue
        fehlen = [s for s in sozialraeume if s not in x]
        total = sum((Fraction(x[s]) for s in sozialraeume if s in x), Fraction(0))
        if total == 0:
            hinweise.append(f"„{I.name(ind)}“ ist in allen Sozialräumen 0 – der Indikator zählt nicht.")
            continue
        for s in fehlen:
            hinweise.append(f"Für „{namen.get(s, s)}“ fehlt ein Wert für „{I.name(ind)}“; er zählt als 0.")
        anteile[ind] = {s: Fraction(x.get(s, 0)) / total for s in sozialraeume}
        summe_w += w
    if summe_w == 0:
        raise VerteilungsFehler("Es gibt keinen Indikator mit einem Gewicht über 0 und mit Werten. Bitte "
                                "mindestens einem Indikator mit Werten ein Gewicht geben.")
    index = {s: sum((Fraction(gewichte[i]) * a[s] for i, a in anteile.items()), Fraction(0)) / summe_w
             for s in sozialraeume}
    return Index(index=index, anteile=anteile, verwendet=list(anteile), hinweise=hinweise)


def _g(w: Fraction) -> str:
    return zahl_de(Decimal(str(float(w))))


# -- rounding -----------------------------------------------------------------------------------------------
@dataclass
class Zuteilung:
    """Integer parts (``teile``), the exact quotas before rounding (``quoten``) and the ids raised to the
    minimum (``mindest``)."""

    teile: dict[str, int]
    quoten: dict[str, Fraction]
    mindest: frozenset[str] = frozenset()


def hare_niemeyer(gewichte: Mapping[str, Fraction | float | int], gesamt: int, minimum: int = 0) -> Zuteilung:
    """Split ``gesamt`` integer units in proportion to ``gewichte``, each part at least ``minimum``.

    Largest-remainder rounding; equal remainders go to the larger weight first, then to the smaller id. The
    parts always add up to ``gesamt``. Raises :class:`VerteilungsFehler` when the minima exceed the total.
    """
    ids = list(gewichte)
    g = {k: Fraction(v) for k, v in gewichte.items()}
    if gesamt < 0 or minimum < 0:
        raise VerteilungsFehler("Gesamtbetrag und Mindestbetrag dürfen nicht negativ sein.")
    if any(v < 0 for v in g.values()):
        raise VerteilungsFehler("Ein Verteilungsschlüssel ist negativ.")
    if not ids:
        if gesamt:
            raise VerteilungsFehler("Es gibt nichts, worauf verteilt werden kann (keine Sozialräume bzw. Kitas).")
        return Zuteilung({}, {})
    if minimum * len(ids) > gesamt:
        raise VerteilungsFehler("Die Mindestbeträge sind zusammen größer als der zu verteilende Gesamtbetrag.")
    if sum(g.values()) == 0:  # no key at all: equal parts
        g = {k: Fraction(1) for k in ids}

    mindest: set[str] = set()
    while True:  # water-filling: whoever falls below the minimum is set to it, the rest share what is left
        frei = [k for k in ids if k not in mindest]
        rest = gesamt - minimum * len(mindest)
        summe = sum(g[k] for k in frei)
        if summe == 0:  # only keys of 0 left: they share the rest equally
            quoten = {k: Fraction(rest, len(frei)) for k in frei}
        else:
            quoten = {k: rest * g[k] / summe for k in frei}
        neu = {k for k in frei if quoten[k] < minimum}
        if not neu:
            break
        mindest |= neu
    quoten.update({k: Fraction(minimum) for k in mindest})

    teile = {k: int(quoten[k]) for k in ids}  # quotas are >= 0: int() is the floor
    uebrig = gesamt - sum(teile.values())
    reihenfolge = sorted((k for k in ids if k not in mindest),
                         key=lambda k: (-(quoten[k] - teile[k]), -g[k], str(k)))
    for k in reihenfolge[:uebrig]:
        teile[k] += 1
    return Zuteilung(teile=teile, quoten=quoten, mindest=frozenset(mindest))


# -- reading the data ---------------------------------------------------------------------------------------
def kita_sozialraum(daten: Netzdaten) -> dict[str, str | None]:
    """Kita id -> Sozialraum id (through the Kita's Gemeinde)."""
    gemeinde = {g["id"]: g.get("sozialraum_id") for g in daten.gemeinden}
    return {k["id"]: gemeinde.get(k.get("gemeinde_id")) for k in daten.kitas}


def werte_je_sozialraum(daten: Netzdaten,
                        stichtag: str | None = None) -> tuple[dict[str, dict[str, float]], list[dict]]:
    """``werte[indikator][sozialraum_id]`` in force on ``stichtag`` (latest if ``None``), and the rows used."""
    aktuell = I.aktuelle_werte(daten.indikatoren, stichtag)
    werte: dict[str, dict[str, float]] = {}
    for (ind, sr), r in sorted(aktuell.items()):
        werte.setdefault(ind, {})[sr] = float(r["wert"])
    return werte, [aktuell[k] for k in sorted(aktuell)]


# -- the distribution ---------------------------------------------------------------------------------------
class _InEuroUndVZAE:
    """Money kept in cents and hours in steps (exact integers), shown as euros and Vollzeitäquivalente."""

    budget_cent: int
    stunden_schritte: int
    schritt: Decimal

    @property
    def budget(self) -> Decimal:
        """Euros, to the cent."""
        return Decimal(self.budget_cent) / 100

    @property
    def stunden(self) -> Decimal:
        """Vollzeitäquivalente."""
        return self.stunden_schritte * self.schritt


@dataclass(frozen=True)
class Zeile(_InEuroUndVZAE):
    """One Sozialraum of a :class:`Verteilung`."""

    id: str
    name: str
    index: Fraction
    budget_cent: int
    stunden_schritte: int
    budget_quote: Fraction
    stunden_quote: Fraction
    budget_minimum: bool = False
    stunden_minimum: bool = False
    schritt: Decimal = SCHRITT


@dataclass
class Verteilung(_InEuroUndVZAE):
    """The result of :func:`verteile`. ``zeilen`` are the Sozialräume sorted by id."""

    szenario: str
    gewichte: dict[str, float]
    budget_cent: int
    stunden_schritte: int
    schritt: Decimal
    zeilen: list[Zeile]
    anteile: dict[str, dict[str, Fraction]]
    werte: dict[str, dict[str, float]]
    verwendet: list[str]
    minimum_budget_cent: int = 0
    minimum_stunden_schritte: int = 0
    stichtag: str | None = None
    hinweise: list[str] = field(default_factory=list)
    quellen: list[dict] = field(default_factory=list)
    fiktiv: bool = False
    berechnet_am: str = field(default_factory=lambda: date.today().isoformat())

    @property
    def minimum_budget(self) -> Decimal:
        return Decimal(self.minimum_budget_cent) / 100

    @property
    def minimum_stunden(self) -> Decimal:
        return self.minimum_stunden_schritte * self.schritt

    def zeile(self, sozialraum_id: str) -> Zeile:
        return next(z for z in self.zeilen if z.id == sozialraum_id)

    def anteil(self, z: Zeile) -> Fraction:
        """Share of the budget the Sozialraum gets (after minimum and rounding); of the hours if no budget."""
        if self.budget_cent:
            return Fraction(z.budget_cent, self.budget_cent)
        return Fraction(z.stunden_schritte, self.stunden_schritte) if self.stunden_schritte else Fraction(0)

    def als_dict(self) -> dict:
        """The JSON form (the CLI's contract): money in euros to the cent, hours in VZÄ.

        ``{"szenario", "budget", "stunden", "schritt", "gewichte": {indikator: gewicht}, "sozialraeume": [{"id",
        "name", "index", "anteil", "budget", "stunden"}], ...}``; ``index`` (need index, the indices add up to
        1) and ``anteil`` (share of the budget actually given, after minimum and rounding) are rounded to six
        decimals. Extra keys: ``stichtag``, ``minimum_budget``, ``minimum_stunden``, ``indikatoren`` (used),
        ``fiktiv`` (whether fictional values were used), ``hinweise``.
        """
        return {
            "szenario": self.szenario,
            "budget": float(self.budget),
            "stunden": float(self.stunden),
            "schritt": float(self.schritt),
            "gewichte": {k: float(v) for k, v in self.gewichte.items()},
            "sozialraeume": [{"id": z.id, "name": z.name, "index": round(float(z.index), 6),
                              "anteil": round(float(self.anteil(z)), 6), "budget": float(z.budget),
                              "stunden": float(z.stunden)} for z in self.zeilen],
            "stichtag": self.stichtag,
            "minimum_budget": float(self.minimum_budget),
            "minimum_stunden": float(self.minimum_stunden),
            "indikatoren": list(self.verwendet),
            "fiktiv": self.fiktiv,
            "hinweise": list(self.hinweise),
        }


def verteile(daten: Netzdaten, gewichte: Mapping[str, float], budget, stunden, schritt=SCHRITT, *,
             minimum_budget=0, minimum_stunden=0, stichtag: str | None = None,
             szenario: str = "Standard") -> Verteilung:
    """Distribute ``budget`` (€, to the cent) and ``stunden`` (VZÄ, a multiple of ``schritt``) over the
    Sozialräume of ``daten`` by the weighted index of the indicator values in force on ``stichtag``.

    ``minimum_budget`` (€) and ``minimum_stunden`` (VZÄ, a multiple of ``schritt``) are the least each
    Sozialraum gets. Raises :class:`VerteilungsFehler` with a German message on unusable input.
    """
    schritt = zahl(schritt)
    budget_cent = betrag_in_cent(budget)
    min_cent = betrag_in_cent(minimum_budget, "Der Mindestbetrag")
    stunden_n = in_schritten(stunden, schritt)
    min_n = in_schritten(minimum_stunden, schritt, "Die Mindeststellen")
    srs = sorted(daten.sozialraeume, key=lambda s: s["id"])
    if not srs:
        raise VerteilungsFehler("Es gibt noch keine Sozialräume in den Daten.")
    ids = [s["id"] for s in srs]
    namen = {s["id"]: s.get("name") or s["id"] for s in srs}
    werte, benutzt = werte_je_sozialraum(daten, stichtag)
    idx = bedarfsindex(werte, gewichte, ids, namen)
    hinweise = list(idx.hinweise)
    if min_cent * len(ids) > budget_cent:
        raise VerteilungsFehler("Die Mindestbeträge aller Sozialräume sind zusammen größer als das Budget.")
    if min_n * len(ids) > stunden_n:
        raise VerteilungsFehler("Die Mindeststellen aller Sozialräume sind zusammen mehr als die Stellen.")
    geld = hare_niemeyer(idx.index, budget_cent, min_cent)
    zeit = hare_niemeyer(idx.index, stunden_n, min_n)
    zeilen = [Zeile(id=s, name=namen[s], index=idx.index[s], budget_cent=geld.teile[s],
                    stunden_schritte=zeit.teile[s], budget_quote=geld.quoten[s], stunden_quote=zeit.quoten[s],
                    budget_minimum=s in geld.mindest and min_cent > 0,
                    stunden_minimum=s in zeit.mindest and min_n > 0, schritt=schritt) for s in ids]
    verwendet = [r for r in benutzt if r["indikator"] in idx.verwendet and r["sozialraum_id"] in namen]
    quellen = sorted({(r["indikator"], r.get("quelle") or "ohne Angabe", r.get("stichtag") or "",
                       bool(r.get("fiktiv"))) for r in verwendet})
    return Verteilung(
        szenario=szenario, gewichte=dict(gewichte), budget_cent=budget_cent, stunden_schritte=stunden_n,
        schritt=schritt, zeilen=zeilen, anteile=idx.anteile, werte=werte, verwendet=idx.verwendet,
        minimum_budget_cent=min_cent, minimum_stunden_schritte=min_n, stichtag=stichtag, hinweise=hinweise,
        quellen=[{"indikator": i, "quelle": q, "stichtag": t, "fiktiv": f} for i, q, t, f in quellen],
        fiktiv=any(r.get("fiktiv") for r in verwendet))


# -- second step: a Sozialraum's share among its Kitas -------------------------------------------------------
@dataclass(frozen=True)
class KitaZeile(_InEuroUndVZAE):
    """One Kita's part of its Sozialraum's budget and hours."""

    id: str
    name: str
    sozialraum_id: str
    plaetze: int
    faktor: float | None
    schluessel: Fraction
    budget_cent: int
    stunden_schritte: int
    schritt: Decimal


@dataclass
class KitaVerteilung:
    """Result of :func:`verteile_auf_kitas`: Kitas sorted by Sozialraum, then id."""

    kita_indikator: str | None
    schritt: Decimal
    zeilen: list[KitaZeile]
    hinweise: list[str] = field(default_factory=list)
    #: The same notices by Sozialraum id.
    hinweise_je: dict[str, list[str]] = field(default_factory=dict)


def verteile_auf_kitas(daten: Netzdaten, verteilung: Verteilung, kita_indikator: str | None = None,
                       schritt=SCHRITT_KITA) -> KitaVerteilung:
    """Split each Sozialraum's budget and hours among its Kitas by ``Plätze × Kita-Wert``.

    The Kita value is that of ``kita_indikator`` (a share 0–1, for example ``anteil_migration``); without it the
    key is the places alone. A Kita without a value takes the mean of its Sozialraum's Kitas that have one;
    a Kita without places gets nothing (notice). Hours are split in steps of ``schritt`` (which must divide
    the step of the distribution); rounding as in :func:`hare_niemeyer` (ties: larger key, then id).
    """
    schritt = zahl(schritt)
    if schritt <= 0 or verteilung.schritt % schritt != 0:
        raise VerteilungsFehler(f"Der Kita-Schritt {_de(schritt)} VZÄ muss den Schritt der Verteilung "
                                f"({_de(verteilung.schritt)} VZÄ) ohne Rest teilen.")
    faktor_je = int(verteilung.schritt / schritt)
    sr_von = kita_sozialraum(daten)
    werte = {}
    if kita_indikator:
        werte = {k: float(r["wert"]) for (i, k), r in
                 I.aktuelle_werte(daten.indikatoren, verteilung.stichtag, I.KITA).items() if i == kita_indikator}
    hinweise_je: dict[str, list[str]] = {}
    zeilen: list[KitaZeile] = []
    for z in verteilung.zeilen:
        hinweise = hinweise_je.setdefault(z.id, [])
        kitas = sorted((k for k in daten.kitas if sr_von.get(k["id"]) == z.id), key=lambda k: k["id"])
        if not kitas:
            if z.budget_cent or z.stunden_schritte:
                hinweise.append(f"„{z.name}“ hat keine Kitas – sein Anteil bleibt beim Sozialraum.")
            continue
        vorhanden = [werte[k["id"]] for k in kitas if k["id"] in werte]
        mittel = Fraction(sum(map(Fraction, vorhanden)), len(vorhanden)) if vorhanden else None
        if kita_indikator and mittel is None:
            hinweise.append(f"In „{z.name}“ hat keine Kita einen Wert für „{I.name(kita_indikator)}“ – dort "
                            "zählen nur die Plätze.")
        elif kita_indikator and len(vorhanden) < len(kitas):
            n = len(kitas) - len(vorhanden)
            hinweise.append(f"In „{z.name}“ {'hat 1 Kita' if n == 1 else f'haben {n} Kitas'} keinen Wert für "
                            f"„{I.name(kita_indikator)}“; {'sie zählt' if n == 1 else 'sie zählen'} mit dem Mittel "
                            "des Sozialraums.")
        schluessel = {}
        for k in kitas:
            f = Fraction(werte[k["id"]]) if k["id"] in werte else (mittel if mittel is not None else Fraction(1))
            schluessel[k["id"]] = (k.get("plaetze") or 0) * f
        if sum(schluessel.values()) == 0:
            hinweise.append(f"In „{z.name}“ ergibt der Schlüssel überall 0 – dort wird gleichmäßig "
                            "aufgeteilt.")
        else:
            hinweise += [f"„{k.get('name') or k['id']}“ hat keine Plätze eingetragen und bekommt keinen Anteil."
                         for k in kitas if not k.get("plaetze")]
        geld = hare_niemeyer(schluessel, z.budget_cent)
        zeit = hare_niemeyer(schluessel, z.stunden_schritte * faktor_je)
        for k in kitas:
            zeilen.append(KitaZeile(
                id=k["id"], name=k.get("name") or k["id"], sozialraum_id=z.id, plaetze=k.get("plaetze") or 0,
                faktor=werte.get(k["id"]), schluessel=schluessel[k["id"]], budget_cent=geld.teile[k["id"]],
                stunden_schritte=zeit.teile[k["id"]], schritt=schritt))
    return KitaVerteilung(kita_indikator=kita_indikator, schritt=schritt, zeilen=zeilen,
                          hinweise=[h for z in verteilung.zeilen for h in hinweise_je[z.id]],
                          hinweise_je={k: v for k, v in hinweise_je.items() if v})
