"""RDF exports: deterministic, complete, parseable (pyoxigraph, rapper), no ingestion times."""

from __future__ import annotations

import shutil
import subprocess

import pyoxigraph as ox
import pytest

from kg.cli import main

from .conftest import build, write_articles
from .fixtures import ALL

FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    root = tmp_path_factory.mktemp("exports")
    src = write_articles(root / "in", ALL)
    assert build([src], str(root / "s1"), root / "a", "--no-validate") == 0
    assert build([src], str(root / "s3"), root / "a3", "--no-validate") == 0
    # the same input in another store, in reverse order of arrival
    for name in sorted(ALL, reverse=True):
        assert build([src / name], str(root / "s2"), root / "b", "--no-validate") == 0
    return root


@pytest.mark.slow
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_same_input_same_bytes(exports, fmt):
    a = (exports / "a" / f"graph.{fmt}").read_bytes()
    assert a == (exports / "a3" / f"graph.{fmt}").read_bytes()
    assert main(["export", "--format", fmt, "--store", str(exports / "s1"), "--out", str(exports / f"x.{fmt}")]) == 0
    assert (exports / f"x.{fmt}").read_bytes() == a
    assert b"generatedAtTime" not in a  # no ingestion times


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_arrival_order_does_not_change_the_bytes(exports, fmt):
    # one article at a time in reverse order: the same graph, byte for byte (issue 11)
    assert (exports / "a" / f"graph.{fmt}").read_bytes() == (exports / "b" / f"graph.{fmt}").read_bytes()


def test_formats_agree(exports):
    parsed = {f: list(ox.parse(path=str(exports / "a" / f"graph.{f}"), format=fmt)) for f, fmt in FORMATS.items()}
    merged = {q.triple if isinstance(q, ox.Quad) else q for q in parsed["ttl"]}
    assert {q.triple for q in parsed["jsonld"]} == merged
    for f in ("trig", "nq"):
        quads = set(parsed[f])
        assert {q.triple for q in quads if isinstance(q.graph_name, ox.DefaultGraph)} == merged
        graphs = {q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
        docs = {g for g in graphs if "/doc/" in g}
        assert len(docs) == len(ALL)
        assert {"https://w3id.org/tmru/ontology", "https://w3id.org/tmru/derived"} <= graphs
        # the merged graph is the union of the named graphs with one value per functional property
        # (computed labels of meetings and agreements), without the article-only bookkeeping, the
        # gazetteer people and cities no article mentions, and article altLabels repeating a prefLabel
        union = {q.triple for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
        label = "http://www.w3.org/2000/01/rdf-schema#label"
        assert {t for t in merged - union if t.predicate.value != label} == set()
        only_sources = {t.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in union - merged}
        assert only_sources <= {
            "reportKey",
            "weekday",
            "startDate",
            "kind",
            "city",
            "format",
            "sessionNumber",
            "agreementsSigned",
            "reportedOn",
            "forCountry",
            "label",
            "ingestFingerprint",
            "type",
            "prefLabel",
            "altLabel",
            "sameAs",
            "inCountry",
        }
        entities = {t.subject.value for t in union - merged if t.predicate.value.endswith(("#type", "#prefLabel"))}
        assert all("/id/person/" in e or "/id/city/" in e for e in entities)


def test_ontology_labels_exported(exports):
    ttl = (exports / "a" / "graph.ttl").read_text(encoding="utf-8")
    assert '"Rashid Meredov"@en' in ttl and "skos:prefLabel" in ttl and "@prefix tmru:" in ttl


def test_jsonld_has_context(exports):
    import json

    doc = json.loads((exports / "a" / "graph.jsonld").read_text(encoding="utf-8"))
    assert doc["@context"]["tmru"] == "https://w3id.org/tmru/ontology#"
    assert any(n["@id"] == "id:person/rashid-meredov" for n in doc["@graph"])


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nq", "nquads"), ("trig", "trig")])
def test_rapper_parses(exports, fmt, parser):
    r = subprocess.run(
        ["rapper", "-i", parser, "-c", str(exports / "a" / f"graph.{fmt}")], capture_output=True, text=True
    )
    assert r.returncode == 0 and "error" not in r.stderr.lower(), r.stderr
