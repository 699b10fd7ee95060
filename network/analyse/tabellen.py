"""UI-friendly tables (pandas DataFrames) of the analysis.

Every function takes either :class:`~network.model.Netzdaten` (then it runs :func:`~network.analyse.auswerten`
with the given options) or an :class:`~network.analyse.auswertung.Auswertung` already computed – the app computes
once per change and reads all tables from it.

Examples
--------
>>> from network.model import Netzdaten
>>> daten = Netzdaten(
...     sozialraeume=[{"id": "sr-a", "name": "A"}], themen=[{"id": "sucht", "name": "Sucht"}],
...     gemeinden=[{"id": "g1", "sozialraum_id": "sr-a"}],
...     kitas=[{"id": "k1", "name": "Kita 1", "gemeinde_id": "g1", "lat": 50.0, "lon": 7.0}],
...     angebote=[{"id": "a1", "name": "Beratung", "art": "Beratung", "themen": ["sucht"], "gemeinde_id": "g1",
...                "versorgt": ["sr-a"], "lat": 50.0, "lon": 7.01}],
...     kooperationen=[{"id": "c1", "von_id": "k1", "zu_id": "a1", "seit": "2020-01-01", "intensitaet": 3}])
>>> a = auswerten(daten, "2024-01-01")
>>> metriken(a)[["sozialraum_id", "kitas", "angebote", "kooperationen", "dichte"]].to_dict("records")
[{'sozialraum_id': 'sr-a', 'kitas': 1, 'angebote': 1, 'kooperationen': 1, 'dichte': 1.0}, {'sozialraum_id': 'alle', 'kitas': 1, 'angebote': 1, 'kooperationen': 1, 'dichte': 1.0}]
>>> abdeckung(daten, "2024-01-01").to_dict()
{'sucht': {'sr-a': 1}}
"""

from __future__ import annotations

import pandas as pd

from network.model import Netzdaten

from .auswertung import GESAMT_ID, GESAMT_NAME, Auswertung, _mittel, auswerten, themen_vokabular
from .lueckensuche import LUECKENARTEN
from .netz import TYP_ANGEBOT, TYP_KITA, network_at, sozialraum_mitglieder

__all__ = ["METRIK_SPALTEN", "AKTEUR_SPALTEN", "HUB_SPALTEN", "LUECKEN_SPALTEN", "EMPFEHLUNG_SPALTEN",
           "metriken", "akteure", "hubs", "luecken", "empfehlungen", "hinweise", "abdeckung"]

METRIK_SPALTEN = ["sozialraum_id", "sozialraum", "kitas", "angebote", "angebote_vor_ort", "akteure",
                  "kooperationen", "externe_kooperationen", "externer_anteil", "dichte", "komponenten",
                  "komponenten_mit_kooperation", "groesste_komponente", "grad_mittel", "gewichteter_grad_mittel",
                  "betweenness_max", "constraint_mittel", "effektive_groesse_mittel", "artikulationspunkte",
                  "bruecken", "gemeinschaften", "modularitaet", "luecken", "empfehlungen", "betweenness_stichprobe"]
AKTEUR_SPALTEN = ["sozialraum_id", "id", "name", "typ", "art", "vor_ort", "degree", "gewichteter_grad",
                  "betweenness", "constraint", "effektive_groesse", "artikulationspunkt", "gemeinschaft", "hub_rang"]
HUB_SPALTEN = ["sozialraum_id", "sozialraum", "rang", "id", "name", "typ", "degree", "betweenness"]
LUECKEN_SPALTEN = ["sozialraum_id", "sozialraum", "art", "kita_id", "angebot_id", "thema", "km", "akteure", "grund"]
EMPFEHLUNG_SPALTEN = ["sozialraum_id", "sozialraum", "kita_id", "kita", "angebot_id", "angebot", "luecken",
                      "themen", "km", "grund"]


def _auswertung(quelle, stichtag=None, sozialraum=None, **optionen) -> Auswertung:
    if isinstance(quelle, Auswertung):
        return quelle
    return auswerten(quelle, stichtag, sozialraum, **optionen)


