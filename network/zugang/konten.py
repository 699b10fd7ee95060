"""Local accounts kept in the store: create, list, disable, change password, sign in.

Passwords are hashed with Argon2id (``argon2-cffi``); no password or hash is ever logged, shown or written to
the audit trail. Failed sign-ins are slowed (a growing pause) and the account is locked for
:data:`SPERRE_MINUTEN` after :data:`MAX_FEHLVERSUCHE` failures in a row. Every change to an account is one
transaction with its audit entry.

Examples
--------
>>> import tempfile
>>> from network.store.embedded import EmbeddedStore
>>> from network.zugang.rollen import KOMMANDOZEILE
>>> with EmbeddedStore(tempfile.mkdtemp()) as store:
...     _ = lege_an(store, "anna", "koordination", "sehr-geheim-123", wer=KOMMANDOZEILE)
...     anmelden(store, "Anna", "sehr-geheim-123", pause=lambda s: None).rolle
'koordination'
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import AnmeldeFehler, KitaNetzFehler, NichtGefundenFehler
from ..store import Store
from .protokoll import eintrag, jetzt
from .rollen import ROLLEN, Nutzer, verlange

__all__ = ["Konto", "lege_an", "liste", "deaktiviere", "ordne_zu", "setze_passwort", "anmelden",
           "MAX_FEHLVERSUCHE", "SPERRE_MINUTEN", "MIN_LAENGE"]

MAX_FEHLVERSUCHE = 5
SPERRE_MINUTEN = 15
MIN_LAENGE = 10

_HASHER = PasswordHasher()
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


@dataclass(frozen=True)
class Konto:
    """An account as listed (never with its hash)."""

    name: str
    rolle: str
    aktiv: bool
    fachkraft_id: str | None
    gesperrt_bis: str | None
    angelegt_am: str | None

    def __repr__(self) -> str:  # explicit: nothing secret can slip into a log line
        return f"Konto({self.name!r}, {self.rolle!r}, aktiv={self.aktiv})"


def _name(name: str) -> str:
    n = (name or "").strip().lower()
    if not _NAME.match(n):
        raise KitaNetzFehler("Der Benutzername darf nur Kleinbuchstaben, Ziffern, Punkt, Bindestrich und "
                            "Unterstrich enthalten (2 bis 40 Zeichen).")
    return n


def _passwort(pw: str) -> str:
    if len(pw or "") < MIN_LAENGE:
        raise KitaNetzFehler(f"Das Passwort muss mindestens {MIN_LAENGE} Zeichen lang sein.")
    return _HASHER.hash(pw)


def _lies(store: Store, name: str) -> dict | None:
    rows = store.query("lade_einen_nutzer", id=name)
    return rows[0] if rows else None


def _schreibe(store: Store, row: dict, wer: Nutzer, aktion: str, vorher: dict | None) -> None:
    zeit = jetzt()
    sichtbar = {k: row[k] for k in ("rolle", "aktiv", "fachkraft_id")}
    alt = {k: vorher[k] for k in ("rolle", "aktiv", "fachkraft_id")} if vorher else None

    def work(tx) -> None:
        tx.run("upsert_nutzer", rows=[row])
        tx.run("protokoll_anhaengen", rows=[eintrag(zeit, 0, wer.name, aktion, "nutzer", row["id"], alt,
                                                     sichtbar if aktion != "passwort geändert" else None)])

    store.execute_write(work)


def lege_an(store: Store, name: str, rolle: str, passwort: str, wer: Nutzer,
            fachkraft_id: str | None = None) -> Konto:
    """Create an account (``nutzer:verwalten`` needed)."""
    verlange(wer, "nutzer:verwalten")
    name = _name(name)
    if rolle not in ROLLEN or rolle == "oeffentlich":
        raise KitaNetzFehler("Rolle muss „fachkraft“ oder „koordination“ sein.")
    if _lies(store, name) is not None:
        raise KitaNetzFehler(f"Den Benutzer „{name}“ gibt es schon.")
    if fachkraft_id and not any(f["id"] == fachkraft_id for f in store.load().fachkraefte):
        raise KitaNetzFehler(f"Die Fachkraft „{fachkraft_id}“ gibt es nicht.")
    row = {"id": name, "rolle": rolle, "passwort_hash": _passwort(passwort), "aktiv": True,
           "fachkraft_id": fachkraft_id, "fehlversuche": 0, "gesperrt_bis": None, "angelegt_am": jetzt()}
    _schreibe(store, row, wer, "angelegt", None)
    return _konto(row)


def _konto(r: dict) -> Konto:
    return Konto(r["id"], r["rolle"], bool(r["aktiv"]), r.get("fachkraft_id"), r.get("gesperrt_bis"),
                 r.get("angelegt_am"))


def liste(store: Store, wer: Nutzer) -> list[Konto]:
    """All accounts, sorted by name (``nutzer:verwalten`` needed)."""
    verlange(wer, "nutzer:verwalten")
    return [_konto(r) for r in store.query("lade_nutzer")]


def _vorhanden(store: Store, name: str) -> dict:
    row = _lies(store, _name(name))
    if row is None:
        raise NichtGefundenFehler(f"Den Benutzer „{name}“ gibt es nicht.")
    return row


def deaktiviere(store: Store, name: str, wer: Nutzer) -> None:
    """Disable an account; it can no longer sign in."""
    verlange(wer, "nutzer:verwalten")
    row = _vorhanden(store, name)
    _schreibe(store, {**row, "aktiv": False}, wer, "deaktiviert", row)


def ordne_zu(store: Store, name: str, fachkraft_id: str | None, wer: Nutzer) -> None:
    """Link an account to a Fachkraft (``fachkraft_id``; ``None`` removes the link): whose Kitas a Fachkraft
    account may edit."""
    verlange(wer, "nutzer:verwalten")
    row = _vorhanden(store, name)
    fachkraft_id = fachkraft_id or None
    if fachkraft_id and not any(f["id"] == fachkraft_id for f in store.load().fachkraefte):
        raise KitaNetzFehler(f"Die Fachkraft „{fachkraft_id}“ gibt es nicht.")
    if row.get("fachkraft_id") != fachkraft_id:
        _schreibe(store, {**row, "fachkraft_id": fachkraft_id}, wer, "geändert", row)


def setze_passwort(store: Store, name: str, passwort: str, wer: Nutzer) -> None:
    """Set a new password (and lift a lock)."""
    verlange(wer, "nutzer:verwalten")
    row = _vorhanden(store, name)
    _schreibe(store, {**row, "passwort_hash": _passwort(passwort), "fehlversuche": 0, "gesperrt_bis": None},
              wer, "passwort geändert", row)


def _gesperrt_bis(now: datetime) -> str:
    return (now + timedelta(minutes=SPERRE_MINUTEN)).isoformat(timespec="seconds")


def _pause(versuch: int) -> float:
    return min(0.5 * 2 ** (versuch - 1), 8.0)


def _noch_gesperrt(bis: str | None, now: datetime) -> bool:
    return bool(bis) and datetime.fromisoformat(bis) > now


def _gesperrt(bis: str) -> AnmeldeFehler:
    return AnmeldeFehler(f"Zu viele Fehlversuche: das Konto ist bis {bis[11:16]} Uhr gesperrt.")


def _jetzt_gesperrt() -> AnmeldeFehler:
    return AnmeldeFehler(f"Zu viele Fehlversuche: das Konto ist für {SPERRE_MINUTEN} Minuten gesperrt.")


#: A hash of a random secret: unknown names are checked against it, so they cost what a real check costs.
_ATTRAPPE = _HASHER.hash(secrets.token_urlsafe(32))


def _name_schluessel(name: str) -> str:
    """The store's key of a name without an account: a hash, never the name itself."""
    return "h-" + hashlib.sha256((name or "").strip().lower().encode("utf-8", "replace")).hexdigest()


