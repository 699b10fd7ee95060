"""Open Referral HSDS 3.0: every object written validates against the official schemas, the export round-trips
through the import, and a dataset written by another system imports with notices for what does not map."""

from __future__ import annotations

import copy
import csv
import filecmp
import json
import shutil
import uuid
from pathlib import Path

import jsonschema
import pytest
import referencing
from referencing.jsonschema import DRAFT202012

from network.austausch import import_hsds, import_hsds_store, read_path, validate
from network.austausch.hsds import (
    GESCHRIEBEN,
    NAMESPACE,
    TABELLEN,
    datapackage,
    export_hsds,
    hsds_id,
    parse_oeffnungszeiten,
    sprachcode,
    sprachname,
    zeitplan_text,
)
from network.cli import SEED_DIR, main
from network.errors import ValidierungsFehler
from network.model import Netzdaten
from network.zugang import KOMMANDOZEILE

DATEN = Path(__file__).resolve().parents[1] / "daten" / "hsds"
SCHEMA = DATEN / "schema"
FREMD = DATEN / "fremd"
STICHTAG = "2026-01-01"


# --- the official schemas --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def registry() -> referencing.Registry:
    resources = [(f.name, referencing.Resource.from_contents(json.loads(f.read_text(encoding="utf-8")),
                                                             default_specification=DRAFT202012))
                 for f in sorted(SCHEMA.glob("*.json")) if f.name != "datapackage.json"]
    return referencing.Registry().with_resources(resources)


@pytest.fixture(scope="module")
def offiziell() -> dict:
    return json.loads((SCHEMA / "datapackage.json").read_text(encoding="utf-8"))


