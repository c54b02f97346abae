"""Store problems through the CLI: an invalid query, a missing store, an unreachable endpoint, a
folder that is not a store.  Each is one line on stderr, a non-zero exit code, and nothing changed."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
from kgrun import GOOD, kg_errors, run_kg, tree

pytestmark = pytest.mark.slow  # a kg subprocess (or several) per case
READ_COMMANDS = [
    ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
    ["stats"],
    ["conflicts"],
    ["export", "--format", "nq"],
    ["remove", "https://example.org/en/good/1"],
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("st")
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    r = run_kg("build", root / "a.txt", "--store", root / "store", "--out", root / "out", "--no-html")
    assert r.returncode == 0, r.stderr
    return root / "store"


def one_error(r, code: int, *words: str) -> str:
    assert r.returncode == code, (r.returncode, r.stderr)
    errors = kg_errors(r.stderr)
    assert len(errors) == 1 and errors[0].startswith("kg: error: E"), r.stderr
    for w in words:
        assert w in errors[0], errors
    return errors[0]


@pytest.mark.parametrize(
    "query",
    ["SELEC broken", "SELECT ?x WHERE { ?x ", "DELETE WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } GROUP BY"],
)
def test_invalid_query_exit_4_store_unchanged(store, query):
    before = tree(store.parent / "out")
    n = run_kg(
        "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store, "--format", "csv"
    ).stdout
    one_error(run_kg("query", query, "--store", store), 4, "E401", "invalid SPARQL")
    assert (
        run_kg(
            "query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", store, "--format", "csv"
        ).stdout
        == n
    )
    assert tree(store.parent / "out") == before


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: a[0])
def test_missing_store_is_not_created(tmp_path, args):
    """Reading (or removing from) a store that does not exist is an error (exit 3): no empty store is
    silently created; only ``kg build`` creates a store."""
    missing = tmp_path / "missing" / "path"
    one_error(run_kg(*args, "--store", missing), 3, "E301", "no store", str(missing))
    assert not (tmp_path / "missing").exists()
    # the default store too ($KG_STORE unset: ./.kg/store in the working folder)
    r = run_kg(*args, cwd=tmp_path, KG_STORE="")
    one_error(r, 3, "no store", ".kg/store")
    assert list(tmp_path.iterdir()) == []


def test_build_creates_the_store(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = run_kg("build", tmp_path / "a.txt", "--store", tmp_path / "new" / "store", "--out", tmp_path / "o", "--no-html")
    assert r.returncode == 0 and (tmp_path / "new" / "store" / "CURRENT").is_file()
    assert run_kg("stats", "--store", tmp_path / "new" / "store").returncode == 0


@pytest.mark.parametrize("args", [*READ_COMMANDS, ["build", "IN", "--out", "OUT"]], ids=lambda a: a[0])
def test_unreachable_endpoint_exit_3_one_line(tmp_path, args):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    args = [str(tmp_path / "a.txt") if a == "IN" else str(tmp_path / "o") if a == "OUT" else a for a in args]
    r = run_kg(*args, "--store", "http://127.0.0.1:9/sparql", timeout=60)
    one_error(r, 3, "E301", "cannot reach", "127.0.0.1:9")
    assert not (tmp_path / "o").exists()


class _NotSparql(http.server.BaseHTTPRequestHandler):
    """A web server that is not a SPARQL endpoint (answers HTML), or one that hangs."""

    hang = threading.Event()

    def do_POST(self):  # noqa: N802
        if self.path.startswith("/slow"):
            self.hang.wait(30)
            return
        body = b"<html><body>Welcome</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def web():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotSparql)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    _NotSparql.hang.set()
    srv.shutdown()
    srv.server_close()
    _NotSparql.hang.clear()


def test_a_web_page_is_not_a_sparql_endpoint(web):
    one_error(run_kg("stats", "--store", web + "/sparql"), 3, "not a SPARQL endpoint")


def test_a_silent_endpoint_times_out(web):
    """An endpoint that accepts the connection but never answers: a clear error after the timeout."""
    one_error(
        run_kg("stats", "--store", web + "/slow/sparql", KG_STORE_TIMEOUT="1", timeout=60),
        3,
        "cannot reach",
        "timed out",
    )


@pytest.mark.parametrize(
    "args",
    [["stats"], ["query", "SELECT * WHERE { ?s ?p ?o }"], ["export"], ["remove", "x"], ["build", "IN", "--out", "OUT"]],
    ids=lambda a: a[0],
)
def test_folder_that_is_not_a_store(tmp_path, args):
    """A folder of other files given as --store: exit 3 "not a kg store", every file untouched, no lock
    file or store created next to it."""
    folder = tmp_path / "papers"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.txt").write_text("my notes\n")
    (folder / "sub" / "data.bin").write_bytes(bytes(range(256)))
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    before, listing = tree(folder), sorted(p.name for p in tmp_path.iterdir())
    args = [str(tmp_path / "a.txt") if a == "IN" else str(tmp_path / "o") if a == "OUT" else a for a in args]
    one_error(run_kg(*args, "--store", folder), 3, "E301", "not a kg store")
    assert tree(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_a_file_as_store_and_odd_urls(tmp_path):
    (tmp_path / "file").write_text("x")
    one_error(run_kg("stats", "--store", tmp_path / "file"), 3, "not a kg store")
    assert (tmp_path / "file").read_text() == "x"
    one_error(run_kg("stats", "--store", "ftp://example.org/store"), 3, "unsupported store URL")
    one_error(run_kg("stats", "--store", "http://"), 3, "cannot reach")


def test_store_settings_are_checked(store):
    one_error(run_kg("stats", "--store", store, KG_STORE_WAIT="soon"), 3, "KG_STORE_WAIT")
    one_error(run_kg("stats", "--store", "http://127.0.0.1:9", KG_STORE_TIMEOUT="-1"), 3, "KG_STORE_TIMEOUT")


def test_damaged_store(store, tmp_path):
    """A store whose database files were cut short: exit 3, one line, no traceback."""
    import shutil

    damaged = tmp_path / "damaged"
    shutil.copytree(store, damaged)
    cut = [f for f in damaged.iterdir() if f.suffix in (".sst", ".log") or f.name.startswith("MANIFEST")]
    assert cut
    for f in cut:
        f.write_bytes(f.read_bytes()[: f.stat().st_size // 3])
    r = run_kg("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--store", damaged)
    one_error(r, 3, "E301", str(damaged))
