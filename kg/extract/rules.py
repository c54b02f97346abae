"""Assemble meetings from the lexicon spans of a parsed article.

Rules, in order (each reads only spans and cue words from the ontology):

1. A *trigger* sentence reports an event: a meeting, session, working-group,
   reception or call cue that no "upcoming" cue (next, forthcoming, preparation
   for) stands just before, plus an anchor (the commission, a co-chair cue, a
   person, a country or a head of state), and no future, background ("recall")
   or domestic ("Cabinet meeting") cue, and no date far from the published date.
   A forum counts only when the article reports no other event.
2. Its *kind*: working-group cue -> ``working-group``; co-chair cue with a meeting
   or call (not a session, not a reception) -> ``co-chairs-meeting``; the
   commission with a session, number, meeting or call -> ``commission-session``;
   else ``other``.
3. Triggers split the article into meetings.  A trigger opens a new meeting when
   it gives another explicit date, says the event was earlier or recent, has
   another kind where a reception is involved, or names only other parties than
   the current meeting's triggers.  Otherwise it continues the current meeting
   (and a more specific kind reported as held replaces the current one).
4. Fields are read from the meeting's sentences, trigger first (see ``_fill``).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Evidence, Meeting, Person
from .dates import DateMention, find_dates
from .lexicon import lexicon
from .names import Found, find_people
from .normalize import fold
from .ordinals import find_ordinal
from .pipeline import analyse
from .morph import grammar
from .status import BACKGROUND, FUTURE, NONFINITE, clause_of, event_status, sentence_status, verb_between

NOT_HELD = (FUTURE, BACKGROUND, NONFINITE)
EVENT_CUES = ("meeting", "session", "working-group", "received", "phone", "video", "held")
RANK = {"other": 0, "commission-session": 1, "co-chairs-meeting": 2, "working-group": 2}
UPCOMING_WINDOW = 30  # characters after an "upcoming" cue in which an event cue names a future event
RECENT_DAYS = 60  # a dated event this long before publication is background
OPENING = 4  # sentences at the start of an article that may carry its dateline
NAME_TAIL = 160  # how far "on ... cooperation" after a commission may still be part of its name


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
    _words: list | None = None  # status.words()
    _status: dict[int, str | None] | None = None  # event cue start -> status

    @property
    def dates(self) -> list[DateMention]:
        """The dates written in the sentence (computed on first use)."""
        if self._dates is None:
            rel = [(m.start - self.start, m.end - self.start, m.cat, m.value) for m in self.mentions
                   if m.cat in ("WEEKDAY", "RELDAY")]
            self._dates = find_dates(self.text, self.lang, self.published, rel)
        return self._dates

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
            ups = [u.end for u in self.cues("upcoming")]
            self._status[m.start] = FUTURE if any(0 <= m.start - e <= UPCOMING_WINDOW for e in ups) \
                else event_status(self, m)
        return self._status[m.start]

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
        evs = self.all_event_cues()
        if evs:
            return all(self.status(m) == FUTURE for m in evs)
        return sentence_status(self) == FUTURE

    def undated(self) -> bool:
        """An "earlier"/"recently" cue that dates one of the sentence's held events: in the
        same clause, with no other verb between them ("ozal gazanylan ylalaşyklar" dates the
        agreements, not the meeting)."""
        sov = grammar(self.lang).verb_final
        for u in self.cues("undated"):
            cu = clause_of(self, u.start)
            for m in self.event_cues():
                if clause_of(self, m.start) != cu and cu is not None:
                    continue
                if sov and m.start < u.start:  # an adverb modifies the verb after it
                    continue
                a, b = (u.end, m.start) if u.end <= m.start else (m.end, u.start)
                if not verb_between(self, a, b):
                    return True
        return False

    @property
    def reported(self) -> bool:
        """Not about the future, not a recollection of the past, not a denial ("nothing was said")."""
        return not self.cue("future", "background", "negated")


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
    out = []
    for n, (a, b) in enumerate(spans):
        t = text[a:b]
        if any(ch.isalpha() for ch in t):
            out.append(Sent(len(out), a, b, t, text, by_sent.get(n, []), lang, published))
    return out


def people(s: Sent, lang: str) -> list[Found]:
    """The people named in ``s`` (computed once)."""
    if s.people is None:
        s.people = find_people(s, lang)
    return s.people


def trigger_kind(s: Sent, lang: str, published: str | None = None, forum: bool = False) -> str | None:
    """The meeting kind a sentence reports, or None when it reports no meeting."""
    if s.future or s.cue("background", "domestic"):
        return None
    evs = s.event_cues()
    if not (forum and s.cue("forum")):
        if not evs:
            return None
        # "held" / "took place" names no event by itself ("the elections held in March"): it
        # needs an event word or the commission in the sentence
        if all(m.value == "held" for m in evs) and not s.has("COMMISSION") and not s.cue("forum") and not any(
                m.value != "held" for m in s.all_event_cues()):
            return None
    anchor = s.has("COMMISSION") or s.cue("cochair", "delegation", "president") or s.has("PERSON") or s.has("COUNTRY")
    if not anchor:
        return None
    if s.dates and not plausible(s.dates[0], published):
        return None
    return kind_of(s, lang)


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
    if s.cue("cochair") and s.held("meeting", "video", "phone") and not s.held("received", "session"):
        return "co-chairs-meeting"
    if s.has("COMMISSION") and not s.held("received") and (
            s.held("session", "meeting", "video", "phone") or find_ordinal(s, lang) is not None):
        return "commission-session"
    return "other"


@dataclass(slots=True)
class Segment:
    kind: str
    trigger: Sent
    sents: list[Sent]
    triggers: list[Sent] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)


def _parties(s: Sent, lang: str) -> set[str]:
    """Who a trigger says met: the people it names, and "president" for a head of state."""
    out = {f.person.key for f in people(s, lang)}
    if s.cue("president", "received"):
        out.add("president")
    return out


def segment(sents: list[Sent], lang: str, published: str | None = None) -> list[Segment]:
    """Split the article's sentences into meetings (rule 3)."""
    kinds = [trigger_kind(s, lang, published) for s in sents]
    if not any(kinds):
        kinds = [trigger_kind(s, lang, published, forum=True) for s in sents]
    segs: list[Segment] = []
    lead: list[Sent] = []
    for s, kind in zip(sents, kinds, strict=True):
        s.kind = kind
        if kind is None:
            (segs[-1].sents if segs else lead).append(s)
            continue
        parties = _parties(s, lang)
        if not segs:
            segs.append(Segment(kind, s, lead + [s], [s], parties))
            continue
        cur = segs[-1]
        cur_date, new_date = _explicit_date(cur.trigger), _explicit_date(s)
        reception = s.cue("received") or any(t.cue("received") for t in cur.triggers)
        others = bool(parties and cur.parties and not (parties & cur.parties) and len(cur.parties) > 1)
        if ((new_date and cur_date and new_date != cur_date) or (kind != cur.kind and reception)
                or s.undated() or others):
            segs.append(Segment(kind, s, [s], [s], parties))
            continue
        cur.sents.append(s)
        cur.triggers.append(s)
        cur.parties |= parties
        if RANK[kind] > RANK[cur.kind] and s.cue("held"):
            cur.kind = kind
    return segs


