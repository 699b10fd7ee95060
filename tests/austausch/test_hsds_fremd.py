"""HSDS written by other systems: every documented shape of HSDS 3.0, from the official examples of the
specification (tests/daten/hsds/beispiele/, unchanged, CC BY-SA 4.0) and variants built from them here.

Each record either arrives – with every field taken over or named in the „nicht übernommen“ notice – or is refused
with a reason; nothing disappears without a word. All or nothing is the default; ``teilweise`` imports the valid
services and lists every refused one."""

from __future__ import annotations

import copy
import csv
import json
import shutil
from pathlib import Path

import pytest

from network.austausch import import_hsds, import_hsds_store, read_path, validate
from network.austausch.hsds.lesen import VERKNUEPFUNG
from network.cli import SEED_DIR, main
from network.errors import ValidierungsFehler
from network.model import Netzdaten
from network.zugang import KOMMANDOZEILE

BEISPIELE = Path(__file__).resolve().parents[1] / "daten" / "hsds" / "beispiele"
SID = "ac148810-d857-441c-9679-408f346de14b"  # the service of the official examples


@pytest.fixture(scope="module")
def basis() -> Netzdaten:
    seed = validate(read_path(SEED_DIR))
    return Netzdaten(sozialraeume=seed.sozialraeume, gemeinden=seed.gemeinden, themen=seed.themen)


def beispiel(name: str):
    return json.loads((BEISPIELE / name).read_text(encoding="utf-8"))


def schreibe(tmp_path: Path, name: str, daten) -> Path:
    p = tmp_path / name
    p.write_text(json.dumps(daten, ensure_ascii=False), encoding="utf-8")
    return p


def eingedeutscht_ort(lo: dict, lat: float = 50.0709, lon: float = 7.4431) -> dict:
    """A location of the official examples moved to Kastellaun (their coordinates 100/101 and US address are not
    in Germany); every other field stays as the specification wrote it."""
    lo = copy.deepcopy(lo)
    lo["latitude"], lo["longitude"] = lat, lon
    for a in lo.get("addresses", []):
        a.update(country="DE", city="Kastellaun", postal_code="56288", state_province="Rheinland-Pfalz")
    return lo


def eingedeutscht(o):
    """An official example with every place in Kastellaun and phone numbers without the stray quotes of the
    example ("\"+44 1234 234567\""); every other field as the specification wrote it."""
    o = copy.deepcopy(o)

    def gehe(x):
        if isinstance(x, dict):
            if "latitude" in x:
                x["latitude"], x["longitude"] = 50.0709, 7.4431
            if "country" in x:
                x.update(country="DE", city="Kastellaun", postal_code="56288", state_province="Rheinland-Pfalz")
            if isinstance(x.get("number"), str):
                x["number"] = x["number"].strip('"')
            for v in x.values():
                gehe(v)
        elif isinstance(x, list):
            for v in x:
                gehe(v)
    gehe(o)
    return o


