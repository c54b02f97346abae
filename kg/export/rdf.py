"""RDF files from the store: Turtle of the merged graph, TriG / N-Quads keeping each article's
named graph, JSON-LD with a context.

Files are streamed from the store with pyoxigraph's serializers (JSON-LD by a small writer of
our own, one node per line, to get a context) in the store's stable order, so the same store
content always gives byte-identical files.  Ingestion times are kept out (they live in a graph
that is never exported).

``write_files`` writes several formats from **one** read of an embedded store (reading is what costs:
~10 µs a quad, against ~1 µs to serialize one): its quads come default graph first, so the merged
graph (Turtle, JSON-LD) is the head of the stream of all quads (TriG, N-Quads).  The reader hands
chunks of quads to one thread per file, each running its serializer over them.
"""

from __future__ import annotations

import json
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from itertools import groupby, islice
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

from ..errors import ExportError
from ..store.base import LOG_GRAPH
from ..store.terms import PREFIXES, XSD, compact
from . import atomic_file, atomic_write

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "jsonld": None}
RDF_TYPE = PREFIXES["rdf"] + "type"


class Source(Protocol):
    def triples(self) -> Iterable[ox.Triple]: ...

    def quads(self) -> Iterable[ox.Quad]: ...


def merged(ds: Dataset) -> Graph:
    """The merged graph of an rdflib ``ds`` (used by ``kg validate`` on TriG/N-Quads files): its default
    graph when it has one (our exports: sources may disagree in their named graphs, the default graph
    holds one value per property), else the union of its graphs."""
    from rdflib import Graph

    from ..graph import bind

    g = bind(Graph())
    default = ds.default_context.identifier if hasattr(ds, "default_context") else None
    quads = list(ds.quads((None, None, None, None)))
    in_default = [(s, p, o) for s, p, o, c in quads if c is None or getattr(c, "identifier", c) == default]
    for s, p, o in in_default or [(s, p, o) for s, p, o, _ in quads]:
        g.add((s, p, o))
    return g


