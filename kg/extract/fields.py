"""Fields stage: a meeting's date, number, format, city, areas and signing, read from its
segment's sentences, trigger first."""

from __future__ import annotations

import datetime as dt

from ..model import Meeting
from .dateline import OPENING, header_line, is_dateline
from .lexicon import lexicon
from .morph import FUTURE, HELD, NEGATED, NONFINITE, PRESENT, grammar
from .normalize import fold
from .ordinals import find_ordinal
from .roles import fill_people, pair_chairs, singular_role
from .segment import Segment, past_month, past_year, plausible, third_party
from .sentences import Mention, Sent, locative, people
from .status import clause_of, complementizer, event_status, words, words_between

DATELINE_GAP = 40  # characters between a dateline's city and its date
HEAD_AFTER = 2  # words between a field word and the head noun of a name after it ("Economic Forum")
HEAD_BEFORE = 4  # words between the head noun of a name and a field word after it ("Ministry of Agriculture")
DESTINATION_GAP = 3  # words between a visit word and the country it goes to ("visit of the President to")
CAPITAL_GAP = 1  # words between a capital word and its country ("the capital of Russia")
NAME_TAIL = 160  # how far "on ... cooperation" after a commission may still be part of its name


def _ordered(seg: Segment) -> list[Sent]:
    return [seg.trigger] + [s for s in seg.sents if s is not seg.trigger]


def _from_trigger(seg: Segment) -> list[Sent]:
    return [seg.trigger] + [s for s in seg.sents if s.i > seg.trigger.i]


def _fill(
    seg: Segment, lang: str, sents: list[Sent], published: str | None, earlier: list[Meeting], called: set[str]
) -> Meeting:
    """The meeting a segment reports, field by field."""
    m = Meeting(kind=seg.kind)
    lex = lexicon(lang)
    ordered = _ordered(seg)
    present = [s for s in ordered if s.reported]
    prev = earlier[-1] if earlier else None
    m.commission = next((x.value for s in ordered for x in s.values("COMMISSION")), None)
    _date(m, seg, sents, published, prev)
    # only a session or a working group's meeting has a number: a reception, talks or a co-chairs'
    # meeting have none (the number they speak of is the session they prepare)
    if m.kind in ("commission-session", "working-group"):
        _ordinal(m, present, lang)
    _format(m, seg, present, prev, lex, earlier)
    fill_people(m, seg, [s for s in _from_trigger(seg) if _about_this(s, seg, m)], lang, called)
    # talks between the two sides' co-chairs (not a reception) are a co-chairs' meeting; so are
    # talks the report goes on to tell as the co-chairs' ("The co-chairs reviewed ...")
    reception = any(t.held("received") for t in seg.triggers)
    if m.kind == "other" and not reception and set(lex.sides) <= {p.country for p in m.cochairs}:
        m.kind = "co-chairs-meeting"
    elif m.kind == "other" and not reception and any(_the_co_chairs(s, lang) for s in present):
        m.kind = "co-chairs-meeting"
        pair_chairs(m, lang, [])
    _areas(m, seg, ordered, lex)
    s = next((s for s in present if s.held("signed") and _about_this(s, seg, m)), None)
    if s is not None:
        m.agreements_signed = True
        m.evidence["agreements_signed"] = s.evidence()
    m.evidence.setdefault("kind", seg.trigger.evidence())
    return m


def _ordinal(m: Meeting, present: list[Sent], lang: str) -> None:
    for s in present:
        if s.cue("session", "meeting", "working-group"):
            n = find_ordinal(s, lang)
            if n is not None:
                m.ordinal = n
                m.evidence["ordinal"] = s.evidence()
                return


