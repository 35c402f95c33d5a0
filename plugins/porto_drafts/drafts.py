"""Keep the files linked only from unwritten documents out of the output."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from pelican.contents import Content, Static

logger = logging.getLogger(__name__)

__all__ = ["drop_unwritten_links", "remember_articles", "unwritten_only_links"]

# Where the article and page generators keep their documents.
_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)

# The article generator of the build under way, until the pages are read.
_articles: list[Any] = []


def remember_articles(generator: Any) -> None:
    """``article_generator_finalized``: keep the generator for the next step."""
    _articles[:] = [generator]


def _documents(generators: Iterable[Any]) -> Iterator[Content]:
    seen: set[int] = set()
    for generator in generators:
        for name in _LISTS:
            for item in getattr(generator, name, None) or ():
                if (
                    isinstance(item, Content)
                    and not isinstance(item, Static)
                    and id(item) not in seen
                ):
                    seen.add(id(item))
                    yield item


def unwritten_only_links(documents: Iterable[Content]) -> set[str]:
    """The ``{static}`` targets that only documents with no ``save_as`` link."""
    documents = list(documents)
    if all(document.save_as for document in documents):
        return set()
    written: set[str] = set()
    unwritten: set[str] = set()
    for document in documents:
        (written if document.save_as else unwritten).update(document.get_static_links())
    return unwritten - written


def drop_unwritten_links(generator: Any) -> None:
    """``page_generator_finalized``: take those files off Pelican's copy list.

    The static generator, which Pelican always runs last, copies what is left.
    """
    generators = [*_articles, generator]
    _articles.clear()
    links = generator.context.get("static_links")
    if not isinstance(links, set):
        return
    dropped = unwritten_only_links(_documents(generators)) & links
    if dropped:
        links -= dropped
        logger.debug(
            "porto_drafts: not copied, linked only from unwritten drafts: %s",
            ", ".join(sorted(dropped)),
        )
