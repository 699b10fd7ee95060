"""Validation of the import format: every rule, before anything is written.

:func:`validate` parses raw text cells into typed rows and collects *every* problem as a
:class:`~network.errors.Befund` (file, line, column, German reason). It raises
:class:`~network.errors.ValidierungsFehler` if there is any, so the caller writes nothing. The same rules serve
the import, the forms of the Pflege page and the CLI.

Examples
--------
>>> from network.austausch.dateien import read_csv_text
>>> roh = Rohdaten({"sozialraeume": read_csv_text("sozialraeume", "id;name\\nsr-a;A\\nsr-a;B\\n")})
>>> try:
...     validate(roh)
... except ValidierungsFehler as e:
...     print(e.fehler[0])
sozialraeume, Zeile 3, Spalte „id“: Die Kennung „sr-a“ kommt mehrfach vor (zuerst in Zeile 2).
"""

from __future__ import annotations

import re
from datetime import date

from ..errors import Befund, ValidierungsFehler
from ..model import DATEI_REIHENFOLGE, DATEIEN, KREISWEIT, Netzdaten, Spalte
from .dateien import XML_VERBOTEN, Rohdaten, RohTabelle, entschuetzen

__all__ = ["validate", "parse_wert", "validate_rows", "MAX_TEXT", "pruefe_email", "pruefe_website",
           "pruefe_telefon", "KONTAKTPRUEFUNG"]

#: Longest accepted text cell.
MAX_TEXT = 5000

_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_JA = {"ja", "j", "true", "wahr", "1", "x", "yes"}
_NEIN = {"nein", "n", "false", "falsch", "0", "no"}

# --- contact data: e-mail, web address, phone (one small function each) -------------------------------------------

_DOMAIN = r"(?:[A-Za-z0-9äöüÄÖÜß](?:[A-Za-z0-9äöüÄÖÜß-]*[A-Za-z0-9äöüÄÖÜß])?\.)+[A-Za-z]{2,}"
_EMAIL = re.compile(rf"^[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_DOMAIN}$")
_WEB = re.compile(rf"^(?:https?://)?{_DOMAIN}(?::\d{{1,5}})?(?:[/?#][^\s]*)?$")
_TELEFON = re.compile(r"^\+?[0-9(][0-9 ()/.\-–]*[0-9]$")


def pruefe_email(text: str) -> str:
    """An e-mail address as ``name@domain.tld``; raises ``ValueError`` with a German reason.

    >>> pruefe_email("beratung@example.org")
    'beratung@example.org'
    >>> pruefe_email("beratung(at)example.org")
    Traceback (most recent call last):
    ...
    ValueError: „beratung(at)example.org“ ist keine gültige E-Mail-Adresse (Form: name@beispiel.de).
    """
    if not _EMAIL.match(text) or ".." in text:
        raise ValueError(f"„{text}“ ist keine gültige E-Mail-Adresse (Form: name@beispiel.de).")
    return text


def pruefe_website(text: str) -> str:
    """A web address (``https://`` may be left out); raises ``ValueError`` with a German reason.

    >>> pruefe_website("www.example.org/familie")
    'www.example.org/familie'
    >>> pruefe_website("beratung at example")
    Traceback (most recent call last):
    ...
    ValueError: „beratung at example“ ist keine gültige Internetadresse (Form: www.beispiel.de oder https://beispiel.de/seite).
    """
    if not _WEB.match(text):
        raise ValueError(f"„{text}“ ist keine gültige Internetadresse (Form: www.beispiel.de oder "
                         "https://beispiel.de/seite).")
    return text


def pruefe_telefon(text: str) -> str:
    """A phone number: digits with spaces, ``/``, ``-``, brackets, an optional leading ``+``; 5 to 20 digits.

    >>> pruefe_telefon("06761 9999-300"), pruefe_telefon("+49 (0)6761 9999 300")
    ('06761 9999-300', '+49 (0)6761 9999 300')
    >>> pruefe_telefon("Zentrale")
    Traceback (most recent call last):
    ...
    ValueError: „Zentrale“ ist keine gültige Telefonnummer (Ziffern, Leerzeichen, + / - ( ), z. B. 06761 9999-300).
    """
    ziffern = sum(map(str.isdigit, text))
    if not _TELEFON.match(text) or not 5 <= ziffern <= 20:
        raise ValueError(f"„{text}“ ist keine gültige Telefonnummer (Ziffern, Leerzeichen, + / - ( ), "
                         "z. B. 06761 9999-300).")
    return text


#: Columns whose values are contact data, and their check (every import and every form).
KONTAKTPRUEFUNG = {"email": pruefe_email, "website": pruefe_website, "telefon": pruefe_telefon}


