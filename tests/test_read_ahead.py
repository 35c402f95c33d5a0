"""Read-ahead: the next posts' Markdown made by a second process
(porto_frontmatter/read_ahead.py, PORTO_FRONTMATTER_READ_AHEAD).

It must change nothing a reader or a blogger sees: a site of every kind of
post the fixtures hold (front matter of all shapes, broken ones, Pelican's own
metadata, Liquid, footnotes, code, tables) comes out byte for byte the same,
with the same messages, with it on and off. The fallbacks (the other process
slow, dead, or given other text) are checked on ReadAhead itself, with
readers written for the purpose.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from contextlib import contextmanager

import pytest
from conftest import FIXTURES, Site
from pelican.plugins.porto_frontmatter import read_ahead
from pelican.plugins.porto_frontmatter.read_ahead import ReadAhead, digest

pytestmark = pytest.mark.skipif(
    not read_ahead.usable({}), reason="read-ahead needs fork and two cores"
)


def _every_kind_of_post(site: Site) -> int:
    posts = site.content / "posts"
    for source in sorted(FIXTURES.glob("*.md")):
        site.write(f"posts/{source.name}", source.read_bytes())
    shutil.copytree(FIXTURES / "frontmatter", posts / "frontmatter")
    shutil.copytree(FIXTURES / "jekyll" / "posts", posts / "jekyll")
    shutil.copytree(FIXTURES / "images", site.content / "images")
    for number in range(20):  # footnotes, a table, an admonition, an excerpt
        site.write(
            f"posts/2022-05-{number + 1:02d}-note-{number}.md",
            f"---\ntitle: Note {number}\nexcerpt: The *{number}th* note, with "
            f"[a link](/posts/note-{number}/).\ntags: [notes]\n---\n\n"
            f"Text of note {number}[^1].\n\n| a | b |\n|---|---|\n| {number} | "
            f"two |\n\n!!! note\n    Inside.\n\n[^1]: The footnote of {number}.\n",
        )
    return len(
        [p for p in posts.rglob("*") if p.suffix.lower() in {".md", ".markdown"}]
    )


def _pages(build) -> dict[str, bytes]:
    return {
        str(path.relative_to(build.output)): path.read_bytes()
        for path in sorted(build.output.rglob("*"))
        if path.is_file()
    }


def test_the_site_is_the_same_with_and_without_read_ahead(tmp_path):
    site = Site(tmp_path)
    posts = _every_kind_of_post(site)
    assert posts >= read_ahead.MIN_POSTS
    settings = {"PORTO_SEARCH_ENABLED": False}
    ahead = site.build("--debug", PORTO_FRONTMATTER_READ_AHEAD=True, **settings)
    on = _pages(ahead)
    plain = site.build("--debug", PORTO_FRONTMATTER_READ_AHEAD=False, **settings)
    assert "read-ahead" not in plain.log
    made = re.search(r"read-ahead made (\d+) posts", ahead.log)
    assert made and int(made[1]) > posts // 2, ahead.log[-2000:]
    assert ahead.returncode == plain.returncode
    # The same messages, each once (their order varies from build to build).
    assert sorted(ahead.problems) == sorted(plain.problems)
    assert ahead.problems, "the fixtures hold broken posts: they must be reported"
    assert _pages(plain) == on
    assert len([name for name in on if name.endswith(".html")]) > 60


def test_a_small_site_is_read_as_usual(tmp_path):
    site = Site(tmp_path)
    site.write("posts/2020-01-01-one.md", "---\ntitle: One\n---\n\nText.\n")
    build = site.build("--debug", PORTO_SEARCH_ENABLED=False)
    assert build.returncode == 0, build.log
    assert "read-ahead" not in build.log


class _Reader:
    """A reader as read-ahead's other process uses it, with chosen trouble."""

    def __init__(self, trouble: dict[str, str]):
        self.trouble = trouble

    def convert_ahead(self, path: str) -> dict[bytes, str]:
        name = os.path.basename(path)
        what = self.trouble.get(name)
        if what == "exit":
            os._exit(3)
        if what == "slow":
            time.sleep(read_ahead.PATIENCE * 5)
        if what == "fail":
            raise ValueError("cannot read")
        return {digest(f"text of {name}"): f"<p>{name}</p>"}


@contextmanager
def _ahead(tmp_path, trouble: dict[str, str], count: int = 12):
    files = [str(tmp_path / f"post-{n}.md") for n in range(count)]
    ahead = ReadAhead({"md": _Reader(trouble)}, files)
    try:
        yield files, ahead
    finally:
        ahead.close()


def test_each_post_gets_what_was_made_for_it(tmp_path):
    with _ahead(tmp_path, {}) as (files, ahead):
        for path in files:
            name = os.path.basename(path)
            assert ahead.take(path) == {digest(f"text of {name}"): f"<p>{name}</p>"}
        assert ahead.take(files[0]) is None  # already taken: made here
        assert ahead.take(str(tmp_path / "unknown.md")) is None


def test_posts_skipped_by_the_build_are_passed_over(tmp_path):
    with _ahead(tmp_path, {}) as (files, ahead):
        assert ahead.take(files[5]) is not None
        assert ahead.take(files[2]) is None  # behind: made here
        assert ahead.take(files[11]) is not None


def test_a_failed_post_is_made_here_and_the_next_ones_still_ahead(tmp_path):
    with _ahead(tmp_path, {"post-3.md": "fail"}) as (files, ahead):
        assert ahead.take(files[3]) is None
        assert ahead.take(files[4]) is not None
        assert ahead.running


def test_a_dead_process_stops_read_ahead(tmp_path):
    with _ahead(tmp_path, {"post-2.md": "exit"}) as (files, ahead):
        assert ahead.take(files[0]) is not None
        assert ahead.take(files[2]) is None
        assert not ahead.running
        assert ahead.take(files[3]) is None


def test_a_slow_process_is_not_waited_for(tmp_path):
    with _ahead(tmp_path, {"post-1.md": "slow"}) as (files, ahead):
        assert ahead.take(files[0]) is not None
        started = time.monotonic()
        assert ahead.take(files[1]) is None
        # Given up after PATIENCE, not after the post's five times as long.
        assert time.monotonic() - started < read_ahead.PATIENCE * 4
        assert not ahead.running


def test_read_ahead_is_off_where_it_cannot_help():
    assert not read_ahead.usable({"PORTO_FRONTMATTER_READ_AHEAD": False})
    assert not read_ahead.usable({"LOAD_CONTENT_CACHE": True, "CACHE_CONTENT": True})
    footnotes = {"markdown.extensions.footnotes": {"UNIQUE_IDS": True}}
    assert not read_ahead.usable({"MARKDOWN": {"extension_configs": footnotes}})
