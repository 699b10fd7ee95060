"""Benchmark of the analytics (``network.analyse.analyse``) from seed size to national scale.

Builds synthetic :class:`~network.model.Netzdaten` with its own deterministic generator (independent of
``seed/generate.py``), runs the whole analysis with NetworkX only and with the igraph acceleration, each in a
fresh child process, and prints seconds and peak memory per size. With ``--doc`` (default) it rewrites the
section "Analytics" of ``docs/benchmarks.md`` with the figures and the machine.

    .venv/bin/python benchmarks/analytics_bench.py            # all sizes, ~5-10 minutes on 2 cores
    .venv/bin/python benchmarks/analytics_bench.py --quick    # seed size and 10x only, no doc update

Sizes (Sozialräume / Kitas / Angebote / Kooperationen):

* ``seed``      5 / 100 / 250 / 600 – the Rhein-Hunsrück-Kreis
* ``10x``       50 / 1,000 / 2,500 / 6,000
* ``100x``      500 / 10,000 / 25,000 / 60,000
* ``national``  1,400 / 60,000 / 300,000 / 360,000

Peak memory is the peak resident set size of the child process during the analysis (``VmHWM`` after
resetting it through ``/proc/self/clear_refs``), and its increase over the resident size before the analysis
(the loaded data). At national size the analysis shares its work with a second process
(:mod:`network.grund.zweiter_kern`); then the memory of both together counts: this script samples the
proportional set size (``Pss``, shared pages split between the processes that share them) of the child and its
own children every 0.2 s while it runs, and reports the largest sum. CPU seconds are those of both processes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import pickle
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from network.model import ART, KOOPERATIONSART, KREISWEIT, STANDARD_THEMEN, Netzdaten  # noqa: E402

STICHTAG = "2025-06-30"
SEED = 20240401

#: name -> (Sozialräume, Kitas, Angebote, Kooperationen)
GROESSEN = {
    "seed": (5, 100, 250, 600),
    "10x": (50, 1_000, 2_500, 6_000),
    "100x": (500, 10_000, 25_000, 60_000),
    "national": (1_400, 60_000, 300_000, 360_000),
}
SCHNELL = ("seed", "10x")
START, ENDE = "<!-- analytics:start -->", "<!-- analytics:end -->"
BACKENDS = ("networkx", "igraph")

# How popular each Thema is (relative weight); a few are rare on purpose.
_THEMEN_GEWICHT = [8, 6, 6, 7, 8, 5, 5, 3, 2, 3, 1, 9, 6, 5, 5, 7, 2, 2, 3]


def _datum(rng: random.Random, von: int, bis: int) -> str:
    start = dt.date(von, 1, 1).toordinal()
    ende = dt.date(bis, 12, 31).toordinal()
    return dt.date.fromordinal(rng.randint(start, ende)).isoformat()


def erzeuge(n_sr: int, n_kitas: int, n_angebote: int, n_koop: int, seed: int = SEED) -> Netzdaten:
    """Synthetic Netzdaten: Sozialräume in groups of five (a Kreis), spread over Germany's bounding box.

    A single Kreis sits in the Rhein-Hunsrück-Kreis and uses ``"alle"`` for district-wide Angebote; with
    several Kreise a district-wide Angebot lists the Sozialräume of its Kreis, and five Angebote serve
    ``"alle"`` (national hotlines). About 1 % of Kitas lack coordinates, 7 % of Angebote have expired,
    12 % of Kooperationen have ended.
    """
    rng = random.Random(seed)
    n_kreise = max(1, math.ceil(n_sr / 5))
    spalten = max(1, math.ceil(math.sqrt(n_kreise * 1.3)))
    zeilen = max(1, math.ceil(n_kreise / spalten))
    kreis_zentrum = []
    for i in range(n_kreise):
        if n_kreise == 1:
            kreis_zentrum.append((49.98, 7.55))
        else:
            r, c = divmod(i, spalten)
            kreis_zentrum.append((47.6 + 7.0 * (r + 0.5) / zeilen, 6.2 + 8.5 * (c + 0.5) / spalten))

    daten = Netzdaten()
    daten.themen = [{"id": t, "name": n, "beschreibung": None} for t, n in STANDARD_THEMEN]
    themen_ids = [t for t, _ in STANDARD_THEMEN]

    sr_ids, sr_kreis, sr_zentrum = [], [], []
    kreis_srs: list[list[str]] = [[] for _ in range(n_kreise)]
    for i in range(n_sr):
        kreis = i // 5
        sid = f"sr-{i:04d}"
        lat0, lon0 = kreis_zentrum[kreis]
        winkel = 2 * math.pi * (i % 5) / 5
        zentrum = (lat0 + 0.12 * math.sin(winkel), lon0 + 0.18 * math.cos(winkel))
        sr_ids.append(sid)
        sr_kreis.append(kreis)
        sr_zentrum.append(zentrum)
        kreis_srs[kreis].append(sid)
        daten.sozialraeume.append({"id": sid, "name": f"Sozialraum {i + 1}", "beschreibung": None})

    gemeinden_je_sr: list[list[dict]] = []
    for i, sid in enumerate(sr_ids):
        liste = []
        for j in range(10):
            lat = sr_zentrum[i][0] + rng.uniform(-0.07, 0.07)
            lon = sr_zentrum[i][1] + rng.uniform(-0.1, 0.1)
            g = {"id": f"g{i:04d}{j:02d}", "name": f"Gemeinde {i}-{j}", "verbandsgemeinde": None,
                 "sozialraum_id": sid, "lat": round(lat, 5), "lon": round(lon, 5), "einwohner": rng.randint(200, 9000)}
            daten.gemeinden.append(g)
            liste.append(g)
        gemeinden_je_sr.append(liste)

    kitas_je_sr: list[list[str]] = [[] for _ in range(n_sr)]
    for i in range(n_kitas):
        s = i % n_sr if i < n_sr else rng.randrange(n_sr)
        g = rng.choice(gemeinden_je_sr[s])
        ohne = rng.random() < 0.01
        kid = f"kita-{i:05d}"
        daten.kitas.append({
            "id": kid, "name": f"Kita {i + 1}", "strasse": None, "plz": None, "ort": g["name"],
            "gemeinde_id": g["id"],
            "lat": None if ohne else round(g["lat"] + rng.uniform(-0.015, 0.015), 5),
            "lon": None if ohne else round(g["lon"] + rng.uniform(-0.02, 0.02), 5),
            "plaetze": rng.randint(20, 120), "traeger": None, "telefon": None, "email": None,
            "fachkraft_id": None, "fachkraft_seit": None, "geprueft_am": None, "geprueft_von": None,
        })
        kitas_je_sr[s].append(kid)

    versorgt_von: list[list[str]] = [[] for _ in range(n_sr)]  # Angebote serving each Sozialraum
    kreisweit_alle: list[str] = []
    sr_index = {s: i for i, s in enumerate(sr_ids)}
    for i in range(n_angebote):
        s = rng.randrange(n_sr)
        kreis = sr_kreis[s]
        g = rng.choice(gemeinden_je_sr[s]) if rng.random() < 0.97 else None
        if g is not None:
            lat, lon = g["lat"] + rng.uniform(-0.01, 0.01), g["lon"] + rng.uniform(-0.015, 0.015)
        elif rng.random() < 0.5:
            lat, lon = sr_zentrum[s]
        else:
            lat = lon = None
        x = rng.random()
        if n_kreise > 1 and i < 5:
            versorgt = [KREISWEIT]
        elif x < 0.65:
            versorgt = [sr_ids[s]]
        elif x < 0.9:
            nachbarn = [t for t in kreis_srs[kreis] if t != sr_ids[s]]
            versorgt = [sr_ids[s]] + rng.sample(nachbarn, min(len(nachbarn), rng.randint(1, 2)))
        else:
            versorgt = [KREISWEIT] if n_kreise == 1 else list(kreis_srs[kreis])
        art = rng.choices(ART, weights=(3, 3.5, 3.5))[0]
        themen = sorted(set(rng.choices(themen_ids, weights=_THEMEN_GEWICHT, k=rng.randint(1, 3))))
        ab = _datum(rng, 2012, 2024)
        bis = _datum(rng, 2019, 2025) if rng.random() < 0.07 else None
        if bis is not None and bis < ab:
            ab, bis = bis, ab
        aid = f"ang-{i:06d}"
        daten.angebote.append({
            "id": aid, "name": f"{art} {i + 1}", "art": art, "beschreibung": None, "themen": themen,
            "zielgruppen": ["Eltern"], "sprachen": ["Deutsch"], "kosten": None, "kostenlos": rng.random() < 0.7,
            "barrierefrei": rng.random() < 0.5, "aufsuchend": rng.random() < 0.1, "strasse": None, "plz": None,
            "ort": None, "gemeinde_id": g["id"] if g else None,
            "lat": None if lat is None else round(lat, 5), "lon": None if lon is None else round(lon, 5),
            "telefon": None, "email": None, "website": None, "oeffnungszeiten": None, "hinweis": None,
            "traeger": None, "versorgt": versorgt, "gueltig_ab": ab, "gueltig_bis": bis,
            "geprueft_am": None, "geprueft_von": None,
        })
        if versorgt == [KREISWEIT]:
            if n_kreise == 1:
                for t in range(n_sr):
                    versorgt_von[t].append(aid)
            else:
                kreisweit_alle.append(aid)
        else:
            for t in versorgt:
                versorgt_von[sr_index[t]].append(aid)

    # Popularity: a few Angebote attract many partners (hubs).
    beliebt = {a["id"]: rng.paretovariate(1.3) for a in daten.angebote}
    gewichte_je_sr = [[beliebt[a] for a in liste] for liste in versorgt_von]
    for i in range(n_koop):
        s = rng.randrange(n_sr)
        liste = versorgt_von[s]
        if not liste:
            continue
        if rng.random() < 0.75 and kitas_je_sr[s]:
            von = rng.choice(kitas_je_sr[s])
        else:
            von = rng.choice(liste)
        zu = rng.choices(liste, weights=gewichte_je_sr[s])[0]
        if kreisweit_alle and rng.random() < 0.01:
            zu = rng.choice(kreisweit_alle)
        if von == zu:
            continue
        seit = _datum(rng, 2016, 2025)
        bis = _datum(rng, 2018, 2025) if rng.random() < 0.12 else None
        if bis is not None and bis < seit:
            seit, bis = bis, seit
        daten.kooperationen.append({
            "id": f"koop-{i:06d}", "von_id": von, "zu_id": zu, "art": rng.choice(KOOPERATIONSART),
            "seit": seit, "bis": bis, "intensitaet": rng.randint(1, 3), "notiz": None,
        })
    return daten


def _vm(feld: str) -> int:
    """A field of /proc/self/status in bytes (0 where unavailable)."""
    try:
        for zeile in Path("/proc/self/status").read_text().splitlines():
            if zeile.startswith(feld + ":"):
                return int(zeile.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _kind(pfad: str, backend: str) -> dict:
    """Run in a child process: load the data, run the analysis once, report time and memory."""
    import gc

    from network.analyse import analyse

    with open(pfad, "rb") as f:
        daten = pickle.load(f)
    gc.collect()
    vorher = _vm("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM) to the current size
        hwm_zurueckgesetzt = True
    except OSError:
        hwm_zurueckgesetzt = False
    import resource

    from network.grund.zweiter_kern import letzte_messung

    def kinder_cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    t0, c0, k0 = time.perf_counter(), time.process_time(), kinder_cpu()
    bericht = analyse(daten, STICHTAG, backend=backend)
    sekunden, cpu = time.perf_counter() - t0, time.process_time() - c0
    zweiter = letzte_messung()
    cpu_zweiter = kinder_cpu() - k0  # the second process, if the analysis started one
    spitze = _vm("VmHWM")
    if not spitze:
        import resource

        spitze = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    luecken = sum(len(v) for s in bericht["sozialraeume"] for v in s["luecken"].values())
    return {"sekunden": sekunden, "cpu": cpu + cpu_zweiter, "cpu_zweiter": cpu_zweiter,
            "zweiter_anteil": (f"{zweiter.stuecke}/{zweiter.alle}" + (" + Gesamtnetz" if zweiter.vorab else ""))
            if zweiter else None, "zweiter_fehler": zweiter.fehler if zweiter else None,
            "spitze": spitze, "vorher": vorher, "hwm_zurueckgesetzt": hwm_zurueckgesetzt,
            "sozialraeume": len(bericht["sozialraeume"]), "luecken": luecken,
            "stichprobe": bericht.get("gesamt", {}).get("betweenness_stichprobe")}


def _pss(pid: int) -> int:
    """``Pss`` of a process and of its children (recursively), in bytes; 0 for what has already ended."""
    summe = 0
    try:
        for zeile in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if zeile.startswith("Pss:"):
                summe += int(zeile.split()[1]) * 1024
                break
        kinder = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return summe
    return summe + sum(_pss(int(k)) for k in kinder)


def _messen(pfad: str, backend: str) -> dict:
    last = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    with tempfile.TemporaryFile("w+") as aus, tempfile.TemporaryFile("w+") as fehler:
        proc = subprocess.Popen([sys.executable, __file__, "--kind", pfad, backend], stdout=aus, stderr=fehler,
                                text=True, cwd=ROOT)
        zusammen = 0  # the largest Pss of the child and its children, sampled while it runs
        while proc.poll() is None:
            zusammen = max(zusammen, _pss(proc.pid))
            time.sleep(0.2)
        aus.seek(0)
        fehler.seek(0)
        stdout, stderr = aus.read(), fehler.read()
    if proc.returncode != 0:
        raise RuntimeError(f"Kindprozess fehlgeschlagen ({backend}):\n{stderr[-3000:]}")
    ergebnis = json.loads(stdout.strip().splitlines()[-1])
    ergebnis["last"] = last
    ergebnis["spitze_zusammen"] = zusammen or None
    return ergebnis


def maschine() -> dict:
    modell = "unbekannt"
    try:
        for zeile in Path("/proc/cpuinfo").read_text().splitlines():
            if zeile.startswith("model name"):
                modell = zeile.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import igraph
    import networkx

    return {"nproc": os.cpu_count(), "cpu": modell, "python": platform.python_version(),
            "networkx": networkx.__version__, "igraph": igraph.__version__, "system": platform.platform()}


def _z(x: float, stellen: int = 2) -> str:
    """``x`` the German way (the one rule: :func:`network.grund.format.zahl`)."""
    from network.grund.format import zahl

    return zahl(x, stellen)


def _mib(b: int) -> str:
    return f"{_z(b / 2**20, 0)} MiB"


def tabelle(ergebnisse: list[dict]) -> str:
    zeilen = ["| Größe | Sozialräume | Kitas | Angebote | Kooperationen | Backend | Sekunden | CPU-Sekunden | "
              "Spitze RSS | Zuwachs durch Analyse | Spitze mit zweitem Prozess (Pss) | Last |",
              "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for e in ergebnisse:
        n_sr, n_k, n_a, n_c = GROESSEN[e["groesse"]]
        zeilen.append(
            f"| {e['groesse']} | {_z(n_sr, 0)} | {_z(n_k, 0)} | {_z(n_a, 0)} | {_z(n_c, 0)} | {e['backend']} | "
            f"{_z(e['sekunden'])} | {_z(e['cpu'])} | "
            f"{_mib(e['spitze'])} | {_mib(max(0, e['spitze'] - e['vorher']))} | "
            f"{_mib(e['spitze_zusammen']) + ' (' + e['zweiter_anteil'] + ')' if e.get('zweiter_anteil') else '–'} | "
            f"{_z(e['last'], 1)} |")
    return "\n".join(zeilen)


def abschnitt(ergebnisse: list[dict], m: dict, gesamt_s: float) -> str:
    stichproben = {e["groesse"]: e["stichprobe"] for e in ergebnisse}
    gesampelt = [g for g, k in stichproben.items() if k]
    from network.analyse.auswertung import GETEILT_AB
    return f"""## Analytics

