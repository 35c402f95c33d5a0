"""Jekyll URLs that survive the move (porto_permalinks).

Three kinds of builds, each made once per module: a development-like site
(relative URLs) under a sub-path SITEURL with Jekyll's ``date`` style, a
production site with ``pretty``, and a tiny site per remaining style name.
Every check reads what a reader gets: the files written, and the links of
every page, resolved as a browser resolves them.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import Build, Site
from pelican.plugins.porto_permalinks import (
    SETTINGS,
    STYLES,
    destination,
    expand,
    forward_slashes,
    jekyll_slugify,
    jekyll_url,
    resolve_as_browser,
)
from pelican.plugins.porto_permalinks.permalinks import Escapes, placeholders
from pelican.plugins.porto_pipeline import Document, Transform, run_transforms
from pelican.plugins.porto_pipeline.settings import check_settings
from PIL import Image
from production import production_settings

SITE = "https://example.org/blog"


def png(width: int, height: int) -> bytes:
    """A real PNG of the given size: tests tell pictures apart by size."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 140)).save(out, "PNG")
    return out.getvalue()


# -- reading a built site the way a browser does --------------------------------


def served_url(save_as: str) -> str:
    """The address a file of the output is served at under SITE."""
    path = save_as[: -len("index.html")] if save_as.endswith("index.html") else save_as
    return f"{SITE}/{quote(path)}"


def file_for(build: Build, url: str) -> str | None:
    """The output file a static host serves for ``url`` (GitHub Pages' rules:
    ``x/`` is ``x/index.html``, ``x`` is ``x``, ``x.html`` or ``x/index.html``)."""
    if not url.startswith(SITE + "/"):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(SITE).path) + 1 :]
    if path == "" or path.endswith("/"):
        candidates = [path + "index.html"]
    else:
        candidates = [path, path + ".html", path + "/index.html"]
    for candidate in candidates:
        if (build.output / candidate).is_file():
            return candidate
    return None


def text(element) -> str:
    """An element's words as a reader sees them (typography's no-break spaces
    read as spaces)."""
    return " ".join(element.get_text(" ", strip=True).replace("\xa0", " ").split())


def soup(build: Build, save_as: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(save_as), "html.parser")


def links(build: Build, save_as: str) -> list[str]:
    """Every ``<a href>`` of a page, resolved against the page's address."""
    page = soup(build, save_as)
    base = served_url(save_as)
    return [urljoin(base, a["href"]) for a in page.find_all("a", href=True)]


def refresh_target(build: Build, save_as: str) -> tuple[str, str, str]:
    """A redirect page's meta refresh, canonical and visible link, resolved."""
    page = soup(build, save_as)
    base = served_url(save_as)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None, f"{save_as} has no meta refresh"
    match = re.fullmatch(r"0;\s*url=(.+)", refresh["content"])
    assert match, refresh["content"]
    canonical = page.find("link", rel="canonical")["href"]
    visible = page.find("a", href=True)["href"]
    return (
        urljoin(base, match.group(1)),
        urljoin(base, canonical),
        urljoin(base, visible),
    )


def html_pages(build: Build) -> list[str]:
    return [p.relative_to(build.output).as_posix() for p in build.pages()]


def broken_links(build: Build) -> list[str]:
    """Links and images of every page that lead to no file of the site."""
    broken = []
    for save_as in html_pages(build):
        page = soup(build, save_as)
        base = served_url(save_as)
        for element, attribute in [
            *((a, "href") for a in page.find_all("a", href=True)),
            *((img, "src") for img in page.find_all("img", src=True)),
        ]:
            url = urljoin(base, element[attribute]).split("#")[0].split("?")[0]
            if url.startswith(SITE + "/") and file_for(build, url) is None:
                broken.append(f"{save_as}: {element[attribute]}")
    return broken


# -- the development-like site: date style, relative URLs -------------------------

