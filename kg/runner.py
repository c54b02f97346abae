"""Run documents -> extract over many inputs, optionally in parallel processes.

Documents are read in the calling process (so read errors are reported in
order); extraction runs in ``jobs`` worker processes and results come back in
input order, so output does not depend on ``jobs``.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import iter_documents
from .errors import InputError
from .model import ArticleFacts, Document

if TYPE_CHECKING:
    from .resolve import ResolvedArticle

Result = ArticleFacts | InputError


def _extract_one(doc: Document) -> Result:
    from .extract import extract

    try:
        return extract(doc)
    except Exception as exc:  # noqa: BLE001 - one line per bad input, the batch goes on
        return InputError(f"{doc.path}: extraction failed ({type(exc).__name__}: {exc})")


def _resolve_one(doc: Document) -> ResolvedArticle | InputError:
    from .resolve import resolve

    r = _extract_one(doc)
    if isinstance(r, InputError):
        return r
    try:
        return resolve(r)
    except Exception as exc:  # noqa: BLE001 - one line per bad input, the batch goes on
        return InputError(f"{doc.path}: extraction failed ({type(exc).__name__}: {exc})")


def pool(jobs: int) -> Pool | None:
    """A pool of ``jobs`` worker processes (None for ``jobs <= 1``); create it before opening a store,
    so that no worker inherits the store's threads and files."""
    if jobs <= 1:
        return None
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ctx.Pool(jobs)


def resolve_docs(docs: Iterable[Document], on_error: Callable[[InputError], None], workers: Pool | None = None,
                 window: int = 64) -> Iterator[ResolvedArticle]:
    """``resolve(extract(doc))`` of every document, in input order, on the pool ``workers`` (or here).

    At most ``window`` documents are in flight, so memory stays bounded however many there are;
    ``docs`` is consumed in the calling thread (it may look at the store), while the workers
    extract the next documents as the caller handles the previous results."""
    if workers is None:
        yield from _emit(map(_resolve_one, docs), on_error)
        return
    pending: deque[AsyncResult] = deque()
    for doc in docs:
        pending.append(workers.apply_async(_resolve_one, (doc,)))
        while pending and (len(pending) >= window or pending[0].ready()):
            yield from _emit([pending.popleft().get()], on_error)
    while pending:
        yield from _emit([pending.popleft().get()], on_error)


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
