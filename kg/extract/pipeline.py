"""Text analysis: a spaCy blank pipeline whose ``kg_lexicon`` component finds
sentences and every ontology label in the text.

``analyse(text, lang)`` runs ``nlp_for(lang)``: spaCy's tokenizer for the
language (the multi-language one for Turkmen), then ``kg_lexicon``, which reads
the tokens through ``Doc.to_array`` (no per-token Python objects), splits them
into words (``A.L.Overchuk`` -> ``A``, ``L``, ``Overchuk``), looks each distinct
word up once in the lexicon built from ``ontology/`` and matches multi-word
labels.  The result is kept in ``doc.user_data``: ``kg_mentions`` as
``(category, value, start, end)`` tuples (e.g. ``("AREA", "trade", 10, 15)``)
and ``kg_sentences`` as ``(start, end)`` offsets from ``split_sentences``.
With ``nlp_for(lang, spans=True)`` the mentions are also written to
``doc.spans["kg"]`` as ``CAT:value`` spans for spaCy users.  A trained pipeline
can be used instead of the blank one: add ``kg_lexicon`` to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .lexicon import Entry, lexicon
from .morph import grammar
from .normalize import fold
from .spacy_import import load as _load_spacy

spacy = _load_spacy()  # spaCy without its command-line package (see spacy_import.py)

from spacy.attrs import IDX, ORTH  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402

SPACY_LANG = {"en": "en", "ru": "ru", "tr": "tr", "tk": "xx"}
_UNIT = re.compile(r"[^\W_]+(?:['\u2019`´][^\W_]+)*")
_BREAK = re.compile(r"\n[^\S\n]*(?:\n[^\S\n]*)*")
_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?=\s)")
_FINAL = tuple('.!?:;…»"”)')
# words that end with a dot without ending a sentence
ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr prof gen no vs etc lt col g gg im ul sm t e p ý".split())

Mention = tuple[str, str, int, int]  # category, value, start, end
LANDMARK = "landmark"  # the mention of an event that only dates another ("a week after [...]")
#: cue phrases whose words are no cues of their own
OPAQUE = frozenset({"day-after", "day-before", "take-part", "participation"})


def _match(lex, words: list[tuple[str, int, int]]) -> list[tuple[Entry, int, int]]:
    """Entries over (text, start, end) words; a person's name must be capitalised."""
    info = [lex.word(w[0]) for w in words]
    found = []
    n_words = len(words)
    for i, (_, _, firsts) in enumerate(info):
        for e in firsts:
            n = len(e.words)
            if n > 1 and (
                i + n > n_words
                or not all(
                    lex.word_ok(info[i + j][0], info[i + j][1], e.words[j], e.modes[j], e.cat) for j in range(1, n)
                )
            ):
                continue
            if e.cat == "PERSON" and not all(words[i + j][0][:1].isupper() for j in range(n)):
                continue
            found.append((e, i, i + n))
    return found


def _outermost(spans: list[Mention]) -> list[Mention]:
    """Drop every mention that lies inside a longer one of the same category and value,
    and every mention inside a ``CUE:mask`` one (phrases whose words mislead: "humanitarian aid")."""
    kept: list[Mention] = []
    by_label: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for cat, value, a, b in spans:
        by_label.setdefault((cat, value), []).append((a, b))
    for (cat, value), items in by_label.items():
        end = -1
        for a, b in sorted(set(items), key=lambda t: (t[0], -t[1])):
            if b > end:
                kept.append((cat, value, a, b))
                end = b
    # cue words sharing a word with an opaque cue phrase are not cues ("на следующий день" is no "next"
    # meeting; "kanun kabul edildi", a law adopted, is no reception)
    opaque = [(a, b) for cat, value, a, b in kept if cat == "CUE" and value in OPAQUE]
    if opaque:
        kept = [
            m
            for m in kept
            if not (m[0] == "CUE" and m[1] not in OPAQUE and any(x < m[3] and m[2] < y for x, y in opaque))
        ]
    masks = [(a, b) for cat, value, a, b in kept if cat == "CUE" and value == "mask"]
    if masks:
        kept = [
            m
            for m in kept
            if not (m[0] == "CUE" and m[1] == "mask") and not any(x <= m[2] and m[3] <= y for x, y in masks)
        ]
    return sorted(kept, key=lambda t: (t[2], t[3], t[0], t[1]))