DEV_POSTS = {
    "posts/2021-05-06-low-water.md": """---
title: Low water
tags: [coast]
redirect_from:
  - /old/low-water/
  - /low-water.html
  - /2021/low water
  - /../../escape-hatch/
  - /about-me/
  - /index.html
  - https://other.example/low-water/
  - /shared/
---

At low water the harbour floor shows its ribs.

![A gull on a mooring post](../../../images/gull.png)

![Pebbles in a row](pebbles/stone.png)

![A shell, where the post was written](shells/shell.png)

![The gull again, typed on Windows](\\images\\gull.png)

![Pebbles again, typed on Windows](pebbles\\stone.png)

Read [the morning tide]({filename}2021-03-04-morning-tide.md), or
[the same post by its file](2021-03-04-morning-tide.md).
""",
    "posts/2021-03-04-morning-tide.md": """---
title: Morning tide
categories: [Shore Walks]
tags: [coast]
---

The tide came in while the kettle boiled.
""",
    "posts/2021-02-01-harbour-lights.md": """---
title: Harbour lights
permalink: /harbour/:year/:slug/
tags: [coast]
redirect_from: /shared/
---

Green to starboard, red to port.
""",
    "posts/2021-01-15-the-lighthouse.md": """---
title: The lighthouse
permalink: /lighthouse.html
tags: [coast]
---

Its keeper left in 1987; the lamp did not notice.
""",
    "posts/2020-06-07-June-Notes.md": """---
title: June notes
date: 2020-06-07 08:09:10
permalink: /:short_year/:i_month/:i_day/:hour:minute:second/:title
---

Notes kept in June, at ten past eight.
""",
    "posts/2020-11-11-over-the-edge.md": """---
title: Over the edge
permalink: /../../beyond/
---

A permalink that tries to climb out of the site.
""",
    "posts/2020-10-10-quay.md": """---
title: Along the quay
slug: quay-side
---

Bollards, ropes and one patient cat.
""",
    "posts/2020-12-31-late-night.md": """---
title: Late night in Seattle
date: 2020-12-31 23:30:00 -08:00
---

Written on New Year's Eve, eight hours behind the site's clock.
""",
    "posts/2020-09-09-moved-on.md": """---
title: Moved on
redirect_to: /harbour/2021/harbour-lights/
---

This stub now points at the harbour lights.
""",
    "posts/2020-08-08-no-picture.md": """---
title: No picture after all
header:
  teaser: /images/nowhere.jpg
---

The teaser was never uploaded.
""",
    "posts/2020-07-07-chirpy-card.md": """---
title: A Chirpy card
image:
  path: /img/missing-card.png
  alt: A card that is not there
---

Chirpy writes its picture as a dict.
""",
    "posts/2020-05-05-card-outside.md": """---
title: Card from the assets folder
image: /assets/cards/wave.png
---

The picture lives outside STATIC_PATHS.
""",
    "posts/2020-04-04-chirpy-media.md": """---
title: Chirpy media folder
media_subpath: /assets/chirpy/
image:
  path: cover.png
---

![Drawn inline](inline.png)
""",
    "pages/about.md": """---
title: About
permalink: /about-me/
---

Who walks the shore.
""",
    "pages/contact.md": """---
title: Contact
---

Leave a note at the harbour office.
""",
    "pages/old-home.md": """---
title: Old home
redirect_to: https://elsewhere.example/home/
---

The old home page.
""",
}

DEV_FILES = {
    "images/gull.png": png(6, 4),
    "2021/05/06/pebbles/stone.png": png(5, 5),
    "posts/shells/shell.png": png(7, 3),
    "2021/05/06/shells/shell.png": png(9, 9),
    "assets/cards/wave.png": png(8, 4),
    "assets/chirpy/cover.png": png(8, 5),
    "assets/chirpy/inline.png": png(3, 3),
}

