"""Merge rules as pure functions: which reports are one meeting, its IRI key, and its one value per property.

A *report* is one article's account of one meeting.  ``cluster`` maps a set of reports to meeting
keys; it depends only on the set (never on the order in which reports arrive), so the store can
recompute the clusters touched by an ingest and get the same graph for the same articles in any
order, any batching, and after remove + re-add.  ``choose`` picks the one value of a functional
property from the values the sources give.  The planner (``kg.resolve.plan``) feeds both from the store's
article graphs; docs/architecture.md ("Merge rules") states the same rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

#: kinds of one meeting that sources may call differently (a commission session ~ a co-chairs' meeting)
GROUPS = {"commission-session": "commission", "co-chairs-meeting": "commission"}
#: share of an undated report's areas a dated meeting must also have for the report to join it
AREA_AGREEMENT = 0.6
#: tie-breaks of ``choose`` (higher = more specific); values not listed rank 0, then the smallest wins
SPECIFICITY: dict[str, dict[str, int]] = {
    "kind": {"commission-session": 3, "co-chairs-meeting": 2, "working-group": 1, "other": 0},
    "format": {"video": 2, "phone": 2, "in-person": 1},
    "agreementsSigned": {"true": 1, "false": 0},
}


def kind_group(kind: str) -> str:
    """``commission`` for both commission kinds, else the kind itself."""
    name = kind.rsplit("#", 1)[-1]
    return GROUPS.get(name, name)


@dataclass(frozen=True, slots=True)
class Report:
    """One article's account of one meeting (IRIs and lexical values)."""

    key: str  # ``{doc key}-{n}``: stable for the article, whatever meeting it joins
    doc: str
    kind: str
    date: str | None = None
    commission: str | None = None
    city: str | None = None
    format: str | None = None
    ordinal: str | None = None
    weekday: int | None = None
    people: frozenset[str] = field(default_factory=frozenset)
    areas: frozenset[str] = field(default_factory=frozenset)


def day_gap(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def score(a: Report, b: Report) -> int:
    """How strongly two dated reports look like one meeting (0: not the same meeting); symmetric.

    Same kind group and no different commissions; then the same day with the same commission or a
    shared participant, or a day apart with a shared participant (and no clash of cities), the same
    city, or the same commission and session number.  Weights: same day 4, same commission 2, same
    session 2, each shared person 1, same city 1."""
    if a.doc == b.doc or not (a.date and b.date) or kind_group(a.kind) != kind_group(b.kind):
        return 0
    if a.commission and b.commission and a.commission != b.commission:
        return 0
    gap = day_gap(a.date, b.date)
    if gap > 1:
        return 0
    shared = len(a.people & b.people)
    same_com = a.commission is not None and a.commission == b.commission
    same_city = a.city is not None and a.city == b.city
    same_session = same_com and a.ordinal is not None and a.ordinal == b.ordinal
    if gap == 0:
        ok = same_com or shared > 0
    else:
        city_clash = bool(a.city and b.city and a.city != b.city)
        ok = (shared > 0 and not city_clash) or same_city or same_session
    return (4 * (gap == 0) + 2 * same_com + shared + 2 * same_session + same_city) if ok else 0


class _Clusters:
    """Union-find over report keys that refuses joins breaking a meeting's invariants."""

    def __init__(self, reports: list[Report]) -> None:
        self.parent = {r.key: r.key for r in reports}
        self.members = {r.key: [r] for r in reports}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def can_join(self, a: str, b: str) -> bool:
        ra, rb = self.members[self.find(a)], self.members[self.find(b)]
        if {r.doc for r in ra} & {r.doc for r in rb}:
            return False  # two meetings of one article are two meetings
        coms = {r.commission for r in (*ra, *rb) if r.commission}
        dates = [r.date for r in (*ra, *rb) if r.date]
        return len(coms) <= 1 and (not dates or day_gap(min(dates), max(dates)) <= 1)

    def join(self, a: str, b: str) -> None:
        ra, rb = sorted((self.find(a), self.find(b)))
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)

    def groups(self) -> list[list[Report]]:
        return [sorted(m, key=lambda r: r.key) for m in self.members.values()]


