"""Stage 2: text -> facts.  ``extract(document)`` finds the lexicon mentions and
sentences of the document's text (``pipeline.py``) and applies the rules of
``rules.py``; all language data comes from ``ontology/``.  Importing the package loads
nothing else (``kg.extract.normalize`` is used without spaCy by the HTML step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import ArticleFacts, Document


def extract(document: Document) -> ArticleFacts:
    """The meetings ``document`` reports."""
    from ..model import ArticleFacts
    from .rules import build_meetings

    return ArticleFacts(document, build_meetings(document.text, document.lang, document.published))


__all__ = ["extract"]
