// The engine's bulk load, for rows that are new to the store (network/store/massen.py): LadybugDB's COPY from an
// Arrow table ($daten, built from validated rows), inside the import's one write transaction. Only the embedded
// backend has these blocks (Neo4j has no bulk load inside a transaction; it writes new rows with the UNWIND blocks
// of schreiben.cypher). The columns are named, in the order of the Arrow table's columns; a relationship's table
// starts with the two endpoint ids (from, to). Changed rows still go through the UNWIND upserts.

// name: bulk_sozialraum
COPY Sozialraum(id, name, beschreibung) FROM $daten

// name: bulk_thema
COPY Thema(id, name, beschreibung) FROM $daten

// name: bulk_gemeinde
COPY Gemeinde(id, name, verbandsgemeinde, lat, lon, einwohner) FROM $daten

// name: bulk_fachkraft
COPY Fachkraft(id, name, telefon, email, dienstsitz, stellenanteil) FROM $daten

// name: bulk_kita
COPY Kita(id, name, strasse, plz, ort, lat, lon, plaetze, telefon, email, geprueft_am, geprueft_von) FROM $daten

// name: bulk_angebot
COPY Angebot(id, name, art, beschreibung, zielgruppen, sprachen, kosten, kostenlos, barrierefrei, aufsuchend, strasse,
             plz, ort, lat, lon, telefon, email, website, oeffnungszeiten, hinweis, kreisweit, gueltig_ab, gueltig_bis,
             geprueft_am, geprueft_von) FROM $daten

// name: bulk_indikatorwert
COPY Indikatorwert(id, indikator, wert, stichtag, quelle, fiktiv) FROM $daten

// name: bulk_protokoll
COPY Protokoll(id, zeit, wer, aktion, art, objekt_id, vorher, nachher) FROM $daten

// name: bulk_gehoert_zu
COPY GEHOERT_ZU FROM $daten (from='Gemeinde', to='Sozialraum')

// name: bulk_liegt_in_kita
COPY LIEGT_IN FROM $daten (from='Kita', to='Gemeinde')

// name: bulk_liegt_in_angebot
COPY LIEGT_IN FROM $daten (from='Angebot', to='Gemeinde')

// name: bulk_traegt_kita
COPY TRAEGT FROM $daten (from='Traeger', to='Kita')

// name: bulk_traegt_angebot
COPY TRAEGT FROM $daten (from='Traeger', to='Angebot')

// name: bulk_betreut
COPY BETREUT(seit) FROM $daten (from='Fachkraft', to='Kita')

// name: bulk_hat_thema
COPY HAT_THEMA(rang) FROM $daten (from='Angebot', to='Thema')

// name: bulk_versorgt
COPY VERSORGT(rang) FROM $daten (from='Angebot', to='Sozialraum')

// name: bulk_kooperation_kita
COPY KOOPERIERT_MIT(id, art, seit, bis, intensitaet, notiz) FROM $daten (from='Kita', to='Angebot')

// name: bulk_kooperation_angebot
COPY KOOPERIERT_MIT(id, art, seit, bis, intensitaet, notiz) FROM $daten (from='Angebot', to='Angebot')

// name: bulk_betrifft_sozialraum
COPY BETRIFFT FROM $daten (from='Indikatorwert', to='Sozialraum')

// name: bulk_betrifft_kita
COPY BETRIFFT FROM $daten (from='Indikatorwert', to='Kita')

// The Traeger of a whole import at once: only for the reference of benchmarks/import_bench.py (the engine's bulk
// path on its own); an import merges its Traeger (upsert_traeger), since rows may name one the store holds.
// name: bulk_traeger
COPY Traeger(id, name) FROM $daten
