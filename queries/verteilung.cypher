// Sozialraumkonzept (network.verteilung): indicator values of the import file indikatoren.csv and the saved
// weighting scenarios. Values only as parameters; shared by both backends. Two endpoints are matched in two
// MATCH clauses (see schreiben.cypher).
//
// (:Indikatorwert {id, indikator, wert, stichtag, quelle, fiktiv})-[:BETRIFFT]->(:Sozialraum)
// (:Indikatorwert)-[:BETRIFFT]->(:Kita)            only for a value of one Kita
// (:Szenario {id, name, beschreibung, gewichte (JSON text), geaendert_am})

// name: upsert_indikatorwert
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Indikatorwert {id: r.id})
SET n.indikator = r.indikator, n.wert = r.wert, n.stichtag = r.stichtag, n.quelle = r.quelle,
    n.fiktiv = r.fiktiv

// name: unlink_indikatorwert_sozialraum
UNWIND $ids AS id
MATCH (n:Indikatorwert {id: id})-[b:BETRIFFT]->(:Sozialraum)
DELETE b

// name: unlink_indikatorwert_kita
UNWIND $ids AS id
MATCH (n:Indikatorwert {id: id})-[b:BETRIFFT]->(:Kita)
DELETE b

// name: link_indikatorwert_sozialraum
UNWIND $rows AS r
MATCH (n:Indikatorwert {id: r.id})
MATCH (s:Sozialraum {id: r.sozialraum_id})
CREATE (n)-[:BETRIFFT]->(s)

// name: link_indikatorwert_kita
UNWIND $rows AS r
MATCH (n:Indikatorwert {id: r.id})
MATCH (k:Kita {id: r.kita_id})
CREATE (n)-[:BETRIFFT]->(k)

// name: lade_indikatorwerte
MATCH (n:Indikatorwert)
OPTIONAL MATCH (n)-[:BETRIFFT]->(s:Sozialraum)
OPTIONAL MATCH (n)-[:BETRIFFT]->(k:Kita)
RETURN n.id AS id, s.id AS sozialraum_id, k.id AS kita_id, n.indikator AS indikator, n.wert AS wert,
       n.stichtag AS stichtag, n.quelle AS quelle, n.fiktiv AS fiktiv
ORDER BY id

// name: speichere_szenario
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Szenario {id: r.id})
SET n.name = r.name, n.beschreibung = r.beschreibung, n.gewichte = r.gewichte, n.geaendert_am = r.geaendert_am

// name: lade_szenarien
MATCH (n:Szenario)
RETURN n.id AS id, n.name AS name, n.beschreibung AS beschreibung, n.gewichte AS gewichte,
       n.geaendert_am AS geaendert_am
ORDER BY id

// name: loesche_szenario
MATCH (n:Szenario {id: $id})
DETACH DELETE n
