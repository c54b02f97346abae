"""No traceback ever reaches the user: every command with bad arguments or inputs ends with one
line on stderr and a documented exit code; an unexpected exception is ``kg: internal error`` (exit
70) unless ``--debug`` / ``KG_DEBUG=1`` asks for the traceback; Ctrl-C and a closed pipe are quiet;
the exit codes in ``kg --help`` and README agree."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from kgrun import GOOD, ROOT, env, error_lines, kg_cmd, kg_errors, run_kg, signal_on_terminal, synth

import kg.cli.stats
from kg.cli import main
from kg.cli.common import EPILOG

Q = "SELECT * WHERE { ?s ?p ?o } LIMIT 3"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working folder: a good article, a built store, a binary file, a Turtle file with a violation."""
    w = tmp_path_factory.mktemp("cli")
    (w / "good.txt").write_text(GOOD, encoding="utf-8")
    (w / "bin.ttl").write_bytes(bytes(range(256)) * 4)
    (w / "bad.ttl").write_text("@prefix tmru: <https://w3id.org/tmru/ontology#> .\n<urn:x> a tmru:Meeting .\n")
    (w / "folder").mkdir()
    onto = w / "onto"
    shutil.copytree(ROOT / "ontology", onto)
    with (onto / "gazetteer.ttl").open("a") as fh:
        fh.write("\nthis is not turtle <<<\n")
    r = run_kg("build", w / "good.txt", "--store", w / "store", "--out", w / "out", "--no-html")
    assert r.returncode == 0, r.stderr
    return w