Gemessen mit `benchmarks/analytics_bench.py` am {dt.date.today().isoformat()} (ganzer Lauf {_z(gesamt_s / 60, 1)} min).
Gemessen wird ein Aufruf von `network.analyse.analyse(daten, "{STICHTAG}")` – Netz zum Stichtag,
alle Sozialräume (exakt) und das Gesamtnetz, Kennzahlen, Hubs, Lücken, Empfehlungen – in einem frischen
Kindprozess je Zeile; die Daten kommen aus dem eigenen, deterministischen Generator des Benchmarks
(Seed {SEED}). „networkx“ rechnet alles mit NetworkX, „igraph“ die Graphkennzahlen mit python-igraph
(gleiche Ergebnisse, Louvain siehe `docs/analyse.md`).

Maschine: {m['nproc']} Kerne, {m['cpu']}, Python {m['python']}, NetworkX {m['networkx']},
python-igraph {m['igraph']} ({m['system']}).

{tabelle(ergebnisse)}

- *Spitze RSS*: höchster belegter Arbeitsspeicher des Prozesses während der Analyse (inklusive der
  geladenen Daten); *Zuwachs*: Spitze minus Speicher vor der Analyse.
- *Spitze mit zweitem Prozess*: Ab {_z(GETEILT_AB, 0)} Akteuren teilt sich die Analyse die Arbeit mit einem zweiten
  Prozess auf dem zweiten Kern (`network/grund/zweiter_kern.py`); dann zählt der Speicher beider zusammen,
  gemessen als größte Summe ihres *Pss* (geteilte Seiten anteilig), alle 0,2 s abgefragt. In Klammern: wie
  viele Sozialräume der zweite Prozess gerechnet hat, und ob das Gesamtnetz.
