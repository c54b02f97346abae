"""The merged graph's part of the Turtle, TriG, N-Quads and JSON-LD files, patched instead of rewritten.

A full export writes the merged (default) graph in the store's order: Oxigraph keeps a named node as
the SipHash-2-4 (128 bits, zero key) of its IRI and iterates subjects by that number, so where a
subject's block goes is known without reading the store.  ``MergedIndex`` records, for the files of
one export, the subjects in that order and the length of each subject's block in each format (read
back from the files just written).  The next build that changed only some subjects (the nodes its
writes touched, ``kg.store.tally``) rewrites only their blocks, found or placed by a binary search,
and copies the rest of the old files byte for byte: the files are the same as a full export's (test)."""

from __future__ import annotations

import json
import os
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

#: formats whose merged part is indexed (TriG's merged part is a copy of the Turtle file)
FORMATS = ("ttl", "nq", "jsonld")
_MASK = (1 << 64) - 1


def _rotl(x: int, b: int) -> int:
    return ((x << b) | (x >> (64 - b))) & _MASK


def store_key(iri: str) -> int:
    """Where Oxigraph puts the named node ``iri`` among subjects: SipHash-2-4 with 128-bit output and a zero
    key of its UTF-8 bytes (``StrHash`` in Oxigraph's ``numeric_encoder.rs``), as the number its big-endian
    bytes make."""
    data = iri.encode("utf-8")
    v0, v1, v2, v3 = 0x736F6D6570736575, 0x646F72616E646F6D ^ 0xEE, 0x6C7967656E657261, 0x7465646279746573

    def rounds(n: int) -> None:
        nonlocal v0, v1, v2, v3
        for _ in range(n):
            v0 = (v0 + v1) & _MASK
            v1 = _rotl(v1, 13) ^ v0
            v0 = _rotl(v0, 32)
            v2 = (v2 + v3) & _MASK
            v3 = _rotl(v3, 16) ^ v2
            v0 = (v0 + v3) & _MASK
            v3 = _rotl(v3, 21) ^ v0
            v2 = (v2 + v1) & _MASK
            v1 = _rotl(v1, 17) ^ v2
            v2 = _rotl(v2, 32)

    end = len(data) - len(data) % 8
    for i in range(0, end, 8):
        m = int.from_bytes(data[i : i + 8], "little")
        v3 ^= m
        rounds(2)
        v0 ^= m
    last = ((len(data) & 0xFF) << 56) | int.from_bytes(data[end:], "little")
    v3 ^= last
    rounds(2)
    v0 ^= last
    v2 ^= 0xEE
    rounds(4)
    h1 = v0 ^ v1 ^ v2 ^ v3
    v1 ^= 0xDD
    rounds(4)
    return h1 | ((v0 ^ v1 ^ v2 ^ v3) << 64)


@dataclass(slots=True)
class MergedIndex:
    """The merged graph's blocks in the files of one export: ``subjects`` in the store's order and, per
    format, each one's block length; ``starts``: where the first block of each format lies.  ``key``
    names what else the bytes depend on (``kg.export.rdf.blocks_key``)."""

    key: str
    subjects: list[str] = field(default_factory=list)
    sizes: dict[str, list[int]] = field(default_factory=dict)
    starts: dict[str, int] = field(default_factory=dict)

    def write(self, path: Path, stamp: str | None) -> None:
        """Keep the index at ``path``, for the exports of content ``stamp``."""
        from . import write_stamped

        index = {"subjects": self.subjects, "sizes": self.sizes, "starts": self.starts}
        body = json.dumps(index, separators=(",", ":"))
        write_stamped(path, {"stamp": stamp, "key": self.key}, lambda fh: fh.write(body.encode()))

    @classmethod
    def read(cls, path: Path, stamp: str | None) -> MergedIndex | None:
        """The index at ``path`` when it was written with the exports of content ``stamp``."""
        from . import read_stamped

        got = read_stamped(path, stamp=stamp) if stamp is not None else None
        try:
            head, d = got  # type: ignore[misc]
            out = cls(str(head["key"]), list(d["subjects"]), dict(d["sizes"]), dict(d["starts"]))
        except (KeyError, TypeError, ValueError):
            return None
        n = len(out.subjects)
        ok = set(out.sizes) == set(FORMATS) == set(out.starts) and all(len(v) == n for v in out.sizes.values())
        return out if ok and n else None


# ----------------------------------------------------------------- reading the blocks of written files


