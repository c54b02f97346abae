"""Assemble meetings from the lexicon spans of a parsed article.

Rules, in order (each reads only spans and cue words from the ontology):

1. A *trigger* sentence reports an event: a meeting, session, working-group,
   reception or call cue, plus an anchor (the commission, a co-chair cue, a
   known person or a country), and no future cue.
2. Its *kind*: working-group cue -> ``working-group``; co-chair cue ->
   ``co-chairs-meeting``; session cue with the commission or a number, or the
   commission with a meeting cue -> ``commission-session``; else ``other``.
3. Triggers split the article into meetings: a trigger opens a new meeting when
   it gives another explicit date, or another kind where one side is a reception
   by a head of state; otherwise it continues the current meeting.
4. Fields are read from the meeting's sentences, trigger first (see ``_fill``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..model import Evidence, Meeting, Person
from .dates import DateMention, find_dates
from .lexicon import lexicon
from .names import find_people
from .ordinals import find_ordinal

EVENT_CUES = ("meeting", "session", "working-group", "received", "phone", "video")


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
    span: Span
    mentions: list[Mention]
    dates: list[DateMention] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.span.text

    def has(self, cat: str, value: str | None = None) -> bool:
        return any(m.cat == cat and (value is None or m.value == value) for m in self.mentions)

    def cue(self, *names: str) -> bool:
        return any(m.cat == "CUE" and m.value in names for m in self.mentions)

    def values(self, cat: str) -> list[Mention]:
        return [m for m in self.mentions if m.cat == cat]

    def evidence(self) -> Evidence:
        return Evidence(self.text.strip(), self.span.start_char + _lead(self.text), self.span.end_char - _trail(self.text))


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())


def _trail(s: str) -> int:
    return len(s) - len(s.rstrip())


def sentences(doc: Doc, lang: str, published: str | None) -> list[Sent]:
    """The sentences of ``doc`` that contain letters, with their mentions and dates."""
    by_sent: dict[int, list[Mention]] = {}
    starts = {s.start: n for n, s in enumerate(doc.sents)}
    sent_of = []
    n = -1
    for tok in doc:
        if tok.i in starts:
            n = starts[tok.i]
        sent_of.append(n)
    for sp in doc.spans["kg"]:
        cat, _, value = sp.label_.partition(":")
        by_sent.setdefault(sent_of[sp.start], []).append(Mention(cat, value, sp.start_char, sp.end_char, sp.text))
    out = []
    for n, s in enumerate(doc.sents):
        if not any(ch.isalpha() for ch in s.text):
            continue
        out.append(Sent(len(out), s, by_sent.get(n, []), find_dates(s.text, lang, published)))
    return out


def trigger_kind(s: Sent, lang: str) -> str | None:
    """The meeting kind a sentence reports, or None when it reports no meeting."""
    if s.cue("future") and not s.cue("signed"):
        return None
    if not s.cue(*EVENT_CUES):
        return None
    anchor = s.has("COMMISSION") or s.cue("cochair", "delegation", "president") or s.has("PERSON") or s.has("COUNTRY")
    if not anchor:
        return None
    return kind_of(s, lang)


def kind_of(s: Sent, lang: str) -> str:
    if s.cue("working-group"):
        return "working-group"
    if s.cue("cochair") and s.cue("meeting", "video", "phone") and not s.cue("received"):
        return "co-chairs-meeting"
    if s.has("COMMISSION") and (s.cue("session") or find_ordinal(s, lang) is not None):
        return "commission-session"
    if s.has("COMMISSION") and s.cue("meeting") and not s.cue("received", "president"):
        return "commission-session"
    return "other"


@dataclass(slots=True)
class Segment:
    kind: str
    trigger: Sent
    sents: list[Sent]


def segment(sents: list[Sent], lang: str) -> list[Segment]:
    """Split the article's sentences into meetings (rule 3)."""
    segs: list[Segment] = []
    lead: list[Sent] = []
    for s in sents:
        kind = trigger_kind(s, lang)
        if kind is None:
            (segs[-1].sents if segs else lead).append(s)
            continue
        if not segs:
            segs.append(Segment(kind, s, lead + [s]))
            continue
        cur = segs[-1]
        cur_date = _explicit_date(cur.trigger)
        new_date = _explicit_date(s)
        reception = s.cue("received") or cur.trigger.cue("received")
        if (new_date and cur_date and new_date != cur_date) or (kind != cur.kind and reception):
            segs.append(Segment(kind, s, [s]))
        else:
            cur.sents.append(s)
    return segs


