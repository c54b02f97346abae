"""Meetings stage: which sentences report a meeting (triggers), of what kind, and how the
article's sentences split into one segment per meeting.

1. A *trigger* sentence reports an event as held: an event word (meeting, session,
   working group, reception, call; "held" only with one of them or the commission)
   whose status (``status.py``) is held or present, plus an anchor (the commission, a
   co-chair cue, a person, a country or a head of state), no background ("recall") or
   domestic ("Cabinet meeting") cue and no date far from the published date.  A forum of
   the two countries reported as held is a meeting of its own; another forum counts only
   when the article reports no other event.
2. Its *kind*: working-group -> ``working-group``; co-chair cue with a held meeting or
   call (not a session, not a reception) -> ``co-chairs-meeting``; the commission with a
   held session, meeting or call, or a number -> ``commission-session``; else ``other``.
3. A trigger opens a new meeting when it gives another explicit date, says the event
   was earlier, has another kind where a reception is involved, names only other
   parties, names another pair of principals, or is a forum after talks or talks of named
   people after a forum (see ``segment``).  Otherwise it
   continues the current meeting (a more specific kind reported as held replaces a
   vaguer one).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import DateMention
from .lexicon import lexicon
from .morph import NOT_HELD, grammar
from .names import Found
from .normalize import fold
from .ordinals import find_ordinal
from .sentences import Mention, Sent, locative, people
from .status import FAR, HELD, PRESENT, gap, verb_between, words, words_between

MULTILATERAL = "multilateral"  # a segment kind for multilateral events: they absorb their sentences, then are dropped
RANK = {MULTILATERAL: -1, "other": 0, "commission-session": 1, "co-chairs-meeting": 2, "working-group": 2}
LEAD = 4  # sentences from a trigger within which an announcement of the same meeting stands
CONTEXT = 2  # sentences before a trigger that may name its parties
NEXT_TO = 4  # words between a multilateral cue and the event word it names
RECENT_DAYS = 60  # a dated event this long before publication is background


def _anchor(s: Sent) -> bool:
    """Whether a sentence names a party: the commission, a co-chair, a delegation, a head
    of state, a person or a country."""
    return (
        s.has("COMMISSION")
        or s.cue("cochair", "delegation", "president", "working-group")  # (a working group is the commission's)
        or s.has("PERSON")
        or s.has("COUNTRY")
    )


def trigger_kind(
    s: Sent, lang: str, published: str | None = None, forum: bool = False, before: list[Sent] | None = None
) -> str | None:
    """The meeting kind a sentence reports, or None when it reports no meeting.  The parties
    may be named in the sentence or in the ``before`` sentences ("Turkmenistan and Russia
    discussed ... The meetings took place in Ashgabat")."""
    forum = forum or _bilateral_forum(s)
    if s.cue("background", "domestic") or not (s.all_event_cues() or (forum and s.cue("forum"))):
        return None
    if s.future:
        return None
    evs = s.event_cues()
    if not (forum and s.cue("forum")):
        if not evs:
            return None
        # "held" / "took place" names no event by itself ("the elections held in March"): it
        # needs an event word or the commission in the sentence
        if not s.has("COMMISSION") and not s.cue("forum") and all(m.value == "held" for m in s.all_event_cues()):
            return None
    multilateral = s.cue("multilateral") and not s.cue("bilateral", "sidelines") and _all_multilateral(s)
    if not _anchor(s) and not any(_anchor(b) and b.reported for b in before or ()):
        return None
    if s.dates and not plausible(s.dates[0], published):
        return None
    if third_party(s, lang):
        return None
    if not s.dates and (past_year(s, published) or past_month(s, published) or (s.undated() and s.has("MONTH"))):
        # "Earlier, in June 2022, the two countries signed ...", "the first session was held in 2008",
        # "the presidents last met in May"
        return None
    return MULTILATERAL if multilateral else kind_of(s, lang)


def _bilateral_forum(s: Sent) -> bool:
    """A forum of the two countries reported as held ("a Turkmen-Russian business forum took place"):
    a meeting of its own even when the article reports others (ANNOTATION: a business forum is an
    ``other`` meeting); a forum of other or more countries counts only alone."""
    if not s.cue("forum") or s.cue("multilateral"):  # (cheap tests first: every sentence is asked)
        return False
    if not (s.held("held") and any(s.status(m) not in NOT_HELD for m in s.cues("forum"))):
        return False
    if any(m.value != "held" for m in s.all_event_cues()):  # "the session was held at the forum": a session
        return False
    return {c.value for c in s.values("COUNTRY")} == {"TM", "RU"}


def _talks(s: Sent) -> bool:
    """Whether the sentence reports people meeting (talks, a session, a reception, a call), not only
    something held or signed."""
    return any(m.value not in ("held", "signed") for m in s.event_cues())


def _forum_and_talks(s: Sent, cur: Segment, pair: dict[str, str]) -> bool:
    """A forum held after talks told, or talks of named people after a forum told: two events (talks
    "on the sidelines of the forum" are a meeting of their own; a signing "within the forum" is the
    forum's)."""
    forum = any(_bilateral_forum(t) for t in cur.triggers)
    if _bilateral_forum(s):
        return not forum and any(_talks(t) for t in cur.triggers)
    return forum and _talks(s) and bool(pair or s.cue("sidelines")) and not any(_talks(t) for t in cur.triggers)


_YEAR = re.compile(r"(?<![\d./-])((?:19|20)\d\d)(?![\d/])(?!\.\d)(?!\s*[-–—]\s*\d)")


PAST_MONTHS = 2  # a held event dated only to a month this many months before publication is background


def past_month(s: Sent, published: str | None) -> bool:
    """Whether the sentence dates its event only to a month long before the article's ("the tenth
    meeting took place in Ashgabat in March", in a June article), with no day named."""
    if not published or s.has("RELDAY") or s.has("WEEKDAY"):
        return False
    month = int(published[5:7])
    for m in s.values("MONTH"):
        n = int(m.value)
        ago = month - n if n <= month else month + 12 - n  # "in December", in a February article: last year's
        if ago >= PAST_MONTHS:
            return True
    return False


def past_year(s: Sent, published: str | None, said: bool = False) -> bool:
    """Whether the sentence dates its event to a year before the article's (a year alone or with
    a month, not a range of years: "the programme for 2022-2024"); with ``said``, not a year inside
    what a verb of saying reports ("Overchuk noted that trade grew in 2024": the noting is the event) or
    a participant says in the first person ("last year our trade grew")."""
    if not published:
        return False
    year = int(published[:4])
    # where each past year stands in the sentence: a year written out, or "last year" («в прошлом году»)
    years = [m.start() for m in _YEAR.finditer(s.text) if int(m.group(1)) < year]
    years += [c.start - s.start for c in s.cues("last-year")]
    if said and years:
        if s.cue("first-person"):  # a participant's own words ("last year our trade grew"): what was said
            return False
        says = [w for w in words(s) if w.reporting]
        if says:
            if grammar(s.lang).verb_final:  # the report stands before the verb of saying, after its subject
                last = says[-1].start
                years = [i for i in years if not s.text[:i].strip(" \t\n,") or s.start + i > last]
            else:
                years = [i for i in years if s.start + i < says[0].end]
    return bool(years)


POST_REACH = 4  # words from a post word to the country ending its phrase ("head of the Foreign Ministry of X")


def third_party(s: Sent, lang: str) -> bool:
    """Whether one side meets a third country ("Putin held a phone call with the President of
    Uzbekistan", "Türkmenistanyň Prezidenti Özbegistanyň Prezidenti bilen duşuşdy"): a party of
    the sentence is of another country (a person of it, or a post or head of state of it) and
    the two sides are not both named."""
    sides = set(lexicon(lang).sides)
    found = people(s, lang)
    named = {f.person.country for f in found}
    heads = s.cues("post", "president")
    head_initial = not grammar(lang).head_final

    def of_post(c: Mention, h: Mention) -> bool:
        """The country is the post's: next to it, or, where a post may take its complements after it,
        at the end of the post phrase ("the head of the Foreign Ministry of Uzbekistan")."""
        n = words_between(s, c, h)
        if n <= 1:
            return True
        return head_initial and h.end <= c.start and n <= POST_REACH and "," not in s.doc_text[h.end : c.start]

    # (a third country coordinated with a side is a party too: "Turkmen and Iranian officials met")
    third = {f.person.country for f in found if f.person.country and f.person.country not in sides} | {
        c.value
        for c in s.values("COUNTRY")
        if c.value not in sides
        and (
            any(of_post(c, h) for h in heads)
            or any(
                x.value in sides
                and words_between(s, x, c) == 1
                and any(gap(x, c)[0] <= j.start and j.end <= gap(x, c)[1] for j in s.cues("join"))
                for x in s.values("COUNTRY")
            )
        )
    }
    if not third:
        return False
    present = named | {c.value for c in s.values("COUNTRY")}
    return not sides <= present


def _all_multilateral(s: Sent) -> bool:
    """Whether every held event of ``s`` is a multilateral one: a multilateral cue (a summit
    or body of several countries) stands next to the event word (at most ``NEXT_TO`` words
    between) in its clause."""
    multi = s.cues("multilateral")
    events = [m for m in s.event_cues() if m.value != "held"] or s.event_cues()  # "held" is the event noun's verb
    return all(any(words_between(s, m, u) <= NEXT_TO for u in multi) for m in events)


def plausible(d: DateMention, published: str | None) -> bool:
    """Whether a date can be that of an event the article reports (not long before
    publication, not after it); always true without a published date."""
    if not published or not d.explicit_year:
        return True
    try:
        pub, day = dt.date.fromisoformat(published[:10]), dt.date.fromisoformat(d.date)
    except ValueError:
        return True
    return -RECENT_DAYS <= (day - pub).days <= 1


def kind_of(s: Sent, lang: str) -> str:
    if s.held("working-group"):
        return "working-group"
    # a numbered session of the commission is a session, whoever the sentence says chaired it
    # ("Co-chairs open 14th session of the commission", "13. toplantısı eş başkanlar ... başkanlığında")
    if s.has("COMMISSION") and not s.held("received") and find_ordinal(s, lang, events_only=True) is not None:
        return "commission-session"
    # the co-chairs and the commission as the meeting's parties, not in one participant's
    # post ("a meeting with Overchuk, co-chair of the commission")
    found = people(s, lang)
    events = [m for m in s.event_cues() if m.value in ("meeting", "session", "video", "phone", "held")]
    # ("co-chaired by X and Y", a chairing verb with its agent, says who chaired the event: no co-chairs' meeting)
    led = [(d.start, d.end) for d in s.cues("delegation")]
    chairs = [
        c
        for c in s.cues("cochair")
        if _free(c, events, found)
        and not _describes_one(s, c, found)
        and not any(a < c.end + 2 and c.start < b for a, b in led)
    ]
    nouns = [m for m in events if m.value != "held"]
    # (the co-chairs as the agent of a session, a verb between them, held the commission's session:
    # «Заседание провели сопредседатели»)
    meetings_at = {(m.start, m.end) for m in nouns if m.value != "session"}
    if any(
        words_between(s, c, m) <= NEXT_TO - 1
        and (m.value != "session" or (m.start, m.end) in meetings_at or not verb_between(s, *gap(c, m)))
        for c in chairs
        for m in nouns
    ):
        return "co-chairs-meeting"  # "the co-chairs' meeting", "toparyň başlyklarynyň (...) mejlisi"
    if chairs and s.held("meeting", "video", "phone") and not s.held("received", "session"):
        return "co-chairs-meeting"  # "the co-chairs held a video conference"
    # the commission's own event: the event noun nearest its name is held ("toparyň mejlisi
    # geçirildi"), not announced ("... duşuşykda toparyň geçiriljek mejlisi")
    nouns_all = [m for m in s.all_event_cues() if m.value in ("meeting", "session", "video", "phone")]
    commission = any(
        _free(c, events, found) and not _in_description(s, c, found) and _own_event_held(s, c, nouns_all)
        for c in s.values("COMMISSION")
    )
    if (
        commission
        and not s.held("received")
        and (s.held("session", "meeting", "video", "phone") or find_ordinal(s, lang) is not None)
    ):
        return "commission-session"
    return "other"


def _own_event_held(s: Sent, x: Mention, nouns: list[Mention]) -> bool:
    """Whether the event noun nearest ``x`` (if any stands in its clause) is reported as held."""
    near = [(words_between(s, x, m), m) for m in nouns]
    near = [(d, m) for d, m in near if d < FAR]
    if not near:
        return True
    return s.status(min(near, key=lambda t: t[0])[1]) not in NOT_HELD


def _role_words(s: Sent) -> list:
    """Spans that may stand inside a role's description besides the role word: the commission's or a
    country's name, a side ("Rus tarafı"), "of" and articles ("the co-chair of the commission")."""
    arts = grammar(s.lang).articles
    spans: list = [m for m in s.mentions if m.cat in ("COMMISSION", "COUNTRY")] + s.cues("side", "namelink")
    return spans + [w for w in words(s) if s.doc_text[w.start : w.end].lower() in arts]


def _describes_one(s: Sent, x: Mention, found: list[Found]) -> bool:
    """Whether a role word stands in apposition before one person's post and name ("co-chair of
    the commission, Deputy Prime Minister Alexei Overchuk", "Komisyonu eş başkanı, Başbakan
    Yardımcısı Aleksey Overçuk"), not before several joined names ("the co-chairs, X and Y")."""
    after = [f for f in found if f.start >= x.end]
    if not after:
        return False
    # between them: commas, more role words, the commission's or a country's name and a participle
    # of "to be" only ("toparynyň rus böleginiň başlygy, ...", "eş başkanı olan Overçuk",
    # «сопредседателем межправкомиссии Оверчуком»)
    gap = list(s.doc_text[x.end : after[0].post_start])
    fill = _role_words(s) + s.cues("cochair", "copula")
    for c in fill:
        for k in range(max(c.start, x.end), min(c.end, after[0].post_start)):
            gap[k - x.end] = " "
    if "".join(gap).strip(" ,\u00a0") != "":
        return False
    if len(after) > 1:
        gap = s.doc_text[after[0].end : after[1].post_start]
        if gap.strip(" ,") and lexicon(s.lang).only(gap.replace(",", " "), "CUE", "join"):
            return False
    return True


def _in_description(s: Sent, x: Mention, found: list[Found]) -> bool:
    """Whether the commission's name belongs to the role word after it that describes one person
    ("Komisyonu eş başkanı, Başbakan Yardımcısı Aleksey Overçuk", "Komisyonu'nun Rus tarafı eş başkanı
    olan Overçuk")."""
    names = _role_words(s)
    for c in s.cues("cochair"):
        if not _describes_one(s, c, found):
            continue
        # the role word follows the name, or the rest of the name (country words and all); or the name
        # is the role's complement after it («сопредседателем межправкомиссии Оверчуком»)
        a, b = (x.end, c.start) if c.start >= x.end else (c.end, x.start)
        if a > b:
            continue
        gap = [w for w in words(s) if a <= w.start and w.end <= b]
        if all(any(n.start < w.end and w.start < n.end for n in names) for w in gap):
            return True
    return False


def _free(x: Mention, events: list[Mention], found: list[Found]) -> bool:
    """Whether a mention names a party of the event rather than part of one person's post:
    it is not inside a post, and no person's name stands between it and the event word
    before it ("talks with Overchuk, co-chair of the commission")."""
    if any(f.post_start <= x.start < max(f.post_end, f.end) for f in found):
        return False
    before = [m.end for m in events if m.end <= x.start]
    if not before:
        return True
    return not any(max(before) <= f.start and f.end <= x.start for f in found)


@dataclass(slots=True)
class Segment:
    kind: str
    trigger: Sent
    sents: list[Sent]
    triggers: list[Sent] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)
    pair: dict[str, str] = field(default_factory=dict)  # side -> principal named by its triggers
    date: str | None = None  # the date of a meeting told in one clause of its trigger
    not_dates: set[str] = field(default_factory=set)  # dates of its sentences that are another meeting's
    not_partners: set[str] = field(default_factory=set)  # people its triggers name as another meeting's partner


