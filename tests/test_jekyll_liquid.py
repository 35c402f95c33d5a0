"""porto_jekyll: Jekyll posts' Liquid and excerpts, checked on built sites.

Two builds of the same fixture folder (``fixtures/jekyll``: one post per
case), each made once for the module: ``published`` as publishconf.py builds
(absolute SITEURL under a sub-path, feeds, Jekyll's first-paragraph
excerpts), ``relative`` as pelicanconf.py builds (relative URLs, Pelican's
own summaries).
"""

from __future__ import annotations

import html
import logging
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FIXTURES, Build, Site

FIXTURE = FIXTURES / "jekyll"
SITEURL = "https://example.org/blog"
# What a raw block shows on purpose, in prose: the only braces readers see.
SHOWN_AS_WRITTEN = "{{ shown_as_written }}"
# Code that shows Liquid on purpose; Pelican's summaries (and so the meta
# descriptions) of the posts without an excerpt carry its text.
SHOWN_IN_CODE = (
    "{{ kept_in_native_code }}",
    "{{ page.title | upcase }}",
    "{% for post in site.posts %}{{ post.title }}{% endfor %}",
)


def _build(root: Path, **settings) -> Build:
    site = Site(root)
    shutil.copytree(FIXTURE, site.content)
    build = site.build(STATIC_PATHS=["assets"], **settings)
    assert build.returncode == 0, build.log
    return build


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Build:
    return _build(
        tmp_path_factory.mktemp("jekyll_published"),
        SITEURL=SITEURL,
        RELATIVE_URLS=False,
        FEED_ALL_ATOM="feeds/all.atom.xml",
        FEED_ALL_RSS="feeds/all.rss.xml",
        PORTO_JEKYLL_EXCERPT_SEPARATOR="\n\n",
        PORTO_JEKYLL_SITE={"twitter_username": "portowalker", "url": "https://x.test"},
    )


@pytest.fixture(scope="module")
def relative(tmp_path_factory) -> Build:
    return _build(tmp_path_factory.mktemp("jekyll_relative"))


def soup(build: Build, relative: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(relative), "html.parser")


def post(build: Build, slug: str) -> BeautifulSoup:
    content = soup(build, f"2021/03/{slug}/index.html").select_one(".post-content")
    assert content is not None, slug
    return content


def text(element) -> str:
    return " ".join(element.get_text(" ").split())


def card_excerpt(build: Build, title: str) -> str:
    for page in sorted(build.output.glob("index*.html")):
        for card in soup(build, page.name).select(".post-card"):
            if title in text(card):
                excerpt = card.select_one(".excerpt")
                return text(excerpt) if excerpt else ""
    raise AssertionError(f"no card for {title!r}")


# -- site.url, site.baseurl, relative_url, absolute_url ------------------------


@pytest.mark.parametrize(
    ("build_name", "prefix"),
    [("published", f"{SITEURL}/"), ("relative", "../../../")],
)
def test_site_url_paths_become_copied_site_files(build_name, prefix, request):
    build = request.getfixturevalue(build_name)
    content = post(build, "site-url-paths")
    assert content.img["src"] == f"{prefix}assets/tram-at-dusk.png"
    links = [a["href"] for a in content.find_all("a")]
    assert links[:3] == [
        f"{prefix}assets/harbour-gulls.png",
        f"{prefix}assets/ribeira-roofs.png",
        f"{prefix}assets/bridge-from-below.png",
    ]
    for name in ("tram-at-dusk", "harbour-gulls", "ribeira-roofs", "bridge-from-below"):
        assert (build.output / "assets" / f"{name}.png").is_file()


def test_relative_url_of_a_page_path_goes_under_the_sub_path(published):
    link = post(published, "site-url-paths").find("a", string="this address")
    assert link["href"] == f"{SITEURL}/about/"


# -- highlight -----------------------------------------------------------------


def test_highlight_writes_what_a_fenced_block_writes(published):
    blocks = post(published, "highlight-block").select("div.highlight")
    assert len(blocks) == 3
    tag_version, fenced_version = str(blocks[0]), str(blocks[1])
    assert "greet" in tag_version
    assert tag_version == fenced_version


