"""Every article and page of a build, for plugins that look at them all.

Pelican's article and page generators keep their documents in several lists
(published, translations, hidden, drafts); ``generated_content`` in the shared
context holds all it read, by source path. Plugins walk them through here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pelican.contents import Content, Static

__all__ = ["DOCUMENT_LISTS", "documents", "generated_documents", "generator_documents"]

# Where the article and page generators keep their documents, written or not.
DOCUMENT_LISTS = (
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


def generator_documents(
    generators: Iterable[Any],
    names: Iterable[str] = DOCUMENT_LISTS,
    *,
    translations: bool = False,
) -> Iterator[tuple[Any, Content]]:
    """``(generator, document)`` for each article or page the generators hold
    in the lists ``names``, in that order, each document once.

    With ``translations``, each document's ``translations`` follow it (a
    generator that does not list them apart still has them walked). Lists
    that are not a list or a tuple (another generator's attribute of the same
    name) and anything that is not an article or page are passed over.
    """
    names = tuple(names)
    seen: set[int] = set()
    for generator in generators:
        for name in names:
            items = getattr(generator, name, None)
            if not isinstance(items, list | tuple):
                continue
            for item in items:
                extra = getattr(item, "translations", None) if translations else None
                for document in (item, *(extra or ())):
                    if (
                        isinstance(document, Content)
                        and not isinstance(document, Static)
                        and id(document) not in seen
                    ):
                        seen.add(id(document))
                        yield generator, document


def documents(
    generators: Iterable[Any],
    names: Iterable[str] = DOCUMENT_LISTS,
    *,
    translations: bool = False,
) -> Iterator[Content]:
    """Each article or page the generators hold (see
    :func:`generator_documents`), once."""
    pairs = generator_documents(generators, names, translations=translations)
    for _, document in pairs:
        yield document


def generated_documents(generators: Iterable[Any]) -> list[Content]:
    """Every article and page Pelican read (translations, drafts and hidden
    ones too), from the shared context's ``generated_content``; ``[]`` before
    there is one."""
    for generator in generators:
        found = getattr(generator, "context", {}).get("generated_content")
        if isinstance(found, dict):
            break
    else:
        return []
    return [
        content
        for content in found.values()
        if isinstance(content, Content) and not isinstance(content, Static)
    ]
