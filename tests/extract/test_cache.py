"""The on-disk cache of compiled tables: same tables, keyed by the ontology, never an error."""

from __future__ import annotations

from kg.extract import cache
from kg.extract.lexicon import _build


def test_tables_come_back_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", str(tmp_path))
    first = cache.cached("lexicon", "tk", lambda: _build("tk"))
    files = list(tmp_path.glob("lexicon-tk-*.pickle"))
    assert len(files) == 1
    again = cache.cached("lexicon", "tk", lambda: (_ for _ in ()).throw(AssertionError("rebuilt")))
    assert again.by_first.keys() == first.by_first.keys() and again.sides == first.sides


def test_off_and_unwritable_cache_build_the_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", "off")
    assert cache.cached("x", "en", lambda: 42) == 42
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("KG_CACHE", str(blocked / "sub"))
    assert cache.cached("x", "en", lambda: 43) == 43
