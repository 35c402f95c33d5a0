"""Bad input: one broken or hostile post never takes the site down or lets script in.

Every case of :data:`CASES` goes into ONE production-like site (feeds on,
absolute URLs) with a few good posts, built once. Then, for each case (the
test id is the case's name):

* the build exits 0;
* the log has exactly one message naming the case's source file (none for a
  case whose input is merely shown as text), matching ``expect_message`` and
  naming the line when the case gives one;
* the post is on the site (or left out, for ``skipped`` cases).

And for the site as a whole: every good post is published, listed and in the
feed, and no page or feed holds live script (:func:`assert_no_live_script`).

To add a case, append a :class:`BadInput` to :data:`CASES`: give its files
names no other case uses (a folder of its own under ``posts/`` is easiest),
and a body marker (``shows``) that is unique on the site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, REPO, Build, Site
from pelican.plugins.porto_frontmatter.safety import (
    MAX_NAME_BYTES,
    key_line,
    language_tag,
    safe_slug,
    shorten,
    strip_control_characters,
)
from production import SITEURL, production_settings

# -- the invariants, reusable by any test that builds a site ------------------

# The theme's own inline script (the light/dark toggle), known by its content.
THEME_SCRIPT = (REPO / "theme/templates/partials/theme_script.js").read_text().strip()
THEME_JS = {path.name for path in (REPO / "theme/static/js").glob("*.js")}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "xlink:href"}
_FEED_URL_ATTRIBUTES = {"href", "src", "url", "uri", "domain", "xml:base"}
_SCRIPT_URL = re.compile(r"^\s*(?:javascript|vbscript)\s*:", re.IGNORECASE)


def live_script_problems(html: str, where: str) -> list[str]:
    """What in ``html`` could run script: ``<script>`` elements other than the
    theme's (its toggle script and JSON-LD data), ``on*`` attributes and
    ``javascript:`` URLs. Each problem is a line naming ``where``."""
    problems = []
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        text = script.get_text().strip()
        if script.get("type") == "application/ld+json":
            try:
                json.loads(text)
            except ValueError:
                problems.append(f"{where}: JSON-LD that is not JSON: {text[:80]!r}")
            continue
        src = script.get("src")
        if src and src.split("?")[0].rpartition("/theme/js/")[2] in THEME_JS:
            continue  # the theme's own files (search, copy buttons)
        if text != THEME_SCRIPT or src:
            problems.append(f"{where}: unexpected script {str(script)[:80]!r}")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"{where}: <{element.name} {name}=…>")
            values = value if isinstance(value, list) else [value]
            if name.lower() in _URL_ATTRIBUTES and any(
                _SCRIPT_URL.match(str(v)) for v in values
            ):
                problems.append(f"{where}: <{element.name} {name}={value!r}>")
    return problems


def feed_problems(xml: str, where: str) -> list[str]:
    """:func:`live_script_problems` for the HTML a feed carries (Atom's
    ``type="html"`` elements, RSS descriptions and ``content:encoded``), and no
    ``javascript:`` URL in any attribute that holds a URL. Plain text (an Atom
    title, an author's name, a category's ``term``) is text to a feed reader,
    whatever it holds."""
    problems = []
    soup = BeautifulSoup(xml, "xml")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name in _FEED_URL_ATTRIBUTES and _SCRIPT_URL.match(str(value)):
                problems.append(f"{where}: <{element.name} {name}={value!r}>")
        carries_html = element.get("type") == "html" or element.name in {
            "description",
            "encoded",
        }
        if carries_html and element.string:
            inner = f"{where} <{element.name}>"
            problems += live_script_problems(str(element.string), inner)
    return problems


def assert_no_live_script(output_dir: Path) -> None:
    """No page (``*.html``) or feed (``*.xml``) under ``output_dir`` can run
    script but the theme's own."""
    problems = []
    for path in sorted(output_dir.rglob("*")):
        where = str(path.relative_to(output_dir))
        if path.suffix == ".html":
            problems += live_script_problems(path.read_text(encoding="utf-8"), where)
        elif path.suffix == ".xml":
            problems += feed_problems(path.read_text(encoding="utf-8"), where)
    assert not problems, "\n".join(problems)


