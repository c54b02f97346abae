"""Stats kept up to date across writes (``kg.store.tally``, issue 13: a build of one new article need not
count the whole store again): after any mix of adds, renames of stored meetings, replacements and
removals, the tally gives what counting the store gives."""

from __future__ import annotations

import dataclasses
import json

import pytest

from kg.documents import iter_documents
from kg.extract import extract
from kg.pipeline import Ingester
from kg.resolve import resolve
from kg.store import open_store
from kg.store.local import LocalBackend
from kg.store.store import Store
from kg.store.tally import Tally

from .conftest import build, write_articles
from .fixtures import ALL
from .test_ingest_terms import synth


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> list:
    root = tmp_path_factory.mktemp("tally")
    # dense synthetic reports (merges that rename stored meetings, conflicting values) and our fixtures
    return list(iter_documents([synth(30, root / "synth", seed=11), write_articles(root / "fixtures", ALL)]))


def test_tally_is_the_count_after_adds_replacements_and_removals(docs):
    articles = [resolve(extract(d)) for d in docs]
    with Store(LocalBackend.memory()) as st:
        ing = Ingester(st)
        ing.ensure_reference()
        for ra in articles[:12]:
            ing.ingest(ra)
        ing.tally = Tally(st, st.count_stats())
        for ra in articles[12:]:
            ing.ingest(ra)
        # a replacement: another article's text under a stored article's URL
        other = dataclasses.replace(docs[-1], url=docs[2].url, name=docs[2].name)
        assert ing.ingest(resolve(extract(other))) == "replaced"
        for ra in articles[5:9]:
            assert ing.remove(str(ra.iri))
        got, want = ing.tally.stats(), st.count_stats()
        assert want.conflicts > 0 and want.multi_source_meetings > 0  # the corpus exercises both
        assert got == want


def test_tally_gives_up_past_its_limit_and_on_a_reference_reload(docs):
    ra = resolve(extract(docs[0]))
    with Store(LocalBackend.memory()) as st:
        ing = Ingester(st)
        ing.ensure_reference()
        ing.tally = Tally(st, st.count_stats(), limit=10)
        ing.ingest(ra)
        assert ing.tally.stats() is None
        ing.tally = Tally(st, st.count_stats())
        ing.tally.invalidate()
        assert ing.tally.stats() is None


def test_a_build_into_a_counted_store_keeps_its_stats_without_counting(tmp_path, docs, monkeypatch):
    first, second = write_articles(tmp_path / "a", ALL), tmp_path / "b"
    second.mkdir()
    (second / "new.txt").write_text(docs[0].text, encoding="utf-8")
    store, out = str(tmp_path / "store"), tmp_path / "out"
    assert build([first], store, out, "--no-validate") == 0  # a first build counts, and records, the stats

    def no_count(self):
        raise AssertionError("the whole store was counted")

    monkeypatch.setattr(Store, "count_stats", no_count)
    assert build([second], store, out, "--no-validate", "--json") == 0
    monkeypatch.undo()
    with open_store(store, create=False) as st:
        assert st.recorded_stats() == st.count_stats()
        assert json.loads((out / ".kg-stamp.json").read_text())["stats"] == st.count_stats().to_json()


def test_the_writes_since_a_stamp_are_logged_while_they_fit_their_slots(docs, monkeypatch):
    import kg.store.store as store_module

    articles = [resolve(extract(d)) for d in docs[:4]]
    with Store(LocalBackend.memory()) as st:
        ing = Ingester(st)
        ing.ensure_reference()
        start = st.stamp()
        ing.ingest(articles[0])
        first = st.touched_since(start)
        assert str(articles[0].iri) in first and st.touched_since(st.stamp()) == set()
        ing.ingest(articles[1])
        assert st.touched_since(start) >= first | {str(articles[1].iri)}
        monkeypatch.setattr(store_module, "WRITES", 2)  # two slots: the third write since reuses the first's
        mid = st.stamp()
        for ra in articles[2:]:
            ing.ingest(ra)
        assert st.touched_since(mid) is not None and st.touched_since(start) is None
        assert st.touched_since("a stamp this store never had") is None
