"""RDF namespaces (closed ``DefinedNamespace`` classes: a typo fails loudly) and IRI bases."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/tmru/"
ID = Namespace(BASE + "id/")
AREA = Namespace(BASE + "area/")
DOC = Namespace(BASE + "doc/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")


class TMRU(DefinedNamespace):
    """The tmru-kg ontology (``ontology/tmru.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
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
    stem: URIRef
    suffix: URIRef
    exact: URIRef
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
