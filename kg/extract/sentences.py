"""Analysis stage: an article's sentences with the lexicon mentions, people and event
status of each (``Sent``), computed once and read by every later stage."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Evidence
from .dateline import is_dateline
from .dates import LAST_WEEK, DateMention, find_dates
from .lexicon import AMBIGUOUS, lexicon
from .morph import NOT_HELD, grammar, plural_noun
from .names import Found, find_people
from .normalize import fold
from .pipeline import LANDMARK, analyse
from .status import (
    BACKGROUND,
    FUTURE,
    HELD,
    MODAL,
    NONFINITE,
    PRESENT,
    clause_of,
    event_status,
    gap,
    of_report,
    sentence_status,
    verb_between,
    words_between,
)

EVENT_CUES = ("meeting", "session", "working-group", "received", "phone", "video", "held")
_OPENERS = " \t\n\"'«“„(—–-"  # what may stand before a sentence's first word
_STORY_START = ("-", "–", "—", ":", ")")  # the end of a dateline: the story's first word may follow
OPENING_CHARS = 25  # how far into a paragraph a background cue must stand to cover the paragraph
UPCOMING_WINDOW = 30  # characters after an "upcoming" cue in which an event cue names a future event
NEXT_WORD = 2  # characters between two adjacent words
LAST_WEEK_SPAN = 40  # characters between a weekday and the "last week" that goes with it


@dataclass(slots=True)
class Mention:
    cat: str
    value: str
    start: int  # char offsets in the doc
    end: int
    text: str


@dataclass(slots=True)
class Sent:
    """One sentence with what the lexicon found in it."""

    i: int
    start: int  # char offsets in the article
    end: int
    text: str
    doc_text: str  # the whole article (shared, to read around the sentence)
    mentions: list[Mention]
    lang: str
    published: str | None
    people: list[Found] | None = None
    kind: str | None = None  # the meeting kind when the sentence is a trigger
    _dates: list[DateMention] | None = None
    _cues: set[str] | None = None
    _evidence: Evidence | None = None
    recalled: bool = False  # in a paragraph that a background cue opens ("As reported earlier, ...")
    setting: bool = False  # about the multilateral event a meeting took place on the sidelines of
    _words: list | None = None  # status.words()
    _status: dict[int, str | None] | None = None  # event cue start -> status
    _memo: dict[str, object] | None = None  # per-sentence results of the status rules (main verb, future)

    @property
    def dates(self) -> list[DateMention]:
        """The dates written in the sentence (computed on first use)."""
        if self._dates is None:
            # a capitalised "Today" inside a sentence is part of a name ("The Europe Today")
            rel = [
                (m.start - self.start, m.end - self.start, m.cat, m.value)
                for m in self.mentions
                if m.cat == "WEEKDAY"
                or (
                    m.cat == "RELDAY"
                    and (
                        m.text[:1].islower()
                        or not self.text[: m.start - self.start].strip(_OPENERS)
                        or self.text[: m.start - self.start].rstrip().endswith(_STORY_START)
                    )
                )
            ]
            # "last week's Thursday" ("geçen hepdäniň penşenbe güni", «в четверг на прошлой неделе»)
            last = self.cues("last-week")
            if last:
                rel = [
                    (
                        a,
                        b,
                        LAST_WEEK
                        if cat == "WEEKDAY" and any(abs(a - (x.start - self.start)) <= LAST_WEEK_SPAN for x in last)
                        else cat,
                        v,
                    )
                    for a, b, cat, v in rel
                ]
            dates = find_dates(self.text, self.lang, self.published, rel)
            # a date inside an event that only dates another ("a week after X met on 5 May") is X's
            marks = [
                (m.start - self.start, m.end - self.start)
                for m in self.mentions
                if m.cat == "CUE" and m.value == LANDMARK
            ]
            self._dates = [d for d in dates if not any(a <= d.start < b for a, b in marks)]
        return self._dates

    def redate(self, published: str) -> None:
        """Resolve relative dates against ``published`` (found in a dateline after analysis)."""
        self.published = published
        self._dates = None

    def event_dates(self) -> list[DateMention]:
        """The dates that may be an event's: not the dateline, not the date of a report
        ("the ministry said on Friday")."""
        return [
            d
            for d in self.dates
            if not is_dateline(self, d) and not of_report(self, self.start + d.start, self.start + d.end)
        ]

    def has(self, cat: str, value: str | None = None) -> bool:
        return any(m.cat == cat and (value is None or m.value == value) for m in self.mentions)

    def cue(self, *names: str) -> bool:
        if self._cues is None:
            self._cues = {m.value for m in self.mentions if m.cat == "CUE"}
        return any(n in self._cues for n in names)

    def cues(self, *names: str) -> list[Mention]:
        return [m for m in self.mentions if m.cat == "CUE" and m.value in names]

    def values(self, cat: str) -> list[Mention]:
        return [m for m in self.mentions if m.cat == cat]

    def evidence(self) -> Evidence:
        if self._evidence is None:
            t = self.text
            self._evidence = Evidence(t.strip(), self.start + _lead(t), self.end - _trail(t))
        return self._evidence

    def status(self, m: Mention) -> str | None:
        """The event status of a cue mention (see ``status.event_status``), cached."""
        if self._status is None:
            self._status = {}
        if m.start not in self._status:
            if self.next_one(m):
                self._status[m.start] = FUTURE
            elif self.cue("cumulative"):  # "since 1992 more than 100 documents have been signed"
                self._status[m.start] = BACKGROUND
            else:
                status = event_status(self, m)
                if status in (None, PRESENT) and self.habitual(m):  # "the sides hold regular meetings": a
                    status = BACKGROUND  # practice ("regular consultations were held on 3 March": an event)
                self._status[m.start] = status
        return self._status[m.start]

    def next_one(self, m: Mention) -> bool:
        """Whether an "upcoming" word stands just before the event word ("the next meeting"), or,
        in a head-final language, a noun of preparing just after it ("mejlisine taýýarlyk",
        "toplantısının hazırlıkları": the preparation of the session)."""
        ups = self.cues("upcoming")
        if any(0 <= m.start - u.end <= UPCOMING_WINDOW for u in ups):
            return True
        return grammar(self.lang).head_final and any(0 <= u.start - m.end <= NEXT_WORD for u in ups)

    def habitual(self, m: Mention) -> bool:
        """Whether the event word is a plural noun with a word of habit just before it ("regular high-level
        meetings", «регулярные встречи», "düzenli görüşmeler", "yzygiderli duşuşyklar"): events as a practice.
        A singular one is an event ("the regular meeting of the commission")."""
        if not any(0 <= m.start - h.end <= UPCOMING_WINDOW for h in self.cues("habitual")):
            return False
        end, text = m.end, self.doc_text
        while end < len(text) and text[end].isalpha():  # (to the end of the word: a cue may be its stem)
            end += 1
        word = text[m.start : end].split()
        return bool(word) and plural_noun(word[-1], self.lang)

    def all_event_cues(self) -> list[Mention]:
        """Event cues (a signing too, unless of a decree), whatever their status."""
        names = EVENT_CUES if self.cue("decree") else EVENT_CUES + ("signed",)
        return self.cues(*names)

    def event_cues(self) -> list[Mention]:
        """Event cues that report an event as held (or taking place)."""
        return [m for m in self.all_event_cues() if self.status(m) not in NOT_HELD]

    def held(self, *names: str) -> bool:
        """Whether an event cue of one of ``names`` is reported as held."""
        return any(m.value in names for m in self.event_cues())

    @property
    def future(self) -> bool:
        """The sentence speaks of what is still to happen: its event words are all announced
        or planned, or it has none and its main verb is future."""
        memo = self._memo if self._memo is not None else {}
        self._memo = memo
        if "future" not in memo:
            memo["future"] = self._future()
        return memo["future"]

    def _future(self) -> bool:
        main = sentence_status(self)
        evs = self.all_event_cues()
        if evs:
            statuses = [self.status(m) for m in evs]
            return main != HELD and FUTURE in statuses and all(st in (FUTURE, NONFINITE, MODAL) for st in statuses)
        return main == FUTURE

    def undated(self) -> bool:
        """An "earlier"/"recently" cue that dates one of the sentence's held events: in the
        same clause, with no other verb between them ("ozal gazanylan ylalaşyklar" dates the
        agreements, not the meeting)."""
        sov = grammar(self.lang).verb_final
        for u in self.cues("undated"):
            cu = clause_of(self, u.start)
            for m in self.event_cues():
                if sov and m.start < u.start:  # an adverb modifies the verb after it
                    continue
                if verb_between(self, *gap(u, m)):
                    continue
                # the same clause, or a fronted adverbial ("Earlier, ...") dating the clause after it
                if clause_of(self, m.start) == cu or (u.end <= m.start and clause_of(self, u.end + 1) != cu):
                    return True
        return False

    @property
    def aside(self) -> bool:
        """A recollection of the past, the multilateral setting, or a denial ("nothing was said")."""
        return self.recalled or self.setting or self.cue("background", "negated")

    @property
    def reported(self) -> bool:
        """Not about the future, not an aside."""
        if self.aside or self.future:
            return False
        return sentence_status(self) not in (BACKGROUND, FUTURE) or bool(self.event_cues())


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())


def _trail(s: str) -> int:
    return len(s) - len(s.rstrip())


def sentences(text: str, lang: str, published: str | None) -> list[Sent]:
    """The sentences of ``text`` that contain letters, with their mentions."""
    spans, found = analyse(text, lang)
    starts = [a for a, _ in spans]
    by_sent: dict[int, list[Mention]] = {}
    for cat, value, a, b in found:
        by_sent.setdefault(bisect_right(starts, a) - 1, []).append(Mention(cat, value, a, b, text[a:b]))
    _resolve_shared_surnames(by_sent, lang)
    _weekday_or_city(by_sent, text)
    out = []
    for n, (a, b) in enumerate(spans):
        t = text[a:b]
        if any(ch.isalpha() for ch in t):
            out.append(Sent(len(out), a, b, t, text, by_sent.get(n, []), lang, published))
    # a background cue that opens a paragraph ("As reported earlier, ...") makes the paragraph background
    recalled = False
    for prev, s in zip([None, *out[:-1]], out, strict=False):
        lead = s.start + len(s.text) - len(s.text.lstrip())
        if prev is None or "\n" in text[prev.start + len(prev.text.rstrip()) : lead]:
            head = text[lead : lead + OPENING_CHARS]
            recalled = any(m.start < lead + len(head) for m in s.cues("background"))
            continue
        s.recalled = recalled
    return out


def _weekday_or_city(by_sent: dict[int, list[Mention]], text: str) -> None:
    """A word that names both a weekday and a city (Turkmen "Duşenbe": Monday, Dushanbe) is the
    weekday when written in lower case or followed by the word "day" ("Duşenbe güni"), else the city."""
    for n, ms in by_sent.items():
        days = {(m.start, m.end) for m in ms if m.cat == "WEEKDAY"}
        cities = {(m.start, m.end) for m in ms if m.cat == "CITY"}
        both = days & cities
        if not both:
            continue
        nouns = [m.start for m in ms if m.cat == "CUE" and m.value == "day-noun"]
        drop = set()
        for a, b in both:
            nxt = next((x for x in nouns if 0 < x - b <= 2), None)
            drop.add(("CITY", a) if nxt is not None or text[a : a + 1].islower() else ("WEEKDAY", a))
        by_sent[n] = [m for m in ms if (m.cat, m.start) not in drop]


def _resolve_shared_surnames(by_sent: dict[int, list[Mention]], lang: str) -> None:
    """A surname that several known people share ("Berdimuhamedov") is the one of them the
    article names in full (the first so named); with none, it names nobody known."""
    lex = lexicon(lang)
    if not lex.ambiguous:
        return
    named = [m.value for ms in by_sent.values() for m in ms if m.cat == "PERSON" and not m.value.startswith(AMBIGUOUS)]
    for n, ms in by_sent.items():
        keep = []
        full = [(m.start, m.end) for m in ms if m.cat == "PERSON" and not m.value.startswith(AMBIGUOUS)]
        for m in ms:
            if m.cat == "PERSON" and m.value.startswith(AMBIGUOUS):
                if any(a <= m.start and m.end <= b for a, b in full):
                    continue  # the surname of a full name ("Гурбангулы Бердымухамедовым")
                who = next((k for k in named if k in lex.ambiguous.get(m.value, ())), None)
                if who is None:
                    continue
                m.value = who
            keep.append(m)
        by_sent[n] = keep


def locative(c: Mention, s: Sent) -> bool:
    """Whether a city is written as the place of something: "in Moscow", "в Москве", "Aşgabatda"."""
    lex = lexicon(s.lang)
    before = s.doc_text[max(s.start, c.start - 16) : c.start].split()
    while before and fold(before[-1], lex.lang) in grammar(lex.lang).articles:
        before.pop()  # "in the Russian capital"
    if before and lex.single(fold(before[-1], lex.lang), "CUE") == "locative":
        return True
    # the city word, or the word after it, with a locative ending ("Aşgabatda", "Moskwa şäherinde")
    after = s.doc_text[c.end : min(s.end, c.end + 24)].split()
    for word in [s.doc_text[c.start : c.end]] + after[:1]:
        if any(
            e.value == "locative" and e.cat == "CUE" and len(e.words) == 1 and e.modes[0] == "s"
            for k in lex.keys_of(fold(word, lex.lang))
            if k.startswith("~")
            for e in lex.by_first.get(k, ())
        ):
            return True
    return False


def people(s: Sent, lang: str) -> list[Found]:
    """The people named in ``s`` (computed once)."""
    if s.people is None:
        s.people = [f for f in find_people(s, lang) if not _stood_in_for(s, f)]
    return s.people


INSTEAD_REACH = 2  # words between "in place of" and the person it names (a post: "of co-chair X")
SUFFIX_CHARS = 5  # a case ending glued to the name before "yerine" ("Overçuk'un yerine")


def _stood_in_for(s: Sent, f: Found) -> bool:
    """Whether ``f`` is the person someone stood in for ("in place of co-chair X", «вместо
    сопредседателя X», "eş başkan X'in yerine"): the word governs the name after it in a language
    with prepositions, the name before it in a verb-final one."""
    sov = grammar(s.lang).verb_final
    for c in s.cues("instead"):
        if sov and 0 <= c.start - f.end <= SUFFIX_CHARS:
            return True
        if not sov and c.end <= f.start and words_between(s, c, f) <= INSTEAD_REACH + 1:
            return True
    return False
