"""``kg build PATH... --out DIR``: extract, ingest into the store, validate, export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_SKIPPED,
    Progress,
    Reporter,
    add_command,
    add_jobs_option,
    add_store_option,
)

#: merged graphs larger than this are not SHACL-validated by default (validate an export instead)
VALIDATE_MAX = 200_000
RDF_FILES = ("ttl", "trig", "nq", "jsonld")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(
        sub,
        "build",
        "ingest articles into the store and write graph.{ttl,trig,nq,jsonld,html}",
        "Extract every article under PATH and ingest it into the store (unchanged articles are "
        "skipped, changed ones replaced, reports of one meeting merged), validate the merged "
        "graph against the SHACL shapes and write DIR/graph.ttl, graph.trig, graph.nq, "
        "graph.jsonld and graph.html from the store.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .md .html .jsonl) or folders (recursive)")
    add_store_option(p)
    p.add_argument("--out", default="exports", metavar="DIR", help="output folder (default: exports)")
    p.add_argument("--lang", default="en", choices=("en", "tr", "ru", "tk"), help="label language of the HTML graph")
    p.add_argument(
        "--no-validate",
        action="store_true",
        help=f"skip SHACL validation (skipped anyway above {VALIDATE_MAX} triples)",
    )
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    add_jobs_option(p, "while this one ingests; the store is the same for any N")
    p.add_argument(
        "--no-bulk",
        dest="bulk",
        action="store_false",
        help="into a new store too, plan and write article by article (by default a first build plans all "
        "articles at once and bulk-loads the new store; the same store either way)",
    )
    p.add_argument("--bulk", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for scripts
    p.add_argument(
        "--json", action="store_true", help="print the summary as JSON (with the time and peak memory of each step)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import build

    rep = Reporter()
    progress = Progress("building")
    try:
        res = build(
            args.paths,
            args.store,
            Path(args.out),
            on_skip=rep,
            step=progress.step,
            lang=args.lang,
            validate=not args.no_validate,
            validate_max=VALIDATE_MAX,
            html=not args.no_html,
            jobs=args.jobs,
            formats=RDF_FILES,
            bulk=args.bulk,
        )
    finally:
        progress.close()
    st, counts, report, files = res.stats, res.counts, res.report, res.files
    summary = {
        "store": res.location,
        "articles": sum(counts.values()),
        **counts,
        "skipped": rep.skipped,
        "meetings": st.classes.get("Meeting", 0),
        "triples": st.triples,
        "quads": st.quads,
        "conflicts": st.conflicts,
        "conforms": None if report is None else report.conforms,
        "files": [str(f) for f in files],
        "unchanged_files": [str(f) for f in res.unchanged_files],
        "exports": "skipped" if res.unchanged_files and not files else "written" if files else "none",
        "seconds": res.steps.seconds,
        "peak_mb": res.steps.peak_mb,
    }
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print(
            f"{summary['articles']} articles ({counts['added']} added, {counts['replaced']} replaced, "
            f"{counts['unchanged']} unchanged, {rep.skipped} skipped) in {res.location}"
        )
        print(
            f"{summary['meetings']} meetings, {st.triples} triples ({st.quads} quads), "
            f"{st.conflicts} conflicts (kg conflicts)"
        )
        if report is not None:
            print("SHACL: conforms" if report.conforms else f"SHACL: {report.violations} violations")
        elif not args.no_validate:
            print(f"SHACL: skipped ({st.triples} triples > {VALIDATE_MAX}; run kg validate on an export)")
        for f in files:
            print(f"wrote {f}")
        if res.unchanged_files:
            print(f"unchanged since the store last changed: {', '.join(f.name for f in res.unchanged_files)}")
    if report is not None and not report.conforms:
        print(report.text, file=sys.stderr)
        return EXIT_INVALID
    return EXIT_SKIPPED if rep.skipped else EXIT_OK
