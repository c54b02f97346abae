"""Stage 3: canonical entities and deterministic IRIs for extracted facts.

IRI scheme (base ``https://w3id.org/tmru/``):

==================  ===============================================================
document / graph    ``doc/{sha256(url or text)[:16]}``
country             ``id/country/{ISO}``
city                ``id/city/{slug of English name}``
person              ``id/person/{gazetteer key}``, unknown people ``id/person/x-{folded surname}``
commission          ``id/commission/{gazetteer key}`` (default ``tm-ru-economic``)
meeting             ``id/meeting/{date}-{kind}[-n]`` (chosen date and kind of the merged meeting) or, without a
                    date, ``id/meeting/{doc}-{n}``; resolve gives ``{doc}-{n}``, the store the merged key
                    (``kg.resolve.merge.cluster``)
co-chairship        ``id/cochair/{person}--{commission}--{ISO}`` (one per person, commission, side)
participation       ``id/participation/{meeting}--{person}``
agreement           ``id/agreement/{meeting}``
area                ``area/{notation}``
evidence            ``id/evidence/{doc}/{meeting}/{field}``
==================  ===============================================================
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from rdflib import URIRef

from ..model import ArticleFacts, Meeting, Person
from ..vocab import AREA, DOC, ID

DEFAULT_COMMISSION = "tm-ru-economic"
COMMISSION_KINDS = ("commission-session", "co-chairs-meeting", "working-group")


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated; never empty."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or hashlib.sha256(text.encode()).hexdigest()[:12]


def doc_key(url: str | None, text: str) -> str:
    """Stable key of an article: from its URL when it has one, else from its text."""
    basis = url.strip() if url else text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def doc_iri(key: str) -> URIRef:
    return DOC[key]


def country_iri(iso: str) -> URIRef:
    return ID[f"country/{iso.upper()}"]


def city_iri(name: str) -> URIRef:
    return ID[f"city/{slug(name)}"]


def person_iri(key: str) -> URIRef:
    return ID[f"person/{slug(key)}"]


def commission_iri(key: str) -> URIRef:
    return ID[f"commission/{slug(key)}"]


def area_iri(notation: str) -> URIRef:
    return AREA[slug(notation)]


@dataclass(slots=True)
class ResolvedMeeting:
    """A meeting with the IRIs of everything it refers to."""

    meeting: Meeting
    key: str
    iri: URIRef
    commission: URIRef | None
    cochairships: list[tuple[Person, URIRef]] = field(default_factory=list)
    participations: list[tuple[Person, URIRef]] = field(default_factory=list)


@dataclass(slots=True)
class ResolvedArticle:
    facts: ArticleFacts
    key: str
    iri: URIRef
    meetings: list[ResolvedMeeting]


def meeting_key(m: Meeting, doc: str, n: int) -> str:
    """The key of an article's ``n``-th report: ``{doc}-{n}``.  The store gives the meeting its
    canonical key (``{date}-{kind}`` for a dated meeting, see ``kg.resolve.merge.cluster``)."""
    return f"{doc}-{n}"


def resolve(facts: ArticleFacts) -> ResolvedArticle:
    d = facts.document
    key = doc_key(d.url, d.text)
    out: list[ResolvedMeeting] = []
    used: set[str] = set()
    for n, m in enumerate(facts.meetings, 1):
        mk = meeting_key(m, key, n)
        if mk in used:
            mk = f"{mk}-{n}"
        used.add(mk)
        com = m.commission or (DEFAULT_COMMISSION if m.kind in COMMISSION_KINDS or m.cochairs else None)
        rm = rekey(ResolvedMeeting(m, mk, ID[f"meeting/{mk}"], commission_iri(com) if com else None), mk)
        for p in m.cochairs:
            if p.country and com:
                rm.cochairships.append((p, ID[f"cochair/{slug(p.key)}--{slug(com)}--{p.country.upper()}"]))
        out.append(rm)
    return ResolvedArticle(facts, key, doc_iri(key), out)


def rekey(rm: ResolvedMeeting, key: str) -> ResolvedMeeting:
    """``rm`` under another meeting key (the store merges reports of one meeting onto one IRI)."""
    parts = [(p, ID[f"participation/{key}--{slug(p.key)}"]) for p in rm.meeting.participants]
    return ResolvedMeeting(rm.meeting, key, ID[f"meeting/{key}"], rm.commission, list(rm.cochairships), parts)


__all__ = [
    "ResolvedArticle",
    "ResolvedMeeting",
    "resolve",
    "slug",
    "doc_key",
    "person_iri",
    "city_iri",
    "country_iri",
    "commission_iri",
    "area_iri",
    "meeting_key",
    "rekey",
    "DEFAULT_COMMISSION",
]