def validator(registry, tabelle: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": f"{tabelle}.json"}, registry=registry,
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def schema(tabelle: str) -> dict:
    return json.loads((SCHEMA / f"{tabelle}.json").read_text(encoding="utf-8"))


def fehler_von(registry, tabelle: str, obj: dict) -> list[str]:
    return [f"{tabelle} {e.json_path}: {e.message}" for e in validator(registry, tabelle).iter_errors(obj)]


def tabelle_als_json(ordner: Path, tabelle: str) -> list[dict]:
    """The rows of one CSV of the tabular form as JSON objects (numbers as numbers, empty cells left out)."""
    tab = TABELLEN[tabelle]
    zahlen = {f.name for f in tab.felder if f.typ == "number"}
    with open(ordner / tab.pfad, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [{k: (float(v) if k in zahlen else v) for k, v in r.items() if v != ""} for r in rows]


def pruefe_tabular(registry, ordner: Path) -> int:
    """Validate every row of every table of a tabular HSDS package; returns the number of objects checked."""
    n, fehler = 0, []
    ids: dict[str, set] = {}
    paket = json.loads((ordner / "datapackage.json").read_text(encoding="utf-8")) \
        if (ordner / "datapackage.json").exists() else datapackage()
    eindeutig = {r["name"]: [f["name"] for f in r["schema"]["fields"] if f["constraints"].get("unique")]
                 for r in paket["resources"]}
    assert all("id" in eindeutig[t] for t in GESCHRIEBEN if t in eindeutig)
    zeilen: dict[str, list[dict]] = {}
    for tabelle in GESCHRIEBEN:
        rows = tabelle_als_json(ordner, tabelle)
        zeilen[tabelle] = rows
        pflicht = schema(tabelle).get("tabular_required", [])
        for r in rows:
            fehler += fehler_von(registry, tabelle, r)
            fehler += [f"{tabelle} {r['id']}: {p} fehlt (tabular_required)" for p in pflicht if p not in r]
            n += 1
        ids[tabelle] = {r["id"] for r in rows}
        for f in eindeutig[tabelle]:  # the package's unique constraints hold
            werte = [r[f] for r in rows if f in r]
            assert len(set(werte)) == len(werte), f"{tabelle}.{f} nicht eindeutig"
    for tabelle, rows in zeilen.items():  # every reference points at a row of the package
        for r in rows:
            for k, v in r.items():
                if k.endswith("_id") and k[:-3] in ids:
                    assert v in ids[k[:-3]], f"{tabelle}.{k} = {v} zeigt ins Leere"
            if tabelle == "attribute":
                assert r["link_id"] in ids[r["link_entity"]]
    assert not fehler, fehler[:10]
    return n


def pruefe_json(registry, datei: Path) -> int:
    services = json.loads(datei.read_text(encoding="utf-8"))
    fehler = [f for s in services for f in fehler_von(registry, "service", s)]
    assert not fehler, fehler[:10]
    return len(services)


def test_format_checks_are_really_on(registry):
    """A wrong UUID, e-mail or URL must fail, or a green test would prove nothing."""
    gut = {"id": str(uuid.uuid4()), "name": "X", "status": "active"}
    assert fehler_von(registry, "service", gut) == []
    assert fehler_von(registry, "service", {**gut, "id": "ang-001"})
    assert fehler_von(registry, "service", {**gut, "email": "keine-adresse"})
    if "uri" in jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers:  # needs rfc3986-validator
        assert fehler_von(registry, "service", {**gut, "url": "kein url"})
    assert fehler_von(registry, "service", {**gut, "status": "aktiv"})
    assert fehler_von(registry, "service", {**gut, "organization": {"id": str(uuid.uuid4()), "name": "O"}})


def test_catalogue_matches_the_official_schemas(offiziell):
    assert list(TABELLEN) == [r["name"] for r in offiziell["resources"]]
    for r in offiziell["resources"]:
        tab = TABELLEN[r["name"]]
        assert tab.pfad == r["path"]
        for ours, theirs in zip(tab.felder, r["schema"]["fields"], strict=True):
            typ = theirs.get("format") if theirs.get("format") in ("uuid", "email", "uri") else theirs["type"]
            assert (ours.name, ours.typ, ours.pflicht) == (theirs["name"], typ, theirs["constraints"]["required"])
            assert list(ours.erlaubt) == theirs["constraints"].get("enum", [])
        props = schema(r["name"])["properties"]
        verschachtelt = {k: (v.get("items", v)["$ref"].removesuffix(".json"), v.get("type") == "array")
                         for k, v in props.items() if "$ref" in v.get("items", v)}
        assert tab.kinder == verschachtelt, r["name"]
        assert set(tab.spalten) | set(tab.kinder) == set(props)


def test_datapackage_follows_the_official_one(offiziell):
    ours = datapackage()
    assert ours["profile"] == "tabular-data-package" and ours["version"] == offiziell["version"] == "3.0.0"
    theirs = {r["name"]: r for r in offiziell["resources"]}
    assert [r["name"] for r in ours["resources"]] == [n for n in theirs if n in GESCHRIEBEN]
    for r in ours["resources"]:
        o = theirs[r["name"]]
        assert r["path"] == o["path"] and r["profile"] == o["profile"] and r["schema"]["primaryKey"] == "id"
        for a, b in zip(r["schema"]["fields"], o["schema"]["fields"], strict=True):
            assert (a["name"], a["type"], a.get("format"), a["constraints"]["required"],
                    a["constraints"].get("enum"), a["constraints"].get("unique")) == \
                   (b["name"], b["type"], b.get("format"), b["constraints"]["required"], b["constraints"].get("enum"),
                    b["constraints"].get("unique"))
        erwartet = [fk for fk in o["schema"].get("foreignKeys", []) if fk["reference"]["resource"] in GESCHRIEBEN]
        key = lambda fk: fk["fields"]  # noqa: E731
        assert sorted(r["schema"].get("foreignKeys", []), key=key) == sorted(erwartet, key=key)


# --- export --------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed() -> Netzdaten:
    return validate(read_path(SEED_DIR))


@pytest.fixture(scope="module")
def seed_export(seed, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hsds") / "seed"
    export_hsds(seed, out, "both", STICHTAG)
    return out


def test_seed_export_validates_against_hsds(registry, seed, seed_export):
    n_tab = pruefe_tabular(registry, seed_export)
    n_json = pruefe_json(registry, seed_export / "services.json")
    assert n_json == len(seed.angebote) == 250
    assert n_tab > 5000  # every row of every table was checked
    print(f"HSDS-Objekte geprüft: {n_tab} Tabellenzeilen, {n_json} verschachtelte Dienste")


def test_mini_export_validates_against_hsds(registry, mini, tmp_path):
    export_hsds(mini, tmp_path, "both", STICHTAG)
    assert pruefe_tabular(registry, tmp_path) > 0
    assert pruefe_json(registry, tmp_path / "services.json") == 3
    services = {s["name"]: s for s in json.loads((tmp_path / "services.json").read_text(encoding="utf-8"))}
    ohne = services["Kreisweite Frühe Hilfen"]  # no Träger, no place, district-wide
    assert ohne["organization"]["name"] == "Träger nicht angegeben" and "service_at_locations" not in ohne
    assert [a["name"] for a in ohne["service_areas"]] == ["kreisweit"]
    assert services["Eltern-Kind-Turnen"]["status"] == "defunct"  # gueltig_bis 2025-12-31 < Stichtag
    assert services["Familienberatung Nord"]["status"] == "active"


def test_export_contains_no_kitas_and_no_kooperationen(mini, tmp_path):
    export_hsds(mini, tmp_path, "both", STICHTAG)
    alles = "".join(p.read_text(encoding="utf-8") for p in tmp_path.iterdir())
    assert "Sonne & Mond" not in alles and "Kita Formel" not in alles
    assert "koop-" not in alles and "Elternabend" not in alles and "kita-1" not in alles


def test_export_is_reproducible_with_stable_uuids(seed, seed_export, tmp_path):
    export_hsds(seed, tmp_path, "both", STICHTAG)
    for p in seed_export.iterdir():
        assert filecmp.cmp(p, tmp_path / p.name, shallow=False), p.name
    assert hsds_id("service", "ang-001") == str(uuid.uuid5(NAMESPACE, "service:ang-001"))
    services = tabelle_als_json(seed_export, "service")
    assert {s["id"] for s in services} == {hsds_id("service", a["id"]) for a in seed.angebote}


def test_seed_mapping_details(seed, seed_export):
    services = {s["id"]: s for s in json.loads((seed_export / "services.json").read_text(encoding="utf-8"))}
    s = services[hsds_id("service", "ang-001")]
    assert s["organization"]["name"] == "Ev. Beratungsdienste Hunsrück (fiktiv)"
    assert [(x["name"], x["code"]) for x in s["languages"]] == [("Deutsch", "de"), ("Arabisch", "ar"),
                                                                 ("Türkisch", "tr")]
    assert [(x["byday"], x["opens_at"], x["closes_at"]) for x in s["schedules"]] == [("TU,TH", "14:00:00",
                                                                                       "18:00:00")]
    assert s["cost_options"][0]["amount"] == 0 and s["cost_options"][0]["currency"] == "EUR"
    ort = s["service_at_locations"][0]["location"]
    assert ort["addresses"][0]["state_province"] == "Rheinland-Pfalz" and ort["latitude"] == 49.989916
    begriffe = {(a["taxonomy_term"]["taxonomy"], a["taxonomy_term"]["name"]) for a in s["attributes"]}
    assert ("Kita-Netzwerk Rhein-Hunsrück: Art des Angebots", "Beratung") in begriffe
    assert ("Kita-Netzwerk Rhein-Hunsrück: Themen", "Familienbildung") in begriffe
    taxonomie = tabelle_als_json(seed_export, "taxonomy_term")
    genutzt = {t for a in seed.angebote for t in a["themen"]}
    assert {t["code"] for t in taxonomie if t["taxonomy"].endswith("Themen")} == genutzt  # only terms in use


# --- round trip ----------------------------------------------------------------------------------------------------

def _basis(daten: Netzdaten) -> Netzdaten:
    return Netzdaten(sozialraeume=daten.sozialraeume, gemeinden=daten.gemeinden, themen=daten.themen)


@pytest.mark.parametrize("form", ["tabular", "json"])
def test_seed_round_trip_through_a_fresh_store(embedded, seed, tmp_path, form):
    erst = export_hsds(seed, tmp_path / "eins", form, STICHTAG)
    embedded.write(_basis(seed))  # HSDS carries only services: the places and the vocabulary are there already
    bericht = import_hsds_store(embedded, tmp_path / "eins", wer=KOMMANDOZEILE)
    assert bericht.zeilen == {"angebote": 250} and bericht.hinweise == []
    geladen = embedded.load()
    key = lambda r: r["id"]  # noqa: E731
    assert sorted(geladen.angebote, key=key) == sorted(seed.angebote, key=key)
    zweit = export_hsds(geladen, tmp_path / "zwei", form, STICHTAG)
    assert [p.name for p in erst] == [p.name for p in zweit]
    for a, b in zip(erst, zweit):
        assert filecmp.cmp(a, b, shallow=False), a.name


@pytest.mark.parametrize("form", ["tabular", "json"])
def test_mini_round_trip_keeps_every_value(mini, tmp_path, form):
    export_hsds(mini, tmp_path, form, STICHTAG)
    roh = import_hsds(tmp_path, _basis(mini))
    assert validate(roh, _basis(mini)).angebote == sorted(mini.angebote, key=lambda r: r["id"])


def test_folder_with_both_forms_reads_the_tabular_one(mini, tmp_path):
    export_hsds(mini, tmp_path, "both", STICHTAG)
    roh = import_hsds(tmp_path, _basis(mini))
    assert any("services.json nicht gelesen" in h for h in roh.hinweise)
    assert len(import_hsds(tmp_path / "services.json", _basis(mini)).tabellen["angebote"].zeilen) == 3
    assert len(import_hsds(tmp_path / "datapackage.json", _basis(mini)).tabellen["angebote"].zeilen) == 3


# --- a dataset written by another system ---------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["tabular", "json"])
def test_foreign_example_is_valid_hsds(registry, form):
    if form == "tabular":
        assert pruefe_tabular(registry, FREMD / "tabular") > 30
    else:
        assert pruefe_json(registry, FREMD / "json" / "services.json") == 3


@pytest.mark.parametrize("form", ["tabular", "json"])
def test_foreign_dataset_imports_with_notices(embedded, seed, form):
    embedded.write(_basis(seed))
    bericht = import_hsds_store(embedded, FREMD / form, wer=KOMMANDOZEILE)
    assert bericht.zeilen == {"angebote": 3}
    hinweise = "\n".join(bericht.hinweise)
    assert "Example Service Taxonomy: Counselling" in hinweise and "Hausbesuche" in hinweise  # unmapped terms
    assert "Unbekannte Felder in service ignoriert: x_bewertung" in hinweise
    assert "Unbekannte Felder in location ignoriert: x_parkplaetze" in hinweise
    assert "ohne Art – als „Beratung“ übernommen" in hinweise and "Hebammensprechstunde Simmern" in hinweise
    assert "Cochem" in hinweise  # a service area outside the district
    assert "service.wait_time" in hinweise and "location.transportation" in hinweise
    angebote = {a["name"]: a for a in embedded.load().angebote}
    eb = angebote["Erziehungsberatung – Außensprechstunde Kastellaun"]
    assert eb["id"] == "hsds-1f3e4f8a-6c0d-4b5e-9a47-2d1c0b8e7a11"
    assert (eb["art"], eb["themen"], eb["versorgt"]) == ("Beratung", ["erziehungsberatung"], ["sr-kastellaun"])
    assert eb["traeger"] == "Diakonisches Werk Mosel (fiktiv)" and eb["gemeinde_id"] == "07140064"
    assert (eb["strasse"], eb["plz"], eb["ort"], eb["lat"], eb["lon"]) == ("Marktplatz 4", "56288", "Kastellaun",
                                                                           50.0709, 7.4431)
    assert eb["oeffnungszeiten"] == "Mo–Do 9–12 Uhr, Do 14–17:30 Uhr"
    assert eb["sprachen"] == ["Deutsch", "Englisch"] and eb["kostenlos"] is True and eb["barrierefrei"] is None
    assert eb["telefon"] == "06762 5555-10" and eb["geprueft_am"] == "2025-11-03"
    heb = angebote["Hebammensprechstunde Simmern"]
    assert heb["themen"] == ["fruehe-hilfen"] and heb["sprachen"] == ["Arabisch", "Deutsch"]
    assert heb["email"] == "praxis@hebamme-sonnenschein.example.org" and heb["telefon"] == "06761 5555-20"
    assert heb["oeffnungszeiten"] == "jeden letzten Freitag im Monat 15–17 Uhr"
    cafe = angebote["Elterncafé Emmelshausen"]
    assert (cafe["art"], cafe["themen"], cafe["kostenlos"]) == ("Freizeit", ["begegnung"], False)
    assert cafe["oeffnungszeiten"] == "Mi 15–17 Uhr (nicht in den Schulferien)"
    assert cafe["versorgt"] == ["sr-hunsrueck-mittelrhein"] and cafe["sprachen"] == ["Deutsch", "Türkisch"]


def test_both_forms_of_the_foreign_dataset_give_the_same_rows(seed):
    tab = import_hsds(FREMD / "tabular", _basis(seed))
    js = import_hsds(FREMD / "json", _basis(seed))
    assert validate(tab, _basis(seed)) == validate(js, _basis(seed))
    assert tab.nicht_zugeordnet == js.nicht_zugeordnet


def test_errors_name_hsds_table_row_and_field(embedded, seed, tmp_path):
    embedded.write(_basis(seed))
    ordner = tmp_path / "kaputt"
    shutil.copytree(FREMD / "tabular", ordner)
    orte = (ordner / "locations.csv").read_text(encoding="utf-8").replace("49.9861", "neunundvierzig")
    (ordner / "locations.csv").write_text(orte, encoding="utf-8")
    dienste = (ordner / "services.csv").read_text(encoding="utf-8").replace("Elterncafé Emmelshausen", "")
    (ordner / "services.csv").write_text(dienste, encoding="utf-8")
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds_store(embedded, ordner, wer=KOMMANDOZEILE)
    orte = {(f.datei, f.zeile, f.spalte) for f in exc.value.fehler}
    assert ("hsds:location", 2, "latitude") in orte
    assert ("hsds:service", 3, "name") in orte
    assert str(next(f for f in exc.value.fehler if f.spalte == "latitude")).startswith(
        "hsds:location, Zeile 2, Spalte „latitude“: „neunundvierzig“ ist keine Zahl")
    assert embedded.load().angebote == []  # nothing written


def test_errors_in_the_json_form_name_the_path(seed, tmp_path):
    services = json.loads((FREMD / "json" / "services.json").read_text(encoding="utf-8"))
    services[1]["service_at_locations"][0]["location"]["longitude"] = 99.5
    services[2]["attributes"] = []
    (tmp_path / "services.json").write_text(json.dumps(services), encoding="utf-8")
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(tmp_path / "services.json", _basis(seed))
    f = exc.value.fehler[0]
    assert (f.datei, f.zeile, f.spalte) == ("hsds:service", 2, "service_at_locations[0].location.longitude")
    assert "liegt nicht in Deutschland" in f.grund


def test_unknown_thema_of_our_taxonomy_is_an_error_at_the_attribute(mini, tmp_path):
    daten = copy.deepcopy(mini)
    daten.themen.append({"id": "neu", "name": "Neu", "beschreibung": None})
    daten.angebote[0]["themen"] = ["neu"]
    export_hsds(daten, tmp_path, "tabular", STICHTAG)
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(tmp_path, _basis(mini))
    f = exc.value.fehler[0]
    assert f.datei == "hsds:taxonomy_term" and f.spalte == "code" and "„neu“" in f.grund


def test_nothing_to_read_is_a_clear_error(tmp_path):
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(tmp_path)
    assert "Kein HSDS-Datensatz gefunden" in exc.value.fehler[0].grund
    (tmp_path / "services.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(tmp_path)
    assert "enthält keine Dienste" in exc.value.fehler[0].grund
    (tmp_path / "services.json").write_text("{kaputt", encoding="utf-8")
    with pytest.raises(ValidierungsFehler) as exc:
        import_hsds(tmp_path)
    assert "Kein gültiges JSON" in exc.value.fehler[0].grund


# --- opening hours and languages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, erwartet", [
    ("Mo–Do 9–16 Uhr, Fr 9–12 Uhr", [("WEEKLY", "MO,TU,WE,TH", "09:00:00", "16:00:00"),
                                     ("WEEKLY", "FR", "09:00:00", "12:00:00")]),
    ("Di und Do 14–18 Uhr", [("WEEKLY", "TU,TH", "14:00:00", "18:00:00")]),
    ("Mo, Mi 9–12 Uhr", [("WEEKLY", "MO,WE", "09:00:00", "12:00:00")]),
    ("Montag bis Freitag 8.30-12 Uhr", [("WEEKLY", "MO,TU,WE,TH,FR", "08:30:00", "12:00:00")]),
    ("Mo 9–12 und 14–16 Uhr", [("WEEKLY", "MO", "09:00:00", "12:00:00"), ("WEEKLY", "MO", "14:00:00", "16:00:00")]),
    ("jeden 1. Samstag im Monat 10–12 Uhr", [("MONTHLY", "1SA", "10:00:00", "12:00:00")]),
    ("nach Vereinbarung", [(None, None, None, None)]),
    ("telefonisch rund um die Uhr", [(None, None, None, None)]),
    ("Mo 16–15 Uhr", [(None, None, None, None)]),
])
def test_opening_hours_become_schedules(text, erwartet):
    zeilen = parse_oeffnungszeiten(text)
    assert [(z.get("freq"), z.get("byday"), z.get("opens_at"), z.get("closes_at")) for z in zeilen] == erwartet


def test_every_seed_opening_text_comes_back(seed):
    for a in seed.angebote:
        texte: list[str] = []
        for z in parse_oeffnungszeiten(a["oeffnungszeiten"]):
            if not texte or texte[-1] != z["description"]:
                texte.append(z["description"])
        assert ", ".join(texte) == (a["oeffnungszeiten"] or "")
    lesbar = sum(1 for a in seed.angebote if all("byday" in z for z in parse_oeffnungszeiten(a["oeffnungszeiten"])))
    assert lesbar >= 220  # all but "nach Vereinbarung" and "telefonisch rund um die Uhr"


def test_schedule_text_for_foreign_rows():
    assert zeitplan_text({"freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "08:00:00Z",
                          "closes_at": "16:30:00Z"}) == "Mo–Fr 8–16:30 Uhr"
    assert zeitplan_text({"byday": "SA,SU", "opens_at": "10:00"}) == "Sa und So ab 10 Uhr"
    assert zeitplan_text({"freq": "MONTHLY", "byday": "2WE", "opens_at": "9:00", "closes_at": "11:00"}) == \
        "jeden 2. Mittwoch im Monat 9–11 Uhr"


def test_language_codes():
    for name in ("Deutsch", "Arabisch", "Türkisch", "Ukrainisch", "Russisch", "Englisch", "Polnisch", "Rumänisch",
                 "Französisch"):
        assert sprachname(sprachcode(name)) == name
    assert [sprachcode(n) for n in ("Deutsch", "Arabisch", "Türkisch", "Ukrainisch", "Russisch", "Englisch",
                                    "Polnisch", "Rumänisch", "Französisch")] == \
        ["de", "ar", "tr", "uk", "ru", "en", "pl", "ro", "fr"]
    assert sprachname("ara") == "Arabisch" and sprachname("fr-CA", "French") == "Französisch"


# --- command line ------------------------------------------------------------------------------------------------

def test_cli_export_and_import_hsds(tmp_path, mini, capsys, registry):
    from network.austausch import export_dir

    export_dir(mini, tmp_path / "import")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(tmp_path / "import")]) == 0
    assert main(["--data-dir", str(data), "export", "--format", "hsds", str(tmp_path / "hsds")]) == 0
    out = capsys.readouterr().out
    assert "HSDS 3.0 exportiert" in out and "3 Angebote" in out
    namen = {p.name for p in (tmp_path / "hsds").iterdir()}
    assert {"services.json", "datapackage.json", "services.csv", "organizations.csv"} <= namen
    assert pruefe_tabular(registry, tmp_path / "hsds") > 0  # what the command wrote passes the official schemas
    assert pruefe_json(registry, tmp_path / "hsds" / "services.json") == 3
    assert main(["--data-dir", str(data), "export", "--format", "hsds", "--hsds-form", "json",
                 str(tmp_path / "nur-json")]) == 0
    assert [p.name for p in (tmp_path / "nur-json").iterdir()] == ["services.json"]

    assert main(["--data-dir", str(data), "import", "--format", "hsds", str(FREMD / "json"), "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "Probelauf" in out and "Hinweis: HSDS:" in err and "x_bewertung" in err
    assert main(["--data-dir", str(data), "import", "--format", "hsds", str(FREMD / "tabular")]) == 0
    assert "3 Zeilen importiert" in capsys.readouterr().out

    services = json.loads((FREMD / "json" / "services.json").read_text(encoding="utf-8"))
    services[1]["service_at_locations"][0]["location"]["longitude"] = 99.5
    (tmp_path / "kaputt.json").write_text(json.dumps(services), encoding="utf-8")
    assert main(["--data-dir", str(data), "import", "--format", "hsds", str(tmp_path / "kaputt.json")]) == 1
    err = capsys.readouterr().err
    assert "Fehler: hsds:service, Zeile 2, Spalte „service_at_locations[0].location.longitude“: 99.5 liegt nicht " \
           "in Deutschland" in err


def test_cli_rejects_network_options_for_csv(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "export", str(tmp_path / "x"), "--stichtag", "2024-01-01"]) == 1
    assert "--stichtag" in capsys.readouterr().err


def test_unique_constraints_are_written_and_checked(offiziell, tmp_path, mini):
    ours = {r["name"]: r for r in datapackage()["resources"]}
    codes = next(f for f in ours["taxonomy_term"]["schema"]["fields"] if f["name"] == "code")
    assert codes["constraints"]["unique"] is True
    daten = copy.deepcopy(mini)  # a Zielgruppe with the same text as an Art: the code must stay unique
    daten.angebote[0]["zielgruppen"] = ["Beratung"]
    export_hsds(daten, tmp_path, "tabular", STICHTAG)
    terms = tabelle_als_json(tmp_path, "taxonomy_term")
    assert len({t["code"] for t in terms}) == len(terms) and "zielgruppe:Beratung" in {t["code"] for t in terms}
    roh = import_hsds(tmp_path, _basis(mini))
    zeile = next(r for _, r in roh.tabellen["angebote"].zeilen if r["id"] == daten.angebote[0]["id"])
    assert zeile["zielgruppen"] == "Beratung"  # the prefix is ours and comes off again


def test_export_leaves_out_what_the_schema_refuses(registry, mini, tmp_path):
    daten = copy.deepcopy(mini)  # stored before contact data was checked
    daten.angebote[0]["email"] = "beratung(at)example.org"
    daten.angebote[1]["website"] = "beratung at example"
    daten.angebote[2]["website"] = "www.bücherei-kastellaun.de/öffnungszeiten"
    hinweise: list[str] = []
    export_hsds(daten, tmp_path, "both", STICHTAG, hinweise)
    assert pruefe_tabular(registry, tmp_path) > 0 and pruefe_json(registry, tmp_path / "services.json") == 3
    assert len(hinweise) == 2 and "beratung(at)example.org" in hinweise[0] and "nicht exportiert" in hinweise[0]
    urls = {s["name"]: s.get("url") for s in json.loads((tmp_path / "services.json").read_text(encoding="utf-8"))}
    assert urls[daten.angebote[2]["name"]] == "https://www.xn--bcherei-kastellaun-m6b.de/%C3%B6ffnungszeiten"
    assert "beratung(at)" not in (tmp_path / "services.csv").read_text(encoding="utf-8")


def test_import_validates_once_and_loads_the_store_once(embedded, seed, monkeypatch):
    import network.austausch.hsds.importieren as imp

    embedded.write(_basis(seed))
    aufrufe = {"validate": 0, "load": 0}
    echt_validate, echt_load = imp.validate, embedded.load

    def validate_zaehlen(*a, **k):
        aufrufe["validate"] += 1
        return echt_validate(*a, **k)

    def load_zaehlen(*a, **k):
        aufrufe["load"] += 1
        return echt_load(*a, **k)

    monkeypatch.setattr(imp, "validate", validate_zaehlen)
    monkeypatch.setattr(embedded, "load", load_zaehlen)
    bericht = import_hsds_store(embedded, FREMD / "json", dry_run=True, wer=KOMMANDOZEILE)
    assert bericht.zeilen == {"angebote": 3} and aufrufe == {"validate": 1, "load": 1}
