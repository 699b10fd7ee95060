"""Each validation rule with a bad-input case: every error named by file, line and column; nothing written."""

from __future__ import annotations

import pytest

from network.austausch import export_dir, import_path
from network.errors import ValidierungsFehler
from network.zugang import KOMMANDOZEILE


@pytest.fixture
def ordner(tmp_path, mini):
    """The mini network exported as an import folder."""
    out = tmp_path / "import"
    export_dir(mini, out)
    return out


def _edit(ordner, datei: str, old: str, new: str) -> None:
    p = ordner / f"{datei}.csv"
    text = p.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {datei}.csv"
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fehler(store, ordner) -> list[tuple[str, int, str, str]]:
    before = store.counts()
    with pytest.raises(ValidierungsFehler) as exc:
        import_path(store, ordner, wer=KOMMANDOZEILE)
    assert store.counts() == before, "a failed import must write nothing"
    return [(f.datei, f.zeile, f.spalte, f.grund) for f in exc.value.fehler]


def test_valid_folder_imports(embedded, ordner):
    bericht = import_path(embedded, ordner, wer=KOMMANDOZEILE)
    assert bericht.zeilen == {"sozialraeume": 2, "themen": 2, "gemeinden": 3, "fachkraefte": 1, "kitas": 2,
                              "angebote": 3, "kooperationen": 3, "indikatoren": 3}
    assert embedded.counts()["nodes"]["Kita"] == 2


@pytest.mark.parametrize("datei, old, new, erwartet", [
    # required field empty
    ("angebote", "Familienberatung Nord", "", ("angebote", 2, "name", "Pflichtfeld ist leer.")),
    # allowed values: Art
    ("angebote", ",Beratung,", ",Therapie,", ("angebote", 2, "art", "nicht erlaubt")),
    # allowed values: Kooperation art
    ("kooperationen", "Vertrag", "Handschlag", ("kooperationen", 2, "art", "nicht erlaubt")),
    # Thema vocabulary
    ("angebote", "fruehe-hilfen|sucht", "fruehe-hilfen|yoga", ("angebote", 2, "themen", "„yoga“")),
    # reference that does not exist
    ("kitas", "07140003", "07149999", ("kitas", 3, "gemeinde_id", "„07149999“ gibt es nicht")),
    ("kooperationen", "kita-1,ang-1", "kita-9,ang-1", ("kooperationen", 2, "von_id", "weder eine Kita")),
    ("angebote", "sr-a|sr-b", "sr-a|sr-x", ("angebote", 4, "versorgt", "„sr-x“")),
    # id uniqueness
    ("kitas", "kita-2,", "kita-1,", ("kitas", 3, "id", "mehrfach")),
    # ISO dates
    ("kooperationen", "2021-04-01", "01.04.2021", ("kooperationen", 2, "seit", "kein gültiges Datum")),
    # seit <= bis
    ("kooperationen", "2023-01-31", "2021-01-31", ("kooperationen", 3, "bis", "liegt vor")),
    # coordinates inside Germany
    ("kitas", "50.001", "40.001", ("kitas", 2, "lat", "nicht in Deutschland")),
    # numbers
    ("kitas", ",60,", ",sechzig,", ("kitas", 2, "plaetze", "keine ganze Zahl")),
    ("kooperationen", ",3,", ",7,", ("kooperationen", 2, "intensitaet", "zu groß")),
    ("fachkraefte", "0.75", "1.5", ("fachkraefte", 2, "stellenanteil", "zu groß")),
    # booleans
    ("angebote", ",ja,ja,nein,", ",vielleicht,ja,nein,", ("angebote", 2, "kostenlos", "Ja/Nein")),
    # unknown column (a typo would lose data silently)
    ("sozialraeume", "id,name,beschreibung", "id,name,beschreibnug", ("sozialraeume", 1, "beschreibnug",
                                                                       "Unbekannte Spalte")),
    # required column missing
    ("themen", "id,name,beschreibung", "id,titel,beschreibung", ("themen", 1, "name", "Pflichtspalte fehlt")),
])
def test_rule_rejects_bad_input_and_writes_nothing(embedded, ordner, datei, old, new, erwartet):
    _edit(ordner, datei, old, new)
    fehler = _fehler(embedded, ordner)
    d, z, s, grund = erwartet
    assert any(f[0] == d and f[1] == z and f[2] == s and grund in f[3] for f in fehler), fehler


def test_every_error_is_listed(embedded, ordner):
    _edit(ordner, "kitas", "50.001", "99")
    _edit(ordner, "kooperationen", "Vertrag", "x")
    _edit(ordner, "angebote", ",Beratung,", ",y,")
    assert len(_fehler(embedded, ordner)) == 3


def test_bad_input_leaves_existing_data_unchanged(embedded, ordner, mini):
    import_path(embedded, ordner, wer=KOMMANDOZEILE)
    before = embedded.load()
    _edit(ordner, "kitas", "Schulweg 1", "Neue Straße 5")  # a valid change ...
    _edit(ordner, "kooperationen", "2021-04-01", "gestern")  # ... and a bad one in another file
    _fehler(embedded, ordner)
    assert embedded.load() == before


def test_references_may_point_into_the_store(embedded, ordner, tmp_path):
    import_path(embedded, ordner, wer=KOMMANDOZEILE)
    only = tmp_path / "nur-kooperationen"
    only.mkdir()
    (only / "kooperationen.csv").write_text(
        "id;von_id;zu_id;art;seit;bis;intensitaet\nkoop-9;kita-2;ang-1;regelmäßig;2024-01-01;;2\n", encoding="utf-8")
    import_path(embedded, only, wer=KOMMANDOZEILE)
    assert embedded.counts()["relationships"]["KOOPERIERT_MIT"] == 4


def test_coordinates_come_in_pairs(embedded, ordner):
    _edit(ordner, "kitas", ",50.001,7.501,", ",50.001,,")
    assert ("kitas", 2, "lon", "Koordinaten bitte immer als Paar angeben (lat und lon).") in _fehler(embedded, ordner)


def test_kita_and_angebot_ids_must_differ(embedded, ordner):
    _edit(ordner, "angebote", "ang-3,", "kita-2,")
    assert any(f[2] == "id" and "schon eine Kita" in f[3] for f in _fehler(embedded, ordner))


def test_semicolon_csv_with_german_decimal_comma(embedded, tmp_path):
    d = tmp_path / "semi"
    d.mkdir()
    (d / "sozialraeume.csv").write_text("\ufeffid;name\nsr-x;Ost\n", encoding="utf-8")
    (d / "gemeinden.csv").write_text("id;name;sozialraum_id;lat;lon\n07140144;Simmern/Hunsrück;sr-x;49,98;7,52\n",
                                     encoding="utf-8")
    import_path(embedded, d, wer=KOMMANDOZEILE)
    g = embedded.load().gemeinden[0]
    assert (g["name"], g["lat"], g["lon"]) == ("Simmern/Hunsrück", 49.98, 7.52)


def test_not_utf8_is_a_clear_error(embedded, tmp_path):
    d = tmp_path / "latin1"
    d.mkdir()
    (d / "sozialraeume.csv").write_bytes("id;name\nsr-x;Süd\n".encode("latin-1"))
    fehler = _fehler(embedded, d)
    assert fehler[0][0] == "sozialraeume.csv" and "UTF-8" in fehler[0][3]


def test_empty_folder_is_a_clear_error(embedded, tmp_path):
    fehler = _fehler(embedded, tmp_path)
    assert "Keine Importdatei gefunden" in fehler[0][3]
