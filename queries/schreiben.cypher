// Writes of the import. Every block takes a batch: $rows (list of maps) or $ids (list of strings).
// Two endpoints are matched in two MATCH clauses, never as "MATCH (a {..}), (b {..})": LadybugDB plans the
// comma form as a cross product of both tables (14× slower at 30× the seed), the two-clause form as two
// primary-key lookups. Neo4j plans both the same.
// Relationships owned by an entity's columns are replaced: unlink_* removes them, link_* creates them anew.

// name: upsert_sozialraum
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Sozialraum {id: r.id})
SET n.name = r.name, n.beschreibung = r.beschreibung

// name: upsert_thema
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Thema {id: r.id})
SET n.name = r.name, n.beschreibung = r.beschreibung

// name: upsert_gemeinde
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Gemeinde {id: r.id})
SET n.name = r.name, n.verbandsgemeinde = r.verbandsgemeinde, n.lat = r.lat, n.lon = r.lon,
    n.einwohner = r.einwohner

// name: unlink_gemeinde
UNWIND $ids AS id
MATCH (n:Gemeinde {id: id})-[r:GEHOERT_ZU]->(:Sozialraum)
DELETE r

// name: link_gemeinde_sozialraum
UNWIND $rows AS r
MATCH (n:Gemeinde {id: r.id})
MATCH (s:Sozialraum {id: r.sozialraum_id})
CREATE (n)-[:GEHOERT_ZU]->(s)

// name: upsert_fachkraft
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Fachkraft {id: r.id})
SET n.name = r.name, n.telefon = r.telefon, n.email = r.email, n.dienstsitz = r.dienstsitz,
    n.stellenanteil = r.stellenanteil

// name: upsert_traeger
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Traeger {id: r.id})
SET n.name = r.name

// name: upsert_kita
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Kita {id: r.id})
SET n.name = r.name, n.strasse = r.strasse, n.plz = r.plz, n.ort = r.ort, n.lat = r.lat, n.lon = r.lon,
    n.plaetze = r.plaetze, n.telefon = r.telefon, n.email = r.email, n.geprueft_am = r.geprueft_am,
    n.geprueft_von = r.geprueft_von

// name: unlink_kita_gemeinde
UNWIND $ids AS id
MATCH (n:Kita {id: id})-[r:LIEGT_IN]->(:Gemeinde)
DELETE r

// name: unlink_kita_traeger
UNWIND $ids AS id
MATCH (:Traeger)-[r:TRAEGT]->(n:Kita {id: id})
DELETE r

// name: unlink_kita_fachkraft
UNWIND $ids AS id
MATCH (:Fachkraft)-[r:BETREUT]->(n:Kita {id: id})
DELETE r

// name: link_kita_gemeinde
UNWIND $rows AS r
MATCH (n:Kita {id: r.id})
MATCH (g:Gemeinde {id: r.gemeinde_id})
CREATE (n)-[:LIEGT_IN]->(g)

// name: link_kita_traeger
UNWIND $rows AS r
MATCH (n:Kita {id: r.id})
MATCH (t:Traeger {id: r.traeger_id})
CREATE (t)-[:TRAEGT]->(n)

// name: link_kita_fachkraft
UNWIND $rows AS r
MATCH (n:Kita {id: r.id})
MATCH (f:Fachkraft {id: r.fachkraft_id})
CREATE (f)-[:BETREUT {seit: r.fachkraft_seit}]->(n)

