"""Python's cycle collector paused while a large piece of work builds millions of objects.

An import (100× seed: 116,211 rows) and the national analysis (360,000 actors) allocate millions of small dicts
and lists that all stay alive until the work ends, and make no garbage cycles worth collecting. With the
collector on, every growth of the heap by a quarter starts a full collection that walks all objects again: half
of reading and checking the 100× import, a fifth of the national analysis (issue 14, docs/benchmarks.md).
Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

__all__ = ["pausiert"]

_SPERRE = threading.Lock()
_laufend = 0
_war_an = False


@contextmanager
def pausiert() -> Iterator[None]:
    """The cycle collector paused for the ``with`` block, and resumed afterwards – whatever way the block ends.

    Several pauses of one process (threads of the app: an import beside an analysis) share one: the collector is
    switched back on when the last of them ends, and only if it was on when the first began.

    Examples
    --------
    >>> with pausiert():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    global _laufend, _war_an
    with _SPERRE:
        if _laufend == 0:
            _war_an = gc.isenabled()
            gc.disable()
        _laufend += 1
    try:
        yield
    finally:
        with _SPERRE:
            _laufend -= 1
            if _laufend == 0 and _war_an:
                gc.enable()
