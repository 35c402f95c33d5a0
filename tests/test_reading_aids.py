"""Reading aids and theme fixes, read from the HTML real Pelican builds write.

Table of contents, heading anchors, footnotes, admonitions and notices, code
labels and the copy button's script (porto_reading_aids and the theme), the
hero image (porto_images), "Page 2 of 5" titles and text-only titles.
The copy button itself, the sticky contents and the header row are checked in
Chromium (tests/browser/test_reading_aids.py).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import types

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SAMPLE_PLUGINS, Site
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_images import note_image_size
from pelican.plugins.porto_pipeline.core import Document
from pelican.plugins.porto_pipeline.settings import check_settings
from pelican.plugins.porto_reading_aids import (
    SETTINGS,
    LabelledCodeFormatter,
    anchor_label,
    keep_code_languages,
    label_code,
    mark_headings,
)

SOURDOUGH = "2022/03/sourdough/index.html"
PLAIN = "2022/03/plain-notes/index.html"
SHORT = "2022/03/short-one/index.html"
TEASER = "2022/03/with-a-teaser/index.html"
INLINE = "2022/03/picture-inside/index.html"
SUNSET = REPO / "content" / "images" / "porto_sunset.jpeg"
SMALL = REPO / "tests" / "fixtures" / "images" / "landscape_40x30.png"
MARKERS = "\xa0"


def write_site(site: Site) -> None:
    site.copy_fixture("reading_aids_post.md", "posts/2022-03-05-sourdough.md")
    site.write("images/porto_sunset.jpeg", SUNSET.read_bytes())
    site.write("images/small.png", SMALL.read_bytes())
    site.write(
        "posts/2022-03-04-plain-notes.md",
        "---\ntitle: Plain notes\ntags: [baking]\n---\n\n"
        "## First part\n\nSome words.\n\n## 부산 여행\n\nMore words.\n\n"
        "## Main\n\nA heading named like the page's main landmark.\n",
    )
    site.write(
        "posts/2022-03-03-short-one.md",
        "---\ntitle: Short one\ntags: [baking]\ntoc: true\n---\n\n"
        "## Only section\n\nOne heading is not worth a contents list.\n",
    )
    site.write(
        "posts/2022-03-02-with-a-teaser.md",
        "---\ntitle: With a teaser\ntags: [baking]\nheader:\n"
        "  image: /images/porto_sunset.jpeg\n  teaser: /images/small.png\n"
        "  image_description: The river at sunset\n---\n\nText.\n",
    )
    site.write(
        "posts/2022-03-01-picture-inside.md",
        "---\ntitle: Picture inside\ntags: [baking]\n"
        "image: images/porto_sunset.jpeg\n---\n\n"
        "![The sunset](/images/porto_sunset.jpeg)\n",
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("reading-aids"))
    write_site(site)
    build = site.build(DEFAULT_PAGINATION=1)
    assert build.returncode == 0, build.log
    return build


def soup(build, relative: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(relative), "html.parser")


def toc_links(page: BeautifulSoup) -> list[str]:
    nav = page.find("nav", class_="toc")
    return [a["href"] for a in nav.find_all("a")] if nav else []


def test_build_is_clean(built):
    # the teaser (small.png) is the card's picture, the header image the hero's
    assert built.problems == []


# ---- Table of contents ----


def test_toc_lists_the_headings_and_links_them(built):
    page = soup(built, SOURDOUGH)
    nav = page.find("nav", class_="toc")
    assert nav is not None
    assert nav["aria-labelledby"] == "toc-title"
    assert page.find(id="toc-title").get_text() == "Contents"
    assert toc_links(page) == [
        "#feeding-the-starter",
        "#which-flour",
        "#shaping-the-loaf",
        "#a-short-rest",
        "#feeding-the-starter_1",
    ]
    content = page.find("div", class_="post-content")
    for link in nav.find_all("a"):
        target = content.find(id=link["href"][1:])
        assert target is not None and target.name in {"h2", "h3", "h4"}, link
        assert link.get_text() == " ".join(target.get_text().split())
    # the contents come before the text, outside it (feeds and search skip it)
    assert nav.find_next("div", class_="post-content") is content


def test_toc_nests_without_skipping_levels(built):
    nav = soup(built, SOURDOUGH).find("nav", class_="toc")
    top = nav.find("ol").find_all("li", recursive=False)
    assert [li.a["href"] for li in top] == [
        "#feeding-the-starter",
        "#shaping-the-loaf",
        "#feeding-the-starter_1",
    ]
    # each h3 under its h2 (a skipped level: see the unit test below)
    assert [a["href"] for a in top[0].ol.find_all("a")] == ["#which-flour"]
    assert [a["href"] for a in top[1].ol.find_all("a")] == ["#a-short-rest"]
    assert top[1].ol.find("ol") is None


def test_no_toc_unless_asked_for(built):
    page = soup(built, PLAIN)
    assert page.find("nav", class_="toc") is None
    assert page.find(id="toc-title") is None
    # the headings still get ids and anchors
    assert [h["id"] for h in page.select(".post-content h2")] == [
        "first-part",
        "부산-여행",
        "main_1",
    ]


def test_one_heading_is_not_enough_for_a_toc(built):
    assert soup(built, SHORT).find("nav", class_="toc") is None


def test_site_setting_and_front_matter_false(tmp_path):
    site = Site(tmp_path)
    site.write(
        "posts/2022-01-01-on.md",
        "---\ntitle: On\n---\n\n## One\n\nA.\n\n## Two\n\nB.\n",
    )
    site.write(
        "posts/2022-01-02-off.md",
        "---\ntitle: Off\ntoc: false\n---\n\n## One\n\nA.\n\n## Two\n\nB.\n",
    )
    build = site.build(
        PORTO_READING_AIDS_TOC=True, PORTO_READING_AIDS_TOC_MIN_HEADINGS=2
    )
    assert build.returncode == 0, build.log
    assert toc_links(soup(build, "2022/01/on/index.html")) == ["#one", "#two"]
    assert toc_links(soup(build, "2022/01/off/index.html")) == []


def test_bad_setting_warns_and_falls_back(tmp_path):
    site = Site(tmp_path)
    site.write("posts/2022-01-01-a.md", "---\ntitle: A\n---\n\n## One\n\nA.\n")
    build = site.build(PORTO_READING_AIDS_TOC="yes")
    assert build.returncode == 0, build.log
    assert (
        "WARNING porto_reading_aids: PORTO_READING_AIDS_TOC = 'yes' is not True "
        "or False; using the default False"
    ) in build.problems
    assert toc_links(soup(build, "2022/01/a/index.html")) == []


def test_theme_without_the_plugin_shows_no_toc(tmp_path):
    site = Site(tmp_path)
    site.copy_fixture("reading_aids_post.md", "posts/2022-03-05-sourdough.md")
    site.write("images/porto_sunset.jpeg", SUNSET.read_bytes())
    plugins = [p for p in SAMPLE_PLUGINS if not p.endswith("porto_reading_aids")]
    build = site.build(PLUGINS=plugins)
    assert build.returncode == 0, build.log
    page = soup(build, SOURDOUGH)
    assert page.find("nav", class_="toc") is None
    assert page.select(".post-content .anchor") == []
    # the hero still shows (porto_images is loaded)
    assert page.find("img", class_="hero")["width"] == "960"


# ---- Anchors, footnotes, admonitions, code ----


def test_every_heading_has_a_unique_id_and_an_anchor(built):
    for path in (SOURDOUGH, PLAIN):
        page = soup(built, path)
        ids = [tag["id"] for tag in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), path
        headings = page.select(".post-content :is(h2, h3, h4)")
        assert headings
        for heading in headings:
            anchors = heading.find_all("a", class_="anchor")
            assert len(anchors) == 1, heading
            anchor = anchors[0]
            assert anchor["href"] == "#" + heading["id"]
            assert anchor["aria-label"] == "Link to this section"
            # drawn by the stylesheet: no "#" in summaries, feeds or search
            assert anchor.get_text() == ""
    css = (REPO / "theme/static/css/porto.css").read_text(encoding="utf-8")
    assert re.search(r'\.anchor::before\s*\{\s*content:\s*"#"', css)


def test_description_has_no_anchor_text(built):
    page = soup(built, PLAIN)
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert "#" not in description and "First part" in description


def test_footnotes_admonitions_and_notices_are_styled(built):
    page = soup(built, SOURDOUGH)
    assert page.select_one('sup#fnref\\:flour a.footnote-ref[href="#fn:flour"]')
    assert page.select_one("div.footnote li#fn\\:flour a.footnote-backref")
    note = page.select_one("div.admonition.note")
    assert note.select_one("p.admonition-title").get_text() == "Keep it\xa0warm"
    assert page.select_one("div.notice--warning strong").get_text() == "Mind the lid."
    css = (REPO / "theme/static/css/porto.css").read_text(encoding="utf-8")
    for selector in (
        ".footnote ", ".footnote-backref", ".footnote-ref", ".admonition-title",
        ".admonition.warning", ".admonition.danger", ".admonition.tip",
        ".notice ", ".notice--primary", ".notice--info", ".notice--warning",
        ".notice--success", ".notice--danger",
    ):  # fmt: skip
        assert selector in css, selector


def test_code_blocks_carry_their_language(built):
    page = soup(built, SOURDOUGH)
    blocks = page.select(".post-content pre")
    assert [pre.get("data-lang") for pre in blocks] == ["python", None]
    # highlighted by Pygments all the same
    assert blocks[0].select_one("code.language-python span.k").get_text() == "def"


def test_copy_script_only_on_pages_with_code(built):
    script = soup(built, SOURDOUGH).find("script", src=re.compile(r"js/copy\.js"))
    assert script is not None and script.has_attr("defer")
    assert (script["data-copy"], script["data-copied"]) == ("Copy", "Copied")
    assert re.search(r"\?v=[0-9a-f]{8}$", script["src"])
    assert (built.output / "theme/js/copy.js").is_file()
    assert soup(built, PLAIN).find("script", src=re.compile("copy")) is None


# ---- Titles ----


def test_titles_are_text_only(built):
    page = soup(built, SOURDOUGH)
    expected = "Sourdough for “Busy” People"
    # typography is on: the visible title has widont's no-break space
    assert page.h1.get_text() == "Sourdough for “Busy”\xa0People"
    assert page.title.get_text() == f"{expected} · Porto"
    assert page.find("meta", property="og:title")["content"] == expected
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["headline"] == expected
    head = built.html(SOURDOUGH).split("</head>")[0]
    assert "&nbsp;" not in head and MARKERS not in head


def test_later_pages_say_page_n_of_m(built):
    lists = {
        "index": ("index{}.html", "Posts"),
        "tag": ("tag/baking/index{}.html", "Posts tagged “baking”"),
        "category": ("category/blog/index{}.html", "Posts in “Blog”"),
        "author": ("author/porto-blogger/index{}.html", "Posts by Porto Blogger"),
    }
    for name, (pattern, heading) in lists.items():
        titles = []
        for number in range(1, 6):
            page = soup(built, pattern.format("" if number == 1 else number))
            titles.append(page.title.get_text())
            if number == 2:
                assert page.h1.get_text() == f"{heading} · Page 2 of 5", name
                assert page.title.get_text() == f"{heading} · Page 2 of 5 · Porto"
                og = page.find("meta", property="og:title")["content"]
                assert og == f"{heading} · Page 2 of 5", name
        assert "Page" not in titles[0], name
        assert len(set(titles)) == 5, titles


# ---- Hero image ----


def test_hero_image_has_its_size_and_alt(built):
    hero = soup(built, SOURDOUGH).find("img", class_="hero")
    assert hero["src"].endswith("images/porto_sunset.jpeg")
    assert (hero["width"], hero["height"]) == ("960", "600")
    assert hero["alt"] == "Bread cooling by a window at dusk"
    assert not hero.has_attr("loading")


def test_hero_is_the_header_image_not_the_teaser(built):
    hero = soup(built, TEASER).find("img", class_="hero")
    assert hero["src"].endswith("images/porto_sunset.jpeg")
    assert (hero["width"], hero["height"]) == ("960", "600")
    assert hero["alt"] == "The river at sunset"


def test_no_hero_when_the_post_shows_the_picture_itself(built):
    page = soup(built, INLINE)
    assert page.find("img", class_="hero") is None
    assert len(page.select(".post-content img")) == 1


def test_hero_from_another_site_is_not_shown_twice():
    hero = "https://example.org/sea.jpg"
    doc = Document(metadata={"image": hero})
    transform = porto_pipeline.Transform("image_size", note_image_size, "measure", "x")
    porto_pipeline.run_transforms(
        f'<p><img src="{hero}" alt=""></p>', [transform], {}, doc
    )
    assert doc.data == {"hero_image": hero, "image_in_content": True}
    doc = Document(metadata={"image": hero})
    porto_pipeline.run_transforms("<p>No picture.</p>", [transform], {}, doc)
    assert doc.data == {"hero_image": hero}


def test_article_with_toc_and_code_stays_within_the_budget(built):
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.lighthouse import GZIP_BUDGET, gzip_sizes

    sizes = gzip_sizes(built.output, "/" + SOURDOUGH.removesuffix("index.html"))
    assert [name for name, _, _ in sizes] == [
        SOURDOUGH,
        "theme/css/porto.css",
        "theme/js/copy.js",
    ]
    assert sum(gz for _, _, gz in sizes) <= GZIP_BUDGET == 10 * 1024
    assert len(gzip.compress((REPO / "theme/static/js/copy.js").read_bytes())) < 1024


# ---- The transforms on their own ----


def run(html: str, metadata: dict | None = None, **settings) -> tuple[str, Document]:
    doc = Document(metadata=metadata or {})
    transforms = [
        porto_pipeline.Transform("code_labels", label_code, "decorate", "x"),
        porto_pipeline.Transform("headings", mark_headings, "decorate", "x"),
    ]
    values = {name: spec.default for name, spec in SETTINGS.items()}
    return porto_pipeline.run_transforms(
        html, transforms, {**values, **settings}, doc
    ), doc


def test_ids_written_by_the_author_are_kept_and_never_repeated():
    html, doc = run(
        '<h2 id="intro">Intro</h2><p id="intro-1">x</p><h2>Intro 1</h2>'
        "<h3>Main</h3><h2><em>Café</em> &amp; <code>code()</code></h2>",
        {"toc": "yes"},
    )
    ids = re.findall(r'<h\d id="([^"]+)"', html)
    assert ids == ["intro", "intro-1_1", "main_1", "cafe-code"]
    assert [(e.level, e.text, e.depth) for e in doc.data["toc"]] == [
        (2, "Intro", 1),
        (2, "Intro 1", 1),
        (3, "Main", 2),
        (2, "Café & code()", 1),
    ]


def test_a_skipped_level_nests_one_step():
    _, doc = run("<h2>A</h2><h4>B</h4><h3>C</h3><h2>D</h2><h4>E</h4>", {"toc": True})
    assert [(e.text, e.depth) for e in doc.data["toc"]] == [
        ("A", 1),
        ("B", 2),
        ("C", 2),
        ("D", 1),
        ("E", 2),
    ]


def test_heading_with_its_own_permalink_gets_no_second_one():
    html, _ = run('<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2><h2>B</h2>')
    assert html.count('class="anchor"') == 1
    assert '<h2 id="b">B<a class="anchor" href="#b"' in html


def test_anchors_can_be_turned_off_and_relabelled():
    html, _ = run("<h2>A</h2>", PORTO_READING_AIDS_ANCHORS=False)
    assert html == '<h2 id="a">A</h2>'
    html, _ = run(
        "<h2>A</h2>", PORTO_READING_AIDS_ANCHOR_LABEL="Lien vers cette section"
    )
    assert 'aria-label="Lien vers cette section"' in html


def checked(**settings) -> dict:
    """Settings as porto_reading_aids' start-up check leaves them."""
    check_settings(settings, "porto_reading_aids", SETTINGS)
    return settings


