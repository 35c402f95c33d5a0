"""Redirect pages: ``redirect_from`` and ``redirect_to``, as in jekyll-redirect-from.

``redirect_from: /old/path/`` (a string or a list) writes a small page at
``old/path/index.html`` that sends the reader on to the post: a meta refresh,
a canonical link, a visible link and ``noindex``. ``redirect_to: URL`` makes
the post's own page such a redirect. What to write is decided once every
document is known (``all_generators_finalized``); the files are written when
Pelican has written everything else (``finalized``), so a path that turned out
to be a real page of the site is reported and left alone.
"""

from __future__ import annotations

import html
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from pelican.contents import Content
from pelican.plugins.porto_pipeline import documents as all_documents
from pelican.plugins.porto_pipeline.settings import read

from .permalinks import SETTINGS, Unwritable, destination

logger = logging.getLogger(__name__)

__all__ = ["Redirect", "collect_redirects", "render_redirect", "write_redirects"]

# The second line of every page this plugin writes: a page that starts this
# way is a redirect from an earlier build, which may be replaced.
MARK = "<!-- redirect page written by porto_permalinks -->"

# Where the generators keep their documents (drafts left out: production
# builds do not write them, and a redirect to nowhere helps no one).
_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
)


@dataclass(frozen=True)
class Redirect:
    """A page to write at ``save_as`` sending readers to ``target``: a
    document (``redirect_from``) or a URL or site path (``redirect_to``)."""

    save_as: str
    target: Any
    source: str
    own_page: bool = False


# This build's redirects, from all_generators_finalized to finalized.
_pending: list[Redirect] = []


def _name(content: Any) -> str:
    source = getattr(content, "source_path", "") or ""
    root = content.settings.get("PATH") or ""
    if source and root:
        return os.path.relpath(source, root).replace(os.sep, "/")
    return source or getattr(content, "title", "?")


def _paths(value: Any) -> list[str]:
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, (list, tuple)):
        found: list[str] = []
        for item in value:
            found.extend(_paths(item))
        return found
    text = str(value).strip()
    return [text] if text else []


def collect_redirects(generators: Iterable[Any]) -> None:
    """``all_generators_finalized``: the redirect pages this build will write."""
    _pending.clear()
    generators = list(generators)
    settings = next((g.settings for g in generators if hasattr(g, "settings")), {})
    if not read(settings, SETTINGS, "PORTO_PERMALINKS_REDIRECTS"):
        return
    documents = sorted(all_documents(generators, _LISTS), key=_name)
    # Static files are not looked at here: reading a Static's save_as pins
    # it, and an {attach} link could no longer move the file next to its
    # post. A redirect onto one is caught when the files are written.
    taken: dict[str, Any] = {}
    for document in documents:
        if document.save_as:
            taken.setdefault(document.save_as, document)
    claimed: dict[str, str] = {}
    for document in documents:
        meta = document.metadata
        name = _name(document)
        targets = _paths(meta.get("redirect_to"))
        if targets and document.save_as:
            _pending.append(Redirect(document.save_as, targets[0], name, True))
        for path in _paths(meta.get("redirect_from")):
            save_as = _redirect_file(path, name)
            if save_as is None:
                continue
            holder = taken.get(save_as)
            if holder is document:
                logger.warning(
                    "%s: redirect_from %s is the post's own URL; no redirect written",
                    name,
                    path,
                )
                continue
            if holder is not None:
                logger.warning(
                    "%s: redirect_from %s would replace %s (%s); no redirect written",
                    name,
                    path,
                    save_as,
                    _name(holder) if isinstance(holder, Content) else "a file",
                )
                continue
            if save_as in claimed:
                logger.warning(
                    "%s: redirect_from %s is also claimed by %s; that one is kept",
                    name,
                    path,
                    claimed[save_as],
                )
                continue
            claimed[save_as] = name
            _pending.append(Redirect(save_as, document, name))


def _redirect_file(path: str, name: str) -> str | None:
    """The output file for a ``redirect_from`` path, or ``None`` (reported)."""
    parts = urlsplit(path.replace("\\", "/"))
    if parts.scheme or parts.netloc:
        logger.warning(
            "%s: redirect_from %s is a full URL; only paths of this site can "
            "redirect; ignored",
            name,
            path,
        )
        return None
    try:
        return destination(parts.path).save_as
    except Unwritable as problem:
        logger.warning("%s: redirect_from %s %s; ignored", name, path, problem)
        return None


def _is_ours(path: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return MARK in handle.read(200)
    except OSError:
        return False


def write_redirects(pelican: Any) -> None:
    """``finalized``: write the pages ``collect_redirects`` chose."""
    settings = pelican.settings
    output = settings.get("OUTPUT_PATH") or "output"
    written = 0
    for redirect in _pending:
        path = os.path.join(output, *redirect.save_as.split("/"))
        if not redirect.own_page and os.path.exists(path) and not _is_ours(path):
            logger.warning(
                "%s: redirect_from would replace %s, a page of the site; "
                "no redirect written",
                redirect.source,
                redirect.save_as,
            )
            continue
        page = render_redirect(redirect, settings)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(page)
        written += 1
    if written:
        logger.info("porto_permalinks: wrote %d redirect page(s)", written)
    _pending.clear()


def _site_path(url: str, save_as: str, settings: Any) -> tuple[str, str]:
    """``(href, canonical)`` for a path under the site, as seen from the
    redirect page at ``save_as``."""
    siteurl = str(settings.get("SITEURL") or "").rstrip("/")
    absolute = siteurl.startswith(("http://", "https://"))
    url = url.lstrip("/")
    if settings.get("RELATIVE_URLS"):
        depth = save_as.count("/")
        href = ("/".join([".."] * depth) or ".") + "/" + url
    else:
        href = siteurl + "/" + url
    return href, (siteurl + "/" + url if absolute else href)


def _target(redirect: Redirect, settings: Any) -> tuple[str, str, str]:
    """``(href, canonical, link text)`` of the redirect's target."""
    target = redirect.target
    if isinstance(target, Content):
        href, canonical = _site_path(target.url, redirect.save_as, settings)
        title = re.sub(r"<[^>]*>", "", str(getattr(target, "title", "") or ""))
        return href, canonical, html.unescape(title) or canonical
    target = str(target)
    parts = urlsplit(target)
    if parts.scheme or target.startswith("//"):
        return target, target, target
    href, canonical = _site_path(target, redirect.save_as, settings)
    return href, canonical, canonical


def render_redirect(redirect: Redirect, settings: Any) -> str:
    """The redirect page's HTML."""
    href, canonical, text = _target(redirect, settings)
    lang = str(settings.get("DEFAULT_LANG") or "en")
    attr = html.escape(href, quote=True)
    return (
        "<!DOCTYPE html>\n"
        f"{MARK}\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>Moved: {html.escape(text, quote=False)}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        f'<meta http-equiv="refresh" content="0; url={attr}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved to <a href="{attr}">'
        f"{html.escape(text, quote=False)}</a>.</p>\n"
        "</body>\n"
        "</html>\n"
    )