def _parties(s: Sent, lang: str) -> set[str]:
    """Who a trigger says met: the people it names, and "president" for a head of state."""
    out = {f.person.key for f in people(s, lang)}
    if s.cue("president", "received"):
        out.add("president")
    return out


def _pair(s: Sent, lang: str) -> dict[str, str]:
    """The principals a trigger names: the first person it names on each side."""
    sides = lexicon(lang).sides
    out: dict[str, str] = {}
    for f in people(s, lang):
        c = f.person.country
        if c in sides and c not in out:
            out[c] = f.person.key
    return out


def _new_pair(pair: dict[str, str], cur: dict[str, str], s: Sent | None = None) -> bool:
    """Whether a trigger naming principals on both sides names another pair than the
    current meeting's ("X was received by the President. He then held talks with Y."), or names
    another principal on one side and the other side by its country ("Earlier that day, the
    President of Turkmenistan met Prime Minister Mishustin")."""
    if len(cur) < 2 or not any(cur.get(side) not in (None, key) for side, key in pair.items()):
        return False
    if len(pair) >= 2:
        return True
    other = set(cur) - set(pair)
    return s is not None and any(c.value in other for c in s.values("COUNTRY"))


def _reception_and_session(s: Sent) -> bool:
    """A reception whose sentence also reports the commission's session as held or under
    way ("received X, who came to take part in the ninth session being held here")."""
    return s.held("received") and s.has("COMMISSION") and s.held("session")


