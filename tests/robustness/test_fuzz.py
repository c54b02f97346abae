"""Property tests: arbitrary Unicode never makes the reader, the normaliser or the
extractor raise, and what comes out always conforms to the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef

from kg.documents.reader import decode, make_document, split_front_matter
from kg.extract import extract
from kg.extract.normalize import fold, lower
from kg.graph import article_graph, reference_graph
from kg.graph.validate import validate
from kg.resolve import resolve

WORDS = st.sampled_from([
    "Meredov", "Мередова", "Owerçugyň", "Aşgabatda", "Ашхабаде", "co-chair", "сопредседатель", "eş başkan",
    "meeting", "заседание", "mejlisi", "toplantısı", "12th", "12-е", "19 Haziran 2020", "June 19, 2020",
    "video", "signed", "подписан", "trade-economic", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
    "\"'&", "İ", "I", "ı", "\u0307", "\n\n", ".", ",", "Intergovernmental Commission", "Turkmenistan", "Russia",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40).map(" ".join))
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


@FAST
@given(TEXT, LANG)
def test_normaliser_total(text: str, lang: str):
    f = fold(text, lang)
    assert f == fold(text, lang)
    assert f.isascii()
    assert isinstance(lower(text, lang), str)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, LANG)
def test_extractor_total_and_output_conforms(text: str, lang: str):
    doc = make_document("fuzz.txt", "fuzz.txt", text, {"lang": lang, "url": "https://example.org/" + text[:20]}, 0)
    ra = resolve(extract(doc))
    g = article_graph(ra)
    for s, p, o in g:
        for term in (s, p, o):
            if isinstance(term, URIRef):
                assert not any(ch in str(term) for ch in ' <>"{}|\\^`\n'), term
    if ra.meetings:
        full = reference_graph()
        for t in g:
            full.add(t)
        assert validate(full).conforms
