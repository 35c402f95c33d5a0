"""Porto feeds: every link and image in a feed entry is a full URL.

Pelican's feed writer turns ``{static}`` and ``{filename}`` links into full
URLs, but a link it does not rewrite stays as written: a footnote's
``href="#fn:1"``, a path such as ``/about/``. A feed reader resolves those
against the feed's own address, not the post's, so footnotes jump nowhere.
Just before each feed is written, such URLs are resolved against the entry's
link, as a browser on the post's page would resolve them.
"""

from __future__ import annotations

from pelican import signals

from .feeds import absolute_urls, forget, make_feed_urls_absolute

__all__ = ["absolute_urls", "make_feed_urls_absolute", "register"]


def register() -> None:
    signals.feed_generated.connect(make_feed_urls_absolute)
    signals.finalized.connect(forget)
