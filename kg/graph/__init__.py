"""Stage 4: resolved facts -> RDF.

Each article becomes one named graph (IRI = the document IRI) holding the
document's provenance (PROV-O, Dublin Core), its meetings and, for every fact,
a ``tmru:Evidence`` node with the sentence and its character offsets.  The
ontology, area scheme and gazetteer form the reference graph.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from .. import __version__, ontology
from ..documents.reader import content_hash
from ..model import Evidence, Person
from ..resolve import (
    ResolvedArticle,
    ResolvedMeeting,
    area_iri,
    city_iri,
    country_iri,
    person_iri,
)
from ..vocab import BASE, ID, ORG, PREFIXES, SCHEMA, TMRU

REFERENCE_GRAPH = URIRef(BASE + "ontology")

# evidence field -> the property it supports
FIELD_PROPS = {
    "date": SCHEMA.startDate,
    "ordinal": TMRU.sessionNumber,
    "city": TMRU.city,
    "format": TMRU.format,
    "kind": TMRU.kind,
    "agreements_signed": TMRU.agreementsSigned,
}


def kind_iri(kind: str) -> URIRef:
    return URIRef(str(TMRU._NS) + kind)


def bind(g: Graph) -> Graph:
    """``g`` with the prefixes of ``kg.vocab.PREFIXES``."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


#: the extractor's lexicon: files and properties that only the matchers read (kept in ``ontology/``)
LEXICON_FILES = ("cues.ttl", "months.ttl", "ordinals.ttl")
LEXICON_PROPS = (TMRU.stem, TMRU.exact, TMRU.suffix)


def reference_graph() -> Graph:
    """Ontology, areas and gazetteer as one graph, without the extractor's lexicon (cue words,
    month and ordinal words, matching stems)."""
    g = bind(Graph())
    for t in ontology.load(*(f for f in ontology.FILES if f not in LEXICON_FILES)):
        if t[1] not in LEXICON_PROPS:
            g.add(t)
    return g


def gazetteer_entities(g: Graph) -> set[URIRef]:
    """People and cities of the reference graph: in the merged graph only while an article mentions them."""
    return {s for cls in (TMRU.Person, TMRU.City) for s in g.subjects(RDF.type, cls) if isinstance(s, URIRef)}


def article_graph(ra: ResolvedArticle) -> Graph:
    """The named graph of one article."""
    g = bind(Graph(identifier=ra.iri))
    d = ra.facts.document
    doc = ra.iri
    g.add((doc, RDF.type, TMRU.Document))
    g.add((doc, RDF.type, PROV.Entity))
    g.add((doc, DCTERMS.language, Literal(d.lang, datatype=XSD.language)))
    g.add((doc, DCTERMS.identifier, Literal(d.name)))
    g.add((doc, TMRU.contentHash, Literal(content_hash(d.text))))
    g.add((doc, TMRU.extractorVersion, Literal(__version__)))
    if d.url:
        g.add((doc, SCHEMA.url, Literal(d.url, datatype=XSD.anyURI)))
    if d.published:
        g.add((doc, DCTERMS.issued, Literal(d.published, datatype=XSD.date)))
    if d.title:
        g.add((doc, DCTERMS.title, Literal(d.title, lang=d.lang)))
    for rm in ra.meetings:
        _meeting(g, ra, rm)
    return g


