"""The Protokoll names the things changed – „Kita Sonne → Suchtberatung Simmern“, „Fachkraft der
Kita-Sozialarbeit: Julia Hoffmann“ – with the id only as detail (issue 15, point 9)."""

from __future__ import annotations

from ui_hilfen import KOORDINATION, klartext, seite

from network import pflege as P
from network.zugang import Nutzer

WER = Nutzer("namen.test", "koordination")


def test_protokoll_zeigt_namen_statt_kennungen(datenordner, store):
    d = store.load()
    koop = next(c for c in d.kooperationen if not c.get("bis"))
    P.beende_kooperation(store, koop["id"], wer=WER)
    kita = next(k for k in d.kitas if k.get("fachkraft_id"))
    andere = next(f for f in d.fachkraefte if f["id"] != kita["fachkraft_id"])
    werte = P.als_text(kita, "kitas")
    werte["fachkraft_id"] = andere["id"]
    P.speichere(store, "kitas", werte, wer=WER)
    namen = {r["id"]: r["name"] for r in d.kitas + d.angebote}

    at = seite("protokoll", als=KOORDINATION).run()
    at.selectbox(key="pt_wer").set_value("namen.test").run()
    assert not at.exception
    tab = at.dataframe[0].value
    assert list(tab.columns) == ["Zeit", "Wer", "Aktion", "Art", "Was", "Änderung", "Kennung"]
    zeile_koop = tab[tab["Kennung"] == koop["id"]].iloc[0]
    assert zeile_koop["Art"] == "Kooperation"
    assert zeile_koop["Was"] == f"{namen[koop['von_id']]} → {namen[koop['zu_id']]}"
    assert "bis: " in zeile_koop["Änderung"] and "-" not in zeile_koop["Änderung"].split("bis: ")[1][:10]
    zeile_kita = tab[tab["Kennung"] == kita["id"]].iloc[0]
    assert zeile_kita["Was"] == kita["name"] and zeile_kita["Art"] == "Kita"
    assert "Fachkraft der Kita-Sozialarbeit: " in zeile_kita["Änderung"]
    assert andere["name"] in zeile_kita["Änderung"] and "fachkraft_id" not in zeile_kita["Änderung"]
    # the detail of the newest entry (the Kita): German field names, names as values, the id only in brackets
    detail = at.dataframe[1].value
    felder = dict(zip(detail["Feld"], detail["nachher"]))
    assert felder.get("Fachkraft der Kita-Sozialarbeit") == andere["name"] and "fachkraft_id" not in felder
    assert any(f"„{kita['name']}“ (Kennung {kita['id']})" in klartext(c.value) for c in at.caption)
