"""Issue 17 on the Pflege page: hostile or oversized uploads are refused in German with file and line and change
nothing; the import shows its progress; a cancelled import (Streamlit stops the run) writes nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ui_hilfen import KOORDINATION, seite, texte

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sicherheit"))
from feindlich import dimensionsbombe, zipbombe  # noqa: E402

from network.austausch.dateien import MAX_ENTPACKT, csv_text  # noqa: E402
from network.model import Netzdaten  # noqa: E402
from network.ui.seiten.pflege import dateien as pflege  # noqa: E402


def _import_seite():
    at = seite("pflege", als=KOORDINATION).run()
    at.segmented_control(key="pf_bereich").set_value("Import").run()
    assert not at.exception
    return at


def _hochladen(at, *dateien):
    at.get("file_uploader")[0].set_value([(n, d, "application/octet-stream") for n, d in dateien]).run()
    assert not at.exception
    return at


def _fehler(at) -> list[dict]:
    return at.dataframe[0].value.to_dict("records")


@pytest.mark.parametrize("name, inhalt, teil", [
    ("bombe.xlsx", dimensionsbombe(), "mehr als 25.000 Zeilen"),
    ("zip.xlsx", zipbombe(MAX_ENTPACKT + 2**20), "wäre entpackt"),
    ("kaputt.xlsx", b"PK\x03\x04 kein Archiv", "keine gültige .xlsx-Datei"),
    ("kitas.csv", b"id;name\nk-1;Sch\xf6n\n", "Zeichen 8 ist kein UTF-8 (Byte 0xF6)"),
    ("themen.csv", ('id;name\nt-a;"' + "x" * 140_000 + '"\n').encode(), "länger als 131.072 Zeichen"),
    ("themen.csv", "id;name\nt-a;Beratung\x00Simmern\n".encode(), "U+0000 an Stelle 9"),
])
def test_hostile_uploads_are_refused_in_german(store, name, inhalt, teil):
    vorher = store.load()
    at = _hochladen(_import_seite(), (name, inhalt))
    (f,) = _fehler(at)
    assert teil in f["Grund"] and f["Grund"].endswith(".")
    assert f["Datei"] in (name, Path(name).stem)
    assert not [b for b in at.button if b.label == "Jetzt importieren"]
    assert store.load() == vorher


def test_an_oversized_upload_is_refused_in_german(store):
    vorher = store.load()
    gross = b"id;name\n" + b"t-x;" + b"y" * (pflege.UPLOAD_MB * 10**6) + b"\n"
    at = _hochladen(_import_seite(), ("themen.csv", gross))
    (f,) = _fehler(at)
    assert f["Datei"] == "themen.csv"
    assert f["Grund"].startswith("Die Datei ist 10,0 MB groß; hochladen lassen sich Dateien bis 10 MB")  # MB = 10⁶ Bytes, as the browser counts
    assert "MB or smaller" not in texte(at)
    assert store.load() == vorher


def test_the_server_accepts_more_than_the_page_so_the_refusal_is_german():
    """The browser refuses files above server.maxUploadSize in English; the page's own limit must be lower."""
    import tomllib

    konfig = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert konfig["server"]["maxUploadSize"] > pflege.UPLOAD_MB


def test_the_import_reports_progress(store, monkeypatch):
    aufrufe: list[tuple[int, int]] = []
    echt = pflege.import_rohdaten

    def mit_protokoll(*args, fortschritt=None, **kwargs):
        def weiter(fertig, gesamt):
            aufrufe.append((fertig, gesamt))
            if fortschritt:
                fortschritt(fertig, gesamt)

        return echt(*args, fortschritt=weiter if not kwargs.get("dry_run") else fortschritt, **kwargs)

    monkeypatch.setattr(pflege, "import_rohdaten", mit_protokoll)
    kita = next(k for k in store.load().kitas if k["id"] == "kita-012")
    text = csv_text(Netzdaten(kitas=[dict(kita, name="Kita Fortschritt")]), "kitas")
    at = _hochladen(_import_seite(), ("kitas.csv", text.encode()))
    [b for b in at.button if b.label == "Jetzt importieren"][0].click().run()
    assert not at.exception
    assert "1 Zeile importiert" in texte(at)
    assert aufrufe and aufrufe[-1][0] == aufrufe[-1][1] and [a for a, _ in aufrufe] == sorted(a for a, _ in aufrufe)


def test_a_cancelled_import_writes_nothing(store):
    """„Abbrechen“ makes Streamlit raise its RerunException at the next progress update, inside the write."""
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException

    from network.austausch import import_rohdaten
    from network.austausch.dateien import Rohdaten, read_csv_text
    from network.zugang import KOMMANDOZEILE

    vorher, zaehler = store.load(), store.counts()
    neu = [dict(k, id=f"kita-neu-{i}", name=f"Neu {i}") for i, k in enumerate(vorher.kitas * 30)]
    roh = Rohdaten({"kitas": read_csv_text("kitas", csv_text(Netzdaten(kitas=neu), "kitas"))})

    def abbrechen(fertig, gesamt):
        if fertig == 3:
            raise RerunException(None)

    with pytest.raises(RerunException):
        import_rohdaten(store, roh, fortschritt=abbrechen, wer=KOMMANDOZEILE)
    assert store.load() == vorher and store.counts() == zaehler


def test_after_cancelling_the_page_says_nothing_was_saved(store):
    at = _import_seite()
    pflege_state = at.session_state
    pflege_state["pf_import_meldung"] = ("abgebrochen", "Der Import wurde abgebrochen; es wurde nichts gespeichert.")
    at.run()
    assert "Der Import wurde abgebrochen; es wurde nichts gespeichert." in [i.value for i in at.info]


def test_a_file_with_very_many_errors_lists_only_the_first(store):
    """2,000 rows with every required field empty: the count is said, the table lists the first 1,000."""
    from network.model import DATEIEN

    kopf = ";".join(s.name for s in DATEIEN["kitas"]).encode()
    leer = b";" * (len(DATEIEN["kitas"]) - 1)
    data = kopf + b"\n" + b"".join(b"k%d" % i + leer + b"\n" for i in range(2000))
    at = _hochladen(_import_seite(), ("kitas.csv", data))
    assert len(at.dataframe[0].value) == pflege.MAX_FEHLER_ZEILEN
    (fehler,) = [e.value for e in at.error]
    n = int(fehler.split(" ")[0].replace(".", ""))
    assert n > pflege.MAX_FEHLER_ZEILEN
    assert f"Gezeigt werden die ersten 1.000 von {n:,} Fehlern.".replace(",", ".") in [c.value for c in at.caption]
