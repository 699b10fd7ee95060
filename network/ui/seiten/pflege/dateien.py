"""Import and export on the page Pflege: an upload is read by the exchange package, checked in a dry run, then
written with a progress bar; the export offers the import format as CSV (zip) and Excel.

Reading and writing the formats is :mod:`network.austausch`; this module holds the page's limits and widgets.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import streamlit as st

from ....austausch import Eingang, ImportBericht, export_xlsx, import_eingang, import_rohdaten
from ....austausch.dateien import Rohdaten, csv_zip
from ....errors import Befund, KitaNetzFehler, ValidierungsFehler
from ....grund import format as F
from ....model import Netzdaten
from ...bausteine import daten as D
from ...bausteine import sitzung
from ...bausteine.text import md

__all__ = ["importieren", "exportieren", "probelauf", "fehler_tabelle", "UPLOAD_MB", "MAX_FEHLER_ZEILEN"]

# -- import and export --------------------------------------------------------------------------------
#: Largest file the import takes as an upload, in MB. The server accepts larger ones (server.maxUploadSize), so
#: that this refusal is a German sentence and never the browser's English one.
UPLOAD_MB = 10
#: Seconds the reading of an upload may take (the CLI has no limit).
LESEFRIST = 20
#: Rows per uploaded file or sheet: a 10 MB file of real data has about 20,000, and 25,000 rows are written in well
#: under 30 s (docs/benchmarks.md); larger imports go through the CLI.
UPLOAD_ZEILEN = 25_000
#: Errors listed in the table (the message above it gives the total).
MAX_FEHLER_ZEILEN = 1000
#: The limits of an upload, for reading it and for its fingerprint.
_GRENZEN = {"max_bytes": UPLOAD_MB * 10**6, "max_zeilen": UPLOAD_ZEILEN}


def probelauf(dateien: list) -> tuple[ImportBericht, Rohdaten | None]:
    """The dry run of an upload: its report, and the rows read for the write (None when there is nothing to
    write). Files that are those of the store's last import, with the store unchanged since, are not even parsed
    (:func:`network.austausch.import_eingang`).

    Raises :class:`~network.errors.ValidierungsFehler` with the errors of the files.
    """
    gelesen: list[Rohdaten] = []
    bericht = import_eingang(D.store(), Eingang([(Path(f.name).name, f.getvalue()) for f in dateien]),
                             dry_run=True, wer=sitzung.nutzer(), gelesen=gelesen.append, frist=LESEFRIST,
                             **_GRENZEN)
    return bericht, (gelesen[0] if gelesen else None)


def fehler_tabelle(fehler: list[Befund]) -> pd.DataFrame:
    # a whole-file error has no row: „ganze Datei“, never „None“; no column: „–“
    return pd.DataFrame([{"Datei": f.datei, "Zeile": str(f.zeile) if f.zeile else "ganze Datei",
                          "Spalte": f.spalte or "–", "Grund": f.grund}
                         for f in fehler], columns=["Datei", "Zeile", "Spalte", "Grund"])


def _fehler_zeigen(fehler: list[Befund]) -> None:
    """The error table, at most :data:`MAX_FEHLER_ZEILEN` rows (a hostile file can have hundreds of thousands)."""
    st.dataframe(fehler_tabelle(fehler[:MAX_FEHLER_ZEILEN]), hide_index=True, width="stretch")
    if len(fehler) > MAX_FEHLER_ZEILEN:
        st.caption(f"Gezeigt werden die ersten {F.zahl(MAX_FEHLER_ZEILEN)} von {F.zahl(len(fehler))} Fehlern.")


def _import_starten() -> None:
    st.session_state["pf_import_laeuft"] = True


def _import_abbrechen() -> None:
    st.session_state.pop("pf_import_laeuft", None)
    st.session_state["pf_import_meldung"] = ("abgebrochen", "Der Import wurde abgebrochen; es wurde nichts "
                                                            "gespeichert.")


def _importieren() -> None:
    """Write the checked upload with a progress bar and an „Abbrechen“ button.

    „Abbrechen“ makes Streamlit stop this run at the next progress update; the exception passes through the
    store's write transaction, which is rolled back – nothing is written (tests/sicherheit/test_oberflaeche.py).
    """
    st.session_state.pop("pf_import_laeuft", None)
    roh = st.session_state.get("pf_import_roh")
    if roh is None:
        return
    st.button("Abbrechen", on_click=_import_abbrechen, icon=":material/cancel:", key="pf_import_abbrechen")
    balken = st.progress(0.0, text="Import: die Daten werden noch einmal geprüft …")

    def fortschritt(fertig: int, gesamt: int) -> None:
        balken.progress(min(fertig / max(gesamt, 1), 1.0),
                        text=f"Import: {fertig} von {gesamt} Schritten geschrieben – gespeichert wird erst am Ende.")

    try:
        bericht = import_rohdaten(D.store(), roh, dry_run=False, fortschritt=fortschritt, wer=sitzung.nutzer())
    except ValidierungsFehler as e:
        st.session_state["pf_import_meldung"] = ("fehler", e.fehler)
        st.rerun()
    except KitaNetzFehler as e:
        st.session_state["pf_import_meldung"] = ("fehler", [Befund("Import", 0, "", str(e))])
        st.rerun()
    D.geschrieben()
    if bericht.unveraendert_seit is not None:  # the same files as the last import, nothing changed since
        meldung = bericht.hinweise[-1]
    else:
        teile = ", ".join(f"{n} {d}" for d, n in bericht.zeilen.items())
        meldung = f"{F.anzahl(bericht.gesamt, 'Zeile', 'Zeilen')} importiert ({teile})."
    st.session_state["pf_import_meldung"] = ("ok", meldung)
    st.session_state.pop("pf_import_roh", None)
    st.session_state["pf_upload_nr"] = st.session_state.get("pf_upload_nr", 0) + 1
    st.rerun()


def importieren() -> None:
    st.header("Import (CSV oder Excel)", anchor=False)
    st.markdown("Dateien im Importformat hochladen (z. B. `angebote.csv`, `kooperationen.csv` oder eine "
                "Excel-Datei mit diesen Tabellenblättern). Zuerst wird **nur geprüft**; gespeichert wird erst "
                "nach Klick auf „Jetzt importieren“. Vorhandene Einträge mit derselben Kennung werden "
                "aktualisiert.")
    if st.session_state.get("pf_import_laeuft"):
        _importieren()
        return
    meldung = st.session_state.pop("pf_import_meldung", None)
    if meldung and meldung[0] == "ok":
        st.success(meldung[1], icon=":material/check_circle:")
    elif meldung and meldung[0] == "abgebrochen":
        st.info(meldung[1], icon=":material/cancel:")
    elif meldung:
        st.error(f"{len(meldung[1])} Fehler – es wurde nichts gespeichert.")
        _fehler_zeigen(meldung[1])
    nr = st.session_state.get("pf_upload_nr", 0)
    # Streamlit's hint under the drop zone names the server's limit (100 MB, in English); the label names ours.
    st.html('<style>[class*="st-key-pf_upload_"] [data-testid="stFileUploaderDropzoneInstructions"]'
            "{display: none;}</style>")
    dateien = st.file_uploader(f"Importdateien (.csv oder .xlsx, je höchstens {UPLOAD_MB} MB)", type=["csv", "xlsx"],
                               accept_multiple_files=True, key=f"pf_upload_{nr}")
    if not dateien:
        st.session_state.pop("pf_import_roh", None)
        return
    st.markdown("**Probelauf**")
    try:
        bericht, roh = probelauf(dateien)
    except ValidierungsFehler as e:
        st.session_state.pop("pf_import_roh", None)
        st.error(f"{len(e.fehler)} Fehler gefunden – es wurde nichts gespeichert. Bitte die Dateien korrigieren "
                 "und erneut hochladen.", icon=":material/error:")
        _fehler_zeigen(e.fehler)
        return
    for h in bericht.hinweise:
        st.info(md(h))
    if roh is None:  # the files of the last import, the store unchanged since: nothing to write, no button
        st.session_state.pop("pf_import_roh", None)
        st.success("Nichts zu importieren: jede Zeile ist schon so gespeichert.", icon=":material/task_alt:")
        _probe_tabelle(bericht)
        return
    st.session_state["pf_import_roh"] = roh
    st.success("Keine Fehler gefunden. Der Import würde schreiben:", icon=":material/task_alt:")
    _probe_tabelle(bericht)
    st.button("Jetzt importieren", type="primary", on_click=_import_starten, icon=":material/upload:")


def _probe_tabelle(bericht: ImportBericht) -> None:
    """What the dry run found, one row per file: new, changed and unchanged rows, and the changed fields."""
    st.dataframe(pd.DataFrame([{"Datei": d, "Zeilen": n, "neu": bericht.aenderungen[d]["neu"],
                                "geändert": bericht.aenderungen[d]["geaendert"],
                                "unverändert": bericht.aenderungen[d]["unveraendert"],
                                "geänderte Felder": "; ".join(f"{rid}: {', '.join(f)}" for rid, f in
                                                              bericht.aenderungen[d]["felder"].items())}
                               for d, n in bericht.zeilen.items()]), hide_index=True, width="stretch")


def _xlsx_bytes(d: Netzdaten) -> bytes:
    buf = io.BytesIO()
    export_xlsx(d, buf)
    return buf.getvalue()


def exportieren(d: Netzdaten) -> None:
    st.header("Export", anchor=False)
    st.markdown("Alle Daten im Importformat – zum Sichern, Bearbeiten in Excel und erneuten Import.")
    stamp = D.heute()
    c1, c2, _ = st.columns([2, 2, 3])
    c1.download_button("CSV-Dateien (zip)", data=lambda: csv_zip(d), file_name=f"kita-netzwerk-{stamp}.zip",
                       mime="application/zip", icon=":material/folder_zip:")
    c2.download_button("Excel-Datei (.xlsx)", data=lambda: _xlsx_bytes(d),
                       file_name=f"kita-netzwerk-{stamp}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/table:")
