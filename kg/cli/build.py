"""``kg build PATH... --out DIR``: extract, resolve, build the graph, validate, export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError
from .common import EXIT_INVALID, EXIT_OK, EXIT_SKIPPED, Progress, Reporter, add_command


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "build", "build the knowledge graph and write graph.ttl and graph.html",
                    "Extract every article under PATH, merge the facts into one graph, validate it against "
                    "the SHACL shapes and write DIR/graph.ttl and DIR/graph.html.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .md .html .jsonl) or folders (recursive)")
    p.add_argument("--out", default="exports", metavar="DIR", help="output folder (default: exports)")
    p.add_argument("--lang", default="en", choices=("en", "tr", "ru", "tk"), help="label language of the HTML graph")
    p.add_argument("--no-validate", action="store_true", help="skip SHACL validation")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from rdflib import Dataset

    from ..documents import iter_documents
    from ..export.html import write_html
    from ..export.rdf import merged, write_rdf
    from ..extract import extract
    from ..graph import REFERENCE_GRAPH, article_graph, reference_graph
    from ..graph.validate import validate
    from ..resolve import resolve

    rep = Reporter()
    ds = Dataset()
    ref = ds.graph(REFERENCE_GRAPH)
    for t in reference_graph():
        ref.add(t)
    n_articles = n_meetings = 0
    progress = Progress("building")
    for doc in iter_documents(args.paths, rep):
        try:
            ra = resolve(extract(doc))
        except Exception as exc:  # noqa: BLE001 - one line per bad input
            rep(InputError(f"{doc.path}: extraction failed ({type(exc).__name__}: {exc})"))
            continue
        g = ds.graph(ra.iri)
        for t in article_graph(ra):
            g.add(t)
        n_articles += 1
        n_meetings += len(ra.meetings)
        progress.step(doc.name)
    progress.close()
    out = Path(args.out)
    union = merged(ds)
    report = None if args.no_validate else validate(union)
    files = [write_rdf(ds, out / "graph.ttl", "ttl"), write_html(union, out / "graph.html", lang=args.lang)]
    summary = {
        "articles": n_articles, "skipped": rep.skipped, "meetings": _count_meetings(union), "triples": len(union),
        "conforms": None if report is None else report.conforms,
        "files": [str(f) for f in files],
    }
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print(f"{n_articles} articles ({rep.skipped} skipped), {summary['meetings']} meetings "
              f"({n_meetings} reports), {summary['triples']} triples")
        if report is not None:
            print("SHACL: conforms" if report.conforms else f"SHACL: {report.violations} violations")
        for f in files:
            print(f"wrote {f}")
    if report is not None and not report.conforms:
        print(report.text, file=sys.stderr)
        return EXIT_INVALID
    return EXIT_SKIPPED if rep.skipped else EXIT_OK


def _count_meetings(g) -> int:
    from rdflib import RDF

    from ..vocab import TMRU

    return len(set(g.subjects(RDF.type, TMRU.Meeting)))