def _format(m: Meeting, seg: Segment, present: list[Sent], prev: Meeting | None, lex, earlier: list[Meeting]) -> None:
    """A call or video cue (in the trigger, or a call reported as held: not "during a telephone
    conversation not long ago, we agreed ..."), else the previous meeting's call format when
    this one names no place, else in person when a city, visit, reception or meeting is named."""
    for cue in ("video", "phone"):
        s = next(
            (
                s
                for s in present
                if s.cue(cue) and (s is seg.trigger or any(s.status(c) in (HELD, PRESENT) for c in s.cues(cue)))
            ),
            None,
        )
        if s is not None:
            m.format = cue
            m.evidence["format"] = s.evidence()
            return
    if (
        prev is not None
        and prev.format in ("video", "phone")
        and not seg.trigger.undated()
        and not any(s.values("CITY") or s.cue("visit", "received") for s in present)
    ):
        m.format = prev.format
        m.evidence["format"] = prev.evidence["format"]
        return
    _city(m, seg, present, lex, earlier)
    if m.city or any(s.cue("visit", "received", "meeting") for s in present):
        m.format = "in-person"
        m.evidence.setdefault("format", (next((s for s in present if s.values("CITY")), seg.trigger)).evidence())


def _areas(m: Meeting, seg: Segment, ordered: list[Sent], lex) -> None:
    """The fields the meeting's own sentences say were discussed, outside names and posts and
    outside a negated clause."""
    excluded = [r for s in ordered for r in _name_ranges(s, lex) + _institution_ranges(s)]
    excluded += [(f.post_start, f.post_end) for s in ordered for f in people(s, lex.lang)]
    excluded += [r for s in ordered for r in _setting_ranges(s)]
    for s in ordered:
        if not (s.reported or _said_of_the_future(s)) or not _about_this(s, seg, m):
            continue
        if s.text.rstrip(" \"'»”").endswith("?"):
            continue  # a question (an interviewer's) says nothing was discussed
        found = s.values("AREA")
        for a in found + _international(s):
            if any(x0 <= a.start and a.end <= x1 for x0, x1 in excluded):
                continue
            if any(
                b.end <= a.start
                and b.value in lex.generic_heads.get(a.value, ())
                and not s.doc_text[b.end : a.start].strip(" -")
                for b in found
            ):
                continue  # the head of another field's name: "gas industry", «нефтегазовой промышленности»
            status = event_status(s, a)
            if status == NEGATED:  # "energy was not discussed", «не обсуждали», "görüşülmedi"
                continue
            if a.value not in m.areas:
                m.areas.append(a.value)
                m.evidence[f"area:{a.value}"] = s.evidence()


SETTING_REACH = 3  # words between "on the sidelines of" and the multilateral event it names


def _setting_ranges(s: Sent) -> list[tuple[int, int]]:
    """The phrases naming the event a meeting took place on the sidelines of ("on the sidelines of the
    CIS summit", «на полях саммита СНГ», "BDT zirvesi marjında"): its name is no field discussed."""
    return [
        (min(b.start, u.start), max(b.end, u.end))
        for b in s.cues("sidelines")
        for u in s.cues("multilateral")
        if words_between(s, b, u) <= SETTING_REACH
    ]


def _the_co_chairs(s: Sent, lang: str) -> bool:
    """Whether the sentence names its subject only as "the co-chairs" (a plural co-chair word, no
    person named): "Eş başkanlar ... değerlendirdi", «Сопредседатели обсудили»."""
    return not people(s, lang) and any(not singular_role(c, lang) for c in s.cues("cochair"))


def _said_of_the_future(s: Sent) -> bool:
    """A speech about the future, made at the meeting ("he said Russia will remain a key partner
    in gas", "...ortak olmaya devam edeceğini söyledi"): its fields were discussed, unless it
    announces an event (then it is about that event)."""
    if s.aside or not s.future or s.all_event_cues():
        return False
    return any(w.reporting for w in words(s))


