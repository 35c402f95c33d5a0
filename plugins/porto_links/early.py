"""Resolve Pelican's intrasite links once, before any page is written.

Pelican turns ``{static}``, ``{filename}``, ``{tag}``… into URLs the first time
a template reads ``content``, and keeps that text in a memo for the rest of the
build, next to the unresolved ``_content``: every page with such a link is held
twice. With ``RELATIVE_URLS`` off every page is written with the same site URL,
so the resolved text can take the place of ``_content``; Pelican's own pass then
finds nothing left to replace and keeps the very same string.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from pelican.contents import Content, Static
from pelican.plugins.porto_pipeline.settings import read

from .links import SETTINGS

logger = logging.getLogger(__name__)

__all__ = ["resolve_early"]

# Where ArticlesGenerator and PagesGenerator keep their content objects, in
# about the order Pelican writes them; other generators may use the same names.
_CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_translations",
    "hidden_articles",
    "drafts_translations",
    "drafts",
    "pages",
    "hidden_pages",
    "draft_translations",
    "draft_pages",
)


def resolve_early(generators: Iterable[Any]) -> None:
    """``all_generators_finalized``: resolve each page's links in place.

    Does nothing with ``RELATIVE_URLS`` (each page has its own site URL then),
    with ``PORTO_LINKS_RESOLVE_EARLY = False``, or when a page uses ``{attach}``:
    where an attached file ends up depends on which page Pelican writes first.
    """
    generators = list(generators)
    settings = next((g.settings for g in generators if hasattr(g, "settings")), {})
    early = read(settings, SETTINGS, "PORTO_LINKS_RESOLVE_EARLY")
    if settings.get("RELATIVE_URLS") or not early:
        return
    try:
        found = list(_contents(generators))
        if any(_has_attach_link(content) for content, _ in found):
            logger.debug("porto_links: an {attach} link: links left to Pelican")
            return
        for content, siteurl in found:
            _resolve(content, siteurl)
    except Exception as error:
        # Pelican's private link methods are not what this was written
        # against: what is not resolved yet is resolved by Pelican, as usual.
        logger.debug(
            "porto_links: Pelican's link resolution has changed (%r); "
            "links left to Pelican",
            error,
        )


def _contents(generators: list) -> Iterator[tuple[Content, Any]]:
    """Each content object once, with the site URL its generator's feeds use."""
    seen: set[int] = set()
    for generator in generators:
        siteurl = getattr(generator, "context", {}).get("SITEURL")
        for name in _CONTENT_LISTS:
            items = getattr(generator, name, None)
            if not isinstance(items, list | tuple):
                continue
            for item in items:
                for content in (item, *(getattr(item, "translations", None) or ())):
                    if (
                        isinstance(content, Content)
                        and not isinstance(content, Static)
                        and id(content) not in seen
                    ):
                        seen.add(id(content))
                        yield content, siteurl


def _has_attach_link(content: Content) -> bool:
    text = getattr(content, "_content", None)
    if not isinstance(text, str) or "attach" not in text:
        return False
    links = content._get_intrasite_link_regex().finditer(text)
    return any(match.group("what") == "attach" for match in links)


def _resolve(content: Content, siteurl: Any) -> None:
    text = getattr(content, "_content", None)
    if (
        not isinstance(text, str)
        or "{" not in text
        or hasattr(content, "_get_content")
        or not content.save_as  # never written: leave it as Pelican would
        or content.get_siteurl() != siteurl  # pages and feeds would differ
    ):
        return
    resolved = content._update_content(text, siteurl)
    # A link Pelican could not resolve stays as written, and its pass over it
    # again would not give the same text (it repeats a query or fragment): such
    # a page keeps its source and is resolved when written, as usual. The
    # warning it logs again is one Pelican's logger has already shown.
    if not isinstance(resolved, str):
        return
    if content._get_intrasite_link_regex().search(resolved) is None:
        content._content = resolved
