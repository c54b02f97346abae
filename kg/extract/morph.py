"""Verb forms per word: the event status a word gives, from the language data in
``ontology/lang/{lang}.ttl`` (Turkic endings, English auxiliaries) and, for Russian,
pymorphy3's tags (tense, aspect, participles, infinitives).

A word's ``Form`` says which status it gives (``held``, ``present``, ``future``,
``modal``, ``background``, ``nonfinite``) and where it must stand to give it (``finite``: a verb
of the clause; ``final``: only at the end of a clause; ``modifier``: just before the
event noun; ``both``).  ``plan`` marks verbs of planning or expecting, which make the
event they govern a future one whatever their own tense.  Analyses are cached per
word form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .cache import cached
from .normalize import fold, fold_words

HELD, PRESENT, FUTURE, BACKGROUND, NONFINITE, NONE = "held", "present", "future", "background", "nonfinite", "none"
MODAL = "modal"  # necessity ("should", "-meli"): the event is not reported as held, nor the sentence future
NEGATED = "negated"  # "yapılmadı", «не состоялось», "did not take place"
NOT_HELD = (FUTURE, MODAL, BACKGROUND, NONFINITE, NEGATED)  # statuses of events not reported as held
FINITE, FINAL, MODIFIER, BOTH = "finite", "final", "modifier", "both"
MIN_STEM = 2  # letters an ending must leave before it
HEAD = 3  # letters by which reporting-verb phrases are indexed


@dataclass(frozen=True, slots=True)
class Form:
    status: str
    role: str
    plan: bool = False

    def finite(self, clause_final: bool) -> bool:
        return self.role in (FINITE, BOTH) or (self.role == FINAL and clause_final)

    def modifier(self) -> bool:
        return self.role in (MODIFIER, BOTH)


@dataclass(slots=True)
class Grammar:
    """The verb-form tables of one language."""

    lang: str
    verb_final: bool = False  # SOV: the finite verb follows the event noun
    head_final: bool = False  # a noun's modifiers all stand before it ("Tarım Bakanlığı")
    home_country: str | None = None  # ISO of the country the language's articles are written from
    endings: dict[str, Form] = field(default_factory=dict)  # folded ending -> form
    phrases: dict[tuple[str, ...], Form] = field(default_factory=dict)  # folded words -> form
    plan_stems: tuple[str, ...] = ()
    plan_words: frozenset[str] = frozenset()
    plan_lemmas: frozenset[str] = frozenset()
    lemma_forms: dict[str, Form] = field(default_factory=dict)  # Russian lemma -> form
    function_words: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()  # "the", "a": may stand between a preposition and its noun
    adverbs: frozenset[str] = frozenset()  # "also", "already": may stand inside a verb group
    auxiliaries: frozenset[str] = frozenset()  # «была», «будет»: make one verb group with the verb after
    plural_endings: tuple[str, ...] = ()  # folded noun endings of the plural
    reporting_lemmas: frozenset[str] = frozenset()
    reporting_heads: frozenset[str] = frozenset()  # their first letters (a word not sharing them is none)
    # folded stems of reporting verbs (phrases as tuples), by their first letters
    reporting_by_head: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    conjunctions: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()  # "that", "что": a reported clause follows
    negators: frozenset[str] = frozenset()  # «не», "not": the verb next to it is negated
    possessives: frozenset[str] = frozenset()  # "its", "their": the meeting of the body named before
    time_units: frozenset[str] = frozenset()  # "week", «неделю», "hafta"
    time_anchors: frozenset[str] = frozenset()  # "after", «после», "sonra": date an event from another
    ablative_endings: tuple[str, ...] = ()  # the case a Turkic postposition of time takes
    max_ending: int = 0
    max_phrase: int = 0
    phrase_firsts: frozenset[str] = frozenset()  # first words of the phrases
    _cache: dict[str, Form | None] = field(default_factory=dict)

    def form(self, word: str) -> Form | None:
        """The form of one word (cached): its longest known ending, or pymorphy3's tags."""
        out = self._cache.get(word, False)
        if out is not False:
            return out
        if self.lang == "ru":  # pymorphy3, unless the word has a noun ending no verb form has
            out = None if self._noun(word) else _russian(word, self.plan_lemmas, self.lemma_forms)
        else:
            out = self._ending(word)
        if out is not None and fold(word, self.lang) in self.function_words:
            out = None
        if out is None and self.is_plan(word):
            # a planning stem without a known verb ending: a verb only where a verb stands
            out = Form(PRESENT, FINAL if self.verb_final else FINITE, True)
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out

    def _ending(self, word: str) -> Form | None:
        f = fold(word, self.lang)
        for k in range(min(len(f) - MIN_STEM, self.max_ending), 0, -1):
            form = self.endings.get(f[-k:])
            if form is not None:
                return Form(form.status, form.role, self.is_plan(word)) if form.status != NONE else None
        return None

    def _noun(self, word: str) -> bool:
        """Russian: the word ends in a noun ending (kept unfolded: folding merges «ии»)."""
        w = word.lower()
        return any(w[-k:] in self.endings for k in range(min(len(w) - MIN_STEM, self.max_ending), 0, -1))

    def is_plan(self, word: str) -> bool:
        f = fold(word, self.lang)
        return f in self.plan_words or any(f.startswith(s) for s in self.plan_stems)