_CLAUSE_MARK = re.compile(r"[,;:.!?()\n]")
_SENTENCE_MARK = re.compile(r"[;.!?\n]")


def landmarks(
    words: list[tuple[str, int, int, int]], text: str, lang: str, found: list[Mention]
) -> list[tuple[int, int]]:
    """Spans of events that only date another after a delay: the complement of a time anchor
    after a time unit ("a week after [the co-chairs met in Ashgabat]", «через неделю после [встречи
    ...]»): up to the end of the clause in a language with prepositions (when the phrase opens the
    sentence, up to a comma or the next name: the main clause follows); in a verb-final one, the
    clause up to the ablative word before the delay ("[eş başkanların görüşmesinden] bir hafta sonra")."""
    gr = grammar(lang)
    if not gr.time_anchors:
        return []
    out = []
    for k in range(1, len(words)):
        if fold(words[k][0], lang) not in gr.time_anchors or fold(words[k - 1][0], lang) not in gr.time_units:
            continue
        if not gr.verb_final:
            # (the complement is the last constituent: it runs to the end of the sentence, appositions
            # and all: "a week after the co-chairs, Meredov and Overchuk, met in Ashgabat")
            m = _SENTENCE_MARK.search(text, words[k][2])
            end = m.start() if m else len(text)
            sentence = max((x.end() for x in _SENTENCE_MARK.finditer(text, 0, words[k][1])), default=0)
            if not text[sentence : words[k - 1][1]].strip(' \t"«“').count(" ") > 1:
                # fronted ("A week after the talks in Moscow, X met Y"): the main clause follows the
                # complement, which ends at a comma or where the main clause's subject is named
                names = [a for cat, _, a, _ in found if cat in ("PERSON", "COUNTRY") and a > words[k][2]]
                comma = _CLAUSE_MARK.search(text, words[k][2])
                end = min([end, *names[:1], *([comma.start()] if comma else [])])
            out.append((words[k][2], end))
            continue
        for j in (k - 2, k - 3):  # the ablative noun, before the unit and its quantifier
            w = fold(words[j][0], lang) if j >= 0 else ""
            if len(w) > 4 and w.endswith(gr.ablative_endings):
                start = max((m.end() for m in _CLAUSE_MARK.finditer(text, 0, words[j][1])), default=0)
                out.append((start, words[j][2]))
                break
    return out


def _without_landmarks(
    found: list[Mention], words: list[tuple[str, int, int, int]], text: str, lang: str
) -> list[Mention]:
    """``found`` without the mentions inside the events that only date another (``landmarks``), each
    such event a ``CUE:landmark`` mention (dates written inside it are not the sentence's)."""
    spans = landmarks(words, text, lang, found)
    if not spans:
        return found
    kept = [m for m in found if not any(a <= m[2] and m[3] <= b for a, b in spans)]
    return sorted(
        [*kept, *(("CUE", LANDMARK, a, b) for a, b in spans if a < b)], key=lambda t: (t[2], t[3], t[0], t[1])
    )


def mentions(text: str, lang: str) -> list[Mention]:
    """Every lexicon label in ``text``, outermost first, in text order."""
    return analyse(text, lang)[1]


def analyse(text: str, lang: str) -> tuple[list[tuple[int, int]], list[Mention]]:
    """(sentence offsets, mentions) of ``text``, through the spaCy pipeline of ``lang``."""
    nlp = nlp_for(lang)
    doc = nlp.make_doc(text)
    doc.user_data["kg_text"] = text  # spares the component rebuilding doc.text token by token
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc.user_data["kg_sentences"], doc.user_data["kg_mentions"]


_PIECES: dict[int, tuple[tuple[str, int, int], ...]] = {}


