"""Porto figures: captioned images become ``<figure>`` with a ``<figcaption>``.

The caption is the italic line (or italic paragraph) under an image, as Jekyll
writers put it, or the image title. Runs inside the one-parse Porto pipeline,
in the "structure" phase: after typography (whose curly quotes the attribute
lines may then hold) and the path resolution of ``porto_links``.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import checker

from .figures import SETTINGS, add_captions

__all__ = ["SETTINGS", "add_captions", "register"]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    porto_pipeline.add_transform(
        "figures", add_captions, phase="structure", plugin=__name__
    )