#: How long the counter of a name without an account is kept after its last attempt.
UNBEKANNT_BEHALTEN = timedelta(days=1)


def _auswerten(r: dict, now: datetime, setzen, sperren=None) -> tuple[int, str | None]:
    """The one rule for a counted attempt (account or unknown name): (attempt number, locked until).

    Attempt number 0: locked already (the counter is set back); more than :data:`MAX_FEHLVERSUCHE`: locked now
    by this attempt (``sperren``, by default ``setzen``, records the lock)."""
    if _noch_gesperrt(r.get("gesperrt_bis"), now):
        setzen(r["gesperrt_bis"])
        return 0, r["gesperrt_bis"]
    versuch = int(r["fehlversuche"])
    if versuch > MAX_FEHLVERSUCHE:
        bis = _gesperrt_bis(now)
        (sperren or setzen)(bis)
        return versuch, bis
    return versuch, None


def _reserviere_name(store: Store, name: str, now: datetime) -> tuple[int, str | None]:
    """Like :func:`_reserviere`, for a name without an (active) account: counted in the store as well (shared by
    every app process), keyed by a hash of the name, forgotten a day after its last attempt."""
    key = _name_schluessel(name)
    zeit = now.isoformat(timespec="seconds")

    def work(tx) -> tuple[int, str | None]:
        tx.run("fehlversuche_name_vergessen", vor=(now - UNBEKANNT_BEHALTEN).isoformat(timespec="seconds"))
        r = tx.run("zaehle_fehlversuch_name", id=key, zeit=zeit)[0]
        return _auswerten(r, now, lambda bis: tx.run("setze_fehlversuch_name", id=key, fehlversuche=0,
                                                     gesperrt_bis=bis))

    return store.execute_write(work, stand=False)


