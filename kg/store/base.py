"""What every store backend provides, and the query result type shared by local and remote stores.

Layout of a store (any backend):

* one named graph per article (``doc/{key}``): the facts as that article reports them, with provenance;
* ``https://w3id.org/tmru/ontology``: the ontology, areas and gazetteer (labels for every node);
* ``https://w3id.org/tmru/derived``: data computed from several articles (co-chair intervals);
* ``https://w3id.org/tmru/ingestion``: ingestion times and the ontology hash (never exported);
* the default graph: the merged graph, i.e. the union of the article, ontology and derived graphs,
  kept up to date at every write, so plain SPARQL on the default graph sees the merged graph on
  any endpoint without a "union default graph" setting.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from ..vocab import BASE
from .terms import Term

REFERENCE_GRAPH = BASE + "ontology"
DERIVED_GRAPH = BASE + "derived"
LOG_GRAPH = BASE + "ingestion"
LOCK_GRAPH = BASE + "lock"  # writers' lock entries on a shared endpoint (transient, never exported)


@dataclass(slots=True)
class Change:
    """What one ingest or removal writes, as quads (planned above the store, by ``kg.resolve.plan``)."""

    drop: list[str]  # article graphs dropped (replaced, removed, or rewritten under new meeting IRIs)
    graphs: dict[str, list[ox.Triple]]  # article graphs inserted
    reset: list[tuple[str, str]]  # (subject, property) pairs whose merged values are replaced
    merged: list[ox.Triple]  # triples inserted into the merged (default) graph
    derived: list[ox.Triple]  # triples inserted into the derived graph (and the merged graph, via ``merged``)
    derived_reset: list[str]  # subjects whose derived triples are replaced
    shown: list[str] = field(default_factory=list)  # gazetteer entities shown in the merged graph
    unshown: list[str] = field(default_factory=list)  # gazetteer entities no article mentions any more
    #: what the dropped graphs held in the merged graph, split by subject (None: the update checks every
    #: triple): triples whose subject no other graph has (removed as they are) and the subjects other graphs
    #: also have (each of their triples kept while another graph holds it)
    drop_alone: list[ox.Triple] | None = None
    drop_shared: list[str] | None = None
    #: the subjects and objects of the dropped graphs' triples (what stats kept up to date recount)
    dropped_nodes: frozenset[ox.Term] = frozenset()

    def touched(self, doc: str, objects: bool = True) -> tuple[set[str], set[str], set[str]] | None:
        """What writing this change (of article ``doc``) may change: named graphs, subjects of the ingestion
        log, and nodes (subjects of the merged graph, meetings and people whose conflicts may change; without
        ``objects``, only the subjects of the graphs' triples: enough for the merged graph, whose people and
        meetings are subjects in every graph naming them); None when a blank node is among them (it cannot be
        looked up again)."""
        graphs = {*self.drop, *self.graphs}
        if self.derived or self.derived_reset:
            graphs.add(DERIVED_GRAPH)
        terms: list[ox.Term] = [*self.dropped_nodes]
        for ts in (*self.graphs.values(), self.merged):
            for t in ts:
                terms += (t.subject, t.object) if objects else (t.subject,)
        if any(isinstance(t, ox.BlankNode) for t in terms):
            return None
        nodes = {t.value for t in terms if isinstance(t, ox.NamedNode)}
        nodes |= {s for s, _ in self.reset} | set(self.derived_reset) | set(self.shown) | set(self.unshown)
        return graphs, {doc, LOG_GRAPH + "#store"} | graphs, nodes


@dataclass(slots=True)
class Table:
    """Result of a query: SELECT rows (dicts by variable name), CONSTRUCT triples as
    ``subject``/``predicate``/``object`` rows, or an ASK ``boolean``."""

    columns: list[str]
    rows: list[dict[str, Term | None]] = field(default_factory=list)
    boolean: bool | None = None

    def __iter__(self) -> Iterator[dict[str, Term | None]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.boolean is not None else bool(self.rows)


class Backend(Protocol):
    """The primitives a store needs: SPARQL query and (atomic) update, plus dataset iteration."""

    location: str

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> Table:
        """Run a SPARQL query; ``bindings`` fix variables to RDF terms (``kg query --bind``)."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update request; all its operations apply together or not at all."""

    def triples(self) -> Iterator[ox.Triple]:
        """The default (merged) graph in a stable order."""

    def quads(self) -> Iterator[ox.Quad]:
        """The default graph and the named graphs except the ingestion log, in a stable order."""

    def count(self) -> int:
        """Number of quads in the store (all graphs)."""

    def lock(self) -> AbstractContextManager[None]:
        """Exclusive write access for one ingest or removal (a no-op where the store is already exclusive)."""

    def close(self) -> None: ...


def select_terms(backend: Backend, sparql: str) -> list[tuple[ox.Term | None, ...]]:
    """The rows of a SELECT as tuples of terms (None for an unbound one), in the order of its variables;
    on an embedded store straight from pyoxigraph's answer (no dict per row)."""
    results = getattr(backend, "results", None)
    if results is None:
        table = backend.query(sparql)
        return [tuple(r[c] for c in table.columns) for r in table.rows]
    answer = results(sparql)
    try:
        return [tuple(sol) for sol in answer]
    except (RuntimeError, OSError) as exc:  # raised while the answer is read
        from ..errors import StoreError, reason

        raise StoreError(f"query failed on {backend.location}: {reason(exc)}") from exc


def table_from_ox(result: ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean) -> Table:
    """A pyoxigraph query result as a ``Table``."""
    if isinstance(result, ox.QueryBoolean):
        return Table(["boolean"], [], bool(result))
    if isinstance(result, ox.QueryTriples):
        cols = ["subject", "predicate", "object"]
        return Table(cols, [dict(zip(cols, (t.subject, t.predicate, t.object), strict=True)) for t in result])
    names = [v.value for v in result.variables]
    return Table(names, [{n: sol[n] for n in names} for sol in result])
