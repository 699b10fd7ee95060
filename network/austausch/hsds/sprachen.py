"""Languages: our German names and ISO 639 codes, both ways.

>>> sprachcode("Arabisch"), sprachname("uk")
('ar', 'Ukrainisch')
"""

from __future__ import annotations

__all__ = ["SPRACHEN", "sprachcode", "sprachname"]

#: German language name -> ISO 639 code (639-1 where one exists, else 639-3). One name per code.
SPRACHEN = {
    "Deutsch": "de", "Englisch": "en", "Französisch": "fr", "Türkisch": "tr", "Arabisch": "ar",
    "Ukrainisch": "uk", "Russisch": "ru", "Polnisch": "pl", "Rumänisch": "ro", "Bulgarisch": "bg",
    "Italienisch": "it", "Spanisch": "es", "Portugiesisch": "pt", "Griechisch": "el", "Kroatisch": "hr",
    "Serbisch": "sr", "Bosnisch": "bs", "Albanisch": "sq", "Kurdisch": "ku", "Persisch": "fa", "Paschtu": "ps",
    "Urdu": "ur", "Hindi": "hi", "Tigrinya": "ti", "Somali": "so", "Vietnamesisch": "vi", "Chinesisch": "zh",
    "Ungarisch": "hu", "Tschechisch": "cs", "Slowakisch": "sk", "Niederländisch": "nl", "Tamil": "ta",
    "Amharisch": "am", "Georgisch": "ka", "Armenisch": "hy", "Aserbaidschanisch": "az", "Litauisch": "lt",
    "Lettisch": "lv", "Dari": "prs", "Kurmandschi": "kmr", "Romanes": "rom", "Deutsche Gebärdensprache": "gsg",
}
_SPRACHE_NACH_CODE = {c: n for n, c in SPRACHEN.items()}
_ISO639_2 = {"deu": "de", "ger": "de", "eng": "en", "fra": "fr", "fre": "fr", "tur": "tr", "ara": "ar",
             "ukr": "uk", "rus": "ru", "pol": "pl", "ron": "ro", "rum": "ro", "bul": "bg", "ita": "it",
             "spa": "es", "por": "pt", "ell": "el", "gre": "el", "hrv": "hr", "srp": "sr", "bos": "bs",
             "sqi": "sq", "alb": "sq", "kur": "ku", "fas": "fa", "per": "fa", "pus": "ps", "urd": "ur",
             "hin": "hi", "tir": "ti", "som": "so", "vie": "vi", "zho": "zh", "chi": "zh", "hun": "hu",
             "ces": "cs", "cze": "cs", "slk": "sk", "slo": "sk", "nld": "nl", "dut": "nl", "tam": "ta",
             "amh": "am", "kat": "ka", "geo": "ka", "hye": "hy", "arm": "hy", "aze": "az", "lit": "lt",
             "lav": "lv"}


def sprachcode(name: str) -> str | None:
    """The ISO 639 code of a German language name (``None`` if unknown).

    >>> sprachcode("Türkisch"), sprachcode("türkisch"), sprachcode("Klingonisch")
    ('tr', 'tr', None)
    """
    if name in SPRACHEN:
        return SPRACHEN[name]
    low = name.strip().casefold()
    return next((c for n, c in SPRACHEN.items() if n.casefold() == low), None)


def sprachname(code: str | None, name: str | None = None) -> str | None:
    """Our German name for an ISO 639 code (also 639-2/3 and ``en-GB``); else ``name`` as given.

    A ``name`` that already is our name for that code is kept as written.

    >>> sprachname("deu"), sprachname("en-GB"), sprachname("xx", "Klingonisch"), sprachname(None, "Urdu")
    ('Deutsch', 'Englisch', 'Klingonisch', 'Urdu')
    """
    if name and code and sprachcode(name) == code:
        return name
    if code:
        c = code.strip().lower().split("-")[0].split("_")[0]
        c = _ISO639_2.get(c, c)
        if c in _SPRACHE_NACH_CODE:
            return _SPRACHE_NACH_CODE[c]
    return name.strip() if name else None

