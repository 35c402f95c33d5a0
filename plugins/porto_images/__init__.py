"""Porto images: ``loading``/``decoding``, ``width``/``height`` and ``alt`` on images.

Sizes come from the image files under the content folder (Pillow reads only
their headers). Runs inside the one-parse Porto pipeline, after the figures.
Also notes each article's and page's first image as ``first_image``, for
themes (the social image of a post without an ``image`` of its own).
"""

from __future__ import annotations

from pelican import signals

from .first_image import note_first_image, resolve_first_images, site_path
from .images import (
    DEFAULTS,
    check_settings,
    image_size,
    porto_pipeline,
    set_image_attributes,
)

__all__ = [
    "DEFAULTS",
    "image_size",
    "note_first_image",
    "register",
    "resolve_first_images",
    "set_image_attributes",
    "site_path",
]


def _initialized(pelican) -> None:
    check_settings(pelican.settings)


def register() -> None:
    porto_pipeline.register()
    signals.initialized.connect(_initialized)
    porto_pipeline.add_transform(
        "images", set_image_attributes, order=30, plugin=__name__, needs="<img"
    )
    # Reads the finished tree, after every transform that may change it.
    # (order=60: the "measure" phase once transforms are ordered by phase.)
    porto_pipeline.add_transform(
        "first_image",
        note_first_image,
        order=60,
        plugin=__name__,
        needs=("<img", "<IMG"),
    )
    signals.all_generators_finalized.connect(resolve_first_images)
