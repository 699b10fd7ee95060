"""The formula guard: a text cell a spreadsheet would run as a formula gets a leading apostrophe.

One rule for every file the house writes (the import format's CSV and xlsx, the analysis export, the audit
trail as CSV, the distribution report) and its inverse for reading the import format back.

Examples
--------
>>> schuetzen("=HYPERLINK(1)"), schuetzen("-5"), schuetzen("Kita Sonne")
("'=HYPERLINK(1)", "'-5", 'Kita Sonne')
>>> entschuetzen("'=HYPERLINK(1)"), entschuetzen("'Sonne")
('=HYPERLINK(1)', "'Sonne")
"""

from __future__ import annotations

__all__ = ["schuetzen", "entschuetzen", "GEFAEHRLICH"]

#: The first characters that make a spreadsheet read a cell as a formula.
GEFAEHRLICH = ("=", "+", "-", "@", "\t", "\r")


def schuetzen(text: str) -> str:
    """Protect a text cell against spreadsheet formula injection."""
    return "'" + text if text.startswith(GEFAEHRLICH) else text


def entschuetzen(text: str) -> str:
    """Undo :func:`schuetzen` (a leading apostrophe before a formula character)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(GEFAEHRLICH) else text
