"""A long computation shared with a second process, so that it uses the machine's second core.

The national analysis (1,400 Sozialräume, 360,000 actors) is Python and igraph code that holds the GIL: threads do
not run it side by side. A process made with ``fork`` starts with everything the parent has already computed
(the whole network, without copying or pickling it), takes pieces of work from the same queue as the parent, and
sends back only its results. The queue is shared, so the two share the work by their speed: on a machine whose
other core is busy the parent simply does more of it (issue 14, docs/benchmarks.md).

Nothing depends on the second process: if it cannot be made, dies, or fails, the parent computes whatever is
missing itself, with the same functions, so the results are the same either way.

Examples
--------
>>> ergebnisse, extra = geteilt(5, lambda i: i * i, vorab=lambda: "vorab", prozesse=2)
>>> ergebnisse, extra
([0, 1, 4, 9, 16], 'vorab')
>>> geteilt(3, str, prozesse=1)
(['0', '1', '2'], None)
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["geteilt", "kerne", "Messung", "letzte_messung"]


@dataclass
class Messung:
    """What the second process did in the last :func:`geteilt` of this process (for the benchmarks)."""

    #: Pieces of work (not counting ``vorab``) it sent back, of all.
    stuecke: int = 0
    alle: int = 0
    #: Whether it sent back ``vorab``.
    vorab: bool = False
    #: Its own memory at the end (``Private_Clean + Private_Dirty`` of ``/proc/self/smaps_rollup``, bytes): what it
    #: held beyond the pages it still shared with the parent. ``None`` where Linux does not tell.
    privat: int | None = None
    #: Its CPU time (user + system, seconds).
    cpu: float = 0.0
    #: Why the parent had to compute its share itself, if it had to.
    fehler: str | None = None


_zuletzt: Messung | None = None


def letzte_messung() -> Messung | None:
    """The :class:`Messung` of this process's last :func:`geteilt` with a second process (``None`` before)."""
    return _zuletzt


def kerne() -> int:
    """The cores this process may run on.

    Examples
    --------
    >>> kerne() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def geteilt(anzahl: int, rechnen: Callable[[int], Any], *, vorab: Callable[[], Any] | None = None,
            prozesse: int = 2, stueck: int = 8, verschicken: Callable[[Any], Any] | None = None,
            ankommen: Callable[[int, Any], Any] | None = None) -> tuple[list, Any]:
    """``[rechnen(i) for i in range(anzahl)]`` and ``vorab()``, shared with a second process.

    Parameters
    ----------
    anzahl : int
        Number of pieces of work.
    rechnen : callable
        ``rechnen(i)`` computes piece ``i``. It must not depend on which process runs it, nor on the order.
    vorab : callable, optional
        One more piece of work, taken by the second process before the queue (the parent meanwhile starts on
        the queue). Its result is the second return value.
    prozesse : int
        ``1`` computes everything here, in order; ``2`` (or more: one second process all the same) shares it.
    stueck : int
        Pieces taken from the queue at a time.
    verschicken : callable, optional
        Applied, in the second process, to each result of ``rechnen`` and ``vorab`` before it is sent (leave
        out what the parent can rebuild, or what cannot be pickled). Default: sent as it is.
    ankommen : callable, optional
        ``ankommen(i, ergebnis)`` in the parent, for each result that came from the second process (``i`` is
        ``-1`` for ``vorab``); returns the result to use. Default: used as it arrived.

    Returns
    -------
    (list, object)
        The results of ``rechnen`` in the order of ``i``, and the result of ``vorab`` (``None`` without it).

    Examples
    --------
    A second process that fails leaves its share to the parent (here ``vorab``, which it always takes first):

    >>> eltern = os.getpid()
    >>> def vorab():
    ...     if os.getpid() != eltern:
    ...         raise RuntimeError("nur im zweiten Prozess")
    ...     return "vom Elternprozess"
    >>> geteilt(3, str, vorab=vorab)
    (['0', '1', '2'], 'vom Elternprozess')
    >>> letzte_messung().fehler
    'RuntimeError: nur im zweiten Prozess'
    """
    global _zuletzt
    if prozesse < 2 or not hasattr(os, "fork") or anzahl + (vorab is not None) < 2:
        return [rechnen(i) for i in range(anzahl)], (vorab() if vorab is not None else None)

    nehmen = _Schlange(anzahl, stueck).nehmen
    lesen, schreiben = os.pipe()
    pid = os.fork()
    if pid == 0:  # the second process: never returns into the caller's code
        _zweiter(lesen, schreiben, nehmen, rechnen, vorab, verschicken)
    os.close(schreiben)
    leser = _Leser(lesen)  # takes what the second process sends while the parent computes (it does not wait)
    messung = Messung(alle=anzahl)
    ergebnisse: dict[int, Any] = {}
    try:
        while teil := nehmen():
            for i in teil:
                ergebnisse[i] = rechnen(i)
        leser.join()
    except BaseException:
        _beenden(pid)
        leser.join()
        raise
    finally:
        os.close(lesen)
    status = _warten(pid)
    extra = _uebernehmen(leser.nachrichten(), status, ergebnisse, messung, ankommen)
    # Whatever the second process took but did not send back, the parent computes itself.
    for i in range(anzahl):
        if i not in ergebnisse:
            ergebnisse[i] = rechnen(i)
    if vorab is not None and not messung.vorab:
        extra = vorab()
    _zuletzt = messung
    return [ergebnisse[i] for i in range(anzahl)], extra


def _uebernehmen(nachrichten, status: int, ergebnisse: dict, messung: Messung, ankommen) -> Any:
    """Take the second process's messages into ``ergebnisse`` and ``messung``; its ``vorab`` result, if sent."""
    annehmen = ankommen if ankommen is not None else (lambda i, r: r)
    extra = None
    for art, inhalt in nachrichten:
        if art == "vorab":
            extra, messung.vorab = annehmen(-1, inhalt), True
        elif art == "stuecke":
            for i, r in inhalt:
                ergebnisse[i] = annehmen(i, r)
            messung.stuecke += len(inhalt)
        elif art == "ende":
            messung.privat, messung.cpu = inhalt["privat"], inhalt["cpu"]
            return extra
        else:  # "fehler"
            messung.fehler = inhalt
            return extra
    messung.fehler = f"zweiter Prozess endete mit {status}"  # no last message: it was killed or died
    return extra


