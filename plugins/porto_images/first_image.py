"""``first_image``: the ``src`` of a document's first ``<img>``, for any theme.

A theme that wants a picture for a post with no ``image`` in its front matter
(the social card, ``og:image``) reads ``article.first_image`` instead of
searching the finished HTML. The pipeline's transform notes the ``src`` from
the tree; once every file is known, Pelican's ``{static}``, ``{attach}`` and
``{filename}`` links in it become paths from the site root (``/images/a.png``),
the URL the page will link to, without touching Pelican's own objects.
"""

from __future__ import annotations

import copy
import logging
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlparse, urlunparse

from lxml import etree
from pelican.contents import Content, Static
from pelican.plugins.porto_pipeline import generated_documents

logger = logging.getLogger(__name__)

__all__ = ["note_first_image", "resolve_first_images", "site_path"]

# {static}/x.png, {attach}x.png, |filename|x.md: Pelican's intrasite links.
_PLACEHOLDER = re.compile(r"^(?:\{(\w+)\}|\|(\w+)\|)")


def note_first_image(tree: etree._Element, settings: Mapping[str, Any], doc) -> None:
    """Pipeline transform: ``doc.data["first_image"]`` = the first image's src.

    Only the first ``<img>`` counts, as a reader sees the page: one without a
    ``src`` (or an empty one) means no first image. Reads the tree, never
    changes it.
    """
    img = next(tree.iter("img"), None)
    src = img.get("src") if img is not None else None
    if src:
        doc.data["first_image"] = src


def resolve_first_images(generators: Iterable[Any]) -> None:
    """``all_generators_finalized``: Pelican links in ``first_image`` made paths.

    Static files are all known by then. Documents without an image get ``None``.
    """
    for content in generated_documents(generators):
        src = getattr(content, "first_image", None)
        # Every article and page has the attribute: None when it has no image.
        content.first_image = site_path(content, src) if isinstance(src, str) else None


def site_path(content: Content, src: str) -> str:
    """``src`` with a Pelican link resolved to ``/`` + the linked file's URL.

    Anything else (a full URL, a path as written, a link to a file Pelican
    cannot find) is returned as it is. Static files are looked at through a
    copy: reading a file's ``url`` marks it as referenced, and attaching it
    moves it, both of which would change what Pelican writes later.
    """
    match = _PLACEHOLDER.match(src)
    if not match:
        return src
    what = match.group(1) or match.group(2)
    value = urlparse(src[match.end() :])
    target = _linked(content, what, value.path)
    if target is None:
        return src
    if isinstance(target, Static):
        target = copy.copy(target)
        if what == "attach":
            _quietly(target.attach_to, content)
    url = target.url.replace("\\", "/")
    if not url.startswith("/") and not urlparse(url).scheme:
        url = "/" + url
    parts = list(value)
    parts[2] = url
    return urlunparse(parts)


def _linked(content: Content, what: str, path: str) -> Content | None:
    """The content object a ``{what}path`` link points at, found as Pelican finds it."""
    if what not in {"static", "attach", "filename"}:
        return None
    context = getattr(content, "_context", None) or {}
    # {filename} may name a static file too (Pelican warns about that when it writes).
    keys = ("generated_content", "static_content")[what != "filename" :]
    for candidate in dict.fromkeys((path, unquote(path))):
        if candidate.startswith("/"):
            candidate = candidate[1:]
        else:
            candidate = content.get_relative_source_path(
                os.path.join(content.relative_dir, candidate)
            )
        for key in keys:
            found = (context.get(key) or {}).get(candidate)
            if found is not None:
                return found
    return None


class _Silence(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return False


def _quietly(func, *args) -> None:
    """Run ``func`` without its warnings: Pelican gives them when it writes."""
    log = logging.getLogger("pelican.contents")
    silence = _Silence()
    log.addFilter(silence)
    try:
        func(*args)
    finally:
        log.removeFilter(silence)
