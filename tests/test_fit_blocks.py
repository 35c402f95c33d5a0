"""Markdown without the block processors a post cannot use gives Markdown's HTML.

``porto_frontmatter.blocks`` takes an extension's block processor (admonition,
footnote, abbreviation, table, definition list) out of the converter for a
post whose text lacks what that processor needs, and puts it back for the next
post that has it. These tests hold the HTML equal to stock Python-Markdown's,
with one converter reused across posts, as the reader does.
"""

from __future__ import annotations

import logging

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pelican.plugins.porto_frontmatter import blocks
from pelican.plugins.porto_frontmatter.frontmatter import split_front_matter

from benchmarks.corpus import generate

PORTO_MARKDOWN = {
    "extensions": [
        "markdown.extensions.extra",
        "markdown.extensions.codehilite",
        "markdown.extensions.admonition",
        "markdown.extensions.toc",
    ],
    "output_format": "html5",
}


# Both converters are reused from post to post, as the reader's is (Markdown
# 3.4's abbreviations outlive reset(): both must have read the same posts).
STOCK = markdown.Markdown(**PORTO_MARKDOWN)
FITTED = markdown.Markdown(**PORTO_MARKDOWN)


def stock_html(text: str) -> str:
    STOCK.reset()
    return STOCK.convert(text)


def fitted_html(text: str) -> str:
    FITTED.reset()
    blocks.fit_blocks(FITTED, text)
    return FITTED.convert(text)


# Block syntax of every optional processor, and what surrounds it.
FRAGMENTS = [
    "word", " ", "\n", "\n\n", "    ", "\t", ":", ": ", "|", "!!!", "!!! note",
    '!!! warning "Careful"\n    Inside the box.\n', "    indented\n",
    "Term\n: Definition\n", "Term\n:   Two\n\n    More of it.\n", "Apple\n\n: Fruit\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n", "a | b\n--|--\n1 | 2\n",
    "[^1]", "\n\n[^1]: A note.\n    Continued.\n", "*[HTML]: markup\n", "HTML",
    "- item\n", "1. one\n", "> quote\n", "# Head\n", "```\ncode | :\n```\n",
    '<div class="admonition" markdown="1">\n\nx\n</div>\n', "admonition", "*[", "[^",
]  # fmt: skip


@given(pieces=st.lists(st.sampled_from(FRAGMENTS), max_size=30))
@settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
def test_random_block_markdown_gives_the_same_html(pieces):
    text = "".join(pieces)
    try:
        expected = stock_html(text)
    except Exception as error:  # Markdown's own failure: the same one
        with pytest.raises(type(error)):
            fitted_html(text)
        return
    assert fitted_html(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        '!!! note "Title"\n    A note.\n',
        "Term\n: Definition\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "Text[^1].\n\n[^1]: The note.\n",
        "The HTML spec.\n\n*[HTML]: Hyper Text Markup Language\n",
        "Plain text, then\n\n    code\n",
    ],
)
def test_each_processor_comes_back_when_a_post_needs_it(text):
    plain = "A plain post without any of it.\n"
    assert fitted_html(plain) == stock_html(plain)  # all taken out
    assert fitted_html(text) == stock_html(text)
    assert fitted_html("Plain again.\n") == stock_html("Plain again.\n")


def test_generated_posts_give_the_same_html(tmp_path):
    for path in generate(tmp_path, 30, seed=5, flavour="yaml"):
        if path.suffix == ".md":
            body = split_front_matter(path.read_text(encoding="utf-8")).body
            assert fitted_html(body) == stock_html(body), path.name


def test_a_plain_post_is_not_asked_about_optional_blocks():
    md = markdown.Markdown(**PORTO_MARKDOWN)
    blocks.fit_blocks(md, "Only words here.\n\nAnd more words.\n")
    left = set(md.parser.blockprocessors._data)
    assert not left & {"admonition", "footnote", "abbr", "table", "deflist"}
    assert {"paragraph", "hashheader", "code"} <= left


def test_a_same_named_processor_of_another_extension_is_always_asked():
    md = markdown.Markdown(**PORTO_MARKDOWN)

    class OwnTable(markdown.blockprocessors.BlockProcessor):
        def test(self, parent, block):
            return False

    md.parser.blockprocessors.register(OwnTable(md.parser), "table", 75)
    blocks.fit_blocks(md, "No pipes here.\n")
    assert isinstance(md.parser.blockprocessors["table"], OwnTable)


def test_an_unknown_registry_leaves_every_processor(caplog, monkeypatch):
    md = markdown.Markdown(**PORTO_MARKDOWN)
    before = list(md.parser.blockprocessors._data)
    monkeypatch.setattr(md.parser.blockprocessors, "_priority", None)
    with caplog.at_level(logging.DEBUG, logger=blocks.__name__):
        blocks.fit_blocks(md, "Only words.\n")
    assert list(md.parser.blockprocessors._data) == before
    assert "not what Porto knows" in caplog.text