def segment(sents: list[Sent], lang: str, published: str | None = None) -> list[Segment]:
    """Split the article's sentences into meetings (rule 3)."""

    def kinds_of(forum: bool) -> list[str | None]:
        return [trigger_kind(s, lang, published, forum, sents[max(0, s.i - CONTEXT) : s.i]) for s in sents]

    kinds = kinds_of(forum=False)
    if not any(k and k != MULTILATERAL for k in kinds):  # a forum counts when the article reports no other event
        kinds = kinds_of(forum=True)
    kinds = _recalled_in_announcement(sents, kinds)
    kinds = _setting(sents, kinds)
    segs: list[Segment] = []
    lead: list[Sent] = []
    split: list[Segment] = []  # the meetings of the last trigger that named one per partner
    active: Segment | None = None  # the meeting the sentences go on about
    for s, kind in zip(sents, kinds, strict=True):
        s.kind = kind
        if kind is None:
            active = _partners_meeting(s, split, lang) or active
            (active.sents if active else lead).append(s)
            continue
        if active is not None and _joins(s, active):
            # "Co-chair X took part in the talks": a participant of the meeting told, no meeting of its own
            s.kind = None
            active.sents.append(s)
            continue
        parties, pairs = _parties(s, lang), _pairs(s, lang, kind)
        own = _partners_meeting(s, split, lang)
        if own is not None and len(pairs) == 1:
            # "Putin, in his meeting with the Turkmen leader, ...": that partner's meeting goes on
            own.sents.append(s)
            own.triggers.append(s)
            own.parties |= parties
            active = own
            continue
        if _reception_and_session(s):
            # two meetings in one sentence: the session, then the reception (which the
            # following sentences describe)
            first = not segs
            segs.append(Segment("commission-session", s, [s], [s], parties, dict(pairs[0])))
            segs.append(Segment(kind, s, (lead if first else []) + [s], [s], parties, dict(pairs[0])))
            split, active = [], segs[-1]
            continue
        _place(segs, s, kind, parties, pairs[0], lead, published)
        # "met X and held talks with Y": one meeting per partner, and each partner takes part
        # in their own meeting only
        split = [segs[-1]] + [Segment(kind, s, [s], [s], parties, p) for p in pairs[1:]]
        segs.extend(split[1:])
        active = segs[-1]
        if len(split) > 1:
            partners = {k for p in pairs for k in p.values()}
            for seg, p in zip(split, pairs, strict=True):
                seg.not_partners |= partners - set(p.values())
        else:
            split = []
        # "our talks were constructive, and we also had a separate meeting yesterday": the dated
        # clause is a meeting of its own (before the current one, which the next sentences go on)
        other = _dated_clause(s)
        if other is not None and kind != MULTILATERAL and s.kind is not None:
            segs[-1].not_dates.add(other)
            segs.insert(len(segs) - 1, Segment(kind, s, [s], [s], parties, dict(pairs[0]), date=other))
    return [seg for seg in segs if seg.kind != MULTILATERAL and not _announced(seg)]


