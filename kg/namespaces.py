"""rdflib namespaces of the graph (closed ``DefinedNamespace`` classes: a typo fails loudly); the prefixes
themselves are in ``kg.vocab`` (no rdflib), which also serves these names on first use."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from .vocab import PREFIXES

ID = Namespace(PREFIXES["id"])
AREA = Namespace(PREFIXES["area"])
DOC = Namespace(PREFIXES["doc"])
ORG = Namespace(PREFIXES["org"])
SCHEMA = Namespace(PREFIXES["schema"])
WD = Namespace(PREFIXES["wd"])


class TMRU(DefinedNamespace):
    """The tmru-kg ontology (``ontology/tmru.ttl``)."""

    _NS = Namespace(PREFIXES["tmru"])
    _fail = True

    Commission: URIRef
    Meeting: URIRef
    CoChair: URIRef
    Participation: URIRef
    Person: URIRef
    Country: URIRef
    City: URIRef
    CooperationArea: URIRef
    Agreement: URIRef
    Document: URIRef
    Evidence: URIRef
    MeetingKind: URIRef
    MeetingFormat: URIRef
    Cue: URIRef
    CoChairRole: URIRef
    commission: URIRef
    kind: URIRef
    sessionNumber: URIRef
    reportedOn: URIRef
    reportKey: URIRef
    weekday: URIRef
    exactDate: URIRef
    format: URIRef
    city: URIRef
    cochair: URIRef
    participation: URIRef
    participant: URIRef
    area: URIRef
    agreementsSigned: URIRef
    signed: URIRef
    forCountry: URIRef
    post: URIRef
    person: URIRef
    iso: URIRef
    party: URIRef
    stem: URIRef
    suffix: URIRef
    exact: URIRef
    abbreviation: URIRef
    VerbForm: URIRef
    PlanVerb: URIRef
    Conjunction: URIRef
    FunctionWord: URIRef
    Article: URIRef
    Adverb: URIRef
    Auxiliary: URIRef
    Plural: URIRef
    TimeUnit: URIRef
    Possessive: URIRef
    TimeAnchor: URIRef
    Ablative: URIRef
    capital: URIRef
    homeCountry: URIRef
    inCountry: URIRef
    genericHeadAfter: URIRef
    Negator: URIRef
    Complementizer: URIRef
    ReportingVerb: URIRef
    status: URIRef
    role: URIRef
    lemma: URIRef
    wordOrder: URIRef
    nounPhraseOrder: URIRef
    alternation: URIRef
    inflection: URIRef
    evidence: URIRef
    about: URIRef
    property: URIRef
    sentence: URIRef
    charStart: URIRef
    charEnd: URIRef
    contentHash: URIRef
    extractorVersion: URIRef
    areas: URIRef
    cues: URIRef
    months: URIRef
    weekdays: URIRef
    relativeDays: URIRef
    ordinals: URIRef
    kinds: URIRef
    formats: URIRef
