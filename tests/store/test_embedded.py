"""What the embedded engine leaves to us: one writer at a time, one process, recovery after a crash, migration."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import ladybug
import pytest

from network.errors import StoreBelegt
from network.model import Netzdaten
from network.store.embedded import DATEINAME, EmbeddedStore

ROOT = Path(__file__).resolve().parents[2]


def _themen(prefix: str, n: int) -> Netzdaten:
    return Netzdaten(themen=[{"id": f"{prefix}-{i}", "name": "x" * 40, "beschreibung": None} for i in range(n)])


def _child(code: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_concurrent_writers_wait_their_turn(embedded):
    errors: list[BaseException] = []

    def writer(t: int) -> None:
        try:
            for i in range(50):
                embedded.write(_themen(f"t{t}-{i}", 1))
        except BaseException as e:  # collected, asserted below
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(t,)) for t in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert embedded.counts()["nodes"]["Thema"] == 400


def test_second_process_gets_a_german_message(tmp_path):
    holder = _child(f"""
        import sys, time
        from network.store.embedded import EmbeddedStore
        s = EmbeddedStore({str(tmp_path)!r})
        print("offen", flush=True)
        sys.stdin.read() if False else time.sleep(30)
    """)
    try:
        assert holder.stdout.readline().strip() == "offen"
        with pytest.raises(StoreBelegt) as exc:
            EmbeddedStore(tmp_path)
        msg = str(exc.value)
        assert "wird gerade von einem anderen Programm benutzt" in msg and "Traceback" not in msg
    finally:
        holder.kill()
        holder.wait()


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
        from network.store.embedded import EmbeddedStore
        s = EmbeddedStore({str(tmp_path)!r})
        for n in range(3):  # committed, but not checkpointed: the records stay in the WAL
            s.execute_write(lambda tx: tx.run("upsert_thema", rows=[
                {{"id": f"{{n}}-{{i}}", "name": "x" * 40, "beschreibung": None}} for i in range(2000)]))
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
        with EmbeddedStore(tmp_path) as s:
            mine = [t for t in s.load().themen if t["id"].startswith(f"r{runde}-")]
        assert len(mine) % batch == 0, f"half-written import in round {runde}"
        assert len(mine) >= printed * batch, f"committed import lost in round {runde}"
