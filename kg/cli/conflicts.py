"""``kg conflicts``: meeting properties to which sources give different values, with the sources."""

from __future__ import annotations

import argparse
import json

from .common import EXIT_OK, add_command, add_store_option


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "conflicts",
        "list meeting values on which sources disagree",
        "List meetings whose date, session number, city, format, kind or agreements signed differ "
        "between sources, and people given different sides; each value is listed with the sources "
        "that give it, and the value the merged graph keeps (majority of sources, ties by "
        "specificity) is marked *.",
    )
    add_store_option(p)
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import printable
    from ..store import open_store
    from ..store.terms import compact

    with open_store(args.store, create=False) as store:
        found = store.conflicts()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "meeting": c.meeting,
                        "property": c.property,
                        "chosen": c.chosen,
                        "values": [{"value": v, "sources": list(s)} for v, s in c.values],
                    }
                    for c in found
                ],
                indent=1,
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for c in found:
        print(f"{compact(c.meeting)} {compact(c.property)}")
        for v, sources in c.values:
            print(printable(f"  {'*' if v == c.chosen else ' '}{compact(v)}: {', '.join(sources)}"))  # escapes shown
    print(f"{len(found)} conflicts")
    return EXIT_OK
