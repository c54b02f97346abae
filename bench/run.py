"""Benchmark of tmru-kg: speed and how its cost grows with the number of articles.

    .venv/bin/python bench/run.py [--sizes 100,1000,10000] [--quick] [--out bench/results.json]

One run measures, on the same texts (synthetic articles from ``bench/synth.py`` and, when present,
the real articles of ``../shared/corpus/texts``):

* bare ``spacy.blank(lang)`` tokenization throughput (words/s), the ceiling, and ``kg extract``
  throughput with its ratio to that ceiling (in-process, warmed up, best of 3; real and synthetic
  text reported separately: spaCy caches the tokens it has seen, which favours templated text);
* a full ``kg build`` (extract + store + export, ``--no-validate``) per size in a fresh store, in a
  subprocess: wall time, peak memory (``ru_maxrss`` from ``os.wait4``) and the time of each step;
* the time to add one new article to the largest store, and to remove it again;
* the latency of every canned query (``examples/queries``) on the largest store;
* ``graph.html`` export time and size at the largest size;
* the speed-up of ``--jobs 2`` (worker processes) for ``kg extract`` and ``kg build``.

It prints a table and writes everything as JSON (``--out``).  Timed code never runs in the unit
tests.  ``--quick`` runs sizes 100 and 1,000 only (about a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

REAL = ROOT.parent / "shared" / "corpus" / "texts"
#: bindings for the canned queries that take parameters (as documented in their headers)
BINDS = {"cochairs-in-year": ["year=2021", "country=id:country/TM"]}
TARGET_MS = 50.0


# ------------------------------------------------------------------ helpers


def machine() -> dict[str, object]:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else ""
    )
    mem = (
        next(
            (
                int(line.split()[1]) // 1024
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")
            ),
            0,
        )
        if Path("/proc/meminfo").exists()
        else 0
    )
    import pyoxigraph
    import spacy

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_mb": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "spacy": spacy.__version__,
        "pyoxigraph": pyoxigraph.__version__,
    }


def run_child(cmd: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of ``cmd`` run as a child process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return wall, usage.ru_maxrss / 1024, proc.returncode


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def best_of(fn, runs: int = 3) -> float:
    fn()  # warm-up (pipelines loaded, caches filled)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def corpus(n: int, work: Path, seed: int = 1) -> Path:
    out = work / f"synth-{n}"
    if not (out.is_dir() and len(list(out.glob("*.txt"))) == n):
        shutil.rmtree(out, ignore_errors=True)
        synth.generate(n, out, seed)
    return out


# ------------------------------------------------------------------ measurements


def throughput(paths: list[Path], limit: int | None = None) -> dict[str, float]:
    """Bare tokenizer vs ``kg extract`` on the same documents (words = whitespace-separated)."""
    import spacy

    from kg.documents import iter_documents
    from kg.extract import extract
    from kg.extract.pipeline import SPACY_LANG

    docs = list(iter_documents(paths))[:limit]
    words = sum(len(d.text.split()) for d in docs)
    blank = {lang: spacy.blank(SPACY_LANG.get(lang, "xx")) for lang in {d.lang for d in docs}}

    def tokenize():
        for d in docs:
            blank[d.lang](d.text)

    def extract_all():
        for d in docs:
            extract(d)

    tok, ext = best_of(tokenize), best_of(extract_all)
    return {
        "articles": len(docs),
        "words": words,
        "tokenizer_wps": round(words / tok),
        "extract_wps": round(words / ext),
        "ratio": round(tok / ext, 3),
        "tokenizer_s": round(tok, 3),
        "extract_s": round(ext, 3),
    }


def build(src: Path, work: Path, tag: str, jobs: int = 1) -> dict[str, object]:
    """A full ``kg build`` of ``src`` into a fresh store, in a child process."""
    store, out, log = work / f"store-{tag}", work / f"out-{tag}", work / f"build-{tag}.json"
    shutil.rmtree(store, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    with log.open("wb") as fh:
        wall, peak, _ = run_child(
            kg(
                "build",
                str(src),
                "--store",
                str(store),
                "--out",
                str(out),
                "--json",
                "--no-validate",
                "--jobs",
                str(jobs),
            ),
            stdout=fh,
        )
    summary = json.loads(log.read_text())
    html = out / "graph.html"
    return {
        "articles": summary["articles"],
        "meetings": summary["meetings"],
        "quads": summary["quads"],
        "seconds": round(wall, 2),
        "peak_mb": round(peak),
        "steps": summary["seconds"],
        "html_s": summary["seconds"].get("html"),
        "html_mb": round(html.stat().st_size / 2**20, 2),
        "store": str(store),
        "out": str(out),
        "jobs": jobs,
    }


def add_one(store: Path, work: Path, n: int = 20) -> dict[str, float]:
    """Add ``n`` new articles, one at a time, to the store at ``store`` (then remove them again)."""
    from kg.documents import iter_documents
    from kg.extract import extract
    from kg.pipeline import Ingester
    from kg.resolve import resolve
    from kg.store import open_store

    folder = work / "new-articles"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rnd = random.Random(2024)
    for k in range(n):
        name, text = synth.article(900_000 + k, rnd)
        (folder / name).write_text(text.replace("/synthetic/", "/synthetic-new/"), encoding="utf-8")
    docs = list(iter_documents([folder]))
    prep, ingest, remove = [], [], []
    with open_store(str(store)) as st:
        ing = Ingester(st)
        ing.ensure_reference()
        for d in docs:
            t = time.perf_counter()
            assert not ing.is_current(d)
            ra = resolve(extract(d))
            t1 = time.perf_counter()
            assert ing.ingest(ra) == "added"
            t2 = time.perf_counter()
            prep.append(t1 - t)
            ingest.append(t2 - t1)
        for d in docs:
            iri = st.documents(d.url)[0]
            t = time.perf_counter()
            ing.remove(iri)
            remove.append(time.perf_counter() - t)
    ms = lambda xs: round(1000 * statistics.median(xs), 1)  # noqa: E731
    return {
        "articles": n,
        "extract_ms": ms(prep),
        "ingest_ms": ms(ingest),
        "ingest_max_ms": round(1000 * max(ingest), 1),
        "total_ms": round(1000 * statistics.median(p + i for p, i in zip(prep, ingest, strict=True)), 1),
        "remove_ms": ms(remove),
    }


def queries(store: Path) -> dict[str, dict[str, object]]:
    """Latency (best of 3 after a warm-up) of every canned query, as ``kg query`` runs it."""
    from kg.cli.query import QUERIES, bind, load_query
    from kg.store import open_store

    out: dict[str, dict[str, object]] = {}
    with open_store(str(store)) as st:
        top = st.query("""PREFIX prov: <http://www.w3.org/ns/prov#> SELECT ?m (COUNT(?d) AS ?n) WHERE {
            ?m prov:wasDerivedFrom ?d } GROUP BY ?m ORDER BY DESC(?n) ?m LIMIT 1""")
        binds = dict(BINDS)
        if top.rows:
            binds["evidence"] = [f"meeting=<{top.rows[0]['m'].value}>"]
        for f in sorted(QUERIES.glob("*.rq")):
            variants = [(f.stem, [])]
            if f.stem in binds:
                variants.append((f"{f.stem} --bind {' '.join(binds[f.stem])}", binds[f.stem]))
            for name, b in variants:
                sparql = bind(load_query(f.stem), b)
                rows = len(st.query(sparql))
                ms = 1000 * best_of(lambda s=sparql: st.query(s))
                out[name] = {"ms": round(ms, 1), "rows": rows}
    return out


def jobs_speedup(
    big: Path, src: Path, work: Path, serial_build: dict[str, object] | None, jobs: int
) -> dict[str, object]:
    """``kg extract`` of ``big`` and ``kg build`` of ``src`` with 1 and ``jobs`` processes."""
    t1, _, _ = run_child(kg("extract", str(big), "--jobs", "1"))
    tn, _, _ = run_child(kg("extract", str(big), "--jobs", str(jobs)))
    b1 = serial_build or build(src, work, "jobs1", 1)
    bn = build(src, work, f"jobs{jobs}", jobs)
    same = all(
        (Path(b1["out"]) / f"graph.{x}").read_bytes() == (Path(bn["out"]) / f"graph.{x}").read_bytes()
        for x in ("ttl", "trig", "nq", "jsonld", "html")
    )
    return {
        "extract_articles": len(list(big.glob("*.txt"))),
        "articles": bn["articles"],
        "jobs": jobs,
        "extract_1_s": round(t1, 2),
        f"extract_{jobs}_s": round(tn, 2),
        "extract_speedup": round(t1 / tn, 2),
        "build_1_s": b1["seconds"],
        f"build_{jobs}_s": bn["seconds"],
        "build_speedup": round(b1["seconds"] / bn["seconds"], 2),
        "same_output": same,
    }


# ------------------------------------------------------------------ report


def table(res: dict) -> str:
    lines = []
    m = res["machine"]
    lines.append(f"machine: {m['nproc']} cores, {m['cpu']}, {m['ram_mb'] // 1024} GB RAM, Python {m['python']}")
    lines.append("")
    lines.append("extraction throughput (words/s)      articles    words   tokenizer     extract   ratio")
    for k, t in res["throughput"].items():
        lines.append(
            f"  {k:34} {t['articles']:8} {t['words']:8} {t['tokenizer_wps']:11,} {t['extract_wps']:11,}"
            f" {t['ratio']:7.0%}"
        )
    lines.append("")
    lines.append(
        "kg build (fresh store)      articles  meetings      quads   time s  x prev  peak MB"
        "   ingest s  export s  html s  html MB"
    )
    prev = None
    for k, b in res["builds"].items():
        steps = b["steps"]
        export = sum(steps.get(x, 0) for x in ("ttl", "trig", "nq", "jsonld"))
        growth = f"{b['seconds'] / prev:6.1f}x" if prev and k.startswith("synthetic") else "       "
        lines.append(
            f"  {k:24} {b['articles']:9} {b['meetings']:9} {b['quads']:10} {b['seconds']:8.1f} {growth}"
            f" {b['peak_mb']:8} {steps.get('ingest', 0):10.1f} {export:9.1f} {b['html_s'] or 0:7.1f}"
            f" {b['html_mb']:8.2f}"
        )
        if k.startswith("synthetic"):
            prev = b["seconds"]
    a = res["add_one"]
    lines.append("")
    lines.append(
        f"add one article to the {res['largest']:,}-article store (median of {a['articles']}): "
        f"ingest {a['ingest_ms']} ms (max {a['ingest_max_ms']}), extract+resolve {a['extract_ms']} ms, "
        f"total {a['total_ms']} ms; remove {a['remove_ms']} ms"
    )
    lines.append("")
    lines.append(f"canned queries at {res['largest']:,} articles (best of 3)")
    for k, q in res["queries"].items():
        flag = "" if q["ms"] <= TARGET_MS else f"  > {TARGET_MS:.0f} ms"
        lines.append(f"  {k:70} {q['ms']:9.1f} ms {q['rows']:7} rows{flag}")
    j, n = res["jobs"], res["jobs"]["jobs"]
    lines.append("")
    lines.append(
        f"--jobs {n}: kg extract ({j['extract_articles']} articles) {j['extract_1_s']} s -> "
        f"{j[f'extract_{n}_s']} s ({j['extract_speedup']}x), kg build ({j['articles']} articles) "
        f"{j['build_1_s']} s -> {j[f'build_{n}_s']} s "
        f"({j['build_speedup']}x), same files: {j['same_output']}"
    )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000", help="synthetic corpus sizes (default 100,1000,10000)")
    ap.add_argument("--quick", action="store_true", help="sizes 100 and 1000 only")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json", help="JSON results file")
    ap.add_argument(
        "--work",
        type=Path,
        default=ROOT / "bench" / ".work",
        help="scratch folder for corpora, stores and exports (default bench/.work)",
    )
    ap.add_argument("--real", type=Path, default=REAL, help="folder of real articles (used when present)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the --jobs measurement (default 2)")
    a = ap.parse_args()
    sizes = [100, 1000] if a.quick else sorted(int(x) for x in a.sizes.split(","))
    work = a.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    res: dict[str, object] = {"machine": machine(), "sizes": sizes, "largest": sizes[-1]}
    say = lambda *x: print(*x, file=sys.stderr, flush=True)  # noqa: E731

    paths = {n: corpus(n, work) for n in sizes}
    say("throughput ...")
    tp = {}
    if a.real.is_dir():
        tp["real corpus"] = throughput([a.real])
    tp["synthetic (1,000 articles)"] = throughput([paths[sizes[-1]]], limit=1000)
    res["throughput"] = tp

    builds = {}
    if a.real.is_dir():
        say("build real corpus ...")
        builds["real corpus"] = build(a.real, work, "real")
    for n in sizes:
        say(f"build {n} ...")
        builds[f"synthetic {n}"] = build(paths[n], work, str(n))
    res["builds"] = builds
    largest = Path(builds[f"synthetic {sizes[-1]}"]["store"])

    say("add one article ...")
    res["add_one"] = add_one(largest, work)
    say("queries ...")
    res["queries"] = queries(largest)
    say(f"--jobs {a.jobs} ...")
    jn = max((n for n in sizes if n <= 1000), default=sizes[0])
    res["jobs"] = jobs_speedup(paths[sizes[-1]], paths[jn], work, builds.get(f"synthetic {jn}"), a.jobs)

    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(res))
    print(f"\nwrote {a.out}")


if __name__ == "__main__":
    main()
