"""Sign-in sessions that survive a reload and a new tab: kept on the server, named by an HttpOnly cookie.

Streamlit keeps its own state per browser connection; a reload or a new tab is a new connection. So a local
sign-in creates a *session record* here, and the browser keeps only a random name for it in a cookie
(:data:`COOKIE`). The security argument is in ``docs/zugang.md`` („Angemeldet bleiben“); in short:

- **Random and signed.** The cookie value is ``token.signature``: 32 random bytes (``secrets.token_urlsafe``)
  and an HMAC-SHA256 of the token under a server key. A forged or altered cookie is refused before the records
  are read. The records hold only the SHA-256 of the token – a copy of the file signs nobody in.
- **Short-lived.** A record ends after :data:`ABLAUF_MINUTEN` minutes without activity (any tab counts), and is
  deleted when it is found expired. The cookie itself has no expiry date: closing the browser ends it.
- **Rotated.** Every sign-in creates a new token; the previous record of that browser is ended.
- **Ended everywhere.** :meth:`Sitzungen.beende_alle` ends every record of an account (sign-out everywhere,
  disabled account, new password); the next action in any tab is then signed out.
- **No token in URLs.** After the sign-in the browser fetches the cookie with a one-time code valid for
  :data:`CODE_SEKUNDEN` seconds (:meth:`einmalcode` / :meth:`einloesen`), so the token never appears in a URL,
  a log or the history.

The records live in a small SQLite file in the data folder (``sitzungen.sqlite``, with the key in
``sitzung.key``, both readable only by the owner); several app processes share it.

Examples
--------
>>> import tempfile, pathlib
>>> s = Sitzungen.im_ordner(pathlib.Path(tempfile.mkdtemp()))
>>> wert = s.beginne("anna", "lokal", jetzt=1000.0)
>>> s.pruefe(wert, jetzt=1000.0 + 29 * 60).name
'anna'
>>> s.pruefe(wert, jetzt=1000.0 + 29 * 60 + 30 * 60 + 1) is None  # 30 min after the last activity
True
>>> s.pruefe(wert[:-1] + ("A" if wert[-1] != "A" else "B"), jetzt=1000.0) is None  # forged signature
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Sitzungen", "Sitzung", "COOKIE", "ABLAUF_MINUTEN", "WARNUNG_MINUTEN", "CODE_SEKUNDEN"]

#: Name of the cookie that names the session record.
COOKIE = "kitanetz_sitzung"
#: Minutes without activity after which a session ends.
ABLAUF_MINUTEN = 30
#: Minutes before the end at which the app warns (WCAG 2.2.1 Timing Adjustable).
WARNUNG_MINUTEN = 5
#: Seconds a one-time code (sign-in → cookie) is valid.
CODE_SEKUNDEN = 60
#: Activity is written at most this often (seconds), so a busy page does not write on every click.
BERUEHREN_SEKUNDEN = 15

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sitzung (
    hash TEXT PRIMARY KEY, name TEXT NOT NULL, art TEXT NOT NULL, begonnen REAL NOT NULL, zuletzt REAL NOT NULL);
CREATE INDEX IF NOT EXISTS sitzung_name ON sitzung(name);
CREATE TABLE IF NOT EXISTS einmalcode (code_hash TEXT PRIMARY KEY, wert TEXT NOT NULL, bis REAL NOT NULL);
"""


