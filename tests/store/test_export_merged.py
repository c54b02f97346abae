"""The merged graph patched in the exports (issue 13: a build of one new article need not read the whole
merged graph again): a build whose writes touched some nodes rewrites only their blocks, and the files are
byte for byte a full export's, after adds that rename stored meetings, replacements and removals."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.export.rdf as rdf
from kg.cli import main
from kg.export import write_all
from kg.export.merged import MergedIndex, store_key
from kg.pipeline import MERGED_FILE
from kg.store import open_store

from .conftest import CHANGES, change_articles, write_articles
from .fixtures import ALL, CONFLICT_EN
from .test_ingest_terms import synth

FORMATS = ("ttl", "trig", "nq", "jsonld")


def _build(capsys, src: Path, store: Path, out: Path) -> dict:
    capsys.readouterr()
    assert main(["build", str(src), "--store", str(store), "--out", str(out), "--json", "--no-html"]) == 0
    return json.loads(capsys.readouterr().out)


def _files(out: Path) -> dict[str, bytes]:
    return {fmt: (out / f"graph.{fmt}").read_bytes() for fmt in FORMATS}


def _full(store: Path, out: Path) -> dict[str, bytes]:
    with open_store(str(store), create=False) as s:
        write_all(s, out, FORMATS, html_lang=None)
    return _files(out)


def _fail(*args, **kwargs):
    raise AssertionError("the merged graph was read whole")


@pytest.mark.parametrize("step", CHANGES)
def test_a_build_patches_the_merged_graph_into_a_full_export(tmp_path, capsys, monkeypatch, step):
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, {k: ALL[k] for k in sorted(ALL)[:4]})
    synth(12, src, seed=4)  # dense reports: a new one can rename stored meetings
    _build(capsys, src, store, out)
    _build(capsys, src, store, out)  # (nothing new: the files stay)
    assert MergedIndex.read(out / MERGED_FILE, json.loads((out / ".kg-stamp.json").read_text())["stamp"])
    change_articles(src, store, tmp_path, step)
    if step == "remove":  # (and one new article: the build has something to add)
        write_articles(src, {"e_en.txt": CONFLICT_EN})
    with monkeypatch.context() as m:
        m.setattr(rdf, "_write_default", _fail)
        summary = _build(capsys, src, store, out)
    assert summary["added"] + summary["replaced"] > 0
    assert _files(out) == _full(store, tmp_path / "full")
    # the new index describes the new files: a second patch on top of it is a full export too
    write_articles(src, {"g_en.txt": CONFLICT_EN.replace("news/105", "news/106").replace("2023", "2022")})
    with monkeypatch.context() as m:
        m.setattr(rdf, "_write_default", _fail)
        _build(capsys, src, store, out)
    assert _files(out) == _full(store, tmp_path / "full2")


def test_an_index_of_other_files_is_not_used(tmp_path, capsys):
    """An index that does not describe the files (another content stamp) costs a full read, never a broken
    export."""
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, {k: ALL[k] for k in sorted(ALL)[:4]})
    _build(capsys, src, store, out)
    head, body = (json.loads(line) for line in (out / MERGED_FILE).read_text().splitlines())
    head["stamp"] = "another"  # (and sizes that would break the files, were the index used)
    body["sizes"] = {fmt: sizes[1:] + sizes[:1] for fmt, sizes in body["sizes"].items()}
    (out / MERGED_FILE).write_text(json.dumps(head) + "\n" + json.dumps(body))
    write_articles(src, {"e_en.txt": CONFLICT_EN})
    _build(capsys, src, store, out)
    assert _files(out) == _full(store, tmp_path / "full")


def test_store_key_is_the_order_oxigraph_keeps_subjects_in(tmp_path):
    """(On disk: an in-memory store keeps another order, which the sample check of ``plan_patch`` catches.)"""
    rnd = random.Random(7)
    iris = [f"https://w3id.org/tmru/id/{'x' * rnd.randrange(40)}/{rnd.random()}/Ünï" for _ in range(300)]
    iris += ["urn:a", "http://e/", "https://w3id.org/tmru/id/meeting/2020-01-01-co-chairs-meeting"]
    st = ox.Store(str(tmp_path / "st"))
    p = ox.NamedNode("http://e/p")
    st.extend([ox.Quad(ox.NamedNode(i), p, p, ox.DefaultGraph()) for i in iris])
    order = [q.subject.value for q in st.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    assert order == sorted(iris, key=store_key)


@pytest.mark.parametrize("seed", range(4))
def test_random_changes_patched_are_a_full_export(tmp_path, monkeypatch, seed):
    """Subjects added (anywhere in the store's order), removed and changed, on a store of random triples."""
    from kg.export.rdf import Merged, write_files
    from kg.store.local import LocalBackend
    from kg.store.store import Store

    rnd = random.Random(seed)
    p = [ox.NamedNode(f"https://w3id.org/tmru/ontology#p{k}") for k in range(3)]

    def node(k: int) -> ox.NamedNode:
        return ox.NamedNode(f"https://w3id.org/tmru/id/x/{k}")

    def triples(k: int) -> list[ox.Quad]:
        return [
            ox.Quad(node(k), rnd.choice(p), rnd.choice([node(rnd.randrange(500)), ox.Literal(f"v{rnd.random()}")]))
            for _ in range(rnd.randrange(1, 4))
        ]

    with Store(LocalBackend(str(tmp_path / "s"))) as st:
        store = st.backend.store
        store.extend([q for k in range(0, 400, 2) for q in triples(k)])
        paths = {fmt: tmp_path / "out" / f"graph.{fmt}" for fmt in FORMATS}
        merged = Merged()
        write_files(st, paths, {}, merged)
        assert merged.index is not None
        dirty = set()
        for _ in range(rnd.randrange(1, 30)):
            k = rnd.randrange(400)
            old = list(store.quads_for_pattern(node(k), None, None, ox.DefaultGraph()))
            for q in old if rnd.random() < 0.5 else ():
                store.remove(q)
            store.extend(triples(k) if rnd.random() < 0.7 else [])
            dirty.add(node(k).value)
        dirty.add(node(999).value)  # (a node that is no subject)
        with monkeypatch.context() as m:
            m.setattr(rdf, "_write_default", _fail)
            write_files(st, paths, {}, Merged(merged.index, dirty))
        got = {fmt: paths[fmt].read_bytes() for fmt in FORMATS}
        full = {fmt: tmp_path / "full" / f"graph.{fmt}" for fmt in FORMATS}
        write_files(st, full, {})
        assert got == {fmt: full[fmt].read_bytes() for fmt in FORMATS}


def test_subject_runs_of_n_quads_across_reads(tmp_path):
    """The runs of lines of each subject are found whatever the size of the reads (a run cut by a read)."""
    from kg.export.merged import _nq_blocks

    rnd = random.Random(3)
    lines, want = [], []
    for k in range(60):
        run = [f'<http://e/{k}> <http://e/p> "{"x" * rnd.randrange(30)}" .\n' for _ in range(rnd.randrange(1, 5))]
        lines += run
        want.append((f"http://e/{k}", len("".join(run).encode())))
    path = tmp_path / "f.nq"
    path.write_text("".join(lines))
    with path.open("rb") as fh:
        for size in (7, 64, 100, 1 << 20):
            subjects, sizes = _nq_blocks(fh, 0, path.stat().st_size, size)
            assert list(zip(subjects, sizes, strict=True)) == want, size
    path.write_text("".join(lines) + '_:b <http://e/p> "x" .\n')
    with path.open("rb") as fh:
        assert _nq_blocks(fh, 0, path.stat().st_size) is None