- *Sekunden*: Wanduhrzeit des Aufrufs; *CPU-Sekunden*: Rechenzeit beider Prozesse zusammen. Kleinere Netze
  rechnen in einem Prozess, dann sind ohne Konkurrenz beide Zahlen fast gleich.
- *Last*: 1-Minuten-Lastmittel der Maschine direkt vor der Messung. Die Maschine wird mit anderen geteilt;
  Last über 2 heißt, dass andere Prozesse um die 2 Kerne konkurrierten – dann ist die Wanduhrzeit länger als
  die CPU-Zeit, und auch diese steigt etwas (geteilte Caches).
- Betweenness des Gesamtnetzes: exakt bis {_exakt_bis()} Akteure, darüber geschätzt aus
  {_stichprobe()} zufälligen Quellen (Seed 42) – hier bei: {", ".join(gesampelt) or "keiner Größe"}.
  Die Sozialraum-Netze sind immer exakt.
- Ziele: Seed-Größe unter 0,5 s, bundesweit unter 2 Minuten (beschleunigt).
"""


def _exakt_bis() -> str:
    from network.analyse.auswertung import EXAKT_BIS

    return _z(EXAKT_BIS, 0)


def _stichprobe() -> str:
    from network.analyse.auswertung import STICHPROBE

    return str(STICHPROBE)


def doc_schreiben(text: str, pfad: Path = ROOT / "docs" / "benchmarks.md") -> None:
    """Replace the block between ``<!-- analytics:start -->`` and ``<!-- analytics:end -->`` or append it.

    Only this block is touched; other sections of the file belong to other benchmarks.
    """
    block = f"{START}\n{text.strip()}\n{ENDE}"
    alt = pfad.read_text(encoding="utf-8") if pfad.exists() else "# Benchmarks\n"
    if START in alt and ENDE in alt:
        vor, rest = alt.split(START, 1)
        nach = rest.split(ENDE, 1)[1]
        neu = vor + block + nach
    else:
        neu = alt.rstrip("\n") + "\n\n" + block + "\n"
    pfad.write_text(neu, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="nur Seed-Größe und 10x, docs nicht ändern")
    p.add_argument("--groessen", nargs="*", choices=list(GROESSEN), help="nur diese Größen")
    p.add_argument("--kein-doc", action="store_true", help="docs/benchmarks.md nicht ändern")
    p.add_argument("--backends", nargs="*", choices=list(BACKENDS), help="nur diese Backends")
    p.add_argument("--json", type=Path, help="die Messwerte zusätzlich als JSON hierhin (für benchmarks/ziele.py)")
    p.add_argument("--kind", nargs=2, metavar=("PFAD", "BACKEND"), help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.kind:
        print(json.dumps(_kind(*a.kind)))
        return 0

    groessen = a.groessen or (list(SCHNELL) if a.quick else list(GROESSEN))
    start = time.perf_counter()
    ergebnisse = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in groessen:
            t0 = time.perf_counter()
            daten = erzeuge(*GROESSEN[name])
            pfad = os.path.join(tmp, f"{name}.pickle")
            with open(pfad, "wb") as f:
                pickle.dump(daten, f, protocol=pickle.HIGHEST_PROTOCOL)
            del daten
            print(f"{name}: Daten erzeugt in {time.perf_counter() - t0:.1f} s", flush=True)
            for backend in a.backends or BACKENDS:
                e = _messen(pfad, backend)
                e.update(groesse=name, backend=backend)
                ergebnisse.append(e)
                print(f"  {backend:9s} {e['sekunden']:8.2f} s  CPU {e['cpu']:8.2f} s  Last {e['last']:.1f}  "
                      f"Spitze {_mib(e['spitze'])}  "
                      f"Zuwachs {_mib(max(0, e['spitze'] - e['vorher']))}  "
                      f"mit zweitem Prozess {_mib(e['spitze_zusammen'] or 0)} ({e.get('zweiter_anteil') or '–'})  "
                      f"Lücken {e['luecken']}", flush=True)
    gesamt_s = time.perf_counter() - start
    print(f"Gesamt: {gesamt_s:.1f} s")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps({"ergebnisse": ergebnisse, "gesamt_s": gesamt_s}, indent=1), encoding="utf-8")
    if not (a.quick or a.kein_doc):
        doc_schreiben(abschnitt(ergebnisse, maschine(), gesamt_s))
        print("docs/benchmarks.md aktualisiert.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