# source -> (file written, URL under SITE)
DEV_EXPECTED = {
    "posts/2021-05-06-low-water.md": (
        "2021/05/06/low-water.html",
        "2021/05/06/low-water.html",
    ),
    "posts/2021-03-04-morning-tide.md": (
        "shore walks/2021/03/04/morning-tide.html",
        "shore%20walks/2021/03/04/morning-tide.html",
    ),
    "posts/2021-02-01-harbour-lights.md": (
        "harbour/2021/harbour-lights/index.html",
        "harbour/2021/harbour-lights/",
    ),
    "posts/2021-01-15-the-lighthouse.md": ("lighthouse.html", "lighthouse.html"),
    "posts/2020-06-07-June-Notes.md": (
        "20/6/7/080910/June-Notes.html",
        "20/6/7/080910/June-Notes",
    ),
    "posts/2020-11-11-over-the-edge.md": (
        "2020/11/11/over-the-edge.html",
        "2020/11/11/over-the-edge.html",
    ),
    "posts/2020-10-10-quay.md": (
        "2020/10/10/quay-side.html",
        "2020/10/10/quay-side.html",
    ),
    "posts/2020-12-31-late-night.md": (
        "2021/01/01/late-night.html",
        "2021/01/01/late-night.html",
    ),
    "posts/2020-08-08-no-picture.md": (
        "2020/08/08/no-picture.html",
        "2020/08/08/no-picture.html",
    ),
    "pages/about.md": ("about-me/index.html", "about-me/"),
    "pages/contact.md": ("contact.html", "contact.html"),
}
TITLES = {
    "posts/2021-05-06-low-water.md": "Low water",
    "posts/2021-03-04-morning-tide.md": "Morning tide",
    "posts/2021-02-01-harbour-lights.md": "Harbour lights",
    "posts/2021-01-15-the-lighthouse.md": "The lighthouse",
    "posts/2020-06-07-June-Notes.md": "June notes",
    "posts/2020-11-11-over-the-edge.md": "Over the edge",
    "posts/2020-10-10-quay.md": "Along the quay",
    "posts/2020-12-31-late-night.md": "Late night in Seattle",
    "posts/2020-08-08-no-picture.md": "No picture after all",
    "pages/about.md": "About",
    "pages/contact.md": "Contact",
}
COAST = [
    "posts/2021-05-06-low-water.md",
    "posts/2021-03-04-morning-tide.md",
    "posts/2021-02-01-harbour-lights.md",
    "posts/2021-01-15-the-lighthouse.md",
]


def url_of(source: str) -> str:
    return f"{SITE}/{DEV_EXPECTED[source][1]}"


@pytest.fixture(scope="module")
def dev(tmp_path_factory) -> Build:
    site = Site(tmp_path_factory.mktemp("permalinks_dev"))
    for name, text in DEV_POSTS.items():
        site.write(name, text)
    for name, data in DEV_FILES.items():
        site.write(name, data)
    build = site.build(
        SITEURL=SITE,
        RELATIVE_URLS=True,
        PORTO_JEKYLL_PERMALINK="date",
        DEFAULT_PAGINATION=50,
    )
    assert build.returncode == 0, build.log
    return build


@pytest.mark.parametrize("source", list(DEV_EXPECTED))
def test_each_post_is_written_at_its_jekyll_file(dev, source):
    save_as, url = DEV_EXPECTED[source]
    assert (dev.output / save_as).is_file(), sorted(html_pages(dev))
    assert text(soup(dev, save_as).h1) == TITLES[source]
    assert file_for(dev, f"{SITE}/{url}") == save_as


def test_no_post_is_left_at_pelicans_own_url(dev):
    # ARTICLE_SAVE_AS of pelicanconf.py would be {date:%Y}/{date:%m}/{slug}/
    for old in ["2021/05/low-water", "2021/03/morning-tide", "2020/10/quay-side"]:
        assert not (dev.output / old).exists()


@pytest.mark.parametrize(
    "listing", ["index.html", "archives.html", "tag/coast/index.html"]
)
def test_list_pages_link_every_post_at_its_new_url(dev, listing):
    found = set(links(dev, listing))
    expected = COAST if listing.startswith("tag/") else list(TITLES)
    for source in expected:
        if source.startswith("pages/"):
            continue
        assert url_of(source) in found, (source, listing)


def test_menu_links_pages_at_their_permalinks(dev):
    found = set(links(dev, "index.html"))
    assert url_of("pages/about.md") in found
    assert url_of("pages/contact.md") in found


def test_older_and_newer_links_follow_the_permalinks(dev):
    page = soup(dev, DEV_EXPECTED["posts/2021-03-04-morning-tide.md"][0])
    base = served_url(DEV_EXPECTED["posts/2021-03-04-morning-tide.md"][0])
    newer = urljoin(base, page.find("a", rel="next")["href"])
    older = urljoin(base, page.find("a", rel="prev")["href"])
    assert newer == url_of("posts/2021-05-06-low-water.md")
    assert older == url_of("posts/2021-02-01-harbour-lights.md")


def test_filename_and_md_links_lead_to_the_new_url(dev):
    page = soup(dev, DEV_EXPECTED["posts/2021-05-06-low-water.md"][0])
    base = served_url(DEV_EXPECTED["posts/2021-05-06-low-water.md"][0])
    content = page.find(class_="post-content")
    targets = {
        text(a): urljoin(base, a["href"]) for a in content.find_all("a", href=True)
    }
    assert targets["the morning tide"] == url_of("posts/2021-03-04-morning-tide.md")
    assert targets["the same post by its file"] == url_of(
        "posts/2021-03-04-morning-tide.md"
    )


