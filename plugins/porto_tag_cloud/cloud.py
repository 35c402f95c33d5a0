"""Tag cloud data: tally tags, weigh counts into steps, order and cut the list.

Everything here is a plain function of its arguments, so it can be tested with
hand-made counts and without building a site. :func:`tally_tags` is the only
part that knows Pelican's objects, and it reads only ``tag.url``, ``tag.name``,
``tag.slug``, ``post.tags`` and ``post.date``.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pelican.plugins.porto_pipeline.settings import choice, flag, read, whole

logger = logging.getLogger(__name__)

__all__ = [
    "SCALINGS",
    "SETTINGS",
    "SORTS",
    "CloudOptions",
    "TagCloudEntry",
    "TagTally",
    "build_cloud",
    "keep_most_used",
    "name_key",
    "read_options",
    "sort_tallies",
    "tally_tags",
    "weigh",
]

SCALINGS = ("log", "linear")
SORTS = ("name", "count", "count-name")
SETTINGS = {
    "PORTO_TAG_CLOUD_STEPS": whole(5, minimum=1),
    "PORTO_TAG_CLOUD_SCALING": choice("log", *SCALINGS),
    "PORTO_TAG_CLOUD_SORT": choice("name", *SORTS),
    # None or 0: every tag.
    "PORTO_TAG_CLOUD_MAX_ITEMS": whole(None, none_ok=True),
    "PORTO_TAG_CLOUD_INCLUDE_PAGES": flag(False),
    # Read by the theme's footer.
    "PORTO_TAG_CLOUD_IN_FOOTER": flag(False),
}


@dataclass(frozen=True)
class TagCloudEntry:
    """One link of the cloud, as templates read it."""

    tag: Any  # the Pelican Tag whose page the link points to
    name: str  # the spelling most posts use
    url: str  # relative, like ``tag.url``
    count: int  # posts (and pages, if included) carrying the tag
    step: int  # 1 (least used) … steps (most used)

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class TagTally:
    """A tag's count before it gets a step."""

    tag: Any
    name: str
    url: str
    count: int
    latest: Any = None  # date of the newest article carrying the tag


@dataclass(frozen=True)
class CloudOptions:
    steps: int = SETTINGS["PORTO_TAG_CLOUD_STEPS"].default
    scaling: str = SETTINGS["PORTO_TAG_CLOUD_SCALING"].default
    sort: str = SETTINGS["PORTO_TAG_CLOUD_SORT"].default
    max_items: int | None = SETTINGS["PORTO_TAG_CLOUD_MAX_ITEMS"].default
    include_pages: bool = SETTINGS["PORTO_TAG_CLOUD_INCLUDE_PAGES"].default


def read_options(settings: Mapping[str, Any]) -> CloudOptions:
    """The ``PORTO_TAG_CLOUD_*`` settings (checked at start-up) as options."""

    def setting(name: str) -> Any:
        return read(settings, SETTINGS, "PORTO_TAG_CLOUD_" + name)

    return CloudOptions(
        steps=setting("STEPS"),
        scaling=setting("SCALING"),
        sort=setting("SORT"),
        max_items=setting("MAX_ITEMS") or None,  # 0 means "no limit", like None
        include_pages=setting("INCLUDE_PAGES"),
    )


