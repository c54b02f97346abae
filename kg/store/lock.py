"""An exclusive lock file next to an on-disk store (``PATH.lock``), so two ``kg`` processes never
open the same store at once; the second one gets ``StoreBusyError`` instead of a RocksDB error."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from ..errors import StoreBusyError, StoreError


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists (what a killed run left behind is stale when it does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. EPERM: it exists
        return True
    return True


class StoreLock:
    """``fcntl.flock`` on ``PATH.lock``; waits up to ``wait`` seconds (``$KG_STORE_WAIT``, default 0)."""

    def __init__(self, store_path: Path, wait: float | None = None) -> None:
        self.path = store_path.with_name(store_path.name + ".lock")
        if wait is None:
            raw = os.environ.get("KG_STORE_WAIT", "") or "0"
            try:
                wait = float(raw)
            except ValueError:
                raise StoreError(f"KG_STORE_WAIT={raw!r} is not a number of seconds") from None
        self.wait = wait
        self._fd: int | None = None

    def acquire(self) -> StoreLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as exc:
            raise StoreError(f"cannot create lock file {self.path}: {exc.strerror or exc}") from exc
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreBusyError(
                        f"store {self.path.with_suffix('')} is busy (another kg process holds "
                        f"{self.path}); try again later"
                    ) from None
                time.sleep(0.1)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
