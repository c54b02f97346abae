"""Interactive HTML explorer (``graph.html``): one self-contained, offline file.

What goes into the file
    * vis-timeline 8.5.4 (standalone UMD build and CSS from the npm package, vendored in
      ``assets/vendor/`` with its licence; see ``assets/vendor/VERSIONS``);
    * vis-network 9.1.2 and its CSS, inlined from the copy that ships inside the
      ``pyvis`` package (``pyvis/lib/vis-9.1.2``), found without importing pyvis;
      the vis-network ``options`` (physics, smoothing) are pyvis's ``Network``
      options written out (``VIS_OPTIONS``).  pyvis's own HTML template is *not* used: it loads Bootstrap from a
      CDN, inserts ``heading`` raw and switches every popup to ``innerHTML`` as
      soon as one title contains ``href``.
    * our template, CSS and script (``kg/export/assets/explorer.*``), which render
      every string with ``textContent`` / plain-text vis tooltips, never
      ``innerHTML``;
    * the graph as JSON in ``<script type="application/json">`` with ``<``, ``>``
      and ``&`` written as ``\\u003c`` etc. and every ``://`` as ``:\\/\\/``, so
      neither markup nor a ``http://`` / ``https://`` string appears anywhere in
      the file (node ids are short paths like ``person/rashid-meredov``, source
      URLs are shown without their scheme).

Data comes only from a few SPARQL SELECT queries on ``source`` (an rdflib
``Graph`` or any store with ``query(sparql)`` returning rows indexable by
variable name), so the caller may pass the Oxigraph store unchanged.

Views: a timeline (meetings per kind, co-chair tenures per side), a graph that starts from
one focus and grows on click, and overview charts; all share the filters and the details
panel. Every control text comes from ``assets/i18n.json`` in the ``--lang`` language, and
every node carries a folded search key built from all its labels in every language
(``kg.extract.normalize.fold``), so a search in any script finds it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import importlib.util
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ExportError, KGError, printable
from ..store.terms import SPARQL_PREFIXES, expand, values
from ..store.terms import iri as named
from ..vocab import BASE
from . import atomic_write, read_head, read_stamped_lines, write_stamped

ASSETS = Path(__file__).with_name("assets")
VENDOR = ASSETS / "vendor"
TIMELINE = "vis-timeline 8.5.4"  # the vendored build, see assets/vendor/VERSIONS
MAX_EVIDENCE = 3  # evidence sentences kept per meeting, property and target
MAX_MEETING_EVIDENCE = 24  # and per meeting (the details list every source anyway)
MAX_CONFLICT_SOURCES = 3  # sources shown per conflicting value, then "+N"

T, ORG, SCHEMA = BASE + "ontology#", "http://www.w3.org/ns/org#", "https://schema.org/"
SKOS, RDFS = "http://www.w3.org/2004/02/skos/core#", "http://www.w3.org/2000/01/rdf-schema#"
PROV, DCT = "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/"
PREFIXES = SPARQL_PREFIXES  # the project's one prefix table (kg.vocab)

# class key -> (colour, vis shape, legend glyph, size)
CLASSES: dict[str, tuple[str, str, str, int]] = {
    "Meeting": ("#e45756", "diamond", "\u25c6", 16),
    "Person": ("#4c78a8", "dot", "\u25cf", 12),
    "Country": ("#54a24b", "star", "\u2605", 26),
    "City": ("#b279a2", "square", "\u25a0", 12),
    "Commission": ("#f58518", "hexagon", "\u2b22", 22),
    "CooperationArea": ("#72b7b2", "triangle", "\u25b2", 12),
    "Agreement": ("#9d755d", "triangleDown", "\u25bc", 10),
}
# meeting property -> relation key shown on the edge
EDGE_PROPS = {
    "city": "city",
    "area": "area",
    "commission": "commission",
    "signed": "signed",
    "participant": "participant",
}
REL_PROPS = {
    "city": T + "city",
    "area": T + "area",
    "commission": T + "commission",
    "signed": T + "signed",
    "participant": T + "participant",
    "cochair": T + "cochair",
    "forCountry": T + "forCountry",
}

MEETING_PROPS = (
    "schema:startDate tmru:kind tmru:format tmru:sessionNumber tmru:agreementsSigned tmru:city "
    "tmru:area tmru:commission tmru:signed tmru:participant prov:wasDerivedFrom"
).split()
# one UNION branch per property: several times faster on rdflib than VALUES or FILTER
Q_MEETINGS = (
    PREFIXES
    + "SELECT ?m ?p ?o WHERE {\n"
    + "\n  UNION ".join(f"{{ ?m {p} ?o . BIND({p} AS ?p) }}" for p in MEETING_PROPS)
    + "\n}"
)
Q_MEETING_IRIS = PREFIXES + "SELECT ?m WHERE { ?m a tmru:Meeting }"
Q_ROLES = (
    PREFIXES
    + """SELECT ?m ?r ?person ?cochair WHERE {
  { ?m tmru:cochair ?r . ?r org:member ?person . BIND(true AS ?cochair) }
  UNION { ?m tmru:participation ?r . ?r tmru:person ?person . BIND(false AS ?cochair) }
}"""
)
# a role's side and posts (a co-chairship is shared by many meetings: kept apart from them, see RowCache)
ROLE_PROPS = (T + "forCountry", T + "post")
Q_ROLE_ATTRS = (
    PREFIXES
    + "SELECT ?r ?p ?o WHERE { { ?r tmru:forCountry ?o . BIND(tmru:forCountry AS ?p) }"
    + " UNION { ?r tmru:post ?o . BIND(tmru:post AS ?p) } }"
)
Q_PERSON_COUNTRY = PREFIXES + "SELECT ?p ?country WHERE { ?p a tmru:Person ; tmru:forCountry ?country }"
# one sub-SELECT per property: joined by hash (one scan each), not looked up evidence by evidence
Q_EVIDENCE = (
    PREFIXES
    + """SELECT ?m ?prop ?val ?sentence ?doc WHERE {
  { SELECT ?m ?e WHERE { ?m tmru:evidence ?e } }
  { SELECT ?e ?prop WHERE { ?e tmru:property ?prop } }
  { SELECT ?e ?sentence WHERE { ?e tmru:sentence ?sentence } }
  { SELECT ?e ?doc WHERE { ?e prov:wasQuotedFrom ?doc } }
  OPTIONAL { SELECT ?e ?val WHERE { ?e rdf:value ?val } }
}"""
)
Q_DOCS = (
    PREFIXES
    + """SELECT ?d ?url ?title ?issued WHERE {
  ?d a tmru:Document .
  OPTIONAL { ?d schema:url ?url } OPTIONAL { ?d dcterms:title ?title } OPTIONAL { ?d dcterms:issued ?issued }
}"""
)
Q_LABELS = (
    PREFIXES
    + """SELECT ?s ?p ?l WHERE {
  VALUES ?p { skos:prefLabel rdfs:label skos:altLabel }
  ?s ?p ?l .
}"""
)
Q_TENURES = (
    PREFIXES
    + """PREFIX time: <http://www.w3.org/2006/time#>
