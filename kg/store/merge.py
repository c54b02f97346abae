"""Merging at ingestion: one meeting node per real meeting, and co-chair intervals.

Both work on the store through indexed lookups (bound dates, meeting or co-chairship IRIs), never
by scanning it, so ingesting an article costs the same in an empty and in a large store.

Merge rules (see docs/architecture.md, "Merge rules"):

* a dated meeting reuses the IRI of a meeting already in the store (reported by other articles)
  whose kind is compatible (commission session ~ co-chairs' meeting; working group; other),
  whose commission does not differ, and which
  - has the same date and the same commission or a shared participant, or
  - is a day apart and shares a participant, the city, or commission and session number;
  the best-scoring candidate wins (ties: smallest IRI); two meetings of one article never merge;
* an undated meeting stays per article, unless the article names its weekday ("on Friday",
  with no published date to resolve it): then it joins the one meeting of other sources with
  the same commission, kind group and format, held on that weekday, whose discussed areas
  largely agree (>= 60 % of the report's areas are among the meeting's) -- only when exactly one meeting fits best;
* every source keeps its own values in its named graph, so conflicting values sit side by side;
* a co-chairship's interval runs from the first to the last date of the meetings showing it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..resolve import ResolvedArticle, ResolvedMeeting, area_iri, city_iri, person_iri, rekey
from ..vocab import ID
from .base import DERIVED_GRAPH, Backend
from .terms import PREFIXES, SPARQL_PREFIXES, date, iri, values

T, SCHEMA, ORG, TIME = PREFIXES["tmru"], PREFIXES["schema"], PREFIXES["org"], PREFIXES["time"]
START, KIND, COMMISSION, CITY = SCHEMA + "startDate", T + "kind", T + "commission", T + "city"
AREA, FORMAT = T + "area", T + "format"
AREA_AGREEMENT = 0.6  # share of an undated report's areas a dated meeting must have for it to join
PARTICIPANT, SESSION, COCHAIR = T + "participant", T + "sessionNumber", T + "cochair"
GROUPS = {"commission-session": "commission", "co-chairs-meeting": "commission"}


def kind_group(kind_iri_or_name: str) -> str:
    name = kind_iri_or_name.rsplit("#", 1)[-1]
    return GROUPS.get(name, name)


@dataclass(slots=True)
class Report:
    """What is known of one meeting (IRIs and lexical values), from the store or a new article."""

    iri: str
    dates: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    commissions: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    ordinals: set[str] = field(default_factory=set)
    cochairs: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    formats: set[str] = field(default_factory=set)

    def add(self, prop: str, value: str) -> None:
        slot = {START: self.dates, COMMISSION: self.commissions, CITY: self.cities, PARTICIPANT: self.people,
                SESSION: self.ordinals, COCHAIR: self.cochairs, AREA: self.areas, FORMAT: self.formats}.get(prop)
        if prop == KIND:
            self.groups.add(kind_group(value))
        elif slot is not None:
            slot.add(value)


def report_of(rm: ResolvedMeeting) -> Report:
    """The report of a meeting of the article being ingested."""
    m = rm.meeting
    r = Report(str(rm.iri), {m.date} if m.date else set(), {kind_group(m.kind)})
    if rm.commission is not None:
        r.commissions.add(str(rm.commission))
    if m.city:
        r.cities.add(str(city_iri(m.city)))
    r.people.update(str(person_iri(p.key)) for p in (*m.cochairs, *m.participants))
    if m.ordinal is not None:
        r.ordinals.add(str(m.ordinal))
    r.cochairs.update(str(ci) for _, ci in rm.cochairships)
    r.areas.update(str(area_iri(a)) for a in m.areas)
    if m.format:
        r.formats.add(T + m.format)
    return r


def score(new: Report, old: Report, day_gap: int) -> int:
    """How well ``old`` (in the store) matches ``new``; 0 = a different meeting."""
    if not new.groups & old.groups:
        return 0
    if new.commissions and old.commissions and not new.commissions & old.commissions:
        return 0
    shared = len(new.people & old.people)
    same_com = bool(new.commissions & old.commissions)
    same_city = bool(new.cities & old.cities)
    same_session = same_com and bool(new.ordinals & old.ordinals)
    if day_gap == 0:
        ok = same_com or shared > 0
    else:
        city_clash = bool(new.cities and old.cities and not same_city)
        ok = (shared > 0 and not city_clash) or same_city or same_session
    return (4 * (day_gap == 0) + 2 * same_com + shared + 2 * same_session + same_city) if ok else 0


def _near(day: str) -> list[str]:
    d = dt.date.fromisoformat(day)
    return [(d + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1)]


def _reports(backend: Backend, doc: str, meetings: set[str]) -> dict[str, Report]:
    """Everything other sources (not ``doc``) say about ``meetings``."""
    if not meetings:
        return {}
    rows = backend.query(f"""SELECT ?m ?p ?o WHERE {{ {values('m', map(iri, meetings))}
        GRAPH ?g {{ ?m ?p ?o }} FILTER(?g != <{doc}>) }}""")
    out: dict[str, Report] = {}
    for r in rows:
        m = r["m"].value
        out.setdefault(m, Report(m)).add(r["p"].value, r["o"].value)
    return out


def candidates(backend: Backend, doc: str, day: str) -> list[Report]:
    """Meetings of other sources dated ``day`` or a day apart."""
    rows = backend.query(f"""PREFIX schema: <{SCHEMA}>
        SELECT DISTINCT ?m WHERE {{ {values('d', map(date, _near(day)))}
        GRAPH ?g {{ ?m schema:startDate ?d }} FILTER(?g != <{doc}>) }}""")
    found = _reports(backend, doc, {r["m"].value for r in rows})
    return sorted(found.values(), key=lambda r: r.iri)


def _same_undated(backend: Backend, doc: str, rm: ResolvedMeeting, claimed: set[str]) -> str | None:
    """The dated meeting an undated report with a weekday belongs to (see the module docstring)."""
    new = report_of(rm)
    if not (rm.meeting.weekday and new.commissions and new.formats and new.areas):
        return None
    (com,), (fmt,) = new.commissions, new.formats
    rows = backend.query(f"""PREFIX schema: <{SCHEMA}> PREFIX tmru: <{T}>
        SELECT DISTINCT ?m ?d WHERE {{ GRAPH ?g {{ ?m tmru:commission <{com}> ; tmru:format <{fmt}> ;
        schema:startDate ?d }} FILTER(?g != <{doc}>) }}""")
    dated = {r["m"].value for r in rows if _weekday_of(r["d"].value) == rm.meeting.weekday} - claimed
    scored = []
    for cand in _reports(backend, doc, dated).values():
        if new.groups & cand.groups and cand.areas:
            scored.append((len(new.areas & cand.areas) / len(new.areas), cand.iri))
    scored.sort(reverse=True)
    if scored and scored[0][0] >= AREA_AGREEMENT and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def _weekday_of(day: str) -> int | None:
    try:
        return dt.date.fromisoformat(day[:10]).isoweekday()
    except ValueError:
        return None


def _exists(backend: Backend, doc: str, meeting: str) -> bool:
    return bool(backend.query(f"ASK {{ GRAPH ?g {{ <{meeting}> ?p ?o }} FILTER(?g != <{doc}>) }}"))


def assign_meetings(backend: Backend, ra: ResolvedArticle) -> ResolvedArticle:
    """``ra`` with each dated meeting on the IRI of the same meeting already in the store, if any."""
    doc, claimed, out = str(ra.iri), set(), []
    for rm in ra.meetings:
        day = rm.meeting.date
        if day is None:
            same = _same_undated(backend, doc, rm, claimed)
            claimed.add(same or str(rm.iri))
            out.append(rekey(rm, same[len(str(ID)) + len("meeting/"):]) if same else rm)
            continue
        new = report_of(rm)
        best, best_score = None, 0
        for cand in candidates(backend, doc, day):
            if cand.iri in claimed:
                continue
            gap = min(abs((dt.date.fromisoformat(d) - dt.date.fromisoformat(day)).days) for d in cand.dates)
            s = score(new, cand, gap)
            if s > best_score:
                best, best_score = cand.iri, s
        if best is None:
            base, n = f"{day}-{rm.meeting.kind}", 1
            best = str(ID[f"meeting/{base}"])
            while best in claimed or _exists(backend, doc, best):
                n += 1
                best = str(ID[f"meeting/{base}-{n}"])
        claimed.add(best)
        out.append(rekey(rm, best[len(str(ID)) + len("meeting/"):]))
    return ResolvedArticle(ra.facts, ra.key, ra.iri, out)


# ----------------------------------------------------------------- co-chair intervals

Interval = tuple[str, str]


def interval_iris(cochair: str) -> tuple[str, str, str]:
    return cochair + "/interval", cochair + "/begin", cochair + "/end"


def interval_triples(cochair: str, span: Interval) -> list[ox.Triple]:
    """``org:memberDuring`` as an OWL-Time interval between two instants."""
    i, b, e = map(iri, interval_iris(cochair))
    a, instant = iri(PREFIXES["rdf"] + "type"), iri(TIME + "Instant")
    return [ox.Triple(iri(cochair), iri(ORG + "memberDuring"), i), ox.Triple(i, a, iri(TIME + "Interval")),
            ox.Triple(i, iri(TIME + "hasBeginning"), b), ox.Triple(i, iri(TIME + "hasEnd"), e),
            ox.Triple(b, a, instant), ox.Triple(b, iri(TIME + "inXSDDate"), date(span[0])),
            ox.Triple(e, a, instant), ox.Triple(e, iri(TIME + "inXSDDate"), date(span[1]))]


def delete_intervals(cochairs: set[str]) -> str:
    """Update operation removing the intervals of ``cochairs`` (derived and default graph)."""
    subjects = [iri(x) for c in cochairs for x in (c, *interval_iris(c))]
    return (f"DELETE {{ GRAPH <{DERIVED_GRAPH}> {{ ?x ?p ?o }} ?x ?p ?o }} WHERE {{ {values('x', subjects)} "
            f"GRAPH <{DERIVED_GRAPH}> {{ ?x ?p ?o }} }}")


def _hull(span: Interval | None, dates: set[str]) -> Interval | None:
    """The smallest interval holding ``span`` and ``dates``."""
    pts = set(dates) | (set(span) if span else set())
    return (min(pts), max(pts)) if pts else None


def new_intervals(backend: Backend, doc: str, new: list[ResolvedMeeting], old_meetings: set[str],
                  recompute: bool) -> dict[str, Interval | None]:
    """Co-chair intervals changed by replacing ``doc``'s meetings ``old_meetings`` with ``new``.

    Adding facts can only widen an interval, so for a new article the stored interval is widened
    by the dates of the touched meetings; when facts go away (``recompute``: the article is replaced
    or removed) the touched co-chairships are recomputed from their meetings."""
    reports = {str(rm.iri): report_of(rm) for rm in new}
    for m, rep in _reports(backend, doc, {str(rm.iri) for rm in new} | old_meetings).items():
        mine = reports.setdefault(m, Report(m))
        mine.dates |= rep.dates
        mine.cochairs |= rep.cochairs
    affected = {c for rep in reports.values() for c in rep.cochairs}
    if recompute:
        rows = backend.query(f"SELECT DISTINCT ?c WHERE {{ GRAPH <{doc}> {{ ?m <{COCHAIR}> ?c }} }}")
        affected |= {r["c"].value for r in rows}
    if not affected:
        return {}
    stored = _stored_intervals(backend, affected)
    base = dict(stored)
    if recompute:
        # facts go away: an interval can only shrink if a touched meeting's date is one of its ends
        rows = backend.query(f"SELECT ?d WHERE {{ GRAPH <{doc}> {{ ?m <{START}> ?d }} }}")
        touched_dates = {r["d"].value for r in rows} | {d for rep in reports.values() for d in rep.dates}
        shrink = {c for c in affected if c not in stored or set(stored[c]) & touched_dates}
        base.update({c: None for c in shrink})
        base.update(_computed_intervals(backend, doc, shrink) if shrink else {})
    out: dict[str, Interval | None] = {}
    for c in affected:
        span = _hull(base.get(c), {d for rep in reports.values() if c in rep.cochairs for d in rep.dates})
        if span != stored.get(c):
            out[c] = span
    return out


def _stored_intervals(backend: Backend, cochairs: set[str]) -> dict[str, Interval]:
    ends = [iri(x) for c in cochairs for x in interval_iris(c)[1:]]
    rows = backend.query(f"""SELECT ?x ?d WHERE {{ {values('x', ends)}
        GRAPH <{DERIVED_GRAPH}> {{ ?x <{TIME}inXSDDate> ?d }} }}""")
    found = {r["x"].value: r["d"].value for r in rows}
    out = {}
    for c in cochairs:
        _, b, e = interval_iris(c)
        if b in found and e in found:
            out[c] = (found[b], found[e])
    return out


def _computed_intervals(backend: Backend, doc: str, cochairs: set[str]) -> dict[str, Interval]:
    rows = backend.query(f"""{SPARQL_PREFIXES} SELECT ?c (MIN(?d) AS ?b) (MAX(?d) AS ?e) WHERE {{
        {values('c', map(iri, cochairs))}
        GRAPH ?g {{ ?m tmru:cochair ?c }} FILTER(?g != <{doc}>)
        GRAPH ?g2 {{ ?m schema:startDate ?d }} FILTER(?g2 != <{doc}>) }} GROUP BY ?c""")
    return {r["c"].value: (r["b"].value, r["e"].value) for r in rows if r.get("b") is not None}
