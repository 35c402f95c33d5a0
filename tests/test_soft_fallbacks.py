"""Issue 13, section 7: Porto's shortcuts through private interfaces fail soft.

Each probe plugin (tests/break_probes/) breaks one interface before Porto is
imported, in a real build. The site must come out as it does unbroken: same
pages, no warning, and one debug line saying what was turned off.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE_PLUGINS, Build, Site
from pelican.plugins.porto_frontmatter import reader

PROBES = [str(Path(__file__).parent / "break_probes")]
POST = (
    "---\ntitle: Inline\ntags: [a]\n---\n\n"
    'Some *emphasis*, **strong**, `code`, a [link](https://example.org "t"), '
    "<https://example.com>, an &amp; and a line  \nbreak. A_b_c and 2*3*4.\n\n"
    "![Alt](https://example.org/a.png)\n"
)
LINKED = {
    "posts/2020-01-01-first.md": "---\ntitle: First\ntags: [python]\n---\n\n"
    "Read [the second]({filename}/posts/2020-01-02-second.md) and "
    "[more on Python]({tag}python).\n",
    "posts/2020-01-02-second.md": "---\ntitle: Second\n---\n\nBack to "
    "[the first]({filename}2020-01-01-first.md).\n",
}
PRODUCTION = {"SITEURL": "https://example.org", "RELATIVE_URLS": False}


def pages(build: Build) -> dict[str, bytes]:
    return {
        p.relative_to(build.output).as_posix(): p.read_bytes()
        for p in sorted(build.output.rglob("*"))
        if p.is_file()
    }


def probed(site: Site, probe: str, *args: str, **settings) -> Build:
    return site.build(
        *args, PLUGIN_PATHS=PROBES, PLUGINS=[probe, *SAMPLE_PLUGINS], **settings
    )


@pytest.mark.parametrize(
    ("probe", "debug_line"),
    [
        ("markdown_internals_probe", "Porto uses it as it is"),
        ("markdown_late_break_probe", "Porto uses it as it is"),
        ("inline_import_probe", "Porto's fast inline step is off"),
    ],
)
def test_markdown_changes_fall_back_to_stock_markdown(tmp_path, probe, debug_line):
    plain, broken = Site(tmp_path / "plain"), Site(tmp_path / "broken")
    for site in (plain, broken):
        site.write("posts/2020-01-01-inline.md", POST)
        site.write("posts/2020-01-02-other.md", POST.replace("Inline", "Other"))
    expected = plain.build()
    got = probed(broken, probe, "-D")
    assert got.returncode == 0, got.log
    assert got.problems == []
    assert pages(got) == pages(expected)
    assert got.log.count(debug_line) == 1, got.log[-3000:]


def test_a_changed_re_parser_falls_back_pattern_by_pattern(tmp_path):
    plain, broken = Site(tmp_path / "plain"), Site(tmp_path / "broken")
    for site in (plain, broken):
        site.write("posts/2020-01-01-inline.md", POST)
    expected = plain.build()
    got = probed(broken, "re_parser_probe")
    assert got.returncode == 0, got.log
    assert got.problems == []
    assert pages(got) == pages(expected)


def test_changed_pelican_link_internals_leave_links_to_pelican(tmp_path):
    plain, broken = Site(tmp_path / "plain"), Site(tmp_path / "broken")
    for site in (plain, broken):
        for relative, text in LINKED.items():
            site.write(relative, text)
    expected = plain.build(**PRODUCTION)
    got = probed(broken, "links_private_probe", "-D", **PRODUCTION)
    assert got.returncode == 0, got.log
    assert got.problems == []
    assert pages(got) == pages(expected)
    assert 'href="https://example.org/2020/01/second/"' in got.html(
        "2020/01/first/index.html"
    )
    assert got.log.count("Pelican's link resolution has changed") == 1


# -- Pelican's "Could not process" line, as each version words it ----------------


def record(msg: str, args: tuple) -> logging.LogRecord:
    return logging.LogRecord(
        "pelican.generators", logging.ERROR, "g.py", 1, msg, args, None
    )


@pytest.mark.parametrize(
    ("msg", "with_error_arg"),
    [
        pytest.param("Could not process %s", False, id="pelican_4_12"),
        pytest.param("Could not process %s\n%s", True, id="pelican_4_10_and_4_11"),
    ],
)
def test_skipped_post_line_gets_the_reason_in_every_format(msg, with_error_arg):
    error = reader.SkippedPost("posts/x.md", "line 3: broken YAML; post skipped")
    args = ("posts/x.md", error) if with_error_arg else ("posts/x.md",)
    try:
        raise error
    except reader.SkippedPost:
        item = record(msg, args)
        assert reader._ExplainSkippedPost().filter(item)
    assert item.getMessage() == (
        "Could not process posts/x.md: line 3: broken YAML; post skipped"
    )


def test_other_errors_get_their_text_and_unrelated_lines_stay():
    try:
        raise KeyError("template")
    except KeyError:
        item = record("Could not process %s", ("posts/y.md",))
        reader._ExplainSkippedPost().filter(item)
    assert item.getMessage() == "Could not process posts/y.md: KeyError: 'template'"
    other = record("Something else %s", ("z",))
    reader._ExplainSkippedPost().filter(other)
    assert other.getMessage() == "Something else z"
    assert sys.exc_info() == (None, None, None)
