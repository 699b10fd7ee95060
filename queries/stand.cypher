// The data version: one Stand node, raised by one in every write transaction (network.store.base.Store.execute_write).
// Every process compares it on each app run and reloads its caches when another process wrote.

// name: stand_erhoehen
MERGE (s:Stand {id: $id})
ON CREATE SET s.version = 1
ON MATCH SET s.version = s.version + 1
RETURN s.version AS version

// name: stand_lesen
MATCH (s:Stand {id: $id})
RETURN s.version AS version
