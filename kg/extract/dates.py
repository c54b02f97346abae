"""Dates in the four languages' forms, read from a sentence.

Month and weekday names come from ``ontology/months.ttl``; the number patterns
below cover "19 Haziran 2020", "June 19, 2020", "19 июня 2020 года",
"2020-nji ýylyň 19-njy iýunynda", "7.12.2022", "2020-06-19" and ranges
("6-7 May", first day).  A date without a year takes the year of the
article's ``published`` date; "today", "yesterday" and weekday names are
resolved against it (the most recent such day on or before it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import lexicon
from .normalize import fold

_SUF = r"(?:\s?-?\s?(?:nji|njy|nji|nçi|njı|inci|ıncı|üncü|uncu|st|nd|rd|th|го|е|ое|ого|й|ий)\b)?"
_DAY = r"(?P<d>\d{1,2})" + _SUF + r"(?:\s*[-–—]\s*\d{1,2}" + _SUF + r")?"
_WORD = r"(?P<m>[^\W\d_]{3,})\.?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
PATTERNS = [
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})[./](?P<mo>\d{1,2})[./](?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b" + _YEAR + r"\s?-?\s?\w*\s+ý\w+\s+" + _DAY + r"\s+" + _WORD),  # tk: 2020-nji ýylyň 19-njy iýunynda
    re.compile(r"\b" + _DAY + r"\s+" + _WORD + r"(?:,?\s+" + _YEAR + r")?"),
    re.compile(_WORD + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
    re.compile(_WORD + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    date: str  # ISO
    start: int  # offsets within the sentence text
    end: int
    explicit_year: bool


def _named(word: str, lang: str, cat: str) -> int | None:
    lex = lexicon(lang)
    for k in lex.keys_of(fold(word, lang)):
        for e in lex.by_first.get(k, ()):
            if e.cat == cat and len(e.words) == 1:
                return int(e.value)
    return None


def find_dates(text: str, lang: str, published: str | None = None) -> list[DateMention]:
    """Every date in ``text``, in order; dates that cannot be completed are skipped."""
    pub = _parse_iso(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pat in PATTERNS:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            g = m.groupdict()
            month = int(g["mo"]) if g.get("mo") else _named(g["m"], lang, "MONTH")
            if not month or not 1 <= month <= 12:
                continue
            year = int(g["y"]) if g.get("y") else (pub.year if pub else None)
            if year is None:
                continue
            try:
                d = dt.date(year, month, int(g["d"]))
            except ValueError:
                continue
            found.append(DateMention(d.isoformat(), m.start(), m.end(), bool(g.get("y"))))
            taken.append((m.start(), m.end()))
    if pub:
        found += _relative(text, lang, pub, taken)
    return sorted(found, key=lambda x: x.start)


def _relative(text: str, lang: str, pub: dt.date, taken: list[tuple[int, int]]) -> list[DateMention]:
    out = []
    for m in re.finditer(r"[^\W\d_]+(?:\s[^\W\d_]+)?", text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        word = m.group().split()[0]
        off = _named(word, lang, "RELDAY")
        if off is None and " " in m.group():
            off = _named(m.group(), lang, "RELDAY")
        if off is not None:
            out.append(DateMention((pub + dt.timedelta(days=off)).isoformat(), m.start(), m.end(), False))
            continue
        wd = _named(word, lang, "WEEKDAY")
        if wd is not None:
            delta = (pub.isoweekday() - wd) % 7
            out.append(DateMention((pub - dt.timedelta(days=delta)).isoformat(), m.start(), m.end(), False))
    return out


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