def test_anchor_label_by_language():
    labels = {"fr": "Lien vers cette section", "pt_BR": "Link para esta seção"}
    settings = checked(PORTO_READING_AIDS_ANCHOR_LABEL=labels, DEFAULT_LANG="fr")
    doc = Document(lang="pt-BR")
    transform = porto_pipeline.Transform("headings", mark_headings, "decorate", "x")
    html = porto_pipeline.run_transforms("<h2>A</h2>", [transform], settings, doc)
    assert 'aria-label="Link para esta seção"' in html
    assert anchor_label(settings, "fr-CA") == "Lien vers cette section"
    assert anchor_label(settings, "de") == "Lien vers cette section"  # DEFAULT_LANG
    other = checked(PORTO_READING_AIDS_ANCHOR_LABEL={"fr": "x"}, DEFAULT_LANG="en")
    # no entry of the site's: Porto's own label in the post's language
    assert anchor_label(other, "ko") == "이 섹션으로 가는 링크"
    assert anchor_label(other, "eo") == "Link to this section"


def test_anchor_label_defaults_follow_the_theme_languages():
    settings = checked(DEFAULT_LANG="en")
    assert anchor_label(settings, "fr") == "Lien vers cette section"
    assert anchor_label(settings, "pt-BR") == "Link para esta seção"
    assert anchor_label(settings, "ar") == "رابط إلى هذا القسم"
    assert anchor_label(settings, "zh-CN") == "本节链接"
    # Traditional Chinese is not among the theme's languages
    assert anchor_label(settings, "zh-TW") == "Link to this section"
    assert anchor_label(settings, "en") == "Link to this section"
    transform = porto_pipeline.Transform("headings", mark_headings, "decorate", "x")
    html = porto_pipeline.run_transforms(
        "<h2>A</h2>", [transform], settings, Document(lang="de")
    )
    assert 'aria-label="Link zu diesem Abschnitt"' in html


