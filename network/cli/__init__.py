"""The ``kita-netz`` command: thin, like the UI. Every error is one German line and a non-zero exit.

Exit codes: 0 success, 1 invalid input or a known problem (message on stderr), 2 unexpected error.

Imports: each command imports the domain packages it needs when it runs (marked "lazy: CLI start-up"), not at
the top of the module: ``kita-netz --help`` then takes about 0.1 s instead of 0.5 s with every package loaded
(measured on the development machine). The standard library and ``network.errors`` are imported at the top.
"""

from __future__ import annotations

import argparse
import errno
import getpass
import json
import math
import re
import sys
import time
from datetime import date
from pathlib import Path

from .. import __version__
from ..errors import AufrufFehler, KitaNetzFehler, ValidierungsFehler
from ..settings import Settings, load_settings

__all__ = ["main", "SEED_DIR", "km_wert", "ganze_zahl", "Parser", "pfad_fehler"]

#: The demo dataset shipped with the repository.
SEED_DIR = Path(__file__).resolve().parents[2] / "seed"


def _liste(text: str) -> str:
    """argparse's choice list (``'a', 'b'`` or ``a, b``) without quotes."""
    return ", ".join(x.strip().strip("'\"") for x in text.split(","))


#: argparse's English messages (Python 3.11–3.13) and their German sentence.
_ARGPARSE = [
    (r"argument (?P<arg>\S+): invalid choice: '?(?P<wert>.*?)'? \(choose from (?P<liste>.*)\)$",
     lambda m: (f"„{m['wert']}“ ist {_kein(m['arg'])}; erlaubt sind: {_liste(m['liste'])}.")),
    (r"argument (?P<arg>\S+): invalid (?P<typ>\w+) value: '(?P<wert>.*)'$",
     lambda m: f"„{m['wert']}“ ist für {_arg(m['arg'])} keine gültige "
               f"{'ganze Zahl' if m['typ'] == 'int' else 'Zahl' if m['typ'] == 'float' else 'Angabe'}."),
    (r"argument (?P<arg>\S+): expected one argument$", lambda m: f"{_arg(m['arg'])} braucht einen Wert."),
    (r"argument (?P<arg>\S+): expected at least one argument$",
     lambda m: f"{_arg(m['arg'])} braucht mindestens einen Wert."),
    (r"argument (?P<arg>\S+): not allowed with argument (?P<b>\S+)$",
     lambda m: f"{_arg(m['arg'])} und {_arg(m['b'])} schließen sich aus."),
    (r"the following arguments are required: (?P<liste>.*)$",
     lambda m: f"Es fehlt: {', '.join(_arg(a.strip()) for a in m['liste'].split(','))}."),
    (r"unrecognized arguments: (?P<liste>.*)$", lambda m: _unbekannt(m["liste"])),
    (r"ambiguous option: (?P<opt>\S+?)(=\S*)? could match (?P<liste>.*)$",
     lambda m: f"{m['opt']} ist nicht eindeutig; gemeint ist eine von: {m['liste']}."),
    (r"argument (?P<arg>\S+): (?P<text>.*)$", lambda m: f"{_arg(m['arg'])}: {m['text']}"),
]


def _unbekannt(liste: str) -> str:
    """Unknown options are named; other left-over values are not repeated (one might be a password)."""
    optionen = [t for t in liste.split() if t.startswith("-")]
    if len(optionen) == len(liste.split()):
        return f"Unbekannte Angabe: {' '.join(optionen)}."
    return ("Überzählige Angabe; sie wird nicht wiederholt, falls sie ein Passwort ist (Passwörter werden abgefragt "
            "oder mit --passwort-stdin gelesen).")


def _arg(name: str) -> str:
    return {"BEFEHL": "der Befehl", "AKTION": "die Aktion"}.get(name, name)


def _kein(name: str) -> str:
    return {"BEFEHL": "kein Befehl von kita-netz", "AKTION": "keine Aktion dieses Befehls"}.get(
        name, f"für {name} nicht erlaubt")


