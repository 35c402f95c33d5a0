"""Resolve the relative URLs of feed entries against each entry's link."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin

__all__ = ["absolute_urls", "forget", "make_feed_urls_absolute"]

# The start of a double-quoted attribute value (Pelican and the pipeline
# write them so) that is no full URL: no scheme ("https:", "mailto:",
# "data:") and no "//". A fixed "=\"" lets the search skip ahead quickly.
_VALUE = re.compile(r'="(?![A-Za-z][A-Za-z0-9+.\-]*:|//)')
# The attributes that hold a URL, as written after a space.
_URL_ATTRIBUTES = (" href", " src", " poster")

# Entries repeat across feeds (the site's, a category's, each tag's): each
# text is done once per build. Cleared when the build ends.
_done: dict[tuple[str, str], str] = {}


def absolute_urls(text: str, base: str) -> str:
    """``text`` with the relative ``href``/``src``/``poster`` URLs of its tags
    resolved against ``base``.

    An attribute is in a tag when the nearest ``<`` before it is nearer than
    the nearest ``>``: in text, ``<`` is always written ``&lt;``, so a tag
    shown in a code sample is left alone.
    """
    if not text or not base:
        return text
    pieces: list[str] = []
    done = 0
    for match in _VALUE.finditer(text):
        name_end, start = match.start(), match.end()
        if name_end < done or not text.endswith(_URL_ATTRIBUTES, 0, name_end):
            continue
        end = text.find('"', start)
        if end < 0:
            break
        if text.rfind("<", 0, name_end) < text.rfind(">", 0, name_end):
            continue
        url = urljoin(base, html.unescape(text[start:end]))
        pieces += [text[done:start], html.escape(url, quote=True)]
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _cached(text: str, base: str) -> str:
    key = (base, text)
    found = _done.get(key)
    if found is None:
        found = _done[key] = absolute_urls(text, base)
    return found


def forget(*_: Any) -> None:
    """``finalized``: the texts of this build are not needed any more."""
    _done.clear()


def make_feed_urls_absolute(context: Any, feed: Any) -> None:
    """``feed_generated``: rewrite each item's content and summary in place."""
    for item in getattr(feed, "items", ()):
        base = item.get("link")
        if not base:
            continue
        for key in ("content", "description"):
            if isinstance(item.get(key), str):
                item[key] = _cached(item[key], base)
