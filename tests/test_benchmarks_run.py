"""Tests for the runner's pure helpers (``benchmarks/run.py``); nothing is built."""

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # so plain `pytest` finds the benchmarks package
    sys.path.insert(0, str(ROOT))
run = importlib.import_module("benchmarks.run")
corpus = importlib.import_module("benchmarks.corpus")


def test_articles_are_found_by_title_slug_or_jekyll_file_name(tmp_path):
    expected = run.expected_slugs(3, seed=7)
    first, second = corpus.make_post(7, 0), corpus.make_post(7, 1)
    (tmp_path / "day-1-how-i-became-an-intern-machine-learning-engineer.html").touch()
    assert "day-1-how-i-became-an-intern-machine-learning-engineer" in expected[0]
    assert first.title.startswith("Day 1: How I became")
    pretty = tmp_path / "2015" / "01" / Path(second.filename).stem[11:]
    pretty.mkdir(parents=True)
    (pretty / "index.html").touch()
    assert run.count_articles(tmp_path, expected) == 2


def test_log_problems_counts_rich_log_levels(tmp_path):
    log = tmp_path / "log.txt"
    log.write_text(
        "[02:25:38] WARNING  Feeds generated without SITEURL   settings.py:1\n"
        "           WARNING  Duplicate definition of `tags`    readers.py:2\n"
        "           ERROR    Cannot load plugin `x`            _utils.py:3\n"
        "                    a continuation line\n"
        "Done: Processed 3 articles\n"
    )
    assert run.log_problems(log) == (2, 1, "ERROR Cannot load plugin `x` _utils.py:3")


def test_baseline_settings_file_is_valid_python(tmp_path):
    path = run.write_settings(tmp_path / "s.py", True, ["pelican.plugins.figures"])
    namespace = {}
    exec(path.read_text(), namespace)
    assert namespace["TYPOGRIFY"] is True
    assert namespace["PLUGINS"] == ["pelican.plugins.figures"]
    assert namespace["CACHE_CONTENT"] is False


def test_search_index_step_is_timed_and_counts_indexed_pages(tmp_path):
    site = tmp_path / "site"
    for name, body in (
        ("a", " data-pagefind-body"),
        ("b", " data-pagefind-body"),
        ("c", ""),
    ):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(
            f'<!DOCTYPE html><html lang="en"><body><main{body}><h1>{name}</h1>'
            "<p>Some words to index.</p></main></body></html>",
            encoding="utf-8",
        )
    step, pages = run.index_search(site, tmp_path / "log.txt")
    assert step.ok, (tmp_path / "log.txt").read_text()
    assert pages == 2
    assert step.wall > 0 and step.rss > 0
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_report_gives_the_search_index_its_own_row(tmp_path):
    c = run.Variant("c", sys.executable, tmp_path / "s.py", "yaml")
    results = {
        "c": {"wall": [2.0, 3.0, 4.0], "rss": [50.0, 52.0, 54.0], "cpu": [3, 5, 4]},
        run.SEARCH: {"wall": [0.5, 0.25, 0.75], "rss": [80.0, 81.0, 82.0]},
    }
    articles = {"c": (200, 0, 0, ""), run.SEARCH: (200, "")}
    lines = run.report([c], results, articles, 200).splitlines()
    row = next(line for line in lines if line.startswith("c search index"))
    assert row.split()[3:] == ["0.50", "-", "81.0", "200/200", "-"]
    row = next(line for line in lines if line.startswith("c   Porto"))
    assert row.split()[-5:] == ["3.00", "4.00", "52.0", "200/200", "0/0"]
    failed = {"c": (200, 0, 0, ""), run.SEARCH: (None, "Pagefind failed: boom")}
    text = run.report([c], {"c": results["c"]}, failed, 200)
    assert "(c search index) unavailable: Pagefind failed: boom" in text