def test_highlight_linenos_numbers_the_lines(published):
    table = post(published, "highlight-block").select_one("table.highlighttable")
    assert table is not None
    assert text(table.select_one(".linenos")) == "1 2"
    assert '"two"' in table.select_one("td.code").get_text()


# -- post_url and link -----------------------------------------------------------


def test_post_url_and_link_point_at_the_posts(published):
    links = post(published, "post-url-and-link").find_all("a")
    assert [a["href"] for a in links[:3]] == [
        f"{SITEURL}/2021/03/highlight-block/",
        f"{SITEURL}/2021/03/site-url-paths/",
        f"{SITEURL}/about/",
    ]


def test_a_missing_post_url_target_is_one_warning_naming_the_post(published):
    found = [p for p in published.problems if "ghost-post" in p]
    assert len(found) == 1
    assert found[0].startswith("WARNING posts/2021-03-03-post-url-and-link.md:")
    assert "line 8" in found[0]
    assert "a post that never existed" in text(post(published, "post-url-and-link"))


# -- the engine's own tags ---------------------------------------------------------


def test_capture_assign_if_and_for(published):
    content = post(published, "capture-assign-if-for")
    assert text(content.find("strong")) == "Trindade"
    assert "Bring a hat." in text(content)
    assert "umbrella" not in text(content)
    stops = [text(li) for li in content.select("li")]
    assert stops == ["stop 1: Trindade", "stop 2: Bolhão", "stop 3: Aliados"]


def test_raw_keeps_liquid_as_written_in_prose_and_code(published):
    content = post(published, "raw-blocks")
    assert SHOWN_AS_WRITTEN in text(content.find("p"))
    code = content.select_one("pre").get_text()
    assert code.strip() == "{% for post in site.posts %}{{ post.title }}{% endfor %}"


# -- includes ------------------------------------------------------------------------


def test_include_figure_is_portos_figure(published):
    content = post(published, "include-figure")
    figure = content.find("figure")
    assert figure.parent is content
    img = figure.find("img")
    assert img["src"] == f"{SITEURL}/assets/ribeira-roofs.png"
    assert img["alt"] == "Orange roofs by the river"
    caption = figure.find("figcaption")
    assert text(caption) == "Roofs of the Ribeira , from the bridge."
    assert text(caption.find("em")) == "Ribeira"
    assert [text(p) for p in content.find_all("p")] == [
        "Before the figure.",
        "After the figure.",
    ]


def test_include_gallery_shows_the_page_gallery(published):
    gallery = post(published, "include-gallery").select_one("figure.gallery")
    images = gallery.find_all("img")
    assert [img["alt"] for img in images] == [
        "A yellow tram at dusk",
        "Gulls over the harbour",
    ]
    assert images[0].parent.name == "a"
    assert images[0].parent["href"] == f"{SITEURL}/assets/tram-at-dusk.png"
    assert images[1]["src"] == f"{SITEURL}/assets/harbour-gulls.png"
    assert text(gallery.figcaption.em) == "two"


def test_video_includes_are_private_lazy_frames_with_a_link(published):
    content = post(published, "include-videos")
    frames = content.find_all("iframe")
    assert [f["src"] for f in frames] == [
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://player.vimeo.com/video/76979871?dnt=1",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://player.vimeo.com/video/76979871?dnt=1",
    ]
    for frame in frames:
        assert frame["loading"] == "lazy"
        assert frame["title"].strip()
    links = [f.find_parent("figure").figcaption.a["href"] for f in frames]
    assert (
        links
        == [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://vimeo.com/76979871",
        ]
        * 2
    )


def test_notices_keep_their_classes_and_markdown(published):
    content = post(published, "notices")
    assert text(content.select_one("div.notice--warning strong")) == "steep"
    assert text(content.select_one("p.notice")) == "This paragraph is a plain notice."
    info = content.select_one("div.notice--info")
    assert text(info.strong) == "every ten minutes"
    assert not info.has_attr("markdown")
    assert text(content.select_one("div.notice--success em")) == "Andante"


