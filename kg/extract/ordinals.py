"""Session numbers: "12th meeting", "12-е заседание", "13-nji mejlisi", "12. toplantısı",
"eleventh session" (ordinal words from ``ontology/ordinals.ttl``).  A number counts
only when a session, meeting or working-group cue follows it closely."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .morph import NOT_HELD, grammar
from .normalize import fold

if TYPE_CHECKING:
    from .sentences import Sent

_NUM = re.compile(
    r"(?<![\d.,])(?P<n>\d{1,2})(?:\s?-?\s?(?:st|nd|rd|th|е|го|й|ое|ое|ого|му|nji|njy|nji|nçi|njı|inci|ıncı|uncu|üncü|nç)\b|\.(?=\s))"
)
NEAR = 45  # characters between the number and the cue
NAME_GAP = 12  # characters between a meeting cue and the commission's name ("meeting of the")


def find_ordinal(s: Sent, lang: str, events_only: bool = False) -> int | None:
    """The session number in sentence ``s``, or None; with ``events_only``, only a number of a
    session or meeting word reported as held (not one standing by the commission's name)."""
    base = s.start
    commission = [m for m in s.mentions if m.cat == "COMMISSION"]
    months = [m.start for m in s.mentions if m.cat == "MONTH"]
    # a number counts for a session or working group, or for a meeting of the commission
    # ("the 12th meeting of the Commission"), not for another numbered event ("the 6th Caspian Summit")
    # and only for an event reported as held, not for the session being prepared
    cues = [
        m.start
        for m in s.mentions
        if m.cat == "CUE"
        and (
            m.value in ("session", "working-group")
            or (m.value == "meeting" and any(-NEAR <= c.start - m.end <= NAME_GAP for c in commission))
            or (m.value == "meeting" and _own_meeting(s, m))
        )
        and s.status(m) not in NOT_HELD
    ]
    if not events_only:
        cues += [m.start for m in commission]
    if not cues:
        return None
    for m in _NUM.finditer(s.text):
        if any(d.start <= m.start() < d.end for d in s.dates):
            continue
        end = base + m.end()
        if any(0 <= mo - end <= 2 for mo in months):  # a day of a month ("15-nji noýabrda")
            continue
        if any(0 <= c - end <= NEAR for c in cues):
            n = int(m.group("n"))
            if 0 < n < 100:
                return n
    for o in s.mentions:
        if o.cat == "ORDINAL" and any(0 <= c - o.end <= NEAR for c in cues):
            return int(o.value)
    for m in _ROMAN.finditer(s.text):  # "XII заседание", "the XII meeting", "XII toplantısı"
        if any(0 <= c - (base + m.end()) <= ROMAN_NEAR for c in cues):
            n = roman(m.group(1))
            if 0 < n < 100:
                return n
    return None


_ROMAN = re.compile(r"(?<![\w.-])([IVXL]{1,7})(?:\.|-?(?:е|й|го|nji|njy|nçi|inci|ıncı|uncu|üncü|th))?(?![\w-])")
ROMAN_NEAR = 3  # characters between a Roman numeral and the session word (only a space and a suffix)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman(text: str) -> int:
    """The value of a Roman numeral (0 when it is not a well-formed one: "VX", "IIII")."""
    total, prev = 0, 0
    for ch in reversed(text):
        v = _ROMAN_VALUES[ch]
        total, prev = (total - v, prev) if v < prev else (total + v, v)
    return total if _to_roman(total) == text else 0


def _to_roman(n: int) -> str:
    out = []
    for v, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


POSSESSIVE_REACH = 24  # characters from "its" to the meeting word ("its sixth regular meeting")


def _own_meeting(s: Sent, m) -> bool:
    """A meeting word after a possessive whose owner, named before it, is the commission or a working
    group ("the working group held its sixth meeting"): that body's numbered meeting."""
    possessives = grammar(s.lang).possessives
    if not possessives:
        return False
    owners = [x.start for x in s.mentions if x.cat == "COMMISSION" or (x.cat == "CUE" and x.value == "working-group")]
    before = s.doc_text[max(s.start, m.start - POSSESSIVE_REACH) : m.start]
    return any(o < m.start for o in owners) and any(fold(w, s.lang) in possessives for w in before.split())
