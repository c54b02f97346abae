"""The documents reader and language detection (texts written for these tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.documents import iter_documents, read_path
from kg.documents.langdetect import detect
from kg.errors import InputError


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The co-chairs of the commission met in Ashgabat to discuss trade and transport.", "en"),
        ("Сопредседатели комиссии встретились в Ашхабаде и обсудили торговлю.", "ru"),
        ("Komisyonun eş başkanları Aşkabat'ta bir araya gelerek ticaret ve ulaştırmayı görüştü.", "tr"),
        ("Toparyň başlyklary Aşgabatda duşuşyp, söwda we ulag ulgamlaryndaky hyzmatdaşlygy maslahatlaşdylar.", "tk"),
        ("Türkmenistanyň we Russiýanyň wekilleri gepleşik geçirdiler.", "tk"),
        ("Türkiye ve Rusya arasındaki ilişkiler güçleniyor, işbirliği genişliyor.", "tr"),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang


def _write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content", "lang", "published", "text_start"),
    [
        (
            "a.txt",
            "---\nlang: ru\npublished: 2021-10-07\n---\nВстреча прошла в Ашхабаде.\n",
            "ru",
            "2021-10-07",
            "Встреча",
        ),
        ("b.md", "---\nurl: https://example.org/x\n---\nDuşuşyk Aşgabatda geçirildi.\n", "tk", None, "Duşuşyk"),
        ("c.txt", "Toplantı Aşkabat'ta yapıldı ve görüşmeler sürdü.\n", "tr", None, "Toplantı"),
        (
            "d.txt",
            "---\nlanguage: English\ndate: 2020-06-19T10:00:00\n---\nThe meeting was held.\n",
            "en",
            "2020-06-19",
            "The meeting",
        ),
    ],
)
def test_front_matter(tmp_path, name, content, lang, published, text_start):
    (doc,) = read_path(_write(tmp_path, name, content))
    assert (doc.lang, doc.published) == (lang, published)
    assert doc.text.startswith(text_start)
    assert content[doc.text_offset :].startswith(text_start)


def test_html_main_text(tmp_path):
    html = """<html><head><title>Talks in Moscow</title><script>var x = "meeting";</script></head>
    <body><nav>Home | News | Meeting archive</nav>
    <article><h1>Talks in Moscow</h1><p>The co-chairs met in Moscow on 7 December 2022.</p>
    <p>They discussed trade &amp; energy.</p></article>
    <footer>Copyright</footer></body></html>"""
    (doc,) = read_path(_write(tmp_path, "page.html", html))
    assert doc.title == "Talks in Moscow"
    assert "The co-chairs met in Moscow on 7 December 2022." in doc.text
    assert "trade & energy" in doc.text
    assert "Home" not in doc.text and "var x" not in doc.text and "Copyright" not in doc.text
    assert doc.lang == "en"


def test_jsonl(tmp_path):
    lines = [
        {
            "text": "Встреча прошла в Москве.",
            "url": "https://example.org/1",
            "lang": "ru",
            "published": "2021-01-02",
            "title": "Встреча",
        },
        {"text": "Duşuşyk Aşgabatda geçirildi we taraplar söwdany maslahatlaşdylar."},
    ]
    path = _write(tmp_path, "batch.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n")
    docs = list(read_path(path))
    assert [d.lang for d in docs] == ["ru", "tk"]
    assert (docs[0].url, docs[0].published, docs[0].title) == ("https://example.org/1", "2021-01-02", "Встреча")
    assert docs[1].name == "batch.jsonl#2"


def test_jsonl_bad_line_names_file_and_line(tmp_path):
    path = _write(tmp_path, "bad.jsonl", '{"text": "The meeting was held."}\n{"text": oops}\n["no object"]\n')
    errors: list[InputError] = []
    docs = list(read_path(path, errors.append))
    assert len(docs) == 1
    assert len(errors) == 2
    assert "bad.jsonl" in str(errors[0]) and "line 2" in str(errors[0])
    assert "line 3" in str(errors[1])
    with pytest.raises(InputError, match=r"bad\.jsonl: line 2"):
        list(read_path(path))


def test_folders_recursively(tmp_path):
    _write(tmp_path, "one.txt", "The meeting was held in Moscow.")
    _write(tmp_path, "sub/two.md", "Встреча прошла в Москве.")
    _write(tmp_path, "sub/deeper/three.jsonl", '{"text": "Toplantı yapıldı."}\n')
    _write(tmp_path, "sub/ignored.pdf", "not read")
    _write(tmp_path, ".hidden/four.txt", "not read")
    docs = list(iter_documents([tmp_path]))
    assert sorted(d.name for d in docs) == ["one.txt", "three.jsonl#1", "two.md"]


def test_broken_inputs_are_reported(tmp_path):
    errors: list[InputError] = []
    _write(tmp_path, "ok.txt", "The meeting was held.")
    _write(tmp_path, "broken.md", "---\nlang: [en\n---\nText.")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    docs = list(iter_documents([tmp_path, tmp_path / "missing.txt"], errors.append))
    assert [d.name for d in docs] == ["ok.txt"]
    assert len(errors) == 3
    assert any("broken.md" in str(e) for e in errors) and any("missing.txt" in str(e) for e in errors)
