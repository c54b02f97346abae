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

import functools
import hashlib
import json
import os
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import groupby, islice
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

from ..store.base import LOG_GRAPH
from ..store.terms import PREFIXES, XSD, compact
from . import atomic_file, atomic_write, write_error
from .merged import MergedIndex, copy_range, index_files, plan_patch, subject_blocks, write_pieces

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nq": ox.RdfFormat.N_QUADS, "jsonld": None}
#: the formats that keep the named graphs (written graph by graph after the merged graph)
QUAD_FORMATS = ("trig", "nq")
RDF_TYPE = PREFIXES["rdf"] + "type"
JSONLD_HEAD = b'{\n"@context": ' + json.dumps(PREFIXES, sort_keys=True).encode() + b',\n"@graph": ['
JSONLD_TAIL = b"\n]\n}\n"
JSONLD_SEP = b",\n"  # between two nodes (one per line)


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


@dataclass(slots=True)
class Blocks:
    """Where each named graph lies in an exported TriG or N-Quads file: graph IRI -> (its graph stamp,
    ``Store.graph_stamps``; byte offset; length), blocks without the prefix header.  ``key`` names what
    else the bytes depend on (format, prefixes, serializer version): blocks of another key are not reused."""

    key: str
    graphs: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "graphs": {g: list(v) for g, v in self.graphs.items()}}

    @classmethod
    def from_json(cls, d: Any) -> Blocks | None:
        try:
            return cls(str(d["key"]), {str(g): (str(s), int(o), int(n)) for g, (s, o, n) in d["graphs"].items()})
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


def blocks_key(fmt: str) -> str:
    """What the bytes of a graph's block depend on besides its quads."""
    basis = json.dumps([fmt, PREFIXES, getattr(ox, "__version__", "")], sort_keys=True)
    return hashlib.sha256(basis.encode()).hexdigest()[:16]


@functools.cache
def _header(fmt: str) -> bytes:
    """What the serializer writes before the first quad or triple (the prefixes of a TriG or Turtle file;
    nothing in N-Quads)."""
    x = ox.NamedNode("urn:x")
    data = ox.serialize(
        [ox.Triple(x, x, x) if fmt == "ttl" else ox.Quad(x, x, x, x)], None, FORMATS[fmt], prefixes=PREFIXES
    )
    return data[: data.index(b"urn:x") - 1]


@dataclass(slots=True)
class Merged:
    """What ``write_files`` needs to patch the merged part of the files at ``paths`` (``kg.export.merged``):
    their ``index`` and the nodes written since they were (``dirty``; None: unknown, write it all).  On
    return ``index`` is the index of the files written (None: not indexed)."""

    index: MergedIndex | None = None
    dirty: set[str] | None = None


def write_files(
    source: Source, paths: dict[str, Path], blocks: dict[str, Blocks] | None = None, merged: Merged | None = None
) -> list[Path]:
    """Write ``source`` in each format of ``paths`` (format -> file); every file is replaced atomically,
    and none is when one fails.  An embedded store is read once for all of them (see the module);
    another source (a SPARQL endpoint) once per file.

    ``blocks`` (embedded store): the ``Blocks`` of the TriG / N-Quads files now at ``paths`` (the caller
    vouches that the files are the ones they describe); a named graph whose graph stamp is unchanged is
    copied from the old file instead of read from the store (the same bytes).  On return ``blocks``
    holds the blocks of the files written.  ``merged`` (embedded store, with Turtle, N-Quads and JSON-LD among
    ``paths``): the merged graph patched where it changed instead of read whole (``Merged``)."""
    for fmt in paths:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    store = getattr(getattr(source, "backend", None), "store", None)
    if not isinstance(store, ox.Store) or len(paths) < 2 and not set(paths) & set(QUAD_FORMATS):
        return [write_rdf(source, path, fmt) for fmt, path in paths.items()]
    stamps = source.graph_stamps() if callable(getattr(source, "graph_stamps", None)) else {}
    prior = blocks if blocks is not None else {}
    indexed = merged is not None and set(MERGED_FORMATS) <= set(paths)
    with ExitStack() as stack:
        files = {fmt: stack.enter_context(atomic_file(path)) for fmt, path in paths.items()}
        spans = _patch_default(store, files, paths, merged) if indexed else None
        if spans is None:
            spans = _write_default(store, files, paths)
            if merged is not None:
                merged.index = _index(files, spans) if indexed else None
        written = _write_named(store, {f: fh for f, fh in files.items() if f in QUAD_FORMATS}, paths, stamps, prior)
    if blocks is not None:
        blocks.clear()
        blocks.update(written)
    return [Path(os.path.realpath(p)) if Path(p).is_symlink() else Path(p) for p in paths.values()]


