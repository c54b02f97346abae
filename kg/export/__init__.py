"""Stage 6: write the graph out (Turtle, TriG, N-Quads, JSON-LD, interactive HTML).

Every file is written to a temporary file in the same folder (``.NAME.PID.XXXX.tmp``) and
renamed into place, so an interrupted export never leaves a half-written file; the temporary
file of a process that was killed (its PID is gone) is removed by the next export of that file.  A large
file replaced is removed on a thread (``settle`` waits for that), under a temporary name of the same kind."""

from __future__ import annotations

import glob
import json
import os
import re
import stat
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import ExportError, printable


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files left next to ``path`` by killed writers; returns them."""
    from ..store.lock import alive  # (not at import: the store package loads pyoxigraph)

    removed = []
    pattern = re.compile(rf"\.{re.escape(path.name)}\.(\d+)\.[^/]*\.tmp")
    for cand in glob.glob(glob.escape(str(path.parent / f".{path.name}.")) + "*.tmp"):
        m = pattern.fullmatch(Path(cand).name)
        if m and int(m.group(1)) != os.getpid() and not alive(int(m.group(1))):
            try:
                Path(cand).unlink()
                removed.append(Path(cand))
            except OSError:
                pass
    return removed


def _kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a folder is (None for those two)."""
    for test, name in (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return None


def write_error(path: str | Path, exc: OSError) -> ExportError:
    """The one-line error of a failed write to ``path``."""
    return ExportError(f"cannot write {path}: {exc.strerror or exc}")


#: a replaced file larger than this is removed on a thread (freeing the blocks of a 500 MB file takes 0.2 s)
LARGE = 1 << 24
_removing: list[threading.Thread] = []


def _set_aside(path: Path) -> Path | None:
    """A second name for the large regular file at ``path`` (about to be replaced), so that replacing it does
    not free its blocks: ``_remove_later`` does (None: small, missing, or no hard link here)."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode) or st.st_size < LARGE:
            return None
        aside = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.old.tmp"
        os.link(path, aside)
    except OSError:
        return None
    return aside


def _remove_later(path: Path) -> None:
    """Remove ``path`` on a thread (``settle`` waits for it; so does the interpreter before it exits)."""

    def remove() -> None:
        try:
            path.unlink(missing_ok=True)
        except OSError:  # (left to the next export of that file, which removes it)
            pass

    thread = threading.Thread(target=remove, name="kg-remove")
    thread.start()
    _removing.append(thread)


def settle() -> None:
    """Wait until the files replaced by exports so far are removed."""
    while _removing:
        _removing.pop().join()


@contextmanager
def atomic_file(path: str | Path) -> Iterator[IO[bytes]]:
    """A temporary file next to ``path`` to write, renamed to ``path`` when the block ends without an
    error (removed otherwise).  Only a regular file is ever replaced: a symbolic link is followed (its
    target is written), and a FIFO, device or socket at ``path`` is an ``ExportError`` (nothing is
    written)."""
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        kind = _kind(path.stat().st_mode) if path.exists() else None
    except OSError:
        kind = None
    if kind:
        raise ExportError(f"cannot write {printable(str(path))}: it is {kind}, not a regular file; nothing was written")
    try:
        for up in (path.parent, *path.parent.parents):
            if up.exists():
                if not up.is_dir():
                    raise NotADirectoryError(20, f"{up} is not a folder")
                break
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(21, "it is a folder")
        remove_stale_temporaries(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        aside = _set_aside(path)
        try:
            os.replace(tmp, path)
        finally:
            if aside is not None:
                _remove_later(aside)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise write_error(path, exc) from exc
        raise


def atomic_write(path: str | Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write`` on a temporary file next to ``path``, then rename it to ``path`` (``atomic_file``)."""
    path = Path(path)
    with atomic_file(path) as fh:
        write(fh)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_stamped(path: str | Path, head: dict[str, Any], body: Callable[[IO[bytes]], None]) -> Path:
    """Write a file kept beside the exports, atomically: its first line the JSON ``head`` (the content stamp
    it describes, the key of its format), then what ``body`` writes."""

    def write(fh: IO[bytes]) -> None:
        fh.write(json.dumps(head, sort_keys=True).encode() + b"\n")
        body(fh)

    return atomic_write(path, write)


def read_head(path: str | Path) -> dict[str, Any] | None:
    """The head (first line) of a file written by ``write_stamped`` (None: none there, or unreadable)."""
    try:
        with open(path, "rb") as fh:
            head = json.loads(fh.readline())
    except (OSError, ValueError):
        return None
    return head if isinstance(head, dict) else None


def _read_stamped(
    path: str | Path, want: dict[str, Any], body: Callable[[bytes], Any]
) -> tuple[dict[str, Any], Any] | None:
    try:
        with open(path, "rb") as fh:
            head = json.loads(fh.readline())
            if not isinstance(head, dict) or any(head.get(k) != v for k, v in want.items()):
                return None
            return head, body(fh.read())
    except (OSError, ValueError):
        return None


def read_stamped(path: str | Path, **want: Any) -> tuple[dict[str, Any], Any] | None:
    """The head and JSON body of a file written by ``write_stamped`` whose head has the values ``want``
    (None: another file, or none)."""
    return _read_stamped(path, want, json.loads)


def read_stamped_lines(path: str | Path, **want: Any) -> tuple[dict[str, Any], list[bytes]] | None:
    """The head and the lines after it of a file written by ``write_stamped`` whose head has the values
    ``want`` (None: another file, or none)."""
    return _read_stamped(path, want, bytes.splitlines)


def in_thread(fn: Callable[[], Any]) -> Callable[[], Any]:
    """Run ``fn`` on a thread now; the function returned waits for its result (or raises its error)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - raised in the caller
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def result() -> Any:
        thread.join()
        if "error" in box:
            raise box["error"]
        return box["value"]

    return result


def write_all(
    source: Any, out: str | Path, formats: Iterable[str] = ("ttl", "trig", "nq", "jsonld"), html_lang: str | None = "en"
) -> list[Path]:
    """Write ``out/graph.{fmt}`` for each of ``formats`` (ttl, trig, nq, jsonld) from one read of the
    store ``source`` (``kg.export.rdf.write_files``), then ``out/graph.html`` in ``html_lang`` from
    aggregated queries (None: no HTML); returns the files, each replaced atomically."""
    from .rdf import write_files

    out = Path(out)
    files = write_files(source, {fmt: out / f"graph.{fmt}" for fmt in formats})
    if html_lang is not None:
        from .html import write_html

        files.append(write_html(source, out / "graph.html", lang=html_lang))
    settle()
    return files
