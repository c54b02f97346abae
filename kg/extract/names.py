"""People in a sentence: known ones from the gazetteer spans, unknown ones from
name shapes (initials + surname, or first name + a surname with a typical
ending), each with the post written next to the name and the side they belong to.

An unknown person's ``key`` is ``x-`` plus the folded surname in the nominative
(case endings such as Зубкова, Зубковым, Meredowyň are removed), so every
spelling and case of one surname gets one key; a known person's key is the
gazetteer key and the name is the gazetteer label in the article's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Person
from .lexicon import lexicon
from .normalize import fold

if TYPE_CHECKING:
    from .sentences import Mention, Sent

_UP = "A-ZА-ЯЁÇŞÜÖÄŇÝŽİ"
_LOW = "a-zа-яёçşüöäňýžğıéè"
_INITIALS = re.compile(
    rf"(?<![{_UP}{_LOW}])(?!(?:Mr|Ms|Mrs|Dr|St|Sr|Jr|Gen|Prof)\.)(?:[{_UP}][{_LOW}]?\.\s?){{1,3}}"
    rf"[{_UP}][{_LOW}]{{2,}}(?:-[{_UP}][{_LOW}]+)?"
)
# typical surname endings (with case endings): Latin, Turkmen Latin, Cyrillic
_ENDINGS = {
    "lat": r"ov|ev|ova|eva|in|ina|ko|uk|enko|ski|sky|yan|ian",
    "tk": r"ow|ew|owa|ewa|owyň|ewiň|owy|ewi|owuň|ewuň",
    "cyr": r"ов|ев|ова|ева|ову|еву|овым|евым|овой|евой|ин|ина|ину|иным|ко|ук|ука|уку|уком|ский|ская|ского|ян",
}
_FULL = {
    lang: re.compile(rf"\b[{_UP}][{_LOW}]+\s+[{_UP}][{_LOW}]*(?:{ends})\b")
    for lang, ends in (
        ("tk", f"{_ENDINGS['lat']}|{_ENDINGS['tk']}|{_ENDINGS['cyr']}"),
        ("", f"{_ENDINGS['lat']}|{_ENDINGS['cyr']}"),
    )
}
# a surname's family suffix, then a case ending (folded forms): Zubkov-a, Meredov-in, Overchuk-om
_CASE = re.compile(r"^(.{3,}?(?:ov|ev|in|yn|uk|ik|ko))(?:a|u|e|i|im|om|oi|oiu|ym|in|iu|ia|da|dan|e)$")
_NOMINATIVE = re.compile(
    r"^(.{3,}?(?:ов|ев|ин|ын|ук|ow|ew|ov|ev|in|yn|uk))(?:а|у|е|ым|ом|ой|ою|ым|yň|iň|a|e|y|i|"
    r"ym|im|a|u|da|de|dan|den)$"
)
_FIRST = (
    (re.compile(r"(е|а)я$"), r"\1й"),
    (re.compile(r"(е|а)ем$"), r"\1й"),
    (re.compile(r"([бвгджзклмнпрстфхцчшщ])(а|у|ом|ем|е)$"), r"\1"),
)
# words after which a post written before a name ends (the previous clause)
_WORD = re.compile(r"\S+")
_NOT_NAME = ("CUE", "AREA", "COUNTRY", "CITY", "MONTH", "ORDINAL", "WEEKDAY", "COMMISSION")


@dataclass(slots=True)
class Found:
    """A person named in a sentence, with the doc offsets of the name and of its post."""

    person: Person
    start: int
    end: int
    post_start: int
    post_end: int


def surname_key(surname: str, lang: str | None = None) -> str:
    """The key of an unknown person: ``x-`` + folded nominative surname (Зубковым -> x-zubkov)."""
    f = fold(re.split(r"['\u2019`´]", surname)[0], lang)
    m = _CASE.match(f)
    return "x-" + (m.group(1) if m else f)


def nominative(name: str) -> str:
    """Best-effort nominative of a name written in a case form (Виктора Зубкова -> Виктор Зубков)."""
    words = name.split()
    if not words:
        return name
    last = re.split(r"['\u2019`´]", words[-1])[0]
    m = _NOMINATIVE.match(last)
    words[-1] = m.group(1) if m else last
    if len(words) > 1 and re.fullmatch(r"[А-ЯЁ][а-яё]+", words[0]):
        for rx, rep in _FIRST:
            new = rx.sub(rep, words[0])
            if new != words[0]:
                words[0] = new
                break
    return " ".join(words)


_LEAD_INITIALS = re.compile(rf"(?<![^\W\d_])(?:[{_UP}]\.\s?){{1,3}}")


def find_people(s: Sent, lang: str) -> list[Found]:
    """Every person named in ``s``, in order of appearance."""
    lex = lexicon(lang)
    base = s.start
    known = _longest([m for m in s.mentions if m.cat == "PERSON"])
    taken = [(m.start, m.end) for m in s.mentions if m.cat in ("PERSON", "COUNTRY", "CITY", "COMMISSION", "MONTH")]
    # initials before a capitalised word make a name even where a city's stem begins it ("Ýe.Astrahansewa")
    places = [(m.start, m.end) for m in s.mentions if m.cat == "CITY"]
    found: list[tuple[int, int, str, str | None, bool]] = []  # start, end, key, country, known
    for m in known:
        # initials written before a surname belong to the name ("A.L.Overchuk", "Р. Мередов")
        lead = _LEAD_INITIALS.search(s.doc_text, max(s.start, m.start - 12), m.start)
        start = lead.start() if lead and lead.end() == m.start else m.start
        found.append((start, m.end, m.value, lex.countries.get(m.value), True))
    for rx in (_INITIALS, _FULL.get(lang, _FULL[""])):
        for g in rx.finditer(s.text):
            a, b = base + g.start(), base + g.end()
            clash = [(x, y) for x, y in taken if x < b and a < y]
            if rx is _INITIALS:  # a capitalised word after initials is a surname, even if a city's stem begins it
                clash = [c for c in clash if c not in places]
            if clash or any(x < b and a < y for x, y, *_ in found):
                continue
            words = re.split(r"[\s.]+", g.group().strip())
            # (after initials, a city's stem may begin a surname: "Ýe.Astrahansewa")
            cats = _NOT_NAME if rx is not _INITIALS else tuple(c for c in _NOT_NAME if c != "CITY")
            if any(_is_word(w, lex, lang, cats) for w in words if len(w) > 1):
                continue
            found.append((a, b, surname_key(words[-1], lang), None, False))
    found.sort()
    out = []
    prev_end = base
    for a, b, key, country, is_known in found:
        post, ps, pe = _post(s.doc_text, s, a, b, prev_end, lang)
        if country is None:
            country = _side(s, ps if post else a, a)
        name = _display(" ".join(s.doc_text[a:b].split()), key, is_known, lex, lang)
        out.append(Found(Person(name=name, key=key, country=country, post=post, known=is_known), a, b, ps, pe))
        prev_end = b
    return out


def _display(text: str, key: str, known: bool, lex, lang: str) -> str:
    """The name as written, in the nominative; for a known person named by surname alone
    or in a form that does not reduce to the gazetteer's surname, the gazetteer label."""
    name = nominative(text)
    if not known:
        return name
    label = lex.names.get(key, text)
    words = re.split(r"[\s.]+", name.strip(". "))
    if len(words) > 1 and fold(words[-1], lang) == fold(label.split()[-1], lang):
        return name
    return label