def deutsch_argparse(message: str) -> str:
    """argparse's English error as one German sentence.

    >>> deutsch_argparse("argument --store: invalid choice: 'x' (choose from 'embedded', 'neo4j')")
    '„x“ ist für --store nicht erlaubt; erlaubt sind: embedded, neo4j.'
    """
    for muster, satz in _ARGPARSE:
        m = re.match(muster, message)
        if m:
            text = satz(m)
            return text if text.endswith((".", "?")) else text + "."
    return "Der Aufruf ist ungültig; die möglichen Angaben zeigt „kita-netz --help“."


class _Hilfeformat(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """``argparse`` in German: headings, the help option and every error (raised as :class:`AufrufFehler`, so
    :func:`main` prints one German line and exits with 1)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Hilfeformat)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="diese Hilfe zeigen und beenden")

    def error(self, message):
        raise AufrufFehler(deutsch_argparse(message))


def km_wert(text: str) -> float:
    """An argparse type: a distance in km, finite, more than 0 and at most 1,000 (German decimal comma too).

    >>> km_wert("2,5")
    2.5
    """
    try:
        wert = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"„{text}“ ist keine Zahl (Kilometer, z. B. 15 oder 7,5).") from None
    if not math.isfinite(wert) or not 0 < wert <= 1000:
        raise argparse.ArgumentTypeError(f"„{text}“ liegt nicht zwischen 0 und 1000 km.")
    return wert


def ganze_zahl(mindestens: int, hoechstens: int, was: str = "Wert"):
    """An argparse type factory: a whole number between ``mindestens`` and ``hoechstens``."""

    def pruefe(text: str) -> int:
        try:
            wert = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"„{text}“ ist keine ganze Zahl.") from None
        if not mindestens <= wert <= hoechstens:
            raise argparse.ArgumentTypeError(f"{was} {wert} liegt nicht zwischen {mindestens} und {hoechstens}.")
        return wert

    return pruefe


def pfad_fehler(e: OSError) -> str:
    """A file-system error as one German sentence (never the English text of the operating system)."""
    pfad = e.filename if e.filename is not None else "?"
    if isinstance(e, FileNotFoundError):
        return f"Den Pfad {pfad} gibt es nicht (oder einen Ordner davor); bitte den Pfad prüfen."
    if isinstance(e, NotADirectoryError):
        return f"{pfad} kann kein Ordner sein, weil ein Teil des Pfads eine Datei ist."
    if isinstance(e, FileExistsError):
        return f"{pfad} ist eine Datei; hier wird ein Ordner gebraucht."
    if isinstance(e, IsADirectoryError):
        return f"{pfad} ist ein Ordner; bitte einen Dateinamen angeben."
    if isinstance(e, PermissionError):
        return f"Keine Berechtigung für {pfad}."
    if e.errno == errno.ENOSPC:
        return f"Auf dem Datenträger ist kein Platz mehr ({pfad})."
    if e.errno == errno.EROFS:
        return f"{pfad} liegt auf einem schreibgeschützten Datenträger."
    return f"Auf {pfad} kann nicht zugegriffen werden (Fehlernummer {e.errno})."


class _Fortschritt:
    """Progress on stderr: a live bar on a terminal; otherwise a line per 10 % and, so that a long step never
    looks stuck, at least every :attr:`TAKT` seconds with the step reached (``Schritt 12 von 800``)."""

    TAKT = 5.0

    def __init__(self, titel: str):
        self.titel = titel
        self.tty = sys.stderr.isatty()
        self.last = -1
        self.zuletzt = time.monotonic()

    def phase(self, text: str) -> None:
        """A line for a phase without steps (reading, checking)."""
        print(f"{self.titel}: {text}", file=sys.stderr, flush=True)
        self.zuletzt = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        pct = 100 * done // max(total, 1)
        step = pct if self.tty else pct // 10 * 10
        jetzt = time.monotonic()
        if step == self.last and (self.tty or jetzt - self.zuletzt < self.TAKT):
            return
        self.last, self.zuletzt = step, jetzt
        bar = "█" * (pct // 5) + "·" * (20 - pct // 5)
        end = "\n" if (not self.tty or done >= total) else ""
        print(f"\r{self.titel}: {bar} {pct:3d} % (Schritt {done} von {total})", end=end, file=sys.stderr,
              flush=True)


def _open(settings: Settings, read_only: bool = False):
    from ..store import open_store  # lazy: CLI start-up

    store = open_store(settings, read_only=read_only)
    store.version()  # a first read: finishes a recovery after a crash now, so its notice is printed here
    for w in store.warnungen:
        print(f"Hinweis: {w}", file=sys.stderr)
    return store


def _anzahl(n: int, einzahl: str, mehrzahl: str) -> str:
    """``1 Datei``, ``2 Dateien``, ``1.371 Zeilen`` (the one rule: :func:`network.grund.format.anzahl`)."""
    from ..grund.format import anzahl  # lazy: CLI start-up

    return anzahl(n, einzahl, mehrzahl)


def _aenderungen(bericht) -> list[str]:
    """One line per file: new, changed (with the columns that change) and unchanged rows."""
    zeilen = []
    for datei, a in bericht.aenderungen.items():
        felder = "; ".join(f"{rid}: {', '.join(f)}" for rid, f in list(a["felder"].items())[:20])
        mehr = len(a["felder"]) - 20
        felder += f"; … und {mehr} weitere" if mehr > 0 else ""
        zeilen.append(f"  {datei}: {a['neu']} neu, {a['geaendert']} geändert, {a['unveraendert']} unverändert"
                      + (f" ({felder})" if felder else ""))
    return zeilen


def _print_bericht(bericht, was: str) -> None:
    for h in bericht.hinweise:
        print(f"Hinweis: {h}", file=sys.stderr)
    for a in getattr(bericht, "abgelehnt", []):
        print(f"Abgelehnt: {a}", file=sys.stderr)
    teile = ", ".join(f"{n} {d}" for d, n in bericht.zeilen.items())
    zeilen = _anzahl(bericht.gesamt, "Zeile", "Zeilen")
    abgelehnt = len(getattr(bericht, "abgelehnt", []))
    rest = f" {_anzahl(abgelehnt, 'Datensatz', 'Datensätze')} abgelehnt (siehe oben)." if abgelehnt else ""
    if getattr(bericht, "unveraendert_seit", None) is not None:  # answered from the fingerprint (see Hinweis)
        print(f"{zeilen} unverändert ({teile}). Nichts wurde gespeichert.")
    elif bericht.dry_run:
        print(f"Probelauf: keine Fehler gefunden. Würde {zeilen} {was} ({teile}).{rest} Nichts wurde gespeichert.")
    else:
        print(f"{zeilen} {was} ({teile}).{rest}")
    for z in _aenderungen(bericht):
        print(z)


def cmd_seed(args, settings: Settings) -> int:
    from ..austausch import import_path  # lazy: CLI start-up
    from ..zugang import KOMMANDOZEILE

    with _open(settings) as store:
        if args.if_empty and not store.is_empty():
            print("Der Datenspeicher enthält schon Daten; die Demodaten werden nicht eingespielt.")
            return 0
        if args.reset:
            store.clear(wer=KOMMANDOZEILE.name)
        bericht = import_path(store, SEED_DIR, fortschritt=_Fortschritt("Demodaten"), wer=KOMMANDOZEILE)
    _print_bericht(bericht, "Demodaten (fiktiv) eingespielt")
    return 0


def _import_mit_phasen(store, pfad, dry_run: bool, fortschritt: _Fortschritt):
    """Read, check and write with a line per phase, so a large import shows real progress from the start.

    Ctrl-C stops it at any point; the write transaction is rolled back, nothing is saved."""
    from ..austausch import eingang_pfad, import_eingang  # lazy: CLI start-up
    from ..zugang import KOMMANDOZEILE
    from ..zugang.rollen import verlange

    verlange(KOMMANDOZEILE, "daten:schreiben")
    fortschritt.phase(f"Dateien werden gelesen ({pfad}) …")
    weiter = "" if dry_run else (" und dann geschrieben (gespeichert wird erst am Ende; Strg+C bricht ohne "
                                 "Änderung ab)")

    def gelesen(roh) -> None:
        zeilen = sum(len(t.zeilen) for t in roh.tabellen.values())
        fortschritt.phase(f"{_anzahl(zeilen, 'Zeile', 'Zeilen')} in {_anzahl(len(roh.tabellen), 'Datei', 'Dateien')} "
                          f"gelesen; sie werden geprüft{weiter} …")

    # files unchanged since the last import, and the store too: the answer comes without reading them
    return import_eingang(store, eingang_pfad(pfad), dry_run, None if dry_run else fortschritt, wer=KOMMANDOZEILE,
                          gelesen=gelesen)


def cmd_import(args, settings: Settings) -> int:
    from ..austausch import import_hsds_store  # lazy: CLI start-up
    from ..zugang import KOMMANDOZEILE

    with _open(settings) as store:
        if getattr(args, "format", "csv") == "hsds":
            bericht = import_hsds_store(store, args.path, dry_run=args.dry_run, fortschritt=_Fortschritt("Import"),
                                        teilweise=args.teilweise, wer=KOMMANDOZEILE)
        else:
            if args.teilweise:
                raise KitaNetzFehler("--teilweise gilt nur für --format hsds.")
            bericht = _import_mit_phasen(store, args.path, args.dry_run, _Fortschritt("Import"))
    _print_bericht(bericht, "importiert")
    return 0


def cmd_export(args, settings: Settings) -> int:
    from ..austausch import export_dir, export_xlsx  # lazy: CLI start-up

    if args.format in ("csv", "xlsx") and (args.stichtag or args.sozialraum or args.hsds_form):
        raise KitaNetzFehler("--stichtag, --sozialraum und --hsds-form gelten nur für --format hsds, gexf, graphml "
                            "oder kumu.")
    if args.format != "hsds" and args.hsds_form:
        raise KitaNetzFehler("--hsds-form gilt nur für --format hsds.")
    if args.format == "hsds" and args.sozialraum:
        raise KitaNetzFehler("--sozialraum gilt nicht für HSDS: exportiert wird das ganze Verzeichnis.")
    with _open(settings, read_only=True) as store:
        daten = store.load()
    if args.format in ("gexf", "graphml", "kumu", "kumu-xlsx"):
        from ..austausch import export_netz  # lazy: CLI start-up

        ziel = export_netz(daten, args.ziel, args.format, args.stichtag, args.sozialraum)
        print(f"Kooperationsnetz ({args.format}) exportiert nach {ziel}.")
        return 0
    if args.format == "hsds":
        from ..austausch import export_hsds  # lazy: CLI start-up

        hinweise: list[str] = []
        pfade = export_hsds(daten, args.ziel, args.hsds_form or "both", args.stichtag, hinweise)
        for h in hinweise:
            print(f"Hinweis: {h}", file=sys.stderr)
        print(f"HSDS 3.0 exportiert nach {args.ziel} ({_anzahl(len(daten.angebote), 'Angebot', 'Angebote')}, "
              f"{_anzahl(len(pfade), 'Datei', 'Dateien')}). "
              "Kitas und Kooperationen gehören nicht zu HSDS.")
        return 0
    if args.format == "xlsx":
        target = Path(args.ziel)
        if target.suffix.lower() != ".xlsx":
            target = target / "kita-netzwerk.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        export_xlsx(daten, target)
        print(f"Exportiert nach {target} ({_anzahl(daten.anzahl(), 'Zeile', 'Zeilen')}).")
    else:
        pfade = export_dir(daten, args.ziel)
        print(f"Exportiert nach {args.ziel} ({_anzahl(daten.anzahl(), 'Zeile', 'Zeilen')} in "
              f"{_anzahl(len(pfade), 'Datei', 'Dateien')}).")
    return 0


def cmd_stats(args, settings: Settings) -> int:
    with _open(settings, read_only=True) as store:
        counts = store.counts()
    if args.format == "json":
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return 0
    width = max(len(k) for part in counts.values() for k in part)
    print("Knoten")
    for k, v in counts["nodes"].items():
        print(f"  {k:<{width}}  {v:>7}")
    print("Beziehungen")
    for k, v in counts["relationships"].items():
        print(f"  {k:<{width}}  {v:>7}")
    return 0


def _passwort_lesen(args) -> str:
    """A password from standard input (``--passwort-stdin``) or a prompt; never from an argument."""
    if args.passwort_stdin:
        return sys.stdin.readline().rstrip("\n")
    erstes = getpass.getpass("Neues Passwort: ")
    if getpass.getpass("Passwort wiederholen: ") != erstes:
        raise KitaNetzFehler("Die beiden Passwörter stimmen nicht überein.")
    return erstes


def cmd_nutzer(args, settings: Settings) -> int:
    from ..zugang import KOMMANDOZEILE, konten  # lazy: CLI start-up

    with _open(settings, read_only=args.aktion == "list") as store:
        if args.aktion == "list":
            for k in konten.liste(store, KOMMANDOZEILE):
                status = "aktiv" if k.aktiv else "deaktiviert"
                if k.gesperrt_bis:
                    status += f", gesperrt bis {k.gesperrt_bis}"
                fk = f", Fachkraft {k.fachkraft_id}" if k.fachkraft_id else ""
                print(f"{k.name:<24} {k.rolle:<13} {status}{fk}")
            return 0
        if not args.name:
            raise KitaNetzFehler("Bitte den Benutzernamen angeben.")
        if args.aktion == "add":
            if not args.rolle:
                raise KitaNetzFehler("Bitte die Rolle angeben: --rolle fachkraft oder --rolle koordination.")
            konten.lege_an(store, args.name, args.rolle, _passwort_lesen(args), KOMMANDOZEILE, args.fachkraft)
            print(f"Benutzer „{args.name}“ ({args.rolle}) angelegt.")
        elif args.aktion == "disable":
            konten.deaktiviere(store, args.name, KOMMANDOZEILE)
            print(f"Benutzer „{args.name}“ deaktiviert.")
        else:
            konten.setze_passwort(store, args.name, _passwort_lesen(args), KOMMANDOZEILE)
            print(f"Passwort für „{args.name}“ geändert.")
    return 0


def cmd_analyse(args, settings: Settings) -> int:
    # wachstum and als_csv bring pandas (about 0.8 s to import): only the branch that needs them imports them.
    from ..analyse import analyse  # lazy: CLI start-up

    with _open(settings, read_only=True) as store:
        daten = store.load()
    max_km = args.max_km if args.max_km is not None else settings.max_km
    if args.growth:
        from ..analyse import wachstum  # lazy: CLI start-up

        tabelle = wachstum(daten, max_km=max_km)
        if args.format == "json":
            print(tabelle.to_json(orient="records", force_ascii=False, indent=2))
        else:  # csv (also for "table": a time series reads best as a table of rows)
            print(tabelle.to_csv(index=False), end="")
        return 0
    bericht = analyse(daten, stichtag=args.stichtag, sozialraum=args.sozialraum, max_km=max_km)
    if args.format == "json":
        print(json.dumps(bericht, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        from ..analyse import als_csv  # lazy: CLI start-up

        print(als_csv(bericht), end="")
    else:
        _analyse_tabelle(bericht)
    return 0


def _analyse_tabelle(bericht: dict) -> None:
    themen = bericht.get("themen", {})
    print(f"Stichtag {bericht['stichtag']}")
    for sr in bericht["sozialraeume"]:
        lu = sr["luecken"]
        print(f"\n{sr['name']} ({sr['id']}): {sr['kitas']} Kitas, {sr['angebote']} Angebote, "
              f"{sr['kooperationen']} Kooperationen, Dichte {sr['dichte']:.3f}, {sr['komponenten']} Komponenten")
        print("  Zentrale Akteure: " + "; ".join(
            f"{h['name']} ({h['typ']}, Grad {h['degree']}, Betweenness {h['betweenness']:.3f})" for h in sr["hubs"]))
        print(f"  Themen ohne Angebot: {', '.join(themen.get(t, t) for t in lu['themen_ohne_angebot']) or '–'}")
        print(f"  Kitas ohne Kooperation: {', '.join(lu['kitas_ohne_kooperation']) or '–'}")
        print(f"  Kitas ohne Beratung: {', '.join(lu['kitas_ohne_beratung']) or '–'}")
        print(f"  Zu weit entfernt (> {bericht.get('max_km', '')} km): {len(lu['entfernung'])}")
        print(f"  Einzige Verbindung: {len(lu['einzige_verbindung'])}; "
              f"Teilnetze ohne Beratung: {len(lu['komponenten_ohne_beratung'])}")
        for e in sr["empfehlungen"][:5]:
            print(f"  Empfehlung: {e['kita_id']} → {e['angebot_id']}: {e['grund']}")


def cmd_pruefen(args, settings: Settings) -> int:
    from ..frische import faellige  # lazy: CLI start-up

    monate = args.aelter_als or settings.pruef_monate
    with _open(settings, read_only=True) as store:
        daten = store.load()
    liste = faellige(daten, date.today(), monate)
    if args.format == "json":
        print(json.dumps([f.__dict__ for f in liste], ensure_ascii=False, indent=2))
        return 0
    namen = {s["id"]: s["name"] for s in daten.sozialraeume}
    print(f"{len(liste)} Einträge sind seit mehr als {monate} Monaten nicht geprüft worden.")
    aktuell = object()
    for f in liste:
        if f.sozialraum_id != aktuell:
            aktuell = f.sozialraum_id
            print(f"\n{namen.get(f.sozialraum_id, 'ohne Standort (kreisweit)')}")
        wann = f"zuletzt {f.geprueft_am} ({f.geprueft_von or 'unbekannt'})" if f.geprueft_am else "nie geprüft"
        print(f"  {f.art:<8} {f.id:<12} {f.name}  –  {wann}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="kita-netz",
        description="Kooperationsnetzwerk der Kita-Sozialarbeit im Rhein-Hunsrück-Kreis.")
    p.add_argument("--version", action="version", version=f"kita-netz {__version__}",
                   help="die Version zeigen und beenden")
    p.add_argument("--store", choices=["embedded", "neo4j"], help="Speicher (sonst KITANETZ_STORE)")
    p.add_argument("--data-dir", help="Ordner des eingebetteten Speichers (sonst KITANETZ_DATA_DIR)")
    sub = p.add_subparsers(dest="befehl", required=True, metavar="BEFEHL")

    s = sub.add_parser("seed", help="Demodaten (fiktiv) einspielen")
    s.add_argument("--reset", action="store_true", help="vorher alle Daten löschen")
    s.add_argument("--if-empty", action="store_true", help="nur wenn der Speicher leer ist")
    s.set_defaults(func=cmd_seed)

    s = sub.add_parser("import", help="CSV-Ordner, Excel-Datei oder HSDS-Datensatz importieren")
    s.add_argument("path", metavar="PFAD", help="Ordner mit CSV-Dateien, eine .csv- oder .xlsx-Datei")
    s.add_argument("--dry-run", action="store_true", help="nur prüfen, nichts speichern")
    s.add_argument("--format", choices=["csv", "hsds"], default="csv",
                   help="csv: Importformat (CSV/Excel, Standard); hsds: Open-Referral-HSDS-3-Datensatz (Ordner, "
                        "datapackage.json oder services.json) – übernimmt Angebote")
    s.add_argument("--teilweise", action="store_true",
                   help="nur bei hsds: die gültigen Dienste übernehmen und die abgelehnten mit Grund auflisten "
                        "(sonst alles oder nichts)")
    s.set_defaults(func=cmd_import)

    s = sub.add_parser("export", help="Daten exportieren: Importformat, HSDS oder Kooperationsnetz (GEXF, GraphML, "
                                      "Kumu)")
    s.add_argument("ziel", metavar="ZIEL", help="Zielordner (CSV, hsds) oder Datei (.xlsx, .gexf, .graphml, .json für kumu)")
    s.add_argument("--format", choices=["csv", "xlsx", "hsds", "gexf", "graphml", "kumu", "kumu-xlsx"],
                   default="csv",
                   help="hsds: Angebote als Open Referral HSDS 3.0; gexf/graphml/kumu/kumu-xlsx: das Kooperationsnetz "
                        "für Gephi, yEd, Kumu u. a. (kumu-xlsx: Tabelle mit den Blättern Elements und Connections)")
    s.add_argument("--hsds-form", choices=["tabular", "json"],
                   help="bei hsds: nur Tabellenform (CSV + datapackage.json) oder nur services.json (sonst beide)")
    s.add_argument("--stichtag", help="bei gexf/graphml/kumu: das Netz an diesem Tag (JJJJ-MM-TT; sonst alle "
                                      "Kooperationen); bei hsds: Stand für den Status der Angebote")
    s.add_argument("--sozialraum", help="bei gexf/graphml/kumu: nur das Netz dieses Sozialraums (Kennung)")
    s.set_defaults(func=cmd_export)

    s = sub.add_parser("stats", help="Anzahl der Knoten und Beziehungen")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=cmd_stats)

    s = sub.add_parser("analyse", help="Zentrale Akteure, Lücken und Empfehlungen je Sozialraum")
    s.add_argument("--sozialraum", metavar="ID", help="nur dieser Sozialraum")
    s.add_argument("--stichtag", metavar="JJJJ-MM-TT", help="das Netzwerk an diesem Tag (sonst heute)")
    s.add_argument("--max-km", type=km_wert, metavar="N",
                   help="Entfernung für die Lücke „zu weit“ in km, über 0 bis 1000 (sonst KITANETZ_MAX_KM)")
    s.add_argument("--growth", action="store_true", help="Zeitreihe je Quartal seit der ersten Kooperation")
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.set_defaults(func=cmd_analyse)

    s = sub.add_parser("pruefen", help="Einträge, deren Prüfung fällig ist")
    s.add_argument("--aelter-als", type=ganze_zahl(1, 1200, "Die Zahl der Monate"), metavar="MONATE",
                   help="Monate, 1 bis 1200 (sonst KITANETZ_PRUEF_MONATE)")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.set_defaults(func=cmd_pruefen)

    s = sub.add_parser("nutzer", help="Benutzerkonten verwalten (add, list, disable, passwort)")
    s.add_argument("aktion", choices=["add", "list", "disable", "passwort"])
    s.add_argument("name", nargs="?", help="Benutzername (Kleinbuchstaben, z. B. anna.beispiel)")
    s.add_argument("--rolle", choices=["fachkraft", "koordination"])
    s.add_argument("--fachkraft", help="bei Rolle fachkraft: Kennung der Fachkraft (z. B. fk-01)")
    s.add_argument("--passwort-stdin", action="store_true", help="Passwort von der Standardeingabe lesen")
    s.set_defaults(func=cmd_nutzer)

    from .vermittlung import registrieren as vermittlung_befehle  # lazy: it imports helpers from here

    vermittlung_befehle(sub)

    from .verteilung import registrieren as verteilung_befehle  # lazy: it imports helpers from here

    verteilung_befehle(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except AufrufFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 1
    try:
        settings = load_settings().mit(store=args.store, data_dir=args.data_dir)
        return args.func(args, settings)
    except ValidierungsFehler as e:
        for f in e.fehler:
            print(f"Fehler: {f}", file=sys.stderr)
        print(str(e), file=sys.stderr)
        return 1
    except KitaNetzFehler as e:
        print(f"Fehler: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Abgebrochen; eine begonnene Speicherung wurde vollständig zurückgenommen.", file=sys.stderr)
        return 130
    except OSError as e:
        print(f"Fehler: {pfad_fehler(e)}", file=sys.stderr)
        return 1
    except Exception as e:  # the last line of defence: one German line, never a traceback or English text
        if type(e).__module__.split(".")[0] == "neo4j":
            print("Fehler: Der Neo4j-Server hat die Anfrage abgelehnt oder ist nicht erreichbar; bitte NEO4J_URI, "
                  "NEO4J_USER und NEO4J_PASSWORD prüfen.", file=sys.stderr)
            return 1
        print("Fehler: Ein unerwarteter Fehler ist aufgetreten; bitte die Administration informieren.",
              file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