def test_related_posts_link_the_new_urls(dev):
    page = soup(dev, DEV_EXPECTED["posts/2021-01-15-the-lighthouse.md"][0])
    base = served_url(DEV_EXPECTED["posts/2021-01-15-the-lighthouse.md"][0])
    related = page.find(class_=re.compile("related"))
    assert related is not None
    hrefs = {urljoin(base, a["href"]) for a in related.find_all("a", href=True)}
    assert hrefs and hrefs <= {url_of(source) for source in COAST}


def test_no_link_or_image_of_the_site_is_broken(dev):
    assert broken_links(dev) == []


def test_a_date_with_its_own_offset_counts_in_the_site_timezone(dev):
    # 2020-12-31 23:30 at -08:00 is 2021-01-01 07:30 in Lisbon (TIMEZONE).
    assert (dev.output / "2021/01/01/late-night.html").is_file()
    assert not (dev.output / "2020/12/31").exists()


def test_a_permalink_leaving_the_site_is_refused_with_a_warning(dev):
    assert (
        "WARNING posts/2020-11-11-over-the-edge.md: permalink /../../beyond/ "
        "leaves the output folder; ignored"
    ) in dev.problems
    assert not list(dev.output.parent.parent.rglob("beyond"))


# -- redirects -------------------------------------------------------------------------

DEV_REDIRECTS = {
    "old/low-water/index.html": "posts/2021-05-06-low-water.md",
    "low-water.html": "posts/2021-05-06-low-water.md",
    "2021/low water.html": "posts/2021-05-06-low-water.md",
    "shared/index.html": "posts/2021-02-01-harbour-lights.md",
    # redirect_to on a post: its own page sends readers on
    "2020/09/09/moved-on.html": "posts/2021-02-01-harbour-lights.md",
}


@pytest.mark.parametrize("save_as", list(DEV_REDIRECTS))
def test_redirect_pages_lead_to_the_post_with_relative_urls(dev, save_as):
    refresh, canonical, visible = refresh_target(dev, save_as)
    assert refresh == canonical == visible == url_of(DEV_REDIRECTS[save_as])
    page = soup(dev, save_as)
    # relative, as RELATIVE_URLS asks; the canonical link is absolute
    assert not page.find("a")["href"].startswith("http")
    assert page.find("link", rel="canonical")["href"].startswith(SITE + "/")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_redirect_to_on_a_page_leads_off_site(dev):
    refresh, canonical, visible = refresh_target(dev, "old-home.html")
    assert refresh == canonical == visible == "https://elsewhere.example/home/"


def test_redirect_from_a_real_page_is_refused(dev):
    problems = dev.problems
    name = "posts/2021-05-06-low-water.md"
    assert (
        f"WARNING {name}: redirect_from /about-me/ would replace "
        "about-me/index.html (pages/about.md); no redirect written"
    ) in problems
    assert (
        f"WARNING {name}: redirect_from would replace index.html, a page of the "
        "site; no redirect written"
    ) in problems
    assert text(soup(dev, "about-me/index.html").h1) == "About"
    assert soup(dev, "index.html").find(class_="post-card") is not None


def test_redirect_paths_outside_the_site_are_refused(dev):
    name = "posts/2021-05-06-low-water.md"
    assert (
        f"WARNING {name}: redirect_from /../../escape-hatch/ leaves the output "
        "folder; ignored"
    ) in dev.problems
    assert (
        f"WARNING {name}: redirect_from https://other.example/low-water/ is a "
        "full URL; only paths of this site can redirect; ignored"
    ) in dev.problems
    assert not list(dev.output.parent.parent.rglob("escape-hatch"))


def test_a_path_claimed_twice_keeps_the_first_post(dev):
    assert (
        "WARNING posts/2021-05-06-low-water.md: redirect_from /shared/ is also "
        "claimed by posts/2021-02-01-harbour-lights.md; that one is kept"
    ) in dev.problems


# -- relative paths as the old site's browser saw them ------------------------------------


def _image_sources(build: Build, save_as: str) -> dict[str, str]:
    page = soup(build, save_as)
    base = served_url(save_as)
    return {
        img["alt"]: file_for(build, urljoin(base, img["src"]))
        for img in page.find(class_="post-content").find_all("img")
    }


