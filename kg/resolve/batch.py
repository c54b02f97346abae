"""Planning a first build in one batch: the quads of a new store for a whole set of articles.

``kg.resolve.plan`` plans one article at a time against the store (SPARQL lookups and one update per
article).  Into a new, empty store the result is a function of the set of articles only (the merge
rules, docs/architecture.md), so it can be computed at once, in memory, with no SPARQL: the same rules
(``kg.resolve.merge.cluster``, ``plan.merged_values``, ``plan.label_triples``, ``plan.rename_graph``,
``plan.copied``) over all articles, then one bulk load (``LocalBackend.replace_empty``).  The store it
gives is the one ingesting the articles one by one gives, quad for quad (``tests/store/test_bulk.py``).

Memory: only compact data is kept per article (its graph as N-Triples bytes, its reports and the
few values the merge reads); the graphs are parsed again, renamed and streamed into the load.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..store.base import DERIVED_GRAPH, LOG_GRAPH, REFERENCE_GRAPH
from ..store.store import GRAPH_STAMP, log_triples, stamp_triple
from ..store.terms import iri
from ..vocab import ID
from .merge import Report, cluster
from .plan import (
    AGREEMENT_NS,
    ALT,
    COCHAIR,
    ENTITY_CLASSES,
    LABEL,
    MEETING_FUNCTIONAL,
    MEETING_NS,
    NOT_ALWAYS_COPIED,
    PREF,
    TYPE,
    _functional,
    _hull,
    _renamer,
    _rows_of_graphs,
    copies,
    interval_triples,
    label_triples,
    merged_values,
    reports_of,
)

NT = ox.RdfFormat.N_TRIPLES
#: an IRI the renaming may change, as the subject (line start) or the object (line end) of an N-Triples line
#: (a literal's line ends with a quote, a language tag or ``^^<datatype>``, never `` <IRI> .``); the text
#: is searched with a newline before its first line, so that every pattern starts with a literal
_SUBJECT = re.compile(rf"\n<({re.escape(str(ID))}[^>]*)>")
_OBJECT = re.compile(rf" <({re.escape(str(ID))}[^>]*)> \.\n")
#: an N-Triples line whose property ``copies`` may keep out of the merged graph (or an alternative label)
_CHECKED = re.compile(
    "\n(<[^>]*>|_:[^ ]+) <(" + "|".join(re.escape(p) for p in (*NOT_ALWAYS_COPIED, ALT)) + ")> [^\n]*"
)


def _nt(triples: list[ox.Triple]) -> str:
    return ox.serialize(triples, None, NT).decode("utf-8") if triples else ""


@dataclass(slots=True)
class Prepared:
    """What the batch keeps of one article until the load (small, picklable: built in a worker process):
    its graph (zlib-compressed N-Triples, a tenth of the text), its reports and the triples the merge
    reads (functional values, co-chairs, typed people, cities and agreements, their alternative labels)."""

    doc: str
    fingerprint: str
    graph: bytes
    reports: dict[tuple[str, str], Report]
    facts: list[ox.Triple]
    alts: list[ox.Triple]


def prepare(doc: str, fingerprint: str, triples: list[ox.Triple]) -> Prepared:
    """An article's ``Prepared`` data.  Raises on data the merge cannot read (a date out of the calendar)."""
    reports = reports_of(_rows_of_graphs({doc: triples}))
    for r in reports.values():  # what the merge parses: refused here, for this article alone
        if r.date:
            dt.date.fromisoformat(r.date[:10])
    facts, typed = [], set()
    for t in triples:
        s, p = t.subject.value, t.predicate.value
        entity = p == TYPE and t.object.value in ENTITY_CLASSES
        if entity:
            typed.add(s)
        if _functional(s, p) or p == COCHAIR or entity or (p == TYPE and s.startswith(AGREEMENT_NS)):
            facts.append(t)
    alts = [t for t in triples if t.predicate.value == ALT and t.subject.value in typed]
    return Prepared(doc, fingerprint, zlib.compress(_nt(triples).encode(), 1), reports, facts, alts)


