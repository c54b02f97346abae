"""Issue 14: the hostile inputs and faults a red team found, one regression test per case
(``test_caseNN_...``), plus the weaker spots.  Each case ends in one clear line with the documented
exit code, or simply works, and the other articles of the batch are stored."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import threading
import time
from pathlib import Path

import pytest
from kgrun import GOOD, GOOD_RU, env, kg_cmd, kg_errors, kg_here, run_kg

from kg.documents.reader import MAX_CHARS, html_page, read_path
from kg.errors import InputError


def stored_urls(store: Path) -> set[str]:
    r = kg_here(
        "query",
        "SELECT ?u WHERE { ?d a <https://w3id.org/tmru/ontology#Document> ; <https://schema.org/url> ?u }",
        "--store",
        store,
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    return {row["u"] for row in json.loads(r.stdout)}


def build(tmp_path: Path, files: dict[str, str | bytes], *extra: str):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    r = kg_here("build", folder, "--store", tmp_path / "store", "--out", tmp_path / "out", "--no-html", *extra)
    return r, kg_errors(r.stderr)


class Listener:
    """A TCP socket on 127.0.0.1 that counts connections (the red team's "does it phone home" probe)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture()
def listener():
    lst = Listener()
    yield lst
    lst.close()


# ---------------------------------------------------------------- 1. quadratic HTML

HOSTILE_HTML = [
    "<main>x ",
    "<article>",
    "<a ",
    "<a b='",
    "<a b=c ",
    "<a\n",
    "<a/",
    "<!--",
    "x<y",
    "<1",
    "</a ",
    "<![CDATA[",
    "<title>",
    "<script>",
    "\xa0",
    "<p>",
]


@pytest.mark.parametrize("piece", HOSTILE_HTML, ids=[repr(p) for p in HOSTILE_HTML])
def test_case01_hostile_html_is_read_in_linear_time(piece):
    """128 KB of unclosed tags, comments, attributes or white space is read in a fraction of a second
    (the stdlib parser took 9 s for 30 KB of ``<a ``, the ``<main>`` regex 50 s for 160 KB)."""
    page = "<html><body>" + piece * (2**17 // len(piece))
    t = time.perf_counter()
    html_page(page)
    assert time.perf_counter() - t < 2


def test_case01_html_page_among_good_articles(tmp_path):
    r, errors = build(tmp_path, {"evil.html": "<html><body>" + "<main>x " * 5_000 + "<a " * 5_000, "good.md": GOOD})
    assert r.returncode == 0 and errors == [], r.stderr
    assert "https://example.org/en/good/1" in stored_urls(tmp_path / "store")


def test_case01_main_text_still_found():
    page = (
        "<html><head><title>T &amp; x</title><script>var a = '<main>';</script></head><body><form>"
        "<nav>menu</nav><main><p>Hello &amp; <b>world</b></p><svg/><p>two</p></main></form><footer>f</footer>"
    )
    assert html_page(page) == ("T & x", "Hello & world\n\ntwo", 0)
    odd = """<p class=it's>Russia's delegation <a title="a>b" href=x>arrived</a> in 'Ashgabat'.</p>"""
    assert html_page(odd) == (None, "Russia's delegation arrived in 'Ashgabat'.", 0)


# ---------------------------------------------------------------- 2. YAML alias bomb

BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
title: *i
---
Text.
"""


def test_case02_yaml_alias_bomb_and_deep_nesting(tmp_path):
    fronts = {
        "bomb.md": BOMB,
        "deep.md": "---\ntitle: " + "[" * 5000 + "\n---\nText.\n",
        "nested.md": "---\ntitle: " + "[" * 30 + "]" * 30 + "\n---\nText.\n",
    }
    r, errors = build(tmp_path, {**fronts, "good.md": GOOD})
    assert r.returncode == 1, r.stderr
    assert len(errors) == 3 and all("broken front matter" in e for e in errors), errors
    assert "bomb.md: line 3: broken front matter (aliases (*name) are not allowed)" in errors[0]
    assert "deep.md: line 2: broken front matter (nested deeper than 20 levels)" in errors[1]
    assert "nested.md: line 2: broken front matter (nested deeper than 20 levels)" in errors[2]
    assert stored_urls(tmp_path / "store") == {"https://example.org/en/good/1"}


# ---------------------------------------------------------------- 3. article length


def test_case03_article_over_the_limit_is_refused_with_the_documented_limit(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("a" * (MAX_CHARS + 1), encoding="utf-8")
    with pytest.raises(InputError, match="1,000,000-character limit"):
        list(read_path(path))


@pytest.mark.slow
def test_case03_article_at_the_limit_is_extracted(tmp_path):
    """An article of exactly ``MAX_CHARS`` characters goes through spaCy (no E088) and is stored."""
    filler = (
        "The sides discussed cooperation in agriculture, healthcare and education, and the growth of trade "
        "between the two countries in the coming years was also on the agenda.\n\n"
    )
    body = GOOD.split("---\n", 2)[2] + "\n"
    text = (body + filler * (MAX_CHARS // len(filler) + 1))[:MAX_CHARS]
    head = "---\nurl: https://example.org/en/long\nlang: en\npublished: 2021-03-05\n---\n"
    r, errors = build(tmp_path, {"long.md": head + text, "good_ru.md": GOOD_RU})
    assert r.returncode == 0 and errors == [], r.stderr
    assert stored_urls(tmp_path / "store") == {"https://example.org/en/long", "https://example.org/ru/good/2"}


# ---------------------------------------------------------------- 4. deeply nested JSON line


def test_case04_deep_json_line_is_skipped_by_number(tmp_path):
    good = json.dumps({"text": GOOD.split("---\n", 2)[2], "url": "https://example.org/a", "lang": "en"})
    later = json.dumps({"text": GOOD.split("---\n", 2)[2], "url": "https://example.org/b", "lang": "en"})
    deep = '{"text": ' + "[" * 200_000 + "]" * 200_000 + "}"
    r, errors = build(tmp_path, {"a.jsonl": "\n".join([good, deep, later]) + "\n"})
    assert r.returncode == 1, r.stderr
    assert len(errors) == 1 and "line 2: JSON nested too deeply" in errors[0]
    assert stored_urls(tmp_path / "store") == {"https://example.org/a", "https://example.org/b"}


# ---------------------------------------------------------------- 5. published at the ends of the calendar


def test_case05_published_far_in_time(tmp_path):
    body = (
        "Today the co-chairs of the Intergovernmental Turkmen-Russian Commission, Rashid Meredov and Alexei "
        "Overchuk, met in Ashgabat. On Friday they spoke again.\n"
    )
    far = ["9999-12-31", "0001-01-01", '"9999-12-31T10:00:00Z"', "1899-12-31"]
    files = {
        f"far{i}.md": f"---\nurl: https://example.org/far{i}\nlang: en\npublished: {p}\n---\n{body}"
        for i, p in enumerate(far)
    }
    r, errors = build(tmp_path, {**files, "good.md": GOOD})
    assert r.returncode == 1, r.stderr
    assert [e.split("/")[-1] for e in errors] == [
        "far0.md: published date '9999-12-31' is outside 1900-2099",
        "far1.md: published date '0001-01-01' is outside 1900-2099",
        "far2.md: published date '9999-12-31' is outside 1900-2099",
        "far3.md: published date '1899-12-31' is outside 1900-2099",
    ]
    assert stored_urls(tmp_path / "store") == {"https://example.org/en/good/1"}


@pytest.mark.parametrize("path", ["article by article", "batch"])
def test_case05_an_article_that_breaks_ingestion_is_skipped(tmp_path, monkeypatch, path):
    """Whatever an article's data makes the merge code raise, that article is skipped with one line
    (its update was never sent) and the batch goes on: article by article (``plan``) and in the batch
    planner of a first build (``prepare``)."""
    import kg.resolve.batch as batch_module
    import kg.resolve.plan as plan_module

    real_plan, real_prepare = plan_module.plan, batch_module.prepare

    def plan(backend, doc, new, replacing):
        if any("example.org/ru/good/2" in str(t.object) for t in new or ()):
            raise OverflowError("date value out of range")
        return real_plan(backend, doc, new, replacing)

    def prepare(doc, fingerprint, triples):
        if any("example.org/ru/good/2" in str(t.object) for t in triples):
            raise OverflowError("date value out of range")
        return real_prepare(doc, fingerprint, triples)

    monkeypatch.setattr(plan_module, "plan", plan)
    monkeypatch.setattr(batch_module, "prepare", prepare)
    r, errors = build(tmp_path, {"a.md": GOOD, "b.md": GOOD_RU}, *(["--no-bulk"] if path != "batch" else []))
    assert r.returncode == 1, r.stderr
    assert len(errors) == 1 and "b.md: cannot store this article (OverflowError" in errors[0]
    assert stored_urls(tmp_path / "store") == {"https://example.org/en/good/1"}


# ---------------------------------------------------------------- 6. a date that does not exist


def test_case06_invalid_date_is_skipped_and_the_store_stays_valid(tmp_path):
    body = GOOD.split("---\n", 2)[2]
    bad = {
        f"bad{i}.md": f"---\nurl: https://example.org/bad{i}\nlang: en\npublished: {p}\n---\n{body}"
        for i, p in enumerate(['"2021-02-30"', "2021-02-30", '"2021-13-01 10:00"'])
    }
    r, errors = build(tmp_path, {**bad, "good.md": GOOD})
    assert r.returncode == 1 and "SHACL: conforms" in r.stdout, r.stdout + r.stderr
    assert [e.split("/")[-1] for e in errors] == [
        "bad0.md: published date '2021-02-30' is not a real day",
        "bad1.md: broken front matter (not a real date: day is out of range for month)",
        "bad2.md: published date '2021-13-01' is not a real day",
    ]
    for name in bad:
        (tmp_path / "in" / name).unlink()
    (tmp_path / "in" / "good_ru.md").write_text(GOOD_RU, encoding="utf-8")
    again = kg_here("build", tmp_path / "in", "--store", tmp_path / "store", "--out", tmp_path / "out", "--no-html")
    assert again.returncode == 0 and "SHACL: conforms" in again.stdout, again.stdout + again.stderr


def test_case06_jsonl_invalid_date_names_the_line(tmp_path):
    lines = [json.dumps({"text": "x y z", "published": "2021-02-30"}), json.dumps({"text": "a b c"})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    from kg.documents import iter_documents

    docs = list(iter_documents([tmp_path / "a.jsonl"], errors.append))
    assert len(docs) == 1 and [str(e) for e in errors] == [
        f"E101 {tmp_path / 'a.jsonl'}: line 1: published date '2021-02-30' is not a real day"
    ]


# ---------------------------------------------------------------- 7. --bind


@pytest.fixture(scope="module")
def small_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bind")
    (root / "a.md").write_text(GOOD, encoding="utf-8")
    (root / "b.md").write_text(GOOD_RU, encoding="utf-8")
    r = kg_here("build", root / "a.md", root / "b.md", "--store", root / "store", "--out", root / "out", "--no-html")
    assert r.returncode == 0, r.stderr
    return root / "store"


def test_case07_bind_cannot_inject_a_service_call(small_store, listener):
    evil = f"year=2021 }} SERVICE <http://127.0.0.1:{listener.port}/x> {{?a ?b ?c}} VALUES ?z {{ 1"
    r = kg_here("query", "cochairs-in-year", "--store", small_store, "--bind", evil)
    assert r.returncode == 2 and r.stdout == "", r.stderr
    assert len(kg_errors(r.stderr)) == 1 and "not a valid RDF term" in r.stderr
    evil2 = f'country="x" }} SERVICE <http://127.0.0.1:{listener.port}/x> {{ ?a ?b ?c }} #'
    r = kg_here("query", "cochairs-in-year", "--store", small_store, "--bind", evil2)
    assert r.returncode == 2, r.stderr
    time.sleep(0.2)
    assert listener.hits == 0


@pytest.mark.parametrize(
    ("bind", "words"),
    [
        ("year=", "empty value"),
        ("yaer=2021", "the query has no variable ?yaer"),
        ("year=2020 2021", "not an IRI"),
        ("year=2020, 2021", "not an IRI"),
        ("country=Turkmenistan", 'quote a text: "..."'),
        ("country=nope:TM", "unknown prefix 'nope'"),
        ("country=<not an iri>", "not a valid RDF term"),
        ('country="a" . <urn:x> <urn:y> "b"', "not a valid RDF term"),
        ("year=2021-02-30", "not a valid RDF term"),
        ("year", "expected VAR=VALUE"),
        ("k=1", "bind a variable the query selects"),
    ],
)
def test_case07_bad_bindings_are_usage_errors(small_store, bind, words):
    r = kg_here("query", "cochairs-in-year", "--store", small_store, "--bind", bind)
    assert r.returncode == 2 and r.stdout == "", r.stderr
    errors = kg_errors(r.stderr)
    assert len(errors) == 1 and errors[0].startswith("kg: error: E001 ") and words in errors[0], errors


def test_case07_repeated_variable_is_a_usage_error(small_store):
    r = kg_here("query", "cochairs-in-year", "--store", small_store, "--bind", "year=2020", "--bind", "year=2021")
    assert r.returncode == 2 and "given twice" in r.stderr


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2021", "2021"),
        ('"x y"', "x y"),
        ('"x"@en', "x"),
        ("2021-03-05", "2021-03-05"),
        ("true", "true"),
        ("id:country/TM", "https://w3id.org/tmru/id/country/TM"),
        ("<urn:x:1>", "urn:x:1"),
        ("https://example.org/a?b=c", "https://example.org/a?b=c"),
        ('"1"^^xsd:integer', "1"),
        ("-1.5", "-1.5"),
    ],
)
def test_case07_each_kind_of_term_binds(small_store, value, shown):
    r = kg_here("query", "SELECT ?x WHERE { }", "--store", small_store, "--bind", f"x={value}", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [{"x": shown}]


def test_case07_bound_canned_query(small_store):
    r = kg_here(
        "query",
        "cochairs-in-year",
        "--store",
        small_store,
        "--bind",
        "year=2021",
        "--bind",
        "country=id:country/TM",
        "--format",
        "json",
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows and {(x["year"], x["country"]) for x in rows} == {("2021", "https://w3id.org/tmru/id/country/TM")}


# ---------------------------------------------------------------- 8. JSON-LD remote context


def test_case08_jsonld_remote_context_is_never_fetched(tmp_path, listener):
    f = tmp_path / "x.jsonld"
    f.write_text(
        json.dumps({"@context": f"http://127.0.0.1:{listener.port}/ctx.jsonld", "@id": "urn:x:1", "name": "y"}),
        encoding="utf-8",
    )
    t = time.perf_counter()
    r = run_kg("validate", f, timeout=60)
    assert time.perf_counter() - t < 20
    assert r.returncode == 2, r.stderr
    errors = kg_errors(r.stderr)
    assert len(errors) == 1 and "remote JSON-LD @context is never fetched" in errors[0]
    assert listener.hits == 0


def test_case08_our_jsonld_export_validates_offline(small_store, tmp_path):
    out = tmp_path / "g.jsonld"
    assert kg_here("export", "--format", "jsonld", "--store", small_store, "--out", out).returncode == 0
    r = kg_here("validate", out)
    assert r.returncode == 0 and "conforms" in r.stdout, r.stdout + r.stderr


# ---------------------------------------------------------------- 9. --out over a FIFO or a symlink


def test_case09_export_refuses_a_fifo(small_store, tmp_path):
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    r = kg_here("export", "--store", small_store, "--out", fifo)
    assert r.returncode == 6, r.stderr
    errors = kg_errors(r.stderr)
    assert len(errors) == 1 and "E501" in errors[0] and "named pipe (FIFO)" in errors[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and [p.name for p in tmp_path.iterdir()] == ["pipe.ttl"]


def test_case09_build_refuses_a_fifo_in_the_output_folder(tmp_path):
    (tmp_path / "out").mkdir()
    os.mkfifo(tmp_path / "out" / "graph.nq")
    r, errors = build(tmp_path, {"good.md": GOOD})
    assert r.returncode == 6 and len(errors) == 1 and "graph.nq: it is a named pipe" in errors[0], r.stderr
    assert stat.S_ISFIFO((tmp_path / "out" / "graph.nq").lstat().st_mode)


def test_case09_export_follows_a_symlink(small_store, tmp_path):
    target = tmp_path / "real" / "graph.ttl"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    r = kg_here("export", "--store", small_store, "--out", link)
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("@prefix")


# ---------------------------------------------------------------- 10. terminal escape sequences

ESC = "\x1b]0;owned\x07\x1b[2J\x1b[31m"


def test_case10_query_table_shows_escapes_escaped(tmp_path):
    art = (
        f'---\nurl: https://example.org/esc\nlang: en\ntitle: "Title {json.dumps(ESC)[1:-1]}\\nnext"\n---\n'
        + GOOD.split("---\n", 2)[2]
    )
    r, errors = build(tmp_path, {"esc.md": art})
    assert r.returncode == 0, r.stderr
    q = kg_here("query", "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }", "--store", tmp_path / "store")
    assert q.returncode == 0
    assert "\x1b" not in q.stdout and "\x07" not in q.stdout
    assert "Title \\x1b]0;owned\\x07\\x1b[2J\\x1b[31m\\nnext" in q.stdout
    js = kg_here(
        "query",
        "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t }",
        "--store",
        tmp_path / "store",
        "--format",
        "json",
    )
    assert json.loads(js.stdout) == [{"t": f"Title {ESC}\nnext"}]  # data formats keep the data


def test_case10_skip_line_of_a_hostile_file_name(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"bad{ESC}\nkg: fake line.txt").write_bytes(b"")
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    r = kg_here("build", folder, "--store", tmp_path / "store", "--out", tmp_path / "out", "--no-html")
    assert r.returncode == 1, r.stderr
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    errors = kg_errors(r.stderr)
    assert len(errors) == 1 and "\\x1b[2J" in errors[0] and "\\nkg: fake line.txt: empty file" in errors[0]


# ---------------------------------------------------------------- weaker spots


@pytest.mark.slow
def test_build_never_reads_its_own_graph_html(tmp_path):
    """``kg build .`` with the output folder inside the input folder: graph.html is not an article."""
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        r = run_kg("build", ".", "--store", tmp_path / ".kg" / "store", "--out", "exports", cwd=tmp_path)
        assert r.returncode == 0 and kg_errors(r.stderr) == [], r.stderr
    assert (tmp_path / "exports" / "graph.html").is_file()
    assert r.stdout.startswith("1 articles (0 added, 0 replaced, 1 unchanged, 0 skipped)"), r.stdout


def test_password_in_store_url_is_never_shown(tmp_path):
    r = kg_here("stats", "--store", "http://alice:s3cret@127.0.0.1:9")
    assert r.returncode == 3 and "s3cret" not in r.stderr and "127.0.0.1:9" in r.stderr
    r = kg_here("stats", "--store", "ftp://alice:s3cret@127.0.0.1:9")
    assert r.returncode == 3 and "s3cret" not in r.stderr and "alice:***@" in r.stderr


@pytest.mark.parametrize("field", ["title", "url"])
@pytest.mark.parametrize("value", [["a", "b"], {"a": 1}])
def test_list_or_dict_titles_are_refused(tmp_path, field, value):
    lines = [json.dumps({"text": "a b c", field: value}), json.dumps({"text": "d e f", "title": 2021})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    from kg.documents import iter_documents

    errors: list[InputError] = []
    docs = list(iter_documents([tmp_path / "a.jsonl"], errors.append))
    assert [d.title for d in docs] == ["2021"]
    assert len(errors) == 1 and f"line 1: '{field}' is a" in str(errors[0])


def test_full_disk_on_stdout(small_store):
    with open("/dev/full", "w") as full:
        r = subprocess.run(
            kg_cmd("stats", "--store", str(small_store)),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
            timeout=120,
        )
    assert r.returncode == 6, r.stderr
    assert kg_errors(r.stderr) == ["kg: error: E501 cannot write the output: No space left on device"]


def test_two_non_utf8_file_names_stay_distinct(tmp_path):
    folder = os.fsencode(str(tmp_path))
    for raw in (b"/\xff.txt", b"/\xfe.txt"):
        with open(folder + raw, "w", encoding="utf-8") as fh:
            fh.write(GOOD.replace("good/1", raw.hex()))
    from kg.documents import iter_documents

    names = sorted(d.name for d in iter_documents([tmp_path]))
    assert names == ["\\xfe.txt", "\\xff.txt"]


def test_store_on_a_read_only_mount_can_be_queried(small_store, tmp_path):
    """No lock file can be made on a read-only mount: the store opens read-only for query, stats and
    export; a write is one E301 line.  Needs mount(2) (root in a container); skipped otherwise."""
    import shutil

    mnt = tmp_path / "ro"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(mnt)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        shutil.copytree(small_store, mnt / "store")
        assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True).returncode == 0
        r = kg_here("stats", "--store", mnt / "store", "--json")
        assert r.returncode == 0 and json.loads(r.stdout)["articles"] == 2, r.stderr
        r = kg_here("query", "cochairs", "--store", mnt / "store", "--format", "json")
        assert r.returncode == 0 and json.loads(r.stdout), r.stderr
        r = kg_here("remove", "https://example.org/en/good/1", "--store", mnt / "store")
        assert r.returncode == 3 and kg_errors(r.stderr) == [
            f"kg: error: E301 store {mnt / 'store'} is on a read-only file system: it can be queried and "
            "exported, not changed; nothing was changed"
        ]
    finally:
        subprocess.run(["umount", str(mnt)], capture_output=True)
