"""Run documents -> extract over many inputs, optionally in parallel processes.

Documents are read in the calling process (so read errors are reported in
order); extraction runs in ``jobs`` worker processes and results come back in
input order, so output does not depend on ``jobs``.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .documents import iter_documents
from .errors import InputError
from .model import ArticleFacts, Document

Result = ArticleFacts | InputError


def _extract_one(doc: Document) -> Result:
    from .extract import extract

    try:
        return extract(doc)
    except Exception as exc:  # noqa: BLE001 - one line per bad input, the batch goes on
        return InputError(f"{doc.path}: extraction failed ({type(exc).__name__}: {exc})")


def default_jobs() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def extract_many(paths: Iterable[str | Path], on_error: Callable[[InputError], None], jobs: int = 1
                 ) -> Iterator[ArticleFacts]:
    """Facts of every document under ``paths``, in input order; failures go to ``on_error``."""
    docs = iter_documents(paths, on_error)
    if jobs <= 1:
        results: Iterator[Result] = map(_extract_one, docs)
        yield from _emit(results, on_error)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(jobs) as pool:
        yield from _emit(pool.imap(_extract_one, docs, chunksize=16), on_error)


def _emit(results: Iterable[Result], on_error: Callable[[InputError], None]) -> Iterator[ArticleFacts]:
    for r in results:
        if isinstance(r, InputError):
            on_error(r)
        else:
            yield r
