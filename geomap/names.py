"""How place names are normalised for lookup, shared by the gazetteer build and the runtime."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_DASHES = re.compile(r"[-‐‑‒–—]+")
_LEADING_THE = re.compile(r"^the\s+")


def name_key(name: str) -> str:
    """The lookup key of a name: accents, case, dots, dashes and a leading "the" do not matter.

    >>> name_key("The Hague"), name_key("U.S."), name_key("Nur-Sultan"), name_key("Kýiv")
    ('hague', 'us', 'nur sultan', 'kyiv')
    """
    if name.isascii():  # most names: nothing to decompose, and casefold is lower
        text = name.lower()
        # most of what recognition asks: letters and single spaces, which the steps below leave
        # as they are (unless it starts with "the ")
        plain = text.replace(" ", "").isalpha() and "  " not in text and text[0] != " " and text[-1] != " "
        if plain and not text.startswith("the "):
            return text
        text = text.translate(_APOSTROPHES).replace(".", "")
    else:
        decomposed = unicodedata.normalize("NFKD", name)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
        text = text.translate(_APOSTROPHES).casefold().replace(".", "")
    text = _DASHES.sub(" ", text)
    text = " ".join(text.split())
    return _LEADING_THE.sub("", text)
