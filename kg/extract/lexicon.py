"""Build the extractor's matching tables from the ontology labels.

Every matchable thing in ``ontology/`` becomes an ``Entry``: a category
(AREA, CUE, MONTH, COUNTRY, CITY, PERSON, COMMISSION, ...), a value (notation or
gazetteer key) and a tuple of folded words, each matched in one of five modes:
``tmru:stem`` words are prefixes of a folded token, ``tmru:suffix`` words are
endings of it (Turkic verb forms such as the Turkish future ``-ecek``),
``skos:prefLabel``/``altLabel`` and ``tmru:exact`` words must equal it, ``tmru:lemma``
words must equal the token's lemma (Russian, by pymorphy3: «провести» matches «провели»,
«проведёт», «проведено» but not «проведение»), and ``tmru:abbreviation`` words match a
token written in capitals only («ООН» is not «он» though both fold to ``on``).  A
person's surname is also a prefix (case endings).  Language-tagged area and cue
labels apply to their language only; names apply everywhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .cache import cached
from .normalize import fold, fold_words

if TYPE_CHECKING:
    from rdflib import Literal, URIRef

_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
EXACT, PREFIX, ENDING, LEMMA, ABBREVIATION = "e", "p", "s", "l", "a"
AMBIGUOUS = "?"  # value prefix of a surname that several known people share
LEMMA_HEAD = 3  # letters a lemma shares with all its forms (Russian suppletion: пройти, прошли)
INFLECTED = frozenset({"AREA", "CUE"})  # whole-word labels that take noun inflections ("dün"+"ya" is no date)


def _tables() -> tuple[dict, dict, tuple]:
    """The ontology's classes, schemes and label properties the lexicon reads (rdflib is
    imported only here: a process whose tables come from the cache never imports it)."""
    from rdflib import SKOS

    from ..vocab import TMRU

    names = {TMRU.Country: "COUNTRY", TMRU.City: "CITY", TMRU.Person: "PERSON", TMRU.Commission: "COMMISSION"}
    schemes = {
        TMRU.areas: "AREA",
        TMRU.cues: "CUE",
        TMRU.months: "MONTH",
        TMRU.weekdays: "WEEKDAY",
        TMRU.relativeDays: "RELDAY",
        TMRU.ordinals: "ORDINAL",
    }
    preds = (
        (TMRU.stem, PREFIX),
        (TMRU.suffix, ENDING),  # word endings
        (TMRU.exact, EXACT),
        (TMRU.lemma, LEMMA),
        (TMRU.abbreviation, ABBREVIATION),
        (SKOS.prefLabel, EXACT),
        (SKOS.altLabel, EXACT),
    )
    return names, schemes, preds


@dataclass(frozen=True, slots=True)
class Entry:
    """One matchable phrase: each word is exact (``e``), a prefix (``p``) or an ending (``s``)."""

    cat: str
    value: str
    words: tuple[str, ...]
    modes: tuple[str, ...]


@dataclass(slots=True)
class Lexicon:
    """Matching tables for one language."""

    lang: str
    by_first: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    prefixes: set[str] = field(default_factory=set)  # all prefix words (any position)
    suffixes: set[str] = field(default_factory=set)
    lemmas: set[str] = field(default_factory=set)  # folded lemma words
    lemma_heads: set[str] = field(default_factory=set)  # their first letters (forms share them: пройти, прошли)
    exacts: set[str] = field(default_factory=set)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # (cat, value) -> display label
    names: dict[str, str] = field(default_factory=dict)  # person key -> name in this language
    countries: dict[str, str] = field(default_factory=dict)  # person key -> ISO side
    sides: tuple[str, ...] = ()  # ISO codes of the commissions' parties (the two sides of a bilateral meeting)
    capitals: dict[str, str] = field(default_factory=dict)  # country ISO -> its capital's city key
    city_countries: dict[str, str] = field(default_factory=dict)  # city key -> ISO of its country
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # shared surname value -> people keys
    generic_heads: dict[str, frozenset[str]] = field(default_factory=dict)  # area -> areas it heads ("gas industry")
    max_prefix: int = 0
    inflections: frozenset[str] = frozenset()  # folded noun endings that may follow a whole-word label
    max_inflection: int = 0
    max_suffix: int = 0
    _keys: dict[str, set[str]] = field(default_factory=dict)  # keys_of cache
    _words: dict[str, tuple[str, set[str], tuple[Entry, ...]]] = field(default_factory=dict)  # word() cache
    _word_sets: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)  # words_of() cache

    def add(self, entry: Entry) -> None:
        self.by_first[_key_word(entry.words[0], entry.modes[0])].append(entry)
        for w, m in zip(entry.words, entry.modes, strict=True):
            if m == PREFIX:
                self.prefixes.add(w)
                self.max_prefix = max(self.max_prefix, len(w))
            elif m == LEMMA:
                self.lemmas.add(w)
                self.lemma_heads.add(w[:LEMMA_HEAD])
            elif m == ENDING:
                self.suffixes.add(w)
                self.max_suffix = max(self.max_suffix, len(w))
            else:
                self.exacts.add(w)

    def keys_of(self, folded: str) -> set[str]:
        """The lexicon words a folded token can stand for (itself if exact, its stem
        prefixes, and ``~ending`` for endings that leave at least two letters)."""
        out = self._keys.get(folded)
        if out is not None:
            return out
        out = {folded} if folded in self.exacts else set()
        for k in range(min(len(folded) - 2, self.max_inflection), 0, -1):  # gaz + ının
            if folded[-k:] in self.inflections and folded[:-k] in self.exacts:
                out |= {folded[:-k], "=" + folded[:-k]}
        for k in range(min(len(folded), self.max_prefix), 0, -1):
            if folded[:k] in self.prefixes:
                out.add(folded[:k])
        for k in range(min(len(folded) - 2, self.max_suffix), 1, -1):
            if folded[-k:] in self.suffixes:
                out.add("~" + folded[-k:])
        if len(self._keys) < 500_000:
            self._keys[folded] = out
        return out

    def word(self, text: str) -> tuple[str, set[str], tuple[Entry, ...]]:
        """(folded form, ``keys_of``, entries whose first word it matches) of a text word (cached)."""
        out = self._words.get(text)
        if out is None:
            folded = fold(text, self.lang)
            keys = self.keys_of(folded) if folded else set()
            if self.lemmas and folded[:LEMMA_HEAD] in self.lemma_heads:  # analyse only words that may be forms
                lem = _lemma_key(text, self.lang)
                if lem in self.lemmas:
                    keys = keys | {"@" + lem}
            if folded and text.isupper() and "^" + folded in self.by_first:
                keys = keys | {"^" + folded}
            firsts = tuple(
                e
                for k in keys
                for e in self.by_first.get(k, ())
                if self.word_ok(folded, keys, e.words[0], e.modes[0], e.cat)
            )
            out = (folded, keys, firsts)
            if len(self._words) < 500_000:
                self._words[text] = out
        return out

    def word_ok(self, folded: str, keys: set[str], word: str, mode: str, cat: str | None = None) -> bool:
        """Whether a token (folded, with its ``keys_of``) matches one entry word."""
        if mode == ENDING:
            return "~" + word in keys
        if mode == LEMMA:
            return "@" + word in keys
        if mode == ABBREVIATION:
            return "^" + word in keys
        return word in keys and (mode == PREFIX or folded == word or ("=" + word in keys and cat in INFLECTED))

    def words_of(self, cat: str, value: str) -> frozenset[str]:
        """The folded one-word entries of ``cat``/``value`` (e.g. the ``CUE``/``join`` words)."""
        key = (cat, value)
        out = self._word_sets.get(key)
        if out is None:
            out = self._word_sets[key] = frozenset(
                e.words[0]
                for es in self.by_first.values()
                for e in es
                if e.cat == cat and e.value == value and len(e.words) == 1
            )
        return out

    def only(self, text: str, cat: str, value: str) -> bool:
        """Whether every word of ``text`` is one of the ``cat``/``value`` words (punctuation aside)."""
        words = self.words_of(cat, value)
        return all(fold(w, self.lang) in words for w in _WORDS.findall(text))

    def single(self, folded: str, cat: str) -> str | None:
        """The value of a one-word entry of ``cat`` matching a folded token, if any."""
        for k in self.keys_of(folded):
            for e in self.by_first.get(k, ()):
                if e.cat == cat and len(e.words) == 1 and self.word_ok(folded, {k}, e.words[0], e.modes[0]):
                    return e.value
        return None


def _key_word(word: str, mode: str) -> str:
    return {ENDING: "~", LEMMA: "@", ABBREVIATION: "^"}.get(mode, "") + word


def _lemma_key(text: str, lang: str) -> str:
    """The folded lemma of a word (Russian words by pymorphy3; other words as they are)."""
    if lang == "ru" and text[:1].isalpha() and "\u0400" <= text[0] <= "\u04ff":
        from .morph import lemma

        return fold(lemma(text), lang)
    return fold(text, lang)


def _key(node: URIRef) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def pref_label(g, node, lang: str) -> str | None:
    """``skos:prefLabel`` of ``node`` in ``lang``, else in English, else any."""
    from rdflib import SKOS

    labels = {lit.language: str(lit) for lit in g.objects(node, SKOS.prefLabel)}
    return labels.get(lang) or labels.get("en") or next(iter(labels.values()), None)


def _lang_ok(lit: Literal, lang: str) -> bool:
    return lit.language is None or lit.language == lang


LANGS = ("en", "ru", "tk", "tr")


def check_ontology() -> None:
    """Compile (or load from the cache) every language's tables: a missing or broken ontology
    file raises ``OntologyError`` here, once."""
    from .morph import grammar

    for lang in LANGS:
        lexicon(lang)
        grammar(lang)


@lru_cache(maxsize=16)
def lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` (cached in memory and on disk, see ``cache.py``)."""
    return cached("lexicon", lang, lambda: _build(lang))


