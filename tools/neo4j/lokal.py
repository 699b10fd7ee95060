"""Start and stop the local Neo4j (``tools/neo4j``, built by ``make neo4j``) from Python.

Used by the test session (``tests/conftest.py``), the benchmarks and ``make run-neo4j``. The server is Neo4j
Community started in-process by Neo4j's own test harness, with Bolt on 127.0.0.1 and a free port.

    python tools/neo4j/lokal.py --data DIR [--password PW] [-- COMMAND ...]

starts the server, prints ``NEO4J_URI=…``, runs COMMAND (if given) with ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD`` and ``KITANETZ_STORE=neo4j`` set, and stops the server when COMMAND ends (or on Ctrl-C).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
KLASSEN = HIER / "target" / "classes"
BIBLIOTHEKEN = HIER / "target" / "lib"
HAUPTKLASSE = "de.kitanetz.neo4j.Starter"


def gebaut() -> bool:
    """Whether ``make neo4j`` has built the starter."""
    return (KLASSEN / "de" / "kitanetz" / "neo4j" / "Starter.class").is_file() and BIBLIOTHEKEN.is_dir()


def java_vorhanden() -> bool:
    return shutil.which("java") is not None


class LokalerNeo4j:
    """A running local Neo4j. ``uri`` is its Bolt address; :meth:`stop` ends it (SIGTERM, then waits)."""

    def __init__(self, data_dir: Path | str, password: str | None = "kitanetz-test", heap: str = "1g",
                 timeout: float = 180.0):
        if not gebaut():
            raise RuntimeError("Der lokale Neo4j-Starter ist nicht gebaut: bitte `make neo4j` ausführen.")
        self.data_dir = Path(data_dir)
        self.password = password
        self.user = "neo4j"
        self.log = self.data_dir / "starter.log"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        cmd = ["java", f"-Xmx{heap}", "-XX:+UseSerialGC", "-cp", f"{KLASSEN}{os.pathsep}{BIBLIOTHEKEN}/*",
               HAUPTKLASSE, "--data", str(self.data_dir)]
        if password:
            cmd += ["--password", password]
        self._log = open(self.log, "ab")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._log, text=True,
                                     start_new_session=True)
        self.uri = self._warte_auf_uri(timeout)

    def _warte_auf_uri(self, timeout: float) -> str:
        gefunden: list[str] = []

        def lies() -> None:
            for line in self.proc.stdout:
                if line.startswith("NEO4J_URI="):
                    gefunden.append(line.strip().split("=", 1)[1].rstrip("/"))
                    return

        t = threading.Thread(target=lies, daemon=True)
        t.start()
        t.join(timeout)
        if not gefunden:
            self.stop()
            protokoll = self.log.read_text(encoding="utf-8", errors="replace")[-20000:]
            if "locked by another process" in protokoll:
                raise RuntimeError(f"Der Datenordner {self.data_dir} wird schon von einem anderen Neo4j benutzt; "
                                   "bitte diesen erst beenden.")
            raise RuntimeError(f"Neo4j ist nicht gestartet (Protokoll: {self.log}).")
        return gefunden[0]

    def env(self) -> dict[str, str]:
        """The environment variables that point the product at this server."""
        return {"KITANETZ_STORE": "neo4j", "NEO4J_URI": self.uri, "NEO4J_USER": self.user,
                "NEO4J_PASSWORD": self.password or "", "NEO4J_DATABASE": "neo4j"}

    def stop(self, timeout: float = 60.0) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()

    def __enter__(self) -> "LokalerNeo4j":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str]) -> int:
    import argparse

    p = argparse.ArgumentParser(description="Lokalen Neo4j starten (und einen Befehl damit ausführen).")
    p.add_argument("--data", required=True, help="Datenordner (bleibt zwischen Starts erhalten)")
    p.add_argument("--password", default="kitanetz-lokal")
    p.add_argument("befehl", nargs=argparse.REMAINDER)
    a = p.parse_args(argv)
    befehl = a.befehl[1:] if a.befehl[:1] == ["--"] else a.befehl
    print("Neo4j wird gestartet …", file=sys.stderr, flush=True)
    t0 = time.monotonic()
    with LokalerNeo4j(a.data, password=a.password) as neo:
        print(f"NEO4J_URI={neo.uri}  (gestartet in {time.monotonic() - t0:.1f} s)", flush=True)
        if not befehl:
            try:
                neo.proc.wait()
            except KeyboardInterrupt:
                pass
            return 0
        # the command runs in a process group of its own: Ctrl-C or SIGTERM here ends all of it (sh, streamlit),
        # then the server
        kind = subprocess.Popen(befehl, env={**os.environ, **neo.env()}, start_new_session=True)

        beendet: list[int] = []

        def beenden(signum, _frame) -> None:
            beendet.append(signum)
            try:
                os.killpg(kind.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

        signal.signal(signal.SIGINT, beenden)
        signal.signal(signal.SIGTERM, beenden)
        try:
            code = kind.wait()
            return 0 if beendet else code  # stopped on request (Ctrl-C, SIGTERM): a normal end
        finally:
            print("Neo4j wird beendet …", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