def _meeting(g: Graph, ra: ResolvedArticle, rm: ResolvedMeeting) -> None:
    m, mi, lang = rm.meeting, rm.iri, ra.facts.document.lang
    g.add((mi, RDF.type, TMRU.Meeting))
    g.add((mi, RDF.type, SCHEMA.Event))
    g.add((mi, PROV.wasDerivedFrom, ra.iri))
    g.add((mi, TMRU.kind, kind_iri(m.kind)))
    g.add((mi, RDFS.label, Literal(f"{m.kind.replace('-', ' ')} {m.date or ''}".strip(), lang="en")))
    if rm.commission is not None:
        g.add((mi, TMRU.commission, rm.commission))
    g.add((mi, TMRU.reportKey, Literal(rm.key)))
    if m.date:
        g.add((mi, SCHEMA.startDate, Literal(m.date, datatype=XSD.date)))
    else:
        if m.weekday:
            g.add((mi, TMRU.weekday, Literal(m.weekday, datatype=XSD.integer)))
        if ra.facts.document.published:
            g.add((mi, TMRU.reportedOn, Literal(ra.facts.document.published, datatype=XSD.date)))
    if m.ordinal is not None:
        g.add((mi, TMRU.sessionNumber, Literal(m.ordinal, datatype=XSD.integer)))
    if m.format:
        g.add((mi, TMRU.format, kind_iri(m.format)))
    if m.city:
        c = city_iri(m.city)
        g.add((mi, TMRU.city, c))
        g.add((c, RDF.type, TMRU.City))
        g.add((c, SKOS.altLabel, Literal(m.city, lang="en")))
    g.add((mi, TMRU.agreementsSigned, Literal(m.agreements_signed)))
    if m.agreements_signed:
        ag = ID[f"agreement/{rm.key}"]
        g.add((ag, RDF.type, TMRU.Agreement))
        label = f"documents signed at {m.kind.replace('-', ' ')} {m.date or ''}".strip()
        g.add((ag, RDFS.label, Literal(label, lang="en")))
        g.add((mi, TMRU.signed, ag))
    for a in m.areas:
        g.add((mi, TMRU.area, area_iri(a)))
    for p, ci in rm.cochairships:
        pi = _person(g, p, lang)
        g.add((mi, TMRU.cochair, ci))
        g.add((mi, TMRU.participant, pi))
        g.add((ci, RDF.type, TMRU.CoChair))
        g.add((ci, RDF.type, ORG.Membership))
        g.add((ci, ORG.member, pi))
        g.add((ci, ORG.organization, rm.commission))
        g.add((ci, ORG.role, TMRU.CoChairRole))
        g.add((ci, TMRU.forCountry, country_iri(p.country)))
        if p.post:
            g.add((ci, TMRU.post, Literal(p.post, lang=lang)))
        if p.evidence:
            _evidence(g, ra, rm, f"cochair/{p.key}", ci, TMRU.cochair, p.evidence)
    for p, pa in rm.participations:
        pi = _person(g, p, lang)
        g.add((mi, TMRU.participation, pa))
        g.add((mi, TMRU.participant, pi))
        g.add((pa, RDF.type, TMRU.Participation))
        g.add((pa, TMRU.person, pi))
        if p.country:
            g.add((pa, TMRU.forCountry, country_iri(p.country)))
        if p.post:
            g.add((pa, TMRU.post, Literal(p.post, lang=lang)))
        if p.evidence:
            _evidence(g, ra, rm, f"participant/{p.key}", pa, TMRU.participation, p.evidence)
    for fld, ev in sorted(m.evidence.items()):
        if fld.startswith("area:"):
            _evidence(g, ra, rm, fld.replace(":", "/"), area_iri(fld[5:]), TMRU.area, ev)
        elif fld in FIELD_PROPS:
            _evidence(g, ra, rm, fld, mi, FIELD_PROPS[fld], ev)


def _person(g: Graph, p: Person, lang: str) -> URIRef:
    pi = person_iri(p.key)
    g.add((pi, RDF.type, TMRU.Person))
    g.add((pi, SKOS.altLabel, Literal(p.name, lang=lang)))
    if not p.known:
        g.add((pi, RDFS.label, Literal(p.name, lang=lang)))
        if p.country:
            g.add((pi, TMRU.forCountry, country_iri(p.country)))
    return pi


def _evidence(
    g: Graph, ra: ResolvedArticle, rm: ResolvedMeeting, fld: str, target: URIRef, prop: URIRef, ev: Evidence
) -> None:
    e = ID[f"evidence/{ra.key}/{rm.key}/{fld}"]
    g.add((e, RDF.type, TMRU.Evidence))
    g.add((e, TMRU.about, rm.iri))
    g.add((e, TMRU.property, prop))
    if target != rm.iri:
        g.add((e, RDF.value, target))
    g.add((e, TMRU.sentence, Literal(ev.sentence)))
    g.add((e, TMRU.charStart, Literal(ev.start, datatype=XSD.integer)))
    g.add((e, TMRU.charEnd, Literal(ev.end, datatype=XSD.integer)))
    g.add((e, PROV.wasQuotedFrom, ra.iri))
    g.add((rm.iri, TMRU.evidence, e))