def test_theme_styles_notices_with_its_colours():
    css = (Path(__file__).parents[1] / "theme/static/css/porto.css").read_text()
    rule = re.search(r'\[class\^="notice"\]\s*\{([^}]*)\}', css)
    assert rule and "var(--code-bg)" in rule[1]
    for kind in ("info", "success", "warning", "danger"):
        assert f".notice--{kind} {{ --note:" in css


def test_own_includes_folder_with_parameters(published):
    cards = [
        text(a) for a in post(published, "own-include").select("aside.recipe-card")
    ]
    assert cards == ["Francesinha serves 4 (very filling)", "Caldo verde serves 2"]


# -- filters -------------------------------------------------------------------------

FILTERS = {
    "date_to_string": "10 Mar 2021",
    "date_to_string ordinal US": "Mar 10th, 2021",
    "date_to_long_string": "10 March 2021",
    "date_to_xmlschema": "2021-03-10T14:05:09+01:00",
    "date_to_rfc822": "Wed, 10 Mar 2021 14:05:09 +0100",
    "xml_escape": "Tom & Jerry <3",
    "cgi_escape": "a+b%26c%3Dd",
    "uri_escape": "/a%20path/%C3%A9?x=1",
    "slugify": "the-café-by-the-douro",
    "slugify pretty": "ponte-d.-luís-i",
    "jsonify": '["porto", "trams", "food"]',
    "number_of_words": "7",
    "where": "Majestic+Guarany",
    "where_exp": "Majestic+Bolhão",
    "group_by": "cafe=2 market=1",
    "sort": "Guarany+Bolhão+Majestic",
    "array_to_sentence_string": "porto, trams, and food",
    "normalize_whitespace": "[lots of space]",
    "smartify": "plain text",
    "markdownify": "leaning",
    "title": "Filters & Friends",
    "site title": "Porto",
    "site extra": "portowalker",
}


def test_jekyll_filters(published):
    found = {}
    for item in post(published, "filters").select("li"):
        name, _, value = text(item).partition(":")
        found[name.strip()] = value.strip()
    assert found == FILTERS


# -- escaping, switches, native posts --------------------------------------------


def test_front_matter_printed_with_liquid_is_text(published):
    content = post(published, "title-from-front-matter")
    assert content.find("script") is None
    assert "Fish <script>alert(1)</script> & chips" in text(content)


def test_render_with_liquid_false_leaves_the_post_alone(published):
    code = post(published, "liquid-switched-off").select_one("pre").get_text()
    assert code.strip() == "{{ page.title | upcase }}"


def test_native_pelican_post_is_not_liquid(published):
    code = post(published, "native-pelican-post").select_one("pre").get_text()
    assert code.strip() == "{{ kept_in_native_code }}"


# -- what Porto cannot render --------------------------------------------------------


def test_broken_liquid_one_warning_and_the_text_kept(published):
    found = [p for p in published.problems if "broken-liquid" in p]
    assert len(found) == 1
    assert found[0].startswith("WARNING posts/2021-03-12-broken-liquid.md:")
    assert "line 6" in found[0] and "'tweet'" in found[0]
    assert "line 8" in found[0] and "no-such-include.html" in found[0]
    assert "line 12" in found[0] and "broken-card.html" in found[0]
    paragraphs = [text(p) for p in post(published, "broken-liquid").find_all("p")]
    assert paragraphs == [
        "The first paragraph survives.",
        "Here comes an unknown tag, and the sentence goes on.",
        "The last paragraph survives too.",
        "An include of your own that breaks: and BROKEN LIQUID still renders.",
    ]


def test_no_other_warnings(published):
    others = [
        p
        for p in published.problems
        if "broken-liquid" not in p and "ghost-post" not in p
    ]
    assert others == []


def _outside_code(markup: str) -> str:
    page = BeautifulSoup(markup, "html.parser")
    for element in page.find_all(["pre", "code"]):
        element.decompose()
    rest = str(page)
    for shown in (SHOWN_AS_WRITTEN, *SHOWN_IN_CODE):
        rest = rest.replace(shown, "")
    return rest


