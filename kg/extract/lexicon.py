"""Build the extractor's matching tables from the ontology labels.

Every matchable thing in ``ontology/`` becomes an ``Entry``: a category
(AREA, CUE, MONTH, COUNTRY, CITY, PERSON, COMMISSION), a value (notation or
gazetteer key) and a tuple of folded words.  ``tmru:stem`` words are prefixes;
``skos:prefLabel``/``altLabel`` and ``tmru:exact`` words must match exactly,
except that a person's surname is also a prefix (case endings).  Language-tagged
area and cue labels apply to their language only; names apply everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, SKOS, Literal, URIRef

from .. import ontology
from ..vocab import TMRU
from .normalize import fold, fold_words

NAME_CLASSES = {TMRU.Country: "COUNTRY", TMRU.City: "CITY", TMRU.Person: "PERSON", TMRU.Commission: "COMMISSION"}
SCHEMES = {TMRU.areas: "AREA", TMRU.cues: "CUE", TMRU.months: "MONTH", TMRU.weekdays: "WEEKDAY", TMRU.relativeDays: "RELDAY", TMRU.ordinals: "ORDINAL"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One matchable phrase: each word is exact or a prefix of a folded token."""

    cat: str
    value: str
    words: tuple[str, ...]
    prefix: tuple[bool, ...]


@dataclass(slots=True)
class Lexicon:
    """Matching tables for one language."""

    lang: str
    by_first: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    prefixes: set[str] = field(default_factory=set)  # all prefix words (any position)
    exacts: set[str] = field(default_factory=set)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # (cat, value) -> display label
    countries: dict[str, str] = field(default_factory=dict)  # person key -> ISO side
    max_prefix: int = 0

    def add(self, entry: Entry) -> None:
        self.by_first[entry.words[0]].append(entry)
        for w, p in zip(entry.words, entry.prefix):
            (self.prefixes if p else self.exacts).add(w)
            if p:
                self.max_prefix = max(self.max_prefix, len(w))

    def keys_of(self, folded: str) -> set[str]:
        """The lexicon words a folded token can stand for (itself if exact, its stem prefixes)."""
        out = {folded} if folded in self.exacts else set()
        for k in range(min(len(folded), self.max_prefix), 0, -1):
            if folded[:k] in self.prefixes:
                out.add(folded[:k])
        return out


def _key(node: URIRef) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def pref_label(g, node, lang: str) -> str | None:
    """``skos:prefLabel`` of ``node`` in ``lang``, else in English, else any."""
    labels = {lit.language: str(lit) for lit in g.objects(node, SKOS.prefLabel)}
    return labels.get(lang) or labels.get("en") or next(iter(labels.values()), None)


def _lang_ok(lit: Literal, lang: str) -> bool:
    return lit.language is None or lit.language == lang


@lru_cache(maxsize=16)
def lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` (cached)."""
    g = ontology.load()
    lex = Lexicon(lang)
    entries: set[Entry] = set()
    # areas, cues, months: language-specific
    for scheme, cat in SCHEMES.items():
        for node in g.subjects(SKOS.inScheme, scheme):
            value = str(g.value(node, SKOS.notation))
            for pred, is_prefix in ((TMRU.stem, True), (TMRU.exact, False), (SKOS.prefLabel, False),
                                    (SKOS.altLabel, False)):
                for lit in g.objects(node, pred):
                    if isinstance(lit, Literal) and _lang_ok(lit, lang):
                        words = fold_words(str(lit), lit.language or lang)
                        if words:
                            entries.add(Entry(cat, value, words, (is_prefix,) * len(words)))
            lex.labels[(cat, value)] = pref_label(g, node, lang) or value
    # names: every language's labels apply to every text
    surnames: dict[str, set[str]] = defaultdict(set)
    people: list[tuple[str, tuple[str, ...]]] = []
    for cls, cat in NAME_CLASSES.items():
        for node in g.subjects(RDF.type, cls):
            key = str(g.value(node, TMRU.iso) or _key(node))
            lex.labels[(cat, key)] = pref_label(g, node, "en") or key
            if cat == "PERSON":
                side = g.value(node, TMRU.forCountry)
                if side is not None:
                    lex.countries[key] = _key(side)
            for pred, is_prefix in ((TMRU.stem, True), (TMRU.exact, False), (SKOS.prefLabel, False),
                                    (SKOS.altLabel, False)):
                for lit in g.objects(node, pred):
                    words = fold_words(str(lit).replace(".", " "), lit.language)
                    if not words:
                        continue
                    if cat == "PERSON":
                        people.append((key, words))
                        surnames[words[-1][:-1]].add(key)
                    else:
                        entries.add(Entry(cat, key, words, (is_prefix,) * len(words)))
    for key, words in people:
        stem = words[-1][:-1] if len(words[-1]) >= 5 else words[-1]
        initial = words[0][:1]
        # full name, initial + surname, and the surname alone when unambiguous
        entries.add(Entry("PERSON", key, words[:-1] + (stem,), (False,) * (len(words) - 1) + (True,)))
        entries.add(Entry("PERSON", key, (initial, stem), (False, True)))
        if len(surnames[words[-1][:-1]]) == 1:
            entries.add(Entry("PERSON", key, (stem,), (True,)))
    for e in sorted(entries, key=lambda e: (e.cat, e.value, e.words)):
        lex.add(e)
    return lex


def folded_key(text: str, lang: str | None = None) -> str:
    """Fold a single label (used for unknown names and tests)."""
    return fold(text, lang)
