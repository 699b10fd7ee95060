"""The indicators of the Sozialraumkonzept and how their values are read from the data.

The catalogue :data:`KATALOG` names the indicators the product knows, with German names, the level they
describe (Sozialraum or Kita) and their weight in the built-in scenario „Standard“. The import file
``indikatoren.csv`` may also bring indicators that are not in the catalogue; they are used under their id.

The default set are the district's own criteria as far as they are public (Sozialraumkonzept des
Rhein-Hunsrück-Kreises, adopted by the Jugendhilfeausschuss on 24.03.2021, section 2.3): five are known, two
more are not public and stand here as placeholders with weight 0.

Examples
--------
>>> [i.id for i in KATALOG if i.kriterium][:3]
['hze_ambulant_u6', 'familiengericht', 'auslaendische_kinder']
>>> standard_gewichte()["kinder_sgb2"], standard_gewichte()["kriterium_6"]
(1.0, 0.0)
>>> rows = [
...     {"id": "a", "sozialraum_id": "sr-a", "kita_id": None, "indikator": "x", "wert": 1.0, "stichtag": "2024-12-31"},
...     {"id": "b", "sozialraum_id": "sr-a", "kita_id": None, "indikator": "x", "wert": 2.0, "stichtag": "2025-12-31"},
...     {"id": "c", "sozialraum_id": "sr-a", "kita_id": "k1", "indikator": "y", "wert": 0.3, "stichtag": "2025-12-31"}]
>>> {k: v["wert"] for k, v in aktuelle_werte(rows).items()}
{('x', 'sr-a'): 2.0}
>>> {k: v["wert"] for k, v in aktuelle_werte(rows, "2025-01-01").items()}
{('x', 'sr-a'): 1.0}
>>> {k: v["wert"] for k, v in aktuelle_werte(rows, ebene=KITA).items()}
{('y', 'k1'): 0.3}
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Indikator", "KATALOG", "SOZIALRAUM", "KITA", "indikator", "name", "standard_gewichte",
           "aktuelle_werte", "bekannte_indikatoren", "DEMO_QUELLE"]

#: Level of an indicator value: the whole Sozialraum, or one Kita.
SOZIALRAUM = "sozialraum"
KITA = "kita"

#: The ``quelle`` of every fictional value of the demo data.
DEMO_QUELLE = "Demodaten (fiktiv)"


@dataclass(frozen=True)
class Indikator:
    """One indicator: ``id`` as in ``indikatoren.csv``, German ``name``, ``ebene`` (:data:`SOZIALRAUM` or
    :data:`KITA`), its weight in the scenario „Standard“, and whether it is one of the district's criteria
    (``kriterium``) and publicly known (``oeffentlich``)."""

    id: str
    name: str
    ebene: str = SOZIALRAUM
    gewicht: float = 0.0
    kriterium: bool = False
    oeffentlich: bool = True
    einheit: str = "Anzahl"
    beschreibung: str = ""


_I = Indikator

#: The known indicators, in the order the app shows them.
KATALOG: tuple[Indikator, ...] = (
    # -- the district's criteria (Sozialraumkonzept 2021, section 2.3); the five public ones weigh 1 each ------
    _I("hze_ambulant_u6", "Ambulante Hilfen zur Erziehung (unter 6 Jahren)", gewicht=1.0, kriterium=True,
       einheit="Fälle im Jahr",
       beschreibung="Laufende ambulante Hilfen zur Erziehung für Kinder unter 6 Jahren (Kriterium des Kreises)."),
    _I("familiengericht", "Mitwirkung in familiengerichtlichen Verfahren", gewicht=1.0, kriterium=True,
       einheit="Verfahren im Jahr",
       beschreibung="Verfahren, an denen das Jugendamt mitgewirkt hat (Kriterium des Kreises)."),
    _I("auslaendische_kinder", "Ausländische Kinder (unter 6 Jahren)", gewicht=1.0, kriterium=True,
       beschreibung="Kinder ohne deutsche Staatsangehörigkeit – Kriterium „Anteil ausländischer Kinder“; als "
                    "Anzahl erfasst, den Anteil des Sozialraums bildet die Formel."),
    _I("kinder_sgb2", "Kinder in SGB-II-Bedarfsgemeinschaften", gewicht=1.0, kriterium=True,
       beschreibung="Kinder unter 15 Jahren in Bedarfsgemeinschaften nach dem SGB II (Kriterium des Kreises)."),
    _I("kita_migration", "Kita-Kinder mit Migrationshintergrund", gewicht=1.0, kriterium=True,
       beschreibung="Kinder mit Migrationshintergrund in den Kitas des Sozialraums (Kriterium des Kreises)."),
    _I("kriterium_6", "Kriterium 6 (nicht öffentlich)", kriterium=True, oeffentlich=False,
       beschreibung="Platzhalter: das Konzept nennt sieben Kriterien, zwei davon sind nicht öffentlich "
                    "lesbar. Gewicht 0, bis das Kreisjugendamt sie benennt."),
    _I("kriterium_7", "Kriterium 7 (nicht öffentlich)", kriterium=True, oeffentlich=False,
       beschreibung="Platzhalter wie Kriterium 6."),
    # -- further indicators, weight 0 in „Standard“ (for other scenarios and for the supply ratios) ------------
    _I("kinder_u6", "Kinder unter 6 Jahren",
       beschreibung="Alle Kinder unter 6 Jahren mit Wohnsitz im Sozialraum (Bezugsgröße für „je 1 000 "
                    "Kinder“)."),
    _I("alleinerziehende", "Haushalte von Alleinerziehenden",
       beschreibung="Haushalte, in denen ein Elternteil allein mit Kindern lebt."),
    _I("kita_familiensprache", "Kita-Kinder mit nichtdeutscher Familiensprache",
       beschreibung="Kita-Kinder, in deren Familie vorrangig nicht Deutsch gesprochen wird."),
    _I("kita_plaetze", "Kita-Plätze", einheit="Plätze",
       beschreibung="Genehmigte Plätze der Kitas im Sozialraum."),
    _I("einwohner", "Einwohner", einheit="Personen",
       beschreibung="Bevölkerung insgesamt (amtlich: Destatis, Gemeindeverzeichnis)."),
    # -- Kita level: used to split a Sozialraum's share among its Kitas (Plätze × Wert) ------------------------
    _I("anteil_migration", "Anteil der Kita-Kinder mit Migrationshintergrund", ebene=KITA, einheit="Anteil 0–1",
       beschreibung="Anteil an den Kindern der Kita (0 bis 1)."),
    _I("anteil_familiensprache", "Anteil der Kita-Kinder mit nichtdeutscher Familiensprache", ebene=KITA,
       einheit="Anteil 0–1", beschreibung="Anteil an den Kindern der Kita (0 bis 1)."),
)

_NACH_ID = {i.id: i for i in KATALOG}


def indikator(indikator_id: str) -> Indikator:
    """The catalogue entry, or a plain entry named by its id for an indicator the catalogue does not know."""
    return _NACH_ID.get(indikator_id) or Indikator(indikator_id, indikator_id)


def name(indikator_id: str) -> str:
    """German name of an indicator (its id if unknown)."""
    return indikator(indikator_id).name


def standard_gewichte() -> dict[str, float]:
    """Weights of the scenario „Standard“: every Sozialraum indicator of the catalogue, criteria 1, others 0."""
    return {i.id: i.gewicht for i in KATALOG if i.ebene == SOZIALRAUM}


def bekannte_indikatoren(rows: list[dict], ebene: str = SOZIALRAUM) -> list[str]:
    """Indicator ids for ``ebene``: the catalogue's first (in its order), then those only in the data (sorted)."""
    in_daten = {r["indikator"] for r in rows if (r.get("kita_id") is None) == (ebene == SOZIALRAUM)}
    katalog = [i.id for i in KATALOG if i.ebene == ebene]
    return katalog + sorted(in_daten - set(katalog))


def aktuelle_werte(rows: list[dict], stichtag: str | None = None, ebene: str = SOZIALRAUM) -> dict[tuple, dict]:
    """The value in force per ``(indikator, sozialraum_id)`` (or ``(indikator, kita_id)`` for ``ebene=KITA``).

    In force is the row with the latest ``stichtag`` on or before ``stichtag`` (all rows when ``None``); on the
    same day the row with the larger id wins. Sozialraum values are the rows without ``kita_id``.
    """
    aktuell: dict[tuple, dict] = {}
    for r in rows:
        kita = r.get("kita_id")
        if (ebene == SOZIALRAUM) == (kita is not None):
            continue
        if r.get("wert") is None or (stichtag and (r.get("stichtag") or "") > stichtag):
            continue
        key = (r["indikator"], kita if ebene == KITA else r["sozialraum_id"])
        alt = aktuell.get(key)
        if alt is None or ((r.get("stichtag") or ""), r["id"]) > ((alt.get("stichtag") or ""), alt["id"]):
            aktuell[key] = r
    return aktuell
