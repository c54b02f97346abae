"""Exports after a change (issue 13): every named graph no write changed is copied from the previous
TriG / N-Quads files (``Store.graph_stamps``, ``kg.export.rdf.Blocks``), and the files are byte for byte
what a full export of the same store gives, whatever history led to it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.export import write_all
from kg.pipeline import STAMP_FILE
from kg.store import open_store
from kg.store.base import DERIVED_GRAPH, LOG_GRAPH, REFERENCE_GRAPH
from kg.store.store import GRAPH_STAMP

from .conftest import write_articles
from .fixtures import ALL, CONFLICT_EN, CONFLICT_RU, MEETING

FORMATS = ("ttl", "trig", "nq", "jsonld")


def _build(capsys, src: Path, store: Path, out: Path, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["build", str(src), "--store", str(store), "--out", str(out), "--json", "--no-html", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _full(store: Path, out: Path) -> dict[str, bytes]:
    """Every export written from scratch (no previous files, no blocks)."""
    with open_store(str(store), create=False) as s:
        write_all(s, out, FORMATS, html_lang=None)
    return {fmt: (out / f"graph.{fmt}").read_bytes() for fmt in FORMATS}


def _files(out: Path) -> dict[str, bytes]:
    return {fmt: (out / f"graph.{fmt}").read_bytes() for fmt in FORMATS}


def _blocks(out: Path) -> dict:
    return json.loads((out / STAMP_FILE).read_text())["blocks"]


def test_every_named_graph_has_a_stamp_and_a_write_changes_only_its_own(tmp_path, capsys):
    src = write_articles(tmp_path / "in", MEETING)
    _build(capsys, src, tmp_path / "s", tmp_path / "out")
    with open_store(str(tmp_path / "s")) as s:
        before = s.graph_stamps()
        graphs = {g.value for g in s.backend.store.named_graphs()} - {LOG_GRAPH}
        assert set(before) >= graphs and REFERENCE_GRAPH in before
        assert all(
            not isinstance(q.graph_name, ox.DefaultGraph)
            for q in s.backend.store.quads_for_pattern(None, ox.NamedNode(GRAPH_STAMP), None, None)
        )
    write_articles(src, {"e_en.txt": CONFLICT_EN})
    _build(capsys, src, tmp_path / "s", tmp_path / "out")
    with open_store(str(tmp_path / "s")) as s:
        after, stamp = s.graph_stamps(), s.stamp()
    changed = {g for g in after if after[g] != before.get(g)}
    assert changed and all(after[g] == stamp for g in changed)
    assert REFERENCE_GRAPH not in changed and len(changed) < len(after)  # the other graphs keep theirs
    assert changed - {DERIVED_GRAPH} <= {g for g in after if g.startswith("https://w3id.org/tmru/doc/")}


@pytest.mark.parametrize(
    "history",
    [
        ["add"],  # one new article
        ["add", "add2"],  # two builds in a row, each reusing the last
        ["add", "remove"],  # a removal
        ["touch", "add"],  # an export edited since it was written: that file is written in full
        ["nostamps", "add"],  # a store written before graph stamps: nothing to reuse
    ],
)
def test_incremental_exports_are_a_full_export(tmp_path, capsys, history):
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, {k: ALL[k] for k in sorted(ALL)[:4]})
    _build(capsys, src, store, out)
    assert set(_blocks(out)) == {"trig", "nq"}
    for step in history:
        if step == "add":
            write_articles(src, {"e_en.txt": CONFLICT_EN})
        elif step == "add2":
            write_articles(src, {"f_ru.txt": CONFLICT_RU})
        elif step == "remove":
            assert main(["remove", "e_en.txt", "--store", str(store)]) == 0
            (src / "e_en.txt").unlink()
        elif step == "touch":
            (out / "graph.nq").write_bytes((out / "graph.nq").read_bytes() + b"\n")
        elif step == "nostamps":
            with open_store(str(store)) as s:
                s.backend.update(f"DELETE WHERE {{ GRAPH <{LOG_GRAPH}> {{ ?g <{GRAPH_STAMP}> ?o }} }}")
        if step in ("add", "add2", "remove"):
            _build(capsys, src, store, out)
    assert _files(out) == _full(store, tmp_path / "full")


def test_unchanged_graphs_are_copied_from_the_previous_files(tmp_path, capsys):
    """A block recorded for an unchanged graph is taken from the old file, not from the store: an edit that
    keeps the file's size and time shows through (this is what the size and time check guards against)."""
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, MEETING)
    _build(capsys, src, store, out)
    path = out / "graph.nq"
    data, st = path.read_bytes(), path.stat()
    _, offset, length = _blocks(out)["nq"]["graphs"][REFERENCE_GRAPH]  # (no article changes the ontology)
    block = data[offset : offset + length]
    assert block.startswith(b"<") and f"<{REFERENCE_GRAPH}> .\n".encode() in block
    marked = block.replace(b"<", b"(", 1)
    path.write_bytes(data[:offset] + marked + data[offset + length :])
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    write_articles(src, {"e_en.txt": CONFLICT_EN})
    _build(capsys, src, store, out)
    assert marked in path.read_bytes()  # copied, not read again
    assert (out / "graph.trig").read_bytes() == _full(store, tmp_path / "full")["trig"]


def _other_key(b: dict) -> None:
    b["key"] = "other"
    b["graphs"] = {g: [s, 0, 1] for g, (s, _, _) in b["graphs"].items()}  # nonsense offsets


def _past_the_end(b: dict) -> None:
    b["graphs"] = {g: [s, 10**9, n] for g, (s, _, n) in b["graphs"].items()}


@pytest.mark.parametrize("tamper", [_other_key, _past_the_end], ids=["another format version", "past the end"])
def test_blocks_that_do_not_fit_are_read_again(tmp_path, capsys, tamper):
    """Blocks recorded for another format version, or that do not fit their file (a record edited by hand),
    cost a read, never a broken export."""
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, MEETING)
    _build(capsys, src, store, out)
    record = json.loads((out / STAMP_FILE).read_text())
    for b in record["blocks"].values():
        tamper(b)
    (out / STAMP_FILE).write_text(json.dumps(record))
    write_articles(src, {"e_en.txt": CONFLICT_EN})
    _build(capsys, src, store, out)
    assert _files(out) == _full(store, tmp_path / "full")
