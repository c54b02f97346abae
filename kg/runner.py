"""Run documents -> extract over many inputs, optionally in parallel processes.

Documents are read in the calling process (so read errors are reported in
order); extraction runs in ``jobs`` worker processes and results come back in
input order, so output does not depend on ``jobs``.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from functools import partial
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import TYPE_CHECKING

from .documents import iter_documents
from .errors import InputError, printable, reason
from .model import ArticleFacts, Document

if TYPE_CHECKING:
    from .resolve import ResolvedArticle

Result = ArticleFacts | InputError


def _extract_one(doc: Document) -> Result:
    from .extract import extract

    try:
        return extract(doc)
    except Exception as exc:  # noqa: BLE001 - one line per bad input, the batch goes on
        return InputError(f"{printable(doc.path)}: extraction failed ({type(exc).__name__}: {reason(exc)})")


def _resolve_one(doc: Document) -> ResolvedArticle | InputError:
    from .resolve import resolve

    r = _extract_one(doc)
    if isinstance(r, InputError):
        return r
    try:
        return resolve(r)
    except Exception as exc:  # noqa: BLE001 - one line per bad input, the batch goes on
        return InputError(f"{printable(doc.path)}: extraction failed ({type(exc).__name__}: {reason(exc)})")


def _prepare_one(doc: Document, onto: str):  # -> kg.resolve.batch.Prepared | InputError
    from .pipeline import graph_of
    from .resolve.batch import prepare

    ra = _resolve_one(doc)
    if isinstance(ra, InputError):
        return ra
    try:
        return prepare(*graph_of(ra, onto))
    except Exception as exc:  # noqa: BLE001 - the merge cannot read this article: skipped, the batch goes on
        return InputError(f"{printable(doc.path)}: cannot store this article ({type(exc).__name__}: {reason(exc)})")


def pool(jobs: int) -> Pool | None:
    """A pool of ``jobs`` worker processes (None for ``jobs <= 1``); create it before opening a store,
    so that no worker inherits the store's threads and files."""
    if jobs <= 1:
        return None
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    return ctx.Pool(jobs)


def resolve_docs(
    docs: Iterable[Document], on_error: Callable[[InputError], None], workers: Pool | None = None, window: int = 64
) -> Iterator[ResolvedArticle]:
    """``resolve(extract(doc))`` of every document, in input order, on the pool ``workers`` (or here)."""
    yield from _in_order(_resolve_one, docs, on_error, workers, window)


def prepare_docs(
    docs: Iterable[Document],
    on_error: Callable[[InputError], None],
    onto: str,
    workers: Pool | None = None,
    window: int = 64,
) -> Iterator:  # -> Iterator[kg.resolve.batch.Prepared]
    """The batch planner's data of every document (``kg.resolve.batch.prepare`` of its graph under the
    ontology hash ``onto``), in input order, on the pool ``workers`` (or here)."""
    yield from _in_order(partial(_prepare_one, onto=onto), docs, on_error, workers, window)


def extract_many(
    paths: Iterable[str | Path], on_error: Callable[[InputError], None], jobs: int = 1
) -> Iterator[ArticleFacts]:
    """Facts of every document under ``paths``, in input order; failures go to ``on_error``."""
    workers = pool(jobs)
    with workers or nullcontext():
        yield from _in_order(_extract_one, iter_documents(paths, on_error), on_error, workers)


def _in_order(
    fn: Callable[[Document], Result],
    docs: Iterable[Document],
    on_error: Callable[[InputError], None],
    workers: Pool | None,
    window: int = 64,
) -> Iterator:
    """``fn`` of every document, in input order, on ``workers`` (or here).

    At most ``window`` documents are in flight, so memory stays bounded however many there are;
    ``docs`` is consumed in the calling thread (it may report read errors or look at the store),
    while the workers handle the next documents as the caller takes the previous results."""
    if workers is None:
        yield from _emit(map(fn, docs), on_error)
        return
    pending: deque[AsyncResult] = deque()
    for doc in docs:
        pending.append(workers.apply_async(fn, (doc,)))
        while pending and (len(pending) >= window or pending[0].ready()):
            yield from _emit([pending.popleft().get()], on_error)
    while pending:
        yield from _emit([pending.popleft().get()], on_error)


def _emit(results: Iterable[Result], on_error: Callable[[InputError], None]) -> Iterator[ArticleFacts]:
    for r in results:
        if isinstance(r, InputError):
            on_error(r)
        else:
            yield r
