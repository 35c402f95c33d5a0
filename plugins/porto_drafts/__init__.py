"""Porto drafts: a draft that is not written publishes none of its files.

With ``DRAFT_SAVE_AS = ""`` (``publishconf.py``) Pelican writes no page for a
draft, but it still copies every file the draft links with ``{static}`` (an
image next to the post, which ``porto_links`` turns into such a link): the
copy is decided while the posts are read, before anyone knows the draft will
not be written. Once the articles and pages are read, this plugin takes back
the files that only unwritten documents link to, and warns about a published
post that links to such a draft (the link would lead nowhere).
"""

from __future__ import annotations

from pelican import signals

from .drafts import drop_unwritten_links, remember_articles

__all__ = ["drop_unwritten_links", "register", "remember_articles"]


def register() -> None:
    signals.article_generator_finalized.connect(remember_articles)
    signals.page_generator_finalized.connect(drop_unwritten_links)
