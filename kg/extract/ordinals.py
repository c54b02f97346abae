"""Session numbers: "12th meeting", "12-е заседание", "13-nji mejlisi", "12. toplantısı",
"eleventh session" (ordinal words from ``ontology/ordinals.ttl``).  A number counts
only when a session, meeting or working-group cue follows it closely."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .rules import Sent

_NUM = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,2})(?:\s?-?\s?(?:st|nd|rd|th|е|го|й|ое|ое|ого|му|nji|njy|nji|nçi|njı|inci|ıncı|uncu|üncü|nç)\b|\.(?=\s))"
)
NEAR = 45  # characters between the number and the cue


def find_ordinal(s: Sent, lang: str) -> int | None:
    """The session number in sentence ``s``, or None."""
    base = s.start
    cues = [m.start for m in s.mentions if m.cat == "CUE" and m.value in ("session", "meeting", "working-group")]
    cues += [m.start for m in s.mentions if m.cat == "COMMISSION"]
    if not cues:
        return None
    for m in _NUM.finditer(s.text):
        if any(d.start <= m.start() < d.end for d in s.dates):
            continue
        end = base + m.end()
        if any(0 <= c - end <= NEAR for c in cues):
            n = int(m.group("n"))
            if 0 < n < 100:
                return n
    for o in s.mentions:
        if o.cat == "ORDINAL" and any(0 <= c - o.end <= NEAR for c in cues):
            return int(o.value)
    return None
