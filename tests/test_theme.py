"""The Porto theme, read from the HTML that real Pelican builds write.

Browser checks (axe, screenshots, the toggle) live with the browser tests; these
read the built files: structure, metadata, escaping, lists and settings.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, Site

ARTICLE = "2019/12/how-i-became-an-intern-machine-learning-engineer/index.html"
PAGE_TYPES = {
    "index": "index.html",
    "article": ARTICLE,
    "page": "about/index.html",
    "tag": "tag/internship/index.html",
    "category": "category/blog/index.html",
    "author": "author/porto-blogger/index.html",
    "tags": "tags.html",
    "categories": "categories.html",
    "authors": "authors.html",
    "archives": "archives.html",
    "404": "404.html",
}
ABSOLUTE = {"SITEURL": "https://example.org/blog", "RELATIVE_URLS": False}
FEEDS = {"FEED_ALL_ATOM": "feeds/all.atom.xml", "FEED_ALL_RSS": "feeds/all.rss.xml"}


def soup(build, relative: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(relative), "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None


def json_ld(page: BeautifulSoup) -> dict:
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def resolve(build, page_path: str, url: str) -> Path:
    """The output file that a relative URL written in ``page_path`` points at.

    As for a browser, the query (``porto.css?v=…``) and fragment name no file.
    """
    url = urlsplit(url).path
    return build.output / posixpath.normpath(
        posixpath.join(posixpath.dirname(page_path), url)
    )


def words(element) -> str:
    """An element's text with whitespace (and typogrify's nbsp) as single spaces."""
    text = element if isinstance(element, str) else element.get_text()
    return " ".join(text.split())


def post(title: str, date: str, tags: list[str] | None = None, **extra) -> str:
    lines = ["---", f"title: {title}", f"date: {date}"]
    if tags:
        lines.append(f"tags: [{', '.join(tags)}]")
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join([*lines, "---", "", f"Text of {title}.", ""])


# ---- Every page type, sample site ----


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_is_written_with_one_h1_and_landmarks(sample_build, kind):
    page = soup(sample_build, PAGE_TYPES[kind])
    assert len(page.find_all("h1")) == 1
    assert page.html["lang"] == "en"
    for landmark in ("header", "nav", "main", "footer"):
        assert page.find(landmark) is not None, landmark
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main" and page.find("main", id="main")
    assert page.find("button", id="theme-toggle", type="button")["aria-label"]
    assert len(page.find_all("link", rel="stylesheet")) == 1
    assert meta(page, "description")


def test_sample_build_is_clean(sample_build):
    assert sample_build.returncode == 0, sample_build.log
    assert sample_build.problems == []


@pytest.mark.parametrize("kind", ["index", "article", "tag", "404"])
def test_stylesheet_and_favicon_links_resolve_to_files(sample_build, kind):
    path = PAGE_TYPES[kind]
    page = soup(sample_build, path)
    css = page.find("link", rel="stylesheet")["href"]
    icon = page.find("link", rel="icon")["href"]
    if kind == "404":  # served at any depth: links start at the domain root
        assert css.startswith("/") and icon.startswith("/")
        css, icon = css.lstrip("/"), icon.lstrip("/")
        path = "index.html"
    assert resolve(sample_build, path, css).is_file()
    assert resolve(sample_build, path, icon).is_file()


def test_article_meta_line_shows_date_reading_time_and_tags(sample_build):
    page = soup(sample_build, ARTICLE)
    line = page.find(class_="post-meta")
    assert line.time["datetime"] == "2019-12-01T00:00:00+00:00"
    assert [a.get_text() for a in line.find_all("a", rel="tag")] == [
        "Internship",
        "Machine Learning",
    ]
    assert re.fullmatch(
        r"1 December 2019 · 2 min read · Tags: Internship, Machine Learning",
        " ".join(line.get_text().split()),
    )


def test_navigation_marks_the_current_page(sample_build):
    for path, label in (("tags.html", "Tags"), ("about/index.html", "About")):
        nav = soup(sample_build, path).find("nav", attrs={"aria-label": "Main"})
        current = nav.find_all(attrs={"aria-current": "page"})
        assert [a.get_text() for a in current] == [label]


def test_theme_script_applies_the_stored_choice_before_the_stylesheet(sample_build):
    head = soup(sample_build, ARTICLE).head
    script = head.find("script", type=None)
    assert "localStorage.getItem(s)" in script.string
    assert '"porto-theme"' in script.string and "data-theme" in script.string
    # Inline and before the stylesheet: applied before the first paint.
    assert str(head).index("porto-theme") < str(head).index('rel="stylesheet"')
    assert not head.find("script", src=True)


def test_no_canonical_or_absolute_social_urls_without_siteurl(sample_build):
    page = soup(sample_build, ARTICLE)
    assert page.find("link", rel="canonical") is None
    assert meta(page, "og:url") is None
    title = "How I became an Intern Machine Learning Engineer"
    assert words(meta(page, "og:title")) == title
    assert json_ld(page)["@type"] == "BlogPosting"


def test_the_404_page_is_written_and_not_indexed(sample_build):
    page = soup(sample_build, "404.html")
    assert page.h1.get_text() == "Page not found"
    assert meta(page, "robots") == "noindex"
    assert page.find("a", href="/")


def test_templates_never_test_the_plugin_list():
    for template in (REPO / "theme" / "templates").rglob("*.html"):
        assert "PLUGINS" not in template.read_text(encoding="utf-8"), template


# ---- Head metadata with an absolute SITEURL ----


@pytest.fixture(scope="module")
def absolute_build(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("absolute"))
    site.add_sample_content()
    for name in (
        "theme_title_with_script_and_quotes.md",
        "theme_title_with_raw_script_tag.md",
        "theme_post_with_content_figure.md",
    ):
        site.copy_fixture(name)
    # Pelican's default TYPOGRIFY=False keeps straight quotes: the hard case.
    return site.build(
        **ABSOLUTE, **FEEDS, TAG_FEED_ATOM="feeds/tag/{slug}.atom.xml", TYPOGRIFY=False
    )


def test_absolute_build_is_clean(absolute_build):
    assert absolute_build.returncode == 0, absolute_build.log
    assert absolute_build.problems == []


def test_canonical_and_social_tags_use_the_absolute_url(absolute_build):
    page = soup(absolute_build, ARTICLE)
    url = "https://example.org/blog/" + ARTICLE.removesuffix("index.html")
    assert page.find("link", rel="canonical")["href"] == url
    assert meta(page, "og:url") == url
    assert meta(page, "og:type") == "article"
    assert meta(page, "twitter:card") in {"summary", "summary_large_image"}
    data = json_ld(page)
    assert data["url"] == url and data["datePublished"].startswith("2019-12-01")
    assert data["author"] == [{"@type": "Person", "name": "Porto Blogger"}]
    assert data["description"].startswith("This post outlines how I changed careers")


def test_canonical_on_list_pages(absolute_build):
    base = "https://example.org/blog/"
    for path, expected in (
        ("index.html", base),
        ("tags.html", base + "tags.html"),
        ("tag/internship/index.html", base + "tag/internship/"),
    ):
        page = soup(absolute_build, path)
        assert page.find("link", rel="canonical")["href"] == expected
        assert "ld+json" not in str(page.head)


def test_social_image_is_the_first_image_of_the_content(absolute_build):
    page = soup(absolute_build, "2020/05/theme_post_with_content_figure/index.html")
    image = "https://example.org/blog/images/porto_sunset.jpeg"
    assert meta(page, "og:image") == image
    assert meta(page, "twitter:card") == "summary_large_image"
    assert json_ld(page)["image"] == image


def test_front_matter_image_is_the_social_image(absolute_build):
    page = soup(absolute_build, "2021/02/theme_title_with_script_and_quotes/index.html")
    assert meta(page, "og:image") == "https://example.org/blog/images/porto_sunset.jpeg"


def test_title_with_script_end_tag_and_quotes_stays_escaped(absolute_build):
    path = "2021/02/theme_title_with_script_and_quotes/index.html"
    html = absolute_build.html(path)
    head = html[: html.index("</head>")]
    # The JSON-LD block ends exactly once, where it should.
    block = head.split('<script type="application/ld+json">', 1)[1]
    assert block.count("</script>") == 1 and "</" not in block.split("</script>")[0]
    page = BeautifulSoup(html, "html.parser")
    # A YAML title is text: its markup is shown, not applied.
    title = 'Ending </script> early: "quotes", O\'Brien & <b>bold</b>'
    assert json_ld(page)["headline"] == title
    assert meta(page, "og:title") == title
    assert meta(page, "twitter:card") == "summary_large_image"
    assert page.title.get_text() == f"{title} · Porto"
    assert words(meta(page, "description")) == (
        'Stops at </script> and "quotes" & O\'Brien.'
    )


def test_raw_script_tag_in_title_does_not_break_the_head(absolute_build):
    page = soup(absolute_build, "2021/02/theme_title_with_raw_script_tag/index.html")
    data = json_ld(page)
    assert data["headline"] == meta(page, "og:title")
    assert words(data["headline"]) == 'Raw </script> in a "title"'
    assert [m["property"] for m in page.head.find_all("meta", property=True)][:2] == [
        "og:site_name",
        "og:type",
    ]


def test_feeds_are_linked_in_head_when_enabled(absolute_build, sample_build):
    head = soup(absolute_build, ARTICLE).head
    links = {
        link["type"]: link["href"] for link in head.find_all("link", rel="alternate")
    }
    assert links == {
        "application/atom+xml": "https://example.org/blog/feeds/all.atom.xml",
        "application/rss+xml": "https://example.org/blog/feeds/all.rss.xml",
    }
    assert (absolute_build.output / "feeds/all.atom.xml").is_file()
    tag_head = soup(absolute_build, "tag/internship/index.html").head
    assert tag_head.find("link", href=re.compile(r"feeds/tag/internship\.atom\.xml$"))
    assert soup(sample_build, ARTICLE).head.find("link", rel="alternate") is None


# ---- Lists: pagination, archives, related posts, neighbours ----


@pytest.fixture(scope="module")
def blog_build(tmp_path_factory):
    """Seven posts over three years, tagged so related posts can be ranked."""
    site = Site(tmp_path_factory.mktemp("blog"))
    posts = [
        ("Alpha", "2019-03-01", ["x", "y"]),
        ("Bravo", "2019-06-01", ["x", "y"]),
        ("Charlie", "2020-01-01", ["x"]),
        ("Delta", "2018-01-01", ["x"]),
        ("Echo", "2020-05-01", ["z"]),
        ("Foxtrot", "2021-01-01", ["x"]),
        ("Golf", "2021-01-01", ["x"]),
    ]
    for title, date, tags in posts:
        site.write(f"posts/{date}-{title.lower()}.md", post(title, date, tags))
    site.copy_fixture("theme_post_in_french.md")
    site.copy_fixture("theme_post_with_relative_image.md")
    image = REPO / "content/images/porto_sunset.jpeg"
    site.write("images/porto_sunset.jpeg", image.read_bytes())
    return site.build(DEFAULT_PAGINATION=3, PORTO_RELATED_MAX=4)


def related_titles(build, path: str) -> list[str]:
    section = soup(build, path).find("section", class_="related")
    return [a.get_text() for a in section.find_all("a")] if section else []


def test_blog_build_is_clean(blog_build):
    assert blog_build.returncode == 0, blog_build.log
    assert blog_build.problems == []


def test_related_posts_rank_shared_tags_then_date_then_title(blog_build):
    # Bravo shares two tags; Foxtrot and Golf share one on the same (newest)
    # day, so the title decides; then Charlie; PORTO_RELATED_MAX=4 stops there.
    assert related_titles(blog_build, "2019/03/alpha/index.html") == [
        "Bravo",
        "Foxtrot",
        "Golf",
        "Charlie",
    ]
    assert related_titles(blog_build, "2020/05/echo/index.html") == []


def test_related_posts_default_to_three(site):
    for title, date in (("One", "2020-01-01"), ("Two", "2020-01-02")):
        site.write(f"posts/{date}-{title.lower()}.md", post(title, date, ["t"]))
    for n in range(3, 7):
        site.write(f"posts/2019-01-0{n}-p{n}.md", post(f"P{n}", f"2019-01-0{n}", ["t"]))
    build = site.build()
    assert related_titles(build, "2020/01/one/index.html") == ["Two", "P6", "P5"]


def test_previous_and_next_posts(blog_build):
    nav = soup(blog_build, "2019/06/bravo/index.html").find("nav", class_="post-nav")
    older = nav.find("a", rel="prev")
    newer = nav.find("a", rel="next")
    assert resolve(blog_build, "2019/06/bravo/", older["href"]).name == "alpha"
    assert words(older) == "← Older Alpha"
    assert resolve(blog_build, "2019/06/bravo/", newer["href"]).name == "charlie"
    oldest = soup(blog_build, "2018/01/delta/index.html").find("nav", class_="post-nav")
    assert oldest.find("a", rel="prev") is None and oldest.find("a", rel="next")


def test_index_is_paginated_with_prev_and_next_links(blog_build):
    pages = ["index.html", "index2.html", "index3.html"]
    assert all((blog_build.output / p).is_file() for p in pages)
    assert not (blog_build.output / "index4.html").exists()
    first, middle, last = (soup(blog_build, p) for p in pages)
    assert first.find("a", rel="next")["href"] == "./index2.html"
    assert first.find("a", rel="prev") is None
    assert middle.find("a", rel="prev")["href"] == "./index.html"
    assert middle.find("a", rel="next")["href"] == "./index3.html"
    assert last.find("a", rel="next") is None
    assert len(first.find_all("article", class_="post-card")) == 3
    assert "Page 2 of 3" in middle.get_text()
    assert len(middle.find_all("h1")) == 1


def test_tag_pages_are_paginated(blog_build):
    page = soup(blog_build, "tag/x/index.html")
    assert page.h1.get_text() == "Posts tagged “x”"
    next_page = page.find("a", rel="next")["href"]
    assert resolve(blog_build, "tag/x/index.html", next_page).is_file()
    assert soup(blog_build, "tag/x/index2.html").find("a", rel="prev")


def test_archives_group_posts_by_year_newest_first(blog_build):
    page = soup(blog_build, "archives.html")
    years = {
        section.h2.contents[0].strip(): [words(a) for a in section.find_all("a")]
        for section in page.find_all("section", class_="archive-year")
    }
    assert list(years) == ["2021", "2020", "2019", "2018"]
    assert years["2020"] == ["Echo", "Charlie"]
    assert years["2019"] == ["Bravo", "Alpha"]
    assert sorted(years["2021"]) == sorted(
        [
            "Foxtrot",
            "Golf",
            "Un billet en français",
            "A card image given relative to the site root",
        ]  # fmt: skip
    )


def test_html_lang_is_the_posts_own(blog_build):
    page = soup(blog_build, "theme_post_in_french-fr.html")
    assert page.html["lang"] == "fr"


def test_card_shows_the_front_matter_image(blog_build):
    cards = soup(blog_build, "index.html").find_all("article", class_="post-card")
    with_image = [card for card in cards if card.img]
    assert len(with_image) == 1
    image = with_image[0].img
    assert image["alt"] == "" and image["width"] and image["height"]
    assert "loading" not in image.attrs  # first card of the first page
    assert resolve(blog_build, "index.html", image["src"]).is_file()


def test_card_image_is_a_file_of_the_site(site):
    site.add_sample_content()
    site.copy_fixture("theme_post_with_relative_image.md")
    build = site.build()
    src = soup(build, "index.html").find("img", class_="card-image")["src"]
    assert src == "./images/porto_sunset.jpeg"
    assert resolve(build, "index.html", src).is_file()
    assert soup(build, "tag/internship/index.html").find("img") is None


# ---- Without the Porto plugins, and the theme's settings ----


def test_theme_works_without_any_porto_plugin(site):
    site.copy_fixture("theme_plain_pelican_post.md")
    build = site.build(PLUGINS=[])
    assert build.returncode == 0, build.log
    assert build.problems == []
    page = soup(build, "2020/01/a-plain-pelican-post/index.html")
    assert words(page.h1) == "A plain Pelican post"
    assert "min read" not in page.get_text()
    assert page.find("section", class_="related") is None
    assert meta(page, "description").startswith("Written with Pelican’s own")
    assert (build.output / "404.html").is_file()


def test_menu_social_footer_and_accent_settings(site):
    site.add_sample_content()
    build = site.build(
        PORTO_THEME_MENU_ITEMS=[("Home", "/"), ("GitHub", "https://github.com/me")],
        PORTO_THEME_SOCIAL=[("Mastodon", "https://mastodon.example/@me")],
        PORTO_THEME_FOOTER_TEXT="Made in <em>Porto</em>",
        PORTO_THEME_ACCENT_COLOR="#0055aa",
        PORTO_THEME_ACCENT_COLOR_DARK="#88bbff",
    )
    assert build.problems == []
    page = soup(build, "tags.html")
    menu = page.find("nav", attrs={"aria-label": "Main"})
    assert [(a.get_text(), a["href"]) for a in menu.find_all("a")] == [
        ("Home", "./"),
        ("GitHub", "https://github.com/me"),
    ]
    home = soup(build, "index.html").find("nav", attrs={"aria-label": "Main"})
    assert home.find("a", attrs={"aria-current": "page"}).get_text() == "Home"
    social = page.find("footer", class_="site-footer").find("a", rel="me")
    assert social["href"] == "https://mastodon.example/@me"
    assert page.find("footer", class_="site-footer").em.get_text() == "Porto"
    style = page.head.style.string
    assert "--accent:#0055aa" in style and "--accent:#88bbff" in style


def test_default_menu_lists_pages_tags_archives_and_search(sample_build):
    menu = soup(sample_build, "index.html").find("nav", attrs={"aria-label": "Main"})
    assert [(a.get_text(), a["href"]) for a in menu.find_all("a")] == [
        ("About", "./about/"),
        ("Tags", "./tags.html"),
        ("Archives", "./archives.html"),
        ("Search", "./search.html"),
    ]