def test_code_language_from_fenced_or_plain_markup():
    html, _ = run(
        '<pre><code class="language-js">a</code></pre>'
        '<pre class="lang-sh">b</pre>'
        '<pre data-lang="own"><code class="language-c">c</code></pre>'
        '<pre><code class="language-plaintext">d</code></pre><pre>e</pre>'
    )
    assert re.findall(r"<pre[^>]*>", html) == [
        '<pre data-lang="js">',
        '<pre class="lang-sh" data-lang="sh">',
        '<pre data-lang="own">',
        "<pre>",
        "<pre>",
    ]


def test_codehilite_gets_a_formatter_that_keeps_the_language():
    from pelican.settings import DEFAULT_CONFIG

    before = json.dumps(DEFAULT_CONFIG["MARKDOWN"], default=str, sort_keys=True)
    settings = {
        "MARKDOWN": DEFAULT_CONFIG["MARKDOWN"],
        "PORTO_READING_AIDS_CODE_LABELS": True,
    }
    keep_code_languages(types.SimpleNamespace(settings=settings))
    config = settings["MARKDOWN"]["extension_configs"]["markdown.extensions.codehilite"]
    assert config["pygments_formatter"] is LabelledCodeFormatter
    assert config["guess_lang"] is False and config["css_class"] == "highlight"
    # Pelican's own default, shared by every build in the process, is untouched
    assert json.dumps(DEFAULT_CONFIG["MARKDOWN"], default=str, sort_keys=True) == before
    import markdown

    html = markdown.markdown("```ruby\nputs 1\n```", **{
        k: v for k, v in settings["MARKDOWN"].items() if k != "extension_configs"
    }, extensions=["fenced_code", "codehilite"], extension_configs={
        "codehilite": config})  # fmt: skip
    assert '<code class="language-ruby">' in html


def test_a_formatter_of_the_site_is_left_alone():
    own = {"extension_configs": {"codehilite": {"pygments_formatter": "html"}}}
    settings = {"MARKDOWN": own, "PORTO_READING_AIDS_CODE_LABELS": True}
    keep_code_languages(types.SimpleNamespace(settings=settings))
    assert settings["MARKDOWN"] is own
    settings = {
        "MARKDOWN": {"extensions": ["extra"]},
        "PORTO_READING_AIDS_CODE_LABELS": True,
    }
    keep_code_languages(types.SimpleNamespace(settings=settings))
    assert settings["MARKDOWN"] == {"extensions": ["extra"]}


def test_stylesheet_uses_logical_properties_for_the_new_rules():
    css = (REPO / "theme/static/css/porto.css").read_text(encoding="utf-8")
    ours = css[css.index("/* ---- Reading aids") :]
    assert not re.search(
        r"(?<![-\w])(left|right|margin-top|padding-left|top)\s*:", ours
    )
