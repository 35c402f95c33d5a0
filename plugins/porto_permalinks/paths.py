"""Relative paths as a browser resolved them on the Jekyll site.

Porto looks a relative path up next to the source file first (what
``porto_links`` does). A post copied out of a Jekyll site was written for its
URL, not its folder: ``![](../../../images/a.png)`` in a post served at
``/2020/01/02/x.html`` meant ``/images/a.png``. The ``jekyll_paths`` transform
runs in the "resolve" phase just before ``links`` (transforms of a phase run
by name) and rewrites such a path to the site-root path it meant, when that
file exists, so ``links`` then hands it to Pelican like any ``/images/…``
path. Backslashes become slashes, as browsers turn them in http(s) URLs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from pelican.contents import Static
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import read

from .permalinks import SETTINGS, jekyll_url

logger = logging.getLogger(__name__)

__all__ = ["check_images", "forward_slashes", "resolve_as_browser"]

_URL_ATTRIBUTES = {
    "img": ("src",),
    "a": ("href",),
    "source": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}
# Chirpy's front matter keys for the folder of a post's images (Chirpy 7
# calls it media_subpath, earlier versions img_path).
_MEDIA_FOLDER_KEYS = ("media_subpath", "img_path")
# A host to resolve paths against: only the path of the result is used.
_ORIGIN = "http://jekyll.invalid"


def _is_local(url: str) -> bool:
    if not url or url[0] in "#?{|":
        return False
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc)


def forward_slashes(url: str) -> str:
    """``\\images\\a.png`` → ``/images/a.png``: what a browser requests.

    Only the path: a backslash in the query or fragment is kept.
    """
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut].replace("\\", "/") + url[cut:]


def _split_tail(url: str) -> tuple[str, str]:
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut], url[cut:]


def _media_folder(metadata: Mapping[str, Any]) -> str:
    for key in _MEDIA_FOLDER_KEYS:
        value = metadata.get(key)
        if isinstance(value, str) and value.strip():
            return "/" + value.strip().strip("/") + "/"
    return ""


def resolve_as_browser(
    tree: etree._Element, settings: Mapping[str, Any], doc: porto_pipeline.Document
) -> None:
    """Rewrite relative paths that only make sense from the post's old URL.

    For each local ``src``/``href`` (after turning backslashes into slashes):
    a site-root path, or a file found next to the source, is left to
    ``porto_links``; otherwise the path is resolved against Chirpy's
    ``media_subpath`` (images) and then against the post's Jekyll URL, and
    replaced by the site-root path of the first file that exists.
    """
    relative = read(settings, SETTINGS, "PORTO_PERMALINKS_RELATIVE_TO_URL")
    bases: list[str] | None = None
    for element in tree.iter(*_URL_ATTRIBUTES):
        for attribute in _URL_ATTRIBUTES[element.tag]:
            url = element.get(attribute)
            if url is None or not _is_local(url):
                continue
            if "\\" in url:
                url = forward_slashes(url)
                element.set(attribute, url)
                if not _is_local(url):  # "\\host\x" is "//host/x": another host
                    continue
            if not relative or url.startswith("/"):
                continue
            if porto_pipeline.local_file(url, doc) is not None:
                continue  # next to the source file: Porto's own rule first
            if bases is None:
                bases = _bases(doc, settings)
            path, tail = _split_tail(url)
            for base in bases if element.tag != "a" else bases[-1:]:
                resolved = urlsplit(urljoin(_ORIGIN + base, path)).path
                if porto_pipeline.local_file(resolved, doc) is not None:
                    element.set(attribute, resolved + tail)
                    break


def _bases(doc: porto_pipeline.Document, settings: Mapping[str, Any]) -> list[str]:
    """URL paths a relative path may be relative to, in the order tried."""
    bases = []
    folder = _media_folder(doc.metadata)
    if folder:
        bases.append(folder)
    try:
        url = jekyll_url(
            doc.metadata,
            doc.source_path,
            settings,
            page=doc.kind == "page",
            fallback=True,
        )
    except Exception:  # odd metadata: no old URL to go by
        url = None
    bases.append(url or "/")
    return bases


# -- front matter images -----------------------------------------------------

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


def _documents(generator: Any):
    seen: set[int] = set()
    for name in _LISTS:
        for item in getattr(generator, name, None) or ():
            if not isinstance(item, Static) and id(item) not in seen:
                seen.add(id(item))
                yield item


def check_images(generator: Any) -> None:
    """``article_generator_finalized``/``page_generator_finalized``: the post's
    picture (front matter ``image``, ``header.teaser``/``header.image``,
    Chirpy's ``image.path``) must be a file under the content folder.

    A missing one is reported once, naming the post, and the post goes without
    (no broken card image; the page's social image falls back to the first
    image of the post). A found one outside ``STATIC_PATHS`` is copied too.
    Remote images are left alone.
    """
    root = generator.settings.get("PATH") or ""
    if not root:
        return
    root = os.path.abspath(root)
    links = generator.context.setdefault("static_links", set())
    for item in _documents(generator):
        metadata = getattr(item, "metadata", None) or {}
        value = metadata.get("image")
        if not isinstance(value, str) or not value.strip():
            continue
        found = _find_image(value.strip(), item, root)
        if found is None:
            continue  # remote, data: or a Pelican placeholder we cannot check
        if found == "":
            logger.warning(
                "%s: front matter image %s not found under the content folder; "
                "the post is listed without a picture",
                _relative(item, root),
                value.strip(),
            )
            item.image = None
            continue
        item.image = "/" + found
        if getattr(item, "status", "published") != "draft":
            links.add(found)


def _find_image(value: str, item: Any, root: str) -> str | None:
    """The image's path under the content folder, ``""`` when missing, or
    ``None`` for what is not a local path."""
    for prefix in ("{static}", "{attach}"):
        if value.startswith(prefix):
            value = value[len(prefix) :]
    value = forward_slashes(value)
    if not _is_local(value) or value.startswith("data:"):
        return None
    path = unquote(_split_tail(value)[0])
    if not path:
        return None
    candidates = []
    if path.startswith("/"):
        candidates.append(path)
    else:
        folder = _media_folder(getattr(item, "metadata", {}) or {})
        if folder:
            candidates.append(folder + path)
        candidates.append("/" + path)  # site root, as Jekyll themes read it
        source = getattr(item, "source_path", "") or ""
        if source:
            here = os.path.relpath(os.path.dirname(source), root).replace(os.sep, "/")
            candidates.append("/" + here + "/" + path)
    for candidate in candidates:
        full = os.path.normpath(os.path.join(root, candidate.lstrip("/")))
        if full.startswith(root + os.sep) and os.path.isfile(full):
            return os.path.relpath(full, root).replace(os.sep, "/")
    return ""


def _relative(item: Any, root: str) -> str:
    source = getattr(item, "source_path", "") or ""
    return os.path.relpath(source, root).replace(os.sep, "/") if source else "?"
