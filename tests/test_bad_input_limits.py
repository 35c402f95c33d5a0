"""Bad input, part two: files from outside content/ and resource limits (#13).

Each case is a post (or a file) that once published a file from outside the
content folder, or stalled or exhausted the build. All cases share one site
with two good posts; for each, the build exits 0, the log has one message
naming the case's source file and saying what is wrong, every good post is on
the site, and no file from outside the content folder reaches the output.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Build, Site

GOOD = {
    "posts/2020-01-01-first-good.md": "---\ntitle: First good post\n---\nHello.\n",
    "posts/2020-01-02-second-good.md": (
        "---\ntitle: Second good post\ntags: [alpha]\n---\n![A photo](photo.png)\n"
    ),
}
# What the files outside the content folder hold: never in the output.
SECRET = b"TOP-SECRET-NOT-FOR-THE-WEB"


def _alias_bomb(key: str) -> str:
    """Nine lines of nine aliases each: 9**9 values once expanded."""
    lines = ["---", "l0: &l0 [lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        aliases = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{aliases}]")
    lines.append(f"{key}: *l9")
    if key != "title":
        lines.append("title: Alias bomb")
    return "\n".join([*lines, "---", "Body.", ""])


def _outside(site: Site) -> Path:
    folder = site.root / "outside"
    folder.mkdir(exist_ok=True)
    for name in ("secret.png", "secret.txt", "notes.md", "raw.txt"):
        (folder / name).write_bytes(SECRET)
    (folder / "notes.md").write_bytes(b"---\ntitle: Notes\n---\n" + SECRET + b"\n")
    return folder


def _symlink(site: Site, relative: str, target: Path) -> None:
    link = site.content / relative
    link.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, link)


def _huge_png(site: Site, relative: str) -> None:
    from PIL import Image

    path = site.content / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    # One bit a pixel, all zero: 144 megapixels in a few kilobytes.
    Image.new("1", (12000, 12000)).save(path)


@dataclass
class Case:
    """A bad input; ``source`` is the file its one message must name."""

    source: str
    text: str | None  # the post, or None when ``setup`` writes it
    message: str | None  # what the message says; None: there is none
    published: bool  # is the post itself on the site?
    setup: Callable[[Site], None] | None = None


CASES = {
    # -- Resource limits ----------------------------------------------------
    "alias_bomb_as_tags": Case(
        "posts/2020-02-01-bomb-tags.md", _alias_bomb("tags"), "alias bomb", False
    ),
    "alias_bomb_as_title": Case(
        "posts/2020-02-02-bomb-title.md", _alias_bomb("title"), "alias bomb", False
    ),
    "alias_holding_itself": Case(
        "posts/2020-02-03-loop.md",
        "---\ntitle: Loop\ntags: &x [a, *x]\n---\nBody.\n",
        "holds itself through a YAML alias",
        False,
    ),
    "front_matter_nested_10000_deep": Case(
        "posts/2020-02-04-deep.md",
        "---\ntitle: Deep\ntags: " + "[" * 10000 + "]" * 10000 + "\n---\nBody.\n",
        "nested more than 100 levels deep",
        False,
    ),
    "a_post_with_150_tags": Case(
        "posts/2020-02-05-many-tags.md",
        "---\ntitle: Many tags\ntags: ["
        + ", ".join(f"tag{i:03}" for i in range(150))
        + "]\n---\nBody.\n",
        "150 tags (more than PORTO_FRONTMATTER_MANY_TAGS = 100)",
        True,
    ),
    "a_12000_by_12000_png": Case(
        "posts/2020-02-06-huge-image.md",
        "---\ntitle: Huge image\n---\n![A huge image](huge.png)\n",
        "image posts/huge.png is 12000×12000 pixels",
        True,
        lambda site: _huge_png(site, "posts/huge.png"),
    ),
    "a_paragraph_of_20000_words_in_capitals": Case(
        "posts/2020-02-07-shouting.md",
        "---\ntitle: Shouting\n---\n" + " ".join(["NASA", "FTW"] * 10000) + "\n",
        None,
        True,
    ),
    "a_list_nested_10000_deep": Case(
        "posts/2020-02-08-nested-list.md",
        "---\ntitle: Nested list\n---\n" + "- " * 10000 + "x\n",
        "nested too deeply for Python-Markdown",
        False,
    ),
    "html_nested_10000_deep": Case(
        # libxml2 stops at 2,048 levels: the page is kept as Markdown wrote it
        "posts/2020-02-09-nested-html.md",
        "---\ntitle: Nested HTML\n---\n" + "<div>" * 10000 + "x" + "</div>" * 10000,
        "Porto pipeline failed, content left unprocessed",
        True,
    ),
    # -- Files from outside content/ ------------------------------------------
    "image_symlinked_out_of_the_content_folder": Case(
        "posts/2020-03-01-leak.md",
        "---\ntitle: Leak\n---\n![Leak](leak.png)\n",
        "image leak.png is a link to ",
        True,
        lambda site: _symlink(site, "posts/leak.png", _outside(site) / "secret.png"),
    ),
    "folder_symlinked_out_of_the_content_folder": Case(
        "posts/2020-03-02-linked-folder.md",
        "---\ntitle: Linked folder\n---\n[The notes](linked/secret.txt)\n",
        "link target linked/secret.txt is a link to ",
        True,
        lambda site: _symlink(site, "posts/linked", _outside(site)),
    ),
    "static_link_climbing_out_of_the_content_folder": Case(
        "posts/2020-03-03-climb.md",
        "---\ntitle: Climb\n---\n[The secret]({static}/../outside/secret.txt)\n",
        "{static}/../outside/secret.txt points outside the content folder",
        True,
        _outside,
    ),
    "attach_link_climbing_out_of_the_content_folder": Case(
        "posts/2020-03-04-attach.md",
        "---\ntitle: Attach\n---\n![Secret]({attach}../../outside/secret.png)\n",
        "{attach}../../outside/secret.png points outside the content folder",
        True,
        _outside,
    ),
    "static_link_in_raw_html_climbing_out": Case(
        # Not an attribute Porto's links look at: Pelican's static generator
        # has the file in hand, and Porto takes it back before it is copied.
        "posts/2020-03-05-raw-html.md",
        '---\ntitle: Raw\n---\n<object data="{static}/../outside/raw.txt"></object>\n',
        "../outside/raw.txt lies outside the content folder: not published",
        True,
        _outside,
    ),
    "file_in_static_paths_symlinked_out": Case(
        "images/host.png",
        None,
        "the file is a link to ",
        False,
        lambda site: _symlink(site, "images/host.png", _outside(site) / "secret.png"),
    ),
    "post_symlinked_out_of_the_content_folder": Case(
        "posts/2020-03-06-notes.md",
        None,
        "a link to ",
        False,
        lambda site: _symlink(
            site, "posts/2020-03-06-notes.md", _outside(site) / "notes.md"
        ),
    ),
}


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Build:
    site = Site(tmp_path_factory.mktemp("limits"))
    for relative, text in GOOD.items():
        site.write(relative, text)
    png = Path(__file__).parent / "fixtures" / "images" / "landscape_40x30.png"
    site.write("posts/photo.png", png.read_bytes())
    for case in CASES.values():
        if case.text is not None:
            site.write(case.source, case.text)
        if case.setup is not None:
            case.setup(site)
    return site.build()


def _page(build: Build, source: str) -> Path | None:
    """The article page of ``posts/YYYY-MM-DD-slug.md``, if it was written."""
    match = re.fullmatch(r"posts/(\d{4})-(\d{2})-\d{2}-(.+)\.md", source)
    if match is None:
        return None
    year, month, slug = match.groups()
    page = build.output / year / month / slug / "index.html"
    return page if page.exists() else None


@pytest.mark.parametrize("name", CASES)
def test_bad_input_limits(build, name):
    case = CASES[name]
    assert build.returncode == 0, build.log
    about = [p for p in build.problems if case.source in p]
    if case.message is None:
        assert about == []
    else:
        assert len(about) == 1, about
        assert case.message in about[0]
    for relative in GOOD:
        assert _page(build, relative) is not None, relative
    if case.source.startswith("posts/"):
        assert (_page(build, case.source) is not None) == case.published


def test_nothing_from_outside_the_content_folder_is_published(build):
    leaked = [
        path.relative_to(build.output)
        for path in build.output.rglob("*")
        if path.is_file() and SECRET in path.read_bytes()
    ]
    assert leaked == []
    # …and no page links to where such a file would have been copied.
    for page in build.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(src=True) + soup.find_all(href=True):
            url = element.get("src") or element.get("href")
            assert "secret" not in url and "leak.png" not in url, (page, url)


def test_no_raw_pillow_warning(build):
    assert "DecompressionBomb" not in build.log


def test_a_huge_image_keeps_its_size_from_the_header(build):
    page = _page(build, "posts/2020-02-06-huge-image.md")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    image = soup.find("img", alt="A huge image")
    assert (image["width"], image["height"]) == ("12000", "12000")


def test_cards_show_ten_tags_and_how_many_more(build):
    # The page of the post's last tag lists it alone.
    soup = BeautifulSoup(build.html("tag/tag149/index.html"), "html.parser")
    title = soup.find("a", rel="bookmark", href=re.compile("many-tags"))
    card = title.find_parent("article")
    assert [a.get_text() for a in card.select("a.tag")] == [
        f"tag{i:03}" for i in range(10)
    ]
    assert card.select_one(".more-tags").get_text() == "…and 140 more"
    # The post's own page lists them all.
    page = _page(build, "posts/2020-02-05-many-tags.md")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert len(soup.select(".post-meta a.tag")) == 150
    assert soup.select_one(".more-tags") is None


def test_the_long_paragraph_gets_its_spans(build):
    page = _page(build, "posts/2020-02-07-shouting.md")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    spans = soup.select("article p span.caps")
    assert len(spans) == 20000
    assert [s.get_text() for s in spans[:3]] == ["NASA", "FTW", "NASA"]


def test_the_symlinked_image_has_no_src_and_the_good_one_is_copied(build):
    page = _page(build, "posts/2020-03-01-leak.md")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert not soup.find("img", alt="Leak").has_attr("src")
    assert (build.output / "posts" / "photo.png").exists()


# -- The YAML bound on its own ------------------------------------------------


@pytest.mark.parametrize(
    "front_matter",
    [
        # an anchor reused as Jekyll sites do: a few aliases of a small value
        "defaults: &d {layout: post, comments: true}\nfirst: *d\nsecond: *d\n",
        # many values written out are not an expansion
        "tags: [" + ", ".join(f"t{i}" for i in range(20000)) + "]\n",
        # 9,999 values added by aliases (101 lists of 100 values, one written)
        "a: &a [" + ", ".join(["x"] * 99) + "]\nb: [" + ", ".join(["*a"] * 101) + "]\n",
        "deep: " + "[" * 99 + "]" * 99 + "\n",
    ],
)
def test_ordinary_aliases_and_large_blocks_pass(front_matter):
    from pelican.plugins.porto_frontmatter.frontmatter import split_front_matter

    assert split_front_matter(f"---\n{front_matter}---\nBody.\n") is not None


@pytest.mark.parametrize(
    ("front_matter", "line", "problem"),
    [
        (
            "title: x\na: &a ["
            + ", ".join(["x"] * 99)
            + "]\nb: ["
            + ", ".join(["*a"] * 103)
            + "]\n",
            4,  # b's line: "---" is line 1
            "YAML aliases make `b` 10,301 values long",
        ),
        ("title: x\n'tags': &x [a, [b, *x]]\n", 3, "`tags` holds itself"),
        ("deep: " + "[" * 101 + "]" * 101 + "\n", 2, "more than 100 levels"),
    ],
)
def test_expansions_past_the_bound_are_refused_with_the_line(
    front_matter, line, problem
):
    from pelican.plugins.porto_frontmatter.frontmatter import (
        FrontMatterError,
        split_front_matter,
    )

    with pytest.raises(FrontMatterError) as caught:
        split_front_matter(f"---\n{front_matter}---\nBody.\n")
    assert caught.value.line == line
    assert problem in caught.value.problem


def test_a_save_as_climbing_out_of_the_output_folder_is_not_written(site):
    site.write("images/climber.png", SECRET)
    site.write("posts/2020-01-04-fine.md", "---\ntitle: Fine\n---\nHello.\n")
    build = site.build(
        EXTRA_PATH_METADATA={"images/climber.png": {"save_as": "../climber.png"}}
    )
    assert build.returncode == 0, build.log
    assert build.problems == [
        f"WARNING images/climber.png: the file would be written to "
        f"{site.root / 'climber.png'}, outside the output folder: not published"
    ]
    assert not (site.root / "climber.png").exists()
    assert (build.output / "2020" / "01" / "fine" / "index.html").exists()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that is all header: enough for Pillow to open it, never to decode."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


@pytest.mark.parametrize("side", [12000, 30000])  # Pillow warns; Pillow refuses
def test_image_size_reads_a_huge_header_without_pillows_warning(tmp_path, side):
    import warnings

    from pelican.plugins.porto_images.images import heavy_image, image_size
    from PIL import Image

    path = tmp_path / "huge.png"
    path.write_bytes(_png_header(side, side))
    limit = Image.MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # any warning fails the test
        assert image_size(str(path)) == (side, side)
    assert Image.MAX_IMAGE_PIXELS == limit  # Pillow's guard is back in place
    assert heavy_image((side, side)) == limit
    assert heavy_image((4000, 3000)) is None
