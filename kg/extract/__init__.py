"""Stage 2: text -> facts.  ``extract(document)`` finds the lexicon mentions and
sentences of the document's text (``pipeline.py``) and applies the rules of
``rules.py``; all language data comes from ``ontology/``."""

from __future__ import annotations

from ..model import ArticleFacts, Document
from .rules import build_meetings


def extract(document: Document) -> ArticleFacts:
    """The meetings ``document`` reports."""
    return ArticleFacts(document, build_meetings(document.text, document.lang, document.published))


__all__ = ["extract"]
