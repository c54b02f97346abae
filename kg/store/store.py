"""The knowledge-graph store: it takes and gives quads (writes, lookups, stats, conflicts).

Works on any ``Backend`` (embedded Oxigraph or a SPARQL 1.1 endpoint).  Every write is one
SPARQL update request, which the backend applies atomically: an interrupted or failed ingest
leaves the store as it was.  What to write is planned above it (``kg.pipeline``,
``kg.resolve.plan``); the store imports no stage above it.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field

import pyoxigraph as ox

from .base import DERIVED_GRAPH, LOG_GRAPH, REFERENCE_GRAPH, Backend, Change, Table, select_terms
from .terms import PREFIXES, SPARQL_PREFIXES, Term, expand, iri, values

T = PREFIXES["tmru"]
FINGERPRINT = T + "ingestFingerprint"
GENERATED = PREFIXES["prov"] + "generatedAtTime"
#: the store's content stamp: a fresh value in the log graph at every write (exports record the one they show)
STAMP_NODE, STAMP = LOG_GRAPH + "#store", T + "contentStamp"
STATS = T + "statsOfStamp"  # the stats of the store's content, as JSON with the stamp they were counted at
#: per named graph, the content stamp of the last write that changed it (exports reuse the blocks of the others)
GRAPH_STAMP = T + "graphStamp"
#: the last ``WRITES`` writes, each in a slot of the log graph (``LOG#write-{n % WRITES}``): the stamp it made
#: (``WRITE_OF``), the one before it (``WRITE_AFTER``) and the nodes it may have changed (``TOUCHED``, as JSON),
#: so that exports patch what changed since they were written (``Store.touched_since``)
WRITES, WRITE_NUMBER, WRITE_OF = 256, T + "writeNumber", T + "writeOf"
WRITE_AFTER, TOUCHED = T + "writeAfter", T + "touchedNodes"
#: meeting properties whose sources may disagree (listed by ``kg conflicts``)
CONFLICT_PROPS = (
    "schema:startDate",
    "tmru:sessionNumber",
    "tmru:city",
    "tmru:format",
    "tmru:kind",
    "tmru:agreementsSigned",
)

XSD_INTEGER = PREFIXES["xsd"] + "integer"
_Values = dict[Term, tuple[set[str], bool]]  # value -> (the graphs giving it, one of them types the meeting)
_CONFLICT_IRIS = frozenset(map(expand, CONFLICT_PROPS))
_TYPE, _MEETING = PREFIXES["rdf"] + "type", T + "Meeting"


def _several(vals: _Values) -> bool:
    """True when graphs typing the meeting give it several values (what ``kg conflicts`` lists)."""
    return sum(1 for _, typed in vals.values() if typed) > 1


@dataclass(frozen=True, slots=True)
class Conflict:
    """One property of a meeting (or a person's side) with several values, each with the sources
    asserting it, and the value the merged graph keeps (``chosen``)."""

    meeting: str  # the meeting, or the person for tmru:forCountry
    property: str
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, sources)
    chosen: str | None = None


@dataclass(slots=True)
class Stats:
    quads: int
    triples: int  # in the merged (default) graph
    articles: int
    languages: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    multi_source_meetings: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "quads": self.quads,
            "triples": self.triples,
            "articles": self.articles,
            "languages": self.languages,
            "classes": self.classes,
            "conflicts": self.conflicts,
            "multi_source_meetings": self.multi_source_meetings,
        }


def _insert(graphs: dict[str, list[ox.Triple]]) -> str:
    """``INSERT DATA`` of ``graphs`` ("" = the default graph)."""
    blocks = []
    for g, triples in sorted(graphs.items()):
        if not triples:
            continue
        body = " .\n".join(map(str, triples)) + " ."
        blocks.append(body if g == "" else f"GRAPH <{g}> {{\n{body}\n}}")
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}" if blocks else ""


def _drop(graph: str) -> list[str]:
    """Drop ``graph`` and remove from the merged graph what no other graph supports."""
    return [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h != <{graph}>) }} }}",
        f"DROP SILENT GRAPH <{graph}>",
    ]


def _conflicting_meeting_props(bound: str = "") -> str:
    """The sub-SELECT of the (meeting, property) pairs to which the graphs give several values (``bound``:
    a ``VALUES ?m`` block keeping to some meetings)."""
    return f"""{{ SELECT ?m ?p WHERE {{ {bound} VALUES ?p {{ {" ".join(CONFLICT_PROPS)} }}
      GRAPH ?g {{ ?m a tmru:Meeting ; ?p ?v }} }} GROUP BY ?m ?p HAVING (COUNT(DISTINCT ?v) > 1) }}"""


def _people_with_sides(bound: str = "") -> str:
    """The sub-SELECT of the people the graphs give several sides (``bound``: a ``VALUES ?m`` block keeping to
    some people; the same pattern then written so that Oxigraph starts from those people)."""
    if bound:
        union = " UNION ".join(
            f"{{ SELECT DISTINCT ?m ?v WHERE {{ {bound} {b} }} }}"
            for b in (
                "GRAPH ?g { ?x tmru:person ?m } OPTIONAL { GRAPH ?g { ?x tmru:forCountry ?v } } FILTER(BOUND(?v))",
                "GRAPH ?g { ?x org:member ?m } OPTIONAL { GRAPH ?g { ?x tmru:forCountry ?v } } FILTER(BOUND(?v))",
                "GRAPH ?g { ?m tmru:forCountry ?v } FILTER EXISTS { GRAPH ?g { ?m a tmru:Person } }",
            )
        )
        return f"{{ SELECT ?m WHERE {{ {union} }} GROUP BY ?m HAVING (COUNT(DISTINCT ?v) > 1) }}"
    return """{ SELECT ?m WHERE { GRAPH ?g { { ?x tmru:person ?m ; tmru:forCountry ?v }
      UNION { ?x org:member ?m ; tmru:forCountry ?v } UNION { ?m a tmru:Person ; tmru:forCountry ?v } } }
    GROUP BY ?m HAVING (COUNT(DISTINCT ?v) > 1) }"""


def _people_bound(people: Iterable[str] | None) -> str | None:
    """The ``VALUES ?m`` block keeping to ``people`` ("" for None: everyone; None when there is no one)."""
    if people is None:
        return ""
    some = sorted({people} if isinstance(people, str) else set(people))
    return values("m", map(iri, some)) if some else None


def _unlog(subject: str) -> str:
    return f"DELETE WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{subject}> ?p ?o }} }}"


def _restamp() -> tuple[str, ox.Triple]:
    """The update that drops the old content stamp, and the triple of a new one (for the log graph)."""
    drop = f"DELETE WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{STAMP}> ?o }} }}"
    return drop, stamp_triple()


def stamp_triple() -> ox.Triple:
    """A new content stamp (for the log graph)."""
    return ox.Triple(iri(STAMP_NODE), iri(STAMP), ox.Literal(uuid.uuid4().hex))


def _restamp_graphs(touched: Iterable[str], kept: Iterable[str], stamp: ox.Triple) -> tuple[str, list[ox.Triple]]:
    """The update that drops the graph stamps of the ``touched`` graphs, and the log triples giving the
    graphs that are ``kept`` (still in the store after the write) the write's content stamp."""
    touched = sorted(set(touched))
    if not touched:
        return "", []
    drop = (
        f"DELETE {{ GRAPH <{LOG_GRAPH}> {{ ?g <{GRAPH_STAMP}> ?o }} }} WHERE {{ "
        f"{values('g', map(iri, touched))} GRAPH <{LOG_GRAPH}> {{ ?g <{GRAPH_STAMP}> ?o }} }}"
    )
    return drop, [ox.Triple(iri(g), iri(GRAPH_STAMP), stamp.object) for g in sorted(set(kept))]


def write_slot(number: int) -> str:
    """The log node of the write numbered ``number`` (one of ``WRITES`` slots, reused in turn)."""
    return f"{LOG_GRAPH}#write-{number % WRITES}"


def log_triples(subject: str, fingerprint: str) -> list[ox.Triple]:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return [
        ox.Triple(iri(subject), iri(FINGERPRINT), ox.Literal(fingerprint)),
        ox.Triple(iri(subject), iri(GENERATED), ox.Literal(now, datatype=iri(PREFIXES["xsd"] + "dateTime"))),
    ]


class Store:
    """The merged knowledge graph on a backend; use as a context manager."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend

    @property
    def location(self) -> str:
        return self.backend.location

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    # ------------------------------------------------------------ reading

    def query(self, sparql: str, bindings: dict[str, Term] | None = None) -> Table:
        """Run a SPARQL query on the merged (default) graph; ``GRAPH`` reaches the per-article graphs.
        ``bindings`` fix variables to terms (passed as terms, never pasted into the query text)."""
        if bindings:
            return self.backend.query(sparql, bindings)
        return self.backend.query(sparql)

    def count(self) -> int:
        """Quads in the store, every graph included."""
        return self.backend.count()

    def empty(self) -> bool:
        """True when the store holds no quad (asked, not counted; the merged graph first, which Oxigraph
        answers at once, where asking every named graph makes it list them)."""
        return not (self.backend.query("ASK { ?s ?p ?o }") or self.backend.query("ASK { GRAPH ?g { ?s ?p ?o } }"))

    def logged(self, subject: str) -> str | None:
        """The fingerprint ``subject`` was ingested with: in the log, or in the article's own graph (so a
        store loaded from our TriG export knows its articles)."""
        rows = self.backend.query(
            f"SELECT ?f WHERE {{ GRAPH ?g {{ <{subject}> <{FINGERPRINT}> ?f }} "
            f"FILTER(?g IN (<{LOG_GRAPH}>, <{subject}>)) }} ORDER BY ?f"
        )
        return rows.rows[0]["f"].value if rows.rows else None

    def stamp(self) -> str | None:
        """The content stamp: it changes at every write (None: a store written before stamps, or empty)."""
        rows = self.backend.query(f"SELECT ?o WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{STAMP}> ?o }} }}")
        return min(r["o"].value for r in rows) if rows.rows else None

    def graph_stamps(self) -> dict[str, str]:
        """Per named graph, the content stamp of the last write that changed it (graphs written before
        graph stamps have none: their export blocks are never reused)."""
        rows = self.backend.query(f"SELECT ?g ?o WHERE {{ GRAPH <{LOG_GRAPH}> {{ ?g <{GRAPH_STAMP}> ?o }} }}")
        out: dict[str, str] = {}
        for r in rows:
            g, o = r["g"].value, r["o"].value
            out[g] = min(out.get(g, o), o)
        return out

    def documents(self, ref: str) -> list[str]:
        """Document IRIs for ``ref``: a document IRI or key, a source URL or a file name."""
        base = PREFIXES["doc"]
        if ref.startswith(base):
            cands = [ref]
        elif len(ref) == 16 and all(c in "0123456789abcdef" for c in ref):
            cands = [base + ref]
        else:
            lits = [ox.Literal(ref), ox.Literal(ref.strip(), datatype=iri(PREFIXES["xsd"] + "anyURI"))]
            rows = self.backend.query(f"""SELECT DISTINCT ?d WHERE {{ {values("v", lits)}
                {{ ?d <{PREFIXES["dcterms"]}identifier> ?v }} UNION {{ ?d <{PREFIXES["schema"]}url> ?v }} }}""")
            cands = [r["d"].value for r in rows]
        return sorted({c for c in cands if self.has_graph(c)})

    def has_graph(self, g: str) -> bool:
        return bool(self.backend.query(f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"))

    # ------------------------------------------------------------ writing

    def lock(self) -> AbstractContextManager[None]:
        """Exclusive write access for one planned change (a no-op on a local store, already exclusive)."""
        return self.backend.lock()

    def load_reference(self, ref: list[ox.Triple], entities: set[str], fingerprint: str) -> None:
        """Replace the reference graph by ``ref``; in the merged graph, the gazetteer ``entities`` (people,
        cities) only while some article mentions them."""
        with self.backend.lock():
            rows = self.backend.query(f"""SELECT ?e WHERE {{ {values("e", map(iri, entities))} FILTER EXISTS {{
                GRAPH ?g {{ ?e a ?t }} FILTER(?g NOT IN (<{REFERENCE_GRAPH}>, <{DERIVED_GRAPH}>)) }} }}""")
            shown = {r["e"].value for r in rows}
            merged = [t for t in ref if t.subject.value not in entities or t.subject.value in shown]
            unstamp, stamp = _restamp()
            ungraph, graph_stamps = _restamp_graphs([REFERENCE_GRAPH], [REFERENCE_GRAPH], stamp)
            log = [*log_triples(REFERENCE_GRAPH, fingerprint), stamp, *graph_stamps]
            ops = [
                *_drop(REFERENCE_GRAPH),
                _unlog(REFERENCE_GRAPH),
                unstamp,
                ungraph,
                _insert({"": merged, REFERENCE_GRAPH: ref, LOG_GRAPH: log}),
            ]
            self.backend.update(" ;\n".join(ops))

    def write(self, change: Change, doc: str, fingerprint: str | None) -> None:
        """Apply ``change`` in one update: drop the replaced graphs (and what only they supported in the
        merged graph), reset the touched functional values and derived data, insert the new graphs and
        merged triples, log ``doc`` (with ``fingerprint``; None: ``doc`` is removed)."""
        ops = []
        if change.drop:
            gs = " ".join(f"<{g}>" for g in change.drop)
            keep = ", ".join(f"<{g}>" for g in (*change.drop, LOG_GRAPH))
            only = ""  # the subjects whose triples are checked against the other graphs (~40 µs a triple)
            if change.drop_shared is not None:  # the planner split the dropped triples by subject
                if change.drop_alone:  # no other graph has their subject: removed without a check
                    ops.append("DELETE DATA {\n" + " .\n".join(map(str, change.drop_alone)) + " .\n}")
                only = values("s", map(iri, change.drop_shared)) if change.drop_shared else None
            if only is not None:
                ops.append(
                    f"DELETE {{ ?s ?p ?o }} WHERE {{ {only} VALUES ?g {{ {gs} }} GRAPH ?g {{ ?s ?p ?o }} "
                    f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER(?h NOT IN ({keep})) }} }}"
                )
        if change.reset:
            rows = " ".join(f"(<{s}> <{p}>)" for s, p in change.reset)
            ops.append(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p) {{ {rows} }} ?s ?p ?o }}")
        ops += [f"DROP SILENT GRAPH <{g}>" for g in change.drop]
        if change.derived_reset:
            ops.append(
                f"DELETE {{ GRAPH <{DERIVED_GRAPH}> {{ ?x ?p ?o }} ?x ?p ?o }} WHERE {{ "
                f"{values('x', map(iri, change.derived_reset))} GRAPH <{DERIVED_GRAPH}> {{ ?x ?p ?o }} }}"
            )
        unstamp, stamp = _restamp()
        ops += self._record_write(change, doc, stamp)
        derived = [DERIVED_GRAPH] if change.derived or change.derived_reset else []
        kept = [g for g, triples in change.graphs.items() if triples] + derived
        ungraph, graph_stamps = _restamp_graphs([*change.drop, *change.graphs, *derived], kept, stamp)
        ops += [_unlog(doc), unstamp] + ([ungraph] if ungraph else [])
        log = [*(log_triples(doc, fingerprint) if fingerprint is not None else []), stamp, *graph_stamps]
        insert = _insert({**change.graphs, DERIVED_GRAPH: change.derived, LOG_GRAPH: log, "": change.merged})
        ops += [insert] if insert else []
        if change.unshown:
            ops.append(
                f"DELETE {{ ?e ?p ?o }} WHERE {{ {values('e', map(iri, change.unshown))} "
                f"GRAPH <{REFERENCE_GRAPH}> {{ ?e ?p ?o }} }}"
            )
        if change.shown:
            ops.append(
                f"INSERT {{ ?e ?p ?o }} WHERE {{ {values('e', map(iri, change.shown))} "
                f"GRAPH <{REFERENCE_GRAPH}> {{ ?e ?p ?o }} }}"
            )
        self.backend.update(" ;\n".join(ops))

    def _record_write(self, change: Change, doc: str, stamp: ox.Triple) -> list[str]:
        """The operations that log this write in its slot (see ``WRITES``); none when the nodes it touches
        cannot be listed (the chain then breaks: exports written before it are written in full)."""
        rows = self.backend.query(
            f"SELECT ?s ?n WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{STAMP}> ?s "
            f"OPTIONAL {{ <{STAMP_NODE}> <{WRITE_NUMBER}> ?n }} }} }}"
        )
        touched = change.touched(doc, objects=False)
        if len(rows.rows) != 1 or touched is None:
            return [f"DELETE WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{WRITE_NUMBER}> ?n }} }}"]
        before, n = rows.rows[0]["s"].value, rows.rows[0]["n"]
        number = int(n.value) + 1 if n is not None and n.value.isdigit() else 0
        slot = write_slot(number)
        nodes = json.dumps(sorted(touched[2]), separators=(",", ":"))
        log = [
            ox.Triple(iri(STAMP_NODE), iri(WRITE_NUMBER), ox.Literal(str(number), datatype=iri(XSD_INTEGER))),
            ox.Triple(iri(slot), iri(WRITE_OF), stamp.object),
            ox.Triple(iri(slot), iri(WRITE_AFTER), ox.Literal(before)),
            ox.Triple(iri(slot), iri(TOUCHED), ox.Literal(nodes)),
        ]
        return [
            f"DELETE WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{WRITE_NUMBER}> ?n }} }}",
            f"DELETE WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{slot}> ?p ?o }} }}",
            _insert({LOG_GRAPH: log}),
        ]

    def touched_since(self, stamp: str | None) -> set[str] | None:
        """The nodes the writes since the content ``stamp`` may have changed (``Change.touched``), from the
        log of the last writes; None when they are not all logged (another kind of write, or too many)."""
        now = self.stamp()
        if stamp is None or now is None:
            return None
        if now == stamp:
            return set()
        rows = self.backend.query(
            f"SELECT ?of ?after ?nodes WHERE {{ GRAPH <{LOG_GRAPH}> {{ ?w <{WRITE_OF}> ?of ; "
            f"<{WRITE_AFTER}> ?after ; <{TOUCHED}> ?nodes }} }}"
        )
        back = {r["of"].value: (r["after"].value, r["nodes"].value) for r in rows}
        out: set[str] = set()
        for _ in range(len(back)):
            if now not in back:
                return None
            now, nodes = back[now]
            out.update(json.loads(nodes))
            if now == stamp:
                return out
        return None

    # ------------------------------------------------------------ reports

    def conflict_count(self, meetings: Iterable[str] | None = None, people: Iterable[str] | None = None) -> int:
        """``len(self.conflicts())``, counted without fetching the sources of each value; with ``meetings``
        and ``people``, only the conflicts of those meetings and people (the others are not looked at)."""
        q = self.backend.query
        if meetings is None:
            rows = q(f"{SPARQL_PREFIXES}SELECT (COUNT(*) AS ?n) WHERE {{ {_conflicting_meeting_props()} }}")
            n = int(rows.rows[0]["n"].value)
        else:
            n = sum(1 for vals in self._meeting_values(sorted(set(meetings))).values() if _several(vals))
        bound = _people_bound(people)
        if bound is not None:
            rows = q(f"{SPARQL_PREFIXES}SELECT (COUNT(*) AS ?n) WHERE {{ {_people_with_sides(bound)} }}")
            n += int(rows.rows[0]["n"].value)
        return n

    def conflicts(self, meetings: Iterable[str] | None = None, people: Iterable[str] | None = None) -> list[Conflict]:
        """Meeting properties to which sources give different values, and people given several sides (with
        ``meetings`` and ``people``, only those of these meetings and people; None: of all of them)."""
        src = """OPTIONAL { ?doc schema:url ?url } OPTIONAL { ?doc dcterms:identifier ?name }
  BIND(COALESCE(STR(?url), STR(?name), STR(?doc)) AS ?src)"""
        grouped: dict[tuple[str, str], dict[str, set[str]]] = {}
        chosen: dict[tuple[str, str], str] = {}
        given = self._meeting_values(None if meetings is None else sorted(set(meetings)))
        names = self._sources({g for vals in given.values() for gs, _ in vals.values() for g in gs})
        for (m, p), vals in given.items():
            if _several(vals):
                for v, (gs, _) in vals.items():
                    for g in gs - {REFERENCE_GRAPH}:
                        grouped.setdefault((m, p), {}).setdefault(v.value, set()).update(names.get(g, (g,)))
        few = meetings is not None and len(grouped) < 1000  # (then looked up, else scanned)
        for p in {p for _, p in grouped}:
            bound = values("m", (iri(m) for m, q in grouped if q == p)) if few else ""
            for m, o in select_terms(self.backend, f"SELECT ?m ?o WHERE {{ {bound} ?m <{p}> ?o }}"):
                if (m.value, p) in grouped:
                    chosen[(m.value, p)] = min(chosen.get((m.value, p), o.value), o.value)
        bound = _people_bound(people)
        sides = (
            []
            if bound is None
            else self.backend.query(f"""{SPARQL_PREFIXES}