def _elsewhere(s: Sent, kind: str, cur: Segment, published: str | None) -> bool:
    """A trigger of another kind reported held in another city than the meeting told ("the co-chairs
    met in Ashgabat. On the same day, the working group met in Moscow"): another meeting (not a
    meeting recalled or planned elsewhere: "the previous meeting took place in Moscow in 2023")."""
    if kind == cur.kind or not s.reported or past_year(s, published) or past_month(s, published):
        return False
    if not any(m.value != "held" for m in s.event_cues()):  # its event word itself held ("agreed to hold a session")
        return False
    here = {m.value for m in s.values("CITY") if locative(m, s)}
    there = {m.value for t in cur.triggers for m in t.values("CITY") if locative(m, t)}
    return len(here) == 1 and bool(there) and not here & there


def _joins(s: Sent, active: Segment) -> bool:
    """Whether ``s`` only tells someone taking part in the meeting being told ("X took part in the
    talks", «в переговорах принял участие X», "görüşmeye X de katıldı"): a verb of participation,
    no date other than the meeting's."""
    if not s.cue("participation") or s.cue("day-after", "day-before") or _bilateral_forum(s):
        return False  # (a forum held, "attended by 200 entrepreneurs": another event)
    day = _explicit_date(s)
    return day is None or day == _explicit_date(active.trigger)