def token_words(doc: Doc) -> list[tuple[str, int, int, int]]:
    """(word, start, end, token index) of every word piece of every token of ``doc``."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    words = []
    for i, (orth, idx) in enumerate(doc.to_array([ORTH, IDX]).tolist()):
        pieces = _PIECES.get(orth)
        if pieces is None:
            pieces = tuple((m.group(), m.start(), m.end()) for m in _UNIT.finditer(strings[orth]))
            if len(_PIECES) < 500_000:
                _PIECES[orth] = pieces
        for w, a, b in pieces:
            words.append((w, idx + a, idx + b, i))
    return words


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets: a sentence ends at . ! ? or … (with closing quotes)
    before a space, except after an initial or abbreviation ("A. Overchuk", "Mr.") or
    before a lower-case word; a blank line or a line break after a heading also ends one."""
    cuts = {m.end() for m in _END.finditer(text) if _ends_sentence(text, m)}
    cuts.update(m.start() for m in _BREAK.finditer(text) if _paragraph_break(text, m))
    out, start = [], 0
    for cut in sorted(cuts):
        if text[start:cut].strip():
            out.append((start, cut))
            start = cut
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def _ends_sentence(text: str, m: re.Match) -> bool:
    nxt = text[m.end() : m.end() + 40].lstrip()
    if not nxt or nxt[0].islower():
        return False
    if text[m.start()] != ".":
        return True
    w = re.search(r"(\w+)$", text[max(0, m.start() - 20) : m.start()])
    if w is None:
        return True
    word = w.group(1)
    return not ((len(word) == 1 and word.isupper()) or word.lower() in ABBREVIATIONS)


def _paragraph_break(text: str, m: re.Match) -> bool:
    """A blank line, or a line break after a heading: a line without final punctuation
    that is all capitals or much shorter than the next line (hard-wrapped text, whose
    lines are alike, is not split)."""
    if m.group().count("\n") >= 2:
        return True
    prev = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
    end = text.find("\n", m.end())
    nxt = text[m.end() : end if end >= 0 else len(text)].strip()
    if not prev or not nxt or prev.endswith(_FINAL) or not nxt[0].isupper():
        return False
    return (prev.isupper() and len(prev) > 1) or len(prev) * 2 < len(nxt)


# spaCy integration ---------------------------------------------------------------


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy rebuilds it on every access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


@Language.factory("kg_lexicon", default_config={"lang": "en", "spans": False})
def make_lexicon_matcher(nlp: Language, name: str, lang: str, spans: bool):
    """Sentences and lexicon mentions of a doc (see the module docstring)."""
    lex = lexicon(lang)

    def component(doc: Doc) -> Doc:
        words = token_words(doc)
        found = _match(lex, words)
        kept = _outermost([(e.cat, e.value, words[i][1], words[j - 1][2]) for e, i, j in found])
        doc.user_data["kg_mentions"] = _without_landmarks(kept, words, doc_text(doc), lang)
        doc.user_data["kg_sentences"] = split_sentences(doc_text(doc))
        if spans:
            tok = {(words[i][1], words[j - 1][2]): (words[i][3], words[j - 1][3] + 1) for _, i, j in found}
            doc.spans["kg"] = [
                Span(doc, *tok[(a, b)], label=f"{cat}:{value}")
                for cat, value, a, b in doc.user_data["kg_mentions"]
                if (a, b) in tok
            ]
        return doc

    return component


@Language.component("kg_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Sentence starts at paragraph breaks and after headings (see ``split_sentences``)."""
    text = doc_text(doc)
    starts = doc.to_array(IDX).tolist() if len(doc) else []
    for m in _BREAK.finditer(text):
        i = bisect_left(starts, m.end())
        if 0 < i < len(starts) and starts[i] == m.end() and _paragraph_break(text, m):
            doc[i].is_sent_start = True
    return doc


@lru_cache(maxsize=16)
def nlp_for(lang: str, spans: bool = False) -> Language:
    """The blank spaCy pipeline of ``lang`` with the ``kg_lexicon`` component; with
    ``spans``, also spaCy sentence boundaries and ``doc.spans["kg"]``."""
    nlp = spacy.blank(SPACY_LANG.get(lang, "xx"))
    if not spans:
        # the rules read only each token's text and offset: new words need no lexical
        # attributes (shape, like_num, norm...), which spaCy otherwise computes per new word
        nlp.vocab.lex_attr_getters = {}
    if spans:
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("kg_paragraphs")
    nlp.add_pipe("kg_lexicon", config={"lang": lang, "spans": spans})
    return nlp
