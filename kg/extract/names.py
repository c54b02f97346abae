"""People in a sentence: known ones from the gazetteer spans, unknown ones from
name shapes (initials + surname, or first name + a surname with a typical
ending), each with the post written next to the name and the side they belong to."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..model import Person
from .lexicon import lexicon
from .normalize import fold

if TYPE_CHECKING:
    from .rules import Mention, Sent

_UP = "A-ZА-ЯЁÇŞÜÖÄŇÝŽİ"
_LOW = "a-zа-яёçşüöäňýžğıéè"
_INITIALS = re.compile(rf"\b(?:[{_UP}][{_LOW}]?\.\s?){{1,3}}[{_UP}][{_LOW}]{{2,}}(?:-[{_UP}][{_LOW}]+)?")
_FULL = re.compile(
    rf"\b[{_UP}][{_LOW}]+\s+[{_UP}][{_LOW}]*(?:ov|ev|ova|eva|ow|ew|owa|ewa|in|ina|ko|uk|enko|ski|sky|ova|yan|ian|"
    rf"ов|ев|ова|ева|ин|ина|ко|ук|ский|ская|ян|ова|ову|еву|овым|евым|owyň|ewyň|owa|ewe)\b"
)
# words after which a post written before a name ends (the previous clause)
SEPARATORS = {"ile", "with", "between", "by", "s", "so", "mezhdu", "bilen", "arasinda", "tarafindan", "receive",
              "received", "kabul", "prinial", "met", "the"}
_WORD = re.compile(r"\S+")


def find_people(s: Sent, lang: str, doc: Doc) -> list[tuple[Person, tuple[int, int]]]:
    """(person, post span in doc offsets) for every person named in ``s``."""
    lex = lexicon(lang)
    base = s.span.start_char
    known = _longest([m for m in s.mentions if m.cat == "PERSON"])
    taken = [(m.start, m.end) for m in s.mentions if m.cat in ("PERSON", "COUNTRY", "CITY", "COMMISSION", "MONTH")]
    found: list[tuple[int, int, str, str | None, bool]] = []  # start, end, key, country, known
    for m in known:
        found.append((m.start, m.end, m.value, lex.countries.get(m.value), True))
    for rx in (_INITIALS, _FULL):
        for g in rx.finditer(s.text):
            a, b = base + g.start(), base + g.end()
            if any(x < b and a < y for x, y in taken) or any(x < b and a < y for x, y, *_ in found):
                continue
            surname = re.split(r"[\s.]+", g.group().strip())[-1]
            found.append((a, b, "x-" + fold(surname, lang), None, False))
    found.sort()
    out = []
    prev_end = base
    for a, b, key, country, is_known in found:
        post, ps, pe = _post(doc.text, s, a, b, prev_end, lang)
        if country is None:
            country = _side(s, ps if post else a, a)
        text = " ".join(doc.text[a:b].split())
        name = text if len(text.split()) > 1 or "." in text or not is_known else lex.labels.get(("PERSON", key), text)
        out.append((Person(name=name, key=key, country=country, post=post, known=is_known), (ps, pe)))
        prev_end = b
    return out


def _longest(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if not any(o is not m and o.start <= m.start and m.end <= o.end
                                     and (o.end - o.start) > (m.end - m.start) for o in ms)]


def _post(text: str, s: Sent, a: int, b: int, prev_end: int, lang: str) -> tuple[str | None, int, int]:
    """The post written just before (or else just after, after a comma) the name at [a, b)."""
    posts = [m for m in s.mentions if (m.cat == "CUE" and m.value in ("post", "cochair")) or m.cat == "COUNTRY"]
    # left: from the previous separator to the name
    lo = max([prev_end] + [m.end for m in s.mentions if m.end <= a and (
        m.cat == "COMMISSION" or (m.cat == "CUE" and m.value in ("cochair", "delegation", "meeting")))])
    for w in _WORD.finditer(text[lo:a]):
        if fold(w.group().strip(",;:()"), lang) in SEPARATORS:
            lo = lo + w.end()
    cands = [m for m in posts if lo <= m.start and m.end <= a and m.value != "cochair"]
    if any(m.cat == "CUE" for m in cands):
        start = min(m.start for m in cands)
        start = _extend_left(text, lo, start)
        post = text[start:a].strip(" ,;:-–—\n")
        if post:
            return " ".join(post.split()), start, a
    # right: ", Deputy Prime Minister of ..."
    end = s.span.end_char
    after = text[b:end]
    m = re.match(r"\s*,\s*", after)
    if m:
        start = b + m.end()
        if any(p.start == start or (p.cat == "CUE" and p.value == "post" and 0 <= p.start - start <= 12) for p in posts):
            stop = re.search(r"[;.()]|\s(?:and|и|we|ile|with)\s|,\s*(?=[" + _lower_class() + "])", text[start:end])
            pe = start + (stop.start() if stop else min(end - start, 160))
            post = text[start:pe].strip(" ,;:-–—\n")
            if post:
                return " ".join(post.split()), start, pe
    return None, a, a


def _lower_class() -> str:
    return "a-zа-яёçşüöäňýžğı"


def _extend_left(text: str, lo: int, start: int) -> int:
    """Move ``start`` left over capitalised words (and connectors between them)."""
    words = list(_WORD.finditer(text[lo:start]))
    keep = start
    for w in reversed(words):
        tok = w.group().strip(",")
        if tok[:1].isupper() or tok.lower() in ("of", "and", "ve", "и", "we", "по", "for"):
            keep = lo + w.start()
        else:
            break
    # do not start on a connector
    while True:
        m = re.match(r"(?:of|and|ve|и|we|по|for)\s+", text[keep:start], re.I)
        if not m:
            return keep
        keep += m.end()


def _side(s: Sent, lo: int, name_start: int) -> str | None:
    """The country mentioned closest before the name (within the post or 80 characters)."""
    near = [m for m in s.mentions if m.cat == "COUNTRY" and min(lo, name_start - 80) <= m.start < name_start]
    return max(near, key=lambda m: m.start).value if near else None
