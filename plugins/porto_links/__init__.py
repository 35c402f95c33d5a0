"""Porto links: Jekyll-style image and link paths that work under any SITEURL.

``![x](/images/a.png)`` and ``![x](a.png)`` are resolved against the content
folder and handed to Pelican as ``{static}`` links, so the files are copied and
their URLs follow ``SITEURL`` and ``RELATIVE_URLS``. Runs inside the one-parse
Porto pipeline. In production builds (``RELATIVE_URLS`` off) each page's
Pelican links are then resolved once, in place, before writing starts. Every
article's and page's ``url`` is worked out once, when all generators have
finished, so themes read it as a value.
"""

from __future__ import annotations

from pelican import signals

from .early import resolve_early
from .links import porto_pipeline, resolve_links
from .urls import fix_url, fix_urls

__all__ = ["fix_url", "fix_urls", "register", "resolve_early", "resolve_links"]


def register() -> None:
    porto_pipeline.register()
    porto_pipeline.add_transform("links", resolve_links, order=10, plugin=__name__)
    signals.all_generators_finalized.connect(_all_generators_finalized)


def _all_generators_finalized(generators) -> None:
    # One receiver, so the order is sure (blinker keeps receivers in a set):
    # URLs first, as resolving the links reads the URL of each linked page.
    generators = list(generators)
    fix_urls(generators)
    resolve_early(generators)
