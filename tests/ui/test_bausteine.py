"""The building blocks without Streamlit: search rule, Markdown escaping, single-entity writes."""

from __future__ import annotations

import pytest

from network import pflege as P
from network.errors import NichtGefundenFehler, ValidierungsFehler
from network.ui.bausteine.text import md
from network.verzeichnis import treffer
from network.zugang import KOMMANDOZEILE


@pytest.mark.parametrize("query, text", [
    ("familienberatung", "Familien- und Erziehungsberatung Simmern"),
    ("Familienberatung", "FAMILIEN- UND ERZIEHUNGSBERATUNG"),
    ("erziehungsberatung", "Beratung in Erziehungsfragen"),
    ("fruehfoerderung", "Frühförderung/Inklusion"),
    ("Frühförderung", "Fruehfoerderung"),
    ("sprachforderung", "Sprachförderung in Kitas"),
    ("beratung", "Schuldnerberatung"),
    ("schuldner beratung", "Schuldnerberatung Rhein-Hunsrück"),
    ("Eltern Kind", "Eltern-Kind-Turnen"),
    ("strasse", "Schloßstraße"),
])
def test_suche_findet(query, text):
    assert treffer(query, text)


@pytest.mark.parametrize("query, text", [
    ("familienberatung", "Spielgruppe für Familien"),
    ("familienberatung", "Sprachförderung"),
    ("sucht", "Musikgarten"),
    ("beratung sucht", "Suchtprävention"),
])
def test_suche_findet_nicht(query, text):
    assert not treffer(query, text)


@pytest.mark.parametrize("text", [
    "Sonne & Mond <Familienzentrum>", "**fett** _kursiv_ `code`", "[Link](javascript:alert(1))",
    ":red[rot] :material/home: $x^2$", "# Überschrift", "1. Liste", "<img src=x onerror=alert(1)>",
    "a\\b", "&amp; &lt;", "|a|b|", "~~weg~~", "> Zitat",
])
def test_md_escaped_jedes_sonderzeichen(text):
    escaped = md(text)
    # every ASCII punctuation character is preceded by a backslash, nothing else changes
    unescaped, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\":
            assert not escaped[i + 1].isalnum() and not escaped[i + 1].isspace()
            unescaped.append(escaped[i + 1])
            i += 2
        else:
            assert escaped[i].isalnum() or escaped[i].isspace() or ord(escaped[i]) > 127
            unescaped.append(escaped[i])
            i += 1
    assert "".join(unescaped) == text


def test_md_haelt_daten_auf_einer_zeile():
    assert "\n" not in md("Zeile 1\n# Zeile 2\r\n- Zeile 3")


def test_pflege_speichert_eine_kita_in_einem_schritt(embedded, mini):
    embedded.write(mini)
    werte = {"id": "kita-9", "name": "Kita <Neu> & Co", "gemeinde_id": "07140002", "plaetze": "40",
             "lat": "50,01", "lon": "7.51", "geprueft_am": "2000-01-01"}
    zeile = P.speichere(embedded, "kitas", werte, neu=True, von="Kreisjugendamt", heute="2026-05-01", wer=KOMMANDOZEILE)
    assert zeile["plaetze"] == 40 and zeile["lat"] == 50.01
    gespeichert = next(k for k in embedded.load().kitas if k["id"] == "kita-9")
    assert gespeichert["name"] == "Kita <Neu> & Co"
    assert gespeichert["geprueft_am"] == "2026-05-01" and gespeichert["geprueft_von"] == "Kreisjugendamt"


