"""The spaCy pipeline: blank tokenizer per language plus the ontology-built ``kg_lexicon`` component."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import analyse, nlp_for


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("tr", "Raşid Meredov Aşgabat'ta ticaret konuştu.", {"PERSON:rashid-meredov", "CITY:ashgabat", "AREA:trade"}),
        (
            "ru",
            "Мередова приняли в Ашхабаде, обсудили торговлю.",
            {"PERSON:rashid-meredov", "CITY:ashgabat", "AREA:trade"},
        ),
        (
            "tk",
            "Raşid Meredow Aşgabatda söwda barada gürleşdi.",
            {"PERSON:rashid-meredov", "CITY:ashgabat", "AREA:trade"},
        ),
        (
            "en",
            "A.L.Overchuk discussed trade-economic ties in Moscow.",
            {"PERSON:alexei-overchuk", "CITY:moscow", "AREA:trade", "AREA:economy"},
        ),
    ],
)
def test_spans_for_spacy_users(lang, text, expected):
    doc = nlp_for(lang, spans=True)(text)
    assert expected <= {s.label_ for s in doc.spans["kg"]}
    # one token-aligned span per mention of the extractor, holding it
    _, mentions = analyse(text, lang)
    spans = sorted(((s.label_, s.start_char, s.end_char) for s in doc.spans["kg"]), key=lambda t: (t[1], t[2], t[0]))
    assert len(spans) == len(mentions)
    ordered = sorted(mentions, key=lambda m: (m[2], m[3], m[0], m[1]))
    for (label, a, b), (c, v, ma, mb) in zip(spans, ordered, strict=True):
        assert label == f"{c}:{v}" and a <= ma and mb <= b


def test_blank_pipeline_without_model():
    nlp = nlp_for("tk")
    assert nlp.pipe_names == ["kg_lexicon"] and nlp.lang == "xx"
    assert nlp_for("en").lang == "en"