def messages_naming(build: Build, source: str) -> list[str]:
    """The build's warnings and errors that name ``source`` (a path under
    ``content/``, as Porto writes it)."""
    return [line for line in build.problems if source in line]


def pages_showing(build: Build, text: str) -> list[Path]:
    """The written posts and pages whose content holds ``text``."""
    found = []
    for page in build.pages():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        content = soup.select_one(".post-content")
        if content is not None and text in _plain(content.get_text()):
            found.append(page)
    return found


def page_text(build: Build, relative: str) -> str:
    """The text a reader sees on a page (no-break spaces as spaces)."""
    return _plain(BeautifulSoup(build.html(relative), "html.parser").get_text(" "))


def card_on_index(build: Build, title: str):
    """The post card titled ``title`` on the index pages (any of them)."""
    for page in sorted(build.output.glob("index*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for card in soup.select(".post-card"):
            if _plain(card.select_one(".card-title").get_text()) == title:
                return card
    raise AssertionError(f"no card titled {title!r} on the index pages")


def _plain(text: str) -> str:
    """``text`` with its white space (no-break spaces too) as single spaces."""
    return " ".join(text.split())


# -- the cases ------------------------------------------------------------------


@dataclass(frozen=True)
class BadInput:
    """One kind of bad input, as files under ``content/``.

    ``expect_message``: a regular expression the one message naming ``source``
    must match (``None``: no message at all, the input is simply shown as
    text). ``source`` defaults to the first file. ``line``: the line the
    message names. ``shows``: text of the post's body that must be on exactly
    one written page (unless ``skipped``). ``symlinks``: link → target, both
    relative to ``content/`` and the link's folder. ``links``: output page →
    {link text: the output file it must lead to}.
    """

    name: str
    files: Mapping[str, str | bytes]
    expect_message: str | None
    shows: str = ""
    source: str = ""
    line: int | None = None
    skipped: bool = False
    symlinks: Mapping[str, str] = field(default_factory=dict)
    links: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    listed_as: str = ""  # text the archives page must show for the post

    @property
    def source_file(self) -> str:
        return self.source or next(iter(self.files))


def post(front: str, body: str) -> str:
    """A post: ``front`` is the YAML between the ``---`` lines (title first)."""
    return f"---\n{front.strip()}\n---\n\n{body}\n"


LONG = 300  # bytes: more than a file name may hold

CASES = [
    # 1. Whole-build crashes from one post --------------------------------------
    BadInput(
        "duplicate_slug_same_month",
        files={
            "posts/dup/2020-03-15-harbour-notes.md": post(
                "title: Harbour notes, later", "Dupmarker later body."
            ),
            "posts/dup/2020-03-01-harbour-notes.md": post(
                "title: Harbour notes, earlier", "Dupmarker earlier body."
            ),
            "posts/dup/2020-03-20-dup-links.md": post(
                "title: Links to both notes",
                "Dupmarker links: [the earlier](2020-03-01-harbour-notes.md) and "
                "[the later]({filename}2020-03-15-harbour-notes.md).",
            ),
        },
        expect_message=r"same address as posts/dup/2020-03-01-harbour-notes\.md.*"
        r"'harbour-notes-15'",
        shows="Dupmarker later body.",
        links={
            "2020/03/dup-links/index.html": {
                "the earlier": "2020/03/harbour-notes/index.html",
                "the later": "2020/03/harbour-notes-15/index.html",
            }
        },
    ),
    BadInput(
        "same_save_as",
        files={
            "posts/dup/2020-03-25-second-save-as.md": post(
                "title: Second save_as\nsave_as: notes.html", "Savemarker second."
            ),
            "posts/dup/2020-03-24-first-save-as.md": post(
                "title: First save_as\nsave_as: notes.html", "Savemarker first."
            ),
        },
        expect_message=r"`save_as` names the same file as "
        r"posts/dup/2020-03-24-first-save-as\.md \(notes\.html\); only the earlier",
        shows="Savemarker second.",
        skipped=True,
        links={"notes.html": {}},
    ),
    BadInput(
        "emoji_only_file_names",
        files={
            "posts/emoji/2020-04-02-🎈.md": post("title: 🎈", "Emojimarker balloon."),
            "posts/emoji/2020-04-01-🎉.md": post("title: 🎉", "Emojimarker party."),
        },
        expect_message=r"no.* letters or digits.*'post-02'",
        shows="Emojimarker balloon.",
    ),
    BadInput(
        "slug_too_long",
        files={
            "posts/long/2020-05-01-long-slug.md": post(
                f"title: Long slug\nslug: {'a' * LONG}", "Longmarker slug."
            )
        },
        expect_message=rf"the slug 'a+…' is {LONG} bytes, too long",
        line=3,
        shows="Longmarker slug.",
    ),
    BadInput(
        "file_name_too_long_for_a_slug",
        files={
            f"posts/long/2020-05-02-{'b' * 230}.md": post(
                "title: Long file name", "Longmarker file name."
            )
        },
        expect_message=r"the file name makes a slug of 230 bytes",
        shows="Longmarker file name.",
    ),
    BadInput(
        "tag_too_long",
        files={
            "posts/long/2020-05-03-long-tag.md": post(
                f"title: Long tag\ntags: [short, {'t' * LONG}]", "Longmarker tag."
            )
        },
        expect_message=rf"the tag 't+…' makes a slug of {LONG} bytes",
        shows="Longmarker tag.",
    ),
    BadInput(
        "category_too_long",
        files={
            "posts/long/2020-05-04-long-category.md": post(
                f"title: Long category\ncategory: {'c' * LONG}", "Longmarker category."
            )
        },
        expect_message=rf"the category 'c+…' makes a slug of {LONG} bytes",
        shows="Longmarker category.",
    ),
    BadInput(
        "author_too_long",
        files={
            "posts/long/2020-05-05-long-author.md": post(
                f"title: Long author\nauthor: {'u' * LONG}", "Longmarker author."
            )
        },
        expect_message=rf"the author 'u+…' makes a slug of {LONG} bytes",
        shows="Longmarker author.",
    ),
    BadInput(
        "title_slug_too_long",
        files={
            "posts/long/2020-05-06-🎊.md": post(
                f"title: {'Long title ' * 30}", "Longmarker title."
            )
        },
        expect_message=r"the slug is 329 bytes, too long for a file name",
        shows="Longmarker title.",
    ),
    BadInput(
        "lang_is_a_yaml_date",
        files={
            "posts/lang/2020-06-01-lang-date.md": post(
                "title: Lang date\nlang: 2020-01-01", "Langmarker date."
            )
        },
        expect_message=r"`lang` 2020-01-01 \(a date\) is not a language tag.*'en'",
        line=3,
        shows="Langmarker date.",
    ),
    BadInput(
        "lang_is_a_list",
        files={
            "posts/lang/2020-06-02-lang-list.md": post(
                "title: Lang list\nlang: [en, pt]", "Langmarker list."
            )
        },
        expect_message=r"`lang` \['en', 'pt'\] \(a list\) is not a language tag",
        line=3,
        shows="Langmarker list.",
    ),
    BadInput(
        "lang_in_pelican_metadata",
        files={
            "posts/lang/2020-06-03-pelican-lang.md": (
                "Title: Pelican lang\nDate: 2020-06-03\nLang: e n\n\nLangmarker pelican.\n"
            )
        },
        expect_message=r"`lang` 'e n' is not a language tag",
        line=3,
        shows="Langmarker pelican.",
    ),
    BadInput(
        "control_characters_in_body",
        files={
            "posts/ctrl/2020-06-10-control.md": post(
                "title: Control characters",
                "Ctrlmarker a\x0bb.\n\nRed \x1b[31mtext\x1b[0m and a \x00 null \x7f.",
            )
        },
        expect_message=r"control characters \(U\+0000, U\+000B, U\+001B\) removed",
        line=5,
        shows="Ctrlmarker a b.",
    ),
    BadInput(
        "control_character_in_file_name",
        files={
            "posts/ctrl/2020-06-11-bell\x07ringer.md": (
                "---\ndate: 2020-06-11\n---\n\nCtrlmarker file name.\n"
            )
        },
        # Pelican's log handler drops the control character from the name.
        source="posts/ctrl/2020-06-11-bellringer.md",
        expect_message=r"no `title` in the front matter; using 'Bellringer'",
        shows="Ctrlmarker file name.",
    ),
    BadInput(
        "unknown_template",
        files={
            "posts/tpl/2020-06-20-template.md": post(
                "title: Unknown template\ntemplate: nope", "Tplmarker body."
            )
        },
        expect_message=r"no usable template 'nope' in the theme.*using 'article'",
        line=3,
        shows="Tplmarker body.",
    ),
    BadInput(
        "symlink_loop_under_content",
        files={
            "posts/loop/2020-06-25-looped.md": post("title: Looped", "Loopmarker body.")
        },
        symlinks={"posts/loop/again": ".."},
        source="posts/loop/again",
        expect_message=r"a symbolic link to .*, a folder that holds it; not followed",
        shows="Loopmarker body.",
    ),
    # 2. Script injection from front matter -------------------------------------
    BadInput(
        "slug_with_markup",
        files={
            "posts/xss/2020-07-01-slug-markup.md": post(
                'title: Slug markup\nslug: \'"><script>alert("slug")</script>\'',
                "Xssmarker slug.",
            )
        },
        expect_message=r"the slug .* has characters that an address or a file name "
        r"cannot hold; using '\w[\w-]*'",
        line=3,
        shows="Xssmarker slug.",
    ),
    BadInput(
        "slug_with_path",
        files={
            "posts/xss/2020-07-02-slug-path.md": post(
                "title: Slug path\nslug: ../../../escaped/index", "Xssmarker path."
            )
        },
        expect_message=r"the slug '\.\./\.\./\.\./escaped/index' has characters",
        line=3,
        shows="Xssmarker path.",
    ),
    BadInput(
        "lang_with_markup",
        files={
            "posts/xss/2020-07-03-lang-markup.md": post(
                'title: Lang markup\nlang: \'en"><script>alert("lang")</script>\'',
                "Xssmarker lang.",
            )
        },
        expect_message=r"`lang` .* is not a language tag",
        line=3,
        shows="Xssmarker lang.",
    ),
    BadInput(
        "url_with_markup",
        files={
            "posts/xss/2020-07-04-url-markup.md": post(
                "title: URL markup\nurl: 'javascript:alert(1)//\"><script>x</script>'",
                "Xssmarker url.",
            )
        },
        expect_message=r"`url` .* is not a path inside the site; ignoring it",
        line=3,
        shows="Xssmarker url.",
    ),
    BadInput(
        "excerpt_with_script",
        files={
            "posts/xss/2020-07-05-excerpt.md": post(
                "title: Excerpt script\n"
                'excerpt: \'*Excerptmarker* <script>alert("excerpt")</script>'
                ' <img alt="a" src="/images/sea.png" onerror="alert(1)">'
                " [click](javascript:alert(2))'",
                "Xssmarker excerpt.",
            )
        },
        expect_message=r"removed from the `excerpt`.*: <script>, onerror=, "
        r"javascript: URL",
        line=3,
        shows="Xssmarker excerpt.",
    ),
    BadInput(
        "description_with_onload",
        files={
            "posts/xss/2020-07-06-description.md": post(
                "title: Description onload\n"
                'description: \'Descmarker <svg onload="alert(1)"><circle/></svg>'
                ' <a href="JaVaScRiPt:alert(3)" onclick="alert(4)">x</a>\'',
                "Xssmarker description.",
            )
        },
        expect_message=r"removed from the `description`.*: <svg>, <circle>, "
        r"javascript: URL, onclick=",
        line=3,
        shows="Xssmarker description.",
    ),
    BadInput(
        "summary_with_iframe",
        files={
            "posts/xss/2020-07-07-summary.md": post(
                "title: Summary iframe\n"
                'summary: \'Summarker <iframe src="javascript:alert(1)"></iframe>'
                '<style>body{display:none}</style><object data="x.swf"></object>\'',
                "Xssmarker summary.",
            )
        },
        expect_message=r"removed from the `summary`.*: <iframe>, <style>, <object>",
        line=3,
        shows="Xssmarker summary.",
    ),
    BadInput(
        "pelican_metadata_title_with_script",
        files={
            "posts/xss/2020-07-08-pelican-title.md": (
                "Title: Pelican <em>title</em> <script>alert('title')</script>\n"
                "Date: 2020-07-08\n\nXssmarker pelican title.\n"
            )
        },
        expect_message=r"removed from the `title`.*: <script>",
        line=1,
        shows="Xssmarker pelican title.",
        listed_as="Pelican title",
    ),
    # Values the theme shows as text: no message, and never live markup.
    BadInput(
        "title_with_markup",
        files={
            "posts/text/2020-08-01-title.md": post(
                'title: \'<script>alert("title")</script> " onerror="alert(1)\'',
                "Textmarker title.",
            )
        },
        expect_message=None,
        shows="Textmarker title.",
        listed_as="<script>alert(",
    ),
    BadInput(
        "author_tags_category_with_markup",
        files={
            "posts/text/2020-08-02-names.md": post(
                "title: Names with markup\n"
                "author: 'Eve <img src=x onerror=alert(\"author\")>'\n"
                "tags: ['<script>alert(\"tag\")</script>', '\" onmouseover=\"alert(1)']\n"
                "category: '<a href=\"javascript:alert(1)\">cat</a>'",
                "Textmarker names.",
            )
        },
        expect_message=None,
        shows="Textmarker names.",
    ),
    BadInput(
        "image_with_markup",
        files={
            "posts/text/2020-08-03-image.md": post(
                "title: Image markup\nimage: 'javascript:alert(1)\" onerror=\"alert(2)'",
                "Textmarker image.",
            )
        },
        expect_message=None,
        shows="Textmarker image.",
    ),
]

# Good posts: each must be on the site whatever the bad ones do.
GOOD = {
    "posts/good/2020-01-10-quay.md": post(
        "title: The north quay\ntags: [Harbour]\ncategory: Docks\n"
        "excerpt: 'Goodmarker excerpt with ![a gull](gull.png) and "
        "[the ropes post](2020-01-05-ropes.md) -- typography.'",
        "Goodmarker quay body.\n\n![A gull](gull.png)\n*A gull on the quay.*",
    ),
    "posts/good/2020-01-05-ropes.md": post(
        "title: Knots and ropes\ntags: [Harbour, Ropes]",
        "Goodmarker ropes body. See [the quay](2020-01-10-quay.md).",
    ),
    "posts/good/2020-01-01-sea.md": post(
        "title: Sea light\nimage: /images/sea.png", "Goodmarker sea body."
    ),
}
GOOD_PAGES = {
    "posts/good/2020-01-10-quay.md": "2020/01/quay/index.html",
    "posts/good/2020-01-05-ropes.md": "2020/01/ropes/index.html",
    "posts/good/2020-01-01-sea.md": "2020/01/sea/index.html",
}


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory) -> Build:
    site = Site(tmp_path_factory.mktemp("bad-input"))
    image = (FIXTURES / "images" / "landscape_40x30.png").read_bytes()
    site.write("images/sea.png", image)
    site.write("posts/good/gull.png", image)
    for relative, text in GOOD.items():
        site.write(relative, text)
    for case in CASES:
        for relative, text in case.files.items():
            site.write(relative, text)
        for link, target in case.symlinks.items():
            path = site.content / link
            path.parent.mkdir(parents=True, exist_ok=True)
            path.symlink_to(target, target_is_directory=True)
    return site.build(
        **production_settings(),
        AUTHOR_FEED_ATOM="feeds/author/{slug}.atom.xml",
        AUTHOR_FEED_RSS="feeds/author/{slug}.rss.xml",
    )


# -- per case --------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_one_message_names_the_file(bad_site: Build, case: BadInput) -> None:
    assert bad_site.returncode == 0, bad_site.log[-3000:]
    found = messages_naming(bad_site, case.source_file)
    if case.expect_message is None:
        assert found == [], found
        return
    assert len(found) == 1, found or bad_site.problems
    assert re.search(case.expect_message, found[0]), found[0]
    if case.line is not None:
        assert f"{case.source_file}: line {case.line}:" in found[0]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_post_is_on_the_site(bad_site: Build, case: BadInput) -> None:
    assert bad_site.returncode == 0, bad_site.log[-3000:]
    if case.shows:
        pages = pages_showing(bad_site, case.shows)
        assert len(pages) == (0 if case.skipped else 1), pages
        if pages:  # written inside the output folder, under a path of its own
            assert pages[0].resolve().is_relative_to(bad_site.output.resolve())
    if case.listed_as:
        assert case.listed_as in page_text(bad_site, "archives.html")
    for page, expected in case.links.items():
        soup = BeautifulSoup(bad_site.html(page), "html.parser")
        for text, target in expected.items():
            link = soup.find("a", string=text)
            assert link is not None, (page, text)
            assert link["href"] == f"{SITEURL}/{target.removesuffix('index.html')}"
            assert (bad_site.output / target).is_file()


# -- the site as a whole ------------------------------------------------------------


def test_build_succeeds_with_every_case(bad_site: Build) -> None:
    assert bad_site.returncode == 0, bad_site.log[-3000:]
    assert not [p for p in bad_site.problems if p.startswith("CRITICAL")]


@pytest.mark.parametrize("source", sorted(GOOD))
def test_good_posts_are_published(bad_site: Build, source: str) -> None:
    page = GOOD_PAGES[source]
    title = re.search(r"title: (.*)", GOOD[source])[1]
    assert title in page_text(bad_site, page)
    assert title in page_text(bad_site, "archives.html")
    feed = BeautifulSoup(bad_site.html("feeds/all.atom.xml"), "xml")
    assert title in [_plain(entry.title.get_text()) for entry in feed.find_all("entry")]
    assert messages_naming(bad_site, source) == []


def test_no_page_or_feed_has_live_script(bad_site: Build) -> None:
    assert_no_live_script(bad_site.output)


def test_markup_from_front_matter_is_shown_as_text(bad_site: Build) -> None:
    page = BeautifulSoup(bad_site.html("2020/08/names/index.html"), "html.parser")
    byline = page.select_one(".byline").get_text(" ")
    assert 'Eve <img src=x onerror=alert("author")>' in byline
    assert '<a href="javascript:alert(1)">cat</a>' in byline
    tags = [a.get_text() for a in page.select(".post-meta a.tag")]
    assert '<script>alert("tag")</script>' in tags


def test_excerpt_keeps_markdown_and_loses_script(bad_site: Build) -> None:
    excerpt = card_on_index(bad_site, "Excerpt script").select_one(".excerpt")
    assert excerpt.em.get_text() == "Excerptmarker"
    assert excerpt.find("a", string="click").get("href") is None
    assert excerpt.img["src"] == f"{SITEURL}/images/sea.png"


def test_excerpt_image_and_relative_link_work_on_the_index(bad_site: Build) -> None:
    excerpt = card_on_index(bad_site, "The north quay").select_one(".excerpt")
    image = excerpt.find("img", alt="a gull")
    assert image["src"] == f"{SITEURL}/posts/good/gull.png"
    assert (bad_site.output / "posts/good/gull.png").is_file()
    assert image["width"] == "40"  # porto_images read the file next to the post
    link = excerpt.find("a", string="the ropes post")
    assert link["href"] == f"{SITEURL}/2020/01/ropes/"
    assert (bad_site.output / "2020/01/ropes/index.html").is_file()
    # typography, once: "--" is one en dash (not "&#8211;" written out)
    assert "typography\u2013" not in excerpt.get_text()
    assert "\u2014" in excerpt.get_text() or "\u2013" in excerpt.get_text()


# -- the checks themselves -----------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p><script>alert(1)</script></p>",
        '<img src="x" onerror="alert(1)">',
        '<a href=" JavaScript:alert(1)">x</a>',
        "<svg><a xlink:href='javascript:alert(1)'>x</a></svg>",
        '<script type="application/ld+json">{"a": </script>',
        f'<script src="x.js">{THEME_SCRIPT}</script>',
    ],
)
def test_live_script_check_finds_script(html: str) -> None:
    assert live_script_problems(html, "page.html")


