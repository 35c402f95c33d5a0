"""Resolve image and link paths the way Jekyll writers use them."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import flag, read

logger = logging.getLogger(__name__)

__all__ = ["SETTINGS", "resolve_links"]

SETTINGS = {
    # One warning per post and path for an image or .md link not found.
    "PORTO_LINKS_WARN_MISSING": flag(True),
    # Production builds: resolve each page's links once, before writing (early.py).
    "PORTO_LINKS_RESOLVE_EARLY": flag(True),
}

# (tag, attribute, is it media that must exist?)
_URL_ATTRIBUTES = {
    "img": (("src", True),),
    "a": (("href", False),),
    "source": (("src", True),),
    "video": (("src", True), ("poster", True)),
    "audio": (("src", True),),
}
# Files that Pelican turns into pages: link to them with {filename}.
SOURCE_EXTENSIONS = {".md", ".markdown", ".mkd", ".mdown", ".rst", ".html", ".htm"}


def _is_local(url: str) -> bool:
    if not url or url[0] in "#?{|":
        return False
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc)


# Pelican links that make it copy a file (its INTRASITE_LINK_REGEX takes
# "{" or "|" on either side): checked, then left to Pelican when fine.
_COPYING = re.compile(r"[{|](?:static|attach)[|}]")


def resolve_links(tree: etree._Element, settings: Mapping[str, Any], doc) -> None:
    """Point local images and links at Pelican's ``{static}``/``{filename}``.

    ``/images/a.png`` (site root) and ``a.png`` (next to the post) become
    ``{static}/images/a.png`` when that file exists under the content folder, so
    Pelican copies it and writes a URL that works under any ``SITEURL``. A
    missing image gets one warning naming the post and the path.
    """
    warn = read(settings, SETTINGS, "PORTO_LINKS_WARN_MISSING")
    warned: set[str] = set()
    root = os.path.abspath(doc.content_root) if doc.content_root else ""
    # libxml2 picks the elements by name in C: only these reach Python.
    for element in tree.iter(*_URL_ATTRIBUTES):
        for attribute, is_media in _URL_ATTRIBUTES[element.tag]:
            url = element.get(attribute)
            if url is None:
                continue
            if _is_local(url):
                found = porto_pipeline.local_file(url, doc)
            elif _COPYING.match(url):
                found = porto_pipeline.local_file(url, doc)
                if url not in doc.refused:
                    continue  # Pelican's link: it resolves it or says it cannot
            else:
                continue
            if url in doc.refused:
                # Never published: without the attribute there is nothing for
                # Pelican to copy, and no broken link in the page.
                del element.attrib[attribute]
                problem = f"{doc.refused[url]}: not published ({attribute} removed)"
                _warn_once(warned, doc, url, is_media, problem)
                continue
            if found is None:
                if warn and (is_media or _has_source_extension(url)):
                    _warn_once(
                        warned, doc, url, is_media, "not found under the content folder"
                    )
                continue
            # Written unquoted, as found on disk: libxml2's serialiser
            # percent-encodes spaces and non-ASCII characters in src/href
            # again, and Pelican unquotes a {static} path it cannot find as is.
            element.set(attribute, _placeholder(url, found, root))


def _has_source_extension(url: str) -> bool:
    return os.path.splitext(urlsplit(url).path)[1].lower() in SOURCE_EXTENSIONS


def _placeholder(url: str, found: str, root: str) -> str:
    parts = urlsplit(url)
    # local_file() gives a normalised path under abspath(content_root): cutting
    # the prefix is what relpath() would compute, at a fraction of its cost.
    prefix = root + os.sep
    if found.startswith(prefix):
        relative = found[len(prefix) :]
    else:
        relative = os.path.relpath(found, root)
    relative = relative.replace(os.sep, "/")
    kind = "filename" if _has_source_extension(url) else "static"
    tail = (f"?{parts.query}" if parts.query else "") + (
        f"#{parts.fragment}" if parts.fragment else ""
    )
    return f"{{{kind}}}/{relative}{tail}"


def _warn_once(warned: set, doc, url: str, is_media: bool, problem: str) -> None:
    """One warning per post and path, naming the post."""
    if url in warned:
        return
    warned.add(url)
    logger.warning(
        "%s: %s %s %s",
        doc.relative_path or doc.source_path,
        "image" if is_media else "link target",
        url,
        problem,
    )
