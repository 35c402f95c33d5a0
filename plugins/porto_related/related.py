"""Rank articles by the tags they share with each other."""

from __future__ import annotations

import heapq
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["DEFAULTS", "add_related_posts", "related_max", "related_posts"]

DEFAULTS: dict[str, Any] = {"PORTO_RELATED_MAX": 3}


def related_max(settings: Mapping[str, Any]) -> int:
    """``PORTO_RELATED_MAX`` as a count ≥ 0; a bad value warns and uses 3."""
    value = settings.get("PORTO_RELATED_MAX", DEFAULTS["PORTO_RELATED_MAX"])
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    logger.warning(
        "porto_related: PORTO_RELATED_MAX must be a whole number >= 0, not %r; "
        "using %d",
        value,
        DEFAULTS["PORTO_RELATED_MAX"],
    )
    return DEFAULTS["PORTO_RELATED_MAX"]


def _tie_break(article) -> tuple:
    # After the shared-tag count: newest first, then title; the source path
    # settles the rest so two builds of the same site always agree.
    date = getattr(article, "date", None)
    timestamp = date.timestamp() if date is not None else float("-inf")
    return (
        -timestamp,
        str(getattr(article, "title", "")).casefold(),
        str(getattr(article, "source_path", "")),
    )


def related_posts(articles: Sequence, limit: int) -> dict[int, list]:
    """Map ``id(article)`` to its related articles, best first.

    Only articles in the same language are compared; an article without tags,
    or whose tags no other article has, gets an empty list.
    """
    by_tag: dict[tuple[str, Any], list] = defaultdict(list)
    for article in articles:
        for tag in set(getattr(article, "tags", None) or ()):
            by_tag[(getattr(article, "lang", None), tag)].append(article)
    by_id = {id(article): article for article in articles}
    # Computed once per article: popular tags make every pair a candidate.
    tie_break = {id(article): _tie_break(article) for article in articles}
    result: dict[int, list] = {}
    for article in articles:
        lang = getattr(article, "lang", None)
        shared: Counter = Counter()
        for tag in set(getattr(article, "tags", None) or ()):
            for other in by_tag[(lang, tag)]:
                if other is not article:
                    shared[id(other)] += 1
        ranked = heapq.nsmallest(
            limit, shared.items(), key=lambda item: (-item[1], tie_break[item[0]])
        )
        result[id(article)] = [by_id[key] for key, _ in ranked]
    return result


def _all_articles(generator) -> Iterable:
    yield from getattr(generator, "articles", ())
    yield from getattr(generator, "translations", ())


def add_related_posts(generator) -> None:
    """Set ``related_posts`` on every article (and translation) of the build."""
    articles = list(_all_articles(generator))
    related = related_posts(articles, related_max(generator.settings))
    for article in articles:
        article.related_posts = related[id(article)]
