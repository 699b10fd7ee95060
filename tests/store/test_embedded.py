"""What the embedded engine leaves to us: one writer at a time, one process, recovery after a crash, migration."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import ladybug
import pytest

from network.errors import StoreBelegtFehler
from network.model import Netzdaten
from network.store.embedded import DATEINAME, EmbeddedStore

ROOT = Path(__file__).resolve().parents[2]


def _themen(prefix: str, n: int) -> Netzdaten:
    return Netzdaten(themen=[{"id": f"{prefix}-{i}", "name": "x" * 40, "beschreibung": None} for i in range(n)])


def _child(code: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_a_long_write_in_another_process_makes_writers_wait_not_fail(tmp_path):
    """A writer in another process holds the store; a second writer waits its turn and then writes."""
    holder = _child(f"""
        import time
        from network.store.embedded import EmbeddedStore
        s = EmbeddedStore({str(tmp_path)!r})
        def langsam(tx):
            tx.run("upsert_thema", rows=[{{"id": "a", "name": "A", "beschreibung": None}}])
            print("schreibt", flush=True)
            time.sleep(1.5)
        s.execute_write(langsam)
    """)
    assert holder.stdout.readline().strip() == "schreibt"
    s = EmbeddedStore(tmp_path)  # opening (and migrating) waits for the other writer
    s.write(_themen("b", 3))
    assert holder.wait(30) == 0
    assert sorted(t["id"] for t in s.load().themen) == ["a", "b-0", "b-1", "b-2"]


def test_waiting_too_long_gives_a_german_message(tmp_path):
    EmbeddedStore(tmp_path).write(_themen("x", 1))
    holder = _child(f"""
        import time
        from network.store.embedded import EmbeddedStore
        s = EmbeddedStore({str(tmp_path)!r})
        def langsam(tx):
            print("schreibt", flush=True)
            time.sleep(20)
        s.execute_write(langsam)
    """)
    try:
        assert holder.stdout.readline().strip() == "schreibt"
        with pytest.raises(StoreBelegtFehler) as exc:
            EmbeddedStore(tmp_path, read_only=True, sperre_sekunden=0.5).load()
        msg = str(exc.value)
        assert "von einem anderen Vorgang belegt" in msg and "erneut versuchen" in msg
        assert "Traceback" not in msg and "Runtime" not in msg
    finally:
        holder.kill()
        holder.wait()


def test_the_store_is_not_held_open_between_calls(tmp_path):
    """Another process can write while this one has the store object: nothing is held between calls."""
    s = EmbeddedStore(tmp_path)
    s.write(_themen("hier", 1))
    v = s.version()
    other = _child(f"""
        from network.model import Netzdaten
        from network.store.embedded import EmbeddedStore
        EmbeddedStore({str(tmp_path)!r}).write(Netzdaten(themen=[{{"id": "dort", "name": "D", "beschreibung": None}}]))
    """)
    assert other.wait(60) == 0, other.stderr.read()
    assert s.version() == v + 1
    assert {t["id"] for t in s.load().themen} == {"hier-0", "dort"}


def test_version_opens_the_database_only_when_the_files_changed(tmp_path, monkeypatch):
    s = EmbeddedStore(tmp_path)
    s.write(_themen("a", 1))
    assert s.version() == 1
    geoeffnet = []
    original = EmbeddedStore._oeffne
    monkeypatch.setattr(EmbeddedStore, "_oeffne", lambda self, w: geoeffnet.append(w) or original(self, w))
    assert [s.version() for _ in range(5)] == [1] * 5
    assert geoeffnet == []
    s.write(_themen("b", 1))
    assert s.version() == 2
    assert geoeffnet == [True, False]  # the write, then one read of the new version
def test_old_store_gains_new_columns(tmp_path):
    """A store created before a column was added to the schema gets it on open (automatic migration)."""
    db = ladybug.Database(str(tmp_path / DATEINAME))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Kita(id STRING PRIMARY KEY, name STRING)")
    conn.execute("CREATE NODE TABLE Angebot(id STRING PRIMARY KEY, name STRING)")
    conn.execute("CREATE NODE TABLE Thema(id STRING PRIMARY KEY, name STRING)")
    conn.execute("CREATE REL TABLE HAT_THEMA(FROM Angebot TO Thema)")
    conn.execute("CREATE (:Kita {id: 'kita-1', name: 'Alt'})")
    conn.close()
    db.close()
    with EmbeddedStore(tmp_path) as s:
        kita = s.load().kitas[0]
        assert (kita["id"], kita["name"], kita["geprueft_am"]) == ("kita-1", "Alt", None)
        have = s.execute_read(lambda tx: tx._conn.execute("CALL table_info('HAT_THEMA') RETURN *").get_as_df())
        assert "rang" in set(have["name"])


def test_torn_write_ahead_log_is_recovered(tmp_path):
    """Two commits in the WAL, a third torn by a crash: open keeps the two, drops the torn one, says so."""
    proc = _child(f"""
        import os
        from network.store.embedded import EmbeddedStore, _LbTx
        s = EmbeddedStore({str(tmp_path)!r})
        with s._verbindung(schreiben=True) as conn:  # one opening, three commits, never closed:
            for n in range(3):                       # the records stay in the WAL
                conn.execute("BEGIN TRANSACTION")
                _LbTx(conn, s.queries).run("upsert_thema", rows=[
                    {{"id": f"{{n}}-{{i}}", "name": "x" * 40, "beschreibung": None}} for i in range(2000)])
                conn.execute("COMMIT")
            os.kill(os.getpid(), 9)
    """)
    proc.wait()
    wal = tmp_path / (DATEINAME + ".wal")
    assert wal.exists()
    with open(wal, "r+b") as f:  # tear the last commit, as a crash during its write would
        f.truncate(wal.stat().st_size - 5000)
    with EmbeddedStore(tmp_path) as s:
        assert s.counts()["nodes"]["Thema"] == 4000
        assert len(s.warnungen) == 1 and "wiederhergestellt" in s.warnungen[0]
    backups = list(tmp_path.glob("beschaedigt-*"))
    assert len(backups) == 1 and (backups[0] / (DATEINAME + ".wal")).exists()
    with EmbeddedStore(tmp_path) as s:  # and it stays healthy
        assert s.counts()["nodes"]["Thema"] == 4000 and s.warnungen == []


def test_killed_import_never_half_written_never_lost(tmp_path):
    """kill -9 a real import process at many points: whole batches only, nothing committed lost."""
    rng = random.Random(7)
    batch = 3000
    for runde in range(12):
        proc = _child(f"""
            from network.model import Netzdaten
            from network.store.embedded import EmbeddedStore
            s = EmbeddedStore({str(tmp_path)!r})
            n = 0
            while True:
                s.write(Netzdaten(themen=[{{"id": f"r{runde}-{{n}}-{{i}}", "name": "x" * 40, "beschreibung": None}}
                                          for i in range({batch})]))
                n += 1
                print(n, flush=True)
        """)
        time.sleep(rng.uniform(1.0, 2.5))
        proc.kill()
        out, _ = proc.communicate()
        printed = len(out.split())
        # the first command after the crash may be a read-only one: it finishes the recovery itself
        with EmbeddedStore(tmp_path, read_only=True) as s:
            mine = [t for t in s.load().themen if t["id"].startswith(f"r{runde}-")]
        assert len(mine) % batch == 0, f"half-written import in round {runde}"
        assert len(mine) >= printed * batch, f"committed import lost in round {runde}"


def test_a_program_holding_the_file_without_the_lock_file_is_named_in_german(tmp_path):
    """An older program that keeps LadybugDB open (and knows no lock file): a German message, no recovery."""
    EmbeddedStore(tmp_path).write(_themen("a", 1))
    holder = _child(f"""
        import ladybug, time
        db = ladybug.Database({str(tmp_path / DATEINAME)!r})
        print("offen", flush=True)
        time.sleep(30)
    """)
    try:
        assert holder.stdout.readline().strip() == "offen"
        with pytest.raises(StoreBelegtFehler) as exc:
            EmbeddedStore(tmp_path).write(_themen("b", 1))
        assert "anderen Programm benutzt" in str(exc.value) and "Runtime" not in str(exc.value)
        assert not list(tmp_path.glob("beschaedigt-*"))
    finally:
        holder.kill()
        holder.wait()
