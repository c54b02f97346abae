"""``kill -9`` in the middle of ``kg build``: the store stays consistent and usable, the next build
completes and gives byte-identical exports to an uninterrupted build, exports are never half-written,
temporary files of the killed writer are cleaned up and its lock does not block the next run."""

from __future__ import annotations

import re
import signal
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from kgrun import env, kg_cmd, run_kg, signal_on_terminal, synth

from kg.store import open_store

N = 300
FILES = ("graph.ttl", "graph.trig", "graph.nq", "graph.jsonld")
FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def build_args(src: Path, root: Path) -> list[str]:
    return ["build", str(src), "--store", str(root / "store"), "--out", str(root / "out"), "--no-html", "--no-validate"]


def build_until(args: list[str], stop, timeout: float = 120) -> tuple[int, bytes]:
    """Run ``kg`` on a terminal and SIGKILL it as soon as ``stop(stderr so far)`` is true.
    Returns (pid, stderr); fails if the build ended first."""
    proc, seen, _ = signal_on_terminal(args, stop, signal.SIGKILL, timeout)
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, seen[-2000:])
    return proc.pid, seen


def progress(seen: bytes) -> int:
    found = re.findall(rb"building (\d+)", seen)
    return int(found[-1]) if found else 0


def consistent(store: Path) -> int:
    """The store opens, and every logged article has its whole graph in the merged graph."""
    with open_store(str(store), create=False) as s:
        logged = {
            r["d"].value
            for r in s.query(
                "SELECT ?d WHERE { GRAPH <https://w3id.org/tmru/ingestion> { ?d "
                "<https://w3id.org/tmru/ontology#ingestFingerprint> ?f } FILTER(CONTAINS(STR(?d), '/doc/')) }"
            )
        }
        graphs = {
            r["d"].value
            for r in s.query("SELECT DISTINCT ?d WHERE { GRAPH ?d { ?d a <https://w3id.org/tmru/ontology#Document> } }")
        }
        assert logged == graphs
        # the merged graph holds each article's triples, except the values it merges into one per
        # functional property and the article-only bookkeeping (issue 11)
        missing = s.query(
            "SELECT DISTINCT ?p WHERE { GRAPH ?d { ?d a "
            "<https://w3id.org/tmru/ontology#Document> . ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
        )
        names = {r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for r in missing}
        assert names <= {
            "reportKey",
            "weekday",
            "ingestFingerprint",
            "startDate",
            "kind",
            "city",
            "format",
            "sessionNumber",
            "agreementsSigned",
            "reportedOn",
            "forCountry",
            "label",
            "altLabel",
        }
        return len(graphs)


@pytest.mark.slow
def test_kill_9_mid_build(tmp_path):
    src = synth(N, tmp_path / "articles")
    ref_root, root = tmp_path / "ref", tmp_path / "victim"
    # the uninterrupted build, meanwhile, in another store
    ref = subprocess.Popen(
        kg_cmd(*build_args(src, ref_root)), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env()
    )

    # 1. killed while ingesting (a fifth of the articles read)
    pid1, _ = build_until(build_args(src, root), lambda seen: progress(seen) >= N // 5)
    n1 = consistent(root / "store")
    assert n1 < N

    # 2. resumed, killed again while it writes an export (a temporary file is there)
    out = root / "out"
    pid2, seen = build_until(build_args(src, root), lambda seen: any(out.glob(".graph.*.tmp")))
    n2 = consistent(root / "store")
    assert n1 <= n2 == N
    for name in FILES:  # whatever was written is whole: a temporary file is renamed only when complete
        if (out / name).exists():
            list(ox.parse(path=str(out / name), format=FORMATS[name.split(".")[1]]))
    left = sorted(p.name for p in out.glob("*"))
    print(f"killed after {n1} articles, then while exporting: {left}")
    # SIGKILL leaves the temporary file of the export it was writing (here one is made sure of)
    out.mkdir(exist_ok=True)
    (out / f".graph.ttl.{pid2}.x1y2z3.tmp").write_bytes(b"@prefix half: <")
    (out / ".gitkeep").write_bytes(b"")  # not ours: left alone

    # 3. the killed builds' lock does not block the next run (no KG_STORE_WAIT), which completes the store
    assert (root / "store.lock").exists()
    r = run_kg(*build_args(src, root), "--json")
    assert r.returncode == 0, r.stderr
    assert consistent(root / "store") == N

    stdout, stderr = ref.communicate(timeout=240)
    assert ref.returncode == 0, stderr
    for name in FILES:
        assert (out / name).read_bytes() == (ref_root / "out" / name).read_bytes(), name
    assert sorted(p.name for p in out.iterdir()) == sorted([".gitkeep", ".kg-stamp.json", ".kg-merged.json", *FILES])
    assert pid1 != pid2


def test_failed_export_leaves_the_old_file(tmp_path):
    """An export that fails half-way keeps the previous file and leaves no temporary file."""
    from kg.errors import ExportError
    from kg.export import atomic_write

    target = tmp_path / "graph.ttl"
    target.write_bytes(b"old")

    def half(fh):
        fh.write(b"new, half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left"):
        atomic_write(target, half)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    atomic_write(target, lambda fh: fh.write(b"new"))
    assert target.read_bytes() == b"new" and [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_a_large_file_replaced_is_removed_on_a_thread(tmp_path, monkeypatch):
    """A large file an export replaces keeps a second name until a thread removes it (``settle`` waits); one
    left by a killed export (its process is gone) is removed by the next export of that file."""
    import kg.export
    from kg.export import atomic_write, settle

    monkeypatch.setattr(kg.export, "LARGE", 4)
    target = tmp_path / "graph.nq"
    target.write_bytes(b"old, large")
    (tmp_path / ".graph.nq.999999999.0badf00d.old.tmp").write_bytes(b"older, large")
    atomic_write(target, lambda fh: fh.write(b"new, large"))
    settle()
    assert target.read_bytes() == b"new, large" and [p.name for p in tmp_path.iterdir()] == ["graph.nq"]


@pytest.mark.slow
def test_kill_9_mid_bulk_build(tmp_path):
    """``kg build --bulk`` killed while ingesting in memory leaves the new store empty; the next build
    fills it, with the same exports as an uninterrupted article-by-article build."""
    n = 80
    src = synth(n, tmp_path / "articles")
    root, ref_root = tmp_path / "victim", tmp_path / "ref"
    build_until([*build_args(src, root), "--bulk"], lambda seen: progress(seen) >= n // 2)
    assert consistent(root / "store") == 0
    r = run_kg(*build_args(src, root), "--bulk")
    assert r.returncode == 0, r.stderr
    assert consistent(root / "store") == n
    assert not list(tmp_path.glob("victim/store.bulk-*"))
    r = run_kg(*build_args(src, ref_root))
    assert r.returncode == 0, r.stderr
    for name in FILES:
        assert (root / "out" / name).read_bytes() == (ref_root / "out" / name).read_bytes(), name
