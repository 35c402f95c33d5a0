"""Resolve the relative URLs of feed entries against each entry's link."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin

__all__ = ["absolute_urls", "make_feed_urls_absolute"]

# A start tag, its quoted attribute values read whole (they may hold ">"). In
# text, "<" is always written "&lt;": a code sample showing a tag is not one.
_START_TAG = re.compile(
    r"""<[A-Za-z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*/?>"""
)
# An href, src or poster attribute of that tag, as Pelican and the pipeline
# write them (double quotes). A value that starts with a scheme ("https:",
# "mailto:", "data:") or with "//" is already absolute and is not matched.
_RELATIVE = re.compile(
    r"""(?P<before>\s(?:href|src|poster)\s*=\s*")"""
    r"""(?!//|[A-Za-z][A-Za-z0-9+.\-]*:)(?P<url>[^"]*)(?=")"""
)


def absolute_urls(text: str, base: str) -> str:
    """``text`` with the relative ``href``/``src``/``poster`` URLs of its tags
    made full, resolved against ``base``."""
    if not text or not base or ("href=" not in text and "src=" not in text):
        return text

    def full(match: re.Match) -> str:
        url = urljoin(base, html.unescape(match["url"]))
        return match["before"] + html.escape(url, quote=True)

    def tag(match: re.Match) -> str:
        return _RELATIVE.sub(full, match[0])

    return _START_TAG.sub(tag, text)


def make_feed_urls_absolute(context: Any, feed: Any) -> None:
    """``feed_generated``: rewrite each item's content and summary in place."""
    for item in getattr(feed, "items", ()):
        base = item.get("link")
        if not base:
            continue
        for key in ("content", "description"):
            if isinstance(item.get(key), str):
                item[key] = absolute_urls(item[key], base)