def _zeile_metriken(sr_id, name, k, *, kitas, angebote, vor_ort, extern, luecken, empfehlungen) -> dict:
    intern = k.kooperationen
    return {
        "sozialraum_id": sr_id, "sozialraum": name, "kitas": kitas, "angebote": angebote,
        "angebote_vor_ort": vor_ort, "akteure": k.akteure, "kooperationen": intern,
        "externe_kooperationen": extern,
        "externer_anteil": extern / (intern + extern) if intern + extern else 0.0,
        "dichte": k.dichte, "komponenten": k.anzahl_komponenten,
        "komponenten_mit_kooperation": sum(1 for c in k.komponenten if len(c) > 1),
        "groesste_komponente": max((len(c) for c in k.komponenten), default=0),
        "grad_mittel": _mittel(k.grad.values()), "gewichteter_grad_mittel": _mittel(k.gewichteter_grad.values()),
        "betweenness_max": max(k.betweenness.values(), default=None),
        "constraint_mittel": _mittel(k.constraint.values()),
        "effektive_groesse_mittel": _mittel(k.effektive_groesse.values()),
        "artikulationspunkte": len(k.artikulationspunkte), "bruecken": len(k.bruecken),
        "gemeinschaften": sum(1 for c in k.gemeinschaften if len(c) > 1), "modularitaet": k.modularitaet,
        "luecken": luecken, "empfehlungen": empfehlungen, "betweenness_stichprobe": k.stichprobe,
    }


def metriken(quelle, stichtag=None, sozialraum=None, **optionen) -> pd.DataFrame:
    """One row per Sozialraum (sorted by id) and, for the whole district, a last row ``sozialraum_id="alle"``.

    Columns: :data:`METRIK_SPALTEN`. ``kooperationen`` are those inside the Sozialraum network,
    ``externe_kooperationen`` those leaving it, ``*_mittel`` are means over actors (``constraint`` and
    ``effektive_groesse`` over actors with at least one Kooperation), ``gemeinschaften`` counts Louvain
    communities of two actors or more, ``luecken`` all gap entries.
    """
    a = _auswertung(quelle, stichtag, sozialraum, **optionen)
    zeilen = [
        _zeile_metriken(s.id, s.name, s.kennzahlen, kitas=len(s.kitas), angebote=len(s.angebote),
                        vor_ort=s.angebote_vor_ort, extern=s.externe_kooperationen, luecken=s.luecken.anzahl(),
                        empfehlungen=len(s.empfehlungen))
        for s in a.sozialraeume
    ]
    if a.gesamt is not None:
        knoten = a.netz._node
        n_kitas = sum(1 for d in knoten.values() if d["typ"] == TYP_KITA)
        n_angebote = len(knoten) - n_kitas
        zeilen.append(_zeile_metriken(
            GESAMT_ID, GESAMT_NAME, a.gesamt.kennzahlen, kitas=n_kitas, angebote=n_angebote, vor_ort=n_angebote,
            extern=0, luecken=sum(a.gesamt.luecken_anzahl.values()),
            empfehlungen=sum(len(s.empfehlungen) for s in a.sozialraeume)))
    return pd.DataFrame(zeilen, columns=METRIK_SPALTEN)


