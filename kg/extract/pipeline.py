"""The spaCy pipeline: a blank tokenizer for the language, sentence splitting and
the lexicon matcher, which marks every ontology label found in the text as a span
in ``doc.spans["kg"]`` labelled ``CAT:value`` (e.g. ``AREA:trade``, ``PERSON:rashid-meredov``).

No model is downloaded: ``spacy.blank`` plus rule components.  Languages without
spaCy support (Turkmen) use the multi-language tokenizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .lexicon import Entry, lexicon
from .normalize import fold

SPACY_LANG = {"en": "en", "ru": "ru", "tr": "tr", "tk": "xx"}
_UNIT = re.compile(r"[^\s.\u2019'`´]+(?:['\u2019`´][^\s.\u2019'`´]+)*")


@dataclass(frozen=True, slots=True)
class Unit:
    """A word piece of a token (``A.L.Overchuk`` -> ``A``, ``L``, ``Overchuk``)."""

    text: str
    folded: str
    start: int  # char offset in the doc
    end: int
    token: int


def units(doc: Doc, lang: str) -> list[Unit]:
    out = []
    for tok in doc:
        if tok.is_space or tok.is_punct:
            continue
        for m in _UNIT.finditer(tok.text):
            f = fold(m.group(), lang)
            if f:
                out.append(Unit(m.group(), f, tok.idx + m.start(), tok.idx + m.end(), tok.i))
    return out


def match(us: list[Unit], lang: str) -> list[tuple[Entry, int, int]]:
    """All lexicon entries found over ``us``: (entry, first unit, last unit + 1)."""
    lex = lexicon(lang)
    keys = [lex.keys_of(u.folded) for u in us]
    found = []
    for i, ks in enumerate(keys):
        for k in ks:
            for e in lex.by_first.get(k, ()):
                n = len(e.words)
                if i + n > len(us):
                    continue
                if all(lex.word_ok(us[i + j].folded, keys[i + j], e.words[j], e.modes[j]) for j in range(n)) and (
                        e.cat != "PERSON" or all(us[i + j].text[:1].isupper() for j in range(n))):
                    found.append((e, i, i + n))
    return found


def _outermost(spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Drop every span that lies inside a longer span of the same label, and every
    span inside a ``CUE:mask`` span (phrases whose words mislead: "humanitarian aid")."""
    kept = []
    by_label: dict[str, list[tuple[int, int]]] = {}
    for lab, a, b in spans:
        by_label.setdefault(lab, []).append((a, b))
    for lab, items in by_label.items():
        end = -1
        for a, b in sorted(set(items), key=lambda t: (t[0], -t[1])):
            if b > end:
                kept.append((lab, a, b))
                end = b
    masks = sorted((a, b) for lab, a, b in kept if lab == "CUE:mask")
    if masks:
        kept = [(lab, a, b) for lab, a, b in kept if lab != "CUE:mask"
                and not any(x <= a and b <= y for x, y in masks)]
    return sorted(kept, key=lambda t: (t[1], t[2], t[0]))


@Language.factory("kg_lexicon", default_config={"lang": "en"})
def make_lexicon_matcher(nlp: Language, name: str, lang: str):
    def component(doc: Doc) -> Doc:
        us = units(doc, lang)
        found = [(f"{e.cat}:{e.value}", us[i].start, us[j - 1].end) for e, i, j in match(us, lang)]
        spans = [doc.char_span(a, b, label=lab, alignment_mode="expand") for lab, a, b in _outermost(found)]
        doc.spans["kg"] = [s for s in spans if s is not None]
        return doc

    return component


_FINAL = tuple(".!?:;…»\"”)")


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line starts a new sentence, and so does a line break after a heading:
    a line without final punctuation that is all capitals or much shorter than the
    next line (hard-wrapped text, whose lines are alike, is not split)."""
    text = doc.text
    for tok in doc[:-1]:
        if not (tok.is_space and "\n" in tok.text):
            continue
        if "\n\n" in tok.text.replace("\r", "").replace(" ", "").replace("\t", ""):
            doc[tok.i + 1].is_sent_start = True
            continue
        line_start = text.rfind("\n", 0, tok.idx) + 1
        prev = text[line_start:tok.idx].strip()
        nxt_end = text.find("\n", tok.idx + len(tok.text))
        nxt = text[tok.idx + len(tok.text): nxt_end if nxt_end >= 0 else len(text)].strip()
        if not prev or not nxt or prev.endswith(_FINAL) or not nxt[0].isupper():
            continue
        if (prev.isupper() and len(prev) > 1) or len(prev) * 2 < len(nxt):
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=8)
def nlp_for(lang: str) -> Language:
    """A blank spaCy pipeline with our rule components for ``lang``."""
    nlp = spacy.blank(SPACY_LANG.get(lang, "xx"))
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_paragraphs")
    nlp.add_pipe("kg_lexicon", config={"lang": lang})
    return nlp


def spans_of(span: Span | Doc, cat: str) -> list[Span]:
    """The lexicon spans of category ``cat`` within ``span``."""
    doc = span if isinstance(span, Doc) else span.doc
    lo, hi = (0, len(doc)) if isinstance(span, Doc) else (span.start, span.end)
    return [s for s in doc.spans["kg"] if s.label_.startswith(cat + ":") and lo <= s.start and s.end <= hi]