def parse_wert(text: str, spalte: Spalte):
    """Parse one cell; returns the value or raises ``ValueError`` with a German reason.

    >>> parse_wert("50,25", Spalte("lat", "float"))
    50.25
    >>> parse_wert("Deutsch | Arabisch|", Spalte("sprachen", "liste"))
    ['Deutsch', 'Arabisch']
    >>> parse_wert("2024-02-30", Spalte("seit", "datum"))
    Traceback (most recent call last):
    ...
    ValueError: „2024-02-30“ ist kein gültiges Datum (JJJJ-MM-TT, z. B. 2024-03-01).
    """
    t = text.strip()
    if t == "":
        return [] if spalte.typ == "liste" else None
    typ = spalte.typ
    verboten = XML_VERBOTEN.search(t)
    if verboten:
        raise ValueError(f"Das Zeichen U+{ord(verboten.group()):04X} an Stelle {verboten.start() + 1} ist nicht "
                         "erlaubt (ein Steuerzeichen, das Excel und XML nicht speichern können).")
    if typ in ("text",) or typ.startswith("ref:"):
        value: object = entschuetzen(t)
        if len(t) > MAX_TEXT:
            raise ValueError(f"Der Text ist zu lang (höchstens {MAX_TEXT} Zeichen).")
    elif typ == "liste":
        if len(t) > MAX_TEXT:
            raise ValueError(f"Die Liste ist zu lang (höchstens {MAX_TEXT} Zeichen).")
        value = [entschuetzen(p.strip()) for p in t.split("|") if p.strip()]
    elif typ == "int":
        try:
            value = int(t)
        except ValueError:
            raise ValueError(f"„{t}“ ist keine ganze Zahl.") from None
    elif typ == "float":
        try:
            value = float(t.replace(",", ".") if "." not in t else t)
        except ValueError:
            raise ValueError(f"„{t}“ ist keine Zahl.") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"„{t}“ ist keine Zahl.")
    elif typ == "bool":
        low = t.lower()
        if low in _JA:
            value = True
        elif low in _NEIN:
            value = False
        else:
            raise ValueError(f"„{t}“ ist kein Ja/Nein-Wert (erlaubt: ja, nein).")
    elif typ == "datum":
        try:
            if not _DATUM.match(t):
                raise ValueError
            value = date.fromisoformat(t).isoformat()
        except ValueError:
            raise ValueError(f"„{t}“ ist kein gültiges Datum (JJJJ-MM-TT, z. B. 2024-03-01).") from None
    else:  # pragma: no cover - the model declares only the types above
        raise AssertionError(typ)
    if spalte.erlaubt and value not in spalte.erlaubt:
        raise ValueError(f"„{t}“ ist nicht erlaubt. Erlaubt: {', '.join(spalte.erlaubt)}.")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if spalte.name in ("lat", "lon") and spalte.min is not None and not (spalte.min <= value <= spalte.max):
            raise ValueError(f"{value} liegt nicht in Deutschland ({spalte.name} zwischen {spalte.min} und "
                             f"{spalte.max}).")
        if spalte.min is not None and value < spalte.min:
            raise ValueError(f"{value} ist zu klein (mindestens {spalte.min:g}).")
        if spalte.max is not None and value > spalte.max:
            raise ValueError(f"{value} ist zu groß (höchstens {spalte.max:g}).")
    if spalte.name in KONTAKTPRUEFUNG and isinstance(value, str):
        KONTAKTPRUEFUNG[spalte.name](value)
    return value


