"""Many writers, many processes, one store – on every backend.

- threads of one process write at once: every row arrives, no error;
- the data version rises in the transaction of every write, and only then;
- a write by another process (the CLI) is seen by a store object that was open before (the app's);
- ``kill -9`` of a client in the middle of a 5× seed import leaves the state before or after, never half.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from network.errors import StoreFehler
from network.model import Netzdaten
from network.store import open_store

ROOT = Path(__file__).resolve().parents[2]
KITA_NETZ = str(Path(sys.executable).parent / "kita-netz")


def _themen(prefix: str, n: int) -> Netzdaten:
    return Netzdaten(themen=[{"id": f"{prefix}-{i}", "name": "x" * 40, "beschreibung": None} for i in range(n)])


def _env(settings) -> dict[str, str]:
    env = {**os.environ, "KITANETZ_STORE": settings.store, "KITANETZ_DATA_DIR": str(settings.data_dir)}
    if settings.store == "neo4j":
        env.update(NEO4J_URI=settings.neo4j_uri, NEO4J_USER=settings.neo4j_user,
                   NEO4J_PASSWORD=settings.neo4j_password, NEO4J_DATABASE=settings.neo4j_database)
    return env


def kita_netz(settings, *args, **kw) -> subprocess.CompletedProcess:
    """The installed command, as a user runs it, against the store of ``settings``."""
    return subprocess.run([KITA_NETZ, *args], capture_output=True, text=True, env=_env(settings), cwd=ROOT,
                          timeout=kw.pop("timeout", 300), **kw)


def test_eight_threads_fifty_writes_each(store):
    fehler: list[BaseException] = []
    v0 = store.version()

    def schreiber(t: int) -> None:
        try:
            for i in range(50):
                store.write(_themen(f"t{t}-{i}", 1))
        except BaseException as e:  # collected, asserted below
            fehler.append(e)

    threads = [threading.Thread(target=schreiber, args=(t,)) for t in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert fehler == []
    assert store.counts()["nodes"]["Thema"] == 400
    assert store.version() == v0 + 400


def test_version_rises_with_each_write_and_not_on_a_failed_one(store):
    assert store.version() == 0
    store.write(_themen("a", 2))
    assert store.version() == 1
    store.protokolliere([])  # nothing to write: no transaction, no new version
    assert store.version() == 1

    def kaputt(tx):
        tx.run("upsert_thema", rows=[{"id": "b", "name": "B", "beschreibung": None}])
        raise RuntimeError("mitten im Schreiben")

    with pytest.raises(RuntimeError):
        store.execute_write(kaputt)
    assert store.version() == 1 and store.counts()["nodes"]["Thema"] == 2


def test_write_by_another_process_is_seen_without_reopening(backend_settings, tmp_path, mini):
    from network.austausch import export_dir

    app = open_store(backend_settings)  # the app's store object, made before the other process writes
    app.write(mini)
    v = app.version()
    neu = Netzdaten(themen=[{"id": "neu-aus-cli", "name": "Neu aus der Kommandozeile", "beschreibung": None}])
    export_dir(neu, tmp_path / "neu")
    r = kita_netz(backend_settings, "import", str(tmp_path / "neu" / "themen.csv"))
    assert r.returncode == 0, r.stderr
    assert app.version() == v + 1
    assert "neu-aus-cli" in {t["id"] for t in app.load().themen}
    app.close()


@pytest.fixture(scope="session")
def fuenffach(tmp_path_factory) -> tuple[Path, int]:
    """The seed at five times its size, as CSV files, and its number of Kitas."""
    sys.path.insert(0, str(ROOT))
    from seed.generate import generate

    ordner = tmp_path_factory.mktemp("seed5")
    zeilen = generate(ordner, faktor=5)
    return ordner, zeilen["kitas"]


def _zaehlen(settings) -> dict[str, int]:
    r = kita_netz(settings, "stats", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return json.loads(r.stdout)["nodes"]


@pytest.mark.timeout(900)
def test_kill_9_in_the_middle_of_an_import_leaves_before_or_after(backend_settings, fuenffach):
    """kill -9 of ``kita-netz import`` at a random point of its one transaction: before or after, never half."""
    ordner, kitas = fuenffach
    open_store(backend_settings).close()  # an empty store (schema created) to import into
    rng = random.Random(12)
    ergebnisse = []
    for runde in range(3):
        vorher = _zaehlen(backend_settings)
        proc = subprocess.Popen([KITA_NETZ, "import", str(ordner)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=_env(backend_settings), cwd=ROOT)
        ziel = rng.choice((10, 30, 50, 70, 90))  # kill when the progress (inside the transaction) reaches it
        getoetet = False
        for line in proc.stderr:  # "Import: ███… 40 %" lines, one per 10 %
            pct = line.rsplit("%", 1)[0].split()[-1] if "%" in line else ""
            if pct.isdigit() and int(pct) >= ziel and int(pct) < 100:
                proc.kill()
                getoetet = True
                break
        proc.wait()
        nachher = _zaehlen(backend_settings)
        ergebnisse.append((runde, getoetet, vorher["Kita"], nachher["Kita"]))
        if getoetet:
            assert nachher == vorher, f"half-written import in round {runde}: {vorher} -> {nachher}"
        else:
            assert nachher["Kita"] == kitas
    assert any(g for _, g, _, _ in ergebnisse), ergebnisse  # at least one import was really killed
    # and the store is healthy: the same import, left alone, arrives whole
    r = kita_netz(backend_settings, "import", str(ordner))
    assert r.returncode == 0, r.stderr
    assert _zaehlen(backend_settings)["Kita"] == kitas


@pytest.mark.neo4j
def test_neo4j_going_away_is_one_german_sentence(neo4j_server, tmp_path):
    """A server that is not there, a wrong password: one German sentence, no driver text."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        frei = s.getsockname()[1]
    with pytest.raises(StoreFehler) as weg:
        open_store(neo4j_server.mit(neo4j_uri=f"bolt://127.0.0.1:{frei}"))
    assert "nicht erreichbar" in str(weg.value) and "Errno" not in str(weg.value)
    with pytest.raises(StoreFehler) as pw:
        open_store(neo4j_server.mit(neo4j_password="falsch"))
    assert "Benutzername oder Passwort stimmen nicht" in str(pw.value)
    with pytest.raises(StoreFehler) as uri:
        open_store(neo4j_server.mit(neo4j_uri="http://127.0.0.1:7474"))
    assert "keine gültige Neo4j-Adresse" in str(uri.value)


