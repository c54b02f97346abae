"""Bad inputs: each gets a one-line error naming the file (and line), the batch
goes on, and the exit code says something was skipped (issue 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kgrun import kg_here as run_kg  # in this process: the same main() as the command, loaded once
from kgrun import run_kg as run_kg_process

GOOD = "---\nlang: en\n---\nOn 3 March 2021 the co-chairs of the Intergovernmental Commission met in Ashgabat.\n"


def _one_line_errors(stderr: str) -> list[str]:
    lines = [x for x in stderr.splitlines() if x.strip()]
    assert all("Traceback" not in x for x in lines), stderr
    return lines


CASES = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 4,
    "broken_front.md": b"---\nurl: [unclosed\nlang: en\n---\nText about Ashgabat.\n",
    "bad.jsonl": b'{"text": "On 3 March 2021 the co-chairs met in Moscow.", "lang": "en"}\nnot json\n[1, 2]\n',
    "blank.md": b"---\nlang: en\n---\n   \n",
    "unclear.txt": b"Report \x81\x8d\x8f\x90\x9d about \x98\x81 the meeting \x8d\x8e.\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_reported_and_batch_goes_on(tmp_path: Path, name: str):
    (tmp_path / name).write_bytes(CASES[name])
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = run_kg("extract", str(tmp_path))
    docs = [json.loads(x)["document"] for x in r.stdout.splitlines()]
    assert "good.txt" in docs
    errors = _one_line_errors(r.stderr)
    assert r.returncode == 1, r.stderr
    assert len(errors) == (2 if name == "bad.jsonl" else 1), errors
    assert any(name in e for e in errors), errors
    if name == "bad.jsonl":
        assert any("line 2" in e and "not JSON" in e for e in errors), errors
        assert any("line 3" in e for e in errors), errors
        assert any("bad.jsonl#1" in d or "bad.jsonl" in d for d in docs)


@pytest.mark.parametrize(
    "encoding,text",
    [
        ("cp1251", "7 октября 2021 года в Ашхабаде состоялась встреча сопредседателей комиссии."),
        ("cp1254", "3 Mart 2021 tarihinde Aşkabat'ta eş başkanlar görüştü ve ticaret ele alındı."),
    ],
)
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str, text: str):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    r = run_kg("extract", str(tmp_path / "a.txt"))
    assert r.returncode == 0, r.stderr
    facts = json.loads(r.stdout)
    assert facts["meetings"], facts
    assert facts["meetings"][0]["city"] == "Ashgabat"


def test_cp1251_with_much_latin_text_is_not_mojibake(tmp_path: Path):
    """Russian in cp1251 under long ASCII front matter is still recognised (runs of Cyrillic letters)."""
    text = (
        "---\nurl: https://example.org/ru/news/a/very/long/path/to/the/article/12345678\nlang: ru\n"
        "title: Meeting of the Intergovernmental Commission in Ashgabat\n---\n"
        "7 октября 2021 года в Ашхабаде состоялась встреча сопредседателей комиссии.\n"
    )
    (tmp_path / "a.txt").write_bytes(text.encode("cp1251"))
    r = run_kg("extract", str(tmp_path / "a.txt"))
    assert r.returncode == 0, r.stderr
    facts = json.loads(r.stdout)
    assert facts["meetings"] and facts["meetings"][0]["city"] == "Ashgabat"
    assert facts["meetings"][0]["date"] == "2021-10-07"


@pytest.mark.slow
def test_lone_surrogates_and_nul_in_json_are_stored(tmp_path: Path):
    """JSON may escape lone surrogates and NUL; the article is still read, extracted and stored."""
    line = {
        "text": "On 3 March 2021 the co-chairs of the Intergovernmental Commission met in Ashgabat. "
        "\ud800 \u0000 Minister A. Ivanov took part.",
        "lang": "en",
        "url": "https://example.org/\udc80",
        "title": "\u0000\ud83d",
    }
    (tmp_path / "s.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    r = run_kg("extract", str(tmp_path / "s.jsonl"))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["meetings"][0]["city"] == "Ashgabat"
    r = run_kg_process(
        "build",
        str(tmp_path / "s.jsonl"),
        "--store",
        str(tmp_path / "store"),
        "--out",
        str(tmp_path / "out"),
        "--no-html",
    )
    assert r.returncode == 0, r.stderr
    assert "\ufffd" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_fifo_and_undecodable_file_name(tmp_path: Path):
    """A named pipe is refused (not read forever); a file name that is not UTF-8 is shown (its bytes as
    \\xNN, so two such names never collapse to one), not fatal."""
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    odd = os.fsencode(str(tmp_path)) + b"/\xcf\xf0\xe8\xe5\xec.txt"  # "Прием" in cp1251
    with open(odd, "w", encoding="utf-8") as fh:
        fh.write(GOOD)
    r = run_kg("extract", str(tmp_path / "pipe.txt"), str(tmp_path))
    assert r.returncode == 1, r.stderr
    errors = _one_line_errors(r.stderr)
    assert len(errors) == 1 and "pipe.txt" in errors[0] and "not a regular file" in errors[0]
    assert json.loads(r.stdout)["document"] == "\\xcf\\xf0\\xe8\\xe5\\xec.txt"  # bytes shown, names stay distinct


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
        "Take two cups of flour and a pinch of salt. Bake for twenty minutes. Serve warm with tea.\n", encoding="utf-8"
    )
    r = run_kg("extract", str(tmp_path))
    assert r.returncode == 0 and not _one_line_errors(r.stderr)
    assert json.loads(r.stdout)["meetings"] == []


@pytest.mark.slow
def test_huge_file_is_refused_cleanly(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    r = run_kg_process("extract", str(tmp_path))
    assert r.returncode == 1
    assert any("big.txt" in e and "MB" in e for e in _one_line_errors(r.stderr))
    assert "good.txt" in r.stdout


@pytest.mark.slow
def test_huge_jsonl_is_read_line_by_line(tmp_path: Path):
    """A 50 MB ``.jsonl`` is not refused: it is read a line at a time; the one line over the limit is
    reported with its number, the articles around it are read."""
    line = {"text": "On 3 March 2021 the co-chairs of the Intergovernmental Commission met in Ashgabat.", "lang": "en"}
    with (tmp_path / "big.jsonl").open("wb") as fh:
        fh.write(json.dumps(line).encode() + b"\n")
        fh.write(b'{"text": "' + b"x" * (30 * 2**20) + b'"}\n')
        fh.write(b"\n" * (20 * 2**20))
        fh.write(json.dumps({**line, "text": line["text"].replace("Ashgabat", "Moscow")}).encode() + b"\n")
    assert (tmp_path / "big.jsonl").stat().st_size > 50 * 2**20
    r = run_kg_process("extract", str(tmp_path / "big.jsonl"))
    assert r.returncode == 1, r.stderr
    errors = _one_line_errors(r.stderr)
    assert len(errors) == 1 and "big.jsonl: line 2: longer than" in errors[0] and "MB" in errors[0]
    facts = [json.loads(x) for x in r.stdout.splitlines()]
    assert [f["document"] for f in facts] == ["big.jsonl#1", f"big.jsonl#{3 + 20 * 2**20}"]
    assert [f["meetings"][0]["city"] for f in facts] == ["Ashgabat", "Moscow"]


def test_jsonl_lines_are_split_on_newlines_only(tmp_path: Path):
    """U+2028, U+0085 and form feeds are valid inside JSON strings; they do not end a line."""
    text = "On 3 March 2021 the co-chairs\u2028of the Intergovernmental\x85Commission\x0cmet in Ashgabat."
    (tmp_path / "a.jsonl").write_text(
        json.dumps({"text": text, "lang": "en"}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    r = run_kg("extract", str(tmp_path / "a.jsonl"))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["meetings"][0]["city"] == "Ashgabat"
