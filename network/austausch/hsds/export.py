"""The HSDS export: the Angebote as flat HSDS rows, as nested services, as files (tabular and/or JSON)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from ...errors import KitaNetzFehler
from ...grund.zeit import stichtag_iso
from ...model import ART, KREISWEIT, Netzdaten
from ..validierung import pruefe_email, pruefe_website
from .katalog import FORMEN, GESCHRIEBEN, TABELLEN, datapackage, hsds_id
from .sprachen import sprachcode
from .taxonomien import (
    _ART_BESCHREIBUNG,
    _BARRIEREFREI,
    _KREISWEIT_NAME,
    _OHNE_TRAEGER,
    _WAEHRUNG,
    KREISWEIT_BESCHREIBUNG,
    ORG_BESCHREIBUNG,
    TAXONOMIEN,
    ZUSATZ,
)
from .zeiten import parse_oeffnungszeiten

__all__ = ["hsds_tabellen", "export_hsds"]

_LAENDER = {"01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
            "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
            "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg", "13": "Mecklenburg-Vorpommern",
            "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen"}
_BETRAG = re.compile(r"(\d+(?:[.,]\d{1,2})?)\s*(?:€|EUR|Euro)", re.IGNORECASE)


def _url(text: str | None) -> str | None:
    """A full URL as HSDS wants it (RFC 3986): ``https://`` added if missing, an umlaut domain in its ASCII form
    (IDNA), other characters percent-encoded; ``None`` if it cannot be one.

    >>> _url("www.bücherei-kastellaun.de/öffnungszeiten")
    'https://www.xn--bcherei-kastellaun-m6b.de/%C3%B6ffnungszeiten'
    """
    if not text:
        return None
    t = text.strip()
    t = t if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", t) else "https://" + t
    try:
        teile = urlsplit(t)
        host = (teile.hostname or "").encode("idna").decode("ascii")
        port = f":{teile.port}" if teile.port else ""
    except (UnicodeError, ValueError):
        return None
    if not host or " " in t:
        return None
    sicher = "/%:@!$&'()*+,;=~-._"
    return urlunsplit((teile.scheme, host + port, quote(teile.path, safe=sicher), quote(teile.query, safe=sicher + "?"),
                       quote(teile.fragment, safe=sicher + "?")))


def _kontakt_gueltig(a: dict, hinweise: list[str] | None) -> dict:
    """The Angebot with e-mail and web address left out where they are not valid (data stored before the check):
    HSDS would refuse them. Each one left out is named in ``hinweise``."""
    def pruefe_url(w: str) -> None:
        if pruefe_website(w) and _url(w) is None:
            raise ValueError(w)

    a = dict(a)
    for spalte, pruefe in (("email", pruefe_email), ("website", pruefe_url)):
        if not a.get(spalte):
            continue
        try:
            pruefe(a[spalte])
        except ValueError:
            if hinweise is not None:
                hinweise.append(f"HSDS: {a['id']}: {spalte} „{a[spalte]}“ ist ungültig und wurde nicht exportiert.")
            a[spalte] = None
    return a


def _einzeln(werte) -> list[str]:
    return list(dict.fromkeys(w for w in (werte or []) if w))


def _status(a: dict, tag: str) -> str:
    ab, bis = a.get("gueltig_ab"), a.get("gueltig_bis")
    if bis and bis < tag:
        return "defunct"
    if ab and ab > tag:
        return "inactive"
    return "active"


def _vollstaendig(a: dict) -> bool:
    """Whether an Angebot's address fills an HSDS address (street, postcode, town and – via the AGS – Land)."""
    return bool(a.get("strasse") and a.get("plz") and a.get("ort") and (a.get("gemeinde_id") or "")[:2] in _LAENDER)


def _ohne_none(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != []}