def test_relative_images_resolve_against_the_jekyll_url(dev):
    found = _image_sources(dev, DEV_EXPECTED["posts/2021-05-06-low-water.md"][0])
    assert found == {
        "A gull on a mooring post": "images/gull.png",
        "Pebbles in a row": "2021/05/06/pebbles/stone.png",
        # next to the source file first: Porto's own rule wins
        "A shell, where the post was written": "posts/shells/shell.png",
        "The gull again, typed on Windows": "images/gull.png",
        "Pebbles again, typed on Windows": "2021/05/06/pebbles/stone.png",
    }
    shell = dev.output / "posts/shells/shell.png"
    assert Image.open(shell).size == (7, 3)


def test_no_image_warning_for_paths_found_by_their_jekyll_url(dev):
    assert not [p for p in dev.problems if "low-water.md" in p and "image" in p]


def test_chirpy_media_subpath_finds_the_pictures(dev):
    save_as = "2020/04/04/chirpy-media.html"
    assert _image_sources(dev, save_as) == {"Drawn inline": "assets/chirpy/inline.png"}


# -- front matter pictures ---------------------------------------------------------------


def _card_images(build: Build) -> dict[str, str | None]:
    page = soup(build, "index.html")
    cards = {}
    for card in page.find_all("article", class_="post-card"):
        title = text(card.find(class_="card-title"))
        img = card.find("img")
        cards[title] = (
            None
            if img is None
            else file_for(build, urljoin(served_url("index.html"), img["src"]))
            or "MISSING " + img["src"]
        )
    return cards


def test_a_missing_front_matter_picture_is_reported_once(dev):
    for name, path in [
        ("posts/2020-08-08-no-picture.md", "/images/nowhere.jpg"),
        ("posts/2020-07-07-chirpy-card.md", "/img/missing-card.png"),
    ]:
        expected = (
            f"WARNING {name}: front matter image {path} not found under the "
            "content folder; the post is listed without a picture"
        )
        assert dev.problems.count(expected) == 1, dev.problems


def test_cards_show_no_broken_picture(dev):
    cards = _card_images(dev)
    assert cards["No picture after all"] is None
    assert cards["A Chirpy card"] is None
    assert cards["Card from the assets folder"] == "assets/cards/wave.png"
    assert cards["Chirpy media folder"] == "assets/chirpy/cover.png"
    assert not [title for title, found in cards.items() if found and "MISSING" in found]


# -- production: pretty style, absolute URLs, feeds and sitemap -------------------------

PROD_POSTS = {
    "posts/2021-05-06-low-water.md": """---
title: Low water
tags: [coast]
redirect_from: [/old/low-water/, /low-water.html]
---

At low water the harbour floor shows its ribs.
""",
    "posts/2021-03-04-morning-tide.md": DEV_POSTS["posts/2021-03-04-morning-tide.md"],
    "pages/about.md": DEV_POSTS["pages/about.md"],
    "pages/contact.md": DEV_POSTS["pages/contact.md"],
}
PROD_URLS = {
    "low-water": f"{SITE}/2021/05/06/low-water/",
    "morning-tide": f"{SITE}/shore%20walks/2021/03/04/morning-tide/",
    "about": f"{SITE}/about-me/",
    "contact": f"{SITE}/contact/",
}


@pytest.fixture(scope="module")
def prod(tmp_path_factory) -> Build:
    site = Site(tmp_path_factory.mktemp("permalinks_prod"))
    for name, text in PROD_POSTS.items():
        site.write(name, text)
    build = site.build(**production_settings(SITE), PORTO_JEKYLL_PERMALINK="pretty")
    assert build.returncode == 0, build.log
    return build


def test_pretty_style_writes_folders(prod):
    for save_as in [
        "2021/05/06/low-water/index.html",
        "shore walks/2021/03/04/morning-tide/index.html",
        "about-me/index.html",
        "contact/index.html",
    ]:
        assert (prod.output / save_as).is_file(), save_as


def test_production_pages_link_the_absolute_new_urls(prod):
    page = soup(prod, "index.html")
    hrefs = {a["href"] for a in page.find_all("a", href=True)}
    assert set(PROD_URLS.values()) <= hrefs
    tag = {a["href"] for a in soup(prod, "tag/coast/index.html").find_all("a")}
    assert {PROD_URLS["low-water"], PROD_URLS["morning-tide"]} <= tag
    assert broken_links(prod) == []