_MORPH = None


def _analyzer():
    global _MORPH
    if _MORPH is None:
        import pymorphy3  # loaded on first Russian text: its dictionary ships in pymorphy3-dicts-ru

        _MORPH = pymorphy3.MorphAnalyzer(lang="ru")
    return _MORPH


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """pymorphy3's analyses of a Russian word form, best first (cached per form)."""
    return tuple(_analyzer().parse(word.lower())[:4])


def singular_noun(word: str, lang: str) -> bool:
    """Whether ``word`` is a noun in the singular: not a verb form, not plural ("co-chair", not
    "co-chairs", "co-chaired"; «сопредседатель», not «сопредседатели»)."""
    gr = grammar(lang)
    if lang == "ru":
        p = parses(word)[0]
        return p.tag.POS == "NOUN" and p.tag.number == "sing"
    if gr.form(word) is not None:
        return False
    return not fold(word, lang).endswith(gr.plural_endings)


def plural_noun(word: str, lang: str) -> bool:
    """Whether ``word`` may be a noun in the plural ("meetings", «встречи», "görüşmeler", "duşuşyklar"); a
    Russian form that may be either (the genitive singular «встречи») counts."""
    if lang == "ru":
        return any(p.tag.POS == "NOUN" and p.tag.number == "plur" for p in parses(word))
    return fold(word, lang).endswith(grammar(lang).plural_endings)


def _russian(word: str, plan_lemmas: frozenset[str], lemma_forms: dict[str, Form]) -> Form | None:
    """A Russian word's form from pymorphy3: finite verbs by tense, participles as modifiers,
    infinitives as non-finite; lemmas of planning verbs and adjectives ("предстоящий") are future."""
    if not word[:1].isalpha() or not ("\u0400" <= word[0] <= "\u04ff"):
        return None
    p = parses(word)[0]
    tag = p.tag
    plan = p.normal_form in plan_lemmas
    if p.normal_form in lemma_forms:
        return lemma_forms[p.normal_form]
    pos = tag.POS
    if pos == "VERB":
        status = {"futr": FUTURE, "past": HELD, "pres": PRESENT}.get(tag.tense)
        return Form(status, FINITE, plan) if status else None
    if pos == "INFN":
        return Form(NONFINITE, FINITE, plan)
    if pos == "PRTS":
        return Form(HELD, FINITE, plan)
    if pos == "PRTF":
        return Form(HELD if tag.tense == "past" else PRESENT, MODIFIER, plan)
    if plan and pos in ("ADJF", "ADJS"):
        return Form(FUTURE, MODIFIER, True)
    return None


def agree(modifier: str, noun: str) -> bool:
    """Whether a Russian participle or adjective agrees with a noun in case and number
    (and gender in the singular): any of their analyses may agree."""
    nouns = {(p.tag.case, p.tag.number, p.tag.gender) for p in parses(noun)}
    for p in parses(modifier):
        t = p.tag
        for case, number, gender in nouns:
            if t.case == case and t.number == number and (number == "plur" or t.gender == gender):
                return True
    return False


def lemma(word: str) -> str:
    """pymorphy3's lemma of a Russian word."""
    return parses(word)[0].normal_form


@lru_cache(maxsize=8)
def grammar(lang: str) -> Grammar:
    """The grammar of ``lang`` from ``ontology/lang/{lang}.ttl`` (empty for an unknown language;
    cached in memory and on disk, see ``cache.py``)."""
    return cached("grammar", lang, lambda: _build(lang))


def _words(g, cls, lang: str) -> frozenset[str]:
    """The folded ``tmru:exact`` words of the nodes of class ``cls``."""
    from rdflib import RDF

    from ..vocab import TMRU

    return frozenset(
        w for node in g.subjects(RDF.type, cls) for lit in g.objects(node, TMRU.exact) if (w := fold(str(lit), lang))
    )


