"""Porto permalinks: a Jekyll blog's URLs survive the move.

- ``permalink:`` in the front matter, or ``PORTO_JEKYLL_PERMALINK`` for the
  whole site (Jekyll's style names or a pattern), sets each post's URL and
  output file; every link to the post follows (Pelican's ``url``/``save_as``).
- ``redirect_from:`` writes redirect pages at the old paths; ``redirect_to:``
  turns the post's own page into a redirect.
- Relative paths a post was written with resolve as a browser resolved them
  on the old site (against the post's Jekyll URL) when they are not found next
  to the source; backslashes count as slashes.
- A front matter image that does not exist is reported, and left off.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import checker

from .paths import check_images, forward_slashes, resolve_as_browser
from .permalinks import (
    SETTINGS,
    STYLES,
    apply_permalink,
    destination,
    expand,
    jekyll_slugify,
    jekyll_url,
)
from .redirects import collect_redirects, render_redirect, write_redirects

__all__ = [
    "SETTINGS",
    "STYLES",
    "apply_permalink",
    "check_images",
    "collect_redirects",
    "destination",
    "expand",
    "forward_slashes",
    "jekyll_slugify",
    "jekyll_url",
    "register",
    "render_redirect",
    "resolve_as_browser",
    "write_redirects",
]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    signals.content_object_init.connect(apply_permalink)
    signals.article_generator_finalized.connect(check_images)
    signals.page_generator_finalized.connect(check_images)
    signals.all_generators_finalized.connect(collect_redirects)
    signals.finalized.connect(write_redirects)
    # "jekyll_paths" sorts before "links": it runs first in the resolve phase.
    porto_pipeline.add_transform(
        "jekyll_paths", resolve_as_browser, phase="resolve", plugin=__name__
    )
