"""What goes in the sitemap, and writing ``sitemap.xml`` and ``robots.txt``."""

from __future__ import annotations

import datetime
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape

from pelican.contents import Content
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins.porto_pipeline import documents
from pelican.plugins.porto_pipeline import settings as porto_settings

logger = logging.getLogger(__name__)

__all__ = [
    "SETTINGS",
    "collect",
    "indexable",
    "marks_noindex",
    "render_robots",
    "render_sitemap",
    "write_files",
]

# A sitemap holds at most this many URLs (sitemaps.org); engines stop there.
MAX_URLS = 50_000
# The first line of the robots.txt Porto writes: a file without it is the
# site owner's and is never replaced.
ROBOTS_MARK = "# robots.txt written by Porto (porto_sitemap)."
# Where a site keeps its own robots.txt, by Pelican's convention.
USER_ROBOTS = ("extra", "robots.txt")


def _save_as(value: Any, report: Any) -> str:
    """A relative path inside the output, or "" for no sitemap."""
    if value is None or value is False:
        return ""
    if not isinstance(value, str):
        raise porto_settings.Unusable
    path = value.strip().replace("\\", "/")
    if path and (path.startswith("/") or ".." in path.split("/") or path.endswith("/")):
        raise porto_settings.Unusable
    return path


SETTINGS = {
    "PORTO_SITEMAP_SAVE_AS": porto_settings.custom(
        "sitemap.xml",
        'a file name inside the output ("sitemap.xml"), or "" for none',
        _save_as,
    ),
    "PORTO_SITEMAP_ROBOTS": porto_settings.flag(True),
}


@dataclass(frozen=True)
class Entry:
    """One ``<url>``: the full address and the W3C date of its last change."""

    loc: str
    lastmod: str | None


# Content lists of the article and page generators, published ones first.
_PUBLISHED = ("articles", "translations", "pages")
_UNLISTED = (
    "hidden_articles",
    "hidden_translations",
    "hidden_pages",
    "drafts",
    "drafts_translations",
    "draft_pages",
    "draft_translations",
)

_YES = {"true", "yes", "1", "on"}
_NO = {"false", "no", "0", "off"}


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _YES
    return value is True or (isinstance(value, int) and value == 1)


def _falsy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in _NO
    return value is False or (isinstance(value, int) and value == 0)


def marks_noindex(content: Any) -> bool:
    """Whether the post asks search engines to stay away.

    ``noindex: true``, ``robots: noindex`` (or ``"noindex, follow"``, or a
    list holding it) or a Jekyll redirect stub (``redirect_to``) in the front
    matter; also every draft and hidden post.
    """
    meta = getattr(content, "metadata", None) or {}
    if getattr(content, "status", "published") != "published":
        return True
    if _truthy(meta.get("noindex")) or meta.get("redirect_to"):
        return True
    robots = meta.get("robots")
    if isinstance(robots, str):
        robots = robots.replace(",", " ").split()
    if isinstance(robots, (list, tuple)):
        return any(str(item).strip().lower() == "noindex" for item in robots)
    return False


def indexable(content: Any) -> bool:
    """Whether a published post belongs in the sitemap."""
    meta = getattr(content, "metadata", None) or {}
    return (
        not marks_noindex(content)
        and not _falsy(meta.get("sitemap", True))
        and bool(getattr(content, "save_as", ""))
    )


def _lastmod(content: Any) -> datetime.datetime | datetime.date | None:
    value = getattr(content, "modified", None) or getattr(content, "date", None)
    return value if isinstance(value, datetime.date) else None


def _w3c(value: datetime.date | None) -> str | None:
    """A W3C datetime; a date alone when the time has no zone to go with it."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _url(siteurl: str, path: str) -> str:
    """``SITEURL/path`` with the path percent-encoded as a sitemap wants."""
    path = quote(str(path).lstrip("/"), safe="/:@!$&'()*+,;=~%?#")
    return f"{siteurl}/{path}"


def _index_path(save_as: str) -> str:
    """The home page's URL path: an ``index.html`` is served as its folder."""
    if save_as == "index.html" or save_as.endswith("/index.html"):
        return save_as[: -len("index.html")]
    return save_as


def _contents(generators: Iterable[Any], names: Iterable[str]) -> Iterator[Content]:
    kinds = (ArticlesGenerator, PagesGenerator)
    return documents([g for g in generators if isinstance(g, kinds)], names)