# (arguments, extra environment, exit code, words of the error line); W/ stands for the working folder
CASES = [
    ([], {}, 2, "required"),
    (["bogus"], {}, 2, "invalid choice"),
    (["extract"], {}, 2, "required"),
    (["extract", "--jobs", "many", "W/good.txt"], {}, 2, "invalid int"),
    (["build", "--lang", "xx", "W/good.txt"], {}, 2, "invalid choice"),
    (["query"], {}, 2, "required"),
    (["export", "--format", "xml"], {}, 2, "invalid choice"),
    (["query", "no-such-query", "--store", "W/store"], {}, 2, "no such query"),
    (["query", Q, "--bind", "foo", "--store", "W/store"], {}, 2, "VAR=VALUE"),
    (["query", Q, "--bind", "s=<not an iri", "--store", "W/store"], {}, 2, "not an IRI"),
    (["query", Q, "--bind", "s=<not an iri>", "--store", "W/store"], {}, 2, "not a valid RDF term"),
    (["query", "SELECT ?x", "--bind", "x=1", "--store", "W/store"], {}, 4, "invalid SPARQL"),
    (["export", "--store", "W/store", "--out", "/dev/null/x.ttl"], {}, 6, "not a folder"),
    (["export", "--store", "W/store", "--out", "W/folder"], {}, 6, "folder"),
    (["build", "W/good.txt", "--store", "W/store", "--out", "W/good.txt", "--no-html"], {}, 6, "not a folder"),
    (["validate", "W/nothing.ttl"], {}, 2, "no such file"),
    (["validate", "W/bin.ttl"], {}, 2, "cannot parse"),
    (["validate", "W/folder"], {}, 2, "no such file"),
    (["validate", "W/bad.ttl"], {}, 5, None),
    (["remove", "https://example.org/nothing", "--store", "W/store"], {}, 1, "not in the store"),
    (["extract", "W/nothing.txt", "W/folder"], {}, 1, "no such file"),
    (["extract", "--jobs", "2", "W/bin.ttl", "W/good.txt", "W/folder"], {}, 1, "no articles"),
    (["build", "W/good.txt", "--store", "W/s2", "--out", "W/o2"], {"KG_ONTOLOGY": "W/nothing"}, 2, "KG_ONTOLOGY"),
    (["build", "W/good.txt", "--store", "W/s2", "--out", "W/o2"], {"KG_ONTOLOGY": "W/onto"}, 2, "gazetteer.ttl"),
    (["extract", "W/good.txt"], {"KG_ONTOLOGY": "W/onto"}, 2, "gazetteer.ttl"),
    (["stats", "--store", "W/store"], {"KG_STORE_WAIT": "-"}, 3, "KG_STORE_WAIT"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("args", "extra", "code", "words"), CASES, ids=[" ".join(c[0]) or "-" for c in CASES])
def test_bad_arguments_and_inputs_end_in_one_line(ws, args, extra, code, words):
    args = [a.replace("W/", f"{ws}/") for a in args]
    extra = {k: v.replace("W/", f"{ws}/") for k, v in extra.items()}
    r = run_kg(*args, **extra)
    assert r.returncode == code, (r.returncode, r.stderr)
    lines = error_lines(r.stderr)
    errors = [x for x in lines if x.startswith(("kg: error", "kg: skipped", "kg: internal"))]
    if code == 2 and words in ("required", "invalid choice", "invalid int"):  # argparse: usage + one line
        assert lines[0].startswith("usage: ") and lines[-1].startswith("kg") and words in lines[-1], lines
    elif words is not None:
        assert errors and all(len(e) < 600 for e in errors), lines
        assert any(words in e for e in errors), lines
    assert "internal error" not in r.stderr


def test_unexpected_exception_is_one_line_exit_70(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("KG_DEBUG", raising=False)

    def boom(args):
        raise RuntimeError("something went wrong\nsecond line")

    monkeypatch.setattr(kg.cli.stats, "run", boom)
    assert main(["stats", "--store", str(tmp_path)]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("kg: internal error: RuntimeError: something went wrong (a bug in kg; ")
    assert "--debug" in err and "KG_DEBUG=1" in err
    # asked for: the traceback, then the same line
    for argv, debug_env in ((["--debug", "stats"], None), (["stats", "--debug"], None), (["stats"], "1")):
        if debug_env:
            monkeypatch.setenv("KG_DEBUG", debug_env)
        assert main(argv) == 70
        err = capsys.readouterr().err
        assert "Traceback" in err and "RuntimeError: something went wrong" in err
        assert err.strip().splitlines()[-1].startswith("kg: internal error: RuntimeError")


def test_store_error_is_one_line_even_if_the_library_says_more(monkeypatch, capsys, tmp_path):
    from kg.errors import StoreError

    def fail(args):
        raise StoreError("first line\nsecond line\nthird")

    monkeypatch.setattr(kg.cli.stats, "run", fail)
    assert main(["stats"]) == 3
    assert capsys.readouterr().err == "kg: error: E301 first line …\n"


@pytest.mark.slow
def test_interrupt_is_quiet_and_leaves_a_usable_store(tmp_path):
    """Ctrl-C (SIGINT) in the middle of a build: "kg: interrupted", exit 130, no traceback; the next
    build completes the store."""
    src = synth(60, tmp_path / "articles")
    args = [
        "build",
        str(src),
        "--store",
        str(tmp_path / "s"),
        "--out",
        str(tmp_path / "o"),
        "--no-html",
        "--no-validate",
    ]
    proc, seen, sent = signal_on_terminal(
        args, lambda seen: bool(re.search(rb"building (1\d|[2-9]\d)", seen)), signal.SIGINT
    )
    text = seen.decode("utf-8", "replace").replace("\r", "\n")
    assert sent and proc.returncode == 130, (proc.returncode, text[-2000:])
    assert "kg: interrupted" in text and "Traceback" not in text
    r = run_kg(*args, "--json")
    assert r.returncode == 0 and kg_errors(r.stderr) == []


def test_closed_pipe_is_quiet(ws):
    """``kg export ... | head -c 100``: no error message, exit 0."""
    proc = subprocess.Popen(
        kg_cmd("export", "--format", "nq", "--store", ws / "store"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(),
    )
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert proc.returncode == 0 and err == ""


def _codes(text: str, pattern: str) -> dict[int, str]:
    return {int(m.group(1)): " ".join(m.group(2).split()) for m in re.finditer(pattern, text, re.M)}


def test_exit_codes_documented_alike_in_help_and_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    documented = _codes(section, r"^\| (\d+) \| (.+?) \|$")
    helped = _codes(EPILOG, r"^  (\d+) +(.+)$")
    assert set(documented) == set(helped) == {0, 1, 2, 3, 4, 5, 6, 70, 130}
    for code in documented:  # the same words, README may format them
        assert re.sub(r"[`*]", "", documented[code]) == helped[code], code
    r = run_kg("--help")
    assert r.returncode == 0 and "exit codes:" in r.stdout and "70" in r.stdout and "KG_DEBUG" in r.stdout
