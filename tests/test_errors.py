"""Error messages: one line, whatever the exception says."""

from __future__ import annotations

from kg.errors import StoreError, reason


def test_reason_of_an_exception_without_message():
    """Regression: ``str(exc).splitlines()[0]`` raised IndexError on an empty message inside the
    store's error handling, turning a store error into an internal error (exit 70)."""
    assert reason(OSError()) == "OSError"
    assert reason(ValueError("bad\nmore detail")) == "bad …"
    assert str(StoreError(f"cannot open store x: {reason(RuntimeError())}")) == "E301 cannot open store x: RuntimeError"