def _spalte_schnell(texte: list[str], s: Spalte) -> list | None:
    """All cells of one column parsed at once, or ``None`` when any cell needs the careful path.

    Gives exactly what :func:`parse_wert` gives cell by cell when every cell is valid (and a required column has
    no empty cell); on anything else (an error, a case it does not decide) it answers ``None`` and the caller
    parses each cell with :func:`parse_wert`, which names the error. A large import is mostly valid cells: this
    way their checks run once per column, not once per cell.

    >>> _spalte_schnell(["49,5", " 50.25 ", ""], Spalte("lat", "float", min=47.2, max=55.1))
    [49.5, 50.25, None]
    >>> _spalte_schnell(["46.0"], Spalte("lat", "float", min=47.2, max=55.1)) is None
    True
    """
    gesamt = "\n".join(texte)
    if XML_VERBOTEN.search(gesamt):
        return None
    ohne_apostroph = "'" not in gesamt  # then no cell needs entschuetzen
    t = [x.strip() for x in texte]
    typ = s.typ
    werte: list
    try:
        if typ == "text" or typ.startswith("ref:"):
            if max(map(len, t), default=0) > MAX_TEXT:
                return None
            werte = [x or None for x in t] if ohne_apostroph else \
                [(entschuetzen(x) if x[0] == "'" else x) if x else None for x in t]
        elif typ == "liste":
            if s.erlaubt or max(map(len, t), default=0) > MAX_TEXT:
                return None
            if ohne_apostroph:
                werte = [[q for q in (p.strip() for p in x.split("|")) if q] if x else [] for x in t]
            else:
                werte = [[entschuetzen(p.strip()) for p in x.split("|") if p.strip()] if x else [] for x in t]
        elif typ == "int":
            werte = [int(x) if x else None for x in t]
        elif typ == "float":
            werte = [(float(x.replace(",", ".") if "." not in x else x)) if x else None for x in t]
            if any(v is not None and (v != v or v in (float("inf"), float("-inf"))) for v in werte):
                return None
        elif typ == "bool":
            werte = [_JA_NEIN[x.lower()] if x else None for x in t]
        elif typ == "datum":
            for x in set(t):  # each distinct date once (a column repeats a few hundred dates)
                if x and not (_DATUM.match(x) and date.fromisoformat(x)):
                    return None
            werte = [x or None for x in t]
        else:
            return None
    except (ValueError, KeyError):
        return None
    if s.erlaubt and any(v is not None and v not in s.erlaubt for v in werte):
        return None
    if typ in ("int", "float") and (s.min is not None or s.max is not None):
        zahlen = [v for v in werte if v is not None]
        if zahlen and ((s.min is not None and min(zahlen) < s.min) or (s.max is not None and max(zahlen) > s.max)):
            return None
    if s.name in KONTAKTPRUEFUNG:
        pruefe = KONTAKTPRUEFUNG[s.name]
        try:
            for v in {v for v in werte if isinstance(v, str)}:  # each distinct address once
                pruefe(v)
        except ValueError:
            return None
    if s.pflicht and (None in werte or [] in werte):
        return None
    return werte


_JA_NEIN = {**{w: True for w in _JA}, **{w: False for w in _NEIN}}


def _parse_tabelle(datei: str, tab: RohTabelle, fehler: list[Befund]) -> list[tuple[int, dict, set]]:
    spalten = {s.name: s for s in DATEIEN[datei]}
    for h in tab.header:
        if h and h not in spalten:
            fehler.append(Befund(datei, 1, h, f"Unbekannte Spalte. Erlaubt sind: {', '.join(spalten)}."))
    for s in spalten.values():
        if s.pflicht and s.name not in tab.header:
            fehler.append(Befund(datei, 1, s.name, "Pflichtspalte fehlt."))
    nummern = tab.nummern
    kaputt: dict[int, set] = {}  # row index -> columns whose cell failed to parse
    zellfehler: dict[int, list[Befund]] = {}  # per row, in column order (the order of the cell-by-cell reading)
    spaltenwerte = []
    for name, s in spalten.items():  # column by column: the fast path checks a whole column at once
        texte = tab.spalte(name)
        werte = _spalte_schnell(texte, s)
        if werte is None:
            werte = _spalte_einzeln(datei, texte, s, nummern, kaputt, zellfehler)
        spaltenwerte.append(werte)
    for i, n in tab.zu_viele.items():
        zellfehler.setdefault(i, []).insert(0, Befund(datei, nummern[i], "", (
            f"Die Zeile hat {n} Felder, die Kopfzeile nur {len(tab.header)}. Trennzeichen in einem Feld?")))
    for i in sorted(zellfehler):
        fehler.extend(zellfehler[i])
    namen = list(spalten)
    heil: set = frozenset()  # shared by every row without a broken cell (only read)
    return [(zeile, dict(zip(namen, werte)), kaputt.get(i, heil))
            for i, (zeile, werte) in enumerate(zip(nummern, zip(*spaltenwerte)))]


def _spalte_einzeln(datei: str, texte: list[str], s: Spalte, nummern: list[int], kaputt: dict[int, set],
                    zellfehler: dict[int, list[Befund]]) -> list:
    """One column parsed cell by cell (:func:`parse_wert`): every error named with its line and column."""
    werte = []
    for i, text in enumerate(texte):
        try:
            wert = parse_wert(text, s)
        except ValueError as e:
            zellfehler.setdefault(i, []).append(Befund(datei, nummern[i], s.name, str(e)))
            kaputt.setdefault(i, set()).add(s.name)
            werte.append(None)
            continue
        if s.pflicht and (wert is None or wert == []):
            zellfehler.setdefault(i, []).append(Befund(datei, nummern[i], s.name, "Pflichtfeld ist leer."))
        werte.append(wert)
    return werte


