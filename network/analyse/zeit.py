"""Dates of the analysis: the Stichtag, what is active on it, and quarters.

The rules are written once, in the ground core (:mod:`network.grund.zeit`); the analysis names them here so
its modules read ``from .zeit import …`` as before.
"""

from __future__ import annotations

from ..grund.zeit import aktiv, datum_iso, quartale, quartalsanfang, quartalsende, quartalsenden, stichtag_iso

__all__ = ["stichtag_iso", "datum_iso", "aktiv", "quartalsanfang", "quartalsende", "quartale", "quartalsenden"]
