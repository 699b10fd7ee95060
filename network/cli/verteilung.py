"""The ``kita-netz verteilung`` command: distribute the Sozialraumbudget and the staff hours.

Registered by :func:`registrieren` from ``network/cli/__init__.py``; heavy imports happen only when the command runs.
Errors are raised as :class:`~network.errors.KitaNetzFehler` and printed by the main command as one German line
(exit 1).

Example::

    kita-netz verteilung --budget 1670000 --stunden 7 --schritt 0.25 --szenario Standard --format json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

from ..errors import EingabeFehler, KitaNetzFehler

__all__ = ["registrieren", "cmd_verteilung"]


def cmd_verteilung(args, settings) -> int:
    from ..store import open_store  # lazy: CLI start-up
    from ..verteilung.bericht import als_csv, als_tabelle, excel_bytes, pdf_bytes
    from ..verteilung.szenario import lade
    from ..verteilung.verfahren import verteile

    with open_store(settings, read_only=True) as store:
        for w in store.warnungen:
            print(f"Hinweis: {w}", file=sys.stderr)
        szenario = lade(store, args.szenario)
        daten = store.load()
    v = verteile(daten, szenario.gewichte, args.budget, args.stunden, args.schritt,
                 minimum_budget=args.minimum_budget, minimum_stunden=args.minimum_stunden,
                 stichtag=_datum(args.stichtag) if args.stichtag else None, szenario=szenario.name)
    if args.bericht:
        ziel = Path(args.bericht)
        if not ziel.parent.is_dir():
            raise KitaNetzFehler(f"Den Ordner {ziel.parent} gibt es nicht; bitte einen vorhandenen Ordner angeben.")
        ziel.write_bytes(excel_bytes(v) if ziel.suffix.lower() == ".xlsx" else pdf_bytes(v))
        print(f"Bericht geschrieben: {ziel}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(v.als_dict(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(als_csv(v), end="")
    else:
        print(als_tabelle(v), end="")
    return 0


def _datum(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise KitaNetzFehler(f"„{text}“ ist kein gültiges Datum (JJJJ-MM-TT).") from None


#: Upper bounds of the command's amounts (far above a district's; they keep the arithmetic finite).
HOECHSTENS = {"budget": 10**10, "stunden": 100_000}


def betrag_lesen(text: str):
    """An amount typed on the command line, read as a person in Germany means it.

    German notation (``1.670.000``, ``1.670.000,50``, ``7,5``) through the one German reader
    (:func:`network.grund.format.zahl_lesen`); a plain decimal point is accepted only where it cannot be a
    thousands separator (``0.25``, ``7.5``). A single point before exactly three digits (``1.670``) could be
    either and is refused, so that „1.670“ never silently becomes 1,67.

    >>> betrag_lesen("1.670.000"), betrag_lesen("0.25"), betrag_lesen("7,5"), betrag_lesen("1670000")
    (Decimal('1670000'), Decimal('0.25'), Decimal('7.5'), Decimal('1670000'))
    >>> betrag_lesen("1.670")
    Traceback (most recent call last):
    ...
    network.errors.EingabeFehler: „1.670“ ist nicht eindeutig: bitte „1670“ (ohne Punkt) oder „1,67“ (mit Komma) schreiben.
    """
    from ..grund.format import zahl_lesen  # lazy: CLI start-up

    t = str(text).strip()
    if re.fullmatch(r"[+-]?\d+\.\d{3}", t):
        ganz, rest = t.split(".")
        komma = rest.rstrip("0") or "0"
        raise EingabeFehler(f"„{t}“ ist nicht eindeutig: bitte „{ganz}{rest}“ (ohne Punkt) oder „{ganz},{komma}“ "
                            "(mit Komma) schreiben.")
    if re.fullmatch(r"[+-]?\d+\.(\d{1,2}|\d{4,})", t):
        t = t.replace(".", ",")  # a decimal point where no thousands group can be meant
    return zahl_lesen(t)


def _bereich(was: str, hoechstens: int):
    """An argparse type: a finite, non-negative amount up to ``hoechstens``, read by :func:`betrag_lesen`; the
    number is passed on as plain text with a decimal point (the distribution parses it to the cent)."""
    def pruefe(text: str) -> str:
        try:
            d = betrag_lesen(text)
        except EingabeFehler as e:
            raise argparse.ArgumentTypeError(str(e)) from None
        if d < 0 or d > hoechstens:
            raise argparse.ArgumentTypeError(
                f"„{text}“ liegt nicht zwischen 0 und {hoechstens:,} {was}.".replace(",", "."))
        return str(d)

    return pruefe


def registrieren(sub) -> None:
    """Add the subcommand ``verteilung`` to the ``kita-netz`` parser."""
    euro, vzae = _bereich("Euro", HOECHSTENS["budget"]), _bereich("VZÄ", HOECHSTENS["stunden"])
    s = sub.add_parser("verteilung", help="Sozialraumbudget und Stellen nach dem Sozialraumkonzept verteilen",
                       description="Verteilt Budget (Euro, auf den Cent) und Stellen (Vollzeitäquivalente) nach "
                                   "dem gewichteten Index der Indikatoren; Rundung nach den größten Resten.")
    s.add_argument("--budget", required=True, type=euro, metavar="EUR",
                   help="zu verteilendes Budget in Euro (auf den Cent)")
    s.add_argument("--stunden", required=True, type=vzae, metavar="VZAE",
                   help="zu verteilende Stellen in Vollzeitäquivalenten")
    s.add_argument("--schritt", default="0.25", type=vzae, metavar="VZAE", help="Schritt der Stellen (Standard: 0.25)")
    s.add_argument("--szenario", default="Standard", metavar="NAME",
                   help="gespeichertes Gewichtungsszenario (Standard: die Kriterien des Kreises)")
    s.add_argument("--minimum-budget", default="0", type=euro, metavar="EUR", help="Mindestbetrag je Sozialraum")
    s.add_argument("--minimum-stunden", default="0", type=vzae, metavar="VZAE", help="Mindeststellen je Sozialraum")
    s.add_argument("--stichtag", metavar="JJJJ-MM-TT",
                   help="Indikatorwerte mit Stand bis zu diesem Tag (sonst die neuesten)")
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.add_argument("--bericht", metavar="DATEI", help="zusätzlich einen Bericht schreiben (.pdf oder .xlsx)")
    s.set_defaults(func=cmd_verteilung)