@pytest.mark.parametrize("build_name", ["published", "relative"])
def test_no_liquid_outside_code_in_pages_feeds_and_meta(build_name, request):
    build = request.getfixturevalue(build_name)
    files = sorted(build.output.rglob("*.html")) + sorted(build.output.rglob("*.xml"))
    assert len(files) > 20
    for path in files:
        markup = path.read_text(encoding="utf-8")
        if path.name == "sitemap.xml":  # URLs and dates only
            rest = markup
        elif path.suffix == ".xml":  # each entry's fields hold escaped HTML
            feed = BeautifulSoup(markup, "xml")
            fields = feed.find_all(["title", "summary", "content", "description"])
            assert fields, path
            rest = "".join(_outside_code(field.get_text()) for field in fields)
        else:
            rest = _outside_code(markup)
        assert "{{" not in rest and "{%" not in rest, path
        assert "porto-jekyll-excerpt" not in markup, path


# -- excerpts ------------------------------------------------------------------------


def test_excerpt_is_the_first_paragraph_with_jekyll_separator(published):
    assert (
        card_excerpt(published, "Excerpt first paragraph")
        == "Only this opening paragraph is the excerpt."
    )
    page = soup(published, "2021/03/excerpt-first-paragraph/index.html")
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert (
        " ".join(description.split()) == "Only this opening paragraph is the excerpt."
    )
    assert "This second paragraph" in text(page.select_one(".post-content"))


def test_excerpt_more_and_a_posts_own_separator(published, relative):
    for build in (published, relative):
        more = card_excerpt(build, "Excerpt more")
        assert more == "The teaser runs over one paragraph and a second one."
    own = card_excerpt(published, "Excerpt own separator")
    assert own == "Up to the cut, with a reference link . Still before the cut."
    card = next(
        c
        for c in soup(published, "index.html").select(".post-card")
        if "Excerpt own separator" in text(c)
    )
    assert card.select_one(".excerpt a")["href"] == "https://example.org/douro"
    assert "After the cut." in text(post(published, "excerpt-own-separator"))


def test_front_matter_excerpt_wins(published):
    assert (
        card_excerpt(published, "Excerpt front matter")
        == "The front matter’s own excerpt wins."
    )


def test_excerpt_carries_rendered_liquid_and_resolved_links(published):
    card = next(
        c
        for c in soup(published, "index.html").select(".post-card")
        if "Liquid in excerpt" in text(c)
    )
    assert text(card.select_one(".excerpt")) == "Welcome to Porto, see the roofs ."
    link = card.select_one(".excerpt a")
    assert link["href"] == f"{SITEURL}/assets/ribeira-roofs.png"
    feed = published.html("feeds/all.atom.xml")
    assert "Welcome to Porto, see the" in html.unescape(feed)


def test_without_a_separator_setting_summaries_stay_pelicans(relative):
    # No PORTO_JEKYLL_EXCERPT_SEPARATOR: Pelican's summary (the first words of
    # the post) as before porto_jekyll, so existing sites do not change.
    assert card_excerpt(relative, "Excerpt first paragraph") == (
        "Only this opening paragraph is the excerpt. "
        "This second paragraph is not in the excerpt."
    )


# -- without a build -------------------------------------------------------------------


def test_a_post_without_liquid_never_reaches_the_engine(monkeypatch):
    from pelican.plugins import porto_jekyll
    from pelican.plugins.porto_frontmatter.preprocess import Post

    def fail(settings):
        raise AssertionError("the engine was asked")

    monkeypatch.setattr(porto_jekyll, "environment", fail)
    body = "Plain text, {braces} and % signs, no Liquid.\n"
    post = Post("posts/x.md", "posts/x.md", {}, {"title": "x"})
    assert porto_jekyll.render_body(body, post) == body


def test_liquid_off_for_the_site(monkeypatch):
    from pelican.plugins import porto_jekyll
    from pelican.plugins.porto_frontmatter.preprocess import Post

    body = "Hello {{ site.title }}\n"
    settings = {"PORTO_JEKYLL_LIQUID": False, "SITENAME": "Porto"}
    post = Post("posts/x.md", "posts/x.md", settings, {"title": "x"})
    assert porto_jekyll.render_body(body, post) == body
    settings["PORTO_JEKYLL_LIQUID"] = True
    assert porto_jekyll.render_body(body, post) == "Hello Porto\n"


