"""Small hand-built networks for the Vermittlung tests.

Geometry: the Kita k1 sits at (50.0, 7.5) in Gemeinde g-a (Sozialraum sr-a). An Angebot ``ang(..., km=x)`` sits x km
due east of it (1° of longitude at 50° N ≈ 71.47 km). Gemeinde g-b (Sozialraum sr-b) lies 55 km to the north.
"""

from __future__ import annotations

from network.model import Netzdaten

KM_JE_GRAD_LAENGE = 71.4704  # haversine, at 50° N
STICHTAG = "2025-06-15"


def ang(id: str, km: float | None = 1.0, **kw) -> dict:
    """An Angebot (Thema sucht, serving sr-a) ``km`` east of Kita k1; ``km=None`` means no coordinates."""
    a = {"id": id, "name": f"Angebot {id}", "art": "Beratung", "beschreibung": None, "themen": ["sucht"],
         "zielgruppen": [], "sprachen": [], "kosten": None, "kostenlos": None, "barrierefrei": None,
         "aufsuchend": False, "strasse": None, "plz": None, "ort": None, "gemeinde_id": "g-a",
         "lat": None if km is None else 50.0, "lon": None if km is None else 7.5 + km / KM_JE_GRAD_LAENGE,
         "telefon": None, "email": None, "website": None, "oeffnungszeiten": None, "hinweis": None,
         "traeger": None, "versorgt": ["sr-a"], "gueltig_ab": None, "gueltig_bis": None, "geprueft_am": None,
         "geprueft_von": None}
    a.update(kw)
    return a


def koop(id: str, von: str, zu: str, seit: str = "2020-01-01", bis: str | None = None, intensitaet: int = 2) -> dict:
    return {"id": id, "von_id": von, "zu_id": zu, "art": "regelmäßig", "seit": seit, "bis": bis,
            "intensitaet": intensitaet, "notiz": None}


def netz(angebote: list[dict], kooperationen: list[dict] = ()) -> Netzdaten:
    return Netzdaten(
        sozialraeume=[{"id": "sr-a", "name": "Nord", "beschreibung": None},
                      {"id": "sr-b", "name": "Süd", "beschreibung": None}],
        themen=[{"id": "sucht", "name": "Sucht", "beschreibung": None},
                {"id": "fruehe-hilfen", "name": "Frühe Hilfen", "beschreibung": None}],
        gemeinden=[{"id": "g-a", "name": "Altdorf", "verbandsgemeinde": None, "sozialraum_id": "sr-a",
                    "lat": 50.0, "lon": 7.5, "einwohner": 1000},
                   {"id": "g-b", "name": "Bergen", "verbandsgemeinde": None, "sozialraum_id": "sr-b",
                    "lat": 50.5, "lon": 7.5, "einwohner": 1000}],
        fachkraefte=[{"id": "fk-1", "name": "Erika Beispiel", "telefon": "06761 1", "email": "e@example.org",
                      "dienstsitz": None, "stellenanteil": 1.0}],
        kitas=[{"id": "k1", "name": "Kita Sonne", "strasse": "Schulweg 1", "plz": "55469", "ort": "Altdorf",
                "gemeinde_id": "g-a", "lat": 50.0, "lon": 7.5, "plaetze": 50, "traeger": None,
                "telefon": "06761 2", "email": "sonne@example.org", "fachkraft_id": "fk-1",
                "fachkraft_seit": None, "geprueft_am": None, "geprueft_von": None},
               {"id": "k2", "name": "Kita Mond", "strasse": None, "plz": None, "ort": "Altdorf",
                "gemeinde_id": "g-a", "lat": 50.0, "lon": 7.5, "plaetze": 40, "traeger": None, "telefon": None,
                "email": None, "fachkraft_id": None, "fachkraft_seit": None, "geprueft_am": None,
                "geprueft_von": None}],
        angebote=list(angebote),
        kooperationen=list(kooperationen),
    )