def _explicit_date(s: Sent) -> str | None:
    return s.dates[0].date if s.dates else None


def build_meetings(doc: Doc, lang: str, published: str | None) -> list[Meeting]:
    sents = sentences(doc, lang, published)
    return [_fill(seg, lang, doc) for seg in segment(sents, lang)]


def _ordered(seg: Segment) -> list[Sent]:
    return [seg.trigger] + [s for s in seg.sents if s is not seg.trigger]


def _fill(seg: Segment, lang: str, doc: Doc) -> Meeting:
    m = Meeting(kind=seg.kind)
    lex = lexicon(lang)
    ordered = _ordered(seg)
    present = [s for s in ordered if not s.cue("future")]
    m.commission = next((x.value for s in ordered for x in s.values("COMMISSION")), None)
    # date: the trigger's, else the first in an event sentence, else in the lead
    for s in [seg.trigger] + [s for s in present if s.cue(*EVENT_CUES)] + present:
        if s.dates:
            m.date = s.dates[0].date
            m.evidence["date"] = s.evidence()
            break
    # ordinal
    for s in present:
        if s.cue("session", "meeting", "working-group"):
            n = find_ordinal(s, lang)
            if n is not None:
                m.ordinal = n
                m.evidence["ordinal"] = s.evidence()
                break
    # format
    for cue, fmt in (("video", "video"), ("phone", "phone")):
        s = next((s for s in present if s.cue(cue)), None)
        if s is not None:
            m.format = fmt
            m.evidence["format"] = s.evidence()
            break
    # city (not for calls)
    if m.format is None:
        for s in present:
            cities = s.values("CITY")
            if cities:
                m.city = lex.labels.get(("CITY", cities[0].value), cities[0].value)
                m.evidence["city"] = s.evidence()
                break
        if m.city or any(s.cue("visit", "received", "meeting", "session") for s in present):
            m.format = "in-person"
            m.evidence.setdefault("format", (next((s for s in present if s.values("CITY")), seg.trigger)).evidence())
    # people
    post_spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    for s in ordered:
        for p, (ps, pe) in find_people(s, lang, doc):
            if p.post:
                post_spans.append((ps, pe))
            if p.key in seen:
                continue
            seen.add(p.key)
            p.evidence = s.evidence()
            if _is_cochair(p, s, seg):
                m.cochairs.append(p)
            else:
                m.participants.append(p)
    # areas
    excluded = post_spans + [(x.start, x.end) for s in ordered for x in s.values("COMMISSION")]
    for s in ordered:
        for a in s.values("AREA"):
            if any(x0 <= a.start and a.end <= x1 for x0, x1 in excluded):
                continue
            if a.value not in m.areas:
                m.areas.append(a.value)
                m.evidence[f"area:{a.value}"] = s.evidence()
    # agreements
    s = next((s for s in present if s.cue("signed")), None)
    if s is not None:
        m.agreements_signed = True
        m.evidence["agreements_signed"] = s.evidence()
    m.evidence.setdefault("kind", seg.trigger.evidence())
    return m


def _is_cochair(p: Person, s: Sent, seg: Segment) -> bool:
    if p.country not in ("TM", "RU"):
        return False
    if s.cue("cochair"):
        return True
    if seg.kind in ("commission-session", "working-group") and s.cue("delegation"):
        return True
    return bool(p.post and re.search(r"co.?chair|сопредседател|eş ?başkan", p.post, re.I))