def name_key(name: str) -> str:
    """Sort key that ignores case and accents: ``Écoles`` sorts with ``ecoles``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", bare)


def _by_name(tally: TagTally) -> tuple:
    # The spelling and URL break ties, so equal keys still sort the same every build.
    return (name_key(tally.name), tally.name, tally.url)


def sort_tallies(tallies: Iterable[TagTally], order: str = "name") -> list[TagTally]:
    """Order the cloud.

    ``name``: A to Z, ignoring case and accents. ``count-name``: most used first,
    equal counts A to Z. ``count``: most used first, equal counts most recently
    used first (then A to Z). Every order ends in a full tie-break, so the result
    never depends on the order the tags arrive in.
    """
    by_name = sorted(tallies, key=_by_name)
    if order == "name":
        return by_name
    if order == "count":
        # Stable sorts: recency within equal counts, name within equal dates.
        by_name.sort(key=lambda t: (t.latest is not None, t.latest or 0), reverse=True)
    elif order != "count-name":
        raise ValueError(f"unknown tag cloud order {order!r}")
    by_name.sort(key=lambda t: t.count, reverse=True)
    return by_name


def keep_most_used(
    tallies: Sequence[TagTally], max_items: int | None
) -> list[TagTally]:
    """The ``max_items`` most used tags (equal counts kept A to Z), in input order."""
    if not max_items or len(tallies) <= max_items:
        return list(tallies)
    kept = {id(t) for t in sort_tallies(tallies, "count-name")[:max_items]}
    return [t for t in tallies if id(t) in kept]


def weigh(counts: Sequence[int], steps: int = 5, scaling: str = "log") -> list[int]:
    """Map each count to a step in ``1 … steps``.

    The least used tag gets 1 and the most used gets ``steps``; the others are
    placed by ``log(count)`` (tag counts follow a power law, so a linear scale
    would put almost every tag at step 1) or by the count itself. When every
    count is equal there is nothing to tell apart: all get the middle step.
    """
    if not counts:
        return []
    if scaling == "log":
        scale = [math.log(max(count, 1)) for count in counts]
    elif scaling == "linear":
        scale = [float(count) for count in counts]
    else:
        raise ValueError(f"unknown tag cloud scaling {scaling!r}")
    low, high = min(scale), max(scale)
    if high == low:
        return [(steps + 1) // 2] * len(counts)
    span = steps - 1
    return [
        min(steps, max(1, 1 + math.floor((value - low) / (high - low) * span + 0.5)))
        for value in scale
    ]


def build_cloud(
    tallies: Sequence[TagTally], options: CloudOptions = CloudOptions()
) -> list[TagCloudEntry]:
    """Cut to the most used tags, weigh what is left, then order it."""
    kept = sort_tallies(keep_most_used(tallies, options.max_items), options.sort)
    steps = weigh([t.count for t in kept], options.steps, options.scaling)
    return [
        TagCloudEntry(tag=t.tag, name=t.name, url=t.url, count=t.count, step=step)
        for t, step in zip(kept, steps, strict=True)
    ]


@dataclass
class _Tally:
    tag: Any
    posts: dict[int, Any] = field(default_factory=dict)
    spellings: Counter = field(default_factory=Counter)
    latest: Any = None

    def add(self, post: Any, spelling: str, dated: bool) -> None:
        if id(post) in self.posts:
            return
        self.posts[id(post)] = post  # keep the object, so its id stays unique
        self.spellings[spelling] += 1
        date = getattr(post, "date", None) if dated else None
        if date is not None and (self.latest is None or date > self.latest):
            self.latest = date

    def name(self) -> str:
        """The most used spelling; on a tie, the first A to Z.

        Not Pelican's own spelling on a tie: that is whichever post Pelican
        happened to list first, which another plugin may reorder.
        """
        top = max(self.spellings.values())
        tied = (n for n, c in self.spellings.items() if c == top)
        return min(tied, key=lambda n: (name_key(n), n))


def _spellings(post: Any) -> dict[str, str]:
    """Tag URL -> the post's own spelling of that tag (its first, if several)."""
    found: dict[str, str] = {}
    for tag in getattr(post, "tags", None) or ():
        found.setdefault(tag.url, tag.name)
    return found


def tally_tags(
    tag_posts: Iterable[tuple[Any, Sequence[Any]]], pages: Iterable[Any] = ()
) -> list[TagTally]:
    """Count the posts of each tag page, from ``ArticlesGenerator.tags`` items.

    Tags that Pelican folds onto one slug (``Café``, ``cafe``) and any that share
    a URL become one entry: each post counts once, and the name is the spelling
    most posts use. ``pages`` add to the counts of tags that have a tag page;
    Pelican writes no page for a tag used only on pages, so those are left out.
    """
    by_url: dict[str, _Tally] = {}
    # Each post's spellings, worked out once: a post with thousands of tags is
    # on thousands of tag pages, and a search of its tags for each would be
    # quadratic (a Tag's URL is computed from the settings on every read).
    spellings: dict[int, tuple[Any, dict[str, str]]] = {}
    for tag, posts in tag_posts:
        if not tag.slug:  # Pelican has already warned; its page is not usable
            continue
        url = tag.url
        tally = by_url.setdefault(url, _Tally(tag))
        for post in posts:
            known = spellings.get(id(post))
            if known is None:
                known = spellings[id(post)] = (post, _spellings(post))
            tally.add(post, known[1].get(url, tag.name), dated=True)
    for page in pages:
        for tag in getattr(page, "tags", None) or ():
            tally = by_url.get(tag.url) if tag.slug else None
            if tally is None:
                logger.debug("porto_tag_cloud: %r is used only on pages", tag.name)
                continue
            tally.add(page, tag.name, dated=False)
    return [
        TagTally(t.tag, t.name(), url, len(t.posts), t.latest)
        for url, t in by_url.items()
        if t.posts
    ]