@dataclass(frozen=True)
class Sitzung:
    """A valid session record: who, how signed in, since when, last activity (seconds since the epoch)."""

    name: str
    art: str
    begonnen: float
    zuletzt: float

    def rest_sekunden(self, jetzt: float, minuten: int = ABLAUF_MINUTEN) -> float:
        """Seconds until the session ends without further activity."""
        return self.zuletzt + minuten * 60 - jetzt


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Sitzungen:
    """The session records in one SQLite file; ``schluessel`` signs the cookie values."""

    def __init__(self, pfad: Path, schluessel: bytes, minuten: int = ABLAUF_MINUTEN) -> None:
        self.pfad = Path(pfad)
        self._schluessel = schluessel
        self.minuten = minuten
        with closing(self._verbinde()) as db, db:
            db.executescript(_SCHEMA)

    @classmethod
    def im_ordner(cls, ordner: Path, minuten: int = ABLAUF_MINUTEN) -> "Sitzungen":
        """The records of a data folder (created if missing; the key is made once, mode 0600)."""
        ordner = Path(ordner)
        ordner.mkdir(parents=True, exist_ok=True)
        key = ordner / "sitzung.key"
        if not key.exists():
            try:
                fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:  # another process was faster
                pass
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(secrets.token_bytes(32))
        pfad = ordner / "sitzungen.sqlite"
        neu = not pfad.exists()
        s = cls(pfad, key.read_bytes(), minuten)
        if neu:
            os.chmod(pfad, 0o600)
        return s

    def _verbinde(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.pfad, timeout=10, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 10000")
        return db

    # -- cookie values ----------------------------------------------------------------------------------
    def _signatur(self, token: str) -> str:
        return hmac.new(self._schluessel, token.encode(), hashlib.sha256).hexdigest()[:43]

    def _token(self, wert: str | None) -> str | None:
        """The token of a cookie value if its signature is right, else ``None``."""
        if not wert or wert.count(".") != 1 or len(wert) > 200:
            return None
        token, sig = wert.split(".")
        return token if token and hmac.compare_digest(sig, self._signatur(token)) else None

    # -- records ----------------------------------------------------------------------------------------
    def beginne(self, name: str, art: str, jetzt: float | None = None, vorher: str | None = None) -> str:
        """A new session for ``name``; returns the cookie value. ``vorher`` (the browser's previous cookie value)
        is ended: every sign-in rotates the token."""
        jetzt = time.time() if jetzt is None else jetzt
        if vorher:
            self.beende(vorher)
        token = secrets.token_urlsafe(32)
        with closing(self._verbinde()) as db, db:
            db.execute("DELETE FROM sitzung WHERE zuletzt < ?", (jetzt - self.minuten * 60,))
            db.execute("INSERT INTO sitzung VALUES (?, ?, ?, ?, ?)", (_hash(token), name, art, jetzt, jetzt))
        return f"{token}.{self._signatur(token)}"

    def pruefe(self, wert: str | None, jetzt: float | None = None, beruehren: bool = True) -> Sitzung | None:
        """The session named by a cookie value, or ``None`` (unsigned, unknown, ended or expired – an expired
        record is deleted). ``beruehren``: count this as activity."""
        jetzt = time.time() if jetzt is None else jetzt
        token = self._token(wert)
        if token is None:
            return None
        h = _hash(token)
        with closing(self._verbinde()) as db, db:
            row = db.execute("SELECT name, art, begonnen, zuletzt FROM sitzung WHERE hash = ?", (h,)).fetchone()
            if row is None:
                return None
            s = Sitzung(*row)
            if s.rest_sekunden(jetzt, self.minuten) < 0:
                db.execute("DELETE FROM sitzung WHERE hash = ?", (h,))
                return None
            if beruehren and jetzt - s.zuletzt >= BERUEHREN_SEKUNDEN:
                db.execute("UPDATE sitzung SET zuletzt = ? WHERE hash = ?", (jetzt, h))
                s = Sitzung(s.name, s.art, s.begonnen, jetzt)
        return s

    def beende(self, wert: str | None) -> None:
        """End the session named by a cookie value (sign-out in this browser)."""
        token = self._token(wert)
        if token is not None:
            with closing(self._verbinde()) as db, db:
                db.execute("DELETE FROM sitzung WHERE hash = ?", (_hash(token),))

    def beende_alle(self, name: str) -> int:
        """End every session of an account (sign-out everywhere); returns how many."""
        with closing(self._verbinde()) as db, db:
            return db.execute("DELETE FROM sitzung WHERE name = ?", (name,)).rowcount

    def anzahl(self, name: str) -> int:
        with closing(self._verbinde()) as db:
            return db.execute("SELECT count(*) FROM sitzung WHERE name = ?", (name,)).fetchone()[0]

    # -- one-time codes ---------------------------------------------------------------------------------
    def einmalcode(self, wert: str, jetzt: float | None = None) -> str:
        """A code the browser exchanges once, within :data:`CODE_SEKUNDEN` s, for the cookie value ``wert``."""
        jetzt = time.time() if jetzt is None else jetzt
        code = secrets.token_urlsafe(24)
        with closing(self._verbinde()) as db, db:
            db.execute("DELETE FROM einmalcode WHERE bis < ?", (jetzt,))
            db.execute("INSERT INTO einmalcode VALUES (?, ?, ?)", (_hash(code), wert, jetzt + CODE_SEKUNDEN))
        return code

    def einloesen(self, code: str | None, jetzt: float | None = None) -> str | None:
        """The cookie value for a one-time code (then the code is gone), or ``None``."""
        jetzt = time.time() if jetzt is None else jetzt
        if not code or len(code) > 100:
            return None
        with closing(self._verbinde()) as db, db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT wert, bis FROM einmalcode WHERE code_hash = ?", (_hash(code),)).fetchone()
            db.execute("DELETE FROM einmalcode WHERE code_hash = ? OR bis < ?", (_hash(code), jetzt))
        if row is None or row[1] < jetzt:
            return None
        return row[0]