def _partners_meeting(s: Sent, split: list[Segment], lang: str) -> Segment | None:
    """Of the meetings one sentence split by partner ("met X and Y"), the one whose partner
    alone ``s`` names ("X said ...", "Y, in his talks with ..."), if any."""
    if not split:
        return None
    named = {f.person.key for f in people(s, lang)}
    shared = set.intersection(*(set(g.pair.values()) for g in split))
    own = [g for g in split if (set(g.pair.values()) - shared) & named]
    return own[0] if len(own) == 1 else None


SETTING_STEM = 5  # folded letters that name the same event word ("summit", "summit's"; «саммит», «саммите»)


def _setting(sents: list[Sent], kinds: list[str | None]) -> list[str | None]:
    """The event on whose sidelines a meeting took place ("on the sidelines of the summit",
    «на полях саммита», "zirve marjında") is its setting: a later sentence whose events are
    only that event ("The summit participants discussed regional security") is about the
    setting, not a meeting, and says nothing of the meeting."""
    stems = set()
    for s in sents:
        head_final = grammar(s.lang).head_final
        for b in s.cues("sidelines"):
            # the event the phrase governs: inside it ("sammitiň çäklerinde"), else the nearest
            # before it in a head-final language ("zirvesi marjında"), after it in the others
            # ("on the sidelines of the summit", «на полях саммита»)
            evs = [m for m in s.all_event_cues() if m.value != "held"]
            inside = [m for m in evs if b.start <= m.start < b.end]
            side = [m for m in evs if (m.end <= b.start if head_final else m.start >= b.end)]
            side = [m for m in side if words_between(s, b, m) <= NEXT_TO]
            near = inside or sorted(side, key=lambda m: words_between(s, b, m))[:1]
            stems.update(fold(m.text, s.lang)[:SETTING_STEM] for m in near)
    if not stems:
        return kinds
    out = list(kinds)
    for k, s in enumerate(sents):
        evs = [m for m in s.all_event_cues() if m.value != "held"]
        if (
            evs
            and not s.cue("bilateral", "sidelines")
            and all(fold(m.text, s.lang)[:SETTING_STEM] in stems for m in evs)
        ):
            s.setting = True
            out[k] = None
    return out


