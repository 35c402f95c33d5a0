"""Atom and RSS feeds of a production build, and how the theme links them."""

from __future__ import annotations

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import SAMPLE_SITE, Site
from pelican.plugins.porto_feeds import absolute_urls
from production import SITEURL, production_settings

CRANES = """---
title: Cranes at night
categories: [Docks]
tags: [Harbour, Cranes]
---

The container cranes light up one by one when the evening shift starts.[^1]

![Yellow crane against the sky](/images/crane.jpeg)
*The tallest crane on the north quay, after rain.*

More about ropes in [the earlier post](2020-04-01-ropes.md).

By midnight the cranes sleep and only the pilot boats keep moving.

[^1]: The shift starts at six in winter.
"""

ROPES = """---
title: Knots and ropes
categories: [Docks]
tags: [Harbour]
summary: A short summary that is not the whole post.
---

A bowline holds and unties easily, which is why sailors like it.

The last line of the rope post mentions a sheepshank.
"""


def _write(site: Site) -> None:
    site.write("posts/2020-05-01-cranes.md", CRANES)
    site.write("posts/2020-04-01-ropes.md", ROPES)
    site.write(
        "images/crane.jpeg",
        (SAMPLE_SITE / "images" / "porto_sunset.jpeg").read_bytes(),
    )


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("feeds-prod"))
    _write(site)
    build = site.build(**production_settings())
    assert build.returncode == 0, build.log
    return build


FEEDS = [
    "feeds/all.atom.xml",
    "feeds/all.rss.xml",
    "feeds/docks.atom.xml",
    "feeds/docks.rss.xml",
    "feeds/tag/harbour.atom.xml",
    "feeds/tag/harbour.rss.xml",
    "feeds/tag/cranes.atom.xml",
    "feeds/tag/cranes.rss.xml",
]


def _parse(build, relative: str):
    # Neither sanitised nor resolved by feedparser: the test reads the URLs
    # exactly as written.
    feed = feedparser.parse(
        (build.output / relative).read_bytes(),
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    assert not feed.bozo, (relative, feed.get("bozo_exception"))
    return feed


def _title(entry) -> str:
    # Typography keeps the last two words together with a no-break space.
    return entry.title.replace("\xa0", " ")


def _entry(feed, title: str):
    (entry,) = [e for e in feed.entries if _title(e) == title]
    return entry


def _body(entry) -> str:
    """The entry's full text: Atom's content, else RSS's description."""
    if entry.get("content"):
        return entry.content[0].value
    return entry.description


def test_production_build_is_clean(production):
    assert production.problems == []


@pytest.mark.parametrize("relative", FEEDS)
def test_feeds_parse(production, relative):
    feed = _parse(production, relative)
    assert feed.entries


def test_tag_feed_holds_only_its_tag(production):
    titles = [
        _title(e) for e in _parse(production, "feeds/tag/cranes.atom.xml").entries
    ]
    assert titles == ["Cranes at night"]


@pytest.mark.parametrize("relative", ["feeds/all.atom.xml", "feeds/all.rss.xml"])
def test_feed_entries_carry_the_whole_post(production, relative):
    feed = _parse(production, relative)
    soup = BeautifulSoup(_body(_entry(feed, "Cranes at night")), "html.parser")
    text = soup.get_text(" ").replace("\xa0", " ")
    assert "light up one by one" in text
    assert "only the pilot boats keep moving" in text  # the last paragraph
    assert "six in winter" in text  # the footnote
    figure = soup.find("figure")
    assert figure is not None
    assert figure.img["src"] == f"{SITEURL}/images/crane.jpeg"
    assert figure.img["alt"] == "Yellow crane against the sky"
    assert "tallest crane on the north quay" in figure.figcaption.get_text()
    # The summary setting does not cut RSS short either.
    ropes = BeautifulSoup(_body(_entry(feed, "Knots and ropes")), "html.parser")
    assert "mentions a sheepshank" in ropes.get_text().replace("\xa0", " ")


@pytest.mark.parametrize("relative", FEEDS)
def test_every_url_in_a_feed_is_absolute(production, relative):
    feed = _parse(production, relative)
    assert feed.feed.link == f"{SITEURL}/"
    for entry in feed.entries:
        assert entry.link.startswith(f"{SITEURL}/20")
        for key in ("content", "summary"):
            html = _body(entry) if key == "content" else entry.get("summary", "")
            soup = BeautifulSoup(html, "html.parser")
            for tag in soup.find_all(["a", "img"]):
                url = tag.get("href") or tag.get("src")
                assert url.startswith(f"{SITEURL}/"), (relative, _title(entry), url)


def test_feed_links_resolve_to_the_right_places(production):
    entry = _entry(_parse(production, "feeds/all.atom.xml"), "Cranes at night")
    soup = BeautifulSoup(_body(entry), "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a")]
    post = f"{SITEURL}/2020/05/cranes/"
    assert entry.link == post
    assert f"{SITEURL}/2020/04/ropes/" in hrefs
    # Footnote links point into the post, not into the feed document.
    assert f"{post}#fn:1" in hrefs
    assert f"{post}#fnref:1" in hrefs


def _alternates(soup) -> dict[str, str]:
    return {
        link["href"]: link["type"]
        for link in soup.find_all("link", rel="alternate")
        if link.get("type", "").endswith("+xml")
    }


