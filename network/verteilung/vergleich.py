"""Reading a distribution: two scenarios side by side, need against supply, and Soll against Ist of staff.

Pure functions of :class:`~network.model.Netzdaten` and :class:`~network.verteilung.verfahren.Verteilung`;
the supply figures come only from the public functions of :mod:`network.analyse`.

Examples
--------
>>> from network.model import Netzdaten
>>> d = Netzdaten(sozialraeume=[{"id": "sr-a", "name": "A"}, {"id": "sr-b", "name": "B"}],
...               gemeinden=[{"id": "g1", "sozialraum_id": "sr-a"}, {"id": "g2", "sozialraum_id": "sr-b"}],
...               fachkraefte=[{"id": "f1", "name": "F", "stellenanteil": 0.75}],
...               kitas=[{"id": "k1", "gemeinde_id": "g1", "plaetze": 50, "fachkraft_id": "f1"},
...                      {"id": "k2", "gemeinde_id": "g2", "plaetze": 70, "fachkraft_id": "f1"},
...                      {"id": "k3", "gemeinde_id": "g2", "plaetze": 30, "fachkraft_id": "f1"}])
>>> {s: float(v) for s, v in ist_stunden(d)[0].items()}
{'sr-a': 0.25, 'sr-b': 0.5}
"""

from __future__ import annotations

from fractions import Fraction
from statistics import median

from ..analyse import analyse
from ..grund.format import zahl as zahl_de
from ..model import Netzdaten
from . import indikatoren as I
from .verfahren import Verteilung, kita_sozialraum

__all__ = ["vergleiche", "ist_stunden", "soll_ist", "bedarf_und_angebot", "angebot_je_sozialraum"]


def vergleiche(a: Verteilung, b: Verteilung) -> list[dict]:
    """Scenario ``a`` against ``b`` per Sozialraum: who gains, who loses, by how much (``b`` minus ``a``).

    Rows sorted by the budget difference, largest gain first (then id). ``ergebnis`` is „gewinnt“,
    „verliert“ or „gleich“ by the budget (by the hours when the budget is equal).
    """
    ids = sorted({z.id for z in a.zeilen} | {z.id for z in b.zeilen})
    za, zb = {z.id: z for z in a.zeilen}, {z.id: z for z in b.zeilen}
    zeilen = []
    for s in ids:
        x, y = za.get(s), zb.get(s)
        budget_a = x.budget_cent if x else 0
        budget_b = y.budget_cent if y else 0
        std_a = x.stunden if x else 0
        std_b = y.stunden if y else 0
        diff = budget_b - budget_a
        diff_std = std_b - std_a
        vorzeichen = diff or diff_std
        zeilen.append({
            "id": s, "name": (y or x).name,
            "index_a": (x.index if x else Fraction(0)), "index_b": (y.index if y else Fraction(0)),
            "budget_a": budget_a / 100, "budget_b": budget_b / 100, "budget_differenz": diff / 100,
            "stunden_a": float(std_a), "stunden_b": float(std_b), "stunden_differenz": float(diff_std),
            "ergebnis": "gewinnt" if vorzeichen > 0 else "verliert" if vorzeichen < 0 else "gleich",
        })
    zeilen.sort(key=lambda z: (-z["budget_differenz"], -z["stunden_differenz"], z["id"]))
    return zeilen


def ist_stunden(daten: Netzdaten) -> tuple[dict[str, Fraction], Fraction]:
    """Staff (VZÄ) working in each Sozialraum today, and the VZÄ of Fachkräfte without any Kita.

    A Fachkraft's ``stellenanteil`` is split by the number of her Kitas in each Sozialraum: 1.0 VZÄ with three
    Kitas in A and one in B counts 0.75 in A and 0.25 in B.
    """
    sr_von = kita_sozialraum(daten)
    kitas_je: dict[str, list[str | None]] = {}
    for k in daten.kitas:
        if k.get("fachkraft_id"):
            kitas_je.setdefault(k["fachkraft_id"], []).append(sr_von.get(k["id"]))
    ist: dict[str, Fraction] = {}
    ohne = Fraction(0)
    for f in daten.fachkraefte:
        anteil = Fraction(f.get("stellenanteil") or 0)
        orte = kitas_je.get(f["id"], [])
        if not orte:
            ohne += anteil
            continue
        for sr in orte:
            if sr is not None:
                ist[sr] = ist.get(sr, Fraction(0)) + anteil / len(orte)
            else:
                ohne += anteil / len(orte)
    return ist, ohne


def _je(zaehler, nenner) -> float | None:
    return float(Fraction(zaehler) / Fraction(nenner)) if nenner else None


