"""Import benchmark (issue 14): 1×, 10× and 100× the seed, as `kita-netz import` does it, against the engine's own bulk path.

For each store (the embedded LadybugDB in a fresh folder; Neo4j 5.26 from ``make neo4j``, emptied before each
size) and each size: the import (read the CSV files, check every rule, write in one transaction with its trail
entries: ``network.austausch.import_path``), then the same import again (unchanged data: answered from the
fingerprint of the files, ``network/austausch/abdruck.py``), the same once more without the fingerprint (the whole
way: read, check, compare), and the reference in the
same run: the same rows (nodes and relationships, without the trail) loaded into an empty database by the engine's
own bulk path – LadybugDB's ``COPY`` from Arrow tables, Neo4j's ``UNWIND … CREATE`` in batches of 10,000 – in one
transaction. Prints the figures and writes the section „Import“ of docs/benchmarks.md, with the goal rows that
``benchmarks/ziele.py`` puts into the goal table.

    .venv/bin/python benchmarks/import_bench.py [--faktoren 1 10 100] [--speicher embedded neo4j] [--no-doc]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools" / "neo4j"))

from network.austausch import import_path, import_rohdaten, read_path, validate  # noqa: E402
from network.grund import format as F  # noqa: E402
from network.grund.protokoll import eintraege, jetzt  # noqa: E402
from network.model import Netzdaten  # noqa: E402
from network.settings import Settings  # noqa: E402
from network.store import massen, open_store  # noqa: E402
from network.store.base import _traeger, traeger_id  # noqa: E402
from network.store.queries import Queries  # noqa: E402
from network.zugang import KOMMANDOZEILE  # noqa: E402
from seed.generate import generate  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"

#: The goals of issue 14 for the import.
ZIEL_EINGEBETTET, ZIEL_NEO4J, ZIEL_ERNEUT = 50_000, 20_000, 10.0


def maschine() -> str:
    cpu = "unbekannt"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    last = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} Kerne, {cpu}, Python {platform.python_version()}, {platform.system()}; "
            f"Systemlast (1/5/15 min) beim Start: {last}")


def _bloecke(daten: Netzdaten, spur: bool = False) -> list[tuple[str, dict[str, list]]]:
    """Every row of ``daten`` as the column tables of the ``bulk_*`` blocks (nodes, Traeger, relationships);
    with ``spur`` also the trail entries an import of them into an empty store writes (one per row)."""
    q = Queries.load("ladybug")
    bloecke = {n: q[n] for n in q.names() if n.startswith("bulk_")}
    traeger = _traeger([{"traeger_id": traeger_id(r["traeger"]), "traeger": r["traeger"]}
                        for r in daten.kitas + daten.angebote if r.get("traeger")])
    out = (massen.knoten(daten, bloecke)
           + [("bulk_traeger", {"id": [t["id"] for t in traeger], "name": [t["name"] for t in traeger]})]
           + massen.kanten(daten, {r["id"] for r in daten.kitas}))
    if spur:
        out.append(massen.protokoll(eintraege(Netzdaten(), daten, KOMMANDOZEILE.name, jetzt()), q["bulk_protokoll"]))
    return out


def referenz_eingebettet(daten: Netzdaten, ordner: Path, spur: bool = False) -> float:
    """Seconds for LadybugDB's COPY of the same rows (with ``spur`` and their trail entries) into an empty
    database, in one transaction (Arrow tables built beforehand; the schema is created before the clock starts;
    closing includes the checkpoint)."""
    import ladybug
    import pyarrow as pa

    q = Queries.load("ladybug")
    typen = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "liste": pa.list_(pa.string()),
             "text": pa.string()}
    tabellen = [(b, pa.table({n: pa.array(v, type=typen[massen.TYPEN.get(n, "text")]) for n, v in s.items()}))
                for b, s in _bloecke(daten, spur)]
    db = ladybug.Database(str(ordner / f"referenz{'-spur' if spur else ''}.lbdb"))
    conn = ladybug.Connection(db)
    for stmt in q.statements("schema"):
        conn.execute(stmt)
    t0 = time.perf_counter()
    conn.execute("BEGIN TRANSACTION")
    for block, tabelle in tabellen:
        conn.execute(q[block], {"daten": tabelle})
    conn.execute("COMMIT")
    conn.close()
    db.close()
    return time.perf_counter() - t0


#: The reference on Neo4j: plain CREATE of every row in batches (benchmark only; the product's Cypher is in queries/).
_NEO_KNOTEN = "UNWIND $rows AS r CREATE (n:{label}) SET n = r"
_NEO_KANTE = ("UNWIND $rows AS r MATCH (a:{von} {{id: r.von}}) MATCH (b:{zu} {{id: r.zu}}) "
              "CREATE (a)-[x:{typ}]->(b) SET x = r.p")


def referenz_neo4j(daten: Netzdaten, settings: Settings, spur: bool = False) -> float:
    """Seconds for ``UNWIND … CREATE`` of the same rows (with ``spur`` and their trail entries) into the emptied
    Neo4j (uniqueness constraints in place, as the store creates them), batches of 10,000 in one transaction."""
    import neo4j

    q = Queries.load("ladybug")
    arbeit = []
    for block, spalten in _bloecke(daten, spur):
        text = " ".join(q[block].split())
        m = re.match(r"COPY (\w+)(?:\(([^)]*)\))? FROM \$daten(?: \(from='(\w+)', to='(\w+)'\))?", text)
        tabelle, _, von, zu = m.groups()
        namen = list(spalten)
        zeilen = [dict(zip(namen, werte)) for werte in zip(*spalten.values())]
        if von:
            zeilen = [{"von": z.pop("von"), "zu": z.pop("zu"), "p": z} for z in zeilen]
            arbeit.append((_NEO_KANTE.format(von=von, zu=zu, typ=tabelle), zeilen))
        else:
            arbeit.append((_NEO_KNOTEN.format(label=tabelle), zeilen))
    _leeren(settings)
    with neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)) as d:
        with d.session(database=settings.neo4j_database) as s:
            t0 = time.perf_counter()
            with s.begin_transaction() as tx:
                for cypher, zeilen in arbeit:
                    for i in range(0, len(zeilen), 10_000):
                        tx.run(cypher, rows=zeilen[i:i + 10_000]).consume()
                tx.commit()
            dauer = time.perf_counter() - t0
    _leeren(settings)
    return dauer


def _leeren(settings: Settings) -> None:
    import neo4j

    with neo4j.GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)) as d:
        with d.session(database=settings.neo4j_database) as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def messen(speicher: str, quelle: Path, tmp: Path, neo: Settings | None) -> dict:
    """One size on one store: import, the same import again, the parts of the import, the reference."""
    if speicher == "neo4j":
        settings = neo
        _leeren(settings)
    else:
        settings = Settings(store="embedded", data_dir=tmp / "store")
    kalt = None
    if speicher == "neo4j":  # the first import of this size after the server started: the JIT is still cold
        with open_store(settings) as store:
            t0 = time.perf_counter()
            import_path(store, quelle, wer=KOMMANDOZEILE)
            kalt = time.perf_counter() - t0
        _leeren(settings)
    last = os.getloadavg()[0]
    with open_store(settings) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        bericht = import_path(store, quelle, wer=KOMMANDOZEILE)
        t1, c1 = time.perf_counter(), time.process_time()
        erneut = import_path(store, quelle, wer=KOMMANDOZEILE)  # the same again: unchanged data
        t2, c2 = time.perf_counter(), time.process_time()
        assert erneut.unveraendert_seit is not None, "der erneute Import wurde nicht abgekürzt"
        roh = read_path(quelle)
        roh.abdruck = None  # the same files without their fingerprint: read, checked, compared in full
        import_rohdaten(store, roh, wer=KOMMANDOZEILE)
        t2b = time.perf_counter()
        kanten = sum(store.counts()["relationships"].values())
        version = store.version()
    t3 = time.perf_counter()
    daten = validate(read_path(quelle))  # the reading and checking part alone (empty store)
    t4 = time.perf_counter()
    if speicher == "neo4j":
        referenz_neo4j(daten, settings)  # warm, as the import it is compared with
        ref, ref_spur = referenz_neo4j(daten, settings), referenz_neo4j(daten, settings, spur=True)
    else:
        (tmp / "ref").mkdir(exist_ok=True)
        ref, ref_spur = referenz_eingebettet(daten, tmp / "ref"), referenz_eingebettet(daten, tmp / "ref", spur=True)
    return {"speicher": speicher, "zeilen": bericht.gesamt, "kanten": kanten, "import": t1 - t0, "erneut": t2 - t1,
            "cpu": c1 - c0, "cpu_erneut": c2 - c1, "erneut_voll": t2b - t2, "kalt": kalt,
            "pruefen": t4 - t3, "referenz": ref, "referenz_spur": ref_spur, "version": version, "last": last}


def _z(x: float, stellen: int = 2) -> str:
    """``x`` the German way with ``stellen`` decimals (the one rule: :func:`network.grund.format.zahl`)."""
    return F.zahl(x, stellen)


_NAME = {"embedded": "eingebettet (LadybugDB)", "neo4j": "Neo4j 5.26"}


def tabelle(ergebnisse: list[dict]) -> str:
    out = ["| Speicher | Größe | Zeilen | Beziehungen | Import s | CPU s (dieser Prozess) | davon Lesen + Prüfen s | "
           "Zeilen/s | erneuter Import s (CPU s) | erneut ohne Fingerabdruck s | Referenz s (Massenladen der Engine) | "
           "Referenz mit Protokoll s | Import ÷ Referenz | Import ÷ Referenz mit Protokoll | Last |",
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for e in ergebnisse:
        kalt = f" (kalt {_z(e['kalt'])})" if e.get("kalt") is not None else ""
        out.append(f"| {_NAME[e['speicher']]} | {e['faktor']}× Seed | {_z(e['zeilen'], 0)} | {_z(e['kanten'], 0)} | "
                   f"{_z(e['import'])}{kalt} | {_z(e['cpu'])} | {_z(e['pruefen'])} | "
                   f"{_z(e['zeilen'] / e['import'], 0)} | {_z(e['erneut'])} ({_z(e['cpu_erneut'])}) | "
                   f"{_z(e['erneut_voll'])} | {_z(e['referenz'])} | {_z(e['referenz_spur'])} | "
                   f"{_z(e['import'] / e['referenz'], 1)}× | {_z(e['import'] / e['referenz_spur'], 1)}× | "
                   f"{_z(e['last'], 1)} |")
    return "\n".join(out)


def ziel_zeilen(ergebnisse: list[dict]) -> list[list[str]]:
    """The goal rows of issue 14 (columns of the goal table in benchmarks/ziele.py), from the largest size."""
    out = []
    gross = {}
    for e in ergebnisse:
        if e["faktor"] >= gross.get(e["speicher"], {"faktor": 0})["faktor"]:
            gross[e["speicher"]] = e
    for speicher, ziel in (("embedded", ZIEL_EINGEBETTET), ("neo4j", ZIEL_NEO4J)):
        e = gross.get(speicher)
        if not e:
            continue
        rate, ref = e["zeilen"] / e["import"], e["zeilen"] / e["referenz"]
        out.append([f"Import, {e['faktor']}× Seed, {_NAME[speicher]}", f"≥ {_z(ziel, 0)} Zeilen/s",
                    f"{_z(rate, 0)} Zeilen/s ({_z(e['import'])} s für {_z(e['zeilen'], 0)} Zeilen; CPU dieses "
                    f"Prozesses {_z(e['cpu'])} s)",
                    f"Massenladen der Engine: {_z(e['referenz'])} s = {_z(ref, 0)} Zeilen/s; mit den "
                    f"Protokolleinträgen des Imports: {_z(e['referenz_spur'])} s = "
                    f"{_z(e['zeilen'] / e['referenz_spur'], 0)} Zeilen/s",
                    f"{_z(e['import'] / e['referenz'], 1)}× langsamer (mit Protokoll "
                    f"{_z(e['import'] / e['referenz_spur'], 1)}×)", "ja" if rate >= ziel else "**nein**",
                    _z(e["last"], 1)])
    for speicher in ("embedded", "neo4j"):
        e = gross.get(speicher)
        if e:
            faktor = e["import"] / e["erneut"]
            out.append([f"Erneuter Import unveränderter Daten, {e['faktor']}× Seed, {_NAME[speicher]}",
                        f"≥ {_z(ZIEL_ERNEUT, 0)}× schneller als der erste Import",
                        f"{_z(e['erneut'])} s (Datenstand bleibt {e['version']}; ohne Fingerabdruck ganz geprüft: "
                        f"{_z(e['erneut_voll'])} s)",
                        f"erster Import: {_z(e['import'])} s", f"{_z(faktor, 1)}× schneller",
                        "ja" if faktor >= ZIEL_ERNEUT else "**nein**", _z(e["last"], 1)])
    return out


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


@contextmanager
def neo4j_zum_messen(tmp: Path, gewuenscht: bool = True) -> Iterator[Settings | None]:
    """The Neo4j a benchmark measures: ``NEO4J_URI`` and friends from the environment, else the local server of
    ``make neo4j`` started in ``tmp`` (heap 4 GiB, stopped at the end); None when not wanted or not built."""
    if not gewuenscht:
        yield None
        return
    import lokal

    if os.environ.get("NEO4J_URI"):
        yield Settings.from_env().mit(store="neo4j")
    elif not lokal.gebaut():
        print("Neo4j übersprungen: der lokale Neo4j ist nicht gebaut (`make neo4j`).", flush=True)
        yield None
    else:
        with lokal.LokalerNeo4j(tmp / "neo4j", heap="4g") as server:
            yield Settings(store="neo4j", neo4j_uri=server.uri, neo4j_password=server.password)


def messreihe(faktoren: list[int], speicher: list[str]) -> Iterator[tuple[int, Path, str, Settings | None, Path]]:
    """``(faktor, quelle, speicher, neo, ordner)`` for each store and each size: the seed times ``faktor`` generated
    into a temporary folder (``quelle``, once), a fresh folder for the store (``ordner``) and the Neo4j to measure
    (:func:`neo4j_zum_messen`; a store list without a built Neo4j leaves it out).

    One store after the other: the local Neo4j runs only while Neo4j is measured – beside the embedded store its
    server (checkpoints, garbage collection after an import) doubled the 100× embedded import's wall time (12.3 s
    against 6.1 s, with the same 6 CPU-s of the importing process)."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        quellen: dict[int, Path] = {}
        for s in speicher:
            with neo4j_zum_messen(tmp, s == "neo4j") as neo:
                if s == "neo4j" and neo is None:
                    continue
                for faktor in faktoren:
                    if faktor not in quellen:
                        quellen[faktor] = tmp / f"seed-{faktor}"
                        generate(quellen[faktor], faktor=faktor)
                    yield faktor, quellen[faktor], s, neo, tmp / f"{s}-{faktor}"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--faktoren", type=int, nargs="+", default=[1, 10, 100])
    p.add_argument("--speicher", nargs="+", default=["embedded", "neo4j"], choices=["embedded", "neo4j"])
    p.add_argument("--no-doc", action="store_true", help="docs/benchmarks.md nicht aktualisieren")
    args = p.parse_args()
    start = maschine()
    ergebnisse = []
    for faktor, quelle, speicher, neo, ordner in messreihe(args.faktoren, args.speicher):
        e = messen(speicher, quelle, ordner, neo)
        e["faktor"] = faktor
        ergebnisse.append(e)
        print(f"{_NAME[speicher]:>24} {faktor:>4}× Seed: {e['zeilen']:>8} Zeilen in {e['import']:.2f} s "
              f"= {e['zeilen'] / e['import']:,.0f} Zeilen/s (lesen + prüfen {e['pruefen']:.2f} s); "
              f"erneut {e['erneut']:.2f} s (ganz geprüft {e['erneut_voll']:.2f} s); Referenz {e['referenz']:.2f} s; Last {e['last']:.1f}",
              flush=True)
    ziele = ziel_zeilen(ergebnisse)
    for z in ziele:
        print(" | ".join(z))
    if not args.no_doc:
        ende = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        kopf = ["Kennzahl", "Ziel", "gemessen", "Referenz im selben Lauf", "Verhältnis", "Ziel erreicht", "Last"]
        ziel_md = ["| " + " | ".join(kopf) + " |", "|" + "|".join(["---"] * len(kopf)) + "|"]
        ziel_md += ["| " + " | ".join(z) + " |" for z in ziele]
        update_doc("## Import\n\n"
                   f"Gemessen am {time.strftime('%Y-%m-%d')} mit `python benchmarks/import_bench.py` auf: {start}; "
                   f"Systemlast am Ende: {ende}.\n"
                   "Ein Import ist der Weg von `kita-netz import`: CSV-Dateien lesen, alle Regeln prüfen, in einer "
                   "Transaktion schreiben, mit einem Protokolleintrag je Zeile (`network.austausch.import_path`); "
                   "eingebettet ein frischer Datenordner, Neo4j 5.26 (lokal aus `make neo4j`, Heap 4 GiB) vor jeder "
                   "Größe geleert. „Erneuter Import“ spielt dieselben Dateien noch einmal ein: der Import hat den "
                   "Fingerabdruck seiner Dateien (sha256 über Namen und Bytes, mit dem Programmstand) mit dem "
                   "Datenstand, den er hinterließ, in seiner Transaktion gespeichert; sind Dateien und Datenstand "
                   "gleich, kann sich nichts geändert haben, und der Import antwortet ohne Lesen, Prüfen und Schreiben "
                   "(`network/austausch/abdruck.py`). „Ohne Fingerabdruck“ ist derselbe erneute Import auf dem ganzen "
                   "Weg (lesen, prüfen, vergleichen; nichts ändert sich, der Datenstand bleibt) – so läuft er, sobald "
                   "eine Datei, der Datenstand oder das Programm anders ist. Die Referenz lädt dieselben Zeilen "
                   "(Knoten und Beziehungen, ohne Protokoll) im selben Lauf mit dem Massenladen der Engine in eine "
                   "leere Datenbank, in einer Transaktion: LadybugDB `COPY` aus Arrow-Tabellen, Neo4j "
                   "`UNWIND … CREATE` in Stapeln zu 10.000; „mit Protokoll“ lädt dazu die Protokolleinträge, die "
                   "der Import schreibt (einer je Zeile, mit der ganzen Zeile als JSON) – das, was der Import "
                   "mindestens schreiben muss. Neo4j wird vor jeder Größe einmal mit demselben Import (in Klammern: "
                   "„kalt“, der erste Import dieser Größe) und einmal mit der Referenz aufgewärmt – der JIT des "
                   "Servers übersetzt die Abfragen erst nach vielen Aufrufen; gemessen wird danach, wie auf einem "
                   "Server, der schon läuft. *Last*: 1-Minuten-Lastmittel vor der Messung (2 "
                   "Kerne, mit anderen geteilt).\n\n"
                   + "\n".join(ziel_md) + "\n\n" + tabelle(ergebnisse))


if __name__ == "__main__":
    main()
