"""Issue 13, section 5: input that was lost or shown wrong without a word.

Each case builds a small site: the case's file(s) and two good neighbours. The
build exits 0, the log holds at most the one message the case expects (naming
the source file, and its line where there is one), both neighbours are on the
site, and the case's own check looks at what a reader of the site sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from conftest import Build, Site

NEIGHBOURS = {
    "posts/2020-06-01-neighbour-one.md": "---\ntitle: Neighbour one\n---\n\nFine.\n",
    "posts/2020-06-02-neighbour-two.md": "---\ntitle: Neighbour two\n---\n\nFine.\n",
}
NEIGHBOUR_PAGES = (
    "2020/06/neighbour-one/index.html",
    "2020/06/neighbour-two/index.html",
)


def soup(build: Build, page: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(page), "html.parser")


def h1(build: Build, page: str) -> str:
    # typography joins a title's last two words with a no-break space
    text = soup(build, page).find("main").find("h1").get_text(" ", strip=True)
    return text.replace("\xa0", " ")


def all_text(build: Build) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in build.pages())


def post(front: str, body: str = "Body text.") -> str:
    return f"---\n{front}\n---\n\n{body}\n"


@dataclass
class Case:
    files: dict[str, str | bytes]
    check: Callable[[Build], None]
    # The one message: its level, the file it names, the line it gives.
    level: str | None = None
    names: str | None = None
    line: int | None = None
    says: str = ""


def published(page: str, title: str) -> Callable[[Build], None]:
    def check(build: Build) -> None:
        assert h1(build, page) == title

    return check


def nothing_from(*words: str) -> Callable[[Build], None]:
    def check(build: Build) -> None:
        text = all_text(build)
        for word in words:
            assert word not in text

    return check


def both(*checks: Callable[[Build], None]) -> Callable[[Build], None]:
    def check(build: Build) -> None:
        for one in checks:
            one(build)

    return check


def home_page_is_the_post_list(build: Build) -> None:
    home = soup(build, "index.html")
    titles = {
        a.get_text(strip=True).replace("\xa0", " ") for a in home.select("main a")
    }
    assert {"Neighbour one", "Neighbour two", "Home stealer"} <= titles
    assert h1(build, "2020/01/home-stealer/index.html") == "Home stealer"


def no_repr(build: Build) -> None:
    text = all_text(build)
    assert "[&#39;" not in text and "['" not in text and "{'" not in text
    assert "{&#39;" not in text


def title_from_file_name(build: Build) -> None:
    assert h1(build, "2020/01/listed-title/index.html") == "Listed Title"
    no_repr(build)


def tags_of(build: Build, page: str) -> list[str]:
    return [a.get_text(strip=True) for a in soup(build, page).select('a[rel~="tag"]')]


def no_tag_pages(build: Build) -> None:
    assert not (build.output / "tag" / "index.html").exists()
    assert h1(build, "2020/01/party/index.html") == "Party"
    assert tags_of(build, "2020/01/party/index.html") == ["party"]


def reading_time_counted(build: Build) -> None:
    meta = soup(build, "2020/01/slow/index.html").find("main").get_text(" ")
    assert re.search(r"\b1 min read\b", meta), meta
    assert "0000000000" not in all_text(build)


def not_published(*pages: str) -> Callable[[Build], None]:
    def check(build: Build) -> None:
        for page in pages:
            assert not (build.output / page).exists(), page

    return check


def only_neighbours(build: Build) -> None:
    articles = sorted(p.parent.name for p in build.output.glob("20*/*/*/index.html"))
    assert articles == ["neighbour-one", "neighbour-two"]


def modified_ignored(build: Build) -> None:
    page = soup(build, "2020/01/bad-modified/index.html")
    assert "2020-99-99" not in page.get_text()
    assert h1(build, "2020/01/bad-modified/index.html") == "Bad modified"


UTF16_TEXT = "---\ntitle: Sixteen bits\ntags: [café]\n---\n\nUm café é bom.\n"

CASES = {
    # -- Jekyll's Markdown extensions, any case ---------------------------------
    "extension_upper_MD": Case(
        {"posts/2020-01-01-shout.MD": post("title: Shout")},
        published("2020/01/shout/index.html", "Shout"),
    ),
    "extension_Markdown": Case(
        {"posts/2020-01-01-long-name.Markdown": post("title: Long name")},
        published("2020/01/long-name/index.html", "Long name"),
    ),
    "extension_mkdn": Case(
        {"posts/2020-01-01-short.mkdn": post("title: Short")},
        published("2020/01/short/index.html", "Short"),
    ),
    "extension_mkdown": Case(
        {"posts/2020-01-01-other.mkdown": post("title: Other")},
        published("2020/01/other/index.html", "Other"),
    ),
    "extension_mixed_case": Case(
        {"posts/2020-01-01-mixed.mKdN": post("title: Mixed")},
        published("2020/01/mixed/index.html", "Mixed"),
    ),
    # -- hidden files and leftovers -------------------------------------------
    "dotfile_post_not_published": Case(
        {"posts/.2020-01-05-secret.md": post("title: Secret draft")},
        both(only_neighbours, nothing_from("Secret draft")),
    ),
    "dotfile_upper_extension_not_published": Case(
        {"posts/.2020-01-05-secret.MD": post("title: Secret draft")},
        both(only_neighbours, nothing_from("Secret draft")),
    ),
    "macos_appledouble_ignored": Case(
        {
            "posts/._2020-06-01-neighbour-one.md": b"\x00\x05\x16\x07\x00\x02\x00\x00"
            b"Mac OS X        \x00\x02\xff\xfe",
            "images/._photo.png": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
        },
        both(only_neighbours, not_published("images/._photo.png")),
    ),
    "emacs_lock_file_ignored": Case(
        {"posts/.#2020-06-01-neighbour-one.md": "me@laptop.4242:1700000000"},
        only_neighbours,
    ),
    # -- the home page -------------------------------------------------------------
    "save_as_index_refused": Case(
        {"posts/2020-01-07-home-stealer.md": post("title: Home stealer\nsave_as: index.html")},
        home_page_is_the_post_list,
        "WARNING", "posts/2020-01-07-home-stealer.md", 3, "home page",
    ),
    "save_as_index_with_slash_refused": Case(
        {"posts/2020-01-07-home-stealer.md": post("title: Home stealer\nsave_as: /index.html")},
        home_page_is_the_post_list,
        "WARNING", "posts/2020-01-07-home-stealer.md", 3, "home page",
    ),
    # -- values of the wrong shape -------------------------------------------------
    "title_list": Case(
        {"posts/2020-01-08-listed-title.md": post("title: [a, b]")},
        title_from_file_name,
        "WARNING", "posts/2020-01-08-listed-title.md", 2, "`title` should be text",
    ),
    "title_dict": Case(
        {"posts/2020-01-08-listed-title.md": post("title: {en: Hello}")},
        title_from_file_name,
        "WARNING", "posts/2020-01-08-listed-title.md", 2, "`title` should be text",
    ),
    "title_yes_as_written": Case(
        {"posts/2020-01-09-agree.md": post("title: yes")},
        both(published("2020/01/agree/index.html", "yes"), nothing_from(">True<")),
    ),
    "title_number_as_written": Case(
        {"posts/2020-01-09-price.md": post("title: 1.50 # the price")},
        published("2020/01/price/index.html", "1.50"),
    ),
    "excerpt_dict": Case(
        {"posts/2020-01-10-excerpt.md": post("title: Excerpt\nexcerpt: {x: 1}")},
        no_repr,
        "WARNING", "posts/2020-01-10-excerpt.md", 3, "`excerpt` should be text",
    ),
    "description_list": Case(
        {"posts/2020-01-10-excerpt.md": post("title: Excerpt\ndescription: [one, two]")},
        no_repr,
        "WARNING", "posts/2020-01-10-excerpt.md", 3, "`description` should be text",
    ),
    "image_list": Case(
        {"posts/2020-01-10-pics.md": post("title: Pics\nimage: [a.png, b.png]")},
        no_repr,
        "WARNING", "posts/2020-01-10-pics.md", 3, "`image` should be a path",
    ),
    "tags_null": Case(
        {"posts/2020-01-11-untagged.md": post("title: Untagged\ntags:")},
        published("2020/01/untagged/index.html", "Untagged"),
        "WARNING", "posts/2020-01-11-untagged.md", 3, "`tags` is empty",
    ),
    "tags_empty_list": Case(
        {"posts/2020-01-11-untagged.md": post("title: Untagged\ntags: []")},
        published("2020/01/untagged/index.html", "Untagged"),
        "WARNING", "posts/2020-01-11-untagged.md", 3, "`tags` is empty",
    ),
    "tags_dict": Case(
        {"posts/2020-01-11-untagged.md": post("title: Untagged\ntags: {python: 1}")},
        both(published("2020/01/untagged/index.html", "Untagged"), no_repr),
        "WARNING", "posts/2020-01-11-untagged.md", 3, "`tags` should be a list",
    ),
    "reading_time_huge": Case(
        {"posts/2020-01-12-slow.md": post("title: Slow\nreading_time: 1.0e+300")},
        reading_time_counted,
        "WARNING", "posts/2020-01-12-slow.md", None, "reading_time",
    ),
    "reading_time_infinite": Case(
        {"posts/2020-01-12-slow.md": post("title: Slow\nreading_time: .inf")},
        reading_time_counted,
        "WARNING", "posts/2020-01-12-slow.md", None, "reading_time",
    ),
    "emoji_tags_dropped": Case(
        {"posts/2020-01-13-party.md": post("title: Party\ntags: ['🎉', party, '🚀']")},
        no_tag_pages,
        "WARNING", "posts/2020-01-13-party.md", None, "tags '🎉', '🚀'",
    ),
    "utf16_le_with_bom": Case(
        {"posts/2020-01-14-sixteen-bits.md": b"\xff\xfe" + UTF16_TEXT.encode("utf-16-le")},
        both(
            published("2020/01/sixteen-bits/index.html", "Sixteen bits"),
            lambda b: "Um café é bom." in soup(b, "2020/01/sixteen-bits/index.html").get_text(),
        ),
    ),
    "utf16_be_with_bom": Case(
        {"posts/2020-01-14-sixteen-bits.md": b"\xfe\xff" + UTF16_TEXT.encode("utf-16-be")},
        published("2020/01/sixteen-bits/index.html", "Sixteen bits"),
    ),
    # -- dates -------------------------------------------------------------------------
    "date_year_only": Case(
        {"posts/year-only.md": post("title: Year only\ndate: 2020")},
        only_neighbours,
        "ERROR", "posts/year-only.md", 3, "year, month and day",
    ),
    "date_year_month": Case(
        {"posts/year-month.md": post("title: Year month\ndate: 2020-05")},
        only_neighbours,
        "ERROR", "posts/year-month.md", 3, "year, month and day",
    ),
    "date_impossible": Case(
        {"posts/bad-date.md": post("title: Bad date\ntags: [a]\ndate: 2020-13-45")},
        only_neighbours,
        "ERROR", "posts/bad-date.md", 4, "2020-13-45",
    ),
    "date_impossible_with_time": Case(
        {"posts/bad-date.md": post("title: Bad date\ndate: 2020-02-30 10:00:00")},
        only_neighbours,
        "ERROR", "posts/bad-date.md", 3, "2020-02-30",
    ),
    "date_in_file_name_impossible": Case(
        {"posts/2020-02-30-leap.md": post("title: Leap")},
        only_neighbours,
        "ERROR", "posts/2020-02-30-leap.md", None, "2020-02-30 in the file name",
    ),
    "last_modified_at_impossible": Case(
        {"posts/2020-01-15-bad-modified.md": post("title: Bad modified\nlast_modified_at: 2020-99-99")},
        modified_ignored,
        "WARNING", "posts/2020-01-15-bad-modified.md", 3, "2020-99-99",
    ),
    "modified_year_only": Case(
        {"posts/2020-01-15-bad-modified.md": post("title: Bad modified\nmodified: 2021")},
        modified_ignored,
        "WARNING", "posts/2020-01-15-bad-modified.md", 3, "year, month and day",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_silent_loss(site: Site, name: str) -> None:
    case = CASES[name]
    for relative, data in {**NEIGHBOURS, **case.files}.items():
        site.write(relative, data)
    build = site.build()
    assert build.returncode == 0, build.log
    for page in NEIGHBOUR_PAGES:
        assert (build.output / page).is_file(), (page, build.log)
    if case.level is None:
        assert build.problems == [], build.log
    else:
        assert len(build.problems) == 1, build.problems
        (message,) = build.problems
        assert message.startswith(case.level + " "), message
        assert case.names in message, message
        if case.line is not None:
            assert f"line {case.line}" in message, message
        assert case.says in message, message
    case.check(build)


# -- a cached rebuild says what the full build said ------------------------------

CACHE = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def test_cached_rebuild_repeats_the_readers_warnings(site: Site) -> None:
    for relative, data in NEIGHBOURS.items():
        site.write(relative, data)
    site.write("posts/2020-01-01-empty.md", "")
    site.write("posts/2020-01-02-latin.md", post("title: Caf\xe9").encode("latin-1"))
    site.write("posts/2020-01-03-untitled.md", post("tags: [a]"))
    site.write("posts/undated.md", post("title: Undated"))
    site.write("posts/2020-01-04-bad-tags.md", post("title: Bad tags\ntags:"))
    first = site.build(**CACHE)
    second = site.build(**CACHE)
    assert first.returncode == second.returncode == 0
    for needle in ("empty.md", "latin.md", "untitled.md", "undated.md", "bad-tags.md"):
        assert [p for p in first.problems if needle in p], (needle, first.log)
    assert sorted(second.problems) == sorted(first.problems)
    # From the cache: Pelican did not read the posts again.
    assert (site.root / "cache").is_dir()
    third = site.build(**CACHE)
    assert sorted(third.problems) == sorted(first.problems)


def test_a_fresh_read_says_its_warnings_once(site: Site) -> None:
    site.write("posts/undated.md", post("title: Undated"))
    build = site.build(**CACHE)
    assert len([p for p in build.problems if "undated.md" in p]) == 1
    site.write("posts/undated.md", post("title: Undated", "Edited."))
    rebuilt = site.build(**CACHE)
    assert len([p for p in rebuilt.problems if "undated.md" in p]) == 1


# -- the helpers, on their own -------------------------------------------------


def test_key_line_finds_top_level_keys_in_the_front_matter_only():
    from pelican.plugins.porto_frontmatter.checks import key_line

    text = "---\ntitle: A\nTags:\n  - x\n---\n\ndate: not front matter\n"
    assert key_line(text, "title") == 2
    assert key_line(text, "tags") == 3
    assert key_line(text, "date") is None
    assert key_line("no front matter\ntitle: x\n", "title") is None


def test_impossible_dates_are_quoted_with_their_line_and_reason():
    from pelican.plugins.porto_frontmatter.checks import quote_impossible_dates

    text = "---\ntitle: A\ndate: 2020-13-45  # typo\nupdated: 2020-01-02\n---\nx\n"
    fixed, bad = quote_impossible_dates(text)
    assert fixed.splitlines()[2] == "date: '2020-13-45'  # typo"
    assert fixed.splitlines()[3] == "updated: 2020-01-02"
    assert [(b.key, b.value, b.line) for b in bad] == [("date", "2020-13-45", 3)]
    assert "month" in bad[0].reason


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"\xff\xfe" + "é".encode("utf-16-le"), "é"),
        (b"\xfe\xff" + "é".encode("utf-16-be"), "é"),
        (b"\xff\xfe\x00\x00" + "é".encode("utf-32-le"), "é"),
        ("é".encode(), None),
        (b"\xff\xfe\x00", None),  # a mark, then half a character
    ],
)
def test_decode_with_bom(raw, text):
    from pelican.plugins.porto_frontmatter.checks import decode_with_bom

    assert decode_with_bom(raw) == text
