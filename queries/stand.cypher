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

// The fingerprint of the last import (network.austausch.abdruck): the sha256 of its files, the data version its
// write left (or, when it changed nothing, found) and what its report needs. Written in the transaction of that
// import; an import of the same files while the version is still that one has nothing to do.

// name: importabdruck_lesen
MATCH (a:Importabdruck {id: $id})
RETURN a.abdruck AS abdruck, a.stand AS stand, a.bericht AS bericht

// name: importabdruck_setzen
MERGE (a:Importabdruck {id: $id})
SET a.abdruck = $abdruck, a.stand = $stand, a.bericht = $bericht, a.zeit = $zeit
