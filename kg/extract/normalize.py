"""Text normalisation for matching: language-aware case folding and script folding.

Two forms are used:

* ``lower(text, lang)`` -- lower case that respects Turkish and Turkmen dotted and
  dotless i (``"İ" -> "i"``, ``"I" -> "ı"``), unlike ``str.lower``.
* ``fold(text, lang)`` -- the matching key: ``lower`` then Cyrillic transliterated
  to Latin, Turkic letters reduced to ASCII, spelling variants merged
  (w/v, y/i, kh/h, x/ks, doubled letters), punctuation dropped.  Lexicon labels
  and text tokens are folded the same way, so ``Meredow``, ``Мередова`` and
  ``Meredov`` share the prefix ``meredov`` and ``Aşgabat'ta`` starts with ``asgabat``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TURKIC = frozenset({"tr", "tk", "az"})

_CYR = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "",
    "ы": "i",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "і": "i",
    "ї": "i",
    "є": "e",
    "ў": "u",
    "ә": "a",
    "ң": "n",
    "ө": "o",
    "ү": "u",
    "җ": "zh",
    "һ": "h",
    "ғ": "g",
    "қ": "k",
}
_LAT = {
    "ş": "sh",
    "ç": "ch",
    "ž": "zh",
    "ğ": "g",
    "ı": "i",
    "ö": "o",
    "ü": "u",
    "ä": "a",
    "ň": "n",
    "ý": "i",
    "y": "i",
    "w": "v",
    "x": "ks",
    "â": "a",
    "î": "i",
    "û": "u",
    "é": "e",
    "è": "e",
    "ë": "e",
    "á": "a",
    "ó": "o",
    "ú": "u",
    "í": "i",
    "ñ": "n",
    "ə": "a",
    "q": "k",
}
_TABLE = str.maketrans({**_CYR, **_LAT})
_DROP = re.compile(r"[^0-9a-z]+")
_DOUBLE = re.compile(r"([a-z])\1+")


def lower(text: str, lang: str | None = None) -> str:
    """Lower-case ``text``; Turkish/Turkmen ``I`` becomes dotless ``ı``."""
    if lang in TURKIC:
        text = text.replace("I", "ı").replace("İ", "i")
    # str.lower maps "İ" to "i̇" (i + combining dot); drop the dot.
    return text.lower().replace("i\u0307", "i")


@lru_cache(maxsize=200_000)
def fold(text: str, lang: str | None = None) -> str:
    """The matching key of ``text`` (see module docstring); may be empty."""
    s = unicodedata.normalize("NFC", lower(text, lang)).translate(_TABLE)
    s = s.replace("kh", "h")
    s = _DROP.sub("", unicodedata.normalize("NFKD", s))  # (accents: combining marks after NFKD, dropped here)
    return _DOUBLE.sub(r"\1", s)


def fold_words(text: str, lang: str | None = None) -> tuple[str, ...]:
    """Fold each whitespace/hyphen separated word of ``text``; empty words dropped."""
    return tuple(w for w in (fold(p, lang) for p in re.split(r"[\s\-‐–—/]+", text)) if w)
