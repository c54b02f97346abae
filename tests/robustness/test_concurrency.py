"""Two ``kg build`` processes on one store at once: the second gets "store is busy" (exit 3, one line,
nothing changed) or, with ``KG_STORE_WAIT``, waits for the first; the store stays valid and a later
build gives the same result as a build on a fresh store."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from kgrun import env, kg_cmd, kg_errors, run_kg, synth

N = 60


def build_cmd(src: Path, store: Path, out: Path, *extra: str) -> list[str]:
    return kg_cmd("build", src, "--store", store, "--out", out, "--no-html", "--no-validate", *extra)


def together(*cmds: list[str], **extra_env: str) -> list[subprocess.CompletedProcess]:
    """Start every command at once and wait for all of them."""
    procs = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(**extra_env))
        for c in cmds
    ]
    results = []
    for c, p in zip(cmds, procs, strict=True):
        out, err = p.communicate(timeout=240)
        results.append(subprocess.CompletedProcess(c, p.returncode, out, err))
    return results


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """Synthetic articles and the Turtle export of an undisturbed build of them."""
    root = tmp_path_factory.mktemp("conc")
    src = synth(N, root / "articles")
    r = run_kg("build", src, "--store", root / "ref", "--out", root / "ref-out", "--no-html", "--no-validate")
    assert r.returncode == 0, r.stderr
    return src, (root / "ref-out" / "graph.ttl").read_bytes()


@pytest.mark.slow
def test_second_build_is_told_the_store_is_busy(corpus, tmp_path):
    src, expected = corpus
    store = tmp_path / "store"
    a, b = together(build_cmd(src, store, tmp_path / "a"), build_cmd(src, store, tmp_path / "b"))
    codes = sorted([a.returncode, b.returncode])
    assert codes in ([0, 3], [0, 0]), (a.stderr, b.stderr)
    for r in (a, b):
        if r.returncode == 3:  # the loser: one line, and it wrote nothing
            errors = kg_errors(r.stderr)
            assert len(errors) == 1 and "E302" in errors[0] and "busy" in errors[0], errors
            assert not Path(r.args[r.args.index("--out") + 1]).exists()
        else:
            assert kg_errors(r.stderr) == []
    # the store is whole and a later build gives what an undisturbed build gives
    r = run_kg("build", src, "--store", store, "--out", tmp_path / "later", "--no-html")
    assert r.returncode == 0, r.stderr
    assert "SHACL: conforms" in r.stdout and f"0 added, 0 replaced, {N} unchanged" in r.stdout
    assert (tmp_path / "later" / "graph.ttl").read_bytes() == expected


@pytest.mark.slow
def test_builds_wait_for_each_other(corpus, tmp_path):
    """With ``KG_STORE_WAIT`` both builds succeed, one after the other, with the same result."""
    src, expected = corpus
    store = tmp_path / "store"
    runs = together(*(build_cmd(src, store, tmp_path / f"o{i}", "--json") for i in range(3)), KG_STORE_WAIT="200")
    assert [r.returncode for r in runs] == [0, 0, 0], [r.stderr for r in runs]
    assert all(kg_errors(r.stderr) == [] for r in runs)
    for i in range(3):
        assert (tmp_path / f"o{i}" / "graph.ttl").read_bytes() == expected
    # the store is whole
    r = run_kg("stats", "--store", store)
    assert r.returncode == 0 and f"articles: {N}" in r.stdout