// name: upsert_angebot
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Angebot {id: r.id})
SET n.name = r.name, n.art = r.art, n.beschreibung = r.beschreibung, n.zielgruppen = r.zielgruppen,
    n.sprachen = r.sprachen, n.kosten = r.kosten, n.kostenlos = r.kostenlos, n.barrierefrei = r.barrierefrei,
    n.aufsuchend = r.aufsuchend, n.strasse = r.strasse, n.plz = r.plz, n.ort = r.ort, n.lat = r.lat,
    n.lon = r.lon, n.telefon = r.telefon, n.email = r.email, n.website = r.website,
    n.oeffnungszeiten = r.oeffnungszeiten, n.hinweis = r.hinweis, n.kreisweit = r.kreisweit,
    n.gueltig_ab = r.gueltig_ab, n.gueltig_bis = r.gueltig_bis, n.geprueft_am = r.geprueft_am,
    n.geprueft_von = r.geprueft_von

// name: unlink_angebot_gemeinde
UNWIND $ids AS id
MATCH (n:Angebot {id: id})-[r:LIEGT_IN]->(:Gemeinde)
DELETE r

// name: unlink_angebot_traeger
UNWIND $ids AS id
MATCH (:Traeger)-[r:TRAEGT]->(n:Angebot {id: id})
DELETE r

// name: unlink_angebot_thema
UNWIND $ids AS id
MATCH (n:Angebot {id: id})-[r:HAT_THEMA]->(:Thema)
DELETE r

// name: unlink_angebot_sozialraum
UNWIND $ids AS id
MATCH (n:Angebot {id: id})-[r:VERSORGT]->(:Sozialraum)
DELETE r

// name: link_angebot_gemeinde
UNWIND $rows AS r
MATCH (n:Angebot {id: r.id})
MATCH (g:Gemeinde {id: r.gemeinde_id})
CREATE (n)-[:LIEGT_IN]->(g)

// name: link_angebot_traeger
UNWIND $rows AS r
MATCH (n:Angebot {id: r.id})
MATCH (t:Traeger {id: r.traeger_id})
CREATE (t)-[:TRAEGT]->(n)

// name: link_angebot_thema
UNWIND $rows AS r
MATCH (n:Angebot {id: r.id})
MATCH (t:Thema {id: r.thema_id})
CREATE (n)-[:HAT_THEMA {rang: r.rang}]->(t)

// name: link_angebot_sozialraum
UNWIND $rows AS r
MATCH (n:Angebot {id: r.id})
MATCH (s:Sozialraum {id: r.sozialraum_id})
CREATE (n)-[:VERSORGT {rang: r.rang}]->(s)

// A district-wide Angebot serves every Sozialraum, also one imported after it: renewed after every import.
// name: unlink_kreisweit
MATCH (n:Angebot)-[r:VERSORGT]->(:Sozialraum)
WHERE n.kreisweit = true
DELETE r

// name: link_kreisweit
MATCH (n:Angebot), (s:Sozialraum)
WHERE n.kreisweit = true
CREATE (n)-[:VERSORGT]->(s)

// name: unlink_kooperation
UNWIND $ids AS id
MATCH ()-[r:KOOPERIERT_MIT {id: id}]->()
DELETE r

// name: link_kooperation_kita
UNWIND $rows AS r
MATCH (a:Kita {id: r.von_id})
MATCH (b:Angebot {id: r.zu_id})
CREATE (a)-[:KOOPERIERT_MIT {id: r.id, art: r.art, seit: r.seit, bis: r.bis, intensitaet: r.intensitaet,
                             notiz: r.notiz}]->(b)

// name: link_kooperation_angebot
UNWIND $rows AS r
MATCH (a:Angebot {id: r.von_id})
MATCH (b:Angebot {id: r.zu_id})
CREATE (a)-[:KOOPERIERT_MIT {id: r.id, art: r.art, seit: r.seit, bis: r.bis, intensitaet: r.intensitaet,
                             notiz: r.notiz}]->(b)

// Everything but accounts (Nutzer) and the append-only audit trail (Protokoll).
// name: loesche_alles
MATCH (n:Sozialraum|Thema|Gemeinde|Fachkraft|Traeger|Kita|Angebot|Indikatorwert|Szenario|Vermittlung|Bedarfsluecke)
DETACH DELETE n
