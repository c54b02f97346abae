"""End to end: documents -> extract -> resolve -> graph -> export, on fixtures of our own."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from rdflib import Graph

from kg.cli import main
from kg.documents import iter_documents
from kg.extract import extract
from kg.resolve import resolve

COCHAIRS = """
PREFIX tmru: <https://w3id.org/tmru/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?person ?country WHERE {
  ?m tmru:cochair ?c . ?c org:member ?person ; tmru:forCountry ?country .
} ORDER BY ?country ?person
"""


@pytest.fixture(autouse=True)
def _private_store(tmp_path, monkeypatch):
    """``kg build`` without ``--store`` uses ``$KG_STORE``: keep it out of the working tree."""
    monkeypatch.setenv("KG_STORE", str(tmp_path / "default-store"))


def test_extract_fixture_meeting(corpus):
    docs = {d.name: d for d in iter_documents([corpus])}
    m = extract(docs["a_tr.txt"]).meetings
    assert len(m) == 1
    m = m[0]
    assert (m.kind, m.date, m.format, m.city) == ("co-chairs-meeting", "2021-03-03", "video", None)
    assert {(p.key, p.country) for p in m.cochairs} == {("rashid-meredov", "TM"), ("alexei-overchuk", "RU")}
    assert {"trade", "energy", "transport"} <= set(m.areas)
    assert m.agreements_signed


def test_extract_session(corpus):
    m = extract(next(d for d in iter_documents([corpus]) if d.lang == "en")).meetings[0]
    assert (m.kind, m.date, m.ordinal, m.city, m.format) == (
        "commission-session",
        "2022-12-07",
        12,
        "Moscow",
        "in-person",
    )
    assert {p.key for p in m.cochairs} == {"rashid-meredov", "alexei-overchuk"}
    assert all(p.post for p in m.cochairs)


def test_resolve_is_deterministic(corpus):
    a = [resolve(extract(d)) for d in iter_documents([corpus])]
    b = [resolve(extract(d)) for d in iter_documents([corpus])]
    assert [(r.iri, [m.iri for m in r.meetings]) for r in a] == [(r.iri, [m.iri for m in r.meetings]) for r in b]


def test_cli_extract_jsonl(corpus, capsys):
    assert main(["extract", str(corpus)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["document"] for x in lines] == ["a_tr.txt", "b_en.md"]
    assert lines[0]["meetings"][0]["cochairs"][0]["country"] == "TM"


def test_build_outputs(corpus, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles"] == 2 and summary["meetings"] == 2 and summary["conforms"] is True
    ttl = (out / "graph.ttl").read_bytes()
    g = Graph().parse(data=ttl, format="turtle")
    rows = {(str(p).rsplit("/", 1)[-1], str(c).rsplit("/", 1)[-1]) for p, c in g.query(COCHAIRS)}
    assert rows == {("alexei-overchuk", "RU"), ("rashid-meredov", "TM")}
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html
    for f in ("trig", "nq", "jsonld"):
        assert (out / f"graph.{f}").stat().st_size > 0
    # deterministic: a second build (into the same store, then into a new one) gives byte-identical Turtle
    out2 = tmp_path / "out2"
    assert main(["build", str(corpus), "--out", str(out2)]) == 0
    assert (out2 / "graph.ttl").read_bytes() == ttl
    out3 = tmp_path / "out3"
    assert main(["build", str(corpus), "--out", str(out3), "--store", str(tmp_path / "other")]) == 0
    assert (out3 / "graph.ttl").read_bytes() == ttl


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
def test_turtle_parses_with_rapper(corpus, tmp_path):
    assert main(["build", str(corpus), "--out", str(tmp_path)]) == 0
    r = subprocess.run(["rapper", "-i", "turtle", "-c", str(tmp_path / "graph.ttl")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "returned" in r.stderr


def test_validate_command(corpus, tmp_path, capsys):
    main(["build", str(corpus), "--out", str(tmp_path)])
    assert main(["validate", str(tmp_path / "graph.ttl")]) == 0
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix tmru: <https://w3id.org/tmru/ontology#> .\n<urn:x> a tmru:Meeting .\n")
    assert main(["validate", str(bad)]) == 5


def test_help_everywhere():
    from kg.cli import COMMANDS

    for args in (["--help"], *([c, "--help"] for c in COMMANDS)):
        r = subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)
        assert r.returncode == 0 and "exit codes" in r.stdout
