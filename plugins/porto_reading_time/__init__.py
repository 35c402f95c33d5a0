"""Porto reading time: minutes and word count for every article and page.

Counts the words of the rendered text (text nodes only: never tag names or
attribute values), CJK characters one by one, images and code blocks, and sets
``reading_time`` (int minutes, at least 1) and ``word_count`` on each article
and page. Runs inside the one-parse Porto pipeline.
"""

from __future__ import annotations

from pelican import signals

from .core import (
    DEFAULTS,
    Counts,
    Rates,
    count_tree,
    estimate_minutes,
    image_seconds,
    porto_pipeline,
    read_rates,
    reading_time,
    set_defaults,
)

__all__ = [
    "DEFAULTS",
    "Counts",
    "Rates",
    "count_tree",
    "estimate_minutes",
    "image_seconds",
    "read_rates",
    "reading_time",
    "register",
]


def register() -> None:
    porto_pipeline.register()
    porto_pipeline.add_transform(
        "reading_time", reading_time, order=50, plugin=__name__
    )
    signals.initialized.connect(set_defaults)
