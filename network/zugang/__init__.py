"""Accounts, roles, sign-in and the audit trail.

- :mod:`~network.zugang.rollen`: who may open which page and do which action (checked by pages *and* by every
  write function).
- :mod:`~network.zugang.konten`: local accounts in the store (Argon2id), lockout after failed sign-ins.
- :mod:`~network.zugang.oidc`: roles from the claims of Streamlit's OpenID Connect sign-in (``st.login``).
- :mod:`~network.zugang.protokoll`: audit entries, appended in the same transaction as each write.
"""

from .rollen import KOMMANDOZEILE, OEFFENTLICH, Nutzer, darf, seiten_fuer, verlange

__all__ = ["Nutzer", "OEFFENTLICH", "KOMMANDOZEILE", "darf", "verlange", "seiten_fuer"]
