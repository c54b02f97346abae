"""Roles stage: who took part in a meeting, and who co-chaired it for which side."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Meeting, Person
from .lexicon import lexicon
from .morph import MODIFIER, grammar, singular_noun
from .names import Found
from .sentences import Mention, Sent, people
from .status import words

if TYPE_CHECKING:
    from .segment import Segment

CONTEXT_CHAIRS = 2  # sentences before a co-chairs' meeting's report that may name its co-chairs


def fill_people(m: Meeting, seg: Segment, ordered: list[Sent], lang: str, called: set[str]) -> None:
    """Co-chairs and other participants of the meeting; adds to ``called`` the people a
    co-chair cue names."""
    seen: set[str] = set()
    for s in ordered:
        if s is not seg.trigger and (not s.reported or s.cue("decree")):
            continue  # people recalled, announced or appointed do not take part
        found = people(s, lang)
        by_cue = _called(found, s)
        called.update(found[i].person.key for i in by_cue)
        chairs = by_cue | _leads(found, s, seg)
        for i, f in enumerate(found):
            p = f.person
            if p.key in seg.not_partners:
                continue
            if p.key in seen:
                if i in chairs and p.country in lexicon(lang).sides:
                    _promote(m, p.key)
                continue
            seen.add(p.key)
            q = replace(p, evidence=s.evidence())
            (m.cochairs if i in chairs and p.country in lexicon(lang).sides else m.participants).append(q)
    if seg.kind == "co-chairs-meeting":
        pair_chairs(m, lang, [s for s in seg.sents if s.i < seg.trigger.i and s.reported])
    if seg.kind == "working-group":
        _group_chairs(m, ordered)


def _group_chairs(m: Meeting, sents: list[Sent]) -> None:
    """At a working group, "co-chairs" are the group's: only a person whose post names the
    commission ("co-chair of the Intergovernmental Commission") co-chairs the commission."""
    for p in list(m.cochairs):
        s = next((s for s in sents if s.evidence() == p.evidence), None)
        post = p.post or ""
        if s is None or not any(c.text in post for c in s.values("COMMISSION")):
            m.cochairs.remove(p)
            m.participants.append(p)


def pair_chairs(m: Meeting, lang: str, lead: list[Sent]) -> None:
    """A co-chairs' meeting is held by the co-chairs: where a side has none yet, the first
    participant named on that side leads it ("the co-chairs met. Meredov and Overchuk
    discussed ...": the role in the headline, the names in the next sentence), else the
    last person of that side named just before the meeting's report ("Overchuk praised ...
    The Vice-Premier took part in the meeting of the co-chairs")."""
    have = {p.country for p in m.cochairs}
    for side in lexicon(lang).sides:
        if side in have:
            continue
        first = next((p for p in m.participants if p.country == side), None)
        if first is not None:
            _promote(m, first.key)
            continue
        before = [(s, f) for s in lead[-CONTEXT_CHAIRS:] for f in people(s, lang) if f.person.country == side]
        if before:
            s, f = before[-1]
            m.cochairs.append(replace(f.person, evidence=s.evidence()))


def called_everywhere(meetings: list[Meeting], called: set[str]) -> None:
    """A person the article calls a co-chair is a co-chair at every meeting they attend (for
    the same side)."""
    chairs = {p.key: p.country for m in meetings for p in m.cochairs if p.key in called}
    for m in meetings:
        for p in list(m.participants):
            if chairs.get(p.key, "-") == p.country:
                _promote(m, p.key)


def _promote(m: Meeting, key: str) -> None:
    for p in list(m.participants):
        if p.key == key:
            m.participants.remove(p)
            m.cochairs.append(p)


def _joined(gap: str, lang: str) -> bool:
    """Whether two names are joined: only "and" (and commas) between them, not nothing at all."""
    return bool(re.search(r"\w", gap)) and _only(gap, lang, "join", 2)


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
            for i in inside:
                # a plural post after the names belongs to all the names joined before it
                after = found[i].post_start >= found[i].end and not singular_role(c, s.lang, s)
                out.update(_joined_back(found, i, text, s.lang) if after else [i])
            continue
        after = [i for i, f in enumerate(found) if f.start >= c.end]
        before = [i for i, f in enumerate(found) if f.end <= c.start]
        if before and _only(text[found[before[-1]].end : c.start], s.lang, "relative", 2):
            out.update(
                _joined_back(found, before[-1], text, s.lang) if not singular_role(c, s.lang, s) else [before[-1]]
            )
            continue
        if after and _gap(text, c.end, found[after[0]].post_start, s) <= 80:
            out.add(after[0])
            for j in after[1:]:
                if _joined(text[found[j - 1].end : found[j].post_start], s.lang):
                    out.add(j)
                else:
                    break
        elif before and c.start - found[before[-1]].end <= 120:
            out.update(
                _joined_back(found, before[-1], text, s.lang) if not singular_role(c, s.lang, s) else [before[-1]]
            )
    return out


def singular_role(c: Mention, lang: str, s: Sent | None = None) -> bool:
    """Whether a co-chair word is a singular noun (one person's role, not a joined pair's); not when
    the verb of ``s`` follows it in a verb-final language, making it the act of co-chairing
    ("Meredov ile Overçuk eş başkanlık etti")."""
    word = re.findall(r"[^\W\d_]+", c.text)
    if not (word and singular_noun(word[-1], lang)):
        return False
    if s is not None and grammar(lang).verb_final:
        nxt = next((w for w in words(s) if w.start >= c.end), None)
        if nxt is not None and nxt.form is not None and nxt.form.role != MODIFIER:
            return False
    return True


def _joined_back(found: list[Found], i: int, text: str, lang: str) -> list[int]:
    """Person ``i`` and the people joined to it before by "and" ("Meredov and Overchuk,
    co-chairs ...", "Мередов и Оверчук сопредседательствовали")."""
    out = [i]
    while i > 0 and _joined(text[found[i - 1].end : min(found[i].start, found[i].post_start)], lang):
        i -= 1
        out.append(i)
    return out


def delegation_heads(sents: list[Sent], lang: str) -> dict[str, tuple[int, Person]]:
    """The head of each side's delegation the article names ("the delegation headed by X"):
    side -> (sentence index, person); the first one named per side."""
    out: dict[str, tuple[int, Person]] = {}
    sides = lexicon(lang).sides
    for s in sents:
        if not s.cue("delegation") or not s.reported:
            continue
        found = people(s, lang)
        for c in s.cues("delegation"):
            f = next((f for f in found if f.start >= c.end and f.person.country in sides), None)
            if f is not None and f.person.country not in out:
                p = f.person
                out[p.country] = (s.i, replace(p, evidence=s.evidence()))
    return out


def session_heads(m: Meeting, first: int, heads: dict[str, tuple[int, Person]]) -> None:
    """At a session, a side with no co-chair is led by the head of its delegation named
    earlier in the article ("the delegation headed by X arrived ... Then the 11th session
    was held")."""
    if m.kind != "commission-session":
        return
    have = {p.country for p in m.cochairs}
    for side, (i, person) in sorted(heads.items()):
        if side not in have and i < first:
            m.participants = [p for p in m.participants if p.key != person.key]
            m.cochairs.append(person)


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
