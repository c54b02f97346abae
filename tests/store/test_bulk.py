"""The batch planner of a first build (issue 13, ``kg.resolve.batch``): the same store, byte for byte in
every export, as ingesting article by article; and a later build on that store goes on article by
article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.pipeline import build
from kg.store import open_store

from .conftest import write_articles
from .fixtures import ALL, CONFLICT_EN, CONFLICT_RU, MEETING_EN
from .test_ingest_terms import ROOT, synth
from .test_merge_order import _corpus
from .test_merge_undated import FITS, UNDATED_RU

FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld")

#: an undated co-chairs' meeting: the co-chairship's interval gets an inexact bound (its reported-on date)
UNDATED_COCHAIRS = """\
---
url: https://example.org/en/news/{n}
lang: en
published: {published}
---
A meeting through videoconferencing took place between the co-chairs of the Intergovernmental \
Turkmen-Russian Commission on Economic Cooperation, Deputy Chairman of the Cabinet of Ministers of \
Turkmenistan Rashid Meredov and Deputy Prime Minister of the Russian Federation Alexei Overchuk.

The parties discussed cooperation in trade and energy.
"""
NO_URL = MEETING_EN.replace("url: https://example.org/en/news/102\n", "")

#: cases the batch must plan as the article-at-a-time path does (name -> text)
CASES = {
    "u_ru.txt": UNDATED_RU.format(n=1, day="пятницу", areas=FITS),  # joins MEETING_EN by its weekday
    "u_en.txt": UNDATED_COCHAIRS.format(n=9001, published="1999-02-01"),  # inexact first bound
    "v_en.txt": UNDATED_COCHAIRS.format(n=9002, published="2090-01-10"),  # inexact last bound
    "x1_en.txt": NO_URL,  # no URL: keyed by its text, so ...
    "x2_en.txt": NO_URL,  # ... this one replaces it (another file name, another fingerprint)
    "z_ru.txt": CONFLICT_RU.replace("Сопредседателями", "Сопредседателями же"),  # the same URL: skipped
}


def _build(src: list[Path], store: Path, out: Path, bulk: bool, jobs: int = 1, skipped: list | None = None):
    on_skip = skipped.append if skipped is not None else _fail
    return build(
        [str(p) for p in src], str(store), out, on_skip=on_skip, html=False, validate=False, jobs=jobs, bulk=bulk
    )


def _fail(err) -> None:
    raise AssertionError(err)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("bulk")
    src = synth(36, root / "synth", seed=11)
    shutil.copy(ROOT / "examples" / "000_tr.txt", src / "000_tr.txt")
    return [src, write_articles(root / "fixtures", ALL), write_articles(root / "cases", CASES)]


def _same_store(a_path: Path, b_path: Path) -> None:
    with open_store(str(a_path)) as a, open_store(str(b_path)) as b:
        assert a.count_stats() == b.count_stats() and a.stamp() and b.stamp()
        assert {str(q) for q in a.quads()} == {str(q) for q in b.quads()}
        # every graph has a graph stamp on both paths (the exports of the next build copy unchanged blocks)
        assert set(a.graph_stamps()) == set(b.graph_stamps()) and len(set(b.graph_stamps().values())) >= 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_first_build_is_byte_identical(corpus, tmp_path, jobs):
    skipped_one, skipped_many = [], []
    one = _build(corpus, tmp_path / "one", tmp_path / "out-one", bulk=False, skipped=skipped_one)
    many = _build(corpus, tmp_path / "bulk", tmp_path / "out-bulk", bulk=True, jobs=jobs, skipped=skipped_many)
    assert "load" in many.steps.seconds and "load" not in one.steps.seconds
    assert many.counts == one.counts == {"added": 36 + 1 + len(ALL) + len(CASES) - 2, "replaced": 1, "unchanged": 0}
    assert [str(e) for e in skipped_many] == [str(e) for e in skipped_one] and "same URL" in str(skipped_one[0])
    for name in FILES:
        assert (tmp_path / "out-bulk" / name).read_bytes() == (tmp_path / "out-one" / name).read_bytes(), name
    _same_store(tmp_path / "one", tmp_path / "bulk")
    with open_store(str(tmp_path / "bulk")) as s:  # the fixtures exercise what they are meant to
        ask = lambda q: s.query("PREFIX tmru: <https://w3id.org/tmru/ontology#> " + q).rows  # noqa: E731
        assert ask("SELECT * WHERE { GRAPH <https://w3id.org/tmru/derived> { ?x tmru:exactDate false } }")
        assert ask("SELECT * WHERE { ?m a tmru:Agreement }")
        assert ask("SELECT * WHERE { GRAPH ?g { ?m tmru:weekday 5 } FILTER(CONTAINS(STR(?m), '2023-04-14')) }")
        assert ask("""SELECT ?m WHERE { ?m a tmru:Meeting ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?d }
            GROUP BY ?m HAVING (COUNT(DISTINCT ?d) > 2)""")


@pytest.mark.skipif(_corpus() is None, reason="no dev corpus")
def test_batch_on_the_dev_corpus(tmp_path):
    """Real articles in four languages: merges across languages, gazetteer people and cities."""
    one = _build([_corpus()], tmp_path / "one", tmp_path / "out-one", bulk=False)
    many = _build([_corpus()], tmp_path / "bulk", tmp_path / "out-bulk", bulk=True)
    assert many.counts == one.counts
    for name in FILES:
        assert (tmp_path / "out-bulk" / name).read_bytes() == (tmp_path / "out-one" / name).read_bytes(), name


def test_a_broken_article_is_skipped_alone(corpus, tmp_path, monkeypatch):
    """An article the merge cannot read is skipped with one line, as article by article; the rest is built."""
    from kg.resolve import batch, doc_iri, doc_key

    real, bad = batch.reports_of, str(doc_iri(doc_key("https://example.org/ru/news/1", "")))

    def broken(rows):
        rows = list(rows)
        if any(r[0] == bad for r in rows):
            raise ValueError("bad report")
        return real(rows)

    monkeypatch.setattr(batch, "reports_of", broken)
    skipped = []
    res = _build(corpus, tmp_path / "s", tmp_path / "o", bulk=True, skipped=skipped)
    assert any("u_ru.txt: cannot store this article (ValueError: bad report)" in str(e) for e in skipped)
    assert res.counts["added"] == 36 + 1 + len(ALL) + len(CASES) - 3


def test_later_builds_go_article_by_article(corpus, tmp_path):
    first = _build(corpus, tmp_path / "s", tmp_path / "o", bulk=True, skipped=[])
    assert "load" in first.steps.seconds
    again = _build(corpus, tmp_path / "s", tmp_path / "o", bulk=True, skipped=[])
    assert "load" not in again.steps.seconds
    # (x1 and x2 are one document: each replaces the other again, the rest is unchanged)
    assert again.counts == {"added": 0, "replaced": 2, "unchanged": first.counts["added"] - 1}
    new = write_articles(
        tmp_path / "new", {"n_en.txt": MEETING_EN.replace("102", "902"), "m_en.txt": CONFLICT_EN.replace("105", "905")}
    )
    both = _build([*corpus, new], tmp_path / "s", tmp_path / "o", bulk=True, skipped=[])
    assert "load" not in both.steps.seconds and both.counts["added"] == 2
    _build([*corpus, new], tmp_path / "ref", tmp_path / "ref-o", bulk=False, skipped=[])
    for name in FILES:
        assert (tmp_path / "o" / name).read_bytes() == (tmp_path / "ref-o" / name).read_bytes(), name


def test_cli_bulk_leaves_no_sibling_folders(corpus, tmp_path, capsys):
    import json

    from kg.cli import main

    (tmp_path / "s.bulk-new-999999").mkdir()  # a killed bulk load's folder: removed
    args = ["build", *map(str, corpus), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "--no-html"]
    assert main([*args, "--json", "--no-validate"]) == 1  # (one input skipped: same URL)
    res = json.loads(capsys.readouterr().out)
    assert "load" in res["seconds"] and res["added"] == 36 + 1 + len(ALL) + len(CASES) - 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o", "s", "s.lock"]
    assert main([*args, "--bulk"]) == 1 and "SHACL: conforms" in capsys.readouterr().out