def _recalled_in_announcement(sents: list[Sent], kinds: list[str | None]) -> list[str | None]:
    """An article that opens by announcing a meeting goes on about that meeting ("the date of
    the meeting is not given") and recalls earlier contacts ("the presidents spoke by phone on
    8 April"): none of it is a meeting held, except one dated relative to the report ("on
    Tuesday", "yesterday")."""
    first = next((s for s in sents if s.all_event_cues()), None)
    # ("the next session will be held ..." announces another meeting than the article's news)
    if first is None or not first.future or any(first.next_one(m) for m in first.all_event_cues()):
        return kinds
    return [
        None if k and s.i > first.i and not (s.has("RELDAY") or s.has("WEEKDAY")) else k
        for s, k in zip(sents, kinds, strict=True)
    ]


def _dated_clause(s: Sent) -> str | None:
    """The date of a held event told in a later clause of ``s`` when its first clause tells a held
    event without that date ("the talks were constructive, and we also met yesterday")."""
    ws = words(s)
    nouns = [
        m
        for m in s.event_cues()
        if m.value in ("meeting", "session", "phone", "video")
        and not any(words_between(s, b, m) <= NEXT_TO for b in s.cues("sidelines"))  # "zirve marjında": the setting
    ]
    clauses = {}
    for m in nouns:
        idx = [w.clause for w in ws if m.start <= w.start < m.end]
        if idx:
            clauses.setdefault(idx[0], m)
    if len(clauses) < 2:
        return None
    dated = {}
    for d in s.event_dates():
        idx = [w.clause for w in ws if s.start + d.start <= w.start < s.start + d.end]
        if idx and idx[0] in clauses:
            dated.setdefault(idx[0], d.date)
    first = min(clauses)  # the sentence's first event keeps its own date, if it has one
    others = {d for k, d in dated.items() if k != first and d != dated.get(first)}
    return others.pop() if len(others) == 1 else None


