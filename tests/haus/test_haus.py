"""The house rules that ruff and import-linter do not check, checked by the build (issue 13, docs/architektur.md).

- No function is longer than 80 lines: a longer one is split into named helpers.
- An import inside a function says why it is there, in a comment on its line or on the line above (a heavy optional
  package, a lazy command of the CLI, a real need to load late); every other import stands at the module's top.
- Every exception class of the product lives in ``network/errors.py`` and is named ``<Sache>Fehler``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PAKET = Path(__file__).resolve().parents[2] / "network"
MAX_ZEILEN = 80


def _module():
    for pfad in sorted(PAKET.rglob("*.py")):
        text = pfad.read_text(encoding="utf-8")
        yield pfad.relative_to(PAKET.parent), text, ast.parse(text)


def _funktionen(baum):
    return [n for n in ast.walk(baum) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_keine_funktion_ist_laenger_als_80_zeilen():
    zu_lang = [f"{pfad}:{f.lineno} {f.name} ({f.end_lineno - f.lineno + 1} Zeilen)"
               for pfad, _, baum in _module() for f in _funktionen(baum)
               if f.end_lineno - f.lineno + 1 > MAX_ZEILEN]
    assert zu_lang == [], "Länger als 80 Zeilen – in benannte Teile zerlegen:\n" + "\n".join(zu_lang)


def _importgruppen(f):
    """Runs of import statements next to each other in the bodies of ``f`` (a group shares one comment)."""
    for knoten in ast.walk(f):
        for feld in ("body", "orelse", "finalbody", "handlers"):
            gruppe: list = []
            liste = getattr(knoten, feld, None)
            for n in liste if isinstance(liste, list) else []:
                if isinstance(n, (ast.Import, ast.ImportFrom)):
                    gruppe.append(n)
                    continue
                if gruppe:
                    yield gruppe
                gruppe = []
            if gruppe:
                yield gruppe


def test_importe_in_funktionen_sagen_warum():
    ohne_grund = []
    for pfad, text, baum in _module():
        zeilen = text.splitlines()
        for f in (n for n in baum.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))):
            for gruppe in _importgruppen(f):
                erste, letzte = gruppe[0].lineno, gruppe[-1].end_lineno
                if not any("#" in z for z in zeilen[max(erste - 2, 0):letzte]):  # on its lines or the line above
                    ohne_grund += [f"{pfad}:{n.lineno} {ast.unparse(n)}" for n in gruppe]
    assert ohne_grund == [], ("Import in einer Funktion ohne Kommentar – nach oben damit oder begründen:\n"
                              + "\n".join(ohne_grund))


def test_jede_ausnahme_steht_in_errors_und_heisst_fehler():
    falsch = []
    for pfad, _, baum in _module():
        for k in (n for n in ast.walk(baum) if isinstance(n, ast.ClassDef)):
            basen = {ast.unparse(b).split(".")[-1] for b in k.bases}
            ausnahme = any(b.endswith(("Fehler", "Error", "Exception")) for b in basen)
            if not ausnahme or k.name.startswith("_"):  # private control flow stays in its module
                continue
            if str(pfad) != "network/errors.py" or not k.name.endswith("Fehler"):
                falsch.append(f"{pfad}:{k.lineno} {k.name}")
    assert falsch == [], "Ausnahmen gehören nach network/errors.py und heißen <Sache>Fehler:\n" + "\n".join(falsch)
