"""Reading an HSDS dataset (tabular form or JSON) into flat rows per table, each with where it came from."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ...errors import Fehler, Validierungsfehler
from .katalog import TABELLEN


@dataclass
class _Zeile:
    """One flat HSDS row as read, with where it came from."""

    werte: dict
    datei: str
    zeile: int
    praefix: str = ""

    def ort(self, feld: str) -> tuple[str, int, str]:
        return self.datei, self.zeile, self.praefix + feld


class _Leser:
    """Reads the tabular or the JSON form into flat rows per table."""

    def __init__(self) -> None:
        self.t: dict[str, list[_Zeile]] = {n: [] for n in TABELLEN}
        self.gesehen: dict[tuple[str, str], _Zeile] = {}
        self.fehler: list[Fehler] = []
        self.hinweise: list[str] = []
        self.unbekannt: dict[str, set[str]] = {}

    def add(self, tabelle: str, zeile: _Zeile) -> _Zeile:
        rid = zeile.werte.get("id")
        if rid:
            alt = self.gesehen.get((tabelle, rid))
            if alt is not None:  # the same object again (e.g. a phone under the service and its contact)
                for k, v in zeile.werte.items():
                    if alt.werte.get(k) is None and v is not None:
                        alt.werte[k] = v
                return alt
            self.gesehen[(tabelle, rid)] = zeile
        self.t[tabelle].append(zeile)
        return zeile

    def extra(self, tabelle: str, namen) -> None:
        if namen:
            self.unbekannt.setdefault(tabelle, set()).update(namen)

    # tabular form
    def tabular(self, ordner: Path) -> None:
        pfade = {tab.pfad.lower(): name for name, tab in TABELLEN.items()}
        pfade.update({f"{name}.csv": name for name in TABELLEN})
        for f in sorted(ordner.iterdir()):
            if f.suffix.lower() != ".csv":
                if f.is_file() and f.name not in ("datapackage.json", "services.json") and not f.name.startswith("."):
                    self.hinweise.append(f"HSDS: {f.name} übersprungen (keine CSV-Datei des Formats).")
                continue
            name = pfade.get(f.name.lower())
            if name is None:
                self.hinweise.append(f"HSDS: {f.name} übersprungen: keine Tabelle von HSDS 3.0.")
                continue
            try:
                text = f.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError:
                self.fehler.append(Fehler(f"hsds:{name}", 0, "", f"{f.name} ist nicht UTF-8-kodiert."))
                continue
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if not rows:
                continue
            header = [h.strip() for h in rows[0]]
            bekannt = set(TABELLEN[name].spalten)
            self.extra(name, [h for h in header if h and h not in bekannt])
            nr = 0
            for row in rows[1:]:
                if not any(c.strip() for c in row):
                    continue
                nr += 1
                werte = {h: (row[j].strip() if j < len(row) and row[j].strip() != "" else None)
                         for j, h in enumerate(header) if h in bekannt}
                self.add(name, _Zeile(werte, f"hsds:{name}", nr))

    # JSON form
    def json(self, daten, quelle: str) -> None:
        if isinstance(daten, dict):
            for key in ("services", "contents", "items"):
                if isinstance(daten.get(key), list):
                    daten = daten[key]
                    break
            else:
                daten = [daten]
        if not isinstance(daten, list):
            self.fehler.append(Fehler(f"hsds:{quelle}", 0, "", "Erwartet wird eine Liste von Diensten (services)."))
            return
        for i, obj in enumerate(daten, start=1):
            if not isinstance(obj, dict):
                self.fehler.append(Fehler("hsds:service", i, "", "Kein Objekt."))
                continue
            self.objekt("service", obj, i, "", {})

    def objekt(self, tabelle: str, obj: dict, nr: int, praefix: str, eltern: dict) -> _Zeile:
        tab = TABELLEN[tabelle]
        bekannt = set(tab.spalten)
        werte = {}
        for k in tab.spalten:
            v = obj.get(k)
            werte[k] = None if v is None or v == "" else v
        for k, v in eltern.items():
            if k in bekannt and werte.get(k) is None:
                werte[k] = v
        self.extra(tabelle, [k for k in obj if k not in bekannt and k not in tab.kinder
                             and not (tabelle == "taxonomy_term" and k == "taxonomy_details")])
        zeile = self.add(tabelle, _Zeile(werte, "hsds:service", nr, praefix))
        rid = zeile.werte.get("id")
        for key, (kind, liste) in tab.kinder.items():
            key_obj = "taxonomy_details" if key == "taxonomy_detail" and key not in obj else key
            inhalt = obj.get(key_obj)
            if inhalt is None:
                continue
            elemente = inhalt if liste and isinstance(inhalt, list) else [inhalt]
            for j, el in enumerate(elemente):
                if not isinstance(el, dict):
                    continue
                pfad = f"{praefix}{key_obj}[{j}]." if liste else f"{praefix}{key_obj}."
                if kind == "attribute":
                    ev = {"link_id": rid, "link_entity": tabelle}
                elif kind == "metadata":
                    ev = {"resource_id": rid, "resource_type": tabelle}
                else:
                    ev = {f"{tabelle}_id": rid}
                kz = self.objekt(kind, el, nr, pfad, ev)
                rueck = f"{kind}_id" if kind != "taxonomy_term" or tabelle == "attribute" else None
                if not liste and rueck in bekannt and zeile.werte.get(rueck) is None:
                    zeile.werte[rueck] = kz.werte.get("id")  # a single nested object: the parent points at it
        return zeile


def _lesen(path: Path) -> _Leser:
    leser = _Leser()
    if not path.exists():
        raise Validierungsfehler([Fehler(str(path), 0, "", "Pfad nicht gefunden.")])
    if path.is_dir():
        hat_csv = any(f.suffix.lower() == ".csv" for f in path.iterdir())
        if hat_csv:
            leser.tabular(path)
            if (path / "services.json").exists():
                leser.hinweise.append("HSDS: services.json nicht gelesen – der Ordner enthält die Tabellenform, "
                                      "die gelesen wurde.")
        elif (path / "services.json").exists():
            _json_datei(leser, path / "services.json")
        else:
            raise Validierungsfehler([Fehler(path.name, 0, "", "Kein HSDS-Datensatz gefunden: erwartet werden "
                                                               "CSV-Dateien mit datapackage.json oder services.json.")])
    elif path.name.lower() == "datapackage.json":
        leser.tabular(path.parent)
    elif path.suffix.lower() == ".json":
        _json_datei(leser, path)
    else:
        raise Validierungsfehler([Fehler(path.name, 0, "", "Bitte einen HSDS-Ordner, eine datapackage.json oder "
                                                           "eine services.json angeben.")])
    return leser


def _json_datei(leser: _Leser, f: Path) -> None:
    try:
        daten = json.loads(f.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise Validierungsfehler([Fehler(f"hsds:{f.name}", 0, "", f"Kein gültiges JSON ({e}).")]) from None
    leser.json(daten, f.name)


def _text(v) -> str | None:
    if v is None:
        return None
    if isinstance(v, bool):
        return "ja" if v else "nein"
    if isinstance(v, float) and v.is_integer():
        return str(v)
    return str(v).strip() or None


def _zahl(v) -> float | None:
    if v is None or isinstance(v, bool):
        return None
    try:
        return float(str(v).replace(",", "."))
    except ValueError:
        return None

