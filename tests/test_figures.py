"""Figure captions: which image paragraphs become <figure>, and which stay as written.

Inputs are the HTML Python-Markdown (with Pelican's default extensions) and
typogrify write for the Markdown shown in each case's comment.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pelican.settings
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pelican.plugins.porto_figures.figures import SETTINGS, add_captions
from pelican.plugins.porto_pipeline import Document, parse, serialise
from pelican.plugins.porto_pipeline.settings import check_settings
from typogrify.filters import typogrify


def captioned(html: str, **settings) -> str:
    tree = parse(html)
    add_captions(tree, settings, Document(relative_path="posts/case.md"))
    return serialise(tree)


SEED = (
    '<p><img alt="Porto Sunset" src="{static}/images/porto_sunset.jpeg" />\n'
    "<em>Watching a beautiful sunset, couchsurfing in Porto, Portugal.</em></p>"
)

RULES = [
    # ![Porto Sunset](/images/porto_sunset.jpeg)
    # *Watching a beautiful sunset, couchsurfing in Porto, Portugal.*
    pytest.param(
        SEED,
        '<figure><img alt="Porto Sunset" src="{static}/images/porto_sunset.jpeg">'
        "<figcaption>Watching a beautiful sunset, couchsurfing in Porto, Portugal."
        "</figcaption></figure>",
        id="italic_line_under_image",
    ),
    # the same after typogrify: widont's &nbsp;, caps span, curly apostrophe
    pytest.param(
        '<p><img alt="x" src="a.png" />\n<em>Shot on a <span class="caps">NASA'
        "</span> rover&#8217;s&nbsp;camera</em></p>",
        '<figure><img alt="x" src="a.png"><figcaption>Shot on a <span class="caps">'
        "NASA</span> rover&#8217;s&nbsp;camera</figcaption></figure>",
        id="italic_line_after_typogrify",
    ),
    # ![x](a.png)
    #
    # _A caption paragraph_
    pytest.param(
        '<p><img alt="x" src="a.png" /></p>\n<p><em>A caption paragraph</em></p>\n'
        "<p>Next paragraph.</p>",
        '<figure><img alt="x" src="a.png"><figcaption>A caption paragraph'
        "</figcaption></figure>\n<p>Next paragraph.</p>",
        id="italic_paragraph_after_image",
    ),
    # ![x](a.png "Seen from the bridge")
    pytest.param(
        '<p><img alt="x" src="a.png" title="Seen from the bridge" /></p>',
        '<figure><img alt="x" src="a.png"><figcaption>Seen from the bridge'
        "</figcaption></figure>",
        id="title_as_caption",
    ),
    # ![x](a.png "A title")
    # *The italic caption*
    pytest.param(
        '<p><img alt="x" src="a.png" title="A title" />\n<em>The italic caption</em>'
        "</p>",
        '<figure><img alt="x" src="a.png" title="A title"><figcaption>The italic '
        "caption</figcaption></figure>",
        id="italic_caption_wins_over_title",
    ),
    # ![x](a.png)
    # {: .align-center}
    # *Caption*
    pytest.param(
        '<p><img alt="x" src="a.png" />\n{: .align-center}\n<em>Caption</em></p>',
        '<figure><img alt="x" src="a.png"><figcaption>Caption</figcaption></figure>',
        id="attribute_line_between_image_and_caption",
    ),
    # (attr_list off) ![x](a.png) / *Caption* / {: .shadow width="80%"}
    pytest.param(
        '<p><img alt="x" src="a.png" />\n<em>Caption</em>\n{: .shadow width="80%"}</p>',
        '<figure><img alt="x" src="a.png"><figcaption>Caption</figcaption></figure>',
        id="attribute_line_after_caption",
    ),
    # {: lqip="&#8230;"} after typogrify: curly quotes, a caps span, widont's &nbsp;
    pytest.param(
        '<p><img alt="x" src="a.png" />\n{:&nbsp;lqip=&#8220;data:image/webp;'
        'base64,<span class="caps">UKLGR</span>&#8221;}\n<em>Caption</em></p>',
        '<figure><img alt="x" src="a.png"><figcaption>Caption</figcaption></figure>',
        id="lqip_attribute_line_after_typogrify",
    ),
    # attr_list applied the last line to the caption paragraph
    pytest.param(
        '<p><img alt="x" src="a.png" /></p>\n<p lqip="data:x"><em>Caption</em></p>',
        '<figure><img alt="x" src="a.png"><figcaption>Caption</figcaption></figure>',
        id="caption_paragraph_with_attributes",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png" />\n{: .align-center}</p>\n<p><em>Caption</em>'
        "\n{: .small}</p>",
        '<figure><img alt="x" src="a.png"><figcaption>Caption</figcaption></figure>',
        id="attribute_lines_in_both_paragraphs",
    ),
    # [![x](a.png)](big.png)
    # *Click to enlarge*
    pytest.param(
        '<p><a href="big.png"><img alt="x" src="a.png" /></a>\n<em>Click to enlarge'
        "</em></p>",
        '<figure><a href="big.png"><img alt="x" src="a.png"></a><figcaption>Click '
        "to enlarge</figcaption></figure>",
        id="linked_image",
    ),
    pytest.param(
        '<p><a href="big.png"><img alt="x" src="a.png" title="Big" /></a></p>',
        '<figure><a href="big.png"><img alt="x" src="a.png"></a><figcaption>Big'
        "</figcaption></figure>",
        id="linked_image_with_title",
    ),
    # *Photo by [Ana](https://ana.example), `f/2.8`, **unedited***
    pytest.param(
        '<p><img alt="x" src="a.png" />\n<em>Photo by <a href="https://ana.example">'
        "Ana</a>, <code>f/2.8</code>, <strong>unedited</strong></em></p>",
        '<figure><img alt="x" src="a.png"><figcaption>Photo by <a '
        'href="https://ana.example">Ana</a>, <code>f/2.8</code>, <strong>unedited'
        "</strong></figcaption></figure>",
        id="caption_keeps_inline_markup",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png" />\n<em>See <a href="{filename}/posts/b.md">'
        "the other post</a></em></p>",
        '<figure><img alt="x" src="a.png"><figcaption>See <a '
        'href="{filename}/posts/b.md">the other post</a></figcaption></figure>',
        id="caption_keeps_filename_link",
    ),
    pytest.param(
        '<ul>\n<li>\n<p><img alt="x" src="a.png" />\n<em>In a list</em></p>\n</li>\n'
        "</ul>",
        '<ul>\n<li>\n<figure><img alt="x" src="a.png"><figcaption>In a list'
        "</figcaption></figure>\n</li>\n</ul>",
        id="image_paragraph_in_list_item",
    ),
    # ![x](a.png)
    # {: .align-center}      (no caption: the attribute line alone goes)
    pytest.param(
        '<p><img alt="x" src="a.png" />\n{: .align-center}</p>',
        '<p><img alt="x" src="a.png"></p>',
        id="attribute_line_without_caption",
    ),
]

LEFT_ALONE = [
    pytest.param(
        "<p>I was <em>really</em> eager to get my foot in the door.</p>",
        id="italic_in_running_prose",
    ),
    pytest.param(
        '<p>The logo <img alt="logo" src="a.png"> sits in the middle.</p>',
        id="image_in_middle_of_sentence",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png"></p>\n<p><em>Figure 1</em>. More text</p>',
        id="line_not_entirely_italic",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png">\n<em>Figure 1</em>. More text</p>',
        id="line_under_image_not_entirely_italic",
    ),
    pytest.param(
        '<figure><img alt="x" src="a.png"><figcaption>Mine</figcaption></figure>',
        id="existing_figure",
    ),
    pytest.param(
        '<figure class="wide">\n<p><img alt="x" src="a.png">\n<em>Inner</em></p>\n'
        "</figure>",
        id="paragraph_inside_existing_figure",
    ),
    pytest.param(
        '<p><img alt="LinkedIn Post" src="{static}/posts/intern_linkedin_post.PNG">'
        "</p>",
        id="image_without_caption_keeps_alt_out_of_caption",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png">\n<em>one</em> <em>two</em></p>',
        id="two_italic_spans_on_caption_line",
    ),
    pytest.param(
        '<p><em>Above</em>\n<img alt="x" src="a.png"></p>',
        id="italic_line_above_image",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png">\n<img alt="y" src="b.png">\n<em>Both</em></p>',
        id="two_images_in_one_paragraph",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png"> <em>Same line</em></p>',
        id="italic_on_same_line_as_image",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png"></p>\n<p>Some prose.</p>\n<p><em>Later</em></p>',
        id="italic_paragraph_not_right_after_image",
    ),
    pytest.param(
        '<p><a href="big.png">Zoom <img alt="x" src="a.png"></a>\n<em>Cap</em></p>',
        id="link_with_text_around_image",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png">\n<strong><em>Bold italic</em></strong></p>',
        id="bold_italic_line",
    ),
    pytest.param(
        '<ul>\n<li><img alt="x" src="a.png">\n<em>Tight list</em></li>\n</ul>',
        id="image_in_tight_list_item",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png">\n<!-- note -->\n<em>Cap</em></p>',
        id="comment_in_image_paragraph",
    ),
    pytest.param(
        '<p><img alt="x" src="a.png">\n<em> </em></p>',
        id="empty_italic_line",
    ),
    pytest.param(
        "<p>Text {: .not-alone} in prose</p>",
        id="attribute_text_inside_prose",
    ),
]


@pytest.mark.parametrize(("html", "expected"), RULES)
def test_rule(html: str, expected: str) -> None:
    assert captioned(html) == expected


@pytest.mark.parametrize("html", LEFT_ALONE)
def test_left_alone(html: str) -> None:
    assert captioned(html) == html


ALL_CASES = RULES + LEFT_ALONE


@pytest.mark.parametrize(
    "html", [p.values[0] for p in ALL_CASES], ids=[p.id for p in ALL_CASES]
)
def test_idempotent(html: str) -> None:
    once = captioned(html)
    assert captioned(once) == once


@pytest.mark.parametrize(
    ("html", "settings", "expected"),
    [
        pytest.param(
            '<p><img alt="x" src="a.png" title="T"></p>',
            {"PORTO_FIGURES_TITLE_AS_CAPTION": False},
            '<p><img alt="x" src="a.png" title="T"></p>',
            id="title_as_caption_off",
        ),
        pytest.param(
            '<p><img alt="A bridge" src="a.png"></p>',
            {"PORTO_FIGURES_ALT_AS_CAPTION": True},
            '<figure><img alt="A bridge" src="a.png"><figcaption>A bridge'
            "</figcaption></figure>",
            id="alt_as_caption_on",
        ),
        pytest.param(
            '<p><img alt="A bridge" src="a.png" title="Title"></p>',
            {"PORTO_FIGURES_ALT_AS_CAPTION": True},
            '<figure><img alt="A bridge" src="a.png"><figcaption>Title'
            "</figcaption></figure>",
            id="title_wins_over_alt",
        ),
        pytest.param(
            '<p><img alt="" src="a.png"></p>',
            {"PORTO_FIGURES_ALT_AS_CAPTION": True},
            '<p><img alt="" src="a.png"></p>',
            id="alt_as_caption_with_empty_alt",
        ),
        pytest.param(
            '<p>See <img alt="A bridge" src="a.png"> here</p>',
            {"PORTO_FIGURES_ALT_AS_CAPTION": True},
            '<p>See <img alt="A bridge" src="a.png"> here</p>',
            id="alt_as_caption_leaves_inline_image",
        ),
        pytest.param(
            '<p><img alt="x" src="a.png" title="T"></p>',
            {"PORTO_FIGURES_TITLE_AS_CAPTION": "no"},
            '<figure><img alt="x" src="a.png"><figcaption>T</figcaption></figure>',
            id="invalid_value_means_default_once_checked",
        ),
    ],
)
def test_settings(html: str, settings: dict, expected: str) -> None:
    check_settings(settings, "porto_figures", SETTINGS)  # as at start-up
    assert captioned(html, **settings) == expected


def test_invalid_setting_is_reported_and_replaced(caplog) -> None:
    settings = {"PORTO_FIGURES_ALT_AS_CAPTION": "yes"}
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_figures", SETTINGS)
    assert settings == {
        "PORTO_FIGURES_ALT_AS_CAPTION": False,
        "PORTO_FIGURES_TITLE_AS_CAPTION": True,
    }
    assert [r.getMessage() for r in caplog.records] == [
        "porto_figures: PORTO_FIGURES_ALT_AS_CAPTION = 'yes' is not True or False; "
        "using the default False"
    ]


# --- Properties over generated Markdown and HTML --------------------------------

IAL_TEXT = re.compile(r"\{:[^{}\n]*\}")
# Title and alt texts are words the captions and prose never use, so a caption
# made from them can be told apart from text that was already visible.
TITLES = ["Seen from the bridge", "Zoomed"]
ALTS = ["A harbour", "Dawn"]


class _Text(HTMLParser):
    """Visible text, without figcaptions that only repeat a title or alt."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.caption: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "figcaption":
            self.caption = []
        elif self.caption is not None:  # markup in the caption: not an attribute's
            self.parts.extend(self.caption)
            self.caption = None

    def handle_endtag(self, tag) -> None:
        if tag == "figcaption" and self.caption is not None:
            if "".join(self.caption) not in TITLES + ALTS:
                self.parts.extend(self.caption)
            self.caption = None

    def handle_data(self, data: str) -> None:
        (self.parts if self.caption is None else self.caption).append(data)


