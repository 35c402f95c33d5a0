"""Turn captioned images into ``<figure><img><figcaption>`` on the shared tree.

An image paragraph is a ``<p>`` holding one image (possibly inside a link) on
its own line, and otherwise only kramdown attribute lines (``{: .x}``, which
Python-Markdown leaves as text) and at most one caption line that is a single
``<em>``. Anything else in the paragraph means the image is part of the prose
and the paragraph is left exactly as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lxml import etree
from pelican.plugins.porto_pipeline.settings import flag, read

__all__ = ["SETTINGS", "add_captions"]

SETTINGS = {
    # ![alt](src "Caption"): the title becomes the caption.
    "PORTO_FIGURES_TITLE_AS_CAPTION": flag(True),
    # An image alone in its paragraph with no other caption: use its alt text.
    "PORTO_FIGURES_ALT_AS_CAPTION": flag(False),
}

# A kramdown inline attribute list on a line of its own: {: .align-center},
# {:.x}, {: lqip="…"} (after typogrify the quotes are curly, spaces may be
# no-break spaces: \s covers both).
IAL_LINE = re.compile(r"\s*(?:\{:[^{}\n]*\}\s*)+")
_IMAGE, _CAPTION, _IAL, _OTHER = "image", "caption", "ial", "other"


def add_captions(tree: etree._Element, settings: Mapping[str, Any], doc: Any) -> None:
    """Wrap every captioned image paragraph of ``tree`` in a ``<figure>``.

    Captions come from, in order: an italic line under the image in the same
    paragraph, an entirely italic paragraph right after an image paragraph,
    the image title (``PORTO_FIGURES_TITLE_AS_CAPTION``), the alt text
    (``PORTO_FIGURES_ALT_AS_CAPTION``). Kramdown attribute lines in these
    paragraphs are dropped.
    """
    use_title = read(settings, SETTINGS, "PORTO_FIGURES_TITLE_AS_CAPTION")
    use_alt = read(settings, SETTINGS, "PORTO_FIGURES_ALT_AS_CAPTION")
    # A list first: the loop reshapes the tree it would be walking.
    for img in list(tree.iter("img")):
        subject = _subject(img)
        paragraph = subject.getparent()
        if paragraph is None or paragraph.tag != "p":
            continue
        if next(paragraph.iterancestors("figure"), None) is not None:
            continue  # already a figure (ours from an earlier run, or the author's)
        lines = _classified_lines(paragraph, subject)
        if lines is None:
            continue
        caption = _caption_in(lines)
        caption_paragraph = None
        if caption is None:  # no caption line, so none in the paragraph at all
            caption_paragraph = _caption_paragraph_after(paragraph)
            if caption_paragraph is not None:
                caption = _caption_in(_classified_lines(caption_paragraph) or [])
        caption_text = None
        if caption is None:
            if use_title and (title := _text_attribute(img, "title")):
                caption_text = title
                del img.attrib["title"]  # shown once, as the caption, not on hover
            elif use_alt and (alt := _text_attribute(img, "alt")):
                caption_text = alt
            else:
                if any(kind == _IAL for kind, _ in lines):
                    # Kramdown attribute lines are Jekyll markup, never meant to
                    # be seen: the paragraph keeps only its image.
                    _keep_only(paragraph, subject)
                continue
        # What is left of the paragraph once the image and caption are out of
        # it is white space and attribute lines: it goes, its tail stays.
        figure = paragraph.makeelement("figure", {})
        figure.tail = paragraph.tail
        subject.tail = None
        figure.append(subject)
        figcaption = etree.SubElement(figure, "figcaption")
        if caption is not None:
            figcaption.text = caption.text
            figcaption.extend(caption)  # each child brings its tail along
        else:
            figcaption.text = caption_text
        parent = paragraph.getparent()
        parent.replace(paragraph, figure)
        if caption_paragraph is not None:
            # The white space between the two paragraphs goes with the second.
            figure.tail = caption_paragraph.tail
            parent.remove(caption_paragraph)


def _subject(img: etree._Element) -> etree._Element:
    """The image, or the link around it when the link holds nothing else."""
    parent = img.getparent()
    if (
        parent is not None
        and parent.tag == "a"
        and len(parent) == 1  # a comment would be a child too
        and _is_blank(parent.text)
        and _is_blank(img.tail)
    ):
        return parent
    return img


def _is_blank(text: str | None) -> bool:
    return not text or not text.strip()


def _text_attribute(img: etree._Element, name: str) -> str:
    value = img.get(name)
    return value.strip() if value else ""


def _keep_only(paragraph: etree._Element, subject: etree._Element) -> None:
    """Empty ``paragraph`` but for ``subject``; its attributes and tail stay."""
    paragraph.text = None
    for child in list(paragraph):
        if child is not subject:
            paragraph.remove(child)  # and its tail
    subject.tail = None


def _text(element: etree._Element) -> str:
    """The text an element shows (comments left out), without its tail."""
    return "".join(element.itertext())


# A line is a list of pieces: elements, or the text between them.
Line = list[Any]


def _lines(paragraph: etree._Element) -> list[Line] | None:
    """Split a paragraph's children into lines at newlines in its own text."""
    lines: list[Line] = [[]]
    if paragraph.text:
        _split_text(paragraph.text, lines)
    for child in paragraph:
        if not isinstance(child.tag, str):
            return None  # a comment or processing instruction: not ours to reshape
        lines[-1].append(child)
        if child.tail:
            _split_text(child.tail, lines)
    return [
        line
        for line in lines
        if any(not isinstance(piece, str) or piece.strip() for piece in line)
    ]


def _split_text(text: str, lines: list[Line]) -> None:
    first, *rest = text.split("\n")
    if first:
        lines[-1].append(first)
    for part in rest:
        lines.append([part] if part else [])


def _is_ial(line: Line) -> bool:
    text = "".join(piece if isinstance(piece, str) else _text(piece) for piece in line)
    return IAL_LINE.fullmatch(text) is not None


def _classified_lines(
    paragraph: etree._Element, subject: etree._Element | None = None
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
        tags = [piece for piece in line if not isinstance(piece, str)]
        loose_blank = all(not piece.strip() for piece in line if isinstance(piece, str))
        if subject is not None and tags == [subject] and loose_blank:
            kind = _IMAGE  # (elements compare by identity)
        elif (
            len(tags) == 1
            and tags[0].tag == "em"
            and loose_blank
            and _text(tags[0]).strip()
            and next(tags[0].iter("img"), None) is None
        ):
            kind = _CAPTION
        elif all(t.tag == "span" for t in tags) and _is_ial(line):
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


def _caption_in(lines: list[tuple[str, Line]]) -> etree._Element | None:
    for kind, line in lines:
        if kind == _CAPTION:
            return next(piece for piece in line if not isinstance(piece, str))
    return None


def _caption_paragraph_after(paragraph: etree._Element) -> etree._Element | None:
    """The next paragraph if it is entirely italic (and only blank text between)."""
    if not _is_blank(paragraph.tail):
        return None
    sibling = paragraph.getnext()  # a comment in between is not blank
    if sibling is None or sibling.tag != "p":
        return None
    lines = _classified_lines(sibling)
    if not lines or [k for k, _ in lines if k == _CAPTION] != [_CAPTION]:
        return None
    return sibling