@pytest.mark.parametrize(
    "feed", ["feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/tag/coast.atom.xml"]
)
def test_feeds_link_the_new_urls(prod, feed):
    xml = BeautifulSoup((prod.output / feed).read_text(encoding="utf-8"), "xml")
    entries = xml.find_all(["entry", "item"])
    found = set()
    for entry in entries:
        link = entry.find("link")
        found.add(link.get("href") or link.get_text(strip=True))
    assert found == {PROD_URLS["low-water"], PROD_URLS["morning-tide"]}


def test_sitemap_lists_the_new_urls(prod):
    xml = BeautifulSoup(prod.html("sitemap.xml"), "xml")
    locations = {loc.get_text(strip=True) for loc in xml.find_all("loc")}
    assert set(PROD_URLS.values()) <= locations
    assert not [loc for loc in locations if "old/" in loc or "low-water.html" in loc]


@pytest.mark.parametrize("save_as", ["old/low-water/index.html", "low-water.html"])
def test_redirect_pages_are_absolute_under_the_sub_path(prod, save_as):
    page = soup(prod, save_as)
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == f"0; url={PROD_URLS['low-water']}"
    assert page.find("link", rel="canonical")["href"] == PROD_URLS["low-water"]
    assert page.find("a")["href"] == PROD_URLS["low-water"]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


# -- the other style names ------------------------------------------------------------------

STYLE_POSTS = {
    "posts/2021-05-06-low-water.md": (
        "---\ntitle: Low water\ncategories: [Tides]\ntags: [coast]\n---\n\nRibs.\n"
    ),
    "posts/2021-02-01-harbour-lights.md": (
        "---\ntitle: Harbour lights\ntags: [coast]\n---\n\nGreen and red.\n"
    ),
    "pages/about.md": "---\ntitle: About\n---\n\nWho walks the shore.\n",
}
STYLE_FILES = {
    "ordinal": [
        "tides/2021/126/low-water.html",
        "2021/032/harbour-lights.html",
        "about.html",
    ],
    "weekdate": [
        "tides/2021/W18/Thu/low-water.html",
        "2021/W05/Mon/harbour-lights.html",
        "about.html",
    ],
    "none": ["tides/low-water.html", "harbour-lights.html", "about.html"],
}


@pytest.fixture(scope="module", params=list(STYLE_FILES))
def styled(request, tmp_path_factory) -> tuple[str, Build]:
    site = Site(tmp_path_factory.mktemp(f"permalinks_{request.param}"))
    for name, text in STYLE_POSTS.items():
        site.write(name, text)
    build = site.build(SITEURL=SITE, PORTO_JEKYLL_PERMALINK=request.param)
    assert build.returncode == 0, build.log
    return request.param, build


def test_each_style_name_writes_jekylls_files(styled):
    style, build = styled
    for save_as in STYLE_FILES[style]:
        assert (build.output / save_as).is_file(), (style, html_pages(build))
    found = set(links(build, "index.html"))
    for save_as in STYLE_FILES[style]:
        assert served_url(save_as) in found, (style, save_as)
    tag = set(links(build, "tag/coast/index.html"))
    assert {served_url(s) for s in STYLE_FILES[style][:2]} <= tag
    assert broken_links(build) == []


# -- the rules themselves, without a build ----------------------------------------------------

SOURCE = "/site/content/posts/2021-05-06-Low-Water.md"


def _meta(**extra):
    import datetime as dt

    return {"date": dt.datetime(2021, 5, 6, 7, 8, 9), "slug": "low-water", **extra}


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("date", "/tides/rock-pools/2021/05/06/Low-Water.html"),
        ("pretty", "/tides/rock-pools/2021/05/06/Low-Water/"),
        ("ordinal", "/tides/rock-pools/2021/126/Low-Water.html"),
        ("weekdate", "/tides/rock-pools/2021/W18/Thu/Low-Water.html"),
        ("none", "/tides/rock-pools/Low-Water.html"),
    ],
)
def test_style_names_expand_as_in_jekylls_table(style, expected):
    values = placeholders(
        _meta(categories=["Tides", "rock-pools", "tides"]), SOURCE, {}
    )
    assert expand(STYLES[style], values) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("/:year/:month/:day/:slug/", "/2021/05/06/low-water/"),
        ("/:short_year/:i_month/:i_day/:title", "/21/5/6/Low-Water"),
        ("/:hour-:minute-:second/:title:output_ext", "/07-08-09/Low-Water.html"),
        ("/:long_month/:short_month/:long_day/:title/", "/May/May/Thursday/Low-Water/"),
        ("/:categories/:title/", "/sea%20birds/Low-Water/"),
        ("/:slugified_categories/:title/", "/sea-birds/Low-Water/"),
        ("/:month_:day/", "/05_06/"),
        ("/notes/:unknown/:title/", "/notes/:unknown/Low-Water/"),
    ],
)
def test_placeholders(pattern, expected):
    values = placeholders(_meta(categories=["Sea Birds"]), SOURCE, {})
    assert expand(pattern, values) == expected