def _organisationen(angebote: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """The organization rows (one per Träger, plus a placeholder) and Träger name -> organization id."""
    orgs: dict[str, str] = {}
    for a in angebote:
        name = a.get("traeger") or None
        orgs.setdefault(name or _OHNE_TRAEGER, hsds_id("organization", name or _OHNE_TRAEGER))
    rows = []
    for name in sorted(orgs, key=lambda n: (n == _OHNE_TRAEGER, n)):
        if name == _OHNE_TRAEGER:
            rows.append({"id": orgs[name], "name": "Träger nicht angegeben",
                         "description": ORG_BESCHREIBUNG["platzhalter"]})
        else:
            rows.append({"id": orgs[name], "name": name,
                         "description": ORG_BESCHREIBUNG["traeger"]})
    return rows, orgs


class _Begriffe:
    """The terms of our taxonomies that the Angebote use."""

    def __init__(self) -> None:
        self.begriffe: dict[str, dict[str, dict]] = {k: {} for k in TAXONOMIEN}

    def id(self, tax: str, code: str, name: str, beschreibung: str) -> str:
        tid = hsds_id("taxonomy_term", f"{tax}:{code}")
        self.begriffe[tax].setdefault(code, {"id": tid, "code": code, "name": name, "description": beschreibung,
                                             "taxonomy": TAXONOMIEN[tax][0],
                                             "taxonomy_id": hsds_id("taxonomy", tax)})
        return tid

    def zeilen(self, t: dict[str, list[dict]]) -> None:
        """Append the taxonomy and taxonomy_term rows in a fixed order."""
        ordnung = {a: i for i, a in enumerate(ART)}
        vergeben: set[str] = set()
        for tax, (name, beschreibung) in TAXONOMIEN.items():
            if not self.begriffe[tax]:
                continue
            t["taxonomy"].append({"id": hsds_id("taxonomy", tax), "name": name, "description": beschreibung})
            codes = list(self.begriffe[tax])
            if tax == "art":
                codes.sort(key=lambda c: ordnung.get(c, 99))
            elif tax == "zusatz":
                codes.sort(key=list(ZUSATZ).index)
            else:
                codes.sort()
            for c in codes:  # ``code`` is unique in the whole table: a code taken by an earlier taxonomy gets a prefix
                b = self.begriffe[tax][c]
                t["taxonomy_term"].append(b if c not in vergeben else {**b, "code": f"{tax}:{c}"})
                vergeben.add(c)


def _ort(t: dict[str, list[dict]], a: dict, aid: str, sid: str) -> None:
    """location, address, accessibility and service_at_location of one Angebot (if it has a place)."""
    ort = [a.get(k) for k in ("strasse", "plz", "ort", "gemeinde_id", "lat", "lon")]
    if all(v is None for v in ort) and a.get("barrierefrei") is None:
        return
    lid = hsds_id("location", aid)
    t["location"].append({"id": lid, "location_type": "physical", "name": a["name"],
                          "latitude": a.get("lat"), "longitude": a.get("lon")})
    if _vollstaendig(a):
        t["address"].append({
            "id": hsds_id("address", aid), "location_id": lid, "address_1": a["strasse"], "city": a["ort"],
            "state_province": _LAENDER[a["gemeinde_id"][:2]], "postal_code": a["plz"], "country": "DE",
            "address_type": "physical"})
    if a.get("barrierefrei") is not None:
        t["accessibility"].append({"id": hsds_id("accessibility", aid), "location_id": lid,
                                   "description": _BARRIEREFREI[bool(a["barrierefrei"])]})
    t["service_at_location"].append({"id": hsds_id("service_at_location", aid), "service_id": sid,
                                     "location_id": lid})


def _kontakt_zeiten(t: dict[str, list[dict]], a: dict, aid: str, sid: str) -> None:
    """contact, phone, schedule and language rows of one Angebot."""
    cid = None
    if a.get("email"):
        cid = hsds_id("contact", aid)
        t["contact"].append({"id": cid, "service_id": sid, "name": a["name"], "email": a["email"]})
    if a.get("telefon"):
        t["phone"].append({"id": hsds_id("phone", aid), "service_id": sid, "contact_id": cid,
                           "number": a["telefon"], "type": "voice"})
    for i, z in enumerate(parse_oeffnungszeiten(a.get("oeffnungszeiten"))):
        t["schedule"].append({"id": hsds_id("schedule", f"{aid}:{i}"), "service_id": sid,
                              "valid_from": a.get("gueltig_ab"), "valid_to": a.get("gueltig_bis"), **z})
    for s in _einzeln(a.get("sprachen")):
        t["language"].append({"id": hsds_id("language", f"{aid}:{s}"), "service_id": sid, "name": s,
                              "code": sprachcode(s)})


def _gebiete_kosten(t: dict[str, list[dict]], a: dict, aid: str, sid: str, sozialraeume: dict) -> None:
    """service_area and cost_option rows of one Angebot."""
    for s in _einzeln(a.get("versorgt")):
        if s == KREISWEIT:
            t["service_area"].append({"id": hsds_id("service_area", f"{aid}:{s}"), "service_id": sid,
                                      "name": _KREISWEIT_NAME,
                                      "description": KREISWEIT_BESCHREIBUNG})
        else:
            sr = sozialraeume.get(s, {})
            t["service_area"].append({"id": hsds_id("service_area", f"{aid}:{s}"), "service_id": sid,
                                      "name": sr.get("name") or s, "description": sr.get("beschreibung")})
    kosten, kostenlos = a.get("kosten"), a.get("kostenlos")
    if kostenlos is None:
        return
    betrag = None
    if kostenlos:
        betrag = 0
    elif kosten and (m := _BETRAG.search(kosten)):
        betrag = float(m.group(1).replace(",", "."))
        betrag = int(betrag) if betrag.is_integer() else betrag
        betrag = betrag or None
    t["cost_option"].append({"id": hsds_id("cost_option", aid), "service_id": sid,
                             "option": "kostenlos" if kostenlos else "kostenpflichtig",
                             "currency": _WAEHRUNG if betrag is not None else None, "amount": betrag,
                             "amount_description": kosten})


def _attribute(t: dict[str, list[dict]], a: dict, aid: str, sid: str, begriffe: _Begriffe, themen: dict) -> None:
    """attribute rows of one Angebot: Art, Themen, Zielgruppen and Zusatzangaben as terms of our taxonomies."""
    attribute: list[tuple[str, str | None]] = []
    if a.get("art"):
        attribute.append((begriffe.id("art", a["art"], a["art"], _ART_BESCHREIBUNG.get(a["art"], a["art"])), None))
    for th in _einzeln(a.get("themen")):
        tdat = themen.get(th, {})
        attribute.append((begriffe.id("thema", th, tdat.get("name") or th, tdat.get("beschreibung") or
                                      tdat.get("name") or th), None))
    for z in _einzeln(a.get("zielgruppen")):
        attribute.append((begriffe.id("zielgruppe", z, z, f"Zielgruppe: {z}"), None))
    teil = {k: None if _vollstaendig(a) else a.get(k) for k in ("strasse", "plz", "ort")}
    zusatz = {"kennung": aid, "gemeinde": a.get("gemeinde_id"), **teil,
              "aufsuchend": None if a.get("aufsuchend") is None else ("ja" if a["aufsuchend"] else "nein"),
              "gueltig_ab": a.get("gueltig_ab"), "gueltig_bis": a.get("gueltig_bis"),
              "geprueft_von": a.get("geprueft_von")}
    for code, wert in zusatz.items():
        if wert is not None:
            attribute.append((begriffe.id("zusatz", code, *ZUSATZ[code]), str(wert)))
    for term_id, wert in attribute:
        t["attribute"].append({"id": hsds_id("attribute", f"{aid}:{term_id}"), "link_id": sid,
                               "taxonomy_term_id": term_id, "link_entity": "service", "value": wert})


def hsds_tabellen(daten: Netzdaten, stichtag: str | date | None = None,
                  hinweise: list[str] | None = None) -> dict[str, list[dict]]:
    """The Angebote of ``daten`` as flat HSDS rows, one list per table of :data:`GESCHRIEBEN`.

    ``stichtag`` (default: today) decides ``service.status``: ``active``, ``inactive`` (starts later) or
    ``defunct`` (ended). Every list is in a fixed order, so equal data gives equal rows. An e-mail or web address
    that HSDS would refuse is left out and named in ``hinweise``.
    """
    tag = stichtag_iso(stichtag)
    t: dict[str, list[dict]] = {name: [] for name in GESCHRIEBEN}
    sozialraeume = {s["id"]: s for s in daten.sozialraeume}
    themen = {th["id"]: th for th in daten.themen}
    angebote = [_kontakt_gueltig(a, hinweise) for a in sorted(daten.angebote, key=lambda r: str(r["id"]))]
    t["organization"], orgs = _organisationen(angebote)
    begriffe = _Begriffe()
    for a in angebote:
        aid = str(a["id"])
        sid = hsds_id("service", aid)
        t["service"].append({
            "id": sid, "organization_id": orgs[a.get("traeger") or _OHNE_TRAEGER], "name": a["name"],
            "description": a.get("beschreibung"), "url": _url(a.get("website")), "email": a.get("email"),
            "status": _status(a, tag), "application_process": a.get("hinweis"), "fees_description": a.get("kosten"),
            "eligibility_description": ", ".join(_einzeln(a.get("zielgruppen"))) or None,
            "assured_date": a.get("geprueft_am"),
        })
        _ort(t, a, aid, sid)
        _kontakt_zeiten(t, a, aid, sid)
        _gebiete_kosten(t, a, aid, sid, sozialraeume)
        _attribute(t, a, aid, sid, begriffe, themen)
    begriffe.zeilen(t)
    return {name: [_ohne_none(r) for r in rows] for name, rows in t.items()}


def _csv_wert(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v) if isinstance(v, float) else str(v)


_FREMDSCHLUESSEL = {f"{n}_id" for n in TABELLEN} | {"link_id"}


def _kind(row: dict) -> dict:
    """A flat row as nested child: without the keys that point at its parents."""
    return {k: v for k, v in row.items() if k not in _FREMDSCHLUESSEL}


def _verschachteln(t: dict[str, list[dict]]) -> list[dict]:
    """The flat rows as fully nested service objects (the JSON form)."""
    def nach(tabelle: str, feld: str) -> dict[str, list[dict]]:
        d: dict[str, list[dict]] = {}
        for r in t[tabelle]:
            if r.get(feld):
                d.setdefault(r[feld], []).append(r)
        return d

    orgs = {o["id"]: o for o in t["organization"]}
    taxonomien = {x["id"]: x for x in t["taxonomy"]}
    begriffe = {b["id"]: b for b in t["taxonomy_term"]}
    phones_s, phones_c = nach("phone", "service_id"), nach("phone", "contact_id")
    orte = {lo["id"]: lo for lo in t["location"]}
    adressen, zugang = nach("address", "location_id"), nach("accessibility", "location_id")

    def term(tid: str) -> dict:
        b = dict(begriffe[tid])
        b["taxonomy_detail"] = taxonomien[b.pop("taxonomy_id")]
        return b

    def ort(lid: str) -> dict:
        lo = _kind(orte[lid])
        lo["addresses"] = [_kind(x) for x in adressen.get(lid, [])]
        lo["accessibility"] = [_kind(x) for x in zugang.get(lid, [])]
        return _ohne_none(lo)

    kinder = {name: nach(name, "service_id") for name in ("schedule", "service_area", "language", "cost_option",
                                                             "contact", "service_at_location")}
    attrs = nach("attribute", "link_id")
    services = []
    for s in t["service"]:
        sid = s["id"]
        obj = _kind(s)
        obj["phones"] = [_kind(p) for p in phones_s.get(sid, [])]
        obj["schedules"] = [_kind(x) for x in kinder["schedule"].get(sid, [])]
        obj["service_areas"] = [_kind(x) for x in kinder["service_area"].get(sid, [])]
        obj["service_at_locations"] = [
            _ohne_none({**_kind(x), "location": ort(x["location_id"])})
            for x in kinder["service_at_location"].get(sid, [])]
        obj["languages"] = [_kind(x) for x in kinder["language"].get(sid, [])]
        obj["organization"] = orgs[s["organization_id"]]
        obj["cost_options"] = [_kind(x) for x in kinder["cost_option"].get(sid, [])]
        obj["contacts"] = [_ohne_none({**_kind(x),
                                       "phones": [_kind(p) for p in phones_c.get(x["id"], [])]})
                           for x in kinder["contact"].get(sid, [])]
        obj["attributes"] = [{**_kind(x), "taxonomy_term": term(x["taxonomy_term_id"])}
                             for x in attrs.get(sid, []) if x.get("link_entity") == "service"]
        services.append(_ohne_none(obj))
    return services


def export_hsds(daten: Netzdaten, out_dir: Path | str, form: str = "tabular",
                stichtag: str | date | None = None, hinweise: list[str] | None = None) -> list[Path]:
    """Write the Angebote of ``daten`` as HSDS 3.0 into folder ``out_dir``; returns the paths written.

    ``form``: ``"tabular"`` (one CSV per table of :data:`GESCHRIEBEN` and ``datapackage.json``), ``"json"``
    (``services.json``, an array of fully nested service objects) or ``"both"``. ``stichtag`` (default today)
    decides each service's ``status``. Kitas and Kooperationen are not written: HSDS has no table for them.
    Nothing the official schema refuses is written: an invalid e-mail or web address is left out and named in
    ``hinweise``.
    """
    if form not in FORMEN:
        raise KitaNetzFehler(f"Unbekannte HSDS-Form „{form}“ (erlaubt: {', '.join(FORMEN)}).")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t = hsds_tabellen(daten, stichtag, hinweise)
    written: list[Path] = []
    if form in ("tabular", "both"):
        for name in TABELLEN:
            if name not in GESCHRIEBEN:
                continue
            tab = TABELLEN[name]
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            w.writerow(tab.spalten)
            for r in t[name]:
                w.writerow([_csv_wert(r.get(s)) for s in tab.spalten])
            p = out / tab.pfad
            p.write_text(buf.getvalue(), encoding="utf-8")
            written.append(p)
        p = out / "datapackage.json"
        p.write_text(json.dumps(datapackage(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(p)
    if form in ("json", "both"):
        p = out / "services.json"
        p.write_text(json.dumps(_verschachteln(t), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(p)
    return written

