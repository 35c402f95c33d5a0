"""Values the plugins set for any theme, and the Porto theme reading them.

``article.first_image`` (porto_images) is the URL path of a post's first image,
the social image of a post without an ``image`` of its own; ``.url``
(porto_links) is worked out once per build. Both are read here as a theme sees
them: in the pages Porto writes, and through a template of the user's own
(``THEME_TEMPLATES_OVERRIDES``) that prints them.
"""

from __future__ import annotations

import posixpath
from datetime import datetime

from bs4 import BeautifulSoup
from conftest import FIXTURES, Site
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

PNG = (FIXTURES / "images" / "landscape_40x30.png").read_bytes()
SITEURL = "https://example.org/blog"
ABSOLUTE = {"SITEURL": SITEURL, "RELATIVE_URLS": False}

# A template of the user's own, in place of the theme's empty hook: it prints
# the values as any theme would read them.
PRINT_VALUES = (
    "{% set item = article if article is defined else page|default(none) %}"
    '{% if item %}<p id="values" data-first-image="{{ item.first_image or \'\' }}"'
    ' data-url="{{ item.url }}"></p>{% endif %}\n'
)


def soup(build, relative: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(relative), "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find(
        "meta", attrs={"name": key}
    )
    return tag["content"] if tag else None


def values(page: BeautifulSoup) -> dict[str, str]:
    found = page.find("p", id="values")
    return {"first_image": found["data-first-image"], "url": found["data-url"]}


def with_value_printer(site: Site) -> dict:
    folder = site.root / "overrides"
    folder.mkdir()
    (folder / "extend_footer.html").write_text(PRINT_VALUES, encoding="utf-8")
    return {"THEME_TEMPLATES_OVERRIDES": [str(folder)]}


def post(title: str, date: str, body: str, **extra) -> str:
    lines = ["---", f"title: {title}", f"date: {date}"]
    lines += [f"{key}: {value}" for key, value in extra.items()]
    return "\n".join([*lines, "---", "", body, ""])


def output_file(build, page_path: str, url: str):
    """The file a link written in ``page_path`` opens, for absolute or relative URLs."""
    if url.startswith(SITEURL + "/"):
        path = url.removeprefix(SITEURL + "/")
    else:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), url))
    if path.endswith("/") or path in ("", "."):
        path = posixpath.join(path, "index.html")
    return build.output / path


# ---- first_image ----


def test_first_image_is_the_social_image_of_a_post_without_image(site):
    site.write("images/harbour.png", PNG)
    site.write("images/cover.png", PNG)
    site.write("posts/boat.png", PNG)
    site.write(
        "posts/2020-03-01-harbour.md",
        post(
            "Harbour",
            "2020-03-01",
            # An image inside a comment is no image: a reader never sees it.
            '<!-- <img src="/images/old.png"> -->\n\n'
            "Morning at the harbour.\n\n![Harbour at dusk](/images/harbour.png)\n\n"
            "![A second look](/images/cover.png)",
        ),
    )
    site.write(
        "posts/2020-03-02-own-picture.md",
        post(
            "Own picture",
            "2020-03-02",
            "![Harbour](/images/harbour.png)",
            image="/images/cover.png",
        ),
    )
    site.write(
        "posts/2020-03-03-boat.md",
        post("Boat", "2020-03-03", "![A boat]({attach}boat.png)"),
    )
    site.write("posts/2020-03-04-words.md", post("Words", "2020-03-04", "No picture."))
    site.write(
        "pages/about.md",
        "---\ntitle: About\n---\n\n![Harbour](/images/harbour.png)\n",
    )
    build = site.build(
        **ABSOLUTE,
        **with_value_printer(site),
        STATIC_PATHS=["images", "posts"],
        STATIC_URL="static/{path}",
        STATIC_SAVE_AS="static/{path}",
    )
    assert build.returncode == 0, build.log
    assert build.problems == []

    # The URL the post's own first <img> links to, Pelican's {static} resolved.
    path = "2020/03/harbour/index.html"
    page = soup(build, path)
    harbour = f"{SITEURL}/static/images/harbour.png"
    assert page.find("div", class_="post-content").find("img")["src"] == harbour
    assert output_file(build, path, harbour).is_file()
    assert values(page)["first_image"] == "/static/images/harbour.png"
    assert meta(page, "og:image") == harbour
    assert meta(page, "twitter:card") == "summary_large_image"

    # Front matter wins over the first image.
    page = soup(build, "2020/03/own-picture/index.html")
    assert meta(page, "og:image") == f"{SITEURL}/images/cover.png"
    assert values(page)["first_image"] == "/static/images/harbour.png"

    # {attach} moves the file next to the post: the social image follows it.
    path = "2020/03/boat/index.html"
    page = soup(build, path)
    attached = page.find("div", class_="post-content").find("img")["src"]
    assert attached == f"{SITEURL}/2020/03/boat/boat.png"
    assert meta(page, "og:image") == attached
    assert output_file(build, path, attached).is_file()

    page = soup(build, "2020/03/words/index.html")
    assert values(page)["first_image"] == ""
    assert meta(page, "og:image") is None
    assert meta(page, "twitter:card") == "summary"

    page = soup(build, "about/index.html")
    assert meta(page, "og:image") == harbour