def _explicit_date(s: Sent) -> str | None:
    return s.dates[0].date if s.dates else None


def build_meetings(text: str, lang: str, published: str | None) -> list[Meeting]:
    """The meetings an article's text reports."""
    sents = sentences(text, lang, published)
    segs = segment(sents, lang, published)
    out: list[Meeting] = []
    called: set[str] = set()
    for seg in segs:
        out.append(_fill(seg, lang, sents, published, out, called))
    # a person the article calls a co-chair is a co-chair at every meeting they attend
    chairs = {p.key: p.country for m in out for p in m.cochairs if p.key in called}
    for m in out:
        for p in list(m.participants):
            if p.key in chairs and chairs[p.key] == p.country:
                m.participants.remove(p)
                m.cochairs.append(p)
    return out



def _ordered(seg: Segment) -> list[Sent]:
    return [seg.trigger] + [s for s in seg.sents if s is not seg.trigger]


def _from_trigger(seg: Segment) -> list[Sent]:
    return [seg.trigger] + [s for s in seg.sents if s.i > seg.trigger.i]


def _fill(seg: Segment, lang: str, sents: list[Sent], published: str | None,
          earlier: list[Meeting], called: set[str]) -> Meeting:
    m = Meeting(kind=seg.kind)
    lex = lexicon(lang)
    ordered = _ordered(seg)
    present = [s for s in ordered if s.reported]
    prev = earlier[-1] if earlier else None
    m.commission = next((x.value for s in ordered for x in s.values("COMMISSION")), None)
    _date(m, seg, sents, published, prev)
    # ordinal
    for s in present:
        if s.cue("session", "meeting", "working-group"):
            n = find_ordinal(s, lang)
            if n is not None:
                m.ordinal = n
                m.evidence["ordinal"] = s.evidence()
                break
    # format: a call or video cue, else the previous meeting's call format when this one
    # names no place, else in person when a city, visit, reception or meeting is named
    for cue, fmt in (("video", "video"), ("phone", "phone")):
        s = next((s for s in present if s.cue(cue)), None)
        if s is not None:
            m.format = fmt
            m.evidence["format"] = s.evidence()
            break
    if (m.format is None and prev is not None and prev.format in ("video", "phone") and not seg.trigger.undated()
            and not any(s.values("CITY") or s.cue("visit", "received") for s in present)):
        m.format = prev.format
        m.evidence["format"] = prev.evidence["format"]
    if m.format is None:
        _city(m, seg, present, lex, earlier)
        if m.city or any(s.cue("visit", "received", "meeting") for s in present):
            m.format = "in-person"
            m.evidence.setdefault("format", (next((s for s in present if s.values("CITY")), seg.trigger)).evidence())
    _people(m, seg, _from_trigger(seg), lang, called)
    # areas
    excluded = [r for s in ordered for r in _name_ranges(s, lex)]
    excluded += [(f.post_start, f.post_end) for s in ordered for f in people(s, lang)]
    for s in ordered:
        if not s.reported:
            continue
        for a in s.values("AREA"):
            if any(x0 <= a.start and a.end <= x1 for x0, x1 in excluded):
                continue
            if a.value not in m.areas:
                m.areas.append(a.value)
                m.evidence[f"area:{a.value}"] = s.evidence()
    # agreements
    s = next((s for s in present if s.cue("signed") and not s.cue("decree")), None)
    if s is not None:
        m.agreements_signed = True
        m.evidence["agreements_signed"] = s.evidence()
    m.evidence.setdefault("kind", seg.trigger.evidence())
    return m