def test_live_script_check_passes_the_theme_and_text() -> None:
    html = (
        f"<script>{THEME_SCRIPT}</script>"
        '<script type="application/ld+json">{"headline": "\\u003cscript\\u003e"}</script>'
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x javascript:alert(1)</p>"
        '<a href="https://example.org/javascript:x">ok</a>'
    )
    assert live_script_problems(html, "page.html") == []


def test_feed_check_reads_escaped_entries() -> None:
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">'
        "&lt;img src=x onerror=alert(1)&gt;</content></entry></feed>"
    )
    assert feed_problems(feed, "all.atom.xml")


def test_excerpt_image_and_link_work_on_the_development_index(site: Site) -> None:
    # pelicanconf.py's build: relative URLs, resolved from the site root.
    site.write(
        "posts/good/gull.png", (FIXTURES / "images/landscape_40x30.png").read_bytes()
    )
    for source in ("posts/good/2020-01-10-quay.md", "posts/good/2020-01-05-ropes.md"):
        site.write(source, GOOD[source])
    build = site.build()
    assert build.returncode == 0, build.log[-3000:]
    excerpt = card_on_index(build, "The north quay").select_one(".excerpt")
    image = excerpt.find("img", alt="a gull")
    assert (build.output / image["src"]).is_file()
    link = excerpt.find("a", string="the ropes post")
    assert (build.output / link["href"] / "index.html").is_file()
    # ...and on a page below the root, whose relative URLs differ
    tag = BeautifulSoup(build.html("tag/harbour/index.html"), "html.parser")
    card = next(c for c in tag.select(".post-card") if "quay" in c.get_text())
    image = card.select_one(".excerpt").find("img", alt="a gull")
    assert (build.output / "tag/harbour" / image["src"]).resolve().is_file()
    link = card.select_one(".excerpt").find("a", string="the ropes post")
    target = (build.output / "tag/harbour" / link["href"] / "index.html").resolve()
    assert target == (build.output / "2020/01/ropes/index.html").resolve()


