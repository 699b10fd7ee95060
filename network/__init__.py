"""Kita-Netzwerk: cooperation network of Kitas and services in the Rhein-Hunsrück-Kreis."""

__version__ = "0.1.0"
