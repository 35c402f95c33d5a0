"""Rank articles by the tags they share with each other."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from pelican.plugins.porto_pipeline.settings import read, whole

__all__ = ["SETTINGS", "add_related_posts", "related_posts"]

SETTINGS = {
    # How many related posts each article lists (0: none).
    "PORTO_RELATED_MAX": whole(3),
}


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
    # Each article's place in the tie-break order (newest first, then title,
    # then source path); the counting below works on these integers.
    ordered = sorted(articles, key=_tie_break)
    rank = {id(article): place for place, article in enumerate(ordered)}
    by_tag: dict[tuple[str, Any], list[int]] = defaultdict(list)
    for place, article in enumerate(ordered):
        for tag in set(getattr(article, "tags", None) or ()):
            by_tag[(getattr(article, "lang", None), tag)].append(place)
    result: dict[int, list] = {}
    for article in articles:
        lang = getattr(article, "lang", None)
        places: list[int] = []
        for tag in set(getattr(article, "tags", None) or ()):
            places.extend(by_tag[(lang, tag)])
        # Counted in tie-break order, so most_common (stable) ranks articles
        # sharing as many tags by that order: no Python call per candidate.
        places.sort()
        shared = Counter(places)
        shared.pop(rank[id(article)], None)
        result[id(article)] = [ordered[place] for place, _ in shared.most_common(limit)]
    return result


def _all_articles(generator) -> Iterable:
    yield from getattr(generator, "articles", ())
    yield from getattr(generator, "translations", ())


def add_related_posts(generator) -> None:
    """Set ``related_posts`` on every article (and translation) of the build."""
    articles = list(_all_articles(generator))
    related = related_posts(
        articles, read(generator.settings, SETTINGS, "PORTO_RELATED_MAX")
    )
    for article in articles:
        article.related_posts = related[id(article)]