# -- the front matter checks on their own ----------------------------------------------


def test_shortened_slugs_fit_and_stay_apart() -> None:
    first, second = "ção-" * 100 + "one", "ção-" * 100 + "two"
    short = {shorten(first), shorten(second)}
    assert len(short) == 2
    assert all(len(s.encode("utf-8")) <= MAX_NAME_BYTES for s in short)
    assert all(s.startswith("ção-ção") for s in short)
    assert shorten("plain-slug") == "plain-slug"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en", "en"),
        (" pt-BR ", "pt-BR"),
        ("zh-Hant-TW", "zh-Hant-TW"),
        ("e", None),
        ("en_US", None),
        ('en"><script>', None),
        (False, None),  # YAML's `lang: no`
        (["en", "pt"], None),
    ],
)
def test_language_tags(value, expected) -> None:
    assert language_tag(value) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("My-Post_2", "My-Post_2"),  # safe: kept as written
        ("a/b", "a-b"),
        ("../../etc/passwd", "etc-passwd"),
        ('"><b>x</b>', "x"),
        (".hidden", "hidden"),
        ("🎉", ""),
    ],
)
def test_safe_slugs(given, expected) -> None:
    assert safe_slug(given, {}) == expected


def test_control_characters_are_removed_with_their_first_line() -> None:
    text, found, line = strip_control_characters("a\nb\x0bc\n\x1b[0m\td\r\n")
    assert (text, found, line) == ("a\nb c\n[0m\td\r\n", ["U+000B", "U+001B"], 2)
    assert strip_control_characters("tab\tand\nlines\r\n") == (
        "tab\tand\nlines\r\n",
        [],
        0,
    )


def test_key_line_finds_top_level_keys_only() -> None:
    text = "---\ntitle: x\nheader:\n  image: a.png\nimage: b.png\n---\nimage: c\n"
    assert key_line(text, "image") == 5
    assert key_line(text, "lang") == 0
