"""Markdown's inline step without hopeless tries gives Markdown's HTML, byte for byte.

``porto_frontmatter.inline`` passes over an inline pattern on a text that lacks
what every match of the pattern contains. These tests hold the result equal to
stock Python-Markdown's on real and generated posts, under Pelican's Markdown
settings and under a larger set of extensions, and check that what it reads
from each pattern is a true necessity.
"""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown import treeprocessors
from pelican.plugins.porto_frontmatter import inline
from pelican.plugins.porto_frontmatter.frontmatter import split_front_matter
from pelican.settings import DEFAULT_CONFIG

from benchmarks.corpus import generate

FIXTURES = Path(__file__).resolve().parent / "fixtures"

PELICAN_MARKDOWN = DEFAULT_CONFIG["MARKDOWN"]
MANY_EXTENSIONS = {
    "extensions": [
        "markdown.extensions.extra",
        "markdown.extensions.codehilite",
        "markdown.extensions.toc",
        "markdown.extensions.smarty",
        "markdown.extensions.wikilinks",
        "markdown.extensions.nl2br",
        "markdown.extensions.admonition",
        "markdown.extensions.sane_lists",
        "markdown.extensions.legacy_attrs",
    ],
    "output_format": "html5",
}
CONFIGS = {"pelican": PELICAN_MARKDOWN, "many": MANY_EXTENSIONS}


def converters(config: dict) -> tuple[markdown.Markdown, markdown.Markdown]:
    stock = markdown.Markdown(**config)
    quick = markdown.Markdown(**config)
    assert inline.speed_up(quick)
    return stock, quick


def convert(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)


def markdown_bodies() -> list[tuple[str, str]]:
    """The Markdown of every fixture post, front matter removed."""
    bodies = []
    for path in sorted(FIXTURES.rglob("*.md")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        try:
            front = split_front_matter(text)
        except Exception:  # broken front matter fixtures: the text as it is
            front = None
        bodies.append((path.name, front.body if front else text))
    return bodies


# ---------------------------------------------------------------------------
# What is read from an expression


@pytest.mark.parametrize(
    ("expression", "needs"),
    [
        pytest.param(r"\[", ("[",), id="literal"),
        pytest.param(r"(?<!\!)\[", ("[",), id="after_look_behind"),
        pytest.param(r"  \n", ("  \n",), id="literal_run"),
        pytest.param(r"\!\[(x)", ("![",), id="run_then_group"),
        pytest.param(r"(&(?:#[0-9]+|[a-z]+);)", ("&",), id="inside_group"),
        pytest.param(r"\*|_", ("*", "_"), id="character_set"),
        pytest.param(r"ab|cd", ("ab", "cd"), id="branches"),
        pytest.param(r"(?=`+)x", ("`",), id="look_ahead"),
        pytest.param(r"(?:--)+", ("--",), id="repeated_at_least_once"),
        pytest.param(r"(?i)<", ("<",), id="ignore_case_punctuation"),
        pytest.param(r"(?i)<b", None, id="ignore_case_letter"),
        pytest.param(r"x?y", ("y",), id="optional_first"),
        pytest.param(r"x?", None, id="only_optional"),
        pytest.param(r"\s*\[", ("[",), id="repeated_maybe_never"),
        pytest.param(r"((^|\s)(\*|_)(\s|$))", ("*", "_"), id="maybe_empty_group"),
        pytest.param(r"(a|)bc", ("bc",), id="maybe_empty_branch"),
        pytest.param(r"(a?)\1x", None, id="group_reference_may_be_empty"),
        pytest.param(r"a|.", None, id="one_branch_matches_anything"),
        pytest.param(r"[^a]", None, id="negated_set"),
        pytest.param(r"[a-z]", None, id="range"),
        pytest.param(r"(?:)", None, id="empty"),
    ],
)
def test_needed_text(expression, needs):
    assert inline.needed_text(re.compile(expression)) == needs


def _patterns_with_needs():
    md = markdown.Markdown(**MANY_EXTENSIONS)
    found = []
    for pattern in md.inlinePatterns:
        needs = inline._pattern_needs(pattern)
        if needs is not None:
            found.append(pytest.param(pattern, needs, id=type(pattern).__name__))
    return found


def test_markdowns_own_patterns_are_all_read():
    """Every built-in pattern yields what it needs (else nothing would be saved)."""
    md = markdown.Markdown(**PELICAN_MARKDOWN)
    unread = [
        type(p).__name__ for p in md.inlinePatterns if not inline._pattern_needs(p)
    ]
    assert unread == []


SIGNIFICANT = "[]()!<>&*_`\\^:/@#;'\"-.=  \n\tab1é"


@pytest.mark.parametrize(("pattern", "needs"), _patterns_with_needs())
@given(text=st.text(alphabet=SIGNIFICANT, max_size=40))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_match_holds_what_was_read(pattern, needs, text):
    match = pattern.getCompiledRegExp().search(text)
    if match is not None:
        assert any(need in text for need in needs), (match, needs)


# ---------------------------------------------------------------------------
# Same HTML as Markdown's own


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
def test_fixture_posts_give_the_same_html(config):
    stock, quick = converters(config)
    for name, body in markdown_bodies():
        assert convert(quick, body) == convert(stock, body), name


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
def test_generated_posts_give_the_same_html(config, tmp_path):
    stock, quick = converters(config)
    for path in generate(tmp_path, 40, seed=11, flavour="yaml"):
        if path.suffix != ".md":
            continue
        body = split_front_matter(path.read_text(encoding="utf-8")).body
        assert convert(quick, body) == convert(stock, body), path.name


# Pieces of inline and block Markdown, glued at random: links of every kind,
# footnotes, emphasis, code, escapes, HTML, entities, hard breaks.
FRAGMENTS = [
    "word", " ", "\n", "  \n", "\n\n", "*", "**", "_", "__", "`", "``", "\\", "\\*",
    "[", "]", "(", ")", "!", "[x](http://e.org)", "![i](a.png)", "[r][1]", "[1]",
    "![r][1]", "[^1]", "<http://e.org>", "<me@e.org>", "<b>", "</b>", "<br/>",
    "&amp;", "&copy;", "&#8217;", "&", "<", ">", "--", "...", "'", '"', "[[Wiki]]",
    "# ", "- ", "1. ", "> ", "    ", "| a | b |\n|---|---|\n", "<!-- c -->", "é",
    "\n\n[1]: http://e.org/r\n", "\n\n[^1]: A note.\n", "*[HTML]: markup\n", "HTML",
]  # fmt: skip


_CONVERTERS: dict[int, tuple] = {}


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=40))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_markdown_gives_the_same_html(config, pieces):
    if id(config) not in _CONVERTERS:  # two converters per configuration
        _CONVERTERS[id(config)] = converters(config)
    stock, quick = _CONVERTERS[id(config)]
    text = "".join(pieces)
    try:
        expected = convert(stock, text)
    except Exception as error:
        # Markdown itself fails on some input (Markdown 3.4 on Python 3.10 on
        # "<![r"): the quick step must fail the same way, no better or worse.
        with pytest.raises(type(error)):
            convert(quick, text)
        return
    assert convert(quick, text) == expected


