"""Start-up: the commands that only read the store import nothing they do not use (no spaCy, rdflib,
pyvis, networkx); the HTML step imports neither pyvis nor networkx (it still imports spaCy: its search
keys use ``kg.extract.normalize``, and the ``kg.extract`` package imports the whole extractor).
A check of the set of imported modules (``python -X importtime``), not of the time."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

HEAVY = {"spacy", "rdflib", "pyvis", "networkx", "pyshacl", "pymorphy3", "thinc"}


def imported(args: list[str]) -> set[str]:
    """The top-level packages a ``python -X importtime ARGS`` process imported."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)$", proc.stderr, re.M)
    assert names, "no -X importtime output"
    return {n.split(".")[0] for n in names}


@pytest.mark.parametrize(
    "command",
    [
        ["query", "cochairs"],
        ["query", "meetings", "--format", "csv", "--limit", "2"],
        ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json"],
        ["stats"],
        ["stats", "--json"],
        ["conflicts"],
        ["export", "--format", "jsonld"],
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_reading_commands_import_no_heavy_package(built, command):
    mods = imported(["-m", "kg", *command, "--store", str(built)])
    assert "kg" in mods and "pyoxigraph" in mods
    assert not mods & HEAVY, sorted(mods & HEAVY)


def test_html_step_imports_no_pyvis_nor_networkx(built, tmp_path):
    code = (
        "import sys\nfrom kg.store import open_store\nfrom kg.export import write_all\n"
        f"with open_store({str(built)!r}, create=False) as s:\n"
        f"    write_all(s, {str(tmp_path)!r}, ('ttl', 'nq'), html_lang='en')\n"
    )
    mods = imported(["-c", code])
    assert (tmp_path / "graph.html").stat().st_size > 100_000
    assert not mods & {"pyvis", "networkx"}, sorted(mods & {"pyvis", "networkx"})