def visible_words(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return IAL_TEXT.sub(" ", "".join(parser.parts)).split()


def check_properties(html: str, **options) -> None:
    before = serialise(parse(html))  # what the parser alone makes of it
    # libxml2 writes an empty <li> without its end tag, so "<li></li>x" comes
    # back as "<li>x</li>": a pipeline matter, not this transform's.
    assume(serialise(parse(before)) == before)
    out = captioned(html, **options)
    assert captioned(out, **options) == out, "idempotent"
    assert serialise(parse(out)) == out, "a re-parse keeps the new structure"
    # every word kept once (only {: } attribute lines may go), in order
    assert visible_words(out) == visible_words(before), "keeps visible text"
    tree, source = parse(out), parse(before)
    assert len(list(tree.iter("img"))) == len(list(source.iter("img")))
    new = len(list(tree.iter("figure"))) - len(list(source.iter("figure")))
    assert new >= 0
    if new:
        # libxml2 keeps a <figure> the author put in a <p>; none of ours is,
        # unless the paragraph it replaces was itself in one ("<p><em><p>&#8230;")
        in_p = ".//p//figure"
        if next(source.iterfind(".//p//p"), None) is None:
            assert len(tree.findall(in_p)) == len(source.findall(in_p)), "in a p"
        # each new figure is <figure><img|a><figcaption>&#8230;</figcaption></figure>
        # with no stray text (the lines it came from stay behind)
        assert sum(map(_bare_figure, tree.iter("figure"))) == new + sum(
            map(_bare_figure, source.iter("figure"))
        )


def _bare_figure(figure) -> bool:
    return (
        [child.tag for child in figure] in (["img", "figcaption"], ["a", "figcaption"])
        and not figure.text
        and not figure[0].tail
        and not figure[1].tail
    )


WORDS = st.sampled_from(
    ["Porto", "sunset", "NASA", "it's", '"quoted"', "--", "&", "&copy;", "x<y",
     "*em*", "_em_", "**bold**", "`code`", "[link](b.md)", "{: .c}", "3 > 2",
     "<!-- c -->", "<span>s</span>"]
)  # fmt: skip
IMAGE = st.builds(
    lambda alt, title, linked: (
        ("[" if linked else "")
        + f"![{alt}](/images/a.png{title})"
        + ("](big.png)" if linked else "")
    ),
    st.sampled_from(["", *ALTS]),
    st.sampled_from(["", *(f' "{t}"' for t in TITLES)]),
    st.booleans(),
)
ITALIC = st.lists(WORDS, min_size=1, max_size=4).map(lambda w: "*" + " ".join(w) + "*")
IAL = st.sampled_from(["{: .align-center}", '{: lqip="data:x" }', "{:.x}"])
# An image with the lines Jekyll writers put under it, in any order.
IMAGE_BLOCK = st.lists(st.one_of(ITALIC, IAL), max_size=3).flatmap(
    lambda lines: st.builds(lambda image: "\n".join([image, *lines]), IMAGE)
)
LINE = st.one_of(
    st.lists(WORDS, min_size=1, max_size=6).map(" ".join),
    IMAGE,
    IMAGE_BLOCK,
    ITALIC,
    st.sampled_from(
        ["{: .align-center}", '{: lqip="data:x" }', "- item", "> quote", "<div>",
         "</div>", "<figure>", "</figure>", "## Heading", "    code()", "[^1]",
         "[^1]: note", "<!-- note -->"]
    ),
)  # fmt: skip
DOCUMENT = st.lists(
    st.tuples(LINE, st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=12
).map(lambda pairs: "".join(line + sep for line, sep in pairs))
MARKDOWN = markdown.Markdown(**pelican.settings.DEFAULT_CONFIG["MARKDOWN"])
OPTIONS = st.fixed_dictionaries(
    {
        "PORTO_FIGURES_TITLE_AS_CAPTION": st.booleans(),
        "PORTO_FIGURES_ALT_AS_CAPTION": st.booleans(),
    }
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT, st.booleans(), OPTIONS)
def test_property_generated_markdown(source: str, typogrified: bool, options) -> None:
    html = MARKDOWN.reset().convert(source)
    if typogrified:
        html = typogrify(html)
    check_properties(html, **options)


TOKENS = st.sampled_from(
    ["<p>", "</p>", "<em>", "</em>", '<a href="x">', "</a>", "<div>", "</div>",
     f'<img src="a.png" alt="{ALTS[0]}">', f'<img src="b.png" title="{TITLES[0]}">',
     "<img src=c.png>", "\n", " ", "{: .c}", "word", "&amp;", "&nbsp;", "&#8217;",
     "<!-- c -->", "<br>", '<span class="caps">', "</span>", "<figure>",
     "</figure>", "<figcaption>", "<ul>", "<li>", "</li>", "<strong>", "x < y"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=30).map("".join), OPTIONS)
def test_property_html_soup(html: str, options) -> None:
    check_properties(html, **options)


# --- End to end: real Pelican builds -------------------------------------------


def article(build, slug: str) -> str:
    (page,) = build.output.glob(f"*/*/{slug}/index.html")
    return page.read_text(encoding="utf-8")


def test_seed_post_has_one_figure_with_caption(sample_build) -> None:
    html = article(sample_build, "how-i-became-an-intern-machine-learning-engineer")
    figures = re.findall(r"<figure>.*?</figure>", html, re.S)
    assert len(figures) == 1
    assert 'src="../../../images/porto_sunset.jpeg"' in figures[0]
    assert re.search(
        r"<figcaption>Watching a beautiful sunset, couchsurfing in Porto,"
        r"(&nbsp;| )Portugal.</figcaption>",
        figures[0],
    )
    assert not re.search(r"<p><img[^>]*>\s*<em>", html)
    linkedin = re.search(r"<p><img[^>]*intern_linkedin_post\.PNG[^>]*></p>", html)
    assert linkedin, "the LinkedIn image stays a plain image in its paragraph"
    assert html.count("<figcaption>") == 1


FIXTURES = Path(__file__).resolve().parent / "fixtures"


def add_image(site, name: str = "landscape_40x30.png") -> None:
    site.write(f"images/{name}", (FIXTURES / "images" / name).read_bytes())


def words(text: str) -> str:
    """A regex for ``text`` where typogrify's widont may have put ``&nbsp;``."""
    return r"(?:\s|&nbsp;|&amp;nbsp;)".join(map(re.escape, text.split()))


FEED_SETTINGS = {
    "SITEURL": "https://example.org",
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
}


def test_caption_in_atom_feed_entry(site) -> None:
    site.add_sample_content()
    build = site.build(**FEED_SETTINGS)
    assert build.returncode == 0, build.log
    feed = build.html("feeds/all.atom.xml")
    content = re.search(r'<content type="html">(.*?)</content>', feed, re.S)
    assert content
    entry = content.group(1)
    assert "&lt;figure&gt;&lt;img" in entry
    assert "https://example.org/images/porto_sunset.jpeg" in entry
    assert "&lt;figcaption&gt;Watching a beautiful sunset" in entry


def test_caption_in_summary_when_the_image_is_in_it(site) -> None:
    site.copy_fixture("image_with_caption_in_summary.md")
    add_image(site)
    build = site.build(**FEED_SETTINGS)
    assert build.returncode == 0, build.log
    index = build.html("index.html")
    card = re.search(r'<div class="excerpt">(.*?)</div>', index, re.S)
    assert card
    assert re.search(
        r"<figure><img [^>]*src=\"[^\"]*images/landscape_40x30\.png\"[^>]*>"
        r"<figcaption>" + words("The harbour at dawn") + "</figcaption></figure>",
        card.group(1),
    )
    feed = build.html("feeds/all.atom.xml")
    summary = re.search(r"<summary[^>]*>(.*?)</summary>", feed, re.S)
    assert summary
    assert re.search("&lt;figcaption&gt;" + words("The harbour at dawn"), summary[1])


def test_jekyll_attribute_lines_never_reach_the_page(site) -> None:
    site.copy_fixture("kramdown_attribute_lines.md")
    add_image(site)
    build = site.build()
    assert build.returncode == 0, build.log
    html = article(build, "kramdown_attribute_lines")
    assert "{:" not in html
    assert html.count("<figure>") == 2
    captions = ("A lighthouse, centred the Jekyll way", "A low-quality placeholder")
    for caption in captions:
        assert re.search(f"<figcaption>{words(caption)}", html)
