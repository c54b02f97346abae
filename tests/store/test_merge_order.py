"""The merged graph is a function of the set of articles (issue 11): any order, any batching, and
remove + re-add give byte-identical exports.  Real articles: the dev corpus when it is there
($KG_DEV_CORPUS, default ../shared/corpus/texts), else our own test articles."""

from __future__ import annotations

import io
import os
import tempfile
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.documents import iter_documents
from kg.export.rdf import write_to
from kg.extract import extract
from kg.pipeline import Ingester
from kg.resolve import resolve
from kg.store.local import LocalBackend
from kg.store.store import Store

from .fixtures import ALL

#: dev-corpus articles that report the same meetings as others (and a few that do not)
CORPUS_NAMES = [
    "000_tr.txt",
    "003_en.txt",
    "020_ru.txt",
    "004_en.txt",
    "008_en.txt",
    "105_en.txt",
    "033_tk.txt",
    "036_en.txt",
    "013_ru.txt",
    "114_en.txt",
    "119_tr.txt",
    "049_ru.txt",
    "050_ru.txt",
    "031_tk.txt",
    "060_tk.txt",
    "018_en.txt",
    "001_en.txt",
    "005_en.txt",
]


def _corpus() -> Path | None:
    root = Path(os.environ.get("KG_DEV_CORPUS", Path(__file__).parents[3] / "shared" / "corpus" / "texts"))
    if not root.is_dir():
        root = Path("/work/shared/corpus/texts")
    return root if root.is_dir() else None


@cache
def articles() -> tuple:
    root = _corpus()
    if root is not None:
        paths = [root / n for n in CORPUS_NAMES if (root / n).is_file()]
        docs = list(iter_documents(paths))
    else:  # pragma: no cover - without the dev corpus
        folder = Path(tempfile.mkdtemp())
        for name, text in ALL.items():
            (folder / name).write_text(text, encoding="utf-8")
        docs = list(iter_documents([folder]))
    return tuple(resolve(extract(d)) for d in docs)


def export(batches: list[list[int]], removals: list[int] = (), readd: bool = True) -> bytes:
    """N-Quads of an on-disk store built batch by batch (each batch its own Store), after removing (and
    re-adding) ``removals`` (the on-disk store iterates in key order: the bytes are the export's)."""
    ras = articles()
    with tempfile.TemporaryDirectory() as tmp:
        for batch in batches:
            with Store(LocalBackend(Path(tmp) / "s")) as store:
                ing = Ingester(store)
                for i in batch:
                    ing.ingest(ras[i])
        with Store(LocalBackend(Path(tmp) / "s")) as store:
            ing = Ingester(store)
            for i in removals:
                assert ing.remove(str(ras[i].iri))
            for i in removals if readd else ():
                ing.ingest(ras[i])
            check_intervals(store)
            out = io.BytesIO()
            write_to(store, out, "nq")
    return out.getvalue()


TRUTH = """PREFIX tmru: <https://w3id.org/tmru/ontology#> PREFIX schema: <https://schema.org/>
PREFIX time: <http://www.w3.org/2006/time#> PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?c ?b ?e (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {
  ?m tmru:cochair ?c . { ?m schema:startDate ?d } UNION { ?m tmru:reportedOn ?d }
  OPTIONAL { ?c org:memberDuring ?i . ?i time:hasBeginning/time:inXSDDate ?b ; time:hasEnd/time:inXSDDate ?e }
} GROUP BY ?c ?b ?e"""


def check_intervals(store: Store) -> None:
    """Every co-chair interval runs from the first to the last date of the meetings showing it."""
    for r in store.query(TRUTH):
        got = (r["b"].value, r["e"].value) if r["b"] is not None else None
        assert got == (r["first"].value, r["last"].value), r["c"].value


@cache
def reference() -> bytes:
    return export([list(range(len(articles())))])


@st.composite
def arrivals(draw):
    n = len(articles())
    order = draw(st.permutations(range(n)))
    cuts = sorted(draw(st.sets(st.integers(1, n - 1), max_size=3)))
    batches = [list(order[a:b]) for a, b in zip([0, *cuts], [*cuts, n], strict=True)]
    removals = draw(st.lists(st.sampled_from(range(n)), max_size=3, unique=True))
    return batches, removals


@pytest.mark.slow
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arrivals())
def test_any_order_batching_and_readd_give_the_same_bytes(case):
    batches, removals = case
    assert export(batches, removals) == reference()


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arrivals())
def test_removing_gives_the_graph_of_the_rest(case):
    batches, removals = case
    rest = [i for batch in batches for i in batch if i not in removals]
    assert export(batches, removals, readd=False) == export([sorted(rest)])


def test_reverse_order_and_remove_readd_give_the_same_bytes():
    n = len(articles())
    assert export([list(reversed(range(n)))]) == reference()
    assert export([list(range(n))], removals=[0, 1]) == reference()  # 000_tr and 003_en: the 19 June 2020 meeting
