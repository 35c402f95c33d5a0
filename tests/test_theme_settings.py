"""Pelican's theme settings, Porto's comments and analytics, as a reader sees them.

Each Pelican setting the theme follows is set in a small build and looked for
on the written pages (Beautiful Soup); unusable values are checked for one
warning each and the fallback on the page; the checks themselves are also
called directly, without a build.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SAMPLE_PLUGINS, Site
from pelican.plugins.porto_pipeline.settings import check_settings
from pelican.plugins.porto_theme import SETTINGS

ARTICLE = "2019/12/how-i-became-an-intern-machine-learning-engineer/index.html"
PAGE = "about/index.html"
ABSOLUTE = {"SITEURL": "https://example.org/blog", "RELATIVE_URLS": False}
# Every plugin of the sample site but the one that checks the theme's settings.
WITHOUT_CHECKS = [name for name in SAMPLE_PLUGINS if not name.endswith("porto_theme")]
# A value that would break out of a script or an attribute if not escaped.
TRICKY = 'Q & A "</script><script>alert(1)</script>'
GISCUS = {
    "provider": "giscus",
    "repo": "porto-blog/comments",
    "repo_id": "R_kgDOExample",
    "category": "Comments",
    "category_id": "DIC_kwDOExample",
}


def soup(build, relative: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(relative), "html.parser")


def menu(page: BeautifulSoup) -> list[tuple[str, str]]:
    nav = page.find("nav", attrs={"aria-label": "Main"})
    return [(a.get_text(strip=True), a["href"]) for a in nav.find_all("a")]


def footer(page: BeautifulSoup):
    return page.find("footer", class_="site-footer")


def external_loads(page: BeautifulSoup, own_origin: str = "") -> list[str]:
    """What the page would fetch from another origin: scripts, frames,
    stylesheets, images, media."""
    found = []
    for tag, attr in [
        ("script", "src"),
        ("iframe", "src"),
        ("img", "src"),
        ("source", "src"),
        ("video", "src"),
        ("audio", "src"),
        ("link", "href"),
    ]:
        for element in page.find_all(tag, attrs={attr: True}):
            if tag == "link" and not {"stylesheet", "preload", "modulepreload"} & set(
                element.get("rel", [])
            ):
                continue
            url = element[attr]
            parts = urlsplit(url)
            if parts.netloc and not url.startswith(own_origin or "\0"):
                found.append(f"<{tag} {attr}={url}>")
    return found


def post(title: str, date: str, body: str = "", **extra) -> str:
    lines = ["---", f"title: {title}", f"date: {date}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join([*lines, "---", "", body or f"Text of {title}.", ""])


# ---- Pelican's settings, all set at once ----


@pytest.fixture(scope="module")
def pelican_build(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("pelican-settings"))
    site.add_sample_content()
    site.write(
        "posts/2020-02-02-quiet.md", post("Quiet post", "2020-02-02", comments="false")
    )
    site.write(
        "posts/2020-03-03-unfinished.md",
        post("Unfinished", "2020-03-03", status="draft"),
    )
    site.write("pages/guestbook.md", post("Guestbook", "2020-01-01", comments="true"))
    build = site.build(
        **ABSOLUTE,
        MENUITEMS=[("Projects", "https://code.example/me"), ("All tags", "/tags.html")],
        DISPLAY_CATEGORIES_ON_MENU=True,
        LINKS=[
            ("Pelican <3", "https://getpelican.com/"),
            ("Write to me", "mailto:me@example.org"),
        ],
        LINKS_WIDGET_NAME="Blogroll",
        SOCIAL=[("Mastodon", "https://mastodon.example/@me")],
        SITELOGO="images/porto_sunset.jpeg",
        SITELOGO_SIZE=48,
        SITESUBTITLE="Field notes & sketches",
        GITHUB_URL="https://github.com/me/blog",
        FEED_DOMAIN="https://feeds.example.org",
        FEED_ALL_ATOM="feeds/all.atom.xml",
        FEED_ALL_ATOM_URL="all.atom",
        FEED_ALL_RSS="feeds/all.rss.xml",
        FEED_ALL_RSS_URL="all.rss",
        FEED_ATOM="feeds/en.atom.xml",
        FEED_ATOM_URL="en.atom",
        FEED_RSS="feeds/en.rss.xml",
        FEED_RSS_URL="en.rss",
        PORTO_THEME_COMMENTS={**GISCUS, "category": TRICKY},
        PORTO_THEME_ANALYTICS={"provider": "plausible", "domain": "example.org"},
    )
    assert build.returncode == 0, build.log
    return build


def test_pelican_settings_build_is_clean(pelican_build):
    assert pelican_build.problems == []


def test_menuitems_come_first_then_pages_categories_and_porto_links(pelican_build):
    # MENUITEMS first (Pelican's "additional items at the beginning"), then the
    # pages, the categories, then Tags (already linked by MENUITEMS: not twice),
    # Archives, Search.
    base = "https://example.org/blog/"
    assert menu(soup(pelican_build, "index.html")) == [
        ("Projects", "https://code.example/me"),
        ("All tags", base + "tags.html"),
        ("About", base + "about/"),
        ("Guestbook", base + "guestbook/"),
        ("Blog", base + "category/blog/"),
        ("Archives", base + "archives.html"),
        ("Search", base + "search.html"),
    ]


def test_display_categories_on_menu_marks_the_current_category(pelican_build):
    nav = soup(pelican_build, "category/blog/index.html").find(
        "nav", attrs={"aria-label": "Main"}
    )
    assert nav.find("a", attrs={"aria-current": "page"}).get_text() == "Blog"


def test_links_are_a_labelled_list_in_the_footer(pelican_build):
    links = footer(soup(pelican_build, ARTICLE)).find("nav", class_="footer-links")
    assert links.h2.get_text() == "Blogroll"
    assert links["aria-labelledby"] == links.h2["id"]
    # Labels are text: "<3" is escaped, not markup.
    assert [(a.get_text(), a["href"]) for a in links.find_all("a")] == [
        ("Pelican <3", "https://getpelican.com/"),
        ("Write to me", "mailto:me@example.org"),
    ]


def test_social_links_are_rel_me(pelican_build):
    social = footer(soup(pelican_build, "index.html")).find_all("a", rel="me")
    assert [(a.get_text(), a["href"]) for a in social] == [
        ("Mastodon", "https://mastodon.example/@me")
    ]


def test_sitelogo_is_shown_before_the_site_name(pelican_build):
    title = soup(pelican_build, ARTICLE).find("a", class_="site-title")
    logo = title.find("img", class_="site-logo")
    assert logo["src"] == "https://example.org/blog/images/porto_sunset.jpeg"
    assert logo["width"] == "48"
    # The name is the link's text; the image adds nothing to read aloud.
    assert logo["alt"] == ""
    assert title.get_text() == "Porto"
    assert (pelican_build.output / "images/porto_sunset.jpeg").is_file()


def test_sitesubtitle_is_the_home_intro_and_description(pelican_build):
    home = soup(pelican_build, "index.html")
    assert home.find("header", class_="intro").p.get_text() == "Field notes & sketches"
    assert (
        home.find("meta", attrs={"name": "description"})["content"]
        == "Field notes & sketches"
    )


def test_feed_url_settings_are_the_linked_addresses(pelican_build):
    head = soup(pelican_build, "index.html").head
    feeds = [
        (link["type"], link["href"]) for link in head.find_all("link", rel="alternate")
    ]
    assert feeds == [
        ("application/atom+xml", "https://feeds.example.org/all.atom"),
        ("application/rss+xml", "https://feeds.example.org/all.rss"),
        ("application/atom+xml", "https://feeds.example.org/en.atom"),
        ("application/rss+xml", "https://feeds.example.org/en.rss"),
    ]
    in_footer = footer(soup(pelican_build, ARTICLE)).find_all("a", type=True)
    assert [a["href"] for a in in_footer] == [
        "https://feeds.example.org/all.atom",
        "https://feeds.example.org/all.rss",
    ]
    # Pelican still writes each feed where FEED_*_ATOM/RSS says.
    assert (pelican_build.output / "feeds/all.atom.xml").is_file()
    assert (pelican_build.output / "feeds/en.rss.xml").is_file()


def test_github_url_is_linked_in_the_footer(pelican_build):
    link = footer(soup(pelican_build, "index.html")).find(
        "a", string="Source on GitHub"
    )
    assert link["href"] == "https://github.com/me/blog"


# ---- Comments (giscus) and analytics (Plausible) in the same build ----


def comments_config(page: BeautifulSoup) -> dict:
    return json.loads(page.find("script", id="comments-config").string)


def test_comments_on_a_published_article_without_loading_giscus(pelican_build):
    page = soup(pelican_build, ARTICLE)
    section = page.find("section", id="comments")
    assert section.h2.get_text() == "Comments"
    assert section["aria-labelledby"] == section.h2["id"]
    # Not loaded with the page: giscus's script is not in the HTML, only the
    # settings the small loader script hands it once the reader gets here.
    assert not page.find("script", src=lambda src: src and "giscus" in src)
    assert page.find("iframe") is None
    config = comments_config(page)
    assert config["src"] == "https://giscus.app/client.js"
    assert config["attrs"] == {
        "data-repo": "porto-blog/comments",
        "data-repo-id": "R_kgDOExample",
        "data-category": TRICKY,
        "data-category-id": "DIC_kwDOExample",
        "data-mapping": "pathname",
        "data-strict": "0",
        "data-reactions-enabled": "1",
        "data-emit-metadata": "0",
        "data-input-position": "bottom",
        "data-lang": "en",
    }
    # The settings cannot end the script that holds them.
    assert len(section.find_all("script")) == 2
    assert "IntersectionObserver" in section.find_all("script")[-1].string
    # Readers without JavaScript get a link to the discussions.
    noscript = BeautifulSoup(section.noscript.decode_contents(), "html.parser")
    assert noscript.a["href"] == "https://github.com/porto-blog/comments/discussions"


def test_a_page_asks_for_comments_in_its_front_matter(pelican_build):
    page = soup(pelican_build, "guestbook/index.html")
    assert comments_config(page)["attrs"]["data-repo"] == "porto-blog/comments"


def test_no_comments_on_pages_drafts_or_posts_that_say_no(pelican_build):
    assert soup(pelican_build, PAGE).find(id="comments") is None
    assert soup(pelican_build, "drafts/unfinished.html").find(id="comments") is None
    assert soup(pelican_build, "2020/02/quiet/index.html").find(id="comments") is None
    assert soup(pelican_build, "index.html").find(id="comments") is None


def test_plausible_snippet_in_every_head(pelican_build):
    for relative in ("index.html", ARTICLE, PAGE, "404.html"):
        scripts = soup(pelican_build, relative).head.find_all("script", src=True)
        assert [(s["src"], s["data-domain"], s.has_attr("defer")) for s in scripts] == [
            ("https://plausible.io/js/script.js", "example.org", True)
        ], relative


# ---- Porto's older names, pages off, utterances, GoatCounter ----


@pytest.fixture(scope="module")
def alias_build(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("alias-settings"))
    site.add_sample_content()
    site.write("pages/colophon.md", post("Colophon", "2020-01-01", comments="false"))
    build = site.build(
        DISPLAY_PAGES_ON_MENU=False,
        PORTO_THEME_MENU_ITEMS=[("Home", "/"), ("About me", "about/")],
        MENUITEMS=[("Ignored", "https://ignored.example/")],
        PORTO_THEME_SOCIAL=[("Old profile", "https://old.example/@me")],
        PORTO_THEME_COMMENTS={
            "provider": "Utterances",
            "repo": "me/blog",
            "issue_term": "og:title",
            "label": "comment",
            "pages": True,
        },
        PORTO_THEME_ANALYTICS={"provider": "goatcounter", "code": "porto"},
    )
    assert build.returncode == 0, build.log
    return build


def test_porto_theme_menu_items_is_the_whole_menu_and_wins(alias_build):
    assert menu(soup(alias_build, "tags.html")) == [
        ("Home", "./"),
        ("About me", "./about/"),
    ]
    assert alias_build.problems == [
        "WARNING porto_theme: PORTO_THEME_MENU_ITEMS and MENUITEMS are both set; "
        "the menu is PORTO_THEME_MENU_ITEMS alone and MENUITEMS is not shown"
    ]


def test_porto_theme_social_is_used_when_social_is_empty(alias_build):
    social = footer(soup(alias_build, "index.html")).find_all("a", rel="me")
    assert [(a.get_text(), a["href"]) for a in social] == [
        ("Old profile", "https://old.example/@me")
    ]


def test_utterances_comments_on_articles_and_asked_for_pages(alias_build):
    article = soup(alias_build, ARTICLE)
    config = comments_config(article)
    assert config["src"] == "https://utteranc.es/client.js"
    assert config["attrs"] == {
        "repo": "me/blog",
        "issue-term": "og:title",
        "label": "comment",
    }
    assert config["themeAttr"] == "theme"
    assert not article.find("script", src=lambda src: src and "utteranc" in src)
    noscript = BeautifulSoup(
        article.find(id="comments").noscript.decode_contents(), "html.parser"
    )
    assert noscript.a["href"] == "https://github.com/me/blog/issues"
    assert soup(alias_build, PAGE).find(id="comments") is not None
    assert soup(alias_build, "colophon/index.html").find(id="comments") is None


def test_goatcounter_snippet(alias_build):
    scripts = soup(alias_build, ARTICLE).head.find_all("script", src=True)
    assert [
        (s["src"], s["data-goatcounter"], s.has_attr("async")) for s in scripts
    ] == [("https://gc.zgo.at/count.js", "https://porto.goatcounter.com/count", True)]


# ---- Unusable values: one warning each, the fallback on the page ----


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("bad-settings"))
    site.add_sample_content()
    build = site.build(
        MENUITEMS="Home",
        LINKS=[("Kept", "https://kept.example/"), ("no URL",), ["Label", 42]],
        SOCIAL={"Mastodon": "https://mastodon.example/@me"},
        DISPLAY_PAGES_ON_MENU="no",
        SITELOGO_SIZE="big",
        SITELOGO="images/porto_sunset.jpeg",
        GITHUB_URL="github.com/me/blog",
        PORTO_THEME_COMMENTS={"provider": "disqus", "shortname": "me"},
        PORTO_THEME_ANALYTICS={"provider": "plausible"},
    )
    assert build.returncode == 0, build.log
    return build


def test_each_unusable_value_warns_once(bad_build):
    expected = [
        "porto_theme: MENUITEMS = 'Home' is not a list of (label, URL) pairs; using the default []",
        "porto_theme: LINKS: left out ('no URL',), ['Label', 42], not (label, URL) pairs of text",
        "porto_theme: SOCIAL = {'Mastodon': 'https://mastodon.example/@me'} is not a list of (label, URL) pairs; using the default []",
        "porto_theme: DISPLAY_PAGES_ON_MENU = 'no' is not True or False; using the default True",
        "porto_theme: SITELOGO_SIZE = 'big' is not a whole number >= 1 or None; using the default None",
        "porto_theme: GITHUB_URL = 'github.com/me/blog' is not an http(s) URL or None; using the default None",
        "porto_theme: PORTO_THEME_COMMENTS: provider 'disqus' is not one of 'giscus', 'utterances'; comments are off",
        "porto_theme: PORTO_THEME_ANALYTICS: plausible needs 'domain', the site's domain as Plausible knows it; analytics are off",
    ]
    assert sorted(bad_build.problems) == sorted(f"WARNING {line}" for line in expected)


def test_unusable_values_fall_back_on_the_page(bad_build):
    page = soup(bad_build, ARTICLE)
    assert [label for label, _ in menu(page)] == ["About", "Tags", "Archives", "Search"]
    links = footer(page).find("nav", class_="footer-links")
    assert [a.get_text() for a in links.find_all("a")] == ["Kept"]
    assert footer(page).find("a", rel="me") is None
    assert footer(page).find("a", string="Source on GitHub") is None
    assert not page.find("img", class_="site-logo").has_attr("width")
    assert page.find(id="comments") is None
    assert page.find("script", src=True) is None


def test_theme_skips_unusable_values_without_the_plugin(site):
    site.add_sample_content()
    assert len(WITHOUT_CHECKS) == len(SAMPLE_PLUGINS) - 1
    build = site.build(
        PLUGINS=WITHOUT_CHECKS,
        DISPLAY_PAGES_ON_MENU=False,
        MENUITEMS=[("Projects", "https://code.example/"), "broken", ("a", "b", "c")],
        SOCIAL="https://mastodon.example/@me",
        LINKS=[("Kept", "https://kept.example/"), ("", None)],
        SITELOGO_SIZE="big",
        SITELOGO="images/porto_sunset.jpeg",
        PORTO_THEME_COMMENTS={"provider": "giscus", "repo": "me/blog"},
        PORTO_THEME_ANALYTICS={
            "provider": "custom",
            "html": '<script>window.seen = "<b>"</script>',
        },
    )
    assert build.returncode == 0, build.log
    assert build.problems == []
    page = soup(build, ARTICLE)
    # DISPLAY_PAGES_ON_MENU = False: no "About" after MENUITEMS.
    assert [label for label, _ in menu(page)] == [
        "Projects",
        "Tags",
        "Archives",
        "Search",
    ]
    assert [
        a.get_text()
        for a in footer(page).find("nav", class_="footer-links").find_all("a")
    ] == ["Kept"]
    assert footer(page).find("a", rel="me") is None
    assert not page.find("img", class_="site-logo").has_attr("width")
    # giscus without repo_id, category and category_id cannot work: no section.
    assert page.find(id="comments") is None
    # The custom snippet is the site owner's markup, written as it is, last in <body>.
    last = page.body.find_all(recursive=False)[-1]
    assert last.name == "script" and last.string == 'window.seen = "<b>"'
    assert page.head.find("script", string=lambda s: s and "window.seen" in s) is None


# ---- Nothing external by default ----


def test_default_build_loads_nothing_from_another_origin(sample_build):
    pages = sample_build.pages()
    assert len(pages) > 5
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert external_loads(page) == [], path
        assert page.find(id="comments") is None, path
        assert page.find("iframe") is None, path


def test_the_external_check_finds_what_it_looks_for(pelican_build):
    # The same check, on a build with analytics: it is not blind.
    page = soup(pelican_build, ARTICLE)
    assert external_loads(page, "https://example.org/") == [
        "<script src=https://plausible.io/js/script.js>"
    ]


# ---- The checks, called directly ----


def checked(caplog, **values) -> dict:
    settings = dict(values)
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_theme", SETTINGS)
    return settings


def test_defaults_are_pelicans(caplog):
    settings = checked(caplog)
    assert caplog.records == []
    assert (
        settings["MENUITEMS"] == []
        and settings["LINKS"] == []
        and settings["SOCIAL"] == []
    )
    assert settings["DISPLAY_PAGES_ON_MENU"] is True
    assert settings["DISPLAY_CATEGORIES_ON_MENU"] is True
    assert settings["PORTO_THEME_COMMENTS"] is None
    assert settings["PORTO_THEME_ANALYTICS"] is None
    assert settings["PORTO_THEME_MENU_ITEMS"] is None


def test_pairs_are_kept_as_tuples(caplog):
    settings = checked(caplog, MENUITEMS=(["A", "/a/"], ("B", "https://b.example/")))
    assert settings["MENUITEMS"] == [("A", "/a/"), ("B", "https://b.example/")]
    assert caplog.records == []


@pytest.mark.parametrize(
    ("value", "expected", "message"),
    [
        (
            {**GISCUS, "mapping": "specific"},
            {"mapping": "pathname"},
            "ignored mapping = 'specific' without a term",
        ),
        (
            {**GISCUS, "mapping": "weird"},
            {"mapping": "pathname"},
            "ignored mapping = 'weird'",
        ),
        (
            {**GISCUS, "input_position": "left"},
            {"input_position": "bottom"},
            "ignored input_position = 'left'",
        ),
        (
            {**GISCUS, "reactions": "yes"},
            {"reactions": True},
            "ignored reactions = 'yes'",
        ),
        (
            {**GISCUS, "repo": "not a repo"},
            None,
            "repo = 'not a repo' is not 'owner/name'; comments are off",
        ),
        (
            {**GISCUS, "category_id": " "},
            None,
            "giscus needs 'category_id'; comments are off",
        ),
        ({"provider": "utterances"}, None, "utterances needs 'repo'; comments are off"),
        (
            {**GISCUS, "src": "ftp://x"},
            {"src": "https://giscus.app/client.js"},
            "ignored src = 'ftp://x'",
        ),
        ("giscus", None, "PORTO_THEME_COMMENTS = 'giscus' is not a dict"),
    ],
)
def test_comment_settings_are_checked(caplog, value, expected, message):
    result = checked(caplog, PORTO_THEME_COMMENTS=value)["PORTO_THEME_COMMENTS"]
    if expected is None:
        assert result is None
    else:
        assert {key: result[key] for key in expected} == expected
    assert len(caplog.records) == 1
    assert message in caplog.records[0].getMessage()


def test_giscus_options_are_passed_on(caplog):
    value = {
        **GISCUS,
        "mapping": "specific",
        "term": "Welcome",
        "theme": "dark_dimmed",
        "pages": True,
    }
    result = checked(caplog, PORTO_THEME_COMMENTS=value)["PORTO_THEME_COMMENTS"]
    assert caplog.records == []
    assert result["term"] == "Welcome" and result["theme"] == "dark_dimmed"
    assert result["pages"] is True and result["provider"] == "giscus"


@pytest.mark.parametrize(
    ("value", "expected", "message"),
    [
        (
            {
                "provider": "plausible",
                "domain": "example.org",
                "src": "https://stats.example.org/js/script.js",
            },
            {
                "provider": "plausible",
                "domain": "example.org",
                "src": "https://stats.example.org/js/script.js",
            },
            None,
        ),
        (
            {"provider": "goatcounter", "endpoint": "https://stats.example.org/count"},
            {
                "provider": "goatcounter",
                "endpoint": "https://stats.example.org/count",
                "src": "https://gc.zgo.at/count.js",
            },
            None,
        ),
        (
            {"provider": "goatcounter", "code": "Not A Code"},
            None,
            "goatcounter needs 'code'",
        ),
        (
            {"provider": "plausible", "domain": "x.org", "src": "javascript:alert(1)"},
            None,
            "src = 'javascript:alert(1)' is not an http(s) URL",
        ),
        ({"provider": "custom"}, None, "custom needs 'html'"),
        (
            {"provider": "google"},
            None,
            "provider 'google' is not one of 'plausible', 'goatcounter', 'custom'",
        ),
        (
            {"provider": "custom", "html": "<p>x</p>", "where": "head"},
            {"provider": "custom", "html": "<p>x</p>"},
            "ignored unknown key 'where'",
        ),
    ],
)
def test_analytics_settings_are_checked(caplog, value, expected, message):
    result = checked(caplog, PORTO_THEME_ANALYTICS=value)["PORTO_THEME_ANALYTICS"]
    assert result == expected
    if message is None:
        assert caplog.records == []
    else:
        assert len(caplog.records) == 1
        assert message in caplog.records[0].getMessage()


def test_a_template_edited_between_two_builds_is_read_again(tmp_path):
    """porto_theme has Jinja read each template once per build, not check
    its file on every include: a second build by the same Pelican (what
    `pelican --autoreload` does) still shows an edited template."""
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    post = tmp_path / "content" / "posts" / "2020-01-01-hello.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: Hello\n---\n\nText.\n", encoding="utf-8")
    overrides = {
        "PATH": str(tmp_path / "content"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "THEME": str(theme),
        "CACHE_PATH": str(tmp_path / "cache"),
        "PORTO_SEARCH_ENABLED": False,
    }
    footer = theme / "templates" / "extend_footer.html"
    script = tmp_path / "twice.py"
    script.write_text(
        "from pathlib import Path\n"
        "from pelican import Pelican\n"
        "from pelican.settings import read_settings\n"
        f"settings = read_settings({str(REPO / 'pelicanconf.py')!r}, "
        f"override={overrides!r})\n"
        "pelican = Pelican(settings)\n"
        "for words in ('first edition', 'second edition'):\n"
        f"    Path({str(footer)!r}).write_text(f'<p>{{words}}</p>\\n')\n"
        "    pelican.run()\n"
        f"    print(Path({str(tmp_path / 'output' / 'index.html')!r}).read_text())\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    first, _, second = run.stdout.partition("<p>first edition</p>")
    assert second, "the first build did not show the first footer"
    assert "<p>second edition</p>" in second
