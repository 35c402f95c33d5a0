"""Porto links: Jekyll-style image and link paths that work under any SITEURL.

``![x](/images/a.png)`` and ``![x](a.png)`` are resolved against the content
folder and handed to Pelican as ``{static}`` links, so the files are copied and
their URLs follow ``SITEURL`` and ``RELATIVE_URLS``. Runs inside the one-parse
Porto pipeline, in the "resolve" phase. In production builds (``RELATIVE_URLS``
off) each page's Pelican links are then resolved once, in place, before writing
starts. Every article's and page's ``url`` is worked out once, when all
generators have finished, so themes read it as a value.
No file from outside the content folder is published (outside.py).
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import checker

from .early import resolve_early
from .links import SETTINGS, resolve_links
from .outside import drop_outside_files
from .urls import fix_url, fix_urls

__all__ = [
    "SETTINGS",
    "drop_outside_files",
    "fix_url",
    "fix_urls",
    "register",
    "resolve_early",
    "resolve_links",
]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    signals.all_generators_finalized.connect(_all_generators_finalized)
    signals.static_generator_finalized.connect(drop_outside_files)
    porto_pipeline.add_transform(
        "links", resolve_links, phase="resolve", plugin=__name__
    )


def _all_generators_finalized(generators) -> None:
    # One receiver, so the order is sure (blinker keeps receivers in a set):
    # URLs first, as resolving the links reads the URL of each linked page.
    generators = list(generators)
    fix_urls(generators)
    resolve_early(generators)
