"""Roles: which pages each sees and which actions each may do."""

from __future__ import annotations

import pytest

from network.errors import ZugriffsFehler
from network.zugang import OEFFENTLICH, Nutzer, darf, seiten_fuer, verlange
from network.zugang.oidc import nutzer_aus_claims, rolle_aus_claims

FK = Nutzer("fk", "fachkraft", "fk-01")
KO = Nutzer("ko", "koordination")


def test_pages_per_role():
    assert seiten_fuer(OEFFENTLICH) == ["Wegweiser"]
    assert seiten_fuer(FK) == ["Wegweiser", "Vermittlung", "Netzwerk", "Pflege"]
    assert seiten_fuer(KO) == ["Wegweiser", "Vermittlung", "Netzwerk", "Analyse", "Sozialraumkonzept", "Pflege",
                               "Nutzer", "Protokoll"]


@pytest.mark.parametrize("recht, oeffentlich, fachkraft, koordination", [
    ("intern:lesen", False, True, True),
    ("kooperation:schreiben", False, True, True),
    ("angebot:vorschlagen", False, True, True),
    ("daten:schreiben", False, False, True),
    ("indikatoren:lesen", False, False, True),
    ("nutzer:verwalten", False, False, True),
    ("gibt-es-nicht", False, False, False),
])
def test_actions_per_role(recht, oeffentlich, fachkraft, koordination):
    assert (darf(OEFFENTLICH, recht), darf(FK, recht), darf(KO, recht)) == (oeffentlich, fachkraft, koordination)


def test_refusal_is_german():
    with pytest.raises(ZugriffsFehler, match="fehlt die Berechtigung"):
        verlange(FK, "daten:schreiben")


def test_oidc_claims_map_to_roles():
    z = {"koordination": ["KJA-Koord"], "fachkraft": ["KJA-KSA"]}
    assert rolle_aus_claims({"groups": ["KJA-KSA", "KJA-Koord"]}, z) == "koordination"
    assert rolle_aus_claims({"roles": ["KJA-KSA"]}, z, claim="roles") == "fachkraft"
    assert rolle_aus_claims({"groups": ["Sonstige"]}, z) == "oeffentlich"
    assert nutzer_aus_claims({"email": "a@example.org", "groups": ["KJA-KSA"]}, z) == Nutzer("a@example.org",
                                                                                             "fachkraft")