def _date(m: Meeting, seg: Segment, sents: list[Sent], published: str | None, prev: Meeting | None) -> None:
    """The trigger's date; unless the trigger says "earlier"/"recently": else the nearest
    date in the two sentences before it, in the meeting's other triggers, in the two
    sentences after it; else the previous meeting's date ("then, ..."); else, for the
    first meeting, the first date before it or in the article's opening (a dateline,
    a photo caption)."""
    t = seg.trigger
    if seg.date:  # a meeting told in one dated clause of its trigger
        m.date = seg.date
        m.evidence["date"] = t.evidence()
        return
    shift = 1 if t.cue("day-after") else -1 if t.cue("day-before") else 0
    if shift and not t.event_dates():  # "the next day", «накануне»: from the previous meeting's date
        if prev is not None and prev.date:
            m.date = (dt.date.fromisoformat(prev.date) + dt.timedelta(days=shift)).isoformat()
            m.evidence["date"] = t.evidence()
        return
    cands: list[Sent] = [t]
    if not t.undated():
        # the meeting's other trigger sentences first ("Lavrov received Meredov yesterday" after a
        # headline), then the sentences just before (a lead, a digest's "today's headlines") and after
        cands += [s for s in seg.triggers if s is not t]
        cands += [s for s in reversed(sents[max(0, t.i - 2) : t.i]) if s.reported and s.kind is None]
        cands += [s for s in sents[t.i + 1 : t.i + 3] if s.reported and s.kind is None]
    if t.cue("sidelines"):  # "on the summit's sidelines": the summit's date, told before (the last told)
        cands += [s for s in sents[: t.i] if (s.setting or s.kind == "multilateral") and s.event_dates()][-1:]
    for s in cands:
        d = next((d for d in s.event_dates() if plausible(d, published) and d.date not in seg.not_dates), None)
        if d is not None:
            m.date = d.date
            m.evidence["date"] = s.evidence()
            return
    if t.undated():
        return
    # "today", "on Thursday" in any sentence of the meeting that names an event
    for s in seg.sents:
        if not s.event_cues():
            continue
        rel = s.values("RELDAY") + s.values("WEEKDAY")
        d = next(
            (
                d
                for d in s.event_dates()
                if d.date not in seg.not_dates and any(s.start + d.start <= r.start < s.start + d.end for r in rel)
            ),
            None,
        )
        if d is not None and s.reported:
            m.date = d.date
            m.evidence["date"] = s.evidence()
            return
    if prev is not None:
        if not prev.date:
            _weekday(m, t)
        if prev.date:
            m.date = prev.date
            m.evidence["date"] = prev.evidence["date"]
        return
    for s in sents[: max(t.i, OPENING)]:
        d = next((d for d in s.dates if plausible(d, published) and not is_dateline(s, d)), None)
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
    """The city in the trigger, else one written as a place ("in Moscow", "arrived in
    Ashgabat") in the meeting's sentences, else the last earlier in-person meeting's city.
    else the city of the dateline ("ASHGABAT, June 25 (Trend)", "July 4, 2008, Ashgabat").
    A city inside a person's name is none;
    a city named otherwise ("Moscow values ...", "for Moscow and Ashgabat") is the
    government, not a place."""
    # the country the text says the meeting's visit went to ("on the sidelines of Putin's visit to
    # Turkmenistan"): a dateline city elsewhere is the agency's office
    visited = {x.value for s in present for x in _destinations(s)}
    if seg.trigger.cue("sidelines"):  # the summit's place, told before ("The summit was held in Astana")
        setting = [s for s in seg.sents if s.i < seg.trigger.i and (s.setting or s.kind == "multilateral")]
        present = present + [s for s in setting if s.values("CITY")][-1:]
    cands = [
        # the trigger's city first, unless it is no place there ("cargo between the ports of X and Y")
        # and another sentence of the meeting names one ("arrived in Y")
        (0 if s is seg.trigger and locative(c, s) else 1 if not _in_dateline(c, s) else 3, i, c, s)
        for i, s in enumerate(present)
        for c in s.values("CITY") + [k for k in _capitals(s, lex) if locative(k, s) or s.cue("visit")]
        if (
            s is seg.trigger
            or locative(c, s)
            or _hosts(c, s)
            or s.cue("visit")
            # a transcript's header line ("September 3, 2011, Dushanbe") places the event; an agency's
            # dateline in a third country ("BISHKEK, 10 October (Kabar)") is the agency's office, not the
            # place of a meeting of the two sides
            or (header_line(s) and _in_dateline(c, s) and c.start >= s.start + s.dates[0].end)
            or (
                _in_dateline(c, s)
                and lex.city_countries.get(c.value, lex.sides[0]) in lex.sides
                and lex.city_countries.get(c.value) in (visited or {lex.city_countries.get(c.value)})
            )
        )
        and not any(f.start <= c.start < f.end for f in people(s, lex.lang))
        and not _reported_clause(c, s)
        and event_status(s, c) not in (NONFINITE, NEGATED)  # "agreed to meet in Ashgabat later this year"
        # another sentence's city is the meeting's only if that sentence tells of it (or of the visit it is
        # part of): not of a meeting recalled ("the Presidents met in Moscow in March") or planned ("it
        # was noted that the next session will be held in Moscow")
        and (s is seg.trigger or s.cue("visit") or _tells_of(s, c, seg, m))
    ]
    last = next((e for e in reversed(earlier) if e.city), None)
    if last is not None:
        cands.append((2, 0, None, None))
    if not cands:
        return
    _, _, c, s = min(cands, key=lambda t: (t[0], t[2] is None or not locative(t[2], t[3]), t[1]))
    if c is None:
        m.city = last.city
        m.evidence["city"] = last.evidence["city"]
    else:
        m.city = lex.labels.get(("CITY", c.value), c.value)
        m.evidence["city"] = s.evidence()


