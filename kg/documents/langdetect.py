"""Offline language identification for en, ru, tr and tk.

Script first (Cyrillic -> ru), then letters only Turkmen uses (ň ý ä ž, and
w in Turkic words), then letters only Turkish uses (ı ğ ş ç ö ü without the
Turkmen ones), else English.
"""

from __future__ import annotations

import re

_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z\u00C0-\u024F]")
_TK = re.compile(r"[ňýäžŇÝÄŽ]")
_TR = re.compile(r"[ığşçöüİĞŞÇÖÜ]")


def detect(text: str) -> str:
    """Best guess of the language code of ``text`` (default ``en``)."""
    sample = text[:20000]
    cyr, lat = len(_CYR.findall(sample)), len(_LAT.findall(sample))
    if cyr > lat:
        return "ru"
    tk, tr = len(_TK.findall(sample)), len(_TR.findall(sample))
    if tk and tk * 4 >= tr * 0.5:
        return "tk"
    if tr > max(3, lat // 200):
        return "tr"
    return "en"
