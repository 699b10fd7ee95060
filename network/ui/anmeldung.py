"""Interim sign-in for the page Pflege: one shared password, stored only as a salted hash.

Format: ``pbkdf2_sha256$<iterations>$<salt, base64>$<hash, base64>`` (PBKDF2-HMAC-SHA256, 16 random bytes of
salt, 600 000 iterations by default). The hash is read from Streamlit secrets (``pflege_passwort_hash`` in
``.streamlit/secrets.toml``, which is git-ignored) or else from ``KITANETZ_PFLEGE_PASSWORT_HASH``.

Create a hash (the password is read without echo, or from stdin when piped)::

    .venv/bin/python -m network.ui.anmeldung

Examples
--------
>>> h = hash_passwort("geheim", iterationen=1000)
>>> h.startswith("pbkdf2_sha256$1000$")
True
>>> pruefe_passwort("geheim", h), pruefe_passwort("Geheim", h), pruefe_passwort("geheim", "kaputt")
(True, False, False)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import sys

__all__ = ["hash_passwort", "pruefe_passwort", "ITERATIONEN", "PRAEFIX", "konfigurierter_hash"]

PRAEFIX = "pbkdf2_sha256"
ITERATIONEN = 600_000


def hash_passwort(passwort: str, iterationen: int = ITERATIONEN, salz: bytes | None = None) -> str:
    """The salted hash of ``passwort`` in the documented format."""
    salz = salz if salz is not None else secrets.token_bytes(16)
    dk = hashlib.pbkdf2_hmac("sha256", passwort.encode("utf-8"), salz, iterationen)
    return "$".join((PRAEFIX, str(iterationen), base64.b64encode(salz).decode("ascii"),
                     base64.b64encode(dk).decode("ascii")))


def pruefe_passwort(passwort: str, gespeichert: str) -> bool:
    """Whether ``passwort`` matches the stored hash (constant-time comparison; a malformed hash never
    matches)."""
    try:
        praefix, it, salz_b64, hash_b64 = (gespeichert or "").strip().split("$")
        iterationen = int(it)
        salz = base64.b64decode(salz_b64, validate=True)
        erwartet = base64.b64decode(hash_b64, validate=True)
    except (ValueError, TypeError):
        return False
    if praefix != PRAEFIX or not (1 <= iterationen <= 10_000_000) or not erwartet:
        return False
    dk = hashlib.pbkdf2_hmac("sha256", (passwort or "").encode("utf-8"), salz, iterationen)
    return hmac.compare_digest(dk, erwartet)


def konfigurierter_hash() -> str:
    """The configured hash: Streamlit secrets first, then the setting; ``""`` if none."""
    try:
        import streamlit as st

        wert = st.secrets.get("pflege_passwort_hash")
        if wert:
            return str(wert).strip()
    except Exception:  # no secrets.toml, or not running inside Streamlit
        pass
    from ..settings import load_settings

    return (load_settings().pflege_passwort_hash or "").strip()


def main() -> int:
    """Print a hash for a password read from the terminal (twice) or from stdin."""
    if sys.stdin.isatty():
        import getpass

        eins = getpass.getpass("Neues Passwort für die Seite Pflege: ")
        zwei = getpass.getpass("Passwort wiederholen: ")
        if eins != zwei:
            print("Die beiden Eingaben stimmen nicht überein.", file=sys.stderr)
            return 1
    else:
        eins = sys.stdin.readline().rstrip("\r\n")
    if len(eins) < 10:
        print("Bitte ein Passwort mit mindestens 10 Zeichen wählen.", file=sys.stderr)
        return 1
    print(hash_passwort(eins))
    print("Diesen Wert als pflege_passwort_hash in .streamlit/secrets.toml eintragen oder als "
          "KITANETZ_PFLEGE_PASSWORT_HASH setzen (nicht ins Repository).", file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
