"""Assemble the meetings of an article, stage by stage:

analysis (``sentences.py``: mentions, people, event status per word via ``status.py``
and ``morph.py``) -> meetings (``segment.py``: triggers, kinds, one segment per meeting)
-> roles (``roles.py``: participants and co-chairs) -> fields (``fields.py``: date,
number, format, city, areas, signing).
"""

from __future__ import annotations

from ..model import Meeting
from .dateline import dateline_date
from .fields import _fill
from .roles import called_everywhere, delegation_heads, session_heads
from .segment import segment
from .sentences import sentences


def build_meetings(text: str, lang: str, published: str | None) -> list[Meeting]:
    """The meetings an article's text reports."""
    sents = sentences(text, lang, published)
    if published is None:  # a dateline gives the publication date ("today", "on Friday")
        published = dateline_date(sents)
        if published is not None:
            for s in sents:
                s.redate(published)
    segs = segment(sents, lang, published)
    out: list[Meeting] = []
    called: set[str] = set()
    heads = delegation_heads(sents, lang)
    for seg in segs:
        out.append(_fill(seg, lang, sents, published, out, called))
        session_heads(out[-1], seg.trigger.i, heads)
    called_everywhere(out, called)
    return out
