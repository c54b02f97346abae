"""The explorer's per-meeting rows kept between builds (``kg.export.html.RowCache``, issue 13): after adds that
rename stored meetings, replacements and removals, the page written from the cache and the rows of the touched
meetings is byte for byte the page written from scratch."""

from __future__ import annotations

import pytest

import kg.export.html as html
from kg.cli import main
from kg.export.html import RowCache, write_html
from kg.pipeline import HTML_CACHE_FILE
from kg.store import open_store

from .conftest import CHANGES, change_articles, write_articles
from .fixtures import ALL, CONFLICT_EN, CONFLICT_RU
from .test_ingest_terms import synth


def _build(src, store, out, *extra) -> None:
    assert main(["build", str(src), "--store", str(store), "--out", str(out), "--no-validate", *extra]) == 0


def _page_from_scratch(store, out, tmp_path, first) -> None:
    """The build kept new rows beside its page, and the page is the one written from scratch."""
    assert RowCache.stamp_of(out / HTML_CACHE_FILE) not in (None, first)
    html._SEARCH_KEYS.clear()  # (from scratch: the search keys the cache brought are folded again)
    with open_store(str(store)) as st:
        write_html(st, tmp_path / "full.html")
    assert (out / "graph.html").read_bytes() == (tmp_path / "full.html").read_bytes()


@pytest.mark.parametrize("step", CHANGES)
def test_the_page_from_the_cache_is_the_page_from_scratch(tmp_path, monkeypatch, step):
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, {k: ALL[k] for k in sorted(ALL)[:4]})
    synth(12, src, seed=4)
    _build(src, store, out, "--no-html")
    cache = tmp_path / "rows.json"
    with open_store(str(store)) as st:
        write_html(st, tmp_path / "first.html", cache=cache)
    assert RowCache.stamp_of(cache)
    change_articles(src, store, tmp_path, step)
    _build(src, store, out, "--no-html")
    with open_store(str(store)) as st:
        read_at = RowCache.stamp_of(cache)
        since = (read_at, st.touched_since(read_at))
        assert since[1]
        with monkeypatch.context() as m:  # the cached path reads no per-meeting query whole
            rows = html._rows

            def bound_only(source, query, names):
                whole = (html.Q_EVIDENCE, html.Q_ROLES, html.Q_ROLE_ATTRS, html.Q_MEETINGS, html.Q_DOCS)
                assert query not in whole, "read whole"
                return rows(source, query, names)

            m.setattr(html, "_rows", bound_only)
            write_html(st, tmp_path / "cached.html", cache=cache, since=since)
        html._SEARCH_KEYS.clear()  # (from scratch: the search keys the cache brought are folded again)
        write_html(st, tmp_path / "full.html")
    assert (tmp_path / "cached.html").read_bytes() == (tmp_path / "full.html").read_bytes()


def test_kg_build_keeps_the_rows_beside_its_page(tmp_path):
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, {k: ALL[k] for k in sorted(ALL)[:5]})
    _build(src, store, out)
    first = RowCache.stamp_of(out / HTML_CACHE_FILE)
    write_articles(src, {"e_en.txt": CONFLICT_EN, "f_ru.txt": CONFLICT_RU})
    _build(src, store, out)
    _page_from_scratch(store, out, tmp_path, first)


@pytest.mark.parametrize("step", CHANGES)
def test_the_helper_started_before_ingest_writes_the_page_from_scratch(tmp_path, step):
    """``kg build`` starts the explorer's helper before it ingests (it reads the rows of the last build
    meanwhile) and tells it what the writes touched afterwards: the page is the page written from scratch."""
    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, {k: ALL[k] for k in sorted(ALL)[:4]})
    synth(12, src, seed=4)
    _build(src, store, out)
    first = RowCache.stamp_of(out / HTML_CACHE_FILE)
    change_articles(src, store, tmp_path, step)
    _build(src, store, out)
    _page_from_scratch(store, out, tmp_path, first)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_helper_starts_with_the_first_article_to_ingest(tmp_path, monkeypatch, jobs):
    """A build with nothing to ingest starts no helper; one with new articles starts one, once, in the
    build's own thread (with worker processes too), and uses it (not the helper started after ingest)."""
    import threading

    src, store, out = tmp_path / "in", tmp_path / "s", tmp_path / "out"
    write_articles(src, {k: ALL[k] for k in sorted(ALL)[:3]})
    _build(src, store, out)
    started = []
    prepare = html.prepare_html

    def early(*a, **k):
        started.append(threading.current_thread() is threading.main_thread())
        return prepare(*a, **k)

    def late(*a, **k):
        raise AssertionError("the helper was not started early")

    monkeypatch.setattr(html, "prepare_html", early)
    monkeypatch.setattr(html, "start_html", late)
    _build(src, store, out, "--jobs", jobs)
    assert started == []
    write_articles(src, {"e_en.txt": CONFLICT_EN, "f_ru.txt": CONFLICT_RU})
    _build(src, store, out, "--jobs", jobs)
    assert started == [True]
