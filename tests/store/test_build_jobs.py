"""``kg build --jobs N`` extracts in worker processes; the store and every export are the same for any N."""

from __future__ import annotations

import json

import pytest

from .conftest import build

pytestmark = pytest.mark.slow  # worker processes


def test_jobs_give_the_same_store_and_files(all_dir, tmp_path, capsys):
    (all_dir / "broken.jsonl").write_text("not json\n", encoding="utf-8")
    summaries, files = [], []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        assert build([all_dir], str(tmp_path / f"s{jobs}"), out, "--json", "--jobs", str(jobs)) == 1
        summaries.append(json.loads(capsys.readouterr().out))
        files.append({p.name: p.read_bytes() for p in sorted(out.glob("graph.*"))})  # not the stamp record
    keep = ("articles", "added", "replaced", "unchanged", "skipped", "meetings", "triples", "quads", "conflicts")
    assert {k: summaries[0][k] for k in keep} == {k: summaries[1][k] for k in keep}
    assert summaries[0]["added"] == 6 and summaries[0]["skipped"] == 1
    assert files[0] == files[1] and set(files[0]) == {"graph.ttl", "graph.trig", "graph.nq", "graph.jsonld"}


def test_jobs_skip_unchanged_articles(all_dir, tmp_path, capsys):
    store = str(tmp_path / "s")
    assert build([all_dir], store, tmp_path / "o1", "--jobs", "2") == 0
    capsys.readouterr()
    assert build([all_dir], store, tmp_path / "o2", "--json", "--jobs", "2") == 0
    second = json.loads(capsys.readouterr().out)
    assert second["unchanged"] == 6 and second["added"] == second["replaced"] == 0
    assert (tmp_path / "o1" / "graph.nq").read_bytes() == (tmp_path / "o2" / "graph.nq").read_bytes()
