"""Property tests: arbitrary Unicode never makes the reader, the normaliser or the
extractor raise, and what comes out always conforms to the SHACL shapes."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from kg.documents import SUFFIXES, iter_documents
from kg.documents.reader import decode, make_document, split_front_matter
from kg.errors import InputError
from kg.extract import extract
from kg.extract.normalize import fold, lower
from kg.graph import article_graph, article_triples, reference_graph
from kg.graph.validate import validate
from kg.resolve import resolve
from kg.store.terms import triples_of

WORDS = st.sampled_from(
    [
        "Meredov",
        "Мередова",
        "Owerçugyň",
        "Aşgabatda",
        "Ашхабаде",
        "co-chair",
        "сопредседатель",
        "eş başkan",
        "meeting",
        "заседание",
        "mejlisi",
        "toplantısı",
        "12th",
        "12-е",
        "19 Haziran 2020",
        "June 19, 2020",
        "video",
        "signed",
        "подписан",
        "trade-economic",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\"'&",
        "İ",
        "I",
        "ı",
        "\u0307",
        "\n\n",
        ".",
        ",",
        "Intergovernmental Commission",
        "Turkmenistan",
        "Russia",
    ]
)
#: any code point, lone surrogates and NUL included (JSON can carry them)
ANY_CHAR = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
    st.sampled_from("\x00\x01\x07\x1b\x7f\x85\u2028\u202e\ufeff\ufffd"),
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.text(ANY_CHAR, max_size=100),
    st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40).map(" ".join),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(ANY_CHAR, max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
META_KEYS = st.sampled_from(["text", "url", "lang", "published", "date", "title", "name", "document", "x"])
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
LANG = st.sampled_from(["en", "ru", "tr", "tk"])
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=400))
def test_decode_never_raises_unexpectedly(raw: bytes):
    from kg.errors import InputError

    try:
        assert isinstance(decode(raw, Path("x.txt")), str)
    except InputError:
        pass


@FAST
@given(TEXT)
def test_front_matter_never_raises_unexpectedly(text: str):
    from kg.errors import InputError

    try:
        meta, body, offset = split_front_matter(text, Path("x.md"))
        assert isinstance(meta, dict) and text.endswith(body)
    except InputError:
        pass


def _read_all(path: Path) -> tuple[list, list[InputError]]:
    errors: list[InputError] = []
    docs = list(iter_documents([path], errors.append))
    for d in docs:  # what the reader gives can always be encoded, hashed and stored
        for value in (d.text, d.name, d.path, d.url or "", d.title or ""):
            assert not UNSTORABLE.search(value)
        assert d.lang in ("en", "ru", "tr", "tk")
    assert all("\n" not in str(e) for e in errors)
    return docs, errors


@FAST
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
def test_reader_on_arbitrary_files(raw: bytes, suffix: str):
    """Any bytes in a file of any article type: documents or one-line input errors, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(raw)
        _read_all(path)


@FAST
@given(st.text(ANY_CHAR, max_size=300), st.sampled_from(SUFFIXES))
def test_reader_on_arbitrary_text(text: str, suffix: str):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        _read_all(path)


@FAST
@given(st.lists(st.one_of(JSON, st.dictionaries(META_KEYS, JSON, max_size=6)), min_size=1, max_size=5))
def test_reader_on_arbitrary_json_lines(objects: list):
    """``.jsonl`` lines with any JSON values (wrong types, nesting, lone surrogates): every line is
    a document or an error naming its line."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_text("\n".join(json.dumps(o) for o in objects) + "\n", encoding="utf-8")
        docs, errors = _read_all(path)
        assert len(docs) + len(errors) == len(objects)
        assert all(re.search(r": line \d+: ", str(e)) for e in errors)


@FAST
@given(TEXT, LANG)
def test_normaliser_total(text: str, lang: str):
    f = fold(text, lang)
    assert f == fold(text, lang)
    assert f.isascii()
    assert isinstance(lower(text, lang), str)


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, LANG, st.one_of(st.none(), TEXT))
def test_extractor_total_and_output_conforms(text: str, lang: str, title: str | None):
    doc = make_document(
        "fuzz.txt", "fuzz.txt", text, {"lang": lang, "url": "https://example.org/" + text[:20], "title": title}, 0
    )
    ra = resolve(extract(doc))
    g = article_graph(ra)
    assert article_triples(ra) == triples_of(g)  # what ingest writes: the same triples as pyoxigraph terms
    for s, p, o in g:
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert not re.search(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]', str(term)), term
    g.serialize(format="nt", encoding="utf-8")  # storable: every string encodes
    if ra.meetings or text.strip():
        full = reference_graph()
        for t in g:
            full.add(t)
        assert validate(full).conforms