def _build(lang: str) -> Grammar:
    from rdflib import RDF  # only when the tables are compiled (not found in the cache)

    from .. import ontology
    from ..vocab import TMRU

    g = ontology.load_lang(lang)
    gr = Grammar(lang)
    for node in g.subjects(TMRU.wordOrder, None):
        gr.verb_final = str(g.value(node, TMRU.wordOrder)).upper() == "SOV"
    for node in g.subjects(TMRU.homeCountry, None):
        gr.home_country = str(g.value(node, TMRU.homeCountry)).rstrip("/").rsplit("/", 1)[-1]
    for node in g.subjects(TMRU.nounPhraseOrder, None):
        gr.head_final = str(g.value(node, TMRU.nounPhraseOrder)) == "head-final"
    for node in g.subjects(RDF.type, TMRU.VerbForm):
        form = Form(str(g.value(node, TMRU.status)), str(g.value(node, TMRU.role)))
        for lit in g.objects(node, TMRU.suffix):
            # (Russian endings stay as written: folding merges «ии» into one letter)
            end = str(lit).lower() if lang == "ru" else fold(str(lit), lang)
            if end:
                gr.endings[end] = form
                gr.max_ending = max(gr.max_ending, len(end))
        for lit in g.objects(node, TMRU.exact):
            _phrase(gr, fold_words(str(lit), lang), form)
        for lit in g.objects(node, TMRU.lemma):
            gr.lemma_forms[str(lit).lower()] = form
    stems: set[str] = set()
    words: set[str] = set()
    for node in g.subjects(RDF.type, TMRU.PlanVerb):
        stems.update(fold(str(lit), lang) for lit in g.objects(node, TMRU.stem))
        for lit in g.objects(node, TMRU.exact):
            ws = fold_words(str(lit), lang)
            if len(ws) == 1:
                words.add(ws[0])
            else:
                _phrase(gr, ws, Form(PRESENT, FINITE, True))
    gr.plan_stems = tuple(sorted(s for s in stems if s))
    gr.plan_words = frozenset(words)
    gr.plan_lemmas = _lemmas(g, TMRU.PlanVerb)
    heads: dict[str, list[tuple[str, ...]]] = {}
    for node in g.subjects(RDF.type, TMRU.ReportingVerb):
        for pred in (TMRU.stem, TMRU.exact):
            for lit in g.objects(node, pred):
                phrase = fold_words(str(lit), lang)
                if phrase and phrase not in heads.get(phrase[0][:HEAD], []):
                    heads.setdefault(phrase[0][:HEAD], []).append(phrase)
    gr.reporting_by_head = {k: tuple(sorted(v)) for k, v in sorted(heads.items())}
    gr.reporting_lemmas = _lemmas(g, TMRU.ReportingVerb)
    gr.reporting_heads = frozenset(x[:HEAD] for x in gr.reporting_lemmas)
    gr.conjunctions = _words(g, TMRU.Conjunction, lang)
    gr.complementizers = _words(g, TMRU.Complementizer, lang)
    gr.negators = _words(g, TMRU.Negator, lang)
    gr.function_words = _words(g, TMRU.FunctionWord, lang)
    gr.articles = _words(g, TMRU.Article, lang)
    gr.adverbs = _words(g, TMRU.Adverb, lang)
    gr.auxiliaries = _words(g, TMRU.Auxiliary, lang)
    gr.possessives = _words(g, TMRU.Possessive, lang)
    gr.time_units = _words(g, TMRU.TimeUnit, lang)
    gr.time_anchors = _words(g, TMRU.TimeAnchor, lang)
    gr.ablative_endings = tuple(
        sorted({fold(str(lit), lang) for n in g.subjects(RDF.type, TMRU.Ablative) for lit in g.objects(n, TMRU.suffix)})
    )
    gr.plural_endings = tuple(
        sorted({fold(str(lit), lang) for n in g.subjects(RDF.type, TMRU.Plural) for lit in g.objects(n, TMRU.suffix)})
    )
    return gr


def _phrase(gr: Grammar, words: tuple[str, ...], form: Form) -> None:
    if words:
        gr.phrases[words] = form
        gr.max_phrase = max(gr.max_phrase, len(words))
        gr.phrase_firsts = gr.phrase_firsts | {words[0]}


def _lemmas(g, cls) -> frozenset[str]:
    """The ``tmru:lemma`` words of the nodes of class ``cls`` (Russian, unfolded)."""
    from rdflib import RDF

    from ..vocab import TMRU

    return frozenset(str(lit).lower() for node in g.subjects(RDF.type, cls) for lit in g.objects(node, TMRU.lemma))