def _build(lang: str) -> Lexicon:
    from rdflib import RDF, SKOS, Literal

    from .. import ontology
    from ..vocab import TMRU

    NAME_CLASSES, SCHEMES, _PREDS = _tables()
    g = ontology.load()
    lex = Lexicon(lang)
    entries: set[Entry] = set()
    # areas, cues, months, ordinals: language-specific
    for scheme, cat in SCHEMES.items():
        for node in g.subjects(SKOS.inScheme, scheme):
            value = str(g.value(node, SKOS.notation))
            for pred, mode in _PREDS:
                for lit in g.objects(node, pred):
                    if isinstance(lit, Literal) and _lang_ok(lit, lang):
                        words = fold_words(str(lit), lit.language or lang)
                        if words:
                            entries.add(Entry(cat, value, words, (mode,) * len(words)))
            lex.labels[(cat, value)] = pref_label(g, node, lang) or value
            after = {str(g.value(a, SKOS.notation)) for a in g.objects(node, TMRU.genericHeadAfter)}
            if cat == "AREA" and after:
                lex.generic_heads[value] = frozenset(after)
    # names: every language's labels apply to every text
    surnames: dict[str, set[str]] = defaultdict(set)
    people: list[tuple[str, tuple[str, ...]]] = []
    for cls, cat in NAME_CLASSES.items():
        for node in g.subjects(RDF.type, cls):
            key = str(g.value(node, TMRU.iso) or _key(node))
            lex.labels[(cat, key)] = pref_label(g, node, "en") or key
            if cat == "COUNTRY" and (capital := g.value(node, TMRU.capital)) is not None:
                lex.capitals[key] = _key(capital)
            if cat == "CITY" and (country := g.value(node, TMRU.inCountry)) is not None:
                lex.city_countries[key] = str(g.value(country, TMRU.iso) or _key(country))
            if cat == "PERSON":
                lex.names[key] = pref_label(g, node, lang) or key
                side = g.value(node, TMRU.forCountry)
                if side is not None:
                    lex.countries[key] = _key(side)
            for pred, mode in _PREDS:
                for lit in g.objects(node, pred):
                    words = fold_words(str(lit).replace(".", " "), lit.language)
                    if not words:
                        continue
                    if cat == "PERSON":
                        people.append((key, words))
                        surnames[_stem(words[-1])].add(key)
                    else:
                        entries.add(Entry(cat, key, words, (mode,) * len(words)))
    lex.sides = tuple(
        sorted(
            {
                str(g.value(c, TMRU.iso) or _key(c))
                for com in g.subjects(RDF.type, TMRU.Commission)
                for c in g.objects(com, TMRU.party)
            }
        )
    )
    for key, words in people:
        stem = _stem(words[-1])
        # full name (any case form), initial + surname, and the surname alone when unambiguous
        entries.add(
            Entry("PERSON", key, tuple(_stem(w) for w in words), tuple(EXACT if len(w) <= 2 else PREFIX for w in words))
        )
        entries.add(Entry("PERSON", key, (words[0][:1], stem), (EXACT, PREFIX)))
        if len(surnames[stem]) == 1:
            entries.add(Entry("PERSON", key, (stem,), (PREFIX,)))
        else:  # a surname several people share: resolved within the article (``sentences.py``)
            shared = AMBIGUOUS + stem
            lex.ambiguous[shared] = tuple(sorted(surnames[stem]))
            entries.add(Entry("PERSON", shared, (stem,), (PREFIX,)))
    lex.inflections = frozenset(fold(v, lang) for v in _lang_values(lang, TMRU.inflection)) - {""}
    lex.max_inflection = max(map(len, lex.inflections), default=0)
    for e in _alternants(entries, lang):
        entries.add(e)
    for e in sorted(entries, key=lambda e: (e.cat, e.value, e.words)):
        lex.add(e)
    return lex


