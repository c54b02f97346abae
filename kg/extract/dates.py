"""Dates in the four languages' forms, read from a sentence.

Month and weekday names come from ``ontology/months.ttl``; the number patterns
below cover "19 Haziran 2020", "June 19, 2020", "19 июня 2020 года",
"2020-nji ýylyň 19-njy iýunynda", "7.12.2022", "2020-06-19" and ranges
("6-7 May", first day).  A date without a year takes the year of the
article's ``published`` date (the year before when that would put it more than a
week after publication), and is dropped when there is no published date; "today", "yesterday" and weekday names are
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
    re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _WORD + r"(?:,?\s+" + _YEAR + r")?"),
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
    value = lexicon(lang).single(fold(word, lang), cat)
    return int(value) if value is not None else None


def find_dates(
    text: str, lang: str, published: str | None = None, relative: list[tuple[int, int, str, str]] | None = None
) -> list[DateMention]:
    """Every date in ``text``, in order; dates that cannot be completed are skipped.
    ``relative`` may give the weekday and relative-day words already found in the text
    as (start, end, ``WEEKDAY``/``RELDAY``, value); else they are looked up here."""
    pub = _parse_iso(published)
    if not _DIGIT.search(text) and (relative == [] or not pub):
        return []
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
                if pub and not g.get("y") and (d - pub).days > 7:
                    d = d.replace(year=year - 1)  # "28 December" in a January article
            except ValueError:
                continue
            found.append(DateMention(d.isoformat(), m.start(), m.end(), bool(g.get("y"))))
            taken.append((m.start(), m.end()))
    if pub:
        if relative is None:
            relative = _relative_words(text, lang)
        for a, b, cat, value in relative:
            if any(x < b and a < y for x, y in taken):
                continue
            if cat == "RELDAY":
                day = pub + dt.timedelta(days=int(value))
            elif cat == LAST_WEEK:  # that weekday of the week before the article's week
                day = pub - dt.timedelta(days=pub.isoweekday() - 1 + 7 - (int(value) - 1))
            else:
                day = pub - dt.timedelta(days=(pub.isoweekday() - int(value)) % 7)
            found.append(DateMention(day.isoformat(), a, b, False))
            taken.append((a, b))
    return sorted(found, key=lambda x: x.start)


LAST_WEEK = "WEEKDAY-LAST"  # a weekday of the week before the article's ("on Thursday last week")
_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def _relative_words(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """ "today", "yesterday" (``RELDAY``) and weekday names (``WEEKDAY``), one or two words."""
    lex = lexicon(lang)
    words = [(m.start(), m.end(), fold(m.group(), lang)) for m in _WORDS.finditer(text)]
    keys = [lex.keys_of(w[2]) for w in words]
    out = []
    for i, (a, _, _) in enumerate(words):
        for k in keys[i]:
            for e in lex.by_first.get(k, ()):
                n = len(e.words)
                if (
                    e.cat in ("RELDAY", "WEEKDAY")
                    and i + n <= len(words)
                    and all(lex.word_ok(words[i + j][2], keys[i + j], e.words[j], e.modes[j]) for j in range(n))
                ):
                    out.append((a, words[i + n - 1][1], e.cat, e.value))
    return out


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