def _place(
    segs: list[Segment],
    s: Sent,
    kind: str,
    parties: set[str],
    pair: dict[str, str],
    lead: list[Sent],
    published: str | None = None,
) -> None:
    """Open a new meeting for trigger ``s`` or add it to the current one (rule 3)."""
    if not segs:
        segs.append(Segment(kind, s, lead + [s], [s], parties, pair))
        return
    cur = segs[-1]
    if kind == MULTILATERAL:  # a multilateral event named within a bilateral report is a topic
        s.kind = None
        cur.sents.append(s)
        return
    # the meeting's date: its first dated trigger's (a headline restating the lead has none)
    cur_date = next((d for t in cur.triggers if (d := _explicit_date(t))), None)
    new_date = _explicit_date(s)
    reception = s.cue("received") or any(t.cue("received") for t in cur.triggers)
    # only other parties: another meeting, unless the new principals fill a side the current
    # meeting has none for ("X held phone talks with Russian officials. [He] held talks with Y")
    fills = bool(pair) and bool(cur.pair) and not (set(pair) & set(cur.pair))
    others = bool(parties and cur.parties and not (parties & cur.parties) and len(cur.parties) > 1) and not fills
    if cur.kind == MULTILATERAL:
        # an article about a multilateral event: only a pair of both sides or a bilateral cue opens a meeting
        split = len(pair) >= 2 or s.cue("bilateral", "sidelines")
    else:
        split = (
            (new_date and cur_date and new_date != cur_date)
            or (kind != cur.kind and reception)
            or s.undated()
            or s.cue("day-after", "day-before")  # "the next day", «накануне»: another day, another meeting
            or others
            or _new_pair(pair, cur.pair, s)
            or _elsewhere(s, kind, cur, published)
            or _forum_and_talks(s, cur, pair)
        )
    if split:
        segs.append(Segment(kind, s, [s], [s], parties, pair))
        return
    cur.sents.append(s)
    cur.triggers.append(s)
    cur.parties |= parties
    for side, key in pair.items():
        cur.pair.setdefault(side, key)
    if RANK[kind] > RANK[cur.kind] and s.cue("held") and cur.kind != MULTILATERAL:
        cur.kind = kind