def test_front_matter_slug_is_the_title_placeholder():
    values = placeholders(_meta(slug="Quay Side!"), SOURCE, {})
    assert values["title"] == "Quay-Side!"
    assert values["slug"] == "quay-side"


def test_a_post_without_categories_folds_the_empty_folder():
    assert jekyll_url(_meta(), SOURCE, {"PORTO_JEKYLL_PERMALINK": "date"}) == (
        "/2021/05/06/Low-Water.html"
    )


def test_front_matter_permalink_wins_over_the_site_style():
    meta = _meta(permalink="/fixed/place/")
    assert jekyll_url(meta, SOURCE, {"PORTO_JEKYLL_PERMALINK": "date"}) == (
        "/fixed/place/"
    )


def test_no_permalink_anywhere_leaves_the_url_to_pelican():
    assert jekyll_url(_meta(), SOURCE, {}) is None
    # …but relative paths still resolve against Jekyll's default style
    assert jekyll_url(_meta(), SOURCE, {}, fallback=True) == (
        "/2021/05/06/Low-Water.html"
    )


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("date", "/guides/kayak.html"),
        ("pretty", "/guides/kayak/"),
        ("/:year/:title/", "/guides/kayak/"),
        ("/:year/:title", "/guides/kayak"),
    ],
)
def test_pages_follow_the_style_as_in_jekyll(style, expected):
    settings = {"PORTO_JEKYLL_PERMALINK": style, "PATH": "/site/content"}
    settings["PAGE_PATHS"] = ["pages"]
    source = "/site/content/pages/guides/kayak.md"
    assert jekyll_url({}, source, settings, page=True) == expected
    settings["PORTO_PERMALINKS_PAGES"] = False
    assert jekyll_url({}, source, settings, page=True) is None


@pytest.mark.parametrize(
    ("path", "url", "save_as"),
    [
        ("/old/path/", "old/path/", "old/path/index.html"),
        ("/old.html", "old.html", "old.html"),
        ("/old/path", "old/path", "old/path.html"),
        ("/caf%C3%A9/", "caf%C3%A9/", "café/index.html"),
        ("/two words/", "two%20words/", "two words/index.html"),
        ("//a//b/./c/", "a/b/c/", "a/b/c/index.html"),
        ("\\old\\path\\", "old/path/", "old/path/index.html"),
        ("/", "", "index.html"),
    ],
)
def test_destination(path, url, save_as):
    found = destination(path)
    assert (found.url, found.save_as) == (url, save_as)


@pytest.mark.parametrize("path", ["/../x/", "/a/../../x.html", "..", "/a/%2E%2E/b/"])
def test_destination_refuses_to_leave_the_output(path):
    with pytest.raises(Escapes):
        destination(path)


@pytest.mark.parametrize(
    ("text", "mode", "cased", "expected"),
    [
        ("Café au lait: 2 cups!", "default", False, "café-au-lait-2-cups"),
        ("Café au lait: 2 cups!", "pretty", True, "Café-au-lait-2-cups!"),
        ("  __tide_tables.v2  ", "default", False, "tide-tables-v2"),
        ("  __tide_tables.v2  ", "pretty", False, "__tide_tables.v2"),
    ],
)
def test_jekyll_slugify(text, mode, cased, expected):
    assert jekyll_slugify(text, mode, cased) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("\\images\\a.png", "/images/a.png"),
        ("images\\a.png?x=\\y#p\\q", "images/a.png?x=\\y#p\\q"),
        ("plain/a.png", "plain/a.png"),
    ],
)
def test_forward_slashes(given, expected):
    assert forward_slashes(given) == expected


