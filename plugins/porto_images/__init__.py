"""Porto images: ``loading``/``decoding``, ``width``/``height`` and ``alt`` on images.

Sizes come from the image files under the content folder (Pillow reads only
their headers). Runs inside the one-parse Porto pipeline, in the "decorate"
phase: after the figures are in place.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import checker

from .images import SETTINGS, image_size, set_image_attributes

__all__ = ["SETTINGS", "image_size", "register", "set_image_attributes"]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    porto_pipeline.add_transform(
        "images", set_image_attributes, phase="decorate", plugin=__name__
    )