def _pairs(s: Sent, lang: str, kind: str) -> list[dict[str, str]]:
    """The pairs of principals a trigger names: one, or, for talks and receptions that name
    one person on one side and several known people on the other ("Lavrov met the President
    and held talks with the Foreign Minister", "talks with Medvedev and Putin"), one pair per
    partner."""
    pair = _pair(s, lang)
    if kind != "other":
        return [pair]
    sides = lexicon(lang).sides
    found = [f for f in people(s, lang) if f.person.known and f.person.country in sides]
    known: dict[str, list[Found]] = {side: [] for side in sides}
    for f in found:
        if all(g.person.key != f.person.key for g in known[f.person.country]):
            known[f.person.country].append(f)
    many = [side for side in sides if len(known[side]) >= 2]
    if len(many) != 1 or any(len(known[side]) > 1 for side in sides if side != many[0]):
        return [pair]
    partners = known[many[0]]
    # the partners must be coordinated: nobody of the other side between them, and "and" or a
    # second event verb between them ("met X and held talks with Y")
    for x, y in zip(partners, partners[1:], strict=False):
        if any(x.end <= f.start and f.end <= y.start for f in found if f.person.country != many[0]):
            return [pair]
        if not (
            any(x.end <= j.start and j.end <= y.post_start for j in s.cues("join")) or _verb_between(s, x.end, y.start)
        ):
            return [pair]
    return [{**pair, many[0]: f.person.key} for f in partners]


def _verb_between(s: Sent, a: int, b: int) -> bool:
    """Whether an event word that is itself a finite verb ("провел", "met") stands between a and b."""
    return any(
        a <= m.start and m.end <= b and s.status(m) in (HELD, PRESENT) and verb_between(s, m.start, m.end)
        for m in s.event_cues()
    )


def _announced(seg: Segment) -> bool:
    """A meeting told only in the present tense ("Lavrow Aşgabatda gepleşik geçirýär") or in a
    headline without a verb, whose own sentences announce it in the future, is a scheduled,
    not a held, meeting."""
    statuses = {t.status(m) for t in seg.triggers for m in t.event_cues()}
    if not statuses <= {PRESENT, None} or any(t.has("RELDAY", "0") for t in seg.triggers):  # "today we are meeting"
        return False
    # the same meeting in the future (not "the next meeting"), said in the report's lead
    lead = [s for s in seg.sents if s.i >= seg.trigger.i][:LEAD]
    return any(s.future and s.all_event_cues() and not s.cue("upcoming") for s in lead)


def _explicit_date(s: Sent) -> str | None:
    dates = s.event_dates()
    return dates[0].date if dates else None
