"""Clean exports (issue 11): no extractor lexicon in the data, only gazetteer people and cities some
article mentions, SKOS labels valid, and a store loaded from our TriG knows its articles."""

from __future__ import annotations

import json

import pyoxigraph as ox

from kg.cli import main
from kg.store import open_store

from .conftest import build, write_articles
from .fixtures import ALL, MEETING_EN

T = "https://w3id.org/tmru/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


def _merged(built) -> set[ox.Triple]:
    return set(ox.parse(path=str(built.parent / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE))


def test_no_lexicon_in_the_data(built):
    triples = _merged(built)
    assert not [t for t in triples if t.predicate.value in (T + "stem", T + "exact", T + "suffix")]
    assert not [t for t in triples if t.object == ox.NamedNode(T + "Cue") and t.predicate.value.endswith("#type")]
    assert not [t for t in triples if "/month/" in t.subject.value or "/ordinal/" in t.subject.value]


def test_only_mentioned_gazetteer_entities(built):
    triples = _merged(built)
    people = {t.subject.value for t in triples if t.object == ox.NamedNode(T + "Person")}
    assert "https://w3id.org/tmru/id/person/rashid-meredov" in people
    assert "https://w3id.org/tmru/id/person/vladimir-putin" not in people  # in the gazetteer, in no article
    cities = {t.subject.value for t in triples if t.object == ox.NamedNode(T + "City")}
    assert "https://w3id.org/tmru/id/city/sochi" not in cities


def test_pref_and_alt_labels_disjoint(built):
    triples = _merged(built)
    pref = {(t.subject, t.object) for t in triples if t.predicate.value == SKOS + "prefLabel"}
    assert not [t for t in triples if t.predicate.value == SKOS + "altLabel" and (t.subject, t.object) in pref]


def test_entities_leave_with_their_last_article(tmp_path, capsys):
    src = write_articles(tmp_path / "in", {"b_en.txt": MEETING_EN})
    assert build([src], str(tmp_path / "s"), tmp_path / "out") == 0
    assert main(["remove", "b_en.txt", "--store", str(tmp_path / "s")]) == 0
    with open_store(str(tmp_path / "s")) as s:
        assert not s.query(f"ASK {{ ?p a <{T}Person> }}")
        assert s.query(f"ASK {{ ?a a <{T}CooperationArea> }}")  # the vocabulary stays


def test_store_loaded_from_trig_knows_its_articles(server, built, tmp_path, capsys):
    server.post("/store", (built.parent / "out" / "graph.trig").read_bytes(), "application/trig")
    src = write_articles(tmp_path / "all", ALL)
    capsys.readouterr()
    assert build([src], server.url, tmp_path / "o", "--json") == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == len(ALL)
