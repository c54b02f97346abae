"""Stats kept up to date across a few writes, instead of counted again over the whole store.

Every number of ``Stats`` is a sum over parts of the store that a write touches or leaves alone:

* quads: per named graph (its size), per subject of the ingestion log (its entries), per subject of
  the merged graph (its triples);
* triples, classes, languages, multi-source meetings: per subject of the merged graph;
* conflicts: per meeting (its properties with several values across the graphs) and per person (the
  sides the graphs give them).

So the stats after some writes are the stats before them, minus what the touched parts counted before
the first write that touched them, plus what they count after the last one.  ``Tally.note`` is called
with each change before it is written; ``Tally.stats`` after the writes.  A tally gives up (``stats``
is None: count the whole store) on a change it cannot bound (blank nodes) or once it has touched more
than ``limit`` parts (counting everything is then cheaper)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .base import LOG_GRAPH, Change
from .store import STATS, WRITE_NUMBER, Stats, Store
from .terms import PREFIXES, iri, values

T = PREFIXES["tmru"]
TYPE, LANGUAGE = PREFIXES["rdf"] + "type", PREFIXES["dcterms"] + "language"
DERIVED_FROM = PREFIXES["prov"] + "wasDerivedFrom"


@dataclass(slots=True)
class _Part:
    """What some parts of the store count towards ``Stats`` (all fields add up over disjoint parts)."""

    quads: int = 0
    triples: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    conflicts: int = 0
    multi: int = 0


class Tally:
    """``Stats`` of a store carried across writes (see the module)."""

    def __init__(self, store: Store, stats: Stats, limit: int = 20_000) -> None:
        self.store, self.base, self.limit = store, stats, limit
        self.graphs: set[str] = set()  # named graphs touched (the log excluded)
        self.logged: set[str] = set()  # subjects of the ingestion log touched
        self.nodes: set[str] = set()  # subjects of the merged graph, meetings and people touched
        self.before = _Part()
        self.valid = True

    def note(self, change: Change, doc: str) -> None:
        """Before ``change`` (of article ``doc``) is written: what it touches that no earlier change did,
        counted as it is now."""
        if not self.valid:
            return
        touched = change.touched(doc)
        if touched is None:
            self.valid = False
            return
        graphs, logged, nodes = touched
        new_graphs, new_logged = graphs - self.graphs, logged - self.logged
        new_nodes = nodes - self.nodes
        if len(self.graphs) + len(self.logged) + len(self.nodes) + len(nodes) > self.limit:
            self.valid = False
            return
        _add(self.before, self._count(new_graphs, new_logged, new_nodes))
        self.graphs |= new_graphs
        self.logged |= new_logged
        self.nodes |= new_nodes

    def invalidate(self) -> None:
        """A write the tally did not see (the reference graph reloaded): count the whole store."""
        self.valid = False

    def stats(self) -> Stats | None:
        """The stats now (after the noted writes), or None when the tally gave up."""
        if not self.valid:
            return None
        after = self._count(self.graphs, self.logged, self.nodes)
        b = self.base
        classes = Counter(b.classes)
        classes.subtract(self.before.classes)
        classes.update(after.classes)
        languages = Counter(b.languages)
        languages.subtract(self.before.languages)
        languages.update(after.languages)
        langs = {k: n for k, n in sorted(languages.items()) if n}
        return Stats(
            quads=b.quads - self.before.quads + after.quads,
            triples=b.triples - self.before.triples + after.triples,
            articles=sum(langs.values()),
            languages=langs,
            classes={k: n for k, n in sorted(classes.items()) if n},
            conflicts=b.conflicts - self.before.conflicts + after.conflicts,
            multi_source_meetings=b.multi_source_meetings - self.before.multi + after.multi,
        )

    def _count(self, graphs: set[str], logged: set[str], nodes: set[str]) -> _Part:
        """What ``graphs`` (named), the log entries of ``logged`` and the merged-graph subjects, meetings
        and people ``nodes`` count now (the queries of ``Store.count_stats``, bound to them)."""
        out = _Part()
        q = self.store.backend.query
        if graphs:
            rows = q(f"SELECT (COUNT(*) AS ?n) WHERE {{ {values('g', map(iri, graphs))} GRAPH ?g {{ ?s ?p ?o }} }}")
            out.quads += int(rows.rows[0]["n"].value)
        if logged:
            rows = q(
                f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{LOG_GRAPH}> {{ {values('s', map(iri, logged))} "
                f"?s ?p ?o FILTER(?p NOT IN (<{STATS}>, <{WRITE_NUMBER}>)) }} }}"
            )
            out.quads += int(rows.rows[0]["n"].value)
        if not nodes:
            return out
        bound = values("s", map(iri, nodes))
        types: dict[str, set[str]] = {}
        langs: dict[str, set[str]] = {}
        sources: dict[str, set[str]] = {}
        for r in q(f"SELECT ?s ?p ?o WHERE {{ {bound} ?s ?p ?o }}"):
            s, p, o = r["s"].value, r["p"].value, r["o"]
            out.triples += 1
            if p == TYPE:
                types.setdefault(s, set()).add(o.value)
            elif p == LANGUAGE:
                langs.setdefault(s, set()).add(o.value)
            elif p == DERIVED_FROM:
                sources.setdefault(s, set()).add(o.value)
        out.quads += out.triples
        for s, cs in types.items():
            out.classes.update(c.rsplit("#", 1)[-1] for c in cs if c.startswith(T))
            if T + "Document" in cs:
                out.languages.update(langs.get(s, ()))
            if T + "Meeting" in cs and len(sources.get(s, ())) > 1:
                out.multi += 1
        # (a meeting or person some graph has is typed in the merged graph: the others have no conflict)
        meetings = [s for s, cs in types.items() if T + "Meeting" in cs]
        people = [s for s, cs in types.items() if T + "Person" in cs]
        out.conflicts = self.store.conflict_count(meetings, people)
        return out


def _add(into: _Part, part: _Part) -> None:
    into.quads += part.quads
    into.triples += part.triples
    into.classes.update(part.classes)
    into.languages.update(part.languages)
    into.conflicts += part.conflicts
    into.multi += part.multi


__all__ = ["Tally"]