MIN_ALTERNATING = 4  # letters a stem needs before its final consonant alternates


def _lang_values(lang: str, prop) -> list[str]:
    """The values of ``prop`` in the language data of ``lang`` (``ontology/lang``)."""
    from .. import ontology

    g = ontology.load_lang(lang)
    return [str(lit) for _, lit in g.subject_objects(prop)]


def _alternants(entries: set[Entry], lang: str) -> list[Entry]:
    """Stems ending in a consonant that alternates before a vowel (``ontology/lang``:
    Turkish ortak -> ortağı, Turkmen hojalyk -> hojalygy), in their voiced form too."""
    from ..vocab import TMRU

    pairs = [tuple(fold(p, lang) for p in v.split()) for v in _lang_values(lang, TMRU.alternation)]
    pairs = [p for p in pairs if len(p) == 2 and all(p)]
    out = []
    for e in entries:
        if e.cat in ("AREA", "CUE", "CITY") and e.modes[-1] == PREFIX and len(e.words[-1]) >= MIN_ALTERNATING:
            # either form may be written in the data: "başlyk" and "başlyg" (before a vowel) both match
            for voiceless, voiced in pairs:
                for a, b in ((voiceless, voiced), (voiced, voiceless)):
                    if e.words[-1].endswith(a):
                        last = e.words[-1][: -len(a)] + b
                        out.append(Entry(e.cat, e.value, e.words[:-1] + (last,), e.modes))
    return out


def _stem(surname: str) -> str:
    """A name's matching stem: the last letter is dropped from longer names so that case
    endings and consonant changes before them still match (Owerçuk -> Owerçugyň,
    Алексей -> Алексея)."""
    return surname[:-1] if len(surname) >= 6 else surname