def test_permalink_setting_is_checked(caplog):
    settings = {
        "PORTO_JEKYLL_PERMALINK": 42,
        "PORTO_PERMALINKS_PAGES": "yes",
    }
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_permalinks", SETTINGS)
    assert settings["PORTO_JEKYLL_PERMALINK"] is None
    assert settings["PORTO_PERMALINKS_PAGES"] is True
    assert "PORTO_JEKYLL_PERMALINK = 42 is not None" in caplog.text
    for given, kept in [(" Pretty ", "pretty"), ("/:year/:title/", "/:year/:title/")]:
        settings = {"PORTO_JEKYLL_PERMALINK": given}
        check_settings(settings, "porto_permalinks", SETTINGS)
        assert settings["PORTO_JEKYLL_PERMALINK"] == kept
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        settings = {"PORTO_JEKYLL_PERMALINK": "/:year/:bogus/"}
        check_settings(settings, "porto_permalinks", SETTINGS)
    assert settings["PORTO_JEKYLL_PERMALINK"] == "/:year/:bogus/"
    assert ":bogus" in caplog.text


# -- the transform on its own --------------------------------------------------------------

PATHS = [Transform("jekyll_paths", resolve_as_browser, "resolve", "porto_permalinks")]


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    root = tmp_path / "content"
    for name in ["images/a.png", "2021/05/06/pics/b.png", "posts/pics/c.png"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"x")
    import datetime as dt

    return Document(
        source_path=str(root / "posts" / "2021-05-06-walk.md"),
        relative_path="posts/2021-05-06-walk.md",
        metadata={"date": dt.datetime(2021, 5, 6), "slug": "walk"},
        content_root=str(root),
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ('<img src="../../../images/a.png" alt="">', '<img src="/images/a.png" alt="">'),
        ('<img src="../../../../../images/a.png" alt="">', '<img src="/images/a.png" alt="">'),
        ('<img src="pics/b.png?v=2#top" alt="">', '<img src="/2021/05/06/pics/b.png?v=2#top" alt="">'),
        ('<img src="pics/c.png" alt="">', '<img src="pics/c.png" alt="">'),
        ('<img src="\\images\\a.png" alt="">', '<img src="/images/a.png" alt="">'),
        ('<a href="pics\\b.png">b</a>', '<a href="/2021/05/06/pics/b.png">b</a>'),
        ('<img src="pics/none.png" alt="">', '<img src="pics/none.png" alt="">'),
        ('<a href="../../other-post.html">x</a>', '<a href="../../other-post.html">x</a>'),
        ('<img src="https://example.org/a.png" alt="">', '<img src="https://example.org/a.png" alt="">'),
    ],
)  # fmt: skip
def test_transform(given, expected, doc):
    assert run_transforms(given, PATHS, {}, doc) == expected


def test_transform_keeps_source_paths_when_turned_off(doc):
    html = '<img src="../../../images/a.png" alt="">'
    settings = {"PORTO_PERMALINKS_RELATIVE_TO_URL": False}
    assert run_transforms(html, PATHS, settings, doc) == html


# -- apply_permalink on content objects --------------------------------------------------


def _article(tmp_path: Path, **metadata):
    import copy
    import datetime as dt

    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    settings = copy.deepcopy(DEFAULT_CONFIG)
    settings.update(PATH=str(tmp_path), PORTO_JEKYLL_PERMALINK="pretty")
    metadata = {"title": "Rock pools", "date": dt.datetime(2021, 7, 8), **metadata}
    return Article(
        "<p>Anemones.</p>",
        metadata=metadata,
        settings=settings,
        source_path=str(tmp_path / "posts" / "2021-07-08-rock-pools.md"),
    )


def test_apply_permalink_on_articles(tmp_path, caplog):
    from pelican.plugins.porto_permalinks import apply_permalink

    article = _article(tmp_path)
    apply_permalink(article)
    assert (article.url, article.save_as) == (
        "2021/07/08/rock-pools/",
        "2021/07/08/rock-pools/index.html",
    )
    # url/save_as written in the metadata win; drafts keep DRAFT_URL
    article = _article(tmp_path, url="mine/", save_as="mine/index.html")
    apply_permalink(article)
    assert article.url == "mine/"
    article = _article(tmp_path, status="draft")
    apply_permalink(article)
    assert article.url.startswith("drafts/")
    with caplog.at_level(logging.WARNING):
        article = _article(tmp_path, permalink="/pools/:nonsense/:title/")
        apply_permalink(article)
    assert article.url == "pools/:nonsense/rock-pools/"
    assert (
        "posts/2021-07-08-rock-pools.md: permalink /pools/:nonsense/:title/: "
        "unknown placeholder(s) :nonsense kept as written"
    ) in caplog.text