def _tells_of(s: Sent, c: Mention, seg: Segment, m: Meeting) -> bool:
    """Whether a sentence of the meeting's segment other than its trigger tells of the meeting where
    it names city ``c``: about it (``_about_this``), the city not in a clause about the future, and not
    only events that did not take place."""
    if event_status(s, c) == FUTURE or not _about_this(s, seg, m):
        return False
    return not (s.all_event_cues() and not s.event_cues())


def _destinations(s: Sent) -> list[Mention]:
    """The countries a visit goes to: after the visit word and a preposition of direction ("visit
    to Turkmenistan", «визита Президента в Туркменистан»), or just before it in a verb-final
    language ("Türkmenistan ziyareti", "Türkmenistana sapar")."""
    out = []
    sov = grammar(s.lang).verb_final
    for v in s.cues("visit"):
        for x in s.values("COUNTRY"):
            if sov:
                if x.end <= v.start and words_between(s, x, v) == 0:
                    out.append(x)
            elif v.end <= x.start and words_between(s, v, x) <= DESTINATION_GAP:
                if any(0 <= x.start - d.end <= 2 for d in s.cues("direction", "locative")):
                    out.append(x)
    return out


def _capitals(s: Sent, lex) -> list[Mention]:
    """A capital named by its country ("the Turkmen capital", "the capital of Russia", «в
    российской столице», "Rusya'nın başkentinde", "Türkmenistanyň paýtagtynda"), as a mention of
    that city (``tmru:capital`` in the gazetteer)."""
    out = []
    countries = [x for x in s.values("COUNTRY") if x.value in lex.capitals]
    for c in s.cues("capital"):
        near = [(words_between(s, x, c), x) for x in countries if clause_of(s, x.start) == clause_of(s, c.start)]
        near = [(gap, x) for gap, x in near if gap <= CAPITAL_GAP]
        if near:
            x = min(near, key=lambda t: t[0])[1]
            a, b = min(x.start, c.start), max(x.end, c.end)
            out.append(Mention("CITY", lex.capitals[x.value], a, b, s.doc_text[a:b]))
    home = grammar(s.lang).home_country
    if home in lex.capitals:  # "paýtagtymyzda": our capital
        out += [Mention("CITY", lex.capitals[home], c.start, c.end, c.text) for c in s.cues("our-capital")]
    return out


def _reported_clause(c: Mention, s: Sent) -> bool:
    """Whether a city stands in a clause reported after "that"/«что», past the sentence's event
    word ("during the meeting he said that Ashgabat awaits Putin's visit")."""
    events = [m.end for m in s.event_cues()]
    cut = complementizer(s, min(events)) if events else None
    return cut is not None and cut < c.start


def _hosts(c: Mention, s: Sent) -> bool:
    """Whether a city is the subject of a hosting verb ("Ashgabat hosted the session")."""
    return any(0 <= h.start - c.end <= 2 for h in s.cues("held"))