# ----------------------------------------------------------------- the same graph as pyoxigraph terms


def _ox_vocab():
    """pyoxigraph terms of the vocabulary ``article_triples`` writes (made once)."""
    import pyoxigraph as ox

    n = ox.NamedNode
    v = {
        name: n(str(term))
        for name, term in {
            "type": RDF.type,
            "value": RDF.value,
            "label": RDFS.label,
            "alt": SKOS.altLabel,
            "language": DCTERMS.language,
            "identifier": DCTERMS.identifier,
            "issued": DCTERMS.issued,
            "title": DCTERMS.title,
            "url": SCHEMA.url,
            "Event": SCHEMA.Event,
            "Entity": PROV.Entity,
            "derived": PROV.wasDerivedFrom,
            "quoted": PROV.wasQuotedFrom,
            "Membership": ORG.Membership,
            "member": ORG.member,
            "organization": ORG.organization,
            "role": ORG.role,
            "xlanguage": XSD.language,
            "xdate": XSD.date,
            "xinteger": XSD.integer,
            "xboolean": XSD.boolean,
            "xanyURI": XSD.anyURI,
        }.items()
    }
    tmru = str(TMRU._NS)
    for local in (
        "Document Meeting City Agreement CoChair CoChairRole Participation Person Evidence contentHash "
        "extractorVersion kind commission reportKey weekday reportedOn sessionNumber format city "
        "agreementsSigned signed area cochair participant forCountry post participation person about "
        "property sentence charStart charEnd evidence"
    ).split():
        v[local] = n(tmru + local)
    v["startDate"] = n(str(SCHEMA.startDate))
    v["fields"] = {fld: n(str(p)) for fld, p in FIELD_PROPS.items()}
    return v


_VOCAB = None


