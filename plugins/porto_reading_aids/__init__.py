"""Porto reading aids: heading anchors, a table of contents, code labels.

Two transforms on the pipeline's shared tree, in the "decorate" phase:
``headings`` gives every heading of a post an ``id`` (slugged as
Python-Markdown's ``toc`` extension would) and a small ``#`` link to itself,
and sets ``toc`` (a list of :class:`TocEntry`) on each article and page that
asks for a table of contents; ``code_labels`` writes each code block's
language as ``data-lang`` on its ``<pre>``. At start-up the plugin also gives
Markdown's ``codehilite`` a Pygments formatter that keeps the language (the
stock one drops it).
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import checker

from .aids import (
    SETTINGS,
    LabelledCodeFormatter,
    TocEntry,
    anchor_label,
    keep_code_languages,
    label_code,
    mark_headings,
    wants_toc,
)

__all__ = [
    "SETTINGS",
    "LabelledCodeFormatter",
    "TocEntry",
    "anchor_label",
    "keep_code_languages",
    "label_code",
    "mark_headings",
    "register",
    "wants_toc",
]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS, keep_code_languages))
    porto_pipeline.add_transform(
        "headings", mark_headings, phase="decorate", plugin=__name__
    )
    porto_pipeline.add_transform(
        "code_labels", label_code, phase="decorate", plugin=__name__
    )
