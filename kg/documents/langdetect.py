"""Offline language identification for en, ru, tr and tk.

Script first (Cyrillic -> ru).  A Latin text with Turkic letters (ç ş ö ü ı ğ ä ň ý ž)
is Turkish or Turkmen: letters only Turkmen uses (ä ň ý ž, and w) against letters
only Turkish uses (ı ğ and c, v), with a few very frequent function words and
Turkmen's ``y`` before a consonant (Duşuşyk, Aşgabatdaky) to settle short texts.
Anything else Latin is English.
"""

from __future__ import annotations

import re

_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")
_TURKIC = re.compile(r"[çşöüığäňýžÇŞÖÜİĞÄŇÝŽ]")
_TK = re.compile(r"[äňýžÄŇÝŽ]")
_TR = re.compile(r"[ığİĞ]")
_TK_WEAK = re.compile(r"[wW]|y(?=[bçdfghjklmnňprsştwz])")
_TR_WEAK = re.compile(r"[cvCV]")
_WORDS = re.compile(r"\w+")
_TK_WORDS = frozenset("we bilen hem üçin boýunça bolan bolsa bu şu diýip".split())
_TR_WORDS = frozenset("ve ile bir için olarak bu da de daha gibi".split())


def detect(text: str) -> str:
    """Best guess of the language code of ``text`` (default ``en``)."""
    sample = text[:20000]
    cyr, lat = len(_CYR.findall(sample)), len(_LAT.findall(sample))
    if cyr > lat:
        return "ru"
    if not lat or len(_TURKIC.findall(sample)) < max(1, lat // 400):
        return "en"
    words = [w.lower() for w in _WORDS.findall(sample)]
    tk = 3 * len(_TK.findall(sample)) + len(_TK_WEAK.findall(sample)) + 2 * sum(w in _TK_WORDS for w in words)
    tr = 3 * len(_TR.findall(sample)) + len(_TR_WEAK.findall(sample)) + 2 * sum(w in _TR_WORDS for w in words)
    return "tk" if tk > tr else "tr"
