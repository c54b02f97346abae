"""Exports in one pass (kg.export.write_all / rdf.write_files): the same bytes as one file at a time,
whatever the chunking; a failing file replaces none."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import ExportError
from kg.export import rdf, write_all
from kg.store import open_store

FORMATS = ("ttl", "trig", "nq", "jsonld")


@pytest.fixture(scope="module")
def one_by_one(built, tmp_path_factory) -> dict[str, bytes]:
    """Each format written by itself (``write_rdf``: one read of the store per file)."""
    out = tmp_path_factory.mktemp("one_by_one")
    with open_store(str(built), create=False) as store:
        return {fmt: rdf.write_rdf(store, out / f"graph.{fmt}", fmt).read_bytes() for fmt in FORMATS}


@pytest.mark.parametrize(
    "formats, chunk",
    [
        (FORMATS, rdf.CHUNK),
        (FORMATS, 1),  # the default graph ends inside a chunk, or on its boundary
        (FORMATS, 7),
        (("nq", "ttl"), 5),
        (("jsonld", "trig"), 3),
        (("ttl", "jsonld"), 11),  # merged graph only
        (("nq",), rdf.CHUNK),  # one file: the plain path
    ],
)
def test_same_bytes_as_one_file_at_a_time(built, one_by_one, tmp_path, monkeypatch, formats, chunk):
    monkeypatch.setattr(rdf, "CHUNK", chunk)
    with open_store(str(built), create=False) as store:
        files = write_all(store, tmp_path, formats, html_lang=None)
    assert files == [tmp_path / f"graph.{fmt}" for fmt in formats]
    for fmt in formats:
        assert (tmp_path / f"graph.{fmt}").read_bytes() == one_by_one[fmt], fmt
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"graph.{fmt}" for fmt in formats)


def test_with_html(built, tmp_path):
    with open_store(str(built), create=False) as store:
        files = write_all(store, tmp_path, ("ttl",), html_lang="ru")
    assert [f.name for f in files] == ["graph.ttl", "graph.html"]
    assert '<html lang="ru"' in (tmp_path / "graph.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("failing", ["nq", "ttl"])  # (TriG copies the merged graph from the Turtle)
@pytest.mark.parametrize("at", [50, None])  # half-way, or after the last quad
def test_a_failing_file_replaces_none(built, tmp_path, monkeypatch, failing, at):
    """A writer that fails (a full disk) is one ExportError naming its file; every file keeps its old
    content and no temporary file is left."""
    for fmt in FORMATS:
        (tmp_path / f"graph.{fmt}").write_bytes(b"old " + fmt.encode())
    real = rdf._writer

    def writer(fmt: str, fh):
        if fmt != failing:
            return real(fmt, fh)

        def fail(quads):
            for i, _ in enumerate(quads):
                if i == at:
                    break
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        return fail

    monkeypatch.setattr(rdf, "_writer", writer)
    monkeypatch.setattr(rdf, "CHUNK", 16)
    with (
        open_store(str(built), create=False) as store,
        pytest.raises(ExportError, match=rf"graph\.{failing}: No space"),
    ):
        write_all(store, tmp_path, FORMATS, html_lang=None)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == {
        f"graph.{fmt}": b"old " + fmt.encode() for fmt in FORMATS
    }


def test_a_fifo_is_refused_before_anything_is_written(built, tmp_path):
    os.mkfifo(tmp_path / "graph.nq")
    with open_store(str(built), create=False) as store, pytest.raises(ExportError, match="FIFO"):
        write_all(store, tmp_path, FORMATS, html_lang=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nq"]


def test_symlink_target_is_written(built, one_by_one, tmp_path):
    target = tmp_path / "real.ttl"
    target.write_text("old")
    (tmp_path / "graph.ttl").symlink_to(target)
    with open_store(str(built), create=False) as store:
        files = write_all(store, tmp_path, ("ttl", "nq"), html_lang=None)
    assert files == [target, tmp_path / "graph.nq"]
    assert Path(tmp_path / "graph.ttl").is_symlink() and target.read_bytes() == one_by_one["ttl"]


@pytest.mark.parametrize(
    "iri",
    [
        "https://w3id.org/tmru/id/person/rashid-meredov",
        "https://w3id.org/tmru/ontology#Meeting",
        "https://w3id.org/tmru/id/",
        "https://w3id.org/tmru/",
        "https://w3id.org/tmru/x",
        "https://schema.org/startDate",
        "https://schema.org/",
        "http://www.w3.org/2001/XMLSchema#date",
        "http://example.org/a/b#c/d",
        "urn:x:y",
        "mailto:someone",
        "https://w3id.org/tmru/doc/abc#frag",
    ],
)
def test_fast_compact_is_compact(iri):
    from kg.store.terms import compact

    assert rdf._compact(iri) == compact(iri)


def _tricky() -> list:
    n, lit = ox.NamedNode, ox.Literal
    s, b = n("https://w3id.org/tmru/id/meeting/x"), ox.BlankNode("b1")
    rdf_type, label = (
        n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        n("http://www.w3.org/2000/01/rdf-schema#label"),
    )
    return [
        ox.Triple(s, rdf_type, n("https://w3id.org/tmru/ontology#Meeting")),
        ox.Triple(s, rdf_type, n("https://schema.org/Event")),
        ox.Triple(s, rdf_type, lit("not a class")),
        ox.Triple(s, label, lit('Встреча "12" \\ \u2028 <tag>', language="ru")),
        ox.Triple(s, label, lit("a\tb\n")),
        ox.Triple(s, label, lit("2", datatype=n("http://www.w3.org/2001/XMLSchema#integer"))),
        ox.Triple(s, label, lit("x", datatype=n("urn:odd:type"))),
        ox.Triple(s, n("urn:p:@first"), b),
        ox.Triple(s, n("http://example.org/Z"), s),
        ox.Triple(b, label, lit("blank")),
    ]


def test_jsonld_text_is_the_encoded_nodes(built):
    """The JSON-LD writer's direct text (``_node_texts``) is ``_ENCODE`` of the node dicts (``_nodes``)."""
    with open_store(str(built), create=False) as store:
        triples = [*store.triples(), *_tricky()]
    assert list(rdf._node_texts(triples)) == [rdf._ENCODE(node) for node in rdf._nodes(triples)]
