"""Turn captioned images into ``<figure><img><figcaption>`` on the shared tree.

An image paragraph is a ``<p>`` holding one image (possibly inside a link) on
its own line, and otherwise only kramdown attribute lines (``{: .x}``, which
Python-Markdown leaves as text) and at most one caption line that is a single
``<em>``. Anything else in the paragraph means the image is part of the prose
and the paragraph is left exactly as it is.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag

if __name__.startswith("pelican.plugins."):  # installed as a namespace plugin
    from pelican.plugins import porto_pipeline
else:  # loaded through PLUGIN_PATHS: use the pipeline in the same folder
    from pelican.plugins._utils import load_legacy_plugin

    porto_pipeline = load_legacy_plugin(
        "porto_pipeline", [os.path.dirname(os.path.dirname(__file__))]
    )

logger = logging.getLogger(__name__)

__all__ = ["DEFAULTS", "add_captions", "check_settings"]

DEFAULTS: dict[str, Any] = {
    # ![alt](src "Caption"): the title becomes the caption.
    "PORTO_FIGURES_TITLE_AS_CAPTION": True,
    # An image alone in its paragraph with no other caption: use its alt text.
    "PORTO_FIGURES_ALT_AS_CAPTION": False,
}

# A kramdown inline attribute list on a line of its own: {: .align-center},
# {:.x}, {: lqip="…"} (after typogrify the quotes are curly, spaces may be
# no-break spaces: \s covers both).
IAL_LINE = re.compile(r"\s*(?:\{:[^{}\n]*\}\s*)+")
_IMAGE, _CAPTION, _IAL, _OTHER = "image", "caption", "ial", "other"


def check_settings(settings: dict[str, Any]) -> None:
    """Fill defaults; replace a value of the wrong type with the default."""
    for name, default in DEFAULTS.items():
        value = settings.setdefault(name, default)
        if not isinstance(value, bool):
            logger.warning(
                "%s should be True or False, not %r; using %r", name, value, default
            )
            settings[name] = default


def _flag(settings: Mapping[str, Any], name: str) -> bool:
    value = settings.get(name, DEFAULTS[name])
    return value if isinstance(value, bool) else DEFAULTS[name]


def add_captions(tree: BeautifulSoup, settings: Mapping[str, Any], doc: Any) -> None:
    """Wrap every captioned image paragraph of ``tree`` in a ``<figure>``.

    Captions come from, in order: an italic line under the image in the same
    paragraph, an entirely italic paragraph right after an image paragraph,
    the image title (``PORTO_FIGURES_TITLE_AS_CAPTION``), the alt text
    (``PORTO_FIGURES_ALT_AS_CAPTION``). Kramdown attribute lines in these
    paragraphs are dropped.
    """
    use_title = _flag(settings, "PORTO_FIGURES_TITLE_AS_CAPTION")
    use_alt = _flag(settings, "PORTO_FIGURES_ALT_AS_CAPTION")
    for img in tree.find_all("img"):
        if img.find_parent("figure") is not None:
            continue  # already a figure (ours from an earlier run, or the author's)
        subject = _subject(img)
        paragraph = subject.parent
        if paragraph is None or paragraph.name != "p":
            continue
        lines = _classified_lines(paragraph, subject)
        if lines is None:
            continue
        caption = _caption_in(lines)
        caption_paragraph = None
        if caption is None and not any(kind == _CAPTION for kind, _ in lines):
            caption_paragraph = _caption_paragraph_after(paragraph)
            if caption_paragraph is not None:
                caption = _caption_in(_classified_lines(caption_paragraph) or [])
        caption_nodes: list[Any] | None = None
        if caption is not None:
            caption_nodes = list(caption.contents)
        elif use_title and (title := _text_attribute(img, "title")):
            caption_nodes = [NavigableString(title)]
            del img["title"]  # shown once, as the caption, not again on hover
        elif use_alt and (alt := _text_attribute(img, "alt")):
            caption_nodes = [NavigableString(alt)]
        if caption_nodes is None:
            if any(kind == _IAL for kind, _ in lines):
                # Kramdown attribute lines are Jekyll markup, never meant to be
                # seen: the paragraph keeps only its image.
                subject = subject.extract()
                paragraph.clear()
                paragraph.append(subject)
            continue
        figure = tree.new_tag("figure")
        figcaption = tree.new_tag("figcaption")
        for node in caption_nodes:
            figcaption.append(node.extract() if node.parent else node)
        figure.append(subject.extract())
        figure.append(figcaption)
        paragraph.replace_with(figure)
        if caption_paragraph is not None:
            _remove_with_leading_space(caption_paragraph)


def _subject(img: Tag) -> Tag:
    """The image, or the link around it when the link holds nothing else."""
    parent = img.parent
    if parent is not None and parent.name == "a":
        others = [c for c in parent.contents if c is not img and not _is_blank(c)]
        if not others:
            return parent
    return img


def _is_blank(node: Any) -> bool:
    return type(node) is NavigableString and not node.strip()


def _text_attribute(img: Tag, name: str) -> str:
    value = img.get(name)
    return value.strip() if isinstance(value, str) else ""


# A line is a list of pieces: Tags, or (text node, start, end) slices of text.
Line = list[Any]


def _lines(paragraph: Tag) -> list[Line] | None:
    """Split a paragraph's children into lines at newlines in its text."""
    lines: list[Line] = [[]]
    for child in paragraph.children:
        if isinstance(child, Tag):
            lines[-1].append(child)
        elif type(child) is NavigableString:
            start = 0
            text = str(child)
            while True:
                end = text.find("\n", start)
                stop = len(text) if end < 0 else end
                if stop > start:
                    lines[-1].append((child, start, stop))
                if end < 0:
                    break
                lines.append([])
                start = end + 1
        else:  # a comment or markup kept raw: not something to reshape
            return None
    return [line for line in lines if _line_text(line).strip() or _tags(line)]


