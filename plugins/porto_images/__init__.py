"""Porto images: ``loading``/``decoding``, ``width``/``height`` and ``alt`` on images.

Sizes come from the image files under the content folder (Pillow reads only
their headers). Runs inside the one-parse Porto pipeline, in the "decorate"
phase: after the figures are in place. Also notes each article's and page's
first image as ``first_image``, for themes (the social image of a post without
an ``image`` of its own).
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import checker

from .first_image import note_first_image, resolve_first_images, site_path
from .images import SETTINGS, image_size, note_image_size, set_image_attributes

__all__ = [
    "SETTINGS",
    "image_size",
    "note_image_size",
    "note_first_image",
    "register",
    "resolve_first_images",
    "set_image_attributes",
    "site_path",
]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    porto_pipeline.add_transform(
        "images", set_image_attributes, phase="decorate", plugin=__name__
    )
    porto_pipeline.add_transform(
        "first_image", note_first_image, phase="measure", plugin=__name__
    )
    porto_pipeline.add_transform(
        "image_size", note_image_size, phase="measure", plugin=__name__
    )
    signals.all_generators_finalized.connect(resolve_first_images)