def write_to(source: Source, fh: IO[bytes], fmt: str = "ttl") -> None:
    """Serialize ``source`` (a ``kg.store.Store``) as ``fmt`` (ttl, trig, nq, jsonld) to ``fh``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "jsonld":
        write_jsonld(source.triples(), fh)
    elif fmt == "ttl":
        ox.serialize(source.triples(), fh, FORMATS[fmt], prefixes=PREFIXES)
    else:
        ox.serialize(source.quads(), fh, FORMATS[fmt], prefixes=PREFIXES)


def write_rdf(source: Source, path: str | Path, fmt: str = "ttl") -> Path:
    """Write ``source`` as ``fmt`` to ``path``, atomically."""
    return atomic_write(path, lambda fh: write_to(source, fh, fmt))


#: quads handed to the writer threads at a time
CHUNK = 4096
_END = None


class _Writer(threading.Thread):
    """Runs ``write(quads)`` over the chunks put in its queue, until ``_END``."""

    def __init__(self, write: Callable[[Iterator[ox.Quad]], None]) -> None:
        super().__init__(daemon=True)
        self.write = write
        self.chunks: queue.Queue[list[ox.Quad] | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.aborted = False
        self.ended = False  # _END taken

    def _quads(self) -> Iterator[ox.Quad]:
        while (chunk := self.chunks.get()) is not _END:
            if self.aborted:
                raise _Aborted
            yield from chunk
        self.ended = True

    def run(self) -> None:
        try:
            self.write(self._quads())
        except BaseException as exc:  # noqa: BLE001 - handed to the reading thread
            self.error = exc
            while not self.ended and self.chunks.get() is not _END:  # let the reader finish putting
                pass


class _Aborted(Exception):
    """The reader failed: stop writing (the temporary file is removed)."""


def _writer(fmt: str, fh: IO[bytes]) -> Callable[[Iterator[ox.Quad]], None]:
    if fmt == "jsonld":
        return lambda quads: write_jsonld(quads, fh)  # a quad has .subject/.predicate/.object as a triple does
    return lambda quads: ox.serialize(quads, fh, FORMATS[fmt], prefixes=PREFIXES)


def write_files(source: Source, paths: dict[str, Path]) -> list[Path]:
    """Write ``source`` in each format of ``paths`` (format -> file); every file is replaced atomically,
    and none is when one fails.  An embedded store is read once for all of them (see the module);
    another source (a SPARQL endpoint) once per file."""
    for fmt in paths:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    store = getattr(getattr(source, "backend", None), "store", None)
    if not isinstance(store, ox.Store) or len(paths) < 2:
        return [write_rdf(source, path, fmt) for fmt, path in paths.items()]
    log = ox.NamedNode(LOG_GRAPH)
    with ExitStack() as stack:
        files = {fmt: stack.enter_context(atomic_file(path)) for fmt, path in paths.items()}
        merged_only = {fmt for fmt in files if fmt in ("ttl", "jsonld")}
        writers = {fmt: _Writer(_writer(fmt, fh)) for fmt, fh in files.items()}
        for w in writers.values():
            w.start()
        open_ = dict(writers)  # writers still taking chunks
        try:
            quads = store.quads_for_pattern(None, None, None, None)
            default = True  # the default graph comes first
            while chunk := list(islice(quads, CHUNK)):
                if default and not isinstance(chunk[-1].graph_name, ox.DefaultGraph):
                    default = False
                    split = next(i for i, q in enumerate(chunk) if not isinstance(q.graph_name, ox.DefaultGraph))
                    for fmt in merged_only:
                        open_[fmt].chunks.put(chunk[:split])
                        open_.pop(fmt).chunks.put(_END)
                if not default:
                    chunk = [q for q in chunk if q.graph_name != log]
                for w in open_.values():
                    w.chunks.put(chunk)
                if any(w.error is not None for w in writers.values()):
                    break
        except BaseException:
            for w in open_.values():
                w.aborted = True
            raise
        finally:
            for w in open_.values():
                w.chunks.put(_END)
            for w in writers.values():
                w.join()
        for fmt, w in writers.items():
            if isinstance(w.error, OSError):
                raise ExportError(f"cannot write {paths[fmt]}: {w.error.strerror or w.error}") from w.error
            if w.error is not None:
                raise w.error
    return [Path(os.path.realpath(p)) if Path(p).is_symlink() else Path(p) for p in paths.values()]


_HEADS: dict[str, str | None] = {}  # IRI up to its last / or # -> its longest namespace (None: none)


def _compact(value: str) -> str:
    """``compact(value)``, with the namespace looked up once per IRI head (every namespace of
    ``PREFIXES`` ends with / or #, so the longest one in ``value`` is the longest one in its head)."""
    cut = max(value.rfind("/"), value.rfind("#")) + 1
    if cut in (0, len(value)):
        return compact(value)
    head = value[:cut]
    try:
        ns = _HEADS[head]
    except KeyError:
        ns = _HEADS[head] = max((n for n in _NAMESPACES if head.startswith(n)), key=len, default=None)
    return value if ns is None else _NAMESPACES[ns] + ":" + value[len(ns) :]


_NAMESPACES = {ns: p for p, ns in reversed(PREFIXES.items())}  # namespace -> its first prefix
assert all(ns.endswith(("/", "#")) for ns in _NAMESPACES), "_compact needs namespaces ending with / or #"


def _node(term: ox.NamedNode | ox.BlankNode) -> str:
    return _compact(term.value) if isinstance(term, ox.NamedNode) else f"_:{term.value}"


_ENCODE = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode  # json.dumps(x, sort_keys=True, ...)
_STRING = XSD + "string"
_MAX_CACHED = 200_000  # compacted IRIs kept per JSON-LD file (predicates, types, objects repeat)


def _value(term: Any) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        out = {"@value": term.value}
        if term.language:
            out["@language"] = term.language
        elif term.datatype.value != _STRING:
            out["@type"] = _compact(term.datatype.value)
        return out
    return {"@id": _node(term)}


def _nodes(triples: Iterable[ox.Triple]) -> Iterator[dict[str, Any]]:
    """One JSON-LD node object per subject (the input is grouped by subject)."""
    short: dict[str, str] = {}  # IRI -> compacted
    ids: dict[str, dict[str, str]] = {}  # object IRI -> {"@id": compacted} (shared: never changed)

    def name(iri: str) -> str:
        c = short.get(iri)
        if c is None:
            c = _compact(iri)
            if len(short) < _MAX_CACHED:
                short[iri] = c
        return c

    for subject, group in groupby(triples, key=attrgetter("subject")):
        node: dict[str, Any] = {"@id": _node(subject)}
        for t in group:
            p, o = t.predicate.value, t.object
            if type(o) is ox.NamedNode:
                if p == RDF_TYPE:
                    node.setdefault("@type", []).append(name(o.value))
                    continue
                v = ids.get(o.value)
                if v is None:
                    v = {"@id": name(o.value)}
                    if len(ids) < _MAX_CACHED:
                        ids[o.value] = v
            else:
                v = _value(o)
            node.setdefault(name(p), []).append(v)
        for v in node.values():
            if len(v) > 1 and isinstance(v, list):
                v.sort(key=_ENCODE)
        yield node


def write_jsonld(triples: Iterable[ox.Triple], fh: IO[bytes]) -> None:
    """Stream ``triples`` (grouped by subject) as a JSON-LD document with a prefix ``@context``."""
    fh.write(b'{\n"@context": ' + json.dumps(PREFIXES, sort_keys=True).encode() + b',\n"@graph": [')
    sep = b"\n"
    for node in _nodes(triples):
        fh.write(sep + _ENCODE(node).encode("utf-8"))
        sep = b",\n"
    fh.write(b"\n]\n}\n")


__all__ = ["write_rdf", "write_files", "write_to", "write_jsonld", "merged", "FORMATS"]
