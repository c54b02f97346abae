"""The input cases of issue 7 through ``kg build``: every bad input is one line on stderr naming the
file (and line), the good articles of the same batch reach the store and the exports, and the exit
code is 1 ("some inputs were skipped")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kgrun import GOOD, GOOD_RU, kg_errors, run_kg

from kg.store import open_store

pytestmark = pytest.mark.slow  # kg build subprocesses

PAGE = """<html><head><title>News</title><script>var s = "Moscow Kazan";</script></head>
<body><nav>Home | Moscow office | Kazan office | Contacts</nav>
<article><p>On 5 June 2022 the co-chairs of the Intergovernmental Turkmen-Russian Commission met in Avaza.</p>
</article><footer>Copyright Moscow</footer></body></html>"""
RECIPE = "Take two cups of flour and a pinch of salt. Bake for twenty minutes in Moscow style. Serve warm.\n"
TR = "3 Mart 2021 tarihinde Aşkabat'ta Hükümetlerarası Komisyon eş başkanları görüştü ve ticaret ele alındı.\n"
JSONL = (
    json.dumps(
        {
            "text": "On 9 September 2020 the co-chairs of the Intergovernmental Commission met in Kazan.",
            "lang": "en",
            "url": "https://example.org/en/jsonl/1",
        }
    )
    + "\n"
    + "{not json\n"
    + json.dumps({"text": 5})
    + "\n"
)

#: file -> what must appear in its one-line error (None: read fine)
INPUTS: dict[str, tuple[bytes, str | None]] = {
    "a_good.txt": (GOOD.encode(), None),
    "b_good_cp1251.txt": (GOOD_RU.encode("cp1251"), None),
    "c_good_cp1254.txt": (TR.encode("cp1254"), None),
    "d_page.html": (PAGE.encode(), None),
    "e_recipe.txt": (RECIPE.encode(), None),
    "f_lines.jsonl": (JSONL.encode(), "line 2"),
    "g_empty.txt": (b"", "empty"),
    "h_binary.txt": (bytes(range(256)) * 8, "binary"),
    "i_front.md": (b"---\nurl: [unclosed\nlang: en\n---\nText about Ashgabat.\n", "line"),
    "j_unclear.txt": (b"Report \x81\x8d\x8f\x90\x9d about \x98\x81 the meeting \x8d\x8e.\n", "encoding"),
}
BIG = "k_big.txt"  # 50 MB: refused with its size, never read into memory


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("batch")
    src = root / "in"
    src.mkdir()
    for name, (data, _) in INPUTS.items():
        (src / name).write_bytes(data)
    with (src / BIG).open("wb") as fh:  # sparse: cheap to make
        fh.seek(50 * 1024 * 1024)
        fh.write(b".")
    (root / "no-articles").mkdir()
    (root / "no-articles" / "scan.pdf").write_bytes(b"%PDF-1.4")
    return root


@pytest.fixture(scope="module")
def built(batch: Path):
    r = run_kg(
        "build",
        batch / "in",
        batch / "no-articles",
        batch / "missing.txt",
        "--store",
        batch / "store",
        "--out",
        batch / "out",
        "--no-html",
        "--json",
    )
    return r


def test_exit_code_and_one_line_per_bad_input(built, batch):
    assert built.returncode == 1, built.stderr
    errors = kg_errors(built.stderr)
    assert all(e.startswith("kg: skipped: E101 ") for e in errors), errors
    expected = {name: word for name, (_, word) in INPUTS.items() if word}
    expected |= {BIG: "MB", "no-articles": "no articles", "missing.txt": "no such file"}
    for name, word in expected.items():
        mine = [e for e in errors if name in e]
        assert len(mine) == (2 if name == "f_lines.jsonl" else 1), (name, errors)
        assert word in mine[0], (name, mine)
    assert any("f_lines.jsonl" in e and "line 3" in e for e in errors), errors
    assert len(errors) == len(expected) + 1  # the second bad line of the .jsonl
    summary = json.loads(built.stdout)
    assert summary["skipped"] == len(errors)
    assert summary["added"] == 6 and summary["conforms"] is True


def test_good_inputs_reach_the_store(built, batch):
    with open_store(str(batch / "store"), create=False) as s:
        rows = s.query("""PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX tmru: <https://w3id.org/tmru/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?name (COUNT(DISTINCT ?m) AS ?n) WHERE { ?d a tmru:Document ; dcterms:identifier ?name
            OPTIONAL { ?m prov:wasDerivedFrom ?d } } GROUP BY ?name""")
        meetings = {r["name"].value: int(r["n"].value) for r in rows}
        cities = {
            r["c"].value.rsplit("/", 1)[-1]
            for r in s.query("SELECT DISTINCT ?c WHERE { ?m <https://w3id.org/tmru/ontology#city> ?c }")
        }
    assert meetings == {
        "a_good.txt": 1,
        "b_good_cp1251.txt": 1,
        "c_good_cp1254.txt": 1,
        "d_page.html": 1,
        "e_recipe.txt": 0,
        "f_lines.jsonl#1": 1,
    }
    # the page's navigation and scripts (Moscow, Kazan) are not read; the recipe invents no meeting
    assert cities == {"ashgabat", "avaza", "kazan"}
    ttl = (batch / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "Ашхабад" in ttl and "Aşkabat" in ttl  # legacy encodings decoded, not mojibake
    assert "Ã" not in ttl and "Ð" not in ttl


def test_rebuild_reports_the_same_and_changes_nothing(built, batch):
    before = (batch / "out" / "graph.ttl").read_bytes()
    r = run_kg("build", batch / "in", "--store", batch / "store", "--out", batch / "out", "--no-html", "--json")
    assert r.returncode == 1
    assert json.loads(r.stdout)["unchanged"] == 6
    assert (batch / "out" / "graph.ttl").read_bytes() == before


def test_only_bad_inputs(tmp_path):
    """Nothing readable at all: the exit code still says so, and the store holds no article."""
    (tmp_path / "x.txt").write_bytes(b"")
    r = run_kg("build", tmp_path / "x.txt", "--store", tmp_path / "s", "--out", tmp_path / "o", "--no-html", "--json")
    assert r.returncode == 1 and len(kg_errors(r.stderr)) == 1
    assert json.loads(r.stdout)["articles"] == 0
