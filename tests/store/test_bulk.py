"""The bulk path of a first build (issue 13): the same graph, byte for byte in every export, as
ingesting article by article; and a later build on that store goes on article by article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.pipeline import build
from kg.store import open_store

from .conftest import write_articles
from .fixtures import ALL, CONFLICT_EN, MEETING_EN
from .test_ingest_terms import ROOT, synth

FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld")


def _skip(err) -> None:
    raise AssertionError(err)


def _build(src: list[Path], store: Path, out: Path, bulk: bool, jobs: int = 1):
    return build(
        [str(p) for p in src], str(store), out, on_skip=_skip, html=False, validate=False, jobs=jobs, bulk=bulk
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("bulk")
    src = synth(36, root / "synth", seed=11)
    shutil.copy(ROOT / "examples" / "000_tr.txt", src / "000_tr.txt")
    return [src, write_articles(root / "fixtures", ALL)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_bulk_first_build_is_byte_identical(corpus, tmp_path, jobs):
    one = _build(corpus, tmp_path / "one", tmp_path / "out-one", bulk=False)
    many = _build(corpus, tmp_path / "bulk", tmp_path / "out-bulk", bulk=True, jobs=jobs)
    assert "load" in many.steps.seconds and "load" not in one.steps.seconds
    assert many.counts == one.counts and many.counts["added"] == 36 + 1 + len(ALL)
    for name in FILES:
        assert (tmp_path / "out-bulk" / name).read_bytes() == (tmp_path / "out-one" / name).read_bytes(), name
    with open_store(str(tmp_path / "one")) as a, open_store(str(tmp_path / "bulk")) as b:
        assert a.count() == b.count() and a.stamp() and b.stamp()
        assert {str(q) for q in a.quads()} == {str(q) for q in b.quads()}


def test_later_builds_go_article_by_article(corpus, tmp_path):
    first = _build(corpus, tmp_path / "s", tmp_path / "o", bulk=True)
    assert "load" in first.steps.seconds
    again = _build(corpus, tmp_path / "s", tmp_path / "o", bulk=True)
    assert "load" not in again.steps.seconds and again.counts["unchanged"] == first.counts["added"]
    new = write_articles(
        tmp_path / "new", {"n_en.txt": MEETING_EN.replace("102", "902"), "m_en.txt": CONFLICT_EN.replace("105", "905")}
    )
    both = _build([*corpus, new], tmp_path / "s", tmp_path / "o", bulk=True)
    assert "load" not in both.steps.seconds and both.counts["added"] == 2
    _build([*corpus, new], tmp_path / "ref", tmp_path / "ref-o", bulk=False)
    for name in FILES:
        assert (tmp_path / "o" / name).read_bytes() == (tmp_path / "ref-o" / name).read_bytes(), name


def test_cli_bulk_leaves_no_sibling_folders(corpus, tmp_path, capsys):
    import json

    from kg.cli import main

    (tmp_path / "s.bulk-new-999999").mkdir()  # a killed bulk load's folder: removed
    args = ["build", *map(str, corpus), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o"), "--no-html"]
    assert main([*args, "--bulk", "--json", "--no-validate"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert "load" in res["seconds"] and res["added"] == 36 + 1 + len(ALL)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o", "s", "s.lock"]
    assert main(args) == 0 and "SHACL: conforms" in capsys.readouterr().out
