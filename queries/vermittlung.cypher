// Anonymous Vermittlung counts (network/vermittlung/erfassung.py). A Vermittlung node is one count per
// (monat, kita_id, angebot_id, thema_id, ergebnis); its id is derived from these five values. Nothing about a
// family or a member of staff is stored. The references are plain properties (no relationships), so both
// backends store exactly the same thing.

// Which of the three referenced entities exist (one row per entity found).
// name: vermittlung_referenzen
MATCH (k:Kita) WHERE k.id = $kita_id RETURN 'kita' AS art
UNION ALL
MATCH (a:Angebot) WHERE a.id = $angebot_id RETURN 'angebot' AS art
UNION ALL
MATCH (t:Thema) WHERE t.id = $thema_id RETURN 'thema' AS art

// Add $anzahl to the count of one key, creating it at $anzahl. Writes nothing when a reference is missing.
// name: vermittlung_erfassen
MATCH (k:Kita {id: $kita_id})
MATCH (a:Angebot {id: $angebot_id})
MATCH (t:Thema {id: $thema_id})
MERGE (v:Vermittlung {id: $id})
ON CREATE SET v.monat = $monat, v.kita_id = $kita_id, v.angebot_id = $angebot_id, v.thema_id = $thema_id,
    v.ergebnis = $ergebnis, v.anzahl = $anzahl
ON MATCH SET v.anzahl = v.anzahl + $anzahl
RETURN v.anzahl AS anzahl

// name: lade_vermittlungen
MATCH (v:Vermittlung)
RETURN v.id AS id, v.monat AS monat, v.kita_id AS kita_id, v.angebot_id AS angebot_id, v.thema_id AS thema_id,
       v.ergebnis AS ergebnis, v.anzahl AS anzahl
ORDER BY monat, kita_id, angebot_id, thema_id, ergebnis

// Retention: delete the counts of months before $vor_monat (YYYY-MM), after they were summed up elsewhere.
// name: vermittlungen_loeschen_vor
MATCH (v:Vermittlung)
WHERE v.monat < $vor_monat
DELETE v

// name: vermittlungen_zaehlen_vor
MATCH (v:Vermittlung)
WHERE v.monat < $vor_monat
RETURN count(v) AS anzahl

// Reported gaps (network/vermittlung/bedarf.py): one Bedarfsluecke per (monat, sozialraum_id, thema_id), its id
// derived from these three values. No Kita, no Angebot, no person, no free text.

// Which of the two referenced entities exist (one row per entity found).
// name: bedarfsluecke_referenzen
MATCH (s:Sozialraum) WHERE s.id = $sozialraum_id RETURN 'sozialraum' AS art
UNION ALL
MATCH (t:Thema) WHERE t.id = $thema_id RETURN 'thema' AS art

// Add $anzahl to the count of one key, creating it at $anzahl. Writes nothing when a reference is missing.
// name: bedarfsluecke_melden
MATCH (s:Sozialraum {id: $sozialraum_id})
MATCH (t:Thema {id: $thema_id})
MERGE (b:Bedarfsluecke {id: $id})
ON CREATE SET b.monat = $monat, b.sozialraum_id = $sozialraum_id, b.thema_id = $thema_id, b.anzahl = $anzahl
ON MATCH SET b.anzahl = b.anzahl + $anzahl
RETURN b.anzahl AS anzahl

// name: lade_bedarfsluecken
MATCH (b:Bedarfsluecke)
RETURN b.id AS id, b.monat AS monat, b.sozialraum_id AS sozialraum_id, b.thema_id AS thema_id, b.anzahl AS anzahl
ORDER BY monat, sozialraum_id, thema_id

// name: bedarfsluecken_zaehlen_vor
MATCH (b:Bedarfsluecke)
WHERE b.monat < $vor_monat
RETURN count(b) AS anzahl

// Retention, like vermittlungen_loeschen_vor.
// name: bedarfsluecken_loeschen_vor
MATCH (b:Bedarfsluecke)
WHERE b.monat < $vor_monat
DELETE b
