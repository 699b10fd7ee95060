"""The words of the app in plain German: the network terms coordinators meet (Hub, Betweenness, Komponenten,
Louvain …) and the labels of the data fields.

One place for the explanations (the pages Analyse and Netzwerk show them next to the figures) and for the field
labels (the forms of the page Pflege, the changes on the page Protokoll).

Examples
--------
>>> sorted(BEGRIFFE)[:3]
['Betweenness', 'Dichte', 'Gemeinschaften (Louvain)']
>>> "Lesehilfe" in erklaerung(["Hub"])
True
"""

from __future__ import annotations

__all__ = ["BEGRIFFE", "BESCHRIFTUNG", "erklaerung"]

BEGRIFFE = {
    "Hub": "ein Akteur (Kita oder Angebot), über den besonders viele Verbindungen im Netz laufen – eine "
           "Drehscheibe. Fällt ein Hub weg, finden viele andere schwerer zueinander.",
    "Betweenness": "wie oft ein Akteur auf dem kürzesten Weg zwischen zwei anderen liegt (0 = nie, 1 = immer). "
                   "Hoch heißt: Er vermittelt zwischen Teilen des Netzes, die sonst kaum verbunden wären.",
    "Komponenten": "Teilnetze, die untereinander gar nicht verbunden sind. Jede Kita ohne Kooperation zählt als "
                   "eigenes Teilnetz. Weniger Komponenten heißt: Das Netz hängt besser zusammen.",
    "Gemeinschaften (Louvain)": "Gruppen von Akteuren, die untereinander deutlich enger kooperieren als mit dem "
                                "Rest – gefunden mit dem Louvain-Verfahren, einer üblichen Rechenmethode dafür.",
    "Dichte": "Anteil der möglichen Kooperationen, die es tatsächlich gibt (0 bis 1). Schon 0,05 ist in großen "
              "Netzen viel: Nicht jede Kita muss mit jedem Angebot arbeiten.",
    "Trennstellen": "Schlüsselakteure: Fiele einer weg, zerfiele das Netz in getrennte Teile.",
}


def erklaerung(begriffe: list[str] | None = None) -> str:
    """Markdown: a short list „**Begriff**: Erklärung“ (all terms, or those named)."""
    namen = begriffe or list(BEGRIFFE)
    zeilen = [f"- **{n}**: {BEGRIFFE[n]}" for n in namen if n in BEGRIFFE]
    return "**Lesehilfe – die Begriffe in einfachen Worten**\n\n" + "\n".join(zeilen)


#: German labels of the form fields.
BESCHRIFTUNG = {
    "id": "Kennung", "name": "Name", "strasse": "Straße und Hausnummer", "plz": "PLZ", "ort": "Ort",
    "gemeinde_id": "Gemeinde", "lat": "Breitengrad (lat)", "lon": "Längengrad (lon)", "plaetze": "Plätze",
    "traeger": "Träger", "telefon": "Telefon", "email": "E-Mail", "fachkraft_id": "Fachkraft der Kita-Sozialarbeit",
    "fachkraft_seit": "Fachkraft zuständig seit", "art": "Art", "beschreibung": "Beschreibung", "themen": "Themen",
    "zielgruppen": "Zielgruppen", "sprachen": "Sprachen", "kosten": "Kosten (in Worten)", "kostenlos": "kostenlos",
    "barrierefrei": "barrierefrei", "aufsuchend": "aufsuchend (Hausbesuche)", "website": "Website",
    "oeffnungszeiten": "Öffnungszeiten", "hinweis": "Hinweis (Anfahrt, was mitbringen)",
    "versorgt": "Einzugsgebiet (Sozialräume)", "gueltig_ab": "gültig ab", "gueltig_bis": "gültig bis",
    "von_id": "Von (Kita oder Angebot)", "zu_id": "Zu (Angebot)", "seit": "seit", "bis": "bis",
    "intensitaet": "Intensität", "notiz": "Notiz (intern, keine Personendaten)",
}