SELECT ?m ?v ?src ?chosen WHERE {{
  {_people_with_sides(bound)}
  GRAPH ?doc {{ {{ ?x tmru:person ?m ; tmru:forCountry ?v }} UNION {{ ?x org:member ?m ; tmru:forCountry ?v }}
    UNION {{ ?m a tmru:Person ; tmru:forCountry ?v }} }}
  OPTIONAL {{ ?m tmru:forCountry ?chosen }}
  {src.replace("COALESCE(", f"COALESCE(IF(?doc = <{REFERENCE_GRAPH}>, 'gazetteer', ?unbound), ")}
}}""")
        )
        for r in sides:
            key = (r["m"].value, T + "forCountry")
            grouped.setdefault(key, {}).setdefault(r["v"].value, set()).add(r["src"].value)
            if r["chosen"] is not None:
                chosen[key] = r["chosen"].value
        return [
            Conflict(m, p, tuple((v, tuple(sorted(s))) for v, s in sorted(vals.items())), chosen.get((m, p)))
            for (m, p), vals in sorted(grouped.items())
        ]

    def _meeting_values(self, meetings: list[str] | None = None) -> dict[tuple[str, str], _Values]:
        """Per (meeting, property of ``CONFLICT_PROPS``), each value with the graphs giving it and whether one
        of them types the meeting: one scan per property (a join of the properties in SPARQL is 5x slower), or
        for some ``meetings`` a lookup bound on them."""
        if meetings is None:
            rows = select_terms(self.backend, f"SELECT ?g ?m WHERE {{ GRAPH ?g {{ ?m a <{_MEETING}> }} }}")
            typed = {(g.value, m.value) for g, m in rows}
            found = [
                (g, m, p, v)
                for p in sorted(_CONFLICT_IRIS)
                for g, m, v in select_terms(self.backend, f"SELECT ?g ?m ?v WHERE {{ GRAPH ?g {{ ?m <{p}> ?v }} }}")
            ]
        else:
            found, typed = [], set()
            for chunk in (meetings[i : i + 500] for i in range(0, len(meetings), 500)):
                sparql = f"SELECT ?g ?m ?p ?v WHERE {{ {values('m', map(iri, chunk))} GRAPH ?g {{ ?m ?p ?v }} }}"
                for g, m, p, v in select_terms(self.backend, sparql):
                    if p.value == _TYPE and v.value == _MEETING:
                        typed.add((g.value, m.value))
                    elif p.value in _CONFLICT_IRIS:
                        found.append((g, m, p.value, v))
        meeting_set = {m for _, m in typed}
        out: dict[tuple[str, str], _Values] = {}
        for g, m, p, v in found:
            if m.value in meeting_set:
                gs, t = out.setdefault((m.value, p), {}).get(v, (set(), False))
                gs.add(g.value)
                out[(m.value, p)][v] = (gs, t or (g.value, m.value) in typed)
        return out

    def _sources(self, docs: set[str]) -> dict[str, list[str]]:
        """What ``kg conflicts`` names each document by: its URLs, else its file names (else its IRI)."""
        if not docs:
            return {}
        urls: dict[str, list[str]] = {}
        names: dict[str, list[str]] = {}
        bound = values("d", map(iri, docs)) if len(docs) < 1000 else ""  # (a few looked up, many scanned)
        for prop, into in ((PREFIXES["schema"] + "url", urls), (PREFIXES["dcterms"] + "identifier", names)):
            for d, v in select_terms(self.backend, f"SELECT ?d ?v WHERE {{ {bound} ?d <{prop}> ?v }}"):
                if d.value in docs:
                    into.setdefault(d.value, []).append(v.value)
        return {d: urls.get(d) or names.get(d) or [d] for d in docs}

    def stats(self, record: bool = False) -> Stats:
        """Counts per class, articles per language, conflicts: as recorded for the current content
        stamp by the last build (``record_stats``), else counted (and, with ``record``, recorded)."""
        st = self.recorded_stats()
        if st is None:
            st = self.count_stats()
            if record:
                self.record_stats(st)
        return st

    def recorded_stats(self) -> Stats | None:
        """The stats recorded for the current content stamp (``record_stats``), or None."""
        stamp = self.stamp()
        if stamp is None:
            return None
        rows = self.backend.query(f"SELECT ?o WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{STATS}> ?o }} }}")
        for r in rows:
            try:
                rec = json.loads(r["o"].value)
                if rec.get("stamp") == stamp:
                    return Stats(**rec["stats"])
            except (ValueError, TypeError, KeyError):
                continue  # a record of another version: counted again
        return None

    def record_stats(self, st: Stats) -> None:
        """Keep ``st`` with the current content stamp, so that ``stats`` need not count again until
        the content changes (the stamp is not changed by this)."""
        stamp = self.stamp()
        if stamp is None:
            return
        value = json.dumps({"stamp": stamp, "stats": st.to_json()}, sort_keys=True)
        literal = value.replace("\\", "\\\\").replace('"', '\\"')
        self.backend.update(
            f"DELETE WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{STATS}> ?o }} }} ;\n"
            f'INSERT DATA {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{STATS}> "{literal}" }} }}'
        )

    def count_stats(self) -> Stats:
        """Counts per class, articles per language, conflicts, counted in the store."""
        q = self.backend.query
        classes = q(f"""PREFIX tmru: <{T}> SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c
            FILTER(STRSTARTS(STR(?c), STR(tmru:))) }} GROUP BY ?c""")
        langs = q(f"""{SPARQL_PREFIXES} SELECT ?l (COUNT(DISTINCT ?d) AS ?n) WHERE {{
            ?d a tmru:Document ; dcterms:language ?l }} GROUP BY ?l""")
        multi = q(f"""{SPARQL_PREFIXES} SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT ?m WHERE {{
            ?m a tmru:Meeting ; prov:wasDerivedFrom ?d }} GROUP BY ?m HAVING (COUNT(DISTINCT ?d) > 1) }} }}""")
        triples = q("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        by_lang = {r["l"].value: int(r["n"].value) for r in langs}
        # (the record of the stats and the log of the last writes are no content: the count of a store built
        # in one bulk load, which logs no write, is that of the same store built article by article)
        recorded = q(f"SELECT ?o WHERE {{ GRAPH <{LOG_GRAPH}> {{ <{STAMP_NODE}> <{STATS}> ?o }} }}")
        writes = q(f"""SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{LOG_GRAPH}> {{
            {{ ?w <{WRITE_OF}> ?x . ?w ?p ?o }} UNION {{ ?s <{WRITE_NUMBER}> ?o }} }} }}""")
        return Stats(
            quads=self.count() - len(recorded.rows) - int(writes.rows[0]["n"].value),
            triples=int(triples.rows[0]["n"].value),
            articles=sum(by_lang.values()),
            languages=dict(sorted(by_lang.items())),
            classes=dict(sorted((r["c"].value.rsplit("#", 1)[-1], int(r["n"].value)) for r in classes)),
            conflicts=self.conflict_count(),
            multi_source_meetings=int(multi.rows[0]["n"].value),
        )

    # ------------------------------------------------------------ quads out

    def triples(self) -> Iterable[ox.Triple]:
        """The merged graph, in a stable order."""
        return self.backend.triples()

    def quads(self) -> Iterable[ox.Quad]:
        """The merged default graph and the named graphs (articles, ontology, derived), in a stable order."""
        return self.backend.quads()