def _write_default(store: ox.Store, files: dict[str, IO[bytes]], paths: dict[str, Path]) -> dict[str, tuple[int, int]]:
    """The merged (default) graph to every file, read once: the reader hands chunks to one thread per file
    (TriG writes the merged graph as Turtle does, prefixes included: with both, TriG gets a copy of the Turtle).
    Returns where its blocks lie in the Turtle, N-Quads and JSON-LD files ((start, end) bytes)."""
    copy = "ttl" in files and "trig" in files
    writers = {fmt: _Writer(_writer(fmt, fh)) for fmt, fh in files.items() if not (copy and fmt == "trig")}
    for w in writers.values():
        w.start()
    try:
        quads = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        while chunk := list(islice(quads, CHUNK)):
            for w in writers.values():
                w.chunks.put(chunk)
            if any(w.error is not None for w in writers.values()):
                break
    except BaseException:
        for w in writers.values():
            w.aborted = True
        raise
    finally:
        for w in writers.values():
            w.chunks.put(_END)
        for w in writers.values():
            w.join()
    for fmt, w in writers.items():
        if isinstance(w.error, OSError):
            raise write_error(paths[fmt], w.error) from w.error
        if w.error is not None:
            raise w.error
    if copy:
        _append_copy(files, paths)
    return _spans(files)


def _spans(files: dict[str, IO[bytes]]) -> dict[str, tuple[int, int]]:
    """Where the merged graph's blocks lie in the Turtle, N-Quads and JSON-LD ``files`` written so far."""
    spans = {}
    for fmt, fh in files.items():
        fh.flush()
        end = fh.tell()
        if fmt == "ttl":
            spans[fmt] = (min(len(_header("ttl")), end), end)
        elif fmt == "nq":
            spans[fmt] = (0, end)
        elif fmt == "jsonld":
            spans[fmt] = (min(len(JSONLD_HEAD) + 1, end), max(end - len(JSONLD_TAIL), 0))
    return spans


#: the formats whose merged part is patched (TriG's is a copy of the Turtle file's)
MERGED_FORMATS = ("ttl", "nq", "jsonld")
_SEPS = {"ttl": b"", "nq": b"", "jsonld": JSONLD_SEP}


def _index(files: dict[str, IO[bytes]], spans: dict[str, tuple[int, int]]) -> MergedIndex | None:
    return index_files(blocks_key("merged"), files, spans, JSONLD_SEP)


def _serializers() -> dict[str, Callable[[list[ox.Triple]], bytes]]:
    head = len(_header("ttl"))
    return {
        "ttl": lambda ts: ox.serialize(ts, None, ox.RdfFormat.TURTLE, prefixes=PREFIXES)[head:],
        "nq": lambda ts: ox.serialize(ts, None, ox.RdfFormat.N_TRIPLES),
        "jsonld": lambda ts: next(_node_texts(ts)).encode("utf-8"),
    }


