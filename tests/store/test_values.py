"""One value per functional property, conflicts, reported-on dates and sides (issue 11)."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.store import open_store

from .conftest import build, write_articles
from .fixtures import MEETING_EN
from .test_merge_order import _corpus
from .test_queries import run

T = "https://w3id.org/tmru/ontology#"

UNDATED_EN = """\
---
url: https://example.org/u/1
lang: en
published: 2022-03-01
---
The co-chairs of the Intergovernmental Turkmen-Russian Commission on Economic Cooperation, Deputy Chairman \
of the Cabinet of Ministers of Turkmenistan Rashid Meredov and Deputy Prime Minister of the Russian \
Federation Alexei Overchuk, held a meeting in Moscow.

The parties discussed cooperation in trade and energy.
"""

UNKNOWN_COCHAIRS_EN = """\
---
url: https://example.org/x/1
lang: en
published: 2023-05-10
---
On May 9, 2023, the co-chairs of the Intergovernmental Turkmen-Russian Commission on Economic Cooperation, \
Batyr Amanov and Ivan Petrov, held a meeting in Ashgabat.

They discussed trade and energy.
"""


def _one_value(s, prop: str) -> None:
    rows = s.query(f"SELECT ?m WHERE {{ ?m a <{T}Meeting> ; <{prop}> ?v }} GROUP BY ?m HAVING (COUNT(?v) > 1)")
    assert not rows.rows, prop


FUNCTIONAL = [
    T + "kind",
    "https://schema.org/startDate",
    T + "city",
    T + "format",
    T + "sessionNumber",
    T + "agreementsSigned",
    T + "reportedOn",
]


def test_one_value_per_property_and_conflicts_listed(built, capsys):
    with open_store(str(built)) as s:
        for prop in FUNCTIONAL:
            _one_value(s, prop)
        found = {
            (c.meeting.rsplit("/", 1)[-1], c.property.rsplit("#", 1)[-1].rsplit("/", 1)[-1]): c for c in s.conflicts()
        }
    signed = found[("2019-05-07-commission-session", "agreementsSigned")]
    assert signed.chosen == "true" and {v for v, _ in signed.values} == {"true", "false"}  # tie: signed
    assert found[("2019-05-07-commission-session", "startDate")].chosen == "2019-05-07"  # tie: earliest
    assert main(["conflicts", "--store", str(built), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"meeting", "property", "values", "chosen"} <= set(rows[0])


def test_undated_meeting_placed_by_its_report(tmp_path, capsys):
    src = write_articles(tmp_path / "in", {"u_en.txt": UNDATED_EN, "b_en.txt": MEETING_EN})
    assert build([src], str(tmp_path / "s"), tmp_path / "out") == 0
    store = str(tmp_path / "s")
    capsys.readouterr()
    years = {r["year"]: r for r in run(capsys, store, "meetings-per-year")}
    assert years["2022"]["meetings"] == "1" and years["2022"]["reported"] == "1"
    assert years["2023"]["meetings"] == "1" and years["2023"]["reported"] == "0"
    chairs = {r["name"]: r for r in run(capsys, store, "cochairs")}
    meredov = chairs["Rashid Meredov"]
    assert (meredov["begin"], meredov["beginExact"]) == ("2022-03-01", "false")  # reported, not held
    assert (meredov["end"], meredov["endExact"]) == ("2023-04-14", "true")
    with open_store(store) as s:
        _one_value(s, T + "reportedOn")
        assert not s.query(f"ASK {{ ?m <{T}reportedOn> ?r ; <https://schema.org/startDate> ?d }}")


def test_no_default_side_for_unknown_cochairs(tmp_path):
    src = write_articles(tmp_path / "in", {"x_en.txt": UNKNOWN_COCHAIRS_EN})
    assert build([src], str(tmp_path / "s"), tmp_path / "out") == 0
    with open_store(str(tmp_path / "s")) as s:
        # "Turkmen-Russian" in the commission's name gives nobody a side
        assert not s.query(
            f"ASK {{ ?x <{T}forCountry> ?c FILTER(CONTAINS(STR(?x), 'petrov') || CONTAINS(STR(?x), 'amanov')) }}"
        )


@pytest.mark.skipif(_corpus() is None, reason="the dev corpus is not here")
def test_dev_corpus_sides_and_kinds(tmp_path, capsys):
    root = _corpus()
    # two reports of one meeting that give one person two sides (written for the test)
    for i, side in enumerate(("Turkmenistan", "Russia")):
        (tmp_path / f"side{i}.md").write_text(
            f"---\nurl: https://example.org/side/{i}\nlang: en\npublished: 2026-01-23\n---\n"
            f"On 22 January 2026 the Ambassador of {side} Esen Aydogdiyev held talks with the Foreign Minister "
            "of Turkmenistan Rashid Meredov and Deputy Foreign Minister of Russia Mikhail Galuzin in Moscow.\n",
            encoding="utf-8",
        )
    files = [tmp_path / "side0.md", tmp_path / "side1.md"]
    files += [root / n for n in ("000_tr.txt", "003_en.txt", "020_ru.txt")]
    assert build(files, str(tmp_path / "s"), tmp_path / "out") == 0  # conflicting sides still validate
    for fmt in ("ttl", "trig", "nq"):  # kg validate checks a dataset's merged (default) graph
        assert main(["validate", str(tmp_path / "out" / f"graph.{fmt}")]) == 0
    with open_store(str(tmp_path / "s")) as s:
        found = {
            (c.meeting.rsplit("/", 1)[-1], c.property.rsplit("#", 1)[-1].rsplit("/", 1)[-1]): c for c in s.conflicts()
        }
        side = found[("x-aidogdiev", "forCountry")]
        assert {v.rsplit("/", 1)[-1] for v, _ in side.values} == {"RU", "TM"}
        # the sides of some people only (the explorer reads again those of the people a write touched)
        assert s.conflicts([], people=[side.meeting, f"{side.meeting}-nobody"]) == [side]
        assert s.conflicts([], people=[]) == []
        # two of three sources call the 19 June 2020 meeting a co-chairs' meeting
        kind = found[("2020-06-19-co-chairs-meeting", "kind")]
        assert kind.chosen == T + "co-chairs-meeting"
        assert s.query(
            f"ASK {{ <https://w3id.org/tmru/id/meeting/2020-06-19-co-chairs-meeting> <{T}kind> "
            f"<{T}co-chairs-meeting> }}"
        )


def test_meetings_of_all_fixtures_count(built, capsys):
    rows = run(capsys, built, "meetings-per-year")
    # every meeting counts: the 2019 session, the 2023 co-chairs' meeting, the 2024 session
    assert sum(int(r["meetings"]) for r in rows) == 3 and "undated" not in {r["year"] for r in rows}
