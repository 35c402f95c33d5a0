"""Porto figures: captioned images become ``<figure>`` with a ``<figcaption>``.

The caption is the italic line (or italic paragraph) under an image, as Jekyll
writers put it, or the image title. Runs inside the one-parse Porto pipeline,
after the path resolution of ``porto_links``.
"""

from __future__ import annotations

from pelican import signals

from .figures import DEFAULTS, add_captions, check_settings, porto_pipeline

__all__ = ["DEFAULTS", "add_captions", "register"]


def _initialized(pelican) -> None:
    check_settings(pelican.settings)


def register() -> None:
    porto_pipeline.register()
    signals.initialized.connect(_initialized)
    porto_pipeline.add_transform(
        "figures", add_captions, order=20, plugin=__name__, needs="<img"
    )
