"""Hostile and worst-case import files (issue 17): time and peak memory of reading and checking each one.

Every file is built here (nothing hostile is shipped). Each case runs in a fresh child process, as the Pflege
page reads an upload (``read_uploads`` with its 10 MB limit and reading deadline) and then checks it
(``validate``); the child is stopped after ``--timeout`` seconds. With ``--alt ORDNER`` (a copy of an older
``network`` package, e.g. ``git archive <commit> network | tar -x -C ORDNER``) the same files also go through that
version's ``read_path`` + ``validate``, for a before/after table. Results go to the "Feindliche Dateien" section
of docs/benchmarks.md.

    .venv/bin/python benchmarks/feindliche_dateien.py [--alt /tmp/alt] [--timeout 120] [--no-doc]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "sicherheit"))
sys.path.insert(0, str(ROOT))
DOC = ROOT / "docs" / "benchmarks.md"

from feindlich import arbeitsmappe, dimensionsbombe, zipbombe  # noqa: E402

KIND = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
pfad, art = Path(sys.argv[2]), sys.argv[3]
t = time.perf_counter()
ergebnis = "angenommen"
try:
    from network.austausch import validate
    if art == "neu":
        from network.austausch.dateien import read_uploads
        roh = read_uploads([(pfad.name, pfad.read_bytes())], frist=20, max_bytes=10 * 10**6, max_zeilen=25_000)
    else:
        from network.austausch.dateien import read_path
        roh = read_path(pfad)
    if "-gross" in str(pfad.parent):  # the write case: into a fresh store holding the demo data
        import tempfile
        from network.austausch import import_path, import_rohdaten
        from network.store.embedded import EmbeddedStore
        from network.zugang import KOMMANDOZEILE
        with EmbeddedStore(tempfile.mkdtemp()) as store:
            import_path(store, sys.argv[4], wer=KOMMANDOZEILE)
            t = time.perf_counter()
            import_rohdaten(store, roh, wer=KOMMANDOZEILE)
            ergebnis = "geschrieben"
    else:
        validate(roh)
except Exception as e:
    fehler = getattr(e, "fehler", None)
    ergebnis = (f"abgelehnt: {fehler[0]}" if fehler else f"Absturz: {type(e).__name__}")[:110]
print(json.dumps({"s": time.perf_counter() - t, "mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "ergebnis": ergebnis, "fehler": len(fehler) if ergebnis.startswith("abgelehnt") else 0}))
"""


def _xlsx_voll(zeilen: int, breite: int) -> bytes:
    """An honest workbook that unpacks to a lot: ``zeilen`` Themen with long, compressible names."""
    return arbeitsmappe({"themen": [["id", "name"]] + [[f"t-{i}", "x" * breite] for i in range(zeilen)]})