# ---------------------------------------------------------------------------
# When it steps aside


def test_an_extensions_own_inline_step_is_left_alone():
    class OwnInline(treeprocessors.InlineProcessor):
        pass

    md = markdown.Markdown()
    md.treeprocessors.register(OwnInline(md), "inline", 20)
    assert not inline.speed_up(md)
    assert type(md.treeprocessors["inline"]) is OwnInline
    assert md.convert("*a* [b](c)") == '<p><em>a</em> <a href="c">b</a></p>'


def test_a_markdown_without_the_expected_internals_is_used_as_it_is(monkeypatch):
    monkeypatch.delattr(treeprocessors.InlineProcessor, inline._TRY)
    monkeypatch.setattr(inline, "_supported", inline._supported.__wrapped__)
    md = markdown.Markdown()
    assert not inline.speed_up(md)
    assert type(md.treeprocessors["inline"]) is treeprocessors.InlineProcessor


# ---------------------------------------------------------------------------
# A real build


def test_a_build_is_the_same_with_and_without_it(tmp_path):
    from conftest import Site

    sites = {}
    for fast in (True, False):
        site = Site(tmp_path / str(fast))
        site.add_sample_content()
        for name in (
            "pelican_features.md",
            "kramdown_attribute_lines.md",
            "twelve_images.md",
        ):
            site.copy_fixture(name)
        site.write(
            "images/x.png", (FIXTURES / "images" / "landscape_40x30.png").read_bytes()
        )
        build = site.build(PORTO_FRONTMATTER_FAST_INLINE=fast)
        assert build.returncode == 0, build.log
        sites[fast] = build
    fast_pages = [p.relative_to(sites[True].output) for p in sites[True].pages()]
    slow_pages = [p.relative_to(sites[False].output) for p in sites[False].pages()]
    assert fast_pages == slow_pages and len(fast_pages) > 5
    _, mismatch, errors = filecmp.cmpfiles(
        sites[True].output,
        sites[False].output,
        [str(p) for p in fast_pages],
        shallow=False,
    )
    assert mismatch == [] and errors == []


def test_an_unusable_setting_warns_and_keeps_the_default(tmp_path):
    from conftest import Site

    site = Site(tmp_path)
    site.write("posts/2020-01-01-a.md", "---\ntitle: A\n---\n\nSome *text* [x](y).\n")
    build = site.build(PORTO_FRONTMATTER_FAST_INLINE="yes")
    assert build.returncode == 0, build.log
    assert build.problems == [
        "WARNING porto_frontmatter: PORTO_FRONTMATTER_FAST_INLINE = 'yes' is not "
        "True or False; using the default True"
    ]
    (page,) = build.output.glob("2020/01/a/index.html")
    assert '<em>text</em> <a href="y">x</a>' in page.read_text(encoding="utf-8")