def akteure(quelle, stichtag=None, sozialraum=None, **optionen) -> pd.DataFrame:
    """One row per actor of each Sozialraum network (an Angebot serving several appears in each).

    Columns: :data:`AKTEUR_SPALTEN`. ``vor_ort`` = located in the Sozialraum; ``constraint`` and
    ``effektive_groesse`` are ``NaN`` for actors without Kooperation; ``gemeinschaft`` numbers the Louvain
    communities of the Sozialraum from 0; ``hub_rang`` is 1–5 for hubs, else empty.
    """
    a = _auswertung(quelle, stichtag, sozialraum, **optionen)
    zeilen = []
    for s in a.sozialraeume:
        k = s.kennzahlen
        gemeinschaft = {v: i for i, c in enumerate(k.gemeinschaften) for v in c}
        rang = {h["id"]: i + 1 for i, h in enumerate(s.hubs)}
        ap = set(k.artikulationspunkte)
        for v in sorted(s.netz, key=str):
            d = s.netz._node[v]
            zeilen.append({
                "sozialraum_id": s.id, "id": v, "name": d.get("name"), "typ": d["typ"], "art": d.get("art"),
                "vor_ort": d.get("sozialraum") == s.id, "degree": k.grad[v], "gewichteter_grad": k.gewichteter_grad[v],
                "betweenness": k.betweenness.get(v), "constraint": k.constraint.get(v),
                "effektive_groesse": k.effektive_groesse.get(v), "artikulationspunkt": v in ap,
                "gemeinschaft": gemeinschaft.get(v), "hub_rang": rang.get(v),
            })
    df = pd.DataFrame(zeilen, columns=AKTEUR_SPALTEN)
    df["hub_rang"] = df["hub_rang"].astype("Int64")
    df["gemeinschaft"] = df["gemeinschaft"].astype("Int64")
    return df


def hubs(quelle, stichtag=None, sozialraum=None, **optionen) -> pd.DataFrame:
    """The hubs (top 5 by betweenness; ties: degree, then id) per Sozialraum and for the whole district.

    Columns: :data:`HUB_SPALTEN`; ``rang`` starts at 1.
    """
    a = _auswertung(quelle, stichtag, sozialraum, **optionen)
    gruppen = [(s.id, s.name, s.hubs) for s in a.sozialraeume]
    if a.gesamt is not None:
        gruppen.append((GESAMT_ID, GESAMT_NAME, a.gesamt.hubs))
    zeilen = [{"sozialraum_id": sid, "sozialraum": name, "rang": i + 1, **h}
              for sid, name, hs in gruppen for i, h in enumerate(hs)]
    return pd.DataFrame(zeilen, columns=HUB_SPALTEN)


def luecken(quelle, stichtag=None, sozialraum=None, max_km=None, **optionen) -> pd.DataFrame:
    """One row per gap entry with its German reason (``grund``).

    Columns: :data:`LUECKEN_SPALTEN`. ``art`` is one of :data:`~network.analyse.lueckensuche.LUECKENARTEN`;
    ``akteure`` lists the Kitas of an ``einzige_verbindung`` entry or the actors of a
    ``komponenten_ohne_beratung`` entry; ``thema`` is empty for an articulation point.
    """
    if max_km is not None:
        optionen["max_km"] = max_km
    a = _auswertung(quelle, stichtag, sozialraum, **optionen)
    zeilen = []
    for s in a.sozialraeume:
        lu = s.luecken
        gruende = lu.gruende
        basis = {"sozialraum_id": s.id, "sozialraum": s.name}
        for art in LUECKENARTEN:
            for i, x in enumerate(getattr(lu, art)):
                z = dict(basis, art=art, kita_id=None, angebot_id=None, thema=None, km=None, akteure=None,
                         grund=gruende.get(art, [None] * (i + 1))[i])
                if art == "themen_ohne_angebot":
                    z["thema"] = x
                elif art in ("kitas_ohne_kooperation", "kitas_ohne_beratung"):
                    z["kita_id"] = x
                elif art == "entfernung":
                    z.update(kita_id=x["kita_id"], angebot_id=x["angebot_id"], thema=x["thema"], km=x["km"])
                elif art == "einzige_verbindung":
                    z.update(angebot_id=x["angebot_id"], thema=x["thema"], akteure=list(x["kita_ids"]))
                else:
                    z["akteure"] = list(x)
                zeilen.append(z)
    return pd.DataFrame(zeilen, columns=LUECKEN_SPALTEN)