def test_without_the_plugins_there_is_no_first_image_fallback(site):
    site.write("images/harbour.png", PNG)
    site.write(
        "posts/2020-03-01-harbour.md",
        "Title: Harbour\nDate: 2020-03-01\n\n![Harbour]({static}/images/harbour.png)\n",
    )
    build = site.build(PLUGINS=[], **ABSOLUTE, **with_value_printer(site))
    assert build.returncode == 0, build.log
    path = "2020/03/harbour/index.html"
    page = soup(build, path)
    assert page.find("div", class_="post-content").find("img")
    assert values(page) == {"first_image": "", "url": "2020/03/harbour/"}
    assert meta(page, "og:image") is None
    card = soup(build, "index.html").find("h2", class_="card-title").a["href"]
    assert card == f"{SITEURL}/2020/03/harbour/"
    assert output_file(build, "index.html", card).is_file()


# ---- url ----


def post_links(build, relative: str) -> set[str]:
    """Links to the blog's posts on one page (the titles of its cards and lists)."""
    page = soup(build, relative)
    main = page.find("main")
    titles = {"One", "Two", "Three"}
    return {a["href"] for a in main.find_all("a") if a.get_text().strip() in titles}


def test_urls_follow_a_changed_article_url_on_a_cached_rebuild(site):
    for number, (title, day) in enumerate((("One", 1), ("Two", 2), ("Three", 3))):
        site.write(
            f"posts/2020-05-0{day}-{title.lower()}.md",
            post(title, f"2020-05-0{day}", f"Post number {number}.", tags="[harbour]"),
        )
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    first = site.build(**cached)
    assert first.returncode == 0, first.log
    assert any((site.root / "cache").iterdir())
    assert (first.output / "2020/05/two/index.html").is_file()

    build = site.build(
        **cached, ARTICLE_URL="posts/{slug}.html", ARTICLE_SAVE_AS="posts/{slug}.html"
    )
    assert build.returncode == 0, build.log
    assert build.problems == []
    assert not (build.output / "2020").exists()
    # Cards, archives, a tag's list, related posts and older/newer links.
    pages = ("index.html", "archives.html", "tag/harbour/index.html", "posts/two.html")
    for relative in pages:
        links = post_links(build, relative)
        assert links, relative
        for link in links:
            assert "2020" not in link, (relative, link)
            assert output_file(build, relative, link).is_file(), (relative, link)
    nav = soup(build, "posts/two.html").find("nav", class_="post-nav")
    assert [a["href"] for a in nav.find_all("a")] == [
        "../posts/one.html",
        "../posts/three.html",
    ]