class _Schlange:
    """The queue of both processes: the next piece of work, in memory both share after ``fork``."""

    def __init__(self, anzahl: int, stueck: int):
        self.anzahl, self.stueck = anzahl, stueck
        self.naechstes = multiprocessing.RawValue("q", 0)
        self.sperre = multiprocessing.Lock()

    def nehmen(self) -> range:
        """The next ``stueck`` pieces (fewer at the end, none when all are taken)."""
        with self.sperre:
            anfang = self.naechstes.value
            self.naechstes.value = ende = min(self.anzahl, anfang + self.stueck)
        return range(anfang, ende)


def _zweiter(lesen: int, schreiben: int, nehmen, rechnen, vorab, verschicken) -> None:
    """The body of the second process: ``vorab``, then pieces from the queue; each result pickled into the pipe as
    soon as it is computed (``8-byte length + pickle`` per message), then ``ende`` with its memory and CPU time."""
    code = 1
    try:
        os.close(lesen)
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which ends this process
        except ValueError:  # pragma: no cover - not allowed here; the parent still ends it on Ctrl-C
            pass
        senden = verschicken if verschicken is not None else (lambda r: r)
        with os.fdopen(schreiben, "wb") as aus:
            def schicken(art: str, inhalt) -> None:
                # one message at a time, so the results leave this process as soon as they are computed
                daten = pickle.dumps((art, inhalt), protocol=pickle.HIGHEST_PROTOCOL)
                aus.write(len(daten).to_bytes(8, "little"))
                aus.write(daten)
                aus.flush()

            try:
                if vorab is not None:
                    schicken("vorab", senden(vorab()))
                while teil := nehmen():
                    schicken("stuecke", [(i, senden(rechnen(i))) for i in teil])
                schicken("ende", {"privat": _privat(), "cpu": sum(os.times()[:2])})
            except BaseException as fehler:  # noqa: BLE001 - every failure is the parent's to handle
                schicken("fehler", f"{type(fehler).__name__}: {fehler}")
        code = 0
    finally:
        os._exit(code)


class _Leser(threading.Thread):
    """Reads the second process's messages from the pipe until it closes (a thread: reading waits without the
    GIL, so the parent computes meanwhile)."""

    def __init__(self, fd: int):
        super().__init__(name="zweiter-kern-leser", daemon=True)
        self.fd, self.teile = fd, []
        self.start()

    def run(self) -> None:
        while block := os.read(self.fd, 1 << 20):
            self.teile.append(block)

    def nachrichten(self):
        """The messages that arrived whole, in order (one cut off by a killed process is left out)."""
        daten = memoryview(b"".join(self.teile))
        self.teile.clear()
        pos = 0
        while pos + 8 <= len(daten):
            laenge = int.from_bytes(daten[pos:pos + 8], "little")
            if pos + 8 + laenge > len(daten):
                return
            yield pickle.loads(daten[pos + 8:pos + 8 + laenge])
            pos += 8 + laenge


def _warten(pid: int) -> int:
    """Wait for the second process; its exit status."""
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


def _beenden(pid: int) -> None:
    """End the second process at once (the parent failed or was interrupted) and reap it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # pragma: no cover - already gone
        pass
    _warten(pid)


def _privat() -> int | None:
    """This process's private memory in bytes (``smaps_rollup``), or ``None``."""
    try:
        zeilen = Path("/proc/self/smaps_rollup").read_text().splitlines()
    except OSError:  # pragma: no cover - not Linux
        return None
    kib = sum(int(z.split()[1]) for z in zeilen if z.startswith(("Private_Clean:", "Private_Dirty:")))
    return kib * 1024