def article_triples(ra: ResolvedArticle) -> list:  # -> list[pyoxigraph.Triple]
    """The triples of ``article_graph(ra)`` built directly as pyoxigraph terms (no rdflib graph), sorted
    by their N-Triples text: the same set, the same order as ``triples_of(article_graph(ra))``."""
    import pyoxigraph as ox

    global _VOCAB
    if _VOCAB is None:
        _VOCAB = _ox_vocab()
    v, N, L, T = _VOCAB, ox.NamedNode, ox.Literal, ox.Triple
    out: set = set()
    add = out.add
    d = ra.facts.document
    lang = d.lang
    doc = N(str(ra.iri))
    a = v["type"]
    add(T(doc, a, v["Document"]))
    add(T(doc, a, v["Entity"]))
    add(T(doc, v["language"], L(d.lang, datatype=v["xlanguage"])))
    add(T(doc, v["identifier"], L(d.name)))
    add(T(doc, v["contentHash"], L(content_hash(d.text))))
    add(T(doc, v["extractorVersion"], L(__version__)))
    if d.url:
        add(T(doc, v["url"], L(d.url, datatype=v["xanyURI"])))
    if d.published:
        add(T(doc, v["issued"], L(d.published, datatype=v["xdate"])))
    if d.title:
        add(T(doc, v["title"], L(d.title, language=d.lang)))
    integer = v["xinteger"]

    def person(p: Person) -> ox.NamedNode:
        pi = N(str(person_iri(p.key)))
        add(T(pi, a, v["Person"]))
        add(T(pi, v["alt"], L(p.name, language=lang)))
        if not p.known:
            add(T(pi, v["label"], L(p.name, language=lang)))
            if p.country:
                add(T(pi, v["forCountry"], N(str(country_iri(p.country)))))
        return pi

    for rm in ra.meetings:
        m, mi = rm.meeting, N(str(rm.iri))

        def evidence(fld: str, target: ox.NamedNode, prop: ox.NamedNode, ev: Evidence, rm=rm, mi=mi) -> None:
            e = N(str(ID[f"evidence/{ra.key}/{rm.key}/{fld}"]))
            add(T(e, a, v["Evidence"]))
            add(T(e, v["about"], mi))
            add(T(e, v["property"], prop))
            if target != mi:
                add(T(e, v["value"], target))
            add(T(e, v["sentence"], L(ev.sentence)))
            add(T(e, v["charStart"], L(str(int(ev.start)), datatype=integer)))
            add(T(e, v["charEnd"], L(str(int(ev.end)), datatype=integer)))
            add(T(e, v["quoted"], doc))
            add(T(mi, v["evidence"], e))

        add(T(mi, a, v["Meeting"]))
        add(T(mi, a, v["Event"]))
        add(T(mi, v["derived"], doc))
        add(T(mi, v["kind"], N(str(kind_iri(m.kind)))))
        add(T(mi, v["label"], L(f"{m.kind.replace('-', ' ')} {m.date or ''}".strip(), language="en")))
        if rm.commission is not None:
            add(T(mi, v["commission"], N(str(rm.commission))))
        add(T(mi, v["reportKey"], L(rm.key)))
        if m.date:
            add(T(mi, v["startDate"], L(m.date, datatype=v["xdate"])))
        else:
            if m.weekday:
                add(T(mi, v["weekday"], L(str(int(m.weekday)), datatype=integer)))
            if d.published:
                add(T(mi, v["reportedOn"], L(d.published, datatype=v["xdate"])))
        if m.ordinal is not None:
            add(T(mi, v["sessionNumber"], L(str(int(m.ordinal)), datatype=integer)))
        if m.format:
            add(T(mi, v["format"], N(str(kind_iri(m.format)))))
        if m.city:
            c = N(str(city_iri(m.city)))
            add(T(mi, v["city"], c))
            add(T(c, a, v["City"]))
            add(T(c, v["alt"], L(m.city, language="en")))
        add(T(mi, v["agreementsSigned"], L("true" if m.agreements_signed else "false", datatype=v["xboolean"])))
        if m.agreements_signed:
            ag = N(str(ID[f"agreement/{rm.key}"]))
            add(T(ag, a, v["Agreement"]))
            label = f"documents signed at {m.kind.replace('-', ' ')} {m.date or ''}".strip()
            add(T(ag, v["label"], L(label, language="en")))
            add(T(mi, v["signed"], ag))
        for ar in m.areas:
            add(T(mi, v["area"], N(str(area_iri(ar)))))
        for p, ci in rm.cochairships:
            pi, ci = person(p), N(str(ci))
            add(T(mi, v["cochair"], ci))
            add(T(mi, v["participant"], pi))
            add(T(ci, a, v["CoChair"]))
            add(T(ci, a, v["Membership"]))
            add(T(ci, v["member"], pi))
            add(T(ci, v["organization"], N(str(rm.commission))))
            add(T(ci, v["role"], v["CoChairRole"]))
            add(T(ci, v["forCountry"], N(str(country_iri(p.country)))))
            if p.post:
                add(T(ci, v["post"], L(p.post, language=lang)))
            if p.evidence:
                evidence(f"cochair/{p.key}", ci, v["cochair"], p.evidence)
        for p, pa in rm.participations:
            pi, pa = person(p), N(str(pa))
            add(T(mi, v["participation"], pa))
            add(T(mi, v["participant"], pi))
            add(T(pa, a, v["Participation"]))
            add(T(pa, v["person"], pi))
            if p.country:
                add(T(pa, v["forCountry"], N(str(country_iri(p.country)))))
            if p.post:
                add(T(pa, v["post"], L(p.post, language=lang)))
            if p.evidence:
                evidence(f"participant/{p.key}", pa, v["participation"], p.evidence)
        for fld, ev in sorted(m.evidence.items()):
            if fld.startswith("area:"):
                evidence(fld.replace(":", "/"), N(str(area_iri(fld[5:]))), v["area"], ev)
            elif fld in v["fields"]:
                evidence(fld, mi, v["fields"][fld], ev)
    return sorted(out, key=str)


__all__ = [
    "article_graph",
    "article_triples",
    "reference_graph",
    "gazetteer_entities",
    "bind",
    "REFERENCE_GRAPH",
    "kind_iri",
    "LEXICON_FILES",
    "LEXICON_PROPS",
]