def soll_ist(daten: Netzdaten, verteilung: Verteilung) -> tuple[list[dict], list[str]]:
    """Per Sozialraum: staff it should get (``soll``, VZÄ of the distribution) and has (``ist``), the difference
    (``differenz`` = Soll − Ist: positive means staff must be added or moved there), and Kitas and Kita places
    per VZÄ for both. Returns the rows (sorted by id) and German notices.
    """
    ist, ohne = ist_stunden(daten)
    sr_von = kita_sozialraum(daten)
    hinweise = []
    if ohne:
        vzae = zahl_de(ohne, 2)
        hinweise.append(f"{vzae} VZÄ gehören zu Fachkräften ohne Kita (oder zu Kitas ohne Sozialraum) und sind "
                        "keinem Sozialraum zugeordnet.")
    zeilen = []
    for z in verteilung.zeilen:
        kitas = [k for k in daten.kitas if sr_von.get(k["id"]) == z.id]
        plaetze = sum(k.get("plaetze") or 0 for k in kitas)
        soll = Fraction(z.stunden)
        hat = ist.get(z.id, Fraction(0))
        zeilen.append({
            "id": z.id, "name": z.name, "soll": float(soll), "ist": round(float(hat), 4),
            "differenz": round(float(soll - hat), 4), "kitas": len(kitas), "plaetze": plaetze,
            "kitas_ohne_fachkraft": sum(1 for k in kitas if not k.get("fachkraft_id")),
            "kitas_je_vzae_soll": _je(len(kitas), soll), "kitas_je_vzae_ist": _je(len(kitas), hat),
            "plaetze_je_vzae_soll": _je(plaetze, soll), "plaetze_je_vzae_ist": _je(plaetze, hat),
        })
    return zeilen, hinweise


def angebot_je_sozialraum(daten: Netzdaten, stichtag: str | None = None, bericht: dict | None = None) -> dict:
    """Supply per Sozialraum from the analytics: ``{id: {"kitas", "angebote", "angebote_vor_ort", "luecken"}}``.

    ``bericht`` is a report of :func:`network.analyse.analyse` already computed (the app caches it); otherwise
    it is computed here (counts and gaps only).
    """
    if bericht is None:
        bericht = analyse(daten, stichtag, voll=False)
    return {e["id"]: {"kitas": e["kitas"], "angebote": e["angebote"],
                      "angebote_vor_ort": e.get("angebote_vor_ort"),
                      "luecken": sum(len(v) for v in e["luecken"].values())} for e in bericht["sozialraeume"]}


def bedarf_und_angebot(daten: Netzdaten, verteilung: Verteilung, stichtag: str | None = None,
                       bericht: dict | None = None) -> list[dict]:
    """Need (index) next to supply per Sozialraum, highest need first.

    Supply: Angebote responsible for the Sozialraum (located there, serving it or district-wide) and located
    there, per 1 000 children under 6 (indicator ``kinder_u6``) and per Kita, and the number of gap entries of
    the analytics. ``auffaellig`` marks under-served areas: need above average (index > 1/n) and Angebote per
    1 000 children (per Kita when children are unknown) below the median of the Sozialräume.
    """
    angebot = angebot_je_sozialraum(daten, stichtag, bericht)
    kinder = {sr: r["wert"] for (i, sr), r in I.aktuelle_werte(daten.indikatoren, verteilung.stichtag).items()
              if i == "kinder_u6"}
    n = len(verteilung.zeilen)
    zeilen = []
    for z in verteilung.zeilen:
        a = angebot.get(z.id, {})
        k = kinder.get(z.id)
        zeilen.append({
            "id": z.id, "name": z.name, "index": z.index, "kinder_u6": k, "kitas": a.get("kitas", 0),
            "angebote": a.get("angebote", 0), "angebote_vor_ort": a.get("angebote_vor_ort"),
            "angebote_je_1000_kinder": (1000 * a.get("angebote", 0) / k) if k else None,
            "angebote_je_kita": _je(a.get("angebote", 0), a.get("kitas", 0)),
            "luecken": a.get("luecken", 0),
        })
    mass = "angebote_je_1000_kinder" if all(r["angebote_je_1000_kinder"] is not None for r in zeilen) \
        else "angebote_je_kita"
    werte = [r[mass] for r in zeilen if r[mass] is not None]
    mitte = median(werte) if werte else None
    for r in zeilen:
        r["vergleichsmass"] = mass
        r["auffaellig"] = bool(n and r["index"] > Fraction(1, n) and mitte is not None and r[mass] is not None
                               and r[mass] < mitte)
    zeilen.sort(key=lambda r: (-r["index"], r["id"]))
    return zeilen
