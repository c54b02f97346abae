"""The one orchestrator: documents -> extract -> resolve -> graph -> merge -> store (-> export).

``kg/cli/build.py`` parses options and prints; this module runs the stages.  The store only takes
and gives quads: what an article changes in it (``Change``) is planned here from the article's
graph (``kg.graph``) and the merge rules (``kg.resolve.merge`` via ``kg.resolve.plan``).
"""

from __future__ import annotations

import functools
import hashlib
import json
import resource
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from . import __version__, ontology
from .errors import InputError, KGError, printable, reason
from .export import in_thread, settle
from .model import Document
from .resolve import ResolvedArticle, doc_iri, doc_key
from .store import Stats, Store
from .store.base import REFERENCE_GRAPH, Change
from .store.tally import Tally
from .store.terms import PREFIXES, iri, triples_of

FINGERPRINT = PREFIXES["tmru"] + "ingestFingerprint"


def ontology_hash() -> str:
    """Hash of the ontology files (a change refreshes the reference graph and re-ingests everything)."""
    return ontology.content_hash()


def fingerprint(doc: Document, onto: str) -> str:
    """What makes an ingested article current: its text, metadata, extractor and ontology."""
    basis = "\x1f".join(
        str(x) for x in (doc.text, doc.url, doc.lang, doc.published, doc.title, doc.name, __version__, onto)
    )
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def graph_of(ra: ResolvedArticle, onto: str) -> tuple[str, str, list[ox.Triple]]:
    """An article's IRI, fingerprint and graph (its triples and its fingerprint) under ontology ``onto``."""
    from .graph import article_triples

    doc, fp = str(ra.iri), fingerprint(ra.facts.document, onto)
    return doc, fp, [*article_triples(ra), ox.Triple(iri(doc), iri(FINGERPRINT), ox.Literal(fp))]


class Ingester:
    """Adds, replaces and removes articles in a store (one atomic update each)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.onto = ontology_hash()
        self._reference_checked = False
        self.tally: Tally | None = None  # stats kept up to date across the writes (``build``)

    def ensure_reference(self) -> bool:
        """Load (or refresh) the ontology graph when the ontology files changed; True if it did."""
        from .graph import gazetteer_entities, reference_graph

        self._reference_checked = True
        if self.store.logged(REFERENCE_GRAPH) == self.onto:
            return False
        g = reference_graph()
        if self.tally is not None:
            self.tally.invalidate()
        self.store.load_reference(triples_of(g), {str(e) for e in gazetteer_entities(g)}, self.onto)
        return True

    def is_current(self, doc: Document) -> bool:
        """True when ``doc`` is in the store unchanged (re-ingesting it would change nothing)."""
        return self.store.logged(str(doc_iri(doc_key(doc.url, doc.text)))) == fingerprint(doc, self.onto)

    def graph(self, ra: ResolvedArticle) -> tuple[str, str, list[ox.Triple]]:
        """An article's IRI, fingerprint and graph (its triples and its fingerprint)."""
        return graph_of(ra, self.onto)

    def ingest(self, ra: ResolvedArticle) -> str:
        """Add or replace one article: ``"added"``, ``"replaced"`` or ``"unchanged"``."""
        from .resolve.plan import plan

        if not self._reference_checked:
            self.ensure_reference()
        doc, fp, triples = self.graph(ra)
        with self.store.lock():  # the reads a change is planned from and its write, no writer in between
            logged = self.store.logged(doc)
            if logged == fp:
                return "unchanged"
            replacing = logged is not None or self.store.has_graph(doc)
            self._write(plan(self.store.backend, doc, triples, replacing), doc, fp)
        return "replaced" if replacing else "added"

    def batch(self):  # -> kg.resolve.batch.BatchPlan
        """An empty batch plan of a new store (with this ontology's reference graph): ``build``'s first build."""
        from .graph import gazetteer_entities, reference_graph
        from .resolve.batch import BatchPlan

        g = reference_graph()
        return BatchPlan(triples_of(g), {str(e) for e in gazetteer_entities(g)}, self.onto)

    def remove(self, doc: str) -> bool:
        """Drop an article's graph and everything only it supported; False if it is not in the store."""
        from .resolve.plan import plan

        with self.store.lock():
            if not self.store.has_graph(doc):
                return False
            self._write(plan(self.store.backend, doc, None, True), doc, None)
        return True

    def _write(self, change: Change, doc: str, fp: str | None) -> None:
        if self.tally is not None:
            self.tally.note(change, doc)
        self.store.write(change, doc, fp)


