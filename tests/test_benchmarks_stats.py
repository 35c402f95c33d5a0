"""Tests for the runner's arithmetic on canned timings (``benchmarks/stats.py``)."""

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # so plain `pytest` finds the benchmarks package
    sys.path.insert(0, str(ROOT))
stats = importlib.import_module("benchmarks.stats")


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([3.0, 1.0, 2.0], 2.0),
        ([4.0, 1.0, 3.0, 2.0], 2.5),
        ([None, 5.0, None], 5.0),
        ([], None),
        ([None], None),
    ],
)
def test_median(values, expected):
    assert stats.median(values) == expected


def test_ratios_are_taken_round_by_round():
    # Round 2 is slow for both variants; per-round ratios stay near 1.2.
    c = [1.2, 2.4, 1.26]
    a = [1.0, 2.0, 1.0]
    assert stats.paired_ratios(c, a) == pytest.approx([1.2, 1.2, 1.26])
    assert stats.median_ratio(c, a) == pytest.approx(1.2)
    # Ratio of medians would differ: 1.26 / 1.0.
    assert stats.median(c) / stats.median(a) == pytest.approx(1.26)


def test_ratios_skip_rounds_with_missing_or_zero_values():
    assert stats.paired_ratios([2.0, None, 3.0, 4.0], [1.0, 1.0, None, 0.0]) == [2.0]
    assert stats.median_ratio([None, None], [1.0, 1.0]) is None


@pytest.mark.parametrize(
    ("value", "limit", "expected"),
    [
        (1.29, 1.3, "PASS"),
        (1.3, 1.3, "PASS"),
        (1.31, 1.3, "FAIL"),
        (None, 1.3, "n/a"),
        (2.0, None, "-"),
    ],
)
def test_verdict(value, limit, expected):
    assert stats.verdict(value, limit) == expected


def test_ratio_rows_on_canned_results():
    results = {
        "a": {"wall": [2.0, 2.2, 2.0], "rss": [100.0, 100.0, 100.0]},
        "a2": {"wall": [2.5, 2.5, 2.5], "rss": [101.0, 101.0, 101.0]},
        "b": {"wall": [5.6, 6.0, 5.4], "rss": [150.0, 150.0, 150.0]},
        "c": {"wall": [2.4, 2.2, 2.8], "rss": [140.0, 120.0, 125.0]},
    }
    rows = {row[0]: row[1:] for row in stats.ratio_rows(results)}
    assert rows["c/a wall time"] == ("1.20", "<= 1.30", "PASS")
    assert rows["c/b wall time"] == ("0.43", "<= 0.50", "PASS")
    assert rows["c/a peak RSS"] == ("1.25", "<= 1.30", "PASS")
    assert rows["c/a2 wall time"] == ("0.96", "-", "-")
    assert rows["b/a wall time (peers)"] == ("2.73", "-", "-")  # 6.0 / 2.2
    assert not any(label.startswith("c0/") for label in rows)  # c0 not run
    with_c0 = {**results, "c0": {"wall": [3.0, 3.3, 3.0], "rss": [1.0, 1.0, 1.0]}}
    rows = {row[0]: row[1:] for row in stats.ratio_rows(with_c0)}
    assert rows["c0/a wall time (stock Markdown inline)"] == ("1.50", "-", "-")
    assert "c/a CPU time (all processes)" not in rows  # CPU time not measured
    with_cpu = {
        **results,
        "a": {**results["a"], "cpu": [2.0, 2.0, 2.0]},
        "c": {**results["c"], "cpu": [3.0, 2.8, 2.6]},
    }
    rows = {row[0]: row[1:] for row in stats.ratio_rows(with_cpu)}
    assert rows["c/a CPU time (all processes)"] == ("1.40", "-", "-")


def test_ratio_rows_leave_out_variants_not_run_and_mark_failures():
    results = {
        "a": {"wall": [1.0, 1.0], "rss": [10.0, 10.0]},
        "c": {"wall": [None, None], "rss": [None, None]},
    }
    rows = {row[0]: row[1:] for row in stats.ratio_rows(results)}
    assert set(rows) == {"c/a wall time", "c/a peak RSS"}
    assert rows["c/a wall time"] == ("n/a", "<= 1.30", "n/a")


def test_format_table_aligns_columns():
    text = stats.format_table(("variant", "wall s"), [("a", "1.50"), ("b2", "12.25")])
    assert text.splitlines() == [
        "variant  wall s",
        "-------  ------",
        "a          1.50",
        "b2        12.25",
    ]


RAW = {
    ("~", 0, "<built-in method builtins.exec>"): (1, 1, 0.0, 10.0, {}),
    ("/x/site-packages/pelican/__init__.py", 10, "run"): (1, 1, 1.0, 9.9, {}),
    ("/x/site-packages/markdown/core.py", 20, "convert"): (5, 5, 2.0, 6.0, {}),
    ("/x/site-packages/jinja2/env.py", 30, "render"): (5, 5, 4.0, 2.0, {}),
    ("~", 0, "<method 'sub' of 're.Pattern' objects>"): (9, 9, 3.0, 3.0, {}),
}


def test_top_functions_by_own_time_as_share_of_total():
    rows = stats.top_functions(RAW, n=2, key="own")
    assert rows == [
        ("render (jinja2/env.py:30)", 40.0, 20.0),
        ("<method 'sub' of 're.Pattern' objects>", 30.0, 30.0),
    ]


def test_top_functions_by_cumulative_time_skip_whole_run_wrappers():
    rows = stats.top_functions(RAW, n=3, key="cumulative")
    assert [row[0] for row in rows] == [
        "run (pelican/__init__.py:10)",
        "convert (markdown/core.py:20)",
        "<method 'sub' of 're.Pattern' objects>",
    ]
    with pytest.raises(ValueError, match="key"):
        stats.top_functions(RAW, key="calls")
