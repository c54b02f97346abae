"""Stage 2: text -> facts.  ``extract(document)`` runs the spaCy pipeline for the
document's language and the rules of ``rules.py``; all language data comes from
``ontology/``."""

from __future__ import annotations

from ..model import ArticleFacts, Document
from .pipeline import nlp_for
from .rules import build_meetings


def extract(document: Document) -> ArticleFacts:
    """The meetings ``document`` reports."""
    doc = nlp_for(document.lang)(document.text)
    return ArticleFacts(document, build_meetings(doc, document.lang, document.published))


__all__ = ["extract"]
