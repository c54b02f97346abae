"""``kg stats``: counts per class, articles per language, conflicts."""

from __future__ import annotations

import argparse
import json

from .common import EXIT_OK, add_command, add_store_option


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "stats", "counts per class, articles per language, conflicts")
    add_store_option(p)
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import printable
    from ..store import open_store

    with open_store(args.store, create=False) as store:
        st = store.stats()
        where = store.location
    if args.json:
        print(json.dumps({"store": where, **st.to_json()}, indent=1, ensure_ascii=False))
        return EXIT_OK
    print(f"store {where}: {st.quads} quads, {st.triples} triples in the merged graph")
    print(printable(f"articles: {st.articles} (" + ", ".join(f"{k} {v}" for k, v in st.languages.items()) + ")"))
    print(
        f"meetings with several sources: {st.multi_source_meetings}; conflicting values: {st.conflicts} (kg conflicts)"
    )
    print("classes:")
    for cls, n in st.classes.items():
        print(f"  {cls:<18} {n}")
    return EXIT_OK
