"""Each article's and page's URL worked out once, then read as a value.

Pelican formats ``content.url`` anew on every read (``ARTICLE_URL`` with the
post's date, slug and language), and a theme reads each post's URL from many
pages: the index, archives, every tag, category and author list, related posts,
older/newer links. Pelican's ``Content.url`` returns ``override_url`` when the
object has one, so once every generator has finished (slugs, languages and
statuses are settled) that attribute is set to the URL Pelican works out, and
every later read, by any theme or plugin, is an attribute read.

Pelican's generator-level content cache pickles content objects before this
runs, so no fixed URL is ever stored in it; an object that carries one from
elsewhere (marked as Porto's) gets a fresh one. A ``url`` set in the front
matter, or by another plugin, is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pelican.contents import Content
from pelican.plugins.porto_pipeline import generated_documents

__all__ = ["fix_url", "fix_urls"]

# Where the URL this plugin set is remembered, to tell it from anyone else's.
_MARK = "_porto_fixed_url"


def fix_urls(generators: Iterable[Any]) -> None:
    """``all_generators_finalized``: fix the URL of every article and page."""
    # Articles, pages, their translations, drafts and hidden ones: everything
    # Pelican read.
    for content in generated_documents(generators):
        fix_url(content)


def fix_url(content: Content) -> None:
    """Set ``content.override_url`` to the URL Pelican works out for it now."""
    mine = content.__dict__.get(_MARK)
    if mine is not None and content.__dict__.get("override_url") == mine:
        del content.override_url  # set by an earlier build: work it out again
    if hasattr(content, "override_url"):
        return  # the front matter's `url`, or another plugin's choice
    url = content.url
    content.override_url = url
    setattr(content, _MARK, url)
