"""Stage 2: text -> facts.  ``extract(document)`` finds the lexicon mentions and
sentences of the document's text (``pipeline.py``) and applies the rules of
``rules.py``; all language data comes from ``ontology/``."""

from __future__ import annotations

from .spacy_import import load

load()  # spaCy without its CLI package, before any module below imports it

from ..model import ArticleFacts, Document  # noqa: E402
from .rules import build_meetings  # noqa: E402


def extract(document: Document) -> ArticleFacts:
    """The meetings ``document`` reports."""
    return ArticleFacts(document, build_meetings(document.text, document.lang, document.published))


__all__ = ["extract"]
