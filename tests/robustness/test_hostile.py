"""Hostile text: markup, script, quotes, newlines, ``>`` and control characters in article text,
names, posts, titles and URLs.  Every export parses back (rdflib, pyoxigraph, rapper) to exactly
the text of the article, graph.html carries it only as escaped data (and, in chromium, runs none of
it), and every IRI in the graph is a valid IRI."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from kgrun import ROOT, kg_errors, run_kg

pytestmark = pytest.mark.slow  # kg build in a subprocess, rapper, every export parsed back
SCRIPT = "<script>window.__xss=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__xss=2">'
TITLE = f"{SCRIPT} \"quoted\" 'single' line1\nline2 > < & \u0007\u001b\u202e\u2028 {IMG}"
URL = f'https://example.org/news/{SCRIPT}?q="x" y>z&a=\u0001'
POST = f"Deputy Chairman {IMG} of the Cabinet of Ministers"
ARTICLE = f"""---
url: {json.dumps(URL)}
lang: en
title: {json.dumps(TITLE)}
published: 2021-03-05
---
On 3 March 2021 the co-chairs of the Intergovernmental Turkmen-Russian Commission met in Moscow: {POST} \
Rashid Meredov and Deputy Prime Minister "{SCRIPT}" Ivan Petrovov.

Minister <b onmouseover="window.__xss=3">of</b> Trade\u0007 I. Sidorov\u202e and Deputy Minister \u0001\u0002 \
A. Ivanov also took part in the meeting of the commission.
"""
JSONL = json.dumps(
    {
        "text": f"On 4 May 2022 the co-chairs of the Intergovernmental Commission met in Ashgabat. {IMG}\u0000 "
        "Deputy Minister </script><script>window.__xss=4</script> K. Zubkov took part.",
        "lang": "en",
        "url": "javascript:window.__xss=5//\n\t{}|\\^`",
        "title": "</title><svg onload=window.__xss=6>",
        "name": f"name {SCRIPT}\n.txt",
    }
)
FORMATS = {
    "ttl": ("turtle", ox.RdfFormat.TURTLE, "turtle"),
    "trig": ("trig", ox.RdfFormat.TRIG, "trig"),
    "nq": ("nquads", ox.RdfFormat.N_QUADS, "nquads"),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD, None),
}
BAD_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s]+")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "in").mkdir()
    (root / "in" / "hostile.md").write_text(ARTICLE, encoding="utf-8")
    (root / "in" / "hostile.jsonl").write_text(JSONL + "\n", encoding="utf-8")
    r = run_kg("build", root / "in", "--store", root / "store", "--out", root / "out")
    assert r.returncode == 0, r.stderr
    assert kg_errors(r.stderr) == [] and "SHACL: conforms" in r.stdout
    return root / "out"


def literals(g: rdflib.Graph | rdflib.Dataset) -> set[str]:
    return {str(o) for o in g.objects() if isinstance(o, rdflib.Literal)}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_exports_parse_back_to_the_same_text(out, fmt):
    rdflib_fmt, ox_fmt, _ = FORMATS[fmt]
    ds = rdflib.Dataset()
    ds.parse(out / f"graph.{fmt}", format=rdflib_fmt)
    found = literals(ds.graph(rdflib.URIRef("urn:x-rdflib:default"))) | {
        str(o) for _, _, o, _ in ds.quads((None, None, None, None)) if isinstance(o, rdflib.Literal)
    }
    assert {TITLE, URL, POST} <= found
    assert "javascript:window.__xss=5//\n\t{}|\\^`" in found
    assert any(SCRIPT in s and IMG in s for s in found)  # the evidence sentence
    ox_literals = {
        q.object.value
        for q in ox.parse(path=str(out / f"graph.{fmt}"), format=ox_fmt)
        if isinstance(q.object, ox.Literal)
    }
    assert {TITLE, URL, POST} <= ox_literals


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_iri_is_valid(out, fmt):
    iris = {
        t.value
        for q in ox.parse(path=str(out / f"graph.{fmt}"), format=FORMATS[fmt][1])
        for t in (q.subject, q.predicate, q.object, getattr(q, "graph_name", None))
        if isinstance(t, ox.NamedNode)
    }
    assert len(iris) > 100
    bad = sorted(i for i in iris if BAD_IRI.search(i) or not IRI.fullmatch(i))
    assert bad == []
    minted = [i for i in iris if i.startswith("https://w3id.org/tmru/")]
    assert all(re.fullmatch(r"https://w3id\.org/tmru/[A-Za-z0-9#/_.~%-]*", i) for i in minted), minted


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq"])
def test_rapper_parses(out, fmt):
    r = subprocess.run(
        ["rapper", "-i", FORMATS[fmt][2], "-c", str(out / f"graph.{fmt}")], capture_output=True, text=True
    )
    assert r.returncode == 0 and "error" not in r.stderr.lower(), r.stderr


def test_jsonld_is_plain_json(out):
    doc = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    titles = [v["@value"] for n in doc["@graph"] for v in n.get("dcterms:title", [])]
    assert TITLE in titles


def test_html_carries_text_only_as_escaped_data(out):
    html = (out / "graph.html").read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m
    data = m.group(1)
    for bad in ("<", ">", "&"):
        assert bad not in data
    markup = html[: m.start()] + html[m.end() :]
    for payload in ("__xss", "alert(1)", 'onerror="', 'onmouseover="', "onload=window"):  # not in vis-network
        assert payload not in markup, payload
    # the data block, vis-timeline, vis-network and the explorer
    assert re.findall(r"<script([^>]*)>", html) == [' type="application/json" id="kg-data"', "", "", ""]
    assert "<img" not in html and "<svg" not in html and "<b " not in html
    parsed = json.loads(data)
    assert any(d[1] == TITLE for d in parsed["docs"])


def _chromium():
    sys.path.insert(0, str(ROOT / "tests" / "export"))
    try:
        from chromium_cdp import Browser, find_chromium
    finally:
        sys.path.pop(0)
    return Browser, find_chromium()


def test_html_runs_no_injected_script(out):
    Browser, binary = _chromium()
    if binary is None:
        pytest.skip("chromium is not installed (scripts/install.sh --test installs it as root)")
    with Browser(binary) as b:
        b.open(out / "graph.html")
        nodes = b.js("explorer.data.nodes.length")
        assert nodes > 5
        for i in range(nodes):  # the details panel of every node: titles, posts, sentences, sources
            b.js(f"explorer.select({i})")
        details = b.js("document.getElementById('details').innerText")
        assert isinstance(details, str)
        b.js("explorer.select(explorer.data.nodes.findIndex(function (n) { return n.c === 0; }))")
        text = b.js("document.body.innerText")
        assert "__xss" in text  # shown as text ...
        assert b.js("window.__xss") is None  # ... never run
        assert b.js("document.querySelectorAll('img, svg, iframe, b, object, embed').length") == 0
        assert b.js("document.scripts.length") == 4  # data, vis-timeline, vis-network, explorer
        assert b.errors() == []
