"""Our vocabulary (Art, Themen, Zielgruppen, Zusatzangaben) as taxonomies published with the HSDS export."""

from __future__ import annotations

__all__ = ["TAXONOMIEN", "ZUSATZ", "ORG_BESCHREIBUNG"]

#: Our taxonomies: key -> (name, description). ``zusatz`` carries the fields HSDS has no column for, as values.
TAXONOMIEN = {
    "art": ("Kita-Netzwerk Rhein-Hunsrück: Art des Angebots",
            "Die drei Arten von Angeboten im Verzeichnis der Kita-Sozialarbeit: Beratung, Unterstützung, Freizeit."),
    "thema": ("Kita-Netzwerk Rhein-Hunsrück: Themen",
              "Das Themen-Vokabular des Verzeichnisses (Kennung im Feld code)."),
    "zielgruppe": ("Kita-Netzwerk Rhein-Hunsrück: Zielgruppen",
                   "Zielgruppen der Angebote, wie im Verzeichnis erfasst."),
    "zusatz": ("Kita-Netzwerk Rhein-Hunsrück: Zusatzangaben",
               "Angaben ohne eigenes HSDS-Feld; der Wert steht im Feld value des Attributs."),
}

_ART_BESCHREIBUNG = {
    "Beratung": "Beratungsangebot (z. B. Erziehungs-, Schwangerschafts-, Schuldnerberatung).",
    "Unterstützung": "Praktische Unterstützung und Hilfen für Familien.",
    "Freizeit": "Freizeit-, Bildungs- und Begegnungsangebot für Familien und Kinder.",
}

#: Zusatzangaben: code -> (name, description). The value is text (dates ISO, yes/no as ``ja``/``nein``).
ZUSATZ = {
    "kennung": ("Kennung im Kita-Netzwerk", "Die Kennung des Angebots im Verzeichnis (z. B. ang-001)."),
    "gemeinde": ("Gemeinde (AGS)", "Amtlicher Gemeindeschlüssel der Gemeinde, in der das Angebot liegt."),
    "aufsuchend": ("Aufsuchend", "ja, wenn das Angebot zu den Familien kommt (Hausbesuche), sonst nein."),
    "gueltig_ab": ("Gültig ab", "Erster Tag, an dem es das Angebot gibt (JJJJ-MM-TT)."),
    "gueltig_bis": ("Gültig bis", "Letzter Tag, an dem es das Angebot gibt (JJJJ-MM-TT)."),
    "geprueft_von": ("Geprüft von", "Stelle, die die Angaben zuletzt geprüft hat (Datum: assured_date)."),
    "strasse": ("Straße (Teiladresse)", "Straße, wenn die Adresse für HSDS unvollständig ist."),
    "plz": ("Postleitzahl (Teiladresse)", "Postleitzahl, wenn die Adresse für HSDS unvollständig ist."),
    "ort": ("Ort (Teiladresse)", "Ort, wenn die Adresse für HSDS unvollständig ist."),
}

_OHNE_TRAEGER = "__ohne_traeger__"
_KREISWEIT_NAME = "kreisweit"
_BARRIEREFREI = {True: "barrierefrei", False: "nicht barrierefrei"}
_WAEHRUNG = "EUR"

#: The descriptions our export gives an organization (a Träger, the placeholder); the import knows them as ours.
ORG_BESCHREIBUNG = {
    "traeger": "Träger von Angeboten im Verzeichnis der Kita-Sozialarbeit im Rhein-Hunsrück-Kreis.",
    "platzhalter": "Platzhalter für Angebote, bei denen kein Träger erfasst ist.",
}

#: The description our export gives the district-wide service area.
KREISWEIT_BESCHREIBUNG = "Das Angebot steht Familien aus dem ganzen Kreis offen."
