"""The network words coordinators meet (Hub, Betweenness, Komponenten, Louvain …), each in plain German.

One place for the explanations: the pages Analyse and Netzwerk show them next to the figures.

Examples
--------
>>> sorted(BEGRIFFE)[:3]
['Betweenness', 'Dichte', 'Gemeinschaften (Louvain)']
>>> "Lesehilfe" in erklaerung(["Hub"])
True
"""

from __future__ import annotations

__all__ = ["BEGRIFFE", "erklaerung"]

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