def validate_rows(parsed: dict[str, list[tuple[int, dict, set]]], bestand: Netzdaten | None,
                  fehler: list[Befund]) -> None:
    """The rules that span rows and files: unique ids, references, date order, coordinates in pairs.

    ``parsed`` holds per file ``(line, row, columns that failed to parse)``; a failed cell is not checked again.
    """
    bestand = bestand or Netzdaten()
    kaputt = {(d, z): k for d, rows in parsed.items() for z, _, k in rows}
    parsed = {d: [(z, r) for z, r, _ in rows] for d, rows in parsed.items()}

    def ids_of(datei: str) -> set[str]:
        neu = {r["id"] for _, r in parsed.get(datei, []) if r.get("id")}
        return neu | {r["id"] for r in bestand.tabelle(datei)}

    for datei, rows in parsed.items():
        seen: dict[str, int] = {}
        for zeile, r in rows:
            rid = r.get("id")
            if rid is None:
                continue
            if rid in seen:
                fehler.append(Befund(datei, zeile, "id", f"Die Kennung „{rid}“ kommt mehrfach vor "
                                                          f"(zuerst in Zeile {seen[rid]})."))
            else:
                seen[rid] = zeile
            if ("lat" in r) and not {"lat", "lon"} & kaputt[(datei, zeile)] and \
                    ((r.get("lat") is None) != (r.get("lon") is None)):
                fehler.append(Befund(datei, zeile, "lat" if r.get("lat") is None else "lon",
                                     "Koordinaten bitte immer als Paar angeben (lat und lon)."))

    kitas, angebote = ids_of("kitas"), ids_of("angebote")
    for zeile, r in parsed.get("angebote", []):
        if r.get("id") in kitas:
            fehler.append(Befund("angebote", zeile, "id", f"Die Kennung „{r['id']}“ ist schon eine Kita. Kitas "
                                                          "und Angebote brauchen verschiedene Kennungen."))

    refs = {datei: ids_of(datei) for datei in DATEI_REIHENFOLGE}
    for datei, rows in parsed.items():
        for s in DATEIEN[datei]:
            if not s.typ.startswith("ref:"):
                continue
            ziel = s.typ[4:]
            for zeile, r in rows:
                v = r.get(s.name)
                if v is not None and v not in refs[ziel]:
                    fehler.append(Befund(datei, zeile, s.name, f"„{v}“ gibt es nicht in {ziel}."))

    for zeile, r in parsed.get("angebote", []):
        for t in r.get("themen") or []:
            if t not in refs["themen"]:
                fehler.append(Befund("angebote", zeile, "themen", f"Das Thema „{t}“ gibt es nicht in themen."))
        versorgt = r.get("versorgt") or []
        if KREISWEIT in versorgt and len(versorgt) > 1:
            fehler.append(Befund("angebote", zeile, "versorgt", f"„{KREISWEIT}“ (kreisweit) bitte allein angeben."))
        for s in versorgt:
            if s != KREISWEIT and s not in refs["sozialraeume"]:
                fehler.append(Befund("angebote", zeile, "versorgt", f"Den Sozialraum „{s}“ gibt es nicht."))
        _order(fehler, "angebote", zeile, r, "gueltig_ab", "gueltig_bis")

    for zeile, r in parsed.get("kooperationen", []):
        von = r.get("von_id")
        if von is not None and von not in kitas and von not in angebote:
            fehler.append(Befund("kooperationen", zeile, "von_id", f"„{von}“ ist weder eine Kita noch ein Angebot."))
        if von is not None and von == r.get("zu_id"):
            fehler.append(Befund("kooperationen", zeile, "zu_id", "Ein Angebot kann nicht mit sich selbst "
                                                                  "kooperieren."))
        _order(fehler, "kooperationen", zeile, r, "seit", "bis")


def _order(fehler: list[Befund], datei: str, zeile: int, r: dict, ab: str, bis: str) -> None:
    if r.get(ab) and r.get(bis) and r[ab] > r[bis]:
        fehler.append(Befund(datei, zeile, bis, f"„{bis}“ ({r[bis]}) liegt vor „{ab}“ ({r[ab]})."))


def validate(roh: Rohdaten, bestand: Netzdaten | None = None) -> Netzdaten:
    """Parse and check ``roh``; references may point into ``bestand`` (what the store already holds).

    Returns the typed :class:`~network.model.Netzdaten`; raises
    :class:`~network.errors.ValidierungsFehler` listing every problem.
    """
    fehler: list[Befund] = []
    parsed = {d: _parse_tabelle(d, roh.tabellen[d], fehler) for d in DATEI_REIHENFOLGE if d in roh.tabellen}
    validate_rows(parsed, bestand, fehler)
    if fehler:
        raise ValidierungsFehler(fehler)
    return Netzdaten(**{d: [r for _, r, _ in rows] for d, rows in parsed.items()})