SELECT ?c ?person ?country ?b ?e WHERE {
  ?c a tmru:CoChair ; org:member ?person ; tmru:forCountry ?country .
  OPTIONAL { ?c org:memberDuring ?i . ?i time:hasBeginning/time:inXSDDate ?b ; time:hasEnd/time:inXSDDate ?e }
}"""
)
Q_TYPES = (
    PREFIXES
    + """SELECT ?s ?t WHERE {
  VALUES ?t { tmru:Person tmru:Country tmru:City tmru:Commission tmru:CooperationArea tmru:Agreement }
  ?s a ?t .
}"""
)


# ---------------------------------------------------------------- querying


def _rows(source: Any, query: str, names: str) -> Iterator[list[Any]]:
    """Run ``query`` and yield, per row, the values of ``names`` (space separated) as plain terms (from an
    embedded store straight from pyoxigraph's answer, without a table in between)."""
    keys = names.split()
    results = getattr(getattr(source, "backend", None), "results", None)
    try:
        if callable(results):
            answer = results(query)
            order = [v.value for v in answer.variables]
            if order == keys:  # (a solution as a tuple is its terms in the order of the variables)
                yield from map(list, answer)
            else:
                for sol in answer:
                    yield [sol[k] for k in keys]
            return
        result = source.query(query)
    except KGError:
        raise
    except Exception as exc:  # noqa: BLE001 - any store failure becomes one export error
        raise ExportError(f"graph.html: query failed ({type(exc).__name__}: {exc})") from exc
    for row in result:
        out = []
        for k in keys:
            try:
                out.append(row.get(k) if isinstance(row, dict) else row[k])
            except (KeyError, IndexError, TypeError):
                out.append(None)
        yield out


def _s(term: Any) -> str | None:
    """The lexical value of an rdflib or pyoxigraph term."""
    if term is None:
        return None
    return str(term) if isinstance(term, str) else str(getattr(term, "value", term))


def _lang(term: Any) -> str:
    return getattr(term, "language", None) or ""


def short_id(iri: str) -> str:
    """``https://w3id.org/tmru/id/person/x`` -> ``person/x``; other IRIs lose their scheme."""
    for base in (BASE + "id/", BASE):
        if iri.startswith(base):
            return iri[len(base) :]
    return re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", iri)


@functools.lru_cache(maxsize=1 << 16)
def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


class _Labels:
    """Label per resource and language: skos:prefLabel, then rdfs:label, then skos:altLabel;
    within each, the wanted language, then English, then any (the smallest, for determinism)."""

    ORDER = (SKOS + "prefLabel", RDFS + "label", SKOS + "altLabel")

    def __init__(self, source: Any, lang: str) -> None:
        self.lang = lang
        self._got: dict[tuple[str, str | None], str] = {}
        self.by: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
        for s, p, label in _rows(source, Q_LABELS, "s p l"):
            self.by[_s(s)][_s(p)][_lang(label).lower()].add(_s(label))

    def every(self, iri: str) -> set[str]:
        """Every label of ``iri`` in every language (for the search keys)."""
        return {x for langs in self.by.get(iri, {}).values() for xs in langs.values() for x in xs}

    def get(self, iri: str, default: str | None = None) -> str:
        key = (iri, default)
        if key not in self._got:  # (asked for the same neighbours over and over)
            self._got[key] = self._get(iri, default)
        return self._got[key]

    def _get(self, iri: str, default: str | None) -> str:
        props = self.by.get(iri)
        if props:
            for p in self.ORDER:
                langs = props.get(p)
                if not langs:
                    continue
                for lg in (self.lang, "en"):
                    if langs.get(lg):
                        return min(langs[lg])
                return min(min(v) for v in langs.values())
        if default is not None:
            return default
        return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", _local(iri)).replace("-", " ").lower()


# ---------------------------------------------------------------- data


def ui_strings(lang: str) -> dict[str, Any]:
    """The explorer's control texts in ``lang`` (English for a missing language or key)."""
    table = json.loads((ASSETS / "i18n.json").read_text(encoding="utf-8"))
    return {**table["en"], **table.get(lang, {})}


def fold_table() -> dict[str, str]:
    """The character map of ``kg.extract.normalize.fold`` (Cyrillic and Turkic letters), for the page's
    own fold of what is typed in the search box."""
    from ..extract.normalize import _TABLE

    return {chr(k): v for k, v in sorted(_TABLE.items())}


#: search keys computed so far (``search_key``), kept with the explorer's rows (``RowCache``)
_SEARCH_KEYS: dict[str, str] = {}
_SEARCH_MAX = 1 << 17


def search_key(text: str) -> str:
    """``fold`` (script, accents, w/v, y/i, doubled letters), then ``ch/sh/zh`` -> ``c/s/z`` so
    that ``overcuk``, ``Overçuk``, ``Overchuk`` and ``Оверчук`` all give ``overcuk``."""
    key = _SEARCH_KEYS.get(text)
    if key is None:
        from ..extract.normalize import fold

        if len(_SEARCH_KEYS) >= _SEARCH_MAX:
            _SEARCH_KEYS.clear()
        key = _SEARCH_KEYS[text] = re.sub(r"([csz])h", r"\1", fold(text))
    return key


def _search_version() -> bytes:
    """What search keys depend on besides the text: the fold's module (its tables, patterns and code), this
    function's code and the Unicode database (the compiled code where no source is installed)."""
    import inspect
    import marshal
    import unicodedata

    from ..extract import normalize

    try:
        code = (inspect.getsource(normalize) + inspect.getsource(search_key)).encode()
    except (OSError, TypeError):
        code = b"".join(marshal.dumps(c) for c in (normalize.fold.__wrapped__.__code__, search_key.__code__))
    return code + unicodedata.unidata_version.encode()


def _ordinal(n: Any, lang: str) -> str:
    if lang != "en" or not isinstance(n, int):
        return str(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _fill(template: str, **values: Any) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def _surname(label: str) -> str:
    return label.split()[-1] if label.split() else label


# the per-meeting queries bound to some meetings (a lookup per meeting, where the queries above join scans)
Q_MEETINGS_OF = PREFIXES + "SELECT ?m ?p ?o WHERE { {bound} ?m ?p ?o }"
Q_ROLES_OF = Q_ROLES.replace("WHERE {\n", "WHERE {\n  {bound}\n", 1)
Q_EVIDENCE_OF = (
    PREFIXES
    + """SELECT ?m ?prop ?val ?sentence ?doc WHERE { {bound}
  ?m tmru:evidence ?e . ?e tmru:property ?prop ; tmru:sentence ?sentence ; prov:wasQuotedFrom ?doc .
  OPTIONAL { ?e rdf:value ?val }
}"""
)
_MEETING_PROP_IRIS = set(map(expand, MEETING_PROPS))
_FOR_COUNTRY = T + "forCountry"
_PERSON_NS, _MEETING_NS, _DOC_NS = BASE + "id/person/", BASE + "id/meeting/", BASE + "doc/"
Q_DOCS_OF = Q_DOCS.replace("WHERE {\n", "WHERE {\n  {bound}\n", 1)
Q_ROLE_ATTRS_OF = "SELECT ?r ?p ?o WHERE { {bound} ?r ?p ?o }"


def _chunks(iris: list[str], n: int = 500) -> Iterator[list[str]]:
    return (iris[i : i + n] for i in range(0, len(iris), n))


_COLUMNS = ("m p o", "m r person cochair", "m prop val sentence doc")
_DOC_COLUMNS = "d url title issued"
_SEARCH_LINE = b"search"  # the line of a ``RowCache`` file that holds search keys (``search_key``)
#: the queries whose rows a ``RowCache`` keeps
_CACHED = ("meetings", "roles", "evidence", "conflicts", "role_attrs", "docs")
_PER_MEETING = tuple(zip(("meetings", "roles", "evidence"), (Q_MEETINGS, Q_ROLES, Q_EVIDENCE), _COLUMNS, strict=True))
_PER_MEETING_OF = tuple(
    zip(("meetings", "roles", "evidence"), (Q_MEETINGS_OF, Q_ROLES_OF, Q_EVIDENCE_OF), _COLUMNS, strict=True)
)
#: what a cache's rows depend on besides the store (the queries that read them)
CACHE_KEY = hashlib.sha256(
    "\x1f".join([Q_MEETINGS, Q_ROLES, Q_ROLE_ATTRS, Q_EVIDENCE, Q_EVIDENCE_OF, Q_ROLES_OF, Q_DOCS, "rows-5"]).encode()
    + _search_version()
).hexdigest()[:16]


@dataclass(slots=True)
class RowCache:
    """The rows of the explorer's per-meeting queries (meeting properties, roles, evidence, conflicts), as
    lexical values by meeting, and of its per-document query (URL, title, date); ``dirty``: the nodes written
    since they were read (meetings and documents among them are read again; None: read everything).  Kept
    beside the exports (``OUT/.kg-html.json``), so that the explorer of a store with one new article queries
    only the meetings that article touched."""

    dirty: set[str] | None = None
    rows: dict[str, dict[str, list[list[Any]]]] = field(default_factory=dict)
    #: (name, key) -> the list read, its length then, and its JSON text (written again as it was while unchanged)
    read_as: dict[tuple[str, str], tuple[list, int, bytes]] = field(default_factory=dict)

    def each(self, name: str) -> Iterator[list[Any]]:
        """The rows of query ``name`` by key (meeting, role or document), each row led by its key."""
        for m in sorted(self.rows.get(name, {})):
            for row in self.rows[name][m]:
                yield [m, *row]

    def refresh(self, source: Any) -> None:
        """Bring the rows up to date with ``source``: all of them read when ``dirty`` is None, else only
        those of the meetings and documents in ``dirty``, the sides and posts of the roles in ``dirty`` or of
        those meetings (a co-chairship shared by many meetings is one role: an article about one meeting may
        change them) and the sides of the people in ``dirty``."""
        if self.dirty is None or any(n not in self.rows for n in _CACHED):
            self.rows = {n: {} for n in _CACHED}
            for n, q, cols in (*_PER_MEETING, ("role_attrs", Q_ROLE_ATTRS, "r p o"), ("docs", Q_DOCS, _DOC_COLUMNS)):
                self._load(n, source, q, cols)
            self._conflicts(source, None, None)
        else:
            todo = sorted(n for n in self.dirty if n.startswith(_MEETING_NS))  # (rows are by meeting)
            people = {n for n in self.dirty if n.startswith(_PERSON_NS)}  # (a person is a subject where named)
            for n, q, cols in _PER_MEETING_OF:
                self._load(
                    n, source, q, cols, todo, keep=(lambda v: v[1] in _MEETING_PROP_IRIS) if n == "meetings" else None
                )
            roles = self.dirty | {r for m in todo for r, *_ in self.rows["roles"].get(m, ())}
            self._load("role_attrs", source, Q_ROLE_ATTRS_OF, "r p o", sorted(roles), "r", lambda v: v[1] in ROLE_PROPS)
            self._conflicts(source, todo, people)
            docs = sorted(n for n in self.dirty if n.startswith(_DOC_NS))
            self._load("docs", source, Q_DOCS_OF, _DOC_COLUMNS, docs, "d")
        self.dirty = set()

    def _load(
        self,
        name: str,
        source: Any,
        query: str,
        cols: str,
        keys: list[str] | None = None,
        var: str = "m",
        keep: Callable[[list[Any]], bool] | None = None,
    ) -> None:
        """The rows of ``query`` (columns ``cols``) into ``name``, by their first column: all of them, or with
        ``keys`` those of these keys (their old rows dropped; ``{bound}`` in ``query`` becomes a ``VALUES ?var``
        of them); ``keep``: which rows (as lexical values) to keep."""
        into = self.rows[name]
        for k in keys or ():
            into.pop(k, None)
        bound = [values(var, map(named, chunk)) for chunk in _chunks(keys)] if keys is not None else [""]
        for b in bound:
            for row in _rows(source, query.replace("{bound}", b), cols):
                row = [_s(x) for x in row]
                if keep is None or keep(row):
                    into.setdefault(row[0], []).append(row[1:])

    def _conflicts(self, source: Any, meetings: list[str] | None, people: set[str] | None) -> None:
        """The conflicts of ``meetings`` and the sides of ``people`` (None: of every meeting, of every person),
        from ``Store.conflicts``."""
        rows = self.rows.setdefault("conflicts", {})
        for m in meetings or ():
            rows.pop(m, None)
        for m in [m for m, r in rows.items() if r and r[0][0] == _FOR_COUNTRY and (people is None or m in people)]:
            rows.pop(m)  # (people's sides: read again for the people written)
        if not callable(getattr(source, "conflicts", None)):
            return
        try:
            found = source.conflicts(meetings, people)
        except KGError:
            raise
        except Exception as exc:  # noqa: BLE001 - any store failure becomes one export error
            raise ExportError(f"graph.html: conflicts query failed ({type(exc).__name__}: {exc})") from exc
        for c in found:
            rows.setdefault(c.meeting, []).append([c.property, [[v, list(s)] for v, s in c.values]])

    def write(self, path: Path, stamp: str | None) -> None:
        """Keep the rows at ``path`` as read at content ``stamp``: a line per query and key (name, key and rows,
        tab-separated; the rows as JSON), those unchanged since read written again as they were read."""
        enc = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode

        def body(fh: Any) -> None:  # key by key (the whole text at once would double the memory)
            for name, by_key in sorted(self.rows.items()):
                for key, rows in sorted(by_key.items()):
                    was = self.read_as.get((name, key))
                    text = was[2] if was is not None and was[0] is rows and was[1] == len(rows) else None
                    fh.write(b"%s\t%s\t%s\n" % (name.encode(), enc(key).encode(), text or enc(rows).encode()))
            keys = dict(sorted(_SEARCH_KEYS.items()))  # (folding is slow)
            fh.write(b'%s\t""\t%s\n' % (_SEARCH_LINE, enc(keys).encode()))

        write_stamped(path, {"stamp": stamp, "key": CACHE_KEY}, body)

    @staticmethod
    def stamp_of(path: Path) -> str | None:
        """The content stamp the rows at ``path`` were read at (None: no usable cache there)."""
        head = read_head(path)
        return head.get("stamp") if head is not None and head.get("key") == CACHE_KEY else None

    @classmethod
    def read(cls, path: Path, stamp: str, dirty: set[str]) -> RowCache | None:
        """The rows at ``path`` when read at ``stamp``, to be refreshed for the ``dirty`` nodes."""
        got = read_stamped_lines(path, stamp=stamp, key=CACHE_KEY)
        if got is None:
            return None
        out = cls(set(dirty), {n: {} for n in _CACHED})  # (a query without rows has no line)
        try:
            parts = [line.split(b"\t", 2) for line in got[1]]
            keys = json.loads(b"[%s]" % b",".join(k for _, k, _ in parts))  # (one parse: 2x faster than one a line)
            values = json.loads(b"[%s]" % b",".join(t for _, _, t in parts))
            for (name, _, text), k, rows in zip(parts, keys, values, strict=True):
                if not isinstance(rows, list if name != _SEARCH_LINE else dict) or not isinstance(k, str):
                    return None
                if name == _SEARCH_LINE:
                    if len(_SEARCH_KEYS) + len(rows) < _SEARCH_MAX:
                        _SEARCH_KEYS.update((t, k) for t, k in rows.items() if isinstance(k, str))
                    continue
                out.rows.setdefault(name.decode(), {})[k] = rows
                out.read_as[name.decode(), k] = (rows, len(rows), text)
        except (ValueError, TypeError):
            return None
        return out


def collect(source: Any, lang: str = "en", cache: RowCache | None = None) -> dict[str, Any]:
    """Query ``source`` and return the explorer's data (nodes, edges, evidence, sources, labels,
    co-chair tenures, conflicts, the control texts).  ``cache``: the per-meeting rows of an earlier
    content and the meetings changed since (``RowCache``); it is brought up to date."""
    cache = cache if cache is not None else RowCache()
    cache.refresh(source)
    labels = _Labels(source, lang)
    types: dict[str, str] = {}
    for s, t in _rows(source, Q_TYPES, "s t"):
        types.setdefault(_s(s), _local(_s(t)))
    meetings: dict[str, dict[str, Any]] = {_s(m): {"docs": set()} for (m,) in _rows(source, Q_MEETING_IRIS, "m")}
    edges: set[tuple[str, str, str]] = set()
    for m, p, o in ((m, p, o) for m, rows in cache.rows.get("meetings", {}).items() for p, o in rows):
        p = _local(p)  # (meeting by meeting in any order: what a meeting's rows give does not depend on it)
        rec = meetings.get(m)
        if rec is None:
            continue
        if p in EDGE_PROPS:
            edges.add((m, o, EDGE_PROPS[p]))
        elif p == "wasDerivedFrom":
            rec["docs"].add(o)
        elif p == "startDate":
            rec["date"] = min(rec.get("date", o), o)
        elif p in ("kind", "format"):
            rec[p] = min(rec.get(p, _local(o)), _local(o))
        elif p == "sessionNumber":
            rec["n"] = int(o) if o.isdigit() else o
        elif p == "agreementsSigned":
            rec["signed"] = rec.get("signed", False) or o in ("true", "1")
    posts: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    role_person: dict[str, str] = {}
    role_meetings: dict[str, set[str]] = defaultdict(set)
    attrs = cache.rows.get("role_attrs", {})
    for m, r, person, cochair in cache.each("roles"):
        role_person[r] = person
        if m in meetings:
            if _s(cochair) in ("true", "1"):
                edges.discard((m, person, "participant"))
                edges.add((m, person, "cochair"))
                role_meetings[r].add(m)
            elif (m, person, "cochair") not in edges:
                edges.add((m, person, "participant"))
        for p, o in attrs.get(r, ()):
            (countries if p == ROLE_PROPS[0] else posts)[person].add(o)
    for person, country in _rows(source, Q_PERSON_COUNTRY, "p country"):
        countries[_s(person)].add(_s(country))
    people = {o for _, o, rel in edges if rel in ("participant", "cochair")}
    for person, cs in countries.items():
        for c in cs if person in people else ():
            edges.add((person, c, "forCountry"))
    docs: dict[str, dict[str, Any]] = {}
    for d, url, title, issued in cache.each("docs"):  # (the least of several values: rows come in any order)
        rec = docs.setdefault(d, {})
        for k, v in (("url", url), ("title", title), ("issued", issued)):
            if v is not None:
                rec[k] = min(rec.get(k, v), v)
    evidence: dict[str, list[tuple[str, str, str, str]]] = {}
    person_of = role_person.get
    for m, rows in cache.rows.get("evidence", {}).items():  # (sorted by _assemble: any order will do)
        evidence[m] = [  # (no value: "\0", apart from an empty one, first in the order)
            (_local(prop), "\0" if val is None else person_of(val, val), doc, sentence)
            for prop, val, sentence, doc in rows
        ]
    tenures = _tenures(source, meetings, role_meetings)
    conflicts = _conflicts(source, labels, cache)
    return _assemble(labels, types, meetings, edges, posts, docs, evidence, tenures, conflicts, countries, lang)


def _tenures(
    source: Any, meetings: dict[str, dict[str, Any]], role_meetings: dict[str, set[str]]
) -> list[tuple[str, str, str, str]]:
    """(person, country, begin, end) per co-chairship: its stored OWL-Time interval, or else the
    first and last dates of the meetings that show it."""
    out = set()
    for c, person, country, b, e in _rows(source, Q_TENURES, "c person country b e"):
        b, e = _s(b), _s(e)
        if not (b and e):
            dates = [meetings[m]["date"] for m in role_meetings.get(_s(c), ()) if meetings[m].get("date")]
            if not dates:
                continue
            b, e = min(dates), max(dates)
        out.add((_s(person), _s(country), b[:10], e[:10]))
    return sorted(out)


def _conflicts(source: Any, labels: _Labels, cache: RowCache) -> dict[str, list[list[Any]]]:
    """Per meeting, the properties on which sources disagree (``Store.conflicts``): property label,
    then each value (labelled) with its sources (URL, file name or document IRI, as the store gives
    them; ``_assemble`` turns them into document numbers). Empty for plain graphs."""
    out: dict[str, list[list[Any]]] = defaultdict(list)
    for m, prop, vals in cache.each("conflicts"):
        values = []
        for v, srcs in vals:
            values.append([labels.get(v) if re.match(r"[a-z]+://", v) else v, list(srcs)])
        out[m].append([labels.get(prop), values])
    return dict(out)


def _meeting_label(
    m: dict[str, Any],
    names: list[str],
    city: str | None,
    date: str | None,
    kind_label: str,
    ui: dict[str, Any],
    lang: str,
) -> str:
    """ "12th session, Moscow, 2022-12-07"; "Meredov–Lavrov talks, 2025-08-28"."""
    kind = m.get("kind", "other")
    if kind == "commission-session" and "n" in m:
        first = _fill(ui["label.session"], ord=_ordinal(m["n"], lang), n=m["n"])
        parts = [first, city]
    elif names:
        parts = [_fill(ui.get(f"label.names.{kind}", ui["label.names.other"]), names="\u2013".join(names))]
    else:
        parts = [kind_label, city]
    parts.append(date)
    return ", ".join(p for p in parts if p)


def _assemble(
    labels: _Labels,
    types: dict[str, str],
    meetings: dict[str, dict[str, Any]],
    edges: set[tuple[str, str, str]],
    posts: dict[str, set[str]],
    docs: dict[str, dict[str, Any]],
    evidence: dict[str, list[tuple[str, str, str, str]]],
    tenures: list[tuple[str, str, str, str]],
    conflicts: dict[str, list[list[Any]]],
    countries: dict[str, set[str]],
    lang: str,
) -> dict[str, Any]:
    """Number nodes, sentences and documents; keep at most MAX_EVIDENCE sentences per fact."""
    ui = ui_strings(lang)
    classes = list(CLASSES)
    iris = sorted(set(meetings) | {s for s, _, _ in edges} | {o for _, o, _ in edges})
    ids: dict[str, str] = {}
    used: set[str] = set()
    for iri in iris:
        sid = short_id(iri)
        while sid in used:
            sid += "~"
        ids[iri] = sid
        used.add(sid)
    index = {iri: i for i, iri in enumerate(iris)}
    kinds = {T + k: k for k in {m.get("kind") for m in meetings.values()} if k}
    formats = {T + f: f for f in {m.get("format") for m in meetings.values()} if f}
    doc_list = sorted(
        {d for m in meetings.values() for d in m["docs"]} | {e[2] for ev in evidence.values() for e in ev}
    )
    doc_index = {d: i for i, d in enumerate(doc_list)}
    doc_by_src = {
        **{d: i for d, i in doc_index.items()},
        **{docs[d]["url"]: i for d, i in doc_index.items() if docs.get(d, {}).get("url")},
    }
    sentences: dict[str, int] = {}
    rel_class = {
        "city": "City",
        "area": "CooperationArea",
        "commission": "Commission",
        "signed": "Agreement",
        "participant": "Person",
        "cochair": "Person",
        "forCountry": "Country",
    }
    by_rel = {o: rel_class[rel] for _, o, rel in edges}
    out_edges: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, o, rel in edges:
        out_edges[s].append((o, rel))
    first_country = {p: min(cs) for p, cs in countries.items()}
    tm = BASE + "id/country/TM"
    nodes = []
    for iri in iris:
        cls = "Meeting" if iri in meetings else types.get(iri) or by_rel.get(iri, "Agreement")
        node: dict[str, Any] = {"id": ids[iri], "c": classes.index(cls)}
        keys = {search_key(x) for x in labels.every(iri)} | {search_key(ids[iri].rsplit("/", 1)[-1])}
        if cls == "Meeting":
            m = meetings[iri]
            kind = m.get("kind", "other")
            reported = min((docs.get(d, {}).get("issued") or "9999")[:10] for d in m["docs"]) if m["docs"] else None
            date = m.get("date")
            if not date and reported and reported != "9999":
                node["rd"] = reported
            heads = sorted(
                ((o for o, rel in out_edges[iri] if rel == "cochair")),
                key=lambda p: (first_country.get(p) != tm, first_country.get(p, "~"), labels.get(p)),
            )
            if not heads:
                heads = sorted(
                    (o for o, rel in out_edges[iri] if rel == "participant"),
                    key=lambda p: (first_country.get(p) != tm, first_country.get(p, "~"), labels.get(p)),
                )
            sides: dict[str, str] = {}
            for p in heads:  # one name per side
                sides.setdefault(first_country.get(p, p), p)
            names = [_surname(labels.get(p)) for p in list(sides.values())[:2]]
            city = next((labels.get(o) for o, rel in sorted(out_edges[iri]) if rel == "city"), None)
            label = _meeting_label(
                m,
                names,
                city,
                date or (f"\u2248{node['rd']}" if "rd" in node else None),
                labels.get(T + kind),
                ui,
                lang,
            )
            node.update(d=date, k=kind, l=label, src=sorted(doc_index[d] for d in m["docs"] if d in doc_index))
            if m.get("format"):
                node["fm"] = m["format"]
            if "n" in m:
                node["n"] = m["n"]
            node["s"] = bool(m.get("signed"))
            if iri in conflicts:  # sources as document numbers (or text), at most MAX_CONFLICT_SOURCES, then "+N"
                node["cf"] = [
                    [
                        prop,
                        [
                            [
                                v,
                                [doc_by_src[x] if x in doc_by_src else short_id(x) for x in srcs[:MAX_CONFLICT_SOURCES]]
                                + (
                                    [f"+{len(srcs) - MAX_CONFLICT_SOURCES}"] if len(srcs) > MAX_CONFLICT_SOURCES else []
                                ),
                            ]
                            for v, srcs in values
                        ],
                    ]
                    for prop, values in conflicts[iri]
                ]
            seen: dict[tuple[str, str], int] = defaultdict(int)
            ev = []
            # by property, target, document, then sentence: a total order (rows read in any order, from the
            # store or from a ``RowCache``, give the same page)
            for prop, target, doc, sentence in sorted(evidence.get(iri, ())):
                if seen[prop, target] >= MAX_EVIDENCE or len(ev) >= MAX_MEETING_EVIDENCE:
                    continue
                seen[prop, target] += 1
                si = sentences.setdefault(sentence, len(sentences))
                ev.append([prop, index.get(target, -1) if target else -1, si, doc_index.get(doc, -1)])
            node["ev"] = ev
            keys |= {search_key(label)}
        else:
            node["l"] = labels.get(iri)
            if cls == "Agreement":
                node["l"] = labels.get(T + "Agreement", "agreement")
            if posts.get(iri):
                node["posts"] = sorted(posts[iri])[:6]
                keys |= {search_key(x) for x in node["posts"]}
        node["q"] = " ".join(sorted(k for k in keys if k))
        nodes.append(node)
    rel_keys = list(REL_PROPS)
    agreement = classes.index("Agreement")
    for s, o, rel in sorted(edges):  # agreements are named after their meeting
        if rel == "signed" and nodes[index[o]]["c"] == agreement and nodes[index[s]].get("d"):
            nodes[index[o]]["l"] += " " + nodes[index[s]]["d"]
    return {
        "lang": lang,
        "ui": ui,
        "fold": fold_table(),
        "classes": [
            {"key": k, "label": labels.get(T + k, k), "color": c[0], "shape": c[1], "glyph": c[2], "size": c[3]}
            for k, c in CLASSES.items()
        ],
        "kinds": {k: labels.get(iri) for iri, k in sorted(kinds.items(), key=lambda x: x[1])},
        "formats": {f: labels.get(iri) for iri, f in sorted(formats.items(), key=lambda x: x[1])},
        "rels": {k: labels.get(iri) for k, iri in REL_PROPS.items()},
        "props": {
            _local(iri): labels.get(iri)
            for iri in [
                SCHEMA + "startDate",
                *(
                    T + p
                    for p in (
                        "sessionNumber",
                        "format",
                        "kind",
                        "agreementsSigned",
                        "city",
                        "area",
                        "cochair",
                        "participation",
                    )
                ),
            ]
        },
        "nodes": nodes,
        "edges": sorted([index[s], index[o], rel_keys.index(rel)] for s, o, rel in edges),
        "relKeys": rel_keys,
        "tenures": [[index[p], index[c], b, e] for p, c, b, e in tenures if p in index and c in index],
        "docs": [
            [docs.get(d, {}).get("url"), docs.get(d, {}).get("title"), docs.get(d, {}).get("issued"), short_id(d)]
            for d in doc_list
        ],
        "sents": list(sentences),
    }


#: vis-network options (what pyvis's ``Network`` gives for ``force_atlas_2based(gravity=-60, spring_length=140,
#: damping=0.6)`` and ``set_edge_smooth("continuous")``, then adjusted), written out so that the HTML step
#: does not import pyvis and networkx (1.2 s) for a dict; ``tests/export/test_html.py`` checks it against pyvis
VIS_OPTIONS: dict[str, Any] = {
    "configure": {"enabled": False},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#9aa5b1", "inherit": False},
        "font": {"align": "middle", "color": "#555", "size": 9, "strokeWidth": 2},
        "smooth": {"enabled": True, "type": "continuous"},
    },
    "interaction": {
        "dragNodes": True,
        "hideEdgesOnDrag": False,
        "hideNodesOnDrag": False,
        "hover": True,
        "keyboard": False,
        "navigationButtons": False,
        "tooltipDelay": 150,
    },
    "layout": {"improvedLayout": False, "randomSeed": 7},
    "nodes": {"borderWidth": 1, "font": {"face": "sans-serif", "size": 13}},
    "physics": {
        "enabled": True,
        "forceAtlas2Based": {
            "avoidOverlap": 0,
            "centralGravity": 0.01,
            "damping": 0.6,
            "gravitationalConstant": -60,
            "springConstant": 0.08,
            "springLength": 140,
        },
        "solver": "forceAtlas2Based",
        "stabilization": {
            "enabled": True,
            "fit": True,
            "iterations": 200,
            "onlyDynamicEdges": False,
            "updateInterval": 50,
        },
    },
}


def vis_options() -> dict[str, Any]:
    """vis-network options (a copy of ``VIS_OPTIONS``): physics settles the few nodes around the focus, then stops."""
    return json.loads(json.dumps(VIS_OPTIONS))


def _script_json(obj: Any) -> str:
    """JSON safe inside ``<script type="application/json">`` and free of ``scheme://``."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    s = s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return s.replace("://", ":\\/\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@functools.cache
def _vis_assets() -> tuple[str, str, str, str]:
    """vis-network (pyvis's bundled copy) and vis-timeline (vendored) JS and CSS, made safe to inline:
    ``scheme://`` becomes ``scheme:\\/\\/`` (the same string in JS) and ``</`` cannot close the tag."""
    spec = importlib.util.find_spec("pyvis")  # its folder, without importing it (pyvis imports networkx)
    if spec is None or not spec.submodule_search_locations:
        raise ExportError("graph.html: the pyvis package (which ships vis-network) is not installed")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    tl_js = (VENDOR / "vis-timeline-graph2d.min.js").read_text(encoding="utf-8")
    tl_css = (VENDOR / "vis-timeline-graph2d.min.css").read_text(encoding="utf-8")
    return _neutral_js(js), _neutral_css(css), _neutral_js(tl_js), _neutral_css(tl_css)


def _neutral_css(css: str) -> str:
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)  # no source map to look for
    css = re.sub(r"(?i)(https?):\/\/", r"\1:\\/\\/", css)
    return re.sub(r"(?i)</(style)", r"<\\/\1", css)


def _neutral_js(js: str) -> str:
    """Same program, but no ``scheme://`` and no ``<script`` / ``</script`` / ``<!--`` text.
    Inside JS string literals and comments (the only places they occur) ``\\/`` is ``/`` and ``\\x3c`` is ``<``."""
    js = re.sub(r"(?m)^//# sourceMappingURL=\S*$", "", js)  # no source map to look for
    js = re.sub(r"(?i)(https?):\/\/", r"\1:\\/\\/", js)
    js = re.sub(r"""(?i)(["'])<(/?script)""", r"\1\\x3c\2", js)
    return re.sub(r"(?i)</(script)", r"<\\/\1", js).replace("<!--", "<\\!--")


def render(data: dict[str, Any], lang: str = "en") -> str:
    """The complete HTML document for ``data``."""
    vis_js, vis_css, tl_js, tl_css = _vis_assets()
    page = (ASSETS / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "LANG": re.sub(r"[^a-z-]", "", lang.lower()) or "en",
        "TITLE": html.escape(data.get("ui", ui_strings(lang))["title"]),
        "VIS_CSS": vis_css + "\n" + tl_css,
        "CSS": (ASSETS / "explorer.css").read_text(encoding="utf-8"),
        "TL_JS": tl_js,
        "VIS_JS": vis_js,
        "JS": _neutral_js((ASSETS / "explorer.js").read_text(encoding="utf-8")),
        "DATA": _script_json(data),
    }
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(parts[k].encode()).digest()).decode()}'"
        for k in ("TL_JS", "VIS_JS", "JS")
    )
    parts["CSP"] = (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    out = re.sub(r"/\*@(\w+)@\*/", lambda m: parts[m.group(1)], page)
    if re.search(r"(?i)https?://", out):
        raise ExportError("graph.html: a http(s):// reference slipped into the page")
    return out


def write_html(
    source: Any,
    path: str | Path,
    lang: str = "en",
    cache: str | Path | None = None,
    since: tuple[str, set[str]] | None = None,
    rows: RowCache | None = None,
) -> Path:
    """Write the explorer for ``source`` (rdflib Graph or store with ``query``) to ``path``, atomically.
    ``cache``: where the per-meeting rows are kept between builds (``RowCache``); ``since``: the content
    stamp they were read at and the nodes written since (only those meetings are read again); ``rows``:
    those rows already read (then ``since`` is not used)."""
    if rows is None and cache is not None and since is not None:
        rows = RowCache.read(Path(cache), *since)
    rows = rows or RowCache()
    data = collect(source, lang, rows)
    data["options"] = vis_options()
    doc = render(data, lang).encode("utf-8")
    out = atomic_write(path, lambda fh: fh.write(doc))
    stamp = source.stamp() if callable(getattr(source, "stamp", None)) else None
    if cache is not None and stamp is not None:
        rows.write(Path(cache), stamp)
    return out


def _early_rows(cache: str | None) -> tuple[str | None, RowCache | None]:
    """The content stamp and rows of the row cache at ``cache`` (None, None: none usable there)."""
    try:
        read_at = RowCache.stamp_of(Path(cache)) if cache is not None else None
        return read_at, RowCache.read(Path(cache), read_at, set()) if read_at is not None else None
    except Exception:  # noqa: BLE001 - a cache that cannot be read is read again from the store
        return None, None


def _child(path: str, lang: str, cache: str | None, conn: Any) -> None:
    """In a helper process: read the row cache (on a thread, so that the parent's word is taken at once), then
    follow the parent's word: ``("go", snapshot, since)`` writes ``write_html`` from the store snapshot at
    ``snapshot``, opened read-only; anything else ends."""
    from ..store import Store
    from ..store.local import LocalBackend
    from . import in_thread, settle

    try:
        reading = in_thread(lambda: _early_rows(cache))
        _vis_assets()  # (read while the parent extracts and ingests)
        try:
            word = conn.recv()
        except EOFError:  # the parent is gone
            return
        if word[0] != "go":
            return
        _, store, since = word
        read_at, early = reading()
        rows = None
        if early is not None and since is not None and since[0] == read_at:
            rows, early.dirty = early, set(since[1])
        del early, reading  # (the rows not used are freed)
        with Store(LocalBackend.view(store)) as source:
            done = write_html(source, path, lang, cache, since if rows is None else None, rows)
        settle()  # (the old cache file, when large, is removed on a thread)
        conn.send(("ok", str(done)))
        conn.close()
        os._exit(0)  # (everything is written: the parent need not wait while this process frees its rows)
    except KGError as exc:  # (ExportError, StoreError: the same error as written in the parent)
        conn.send(("kg", exc))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as one line
        conn.send(("error", printable(f"{type(exc).__name__}: {exc}")))


@dataclass(slots=True)
class HtmlHelper:
    """A helper process that writes ``graph.html`` from a snapshot of the embedded on-disk store, beside the
    RDF exports: started (``prepare_html``) before the articles are ingested, so that it reads the row cache
    meanwhile; ``start(since)`` once they are, ``stop()`` when the page need not be written."""

    source: Any
    path: Path
    proc: Any
    conn: Any

    def start(self, since: tuple[str, set[str]] | None = None) -> Callable[..., Path] | None:
        """Snapshot the store and let the helper write the page (``since``: as for ``write_html``); returns
        ``wait``: ``wait()`` gives the file written (an ``ExportError`` when the helper failed) and removes the
        snapshot, ``wait(cancel=True)`` stops the helper.  None when no snapshot can be made (then the helper
        is stopped: call ``write_html``)."""
        import shutil

        try:
            view = self.source.backend.snapshot()
        except KGError:  # (e.g. no room beside the store): written in process instead
            self.stop()
            return None
        try:
            self.conn.send(("go", str(view), since))
        except BaseException as exc:
            self.stop()
            shutil.rmtree(view, ignore_errors=True)
            if isinstance(exc, OSError):  # (the helper is gone): written in process instead
                return None
            raise
        proc, conn, path = self.proc, self.conn, self.path

        def wait(cancel: bool = False) -> Path:
            try:
                if cancel:  # the caller failed: stop the helper (its temporary file goes with the next export)
                    proc.terminate()
                    kind, value = "cancelled", ""
                else:
                    kind, value = conn.recv()
            except EOFError:
                kind, value = "error", f"the helper process ended (exit code {proc.exitcode})"
            except BaseException:
                proc.terminate()
                raise
            finally:
                proc.join()
                conn.close()
                shutil.rmtree(view, ignore_errors=True)
            if kind == "cancelled":
                return path
            if kind == "kg":
                raise value
            if kind != "ok":
                raise ExportError(f"cannot write {printable(str(path))}: {value}")
            return Path(value)

        return wait

    def stop(self) -> None:
        """End the helper (nothing written)."""
        self.proc.terminate()
        self.proc.join()
        self.conn.close()


def prepare_html(source: Any, path: str | Path, lang: str = "en", cache: str | Path | None = None) -> HtmlHelper | None:
    """Start the helper process of ``HtmlHelper`` for the explorer of ``source`` at ``path`` (``cache``: as for
    ``write_html``); None when ``source`` is not a writable embedded on-disk store (then call ``write_html``)."""
    import multiprocessing as mp

    backend = getattr(source, "backend", None)
    if getattr(backend, "snapshot", None) is None or backend.read_only or backend.store is None:
        return None
    if str(backend.path) == ":memory:":
        return None
    ctx = mp.get_context("spawn")  # never fork the store's threads
    parent, child = ctx.Pipe()
    args = (str(path), lang, None if cache is None else str(cache), child)
    proc = ctx.Process(target=_child, args=args, daemon=True)
    proc.start()
    child.close()
    return HtmlHelper(source, Path(path), proc, parent)


def start_html(
    source: Any,
    path: str | Path,
    lang: str = "en",
    cache: str | Path | None = None,
    since: tuple[str, set[str]] | None = None,
) -> Callable[..., Path] | None:
    """Write ``graph.html`` in a helper process beside the RDF exports (``prepare_html``, then
    ``HtmlHelper.start``): ``wait`` as there; None when ``source`` is not such a store."""
    helper = prepare_html(source, path, lang, cache)
    return helper.start(since) if helper is not None else None


__all__ = [
    "HtmlHelper",
    "RowCache",
    "prepare_html",
    "start_html",
    "write_html",
    "collect",
    "render",
    "short_id",
    "search_key",
    "ui_strings",
]