@pytest.mark.neo4j
def test_neo4j_stopping_mid_session_is_one_german_sentence(neo4j_server, tmp_path, mini):
    """A server that goes away while the app has its store open: the next read or write says so in German."""
    import lokal  # tools/neo4j/lokal.py (on the path through tests/conftest.py)

    with lokal.LokalerNeo4j(tmp_path / "kurz") as server:
        settings = neo4j_server.mit(neo4j_uri=server.uri, neo4j_password=server.password)
        store = open_store(settings)
        store.write(mini)
        server.stop()
        with pytest.raises(StoreFehler) as weg:
            store.write(mini)
        text = str(weg.value)
        assert "nicht erreichbar oder hat die Verbindung getrennt" in text and "nichts gespeichert" in text
        assert "Errno" not in text and "Traceback" not in text
        store.close()


def test_reimport_of_unchanged_data_writes_nothing(store, mini):
    """Unchanged rows need no query: the plan is empty, no trail entry, the data version stays."""
    store.write(mini)
    v, counts = store.version(), store.counts()
    gesendet: list[str] = []
    original = store._schreibe

    def mitschreiben(fn):
        def zaehlend(tx):
            class Tx:
                def run(self, name, **params):
                    gesendet.append(name)
                    return tx.run(name, **params)
            return fn(Tx())
        return original(zaehlend)

    store._schreibe = mitschreiben
    store.write(mini)
    assert [n for n in gesendet if not n.startswith("lade_")] == []
    assert store.version() == v and store.counts() == counts
    geaendert = store.load()
    geaendert.kitas[0]["telefon"] = "06761 0000"
    gesendet.clear()
    store.write(geaendert)
    assert "upsert_kita" in gesendet and "upsert_angebot" not in gesendet
    assert store.version() == v + 1
    assert next(k for k in store.load().kitas if k["id"] == geaendert.kitas[0]["id"])["telefon"] == "06761 0000"
