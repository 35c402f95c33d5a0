"""Porto sitemap: ``sitemap.xml`` and ``robots.txt`` for a production build.

Once every generator has read its content, the plugin lists what a search
engine should index: the home page, the published articles and the published
pages, each with its last change. Drafts, hidden posts, redirects and posts
marked ``noindex`` (or ``sitemap: false``) are left out, and every post that
must not be indexed gets ``noindex = True`` for the theme's robots tag. When
the site is written, ``sitemap.xml`` goes to the output with a ``robots.txt``
naming it, unless the site has a ``robots.txt`` of its own.

Nothing is written without an absolute ``SITEURL``: a sitemap holds full URLs.
"""

from __future__ import annotations

from pelican import signals

from .sitemap import (
    SETTINGS,
    collect,
    indexable,
    marks_noindex,
    porto_settings,
    render_robots,
    render_sitemap,
    write_files,
)

__all__ = [
    "SETTINGS",
    "collect",
    "indexable",
    "marks_noindex",
    "register",
    "render_robots",
    "render_sitemap",
    "write_files",
]


def register() -> None:
    signals.initialized.connect(porto_settings.checker(__name__, SETTINGS))
    signals.all_generators_finalized.connect(collect)
    signals.finalized.connect(write_files)
