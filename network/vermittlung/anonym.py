"""Statistical disclosure control for tables of Vermittlung counts (§ 64 Abs. 3 SGB VIII).

Every display and every export of Vermittlung counts goes through :func:`schuetzen`:

1. **Primary suppression.** Every cell *and every total* with a value of 1 or 2 is hidden and shown as „< 3“.
   Zero is shown (no family is behind it).
2. **Secondary suppression.** A table with its row totals, column totals and grand total is a set of *lines*:
   each row (its cells and its row total), each column (its cells and its column total), the row of column
   totals (with the grand total) and the column of row totals (with the grand total). In each line the visible
   items and the total determine the hidden ones; a single hidden item in a line could be recovered by
   subtraction. So while some line has exactly one hidden item, the smallest visible item of that line is
   hidden as well (shown as „x“): positive values before zeros, then the smallest value, inner cells before
   totals, then the first position. Repeated until every line has no hidden item or at least two. Zeros come
   last because a hidden 0 beside a hidden 1 leaves their sum at 1, and since counts are not negative that
   gives the 1 away; a positive partner keeps several values possible.

What this guarantees (and what the property test checks): no hidden value can be derived from one line by
subtracting the visible values from its total. It does not claim protection against an attacker who solves the
whole system of row and column equations at once; for the small tables of this product (a few Sozialräume or
months × a few Themen) the pattern it produces is the usual one of official statistics.

Examples
--------
>>> g = schuetzen([[5, 1, 4], [6, 7, 8]])
>>> g.anzeige()
[['5', '< 3', 'x', '10'], ['6', 'x', 'x', '21'], ['11', '8', '12', '31']]
>>> g.ist_verdeckt(0, 1), g.ist_primaer(0, 1), g.ist_verdeckt(0, 2), g.ist_primaer(0, 2)
(True, True, True, False)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["schuetzen", "Geschuetzt", "KLEIN", "GESPERRT", "GRENZE", "linien"]

#: Counts of 1 up to this value are hidden (primary suppression).
GRENZE = 2
#: Shown for a primary-suppressed value.
KLEIN = "< 3"
#: Shown for a secondary-suppressed value.
GESPERRT = "x"


def linien(n: int, m: int) -> list[list[tuple[int, int]]]:
    """The lines (additive equations) of an ``n`` × ``m`` table extended by its totals to (n+1) × (m+1).

    Position ``(i, m)`` is the total of row ``i``, ``(n, j)`` the total of column ``j``, ``(n, m)`` the grand
    total. Each line's last item is its total.

    >>> linien(1, 2)
    [[(0, 0), (0, 1), (0, 2)], [(1, 0), (1, 1), (1, 2)], [(0, 0), (1, 0)], [(0, 1), (1, 1)], [(0, 2), (1, 2)]]
    """
    zeilen = [[(i, j) for j in range(m + 1)] for i in range(n + 1)]
    spalten = [[(i, j) for i in range(n + 1)] for j in range(m + 1)]
    return zeilen + spalten


@dataclass
class Geschuetzt:
    """A table with its totals and which of its values are hidden.

    ``erweitert`` is the (n+1) × (m+1) table of values including totals (last column: row totals, last row:
    column totals, bottom right: grand total). Never show it; show :meth:`anzeige` or :meth:`sichtbar`.
    """

    erweitert: list[list[int]]
    primaer: set[tuple[int, int]] = field(default_factory=set)
    sekundaer: set[tuple[int, int]] = field(default_factory=set)

    @property
    def n(self) -> int:
        return len(self.erweitert) - 1

    @property
    def m(self) -> int:
        return len(self.erweitert[0]) - 1

    @property
    def verdeckt(self) -> set[tuple[int, int]]:
        return self.primaer | self.sekundaer

    def ist_verdeckt(self, i: int, j: int) -> bool:
        return (i, j) in self.primaer or (i, j) in self.sekundaer

    def ist_primaer(self, i: int, j: int) -> bool:
        return (i, j) in self.primaer

    def text(self, i: int, j: int) -> str:
        """What to show at position ``(i, j)`` of the extended table."""
        if (i, j) in self.primaer:
            return KLEIN
        if (i, j) in self.sekundaer:
            return GESPERRT
        return str(self.erweitert[i][j])

    def anzeige(self) -> list[list[str]]:
        """The extended table as display strings („< 3“, „x“ or the number)."""
        return [[self.text(i, j) for j in range(self.m + 1)] for i in range(self.n + 1)]

    def sichtbar(self) -> list[list[int | None]]:
        """The extended table with ``None`` for every hidden value (for machine-readable exports)."""
        return [[None if self.ist_verdeckt(i, j) else self.erweitert[i][j] for j in range(self.m + 1)]
                for i in range(self.n + 1)]


def _pruefen(werte: Sequence[Sequence[int]]) -> list[list[int]]:
    zeilen = [list(z) for z in werte]
    if not zeilen or not zeilen[0]:
        raise ValueError("Die Tabelle braucht mindestens eine Zeile und eine Spalte.")
    m = len(zeilen[0])
    for z in zeilen:
        if len(z) != m:
            raise ValueError("Alle Zeilen der Tabelle müssen gleich lang sein.")
        for x in z:
            if isinstance(x, bool) or not isinstance(x, int) or x < 0:
                raise ValueError(f"Nur Anzahlen (ganze Zahlen ≥ 0) können geschützt werden, nicht {x!r}.")
    return zeilen


def schuetzen(werte: Sequence[Sequence[int]], grenze: int = GRENZE) -> Geschuetzt:
    """Primary and secondary suppression of a table of counts (rows × columns, totals are computed).

    >>> schuetzen([[0, 3], [4, 5]]).anzeige()
    [['0', '3', '3'], ['4', '5', '9'], ['4', '8', '12']]
    >>> schuetzen([[2]]).anzeige()
    [['< 3', '< 3'], ['< 3', '< 3']]
    """
    zellen = _pruefen(werte)
    n, m = len(zellen), len(zellen[0])
    e = [z + [sum(z)] for z in zellen]
    e.append([sum(e[i][j] for i in range(n)) for j in range(m + 1)])
    g = Geschuetzt(erweitert=e)
    g.primaer = {(i, j) for i in range(n + 1) for j in range(m + 1) if 1 <= e[i][j] <= grenze}
    alle_linien = linien(n, m)
    verdeckt = set(g.primaer)
    while True:
        geaendert = False
        for linie in alle_linien:
            if sum(p in verdeckt for p in linie) != 1:
                continue
            sichtbar = [p for p in linie if p not in verdeckt]
            p = min(sichtbar, key=lambda q: (e[q[0]][q[1]] == 0, e[q[0]][q[1]], q[0] == n or q[1] == m, q))
            verdeckt.add(p)
            g.sekundaer.add(p)
            geaendert = True
        if not geaendert:
            return g