def _starts(fh: IO[bytes], start: int, end: int, pattern: bytes, size: int = 1 << 24) -> list[int]:
    """``start`` and every position in (``start``, ``end``) that follows a newline matched by ``pattern`` (a
    newline and the byte after it)."""
    out, pos, prev, find = [start], start, b"", re.compile(pattern).finditer
    while pos < end:
        chunk = os.pread(fh.fileno(), min(size, end - pos), pos)
        if not chunk:
            break
        buf, base = prev + chunk, pos - len(prev)
        out += [base + m.start() + 1 for m in find(buf)]
        prev, pos = buf[-1:], pos + len(chunk)
    return out


_NQ_BLOCK = re.compile(rb"(<[^>\n]*> )[^\n]*\n(?:\1[^\n]*\n)*")  # the lines of one subject (an IRI)


def _nq_blocks(fh: IO[bytes], start: int, end: int, size: int = 1 << 24) -> tuple[list[str], list[int]] | None:
    """The subjects of the N-Quads lines between ``start`` and ``end`` (in the order of their runs of
    lines) and the bytes of each run; None when a subject is no IRI."""
    subjects: list[str] = []
    sizes: list[int] = []
    pos = start
    while pos < end:
        chunk = os.pread(fh.fileno(), min(size, end - pos), pos)
        if not chunk:
            break
        last = pos + len(chunk) >= end
        found = list(_NQ_BLOCK.finditer(chunk))
        if not last:
            found = found[:-1]  # (the last run may go on in the next chunk: read again from its start)
            if not found:
                size *= 2  # (one subject's lines fill the chunk)
                continue
        at = 0
        for m in found:
            if m.start() != at:
                return None  # (a line that does not start with an IRI)
            subjects.append(m.group(1)[1:-2].decode("utf-8"))
            sizes.append(m.end() - m.start())
            at = m.end()
        if last and at < len(chunk):
            return None
        pos += at
    return subjects, sizes


def index_files(
    key: str, files: dict[str, IO[bytes]], spans: dict[str, tuple[int, int]], jsonld_sep: bytes
) -> MergedIndex | None:
    """The index of the merged part of ``files`` (ttl, nq, jsonld; flushed, opened for reading), each lying
    in ``spans[fmt]`` = (start, end) bytes; None when the three do not agree on the subjects."""
    found = _nq_blocks(files["nq"], *spans["nq"])
    if not found or not found[0]:
        return None
    subjects, nq = found
    ttl_start, ttl_end = spans["ttl"]
    starts = _starts(files["ttl"], ttl_start, ttl_end, rb"\n[^\t]")
    ttl = [b - a for a, b in zip(starts, [*starts[1:], ttl_end], strict=True)]
    js_start, js_end = spans["jsonld"]
    starts = _starts(files["jsonld"], js_start, js_end, rb"\n.")
    jsonld = [b - a - len(jsonld_sep) for a, b in zip(starts[:-1], starts[1:], strict=True)] + [js_end - starts[-1]]
    if not len(subjects) == len(ttl) == len(jsonld):
        return None
    return MergedIndex(key, subjects, {"ttl": ttl, "nq": nq, "jsonld": jsonld}, {f: spans[f][0] for f in FORMATS})


# ----------------------------------------------------------------- patching


@dataclass(slots=True)
class Patch:
    """The new merged part of each format: old blocks ``(start, end)`` copied, new blocks written, in order."""

    index: MergedIndex
    pieces: dict[str, list[tuple[int, int] | bytes]]


def _sorted_sample(subjects: list[str], keys: dict[str, int], n: int = 32) -> bool:
    """True when ``n`` random neighbouring subjects are in ``store_key`` order (the store's order is the one
    ``store_key`` computes: else nothing can be placed by it)."""
    rnd = random.Random(len(subjects))
    for i in (rnd.randrange(len(subjects) - 1) for _ in range(min(n, len(subjects) - 1))):
        a, b = (keys.setdefault(s, store_key(s)) for s in subjects[i : i + 2])
        if not a < b:
            return False
    return True


