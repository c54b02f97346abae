"""``kg remove ARTICLE...``: drop articles and everything only they supported."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..errors import InputError
from .common import EXIT_OK, EXIT_SKIPPED, Reporter, add_command, add_store_option


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "remove",
        "remove articles from the store",
        "Remove articles (by file, source URL, file name, document IRI or key) from the store: "
        "their named graphs, the facts only they supported, and derived data they touched.",
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="file, URL, file name, doc IRI or key")
    add_store_option(p)
    p.add_argument("--json", action="store_true", help="print the removed documents as JSON")
    p.set_defaults(func=run)


def _refs(article: str, rep: Reporter) -> list[str]:
    """Document IRIs or lookup keys for ``article`` (a file on disk is read to find its key)."""
    from ..documents import iter_documents
    from ..resolve import doc_iri, doc_key

    if Path(article).exists():
        return [str(doc_iri(doc_key(d.url, d.text))) for d in iter_documents([article], rep)]
    return [article]


def run(args: argparse.Namespace) -> int:
    from ..pipeline import Ingester
    from ..store import open_store

    rep, removed = Reporter(), []
    with open_store(args.store, create=False) as store:
        ing = Ingester(store)
        for article in args.articles:
            docs = [d for ref in _refs(article, rep) for d in store.documents(ref)]
            if not docs:
                rep(InputError(f"{article}: not in the store"))
            for d in docs:
                if ing.remove(d):
                    removed.append(d)
    if args.json:
        print(json.dumps(removed, indent=1))
    else:
        for d in removed:
            print(f"removed {d}")
    return EXIT_SKIPPED if rep.skipped else EXIT_OK
