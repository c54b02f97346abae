"""The merge rules of kg/resolve/merge.py as pure functions (table-driven)."""

from __future__ import annotations

import itertools

import pytest

from kg.resolve.merge import Report, choose, cluster, score

COM = "id:commission/tm-ru-economic"


def rep(key: str, doc: str, date: str | None = None, kind: str = "commission-session", **kw) -> Report:
    kw = {**kw, "people": frozenset(kw.get("people", ())), "areas": frozenset(kw.get("areas", ()))}
    return Report(key=key, doc=doc, kind=kind, date=date, **kw)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (rep("a", "A", "2020-06-19", commission=COM), rep("b", "B", "2020-06-19", commission=COM), True),
        (
            rep("a", "A", "2020-06-19", commission=COM),
            rep("b", "B", "2020-06-19", "co-chairs-meeting", commission=COM),
            True,
        ),  # commission session ~ co-chairs' meeting
        (
            rep("a", "A", "2020-06-19", "other", people={"p"}),
            rep("b", "B", "2020-06-19", "working-group", people={"p"}),
            False,
        ),  # incompatible kinds
        (
            rep("a", "A", "2020-06-19", commission=COM),
            rep("b", "A", "2020-06-19", commission=COM),
            False,
        ),  # one article
        (rep("a", "A", "2020-06-19", "other"), rep("b", "B", "2020-06-19", "other"), False),  # nothing shared
        (rep("a", "A", "2019-05-07", people={"p"}), rep("b", "B", "2019-05-08", people={"p"}), True),  # a day apart
        (
            rep("a", "A", "2019-05-07", people={"p"}, city="x"),
            rep("b", "B", "2019-05-08", people={"p"}, city="y"),
            False,
        ),  # a day apart, cities clash
        (rep("a", "A", "2019-05-07", people={"p"}), rep("b", "B", "2019-05-09", people={"p"}), False),  # two days
        (rep("a", "A", "2019-05-07", commission="c1"), rep("b", "B", "2019-05-07", commission="c2"), False),
    ],
)
def test_score(a, b, same):
    assert (score(a, b) > 0) == same
    assert score(a, b) == score(b, a)


@pytest.mark.parametrize(
    ("prop", "values", "chosen"),
    [
        (
            "kind",
            [("co-chairs-meeting", "A"), ("co-chairs-meeting", "B"), ("commission-session", "C")],
            "co-chairs-meeting",
        ),  # majority
        ("kind", [("co-chairs-meeting", "A"), ("commission-session", "B")], "commission-session"),  # tie: specificity
        ("kind", [("other", "A"), ("other", "A"), ("working-group", "B")], "working-group"),  # sources, not triples
        ("https://schema.org/startDate", [("2019-05-08", "A"), ("2019-05-07", "B")], "2019-05-07"),  # tie: earliest
        ("agreementsSigned", [("false", "A"), ("true", "B")], "true"),
        ("agreementsSigned", [("false", "A"), ("false", "C"), ("true", "B")], "false"),
        ("sessionNumber", [("9", "A"), ("10", "B")], "9"),  # numbers compare as numbers
        ("format", [("in-person", "A"), ("video", "B")], "video"),
        ("forCountry", [], None),
    ],
)
def test_choose(prop, values, chosen):
    assert choose(prop, values) == chosen
    assert choose(prop, list(reversed(values))) == chosen


MARCH = [
    rep("a-1", "A", "2021-03-03", "other", people={"p", "q"}),
    rep("b-1", "B", "2021-03-04", "other", people={"p"}),
    rep("c-1", "C", "2021-03-05", "other", people={"p", "q"}),
    rep("d-1", "D", "2021-03-04", "other", people={"p", "q"}),
]


@pytest.mark.parametrize(
    "reports",
    [
        MARCH,
        [
            rep("a-1", "A", "2020-06-19", "co-chairs-meeting", commission=COM, people={"m"}),
            rep("b-1", "B", "2020-06-19", commission=COM, people={"m"}),
            rep("b-2", "B", "2020-06-19", "other", people={"x"}),
            rep("c-1", "C", None, commission=COM, format="video", weekday=5, areas={"trade", "energy"}),
            rep("d-1", "D", "2020-06-19", commission=COM, format="video", areas={"trade", "energy", "gas"}),
        ],
    ],
)
def test_cluster_depends_on_the_set_only(reports):
    expected = cluster(reports)
    for perm in itertools.permutations(reports):
        assert cluster(perm) == expected


def test_cluster_never_spans_more_than_a_day():
    keys = cluster(MARCH)
    assert len(set(keys.values())) == 2
    dates = {}
    for r in MARCH:
        dates.setdefault(keys[r.key], set()).add(r.date)
    assert all(len(d) <= 2 for d in dates.values())
    assert keys == {
        "a-1": "2021-03-04-other",
        "b-1": "2021-03-04-other",
        "d-1": "2021-03-04-other",
        "c-1": "2021-03-05-other",
    }  # strongest pairs first: 3 and 4 March, then 5 March alone


def test_cluster_keys():
    keys = cluster(
        [
            rep("a-1", "A", "2020-06-19", "co-chairs-meeting", commission=COM),
            rep("b-1", "B", "2020-06-19", commission=COM),
            rep("c-1", "C", "2020-06-19", commission=COM),
            rep("a-2", "A", "2020-06-19", "other", people={"z"}),
            rep("e-1", "E"),
        ]
    )
    assert keys == {
        "a-1": "2020-06-19-commission-session",
        "b-1": "2020-06-19-commission-session",
        "c-1": "2020-06-19-commission-session",
        "a-2": "2020-06-19-other",
        "e-1": "e-1",
    }


@pytest.mark.parametrize(
    ("weekday", "areas", "joins"),
    [(5, {"trade", "energy"}, True), (3, {"trade", "energy"}, False), (5, {"sport", "tourism"}, False)],
)
def test_undated_weekday_report(weekday, areas, joins):
    dated = rep("a-1", "A", "2023-04-14", commission=COM, format="video", areas={"trade", "energy", "education"})
    undated = rep("b-1", "B", None, commission=COM, format="video", weekday=weekday, areas=areas)
    keys = cluster([dated, undated])
    assert (keys["b-1"] == keys["a-1"]) == joins


def _all_pairs(dated: list[Report]) -> list[tuple[int, str, str]]:
    """The edges of ``cluster`` as they were computed before the by-day fast path: every pair scored."""
    out = []
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            s = score(a, b)
            if s:
                out.append((-s, a.key, b.key))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_edges_by_day_are_all_scoring_pairs(seed):
    """``_edges`` (pairs within a day only) gives the same edges as scoring every pair (issue 13)."""
    import random

    from kg.resolve.merge import _edges

    rnd = random.Random(seed)
    days = [f"2020-02-{d:02d}" for d in range(26, 30)] + ["2020-03-01", "2020-12-31", "2021-01-01"]
    reports = [
        rep(
            f"k{i:03d}",
            f"D{rnd.randrange(40)}",
            rnd.choice(days) + rnd.choice(["", "T10:00:00"]),
            rnd.choice(["commission-session", "co-chairs-meeting", "other", "working-group"]),
            commission=rnd.choice([COM, None, "id:commission/other"]),
            city=rnd.choice(["c1", "c2", None]),
            ordinal=rnd.choice(["1", "2", None]),
            people=rnd.sample(["p", "q", "r", "s"], rnd.randrange(3)),
        )
        for i in range(150)
    ]
    dated = sorted(reports, key=lambda r: r.key)
    assert sorted(_edges(dated)) == sorted(_all_pairs(dated))
    assert len(_all_pairs(dated)) > 100
