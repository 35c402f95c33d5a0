"""Drafts stay private: production writes nothing of them, development labels them."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLE_SITE, Site
from pelican.contents import Content
from production import production_settings

PUBLISHED = {
    "posts/2020-06-01-harbour-lights.md": (
        "---\ntitle: Harbour lights\ncategory: Notes\ntags: [Harbour]\n---\n\n"
        "The green light is starboard, the red one port.\n"
    ),
    "posts/2020-06-02-storm-log.md": (
        "---\ntitle: Storm log\ncategory: Notes\ntags: [Harbour, Weather]\n---\n\n"
        "Wind from the south-west, force eight by noon.\n"
    ),
    "pages/about.md": "---\ntitle: About\n---\n\nA page everybody may read.\n",
}

PRIVATE = {
    # A draft sharing a tag with the published posts, with a tag, a category
    # and an author of its own, and an image next to it.
    "posts/2020-06-10-zephyr.md": (
        "---\ntitle: Zephyrquill notes\nslug: zephyr-drafting\ndraft: true\n"
        "category: Sketchbook\nauthor: Quentin Draftsman\n"
        "tags: [Harbour, Zephyrtag]\n"
        "summary: Zephyrquill summary words.\n---\n\n"
        "The zephyrquill paragraph nobody should read yet.\n\n"
        "![A rough sketch](zephyr-sketch.jpeg)\n*Sketch of the zephyrquill idea.*\n"
    ),
    "posts/2020-06-11-marmalade.md": (
        "---\ntitle: Marmalade plans\nslug: marmalade-plans\npublished: false\n"
        "tags: [Harbour]\n---\n\nThe marmaladeowl recipe is not finished.\n"
    ),
    "pages/roadmap.md": (
        "---\ntitle: Secret roadmap\nslug: secret-roadmap\ndraft: true\n---\n\n"
        "Roadmapquokka milestones, not for today.\n"
    ),
}

# Words and slugs that only the private posts hold.
SECRETS = [
    "zephyrquill",
    "zephyr-drafting",
    "zephyrtag",
    "zephyr-sketch",
    "sketchbook",
    "draftsman",
    "marmalade",
    "secret-roadmap",
    "roadmapquokka",
]


def _write(site: Site) -> None:
    for path, text in {**PUBLISHED, **PRIVATE}.items():
        site.write(path, text)
    site.write(
        "posts/zephyr-sketch.jpeg",
        (SAMPLE_SITE / "images" / "porto_sunset.jpeg").read_bytes(),
    )


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("drafts-prod"))
    _write(site)
    build = site.build(**production_settings())
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def development(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("drafts-dev"))
    _write(site)
    build = site.build()
    assert build.returncode == 0, build.log
    return build


def _soup(build, relative: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(relative), "html.parser")


def test_production_build_is_clean(production):
    assert production.problems == []
    # Pelican read the drafts (and would write them without publishconf).
    assert "2 drafts" in production.log and "1 draft page" in production.log
    assert (production.output / "2020/06/harbour-lights/index.html").is_file()


def test_production_writes_no_draft_at_all(production):
    files = [path for path in production.output.rglob("*") if path.is_file()]
    # The build wrote the usual files: feeds, sitemap, tag pages, images.
    names = {path.relative_to(production.output).as_posix() for path in files}
    assert {"feeds/all.atom.xml", "sitemap.xml", "tag/harbour/index.html",
            "archives.html", "index.html"} <= names  # fmt: skip
    assert not (production.output / "drafts").exists()
    for path in files:
        relative = path.relative_to(production.output).as_posix().lower()
        data = path.read_bytes().lower()
        for secret in SECRETS:
            assert secret not in relative, relative
            assert secret.encode() not in data, (relative, secret)


def test_published_posts_relate_only_to_published_posts(production):
    soup = _soup(production, "2020/06/harbour-lights/index.html")
    related = soup.find("section", class_="related")
    titles = [a.get_text().replace("\xa0", " ") for a in related.find_all("a")]
    assert titles == ["Storm log"]


@pytest.mark.parametrize(
    ("relative", "word"),
    [
        ("drafts/zephyr-drafting.html", "zephyrquill"),
        ("drafts/marmalade-plans.html", "marmaladeowl"),
        ("drafts/pages/secret-roadmap.html", "Roadmapquokka"),
    ],
)
def test_development_shows_drafts_labelled_and_noindex(development, relative, word):
    soup = _soup(development, relative)
    assert word in soup.main.get_text()
    label = soup.main.find(class_="draft-label")
    assert label is not None and label.get_text() == "Draft"
    assert soup.head.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_development_draft_links_only_to_pages_that_exist(development):
    page = development.output / "drafts" / "zephyr-drafting.html"
    soup = _soup(development, "drafts/zephyr-drafting.html")
    checked = 0
    for tag in soup.find_all(["a", "link", "img"]):
        url = tag.get("href") or tag.get("src")
        parts = urlsplit(url or "")
        if not url or parts.scheme or url.startswith("#"):
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if parts.path.endswith("/") or target.is_dir():
            target = target / "index.html"
        assert target.is_file(), url
        checked += 1
    assert checked > 5
    # The draft's own tag, category and author have no page: named, not linked.
    tags = soup.find(class_="tags")
    assert [a.get_text() for a in tags.find_all("a")] == ["Harbour"]
    assert "Zephyrtag" in tags.get_text()
    byline = soup.find(class_="byline")
    assert byline.find("a") is None
    assert (
        "Sketchbook" in byline.get_text() and "Quentin Draftsman" in byline.get_text()
    )


def test_development_lists_no_draft(development):
    for relative in ("index.html", "archives.html", "tag/harbour/index.html",
                     "2020/06/harbour-lights/index.html"):  # fmt: skip
        text = development.html(relative).lower()
        for secret in ("zephyrquill", "marmalade", "roadmap"):
            assert secret not in text, (relative, secret)


def test_development_published_pages_are_not_labelled(development):
    for relative in ("2020/06/harbour-lights/index.html", "about/index.html"):
        soup = _soup(development, relative)
        assert soup.find(class_="draft-label") is None
        assert soup.find("meta", attrs={"name": "robots"}) is None


def test_a_file_linked_from_a_written_post_too_is_kept():
    from pelican.plugins.porto_drafts.drafts import unwritten_only_links

    class Doc(Content):
        def __init__(self, save_as, links):  # no Pelican settings needed
            self._save_as, self._links = save_as, links

        @property
        def save_as(self):
            return self._save_as

        def get_static_links(self):
            return set(self._links)

    documents = [
        Doc("2020/01/post/index.html", {"posts/shared.png", "images/a.png"}),
        Doc("", {"posts/shared.png", "posts/draft-only.png"}),
        Doc("drafts/written.html", {"posts/written-draft.png"}),
    ]
    assert unwritten_only_links(documents) == {"posts/draft-only.png"}
    assert unwritten_only_links(documents[:1] + documents[2:]) == set()


def test_a_link_to_a_draft_is_reported_in_production_only(tmp_path):
    site = Site(tmp_path)
    site.write(
        "posts/2020-07-01-teaser.md",
        "---\ntitle: Teaser\n---\n\nSoon: [the big one](2020-07-02-big-one.md).\n",
    )
    site.write(
        "posts/2020-07-02-big-one.md",
        "---\ntitle: The big one\ndraft: true\n---\n\nNot yet.\n",
    )
    production = site.build(**production_settings())
    assert production.returncode == 0, production.log
    assert production.problems == [
        "WARNING porto_drafts: posts/2020-07-01-teaser.md links to "
        "posts/2020-07-02-big-one.md, a draft this build does not write; "
        "the link leads nowhere"
    ]
    development = site.build()
    assert development.returncode == 0, development.log
    assert development.problems == []
    link = _soup(development, "2020/07/teaser/index.html").main.find(
        "a", string="the big one"
    )
    assert (development.output / "2020/07/teaser" / link["href"]).resolve().is_file()
