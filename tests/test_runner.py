"""Parallel extraction gives the same output, in the same order, as serial."""

from __future__ import annotations

import json
import pickle

from kg.errors import InputError
from kg.runner import extract_many


def _run(paths, jobs):
    errors: list[str] = []
    out = [
        json.dumps(f.to_json(), sort_keys=True) for f in extract_many(paths, lambda e: errors.append(str(e)), jobs=jobs)
    ]
    return out, sorted(errors)


def test_jobs_do_not_change_output(corpus):
    (corpus / "bad.jsonl").write_text("not json\n", encoding="utf-8")
    serial = _run([corpus], 1)
    parallel = _run([corpus], 2)
    assert serial == parallel
    assert len(serial[0]) == 2 and len(serial[1]) == 1


def test_error_pickles_with_one_code():
    e = pickle.loads(pickle.dumps(InputError("x.txt: broken")))
    assert str(e) == "E101 x.txt: broken"