def empfehlungen(quelle, stichtag=None, sozialraum=None, **optionen) -> pd.DataFrame:
    """One row per recommendation. Columns: :data:`EMPFEHLUNG_SPALTEN` (``km`` 0 = aufsuchend)."""
    a = _auswertung(quelle, stichtag, sozialraum, **optionen)
    knoten = a.netz._node
    zeilen = [{"sozialraum_id": s.id, "sozialraum": s.name, "kita_id": e["kita_id"],
               "kita": knoten[e["kita_id"]].get("name"), "angebot_id": e["angebot_id"],
               "angebot": knoten[e["angebot_id"]].get("name"), "luecken": e["luecken"], "themen": e["themen"],
               "km": e["km"], "grund": e["grund"]}
              for s in a.sozialraeume for e in s.empfehlungen]
    return pd.DataFrame(zeilen, columns=EMPFEHLUNG_SPALTEN)


def hinweise(quelle, stichtag=None, sozialraum=None, **optionen) -> pd.DataFrame:
    """Notes about data that could not be judged (columns ``sozialraum_id``, ``sozialraum``, ``hinweis``)."""
    a = _auswertung(quelle, stichtag, sozialraum, **optionen)
    zeilen = [{"sozialraum_id": s.id, "sozialraum": s.name, "hinweis": h} for s in a.sozialraeume
              for h in s.luecken.hinweise]
    if a.gesamt is not None:
        zeilen += [{"sozialraum_id": GESAMT_ID, "sozialraum": GESAMT_NAME, "hinweis": h} for h in a.gesamt.hinweise]
    return pd.DataFrame(zeilen, columns=["sozialraum_id", "sozialraum", "hinweis"])


def abdeckung(quelle, stichtag=None, *, namen: bool = False) -> pd.DataFrame:
    """Sozialraum × Thema: how many active Angebote located in or serving the Sozialraum offer the Thema.

    Rows are Sozialräume (sorted by id), columns the Thema vocabulary (sorted by id); ``namen=True``
    labels both with names instead of ids. A 0 is gap ``themen_ohne_angebot``. Made for a heatmap.

    Examples
    --------
    >>> from network.model import Netzdaten
    >>> d = Netzdaten(sozialraeume=[{"id": "sr-b", "name": "B"}, {"id": "sr-a", "name": "A"}],
    ...               themen=[{"id": "sucht", "name": "Sucht"}, {"id": "kultur", "name": "Kultur"}],
    ...               angebote=[{"id": "x", "themen": ["sucht"], "versorgt": ["alle"]},
    ...                         {"id": "y", "themen": ["sucht", "kultur"], "versorgt": ["sr-b"]}])
    >>> abdeckung(d, "2024-01-01", namen=True).to_dict("index")
    {'A': {'Kultur': 0, 'Sucht': 1}, 'B': {'Kultur': 1, 'Sucht': 2}}
    """
    if isinstance(quelle, Auswertung):
        G, themen, thema_namen = quelle.netz, quelle.themen, quelle.thema_namen
        sr_namen = {s.id: s.name for s in quelle.sozialraeume}
    else:
        daten: Netzdaten = quelle
        G = network_at(daten, stichtag)
        themen, thema_namen = themen_vokabular(daten)
        sr_namen = {s["id"]: s.get("name") or s["id"] for s in sorted(daten.sozialraeume, key=lambda r: str(r["id"]))}
    mitglieder = sozialraum_mitglieder(G, sr_namen)
    knoten = G._node
    zeilen = []
    for sid in sr_namen:
        zaehler = dict.fromkeys(themen, 0)
        for v in mitglieder[sid]:
            d = knoten[v]
            if d["typ"] != TYP_ANGEBOT:
                continue
            for t in set(d.get("themen") or ()):
                if t in zaehler:
                    zaehler[t] += 1
        zeilen.append(zaehler)
    df = pd.DataFrame(zeilen, index=list(sr_namen), columns=themen, dtype="int64")
    df.index.name, df.columns.name = "sozialraum_id", "thema"
    if namen:
        df = df.rename(index=sr_namen, columns=thema_namen)
        df.index.name, df.columns.name = "Sozialraum", "Thema"
        df = df[sorted(df.columns, key=str)]
    return df

