"""The planner's lookups (issue 13: a flat incremental ingest).  On an embedded store its rows are read
straight from pyoxigraph's answer; through any other backend (a SPARQL endpoint) from the ``Table`` of
``Backend.query``: the planned change is the same either way, for adds, replacements and removals.
Renaming an article's reports is table-driven."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from kg.documents import iter_documents
from kg.extract import extract
from kg.pipeline import FINGERPRINT, Ingester
from kg.resolve import resolve
from kg.resolve.plan import _rows, _terms, plan, rename_graph
from kg.store.base import LOG_GRAPH
from kg.store.local import LocalBackend
from kg.store.store import Store
from kg.store.terms import iri

from .conftest import write_articles
from .fixtures import ALL
from .test_ingest_terms import synth


class TableOnly:
    """A backend seen only through the ``Backend`` protocol (what the planner gets from a SPARQL endpoint):
    rows come as a ``Table``, no embedded-store shortcut."""

    def __init__(self, backend: LocalBackend) -> None:
        self.inner, self.location = backend, backend.location

    def query(self, sparql, bindings=None):
        return self.inner.query(sparql)

    def update(self, sparql):
        self.inner.update(sparql)

    def lock(self):
        return self.inner.lock()

    def close(self):
        self.inner.close()


class FullPattern(Store):
    """Writes without the planner's split of the dropped triples by subject: the update checks each one."""

    def write(self, change, doc, fingerprint):
        super().write(dataclasses.replace(change, drop_alone=None, drop_shared=None), doc, fingerprint)


LOG = ox.NamedNode(LOG_GRAPH)


def _content(backend: LocalBackend) -> list[ox.Quad]:
    """Every quad but the ingestion log (times and stamps differ between stores)."""
    return [q for q in backend.store.quads_for_pattern(None, None, None, None) if q.graph_name != LOG]


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list:
    root = tmp_path_factory.mktemp("paths")
    # a dense synthetic corpus: many reports a day apart, merges that rename stored meetings
    paths = [synth(60, root / "synth", seed=5), write_articles(root / "fixtures", ALL)]
    return [resolve(extract(d)) for d in iter_documents(paths)]


def _triples(ra) -> list[ox.Triple]:
    from kg.graph import article_triples

    doc = str(ra.iri)
    return [*article_triples(ra), ox.Triple(iri(doc), iri(FINGERPRINT), ox.Literal("fp"))]


def _same_plan(backend: LocalBackend, doc: str, new, replacing: bool) -> None:
    local = plan(backend, doc, new, replacing)
    generic = plan(TableOnly(backend), doc, new, replacing)
    assert local == generic, doc


def test_same_change_and_store_through_any_backend(articles):
    """Every add (with renames of stored meetings among them), replacement and removal plans the same change
    from pyoxigraph's rows as from a ``Table``, and writing it gives the same store either way, also when the
    update checks every dropped triple against the other graphs instead of the subjects other graphs have."""
    renamed = 0
    with Store(LocalBackend.memory()) as fast, FullPattern(TableOnly(LocalBackend.memory())) as generic:
        ings = [Ingester(fast), Ingester(generic)]
        for ing in ings:
            ing.ensure_reference()
        for ra in articles:
            doc = str(ra.iri)
            _same_plan(fast.backend, doc, _triples(ra), False)
            renamed += len(set(plan(fast.backend, doc, _triples(ra), False).drop) - {doc})
            for ing in ings:
                ing.ingest(ra)
            assert _content(fast.backend) == _content(generic.backend.inner), doc
        assert renamed > 0  # the corpus exercises the rewrite of stored graphs
        for ra in articles[:8]:
            doc = str(ra.iri)
            _same_plan(fast.backend, doc, _triples(ra), True)  # replacing
            _same_plan(fast.backend, doc, None, True)  # removing
            for ing in ings:
                assert ing.remove(doc)
            assert _content(fast.backend) == _content(generic.backend.inner), doc


def test_rows_as_tuples_in_select_order():
    backend = LocalBackend.memory()
    backend.update(
        'INSERT DATA { <http://e/a> <http://e/p> "x" . <http://e/b> <http://e/p> "y" . <http://e/a> <http://e/q> 1 }'
    )
    sparql = "SELECT ?o ?s ?n WHERE { ?s <http://e/p> ?o OPTIONAL { ?s <http://e/q> ?n } } ORDER BY ?s"
    want = [("x", "http://e/a", "1"), ("y", "http://e/b", None)]
    assert _rows(backend, sparql) == want
    assert _rows(TableOnly(backend), sparql) == want
    assert _terms(backend, sparql) == _terms(TableOnly(backend), sparql)


ID = "https://w3id.org/tmru/id/"
DOC = "https://w3id.org/tmru/doc/abc"
NEW = "2020-01-01-commission-session"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (ID + "meeting/abc-1", ID + f"meeting/{NEW}"),
        (ID + "agreement/abc-1", ID + f"agreement/{NEW}"),
        (ID + "participation/abc-1--rashid-meredov", ID + f"participation/{NEW}--rashid-meredov"),
        (ID + "participation/abc-1", ID + "participation/abc-1"),  # no person: not a participation IRI
        (ID + "evidence/abc/abc-1/date", ID + f"evidence/abc/{NEW}/date"),
        (ID + "evidence/abc/abc-1/area/energy", ID + f"evidence/abc/{NEW}/area/energy"),
        (ID + "evidence/def/abc-1/date", ID + "evidence/def/abc-1/date"),  # another article's evidence
        (ID + "meeting/abc-2", ID + "meeting/abc-2"),  # not in the mapping
        (ID + "person/x-abc-1", ID + "person/x-abc-1"),
        ("https://example.org/meeting/abc-1", "https://example.org/meeting/abc-1"),
    ],
)
def test_rename_graph(before, after):
    p, lit = iri("http://e/p"), ox.Literal(before)
    triples = [ox.Triple(iri(before), p, iri(before)), ox.Triple(iri(before), p, lit)]
    got = rename_graph(DOC, triples, {"abc-1": NEW})
    assert got == sorted([ox.Triple(iri(after), p, iri(after)), ox.Triple(iri(after), p, lit)], key=str)
    assert rename_graph(DOC, list(reversed(triples)), {}) == sorted(triples, key=str)