def test_body_steps_only_for_plugins_in_the_build():
    from pelican.plugins import porto_jekyll  # noqa: F401 - registers its step
    from pelican.plugins.porto_frontmatter.preprocess import enabled_body_steps

    porto_jekyll.register()
    assert enabled_body_steps({"PLUGINS": ["porto_frontmatter"]}) == []
    steps = enabled_body_steps({"PLUGINS": ["porto_frontmatter", "porto_jekyll"]})
    assert [s.name for s in steps] == ["jekyll"]


def test_unusable_settings_warn_and_fall_back(caplog):
    from pelican.plugins import porto_jekyll
    from pelican.plugins.porto_pipeline.settings import check_settings

    settings = {
        "PORTO_JEKYLL_LIQUID": "yes",
        "PORTO_JEKYLL_SITE": ["not", "a", "dict"],
        "PORTO_JEKYLL_EXCERPT_SEPARATOR": 3,
    }
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_jekyll", porto_jekyll.SETTINGS)
    assert settings["PORTO_JEKYLL_LIQUID"] is True
    assert settings["PORTO_JEKYLL_SITE"] == {}
    assert settings["PORTO_JEKYLL_EXCERPT_SEPARATOR"] is None
    assert settings["PORTO_JEKYLL_INCLUDES_PATH"] == "_includes"
    assert len(caplog.records) == 3


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{{ xs | where_exp: "x", "x.n > 1" | map: "k" | join: "," }}', "b,c"),
        ('{% assign f = xs | find_exp: "x", "x.n == 2" %}{{ f.k }}', "b"),
        (
            '{% assign g = xs | group_by_exp: "x", "x.n | modulo: 2" %}'
            "{% for i in g %}{{ i.name }}:{{ i.size }};{% endfor %}",
            "1:2;0:1;",
        ),
        # only b has an m: the others are nil, first unless "last"
        ('{{ xs | sort: "m" | map: "k" | join: "," }}', "a,c,b"),
        ('{{ xs | sort: "m", "last" | map: "k" | join: "," }}', "b,a,c"),
        ('{{ "a" | push: "b" | join: "," }}', "a,b"),
        ('{{ xs | map: "k" | pop | unshift: "z" | join: "," }}', "z,a,b"),
        ('{{ xs | map: "k" | shift | join: "," }}', "b,c"),
        ('{{ xs | map: "k" | sample }}', "a"),
        ("{{ xs[0] | inspect }}", '{"k": "a", "n": 1}'),
        ('{{ "2021-07-02" | date_to_string: "ordinal" }}', "2nd Jul 2021"),
        ('{{ "Ação & Reação" | slugify: "latin" }}', "acao-reacao"),
        ('{{ "a b" | slugify: "raw" }}', "a-b"),
    ],
)
def test_more_filters_without_a_build(source, expected):
    from pelican.plugins.porto_jekyll.engine import JekyllEnvironment

    env = JekyllEnvironment({"PATH": str(FIXTURE)})
    xs = [{"k": "a", "n": 1}, {"k": "b", "n": 2, "m": 1}, {"k": "c", "n": 3}]
    assert html.unescape(env.from_string(source).render(xs=xs)) == expected


def test_an_unclosed_block_is_dropped_and_its_line_reported():
    from pelican.plugins.porto_jekyll.engine import JekyllEnvironment

    env = JekyllEnvironment({"PATH": str(FIXTURE)})
    body = "One.\n\n{% if page.x %}\nTwo {{ page.y }}.\n"
    out, problems = env.render_post(body, {"y": "why"}, "posts/x.md", 5)
    assert out == "One.\n\n\nTwo why.\n"
    assert [(p.line, "endif" in p.what) for p in problems] == [(7, True)]


def test_pages_with_front_matter_render_liquid_too(published):
    page = soup(published, "about/index.html")
    assert "A page about Porto." in text(page.select_one("main"))
