"""``kg build PATH... --out DIR``: extract, ingest into the store, validate, export."""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model import Document
from .common import EXIT_INVALID, EXIT_OK, EXIT_SKIPPED, Progress, Reporter, add_command, add_store_option

#: merged graphs larger than this are not SHACL-validated by default (validate an export instead)
VALIDATE_MAX = 200_000
RDF_FILES = ("ttl", "trig", "nq", "jsonld")


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "build", "ingest articles into the store and write graph.{ttl,trig,nq,jsonld,html}",
                    "Extract every article under PATH and ingest it into the store (unchanged articles are "
                    "skipped, changed ones replaced, reports of one meeting merged), validate the merged "
                    "graph against the SHACL shapes and write DIR/graph.ttl, graph.trig, graph.nq, "
                    "graph.jsonld and graph.html from the store.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (.txt .md .html .jsonl) or folders (recursive)")
    add_store_option(p)
    p.add_argument("--out", default="exports", metavar="DIR", help="output folder (default: exports)")
    p.add_argument("--lang", default="en", choices=("en", "tr", "ru", "tk"), help="label language of the HTML graph")
    p.add_argument("--no-validate", action="store_true",
                   help=f"skip SHACL validation (skipped anyway above {VALIDATE_MAX} triples)")
    p.add_argument("--no-html", action="store_true", help="do not write graph.html")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="extract in N processes while this one ingests (the store is the same for any N; "
                        "default 1)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON (with the time and peak "
                   "memory of each step)")
    p.set_defaults(func=run)


class Steps:
    """Wall time of each step of a build and the peak memory (max RSS) at its end."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.peak_mb: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, t)

    def add(self, name: str, since: float) -> None:
        self.seconds[name] = round(self.seconds.get(name, 0.0) + time.perf_counter() - since, 3)
        self.peak_mb[name] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _where(doc: Document) -> str:
    """The input a document came from: its file, and its line for a ``.jsonl`` file."""
    return doc.path if Path(doc.path).name == doc.name else f"{doc.path} ({doc.name})"


def run(args: argparse.Namespace) -> int:
    from ..export.rdf import write_rdf
    from ..graph.validate import validate
    from ..runner import pool, resolve_docs
    from ..store import open_store

    rep = Reporter()
    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    progress = Progress("building")
    steps = Steps()
    workers = pool(args.jobs)  # before the store is opened: workers never inherit it
    try:
        with open_store(args.store) as store:
            store.ensure_reference()

            def fresh() -> Iterator[Document]:
                from ..documents import iter_documents
                from ..errors import InputError

                first: dict[str, Document] = {}  # URL -> the input that claimed it first
                for doc in iter_documents(args.paths, rep):
                    progress.step(doc.name)
                    url = (doc.url or "").strip()
                    if url and first.setdefault(url, doc) is not doc:
                        rep(InputError(f"{_where(doc)}: same URL as {_where(first[url])} ({url}); "
                                       "the first is kept"))
                        continue
                    if store.is_current(doc):
                        counts["unchanged"] += 1
                    else:
                        yield doc

            with steps("ingest"):
                for ra in resolve_docs(fresh(), rep, workers):
                    counts[store.ingest(ra)] += 1
            progress.close()
            with steps("stats"):
                st = store.stats()
            report = None
            if not args.no_validate and st.triples <= VALIDATE_MAX:
                with steps("validate"):
                    report = validate(store.graph())
            out = Path(args.out)
            files = []
            for fmt in RDF_FILES:
                with steps(fmt):
                    files.append(write_rdf(store, out / f"graph.{fmt}", fmt))
            if not args.no_html:
                from ..export.html import write_html

                with steps("html"):
                    files.append(write_html(store, out / "graph.html", lang=args.lang))
            location = store.location
            closing = time.perf_counter()
        steps.add("close", closing)
    finally:
        if workers is not None:
            workers.terminate()
            workers.join()
    summary = {
        "store": location, "articles": sum(counts.values()), **counts, "skipped": rep.skipped,
        "meetings": st.classes.get("Meeting", 0), "triples": st.triples, "quads": st.quads,
        "conflicts": st.conflicts, "conforms": None if report is None else report.conforms,
        "files": [str(f) for f in files], "seconds": steps.seconds, "peak_mb": steps.peak_mb,
    }
    if args.json:
        print(json.dumps(summary, indent=1))
    else:
        print(f"{summary['articles']} articles ({counts['added']} added, {counts['replaced']} replaced, "
              f"{counts['unchanged']} unchanged, {rep.skipped} skipped) in {location}")
        print(f"{summary['meetings']} meetings, {st.triples} triples ({st.quads} quads), "
              f"{st.conflicts} conflicts (kg conflicts)")
        if report is not None:
            print("SHACL: conforms" if report.conforms else f"SHACL: {report.violations} violations")
        elif not args.no_validate:
            print(f"SHACL: skipped ({st.triples} triples > {VALIDATE_MAX}; run kg validate on an export)")
        for f in files:
            print(f"wrote {f}")
    if report is not None and not report.conforms:
        print(report.text, file=sys.stderr)
        return EXIT_INVALID
    return EXIT_SKIPPED if rep.skipped else EXIT_OK
