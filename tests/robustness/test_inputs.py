"""Bad inputs: each gets a one-line error naming the file (and line), the batch
goes on, and the exit code says something was skipped (issue 7)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main

GOOD = "---\nlang: en\n---\nOn 3 March 2021 the co-chairs of the Intergovernmental Commission met in Ashgabat.\n"


def run_kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=120)


def _one_line_errors(stderr: str) -> list[str]:
    lines = [x for x in stderr.splitlines() if x.strip()]
    assert all("Traceback" not in x for x in lines), stderr
    return lines


CASES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "broken_front.md": b"---\nurl: [unclosed\nlang: en\n---\nText about Ashgabat.\n",
    "bad.jsonl": b'{"text": "On 3 March 2021 the co-chairs met in Moscow.", "lang": "en"}\nnot json\n',
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_reported_and_batch_goes_on(tmp_path: Path, name: str):
    (tmp_path / name).write_bytes(CASES[name])
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = run_kg("extract", str(tmp_path))
    docs = [json.loads(x)["document"] for x in r.stdout.splitlines()]
    assert "good.txt" in docs
    errors = _one_line_errors(r.stderr)
    if name == "empty.txt":
        # an empty article is read (no meetings) or reported; never a crash
        assert r.returncode in (0, 1)
        return
    assert r.returncode == 1, r.stderr
    assert any(name in e for e in errors), errors
    if name == "bad.jsonl":
        assert any("line 2" in e for e in errors), errors
        assert any("bad.jsonl#1" in d or "bad.jsonl" in d for d in docs)


@pytest.mark.parametrize("encoding,text", [
    ("cp1251", "7 октября 2021 года в Ашхабаде состоялась встреча сопредседателей комиссии."),
    ("cp1254", "3 Mart 2021 tarihinde Aşkabat'ta eş başkanlar görüştü ve ticaret ele alındı."),
])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str, text: str):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    r = run_kg("extract", str(tmp_path / "a.txt"))
    assert r.returncode == 0, r.stderr
    facts = json.loads(r.stdout)
    assert facts["meetings"], facts
    assert facts["meetings"][0]["city"] == "Ashgabat"


def test_html_page_scripts_and_navigation_are_dropped(tmp_path: Path):
    page = """<html><head><title>News</title><script>var s = "Moscow Kazan";</script></head>
    <body><nav>Home | Moscow office | Contacts</nav>
    <article><p>On 3 March 2021 the co-chairs of the Intergovernmental Commission met in Ashgabat.</p></article>
    <footer>Copyright</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    r = run_kg("extract", str(tmp_path / "p.html"))
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)["meetings"]
    assert len(m) == 1 and m[0]["city"] == "Ashgabat"


def test_folder_with_no_articles(tmp_path: Path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    r = run_kg("extract", str(tmp_path))
    assert r.stdout == ""
    assert r.returncode == 1
    assert _one_line_errors(r.stderr) and "no articles" in r.stderr


def test_missing_path():
    r = run_kg("extract", "/nonexistent/folder")
    assert r.returncode == 1
    assert "/nonexistent/folder" in r.stderr and "Traceback" not in r.stderr


def test_non_article_text_invents_no_meeting(tmp_path: Path):
    (tmp_path / "recipe.txt").write_text(
        "Take two cups of flour and a pinch of salt. Bake for twenty minutes. Serve warm with tea.\n",
        encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0


def test_huge_file_is_refused_cleanly(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = run_kg("extract", str(tmp_path))
    assert r.returncode == 1
    assert any("big.txt" in e and "MB" in e for e in _one_line_errors(r.stderr))
    assert "good.txt" in r.stdout