def _is_word(word: str, lex, lang: str, cats: tuple[str, ...] = _NOT_NAME) -> bool:
    """Whether a capitalised word is a lexicon word (a post, month, country...), not a name."""
    f = fold(word, lang)
    return any(
        e.cat in cats and len(e.words) == 1 and lex.word_ok(f, {k}, e.words[0], e.modes[0])
        for k in lex.keys_of(f)
        for e in lex.by_first.get(k, ())
    )


def _longest(ms: list[Mention]) -> list[Mention]:
    return [
        m
        for m in ms
        if not any(
            o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in ms
        )
    ]


POST_AFTER = 24  # characters after "Name, " within which the post word of a post after the name stands


def _post(text: str, s: Sent, a: int, b: int, prev_end: int, lang: str) -> tuple[str | None, int, int]:
    """The post written just before (or else just after, after a comma) the name at [a, b)."""
    posts = [m for m in s.mentions if (m.cat == "CUE" and m.value in ("post", "cochair")) or m.cat == "COUNTRY"]
    # left: from the previous separator to the name
    lo = max(
        [prev_end]
        + [
            m.end
            for m in s.mentions
            if m.end <= a
            and (m.cat == "COMMISSION" or (m.cat == "CUE" and m.value in ("cochair", "delegation", "meeting")))
        ]
    )
    base = lo
    separators = lexicon(lang).words_of("CUE", "separator")
    for w in _WORD.finditer(text[base:a]):
        if fold(w.group().strip(",;:()"), lang) in separators:
            lo = base + w.end()
    cands = [m for m in posts if lo <= m.start and m.end <= a and m.value != "cochair"]
    if any(m.cat == "CUE" for m in cands):
        start = min(m.start for m in cands)
        start = _extend_left(text, lo, start)
        if text[start : start + 4].lower() == "the ":
            start += 4
        post = text[start:a].strip(" ,;:-–—\n")
        if post:
            return " ".join(post.split()), start, a
    # right: ", Deputy Prime Minister of ..."
    end = s.end
    after = text[b:end]
    m = re.match(r"\s*,\s*", after)
    if m:
        start = b + m.end()
        # a post word near the comma ("Meredov, Russian investment ..." begins no post)
        if any(p.cat == "CUE" and 0 <= p.start - start <= POST_AFTER for p in posts):
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
        if w.group().endswith((",", ";", ":")):
            break
        tok = w.group()
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
    # a country inside the commission's name ("Turkmen-Russian Commission") names no side
    names = [(m.start, m.end) for m in s.mentions if m.cat == "COMMISSION"]
    near = [
        m
        for m in s.mentions
        if m.cat == "COUNTRY"
        and min(lo, name_start - 80) <= m.start < name_start
        and not any(a <= m.start and m.end <= b for a, b in names)
    ]
    return max(near, key=lambda m: m.start).value if near else None
