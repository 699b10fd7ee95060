"""Who belongs to a Sozialraum – one rule for the analysis, the Netzwerk page, the Wegweiser and the matching.

An actor belongs to a Sozialraum when it is **located** there (its Gemeinde lies in it) or, for an Angebot, when
it **serves** it: its catchment ``versorgt`` names the Sozialraum or is ``["alle"]`` (:data:`~network.model.KREISWEIT`).

Examples
--------
>>> versorgt(["alle"], "sr-x"), versorgt(["sr-a"], "sr-x"), versorgt(None, "sr-x")
(True, False, False)
>>> gehoert_zu("sr-a", [], "sr-a"), gehoert_zu("sr-b", ["sr-a"], "sr-a"), gehoert_zu(None, ["sr-b"], "sr-a")
(True, True, False)
>>> sozialraeume("sr-b", ["sr-a", "sr-x"], ["sr-a", "sr-b"]), sozialraeume(None, ["alle"], ["sr-a", "sr-b"])
(['sr-b', 'sr-a'], ['sr-a', 'sr-b'])
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import KREISWEIT

__all__ = ["versorgt", "gehoert_zu", "sozialraeume"]


def versorgt(einzugsgebiet: Iterable[str] | None, sozialraum_id: str | None) -> bool:
    """Whether a catchment ``einzugsgebiet`` (the ``versorgt`` list of an Angebot) serves ``sozialraum_id``."""
    liste = einzugsgebiet if type(einzugsgebiet) is list or isinstance(einzugsgebiet, (tuple, set, frozenset)) \
        else list(einzugsgebiet or ())
    return KREISWEIT in liste or (sozialraum_id is not None and sozialraum_id in liste)


def gehoert_zu(ort_sozialraum: str | None, einzugsgebiet: Iterable[str] | None, sozialraum_id: str) -> bool:
    """Whether an actor located in ``ort_sozialraum`` and serving ``einzugsgebiet`` belongs to ``sozialraum_id``."""
    return ort_sozialraum == sozialraum_id or versorgt(einzugsgebiet, sozialraum_id)


def sozialraeume(ort_sozialraum: str | None, einzugsgebiet: Iterable[str] | None, alle: Iterable[str]) -> list[str]:
    """The Sozialräume of ``alle`` an actor belongs to (:func:`gehoert_zu`), found without testing each one: all
    of them for ``["alle"]`` (in the order of ``alle``), else its own, then those it serves (each once).

    For many actors and many Sozialräume (the analysis, one pass over the network) ``alle`` should be a set or
    a dict."""
    liste = list(einzugsgebiet or ())
    if KREISWEIT in liste:
        return list(alle)
    return [s for s in dict.fromkeys((ort_sozialraum, *liste)) if s is not None and s in alle]
