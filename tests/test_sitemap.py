"""sitemap.xml and robots.txt (porto_sitemap), and the robots tag of the theme."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import Site
from pelican.plugins.porto_sitemap import sitemap as porto_sitemap
from production import SITEURL, production_settings

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}

POSTS = {
    "posts/2019-12-01-first-light.md": (
        "---\ntitle: First light over the river\ntags: [Harbour]\n"
        "modified: 2020-01-10 09:15:00 +00:00\n---\n\n"
        "The ferries start before dawn and the gulls are louder than the engines.\n"
    ),
    "posts/2020-03-15-tide-tables.md": (
        "---\ntitle: Reading tide tables\ndate: 2020-03-15 08:30:00 +01:00\n"
        "tags: [Harbour]\n---\n\nLow water comes an hour later each day, roughly.\n"
    ),
    "posts/2020-03-20-cafe.md": (
        "---\ntitle: A café by the quay\nslug: café-by-the-quay\n---\n\n"
        "The espresso is bitter and the view is free.\n"
    ),
    "posts/2020-04-01-unfinished.md": (
        "---\ntitle: Half a thought\ndraft: true\n---\n\nNot ready for anyone.\n"
    ),
    "posts/2020-04-02-not-yet.md": (
        "---\ntitle: Not yet\npublished: false\n---\n\nStill waiting.\n"
    ),
    "posts/2020-04-03-back-room.md": (
        "---\ntitle: The back room\nhidden: true\n---\n\nFor those with the link.\n"
    ),
    "posts/2020-04-04-moved-away.md": (
        "---\ntitle: Moved away\nredirect_to: https://elsewhere.example/moved/\n"
        "---\n\nThis post lives elsewhere now.\n"
    ),
    "posts/2020-04-05-quiet-corner.md": (
        "---\ntitle: A quiet corner\nnoindex: true\n---\n\nNot for search engines.\n"
    ),
    "posts/2020-04-06-by-robots.md": (
        "---\ntitle: Told the robots\nrobots: noindex, follow\n---\n\nFollow, do not index.\n"
    ),
    "posts/2020-04-07-off-the-map.md": (
        "---\ntitle: Off the map\nsitemap: false\n---\n\nIndexable, but not listed.\n"
    ),
    "pages/about.md": "---\ntitle: About\n---\n\nWho writes here.\n",
    "pages/colophon.md": (
        "---\ntitle: Colophon\nmodified: 2021-06-01\n---\n\nHow the site is made.\n"
    ),
    "pages/secret.md": (
        "---\ntitle: Secret page\nstatus: hidden\n---\n\nUnlisted page.\n"
    ),
    "pages/plans.md": "---\ntitle: Plans\ndraft: true\n---\n\nA page not done.\n",
}

INDEXED = {
    f"{SITEURL}/": "2020-04-07T00:00:00+01:00",
    f"{SITEURL}/2019/12/first-light/": "2020-01-10T09:15:00+00:00",
    f"{SITEURL}/2020/03/tide-tables/": "2020-03-15T08:30:00+01:00",
    f"{SITEURL}/2020/03/caf%C3%A9-by-the-quay/": "2020-03-20T00:00:00+00:00",
    f"{SITEURL}/about/": None,
    f"{SITEURL}/colophon/": "2021-06-01T00:00:00+01:00",
}


def _write(site: Site) -> None:
    for path, text in POSTS.items():
        site.write(path, text)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("sitemap-prod"))
    _write(site)
    build = site.build(**production_settings())
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def development(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("sitemap-dev"))
    _write(site)
    build = site.build()
    assert build.returncode == 0, build.log
    return build


def _sitemap(build) -> dict[str, str | None]:
    root = ET.parse(build.output / "sitemap.xml").getroot()
    assert root.tag == f"{{{NS['sm']}}}urlset"
    found = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in found, f"{loc} listed twice"
        found[loc] = url.findtext("sm:lastmod", namespaces=NS)
    return found


def _robots_meta(build, relative: str) -> str | None:
    soup = BeautifulSoup(build.html(relative), "html.parser")
    tag = soup.find("meta", attrs={"name": "robots"})
    return tag["content"] if tag else None


def test_production_build_is_clean(production):
    assert production.problems == []


def test_sitemap_lists_exactly_the_published_posts_pages_and_index(production):
    assert set(_sitemap(production)) == set(INDEXED)


def test_sitemap_lastmod_comes_from_modified_or_date(production):
    # The home page changes with its newest post (the noindex ones are listed
    # on it too); a page without a date has no lastmod.
    assert _sitemap(production) == INDEXED


def test_sitemap_starts_with_the_index_then_newest_posts(production):
    order = list(_sitemap(production))
    assert order[0] == f"{SITEURL}/"
    assert order[1:4] == [
        f"{SITEURL}/2020/03/caf%C3%A9-by-the-quay/",
        f"{SITEURL}/2020/03/tide-tables/",
        f"{SITEURL}/2019/12/first-light/",
    ]


def test_every_sitemap_url_is_a_written_page(production):
    for loc in _sitemap(production):
        path = unquote(urlsplit(loc).path)
        assert path.startswith("/blog/")
        local = production.output / path[len("/blog/") :]
        assert (local / "index.html").is_file(), loc


def test_robots_txt_names_the_sitemap(production):
    lines = (production.output / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITEURL}/sitemap.xml" in lines
    # Nothing is shut out: "Disallow:" with no path allows everything.
    assert [line for line in lines if line.startswith("Disallow")] == ["Disallow:"]


@pytest.mark.parametrize(
    "relative",
    [
        "2020/04/back-room/index.html",
        "2020/04/moved-away/index.html",
        "2020/04/quiet-corner/index.html",
        "2020/04/by-robots/index.html",
        "secret/index.html",
    ],
)
def test_pages_left_out_for_search_engines_say_noindex(production, relative):
    assert _robots_meta(production, relative) == "noindex"


@pytest.mark.parametrize(
    "relative",
    ["index.html", "2019/12/first-light/index.html", "about/index.html",
     "2020/04/off-the-map/index.html"],
)  # fmt: skip
def test_indexable_pages_have_no_robots_tag(production, relative):
    assert _robots_meta(production, relative) is None


def test_development_build_writes_no_sitemap(development):
    # Without a full SITEURL there is no URL to give; no warning either.
    assert development.problems == []
    assert not (development.output / "sitemap.xml").exists()
    assert not (development.output / "robots.txt").exists()
    # The theme still keeps hidden pages out of search engines.
    assert _robots_meta(development, "2020/04/back-room/index.html") == "noindex"


def test_site_robots_txt_is_kept_and_settings_checked(tmp_path):
    site = Site(tmp_path)
    site.write("posts/2020-01-01-one.md", "---\ntitle: One\n---\n\nOne post.\n")
    own = "User-agent: *\nDisallow: /private/\n"
    site.write("extra/robots.txt", own)
    build = site.build(
        **production_settings(),
        STATIC_PATHS=["images", "extra/robots.txt"],
        EXTRA_PATH_METADATA={"extra/robots.txt": {"path": "robots.txt"}},
        PORTO_SITEMAP_SAVE_AS=5,
    )
    assert build.returncode == 0, build.log
    assert (build.output / "robots.txt").read_text(encoding="utf-8") == own
    # A wrong value is reported and the default is used.
    assert build.problems == [
        "WARNING porto_sitemap: PORTO_SITEMAP_SAVE_AS = 5 is not a file name "
        'inside the output ("sitemap.xml"), or "" for none; using the default '
        "'sitemap.xml'"
    ]
    assert set(_sitemap(build)) == {f"{SITEURL}/", f"{SITEURL}/2020/01/one/"}


# The robots.txt decisions, without a build.


def test_robots_unlisted_site_file_is_reported_not_replaced(tmp_path, caplog):
    output, content = tmp_path / "out", tmp_path / "content"
    output.mkdir()
    (content / "extra").mkdir(parents=True)
    (content / "extra" / "robots.txt").write_text("User-agent: *\n")
    with caplog.at_level(logging.WARNING):
        porto_sitemap._write_robots(output, content, f"{SITEURL}/sitemap.xml")
    assert not (output / "robots.txt").exists()
    assert "extra/robots.txt is not copied to the site root" in caplog.text


def test_robots_written_again_over_porto_own_file(tmp_path):
    (tmp_path / "robots.txt").write_text(porto_sitemap.render_robots("old"))
    porto_sitemap._write_robots(tmp_path, tmp_path / "content", "https://x.test/s.xml")
    text = (tmp_path / "robots.txt").read_text()
    assert "Sitemap: https://x.test/s.xml" in text
    assert "old" not in text


def test_robots_of_the_site_without_sitemap_line_gets_a_hint(tmp_path, caplog):
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    with caplog.at_level(logging.INFO):
        porto_sitemap._write_robots(
            tmp_path, tmp_path / "content", "https://x.test/s.xml"
        )
    assert (tmp_path / "robots.txt").read_text() == "User-agent: *\nDisallow:\n"
    assert "add the line 'Sitemap: https://x.test/s.xml'" in caplog.text


@pytest.mark.parametrize(
    ("metadata", "status", "noindex", "listed"),
    [
        ({}, "published", False, True),
        ({"noindex": True}, "published", True, False),
        ({"noindex": "yes"}, "published", True, False),
        ({"noindex": False}, "published", False, True),
        ({"robots": "noindex, follow"}, "published", True, False),
        ({"robots": ["NoIndex"]}, "published", True, False),
        ({"robots": "nofollow"}, "published", False, True),
        ({"redirect_to": "https://a.test/"}, "published", True, False),
        ({"sitemap": False}, "published", False, False),
        ({"sitemap": "no"}, "published", False, False),
        ({}, "hidden", True, False),
        ({}, "draft", True, False),
    ],
)
def test_noindex_and_listing_rules(metadata, status, noindex, listed):
    class Post:
        pass

    post = Post()
    post.metadata, post.status, post.save_as = metadata, status, "x/index.html"
    assert porto_sitemap.marks_noindex(post) is noindex
    assert porto_sitemap.indexable(post) is listed


def test_sitemap_escapes_urls():
    text = porto_sitemap.render_sitemap(
        [porto_sitemap.Entry(porto_sitemap._url("https://a.test", "q?a=1&b=2"), None)]
    )
    root = ET.fromstring(text)
    assert root.find("sm:url/sm:loc", NS).text == "https://a.test/q?a=1&b=2"
