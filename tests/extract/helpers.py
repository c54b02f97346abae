"""Helpers for the extraction tests: run the extractor on a text written in a test."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Document, Meeting


def meetings(text: str, lang: str, published: str | None = None) -> list[Meeting]:
    """The meetings the extractor finds in ``text``."""
    return extract(Document(name="t.txt", path="t.txt", text=text, lang=lang, published=published)).meetings


def chairs(m: Meeting) -> set[tuple[str, str | None]]:
    """(key, side) of a meeting's co-chairs."""
    return {(p.key, p.country) for p in m.cochairs}