def _line_text(line: Line) -> str:
    return "".join(
        piece.get_text() if isinstance(piece, Tag) else piece[0][piece[1] : piece[2]]
        for piece in line
    )


def _tags(line: Line) -> list[Tag]:
    return [piece for piece in line if isinstance(piece, Tag)]


def _classified_lines(
    paragraph: Tag, subject: Tag | None = None
) -> list[tuple[str, Line]] | None:
    """``[(kind, line)]`` if ``paragraph`` is an image or caption paragraph.

    With ``subject``, the paragraph must hold that image on one line; without,
    it must hold no image. ``None`` when the paragraph is anything else.
    """
    lines = _lines(paragraph)
    if lines is None:
        return None
    classified = []
    for line in lines:
        tags = _tags(line)
        text = _line_text(line)
        loose_text = "".join(p[0][p[1] : p[2]] for p in line if not isinstance(p, Tag))
        if subject is not None and tags == [subject] and not loose_text.strip():
            kind = _IMAGE
        elif (
            len(tags) == 1
            and tags[0].name == "em"
            and not loose_text.strip()
            and tags[0].get_text().strip()
            and tags[0].find("img") is None
        ):
            kind = _CAPTION
        elif IAL_LINE.fullmatch(text) and all(t.name == "span" for t in tags):
            kind = _IAL  # typogrify may have put <span class="caps"> inside
        else:
            return None
        classified.append((kind, line))
    kinds = [kind for kind, _ in classified]
    if kinds.count(_IMAGE) != (1 if subject is not None else 0):
        return None
    if kinds.count(_CAPTION) > 1:
        return None
    if _CAPTION in kinds and _IMAGE in kinds:
        if kinds.index(_CAPTION) < kinds.index(_IMAGE):
            return None  # italic text above the image is not its caption
    return classified


def _caption_in(lines: list[tuple[str, Line]]) -> Tag | None:
    for kind, line in lines:
        if kind == _CAPTION:
            return _tags(line)[0]
    return None


def _caption_paragraph_after(paragraph: Tag) -> Tag | None:
    """The next paragraph if it is entirely italic (and only blank text between)."""
    sibling = paragraph.next_sibling
    while sibling is not None and _is_blank(sibling):
        sibling = sibling.next_sibling
    if not isinstance(sibling, Tag) or sibling.name != "p":
        return None
    lines = _classified_lines(sibling)
    if not lines or [k for k, _ in lines if k == _CAPTION] != [_CAPTION]:
        return None
    return sibling


def _remove_with_leading_space(paragraph: Tag) -> None:
    previous = paragraph.previous_sibling
    if _is_blank(previous):
        previous.extract()
    paragraph.extract()
