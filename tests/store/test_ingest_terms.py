"""Ingest builds an article's quads directly as pyoxigraph terms (issue 13): the same triples, in the same
order, as the rdflib graph they replace (``triples_of(article_graph(ra))``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.documents import iter_documents
from kg.extract import extract
from kg.graph import article_graph, article_triples
from kg.resolve import resolve
from kg.store.terms import triples_of

from .conftest import write_articles
from .fixtures import ALL

ROOT = Path(__file__).resolve().parents[2]


def synth(n: int, out: Path, seed: int = 3) -> Path:
    import synth as generator  # bench/ is on the tests' path (pyproject.toml)

    generator.generate(n, out, seed=seed)
    return out


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list:
    root = tmp_path_factory.mktemp("terms")
    paths = [synth(40, root / "synth"), write_articles(root / "fixtures", ALL), ROOT / "examples" / "000_tr.txt"]
    return [resolve(extract(d)) for d in iter_documents(paths)]


def test_same_triples_as_the_rdflib_graph(articles):
    assert len(articles) > 40 and sum(len(ra.meetings) for ra in articles) > 40
    for ra in articles:
        assert article_triples(ra) == triples_of(article_graph(ra)), ra.facts.document.name