def _date(m: Meeting, seg: Segment, sents: list[Sent], published: str | None, prev: Meeting | None) -> None:
    """The trigger's date; unless the trigger says "earlier"/"recently": else the nearest
    date in the two sentences before it, in the meeting's other triggers, in the two
    sentences after it; else the previous meeting's date ("then, ..."); else, for the
    first meeting, the first date before it or in the article's opening (a dateline,
    a photo caption)."""
    t = seg.trigger
    cands: list[Sent] = [t]
    if not t.undated():
        cands += [s for s in reversed(sents[max(0, t.i - 2):t.i]) if s.reported and s.kind is None]
        cands += [s for s in seg.triggers if s is not t]
        cands += [s for s in sents[t.i + 1:t.i + 3] if s.reported and s.kind is None]
    for s in cands:
        d = next((d for d in s.dates if plausible(d, published)), None)
        if d is not None:
            m.date = d.date
            m.evidence["date"] = s.evidence()
            return
    if t.undated():
        return
    if prev is not None:
        if not prev.date:
            _weekday(m, t)
        if prev.date:
            m.date = prev.date
            m.evidence["date"] = prev.evidence["date"]
        return
    for s in sents[:max(t.i, OPENING)]:
        d = next((d for d in s.dates if plausible(d, published)), None)
        if d is not None and s.reported and s.kind is None:
            m.date = d.date
            m.evidence["date"] = s.evidence()
            return
    _weekday(m, t)


def _weekday(m: Meeting, t: Sent) -> None:
    """Without a published date, "on Friday" cannot be resolved: keep the weekday named in
    the trigger (the store may use it to merge the report with a dated one)."""
    if m.date is None:
        wd = t.values("WEEKDAY")
        if wd:
            m.weekday = int(wd[0].value)
            m.evidence["weekday"] = t.evidence()


def _city(m: Meeting, seg: Segment, present: list[Sent], lex, earlier: list[Meeting]) -> None:
    """The city in the trigger, else one written as a place ("in Moscow") in the meeting's
    sentences, else the last earlier in-person meeting's city, else any city named."""
    cands = [(0 if s is seg.trigger else 1 if _locative(c, s, lex) else 3, i, c, s)
             for i, s in enumerate(present) for c in s.values("CITY")]
    last = next((e for e in reversed(earlier) if e.city), None)
    if last is not None:
        cands.append((2, 0, None, None))
    if not cands:
        return
    _, _, c, s = min(cands, key=lambda t: (t[0], t[2] is None or not _locative(t[2], t[3], lex), t[1]))
    if c is None:
        m.city = last.city
        m.evidence["city"] = last.evidence["city"]
    else:
        m.city = lex.labels.get(("CITY", c.value), c.value)
        m.evidence["city"] = s.evidence()


def _locative(c: Mention, s: Sent, lex) -> bool:
    """Whether a city is written as the place of something: "in Moscow", "в Москве", "Aşgabatda"."""
    before = s.doc_text[max(s.start, c.start - 12):c.start].split()
    if before and lex.single(fold(before[-1], lex.lang), "CUE") == "locative":
        return True
    word = s.doc_text[c.start:c.end]
    return any(e.value == "locative" and e.cat == "CUE" and len(e.words) == 1 and e.modes[0] == "s"
               for k in lex.keys_of(fold(word, lex.lang)) if k.startswith("~") for e in lex.by_first.get(k, ()))


