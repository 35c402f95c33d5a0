"""Each article's and page's URL and file worked out once, then read as values.

Pelican formats ``content.url`` and ``content.save_as`` anew on every read
(``ARTICLE_URL`` with the post's date, slug and language), and a theme reads
each post's URL from many pages: the index, archives, every tag, category and
author list, related posts, older/newer links; the writer, the redirects and
the link resolution read its file. Pelican's ``Content.url`` and ``save_as``
return ``override_url`` and ``override_save_as`` when the object has them, so
once every generator has finished (slugs, languages and statuses are settled)
those attributes are set to what Pelican works out, and every later read, by
any theme or plugin, is an attribute read.

Pelican's generator-level content cache pickles content objects before this
runs, so no fixed value is ever stored in it; an object that carries one from
elsewhere (marked as Porto's) gets a fresh one. A ``url`` or ``save_as`` set in
the front matter, or by another plugin, is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pelican.contents import Content
from pelican.plugins.porto_pipeline import generated_documents

__all__ = ["fix_url", "fix_urls"]

# Where the URL and file this plugin set are remembered, as (url, save_as)
# with None for one it left alone, to tell them from anyone else's.
_MARK = "_porto_fixed_url"


def fix_urls(generators: Iterable[Any]) -> None:
    """``all_generators_finalized``: fix the URL of every article and page."""
    # Articles, pages, their translations, drafts and hidden ones: everything
    # Pelican read.
    for content in generated_documents(generators):
        fix_url(content)


def fix_url(content: Content) -> None:
    """Set ``content.override_url`` and ``override_save_as`` to the URL and
    file Pelican works out for it now."""
    attributes = content.__dict__
    mine = attributes.get(_MARK)
    if isinstance(mine, tuple):  # set by an earlier build: work them out again
        for name, value in zip(("override_url", "override_save_as"), mine, strict=True):
            if value is not None and attributes.get(name) == value:
                del attributes[name]
    fixed = []
    for name, attribute in (("url", "override_url"), ("save_as", "override_save_as")):
        if hasattr(content, attribute):  # front matter, or another plugin's choice
            fixed.append(None)
            continue
        value = getattr(content, name)
        setattr(content, attribute, value)
        fixed.append(value)
    setattr(content, _MARK, tuple(fixed))
