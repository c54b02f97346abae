"""graph.html in headless chromium, used as a person would: the timeline, the graph and the overview
draw what the data holds, filters and chart clicks move every view, controls speak the page's
language, search finds names in any script, conflicts show, any URL fragment is survived, nothing
is loaded from the network and no injected script runs. Screenshots go to a temporary folder
only (``scripts/screenshots.py`` makes the README ones)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from chromium_cdp import Browser, find_chromium
from conftest import EVIL_NAME, EVIL_SCRIPT, LANGS
from rdflib import Graph

from kg.export.html import ui_strings, write_html

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="chromium is not installed (scripts/install.sh --test installs Debian chromium when run as root)",
    ),
]


@pytest.fixture(scope="module")
def browser():
    with Browser(CHROMIUM) as b:
        yield b


def open_clean(b: Browser, path: Path, fragment: str = "") -> None:
    b.page("Page.navigate", {"url": "about:blank"})
    b.events.clear()
    b.open(path, fragment)


def counts(b: Browser) -> dict:
    return b.js("explorer.counts()")


def clean(b: Browser, html: Path) -> None:
    assert b.requests() == [html.resolve().as_uri()]
    assert b.errors() == []


def set_control(b: Browser, cid: str, value: str) -> None:
    b.js(f"""(function () {{ var e = document.getElementById({json.dumps(cid)});
      e.value = {json.dumps(value)}; e.dispatchEvent(new Event("change")); }})()""")


def click_element(b: Browser, selector: str) -> None:
    """A real mouse click in the middle of the first element matching ``selector``."""
    x, y = b.js(f"""(function () {{ var r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
    b.click(x, y)
    time.sleep(0.2)


def view(b: Browser, name: str) -> None:
    click_element(b, f'#tabs button[data-view="{name}"]')
    time.sleep(0.5)


def meetings(data: dict) -> list[int]:
    return [i for i, n in enumerate(data["nodes"]) if n["c"] == 0]


def details(b: Browser) -> str:
    return b.js("document.getElementById('details').innerText")


# ---------------------------------------------------------------- timeline


def test_timeline_meetings_by_kind_tenures_and_details(browser, built, tmp_path):
    b, html = browser, built / "graph.html"
    open_clean(b, html)
    data = b.js("explorer.data")
    placed = [i for i in meetings(data) if data["nodes"][i].get("d") or data["nodes"][i].get("rd")]
    c = counts(b)
    assert c["timelineMeetings"] == len(placed) and c["tenures"] == len(data["tenures"]) >= 2
    # every placed meeting and tenure is drawn: one point per meeting, one bar per tenure
    assert b.js("document.querySelectorAll('#timeline .vis-item.vis-point').length") == len(placed)
    assert b.js("document.querySelectorAll('#timeline .vis-item.vis-range.tenure').length") == len(data["tenures"])
    lanes = b.js(
        "Array.prototype.map.call(document.querySelectorAll('#timeline .vis-labelset .vis-label'),"
        " function (e) { return e.textContent; })"
    )
    assert {data["kinds"][data["nodes"][i]["k"]] for i in placed} <= set(lanes)
    assert "Co-chairs: Turkmenistan" in lanes and "Co-chairs: Russia" in lanes
    # marker shape by format, undated placed at the report date and marked
    und = next(i for i in placed if not data["nodes"][i].get("d"))
    item = b.js(f"explorer.timeline().itemsData.get({und})")
    assert item["className"].split()[2] == "undated" and "fmt-" in item["className"]
    assert b.js(f"new Date(explorer.timeline().itemsData.get({und}).start).getFullYear()") == int(
        data["nodes"][und]["rd"][:4]
    )
    assert b.js("document.querySelectorAll('#timeline .vis-item.undated').length") >= 1
    # click a meeting: the same details panel as the graph
    session = next(i for i in placed if data["nodes"][i]["l"].startswith("12th session"))
    b.js("explorer.timeline().setWindow('2022-11-20', '2022-12-20', {animation: false})")
    time.sleep(0.5)
    b.js("""Array.prototype.filter.call(document.querySelectorAll('#timeline .vis-item.vis-point'), function (e) {
      return e.textContent.indexOf('12th session') === 0; })[0].id = 'the-12th'""")
    click_element(b, "#the-12th .vis-dot")
    assert data["nodes"][session]["l"] == "12th session, Moscow, 2022-12-07"
    assert data["nodes"][session]["l"] in details(b) and "Sources" in details(b)
    # zoom from decades to days
    b.js("explorer.timeline().setWindow('2022-12-06', '2022-12-08', {animation: false})")
    w = b.js("(function () { var w = explorer.timeline().getWindow(); return w.end - w.start; })()")
    assert 4 * 86400e3 <= w <= 6 * 86400e3  # zoomMin: a few days
    b.js("explorer.timeline().setWindow('1950-01-01', '2030-01-01', {animation: false})")
    w = b.js("(function () { var w = explorer.timeline().getWindow(); return w.end - w.start; })()")
    assert 30 * 365 * 86400e3 <= w <= 61 * 365.25 * 86400e3
    b.screenshot(tmp_path / "timeline.png")
    clean(b, html)


# ---------------------------------------------------------------- graph


def test_graph_starts_from_the_latest_meeting_and_grows_on_click(browser, built):
    b, html = browser, built / "graph.html"
    open_clean(b, html)
    data = b.js("explorer.data")
    nodes = data["nodes"]
    view(b, "graph")
    latest = max((nodes[i]["d"], i) for i in meetings(data) if nodes[i].get("d"))[1]
    assert b.js("explorer.state.focus") == latest
    b.wait("explorer.network().body.nodeIndices.length > 0")
    c = counts(b)
    hubs = {i for i, n in enumerate(nodes) if data["classes"][n["c"]]["key"] in ("Country", "CooperationArea")}
    neighbours = {e[1] if e[0] == latest else e[0] for e in data["edges"] if latest in e[:2]} - hubs
    assert c["drawnNodes"] == c["graphNodes"] == 1 + len(neighbours)
    assert not set(b.js("explorer.network().body.nodeIndices")) & hubs  # areas, countries: filters, not hubs
    assert "12th session, Moscow, 2022-12-07" in b.js("document.getElementById('focus-name').textContent")
    # click a co-chair on the canvas: the details show them, their meetings join the graph
    meredov = next(i for i, n in enumerate(nodes) if n["id"] == "person/rashid-meredov")
    b.js(f"explorer.network().focus({meredov}, {{scale: 1.0, animation: false}})")
    time.sleep(0.3)
    x, y = b.js(f"""(function () {{
      var p = explorer.network().canvasToDOM(explorer.network().getPositions([{meredov}])[{meredov}]);
      var r = document.getElementById("network").getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }})()""")
    b.click(x, y)
    time.sleep(0.3)
    assert "Rashid Meredov" in details(b)
    grown = counts(b)
    assert grown["drawnNodes"] > c["drawnNodes"] and grown["drawnEdges"] > c["drawnEdges"]
    his = {e[1] if e[0] == meredov else e[0] for e in data["edges"] if meredov in e[:2]} - hubs
    assert his <= set(b.js("explorer.network().body.nodeIndices"))
    # showing areas again (legend) draws them as nodes
    click_element(b, "#cls-CooperationArea")
    assert set(b.js("explorer.network().body.nodeIndices")) & hubs
    clean(b, html)


# ---------------------------------------------------------------- overview and filter interplay


def test_overview_charts_filter_the_other_views(browser, built):
    b, html = browser, built / "graph.html"
    open_clean(b, html)
    data = b.js("explorer.data")
    nodes = data["nodes"]
    dated = [i for i in meetings(data) if nodes[i].get("d") or nodes[i].get("rd")]
    view(b, "overview")
    c = counts(b)
    pairs = {(int((nodes[i].get("d") or nodes[i]["rd"])[:4]), nodes[i]["k"]) for i in dated}
    assert c["bars"] == len(pairs)
    assert c["agreementBars"] == len({(nodes[i].get("d") or nodes[i]["rd"])[:4] for i in dated if nodes[i]["s"]})
    assert c["cells"] > 0
    # click the 2022 commission-session bar: every view now shows that year and kind
    click_element(b, '#chart-meetings .bar[data-year="2022"][data-key="commission-session"]')
    s = b.js("explorer.state")
    assert (s["from"], s["to"], s["kind"]) == (2022, 2022, "commission-session")
    assert b.js("document.getElementById('kind').value") == "commission-session"
    want = [i for i in dated if nodes[i]["k"] == "commission-session" and (nodes[i].get("d") or "").startswith("2022")]
    assert counts(b)["bars"] == 1
    view(b, "timeline")
    assert counts(b)["timelineMeetings"] == len(want) == 1
    assert b.js("document.querySelectorAll('#timeline .vis-item.vis-point').length") == 1
    view(b, "graph")
    assert b.js("explorer.state.focus") == want[0]
    # a heatmap cell sets the area filter and the year
    click_element(b, "#reset")
    view(b, "overview")
    cell = b.js(
        "(function () { var c = document.querySelector('#chart-areas .cell');"
        " return [c.getAttribute('data-area'), +c.getAttribute('data-year')]; })()"
    )
    click_element(b, f'#chart-areas .cell[data-area="{cell[0]}"][data-year="{cell[1]}"]')
    area = next(i for i, n in enumerate(nodes) if n["id"] == cell[0])
    assert b.js("explorer.state.area") == str(area) and b.js("explorer.state.from") == cell[1]
    with_area = {e[0] for e in data["edges"] if e[1] == area and e[2] == "area"}
    want = [i for i in dated if i in with_area and (nodes[i].get("d") or nodes[i]["rd"]).startswith(str(cell[1]))]
    view(b, "timeline")
    assert counts(b)["timelineMeetings"] == len(want) > 0
    clean(b, html)


# ---------------------------------------------------------------- language, search, conflicts


@pytest.mark.parametrize("lang", LANGS)
def test_every_control_speaks_the_page_language(browser, built, lang):
    b, html = browser, built / f"graph.{lang}.html"
    ui, en = ui_strings(lang), ui_strings("en")
    open_clean(b, html)
    texts = b.js("""Array.prototype.map.call(document.querySelectorAll('[data-i18n]'),
      function (e) { return [e.getAttribute('data-i18n'), e.textContent]; })""")
    assert len(texts) > 20 and all(text == ui[key] for key, text in texts)
    assert b.js("document.title") == ui["title"]
    assert b.js("document.getElementById('q').placeholder") == ui["search.placeholder"]
    assert b.js("document.getElementById('reset').title") == ui["reset.tip"]
    assert b.js("document.documentElement.lang") == lang
    shown = b.js("document.body.innerText")
    for view_name in ("graph", "overview"):
        view(b, view_name)
        shown += b.js("document.body.innerText")
    assert ui["status.overview"].split("{")[0].strip() in shown or "{" not in ui["status.overview"]
    if lang != "en":  # no English control text anywhere on the page
        for key in (
            "filters",
            "search",
            "legend",
            "reset",
            "undated",
            "view.timeline",
            "view.graph",
            "view.overview",
            "overview.meetings",
            "overview.hint",
            "graph.hint",
            "timeline.hint",
            "legend.formats",
            "details.hint",
            "graph.latest",
        ):
            assert en[key].lower() not in shown.lower(), (lang, key)  # headings are shown upper-cased
    # month names on the time axis come from the language's table
    view(b, "timeline")
    b.js("explorer.timeline().setWindow('2021-01-01', '2021-12-31', {animation: false})")
    time.sleep(0.4)
    axis = b.js(
        "Array.prototype.map.call(document.querySelectorAll('#timeline .vis-time-axis .vis-text'),"
        " function (e) { return e.textContent; }).join(' ')"
    )
    assert ui["months"][0] in axis and ui["months"][3] in axis
    assert lang == "en" or en["months"][0] not in axis.split()
    clean(b, html)


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("overcuk", "person/alexei-overchuk"),
        ("Оверчук", "person/alexei-overchuk"),
        ("Overçuk", "person/alexei-overchuk"),
        ("Ашхабад", "city/ashgabat"),
        ("aşgabat", "city/ashgabat"),
        ("МЕРЕДОВ", "person/rashid-meredov"),
        ("Rusya", "country/RU"),
        ("Россия", "country/RU"),
    ],
)
def test_search_finds_every_label_in_every_script(browser, built, typed, expected):
    b, html = browser, built / "graph.html"
    open_clean(b, html)
    b.js("document.getElementById('q').focus()")
    b.type(typed)
    found = b.js(
        "explorer.search(document.getElementById('q').value).map(function (i) { return explorer.data.nodes[i].id; })"
    )
    assert expected in found
    assert b.js("document.getElementById('results').children.length") >= 1
    b.key("Enter")
    target = b.js(f"explorer.data.nodes[explorer.byId[{json.dumps(expected)}]].l")
    if found[0] == expected:
        assert target in b.js("document.querySelector('#details h3').textContent")
    clean(b, html)


def test_page_fold_is_the_python_fold(browser, built):
    from kg.export.html import search_key

    words = [
        "Overçuk",
        "Оверчук",
        "Raşid Meredow",
        "Рашид Мередов",
        "AŞGABAT",
        "İstanbul",
        "Iğdır",
        "Ашхабад",
        "Türkmenistan",
        "Russiýa",
        "Şükür",
        "Çuýçenko",
        "Чуйченко",
        "Ýaňlyk",
        "щука",
        "Хабаровск",
        "Moskwa",
    ]
    open_clean(browser, built / "graph.html")
    assert browser.js(f"{json.dumps(words)}.map(explorer.fold)") == [search_key(w) for w in words]


def test_conflict_badge_lists_each_source(browser, built):
    b, html = browser, built / "graph.html"
    open_clean(b, html)
    data = b.js("explorer.data")
    m = next(i for i, n in enumerate(data["nodes"]) if n.get("cf"))
    assert b.js(f"explorer.timeline().itemsData.get({m}).className").endswith("conflict")
    assert b.js("document.querySelectorAll('#timeline .vis-item.vis-point.conflict').length") == 1
    b.js(f"explorer.timeline().setSelection([{m}]); explorer.select({m})")
    text = details(b)
    assert "sources disagree" in b.js("document.querySelector('#details h3 .badge').textContent")
    assert "2019-05-07 \u2190 example.org/cf/a" in text and "2019-05-08 \u2190 example.org/cf/b" in text
    view(b, "graph")
    b.js(f"explorer.select({m})")
    assert b.js(f"explorer.network().body.data.nodes.get({m}).label").endswith("\u26a0")
    assert "example.org/cf/b" in b.js(f"explorer.network().body.data.nodes.get({m}).title")
    clean(b, html)


# ---------------------------------------------------------------- robustness


FRAGMENTS = [
    "",
    "%",
    "%E0%A4%A",
    "=&&==&",
    "view=graph",
    "view=overview&kind=commission-session",
    "view=%3Cscript%3Ealert(1)%3C/script%3E",
    "from=abc&to=-5",
    "from=2021&to=2021&undated=0",
    "focus=person/rashid-meredov",
    "focus=nope&area=country/TM",
    "country=country/TM&kind=other",
    "q=%D0%9E%D0%B2%D0%B5%D1%80%D1%87%D1%83%D0%BA",
    "constructor=1&__proto__=x&toString=2",
    "x" * 5000,
    "focus=" + "%" * 100,
    "#view=graph",
    "area=area/trade&from=2022&view=timeline",
]


@pytest.mark.parametrize("fragment", FRAGMENTS, ids=range(len(FRAGMENTS)))
def test_any_fragment_opens_the_page(browser, built, fragment):
    b, html = browser, built / "graph.html"
    open_clean(b, html, fragment)
    assert b.js("explorer.ready") and b.js("explorer.counts().meetings") > 0
    msg = b.js("document.getElementById('msg').hidden ? '' : document.getElementById('msg').textContent")
    known = fragment in (
        "",
        "view=graph",
        "view=overview&kind=commission-session",
        "from=2021&to=2021&undated=0",
        "focus=person/rashid-meredov",
        "country=country/TM&kind=other",
        "q=%D0%9E%D0%B2%D0%B5%D1%80%D1%87%D1%83%D0%BA",
        "area=area/trade&from=2022&view=timeline",
    )
    assert (msg == "") == known, msg
    if fragment == "focus=person/rashid-meredov":
        assert "Rashid Meredov" in details(b) and b.js("explorer.state.view") == "graph"
    if fragment.startswith("q="):
        assert "Overchuk" in b.js("document.getElementById('results').innerText")
    assert b.js("window.__xss") is None and b.js("document.scripts.length") == 4
    clean(b, html)


def test_injected_markup_never_runs(browser, tmp_path, evil_graph):
    b = browser
    html = write_html(evil_graph, tmp_path / "graph.html")
    open_clean(b, html)
    data = b.js("explorer.data")
    hostile = [i for i, n in enumerate(data["nodes"]) if "<" in n["l"] or n["id"].startswith("meeting/2008-01-01")]
    assert len(hostile) >= 2
    for name in ("timeline", "graph", "overview"):
        view(b, name)
        for i in hostile:
            b.js(f"explorer.select({i})")
            assert "<" in details(b)
    b.js("document.getElementById('q').focus()")
    b.type("<img")
    b.key("Enter")
    text = details(b)
    assert EVIL_NAME in text and EVIL_SCRIPT in text
    assert b.js("window.__xss") is None
    assert b.js("document.querySelectorAll('img, iframe, b, object, embed, #details svg, #timeline svg').length") == 0
    assert b.js("document.scripts.length") == 4
    assert b.js(
        "Array.prototype.every.call(document.querySelectorAll('a'),"
        " function (a) { return /^https?:$/.test(a.protocol); })"
    )
    clean(b, html)  # a blocked inline handler would show up as a CSP error


def test_empty_graph_opens(browser, tmp_path):
    html = write_html(Graph(), tmp_path / "graph.html")
    for name in ("", "view=graph", "view=overview"):
        open_clean(browser, html, name)
        c = counts(browser)
        assert c["meetings"] == c["drawnNodes"] == c["timelineMeetings"] == 0
        clean(browser, html)


# ---------------------------------------------------------------- scale


def interactive(b: Browser, html: Path) -> float:
    """Seconds from navigation to a page that answers (timeline drawn, ready flag set)."""
    b.page("Page.navigate", {"url": "about:blank"})
    b.events.clear()
    t0 = time.perf_counter()
    b.open(html)
    return time.perf_counter() - t0


def check_scale(b: Browser, html: Path, n_meetings: int) -> dict:
    seconds = min(interactive(b, html) for _ in range(2))  # best of two: the machine is shared
    c = counts(b)
    assert seconds < 2.0, seconds
    assert c["meetings"] == n_meetings
    # aggregated, not sampled: every placed meeting is counted in a bar per kind and year
    assert c["timelineLevel"] == "year" and c["timelineMeetings"] > 0.9 * n_meetings
    assert b.js("document.querySelectorAll('#timeline .vis-item.agg').length") == c["aggregates"] > 0
    assert (
        sum(b.js("explorer.timeline().itemsData.get().map(function (it) { return it.n || 0; })"))
        == c["timelineMeetings"]
    )
    assert c["timelineDrawn"] < 1000
    # a click on a bar zooms into it (months, then meetings)
    click_element(b, "#timeline .vis-item.agg")
    time.sleep(0.3)
    assert counts(b)["timelineLevel"] in ("month", "meetings")
    t0 = time.perf_counter()
    set_control(b, "from", "2020")
    set_control(b, "to", "2020")
    one_year = counts(b)["timelineMeetings"]
    assert 0 < one_year < n_meetings
    view(b, "overview")
    view(b, "graph")
    assert 0 < counts(b)["drawnNodes"] <= 60
    assert time.perf_counter() - t0 < 5.0
    clean(b, html)
    return {"seconds": seconds, **c}


def test_large_graph_is_interactive(browser, large_graph_html):
    html, data = large_graph_html
    check_scale(browser, html, len(meetings(data)))


@pytest.mark.scale
def test_ten_thousand_synthetic_articles(browser, tmp_path):
    """``kg build`` of 10,000 articles from bench/synth.py (several minutes): graph.html ≤ 10 MB,
    interactive in < 2 s, an aggregated timeline by default."""
    import re

    import synth  # bench/ is on the tests' path (pyproject.toml)

    from kg.cli import main

    synth.generate(10_000, tmp_path / "texts")
    out = tmp_path / "out"
    assert (
        main(["build", str(tmp_path / "texts"), "--store", str(tmp_path / "store"), "--out", str(out), "--no-validate"])
        == 0
    )
    html = out / "graph.html"
    assert html.stat().st_size <= 10_000_000
    text = html.read_text("utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', text, re.S).group(1))
    check_scale(browser, html, len(meetings(data)))
