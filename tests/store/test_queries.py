"""The canned queries of examples/queries on a store built from our fixtures."""

from __future__ import annotations

import json

import pytest

from kg.cli import main

ID = "https://w3id.org/tmru/id/"


def run(capsys, built, name: str, *extra: str) -> list[dict]:
    assert main(["query", name, "--store", str(built), "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_cochairs_over_time(built, capsys):
    rows = run(capsys, built, "cochairs")
    got = [(r["country"].rsplit("/", 1)[-1], r["name"], r["begin"], r["end"], r["meetings"]) for r in rows]
    assert got == [
        # the Turkmen report of the 13th session calls them "toparyň bilelikdäki başlyklary"
        ("RU", "Alexei Overchuk", "2019-05-07", "2024-06-05", "3"),
        ("TM", "Rashid Meredov", "2019-05-07", "2024-06-05", "3"),
    ]


def test_who_cochaired_for_turkmenistan_in_2021(built, capsys):
    rows = run(capsys, built, "cochairs-in-year", "--bind", "year=2021", "--bind", "country=id:country/TM")
    assert [r["person"] for r in rows] == [ID + "person/rashid-meredov"]


def test_meetings(built, capsys):
    rows = run(capsys, built, "meetings")
    got = [(r["year"], r["dates"], r["kind"], r["sessions"], r["city"], r["format"], r["sources"]) for r in rows]
    assert got == [
        ("2019", "2019-05-07", "commission-session", "11", "Ashgabat", "in-person", "2"),
        ("2023", "2023-04-14", "co-chairs-meeting", None, None, "video", "3"),
        ("2024", "2024-06-05", "commission-session", "13", "Ashgabat", "in-person", "1"),
    ]
    per_year = run(capsys, built, "meetings-per-year")
    assert [(r["year"], r["meetings"], r["sessions"]) for r in per_year] == [
        ("2019", "1", "1"),
        ("2023", "1", "0"),
        ("2024", "1", "1"),
    ]


def test_areas(built, capsys):
    rows = run(capsys, built, "areas")
    assert [(r["label"], r["meetings"]) for r in rows][:2] == [("energy", "2"), ("trade", "2")]
    assert {r["label"] for r in rows} == {"trade", "energy", "transport", "education"}
    by_year = run(capsys, built, "areas-by-year")
    assert {(r["year"], r["label"], r["meetings"]) for r in by_year} == {
        ("2023", "trade", "1"),
        ("2023", "energy", "1"),
        ("2023", "transport", "1"),
        ("2023", "education", "1"),
        ("2024", "trade", "1"),
        ("2024", "energy", "1"),
    }


def test_agreements(built, capsys):
    rows = run(capsys, built, "agreements")
    assert [(r["meeting"].rsplit("/", 1)[-1], r["sources"]) for r in rows] == [
        ("2019-05-07-commission-session", "https://example.org/en/news/105"),
        ("2024-06-05-commission-session", "https://example.org/tk/habar/104"),
    ]


def test_evidence_behind_a_fact(built, capsys):
    rows = run(
        capsys,
        built,
        "evidence",
        "--bind",
        "meeting=id:meeting/2019-05-07-commission-session",
        "--bind",
        "property=schema:startDate",
    )
    rows.sort(key=lambda r: (r["value"], r["source"]))  # evidence streams in the store's order (no ORDER BY)
    assert [(r["value"], r["source"], r["lang"]) for r in rows] == [
        ("2019-05-07", "https://example.org/en/news/105", "en"),
        ("2019-05-08", "https://example.org/ru/news/106", "ru"),
    ]
    assert rows[0]["sentence"].startswith("On 7 May 2019 the 11th meeting")


def test_evidence_rows_come_grouped_by_meeting(built, capsys):
    rows = run(capsys, built, "evidence")
    meetings = [r["meeting"] for r in rows]
    runs = [m for i, m in enumerate(meetings) if i == 0 or meetings[i - 1] != m]
    assert len(runs) == len(set(meetings)) >= 3  # one run of rows per meeting


@pytest.mark.parametrize(
    "extra, expected",
    [
        ((), [0, 1, 2, 3]),
        (("--limit", "2"), [0, 1]),
        (("--offset", "1"), [1, 2, 3]),
        (("--offset", "1", "--limit", "2"), [1, 2]),
        (("--offset", "3", "--limit", "5"), [3]),
        (("--offset", "9"), []),
        (("--limit", "0"), []),
    ],
)
def test_limit_and_offset(built, capsys, extra, expected):
    every = run(capsys, built, "areas")
    assert len(every) == 4
    assert run(capsys, built, "areas", *extra) == [every[i] for i in expected]


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_limit_in_every_format(built, capsys, fmt):
    assert main(["query", "meetings", "--store", str(built), "--format", fmt, "--limit", "1", "--offset", "1"]) == 0
    out = capsys.readouterr().out
    assert "2023-04-14" in out and "2019-05-07" not in out and "2024-06-05" not in out
    if fmt == "table":
        assert out.rstrip().endswith("(1 rows)")


@pytest.mark.parametrize("bad", ["-1", "x", "1.5", ""])
@pytest.mark.parametrize("option", ["--limit", "--offset"])
def test_limit_and_offset_must_be_counts(built, capsys, option, bad):
    with pytest.raises(SystemExit) as exc:
        main(["query", "areas", "--store", str(built), option, bad])
    assert exc.value.code == 2
    assert f"argument {option}: expected a whole number >= 0" in capsys.readouterr().err


def test_table_widths_from_the_first_rows(built, capsys, monkeypatch):
    """A table prints its first rows before the rest is read: widths come from the first TABLE_PEEK rows,
    a longer cell later widens only its own row."""
    from kg.cli import query as Q

    monkeypatch.setattr(Q, "TABLE_PEEK", 1)
    Q.print_table(["a", "b"], iter([["x", "1"], ["longer", "2"]]))
    assert capsys.readouterr().out.splitlines() == ["a  b", "-  -", "x  1", "longer  2", "(2 rows)"]


def test_json_streamed_is_json_dumps(built, capsys):
    """The JSON written row by row is the text json.dumps(rows, indent=1) gives, empty or not."""
    for extra in ((), ("--limit", "0"), ("--limit", "1")):
        assert main(["query", "cochairs", "--store", str(built), "--format", "json", *extra]) == 0
        out = capsys.readouterr().out
        assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=1) + "\n"


def test_ask_and_construct(built, capsys):
    assert main(["query", "ASK { ?s ?p ?o }", "--store", str(built), "--format", "json"]) == 0
    assert capsys.readouterr().out == "true\n"
    q = "CONSTRUCT { ?m a <urn:x:M> } WHERE { ?m a <https://w3id.org/tmru/ontology#Meeting> }"
    rows = run(capsys, built, q, "--limit", "2")
    assert len(rows) == 2 and set(rows[0]) == {"subject", "predicate", "object"}


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_output_formats(built, capsys, fmt):
    assert main(["query", "areas", "--store", str(built), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert ("area:trade" if fmt == "table" else "https://w3id.org/tmru/area/trade") in out


def test_canned_queries_are_package_data():
    import tomllib
    from pathlib import Path

    from kg.queries import QUERIES

    root = Path(__file__).resolve().parents[2]
    include = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["hatch"]["build"]["targets"]["wheel"][
        "force-include"
    ]
    assert include["examples/queries"] == "kg/_queries"  # shipped in the wheel
    assert {p.stem for p in QUERIES.glob("*.rq")} >= {"cochairs", "meetings-per-year", "evidence"}
