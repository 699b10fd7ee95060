"""The fictional content of the demo data: names, Träger, texts and the Angebot templates.

Everything here is invented. Only the geography (Gemeinden, Verbandsgemeinden, Einwohner, PLZ, coordinates)
comes from official sources, and it is read by :mod:`seed.generate` from ``seed/quellen/``. This module holds
plain data; all decisions about how many of what go where are made in :mod:`seed.generate`.

Conventions:

* Every Träger of an Angebot and every non-municipal Kita-Träger ends in ``(fiktiv)``.
* Telephone numbers use the fictional block ``9999`` behind a real area code (``06761 9999-101``).
* E-mail addresses and websites only use ``example.org`` (reserved for documentation, RFC 2606).
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Geography: how the real municipalities map onto the five Sozialräume --------------------------------

#: Verbandsgemeinde (column ``verbandsgemeinde`` of rhk_gemeinden.csv) -> (Sozialraum id, name).
SOZIALRAEUME = {
    "Boppard": ("sr-boppard", "Boppard"),
    "Hunsrück-Mittelrhein": ("sr-hunsrueck-mittelrhein", "Hunsrück-Mittelrhein"),
    "Kastellaun": ("sr-kastellaun", "Kastellaun"),
    "Kirchberg (Hunsrück)": ("sr-kirchberg", "Kirchberg (Hunsrück)"),
    "Simmern-Rheinböllen": ("sr-simmern-rheinboellen", "Simmern-Rheinböllen"),
}

#: Neighbouring Sozialräume; a regional Angebot sometimes also serves one of them.
NACHBARN = {
    "sr-boppard": ("sr-hunsrueck-mittelrhein",),
    "sr-hunsrueck-mittelrhein": ("sr-boppard", "sr-kastellaun", "sr-simmern-rheinboellen"),
    "sr-kastellaun": ("sr-hunsrueck-mittelrhein", "sr-simmern-rheinboellen", "sr-kirchberg"),
    "sr-kirchberg": ("sr-kastellaun", "sr-simmern-rheinboellen"),
    "sr-simmern-rheinboellen": ("sr-hunsrueck-mittelrhein", "sr-kastellaun", "sr-kirchberg"),
}

#: Real telephone area codes of the district (AGS of the exchange's town -> Vorwahl). A place gets the
#: code of the nearest of these towns; the number behind it is always in the fictional block 9999.
VORWAHLEN = {
    "07140144": "06761",  # Simmern/Hunsrück
    "07140064": "06762",  # Kastellaun
    "07140067": "06763",  # Kirchberg (Hunsrück)
    "07140125": "06764",  # Rheinböllen
    "07140041": "06765",  # Gemünden
    "07140068": "06766",  # Kisselbach
    "07140501": "06742",  # Boppard
    "07140133": "06741",  # Sankt Goar
    "07140112": "06744",  # Oberwesel
    "07140117": "06746",  # Pfalzfeld
    "07140036": "06747",  # Emmelshausen
    "07140024": "06543",  # Büchenbeuren
}

AGS_SIMMERN = "07140144"
AGS_BOPPARD = "07140501"
AGS_KASTELLAUN = "07140064"
AGS_KIRCHBERG = "07140067"
AGS_EMMELSHAUSEN = "07140036"
AGS_RHEINBOELLEN = "07140125"
AGS_OBERWESEL = "07140112"
AGS_SANKT_GOAR = "07140133"
AGS_SOHREN = "07140145"
AGS_BUECHENBEUREN = "07140024"

# --- Themen ------------------------------------------------------------------------------------------------

#: Short description for each Thema id of ``network.model.STANDARD_THEMEN``.
THEMEN_BESCHREIBUNG = {
    "erziehungsberatung": "Beratung bei Fragen zu Erziehung, Entwicklung und Konflikten in der Familie",
    "familienbildung": "Kurse und Angebote, die Eltern im Familienalltag stärken",
    "fruehe-hilfen": "Unterstützung rund um Schwangerschaft, Geburt und die ersten drei Lebensjahre",
    "gesundheit": "Kindergesundheit, Vorsorge, Ernährung und Pflege",
    "sprachfoerderung": "Förderung der sprachlichen Entwicklung, auch bei Mehrsprachigkeit",
    "fruehfoerderung": "Frühförderung, Therapie und Teilhabe bei Behinderung oder Entwicklungsverzögerung",
    "migration": "Orientierung, Beratung und Begleitung für zugewanderte Familien",
    "existenzsicherung": "Hilfe bei Schulden, Anträgen und finanziellen Notlagen",
    "gewaltschutz": "Schutz und Beratung bei häuslicher und sexualisierter Gewalt",
    "trennung": "Beratung und Begleitung bei Trennung, Scheidung und Umgangsfragen",
    "sucht": "Beratung bei Suchtproblemen in der Familie",
    "bewegung": "Bewegungs- und Sportangebote für Kinder und Eltern",
    "kultur": "Musik, Theater und kreative Angebote für Familien",
    "lesen": "Büchereien, Vorlesen und Leseförderung",
    "natur": "Natur erleben: Wald, Garten und Umweltbildung",
    "begegnung": "Treffpunkte, Eltern-Kind-Gruppen und Austausch unter Familien",
    "materielle-hilfen": "Lebensmittel, Kleidung und Sachspenden für Familien",
    "psychische-gesundheit": "Unterstützung bei psychischen Belastungen und Erkrankungen in der Familie",
    "alleinerziehende": "Beratung, Austausch und Entlastung für Alleinerziehende",
}

#: (Sozialraum, Thema) pairs that deliberately have NO Angebot at all: none located there, none serving it,
#: and no district-wide one. These are the gaps the analytics should find.
UNVERSORGT = (
    ("sr-kirchberg", "sucht"),
    ("sr-kirchberg", "trennung"),
    ("sr-kastellaun", "psychische-gesundheit"),
    ("sr-hunsrueck-mittelrhein", "alleinerziehende"),
)

# --- Fachkräfte der Kita-Sozialarbeit (Kreisjugendamt) ------------------------------------------------------

#: Offices: key -> (Dienstsitz, AGS of the office's town, for the area code).
DIENSTSITZE = {
    "simmern": ("Kreisverwaltung Rhein-Hunsrück-Kreis, Ludwigstraße 3-5, 55469 Simmern/Hunsrück", AGS_SIMMERN),
    "boppard": ("Kreisjugendamt, Außenstelle Boppard, Heerstraße 41, 56154 Boppard", AGS_BOPPARD),
    "emmelshausen": ("Kreisjugendamt, Außenstelle Emmelshausen, Rhein-Mosel-Straße 17, 56281 Emmelshausen",
                     AGS_EMMELSHAUSEN),
    "kastellaun": ("Kreisjugendamt, Außenstelle Kastellaun, Kirchstraße 8, 56288 Kastellaun", AGS_KASTELLAUN),
    "kirchberg": ("Kreisjugendamt, Außenstelle Kirchberg, Marktplatz 12, 55481 Kirchberg (Hunsrück)",
                  AGS_KIRCHBERG),
}


@dataclass(frozen=True)
class FachkraftVorlage:
    """One fictional Fachkraft of the Kita-Sozialarbeit and the Sozialräume she or he covers."""

    vorname: str
    nachname: str
    stellenanteil: float
    dienstsitz: str  # key of DIENSTSITZE
    sozialraeume: tuple[str, ...]


#: The ten fictional staff of the first copy: 7.75 VZÄ in total (the district plans 7 positions).
FACHKRAEFTE = (
    FachkraftVorlage("Julia", "Hoffmann", 1.0, "simmern", ("sr-simmern-rheinboellen",)),
    FachkraftVorlage("Daniel", "Weber", 0.75, "simmern", ("sr-simmern-rheinboellen",)),
    FachkraftVorlage("Katharina", "Schäfer", 0.5, "simmern", ("sr-simmern-rheinboellen", "sr-kirchberg")),
    FachkraftVorlage("Thomas", "Becker", 1.0, "boppard", ("sr-boppard",)),
    FachkraftVorlage("Olena", "Kovalenko", 0.5, "boppard", ("sr-boppard", "sr-hunsrueck-mittelrhein")),
    FachkraftVorlage("Sarah", "Wagner", 1.0, "emmelshausen", ("sr-hunsrueck-mittelrhein",)),
    FachkraftVorlage("Mehmet", "Yılmaz", 0.75, "emmelshausen", ("sr-hunsrueck-mittelrhein",)),
    FachkraftVorlage("Nadia", "Haddad", 0.75, "kastellaun", ("sr-kastellaun",)),
    FachkraftVorlage("Agnieszka", "Nowak", 0.5, "kastellaun", ("sr-kastellaun",)),
    FachkraftVorlage("Jonas", "Klein", 1.0, "kirchberg", ("sr-kirchberg",)),
)

#: Name pools for the staff of further copies (``--faktor`` > 1).
VORNAMEN = ("Anna", "Lea", "Miriam", "Sophie", "Elif", "Laura", "Jana", "Marta", "Irina", "Lisa",
            "Markus", "Felix", "Stefan", "Ahmad", "Tobias", "Jan", "Andrei", "Simon")
NACHNAMEN = ("Müller", "Schmidt", "Schneider", "Fischer", "Meyer", "Wolf", "Schröder", "Neumann", "Braun",
             "Zimmermann", "Krüger", "Hartmann", "Lange", "Kaya", "Popescu", "Kowalczyk", "Jovanović", "Sommer")

# --- Kitas --------------------------------------------------------------------------------------------------

TRAEGER_EV = "Ev. Kita-Träger Hunsrück (fiktiv)"
TRAEGER_KATH = "Kath. Kita gGmbH Trier – Region Hunsrück (fiktiv)"

#: Free Träger: (Träger, name prefix, share among free Kitas).
FREIE_KITA_TRAEGER = (
    ("Elterninitiative Kinderhaus Hunsrück e. V. (fiktiv)", "Kinderhaus", 2),
    ("Waldkindergarten Hunsrückhöhe e. V. (fiktiv)", "Waldkita", 1),
    ("Integrative Kitas Rhein-Hunsrück gGmbH (fiktiv)", "Integrative Kita", 2),
)

#: Träger mix per Sozialraum: weights for (kommunal, katholisch, evangelisch, frei). The Rhine valley is
#: more Catholic, the Hunsrück plateau more Protestant.
TRAEGER_MIX = {
    "sr-boppard": (4, 4, 1, 1),
    "sr-hunsrueck-mittelrhein": (5, 3, 2, 1),
    "sr-kastellaun": (5, 1, 3, 1),
    "sr-kirchberg": (5, 2, 3, 1),
    "sr-simmern-rheinboellen": (5, 1, 3, 1),
}

KITA_NAMEN = ("Regenbogen", "Sonnenschein", "Pusteblume", "Löwenzahn", "Spatzennest", "Wirbelwind",
              "Sternschnuppe", "Kunterbunt", "Zwergenland", "Schatzkiste", "Rasselbande", "Sonnenblume",
              "Hummelnest", "Abenteuerland", "Mäuseburg", "Bärenhöhle", "Glückskäfer", "Purzelbaum")
KITA_NAMEN_EV = ("Arche Noah", "Senfkorn", "Kleine Hände", "Schatzinsel", "Sonnenstrahl", "Samenkorn",
                 "Unterm Himmelszelt", "Regenbogen", "Lebensbaum", "Paulus")
KITA_NAMEN_KATH = ("St. Josef", "St. Martin", "St. Michael", "St. Elisabeth", "St. Barbara", "St. Marien",
                   "St. Hildegard", "St. Nikolaus", "Heilig Kreuz", "St. Laurentius", "St. Franziskus",
                   "St. Severus")

STRASSEN = ("Schulstraße", "Hauptstraße", "Kirchstraße", "Am Sportplatz", "Bahnhofstraße", "Gartenstraße",
            "Waldstraße", "Im Wiesengrund", "Lindenstraße", "Mühlenweg", "Rosenweg", "Am Kindergarten",
            "Bergstraße", "Talstraße", "Raiffeisenstraße", "Ringstraße", "Am Dorfplatz", "Brunnenstraße")

# --- Angebote -----------------------------------------------------------------------------------------------

ZIELGRUPPEN = ("Eltern", "Alleinerziehende", "Schwangere", "Familien mit Kindern 0–3",
               "Familien mit Kindern 3–6", "Väter", "Familien mit Migrationsgeschichte")

#: Languages besides German, roughly in the order of how often they are offered.
WEITERE_SPRACHEN = ("Englisch", "Arabisch", "Türkisch", "Ukrainisch", "Russisch", "Polnisch", "Rumänisch")

OEFFNUNGSZEITEN = {
    "Beratung": ("Mo–Do 9–16 Uhr, Fr 9–12 Uhr", "Mo–Fr 8–12 Uhr, Di und Do 14–17 Uhr",
                 "Di und Do 14–18 Uhr", "Mi 9–12 Uhr und nach Vereinbarung", "nach Vereinbarung"),
    "Unterstützung": ("Mo–Fr 9–12 Uhr", "Di 9–11 Uhr", "Mo und Mi 14–17 Uhr", "Do 15–18 Uhr",
                      "nach Vereinbarung"),
    "Freizeit": ("Mi 15–16 Uhr", "Di 9:30–11 Uhr", "Fr 15–16:30 Uhr", "jeden 1. Samstag im Monat 10–12 Uhr",
                 "Mo 16–17 Uhr", "Do 10–11:30 Uhr"),
}

HINWEISE = ("Termin nach telefonischer Vereinbarung", "Bus 610 bis Haltestelle Markt",
            "Parkplätze direkt am Haus", "Eingang über den Hof", "Anmeldung erwünscht",
            "Kinderbetreuung während des Termins möglich")

#: Sports club prefixes for the ``{verein}`` placeholder.
VEREINE = ("TuS", "TV", "SV", "SG")


@dataclass(frozen=True)
class Vorlage:
    """A template for one Angebot.

    ``name`` and ``traeger`` may contain ``{ort}`` (short place name, e.g. "Simmern"), ``{gemeinde}``
    (official name, e.g. "Simmern/Hunsrück") and ``{verein}`` (a sports club prefix).
    """

    name: str
    art: str
    themen: tuple[str, ...]
    beschreibung: str
    traeger: str
    zielgruppen: tuple[str, ...] = ("Eltern",)
    kosten: tuple[str, ...] = ("kostenlos",)
    aufsuchend: float = 0.0  # probability that the Angebot visits families at home
    hinweise: tuple[str, ...] = ()
    mehrsprachig: int = 0  # 0: rarely another language, 1: sometimes one or two, 2: usually several
    ohne_adresse: bool = False  # address not published (Frauenhaus)
    oeffnungszeiten: str = ""  # fixed opening hours; empty: a typical one for the art is chosen


_EV_BERATUNG = "Ev. Beratungsdienste Hunsrück (fiktiv)"
_CARITAS = "Caritasverband Rhein-Hunsrück (fiktiv)"
_KREIS = "Kreisverwaltung Rhein-Hunsrück (fiktiv)"
_GESUNDHEITSAMT = "Gesundheitsamt Rhein-Hunsrück (fiktiv)"
_VHS = "Kreisvolkshochschule Rhein-Hunsrück (fiktiv)"
_FAMILIENZENTREN = "Familienzentren Hunsrück gGmbH (fiktiv)"
_FRUEHFOERDERUNG = "Frühförderung Hunsrück gGmbH (fiktiv)"
_INTEGRATION = "Integrationsnetz Rhein-Hunsrück e. V. (fiktiv)"
_FRAUEN = "Frauen helfen Frauen Hunsrück e. V. (fiktiv)"
_TAFEL = "Hunsrücker Tafel e. V. (fiktiv)"
_SUCHTHILFE = "Suchtkrankenhilfe Hunsrück-Mosel (fiktiv)"
_HEBAMMEN = "Hebammennetz Hunsrück (fiktiv)"
_NATUR = "Naturentdecker Hunsrück e. V. (fiktiv)"
_ELTERN = "Eltern-Kind-Initiative {ort} e. V. (fiktiv)"
_VEREIN = "{verein} {ort} e. V. (fiktiv)"

_FAM_0_3 = "Familien mit Kindern 0–3"
_FAM_3_6 = "Familien mit Kindern 3–6"
_MIGRATION = "Familien mit Migrationsgeschichte"

#: District-wide Angebote (versorgt = alle) and the AGS of the place where each is located.
#: None of them has a Thema of :data:`UNVERSORGT` (Sucht, Trennung, Psychische Gesundheit,
#: Alleinerziehende are only offered regionally).
KREISWEIT = (
    (Vorlage("Familien- und Erziehungsberatung Simmern", "Beratung", ("erziehungsberatung", "familienbildung"),
             "Beratung für Eltern bei Fragen zu Erziehung und Entwicklung. Vertraulich und kostenlos.",
             _EV_BERATUNG, ("Eltern", _FAM_3_6, "Alleinerziehende"),
             hinweise=("Termin nach telefonischer Vereinbarung",), mehrsprachig=1), AGS_SIMMERN),
    (Vorlage("Online-Elternberatung Rhein-Hunsrück", "Beratung", ("erziehungsberatung",),
             "Beratung per Chat und Video für Eltern, die nicht in die Beratungsstelle kommen können.",
             _EV_BERATUNG, ("Eltern", "Väter")), AGS_SIMMERN),
    (Vorlage("Schuldnerberatung Rhein-Hunsrück", "Beratung", ("existenzsicherung",),
             "Beratung bei Schulden und drohender Zahlungsunfähigkeit. Hilfe beim Haushaltsplan.",
             _CARITAS, ("Eltern", "Alleinerziehende"),
             hinweise=("Bitte Kontoauszüge und Schreiben der Gläubiger mitbringen",)), AGS_SIMMERN),
    (Vorlage("Schwangerschaftsberatung Simmern", "Beratung", ("fruehe-hilfen", "existenzsicherung"),
             "Beratung in der Schwangerschaft und nach der Geburt, auch zu finanziellen Hilfen.",
             _CARITAS, ("Schwangere", "Eltern"), aufsuchend=0.5, mehrsprachig=1), AGS_SIMMERN),
    (Vorlage("Schwangerschaftsberatung Boppard", "Beratung", ("fruehe-hilfen", "gesundheit"),
             "Beratung rund um Schwangerschaft, Geburt und die Zeit danach.",
             _EV_BERATUNG, ("Schwangere", "Eltern"), aufsuchend=0.5, mehrsprachig=1), AGS_BOPPARD),
    (Vorlage("Familienhebammen im Netzwerk Frühe Hilfen", "Unterstützung", ("fruehe-hilfen", "gesundheit"),
             "Familienhebammen begleiten Familien im ersten Lebensjahr des Kindes zu Hause.",
             _KREIS, ("Schwangere", _FAM_0_3), aufsuchend=1.0, mehrsprachig=1), AGS_SIMMERN),
    (Vorlage("Familien-Gesundheits- und Kinderkrankenpflege Rhein-Hunsrück", "Unterstützung",
             ("fruehe-hilfen", "gesundheit"),
             "Pflegefachkräfte beraten zu Pflege, Ernährung und Entwicklung in den ersten Lebensjahren.",
             _KREIS, (_FAM_0_3,), aufsuchend=1.0), AGS_SIMMERN),
    (Vorlage("Willkommensbesuche für Neugeborene", "Unterstützung", ("fruehe-hilfen", "familienbildung"),
             "Ein Besuch nach der Geburt mit Informationen zu Angeboten im Landkreis.",
             _KREIS, (_FAM_0_3,), aufsuchend=1.0, mehrsprachig=2), AGS_SIMMERN),
    (Vorlage("Ehrenamtliche Familienpatenschaften Rhein-Hunsrück", "Unterstützung", ("fruehe-hilfen", "begegnung"),
             "Ehrenamtliche Patinnen und Paten entlasten Familien mit kleinen Kindern im Alltag.",
             _EV_BERATUNG, (_FAM_0_3, "Eltern"), aufsuchend=1.0), AGS_KASTELLAUN),
    (Vorlage("Babylotsen an der Geburtsklinik Simmern", "Beratung", ("fruehe-hilfen",),
             "Die Babylotsen sprechen Familien schon in der Geburtsklinik an und vermitteln Hilfen.",
             _KREIS, ("Schwangere", _FAM_0_3), mehrsprachig=1), AGS_SIMMERN),
    (Vorlage("Interdisziplinäre Frühförderstelle Simmern", "Unterstützung", ("fruehfoerderung", "gesundheit"),
             "Diagnostik, Förderung und Therapie für Kinder mit Entwicklungsverzögerung oder Behinderung.",
             _FRUEHFOERDERUNG, (_FAM_0_3, _FAM_3_6), aufsuchend=0.5,
             hinweise=("Überweisung durch die Kinderarztpraxis erforderlich",)), AGS_SIMMERN),
    (Vorlage("Inklusionsberatung Rhein-Hunsrück", "Beratung", ("fruehfoerderung",),
             "Beratung zu Teilhabe, Eingliederungshilfe und Integrationsplätzen in der Kita.",
             _FRUEHFOERDERUNG, ("Eltern", _FAM_3_6), aufsuchend=0.5), AGS_KASTELLAUN),
    (Vorlage("Kinder- und Jugendärztlicher Dienst – Elternsprechstunde", "Beratung", ("gesundheit",),
             "Ärztliche Beratung zu Entwicklung, Impfungen und Vorsorge.",
             _GESUNDHEITSAMT, ("Eltern", _FAM_3_6), hinweise=("Bitte U-Heft mitbringen",)), AGS_SIMMERN),
    (Vorlage("Zahngesundheit im Kindergarten", "Unterstützung", ("gesundheit",),
             "Zahnärztliche Untersuchung und Putzübungen in den Kitas des Landkreises.",
             _GESUNDHEITSAMT, (_FAM_3_6,)), AGS_SIMMERN),
    (Vorlage("Interventionsstelle gegen häusliche Gewalt Rhein-Hunsrück", "Beratung", ("gewaltschutz",),
             "Beratung nach Polizeieinsätzen bei häuslicher Gewalt und Unterstützung beim Schutz.",
             _FRAUEN, ("Eltern", "Alleinerziehende"), mehrsprachig=2), AGS_SIMMERN),
    (Vorlage("Frauenhaus Hunsrück", "Unterstützung", ("gewaltschutz",),
             "Schutzunterkunft für Frauen und ihre Kinder. Aufnahme auch nachts und am Wochenende.",
             _FRAUEN, ("Alleinerziehende", "Eltern"), mehrsprachig=2, ohne_adresse=True,
             oeffnungszeiten="telefonisch rund um die Uhr",
             hinweise=("Anschrift wird aus Schutzgründen nicht veröffentlicht, Kontakt nur telefonisch",)),
     AGS_SIMMERN),
    (Vorlage("Kinderschutzdienst Rhein-Hunsrück", "Beratung", ("gewaltschutz", "erziehungsberatung"),
             "Beratung bei Verdacht auf Kindeswohlgefährdung, auch für Fachkräfte in Kitas.",
             _CARITAS, ("Eltern",), aufsuchend=0.5), AGS_BOPPARD),
    (Vorlage("Migrationsberatung für Familien Rhein-Hunsrück", "Beratung", ("migration", "existenzsicherung"),
             "Beratung zu Aufenthalt, Sprachkursen, Arbeit und Kita-Anmeldung.",
             _INTEGRATION, (_MIGRATION,), mehrsprachig=2), AGS_SIMMERN),
    (Vorlage("Sprach- und Kulturmittlung Rhein-Hunsrück", "Unterstützung", ("migration", "sprachfoerderung"),
             "Ehrenamtliche Sprachmittlerinnen und -mittler begleiten Familien zu Elterngesprächen.",
             _INTEGRATION, (_MIGRATION,), mehrsprachig=2,
             hinweise=("Anfrage mindestens eine Woche vorher",)), AGS_EMMELSHAUSEN),
    (Vorlage("Fachdienst Sprachförderung in Kitas", "Unterstützung", ("sprachfoerderung",),
             "Beratung von Kitas und Eltern zur alltagsintegrierten Sprachbildung.",
             _KREIS, (_FAM_3_6, _MIGRATION), mehrsprachig=1), AGS_SIMMERN),
    (Vorlage("Sozialberatung und Antragshilfe Rhein-Hunsrück", "Beratung",
             ("existenzsicherung", "materielle-hilfen"),
             "Hilfe bei Anträgen auf Kinderzuschlag, Wohngeld und Bildungs- und Teilhabeleistungen.",
             _CARITAS, ("Eltern", "Alleinerziehende"), mehrsprachig=1), AGS_SIMMERN),
    (Vorlage("Hilfsfonds Familien in Not", "Unterstützung", ("materielle-hilfen",),
             "Einmalige Beihilfen für Familien in einer akuten Notlage, zum Beispiel für Kinderbetten.",
             "Stiftung Familien in Not Rhein-Hunsrück (fiktiv)", ("Eltern", "Alleinerziehende")), AGS_SIMMERN),
    (Vorlage("Kur- und Erholungsberatung für Familien", "Beratung", ("gesundheit", "existenzsicherung"),
             "Beratung zu Mutter-Kind- und Vater-Kind-Kuren und zur Antragstellung.",
             _CARITAS, ("Eltern", "Väter")), AGS_BOPPARD),
    (Vorlage("Kreisvolkshochschule – Elternkurs Gelassen erziehen", "Unterstützung",
             ("familienbildung", "erziehungsberatung"),
             "Kurs an sechs Abenden zu Grenzen, Regeln und Gefühlen im Familienalltag.",
             _VHS, ("Eltern", "Väter"), kosten=("Kursgebühr 40 €, Ermäßigung möglich",)), AGS_SIMMERN),
    (Vorlage("Kreismusikschule – Musikalische Früherziehung", "Freizeit", ("kultur",),
             "Singen, Bewegen und erste Instrumente für Kinder ab vier Jahren.",
             "Kreismusikschule Rhein-Hunsrück (fiktiv)", (_FAM_3_6,),
             kosten=("Kursgebühr 25 € im Monat",)), AGS_SIMMERN),
    (Vorlage("Fahrbücherei Rhein-Hunsrück – Kinderbuchstopp", "Freizeit", ("lesen", "sprachfoerderung"),
             "Der Bücherbus hält alle drei Wochen in Dörfern ohne eigene Bücherei.",
             _KREIS, (_FAM_3_6,), hinweise=("Fahrplan auf der Website",)), AGS_SIMMERN),
    (Vorlage("Naturerlebnistage für Familien im Hunsrück", "Freizeit", ("natur", "bewegung"),
             "Geführte Touren und Mitmachtage in Wald und Wiese, einmal im Monat an wechselnden Orten.",
             _NATUR, (_FAM_3_6, "Väter"), kosten=("3 € je Familie",)), AGS_KASTELLAUN),
    (Vorlage("Beratung für Familien mit Fluchterfahrung", "Beratung", ("migration", "begegnung"),
             "Beratung und offene Treffen für neu zugezogene Familien, auch mit Kinderbetreuung.",
             _INTEGRATION, (_MIGRATION, "Eltern"), mehrsprachig=2), AGS_SIMMERN),
)

#: Templates for regional Angebote in the towns (key -> Vorlage).
REGIONAL = {
    "familienzentrum": Vorlage(
        "Familienzentrum {ort}", "Unterstützung", ("begegnung", "familienbildung", "fruehe-hilfen"),
        "Treffpunkt für Familien mit offenen Sprechzeiten, Kursen und Beratung vor Ort.",
        _FAMILIENZENTREN, ("Eltern", _FAM_0_3, _FAM_3_6), aufsuchend=0.3, mehrsprachig=1),
    "familienbegleitung": Vorlage(
        "Frühe Hilfen – Familienbegleitung {ort}", "Unterstützung", ("fruehe-hilfen", "familienbildung"),
        "Eine Fachkraft besucht Familien mit Babys und Kleinkindern zu Hause und hilft im Alltag.",
        _FAMILIENZENTREN, (_FAM_0_3, "Schwangere", "Alleinerziehende"), aufsuchend=1.0, mehrsprachig=1),
    "eb_aussen": Vorlage(
        "Erziehungsberatung – Außensprechstunde {ort}", "Beratung", ("erziehungsberatung", "trennung"),
        "Sprechstunde der Erziehungsberatung im Ort, einmal pro Woche.",
        _CARITAS, ("Eltern", "Alleinerziehende"), aufsuchend=0.3,
        hinweise=("Termin nach telefonischer Vereinbarung",)),
    "trennung": Vorlage(
        "Trennungs- und Scheidungsberatung {ort}", "Beratung", ("trennung", "erziehungsberatung"),
        "Beratung für Eltern in Trennung, auch zu Umgang und gemeinsamer Sorge.",
        _EV_BERATUNG, ("Eltern", "Alleinerziehende", "Väter"), aufsuchend=0.2, mehrsprachig=1),
    "sucht": Vorlage(
        "Suchtberatung {ort}", "Beratung", ("sucht",),
        "Beratung für Eltern mit Suchtproblemen und für Angehörige.",
        _SUCHTHILFE, ("Eltern",), aufsuchend=0.5, hinweise=("Termin nach telefonischer Vereinbarung",)),
    "psych": Vorlage(
        "Beratung für Familien mit psychisch erkrankten Eltern {ort}", "Beratung",
        ("psychische-gesundheit", "erziehungsberatung"),
        "Beratung und Entlastung, wenn ein Elternteil psychisch erkrankt ist.",
        _EV_BERATUNG, ("Eltern", "Alleinerziehende"), aufsuchend=0.7),
    "alleinerziehende": Vorlage(
        "Alleinerziehenden-Treff {ort}", "Unterstützung", ("alleinerziehende", "begegnung"),
        "Austausch, Informationen und Kinderbetreuung für Alleinerziehende, zweimal im Monat.",
        _FAMILIENZENTREN, ("Alleinerziehende",)),
    "tafel": Vorlage(
        "Tafel {ort} – Ausgabestelle", "Unterstützung", ("materielle-hilfen",),
        "Ausgabe von Lebensmitteln an Menschen mit geringem Einkommen.",
        _TAFEL, ("Eltern", "Alleinerziehende"), kosten=("2 € je Einkauf",),
        hinweise=("Bitte Berechtigungsnachweis mitbringen",)),
    "kleiderkammer": Vorlage(
        "Kinderkleiderkammer {ort}", "Unterstützung", ("materielle-hilfen",),
        "Gut erhaltene Kinderkleidung, Spielsachen und Kinderwagen gegen eine kleine Spende.",
        "Ev. Kirchengemeinde {ort} (fiktiv)", ("Eltern", _FAM_0_3), kosten=("kostenlos, Spende erbeten",)),
    "turnen": Vorlage(
        "Eltern-Kind-Turnen {verein} {ort}", "Freizeit", ("bewegung", "begegnung"),
        "Turnen, Toben und Spielen für Kinder von zwei bis fünf Jahren mit einem Elternteil.",
        _VEREIN, (_FAM_0_3, _FAM_3_6), kosten=("Mitgliedsbeitrag 30 € im Jahr", "3 € je Termin")),
    "schwimmen": Vorlage(
        "Wassergewöhnung für Kleinkinder {ort}", "Freizeit", ("bewegung", "gesundheit"),
        "Spielerische Wassergewöhnung im Hallenbad für Kinder ab drei Jahren.",
        _VEREIN, (_FAM_3_6,), kosten=("Kursgebühr 45 € für 8 Termine",)),
    "buecherei_stadt": Vorlage(
        "Stadtbücherei {ort} – Vorlesestunde", "Freizeit", ("lesen", "sprachfoerderung"),
        "Vorlesen und Bilderbuchkino für Kinder ab drei Jahren, jeden Mittwochnachmittag.",
        "Stadt {gemeinde}", (_FAM_3_6,), mehrsprachig=1),
    "deutschkurs": Vorlage(
        "Deutschkurs mit Kinderbetreuung {ort}", "Unterstützung", ("sprachfoerderung", "migration"),
        "Deutschkurs für Mütter und Väter, die Kinder werden währenddessen betreut.",
        _VHS, (_MIGRATION,), kosten=("kostenlos", "Kursgebühr 20 €, Ermäßigung möglich"), mehrsprachig=2),
    "sprachcafe": Vorlage(
        "Sprachcafé {ort}", "Freizeit", ("migration", "begegnung", "sprachfoerderung"),
        "Offener Treff zum Deutschsprechen bei Kaffee und Kuchen, Kinder sind willkommen.",
        _INTEGRATION, (_MIGRATION, "Eltern"), mehrsprachig=2),
    "krabbel": Vorlage(
        "Krabbelgruppe {ort}", "Freizeit", ("begegnung",),
        "Treffen für Eltern mit Babys und Kleinkindern zum Spielen und Austauschen.",
        _ELTERN, (_FAM_0_3,)),
    "babytreff": Vorlage(
        "Babytreff {ort}", "Unterstützung", ("fruehe-hilfen", "begegnung"),
        "Offener Treff für Eltern im ersten Lebensjahr, begleitet von einer Fachkraft der Frühen Hilfen.",
        _FAMILIENZENTREN, (_FAM_0_3, "Schwangere"), aufsuchend=0.2, mehrsprachig=1),
    "hebamme": Vorlage(
        "Hebammensprechstunde {ort}", "Beratung", ("fruehe-hilfen", "gesundheit"),
        "Offene Sprechstunde für Schwangere und junge Familien, auch ohne eigene Hebamme.",
        _HEBAMMEN, ("Schwangere", _FAM_0_3), aufsuchend=0.8, hinweise=("Bitte Mutterpass mitbringen",)),
    "musikgarten": Vorlage(
        "Musikgarten {ort}", "Freizeit", ("kultur",),
        "Singen, Tanzen und Musizieren für Kinder von eineinhalb bis vier Jahren mit Eltern.",
        "Musikschule {ort} e. V. (fiktiv)", (_FAM_0_3, _FAM_3_6), kosten=("Kursgebühr 20 € im Monat",)),
    "waldgruppe": Vorlage(
        "Waldentdecker {ort}", "Freizeit", ("natur", "bewegung"),
        "Einmal im Monat gemeinsam in den Wald: Spuren suchen, bauen, spielen.",
        _NATUR, (_FAM_3_6, "Väter"), kosten=("kostenlos", "3 € je Termin")),
    "erstehilfe": Vorlage(
        "Erste Hilfe am Kind {ort}", "Unterstützung", ("familienbildung", "gesundheit"),
        "Kurs für Eltern und Großeltern zu Notfällen im Kindesalter.",
        "Hilfsorganisation Hunsrück e. V. (fiktiv)", ("Eltern", "Schwangere"), kosten=("Kursgebühr 20 €",)),
    "vaeter": Vorlage(
        "Väter-Kind-Samstag {ort}", "Freizeit", ("begegnung", "bewegung"),
        "Ein Samstagvormittag im Monat für Väter und ihre Kinder mit Spielen und Frühstück.",
        _FAMILIENZENTREN, ("Väter",)),
    "kinderkultur": Vorlage(
        "Kinderkulturwerkstatt {ort}", "Freizeit", ("kultur", "begegnung"),
        "Malen, Theater und Basteln für Kinder ab vier Jahren mit ihren Familien.",
        "Kulturverein {ort} e. V. (fiktiv)", (_FAM_3_6,), kosten=("5 € je Termin",)),
    "logopaedie": Vorlage(
        "Logopädische Praxis {ort} – Elternberatung", "Beratung", ("sprachfoerderung", "fruehfoerderung"),
        "Beratung zur Sprachentwicklung und Therapie mit ärztlicher Verordnung.",
        "Logopädie {ort} GbR (fiktiv)", (_FAM_3_6,), kosten=("kostenlos (Kassenleistung mit Verordnung)",),
        hinweise=("Termin nach telefonischer Vereinbarung",)),
    "integrationslotsen": Vorlage(
        "Integrationslotsen {ort}", "Unterstützung", ("migration",),
        "Ehrenamtliche begleiten zugewanderte Familien zu Ämtern, Ärzten und zur Kita.",
        _INTEGRATION, (_MIGRATION,), aufsuchend=0.7, mehrsprachig=2),
    "elternkurs": Vorlage(
        "Elternkurs Kita-Start {ort}", "Unterstützung", ("familienbildung",),
        "Drei Abende für Eltern, deren Kind bald in die Kita kommt.",
        _FAMILIENZENTREN, ("Eltern", _FAM_0_3), kosten=("kostenlos", "10 € je Kurs")),
    "sozialberatung": Vorlage(
        "Sozialberatung {ort}", "Beratung", ("existenzsicherung", "materielle-hilfen"),
        "Sprechstunde zu Geldsorgen, Anträgen und Sozialleistungen.",
        _CARITAS, ("Eltern", "Alleinerziehende"), aufsuchend=0.3, mehrsprachig=1),
    "gewalt_sprechstunde": Vorlage(
        "Fachberatung gegen sexualisierte Gewalt – Sprechstunde {ort}", "Beratung", ("gewaltschutz",),
        "Beratung für Eltern und Bezugspersonen bei Verdacht auf sexualisierte Gewalt.",
        _FRAUEN, ("Eltern",), hinweise=("Termin nach telefonischer Vereinbarung",)),
    "fruehfoerderung_aussen": Vorlage(
        "Mobile Frühförderung {ort}", "Unterstützung", ("fruehfoerderung",),
        "Frühförderung zu Hause und in der Kita für Kinder bis zum Schuleintritt.",
        _FRUEHFOERDERUNG, (_FAM_0_3, _FAM_3_6), aufsuchend=1.0),
}

#: Which regional templates each town has (AGS -> keys of REGIONAL). Sucht is missing in Kirchberg,
#: psychische Gesundheit in Kastellaun, Alleinerziehende in Hunsrück-Mittelrhein: see UNVERSORGT.
STAEDTE = {
    AGS_SIMMERN: ("familienzentrum", "familienbegleitung", "trennung", "sucht", "psych", "alleinerziehende",
                  "tafel", "kleiderkammer", "turnen", "schwimmen", "buecherei_stadt", "deutschkurs",
                  "sprachcafe", "krabbel", "babytreff", "hebamme", "musikgarten", "waldgruppe", "erstehilfe",
                  "vaeter", "kinderkultur", "logopaedie", "integrationslotsen", "elternkurs"),
    AGS_BOPPARD: ("familienzentrum", "familienbegleitung", "eb_aussen", "trennung", "sucht", "psych",
                  "alleinerziehende", "tafel", "kleiderkammer", "turnen", "schwimmen", "buecherei_stadt",
                  "deutschkurs", "sprachcafe", "krabbel", "babytreff", "hebamme", "musikgarten", "waldgruppe",
                  "erstehilfe", "vaeter", "kinderkultur", "logopaedie", "sozialberatung", "gewalt_sprechstunde",
                  "fruehfoerderung_aussen"),
    AGS_KASTELLAUN: ("familienzentrum", "familienbegleitung", "eb_aussen", "trennung", "alleinerziehende",
                     "tafel", "turnen", "schwimmen", "buecherei_stadt", "deutschkurs", "krabbel", "babytreff",
                     "hebamme", "musikgarten", "waldgruppe", "erstehilfe", "logopaedie", "sozialberatung",
                     "fruehfoerderung_aussen"),
    AGS_EMMELSHAUSEN: ("familienzentrum", "familienbegleitung", "eb_aussen", "hebamme", "tafel",
                       "kleiderkammer", "turnen", "schwimmen", "buecherei_stadt", "deutschkurs", "sprachcafe",
                       "krabbel", "babytreff", "musikgarten", "waldgruppe", "logopaedie", "sozialberatung",
                       "integrationslotsen"),
    AGS_KIRCHBERG: ("familienzentrum", "familienbegleitung", "eb_aussen", "sozialberatung", "alleinerziehende",
                    "tafel", "turnen", "schwimmen", "buecherei_stadt", "deutschkurs", "sprachcafe", "krabbel",
                    "babytreff", "hebamme", "musikgarten", "waldgruppe", "logopaedie", "fruehfoerderung_aussen",
                    "integrationslotsen"),
    AGS_RHEINBOELLEN: ("turnen", "buecherei_stadt", "krabbel", "babytreff", "musikgarten", "waldgruppe",
                       "kleiderkammer", "elternkurs", "sprachcafe", "hebamme", "eb_aussen"),
    AGS_OBERWESEL: ("turnen", "buecherei_stadt", "krabbel", "kinderkultur", "tafel", "sozialberatung",
                    "eb_aussen", "musikgarten", "waldgruppe"),
    AGS_SANKT_GOAR: ("turnen", "buecherei_stadt", "krabbel", "kinderkultur", "sprachcafe", "babytreff"),
    AGS_SOHREN: ("turnen", "krabbel", "babytreff", "sprachcafe", "deutschkurs", "elternkurs", "hebamme"),
    AGS_BUECHENBEUREN: ("turnen", "krabbel", "kleiderkammer"),
}

#: Regional Angebote that always also serve these Sozialräume ((AGS, key) -> Sozialräume). Other regional
#: Angebote serve their own Sozialraum and sometimes one random neighbour.
MITVERSORGT = {
    (AGS_SIMMERN, "sucht"): ("sr-kastellaun",),
    (AGS_BOPPARD, "sucht"): ("sr-hunsrueck-mittelrhein",),
    (AGS_SIMMERN, "psych"): ("sr-kirchberg",),
    (AGS_BOPPARD, "psych"): ("sr-hunsrueck-mittelrhein",),
    (AGS_SIMMERN, "trennung"): ("sr-kastellaun",),
    (AGS_BOPPARD, "trennung"): ("sr-hunsrueck-mittelrhein",),
}

#: Templates for small local Angebote in the villages; they only serve their own Sozialraum.
DORF = {
    "krabbel": REGIONAL["krabbel"],
    "turnen": Vorlage(
        "Kinderturnen {verein} {ort}", "Freizeit", ("bewegung",),
        "Bewegungsstunde in der Turnhalle für Kinder von drei bis sechs Jahren.",
        _VEREIN, (_FAM_3_6,), kosten=("Mitgliedsbeitrag 24 € im Jahr", "kostenlos")),
    "buecherei": Vorlage(
        "Öffentliche Bücherei {ort} – Bilderbuchkino", "Freizeit", ("lesen",),
        "Bilderbuchkino und Ausleihe in der ehrenamtlich geführten Bücherei.",
        "Kath. Öffentliche Bücherei {ort} (fiktiv)", (_FAM_3_6,)),
    "spielgruppe": Vorlage(
        "Eltern-Kind-Spielgruppe {ort}", "Freizeit", ("begegnung",),
        "Wöchentliche Spielgruppe im Gemeindehaus für Kinder bis drei Jahre.",
        _ELTERN, (_FAM_0_3,), kosten=("kostenlos", "2 € je Treffen")),
    "familiencafe": Vorlage(
        "Familiencafé {ort}", "Freizeit", ("begegnung",),
        "Einmal im Monat Kaffee, Kuchen und Spielecke im Dorfgemeinschaftshaus.",
        "Ortsgemeinde {gemeinde}", ("Eltern", _FAM_0_3, _FAM_3_6)),
    "garten": Vorlage(
        "Kindergarten-Beet {ort}", "Freizeit", ("natur",),
        "Gemeinsames Gärtnern im Dorfgarten für Familien mit kleinen Kindern.",
        "Obst- und Gartenbauverein {ort} e. V. (fiktiv)", (_FAM_3_6,)),
    "kinderchor": Vorlage(
        "Kinderchor {ort}", "Freizeit", ("kultur",),
        "Singen für Kinder ab vier Jahren, mit Auftritten im Dorf.",
        "Gesangverein {ort} e. V. (fiktiv)", (_FAM_3_6,)),
    "lesepaten": Vorlage(
        "Lesepaten {ort}", "Freizeit", ("lesen", "sprachfoerderung"),
        "Ehrenamtliche lesen Kindern im Gemeindehaus vor.",
        "Ortsgemeinde {gemeinde}", (_FAM_3_6,)),
}

# --- Kooperationen ------------------------------------------------------------------------------------------

#: Short internal notes by the art of the partner Angebot. No personal data.
NOTIZEN = {
    "Beratung": ("Offene Sprechstunde in der Kita einmal im Monat", "Vermittlung von Familien bei Bedarf",
                 "Gemeinsamer Elternabend zweimal im Jahr", "Infomaterial liegt in der Kita aus",
                 "Fallunabhängige Beratung für das Kita-Team"),
    "Unterstützung": ("Vermittlung von Familien bei Bedarf", "Kurs findet in den Räumen der Kita statt",
                      "Gemeinsamer Elternabend zweimal im Jahr", "Infomaterial liegt in der Kita aus",
                      "Austausch im Netzwerktreffen"),
    "Freizeit": ("Gemeinsames Sommerfest", "Besuch mit einer Kita-Gruppe einmal im Monat",
                 "Räume werden gemeinsam genutzt", "Aushang in der Kita"),
}
#: Notes for a Kooperation that has ended, and for one that ended because the Angebot was discontinued.
NOTIZEN_BEENDET = ("Projekt ausgelaufen", "Kooperation ruht seit Personalwechsel")
NOTIZ_ANGEBOT_EINGESTELLT = "Angebot eingestellt"

# --- Indikatoren (Sozialraumkonzept) ------------------------------------------------------------------------
# Only the population is real (Destatis). Every other value is invented: there are no public per-Sozialraum
# figures (seed/quellen/SOURCES.md, section 4). The ids match network/verteilung/indikatoren.py.

#: Stichtag of the fictional indicator values.
INDIKATOR_STICHTAG = "2025-12-31"
#: Source note of the real population sums.
QUELLE_EINWOHNER = ("Destatis, Gemeindeverzeichnis GV100AD (Stand 31.12.2024), Summe der Gemeinden des "
                    "Sozialraums")
QUELLE_FIKTIV = "Demodaten (fiktiv)"
QUELLE_PLAETZE = "Demodaten (fiktiv): Summe der Plätze der Demo-Kitas"

#: Invented social profile per Sozialraum (1 = district average): the Rhine towns and Simmern a little above,
#: the Hunsrück heights a little below. It only makes the demo distribution show differences.
PROFIL = {
    "sr-boppard": 1.18,
    "sr-hunsrueck-mittelrhein": 1.02,
    "sr-kastellaun": 0.82,
    "sr-kirchberg": 0.97,
    "sr-simmern-rheinboellen": 1.10,
}

#: Fictional Sozialraum indicators: id -> (base, rate per unit of the base, scaled by PROFIL?). Base
#: "einwohner" = the real population, "kinder_u6" = the fictional children under 6. A random factor of
#: 0.92–1.08 is applied on top.
INDIKATOR_RATEN = {
    "kinder_u6": ("einwohner", 0.055, False),
    "hze_ambulant_u6": ("kinder_u6", 0.018, True),
    "familiengericht": ("einwohner", 0.0016, True),
    "auslaendische_kinder": ("kinder_u6", 0.11, True),
    "kinder_sgb2": ("einwohner", 0.011, True),
    "alleinerziehende": ("einwohner", 0.028, True),
}
