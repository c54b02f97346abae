"""The ontology is the single source of truth: every ``tmru:`` term the code or a canned query uses is
declared in ``ontology/`` (a term written only in code is a defect), and the closed ``TMRU`` namespace
names only declared terms."""

from __future__ import annotations

import re
from pathlib import Path

from kg.namespaces import TMRU
from kg.ontology import ontology_dir
from kg.queries import QUERIES
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parents[1]
NS = PREFIXES["tmru"]
#: how the code names a term: ``T + "x"``, ``TMRU.x``, ``tmru:x`` (SPARQL, Turtle), ``PREFIXES["tmru"] + "x"``
USE = re.compile(r'(?:\bT \+ "|TMRU\.|\btmru:|PREFIXES\["tmru"\] \+ ")([A-Za-z]\w*)')


def _declared() -> set[str]:
    from rdflib import Graph

    g = Graph()
    for path in sorted(ontology_dir().rglob("*.ttl")):
        g.parse(path)
    return {str(s)[len(NS) :] for s in g.subjects() if str(s).startswith(NS)}


def test_every_term_used_is_declared():
    used: dict[str, set[str]] = {}
    for path in [*(ROOT / "kg").rglob("*.py"), *QUERIES.glob("*.rq")]:
        for m in USE.finditer(path.read_text(encoding="utf-8")):
            used.setdefault(m[1], set()).add(path.name)
    assert len(used) > 40  # the pattern still finds the code's terms
    missing = {t: sorted(files) for t, files in used.items() if t not in _declared()}
    assert missing == {}


def test_closed_namespace_names_declared_terms():
    assert set(TMRU.__annotations__) <= _declared()
