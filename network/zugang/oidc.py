"""Roles from the district's identity provider, for Streamlit's built-in OpenID Connect sign-in (``st.login``).

Production configures the provider in ``.streamlit/secrets.toml`` (section ``[auth]``, see Streamlit's docs and
``docs/zugang.md``) and the mapping from groups to roles in ``[kitanetz.rollen]``::

    [kitanetz]
    rollen_claim = "groups"                       # which claim lists the user's groups
    [kitanetz.rollen]
    koordination = ["KJA-Kita-Koordination"]
    fachkraft = ["KJA-Kita-Sozialarbeit"]

The highest matching role wins; a signed-in user in no mapped group is treated as the public.

Examples
--------
>>> zuordnung = {"koordination": ["kja-koord"], "fachkraft": ["kja-ksa"]}
>>> rolle_aus_claims({"groups": ["kja-ksa", "alle"]}, zuordnung)
'fachkraft'
>>> rolle_aus_claims({"groups": "kja-koord"}, zuordnung), rolle_aus_claims({}, zuordnung)
('koordination', 'oeffentlich')
"""

from __future__ import annotations

from typing import Mapping

from .rollen import Nutzer

__all__ = ["rolle_aus_claims", "nutzer_aus_claims"]

_RANG = ("koordination", "fachkraft")


def rolle_aus_claims(claims: Mapping, zuordnung: Mapping[str, list[str]], claim: str = "groups") -> str:
    """The role for a user's claims: the highest role one of whose groups the user is in."""
    gruppen = claims.get(claim) or []
    if isinstance(gruppen, str):
        gruppen = [gruppen]
    gruppen = {str(g) for g in gruppen}
    for rolle in _RANG:
        if gruppen & set(zuordnung.get(rolle, ())):
            return rolle
    return "oeffentlich"


def nutzer_aus_claims(claims: Mapping, zuordnung: Mapping[str, list[str]], claim: str = "groups") -> Nutzer:
    """A :class:`Nutzer` named by the ``email`` (else ``sub``) claim, with the mapped role."""
    name = str(claims.get("email") or claims.get("sub") or "")
    return Nutzer(name, rolle_aus_claims(claims, zuordnung, claim), claims.get("fachkraft_id"))
