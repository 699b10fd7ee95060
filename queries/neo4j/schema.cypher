// name: schema
CREATE CONSTRAINT sozialraum_id IF NOT EXISTS FOR (n:Sozialraum) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT gemeinde_id IF NOT EXISTS FOR (n:Gemeinde) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kita_id IF NOT EXISTS FOR (n:Kita) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fachkraft_id IF NOT EXISTS FOR (n:Fachkraft) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT angebot_id IF NOT EXISTS FOR (n:Angebot) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT traeger_id IF NOT EXISTS FOR (n:Traeger) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT thema_id IF NOT EXISTS FOR (n:Thema) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kooperation_id IF NOT EXISTS FOR ()-[r:KOOPERIERT_MIT]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT indikatorwert_id IF NOT EXISTS FOR (n:Indikatorwert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT szenario_id IF NOT EXISTS FOR (n:Szenario) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT vermittlung_id IF NOT EXISTS FOR (n:Vermittlung) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT bedarfsluecke_id IF NOT EXISTS FOR (n:Bedarfsluecke) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT nutzer_id IF NOT EXISTS FOR (n:Nutzer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT protokoll_id IF NOT EXISTS FOR (n:Protokoll) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT stand_id IF NOT EXISTS FOR (n:Stand) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fehlversuch_id IF NOT EXISTS FOR (n:Fehlversuch) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT importabdruck_id IF NOT EXISTS FOR (n:Importabdruck) REQUIRE n.id IS UNIQUE

// name: zaehle_knoten
MATCH (n)
RETURN labels(n)[0] AS label, count(*) AS anzahl

// name: zaehle_beziehungen
MATCH ()-[r]->()
RETURN type(r) AS typ, count(*) AS anzahl