@dataclass(slots=True)
class _Article:
    fingerprint: str
    graph: bytes
    reports: dict[tuple[str, str], Report]
    facts: list[ox.Triple]
    hidden: frozenset[str]  # N-Triples lines kept out of the merged graph (an altLabel repeating a prefLabel)


@dataclass(slots=True)
class BatchPlan:
    """The quads of a new store holding the reference graph and a set of articles.

    ``add`` (or ``put``) each article (the last one of a document wins, as a replacement would), then
    ``nquads()`` streams the store's content as N-Quads: reference graph, article graphs (meetings
    renamed to their merged keys), merged default graph, derived graph (co-chair intervals), ingestion log."""

    reference: list[ox.Triple]
    entities: set[str]  # gazetteer people and cities: in the merged graph only while mentioned
    onto: str  # the reference graph's fingerprint
    articles: dict[str, _Article] = field(default_factory=dict)
    pref: dict[str, set[ox.Term]] = field(default_factory=dict)  # reference nodes (typed) -> prefLabels

    def __post_init__(self) -> None:
        for t in self.reference:
            if t.predicate.value == TYPE:
                self.pref.setdefault(t.subject.value, set())
        for t in self.reference:
            if t.predicate.value == PREF and t.subject.value in self.pref:
                self.pref[t.subject.value].add(t.object)

    def add(self, doc: str, fingerprint: str, triples: list[ox.Triple]) -> str:
        """Add (or replace) article ``doc``: ``"added"``, ``"replaced"`` or ``"unchanged"``.  Raises on
        data the merge cannot read (e.g. a date out of the calendar); the batch is then unchanged."""
        old = self.articles.get(doc)
        if old is not None and old.fingerprint == fingerprint:
            return "unchanged"
        return self.put(prepare(doc, fingerprint, triples))

    def put(self, a: Prepared) -> str:
        """``add`` of an article's ``prepare``d data."""
        old = self.articles.get(a.doc)
        if old is not None and old.fingerprint == a.fingerprint:
            return "unchanged"
        hidden = [t for t in a.alts if t.object in self.pref.get(t.subject.value, ())]
        lines = frozenset(_nt(hidden).splitlines(keepends=True))
        self.articles[a.doc] = _Article(a.fingerprint, a.graph, a.reports, a.facts, lines)
        return "added" if old is None else "replaced"

    def nquads(self) -> Iterator[str]:
        """The store's content as N-Quads text, in chunks (one or two per article)."""
        reports = {k: r for a in self.articles.values() for k, r in a.reports.items()}
        keys = cluster(reports.values())
        renames: dict[str, dict[str, str]] = {}
        for (g, m), r in reports.items():
            old, new = m[len(MEETING_NS) :], keys[r.key]
            if old != new:
                renames.setdefault(g, {})[old] = new
        del reports, keys

        counts: dict[tuple[str, str], dict[str, int]] = {}  # (node, property) -> value -> number of sources
        terms: dict[str, ox.Term] = {}
        showing: dict[str, set[str]] = {}  # co-chairship -> meetings showing it
        mentioned: set[str] = set()
        agreements: set[str] = set()
        for doc, a in self.articles.items():
            rn = _renamer(doc.rsplit("/", 1)[-1], renames.get(doc, {}))
            for t in {ox.Triple(rn(t.subject) or t.subject, t.predicate, rn(t.object) or t.object) for t in a.facts}:
                s, p = t.subject.value, t.predicate.value
                if p == COCHAIR:
                    showing.setdefault(t.object.value, set()).add(s)
                elif p == TYPE:
                    (mentioned if t.object.value in ENTITY_CLASSES else agreements).add(s)  # (else: an agreement)
                elif p == LABEL:
                    counts.setdefault((s, p), {})
                else:
                    o = str(t.object)
                    terms.setdefault(o, t.object)
                    by_value = counts.setdefault((s, p), {})
                    by_value[o] = by_value.get(o, 0) + 1  # one graph gives a triple once
        pairs = set(counts)
        meetings = {s for s, _ in pairs if s.startswith(MEETING_NS)}
        meetings |= {MEETING_NS + s[len(AGREEMENT_NS) :] for s, _ in pairs if s.startswith(AGREEMENT_NS)}
        pairs |= {(m, p) for m in meetings for p in MEETING_FUNCTIONAL}
        gazetteer: dict[tuple[str, str], list[ox.Term]] = {}
        for t in self.reference:
            key = (t.subject.value, t.predicate.value)
            if key in pairs and key[1] != LABEL:
                gazetteer.setdefault(key, []).append(t.object)
        values_of, dates = merged_values(pairs, counts, terms, gazetteer)
        del counts, terms
        chosen = [ox.Triple(iri(s), iri(p), v) for (s, p), v in sorted(values_of.items())]
        chosen += label_triples(pairs, values_of, dates, agreements)
        del values_of, pairs
        derived = []
        for c in sorted(showing):
            span = _hull(dates[m] for m in showing[c] if m in dates)
            if span is not None:
                derived += interval_triples(c, span)
        shown = mentioned & set(self.pref)

        yield _in_graph(_nt(self.reference), REFERENCE_GRAPH)
        yield _nt([t for t in self.reference if t.subject.value not in self.entities or t.subject.value in shown])
        for doc in sorted(self.articles):
            a = self.articles[doc]
            text = _renamed(doc, zlib.decompress(a.graph).decode(), renames.get(doc))
            yield _in_graph(text, doc)
            yield _merged_copy(text, a.hidden)
        yield _nt(chosen)
        yield _in_graph(_nt(derived), DERIVED_GRAPH) + _nt(derived)
        stamp = stamp_triple()
        entries = [*log_triples(REFERENCE_GRAPH, self.onto), stamp]
        for doc in sorted(self.articles):
            entries += log_triples(doc, self.articles[doc].fingerprint)
        # every graph written gets the load's stamp as its graph stamp (what Store.write does for each write)
        written = [REFERENCE_GRAPH, *sorted(self.articles), *([DERIVED_GRAPH] if derived else [])]
        entries += [ox.Triple(iri(g), iri(GRAPH_STAMP), stamp.object) for g in written]
        yield _in_graph(_nt(entries), LOG_GRAPH)


