"""Porto images: ``loading``/``decoding``, ``width``/``height`` and ``alt`` on images.

Sizes come from the image files under the content folder (Pillow reads only
their headers). Runs inside the one-parse Porto pipeline, after the figures.
"""

from __future__ import annotations

from pelican import signals

from .images import (
    DEFAULTS,
    check_settings,
    image_size,
    porto_pipeline,
    set_image_attributes,
)

__all__ = ["DEFAULTS", "image_size", "register", "set_image_attributes"]


def _initialized(pelican) -> None:
    check_settings(pelican.settings)


def register() -> None:
    porto_pipeline.register()
    signals.initialized.connect(_initialized)
    porto_pipeline.add_transform(
        "images", set_image_attributes, order=30, plugin=__name__, needs="<img"
    )
