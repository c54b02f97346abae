"""graph.html in headless chromium, used as a person would: it draws, filters, searches, shows
tooltips and details on hover and click, loads nothing from the network and runs no injected script."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from chromium_cdp import Browser, find_chromium
from conftest import EVIL_NAME, EVIL_SCRIPT
from rdflib import Graph

from kg.export.html import DEFAULT_LIMIT, write_html

CHROMIUM = find_chromium()
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                 "(scripts/install.sh --test installs Debian chromium when run as root)")]
#: where the screenshot goes: a temporary folder (tests never write tracked files); scripts/screenshot.sh
#: sets it to exports/screenshot.png to refresh the README picture
SCREENSHOT_ENV = "KG_SCREENSHOT"

DRAWN = """new Promise(function (done) {
  explorer.network.once("afterDrawing", function () {
    var c = explorer.counts();
    c.meetings = explorer.nodeView.getIds().filter(function (i) { return explorer.data.nodes[i].c === 0; }).length;
    done(c);
  });
  explorer.network.redraw();
})"""
# independent of the exporter: what the explorer should draw for a graph
EXPECTED = """PREFIX tmru: <https://w3id.org/tmru/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?a ?b WHERE {
  { ?a a tmru:Meeting . BIND(?a AS ?b) }
  UNION { ?a a tmru:Meeting ; tmru:city|tmru:area|tmru:commission|tmru:signed|tmru:participant ?b }
  UNION { ?m tmru:participant ?a . { ?r org:member ?a } UNION { ?r tmru:person ?a } ?r tmru:forCountry ?b }
  UNION { ?m tmru:participant ?a . ?a tmru:forCountry ?b }
}"""


@pytest.fixture(scope="module")
def browser():
    with Browser(CHROMIUM) as b:
        yield b


def drawn(b: Browser) -> dict:
    return b.js(DRAWN, await_promise=True)


def node_xy(b: Browser, i: int) -> tuple[float, float]:
    return tuple(b.js(f"""(function () {{
      var p = explorer.network.canvasToDOM(explorer.network.getPositions([{i}])[{i}]);
      var r = document.getElementById("network").getBoundingClientRect();
      return [p.x + r.left, p.y + r.top]; }})()"""))


def set_control(b: Browser, cid: str, value: str) -> None:
    b.js(f"""(function () {{ var e = document.getElementById({json.dumps(cid)});
      e.value = {json.dumps(value)}; e.dispatchEvent(new Event("change")); }})()""")


def hover_and_click(b: Browser, i: int) -> tuple[str, str]:
    """Move the mouse onto node ``i``, read its tooltip, click it and read the details panel."""
    b.js(f"explorer.network.focus({i}, {{scale: 1.0, animation: false}})")
    drawn(b)
    x, y = node_xy(b, i)
    b.mouse("mouseMoved", x - 30, y - 30)
    b.mouse("mouseMoved", x, y)
    tip = b.wait("(function () { var t = document.querySelector('.vis-tooltip');"
                 " return t && t.style.visibility !== 'hidden' && t.innerText; })()")
    b.click(x, y)
    time.sleep(0.1)
    return tip, b.js("document.getElementById('details').innerText")


def open_clean(b: Browser, path: Path, fragment: str = "") -> None:
    b.page("Page.navigate", {"url": "about:blank"})
    b.events.clear()
    b.open(path, fragment)


def test_seed_graph_draws_filters_searches_and_explains(browser, built, tmp_path):
    b, html = browser, built / "graph.html"
    pairs = {(str(a), str(c)) for a, c in Graph().parse(built / "graph.ttl").query(EXPECTED)}
    nodes = {x for p in pairs for x in p}
    edges = {p for p in pairs if p[0] != p[1]}
    open_clean(b, html)
    data = b.js("explorer.data")
    c = drawn(b)
    assert (c["drawnNodes"], c["drawnEdges"]) == (len(nodes), len(edges)) == (len(data["nodes"]), len(data["edges"]))
    assert "showing" in b.js("document.getElementById('status').textContent")

    # filter by kind: only that kind's meetings remain
    kinds = sorted({n["k"] for n in data["nodes"] if n["c"] == 0})
    kind = min(kinds, key=lambda k: sum(n.get("k") == k for n in data["nodes"]))
    set_control(b, "kind", kind)
    f = drawn(b)
    assert f["meetings"] == sum(n.get("k") == kind for n in data["nodes"]) < c["meetings"]
    assert f["drawnNodes"] < c["drawnNodes"] and f["drawnEdges"] < c["drawnEdges"]
    # filter by year
    set_control(b, "kind", "")
    set_control(b, "from", "2021")
    set_control(b, "to", "2021")
    assert drawn(b)["meetings"] == sum(1 for n in data["nodes"] if (n.get("d") or "").startswith("2021"))
    b.js("document.getElementById('reset').click()")
    assert drawn(b)["drawnNodes"] == len(nodes)

    # search by name, as typed
    b.js("document.getElementById('q').focus()")
    b.type("meredov")
    b.key("Enter")
    assert "Meredov" in b.js("document.querySelector('#details h3').textContent")
    assert "Meredov" in b.js("document.getElementById('results').innerText")

    # hover and click a meeting: plain-text tooltip with the sentence and the source without scheme
    m = next(i for i, n in enumerate(data["nodes"]) if n["c"] == 0 and n.get("ev"))
    tip, details = hover_and_click(b, m)
    sentence = data["sents"][data["nodes"][m]["ev"][0][2]]
    assert sentence[:40] in tip and "source: " in tip
    assert data["nodes"][m]["l"] in details and "Sources" in details and sentence[:40] in details
    assert "example.org/" in details + tip or "doc/" in details
    assert b.js("document.querySelector('#details a') === null || "
                "/^https?:/.test(document.querySelector('#details a').href)")

    # one screenshot for the README: the whole graph with a meeting's details
    b.js("document.getElementById('reset').click()")
    drawn(b)
    b.js(f"explorer.select({m}); explorer.network.fit()")
    drawn(b)
    shot = Path(os.environ.get(SCREENSHOT_ENV) or tmp_path / "screenshot.png")
    b.screenshot(shot)
    assert shot.stat().st_size > 10_000

    assert b.requests() == [html.resolve().as_uri()]
    assert b.errors() == []


def test_injected_markup_never_runs(browser, tmp_path, evil_graph):
    b = browser
    html = write_html(evil_graph, tmp_path / "graph.html")
    open_clean(b, html)
    data = b.js("explorer.data")
    hostile = [i for i, n in enumerate(data["nodes"]) if "<" in n["l"] or n["id"].startswith("meeting/2008-01-01")]
    assert len(hostile) >= 2
    for i in hostile:
        tip, details = hover_and_click(b, i)
        assert "<" in tip + details
    b.js("document.getElementById('q').focus()")
    b.type("<img")
    b.key("Enter")
    details = b.js("document.getElementById('details').innerText")
    assert EVIL_NAME in details and EVIL_SCRIPT in details
    assert b.js("window.__xss") is None
    assert b.js("document.querySelectorAll('img, svg, iframe, b, object, embed').length") == 0
    assert b.js("document.scripts.length") == 3
    assert b.js("Array.prototype.every.call(document.querySelectorAll('a'),"
                " function (a) { return /^https?:$/.test(a.protocol); })")
    assert b.requests() == [html.resolve().as_uri()]
    assert b.errors() == []  # a blocked inline handler would show up as a CSP error


def test_large_graph_default_view_and_filters(browser, large_graph_html):
    b, (html, data) = browser, large_graph_html
    n_meetings = sum(1 for n in data["nodes"] if n["c"] == 0)
    others = len(data["nodes"]) - n_meetings
    open_clean(b, html)
    c = drawn(b)
    assert c["meetings"] == DEFAULT_LIMIT
    assert DEFAULT_LIMIT < c["drawnNodes"] <= DEFAULT_LIMIT * 3
    assert f"latest {DEFAULT_LIMIT} of {n_meetings}" in b.js("document.getElementById('status').textContent")
    latest = max(n["d"] for n in data["nodes"] if n["c"] == 0)
    assert b.js(f"explorer.nodeView.getIds().some(function (i) {{ return explorer.data.nodes[i].d === '{latest}'; }})")
    # everything is one filter away, and still drawn
    set_control(b, "limit", "0")
    a = drawn(b)
    assert a["meetings"] == n_meetings and a["drawnNodes"] == len(data["nodes"]) > others
    set_control(b, "from", "2010")
    set_control(b, "to", "2010")
    y = drawn(b)
    assert 0 < y["meetings"] == sum(1 for n in data["nodes"] if (n.get("d") or "").startswith("2010"))
    set_control(b, "area", str(next(i for i, n in enumerate(data["nodes"]) if n["id"] == "area/trade")))
    assert 0 < drawn(b)["meetings"] < y["meetings"]
    # a hidden node found by search is shown with its neighbours
    b.js("document.getElementById('reset').click()")
    oldest = min((n["d"], i) for i, n in enumerate(data["nodes"]) if n["c"] == 0)[1]
    b.js(f"explorer.select({oldest})")
    assert b.js(f"explorer.nodeView.get({oldest}) !== null")
    assert b.errors() == []


def test_empty_graph_opens(browser, tmp_path):
    html = write_html(Graph(), tmp_path / "graph.html")
    open_clean(browser, html)
    assert drawn(browser)["drawnNodes"] == 0
    assert browser.errors() == []