@pytest.mark.parametrize(
    ("page", "atom", "rss"),
    [
        (
            "tag/harbour/index.html",
            "feeds/tag/harbour.atom.xml",
            "feeds/tag/harbour.rss.xml",
        ),
        ("category/docks/index.html", "feeds/docks.atom.xml", "feeds/docks.rss.xml"),
    ],
)
def test_tag_and_category_pages_link_their_feeds(production, page, atom, rss):
    soup = BeautifulSoup(production.html(page), "html.parser")
    expected = {
        f"{SITEURL}/feeds/all.atom.xml": "application/atom+xml",
        f"{SITEURL}/feeds/all.rss.xml": "application/rss+xml",
        f"{SITEURL}/{atom}": "application/atom+xml",
        f"{SITEURL}/{rss}": "application/rss+xml",
    }
    assert _alternates(soup.head) == expected
    visible = {a["href"]: a.get_text() for a in soup.main.find_all("a", type=True)}
    assert visible == {f"{SITEURL}/{atom}": "Atom feed", f"{SITEURL}/{rss}": "RSS feed"}
    for href in expected:
        assert (production.output / href[len(SITEURL) + 1 :]).is_file(), href


def test_feed_url_settings_are_the_links(tmp_path):
    # FEED_*_URL: where the server publishes a feed written as FEED_*.
    site = Site(tmp_path)
    _write(site)
    build = site.build(
        **production_settings(),
        FEED_DOMAIN="https://feeds.example.org",
        FEED_ALL_ATOM_URL="atom/",
        FEED_ALL_RSS_URL="rss/",
        TAG_FEED_ATOM_URL="atom/tag/{slug}/",
        TAG_FEED_RSS_URL="rss/tag/{slug}/",
        CATEGORY_FEED_ATOM_URL="atom/category/{slug}/",
    )
    assert build.returncode == 0, build.log
    soup = BeautifulSoup(build.html("tag/cranes/index.html"), "html.parser")
    assert _alternates(soup.head) == {
        "https://feeds.example.org/atom/": "application/atom+xml",
        "https://feeds.example.org/rss/": "application/rss+xml",
        "https://feeds.example.org/atom/tag/cranes/": "application/atom+xml",
        "https://feeds.example.org/rss/tag/cranes/": "application/rss+xml",
    }
    footer = {a["href"] for a in soup.footer.find_all("a", type=True)}
    assert footer == {
        "https://feeds.example.org/atom/",
        "https://feeds.example.org/rss/",
    }
    category = BeautifulSoup(build.html("category/docks/index.html"), "html.parser")
    visible = {a["href"] for a in category.main.find_all("a", type=True)}
    assert visible == {
        "https://feeds.example.org/atom/category/docks/",
        # No CATEGORY_FEED_RSS_URL: the file's own path.
        "https://feeds.example.org/feeds/docks.rss.xml",
    }
    # The files are still written where FEED_* says; the feed names its URL.
    feed = _parse(build, "feeds/all.atom.xml")
    assert {link.href for link in feed.feed.links if link.rel == "self"} == {
        "https://feeds.example.org/atom/"
    }


def test_development_pages_link_no_feeds(tmp_path):
    site = Site(tmp_path)
    _write(site)
    build = site.build()
    assert build.returncode == 0, build.log
    assert not (build.output / "feeds").exists()
    soup = BeautifulSoup(build.html("tag/harbour/index.html"), "html.parser")
    assert _alternates(soup.head) == {}
    assert soup.find("a", type=True) is None


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="#fn:1">1</a>', '<a href="https://a.test/p/#fn:1">1</a>'),
        # Pelican and the pipeline write ">" in a value as "&gt;".
        (
            '<img alt="x &gt; y" src="i.png">',
            '<img alt="x &gt; y" src="https://a.test/p/i.png">',
        ),
        (
            '<a title="a=&quot;b&quot;" href="x/">x</a>',
            '<a title="a=&quot;b&quot;" href="https://a.test/p/x/">x</a>',
        ),
        # A full URL ending in "=" does not hide the next attribute.
        (
            '<a href="https://a.test/?q=">q</a> <img src="i.png">',
            '<a href="https://a.test/?q=">q</a> <img src="https://a.test/p/i.png">',
        ),
        ('<a href="/about/">a</a>', '<a href="https://a.test/about/">a</a>'),
        (
            '<a href="?a=1&amp;b=2">q</a>',
            '<a href="https://a.test/p/?a=1&amp;b=2">q</a>',
        ),
        ('<a href="mailto:me@a.test">m</a>', '<a href="mailto:me@a.test">m</a>'),
        ('<img src="//cdn.test/i.png">', '<img src="//cdn.test/i.png">'),
        (
            '<img src="data:image/png;base64,AA">',
            '<img src="data:image/png;base64,AA">',
        ),
        # A tag shown in a code sample is text, not a tag.
        (
            '<code>&lt;a href="x.html"&gt; href="y"</code>',
            '<code>&lt;a href="x.html"&gt; href="y"</code>',
        ),
    ],
)
def test_absolute_urls(html, expected):
    assert absolute_urls(html, "https://a.test/p/") == expected