def _reserviere(store: Store, key: str, now: datetime) -> tuple[int, str | None]:
    """Count an attempt on an account in one write transaction, *before* its password is checked.

    Returns (attempt number, locked until). The count is atomic (:file:`queries/zugang.cypher`,
    ``zaehle_fehlversuch``), so parallel attempts cannot slip past the limit: at most :data:`MAX_FEHLVERSUCHE`
    passwords are ever checked before the lock. Attempt number 0 means: locked already, nothing checked; more
    than :data:`MAX_FEHLVERSUCHE` means: locked now by this attempt, nothing checked.
    """

    def work(tx) -> tuple[int, str | None]:
        r = tx.run("zaehle_fehlversuch", id=key)[0]
        return _auswerten(r, now, lambda bis: tx.run("setze_fehlversuche", id=key, fehlversuche=0, gesperrt_bis=bis),
                          sperren=lambda bis: _sperre(tx, key, bis))

    return store.execute_write(work, stand=False)


def _sperre(tx, key: str, bis: str) -> None:
    tx.run("setze_fehlversuche", id=key, fehlversuche=0, gesperrt_bis=bis)
    tx.run("protokoll_anhaengen", rows=[eintrag(jetzt(), 0, "anmeldung", "gesperrt", "nutzer", key, None,
                                                 {"gesperrt_bis": bis})])


def anmelden(store: Store, name: str, passwort: str, jetzt_: datetime | None = None,
             pause: Callable[[float], None] = time.sleep) -> Nutzer:
    """Check name and password; returns the :class:`~network.zugang.rollen.Nutzer` or raises
    :class:`~network.errors.AnmeldeFehler` with one German sentence.

    Every attempt is counted before the password is checked (atomically, see :func:`_reserviere`), so parallel
    sessions cannot get past :data:`MAX_FEHLVERSUCHE`. A name without an active account behaves exactly like
    an account with a wrong password – same pauses, same lock, same messages – so nobody can find out which
    names exist."""
    now = jetzt_ or datetime.now()
    falsch = AnmeldeFehler("Benutzername oder Passwort ist falsch.")
    try:
        key = _name(name)
    except KitaNetzFehler:
        key = None
    row = _lies(store, key) if key else None
    konto = row is not None and bool(row["aktiv"])
    if konto:
        versuch, bis = _reserviere(store, key, now)
    else:
        versuch, bis = _reserviere_name(store, name, now)
    if versuch == 0:
        raise _gesperrt(bis)
    if versuch > MAX_FEHLVERSUCHE:
        pause(_pause(MAX_FEHLVERSUCHE))
        raise _jetzt_gesperrt()
    try:
        _HASHER.verify(row["passwort_hash"] if konto else _ATTRAPPE, passwort or "")
        if not konto:
            raise VerificationError("kein Konto")  # pragma: no cover - the dummy hash matches no password
    except (VerificationError, InvalidHashError):
        if versuch >= MAX_FEHLVERSUCHE:
            if konto:
                store.execute_write(lambda tx: _sperre(tx, key, _gesperrt_bis(now)), stand=False)
            else:
                store.execute_write(lambda tx: tx.run("setze_fehlversuch_name", id=_name_schluessel(name),
                                                      fehlversuche=0, gesperrt_bis=_gesperrt_bis(now)),
                                    stand=False)
        pause(_pause(versuch))
        if versuch >= MAX_FEHLVERSUCHE:
            raise _jetzt_gesperrt() from None
        raise falsch from None
    store.execute_write(lambda tx: tx.run("setze_fehlversuche", id=key, fehlversuche=0, gesperrt_bis=None),
                        stand=False)
    return Nutzer(key, row["rolle"], row.get("fachkraft_id"))
