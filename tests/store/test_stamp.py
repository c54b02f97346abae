"""Content stamp (issue 13): a rebuild that changes nothing rewrites nothing; any change rewrites the exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.pipeline import STAMP_FILE
from kg.store import open_store

from .conftest import write_articles
from .fixtures import CONFLICT_EN, CONFLICT_RU, MEETING, MEETING_EN

CONFLICT = {"e_en.txt": CONFLICT_EN, "f_ru.txt": CONFLICT_RU}

FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld", "graph.html")


def _build(capsys, src: Path, store: Path, out: Path, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["build", str(src), "--store", str(store), "--out", str(out), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _mtimes(out: Path) -> dict[str, int]:
    return {name: (out / name).stat().st_mtime_ns for name in FILES}


def test_stamp_changes_with_every_write(tmp_path, capsys):
    src = write_articles(tmp_path / "in", MEETING)
    _build(capsys, src, tmp_path / "s", tmp_path / "out", "--no-html")
    with open_store(str(tmp_path / "s")) as s:
        first = s.stamp()
    assert first
    _build(capsys, src, tmp_path / "s", tmp_path / "out", "--no-html")  # nothing new: the same stamp
    with open_store(str(tmp_path / "s")) as s:
        assert s.stamp() == first
    assert main(["remove", "b_en.txt", "--store", str(tmp_path / "s")]) == 0
    with open_store(str(tmp_path / "s")) as s:
        assert s.stamp() not in (None, first)


def test_noop_rebuild_rewrites_nothing(tmp_path, capsys):
    src = write_articles(tmp_path / "in", MEETING)
    store, out = tmp_path / "s", tmp_path / "out"
    first = _build(capsys, src, store, out)
    assert sorted(Path(f).name for f in first["files"]) == sorted(FILES) and first["exports"] == "written"
    assert (out / STAMP_FILE).is_file()
    before, content = _mtimes(out), {n: (out / n).read_bytes() for n in FILES}

    again = _build(capsys, src, store, out)
    assert again["unchanged"] == len(MEETING) and again["files"] == [] and again["exports"] == "skipped"
    assert sorted(Path(f).name for f in again["unchanged_files"]) == sorted(FILES)
    assert _mtimes(out) == before
    assert {k: again[k] for k in ("meetings", "triples", "quads", "conflicts", "conforms")} == {
        k: first[k] for k in ("meetings", "triples", "quads", "conflicts", "conforms")
    }
    assert "validate" not in again["seconds"]  # the same content conformed when it was exported

    # a change to the store: every export is written again
    write_articles(src, CONFLICT)
    changed = _build(capsys, src, store, out)
    assert changed["added"] == len(CONFLICT) and changed["exports"] == "written"
    assert all(_mtimes(out)[n] != before[n] for n in FILES)
    assert (out / "graph.ttl").read_bytes() != content["graph.ttl"]


@pytest.mark.parametrize(
    "disturb, rewritten",
    [
        (lambda out: (out / "graph.ttl").unlink(), {"graph.ttl"}),  # a missing file
        (lambda out: (out / "graph.nq").write_bytes(b"edited"), {"graph.nq"}),  # a file changed since
        (lambda out: (out / STAMP_FILE).unlink(), set(FILES)),  # no record: all of them
        (lambda out: (out / STAMP_FILE).write_text("{not json"), set(FILES)),  # a broken record: all of them
    ],
)
def test_only_stale_exports_are_rewritten(tmp_path, capsys, disturb, rewritten):
    src = write_articles(tmp_path / "in", {"en.txt": MEETING_EN})
    store, out = tmp_path / "s", tmp_path / "out"
    _build(capsys, src, store, out)
    before = _mtimes(out) if (out / "graph.ttl").exists() else {}
    disturb(out)
    res = _build(capsys, src, store, out)
    assert {Path(f).name for f in res["files"]} == rewritten
    assert {Path(f).name for f in res["unchanged_files"]} == set(FILES) - rewritten
    after = _mtimes(out)
    assert {n for n in FILES if after[n] != before[n]} >= rewritten - {"graph.ttl"}
    assert _build(capsys, src, store, out)["files"] == []  # and then it is current again


def test_html_in_another_language_is_rewritten(tmp_path, capsys):
    src = write_articles(tmp_path / "in", {"en.txt": MEETING_EN})
    store, out = tmp_path / "s", tmp_path / "out"
    _build(capsys, src, store, out)
    res = _build(capsys, src, store, out, "--lang", "ru")
    assert [Path(f).name for f in res["files"]] == ["graph.html"]
    assert _build(capsys, src, store, out, "--lang", "ru")["files"] == []


def test_another_store_into_the_same_folder_rewrites(tmp_path, capsys):
    src = write_articles(tmp_path / "in", {"en.txt": MEETING_EN})
    out = tmp_path / "out"
    _build(capsys, src, tmp_path / "s1", out, "--no-html")
    res = _build(capsys, src, tmp_path / "s2", out, "--no-html")
    assert len(res["files"]) == 4


def test_a_record_of_another_version_is_not_trusted(tmp_path, capsys):
    src = write_articles(tmp_path / "in", {"en.txt": MEETING_EN})
    store, out = tmp_path / "s", tmp_path / "out"
    first = _build(capsys, src, store, out, "--no-html")
    record = json.loads((out / STAMP_FILE).read_text())
    record["stats"]["new_field"] = 1  # stats of another version: computed again, exports still current
    (out / STAMP_FILE).write_text(json.dumps(record))
    again = _build(capsys, src, store, out, "--no-html")
    assert again["files"] == [] and again["triples"] == first["triples"]