def plan_patch(
    old: MergedIndex, new_blocks: dict[str, dict[str, bytes] | None], seps: dict[str, bytes]
) -> Patch | None:
    """The pieces of the new merged part: ``new_blocks`` maps each touched subject to its blocks by format
    (None: it has no triples any more).  None when the old index cannot be trusted to be in store order."""
    keys: dict[str, int] = {}
    subjects = old.subjects
    if len(subjects) > 1 and not _sorted_sample(subjects, keys):
        return None
    pos = {s: i for i, s in enumerate(subjects)}
    replaced: dict[int, dict[str, bytes] | None] = {}
    inserted: dict[int, list[tuple[int, str]]] = {}
    for s, blocks in new_blocks.items():
        if s in pos:
            replaced[pos[s]] = blocks
        elif blocks is not None:
            k = store_key(s)
            lo, hi = 0, len(subjects)
            while lo < hi:
                mid = (lo + hi) // 2
                if keys.setdefault(subjects[mid], store_key(subjects[mid])) < k:
                    lo = mid + 1
                else:
                    hi = mid
            inserted.setdefault(lo, []).append((k, s))
    offsets = {fmt: _offsets(old.starts[fmt], old.sizes[fmt], len(seps[fmt])) for fmt in FORMATS}
    out = MergedIndex(old.key, [], {fmt: [] for fmt in FORMATS}, {})
    pieces: dict[str, list[tuple[int, int] | bytes]] = {fmt: [] for fmt in FORMATS}

    def copy(a: int, b: int) -> None:  # old blocks a..b-1, as they are
        if a < b:
            out.subjects += subjects[a:b]
            for fmt in FORMATS:
                pieces[fmt].append((offsets[fmt][a], offsets[fmt][b - 1] + old.sizes[fmt][b - 1]))
                out.sizes[fmt] += old.sizes[fmt][a:b]

    def put(s: str, blocks: dict[str, bytes]) -> None:
        out.subjects.append(s)
        for fmt in FORMATS:
            pieces[fmt].append(blocks[fmt])
            out.sizes[fmt].append(len(blocks[fmt]))

    # (position, 0 = inserted before it / 1 = replaced, store key, subject), in file order
    events = sorted([(p, 0, k, s) for p, ks in inserted.items() for k, s in ks] + [(i, 1, 0, "") for i in replaced])
    done = 0  # old blocks before this one are placed
    for p, kind, _, s in events:
        copy(done, p)
        done = max(done, p)
        if kind == 0:
            put(s, new_blocks[s])  # type: ignore[arg-type]
        else:
            if replaced[p] is not None:
                put(subjects[p], replaced[p])  # type: ignore[arg-type]
            done = p + 1
    copy(done, len(subjects))
    return Patch(out, pieces) if out.subjects else None


def _offsets(start: int, sizes: list[int], sep: int) -> list[int]:
    out, pos = [], start
    for n in sizes:
        out.append(pos)
        pos += n + sep
    return out


def copy_range(src: IO[bytes], dst: IO[bytes], start: int, end: int) -> None:
    """Append bytes ``start`` to ``end`` of ``src`` to ``dst`` (in the kernel where it can)."""
    dst.flush()
    while start < end:
        try:
            n = os.copy_file_range(src.fileno(), dst.fileno(), end - start, start)
        except OSError:  # (a file system without it)
            n = 0
        if n <= 0:
            data = os.pread(src.fileno(), min(end - start, 1 << 24), start)
            if not data:
                raise OSError(f"{getattr(src, 'name', 'the old file')} is shorter than recorded")
            dst.write(data)
            dst.flush()
            n = len(data)
        start += n


def write_pieces(src: IO[bytes], dst: IO[bytes], pieces: Iterable[tuple[int, int] | bytes], sep: bytes) -> None:
    """Write ``pieces`` to ``dst``: byte ranges of ``src`` (a run of old blocks, their separators included)
    and new blocks, with ``sep`` between two pieces."""
    first = True
    for piece in pieces:
        if not first and sep:
            dst.write(sep)
        first = False
        if isinstance(piece, bytes):
            dst.write(piece)
        else:
            copy_range(src, dst, *piece)
    dst.flush()


def subject_blocks(
    store: ox.Store, subjects: Iterable[str], serialize: dict[str, Any]
) -> dict[str, dict[str, bytes] | None]:
    """Each subject's blocks now, by format (``serialize[fmt](triples) -> bytes``), None when it has no
    triple in the merged graph."""
    out: dict[str, dict[str, bytes] | None] = {}
    for s in sorted(set(subjects)):
        triples = [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(ox.NamedNode(s), None, None, ox.DefaultGraph())
        ]
        out[s] = {fmt: f(triples) for fmt, f in serialize.items()} if triples else None
    return out


__all__ = [
    "MergedIndex",
    "Patch",
    "copy_range",
    "index_files",
    "plan_patch",
    "store_key",
    "subject_blocks",
    "write_pieces",
]