def merged_graph(store: Store):  # -> rdflib.Graph
    """The merged graph as an rdflib ``Graph`` (for SHACL validation of small stores)."""
    from rdflib import Graph

    from .graph import bind

    data = ox.serialize(store.triples(), None, ox.RdfFormat.N_TRIPLES)
    return bind(Graph()).parse(data=data, format="nt")


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


@dataclass(slots=True)
class BuildResult:
    """What ``build`` did: article counts, the store's stats, SHACL report, files written, timings."""

    location: str
    counts: dict[str, int]
    stats: Stats
    report: object | None  # kg.graph.validate report, None when not validated
    files: list[Path]  # written
    steps: Steps = field(default_factory=Steps)
    unchanged_files: list[Path] = field(default_factory=list)  # already current: not rewritten


#: what an export folder records of the store content its files were written from
STAMP_FILE = ".kg-stamp.json"
#: where the merged graph's blocks lie in the exports of a folder (``kg.export.merged``)
MERGED_FILE = ".kg-merged.json"
#: the explorer's per-meeting rows, read again only where writes touched them (``kg.export.html.RowCache``)
HTML_CACHE_FILE = ".kg-html.json"


def _file_sig(path: Path) -> list[int] | None:
    """Size and modification time of a regular file (None: missing or not a regular file)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns] if path.is_file() else None


@dataclass(slots=True)
class ExportStamp:
    """``DIR/.kg-stamp.json``: the store's content stamp the exports of ``DIR`` were written from, each
    file's size and mtime (a file changed since is rewritten), the HTML's language, the store's stats
    and SHACL verdict for that content, and where each named graph lies in the TriG / N-Quads files
    (``kg.export.rdf.Blocks`` as JSON, by format: the next export copies the graphs no write changed)."""

    stamp: str | None
    files: dict[str, list[int]] = field(default_factory=dict)
    lang: str | None = None
    stats: dict | None = None
    conforms: bool | None = None
    blocks: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def read(cls, out: Path) -> ExportStamp | None:
        try:
            d = json.loads((out / STAMP_FILE).read_text(encoding="utf-8"))
            blocks = d.get("blocks") if isinstance(d.get("blocks"), dict) else {}
            return cls(d["stamp"], dict(d["files"]), d.get("lang"), d.get("stats"), d.get("conforms"), blocks)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def current(self, stamp: str | None, path: Path, lang: str | None = None) -> bool:
        """True when ``path`` was written from the store content ``stamp`` and is untouched since."""
        sig = self.files.get(path.name)
        return (
            stamp is not None
            and stamp == self.stamp
            and sig is not None
            and _file_sig(path) == sig
            and (lang is None or lang == self.lang)
        )

    def untouched(self, path: Path) -> bool:
        """True when ``path`` is the file this record describes (whatever content it was written from)."""
        sig = self.files.get(path.name)
        return sig is not None and _file_sig(path) == sig

    def write(self, out: Path) -> None:
        from .export import atomic_write

        data = {"stamp": self.stamp, "files": self.files, "lang": self.lang, "stats": self.stats}
        data["conforms"], data["blocks"] = self.conforms, self.blocks
        text = json.dumps(data, sort_keys=True, separators=(",", ":"))  # (compact: a record of 10,000 graphs)
        atomic_write(out / STAMP_FILE, lambda fh: fh.write(text.encode()))


def _stats(recorded: dict) -> Stats | None:
    """The stats an export folder recorded (None when they do not fit this version's ``Stats``)."""
    try:
        return Stats(**recorded)
    except TypeError:
        return None


def _count(store: Store, tally: Tally | None) -> Stats:
    """The store's stats, from ``tally`` when it kept them across this build's writes, else counted; either
    way recorded in the store until its content changes."""
    st = tally.stats() if tally is not None else None
    if st is None:
        return store.stats(record=True)
    store.record_stats(st)
    return st


def _quietly(fn: Callable[[], object]) -> None:
    """``fn()``, its error dropped (another one is on its way)."""
    try:
        fn()
    except Exception:  # noqa: BLE001, S110
        pass


def _bulk_target(store: Store) -> bool:
    """True when ``store`` is a new, empty, writable local store (a first build: ``build``'s bulk path)."""
    load = getattr(store.backend, "replace_empty", None)
    return load is not None and not getattr(store.backend, "read_only", True) and store.empty()


def _where(doc: Document) -> str:
    """The input a document came from: its file, and its line for a ``.jsonl`` file."""
    return doc.path if Path(doc.path).name == doc.name else f"{doc.path} ({doc.name})"


def build(
    paths: list[str],
    store_spec: str | None,
    out: Path,
    *,
    on_skip: Callable[[InputError], None],
    step: Callable[[str], None] = lambda name: None,
    lang: str = "en",
    validate: bool = True,
    validate_max: int = 200_000,
    html: bool = True,
    jobs: int = 1,
    formats: tuple[str, ...] = ("ttl", "trig", "nq", "jsonld"),
    bulk: bool = False,
) -> BuildResult:
    """Read, extract and ingest every article under ``paths`` into the store, validate the merged
    graph (up to ``validate_max`` triples) and write ``out/graph.{formats}`` (and ``graph.html``).

    Two inputs claiming one URL are one article: the first is kept, each later one goes to
    ``on_skip``; so do unreadable inputs.  ``step(name)`` is called for each document read.

    When the store is a new, empty local store (a first build) and ``bulk`` is true (the default), the
    articles are planned in one batch (``kg.resolve.batch``: the merge rules over all of them at once,
    no lookups) and bulk-loaded at the end: the same store, quad for quad, as ingesting them one by one
    (``bulk=False``, and always on a store that is not new); a build killed before the end leaves the
    store empty."""
    from .documents import iter_documents
    from .graph.validate import validate as shacl
    from .runner import pool, prepare_docs, resolve_docs
    from .store import open_store

    counts = {"added": 0, "replaced": 0, "unchanged": 0}
    steps = Steps()
    workers = pool(jobs)  # before the store is opened: workers never inherit it
    helper = html_done = early = None  # the explorer's helper process: how to start it, started, writing the page
    cache = out / HTML_CACHE_FILE  # the explorer's rows of an earlier content
    try:
        with open_store(store_spec) as store, ExitStack() as later:
            ing = Ingester(store)
            batch = ing.batch() if bulk and _bulk_target(store) else None
            if batch is None:
                ing.ensure_reference()
                base = store.recorded_stats()  # recorded by the last build: kept up to date across the writes
                ing.tally = Tally(store, base) if base is not None else None
                if html:  # the explorer's helper, started with the first article to ingest when an earlier
                    # build kept its rows (it reads them while this process extracts and ingests)
                    from .export.html import RowCache, prepare_html

                    if RowCache.stamp_of(cache) is not None:
                        early = functools.partial(prepare_html, store, out / "graph.html", lang=lang, cache=cache)

            def fresh() -> Iterator[Document]:
                nonlocal helper, early
                first: dict[str, Document] = {}  # URL -> the input that claimed it first
                own = [out / "graph.html"]  # an input folder may hold the output folder
                for doc in iter_documents(paths, on_skip, exclude=own):
                    step(doc.name)
                    url = (doc.url or "").strip()
                    if url and first.setdefault(url, doc) is not doc:
                        on_skip(
                            InputError(f"{_where(doc)}: same URL as {_where(first[url])} ({url}); the first is kept")
                        )
                        continue
                    if batch is None and ing.is_current(doc):  # (a new store has nothing current)
                        counts["unchanged"] += 1
                    else:
                        if early is not None:
                            helper, early = early(), None
                        yield doc

            with steps("ingest"):
                # a first build: each article's graph and merge data made where it is extracted (workers)
                for prepared in prepare_docs(fresh(), on_skip, ing.onto, workers) if batch is not None else ():
                    counts[batch.put(prepared)] += 1
                for ra in resolve_docs(fresh(), on_skip, workers) if batch is None else ():
                    try:
                        counts[ing.ingest(ra)] += 1
                    except KGError:  # the store failed: stop (nothing of this article was written)
                        raise
                    except Exception as exc:  # noqa: BLE001 - one article's data broke ingestion:
                        # skip it (its update was never sent, so the store is unchanged), the batch goes on
                        on_skip(
                            InputError(
                                f"{printable(ra.facts.document.path)}: cannot store this article "
                                f"({type(exc).__name__}: {reason(exc)})"
                            )
                        )
            if batch is not None:
                with steps("load"):
                    store.backend.replace_empty(nquads=batch.nquads())
                del batch
            stamp = store.stamp()
            prev = ExportStamp.read(out)
            same = prev is not None and stamp is not None and prev.stamp == stamp
            files, kept, stale = [], [], {}
            names = [(f"graph.{fmt}", fmt) for fmt in formats] + ([("graph.html", "html")] if html else [])
            for name, fmt in names:
                path = out / name
                if prev is not None and prev.current(stamp, path, lang if fmt == "html" else None):
                    from .export import remove_stale_temporaries

                    remove_stale_temporaries(path)
                    kept.append(path)
                else:
                    stale[fmt] = path
            rdf = {fmt: path for fmt, path in stale.items() if fmt != "html"}
            since = None  # the nodes written since the explorer's rows were read
            touched_since = functools.cache(store.touched_since)  # (the HTML and the RDF files usually ask alike)
            if "html" in stale:
                from .export.html import RowCache

                read_at = RowCache.stamp_of(cache)
                dirty = touched_since(read_at) if read_at is not None else None
                since = (read_at, dirty) if read_at is not None and dirty is not None else None
            # (the explorer's helper starts before the stats and the validation: the page is the longest export)
            if helper is not None and "html" in stale:
                html_done, helper = helper.start(since), None
            elif rdf and "html" in stale:
                from .export.html import start_html

                html_done = start_html(store, stale["html"], lang=lang, cache=cache, since=since)
            if helper is not None:  # (the page is current)
                helper.stop()
                helper = None
            with steps("stats"):  # the store has not changed since the exports: its stats neither
                st = _stats(prev.stats) if same and prev.stats else None
                counting = None
                local = isinstance(getattr(store.backend, "store", None), ox.Store)
                if st is None and not validate and local:  # counted beside the exports (their copies leave a core)
                    counting = in_thread(functools.partial(_count, store, ing.tally))
                    later.callback(_quietly, counting)  # (a failing step waits for it before the store closes)
                elif st is None:
                    st = _count(store, ing.tally)
            report = None
            if validate and st is not None and st.triples <= validate_max:
                if same and prev.conforms:  # the same content conformed when it was exported
                    from .graph.validate import Report

                    report = Report(True, 0, "")
                else:
                    with steps("validate"):
                        report = shacl(merged_graph(store))
            record = ExportStamp(stamp, lang=lang, stats=None, conforms=prev.conforms if same else None)
            if report is not None:
                record.conforms = report.conforms
            if rdf:  # every RDF file from one read of the store (kg.export.rdf.write_files)
                from .export.merged import MergedIndex
                from .export.rdf import Blocks, Merged, write_files

                with steps("rdf"):  # the named graphs no write changed are copied from the files of prev
                    old = {f: prev.blocks.get(f) for f in rdf if prev is not None and prev.untouched(rdf[f])}
                    blocks = {f: b for f, d in old.items() if (b := Blocks.from_json(d)) is not None}
                    merged = Merged()
                    if prev is not None and len(old) == len(rdf):  # the files are those prev describes:
                        # their merged graph is patched where the writes since they were written touched it
                        index = MergedIndex.read(out / MERGED_FILE, prev.stamp)
                        if index is not None:
                            merged = Merged(index, touched_since(prev.stamp))
                    files += write_files(store, rdf, blocks, merged)
                    record.blocks = {f: b.to_json() for f, b in blocks.items()}
                    if merged.index is not None:
                        merged.index.write(out / MERGED_FILE, stamp)
                    else:
                        (out / MERGED_FILE).unlink(missing_ok=True)
            if html_done is not None:
                with steps("html"):  # (the time waited for the helper after the RDF files)
                    wait, html_done = html_done, None
                    files.append(wait())
            elif "html" in stale:
                from .export.html import write_html

                with steps("html"):
                    files.append(write_html(store, stale["html"], lang=lang, cache=cache, since=since))
            if counting is not None:
                with steps("stats"):  # (the time waited for the count after the exports)
                    st = counting()
            record.stats = st.to_json()
            for name, _ in names:
                record.files[name] = _file_sig(out / name) or []
            if stamp is not None and files:
                if prev is not None and same:  # files of other formats written from this content stay current
                    record.files = {**prev.files, **record.files}
                    record.blocks = {**prev.blocks, **record.blocks}
                    record.lang = lang if html else prev.lang
                record.write(out)
            location = store.location
            closing = time.perf_counter()
        steps.add("close", closing)
    finally:
        settle()  # (the export files replaced are removed on threads, beside the explorer's helper)
        if helper is not None:
            helper.stop()
        if html_done is not None:  # (a step after it started failed)
            html_done(cancel=True)
        if workers is not None:
            workers.terminate()
            workers.join()
    return BuildResult(location, counts, st, report, files, steps, kept)


__all__ = ["Ingester", "build", "BuildResult", "Steps", "fingerprint", "ontology_hash", "merged_graph"]
