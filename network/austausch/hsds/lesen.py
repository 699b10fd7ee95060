"""Reading an HSDS dataset (tabular form or JSON) into flat rows per table, each with where it came from."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import Befund, ValidierungsFehler
from .katalog import TABELLEN

#: Fields that only link rows (never data): not named in the notice when unused.
VERKNUEPFUNG = {f"{n}_id" for n in TABELLEN} | {"id", "link_id", "link_type", "link_entity", "resource_id",
                                                 "resource_type", "parent_id"}

#: The JSON shapes of HSDS 3 that carry no service, by what they hold (refused by name).
OHNE_DIENSTE = {
    "organization": "Organisationen ohne Dienste (organization_list oder organization ohne services)",
    "location": "einen Ort ohne Dienst (location)",
    "taxonomy": "eine Taxonomie (taxonomy/taxonomy_list)",
    "taxonomy_term": "Begriffe einer Taxonomie (taxonomy_term/taxonomy_term_list)",
    "base": "die Beschreibung einer HSDS-Schnittstelle (base.json)",
}

_ORG_FELDER = ("website", "tax_status", "tax_id", "legal_status", "year_incorporated", "organization_identifiers",
               "parent_organization_id", "logo", "services", "programs")


def objektart(obj: dict) -> str:
    """Which HSDS object a JSON object is: service, service_at_location, organization, location, taxonomy,
    taxonomy_term, base or ``""`` (unknown).

    >>> objektart({"id": "x", "service": {}, "location": {}}), objektart({"id": "x", "name": "A", "status": "active"})
    ('service_at_location', 'service')
    """
    if "openapi_url" in obj:
        return "base"
    if ("service" in obj or "location" in obj) and "name" not in obj:
        return "service_at_location"
    if any(k in obj for k in ("status", "service_at_locations", "organization", "organization_id", "program")):
        return "service"
    if "location_type" in obj:
        return "location"
    if "taxonomy_detail" in obj or "parent_id" in obj or ("code" in obj and "taxonomy" in obj):
        return "taxonomy_term"
    if any(k in obj for k in _ORG_FELDER):
        return "organization"
    if "version" in obj and "name" in obj:
        return "taxonomy"
    return "service" if "name" in obj else ""


@dataclass
class _Zeile:
    """One flat HSDS row as read, with where it came from and which of its fields the mapping used."""

    werte: dict
    datei: str
    zeile: int
    praefix: str = ""
    genutzt: set = field(default_factory=set)

    def ort(self, feld: str) -> tuple[str, int, str]:
        return self.datei, self.zeile, self.praefix + feld

    def nutze(self, *felder: str) -> None:
        self.genutzt.update(felder)


class _Leser:
    """Reads the tabular or the JSON form into flat rows per table.

    ``fehler_je_dienst[n]`` holds the errors of service ``n`` (its place in the dataset); ``fehler`` the errors
    that concern the whole dataset.
    """

    def __init__(self) -> None:
        self.t: dict[str, list[_Zeile]] = {n: [] for n in TABELLEN}
        self.gesehen: dict[tuple[str, str], _Zeile] = {}
        self.fehler: list[Befund] = []
        self.fehler_je_dienst: dict[int, list[Befund]] = {}
        self.hinweise: list[str] = []
        self.unbekannt: dict[str, set[str]] = {}
        self.dienstnamen: dict[int, str] = {}
        self.form = ""

    def fehler_an(self, nr: int | None, f: Befund) -> None:
        if nr is None:
            self.fehler.append(f)
        else:
            self.fehler_je_dienst.setdefault(nr, []).append(f)

    def add(self, tabelle: str, zeile: _Zeile, eindeutig: bool = False, nr: int | None = None) -> _Zeile | None:
        """Add a row; the same id again is the same object (JSON), or – with ``eindeutig`` – an error."""
        rid = zeile.werte.get("id")
        if rid:
            alt = self.gesehen.get((tabelle, rid))
            if alt is not None and eindeutig:
                self.fehler_an(nr, Befund(*zeile.ort("id"), f"Die Kennung „{rid}“ kommt in {tabelle} mehrfach vor "
                                                            f"(zuerst {alt.datei}, Zeile {alt.zeile}). Der doppelte "
                                                            "Datensatz wird nicht übernommen."))
                return None
            if alt is not None:  # the same object again (e.g. a phone under the service and its contact)
                self.zusammenfuehren(tabelle, alt, zeile, nr)
                return alt
            self.gesehen[(tabelle, rid)] = zeile
        self.t[tabelle].append(zeile)
        return zeile

    def zusammenfuehren(self, tabelle: str, alt: _Zeile, zeile: _Zeile, nr: int | None) -> None:
        """The same id again: fill what the first occurrence left empty; a different value is an error (the id
        stands for two different objects, and one of them would be lost)."""
        for k, v in zeile.werte.items():
            if v is None:
                continue
            if alt.werte.get(k) is None:
                alt.werte[k] = v
            elif alt.werte[k] != v and k not in VERKNUEPFUNG:
                self.fehler_an(nr, Befund(*zeile.ort(k), f"Die Kennung „{zeile.werte['id']}“ steht in {tabelle} schon "
                                                         f"für ein anderes Objekt: dort ({alt.datei}, Zeile "
                                                         f"{alt.zeile}, Spalte „{alt.praefix}{k}“) „{alt.werte[k]}“, "
                                                         f"hier „{v}“."))
                return

    def extra(self, tabelle: str, namen) -> None:
        if namen:
            self.unbekannt.setdefault(tabelle, set()).update(namen)

    # tabular form
    def tabular(self, ordner: Path) -> None:
        self.form = "tabular"
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
                self.fehler.append(Befund(f"hsds:{name}", 0, "", f"{f.name} ist nicht UTF-8-kodiert."))
                continue
            rows = list(csv.reader(io.StringIO(text, newline="")))
            if rows:
                self.tabelle(name, [h.strip() for h in rows[0]], rows[1:])

    def tabelle(self, name: str, header: list[str], rows: list[list]) -> None:
        """The rows of one table of the tabular form (from CSV or ``tabular.json``); ids must be unique."""
        bekannt = set(TABELLEN[name].spalten)
        self.extra(name, [h for h in header if h and h not in bekannt])
        nr = 0
        for row in rows:
            zellen = [("" if c is None or isinstance(c, (list, dict)) else str(c)).strip() for c in row]
            if not any(zellen) and not any(isinstance(c, (list, dict)) for c in row):
                continue
            nr += 1
            for j, c in enumerate(row):  # tabular.json: a list or object where one cell value belongs
                if isinstance(c, (list, dict)) and j < len(header):
                    self.fehler_an(nr if name == "service" else None,
                                   Befund(f"hsds:{name}", nr, header[j], "Erwartet wird ein einzelner Wert (Text "
                                                                        "oder Zahl), nicht eine Liste oder ein "
                                                                        "Objekt."))
            werte = {h: (zellen[j] if j < len(zellen) and zellen[j] != "" else None)
                     for j, h in enumerate(header) if h in bekannt}
            if name == "service":
                self.dienstnamen[nr] = str(werte.get("name") or werte.get("id") or f"Dienst {nr}")
            self.add(name, _Zeile(werte, f"hsds:{name}", nr), eindeutig=True, nr=nr if name == "service" else None)

    def tabular_json(self, daten: dict, quelle: str) -> None:
        """``tabular.json``: one key per CSV file, each a list of flat rows."""
        self.form = "tabular"
        pfade = {tab.pfad: name for name, tab in TABELLEN.items()}
        for datei, rows in daten.items():
            name = pfade.get(datei)
            if name is None or not isinstance(rows, list):
                self.hinweise.append(f"HSDS: {quelle}: „{datei}“ übersprungen: keine Tabelle von HSDS 3.0.")
                continue
            header = list(dict.fromkeys(k for r in rows if isinstance(r, dict) for k in r))
            self.tabelle(name, header, [[r.get(h) for h in header] if isinstance(r, dict) else [] for r in rows])

    # JSON form
    def json(self, daten, quelle: str) -> None:
        """Any documented JSON shape of HSDS 3: a service, a list or page of services or of services at locations,
        an organization with its services, ``tabular.json``; shapes without services are refused by name."""
        self.form = "json"
        if isinstance(daten, dict) and daten and all(str(k).endswith(".csv") for k in daten):
            return self.tabular_json(daten, quelle)
        orgs: list[dict] = []
        if isinstance(daten, dict) and isinstance(daten.get("contents"), list):
            daten = daten["contents"]
        elif isinstance(daten, dict) and isinstance(daten.get("services"), list) and objektart(daten) != "service":
            if any(k in daten for k in ("id", "name")):  # organization_full: its services belong to it
                orgs = [daten]
            daten = daten["services"]
        elif isinstance(daten, dict):
            daten = [daten]
        if not isinstance(daten, list):
            self.fehler.append(Befund(f"hsds:{quelle}", 0, "", "Erwartet wird ein Dienst (service), eine Liste "
                                                              "oder Seite von Diensten oder eine Organisation mit "
                                                              "Diensten."))
            return
        self.dienste(self.sortieren(daten, quelle, orgs), quelle)

    def sortieren(self, daten: list, quelle: str, orgs: list[dict]) -> list[tuple[int, object]]:
        """Services (with their organization) and services at locations grouped by service; other shapes refused."""
        org = {k: v for k, v in orgs[0].items() if k != "services"} if orgs else None
        dienste: list[tuple[int, object]] = []
        je_id: dict[str, dict] = {}
        arten = set()
        for i, obj in enumerate(daten, start=1):
            art = objektart(obj) if isinstance(obj, dict) else ""
            if art == "organization" and isinstance(obj.get("services"), list):
                o = {k: v for k, v in obj.items() if k != "services"}
                dienste += [(i, {**s, "organization": s.get("organization") or o}) if isinstance(s, dict) else (i, s)
                            for s in obj["services"]]
            elif art == "service_at_location" and isinstance(obj.get("service"), dict):
                s = obj["service"]
                sal = {k: v for k, v in obj.items() if k != "service"}
                sid = s.get("id") if isinstance(s.get("id"), str) else None
                if sid and sid in je_id:
                    je_id[sid].setdefault("service_at_locations", []).append(sal)
                    continue
                neu = {**s, "service_at_locations": list(s.get("service_at_locations") or []) + [sal]}
                if sid:
                    je_id[sid] = neu
                dienste.append((i, neu))
            elif art in OHNE_DIENSTE:
                arten.add(art)
            else:
                if org is not None and isinstance(obj, dict) and not obj.get("organization"):
                    obj = {**obj, "organization": org}
                dienste.append((i, obj))
        if arten and not dienste:
            was = "; ".join(OHNE_DIENSTE[a] for a in sorted(arten))
            self.fehler.append(Befund(f"hsds:{quelle}", 0, "", f"Die Datei enthält keine Dienste, sondern {was}. "
                                                              "Importiert werden Dienste (services)."))
        elif arten:
            self.hinweise.append(f"HSDS: {quelle}: {sum(1 for _ in arten)} Art(en) von Einträgen ohne Dienst nicht "
                                 f"übernommen: {'; '.join(OHNE_DIENSTE[a] for a in sorted(arten))}.")
        return dienste

    def dienste(self, dienste: list[tuple[int, object]], quelle: str) -> None:
        for nr, (_, obj) in enumerate(dienste, start=1):
            if not isinstance(obj, dict):
                self.fehler_an(nr, Befund("hsds:service", nr, "", "Kein Objekt – erwartet wird ein Dienst."))
                continue
            name = obj.get("name") or obj.get("id")
            self.dienstnamen[nr] = str(name) if isinstance(name, (str, int)) else f"Dienst {nr}"
            self.objekt("service", obj, nr, "", {}, oben=True)

    def werte(self, tabelle: str, obj: dict, nr: int, praefix: str) -> dict:
        """The scalar fields of ``obj``; a list or object where a single value belongs is an error."""
        werte = {}
        for k in TABELLEN[tabelle].spalten:
            v = obj.get(k)
            if isinstance(v, (list, dict)):
                art = "eine Liste" if isinstance(v, list) else "ein Objekt"
                self.fehler_an(nr, Befund("hsds:service", nr, praefix + k, f"Erwartet wird ein einzelner Wert (Text "
                                                                           f"oder Zahl), nicht {art}."))
                v = None
            werte[k] = None if v is None or v == "" else v
        return werte

    def objekt(self, tabelle: str, obj: dict, nr: int, praefix: str, eltern: dict, oben: bool = False) -> _Zeile:
        tab = TABELLEN[tabelle]
        bekannt = set(tab.spalten)
        werte = self.werte(tabelle, obj, nr, praefix)
        for k, v in eltern.items():  # nested: the parent it sits in is what an attribute links to
            if k in bekannt and (werte.get(k) is None or k in ("link_id", "link_entity")):
                werte[k] = v
        self.extra(tabelle, [k for k in obj if k not in bekannt and k not in tab.kinder
                             and not (tabelle == "taxonomy_term" and k == "taxonomy_details")])
        zeile = self.add(tabelle, _Zeile(werte, "hsds:service", nr, praefix), eindeutig=oben, nr=nr)
        if zeile is None:
            return _Zeile(werte, "hsds:service", nr, praefix)
        for key, (kind, liste) in tab.kinder.items():
            self.kinder(zeile, tabelle, obj, key, kind, liste, nr, praefix)
        return zeile

    def kinder(self, zeile: _Zeile, tabelle: str, obj: dict, key: str, kind: str, liste: bool, nr: int,
               praefix: str) -> None:
        """The nested objects under ``key`` (``nr``/``praefix``: where this occurrence of the parent is)."""
        key_obj = "taxonomy_details" if key == "taxonomy_detail" and key not in obj else key
        inhalt = obj.get(key_obj)
        if inhalt is None:
            return
        rid = zeile.werte.get("id")
        elemente = inhalt if liste and isinstance(inhalt, list) else [inhalt]
        for j, el in enumerate(elemente):
            pfad = f"{praefix}{key_obj}[{j}]." if liste else f"{praefix}{key_obj}."
            if not isinstance(el, dict):
                self.fehler_an(nr, Befund("hsds:service", nr, pfad.rstrip("."), "Erwartet wird ein Objekt."))
                continue
            if kind == "attribute":
                ev = {"link_id": rid, "link_entity": tabelle}
            elif kind == "metadata":
                ev = {"resource_id": rid, "resource_type": tabelle}
            else:
                ev = {f"{tabelle}_id": rid}
            kz = self.objekt(kind, el, nr, pfad, ev)
            rueck = f"{kind}_id" if kind != "taxonomy_term" or tabelle == "attribute" else None
            if not liste and rueck in TABELLEN[tabelle].spalten and zeile.werte.get(rueck) is None:
                zeile.werte[rueck] = kz.werte.get("id")  # a single nested object: the parent points at it


def _lesen(path: Path) -> _Leser:
    leser = _Leser()
    if not path.exists():
        raise ValidierungsFehler([Befund(str(path), 0, "", "Pfad nicht gefunden.")])
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
            raise ValidierungsFehler([Befund(path.name, 0, "", "Kein HSDS-Datensatz gefunden: erwartet werden "
                                                               "CSV-Dateien mit datapackage.json oder services.json.")])
    elif path.name.lower() == "datapackage.json":
        leser.tabular(path.parent)
    elif path.suffix.lower() == ".json":
        _json_datei(leser, path)
    else:
        raise ValidierungsFehler([Befund(path.name, 0, "", "Bitte einen HSDS-Ordner, eine datapackage.json oder "
                                                           "eine JSON-Datei mit Diensten angeben.")])
    return leser


def _json_datei(leser: _Leser, f: Path) -> None:
    try:
        daten = json.loads(f.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValidierungsFehler([Befund(f"hsds:{f.name}", 0, "", f"Kein gültiges JSON ({e}).")]) from None
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