def _attach_undated(c: _Clusters, undated: list[Report]) -> None:
    """An undated report that names a weekday joins the one dated meeting of the same commission,
    kind group and format held on that weekday that has >= 60 % of its areas (unique best only)."""
    for r in undated:
        if not (r.weekday and r.commission and r.format and r.areas):
            continue
        scored = []
        for root, members in sorted(c.members.items()):
            dated = [m for m in members if m.date]
            if not dated or r.doc in {m.doc for m in members}:
                continue
            if kind_group(dated[0].kind) != kind_group(r.kind) or r.commission not in {m.commission for m in members}:
                continue
            if r.format not in {m.format for m in members}:
                continue
            if not any(dt.date.fromisoformat(m.date[:10]).isoweekday() == r.weekday for m in dated):
                continue
            areas = frozenset().union(*(m.areas for m in members))
            scored.append((len(r.areas & areas) / len(r.areas), root))
        scored.sort(key=lambda s: (-s[0], s[1]))
        if scored and scored[0][0] >= AREA_AGREEMENT and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            c.join(scored[0][1], r.key)


def choose(prop: str, values: Iterable[tuple[str, str]]) -> str | None:
    """The one value of a functional property from ``(value, source)`` pairs.

    Rule: the value the most sources give; a tie goes to the more specific value (``SPECIFICITY``:
    commission session > co-chairs' meeting > working group > other; video, phone > in person;
    signed > not signed), then to the smallest value (earliest date, lowest session number, first
    IRI).  None without values."""
    by_value: dict[str, set[str]] = {}
    for v, src in values:
        by_value.setdefault(v, set()).add(src)
    return choose_counts(prop, {v: len(srcs) for v, srcs in by_value.items()})


def choose_counts(prop: str, counts: dict[str, int]) -> str | None:
    """``choose`` from the number of sources giving each value."""
    if not counts:
        return None
    rank = SPECIFICITY.get(prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1], {})
    return min(counts, key=lambda v: (-counts[v], -rank.get(v.rsplit("#", 1)[-1], 0), _order(v)))


def _order(v: str) -> tuple[int, str]:
    return (0, f"{int(v):020d}") if v.isdigit() else (1, v)


def _edges(dated: list[Report]) -> list[tuple[int, str, str]]:
    """``(-score, key, key)`` of every pair of ``dated`` (sorted by key) with a positive score.  Only
    reports at most a day apart can score, so pairs are taken within a day and with the next day
    (linear in the reports for a spread of dates, where all pairs would be quadratic)."""
    by_day: dict[dt.date, list[Report]] = {}
    for r in dated:
        by_day.setdefault(dt.date.fromisoformat(r.date[:10]), []).append(r)  # type: ignore[index]
    edges = []
    one = dt.timedelta(days=1)
    for day, here in by_day.items():
        near = [*here, *by_day.get(day + one, ())]
        for i, a in enumerate(here):
            for b in near[i + 1 :]:
                s = score(a, b)
                if s:
                    edges.append((-s, *sorted((a.key, b.key))))
    return edges


def cluster(reports: Iterable[Report]) -> dict[str, str]:
    """Report key -> meeting key, a function of the set of reports only.

    1. Dated reports: every pair with ``score`` > 0, strongest first (ties by report keys), joins
       the two groups unless that would put two reports of one article, two commissions or dates
       more than a day apart into one meeting.
    2. Undated reports naming a weekday may join a dated meeting (``_attach_undated``).
    3. A meeting with a date is keyed ``{date}-{kind}`` with its chosen date and kind; meetings
       sharing that key are numbered ``-2``, ``-3``… in the order of their smallest report key.
       A meeting without a date keeps its report's key."""
    reps = sorted({r.key: r for r in reports}.values(), key=lambda r: r.key)
    c = _Clusters(reps)
    for _, a, b in sorted(_edges([r for r in reps if r.date])):
        if c.find(a) != c.find(b) and c.can_join(a, b):
            c.join(a, b)
    _attach_undated(c, [r for r in reps if not r.date])
    keyed: dict[str, list[list[Report]]] = {}
    out: dict[str, str] = {}
    for members in c.groups():
        day = choose("date", ((r.date, r.doc) for r in members if r.date))
        if day is None:
            out.update({r.key: r.key for r in members})
            continue
        kind = choose("kind", ((r.kind, r.doc) for r in members))
        keyed.setdefault(f"{day}-{kind}", []).append(members)
    for base, groups in keyed.items():
        for n, members in enumerate(sorted(groups, key=lambda g: g[0].key), 1):
            out.update({r.key: base if n == 1 else f"{base}-{n}" for r in members})
    return out


__all__ = ["Report", "cluster", "choose", "choose_counts", "score", "kind_group", "SPECIFICITY", "AREA_AGREEMENT"]
