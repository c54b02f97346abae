"""Planning the store change that adds, replaces or removes one article (``kg.store.base.Change``).

The rules are the pure functions of ``kg.resolve.merge``; this module feeds them from the store's
lookups (bound SPARQL queries on its ``Backend``) and turns their answer into quads the store
writes in one atomic update.  For an article being written (or removed):

1. **Component.** The reports (one article's account of one meeting) the change can touch: the
   article's reports, every report dated within a day of one of them, the other reports of the
   meetings they belong to (and of the meetings the article's old version was part of), and
   reports linked through the weekday rule -- repeated until nothing new comes in.  Lookups are
   bound (dates, meeting IRIs, commission and format), never scans.
2. **Clusters.** ``cluster`` re-groups the whole component from scratch, so the meeting keys depend
   only on the set of articles; each stored article whose reports change key gets its graph
   rewritten with the new IRIs (meeting, participations, agreement, evidence).
3. **Merged values.** For every functional property of a node the changed graphs mention (meeting
   kind, date, city, format, session, agreements signed, reported-on date, label; a participant's
   or unknown person's country), the merged (default) graph gets the one value ``choose`` picks
   from all graphs; the gazetteer's value, where it has one, wins.  Each source keeps its own
   value in its graph.
4. **Intervals.** The co-chairships those graphs mention get their interval recomputed from all
   meetings showing them: first to last date, a meeting without a date counting at its reported-on
   date (that bound is then marked ``tmru:exactDate false``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..store.base import DERIVED_GRAPH, LOCK_GRAPH, LOG_GRAPH, REFERENCE_GRAPH, Backend, Change
from ..store.base import select_terms as _terms
from ..store.terms import PREFIXES, date, iri, values
from ..vocab import ID
from .merge import Report, choose_counts, cluster, kind_group

T, SCHEMA, ORG, TIME, RDF, RDFS = (PREFIXES[p] for p in ("tmru", "schema", "org", "time", "rdf", "rdfs"))
XSD = PREFIXES["xsd"]
START, KIND, COMMISSION, CITY, FORMAT = SCHEMA + "startDate", T + "kind", T + "commission", T + "city", T + "format"
AREA, PARTICIPANT, SESSION, COCHAIR, SIGNED = (
    T + "area",
    T + "participant",
    T + "sessionNumber",
    T + "cochair",
    T + "agreementsSigned",
)
REPORTED, REPORT_KEY, WEEKDAY, FOR_COUNTRY, LABEL = (
    T + "reportedOn",
    T + "reportKey",
    T + "weekday",
    T + "forCountry",
    RDFS + "label",
)
TYPE = RDF + "type"
SKOS = PREFIXES["skos"]
PREF, ALT = SKOS + "prefLabel", SKOS + "altLabel"
ENTITY_CLASSES = (T + "Person", T + "City")
NOT_ARTICLES = (REFERENCE_GRAPH, DERIVED_GRAPH, LOG_GRAPH, LOCK_GRAPH)
MEETING_NS, AGREEMENT_NS, COCHAIR_NS = str(ID) + "meeting/", str(ID) + "agreement/", str(ID) + "cochair/"
#: properties with one value in the merged graph (rdfs:label only for meetings and agreements)
FUNCTIONAL = (KIND, START, CITY, FORMAT, SESSION, SIGNED, REPORTED, FOR_COUNTRY)
#: bookkeeping kept in the article graphs only
ARTICLE_ONLY = (REPORT_KEY, WEEKDAY, T + "ingestFingerprint")
REPORT_PROPS = (KIND, START, COMMISSION, CITY, FORMAT, SESSION, WEEKDAY, PARTICIPANT, AREA, REPORT_KEY)

Interval = tuple[tuple[str, bool], tuple[str, bool]]  # ((begin, exact), (end, exact))
Quads = dict[str, list[ox.Triple]]  # graph IRI -> triples


def _functional(s: str, p: str) -> bool:
    if p == FOR_COUNTRY:  # a co-chairship's side is in its IRI: one value by construction
        return not s.startswith(COCHAIR_NS)
    return p in FUNCTIONAL or (p == LABEL and s.startswith((MEETING_NS, AGREEMENT_NS)))


def copies(s: str, p: str) -> bool:
    """True when an article's triples of subject ``s`` and property ``p`` are copied as they are into the
    merged graph (not a functional value, which is chosen from all sources, nor bookkeeping)."""
    return not _functional(s, p) and p not in ARTICLE_ONLY


#: the properties whose triples ``copies`` may keep out of the merged graph
NOT_ALWAYS_COPIED = (*FUNCTIONAL, LABEL, *ARTICLE_ONLY)


def copied(t: ox.Triple) -> bool:
    """``copies`` for a triple."""
    return copies(t.subject.value, t.predicate.value)


def _in(var: str, graphs: Iterable[str]) -> str:
    gs = sorted(graphs)
    return f"FILTER(?{var} NOT IN ({', '.join(f'<{g}>' for g in gs)}))" if gs else ""


# ----------------------------------------------------------------- reports


def reports_of(rows: Iterable[tuple[str, str, str, str]]) -> dict[tuple[str, str], Report]:
    """Reports from ``(graph, meeting, property, value)`` rows (the article graph's own values)."""
    acc: dict[tuple[str, str], dict[str, set[str]]] = {}
    for g, m, p, v in rows:
        acc.setdefault((g, m), {}).setdefault(p, set()).add(v)
    out = {}
    for (g, m), props in acc.items():

        def one(p: str, props: dict[str, set[str]] = props) -> str | None:
            vs = props.get(p)
            return min(vs) if vs else None

        key = one(REPORT_KEY) or f"{g}|{m}"
        wd = one(WEEKDAY)
        out[(g, m)] = Report(
            key=key,
            doc=g,
            kind=(one(KIND) or "other").rsplit("#", 1)[-1],
            date=one(START),
            commission=one(COMMISSION),
            city=one(CITY),
            format=(one(FORMAT) or "").rsplit("#", 1)[-1] or None,
            ordinal=one(SESSION),
            weekday=int(wd) if wd else None,
            people=frozenset(props.get(PARTICIPANT, ())),
            areas=frozenset(props.get(AREA, ())),
        )
    return out


def _rows_of_graphs(graphs: Quads) -> list[tuple[str, str, str, str]]:
    return [
        (g, t.subject.value, t.predicate.value, t.object.value)
        for g, ts in graphs.items()
        for t in ts
        if t.predicate.value in REPORT_PROPS and t.subject.value.startswith(MEETING_NS)
    ]


def _near(days: Iterable[str]) -> set[str]:
    out = set()
    for day in days:
        d = dt.date.fromisoformat(day[:10])
        out.update((d + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1))
    return out


def _weekday(day: str) -> int:
    return dt.date.fromisoformat(day[:10]).isoweekday()


@dataclass(slots=True)
class _Component:
    """Reports gathered from the store (not from ``doc``), by (graph, meeting)."""

    backend: Backend
    doc: str
    reports: dict[tuple[str, str], Report] = field(default_factory=dict)
    dates: set[str] = field(default_factory=set)
    meetings: set[str] = field(default_factory=set)
    links: set[tuple[str, str, int, bool]] = field(default_factory=set)  # (commission, format, weekday, dated)

    @staticmethod
    def _keys(reports: Iterable[Report]) -> tuple[set[str], set[tuple[str, str, int, bool]]]:
        """The dates and (commission, format, weekday, dated) links that reports can merge by."""
        dates, links = set(), set()
        for r in reports:
            if r.date:
                dates.add(r.date)
                if r.commission and r.format:
                    links.add((r.commission, T + r.format, _weekday(r.date), True))
            elif r.weekday and r.commission and r.format:
                links.add((r.commission, T + r.format, r.weekday, False))
        return dates, links

    def grow(self, reports: Iterable[Report], meetings: set[str]) -> None:
        dates, links = self._keys(reports)
        todo_meetings = set(meetings)
        while dates - self.dates or todo_meetings - self.meetings or links - self.links:
            fresh = self._lookup(dates - self.dates, todo_meetings - self.meetings, links - self.links)
            self.dates |= dates
            self.meetings |= todo_meetings
            self.links |= links
            self.reports.update(fresh)
            todo_meetings = {m for _, m in fresh}
            dates, links = self._keys(fresh.values())

    def _lookup(
        self, dates: set[str], meetings: set[str], links: set[tuple[str, str, int, bool]]
    ) -> dict[tuple[str, str], Report]:
        """The reports (not yet gathered) dated within a day of ``dates``, of ``meetings``, or linked by
        the weekday rule: their (graph, meeting) pairs first (a bound lookup), then their properties."""
        not_doc = f"FILTER(?g != <{self.doc}>)"
        found: set[tuple[str, str]] = set()
        if dates:
            found.update(
                _rows(
                    self.backend,
                    f"""SELECT DISTINCT ?g ?m WHERE {{ {values("d", map(date, _near(dates)))}
                    GRAPH ?g {{ ?m <{START}> ?d }} {not_doc} }}""",
                )
            )
        if meetings:
            found.update(
                _rows(
                    self.backend,
                    f"""SELECT DISTINCT ?g ?m WHERE {{ {values("m", map(iri, meetings))}
                    GRAPH ?g {{ ?m <{REPORT_KEY}> ?k }} {not_doc} }}""",
                )
            )
        for com, fmt, wd, dated in sorted(links):
            if dated:  # undated reports naming this weekday
                found.update(
                    _rows(
                        self.backend,
                        f"""SELECT DISTINCT ?g ?m WHERE {{ GRAPH ?g {{ ?m <{WEEKDAY}> {wd} ;
                        <{COMMISSION}> <{com}> ; <{FORMAT}> <{fmt}> }} {not_doc} }}""",
                    )
                )
            else:  # dated reports held on this weekday
                rows = _rows(
                    self.backend,
                    f"""SELECT DISTINCT ?g ?m ?d WHERE {{ GRAPH ?g {{ ?m <{COMMISSION}> <{com}> ;
                    <{FORMAT}> <{fmt}> ; <{START}> ?d }} {not_doc} }}""",
                )
                found.update((g, m) for g, m, d in rows if _weekday(d) == wd)
        return self._fetch(found - set(self.reports))

    def _fetch(self, pairs: set[tuple[str, str]]) -> dict[tuple[str, str], Report]:
        """The reports of ``pairs`` (graph, meeting): one query per graph (a lookup bound on both; a
        ``VALUES (?g ?m)`` block makes Oxigraph scan)."""
        rows: list[tuple[str, str, str, str]] = []
        props = values("p", map(iri, REPORT_PROPS))
        for g in sorted({g for g, _ in pairs}):
            ms = [m for h, m in pairs if h == g]
            got = _rows(
                self.backend,
                f"SELECT ?m ?p ?o WHERE {{ {values('m', map(iri, ms))} {props} GRAPH <{g}> {{ ?m ?p ?o }} }}",
            )
            rows += [(g, m, p, o) for m, p, o in got]
        return reports_of(rows)


def _rows(backend: Backend, sparql: str) -> list[tuple[str | None, ...]]:
    """``_terms`` as lexical values."""
    return [tuple(None if t is None else t.value for t in row) for row in _terms(backend, sparql)]


# ----------------------------------------------------------------- renaming


def _renamer(doc_key: str, mapping: dict[str, str]):
    """A function giving the new IRI of a term of an article's reports (old to new meeting keys), or
    None when the term keeps its name; memoized (an evidence node is the subject of several triples)."""
    base = str(ID)
    memo: dict[str, ox.NamedNode | None] = {}

    def renamed(value: str) -> ox.NamedNode | None:
        kind, _, tail = value[len(base) :].partition("/")
        if kind in ("meeting", "agreement") and tail in mapping:
            return ox.NamedNode(f"{base}{kind}/{mapping[tail]}")
        if kind == "participation":
            key, sep, person = tail.partition("--")
            if sep and key in mapping:
                return ox.NamedNode(f"{base}participation/{mapping[key]}--{person}")
        if kind == "evidence":
            parts = tail.split("/", 2)
            if len(parts) == 3 and parts[0] == doc_key and parts[1] in mapping:
                return ox.NamedNode(f"{base}evidence/{doc_key}/{mapping[parts[1]]}/{parts[2]}")
        return None

    def rename(term: ox.Term) -> ox.NamedNode | None:
        if not isinstance(term, ox.NamedNode) or not term.value.startswith(base):
            return None
        value = term.value
        if value not in memo:
            memo[value] = renamed(value)
        return memo[value]

    return rename


def rename_graph(doc: str, triples: Iterable[ox.Triple], mapping: dict[str, str]) -> list[ox.Triple]:
    """``triples`` of article ``doc`` with its meetings moved from old to new keys (``mapping``), sorted by
    their N-Triples text."""
    if not mapping:
        return sorted(triples, key=str)
    rn = _renamer(doc.rsplit("/", 1)[-1], mapping)
    out = []
    for t in triples:
        s, o = rn(t.subject), rn(t.object)
        out.append(t if s is None and o is None else ox.Triple(s or t.subject, t.predicate, o or t.object))
    return sorted(out, key=str)


# ----------------------------------------------------------------- the update


def plan(backend: Backend, doc: str, new: list[ox.Triple] | None, replacing: bool) -> Change:
    """The change that writes ``new`` as article ``doc``'s graph (``None``: removes it)."""
    new_graphs: Quads = {doc: list(new)} if new is not None else {}  # sorted by rename_graph below
    mine = reports_of(_rows_of_graphs(new_graphs))
    old_meetings = _meetings_of(backend, doc) if replacing else set()
    comp = _Component(backend, doc)
    comp.grow(mine.values(), old_meetings)
    everything = {**comp.reports, **mine}
    keys = cluster(everything.values())
    renames: dict[str, dict[str, str]] = {}
    for (g, m), r in everything.items():
        old, new_key = m[len(MEETING_NS) :], keys[r.key]
        if old != new_key:
            renames.setdefault(g, {})[old] = new_key
    stored = _graphs(backend, sorted(set(renames) - {doc}))
    for g, triples in stored.items():
        new_graphs[g] = rename_graph(g, triples, renames[g])
    if doc in new_graphs:
        new_graphs[doc] = rename_graph(doc, new_graphs[doc], renames.get(doc, {}))
    dropped = sorted(set(stored) | ({doc} if replacing else set()))
    old_graphs = {**stored, **(_graphs(backend, [doc]) if replacing else {})}
    drop_alone, drop_shared = _dropped_subjects(backend, dropped, old_graphs)
    pairs = _pairs(old_graphs) | _pairs(new_graphs)
    chosen, dates = _choose(backend, pairs, dropped, new_graphs)
    cochairs, intervals = _intervals(
        backend, _cochairs(old_graphs) | _cochairs(new_graphs), dropped, new_graphs, old_graphs, dates
    )
    derived = [t for c, span in sorted(intervals.items()) for t in interval_triples(c, span)]
    shown, unshown, hidden = _entities(backend, dropped, new_graphs, old_graphs)
    merged = {t for ts in new_graphs.values() for t in ts if copied(t) and t not in hidden}
    return Change(
        drop=dropped,
        graphs=new_graphs,
        reset=sorted(pairs),
        merged=sorted(merged | set(chosen) | set(derived), key=str),
        derived=derived,
        derived_reset=sorted(x for c in cochairs for x in (c, *interval_iris(c))),
        shown=shown,
        unshown=unshown,
        drop_alone=drop_alone,
        drop_shared=drop_shared,
        dropped_nodes=frozenset(x for g in dropped for t in old_graphs.get(g, ()) for x in (t.subject, t.object)),
    )


def _dropped_subjects(
    backend: Backend, dropped: list[str], old_graphs: Quads
) -> tuple[list[ox.Triple] | None, list[str] | None]:
    """The triples of the dropped graphs whose subject no other graph has (the merged graph loses them), and
    the subjects some other graph has (their triples are checked one by one in the update): one lookup per
    subject instead of one per triple (a rewritten article graph has ~140 triples and ~17 subjects)."""
    triples = {t for g in dropped for t in old_graphs.get(g, ())}
    subjects = {t.subject for t in triples}
    if not dropped or not all(isinstance(s, ox.NamedNode) for s in subjects):
        return None, None  # (a blank node cannot be looked up by value: the update checks every triple)
    rows = _rows(
        backend,
        f"""SELECT ?s WHERE {{ {values("s", subjects)}
        FILTER EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} {_in("h", {*dropped, LOG_GRAPH})} }} }}""",
    )
    shared = {s for (s,) in rows}
    return sorted((t for t in triples if t.subject.value not in shared), key=str), sorted(shared)


def _entities(
    backend: Backend, dropped: list[str], new_graphs: Quads, old_graphs: Quads
) -> tuple[list[str], list[str], set[ox.Triple]]:
    """Gazetteer people and cities the change shows and hides in the merged graph, and the articles'
    alternative labels that repeat a preferred label (SKOS: the two are disjoint)."""

    def typed(graphs: Quads) -> set[str]:
        return {
            t.subject.value
            for ts in graphs.values()
            for t in ts
            if t.predicate.value == TYPE and t.object.value in ENTITY_CLASSES
        }

    touched = typed(old_graphs) | typed(new_graphs)
    if not touched:
        return [], [], set()
    # VALUES inside the GRAPH block: outside it, Oxigraph evaluates the OPTIONAL over the whole graph (7x slower)
    rows = backend.query(f"""SELECT ?e ?l WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ {values("e", map(iri, touched))}
        ?e a ?t OPTIONAL {{ ?e <{PREF}> ?l }} }} }}""")
    known: dict[str, set[ox.Literal]] = {}
    for r in rows:
        known.setdefault(r["e"].value, set()).update([r["l"]] if r["l"] is not None else [])
    if not known:
        return [], [], set()
    skip = set(dropped) | set(new_graphs) | set(NOT_ARTICLES)
    mentioned = typed(new_graphs) & set(known)  # the new graphs mention these: no need to look elsewhere
    if set(known) - mentioned:
        rows = backend.query(f"""SELECT ?e WHERE {{ {values("e", map(iri, set(known) - mentioned))}
            FILTER EXISTS {{ GRAPH ?g {{ ?e a ?t }} {_in("g", skip)} }} }}""")
        mentioned |= {r["e"].value for r in rows}
    hidden = {
        t
        for ts in new_graphs.values()
        for t in ts
        if t.predicate.value == ALT and t.object in known.get(t.subject.value, ())
    }
    return sorted(mentioned), sorted(set(known) - mentioned), hidden


def _meetings_of(backend: Backend, doc: str) -> set[str]:
    rows = backend.query(f"SELECT DISTINCT ?m WHERE {{ GRAPH <{doc}> {{ ?m <{REPORT_KEY}> ?k }} }}")
    return {r["m"].value for r in rows}


def _graphs(backend: Backend, graphs: list[str]) -> Quads:
    """The triples of each of ``graphs`` (one query); graphs with none are left out."""
    if not graphs:
        return {}
    out: Quads = {g: [] for g in graphs}
    rows = _terms(backend, f"SELECT ?g ?s ?p ?o WHERE {{ {values('g', map(iri, graphs))} GRAPH ?g {{ ?s ?p ?o }} }}")
    for g, s, p, o in rows:
        out[g.value].append(ox.Triple(s, p, o))
    return {g: ts for g, ts in out.items() if ts}


MEETING_FUNCTIONAL = (KIND, START, CITY, FORMAT, SESSION, SIGNED, REPORTED, LABEL)


def _pairs(graphs: Quads) -> set[tuple[str, str]]:
    """(node, property) pairs with one merged value that ``graphs`` touch; every such property of a
    touched meeting (its label depends on its kind and date, its agreement's label too)."""
    out = {
        (t.subject.value, t.predicate.value)
        for ts in graphs.values()
        for t in ts
        if _functional(t.subject.value, t.predicate.value)
    }
    meetings = {s for s, _ in out if s.startswith(MEETING_NS)}
    meetings |= {MEETING_NS + s[len(AGREEMENT_NS) :] for s, _ in out if s.startswith(AGREEMENT_NS)}
    return out | {(m, p) for m in meetings for p in MEETING_FUNCTIONAL}


def _cochairs(graphs: Quads) -> set[str]:
    return {t.object.value for ts in graphs.values() for t in ts if t.predicate.value == COCHAIR}


def _choose(
    backend: Backend, pairs: set[tuple[str, str]], dropped: list[str], new_graphs: Quads
) -> tuple[list[ox.Triple], dict[str, tuple[str, bool]]]:
    """Merged values of ``pairs``, and the (date, exact) of each touched meeting."""
    counts: dict[tuple[str, str], dict[str, int]] = {}  # (node, property) -> value -> number of sources
    terms: dict[str, ox.Term] = {}
    gazetteer: dict[tuple[str, str], list[ox.Term]] = {}
    skip = set(dropped) | set(new_graphs) | {LOG_GRAPH, DERIVED_GRAPH, LOCK_GRAPH}
    asked = sorted((s, p) for s, p in pairs if p != LABEL)  # labels are computed below
    if asked:  # one lookup for every touched (node, property)
        rows = backend.query(f"""SELECT ?s ?p ?o (COUNT(DISTINCT ?g) AS ?n) (MAX(?g = <{REFERENCE_GRAPH}>) AS ?ref)
            WHERE {{ VALUES (?s ?p) {{ {" ".join(f"(<{s}> <{p}>)" for s, p in asked)} }}
            GRAPH ?g {{ ?s ?p ?o }} {_in("g", skip)} }} GROUP BY ?s ?p ?o""")
        for r in rows:
            key, o = (r["s"].value, r["p"].value), r["o"]
            terms[str(o)] = o
            if r["ref"] is not None and r["ref"].value == "true":
                gazetteer.setdefault(key, []).append(o)
            else:
                counts.setdefault(key, {})[str(o)] = int(r["n"].value)
    for ts in new_graphs.values():
        for t in ts:
            key = (t.subject.value, t.predicate.value)
            if key in pairs and t.predicate.value != LABEL:
                terms[str(t.object)] = t.object
                by_value = counts.setdefault(key, {})
                by_value[str(t.object)] = by_value.get(str(t.object), 0) + 1
    values_of, dates = merged_values(pairs, counts, terms, gazetteer)
    out = [ox.Triple(iri(s), iri(p), v) for (s, p), v in sorted(values_of.items())]
    agreements = {s for s, p in pairs if s.startswith(AGREEMENT_NS)}
    if agreements:  # an agreement is labelled while some source still reports it
        present = {t.subject.value for ts in new_graphs.values() for t in ts if t.predicate.value == TYPE}
        rows = backend.query(f"""SELECT ?a WHERE {{ {values("a", map(iri, agreements - present))}
            FILTER EXISTS {{ GRAPH ?g {{ ?a a ?t }} {_in("g", skip | {REFERENCE_GRAPH})} }} }}""")
        agreements = (agreements & present) | {r["a"].value for r in rows}
    return out + label_triples(pairs, values_of, dates, agreements), dates


def merged_values(
    pairs: set[tuple[str, str]],
    counts: dict[tuple[str, str], dict[str, int]],
    terms: dict[str, ox.Term],
    gazetteer: dict[tuple[str, str], list[ox.Term]],
) -> tuple[dict[tuple[str, str], ox.Term], dict[str, tuple[str, bool]]]:
    """The one merged value of every (node, property) of ``pairs`` but labels, and each meeting's
    (date, exact): from the number of sources giving each value (``counts``, values as N-Triples text,
    ``terms`` their terms) or, where it gives one, the gazetteer's value (``gazetteer``).  Rule 5 of
    the merge rules; the earliest reported-on date; a dated meeting has no reported-on date."""
    values_of: dict[tuple[str, str], ox.Term] = {}
    for key in sorted(pairs):
        s, p = key
        if p == LABEL:
            continue
        if key in gazetteer:
            values_of[key] = min(gazetteer[key], key=str)
            continue
        by_value = counts.get(key, {})
        if p == REPORTED:  # the earliest publication date
            v = min(by_value, key=lambda x: terms[x].value) if by_value else None
        else:
            lexical = {terms[x].value: x for x in by_value}
            best = choose_counts(p, {terms[x].value: n for x, n in by_value.items()})
            v = lexical[best] if best is not None else None
        if v is not None:
            values_of[key] = terms[v]
    meetings = {s for s, p in pairs if s.startswith(MEETING_NS)}
    dates: dict[str, tuple[str, bool]] = {}
    for m in meetings:
        if (m, START) in values_of:
            values_of.pop((m, REPORTED), None)  # a dated meeting has no reported-on date
            dates[m] = (values_of[(m, START)].value, True)
        elif (m, REPORTED) in values_of:
            dates[m] = (values_of[(m, REPORTED)].value, False)
    return values_of, dates


def label_triples(
    pairs: set[tuple[str, str]],
    values_of: dict[tuple[str, str], ox.Term],
    dates: dict[str, tuple[str, bool]],
    agreements: set[str],
) -> list[ox.Triple]:
    """The labels of the meetings and agreements of ``pairs`` (an agreement only while some source
    reports it: ``agreements``), made from the chosen kind and date."""
    out = []
    for s, p in sorted(pairs):
        if p != LABEL or (s.startswith(AGREEMENT_NS) and s not in agreements):
            continue
        m = MEETING_NS + s[len(AGREEMENT_NS) :] if s.startswith(AGREEMENT_NS) else s
        kind = values_of.get((m, KIND))
        if kind is None:
            continue
        day, exact = dates.get(m, ("", False))
        text = f"{kind.value.rsplit('#', 1)[-1].replace('-', ' ')} {day if exact else ''}".strip()
        if s.startswith(AGREEMENT_NS):
            text = f"documents signed at {text}"
        out.append(ox.Triple(iri(s), iri(LABEL), ox.Literal(text, language="en")))
    return out


def _showing(graphs: Quads, cochairs: set[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for ts in graphs.values():
        for t in ts:
            if t.predicate.value == COCHAIR and t.object.value in cochairs:
                out.setdefault(t.object.value, set()).add(t.subject.value)
    return out


def _hull(points: Iterable[tuple[str, bool]]) -> Interval | None:
    """First and last (date, exact); on one date an exact bound wins."""
    pts = list(points)
    if not pts:
        return None
    return min(pts, key=lambda x: (x[0], not x[1])), max(pts, key=lambda x: (x[0], x[1]))


def _intervals(
    backend: Backend,
    cochairs: set[str],
    dropped: list[str],
    new_graphs: Quads,
    old_graphs: Quads,
    dates: dict[str, tuple[str, bool]],
) -> tuple[set[str], dict[str, Interval]]:
    """The co-chairships whose interval the change may move, and their (first, last) (date, exact).

    The change touches few meetings (those of the changed graphs), so a stored interval is widened
    by their new dates, unless one of them sat on one of its ends before the change and no longer
    does (the interval may shrink): then it is recomputed by aggregating the dates of the
    co-chairship's other meetings (in the store) with the touched ones."""
    skip = set(dropped) | set(new_graphs) | set(NOT_ARTICLES)
    touched = {
        t.subject.value
        for ts in (*old_graphs.values(), *new_graphs.values())
        for t in ts
        if t.predicate.value == TYPE and t.subject.value.startswith(MEETING_NS)
    }
    kept: dict[str, set[str]] = {}  # co-chairship -> touched meetings that other graphs show it at
    if touched:
        rows = backend.query(f"""SELECT DISTINCT ?c ?m WHERE {{ {values("m", map(iri, touched))}
            GRAPH ?g {{ ?m <{COCHAIR}> ?c }} {_in("g", skip)} }}""")
        for r in rows:
            kept.setdefault(r["c"].value, set()).add(r["m"].value)
    cochairs = cochairs | set(kept)
    if not cochairs:
        return set(), {}
    before, after = _showing(old_graphs, cochairs), _showing(new_graphs, cochairs)
    old_dates: dict[str, tuple[str, bool]] = {}
    if touched:
        rows = backend.query(f"""SELECT ?m ?d ?r WHERE {{ {values("m", map(iri, touched))}
            OPTIONAL {{ ?m <{START}> ?d }} OPTIONAL {{ ?m <{REPORTED}> ?r }} }}""")
        for r in rows:
            if r["d"] is not None:
                old_dates[r["m"].value] = (r["d"].value, True)
            elif r["r"] is not None:
                old_dates[r["m"].value] = (r["r"].value, False)
    stored = _stored_intervals(backend, cochairs)
    out: dict[str, Interval | None] = {}
    full = set()
    new_dates = {c: {dates[m] for m in after.get(c, set()) | kept.get(c, set()) if m in dates} for c in cochairs}
    for c in cochairs:
        span = stored.get(c)
        gone = {old_dates[m] for m in before.get(c, set()) | kept.get(c, set()) if m in old_dates}
        new = new_dates[c]
        if span is None or any(end in gone and end not in new for end in span):
            full.add(c)  # an end may have gone away
            continue
        out[c] = _hull([*span, *new])
    if full:
        others = f"FILTER(?m NOT IN ({', '.join(f'<{m}>' for m in sorted(touched))}))" if touched else ""
        # one row per (co-chairship, exactness): an aggregate over an unbound value would be an error
        rows = backend.query(f"""SELECT ?c ?exact (MIN(?x) AS ?x0) (MAX(?x) AS ?x1)
            WHERE {{ {values("c", map(iri, full))} GRAPH ?g {{ ?m <{COCHAIR}> ?c }} {_in("g", skip)} {others}
            {{ ?m <{START}> ?x BIND(true AS ?exact) }} UNION {{ ?m <{REPORTED}> ?x BIND(false AS ?exact) }}
            }} GROUP BY ?c ?exact""")
        found: dict[str, list[tuple[str, bool]]] = {}
        for r in rows:
            exact = r["exact"].value == "true"
            found.setdefault(r["c"].value, []).extend((r[k].value, exact) for k in ("x0", "x1"))
        for c in full:
            out[c] = _hull([*found.get(c, []), *new_dates[c]])
    return cochairs, {c: span for c, span in out.items() if span is not None}


def _stored_intervals(backend: Backend, cochairs: set[str]) -> dict[str, Interval]:
    """The intervals in the derived graph, with their bounds' exactness."""
    ends = [iri(x) for c in cochairs for x in interval_iris(c)[1:]]
    rows = backend.query(f"""SELECT ?x ?d ?e WHERE {{ {values("x", ends)} GRAPH <{DERIVED_GRAPH}> {{
        ?x <{TIME}inXSDDate> ?d ; <{T}exactDate> ?e }} }}""")
    found = {r["x"].value: (r["d"].value, r["e"].value == "true") for r in rows}
    out = {}
    for c in cochairs:
        _, b, e = interval_iris(c)
        if b in found and e in found:
            out[c] = (found[b], found[e])
    return out


# ----------------------------------------------------------------- co-chair intervals as triples


def interval_iris(cochair: str) -> tuple[str, str, str]:
    return cochair + "/interval", cochair + "/begin", cochair + "/end"


def interval_triples(cochair: str, span: Interval) -> list[ox.Triple]:
    """``org:memberDuring`` as an OWL-Time interval between two instants (``tmru:exactDate``)."""
    i, b, e = map(iri, interval_iris(cochair))
    a, instant = iri(TYPE), iri(TIME + "Instant")
    boolean = iri(XSD + "boolean")
    out = [
        ox.Triple(iri(cochair), iri(ORG + "memberDuring"), i),
        ox.Triple(i, a, iri(TIME + "Interval")),
        ox.Triple(i, iri(TIME + "hasBeginning"), b),
        ox.Triple(i, iri(TIME + "hasEnd"), e),
    ]
    for node, (day, exact) in ((b, span[0]), (e, span[1])):
        out += [
            ox.Triple(node, a, instant),
            ox.Triple(node, iri(TIME + "inXSDDate"), date(day)),
            ox.Triple(node, iri(T + "exactDate"), ox.Literal("true" if exact else "false", datatype=boolean)),
        ]
    return out


__all__ = ["plan", "reports_of", "rename_graph", "interval_triples", "kind_group", "FUNCTIONAL", "ARTICLE_ONLY"]
