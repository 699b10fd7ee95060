// Reads. Every block returns named columns of plain values (never nodes), so both backends give the same rows.

// name: lade_sozialraeume
MATCH (n:Sozialraum)
RETURN n.id AS id, n.name AS name, n.beschreibung AS beschreibung
ORDER BY id

// name: lade_themen
MATCH (n:Thema)
RETURN n.id AS id, n.name AS name, n.beschreibung AS beschreibung
ORDER BY id

// name: lade_gemeinden
MATCH (n:Gemeinde)
OPTIONAL MATCH (n)-[:GEHOERT_ZU]->(s:Sozialraum)
RETURN n.id AS id, n.name AS name, n.verbandsgemeinde AS verbandsgemeinde, s.id AS sozialraum_id,
       n.lat AS lat, n.lon AS lon, n.einwohner AS einwohner
ORDER BY id

// name: lade_fachkraefte
MATCH (n:Fachkraft)
RETURN n.id AS id, n.name AS name, n.telefon AS telefon, n.email AS email, n.dienstsitz AS dienstsitz,
       n.stellenanteil AS stellenanteil
ORDER BY id

// name: lade_kitas
MATCH (n:Kita)
OPTIONAL MATCH (n)-[:LIEGT_IN]->(g:Gemeinde)
OPTIONAL MATCH (t:Traeger)-[:TRAEGT]->(n)
OPTIONAL MATCH (f:Fachkraft)-[b:BETREUT]->(n)
RETURN n.id AS id, n.name AS name, n.strasse AS strasse, n.plz AS plz, n.ort AS ort, g.id AS gemeinde_id,
       n.lat AS lat, n.lon AS lon, n.plaetze AS plaetze, t.name AS traeger, n.telefon AS telefon,
       n.email AS email, f.id AS fachkraft_id, b.seit AS fachkraft_seit, n.geprueft_am AS geprueft_am,
       n.geprueft_von AS geprueft_von
ORDER BY id

// name: lade_angebote
MATCH (n:Angebot)
OPTIONAL MATCH (n)-[:LIEGT_IN]->(g:Gemeinde)
OPTIONAL MATCH (t:Traeger)-[:TRAEGT]->(n)
RETURN n.id AS id, n.name AS name, n.art AS art, n.beschreibung AS beschreibung,
       n.zielgruppen AS zielgruppen, n.sprachen AS sprachen, n.kosten AS kosten, n.kostenlos AS kostenlos,
       n.barrierefrei AS barrierefrei, n.aufsuchend AS aufsuchend, n.strasse AS strasse, n.plz AS plz,
       n.ort AS ort, g.id AS gemeinde_id, n.lat AS lat, n.lon AS lon, n.telefon AS telefon, n.email AS email,
       n.website AS website, n.oeffnungszeiten AS oeffnungszeiten, n.hinweis AS hinweis, t.name AS traeger,
       n.kreisweit AS kreisweit, n.gueltig_ab AS gueltig_ab, n.gueltig_bis AS gueltig_bis,
       n.geprueft_am AS geprueft_am, n.geprueft_von AS geprueft_von
ORDER BY id

// name: lade_angebot_themen
MATCH (n:Angebot)-[h:HAT_THEMA]->(t:Thema)
RETURN n.id AS id, t.id AS thema_id, h.rang AS rang
ORDER BY id, rang, thema_id

// name: lade_angebot_sozialraeume
MATCH (n:Angebot)-[v:VERSORGT]->(s:Sozialraum)
WHERE n.kreisweit IS NULL OR n.kreisweit = false
RETURN n.id AS id, s.id AS sozialraum_id, v.rang AS rang
ORDER BY id, rang, sozialraum_id

// name: lade_kooperationen
MATCH (a)-[r:KOOPERIERT_MIT]->(b:Angebot)
RETURN r.id AS id, a.id AS von_id, b.id AS zu_id, r.art AS art, r.seit AS seit, r.bis AS bis,
       r.intensitaet AS intensitaet, r.notiz AS notiz
ORDER BY id
