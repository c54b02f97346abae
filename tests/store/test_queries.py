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
    assert [(r["value"], r["source"], r["lang"]) for r in rows] == [
        ("2019-05-07", "https://example.org/en/news/105", "en"),
        ("2019-05-08", "https://example.org/ru/news/106", "ru"),
    ]
    assert rows[0]["sentence"].startswith("On 7 May 2019 the 11th meeting")


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
