"""Both stores side by side: import 1×, 10×, 100× the seed, and the analysis reading from the store.

For each backend (the embedded LadybugDB in a fresh folder; Neo4j 5.26 Community from ``make neo4j``, emptied
before each size) and each size: read + validate + write in one transaction (rows per second), the same import
again (unchanged data), then ``store.load()`` and ``network.analyse.analyse`` on what was loaded (the analysis
itself does not know the store). Writes the section „Speicher im Vergleich“ of docs/benchmarks.md.

    .venv/bin/python benchmarks/speicher_bench.py [--faktoren 1 10 100] [--speicher embedded neo4j] [--no-doc]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "neo4j"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from import_bench import abschnitt_schreiben, maschine, messreihe  # noqa: E402

from network.analyse import analyse  # noqa: E402
from network.austausch import import_path  # noqa: E402
from network.grund import format as F  # noqa: E402
from network.settings import Settings  # noqa: E402
from network.store import open_store  # noqa: E402
from network.zugang import KOMMANDOZEILE  # noqa: E402

STICHTAG = "2026-06-30"


def _leeren(settings: Settings) -> None:
    import neo4j

    with neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)) as d:
        with d.session(database=settings.neo4j_database) as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def messen(settings: Settings, quelle: Path, tmp: Path) -> dict:
    if settings.store == "neo4j":
        _leeren(settings)
    else:
        settings = settings.mit(data_dir=tmp / "store")
    with open_store(settings) as store:
        t0 = time.perf_counter()
        importbericht = import_path(store, quelle, wer=KOMMANDOZEILE)  # the way of `kita-netz import`
        t1 = time.perf_counter()
        import_path(store, quelle, wer=KOMMANDOZEILE)
        t2 = time.perf_counter()
        geladen = store.load()
        t3 = time.perf_counter()
        bericht = analyse(geladen, STICHTAG)
        t4 = time.perf_counter()
    return {"zeilen": importbericht.gesamt, "import": t1 - t0, "erneut": t2 - t1, "laden": t3 - t2, "analyse": t4 - t3,
            "sozialraeume": len(bericht["sozialraeume"])}


def zahl(x: float, stellen: int = 2) -> str:
    """``x`` the German way with ``stellen`` decimals (the one rule: :func:`network.grund.format.zahl`)."""
    return F.zahl(x, stellen)


def tabelle(ergebnisse: list[dict]) -> str:
    out = ["| Speicher | Größe | Zeilen | Import s | Zeilen/s | erneuter Import s | Laden s | Analyse s |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for e in ergebnisse:
        out.append(f"| {e['speicher']} | {e['faktor']}× Seed | {zahl(e['zeilen'], 0)} | {zahl(e['import'])} | "
                   f"{zahl(e['zeilen'] / e['import'], 0)} | {zahl(e['erneut'])} | {zahl(e['laden'])} | "
                   f"{zahl(e['analyse'])} |")
    return "\n".join(out)


def update_doc(text: str) -> None:
    abschnitt_schreiben("speicher", text)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--faktoren", type=int, nargs="+", default=[1, 10, 100])
    p.add_argument("--speicher", nargs="+", default=["embedded", "neo4j"], choices=["embedded", "neo4j"])
    p.add_argument("--no-doc", action="store_true", help="docs/benchmarks.md nicht aktualisieren")
    args = p.parse_args()
    start_last = maschine()
    ergebnisse = []
    for faktor, quelle, speicher, neo, ordner in messreihe(args.faktoren, args.speicher):
        settings = neo if speicher == "neo4j" else Settings(store="embedded")
        e = messen(settings, quelle, ordner)
        e.update(speicher="Neo4j 5.26" if speicher == "neo4j" else "eingebettet (LadybugDB)", faktor=faktor)
        ergebnisse.append(e)
        print(f"{e['speicher']:>24} {faktor:>4}× Seed: {e['zeilen']:>8} Zeilen, Import {e['import']:.2f} s "
              f"({e['zeilen'] / e['import']:,.0f} Zeilen/s), erneut {e['erneut']:.2f} s, "
              f"laden {e['laden']:.2f} s, Analyse {e['analyse']:.2f} s", flush=True)
    if not args.no_doc:
        last = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        update_doc("## Speicher im Vergleich\n\n"
                   f"Gemessen am {time.strftime('%Y-%m-%d')} mit `python benchmarks/speicher_bench.py` auf: "
                   f"{start_last}; Systemlast am Ende: {last}.\n"
                   "Neo4j 5.26 Community (lokal aus `make neo4j`, Heap 4 GiB, Bolt über Loopback), vor jeder Größe "
                   "geleert; eingebetteter Speicher in einem frischen Ordner. Import = CSV lesen, alle Regeln "
                   "prüfen, in einer Transaktion schreiben (mit Protokolleinträgen). „Erneuter Import“ spielt "
                   "dieselben Daten noch einmal ein. „Laden“ liest alles aus dem Speicher, „Analyse“ rechnet auf "
                   f"dem Geladenen (Stichtag {STICHTAG}; die Analyse weiß nicht, aus welchem Speicher die Daten "
                   "kommen).\n\n" + tabelle(ergebnisse))


if __name__ == "__main__":
    main()