def entries(generators: Iterable[Any], settings: dict) -> list[Entry]:
    """The home page, then the published articles and pages, in Pelican's order."""
    generators = list(generators)
    siteurl = str(settings.get("SITEURL") or "").rstrip("/")
    found: list[Entry] = []
    seen: set[str] = set()

    def add(loc: str, lastmod: str | None) -> None:
        if loc not in seen:
            seen.add(loc)
            found.append(Entry(loc, lastmod))

    articles = [
        item
        for item in _contents(generators, ("articles",))
        if item.status == "published"
    ]
    index_save_as = settings.get("INDEX_SAVE_AS") or ""
    if "index" in (settings.get("DIRECT_TEMPLATES") or ()) and index_save_as:
        newest = max(
            (_lastmod(item) for item in articles if _lastmod(item) is not None),
            key=_sort_key,
            default=None,
        )
        add(_url(siteurl, _index_path(index_save_as)), _w3c(newest))
    for item in _contents(generators, _PUBLISHED):
        if indexable(item):
            add(_url(siteurl, item.url), _w3c(_lastmod(item)))
    return found


def _sort_key(value: datetime.date) -> tuple:
    """Compare dates with and without zones (a zone-less time counts as UTC)."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return (value.astimezone(datetime.timezone.utc).replace(tzinfo=None),)
    return (datetime.datetime(value.year, value.month, value.day),)


def render_sitemap(found: Iterable[Entry]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for entry in found:
        lastmod = f"<lastmod>{entry.lastmod}</lastmod>" if entry.lastmod else ""
        lines.append(f"<url><loc>{escape(entry.loc)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render_robots(sitemap_url: str) -> str:
    return (
        f"{ROBOTS_MARK}\n"
        "# To write your own, save it as content/extra/robots.txt and copy it\n"
        "# to the site root (STATIC_PATHS and EXTRA_PATH_METADATA).\n"
        "User-agent: *\n"
        "Disallow:\n"
        "\n"
        f"Sitemap: {sitemap_url}\n"
    )


# What collect() found for the build under way, written by write_files().
_pending: dict[str, Any] = {}


def _absolute(siteurl: Any) -> bool:
    return isinstance(siteurl, str) and siteurl.startswith(("http://", "https://"))


def collect(generators: Iterable[Any]) -> None:
    """``all_generators_finalized``: mark noindex posts, list the sitemap's URLs."""
    generators = list(generators)
    _pending.clear()
    settings = next((g.settings for g in generators if hasattr(g, "settings")), None)
    if settings is None:
        return
    for item in _contents(generators, (*_PUBLISHED, *_UNLISTED)):
        item.noindex = marks_noindex(item)
    save_as = settings.get("PORTO_SITEMAP_SAVE_AS", "sitemap.xml")
    if not save_as:
        return
    if not _absolute(settings.get("SITEURL")):
        logger.info(
            "porto_sitemap: SITEURL %r is not a full URL: no sitemap.xml or "
            "robots.txt (publishconf.py sets one)",
            settings.get("SITEURL"),
        )
        return
    _pending["entries"] = entries(generators, settings)
    _pending["settings"] = settings


def write_files(pelican: Any) -> None:
    """``finalized``: write the sitemap and, unless the site has its own, robots.txt."""
    if not _pending:
        return
    found, settings = _pending.pop("entries"), _pending.pop("settings")
    output = Path(pelican.output_path)
    save_as = settings["PORTO_SITEMAP_SAVE_AS"]
    if len(found) > MAX_URLS:
        logger.warning(
            "porto_sitemap: %d URLs; a sitemap holds %d, engines ignore the rest",
            len(found),
            MAX_URLS,
        )
    target = output / save_as
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_sitemap(found), encoding="utf-8")
    logger.info("porto_sitemap: %d URLs in %s", len(found), save_as)
    if settings.get("PORTO_SITEMAP_ROBOTS", True):
        sitemap_url = _url(str(settings["SITEURL"]).rstrip("/"), save_as)
        _write_robots(output, Path(pelican.path), sitemap_url)


def _write_robots(output: Path, content: Path, sitemap_url: str) -> None:
    robots = output / "robots.txt"
    theirs = content.joinpath(*USER_ROBOTS)
    existing = _read(robots)
    if existing is not None and not existing.startswith(ROBOTS_MARK):
        if "sitemap:" not in existing.lower():
            logger.info(
                "porto_sitemap: robots.txt is the site's own and names no "
                "sitemap; add the line 'Sitemap: %s'",
                sitemap_url,
            )
        return
    if theirs.is_file():
        logger.warning(
            "porto_sitemap: %s is not copied to the site root, so there is no "
            "robots.txt: add 'extra/robots.txt' to STATIC_PATHS and "
            "EXTRA_PATH_METADATA = {'extra/robots.txt': {'path': 'robots.txt'}}",
            os.path.join(*USER_ROBOTS),
        )
        if existing is not None:
            robots.unlink()
        return
    robots.write_text(render_robots(sitemap_url), encoding="utf-8")


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