def faelle(tmp: Path) -> list[tuple[str, Path]]:
    out = []

    def schreibe(name: str, titel: str, data: bytes) -> None:
        p = tmp / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        out.append((titel, p))

    schreibe("bombe.xlsx", "xlsx, `<dimension>` A1:XFD1048576, eine Zeile bei r=1048576", dimensionsbombe())
    schreibe("zip.xlsx", "xlsx, Zip-Bombe: entpackt 1 GiB", zipbombe(2**30))
    schreibe("voll.xlsx", "xlsx, ehrlich: 24.000 Zeilen, entpackt ≈ 18 MB", _xlsx_voll(24_000, 600))
    schreibe("themen.csv", "CSV 10 MB, ein Feld von 10 MB", b"id;name\nt-1;" + b"x" * (10 * 10**6 - 20) + b"\n")
    schreibe("angebote.csv", "CSV 10 MB, 5,2 Millionen Zeilen „a“", b"id\n" + b"a\n" * ((10 * 10**6) // 2 - 2))
    from network.model import DATEIEN

    kopf = ";".join(sp.name for sp in DATEIEN["kitas"]).encode()
    leer = b";" * (len(DATEIEN["kitas"]) - 1)
    schreibe("kitas.csv", "CSV, 24.900 Zeilen, alle Pflichtfelder leer (die meisten Fehler je Byte)",
             kopf + b"\n" + b"".join(b"k%d" % i + leer + b"\n" for i in range(24_900)))
    schreibe("gemeinden.csv", "CSV, 24.900 Zeilen mit NUL",
             b"id;name;sozialraum_id\n" + b"".join(b"g-%06d;Ort\x00%06d;sr\n" % (i, i) for i in range(24_900)))
    import csv

    with open(ROOT / "seed" / "angebote.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    for i in range(19_000):
        w.writerow(dict(rows[i % len(rows)], id=rows[i]["id"] if i < len(rows) else f"ang-x{i:06d}"))
    schreibe("angebote-gross/angebote.csv", "CSV, 19.000 gültige Angebote (unter 10 MB): lesen, prüfen und schreiben "
             "(frischer Speicher mit den Demodaten)", buf.getvalue().encode())
    return out


def miss(alt_oder_neu: str, paket: Path, datei: Path, timeout: int) -> dict:
    t = time.perf_counter()
    try:
        r = subprocess.run([sys.executable, "-c", KIND, str(paket), str(datei), alt_oder_neu, str(ROOT / "seed")],
                           capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"s": time.perf_counter() - t, "mb": None, "ergebnis": f"nach {timeout} s abgebrochen"}
    try:
        return json.loads(r.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"s": time.perf_counter() - t, "mb": None, "ergebnis": f"Prozess endete mit {r.returncode}"}


def zelle(m: dict | None) -> str:
    if m is None:
        return "–"
    mb = f"{m['mb']:.0f} MB" if m.get("mb") else "–"
    return f"{m['s']:.1f} s, {mb}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--alt", help="Ordner mit einer älteren Kopie von network/ (vorher)")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--no-doc", action="store_true")
    a = ap.parse_args()
    zeilen = []
    with tempfile.TemporaryDirectory() as tmp:
        for titel, p in faelle(Path(tmp)):
            neu = miss("neu", ROOT, p, a.timeout)
            alt = miss("alt", Path(a.alt), p, a.timeout) if a.alt else None
            zeile = (titel, f"{p.stat().st_size / 2**20:.2f} MB", zelle(alt), alt["ergebnis"] if alt else "–",
                     zelle(neu), neu["ergebnis"])
            print(" | ".join(zeile), flush=True)
            zeilen.append(zeile)
    if a.no_doc:
        return
    last = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    text = "\n".join([
        "<!-- feindlich:start -->",
        "## Feindliche Dateien (Issue 17)",
        "",
        f"Gemessen am {time.strftime('%Y-%m-%d')} mit `python benchmarks/feindliche_dateien.py"
        f"{' --alt …' if a.alt else ''}` ({os.cpu_count()} Kerne, Systemlast beim Ende {last}). Je Datei ein frischer "
        "Kindprozess: Lesen wie beim Upload der Seite Pflege und Prüfen (`validate`); Zeit und Spitzen-RSS des "
        f"Kindprozesses, Abbruch nach {a.timeout} s. „vorher“: der Stand vor Issue 17 (`read_path` + `validate`).",
        "",
        "| Datei | Größe | vorher | vorher: Ergebnis | jetzt | jetzt: Ergebnis |",
        "|---|---:|---:|---|---:|---|",
        *("| " + " | ".join(z) + " |" for z in zeilen),
        "<!-- feindlich:end -->",
    ])
    doc = DOC.read_text(encoding="utf-8")
    if "<!-- feindlich:start -->" in doc:
        doc = re.sub(r"<!-- feindlich:start -->.*<!-- feindlich:end -->", lambda _: text, doc, flags=re.S)
    else:
        doc = doc.rstrip() + "\n\n" + text + "\n"
    DOC.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    main()