def test_a_translation_a_draft_and_a_url_from_front_matter(site):
    site.write("posts/2020-06-01-hello.md", post("Hello", "2020-06-01", "Hello."))
    site.write(
        "posts/2020-06-01-hello-pt.md",
        post("Olá", "2020-06-01", "Olá.", slug="hello", lang="pt"),
    )
    site.write(
        "posts/2020-06-02-only-pt.md", post("Só", "2020-06-02", "Só.", lang="pt")
    )
    site.write(
        "posts/2020-06-03-later.md",
        post("Later", "2020-06-03", "Soon.", status="draft"),
    )
    site.write(
        "pages/contact.md",
        "---\ntitle: Contact\nurl: write-to-me/\nsave_as: write-to-me/index.html\n"
        "---\n\nWrite.\n",
    )
    build = site.build(**ABSOLUTE, **with_value_printer(site))
    assert build.returncode == 0, build.log
    assert build.problems == []

    # The translation lives at ARTICLE_LANG_URL (Pelican's "{slug}-{lang}.html").
    page = soup(build, "hello-pt.html")
    assert page.html["lang"] == "pt"
    assert values(page)["url"] == "hello-pt.html"
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/hello-pt.html"
    assert meta(page, "og:url") == f"{SITEURL}/hello-pt.html"
    original = soup(build, "2020/06/hello/index.html")
    assert meta(original, "og:url") == f"{SITEURL}/2020/06/hello/"

    # A post with no version in the default language is listed, at its lang URL.
    cards = {
        h2.a.get_text(): h2.a["href"]
        for h2 in soup(build, "index.html").find_all("h2", class_="card-title")
    }
    assert cards == {
        "Hello": f"{SITEURL}/2020/06/hello/",
        "Só": f"{SITEURL}/only-pt-pt.html",
    }
    assert output_file(build, "index.html", cards["Só"]).is_file()

    page = soup(build, "drafts/later.html")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/drafts/later.html"

    menu = soup(build, "index.html").find("nav").find("a", string="Contact")
    assert menu["href"] == f"{SITEURL}/write-to-me/"
    assert (build.output / "write-to-me/index.html").is_file()


def test_a_url_fixed_by_an_earlier_build_is_worked_out_again():
    """An object that kept Porto's fixed URL and file (say, from a pickle)
    gets fresh ones."""
    from pelican.plugins import porto_links

    settings = dict(DEFAULT_CONFIG, ARTICLE_URL="{slug}/")
    settings["ARTICLE_SAVE_AS"] = "{slug}/index.html"
    metadata = {"title": "A", "date": datetime(2020, 1, 1), "slug": "a"}
    article = Article("<p>Text.</p>", metadata=metadata, settings=settings)
    porto_links.fix_url(article)
    assert (article.url, article.save_as) == ("a/", "a/index.html")
    settings["ARTICLE_URL"] = "posts/{slug}.html"
    settings["ARTICLE_SAVE_AS"] = "posts/{slug}.html"
    assert (article.url, article.save_as) == ("a/", "a/index.html")  # values now
    porto_links.fix_url(article)
    assert (article.url, article.save_as) == ("posts/a.html", "posts/a.html")

    chosen = Article(
        "<p>Text.</p>",
        metadata={**metadata, "title": "B", "slug": "b", "url": "elsewhere/b/",
                  "save_as": "elsewhere/b/index.html"},
        settings=settings,
    )  # fmt: skip
    porto_links.fix_url(chosen)
    assert (chosen.url, chosen.save_as) == ("elsewhere/b/", "elsewhere/b/index.html")
    settings["ARTICLE_SAVE_AS"] = "{slug}.html"
    # Only the URL was chosen: the file follows the settings at the next build.
    half = Article(
        "<p>Text.</p>",
        metadata={**metadata, "title": "C", "slug": "c", "url": "elsewhere/c/"},
        settings=settings,
    )
    porto_links.fix_url(half)
    assert (half.url, half.save_as) == ("elsewhere/c/", "c.html")
    settings["ARTICLE_SAVE_AS"] = "posts/{slug}/index.html"
    porto_links.fix_url(half)
    assert (half.url, half.save_as) == ("elsewhere/c/", "posts/c/index.html")
