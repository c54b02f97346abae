"""Helpers for the robustness tests: run ``kg`` as a user would (a subprocess), check that what
reaches the user is one line per problem and never a traceback, and compare stores."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD = (
    "---\nurl: https://example.org/en/good/1\nlang: en\n---\n"
    "On 3 March 2021 the co-chairs of the Intergovernmental Turkmen-Russian Commission, Deputy Chairman "
    "of the Cabinet of Ministers Rashid Meredov and Deputy Prime Minister Alexei Overchuk, met in Ashgabat.\n"
)
GOOD_RU = (
    "---\nurl: https://example.org/ru/good/2\nlang: ru\n---\n"
    "7 октября 2021 года в Ашхабаде состоялось заседание Межправительственной туркмено-российской "
    "комиссии по экономическому сотрудничеству.\n"
)


def env(**extra: str) -> dict[str, str]:
    """The environment of a ``kg`` subprocess: no debug output, no store wait, this checkout first."""
    e = {k: v for k, v in os.environ.items() if k not in ("KG_DEBUG", "KG_STORE_WAIT", "KG_STORE_UPDATE")}
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e.update(extra)
    return e


def kg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *map(str, args)]


def signal_on_terminal(
    args: list[str], stop: Callable[[bytes], bool], sig: int, timeout: float = 120
) -> tuple[subprocess.Popen, bytes, bool]:
    """Run ``kg`` with stderr on a pseudo-terminal (so it shows its progress), send ``sig`` as soon
    as ``stop(stderr so far)`` holds, and read on until the process ends.
    Returns (process, stderr, whether the signal was sent)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(kg_cmd(*args), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=env())
    os.close(slave)
    seen, deadline, sent = b"", time.monotonic() + timeout, False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.005)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the terminal closed: the process ended
                    break
                if not chunk:
                    break
                seen += chunk
            if not sent and stop(seen):
                proc.send_signal(sig)
                sent = True
            if not ready and proc.poll() is not None:
                break
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return proc, seen, sent


def run_kg(
    *args: str | Path, timeout: float = 180, cwd: Path | None = None, **extra_env: str
) -> subprocess.CompletedProcess:
    return subprocess.run(
        kg_cmd(*map(str, args)), capture_output=True, text=True, timeout=timeout, env=env(**extra_env), cwd=cwd
    )


def error_lines(stderr: str) -> list[str]:
    """The lines on stderr; fails if a traceback (or any multi-line error) reached the user."""
    lines = [x for x in stderr.splitlines() if x.strip()]
    assert "Traceback" not in stderr, stderr
    assert all(x.startswith(("kg: ", "kg ", "usage: ", "  ", "SHACL", "Validation", "Conforms")) for x in lines), stderr
    return lines


def kg_errors(stderr: str) -> list[str]:
    """The ``kg: ...`` lines of stderr (errors and skipped inputs), after checking there is no traceback."""
    return [x for x in error_lines(stderr) if x.startswith("kg: ")]


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its content (to show that nothing was changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def synth(n: int, out: Path, seed: int = 7) -> Path:
    """``n`` synthetic articles (``bench/synth.py``) in ``out``."""
    import synth as generator  # bench/ is on the tests' path (pyproject.toml)

    generator.generate(n, out, seed=seed)
    return out


def kg_here(*args: str | Path) -> subprocess.CompletedProcess:
    """``kg`` run in this process (faster than a subprocess: the extractor is loaded once), with
    stdout and stderr captured as a subprocess would give them."""
    import contextlib
    import io

    from kg.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
    return subprocess.CompletedProcess(["kg", *map(str, args)], code, out.getvalue(), err.getvalue())