def _patch_default(
    store: ox.Store, files: dict[str, IO[bytes]], paths: dict[str, Path], merged: Merged
) -> dict[str, tuple[int, int]] | None:
    """The merged graph to every file, patched: the blocks of ``merged.dirty`` read from the store, the
    others copied from the old files (``kg.export.merged``); None (nothing written) when it cannot be."""
    old = merged.index
    if old is None or merged.dirty is None or old.key != blocks_key("merged"):
        return None
    if not all(paths[fmt].is_file() for fmt in MERGED_FORMATS):
        return None
    patch = plan_patch(old, subject_blocks(store, merged.dirty, _serializers()), _SEPS)
    if patch is None:
        return None
    heads = {"ttl": _header("ttl"), "nq": b"", "jsonld": JSONLD_HEAD + b"\n"}
    with ExitStack() as stack:
        for fmt in MERGED_FORMATS:
            src = stack.enter_context(open(paths[fmt], "rb"))
            fh = files[fmt]
            try:
                fh.write(heads[fmt])
                write_pieces(src, fh, patch.pieces[fmt], _SEPS[fmt])
            except OSError as exc:
                raise write_error(paths[fmt], exc) from exc
    if "trig" in files:
        _append_copy(files, paths)
    spans = _spans({fmt: files[fmt] for fmt in MERGED_FORMATS})
    files["jsonld"].write(JSONLD_TAIL)
    patch.index.starts = {fmt: spans[fmt][0] for fmt in MERGED_FORMATS}
    merged.index = patch.index
    return spans


def _append_copy(files: dict[str, IO[bytes]], paths: dict[str, Path]) -> None:
    """Append the Turtle written so far (the merged graph; its file is open for reading and writing) to the
    TriG file, whose merged graph is the same bytes."""
    src = files["ttl"]
    src.flush()
    try:
        copy_range(src, files["trig"], 0, src.tell())
    except OSError as exc:
        raise write_error(paths["trig"], exc) from exc


def _write_named(
    store: ox.Store,
    files: dict[str, IO[bytes]],
    paths: dict[str, Path],
    stamps: dict[str, str],
    prior: dict[str, Blocks],
) -> dict[str, Blocks]:
    """Every named graph but the log, in the store's order, to the TriG / N-Quads ``files`` (after the default
    graph): its block copied from the old file when its graph stamp is the one ``prior`` recorded, else read
    and serialized; returns the new files' blocks."""
    log = ox.NamedNode(LOG_GRAPH)
    out = {fmt: Blocks(blocks_key(fmt)) for fmt in files}
    old = {
        fmt: b
        for fmt, b in prior.items()
        if fmt in files and isinstance(b, Blocks) and b.key == out[fmt].key and paths[fmt].is_file()
    }
    with ExitStack() as stack:
        readers = {fmt: stack.enter_context(open(paths[fmt], "rb")) for fmt in old}
        sizes = {fmt: os.fstat(fh.fileno()).st_size for fmt, fh in readers.items()}
        pos = {fmt: fh.tell() for fmt, fh in files.items()}
        runs: dict[str, list[int]] = {}  # format -> [start, end] of the old bytes to copy next

        def flush(fmt: str) -> None:
            run = runs.pop(fmt, None)
            if run is not None:
                copy_range(readers[fmt], files[fmt], *run)

        try:
            for g in store.named_graphs():
                if g == log:
                    continue
                stamp, quads = stamps.get(g.value), None
                for fmt, fh in files.items():
                    was = old[fmt].graphs.get(g.value) if fmt in old and stamp is not None else None
                    if was is not None and was[0] == stamp and was[1] + was[2] <= sizes[fmt]:
                        # unchanged: its block in the old file (runs of them copied at once)
                        run = runs.get(fmt)
                        if run is not None and run[1] == was[1]:
                            run[1] += was[2]
                        else:
                            flush(fmt)
                            runs[fmt] = [was[1], was[1] + was[2]]
                        data_len = was[2]
                    else:
                        if quads is None:
                            quads = list(store.quads_for_pattern(None, None, None, g))
                        data = ox.serialize(quads, None, FORMATS[fmt], prefixes=PREFIXES)[len(_header(fmt)) :]
                        if not data:
                            continue
                        flush(fmt)
                        if pos[fmt] == 0:  # the merged graph was empty: the prefixes come before the first graph
                            pos[fmt] += fh.write(_header(fmt))
                        fh.write(data)
                        data_len = len(data)
                    if stamp is not None:
                        out[fmt].graphs[g.value] = (stamp, pos[fmt], data_len)
                    pos[fmt] += data_len
            for fmt in list(runs):
                flush(fmt)
        except OSError as exc:
            raise write_error(paths[fmt], exc) from exc
    return out


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


