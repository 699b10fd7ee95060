"""Import benchmark: generated datasets of 1×, 10× and 100× the seed into a fresh embedded store.

Prints rows per second for each size (read + validate + write in one transaction + checkpoint, and the
validate and write phases separately) and writes the figures to the "Import" section of docs/benchmarks.md.

    .venv/bin/python benchmarks/import_bench.py [--faktoren 1 10 100] [--no-doc]
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from network.austausch import read_path, validate  # noqa: E402
from network.store.embedded import EmbeddedStore  # noqa: E402
from seed.generate import generate  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"


def maschine() -> str:
    cpu = "unbekannt"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    last = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} Kerne, {cpu}, Python {platform.python_version()}, {platform.system()}; "
            f"Systemlast (1/5/15 min) beim Start: {last}")


def messen(faktor: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "daten"
        generate(src, faktor=faktor)
        store = EmbeddedStore(Path(tmp) / "store")
        t0 = time.perf_counter()
        roh = read_path(src)
        t1 = time.perf_counter()
        daten = validate(roh, store.load())
        t2 = time.perf_counter()
        store.write(daten)
        t3 = time.perf_counter()
        zeilen = daten.anzahl()
        kanten = sum(store.counts()["relationships"].values())
        t4 = time.perf_counter()
        store.write(daten)  # the same again: idempotent upsert
        t5 = time.perf_counter()
        store.close()
    return {"faktor": faktor, "zeilen": zeilen, "kanten": kanten, "lesen": t1 - t0, "pruefen": t2 - t1,
            "schreiben": t3 - t2, "gesamt": t3 - t0, "erneut": t5 - t4}


def tabelle(ergebnisse: list[dict]) -> str:
    out = ["| Größe | Zeilen | Beziehungen | Lesen s | Prüfen s | Schreiben s | Gesamt s | Zeilen/s | erneuter Import s |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for e in ergebnisse:
        out.append(f"| {e['faktor']}× Seed | {e['zeilen']:,} | {e['kanten']:,} | {e['lesen']:.2f} | "
                   f"{e['pruefen']:.2f} | {e['schreiben']:.2f} | {e['gesamt']:.2f} | "
                   f"{e['zeilen'] / e['gesamt']:,.0f} | {e['erneut']:.2f} |".replace(",", "."))
    return "\n".join(out)


def abschnitt_schreiben(marke: str, text: str) -> None:
    """Write ``text`` between ``<!-- marke:start -->`` and ``<!-- marke:end -->`` in docs/benchmarks.md (the
    section is replaced, or appended the first time); every benchmark writes its own section this way."""
    start, end = f"<!-- {marke}:start -->", f"<!-- {marke}:end -->"
    block = f"{start}\n{text}\n{end}"
    doc = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    if start in doc:
        doc = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, doc, flags=re.S)
    else:
        doc = doc.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(doc, encoding="utf-8")


def update_doc(text: str) -> None:
    abschnitt_schreiben("import", text)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--faktoren", type=int, nargs="+", default=[1, 10, 100])
    p.add_argument("--no-doc", action="store_true", help="docs/benchmarks.md nicht aktualisieren")
    args = p.parse_args()
    ergebnisse = []
    for f in args.faktoren:
        e = messen(f)
        ergebnisse.append(e)
        print(f"{f:>4}× Seed: {e['zeilen']:>8} Zeilen in {e['gesamt']:.2f} s "
              f"= {e['zeilen'] / e['gesamt']:,.0f} Zeilen/s (prüfen {e['pruefen']:.2f} s, "
              f"schreiben {e['schreiben']:.2f} s; erneut {e['erneut']:.2f} s)", flush=True)
    if not args.no_doc:
        update_doc("## Import\n\n"
                   f"Gemessen am {time.strftime('%Y-%m-%d')} mit `python benchmarks/import_bench.py` auf: "
                   f"{maschine()}.\nEingebetteter Speicher (LadybugDB), frischer Datenordner je Größe; "
                   "ein Import = Lesen der CSV-Dateien, Prüfen aller Regeln, Schreiben in einer Transaktion "
                   "mit Checkpoint. „Erneuter Import“ spielt dieselben Daten noch einmal ein (Upsert, ändert "
                   "nichts).\n\n" + tabelle(ergebnisse))


if __name__ == "__main__":
    main()