def _in_graph(text: str, graph: str) -> str:
    """N-Triples lines as N-Quads lines of ``graph`` (every line ends with `` .`` and a newline)."""
    return text.replace(" .\n", f" <{graph}> .\n")


def _renamed(doc: str, text: str, mapping: dict[str, str] | None) -> str:
    """An article graph's N-Triples with its meetings under their merged keys (``plan._renamer``)."""
    if not mapping:
        return text
    rn, memo = _renamer(doc.rsplit("/", 1)[-1], mapping), {}

    def sub(m: re.Match) -> str:
        v = memo.get(m[1])
        if v is None:
            v = memo[m[1]] = (rn(ox.NamedNode(m[1])) or ox.NamedNode(m[1])).value
        return m[0].replace(m[1], v, 1)

    return _OBJECT.sub(sub, _SUBJECT.sub(sub, "\n" + text))[1:]


def _merged_copy(text: str, hidden: frozenset[str]) -> str:
    """The lines of an article graph copied into the merged graph (``plan.copies``, hidden labels aside)."""

    def keep(m: re.Match) -> str:  # m[0]: a newline and a line
        if m[2] == ALT:
            return "" if m[0][1:] + "\n" in hidden else m[0]
        return m[0] if copies(m[1][1:-1], m[2]) else ""

    return _CHECKED.sub(keep, "\n" + text)[1:]


__all__ = ["BatchPlan", "Prepared", "prepare"]
