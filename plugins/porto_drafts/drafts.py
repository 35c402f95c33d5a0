"""Keep the files linked only from unwritten documents out of the output."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlparse

from pelican.contents import Content
from pelican.plugins.porto_pipeline import documents as all_documents

logger = logging.getLogger(__name__)

__all__ = [
    "drop_unwritten_links",
    "links_to_unwritten",
    "remember_articles",
    "unwritten_only_links",
]

# The article generator of the build under way, until the pages are read.
_articles: list[Any] = []


def remember_articles(generator: Any) -> None:
    """``article_generator_finalized``: keep the generator for the next step."""
    _articles[:] = [generator]


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


def _linked_source(document: Content, value: str) -> str:
    """The source path a ``{filename}`` link names, as Pelican reads it."""
    path = unquote(urlparse(value).path)
    if path.startswith("/"):
        return path[1:]
    return document.get_relative_source_path(os.path.join(document.relative_dir, path))


def links_to_unwritten(documents: Iterable[Content]) -> list[tuple[str, str]]:
    """``(linking source, draft source)`` for each ``{filename}`` link from a
    written document to one that is not written."""
    documents = list(documents)
    unwritten = {
        document.relative_source_path
        for document in documents
        if not document.save_as and document.source_path
    }
    if not unwritten:
        return []
    found = []
    for document in documents:
        text = getattr(document, "_content", None)
        if not document.save_as or not isinstance(text, str) or "filename" not in text:
            continue
        for match in document._get_intrasite_link_regex().finditer(text):
            if match.group("what") != "filename":
                continue
            target = _linked_source(document, match.group("value"))
            if target in unwritten:
                found.append((document.relative_source_path, target))
    return found


def drop_unwritten_links(generator: Any) -> None:
    """``page_generator_finalized``: take those files off Pelican's copy list,
    and report links from written posts to unwritten drafts.

    The static generator, which Pelican always runs last, copies what is left.
    """
    generators = [*_articles, generator]
    _articles.clear()
    documents = list(all_documents(generators))
    for source, draft in dict.fromkeys(links_to_unwritten(documents)):
        logger.warning(
            "porto_drafts: %s links to %s, a draft this build does not write; "
            "the link leads nowhere",
            source,
            draft,
        )
    links = generator.context.get("static_links")
    if not isinstance(links, set):
        return
    dropped = unwritten_only_links(documents) & links
    if dropped:
        links -= dropped
        logger.debug(
            "porto_drafts: not copied, linked only from unwritten drafts: %s",
            ", ".join(sorted(dropped)),
        )
