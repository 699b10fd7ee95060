// Accounts and the audit trail. The trail is append-only: no block here changes or deletes a Protokoll node.

// name: upsert_nutzer
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
MERGE (n:Nutzer {id: r.id})
SET n.rolle = r.rolle, n.passwort_hash = r.passwort_hash, n.aktiv = r.aktiv, n.fachkraft_id = r.fachkraft_id,
    n.fehlversuche = r.fehlversuche, n.gesperrt_bis = r.gesperrt_bis, n.angelegt_am = r.angelegt_am

// name: lade_nutzer
MATCH (n:Nutzer)
RETURN n.id AS id, n.rolle AS rolle, n.aktiv AS aktiv, n.fachkraft_id AS fachkraft_id,
       n.fehlversuche AS fehlversuche, n.gesperrt_bis AS gesperrt_bis, n.angelegt_am AS angelegt_am
ORDER BY id

// name: lade_einen_nutzer
MATCH (n:Nutzer {id: $id})
RETURN n.id AS id, n.rolle AS rolle, n.passwort_hash AS passwort_hash, n.aktiv AS aktiv,
       n.fachkraft_id AS fachkraft_id, n.fehlversuche AS fehlversuche, n.gesperrt_bis AS gesperrt_bis,
       n.angelegt_am AS angelegt_am

// name: setze_fehlversuche
MATCH (n:Nutzer {id: $id})
SET n.fehlversuche = $fehlversuche, n.gesperrt_bis = $gesperrt_bis

// name: protokoll_anhaengen
UNWIND $rows AS r
WITH r WHERE r.id IS NOT NULL
CREATE (:Protokoll {id: r.id, zeit: r.zeit, wer: r.wer, aktion: r.aktion, art: r.art, objekt_id: r.objekt_id,
                    vorher: r.vorher, nachher: r.nachher})

// name: lade_protokoll
MATCH (p:Protokoll)
RETURN p.id AS id, p.zeit AS zeit, p.wer AS wer, p.aktion AS aktion, p.art AS art, p.objekt_id AS objekt_id,
       p.vorher AS vorher, p.nachher AS nachher
ORDER BY id DESC

// name: lade_protokoll_art
MATCH (p:Protokoll)
WHERE p.art = $art
RETURN p.id AS id, p.zeit AS zeit, p.wer AS wer, p.aktion AS aktion, p.art AS art, p.objekt_id AS objekt_id,
       p.vorher AS vorher, p.nachher AS nachher
ORDER BY id DESC

// name: zaehle_fehlversuch
// Counts a sign-in attempt before the password is checked (reset on success). The SET takes the node's write
// lock, so parallel attempts on one account are counted one after the other, never lost (issue 17).
MATCH (n:Nutzer {id: $id})
SET n.fehlversuche = coalesce(n.fehlversuche, 0) + 1
RETURN n.fehlversuche AS fehlversuche, n.gesperrt_bis AS gesperrt_bis

// name: zaehle_fehlversuch_name
// Counts a sign-in attempt for a name without an (active) account, in the store like an account's (issue 17: with
// several app processes the count is shared). The id is a hash of the name, never the name; `zuletzt` lets
// fehlversuche_name_vergessen drop entries after a day.
MERGE (n:Fehlversuch {id: $id})
ON CREATE SET n.fehlversuche = 1, n.zuletzt = $zeit
ON MATCH SET n.fehlversuche = coalesce(n.fehlversuche, 0) + 1, n.zuletzt = $zeit
RETURN n.fehlversuche AS fehlversuche, n.gesperrt_bis AS gesperrt_bis

// name: setze_fehlversuch_name
MATCH (n:Fehlversuch {id: $id})
SET n.fehlversuche = $fehlversuche, n.gesperrt_bis = $gesperrt_bis

// name: fehlversuche_name_vergessen
MATCH (n:Fehlversuch)
WHERE n.zuletzt < $vor
DELETE n

// name: lade_fehlversuche_namen
MATCH (n:Fehlversuch)
RETURN n.id AS id, n.fehlversuche AS fehlversuche, n.gesperrt_bis AS gesperrt_bis, n.zuletzt AS zuletzt
ORDER BY id
