"""Typed records passed between the pipeline stages.

documents -> ``Document``; extract -> ``ArticleFacts`` (``Meeting`` with ``Mention``s
and ``Evidence``); resolve -> the same records with canonical keys filled in;
graph -> RDF.  The JSON form of ``ArticleFacts`` is the facts format of the
dev corpus (``SCHEMA.md``) with extra fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk."""

    name: str  # file name (or file name + line for .jsonl), used as ``document``
    path: str
    text: str
    lang: str
    url: str | None = None
    published: str | None = None  # ISO date
    title: str | None = None
    text_offset: int = 0  # where ``text`` starts in the file (after front matter)


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence a fact was read from, with character offsets into ``Document.text``."""

    sentence: str
    start: int
    end: int


@dataclass(slots=True)
class Person:
    """A person as mentioned; ``key`` is the gazetteer id or a normalised slug."""

    name: str
    key: str
    country: str | None = None  # ISO alpha-2 of the side (TM, RU)
    post: str | None = None
    known: bool = False
    evidence: Evidence | None = None


@dataclass(slots=True)
class Meeting:
    """One meeting an article reports as having taken place."""

    kind: str  # commission-session | co-chairs-meeting | working-group | other
    date: str | None = None
    ordinal: int | None = None
    city: str | None = None  # English name
    format: str | None = None  # video | phone | in-person
    cochairs: list[Person] = field(default_factory=list)
    participants: list[Person] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    agreements_signed: bool = False
    commission: str | None = None  # gazetteer key of the commission, if named
    weekday: int | None = None  # ISO weekday named ("on Friday") when no date could be resolved
    evidence: dict[str, Evidence] = field(default_factory=dict)  # field -> sentence

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date,
            "ordinal": self.ordinal,
            "city": self.city,
            "format": self.format,
            "cochairs": [_person_json(p) for p in self.cochairs],
            "participants": [_person_json(p) for p in self.participants],
            "areas": list(self.areas),
            "agreements_signed": self.agreements_signed,
            "commission": self.commission,
            **({"weekday": self.weekday} if self.weekday else {}),
            "evidence": {k: asdict(v) for k, v in sorted(self.evidence.items())},
        }


def _person_json(p: Person) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name, "country": p.country, "key": p.key}
    if p.post:
        out["post"] = p.post
    return out


@dataclass(slots=True)
class ArticleFacts:
    """Everything extracted from one document."""

    document: Document
    meetings: list[Meeting] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        d = self.document
        return {
            "document": d.name,
            "lang": d.lang,
            "url": d.url,
            "published": d.published,
            "meetings": [m.to_json() for m in self.meetings],
        }
