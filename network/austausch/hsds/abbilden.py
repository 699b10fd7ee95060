"""Mapping flat HSDS rows onto ``angebote`` rows of the import format, with notices for what does not map."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...errors import Befund
from ...grund.format import zahl
from ...model import ART, DATEIEN, KREISWEIT, Netzdaten
from ..dateien import Rohdaten, RohTabelle, schuetzen
from .katalog import hsds_id
from .lesen import VERKNUEPFUNG, _Leser, _text, _zahl, _Zeile
from .sprachen import sprachname
from .taxonomien import _KREISWEIT_NAME, _OHNE_TRAEGER, KREISWEIT_BESCHREIBUNG, ORG_BESCHREIBUNG, TAXONOMIEN, ZUSATZ
from .zeiten import zeitplan_text


@dataclass
class HsdsRohdaten(Rohdaten):
    """Import rows read from HSDS, with where each cell came from (for error messages).

    ``herkunft[(zeile, spalte)]`` is ``(datei, zeile, feld)`` in HSDS terms, e.g. ``("hsds:location", 3,
    "latitude")``; ``zeile`` of the ``angebote`` table is the 1-based index of the service.
    """

    herkunft: dict = field(default_factory=dict)
    nicht_zugeordnet: list[str] = field(default_factory=list)
    #: row of ``angebote`` -> number of the service it came from (a service with several places gives several rows)
    dienst_von: dict = field(default_factory=dict)
    #: number of a service -> its name (for the list of refused records)
    dienstnamen: dict = field(default_factory=dict)
    #: errors of single services (number -> errors); errors of the whole dataset are raised at once
    dienstfehler: dict = field(default_factory=dict)


def _betrag(b: float) -> str:
    """An amount as written in a German text: ``3``, ``2,50``, ``1.500`` (the German number rule of grund).

    >>> _betrag(3.0), _betrag(2.5), _betrag(1500)
    ('3', '2,50', '1.500')
    """
    return zahl(b, 0 if float(b).is_integer() else 2)


#: Country values that mean Germany (the directory holds only places in Germany).
_DEUTSCHLAND = {"de", "deu", "deutschland", "germany", "bundesrepublik deutschland"}

#: Schedule fields that the text in ``description`` states (used with it).
_ZEITPLAN = ("freq", "byday", "opens_at", "closes_at", "interval", "wkst", "description")


class _Zeilenbau:
    """One ``angebote`` row being built, with the HSDS place of each cell."""

    def __init__(self, s: _Zeile) -> None:
        self.row: dict[str, str] = {}
        self.her: dict[str, tuple] = {"": s.ort("")}

    def setze(self, spalte: str, wert, quelle: _Zeile | None = None, feld: str = "", liste: bool = False) -> None:
        if wert is None or wert == []:
            return
        if liste:
            self.row[spalte] = "|".join(schuetzen(x) for x in wert)
        else:
            self.row[spalte] = schuetzen(_text(wert) or "")
        if quelle is not None:
            self.her[spalte] = quelle.ort(feld)
            quelle.nutze(feld)


def _index(rows: list[_Zeile], feld: str) -> dict[str, list[_Zeile]]:
    d: dict[str, list[_Zeile]] = {}
    for z in rows:
        v = z.werte.get(feld)
        if v:
            d.setdefault(str(v), []).append(z)
    return d


class _Abbildung:
    """Maps the flat rows of one :class:`_Leser` onto ``angebote`` rows; collects errors and notices.

    Every field the mapping uses is marked on its row (:meth:`_Zeile.nutze`); :meth:`hinweise` names every other
    field that has a value, so nothing is dropped without a word.
    """

    def __init__(self, leser: _Leser, bestand: Netzdaten, standard_art: str) -> None:
        self.leser, self.bestand, self.standard_art = leser, bestand, standard_art
        t = self.t = leser.t
        self.by_id = {name: {z.werte["id"]: z for z in rows if z.werte.get("id")} for name, rows in t.items()}
        self.phones = {k: _index(t["phone"], k)
                       for k in ("service_id", "contact_id", "location_id", "service_at_location_id")}
        self.schedules = {k: _index(t["schedule"], k) for k in ("service_id", "location_id", "service_at_location_id")}
        self.languages = {k: _index(t["language"], k) for k in ("service_id", "location_id")}
        self.contacts = {k: _index(t["contact"], k) for k in ("service_id", "service_at_location_id")}
        self.sal = _index(t["service_at_location"], "service_id")
        self.addresses, self.access = _index(t["address"], "location_id"), _index(t["accessibility"], "location_id")
        self.areas, self.costs = _index(t["service_area"], "service_id"), _index(t["cost_option"], "service_id")
        self.attrs = _index(t["attribute"], "link_id")
        self.unsere_tax = {hsds_id("taxonomy", k): k for k in TAXONOMIEN}
        self.unsere_tax_namen = {name: k for k, (name, _) in TAXONOMIEN.items()}
        self.art_cf = {a.casefold(): a for a in ART}
        self.themen_id = {th["id"].casefold(): th["id"] for th in bestand.themen}
        self.themen_name = {(th.get("name") or "").casefold(): th["id"] for th in bestand.themen if th.get("name")}
        self.sr_name = {(s.get("name") or "").casefold(): s["id"] for s in bestand.sozialraeume if s.get("name")}
        self.sr_id = {s["id"].casefold(): s["id"] for s in bestand.sozialraeume}
        self.gem_name: dict[str, list[str]] = {}
        for g in bestand.gemeinden:
            self.gem_name.setdefault((g.get("name") or "").casefold(), []).append(g["id"])
        self.nicht_zugeordnet: Counter = Counter()
        self.ohne_bereich: Counter = Counter()
        self.ohne_art: list[str] = []
        self.inaktiv: list[str] = []
        self.entfallen: list[str] = []
        self.mehrere_orte: list[str] = []
        self.ohne_zugang = 0
        self.nr = 0  # the service being mapped

    def fehler(self, quelle: _Zeile, feld: str, grund: str) -> None:
        self.leser.fehler_an(self.nr, Befund(*quelle.ort(feld), grund))

    # --- taxonomy terms ---------------------------------------------------------------------------------------------

    def begriff(self, a: _Zeile, b: dict) -> None:
        """Sort the term of attribute ``a`` into Art, Themen, Zielgruppen, Zusatzangaben or „nicht zugeordnet“."""
        term = self.by_id["taxonomy_term"].get(a.werte.get("taxonomy_term_id") or "")
        if term is None:
            if a.werte.get("taxonomy_term_id"):
                self.fehler(a, "taxonomy_term_id", f"Den Begriff „{a.werte['taxonomy_term_id']}“ gibt es nicht in "
                                                   "taxonomy_terms.")
            return
        tw = term.werte
        tax_id = tw.get("taxonomy_id")
        tax = self.by_id["taxonomy"].get(tax_id or "")
        tax_name = tw.get("taxonomy") or (tax.werte.get("name") if tax else None)
        a.nutze("value")
        unsere = self.unsere_tax.get(tax_id or "") or self.unsere_tax_namen.get(tax_name or "")
        code, name = _text(tw.get("code")), _text(tw.get("name"))
        if unsere and code and code.startswith(f"{unsere}:"):  # our export makes a repeated code unique this way
            code = code[len(unsere) + 1:]
        art_cf, themen_id, themen_name = self.art_cf, self.themen_id, self.themen_name
        if unsere == "zusatz" and code in ZUSATZ:
            b["zusatz"][code] = (_text(a.werte.get("value")), a)
        elif unsere == "zielgruppe" and name:
            b["zielgruppen"].append((name, term))
        elif unsere == "thema" and code:
            b["themen"].append((code, term))
        elif unsere == "art" or (name and name.casefold() in art_cf) or (code and code.casefold() in art_cf):
            kandidat = art_cf.get((name or "").casefold()) or art_cf.get((code or "").casefold())
            if kandidat and b["art"] is None:
                b["art"] = (kandidat, term)
            else:  # no Art of ours, or a second one: named, not taken over
                self.nicht_zugeordnet[f"{tax_name or 'ohne Taxonomie'}: {name or code}"] += 1
                return
        elif code and code.casefold() in themen_id:
            b["themen"].append((themen_id[code.casefold()], term))
        elif name and name.casefold() in themen_name:
            b["themen"].append((themen_name[name.casefold()], term))
        elif name and name.casefold() in themen_id:
            b["themen"].append((themen_id[name.casefold()], term))
        else:
            self.nicht_zugeordnet[f"{tax_name or 'ohne Taxonomie'}: {name or code}"] += 1
            return
        term.nutze(*tw)  # a term that maps is taken over as a whole
        if tax is not None:
            tax.nutze(*tax.werte)

    def begriffe(self, sid: str) -> dict:
        b: dict = {"art": None, "themen": [], "zielgruppen": [], "zusatz": {}}
        for a in self.attrs.get(sid, []):
            if (a.werte.get("link_entity") or "service") == "service":
                self.begriff(a, b)
        return b

    def vokabular(self, z: _Zeilenbau, s: _Zeile, b: dict) -> None:
        w = s.werte
        z.setze("name", w.get("name"), s, "name")
        if b["art"]:
            z.setze("art", b["art"][0], b["art"][1], "name")
        else:
            z.setze("art", self.standard_art, s, "name")
        z.setze("beschreibung", w.get("description"), s, "description")
        themen, zielgruppen = b["themen"], b["zielgruppen"]
        if themen:
            z.setze("themen", list(dict.fromkeys(c for c, _ in themen)), themen[0][1], "code", liste=True)
        if zielgruppen:
            z.setze("zielgruppen", list(dict.fromkeys(n for n, _ in zielgruppen)), zielgruppen[0][1], "name",
                    liste=True)
            s.nutze("eligibility_description")  # our export writes the Zielgruppen there as text

    # --- places -----------------------------------------------------------------------------------------------------

    def orte(self, sid: str) -> list[tuple[_Zeile | None, _Zeile | None]]:
        """The service's places as (service_at_location, location), physical ones first; at least one entry."""
        orte = []
        for x in self.sal.get(sid, []):
            lo = self.by_id["location"].get(x.werte.get("location_id") or "")
            if lo is None and x.werte.get("location_id"):
                self.fehler(x, "location_id", f"Den Ort „{x.werte['location_id']}“ gibt es nicht in locations.")
            elif lo is not None:
                lo.nutze("location_type")
                orte.append((x, lo))
        orte.sort(key=lambda p: (p[1].werte.get("location_type") or "physical") != "physical")
        return orte or [(None, None)]

    def sprachen(self, z: _Zeilenbau, sid: str, lo: _Zeile | None) -> None:
        sprachen: list[tuple[str, _Zeile]] = []
        am_ort = self.languages["location_id"].get(lo.werte["id"], []) if lo is not None and lo.werte.get("id") else []
        for lz in self.languages["service_id"].get(sid, []) + am_ort:
            n = sprachname(_text(lz.werte.get("code")), _text(lz.werte.get("name")))
            lz.nutze("name", "code")
            if n and n not in [p for p, _ in sprachen]:
                sprachen.append((n, lz))
        if sprachen:
            z.setze("sprachen", [p for p, _ in sprachen], sprachen[0][1],
                    "name" if sprachen[0][1].werte.get("name") else "code", liste=True)

    def kosten(self, z: _Zeilenbau, s: _Zeile) -> None:
        w = s.werte
        kosten = w.get("fees_description") or w.get("fees")
        co = self.costs.get(str(w.get("id") or ""), [])
        if kosten:
            z.setze("kosten", kosten, s, "fees_description" if w.get("fees_description") else "fees")
        elif co and any(c.werte.get("amount_description") for c in co):
            c = next(c for c in co if c.werte.get("amount_description"))
            z.setze("kosten", c.werte["amount_description"], c, "amount_description")
        text = _text(z.row.get("kosten")) or ""
        for c in co:  # taken over: free of charge, or an amount the Kosten text states; else named in the notice
            betrag = _zahl(c.werte.get("amount"))
            if betrag is None or betrag == 0 or re.search(rf"(?<![\d.,]){re.escape(_betrag(betrag))}(?![\d])", text):
                c.nutze("amount", "currency")
            if (_text(c.werte.get("option")) or "").casefold() in ("kostenlos", "kostenpflichtig"):
                c.nutze("option")
            if _text(c.werte.get("amount_description")) == _text(kosten):
                c.nutze("amount_description")
        if co:
            betraege = [_zahl(c.werte.get("amount")) for c in co]
            optionen = [(_text(c.werte.get("option")) or "").casefold() for c in co]
            if any(b == 0 for b in betraege) or "kostenlos" in optionen:
                z.setze("kostenlos", True, co[0], "amount")
            elif any(b for b in betraege) or "kostenpflichtig" in optionen:
                z.setze("kostenlos", False, co[0], "amount")

    def adresse(self, z: _Zeilenbau, lo: _Zeile) -> None:
        adr = self.addresses.get(lo.werte.get("id") or "", [])
        adr = sorted(adr, key=lambda a: (a.werte.get("address_type") or "physical") != "physical")
        if not adr:
            return
        a = adr[0]
        aw = a.werte
        land = _text(aw.get("country"))
        if land and land.casefold() not in _DEUTSCHLAND:
            self.fehler(a, "country", f"Die Adresse liegt nicht in Deutschland (country „{land}“). Das Verzeichnis "
                                      "nimmt nur Orte in Deutschland auf.")
        a.nutze("country", "address_type", "state_province")
        strasse = ", ".join(x for x in (_text(aw.get("address_1")), _text(aw.get("address_2"))) if x)
        if aw.get("address_2"):
            a.nutze("address_2")
        z.setze("strasse", strasse or None, a, "address_1")
        z.setze("plz", _text(aw.get("postal_code")), a, "postal_code")
        z.setze("ort", _text(aw.get("city")), a, "city")

    def ort(self, z: _Zeilenbau, lo: _Zeile) -> None:
        lw = lo.werte
        zug = self.access.get(lw.get("id") or "", [])
        texte = {(_text(a.werte.get("description")) or "").casefold() for a in zug}
        if texte and texte <= {"barrierefrei"}:
            z.setze("barrierefrei", True, zug[0], "description")
        elif texte and texte <= {"nicht barrierefrei"}:
            z.setze("barrierefrei", False, zug[0], "description")
        elif zug:
            self.ohne_zugang += 1
        self.adresse(z, lo)
        if lw.get("latitude") is not None or lw.get("longitude") is not None:
            z.setze("lat", lw.get("latitude"), lo, "latitude")
            z.setze("lon", lw.get("longitude"), lo, "longitude")

    def gemeinde(self, z: _Zeilenbau, zusatz: dict) -> None:
        for code in ("strasse", "plz", "ort"):
            if code not in z.row and code in zusatz:
                z.setze(code, zusatz[code][0], zusatz[code][1], "value")
        gemeinde, gq = zusatz.get("gemeinde", (None, None))
        if gemeinde:
            z.setze("gemeinde_id", gemeinde, gq, "value")
        elif "ort" in z.row:
            treffer = self.gem_name.get(z.row["ort"].casefold(), [])
            if len(treffer) == 1:
                z.setze("gemeinde_id", treffer[0])

    # --- contact and opening hours -------------------------------------------------------------------------------

    def telefon(self, z: _Zeilenbau, tel: list[_Zeile]) -> None:
        """The first phone; an extension is written after a hyphen, as usual in Germany (``06761 9999-300``)."""
        p = tel[0]
        nummer, durchwahl = _text(p.werte.get("number")), _text(p.werte.get("extension"))
        if durchwahl and nummer:
            durchwahl = durchwahl.removesuffix(".0")
            z.setze("telefon", f"{nummer}-{durchwahl}", p, "number")
            p.nutze("extension")
        else:
            z.setze("telefon", nummer, p, "number")
        if (_text(p.werte.get("type")) or "voice") == "voice":
            p.nutze("type")

    def kontakt(self, z: _Zeilenbau, s: _Zeile, x: _Zeile | None, lo: _Zeile | None) -> None:
        """Phone and e-mail: the service's, else its contacts', else its place's."""
        w, sid = s.werte, str(s.werte.get("id") or "")
        xid = (x.werte.get("id") or "") if x is not None else None
        kontakte = self.contacts["service_id"].get(sid, []) + \
            (self.contacts["service_at_location_id"].get(xid, []) if x is not None else [])
        tel = self.phones["service_id"].get(sid, [])
        if not tel and x is not None:
            tel = self.phones["service_at_location_id"].get(xid, [])
        if not tel:
            tel = [p for k in kontakte for p in self.phones["contact_id"].get(k.werte.get("id") or "", [])]
        if not tel and lo is not None:
            tel = self.phones["location_id"].get(lo.werte.get("id") or "", [])
        if tel:
            self.telefon(z, tel)
        if w.get("email"):
            z.setze("email", w["email"], s, "email")
        else:
            mit_mail = [k for k in kontakte if k.werte.get("email")]
            if mit_mail:
                z.setze("email", mit_mail[0].werte["email"], mit_mail[0], "email")
        for k in kontakte:  # our export names the contact after the Angebot
            if k.werte.get("email") == z.row.get("email") and k.werte.get("name") == w.get("name"):
                k.nutze("name", "email")
        z.setze("website", w.get("url"), s, "url")

    def zeiten(self, z: _Zeilenbau, sid: str, x: _Zeile | None, lo: _Zeile | None) -> None:
        zp = self.schedules["service_id"].get(sid, [])
        if not zp and x is not None:
            zp = self.schedules["service_at_location_id"].get(x.werte.get("id") or "", [])
        if not zp and lo is not None:
            zp = self.schedules["location_id"].get(lo.werte.get("id") or "", [])
        texte_zp: list[str] = []
        for zeile in zp:
            zw = zeile.werte
            txt = _text(zw.get("description")) or zeitplan_text(zw)
            zeile.nutze("description")
            if txt and zeitplan_text(zw) and zeitplan_text(zw) in txt:  # the structured fields say what the text says
                zeile.nutze(*_ZEITPLAN)
            if _text(zw.get("notes")) and _text(zw.get("notes")) in (txt or ""):
                zeile.nutze("notes")  # our export repeats the untimed rest of the text there
            if txt and (not texte_zp or texte_zp[-1] != txt):
                texte_zp.append(txt)
        if texte_zp:
            z.setze("oeffnungszeiten", ", ".join(texte_zp), zp[0], "description")
        for zeile in zp:  # our export writes the Angebot's dates as the schedule's validity
            if _text(zeile.werte.get("valid_from")) == z.row.get("gueltig_ab"):
                zeile.nutze("valid_from")
            if _text(zeile.werte.get("valid_to")) == z.row.get("gueltig_bis"):
                zeile.nutze("valid_to")

    # --- Träger, area, additions ---------------------------------------------------------------------------------

    def traeger(self, z: _Zeilenbau, s: _Zeile) -> None:
        w = s.werte
        org = self.by_id["organization"].get(w.get("organization_id") or "")
        if org is None and w.get("organization_id"):
            self.fehler(s, "organization_id", f"Die Organisation „{w['organization_id']}“ gibt es nicht in "
                                              "organizations.")
            return
        if org is None:
            return
        if org.werte.get("description") in ORG_BESCHREIBUNG.values():
            org.nutze("description")
        if org.werte.get("id") == hsds_id("organization", _OHNE_TRAEGER):
            org.nutze("name")
        else:
            z.setze("traeger", org.werte.get("name"), org, "name")

    def versorgt(self, z: _Zeilenbau, sid: str) -> None:
        versorgt: list[str] = []
        bereiche = self.areas.get(sid, [])
        beschreibung = {s["id"]: s.get("beschreibung") for s in self.bestand.sozialraeume}
        beschreibung[KREISWEIT] = KREISWEIT_BESCHREIBUNG
        for b in bereiche:
            n = (_text(b.werte.get("name")) or "").casefold()
            sr = KREISWEIT if n in (_KREISWEIT_NAME, KREISWEIT) else (self.sr_name.get(n) or self.sr_id.get(n))
            if sr is None:
                self.ohne_bereich[_text(b.werte.get("name")) or "(ohne Namen)"] += 1
                b.nutze("name")
                continue
            b.nutze("name")
            if _text(b.werte.get("description")) == beschreibung.get(sr):
                b.nutze("description")
            if sr not in versorgt:
                versorgt.append(sr)
        if versorgt:
            z.setze("versorgt", versorgt, bereiche[0], "name", liste=True)

    def zusatz(self, z: _Zeilenbau, s: _Zeile, zusatz: dict) -> None:
        for code in ("gueltig_ab", "gueltig_bis", "geprueft_von", "aufsuchend"):
            wert, q = zusatz.get(code, (None, None))
            z.setze(code, wert, q, "value")
        if s.werte.get("assured_date"):
            ad = str(s.werte["assured_date"])
            z.setze("geprueft_am", ad[:10] if re.match(r"^\d{4}-\d{2}-\d{2}T", ad) else ad, s, "assured_date")

    # --- one service ---------------------------------------------------------------------------------------------

    def dienst(self, s: _Zeile) -> list[_Zeilenbau]:
        """The ``angebote`` rows of service ``s``: one per place (none if it is not taken over: defunct)."""
        w = s.werte
        sid = str(w.get("id") or "")
        if not sid and not any(f.spalte == "id" for f in self.leser.fehler_je_dienst.get(self.nr, [])):
            self.fehler(s, "id", "Pflichtfeld ist leer: Jeder Dienst braucht eine Kennung (id).")
        s.nutze("status", "organization_id")
        b = self.begriffe(sid)
        if not b["art"]:
            self.ohne_art.append(str(w.get("name") or sid))
        kennung, kq = b["zusatz"].get("kennung", (None, None))
        orte = self.orte(sid)
        if len(orte) > 1:
            self.mehrere_orte.append(f"{w.get('name') or sid} ({len(orte)} Orte)")
        zeilen = []
        for k, (x, lo) in enumerate(orte):
            z = _Zeilenbau(s)
            z.setze("id", (kennung or f"hsds-{sid}") + (f"-ort{k + 1}" if k else ""), kq or s,
                    "value" if kq else "id")
            self.vokabular(z, s, b)
            if len(orte) > 1 and lo is not None and _text(lo.werte.get("name")) not in (None, _text(w.get("name"))):
                z.setze("name", f"{_text(w.get('name'))} – {_text(lo.werte['name'])}", lo, "name")
            elif lo is not None and _text(lo.werte.get("name")) == _text(w.get("name")):
                lo.nutze("name")
            self.sprachen(z, sid, lo)
            self.kosten(z, s)
            if lo is not None:
                self.ort(z, lo)
            self.gemeinde(z, b["zusatz"])
            z.setze("hinweis", w.get("application_process"), s, "application_process")
            self.traeger(z, s)
            self.versorgt(z, sid)
            self.zusatz(z, s, b["zusatz"])
            self.kontakt(z, s, x, lo)
            self.zeiten(z, sid, x, lo)
            zeilen.append(z)
        status = (w.get("status") or "active")
        if status == "defunct" and "gueltig_bis" not in zeilen[0].row:
            self.entfallen.append(str(w.get("name") or sid))
            return []
        if status in ("inactive", "temporarily closed") and "gueltig_ab" not in zeilen[0].row:
            self.inaktiv.append(str(w.get("name") or sid))
        return zeilen

    # --- notices -------------------------------------------------------------------------------------------------

    def ungenutzt(self) -> tuple[Counter, dict]:
        """Fields with a value that the mapping did not use (``table.field``), and rows not used at all (per table:
        how many, and their fields with a value)."""
        felder: Counter = Counter()
        zeilen: dict[str, tuple[int, set]] = {}
        for tabelle, rows in self.t.items():
            for z in rows:
                offen = [k for k, v in z.werte.items() if v is not None and k not in VERKNUEPFUNG
                         and k not in z.genutzt]
                if not z.genutzt and offen:
                    n, namen = zeilen.get(tabelle, (0, set()))
                    zeilen[tabelle] = (n + 1, namen | set(offen))
                else:
                    felder.update(f"{tabelle}.{k}" for k in offen)
        return felder, zeilen

    def hinweise(self) -> list[str]:
        hinweise = list(self.leser.hinweise)
        if (not self.bestand.sozialraeume or not self.bestand.themen) and self.t["service"]:
            hinweise.append("HSDS: Im Datenspeicher fehlen Sozialräume oder Themen – Versorgungsgebiete und Begriffe "
                            "können nur ihnen zugeordnet werden. Bitte zuerst das Importformat (sozialraeume, "
                            "gemeinden, themen) einspielen.")
        if self.nicht_zugeordnet:
            liste = "; ".join(sorted(self.nicht_zugeordnet))
            hinweise.append(f"HSDS: {len(self.nicht_zugeordnet)} Begriffe ohne Entsprechung in Art, Themen oder "
                            f"Zielgruppen (nicht übernommen): {liste}.")
        if self.ohne_art:
            hinweise.append(f"HSDS: {len(self.ohne_art)} Dienste ohne Art – als „{self.standard_art}“ übernommen, "
                            f"bitte prüfen: {', '.join(self.ohne_art)}.")
        if self.mehrere_orte:
            hinweise.append("HSDS: Dienste an mehreren Orten – je Ort ein Angebot (Kennung mit „-ort2“, „-ort3“ …): "
                            f"{', '.join(self.mehrere_orte)}.")
        if self.ohne_bereich:
            hinweise.append("HSDS: Versorgungsgebiete ohne passenden Sozialraum (nicht übernommen): "
                            f"{', '.join(sorted(self.ohne_bereich))}.")
        if self.ohne_zugang:
            hinweise.append(f"HSDS: An {self.ohne_zugang} Ort(en) ist die Barrierefreiheit als Freitext beschrieben; "
                            "„barrierefrei“ bleibt leer, bitte prüfen.")
        if self.inaktiv:
            hinweise.append(f"HSDS: {len(self.inaktiv)} Dienste sind nicht aktiv (status inactive/temporarily "
                            f"closed), wurden aber übernommen: {', '.join(self.inaktiv)}.")
        if self.entfallen:
            hinweise.append(f"HSDS: {len(self.entfallen)} eingestellte Dienste (status defunct) nicht übernommen: "
                            f"{', '.join(self.entfallen)}.")
        for tab in sorted(self.leser.unbekannt):
            hinweise.append(f"HSDS: Unbekannte Felder in {tab} ignoriert: "
                            f"{', '.join(sorted(self.leser.unbekannt[tab]))}.")
        felder, zeilen = self.ungenutzt()
        if felder:
            hinweise.append("HSDS: Felder ohne Entsprechung im Kita-Netzwerk nicht übernommen: "
                            f"{', '.join(sorted(felder))}.")
        if zeilen:
            liste = "; ".join(f"{tab} ({n}: {', '.join(sorted(namen))})" for tab, (n, namen) in sorted(zeilen.items()))
            hinweise.append(f"HSDS: Datensätze ohne Entsprechung oder ohne Bezug zu einem Dienst nicht übernommen: "
                            f"{liste}.")
        return hinweise


def _abbilden(leser: _Leser, bestand: Netzdaten, standard_art: str) -> HsdsRohdaten:
    """Map the rows read by ``leser`` onto ``angebote`` rows (errors of a service go to ``leser``)."""
    abb = _Abbildung(leser, bestand, standard_art)
    zeilen: list[tuple[int, dict[str, str]]] = []
    herkunft: dict = {}
    dienst_von, namen = {}, dict(leser.dienstnamen)
    for _nr, s in enumerate(leser.t["service"], start=1):
        abb.nr = s.zeile
        namen[s.zeile] = _text(s.werte.get("name")) or _text(s.werte.get("id")) or f"Dienst {s.zeile}"
        for z in abb.dienst(s):
            n = len(zeilen) + 1
            zeilen.append((n, z.row))
            dienst_von[n] = s.zeile
            for spalte, quelle in z.her.items():
                herkunft[(n, spalte)] = quelle
    header = [s.name for s in DATEIEN["angebote"]]
    return HsdsRohdaten({"angebote": RohTabelle(header, zeilen)}, abb.hinweise(), herkunft,
                        sorted(abb.nicht_zugeordnet), dienst_von, namen, dict(leser.fehler_je_dienst))
