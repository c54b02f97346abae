"""Event status per event word: was the meeting (or signing) a sentence names held, or is
it announced, planned, recalled as background, or only named by a non-finite verb?

The status of an event word (a cue such as "talks", "заседание", "görüşme", "signed") is
read, in order, from

1. the word itself when it is a finite verb ("görüştü", "подписали", "met");
2. a participle or adjective just before it ("geçirilen duşuşyk" held, "yapılacak
   toplantı" future, "предстоящее заседание" future, "upcoming talks" future);
3. the verb that governs it: in verb-final languages (Turkish, Turkmen) the first verb
   form after it ("görüşme gerçekleştirildi", "görüşmeyi planlıyor"); elsewhere the
   nearest finite verb of its clause ("Лавров примет участие в переговорах",
   "talks will be held").

A verb of planning or expecting makes the event future whatever its own tense.  The
tables are language data (``ontology/lang``), the Russian tags come from pymorphy3.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .morph import (
    BACKGROUND,
    BOTH,
    FINITE,
    FUTURE,
    HEAD,
    HELD,
    MODAL,
    MODIFIER,
    NEGATED,
    NONFINITE,
    PRESENT,
    Form,
    agree,
    grammar,
    lemma,
)
from .normalize import fold

if TYPE_CHECKING:
    from .sentences import Mention, Sent

__all__ = [
    "BACKGROUND",
    "FUTURE",
    "HELD",
    "MODAL",
    "NONFINITE",
    "PRESENT",
    "Word",
    "event_status",
    "sentence_status",
    "words",
]

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019`´-][^\W\d_]+)*")
_CLAUSE_END = re.compile(r"[,;:.!?()\"«»“”„—–]")
_HARD_END = re.compile(r"[;.!?]")
_STOP = re.compile(r"[,;:.!?]")
FAR = 1 << 20
TITLE_CASE = 0.7  # share of capitalised words that makes a line a Title Case headline
REPORT_SPAN = 2  # words between a verb of saying and the date it takes
_ENTITIES = frozenset({"PERSON", "COUNTRY", "CITY", "COMMISSION", "MONTH", "WEEKDAY", "AREA"})
# cue words that are nouns whatever their ending (Turkish "bakan" minister is no participle)
_NOUNS = frozenset({"post", "president", "cochair", "institution", "cooperation", "delegation"})
MODIFIER_SPAN = 2  # words before an event noun that may modify it
AGREEING_SPAN = 12  # Russian: how far back an agreeing participle may stand ("запланированное к ... заседание")
AUX_SPAN = 3  # SVO: a future auxiliary this close before a participle makes it future ("will be held")
CLAUSE_WINDOW = 12  # words either side within which an SVO clause's verb is looked for


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    form: Form | None
    final: bool  # last word of its clause
    hard_end: bool  # followed by ; or the end of the sentence
    clause: int  # clause number within the sentence
    entity: bool  # part of a name (person, country, city, commission)
    reporting: bool  # a verb of saying
    aux: bool = False  # the form comes from a fixed phrase (an auxiliary: "will", "is to", "had been")


def words(s: Sent) -> list[Word]:
    """The words of ``s`` with their verb forms and clause numbers (computed once per sentence)."""
    cached = s._words
    if cached is not None:
        return cached
    lang = s.lang
    gr = grammar(lang)
    text = s.doc_text
    raw = [(m.group(), s.start + m.start(), s.start + m.end()) for m in _WORD.finditer(s.text)]
    ents = [(m.start, m.end) for m in s.mentions if m.cat in _ENTITIES or (m.cat == "CUE" and m.value in _NOUNS)]
    folded = [fold(w, lang) for w, _, _ in raw]
    forms: list[Form | None] = [None] * len(raw)
    # phrases (English auxiliaries): longest first, each word takes the phrase's form
    # (an adverb may stand inside the phrase: "had also been", "will then be held")
    if gr.phrases:
        i = 0
        while i < len(raw):
            if folded[i] not in gr.phrase_firsts:
                i += 1
                continue
            seq = [i] + [k for k in range(i + 1, min(len(raw), i + 2 * gr.max_phrase)) if folded[k] not in gr.adverbs]
            for n in range(min(gr.max_phrase, len(seq)), 0, -1):
                form = gr.phrases.get(tuple(folded[k] for k in seq[:n]))
                if form is not None:
                    for k in seq[:n]:
                        forms[k] = form
                    i = seq[n - 1]
                    break
            i += 1
    aux = [f is not None for f in forms]  # forms of fixed phrases (auxiliaries)
    # in a Title Case headline ("Ministers To Hold Talks") capitals do not mark names
    title = sum(w[:1].isupper() for w, _, _ in raw) >= TITLE_CASE * len(raw) > 1

    def forms_at(j: int) -> Form | None:
        if forms[j] is None and not (j > 0 and raw[j][0][:1].isupper() and not title):
            forms[j] = gr.form(raw[j][0])
        return forms[j]

    rep = [False] * len(raw)
    by_head = gr.reporting_by_head
    for n, f in enumerate(folded):
        for phrase in by_head.get(f[:HEAD], ()):
            k = len(phrase)
            if n + k <= len(raw) and all(folded[n + j].startswith(phrase[j]) for j in range(k)):
                for j in range(k):
                    rep[n + j] = True
    if gr.reporting_lemmas:
        heads = gr.reporting_heads
        for n, (w, _, _) in enumerate(raw):
            if (
                not rep[n]
                and w[:1].isalpha()
                and "\u0400" <= w[0] <= "\u04ff"
                and w[:HEAD].lower() in heads
                and lemma(w) in gr.reporting_lemmas
            ):
                rep[n] = True
    # a negator makes the nearest verb form beside it in its clause negated («не состоялось», "did not")
    for i, f in enumerate(folded):
        if f in gr.negators or (raw[i][0].lower().endswith("n't") and gr.negators):
            near = [j for j in (i + 1, i - 1, i + 2, i - 2) if 0 <= j < len(raw) and forms_at(j) is not None]
            targets = near[:1]
            if i > 0 and aux[i - 1] and i - 1 not in targets:
                targets.append(i - 1)  # and the auxiliary before it: "was not discussed", "did not meet"
            if targets and folded[targets[0]] in gr.auxiliaries and i > 0 and forms_at(i - 1) is not None:
                targets.append(i - 1)  # and the participle before it: «подписаны не были»
            for j in targets:
                form = forms_at(j)
                forms[j] = Form(NEGATED, form.role if form.role != MODIFIER else FINITE, form.plan)
    # a verb group that says the event was called off is negated as a whole ("was postponed")
    # (a group: auxiliaries, then the verb after them, adverbs aside: "was postponed", «была перенесена»)
    k = 0
    while k < len(raw):
        if not (aux[k] or folded[k] in gr.auxiliaries):
            k += 1
            continue
        run, j = [k], k + 1
        while j < len(raw):
            if folded[j] in gr.adverbs:
                j += 1
                continue
            if aux[j] or folded[j] in gr.auxiliaries:
                run.append(j)
                j += 1
                continue
            if forms_at(j) is not None:
                run.append(j)
            break
        if len(run) > 1 and any(forms_at(j) is not None and forms_at(j).status == NEGATED for j in run):
            for j in run:
                f = forms_at(j)
                forms[j] = Form(NEGATED, f.role if f is not None else FINITE, f.plan if f is not None else False)
        k = run[-1] + 1
    out: list[Word] = []
    group: Form | None = None  # the auxiliary form of the verb group the current word may continue
    clause = 0
    ents.sort()
    e = 0
    for n, (w, a, b) in enumerate(raw):
        while e < len(ents) and ents[e][1] <= a:
            e += 1
        entity = any(x <= a and b <= y for x, y in ents[e : e + 3])
        name = n > 0 and w[:1].isupper() and not title  # a capitalised word inside a sentence is a name
        form = forms[n] if forms[n] is not None else (None if entity or name else gr.form(w))
        # a participle after an auxiliary of the pluperfect takes its status ("had (also) been raised")
        if form is not None and not aux[n] and group is not None and group.status == BACKGROUND:
            form = Form(BACKGROUND, form.role, form.plan)
        group = forms[n] if aux[n] else group if folded[n] in gr.adverbs else None
        gap = text[b : raw[n + 1][1]] if n + 1 < len(raw) else text[b : s.end]
        nxt = folded[n + 1] if n + 1 < len(raw) else ""
        final = n + 1 == len(raw) or bool(_CLAUSE_END.search(gap)) or nxt in gr.conjunctions
        hard = n + 1 == len(raw) or bool(_HARD_END.search(gap))
        out.append(Word(w, a, b, form, final, hard, clause, entity, rep[n], aux[n]))
        if final:
            clause += 1
    s._words = out
    return out


def _status(form: Form) -> str:
    return FUTURE if form.plan else form.status


def event_status(s: Sent, m: Mention) -> str | None:
    """The status of the event a cue mention names (None: nothing says; read as held)."""
    ws = words(s)
    idx = _span(s, m.start, m.end)
    if not idx:
        return None
    first, last = idx[0], idx[-1]
    gr = grammar(s.lang)
    own = ws[last].form
    if own is not None and own.role == MODIFIER and own.status != NONFINITE:
        if m.value == "signed":  # "the agreement signed in June", «подписанного соглашения»: a document's past
            return BACKGROUND
        # the event word is a participle: "geçirilen (duşuşyk)", "held (talks)"
        return _recalled(ws, idx, gr, _status(own))
    if own is not None and own.finite(ws[last].final) and own.status != NONFINITE:
        if own.status == HELD and not gr.verb_final and _future_aux(ws, first):
            return FUTURE  # "will be held", "будут подписаны"
        if own.role == BOTH and not gr.verb_final and _after_pluperfect(ws, first):
            return BACKGROUND  # "had been raised at the talks held in March": a participle
        return _status(own)
    if own is not None and own.status == NONFINITE and not gr.verb_final:
        # "will hold" is future; "proposed / agreed to hold (провести) a forum" reports the proposal,
        # not the event: an event verb in the infinitive is not reported as held
        return FUTURE if _future_aux(ws, first) else NONFINITE
    mod = _modifier(ws, first, s.lang)
    if mod is not None:
        return _recalled(ws, idx, gr, mod)
    return _governing(ws, idx, gr)


def _after_pluperfect(ws: list[Word], i: int) -> bool:
    """Whether a pluperfect verb stands earlier in the clause of word ``i`` (then a form that may
    be a past or a participle, "held", is the participle)."""
    return any(w.clause == ws[i].clause and w.aux and w.form.status == BACKGROUND for w in ws[:i])


def _recalled(ws: list[Word], idx: list[int], gr, status: str | None) -> str | None:
    """A participle's "held" is relative to its clause: under a pluperfect verb ("the issue had
    been raised at the talks held in March", "geçirilen gepleşiklerde durulyp geçilipdi") the
    event is background."""
    return BACKGROUND if status == HELD and _governing(ws, idx, gr) == BACKGROUND else status


def _governing(ws: list[Word], idx: list[int], gr) -> str | None:
    """The status of the verb that governs the words ``idx``: the first verb form after them in a
    verb-final language, else the nearest finite verb of their clause."""
    first, last = idx[0], idx[-1]
    if gr.verb_final:
        nonfinite = False  # a verbal noun governs the event ("mejlisi geçirmek"): only its finite verb may plan it
        for w in ws[last + 1 :]:
            if w.form is not None and not w.reporting:
                if w.form.plan:  # "görüşmeyi planladığı", "görüşme planı"
                    return FUTURE
                if w.form.status == NONFINITE:
                    nonfinite = True
                elif w.form.finite(w.final):
                    return NONFINITE if nonfinite else w.form.status
            if w.hard_end:
                break
        return NONFINITE if nonfinite else None
    cands = [
        (abs(j - last) if j > last else abs(first - j), j > last, w)
        for j, w in enumerate(ws)
        if j not in idx
        and w.clause in (ws[first].clause, ws[last].clause)
        and w.form is not None
        and not w.reporting
        and w.form.finite(w.final)
        and abs(j - last) <= CLAUSE_WINDOW
    ]
    if not cands:
        # no verb in its clause: a subject set off by an inserted phrase («Встреча, запланированная
        # на август, была перенесена»): the first finite verb after it in the sentence
        own = {ws[first].clause, ws[last].clause}
        if any(w.clause in own and (w.reporting or w.form is not None) for w in ws):
            return None  # "in the course of the meeting he said that ...": said at the meeting
        for w in ws[last + 1 :]:
            if w.reporting or (w.form is not None and w.form.finite(w.final)):
                # (only to tell what was not held: "During the talks, we agreed" stays as it was)
                return None if w.reporting or _status(w.form) in (HELD, PRESENT) else _status(w.form)
            if w.hard_end:
                break
        return None
    return _status(min(cands, key=lambda c: (c[0], c[1]))[2].form)


def _future_aux(ws: list[Word], i: int) -> bool:
    """A future verb form just before word ``i`` in its clause ("will be", "будут", "to be")."""
    for j in range(i - 1, max(-1, i - 1 - AUX_SPAN), -1):
        w = ws[j]
        if w.final:
            return False
        if w.form is not None and w.form.status == FUTURE and w.form.finite(False):
            return True
    return False


def _modifier(ws: list[Word], first: int, lang: str) -> str | None:
    """The status given by a participle or adjective before the event noun at ``first``: the
    word just before it (or the one before that), or in Russian any participle of the clause
    before it that agrees with the noun."""
    span = AGREEING_SPAN if lang == "ru" else MODIFIER_SPAN
    for j in range(first - 1, max(-1, first - 1 - span), -1):
        w = ws[j]
        if w.entity and lang != "ru":
            return None
        if w.final:
            return None
        if w.form is not None and w.form.modifier():
            if lang != "ru" or agree(w.text, ws[first].text):
                return _status(w.form)
            continue
        if w.form is not None and w.form.finite(w.final):  # a verb between: no modifier of the noun
            return None
    return None


def _span(s: Sent, start: int, end: int) -> list[int]:
    """The indexes of the words of ``s`` that begin within [start, end) (by bisection over the
    word starts, kept with the sentence's other per-sentence results)."""
    memo = s._memo if s._memo is not None else {}
    s._memo = memo
    starts = memo.get("starts")
    if starts is None:
        starts = memo["starts"] = [w.start for w in words(s)]
    return list(range(bisect_left(starts, start), bisect_left(starts, end)))


def complementizer(s: Sent, after: int = 0) -> int | None:
    """Where the first "that"/«что» at or after offset ``after`` stands (a reported clause follows)."""
    comp = grammar(s.lang).complementizers
    return next((w.start for w in words(s) if w.start >= after and fold(w.text, s.lang) in comp), None)


def clause_of(s: Sent, pos: int) -> int | None:
    """The clause number of the word at character offset ``pos``."""
    for w in words(s):
        if w.start <= pos < w.end:
            return w.clause
    return None


def words_between(s: Sent, a: Mention, b: Mention) -> int:
    """How many words stand between two mentions; a comma or stronger stop between them
    (quotes, brackets and dashes aside) puts them in different clauses: a large number."""
    ws = words(s)
    ia, ib = _span(s, a.start, a.end), _span(s, b.start, b.end)
    if not ia or not ib:
        return FAR
    if ia[0] > ib[-1]:
        ia, ib = ib, ia
    if _STOP.search(s.doc_text[ws[ia[-1]].end : ws[ib[0]].start]):
        return FAR
    return max(0, ib[0] - ia[-1] - 1)


def of_report(s: Sent, start: int, end: int) -> bool:
    """Whether the words at [start, end) (a date) go with a verb of saying next to them
    ("the ministry said on Friday", "заявил в четверг"): the date of the report, not the event."""
    ws = words(s)
    idx = _span(s, start, end)
    if not idx:
        return False
    near = ws[max(0, idx[0] - REPORT_SPAN) : idx[0]] + ws[idx[-1] + 1 : idx[-1] + 1 + REPORT_SPAN]
    clauses = {ws[idx[0]].clause, ws[idx[-1]].clause}
    return any(w.reporting and w.clause in clauses for w in near)


def gap(a: Mention, b: Mention) -> tuple[int, int]:
    """The character span between two mentions, in text order."""
    return (a.end, b.start) if a.end <= b.start else (b.end, a.start)


def verb_between(s: Sent, a: int, b: int) -> bool:
    """Whether a verb form (finite or participle) stands between character offsets a and b."""
    return any(a <= w.start and w.end <= b and w.form is not None for w in words(s))


def sentence_status(s: Sent) -> str | None:
    """The status of a sentence's main verb: the last finite verb in verb-final languages,
    else the first auxiliary or, without one, the first finite verb; verbs of saying ("he
    said") are passed over."""
    memo = s._memo if s._memo is not None else {}
    s._memo = memo
    if "main" not in memo:
        memo["main"] = _main_status(s)
    return memo["main"]


def _main_status(s: Sent) -> str | None:
    ws = [w for w in words(s) if w.form is not None and not w.reporting and w.form.finite(w.final)]
    if not ws:
        return None
    if grammar(s.lang).verb_final:
        return _status(ws[-1].form)
    # auxiliaries are surer than endings ("related" may be a participle), but not those of a
    # clause reported after "that"
    cut = complementizer(s)
    main = [w for w in ws if cut is None or w.start < cut]
    if not main:
        return None  # "I know that you will talk with ...": the main verb has no known form
    aux = [w for w in main if w.aux]
    return _status((aux or main)[0].form)
