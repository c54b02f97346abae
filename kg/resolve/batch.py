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
from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..store.base import DERIVED_GRAPH, LOG_GRAPH, REFERENCE_GRAPH
from ..store.store import log_triples, stamp_triple
from ..store.terms import iri
from .merge import Report, cluster
from .plan import (
    AGREEMENT_NS,
    ALT,
    COCHAIR,
    ENTITY_CLASSES,
    LABEL,
    MEETING_FUNCTIONAL,
    MEETING_NS,
    PREF,
    TYPE,
    _functional,
    _hull,
    _rows_of_graphs,
    copied,
    interval_triples,
    label_triples,
    merged_values,
    rename_graph,
    reports_of,
)

NT = ox.RdfFormat.N_TRIPLES


@dataclass(slots=True)
class _Article:
    """What the batch keeps of one article until the load: its graph (N-Triples) and its reports."""

    fingerprint: str
    graph: bytes
    reports: dict[tuple[str, str], Report]


@dataclass(slots=True)
class BatchPlan:
    """The quads of a new store holding the reference graph and a set of articles.

    ``add`` each article's graph (the last one of a document wins, as a replacement would), then
    ``quads()`` streams the store's content: reference graph, article graphs (meetings renamed to
    their merged keys), merged default graph, derived graph (co-chair intervals) and ingestion log."""

    reference: list[ox.Triple]
    entities: set[str]  # gazetteer people and cities: in the merged graph only while mentioned
    onto: str  # the reference graph's fingerprint
    articles: dict[str, _Article] = field(default_factory=dict)

    def add(self, doc: str, fingerprint: str, triples: list[ox.Triple]) -> str:
        """Add (or replace) article ``doc``: ``"added"``, ``"replaced"`` or ``"unchanged"``.  Raises on
        data the merge cannot read (e.g. a date out of the calendar); the batch is then unchanged."""
        old = self.articles.get(doc)
        if old is not None and old.fingerprint == fingerprint:
            return "unchanged"
        graph = sorted(triples, key=str)
        reports = reports_of(_rows_of_graphs({doc: graph}))
        for r in reports.values():  # what the merge parses: refused here, for this article alone
            if r.date:
                dt.date.fromisoformat(r.date[:10])
        self.articles[doc] = _Article(fingerprint, ox.serialize(graph, None, NT), reports)
        return "added" if old is None else "replaced"

    def _graphs(self, renames: dict[str, dict[str, str]]) -> Iterator[tuple[str, list[ox.Triple]]]:
        for doc in sorted(self.articles):
            triples = ox.parse(self.articles[doc].graph, NT)
            yield doc, rename_graph(doc, triples, renames.get(doc, {}))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store, in two passes over the articles (values, then graphs)."""
        reports = {k: r for a in self.articles.values() for k, r in a.reports.items()}
        keys = cluster(reports.values())
        renames: dict[str, dict[str, str]] = {}
        for (g, m), r in reports.items():
            old, new = m[len(MEETING_NS) :], keys[r.key]
            if old != new:
                renames.setdefault(g, {})[old] = new
        del reports

        ref_pref: dict[str, set[ox.Term]] = {}  # reference nodes (typed there) -> their preferred labels
        for t in self.reference:
            if t.predicate.value == TYPE:
                ref_pref.setdefault(t.subject.value, set())
        for t in self.reference:
            if t.predicate.value == PREF and t.subject.value in ref_pref:
                ref_pref[t.subject.value].add(t.object)

        # pass 1: what the merged values, intervals and shown entities depend on
        counts: dict[tuple[str, str], dict[str, int]] = {}
        terms: dict[str, ox.Term] = {}
        showing: dict[str, set[str]] = {}  # co-chairship -> meetings showing it
        mentioned: set[str] = set()
        agreements: set[str] = set()
        for _, triples in self._graphs(renames):
            for t in triples:
                s, p = t.subject.value, t.predicate.value
                if _functional(s, p):
                    if p != LABEL:
                        o = str(t.object)
                        terms.setdefault(o, t.object)
                        by_value = counts.setdefault((s, p), {})
                        by_value[o] = by_value.get(o, 0) + 1  # one graph gives a triple once
                    else:
                        counts.setdefault((s, p), {})
                elif p == COCHAIR:
                    showing.setdefault(t.object.value, set()).add(s)
                elif p == TYPE:
                    if t.object.value in ENTITY_CLASSES:
                        mentioned.add(s)
                    if s.startswith(AGREEMENT_NS):
                        agreements.add(s)
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
        shown = mentioned & set(ref_pref)

        # pass 2: the quads
        default = ox.DefaultGraph()
        ref, derived_g, log = (ox.NamedNode(g) for g in (REFERENCE_GRAPH, DERIVED_GRAPH, LOG_GRAPH))
        for t in self.reference:
            yield ox.Quad(t.subject, t.predicate, t.object, ref)
            if t.subject.value not in self.entities or t.subject.value in shown:
                yield ox.Quad(t.subject, t.predicate, t.object, default)
        for doc, triples in self._graphs(renames):
            g = ox.NamedNode(doc)
            typed = {
                t.subject.value
                for t in triples
                if t.predicate.value == TYPE and t.object.value in ENTITY_CLASSES and t.subject.value in ref_pref
            }
            for t in triples:
                yield ox.Quad(t.subject, t.predicate, t.object, g)
                if copied(t) and not (
                    t.predicate.value == ALT and t.subject.value in typed and t.object in ref_pref[t.subject.value]
                ):
                    yield ox.Quad(t.subject, t.predicate, t.object, default)
        for t in chosen:
            yield ox.Quad(t.subject, t.predicate, t.object, default)
        for t in derived:
            yield ox.Quad(t.subject, t.predicate, t.object, derived_g)
            yield ox.Quad(t.subject, t.predicate, t.object, default)
        entries = [*log_triples(REFERENCE_GRAPH, self.onto), stamp_triple()]
        for doc in sorted(self.articles):
            entries += log_triples(doc, self.articles[doc].fingerprint)
        for t in entries:
            yield ox.Quad(t.subject, t.predicate, t.object, log)


__all__ = ["BatchPlan"]