def test_pflege_lehnt_ab_wie_der_import(embedded, mini):
    embedded.write(mini)
    vorher = embedded.load()
    with pytest.raises(ValidierungsFehler) as e:
        P.speichere(embedded, "angebote", {"id": "ang-9", "name": "", "art": "Sport", "versorgt": "alle|sr-a",
                                           "themen": "gibtsnicht", "gueltig_ab": "2025-02-01",
                                           "gueltig_bis": "2025-01-01"}, neu=True, wer=KOMMANDOZEILE)
    gruende = {(f.spalte, f.grund) for f in e.value.fehler}
    assert ("name", "Pflichtfeld ist leer.") in gruende
    assert ("art", "„Sport“ ist nicht erlaubt. Erlaubt: Beratung, Unterstützung, Freizeit.") in gruende
    assert ("versorgt", "„alle“ (kreisweit) bitte allein angeben.") in gruende
    assert ("themen", "Das Thema „gibtsnicht“ gibt es nicht in themen.") in gruende
    assert any(s == "gueltig_bis" for s, _ in gruende)
    with pytest.raises(ValidierungsFehler):  # an id that exists is never overwritten by "neu"
        P.speichere(embedded, "angebote", {"id": "ang-1", "name": "X", "art": "Beratung"}, neu=True, wer=KOMMANDOZEILE)
    with pytest.raises(ValidierungsFehler):  # nor may an Angebot take a Kita's id
        P.speichere(embedded, "angebote", {"id": "kita-1", "name": "X", "art": "Beratung"}, neu=True, wer=KOMMANDOZEILE)
    with pytest.raises(NichtGefundenFehler):
        P.speichere(embedded, "kitas", {"id": "kita-gibtsnicht", "name": "X", "gemeinde_id": "07140001"}, wer=KOMMANDOZEILE)
    assert embedded.load() == vorher


def test_pflege_beenden(embedded, mini):
    embedded.write(mini)
    P.beende_angebot(embedded, "ang-1", heute="2026-05-01", wer=KOMMANDOZEILE)
    P.beende_kooperation(embedded, "koop-3", heute="2026-05-01", wer=KOMMANDOZEILE)
    d = embedded.load()
    assert next(a for a in d.angebote if a["id"] == "ang-1")["gueltig_bis"] == "2026-05-01"
    assert next(c for c in d.kooperationen if c["id"] == "koop-3")["bis"] == "2026-05-01"
    kita, beendet = P.beende_kita(embedded, "kita-1", von="Kreisjugendamt", heute="2026-05-02", wer=KOMMANDOZEILE)
    assert [c["id"] for c in beendet] == ["koop-1"]
    d = embedded.load()
    k = next(k for k in d.kitas if k["id"] == "kita-1")
    assert k["fachkraft_id"] is None and k["geprueft_am"] == "2026-05-02"
    assert next(c for c in d.kooperationen if c["id"] == "koop-1")["bis"] == "2026-05-02"
    assert next(c for c in d.kooperationen if c["id"] == "koop-2")["bis"] == "2023-01-31"  # untouched


def test_naechste_id():
    from network.model import Netzdaten

    assert P.naechste_id(Netzdaten(), "kitas") == "kita-001"
    assert P.naechste_id(Netzdaten(angebote=[{"id": "ang-250"}, {"id": "x"}]), "angebote") == "ang-251"


def test_pflege_beenden_laesst_eine_heute_endende_kooperation_wie_sie_ist(embedded, mini):
    # koop-1 of kita-1 already ends today: closing the Kita does not stamp it again (active on a date, both ends
    # inclusive, is grund.zeit.aktiv; "ends today" is not "runs beyond today")
    embedded.write(mini)
    P.beende_kooperation(embedded, "koop-1", heute="2026-05-02", wer=KOMMANDOZEILE)
    vorher = embedded.version()
    kita, beendet = P.beende_kita(embedded, "kita-1", von="Kreisjugendamt", heute="2026-05-02", wer=KOMMANDOZEILE)
    assert beendet == [] and kita["id"] == "kita-1"
    assert embedded.version() == vorher + 1  # the Kita itself was written, once
    assert next(c for c in embedded.load().kooperationen if c["id"] == "koop-1")["bis"] == "2026-05-02"
