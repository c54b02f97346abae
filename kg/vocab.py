"""The one prefix table, RDF namespaces (closed ``DefinedNamespace`` classes: a typo fails loudly) and IRI bases.

``PREFIXES`` is used everywhere a prefix is written: exports, query output, SPARQL built in code,
rdflib graphs (``kg.graph.bind``) and the JSON-LD context."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/tmru/"

#: prefix -> namespace, for every vocabulary the graph uses
PREFIXES: dict[str, str] = {
    "tmru": BASE + "ontology#",
    "id": BASE + "id/",
    "area": BASE + "area/",
    "doc": BASE + "doc/",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "time": "http://www.w3.org/2006/time#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "wd": "http://www.wikidata.org/entity/",
}
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
