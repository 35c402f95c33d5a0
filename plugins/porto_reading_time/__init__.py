"""Porto reading time: minutes and word count for every article and page.

Counts the words of the rendered text (text nodes only: never tag names or
attribute values), CJK characters one by one, images and code blocks, and sets
``reading_time`` (int minutes, at least 1) and ``word_count`` on each article
and page. Runs inside the one-parse Porto pipeline, in the "measure" phase:
it reads the finished tree.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import checker

from .core import SETTINGS, reading_time


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    porto_pipeline.add_transform(
        "reading_time", reading_time, phase="measure", plugin=__name__
    )
