"""A re-import of unchanged files is answered from the fingerprint of the last import – on every backend.

The import records the sha256 of its files with the data version its write left, in that write's transaction
(``network/austausch/abdruck.py``). The same files at the same data version are answered without reading, checking
or writing anything; any other case – one changed byte, a write by someone else, another program – runs the whole
import. Hand-checked cases: the mini network exported as CSV files.
"""

from __future__ import annotations

import pytest

import network.austausch as austausch
from network.austausch import abdruck as abdruck_modul
from network.austausch import export_dir, import_path, import_rohdaten, read_path
from network.austausch.dateien import read_uploads
from network.errors import ValidierungsFehler
from network.model import Netzdaten
from network.store import open_store
from network.zugang import KOMMANDOZEILE


def _protokoll(store) -> int:
    return store.counts()["nodes"]["Protokoll"]


def _ordner(tmp_path, mini):
    ordner = tmp_path / "import"
    export_dir(mini, ordner)
    return ordner


def _ohne_lesen(monkeypatch, store) -> None:
    """Make reading the files or the graph fail: a skipped import touches neither."""
    def nie(*_a, **_k):
        raise AssertionError("hätte nicht gelesen werden dürfen")

    monkeypatch.setattr(austausch, "lies_eingang", nie)
    monkeypatch.setattr(store, "load_mit_stand", nie)


def _voll(store, ordner, **kw):
    """The whole import of ``ordner``, never skipped (rows without their fingerprint)."""
    roh = read_path(ordner)
    roh.abdruck = None
    return import_rohdaten(store, roh, wer=KOMMANDOZEILE, **kw)


def test_identical_reimport_is_skipped(store, mini, tmp_path, monkeypatch):
    ordner = _ordner(tmp_path, mini)
    erst = import_path(store, ordner, wer=KOMMANDOZEILE)
    stand, protokoll = store.version(), _protokoll(store)
    assert erst.unveraendert_seit is None and stand == 1 and protokoll == mini.anzahl()
    assert store.importabdruck()[1]["stand"] == 1

    with monkeypatch.context() as m:
        _ohne_lesen(m, store)
        zweit = import_path(store, ordner, wer=KOMMANDOZEILE)
    voll = _voll(store, ordner)  # the same re-import the long way: reads, checks, compares, writes nothing

    assert zweit.unveraendert_seit == 1 and not zweit.dry_run
    assert zweit.zeilen == erst.zeilen == voll.zeilen
    assert zweit.aenderungen == voll.aenderungen
    assert all(a["unveraendert"] == erst.zeilen[d] and a["neu"] == a["geaendert"] == 0
               for d, a in zweit.aenderungen.items())
    assert zweit.hinweise[:-1] == voll.hinweise
    assert "unverändert seit dem Import, der den Datenstand 1 hinterlassen hat" in zweit.hinweise[-1]
    assert (store.version(), _protokoll(store)) == (stand, protokoll)


def test_one_changed_byte_runs_the_whole_import(store, mini, tmp_path):
    ordner = _ordner(tmp_path, mini)
    import_path(store, ordner, wer=KOMMANDOZEILE)
    datei = ordner / "themen.csv"
    datei.write_bytes(datei.read_bytes().replace(b"Suchtberatung", b"Suchtberatunk"))

    bericht = import_path(store, ordner, wer=KOMMANDOZEILE)
    assert bericht.unveraendert_seit is None
    assert bericht.aenderungen["themen"]["felder"] == {"sucht": ["beschreibung"]}
    assert store.version() == 2 and _protokoll(store) == mini.anzahl() + 1
    assert store.importabdruck()[1]["stand"] == 2  # recorded with the version this write left
    assert import_path(store, ordner, wer=KOMMANDOZEILE).unveraendert_seit == 2


def test_a_write_by_another_store_object_runs_the_whole_import(backend_settings, mini, tmp_path):
    ordner = _ordner(tmp_path, mini)
    with open_store(backend_settings) as app, open_store(backend_settings) as anderer:
        import_path(app, ordner, wer=KOMMANDOZEILE)
        anderer.write(Netzdaten(themen=[{"id": "neu", "name": "Neu", "beschreibung": None}]))
        stand, protokoll = app.version(), _protokoll(app)
        assert stand == 2

        bericht = import_path(app, ordner, wer=KOMMANDOZEILE)
        assert bericht.unveraendert_seit is None
        assert all(a["neu"] == a["geaendert"] == 0 for a in bericht.aenderungen.values())
        # it changed nothing: the version stays, no trail entry – but the fingerprint is recorded at this version
        assert (app.version(), _protokoll(app)) == (stand, protokoll)
        assert app.importabdruck()[1]["stand"] == stand
        assert import_path(anderer, ordner, wer=KOMMANDOZEILE).unveraendert_seit == stand