_TEXT = json.encoder.encode_basestring  # a str as _ENCODE writes it (ensure_ascii=False)


def _node_texts(triples: Iterable[ox.Triple]) -> Iterator[str]:
    """``_ENCODE(node)`` for each node of ``_nodes(triples)``, written as text directly: each value's JSON text
    once (IRIs cached), values sorted by that text, keys sorted (what ``sort_keys`` does)."""
    keys: dict[str, str] = {}  # predicate IRI -> its JSON key with the separator
    ids: dict[str, str] = {}  # object IRI -> '{"@id": "compacted"}'
    types: dict[str, str] = {}  # class IRI -> '"compacted"'
    datatypes: dict[str, str] = {}  # datatype IRI -> '{"@type": "compacted", "@value": '
    for subject, group in groupby(triples, key=attrgetter("subject")):
        props: dict[str, list[str]] = {}
        for t in group:
            p, o = t.predicate.value, t.object
            kind = type(o)
            if kind is ox.NamedNode:
                if p == RDF_TYPE:
                    v = types.get(o.value)
                    if v is None:
                        v = _TEXT(_compact(o.value))
                        if len(types) < _MAX_CACHED:
                            types[o.value] = v
                    props.setdefault('"@type": ', []).append(v)
                    continue
                v = ids.get(o.value)
                if v is None:
                    v = '{"@id": ' + _TEXT(_compact(o.value)) + "}"
                    if len(ids) < _MAX_CACHED:
                        ids[o.value] = v
            elif kind is ox.Literal:
                if o.language:
                    v = '{"@language": ' + _TEXT(o.language) + ', "@value": ' + _TEXT(o.value) + "}"
                else:
                    dt = o.datatype.value
                    if dt == _STRING:
                        v = '{"@value": ' + _TEXT(o.value) + "}"
                    else:
                        head = datatypes.get(dt)
                        if head is None:
                            head = datatypes[dt] = '{"@type": ' + _TEXT(_compact(dt)) + ', "@value": '
                        v = head + _TEXT(o.value) + "}"
            else:
                v = _ENCODE(_value(o))
            key = keys.get(p)
            if key is None:
                key = _TEXT(_compact(p)) + ": "
                if len(keys) < _MAX_CACHED:
                    keys[p] = key
            props.setdefault(key, []).append(v)
        entries = {'"@id": ': _TEXT(_node(subject))}
        for key, vals in props.items():
            if len(vals) > 1:
                vals.sort()
            entries[key] = "[" + ", ".join(vals) + "]"
        yield "{" + ", ".join(k + entries[k] for k in sorted(entries, key=_key_order)) + "}"


@functools.lru_cache(maxsize=4096)
def _key_order(key: str) -> str:
    """A key's place under ``sort_keys``: its name (``key`` is its JSON text and ': ')."""
    return json.loads(key[:-2])


def write_jsonld(triples: Iterable[ox.Triple], fh: IO[bytes]) -> None:
    """Stream ``triples`` (grouped by subject) as a JSON-LD document with a prefix ``@context``."""
    fh.write(JSONLD_HEAD)
    sep = "\n"
    for text in _node_texts(triples):
        fh.write((sep + text).encode("utf-8"))
        sep = JSONLD_SEP.decode()
    fh.write(JSONLD_TAIL)


__all__ = ["Blocks", "Merged", "write_rdf", "write_files", "write_to", "write_jsonld", "merged", "FORMATS"]
