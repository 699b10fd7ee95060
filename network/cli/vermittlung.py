"""The ``kita-netz vermittlung`` command: ``suchen``, ``erfassen``, ``luecke-melden``, ``zahlen`` and
``aufraeumen``.

Registered by :func:`registrieren` from ``network/cli/__init__.py``; the domain packages are imported only when a
command runs (CLI start-up, see :mod:`network.cli`).
Errors are raised as :class:`~network.errors.KitaNetzFehler` and printed by the main command as one German line.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

from ..errors import KitaNetzFehler

__all__ = ["registrieren"]


def _oeffnen(settings, read_only: bool):
    from ..store import open_store  # lazy: CLI start-up

    store = open_store(settings, read_only=read_only)
    for w in store.warnungen:
        print(f"Hinweis: {w}", file=sys.stderr)
    return store


def _km(km) -> str:
    from ..grund.format import km as km_de  # lazy: CLI start-up

    return "–" if km is None else km_de(km)


def cmd_suchen(args, settings) -> int:
    from ..vermittlung.suche import Anfrage, suchen  # lazy: CLI start-up

    if not args.kita and not args.gemeinde:
        raise KitaNetzFehler("Bitte --kita oder --gemeinde angeben.")
    with _oeffnen(settings, read_only=True) as store:
        daten = store.load()
    anfrage = Anfrage(themen=tuple(args.thema), kita_id=args.kita, gemeinde_id=args.gemeinde,
                      zielgruppen=tuple(args.zielgruppe or ()), sprachen=tuple(args.sprache or ()),
                      muss=frozenset(args.muss or ()), kostenlos=args.kostenlos, barrierefrei=args.barrierefrei,
                      aufsuchend=args.aufsuchend, max_km=args.max_km)
    e = suchen(daten, anfrage, args.stichtag)
    e.treffer = e.treffer[:args.anzahl]
    if args.format == "json":
        print(json.dumps(e.als_liste(), ensure_ascii=False, indent=2))
        if e.luecke:
            print(f"Hinweis: {e.luecke.text}", file=sys.stderr)
    else:
        sr = {s["id"]: s.get("name") for s in daten.sozialraeume}.get(e.sozialraum_id)
        print(f"Angebote für eine Familie aus {e.ort_name}" + (f" (Sozialraum {sr})" if sr else "")
              + f", Stand {e.stichtag}:")
        if not e.treffer:
            print("Kein passendes Angebot gefunden.")
        for t in e.treffer + e.alternativen:
            print(f"{t.rang:>3}. {t.name} [{t.angebot_id}] – {_km(t.km)}")
            print("     " + "; ".join(t.gruende))
        if e.luecke:
            print(f"Lücke im Angebot: {e.luecke.text}")
    if args.pdf:
        from ..vermittlung.handzettel import MAX_ANGEBOTE, handzettel  # lazy: CLI start-up

        ids = [t.angebot_id for t in e.treffer[:MAX_ANGEBOTE]]
        if not ids:
            raise KitaNetzFehler("Kein passendes Angebot – es wurde kein Handzettel erstellt.")
        ziel = Path(args.pdf)
        if not ziel.parent.is_dir():
            raise KitaNetzFehler(f"Den Ordner {ziel.parent} gibt es nicht; bitte einen vorhandenen Ordner angeben.")
        ziel.write_bytes(handzettel(daten, ids, kita_id=args.kita, blatt_sprache=args.blatt_sprache))
        wie = "1 Angebot" if len(ids) == 1 else f"{len(ids)} Angeboten"
        print(f"Handzettel mit {wie} gespeichert: {ziel}", file=sys.stderr)
    return 0


def cmd_erfassen(args, settings) -> int:
    from ..vermittlung.erfassung import Vermittlung, erfassen  # lazy: CLI start-up
    from ..zugang import KOMMANDOZEILE

    v = Vermittlung(monat=args.monat, kita_id=args.kita, angebot_id=args.angebot, thema_id=args.thema,
                    ergebnis=args.ergebnis, anzahl=args.anzahl)
    with _oeffnen(settings, read_only=False) as store:
        n = erfassen(store, v, wer=KOMMANDOZEILE)
    stand = "ist jetzt 1 Vermittlung" if n == 1 else f"sind jetzt {n} Vermittlungen"
    print(f"Vermittlung erfasst ({v.monat}, {v.ergebnis}). Für diese Kita, dieses Angebot und Thema {stand} "
          "gezählt. Über die Familie wurde nichts gespeichert.")
    return 0


def cmd_luecke_melden(args, settings) -> int:
    from ..vermittlung.bedarf import Bedarfsluecke, luecke_melden, sozialraum_der_kita  # lazy: CLI start-up
    from ..zugang import KOMMANDOZEILE

    with _oeffnen(settings, read_only=False) as store:
        sr = sozialraum_der_kita(store.load(), args.kita)
        b = Bedarfsluecke(monat=args.monat, sozialraum_id=sr, thema_id=args.thema)
        n = luecke_melden(store, b, wer=KOMMANDOZEILE)
    print(f"Lücke gemeldet ({b.monat}, Sozialraum {sr}, Thema {b.thema_id}; jetzt {n}). Gespeichert wurden nur "
          "Monat, Sozialraum und Thema – nicht die Kita und nichts über die Familie.")
    return 0


def cmd_aufraeumen(args, settings) -> int:
    from ..vermittlung.bedarf import aufraeumen  # lazy: CLI start-up

    with _oeffnen(settings, read_only=False) as store:
        r = aufraeumen(store, jahre=args.jahre)
    print(f"Aufgeräumt: {r['vermittlungen']} Vermittlungs-Zählungen und {r['bedarfsluecken']} gemeldete Lücken "
          f"aus Monaten vor {r['vor_monat']} gelöscht.")
    return 0


def cmd_zahlen(args, settings) -> int:
    from ..vermittlung.erfassung import vermittlungen  # lazy: CLI start-up
    from ..vermittlung.zahlen import kreuztabelle

    with _oeffnen(settings, read_only=True) as store:
        daten = store.load()
        rows = vermittlungen(store)
    t = kreuztabelle(rows, daten, args.zeilen, args.spalten, von_monat=_monat(args.von, "--von"),
                     bis_monat=_monat(args.bis, "--bis"))
    if args.format == "json":
        print(json.dumps(t.als_dict(), ensure_ascii=False, indent=2))
        return 0
    zeilen = t.als_zeilen() if t.zeilen else []
    if not zeilen:
        print("Noch keine Vermittlungen erfasst.")
        return 0
    if args.format == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(zeilen[0]), delimiter=";")
        w.writeheader()
        w.writerows(zeilen)
        print(buf.getvalue(), end="")
        return 0
    spalten = list(zeilen[0])
    breite = {s: max(len(s), *(len(str(z[s])) for z in zeilen)) for s in spalten}
    print("  ".join(s.ljust(breite[s]) for s in spalten))
    for z in zeilen:
        print("  ".join(str(z[s]).ljust(breite[s]) for s in spalten))
    print("„< 3“ = 1 oder 2 Vermittlungen; „x“ = gesperrt, damit kleine Zahlen nicht aus den Summen "
          "errechnet werden können (§ 64 Abs. 3 SGB VIII).")
    return 0


def _monat(text: str | None, was: str) -> str | None:
    if text is not None and not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", text):
        raise KitaNetzFehler(f"{was} „{text}“ ist kein Monat im Format JJJJ-MM.")
    return text


def registrieren(sub) -> None:
    """Add ``vermittlung`` with its subcommands to the main parser's subparsers."""
    from ..model import ERGEBNISSE  # lazy: CLI start-up
    from ..vermittlung.erfassung import AUFBEWAHRUNG_JAHRE
    from . import ganze_zahl, km_wert

    v = sub.add_parser("vermittlung", help="passende Angebote für eine Familie finden; Vermittlungen anonym zählen")
    vsub = v.add_subparsers(dest="vermittlung_befehl", required=True, metavar="AKTION")

    s = vsub.add_parser("suchen", help="passende Angebote finden, erklären und als Handzettel drucken")
    s.add_argument("--kita", help="Kennung der Kita (Ausgangspunkt)")
    s.add_argument("--gemeinde", help="oder: Kennung der Gemeinde (AGS)")
    s.add_argument("--thema", action="append", required=True, help="Thema (Kennung), mehrfach möglich")
    s.add_argument("--zielgruppe", action="append", help="gewünschte Zielgruppe, mehrfach möglich")
    s.add_argument("--sprache", action="append", help="gewünschte Sprache, z. B. Arabisch; mehrfach möglich")
    s.add_argument("--muss", action="append", choices=["sprache", "zielgruppe"],
                   help="Sprache bzw. Zielgruppe als Pflicht statt als Wunsch")
    s.add_argument("--kostenlos", action="store_true", help="nur kostenlose Angebote")
    s.add_argument("--barrierefrei", action="store_true", help="nur barrierefreie Angebote")
    s.add_argument("--aufsuchend", action="store_true", help="nur Angebote mit Hausbesuchen")
    s.add_argument("--max-km", type=km_wert, help="höchstens so viele km entfernt (Luftlinie, über 0 bis 1000)")
    s.add_argument("--stichtag", help="Datum JJJJ-MM-TT (sonst heute)")
    s.add_argument("--anzahl", type=ganze_zahl(1, 100, "Die Anzahl"), default=10,
                   help="höchstens so viele Ergebnisse, 1 bis 100 (Standard 10)")
    s.add_argument("--format", choices=["table", "json"], default="table")
    s.add_argument("--pdf", metavar="DATEI", help="Handzettel mit den ersten (bis zu 3) Angeboten speichern")
    s.add_argument("--blatt-sprache", choices=["de", "en", "ar", "tr", "uk", "ru"], default="de",
                   help="Sprache der Überschriften und festen Texte des Handzettels")
    s.set_defaults(func=cmd_suchen)

    s = vsub.add_parser("erfassen", help="eine Vermittlung anonym zählen (+1)")
    s.add_argument("--kita", required=True, help="Kennung der Kita")
    s.add_argument("--angebot", required=True, help="Kennung des Angebots")
    s.add_argument("--thema", required=True, help="Kennung des Themas")
    s.add_argument("--monat", required=True, help="Monat JJJJ-MM (ohne Tag)")
    s.add_argument("--ergebnis", choices=list(ERGEBNISSE), default=ERGEBNISSE[0])
    s.add_argument("--anzahl", type=int, default=1, help="wie viele Familien (Standard 1)")
    s.set_defaults(func=cmd_erfassen)

    s = vsub.add_parser("luecke-melden", help="kein passendes Angebot: als Lücke zählen (Monat, Sozialraum, Thema)")
    s.add_argument("--kita", required=True, help="Kennung der Kita (nur ihr Sozialraum wird gespeichert)")
    s.add_argument("--thema", required=True, help="Kennung des Themas")
    s.add_argument("--monat", required=True, help="Monat JJJJ-MM (ohne Tag)")
    s.set_defaults(func=cmd_luecke_melden)

    s = vsub.add_parser("aufraeumen", help="Zählungen und gemeldete Lücken löschen, die älter als die "
                                           "Aufbewahrungsfrist sind (monatlich ausführen)")
    s.add_argument("--jahre", type=int, default=AUFBEWAHRUNG_JAHRE,
                   help=f"Aufbewahrung in Jahren (Standard {AUFBEWAHRUNG_JAHRE}, siehe docs/datenschutz.md)")
    s.set_defaults(func=cmd_aufraeumen)

    s = vsub.add_parser("zahlen", help="Vermittlungen als geschützte Tabelle (kleine Zahlen verdeckt)")
    s.add_argument("--zeilen", choices=["sozialraum", "monat"], default="sozialraum")
    s.add_argument("--spalten", choices=["thema", "ergebnis"], default="thema")
    s.add_argument("--von", help="erster Monat JJJJ-MM")
    s.add_argument("--bis", help="letzter Monat JJJJ-MM")
    s.add_argument("--format", choices=["table", "csv", "json"], default="table")
    s.set_defaults(func=cmd_zahlen)
