"""Datelines: the place and date an agency puts before a story ("ASHGABAT, June 25 (Trend) –",
"MOSCOW (Sputnik - 02nd April, 2021)", "Moscow, December 23, 2023, The Europe Today:").

A dateline gives the publication date (used to resolve "today" and weekdays when the
article has no ``published`` header), never the meeting's own date: that comes from the
text (shared/corpus/ANNOTATION.md, datelines).  A date is a dateline when it stands in one
of the article's opening sentences and either inside brackets, or at the head of the
sentence after a place or agency name (a city, a country, a word in capitals) with only
capitalised words and commas before it, and a stop (``.``, ``:``, ``,``,
``)``, a dash) right after it (and its year).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import DateMention
    from .sentences import Sent

OPENING = 4  # sentences at the start of an article that may carry its dateline
LINE = 80  # the length of a header line at most
HEAD = 80  # characters from the start of a sentence within which a dateline date stands
_BEFORE = re.compile(r"^[\W\d_]*(?:[^\W\d_]*[A-ZА-ЯЁÇŞÜÖÝŽİ][^\s,]*[\s,(/–—-]*)*$")
_AFTER = re.compile(r"^(?:,?\s*(?:19|20)\d\d\s*(?:г\.|ý\.|года|yıl\w*)?)?\s*(?:[.:,)(/–—-]|\s*$)")


def is_dateline(s: Sent, d: DateMention) -> bool:
    """Whether date ``d`` of sentence ``s`` is the article's dateline."""
    if s.i >= OPENING:
        return False
    text = s.text
    before, after = text[: d.start], text[d.end :]
    if before.count("(") > before.count(")") and ")" in after:
        return True
    if d.start > HEAD or not _BEFORE.match(before) or not _AFTER.match(after):
        return False
    # the head names a place or an agency: a city or country, or a word in capitals ("ASHGABAT")
    head = [m for m in s.mentions if m.cat in ("CITY", "COUNTRY") and m.end <= s.start + d.start]
    return bool(head) or any(w.isupper() and len(w) >= 3 for w in re.findall(r"[^\W\d_]+", before))


def header_line(s: Sent) -> bool:
    """An opening line that only dates and places the event ("July 4, 2008, Ashgabat", as
    official transcripts begin): its date is the event's, its city the event's place."""
    if not (s.i < OPENING and len(s.text.strip()) <= LINE and bool(s.dates) and not s.all_event_cues()):
        return False
    from .status import words  # (status reads sentences, which read this module)

    return not any(w.form is not None and not w.entity for w in words(s))  # no verb: "arrived in X" tells


def dateline_date(sents: list[Sent]) -> str | None:
    """The date of the article's dateline, if it has one with a year."""
    for s in sents[:OPENING]:
        for d in s.dates:
            if d.explicit_year and is_dateline(s, d):
                return d.date
    return None