def _in_dateline(c: Mention, s: Sent) -> bool:
    """Whether a city stands in the article's dateline (just before or after its date)."""
    return header_line(s) or any(
        is_dateline(s, d) and -DATELINE_GAP <= c.start - (s.start + d.start) <= d.end - d.start + DATELINE_GAP
        for d in s.dates
    )


def _about_this(s: Sent, seg: Segment, m: Meeting) -> bool:
    """Whether a sentence of the meeting's segment can speak of the meeting itself: not a
    caption in brackets, not an event dated earlier, not another dated event."""
    if s in seg.triggers:
        return True
    text = s.text.strip()
    if text.startswith("(") and text.endswith(")"):
        return False  # a photo caption, a source note
    if s.undated() or (not s.dates and (past_year(s, s.published, said=True) or past_month(s, s.published))):
        return False  # "earlier, ...", "in June 2022, the two countries signed ..."
    if any(not s.doc_text[s.start : u.start].strip(" \t\n\"'«“—–-") for u in s.cues("undated")):
        return False  # opened by "Earlier," (the CIS leaders adopted a statement ...): another occasion
    if s.all_event_cues() and third_party(s, s.lang):
        return False  # "Turkmen and Iranian officials met in Tehran to discuss gas"
    if m.date:
        return all(d.date == m.date for d in s.event_dates() if d.explicit_year)
    # a statement dated to a month ("in September Putin said that ...") is another event; a month
    # inside what was discussed ("the agreements signed in November") is not (English month names
    # are capitalised: "may" is a verb)
    dated = any(mo.text[:1].isupper() or s.lang != "en" for mo in s.values("MONTH"))
    return not (dated and any(w.reporting for w in words(s)))


def _international(s: Sent) -> list[Mention]:
    """A multilateral body or event discussed (the CIS, the Caspian summit being prepared) is
    the field of international cooperation."""
    return [Mention("AREA", "international", m.start, m.end, m.text) for m in s.cues("multilateral")]


def _institution_ranges(s: Sent) -> list[tuple[int, int]]:
    """Field words inside the name of a body or an event: a field word with the name's head
    noun (``institution`` cue) just after it ("Economic Forum", "oba hojalyk ministrligi",
    "oil and gas companies") or a few words before it ("Ministry of Agriculture",
    "Группа ... по поддержке торговли")."""
    names = [m for m in s.mentions if m.cat in ("COUNTRY", "CITY", "PERSON", "COMMISSION")]
    # not the head of a country's name ("Russian Federation", "Russiýa Federasiýasynyň")
    # the head noun of a body, or a post ("oba hojalyk ministri", "Minister of Agriculture")
    heads = [
        h
        for h in s.cues("institution", "post")
        if not any(n.start <= h.start < n.end or words_between(s, n, h) == 0 < h.start - n.end for n in names)
    ]
    links = [m for m in s.cues("namelink")]
    head_final = grammar(s.lang).head_final
    out = []
    for a in s.values("AREA"):
        for h in heads:
            gap = words_between(s, a, h)
            after = h.start >= a.end and gap <= HEAD_AFTER
            # a head before: "Ministry of Agriculture", "Группа ... по поддержке торговли" (not in a
            # head-final language: "Bakanlar ulaştırmayı görüştü" is ministers discussing transport)
            before = (
                not head_final
                and h.end <= a.start
                and gap <= HEAD_BEFORE
                and (gap == 0 or any(h.end <= k.start and k.end <= a.start for k in links))
            )
            if after or before:
                out.append((a.start, a.end))
                break
    return out


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
        tail = text[b : min(s.end, b + NAME_TAIL)]
        first = tail.split(None, 1)[0] if tail.strip() else ""
        coop = [c.end for c in s.cues("cooperation") if b <= c.start <= b + NAME_TAIL]
        if coop and "." not in text[b : coop[0]] and lex.single(fold(first, lex.lang), "CUE") == "namelink":
            b = coop[0]
        out.append((a, b))
    return out