def test_a_write_by_another_process_runs_the_whole_import(backend_settings, mini, tmp_path):
    from tests.contract.test_mehrere_prozesse import kita_netz  # the installed command, as a user runs it

    ordner = _ordner(tmp_path, mini)
    with open_store(backend_settings) as store:
        import_path(store, ordner, wer=KOMMANDOZEILE)
        anders = tmp_path / "anders"
        export_dir(Netzdaten(themen=[{"id": "neu", "name": "Neu", "beschreibung": None}]), anders)
        cli = kita_netz(backend_settings, "import", str(anders))
        assert cli.returncode == 0, cli.stderr
        assert import_path(store, ordner, wer=KOMMANDOZEILE).unveraendert_seit is None
        cli = kita_netz(backend_settings, "import", str(ordner))
        assert cli.returncode == 0, cli.stderr
        assert "unverändert seit dem Import, der den Datenstand 2 hinterlassen hat" in cli.stderr


def test_dry_run_never_writes(store, mini, tmp_path):
    ordner = _ordner(tmp_path, mini)
    probe = import_path(store, ordner, dry_run=True, wer=KOMMANDOZEILE)
    assert probe.unveraendert_seit is None and store.importabdruck() == (0, None) and store.is_empty()

    import_path(store, ordner, wer=KOMMANDOZEILE)
    probe = import_path(store, ordner, dry_run=True, wer=KOMMANDOZEILE)
    assert probe.dry_run and probe.unveraendert_seit == 1
    assert "es gäbe nichts zu speichern" in probe.hinweise[-1]

    store.write(Netzdaten(themen=[{"id": "neu", "name": "Neu", "beschreibung": None}]))
    probe = import_path(store, ordner, dry_run=True, wer=KOMMANDOZEILE)
    assert probe.unveraendert_seit is None
    assert store.importabdruck() == (2, store.importabdruck()[1]) and store.importabdruck()[1]["stand"] == 1


def test_a_failing_import_leaves_no_fingerprint(store, mini, tmp_path):
    ordner = _ordner(tmp_path, mini)
    kitas = ordner / "kitas.csv"
    gut = kitas.read_bytes()
    kitas.write_bytes(gut.replace(b"07140003", b"07149999"))  # a Gemeinde that does not exist
    with pytest.raises(ValidierungsFehler):
        import_path(store, ordner, wer=KOMMANDOZEILE)
    assert store.importabdruck() == (0, None)

    kitas.write_bytes(gut)

    def abbrechen(fertig, gesamt):
        raise KeyboardInterrupt  # Ctrl-C, or „Abbrechen“ in the app, in the middle of the write

    with pytest.raises(KeyboardInterrupt):
        import_path(store, ordner, fortschritt=abbrechen, wer=KOMMANDOZEILE)
    assert store.importabdruck() == (0, None) and store.is_empty()
    assert import_path(store, ordner, wer=KOMMANDOZEILE).unveraendert_seit is None


def test_an_upload_of_the_same_files_is_skipped_after_reading(store, mini, tmp_path, monkeypatch):
    ordner = _ordner(tmp_path, mini)
    dateien = [(f.name, f.read_bytes()) for f in sorted(ordner.iterdir())]
    grenzen = {"max_bytes": 10**7, "max_zeilen": 25_000}  # the limits of the page Pflege
    import_rohdaten(store, read_uploads(dateien, **grenzen), wer=KOMMANDOZEILE)
    roh = read_uploads(dateien, **grenzen)
    monkeypatch.setattr(store, "load_mit_stand", lambda: pytest.fail("der Bestand wurde gelesen"))
    assert import_rohdaten(store, roh, wer=KOMMANDOZEILE).unveraendert_seit == 1
    # other limits are another fingerprint: the CLI (no limits) reads and checks the same files again
    monkeypatch.undo()
    assert import_path(store, ordner, wer=KOMMANDOZEILE).unveraendert_seit is None


def test_a_code_change_runs_the_whole_import(store, mini, tmp_path, monkeypatch):
    ordner = _ordner(tmp_path, mini)
    import_path(store, ordner, wer=KOMMANDOZEILE)
    monkeypatch.setattr(abdruck_modul, "programmstand", lambda: "eine andere Version")
    assert import_path(store, ordner, wer=KOMMANDOZEILE).unveraendert_seit is None
    assert import_path(store, ordner, wer=KOMMANDOZEILE).unveraendert_seit == 1
