// name: schema
CREATE NODE TABLE IF NOT EXISTS Sozialraum(id STRING PRIMARY KEY, name STRING, beschreibung STRING);
CREATE NODE TABLE IF NOT EXISTS Thema(id STRING PRIMARY KEY, name STRING, beschreibung STRING);
CREATE NODE TABLE IF NOT EXISTS Gemeinde(id STRING PRIMARY KEY, name STRING, verbandsgemeinde STRING,
    lat DOUBLE, lon DOUBLE, einwohner INT64);
CREATE NODE TABLE IF NOT EXISTS Fachkraft(id STRING PRIMARY KEY, name STRING, telefon STRING, email STRING,
    dienstsitz STRING, stellenanteil DOUBLE);
CREATE NODE TABLE IF NOT EXISTS Traeger(id STRING PRIMARY KEY, name STRING);
CREATE NODE TABLE IF NOT EXISTS Kita(id STRING PRIMARY KEY, name STRING, strasse STRING, plz STRING, ort STRING,
    lat DOUBLE, lon DOUBLE, plaetze INT64, telefon STRING, email STRING, geprueft_am STRING,
    geprueft_von STRING);
CREATE NODE TABLE IF NOT EXISTS Angebot(id STRING PRIMARY KEY, name STRING, art STRING, beschreibung STRING,
    zielgruppen STRING[], sprachen STRING[], kosten STRING, kostenlos BOOLEAN, barrierefrei BOOLEAN,
    aufsuchend BOOLEAN, strasse STRING, plz STRING, ort STRING, lat DOUBLE, lon DOUBLE, telefon STRING,
    email STRING, website STRING, oeffnungszeiten STRING, hinweis STRING, kreisweit BOOLEAN,
    gueltig_ab STRING, gueltig_bis STRING, geprueft_am STRING, geprueft_von STRING);
CREATE REL TABLE IF NOT EXISTS GEHOERT_ZU(FROM Gemeinde TO Sozialraum);
CREATE REL TABLE IF NOT EXISTS LIEGT_IN(FROM Kita TO Gemeinde, FROM Angebot TO Gemeinde);
CREATE REL TABLE IF NOT EXISTS BETREUT(FROM Fachkraft TO Kita, seit STRING, bis STRING);
CREATE REL TABLE IF NOT EXISTS VERSORGT(FROM Angebot TO Sozialraum, rang INT64);
CREATE REL TABLE IF NOT EXISTS TRAEGT(FROM Traeger TO Kita, FROM Traeger TO Angebot);
CREATE REL TABLE IF NOT EXISTS HAT_THEMA(FROM Angebot TO Thema, rang INT64);
CREATE REL TABLE IF NOT EXISTS KOOPERIERT_MIT(FROM Kita TO Angebot, FROM Angebot TO Angebot, id STRING,
    art STRING, seit STRING, bis STRING, intensitaet INT64, notiz STRING);
CREATE NODE TABLE IF NOT EXISTS Indikatorwert(id STRING PRIMARY KEY, indikator STRING, wert DOUBLE, stichtag STRING,
    quelle STRING, fiktiv BOOLEAN);
CREATE REL TABLE IF NOT EXISTS BETRIFFT(FROM Indikatorwert TO Sozialraum, FROM Indikatorwert TO Kita);
CREATE NODE TABLE IF NOT EXISTS Szenario(id STRING PRIMARY KEY, name STRING, beschreibung STRING, gewichte STRING,
    geaendert_am STRING);
CREATE NODE TABLE IF NOT EXISTS Vermittlung(id STRING PRIMARY KEY, monat STRING, kita_id STRING, angebot_id STRING,
    thema_id STRING, ergebnis STRING, anzahl INT64);
CREATE NODE TABLE IF NOT EXISTS Bedarfsluecke(id STRING PRIMARY KEY, monat STRING, sozialraum_id STRING,
    thema_id STRING, anzahl INT64);
CREATE NODE TABLE IF NOT EXISTS Nutzer(id STRING PRIMARY KEY, rolle STRING, passwort_hash STRING, aktiv BOOLEAN,
    fachkraft_id STRING, fehlversuche INT64, gesperrt_bis STRING, angelegt_am STRING);
CREATE NODE TABLE IF NOT EXISTS Protokoll(id STRING PRIMARY KEY, zeit STRING, wer STRING, aktion STRING, art STRING,
    objekt_id STRING, vorher STRING, nachher STRING);
CREATE NODE TABLE IF NOT EXISTS Stand(id STRING PRIMARY KEY, version INT64);
CREATE NODE TABLE IF NOT EXISTS Fehlversuch(id STRING PRIMARY KEY, fehlversuche INT64, gesperrt_bis STRING,
    zuletzt STRING);
CREATE NODE TABLE IF NOT EXISTS Importabdruck(id STRING PRIMARY KEY, abdruck STRING, stand INT64, bericht STRING,
    zeit STRING)

// name: zaehle_knoten
MATCH (n)
RETURN label(n) AS label, count(*) AS anzahl

// name: zaehle_beziehungen
MATCH ()-[r]->()
RETURN label(r) AS typ, count(*) AS anzahl