def _name_ranges(s: Sent, lex) -> list[tuple[int, int]]:
    """Character ranges that belong to the name of the commission or a working group:
    the matched name, the words hyphen-joined to its start, and a following "on ... cooperation"."""
    out = []
    for x in s.mentions:
        if not (x.cat == "COMMISSION" or (x.cat == "CUE" and x.value == "working-group")):
            continue
        a, b = x.start, x.end
        text = s.doc_text
        while a > 1 and text[a - 1] == "-" and text[a - 2].isalpha():
            a = text.rfind(" ", s.start, a - 1) + 1 or s.start
        tail = text[b:min(s.end, b + NAME_TAIL)]
        first = tail.split(None, 1)[0] if tail.strip() else ""
        coop = [c.end for c in s.cues("cooperation") if b <= c.start <= b + NAME_TAIL]
        if coop and "." not in text[b:coop[0]] and lex.single(fold(first, lex.lang), "CUE") == "namelink":
            b = coop[0]
        out.append((a, b))
    return out


def _people(m: Meeting, seg: Segment, ordered: list[Sent], lang: str, called: set[str]) -> None:
    """Co-chairs and other participants of the meeting; adds to ``called`` the people a
    co-chair cue names."""
    seen: set[str] = set()
    for s in ordered:
        found = people(s, lang)
        by_cue = _called(found, s)
        called.update(found[i].person.key for i in by_cue)
        chairs = by_cue | _leads(found, s, seg)
        for i, f in enumerate(found):
            p = f.person
            if p.key in seen:
                if i in chairs and p.country in ("TM", "RU"):
                    _promote(m, p.key)
                continue
            seen.add(p.key)
            q = Person(p.name, p.key, p.country, p.post, p.known, s.evidence())
            (m.cochairs if i in chairs and p.country in ("TM", "RU") else m.participants).append(q)


def _promote(m: Meeting, key: str) -> None:
    for p in list(m.participants):
        if p.key == key:
            m.participants.remove(p)
            m.cochairs.append(p)


def _only(gap: str, lang: str, cue: str, most: int) -> bool:
    """Whether ``gap`` holds only commas, spaces and at most ``most`` words of cue class ``cue``."""
    return not re.search(r"[^\w\s,]", gap) and len(gap.split()) <= most and lexicon(lang).only(gap, "CUE", cue)


def _called(found: list[Found], s: Sent) -> set[int]:
    """Indexes of the people in ``s`` a co-chair cue names: the cue in a person's post,
    or just after the name ("Meredov, who also co-chairs"), or before names ("the
    co-chairs X and Y": the nearest name after it and the names joined to it by "and")."""
    out: set[int] = set()
    if not found:
        return out
    text = s.doc_text
    for c in s.cues("cochair"):
        inside = [i for i, f in enumerate(found) if f.post_start <= c.start and c.end <= max(f.post_end, f.end)]
        if inside:
            out.update(inside)
            continue
        after = [i for i, f in enumerate(found) if f.start >= c.end]
        before = [i for i, f in enumerate(found) if f.end <= c.start]
        if before and _only(text[found[before[-1]].end:c.start], s.lang, "relative", 2):
            out.add(before[-1])
            continue
        if after and _gap(text, c.end, found[after[0]].post_start, s) <= 80:
            out.add(after[0])
            for j in after[1:]:
                if _only(text[found[j - 1].end:found[j].post_start], s.lang, "join", 2):
                    out.add(j)
                else:
                    break
        elif before and c.start - found[before[-1]].end <= 120:
            out.add(before[-1])
    return out


def _leads(found: list[Found], s: Sent, seg: Segment) -> set[int]:
    """At a session or co-chairs' meeting, the people in ``s`` who lead their side: the
    first person of each side after a delegation cue ("the delegation headed by"), and
    the people a trigger names before its event word ("X and Y held the 12th meeting")."""
    out: set[int] = set()
    if seg.kind not in ("commission-session", "co-chairs-meeting"):
        return out
    for c in s.cues("delegation"):
        sides: set[str | None] = set()
        for i, f in enumerate(found):
            if f.start >= c.end and f.person.country not in sides:
                sides.add(f.person.country)
                out.add(i)
        if not sides:
            near = [i for i, f in enumerate(found) if f.end <= c.start]
            if near:
                out.add(near[-1])
    if s is seg.trigger and not s.cue("received", "president"):
        ev = min((c.start for c in s.event_cues()), default=None)
        if ev is not None:
            out.update(i for i, f in enumerate(found) if f.end <= ev)
    return out


def _gap(text: str, a: int, b: int, s: Sent) -> int:
    """Letters between a and b, not counting the commission's name."""
    if b <= a:
        return 0
    chunk = list(text[a:b])
    for x in s.values("COMMISSION"):
        for k in range(max(a, x.start), min(b, x.end)):
            chunk[k - a] = " "
    return sum(ch.isalpha() for ch in chunk)