def neue_ids(o, salz: str):
    """The same object with every id replaced (another record, not the same one again)."""
    import uuid

    o = copy.deepcopy(o)

    def gehe(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if (k == "id" or k.endswith("_id")) and isinstance(v, str):
                    x[k] = str(uuid.uuid5(uuid.NAMESPACE_URL, salz + v))
                else:
                    gehe(v)
        elif isinstance(x, list):
            for v in x:
                gehe(v)
    gehe(o)
    return o


def blaetter(o, tabelle: str, kinder: dict):
    """Every scalar field of a nested HSDS object as (table, field, value), children by the official schema."""
    from network.austausch.hsds import TABELLEN

    for k, v in o.items():
        if isinstance(v, dict) and k in TABELLEN[tabelle].kinder:
            yield from blaetter(v, TABELLEN[tabelle].kinder[k][0], kinder)
        elif isinstance(v, list) and k in TABELLEN[tabelle].kinder:
            for el in v:
                yield from blaetter(el, TABELLEN[tabelle].kinder[k][0], kinder)
        elif k == "service_at_locations" or k == "taxonomy_detail":
            continue
        elif v not in (None, "") and not isinstance(v, (dict, list)):
            yield tabelle, k, v


#: Fields that decide how a record is taken over rather than giving a value of their own.
ENTSCHEIDET = {"service.status", "location.location_type", "address.address_type", "address.country",
               "address.state_province", "phone.type", "cost_option.amount", "cost_option.option",
               "cost_option.currency"}


def angekommen_oder_genannt(service: dict, roh) -> list[str]:
    """The fields of ``service`` (and its children) whose value neither arrived in an Angebot nor is named in a
    notice – must be empty."""
    hinweise = "\n".join(roh.hinweise)
    werte = " ".join(" ".join(r.values()) for _, r in roh.tabellen["angebote"].zeilen)
    fehlt = []
    for tabelle, feld, wert in blaetter(service, "service", {}):
        if feld in VERKNUEPFUNG or f"{tabelle}.{feld}" in ENTSCHEIDET:
            continue
        text = str(wert).strip('"')
        genannt = f"{tabelle}.{feld}" in hinweise or (f"{tabelle} (" in hinweise and feld in hinweise)
        if not genannt and text not in werte and text not in hinweise:
            fehlt.append(f"{tabelle}.{feld} = {wert!r}")
    return fehlt


# --- each documented shape, as the specification publishes it --------------------------------------------------

@pytest.mark.parametrize("name, grund", [
    ("service_full.json", "country „US“"),
    ("service_at_location_full.json", "country „US“"),
    ("organization_full.json", "country „US“"),
    ("tabular.json", "country „US“"),
    ("service_at_location_list.json", "100.0 liegt nicht in Deutschland"),
])
def test_official_examples_are_refused_with_a_reason(basis, name, grund):
    """The examples describe a service abroad: all or nothing refuses them, naming the reason."""
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(BEISPIELE / name, basis)
    texte = [str(f) for f in exc.value.fehler]
    assert any(grund in t for t in texte), texte
    assert not any("Pflichtfeld ist leer" in t or "gibt es nicht in organizations" in t for t in texte), texte
    roh = import_hsds(BEISPIELE / name, basis, teilweise=True)  # partial: nothing arrives, the refusal is listed
    assert roh.tabellen["angebote"].zeilen == []
    assert any(h.startswith("Dienst 1 „Community Counselling“ abgelehnt") and grund in h for h in roh.hinweise)


def test_official_csv_folder_is_read_as_tables(basis):
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(BEISPIELE / "csv", basis)
    orte = {(f.datei, f.zeile, f.spalte): f.grund for f in exc.value.fehler}
    assert "„US“" in orte[("hsds:address", 1, "country")]
    assert "100.0 liegt nicht in Deutschland" in orte[("hsds:location", 1, "latitude")]
    assert "keine gültige Telefonnummer" in orte[("hsds:phone", 1, "number")]  # the example's number is in quotes
    assert len(orte) == 4


def test_official_service_list_arrives(basis):
    roh = import_hsds(BEISPIELE / "service_list.json", basis)
    ((_, row),) = roh.tabellen["angebote"].zeilen
    assert row["id"] == f"hsds-{SID}" and row["name"] == "Community Counselling"
    assert row["traeger"] == "Example Organization Inc." and row["email"] == "email@example.com"
    assert angekommen_oder_genannt(beispiel("service_list.json")["contents"][0], roh) == []


@pytest.mark.parametrize("name", ["organization_list.json", "location.json", "taxonomy.json", "taxonomy_list.json",
                                  "taxonomy_term.json", "taxonomy_term_list.json", "base.json"])
def test_shapes_without_services_are_refused_by_name(basis, name):
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(BEISPIELE / name, basis)
    (f,) = exc.value.fehler
    assert f.datei == f"hsds:{name}" and "enthält keine Dienste, sondern" in f.grund
    art = {"organization_list.json": "Organisationen", "location.json": "Ort", "base.json": "Schnittstelle"}
    assert art.get(name, "Taxonom") in f.grund


# --- the same shapes with a place in Germany: everything arrives or is named -------------------------------------

def test_service_full_arrives_with_every_field_mapped_or_named(basis, tmp_path):
    s = eingedeutscht(beispiel("service_full.json"))
    roh = import_hsds(schreibe(tmp_path, "service.json", s), basis)
    (row,) = validate(roh, basis).angebote
    assert (row["lat"], row["lon"], row["ort"], row["plz"]) == (50.0709, 7.4431, "Kastellaun", "56288")
    assert row["strasse"] == "1-30 Main Street, MyVillage" and row["gemeinde_id"] == "07140064"
    assert row["telefon"] == "+44 1234 234567-100"  # the extension after a hyphen
    assert row["sprachen"] == ["Urdu"] and row["kosten"].startswith("Non-NHS patients")
    assert row["oeffnungszeiten"].startswith("The service is available from 10 am")
    hinweise = "\n".join(roh.hinweise)
    for feld in ("cost_option.valid_from", "language.note", "schedule.attending_type", "organization.description",
                 "location.name", "address.attention", "service.wait_time", "service.minimum_age"):
        assert feld in hinweise, feld
    assert "contact (1: department, email, name, title)" in hinweise
    assert "service_at_location (1: description)" in hinweise
    assert angekommen_oder_genannt(s, roh) == []


def test_organization_full_keeps_the_traeger_of_its_services(basis, tmp_path):
    org = eingedeutscht(beispiel("organization_full.json"))
    for s in org["services"]:
        s.pop("organization", None)  # as an API may send it: the services sit inside their organization
    roh = import_hsds(schreibe(tmp_path, "org.json", org), basis)
    ((_, row),) = roh.tabellen["angebote"].zeilen
    assert row["traeger"] == "Example Organization Inc."
    assert "organization.legal_status" in "\n".join(roh.hinweise)


def test_service_at_location_list_becomes_services_at_their_place(basis, tmp_path):
    seite = beispiel("service_at_location_list.json")
    for x in seite["contents"]:
        x["location"] = eingedeutscht_ort(x["location"])
    zweiter = copy.deepcopy(seite["contents"][0])  # the same service at a second place
    zweiter["id"] = "5a9d9bd6-0f7e-4a57-9c16-1d1ed5a4a0a2"
    zweiter["location"] = eingedeutscht_ort({**zweiter["location"], "id": "c7e1f2a3-1b2c-4d5e-8f90-a1b2c3d4e5f6",
                                            "name": "Bürgerhaus Simmern"}, 49.9853, 7.5236)
    seite["contents"].append(zweiter)
    roh = import_hsds(schreibe(tmp_path, "sal.json", seite), basis)
    zeilen = [r for _, r in roh.tabellen["angebote"].zeilen]
    assert [r["id"] for r in zeilen] == [f"hsds-{SID}", f"hsds-{SID}-ort2"]
    assert zeilen[1]["name"] == "Community Counselling – Bürgerhaus Simmern" and zeilen[1]["lat"] == "49.9853"
    assert any("mehreren Orten" in h for h in roh.hinweise)


def test_tabular_json_and_csv_folder_arrive_in_germany(basis, tmp_path):
    tab = eingedeutscht(beispiel("tabular.json"))
    roh = import_hsds(schreibe(tmp_path, "tabular.json", tab), basis)
    ((_, row),) = roh.tabellen["angebote"].zeilen
    assert row["ort"] == "Kastellaun" and row["traeger"] == "Example Organization Inc."

    ordner = tmp_path / "csv"
    shutil.copytree(BEISPIELE / "csv", ordner)
    for datei, neu in (("locations.csv", {"latitude": "50.0709", "longitude": "7.4431"}),
                       ("addresses.csv", {"country": "DE", "city": "Kastellaun", "postal_code": "56288"}),
                       ("phones.csv", None)):
        with open(ordner / datei, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for r in rows:
            if neu:
                r.update(neu)
            elif "number" in r:
                r["number"] = r["number"].strip('"')
        with open(ordner / datei, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    roh = import_hsds(ordner, basis)
    ((_, row_csv),) = roh.tabellen["angebote"].zeilen
    assert row_csv["ort"] == "Kastellaun" and row_csv["name"] == "Community Counselling"


# --- what used to go wrong --------------------------------------------------------------------------------------

def test_duplicate_service_ids_are_refused_not_dropped(basis, tmp_path):
    seite = beispiel("service_list.json")
    zweiter = {**copy.deepcopy(seite["contents"][0]), "name": "Ein anderer Dienst"}
    seite["contents"].append(zweiter)
    p = schreibe(tmp_path, "liste.json", seite)
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(p, basis)
    (f,) = exc.value.fehler
    assert (f.datei, f.zeile, f.spalte) == ("hsds:service", 2, "id") and "kommt in service mehrfach vor" in f.grund
    roh = import_hsds(p, basis, teilweise=True)
    assert [r["name"] for _, r in roh.tabellen["angebote"].zeilen] == ["Community Counselling"]
    assert any(h.startswith("Dienst 2 „Ein anderer Dienst“ abgelehnt") for h in roh.hinweise)


def test_duplicate_ids_in_the_tabular_form_are_refused(basis, tmp_path):
    ordner = tmp_path / "csv"
    shutil.copytree(BEISPIELE / "csv", ordner)
    text = (ordner / "services.csv").read_text(encoding="utf-8").splitlines()
    (ordner / "services.csv").write_text("\n".join(text + [text[1]]) + "\n", encoding="utf-8")
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(ordner, basis)
    assert any(f.datei == "hsds:service" and f.zeile == 2 and "mehrfach" in f.grund for f in exc.value.fehler)


def test_an_id_given_as_a_list_is_an_error_not_a_crash(basis, tmp_path):
    s = eingedeutscht(beispiel("service_full.json"))
    s["phones"][0]["id"] = ["1554f2e2-a373-45db-a3fa-9fc48a61c15e"]
    s["id"] = [SID]
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(schreibe(tmp_path, "s.json", [s]), basis)
    orte = {(f.datei, f.zeile, f.spalte) for f in exc.value.fehler}
    assert ("hsds:service", 1, "id") in orte and ("hsds:service", 1, "phones[0].id") in orte
    assert all("nicht eine Liste" in f.grund for f in exc.value.fehler if f.spalte.endswith("id"))


def test_contact_data_is_checked(basis, tmp_path):
    s = beispiel("service_list.json")["contents"][0]
    falsch = [{**s, "id": f"{SID[:-1]}{i}", "email": mail} for i, mail in
              enumerate(["beratung(at)example.org", "email-example_com"])]
    falsch.append({**s, "id": f"{SID[:-1]}9", "url": "kein url"})
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(schreibe(tmp_path, "s.json", falsch), basis)
    gruende = {(f.zeile, f.spalte): f.grund for f in exc.value.fehler}
    assert "keine gültige E-Mail-Adresse" in gruende[(1, "email")] and (2, "email") in gruende
    assert "keine gültige Internetadresse" in gruende[(3, "url")]


# --- partial import into the store ------------------------------------------------------------------------------

def test_partial_import_writes_the_valid_and_lists_every_refused(embedded, basis, tmp_path):
    gut = eingedeutscht(beispiel("service_full.json"))
    fremd = eingedeutscht(neue_ids(beispiel("service_full.json"), "fremd"))  # another service, abroad
    fremd["name"] = "Dienst im Ausland"
    fremd["service_at_locations"][0]["location"]["addresses"][0]["country"] = "US"
    kaputt = {**neue_ids(gut, "kaputt"), "name": "Falsche Mail", "email": "beratung(at)example.org"}
    p = schreibe(tmp_path, "drei.json", [gut, fremd, kaputt])
    embedded.write(basis)
    with pytest.raises(ValidierungsFehler):
        import_hsds_store(embedded, p, wer=KOMMANDOZEILE)
    assert embedded.load().angebote == []  # all or nothing: nothing written
    bericht = import_hsds_store(embedded, p, teilweise=True, wer=KOMMANDOZEILE)
    assert bericht.zeilen == {"angebote": 1}
    assert [a["name"] for a in embedded.load().angebote] == ["Community Counselling"]
    assert len(bericht.abgelehnt) == 2
    assert bericht.abgelehnt[0].startswith("Dienst 2 „Dienst im Ausland“ abgelehnt") and "„US“" in bericht.abgelehnt[0]
    assert "Dienst 3 „Falsche Mail“" in bericht.abgelehnt[1] and "E-Mail-Adresse" in bericht.abgelehnt[1]


def test_cli_partial_import_and_dry_run_changes(tmp_path, capsys, basis):
    from network.austausch import export_dir

    export_dir(basis, tmp_path / "basis")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", str(tmp_path / "basis")]) == 0
    gut = eingedeutscht(beispiel("service_full.json"))
    fremd = neue_ids(beispiel("service_full.json"), "fremd")  # another service, abroad
    p = schreibe(tmp_path, "zwei.json", [gut, fremd])
    capsys.readouterr()
    assert main(["--data-dir", data, "import", "--format", "hsds", str(p)]) == 1
    assert "country „US“" in capsys.readouterr().err
    assert main(["--data-dir", data, "import", "--format", "hsds", str(p), "--teilweise"]) == 0
    out, err = capsys.readouterr()
    assert "1 Zeile importiert (1 angebote). 1 Datensatz abgelehnt" in out and "Abgelehnt: Dienst 2" in err
    assert "angebote: 1 neu, 0 geändert, 0 unverändert" in out

    gut["email"] = "neu@example.org"
    p2 = schreibe(tmp_path, "geaendert.json", [gut])
    assert main(["--data-dir", data, "import", "--format", "hsds", str(p2), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Probelauf" in out and f"angebote: 0 neu, 1 geändert, 0 unverändert (hsds-{SID}: email)" in out
    assert main(["--data-dir", data, "import", "--format", "csv", str(tmp_path / "basis"), "--teilweise"]) == 1
    assert "--teilweise gilt nur für --format hsds" in capsys.readouterr().err


def test_one_id_for_two_different_objects_is_refused(basis, tmp_path):
    """The same location id with another address in a second service: one of the two would be lost."""
    gut = eingedeutscht(beispiel("service_full.json"))
    zweiter = {**copy.deepcopy(beispiel("service_full.json")), "id": "0c2b5a8e-3f1d-4c7a-9e2b-6d5f4a3b2c1d"}
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(schreibe(tmp_path, "zwei.json", [gut, zweiter]), basis)
    assert any(f.zeile == 2 and "steht in location schon für ein anderes Objekt" in f.grund for f in exc.value.fehler)


def test_tabular_json_with_a_list_in_a_cell_and_a_service_without_id(basis, tmp_path):
    tab = eingedeutscht(beispiel("tabular.json"))
    tab["services.csv"][0]["id"] = [SID]
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(schreibe(tmp_path, "tabular.json", tab), basis)
    gruende = {(f.datei, f.zeile, f.spalte): f.grund for f in exc.value.fehler}
    assert "nicht eine Liste" in gruende[("hsds:service", 1, "id")]
    s = beispiel("service_list.json")["contents"][0]
    s.pop("id")
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(schreibe(tmp_path, "ohne.json", [s]), basis)
    assert [(f.zeile, f.spalte) for f in exc.value.fehler] == [(1, "id")]
    assert "braucht eine Kennung" in exc.value.fehler[0].grund


def test_organization_shape_of_a_transformer_with_list_ids(basis, tmp_path):
    """The shape an open-source transformer writes for 211 data (stevensblueprint/hsds-transformer, output/
    organization_*.json – no licence, so not copied; values here invented): an organization with services, a
    service ``id`` given as a list of objects, empty strings, numbers as text and a misspelt ``addresss``."""
    org = {"id": "35", "name": "Beispielverein e. V.", "alternate_name": "", "description": "Ein Verein.",
           "email": "", "website": "http://verein.example.org/", "tax_id": "", "year_incorporated": "",
           "locations": [{"id": "1992", "organization_id": "35", "name": "Vereinsheim", "latitude": "50.0709",
                          "longitude": "7.4431", "phones": [{"id": "778", "location_id": "1992",
                                                             "number": "06762 5555-30"}],
                          "addresss": [{"id": "2235", "address_1": "Marktplatz 4", "city": "Kastellaun",
                                        "postal_code": "56288", "country": ""}]}],
           "services": [{"id": [{"id": "950"}], "organization_id": "35", "name": "Beratung für Familien",
                         "description": "Beratung.", "email": "", "fees_description": "None",
                         "languages": [{"name": "English"}], "last_modified": "2024-03-06 20:51:41"},
                        {"id": "951", "organization_id": "35", "name": "Elterncafé", "status": "active"}]}
    p = schreibe(tmp_path, "organization_35.json", org)
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(p, basis)
    assert [(f.datei, f.zeile, f.spalte) for f in exc.value.fehler] == [("hsds:service", 1, "id")]
    roh = import_hsds(p, basis, teilweise=True)
    ((_, row),) = roh.tabellen["angebote"].zeilen
    assert row["id"] == "hsds-951" and row["traeger"] == "Beispielverein e. V."
    hinweise = "\n".join(roh.hinweise)
    assert "Dienst 1 „Beratung für Familien“ abgelehnt" in hinweise and "nicht eine Liste" in hinweise
    assert "Unbekannte Felder in location ignoriert: addresss" in hinweise
    assert "location (1: latitude, longitude, name)" in hinweise  # the organization's place: no service uses it


# --- a UK implementation's test data (tests/daten/hsds/oruk/, CC BY-SA 4.0) ---------------------------------------

ORUK = BEISPIELE.parent / "oruk"


def test_uk_list_with_one_id_for_128_records_loses_none_silently(basis):
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(ORUK / "service_list.json", basis)
    assert len(exc.value.fehler) == 127
    assert {(f.datei, f.spalte) for f in exc.value.fehler} == {("hsds:service", "id")}
    assert sorted(f.zeile for f in exc.value.fehler) == list(range(2, 129))
    roh = import_hsds(ORUK / "service_list.json", basis, teilweise=True)
    assert len(roh.tabellen["angebote"].zeilen) == 1
    abgelehnt = [h for h in roh.hinweise if " abgelehnt: " in h]
    assert len(abgelehnt) == 127 and all("kommt in service mehrfach vor" in h for h in abgelehnt)


@pytest.mark.parametrize("name", ["service_full.json", "organization_full.json", "service_at_location_full.json",
                                  "service_at_location_list.json"])
def test_uk_documents_are_read_and_refused_with_reasons(basis, name):
    roh = import_hsds(ORUK / name, basis, teilweise=True)
    assert roh.tabellen["angebote"].zeilen == []
    (abgelehnt,) = [h for h in roh.hinweise if " abgelehnt: " in h]
    assert "nicht in Deutschland" in abgelehnt
    assert not any("Pflichtfeld ist leer" in h or "gibt es nicht in organizations" in h for h in roh.hinweise)
    assert any(h.startswith("HSDS: Felder ohne Entsprechung") for h in roh.hinweise)
