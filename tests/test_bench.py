"""bench/run.py: goals, rows, the README block (no timing here), and one tiny run (slow)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


bench = _bench()
G = bench.Goal


@pytest.mark.parametrize(
    ("goals", "value", "ratio", "expected"),
    [
        ([G("value", "<=", 60, "s")], 59.0, None, True),
        ([G("value", "<=", 60, "s")], 61.0, None, False),
        ([G("value", "<=", 60, "s"), G("ratio", "<=", 2.5)], 90.0, 2.4, True),  # either goal
        ([G("value", "<=", 60, "s"), G("ratio", "<=", 2.5)], 90.0, 2.6, False),
        ([G("value", "<=", 60, "s"), G("ratio", "<=", 2.5)], 90.0, None, False),  # no anchor: the value decides
        ([G("ratio", ">=", 0.5)], 100.0, 0.5, True),
        ([G("ratio", ">=", 0.5)], 100.0, None, None),
        ([G("value", ">=", 1.7)], 1.2, None, False),
        ([], 1.0, 1.0, None),  # no goal: no verdict
        ([G("value", "<=", 3, "s")], None, None, None),  # not measured
    ],
)
def test_verdict(goals, value, ratio, expected):
    assert bench.verdict(goals, value, ratio) is expected


@pytest.mark.parametrize(
    ("value", "anchor", "ratio", "passed", "cells"),
    [
        (30.0, 12.0, 2.5, True, ["30.0 s", "12.0 s (a)", "2.50×", "≤ 60 s or ≤ 2.5×", "pass"]),
        (None, 12.0, None, None, ["n/a", "12.0 s (a)", "—", "≤ 60 s or ≤ 2.5×", "n/a"]),
        (70.0, None, None, False, ["70.0 s", "n/a (a)", "—", "≤ 60 s or ≤ 2.5×", "**fail**"]),
    ],
)
def test_row(value, anchor, ratio, passed, cells):
    from dataclasses import asdict

    r = bench.Row("s", "w", value, "s", anchor, "a", [G("value", "<=", 60, "s"), G("ratio", "<=", 2.5)])
    assert (r.ratio, r.passed) == (ratio, passed)
    assert bench.row_cells(asdict(r))[1:] == cells


@pytest.mark.parametrize(
    ("x", "text"),
    [(None, "n/a"), (123456.7, "123,457"), (45.67, "45.7"), (3.456, "3.46"), (0.01234, "0.012"), (float("nan"), "n/a")],
)
def test_fmt(x, text):
    assert bench.fmt(x) == text


def test_replace_block_rewrites_only_between_the_markers():
    text = f"head\n{bench.BEGIN}\nold\nlines\n{bench.END}\ntail\n"
    assert bench.replace_block(text, "new") == f"head\n{bench.BEGIN}\nnew\n{bench.END}\ntail\n"
    with pytest.raises(ValueError):
        bench.replace_block("no markers", "new")


def test_readme_has_the_markers():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(bench.BEGIN) == 1 and text.count(bench.END) == 1


def test_rows_of_a_partial_run_show_na():
    """A run whose steps failed still gives every row (n/a), and the markdown renders."""
    res = {
        "date": "d",
        "commit": "c",
        "mode": "quick",
        "machine": {"nproc": 2, "cpu": "x", "ram_mb": 2048, "python": "3", "spacy": "3", "pyoxigraph": "0"},
        "sizes": [100, 1000],
        "largest": 1000,
        "builds": {"100": {}, "1000": {}},
        "anchors": {"100": {}, "1000": {}},
        "load": {"start": [1.0, 1.0, 1.0]},
    }
    rows = bench.rows(res)
    assert rows and all(r.value is None for r in rows)
    res["rows"] = [bench.asdict(r) for r in rows]
    assert "n/a" in bench.markdown(res)


@pytest.mark.slow
def test_tiny_run_and_readme(tmp_path):
    """bench/run.py end to end on 10 and 20 articles, then --readme on a copy of the README."""
    out, readme = tmp_path / "r.json", tmp_path / "README.md"
    cmd = [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "10,20", "--add", "2"]
    cmd += ["--work", str(tmp_path / "w"), "--out", str(out), "--real", str(tmp_path / "none")]
    subprocess.run(cmd, check=True, capture_output=True, timeout=900)
    res = json.loads(out.read_text())
    assert res["errors"] == {}, res["errors"]
    assert res["builds"]["20"]["articles"] == 20
    assert res["anchors"]["20"]["bulk_load_s"] > 0 and res["anchors"]["20"]["extend_calls"] > 20
    assert res["noop"]["counts"]["unchanged"] == 20
    assert res["build_one"]["counts"]["added"] == 1
    assert res["jobs"]["same_output"] is True
    assert {"cochairs", "meetings", "evidence"} <= set(res["queries"])
    readme.write_text(f"a\n{bench.BEGIN}\n{bench.END}\nb\n", encoding="utf-8")
    subprocess.run([*cmd[:2], "--readme", "--out", str(out), "--readme-file", str(readme)], check=True)
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("a\n") and text.endswith("b\n") and "| measure |" in text and "`kg build` of 20" in text


@pytest.mark.parametrize(
    ("value", "term"),
    [
        ("id:country/TM", "<https://w3id.org/tmru/id/country/TM>"),
        ("2021", '"2021"^^<http://www.w3.org/2001/XMLSchema#integer>'),
        ("<https://w3id.org/tmru/id/meeting/x>", "<https://w3id.org/tmru/id/meeting/x>"),
    ],
)
def test_fallback_terms(value, term):
    """The bind values of the benchmark as terms when kg's own parser is not there."""
    assert str(bench._term(value)) == term
