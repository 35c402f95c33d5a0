"""Jekyll permalinks: a post's URL and output file from a pattern.

Pure functions (``expand``, ``destination``, ``jekyll_url``) work out where
Jekyll would have put a post; ``apply_permalink`` hands the result to Pelican
as the post's ``url``/``save_as`` (the ``override_url``/``override_save_as``
attributes its ``url`` and ``save_as`` properties read first).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.contents import Article, Page
from pelican.plugins.porto_pipeline.settings import Unusable, custom, flag, read
from pelican.utils import slugify

logger = logging.getLogger(__name__)

__all__ = [
    "SETTINGS",
    "STYLES",
    "Destination",
    "apply_permalink",
    "destination",
    "expand",
    "jekyll_slugify",
    "jekyll_url",
    "placeholders",
    "site_pattern",
]

# Jekyll's built-in permalink styles (its "Built-in formats" table).
STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
# Jekyll's default when _config.yml names no permalink: where a post was
# served on the old site when nothing else is known (relative paths).
JEKYLL_DEFAULT = "date"

_PLACEHOLDER_NAMES = (
    "slugified_categories",
    "categories",
    "short_year",
    "short_month",
    "long_month",
    "short_day",
    "long_day",
    "collection",
    "output_ext",
    "basename",
    "i_month",
    "minute",
    "second",
    "w_year",
    "i_day",
    "y_day",
    "w_day",
    "month",
    "title",
    "year",
    "week",
    "hour",
    "slug",
    "name",
    "path",
    "day",
)
# Longest names first, so ":short_year" is never read as ":short" + "_year".
_PLACEHOLDER = re.compile(
    ":(" + "|".join(sorted(_PLACEHOLDER_NAMES, key=len, reverse=True)) + ")"
)
# What Jekyll leaves unescaped in a placeholder's value: RFC 3986's unreserved
# characters, sub-delimiters, ":", "@" and "/".
_URL_SAFE = "-._~!$&'()*+,;=:@/"
# English names, whatever the machine's locale (strftime's %b and %a follow it).
_MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _pattern_setting(value: Any, report: Callable[..., None]) -> str | None:
    """``None``/``""`` (off), a style name, or a pattern of Jekyll placeholders."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not value.strip():
        raise Unusable
    value = value.strip()
    if value.lower() in STYLES:
        return value.lower()
    if not value.startswith("/") and ":" not in value:
        raise Unusable
    unknown = unknown_placeholders(value)
    if unknown:
        report(
            "PORTO_JEKYLL_PERMALINK = %r: unknown placeholder(s) %s are kept as "
            "written, as Jekyll keeps them",
            value,
            ", ".join(f":{name}" for name in unknown),
        )
    return value


def unknown_placeholders(pattern: str) -> list[str]:
    """The ``:names`` in ``pattern`` that are no Jekyll placeholder."""
    return sorted(set(re.findall(r":([a-z_]+)", _PLACEHOLDER.sub("", pattern))))


SETTINGS = {
    # A Jekyll style name (date, pretty, ordinal, weekdate, none) or a pattern
    # (/:year/:month/:title/): the URL of every post, as _config.yml's
    # `permalink` gave it. None leaves URLs to ARTICLE_URL/ARTICLE_SAVE_AS.
    "PORTO_JEKYLL_PERMALINK": custom(
        None,
        f"None, one of {', '.join(map(repr, STYLES))}, or a pattern such as "
        "'/:year/:month/:title/'",
        _pattern_setting,
    ),
    # The site-wide permalink also decides page URLs, as in Jekyll
    # (/:path/:basename + "/" or ".html"); False leaves them to PAGE_URL.
    "PORTO_PERMALINKS_PAGES": flag(True),
    # Write redirect pages for `redirect_from` and `redirect_to`.
    "PORTO_PERMALINKS_REDIRECTS": flag(True),
    # Relative image and link paths not found next to the source file are
    # looked up as a browser resolved them against the post's Jekyll URL.
    "PORTO_PERMALINKS_RELATIVE_TO_URL": flag(True),
}


def site_pattern(settings: Mapping[str, Any]) -> str | None:
    """``PORTO_JEKYLL_PERMALINK`` as a pattern (style names expanded)."""
    value = read(settings, SETTINGS, "PORTO_JEKYLL_PERMALINK")
    if not value:
        return None
    return STYLES.get(value, value)


# -- Jekyll's slugs ---------------------------------------------------------

# Characters Jekyll's "pretty" mode keeps besides letters, marks and digits.
_PRETTY_KEEP = set("._~!$&'()+,;=@")


def jekyll_slugify(text: str, mode: str = "default", cased: bool = False) -> str:
    """Jekyll's ``slugify``: runs of other characters become one hyphen.

    ``default`` keeps letters, combining marks and decimal digits; ``pretty``
    also keeps ``._~!$&'()+,;=@``. Leading and trailing hyphens go; the result
    is lower-cased unless ``cased``.
    """
    out: list[str] = []
    for character in str(text):
        category = unicodedata.category(character)
        if (
            category[0] in "LM"
            or category == "Nd"
            or (mode == "pretty" and character in _PRETTY_KEEP)
        ):
            out.append(character)
        elif not out or out[-1] != "-":
            out.append("-")
    slug = "".join(out).strip("-")
    return slug if cased else slug.lower()


# -- placeholders -------------------------------------------------------------

_FILENAME_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}-")


def _stem(source_path: str) -> str:
    return os.path.splitext(os.path.basename(source_path))[0]


def _raw_slug(metadata: Mapping[str, Any], source_path: str, settings) -> str:
    """The slug Jekyll had: the front matter's ``slug``, else the file name's.

    Porto's reader fills ``slug`` from the file name (slugified) when the front
    matter has none; a value that differs from that is the writer's own.
    """
    from_name = _FILENAME_DATE.sub("", _stem(source_path)).rstrip(".")
    given = metadata.get("slug")
    if given:
        given = str(given)
        derived = {_pelican_slug(from_name, settings)}
        if metadata.get("title"):
            derived.add(_pelican_slug(str(metadata["title"]), settings))
        if given not in derived:
            return given
    return from_name


def _pelican_slug(text: str, settings: Mapping[str, Any]) -> str:
    return slugify(
        text,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def _categories(metadata: Mapping[str, Any]) -> list[str]:
    """The front matter's categories, lower-cased, first spelling kept.

    Only what the front matter named (``categories``, ``category``): Pelican's
    ``DEFAULT_CATEGORY`` was never part of a Jekyll URL.
    """
    names = metadata.get("categories")
    if isinstance(names, str):
        names = names.split()
    seen: list[str] = []
    for name in names or ():
        name = str(name).lower()
        if name and name not in seen:
            seen.append(name)
    return seen


def _date_fields(date: Any, timezone: str | None) -> dict[str, str]:
    """Jekyll's date placeholders. A date written with its own UTC offset is
    first moved to the site's ``TIMEZONE``, as Jekyll moves it to its own."""
    if not isinstance(date, dt.date):
        return {}
    if not isinstance(date, dt.datetime):
        date = dt.datetime(date.year, date.month, date.day)
    if date.tzinfo is not None and timezone:
        try:
            date = date.astimezone(ZoneInfo(timezone))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    iso = date.isocalendar()
    return {
        "year": f"{date.year:04d}",
        "short_year": f"{date.year % 100:02d}",
        "month": f"{date.month:02d}",
        "i_month": str(date.month),
        "short_month": _MONTHS[date.month - 1][:3],
        "long_month": _MONTHS[date.month - 1],
        "day": f"{date.day:02d}",
        "i_day": str(date.day),
        "y_day": f"{date.timetuple().tm_yday:03d}",
        "w_year": f"{iso[0]:04d}",
        "week": f"{iso[1]:02d}",
        "w_day": str(iso[2]),
        "short_day": _DAYS[iso[2] - 1][:3],
        "long_day": _DAYS[iso[2] - 1],
        "hour": f"{date.hour:02d}",
        "minute": f"{date.minute:02d}",
        "second": f"{date.second:02d}",
    }


def placeholders(
    metadata: Mapping[str, Any],
    source_path: str,
    settings: Mapping[str, Any],
    *,
    page: bool = False,
) -> dict[str, str]:
    """The values of Jekyll's placeholders for one post or page."""
    stem = _stem(source_path)
    values = {"output_ext": ".html", "basename": stem, "name": jekyll_slugify(stem)}
    if page:
        values["path"] = _page_folder(source_path, settings)
        values["title"] = values["slug"] = jekyll_slugify(stem, "pretty", cased=True)
        values["collection"] = "pages"
        return values
    slug = _raw_slug(metadata, source_path, settings)
    categories = _categories(metadata)
    values.update(_date_fields(metadata.get("date"), settings.get("TIMEZONE")))
    values["title"] = jekyll_slugify(slug, "pretty", cased=True)
    values["slug"] = jekyll_slugify(slug)
    values["categories"] = "/".join(categories)
    values["slugified_categories"] = "/".join(
        filter(None, (jekyll_slugify(name) for name in categories))
    )
    values["collection"] = "posts"
    return values


def _page_folder(source_path: str, settings: Mapping[str, Any]) -> str:
    """A page's folder under its page path: Jekyll's ``:path`` for it."""
    root = settings.get("PATH") or ""
    relative = os.path.relpath(source_path, root) if root else source_path
    folder = posixpath.dirname(relative.replace(os.sep, "/"))
    for base in settings.get("PAGE_PATHS") or ():
        base = str(base).strip("/")
        if folder == base:
            return ""
        if base and folder.startswith(base + "/"):
            return folder[len(base) + 1 :]
    return folder


def expand(pattern: str, values: Mapping[str, str]) -> str:
    """Fill in ``pattern``'s placeholders; unknown ones stay as written.

    Each value is percent-encoded as Jekyll encodes it; a placeholder with no
    value (a post without categories) leaves nothing, and the doubled slash
    it leaves is folded away.
    """

    def fill(match: re.Match) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        return quote(value, safe=_URL_SAFE)

    url = _PLACEHOLDER.sub(fill, pattern)
    url = re.sub(r"/{2,}", "/", "/" + url)
    return url


def page_pattern(style: str, basename: str = "") -> str:
    """What a site-wide style means for a page: Jekyll's ``/:path/:basename``
    with the style's ending (``/`` or ``:output_ext``, or none); an
    ``index`` page is its folder's ``/:path/``."""
    if basename == "index":
        return "/:path/"
    base = "/:path/:basename"
    if style in ("pretty",) or (style not in STYLES and style.endswith("/")):
        return base + "/"
    if style in STYLES or style.endswith(":output_ext"):
        return base + ":output_ext"
    return base


# -- URL and file ---------------------------------------------------------------


@dataclass(frozen=True)
class Destination:
    """Where a post goes: ``url`` as Pelican writes it (no leading slash,
    percent-encoded) and ``save_as``, the file under the output folder."""

    url: str
    save_as: str


class Unwritable(ValueError):
    """A permalink or redirect path that cannot be a file of the site; the
    message says why."""


class Escapes(Unwritable):
    """A permalink or redirect path that leaves the output folder."""

    def __str__(self) -> str:
        return "leaves the output folder"


# A file name holds 255 bytes on most file systems.
_MAX_NAME_BYTES = 255


def destination(path: str) -> Destination:
    """The URL and file of a Jekyll URL path, as Jekyll writes them.

    ``/a/b/`` → ``a/b/index.html``; ``/a/b.html`` → ``a/b.html``; anything
    else gets ``.html`` added to the file name (``/a/b`` → ``a/b.html``,
    served at ``/a/b`` by GitHub Pages, Netlify and ``pelican --listen``).
    Percent-escapes are decoded for the file name. A ``..`` segment raises
    :class:`Escapes`.
    """
    path = unquote(path.replace("\\", "/"))
    if ".." in path.split("/"):
        raise Escapes(path)
    # Jekyll's own clean-up: ".." inside a name is a slash, "./" goes.
    path = path.replace("..", "/").replace("./", "")
    parts = [part for part in path.split("/") if part not in ("", ".")]
    folder = path.endswith("/") or not parts
    clean = "/".join(parts) + ("/" if folder and parts else "")
    if folder:
        save_as = clean + "index.html"
    elif clean.endswith(".html"):
        save_as = clean
    else:
        save_as = clean + ".html"
    if any(len(part.encode("utf-8")) > _MAX_NAME_BYTES for part in save_as.split("/")):
        raise Unwritable(f"has a name longer than {_MAX_NAME_BYTES} bytes")
    return Destination(quote(clean, safe=_URL_SAFE), save_as)


def _front_matter_permalink(metadata: Mapping[str, Any]) -> str | None:
    value = metadata.get("permalink")
    if value is None or isinstance(value, bool):
        return None
    value = str(value).strip()
    return value or None


def jekyll_url(
    metadata: Mapping[str, Any],
    source_path: str,
    settings: Mapping[str, Any],
    *,
    page: bool = False,
    fallback: bool = False,
    own: bool = True,
) -> str | None:
    """The post's URL path on the Jekyll site (``/2020/01/02/x.html``).

    The front matter's ``permalink`` (unless ``own`` is false), else
    ``PORTO_JEKYLL_PERMALINK`` (for pages only with ``PORTO_PERMALINKS_PAGES``),
    else ``None`` — or, with ``fallback``, Jekyll's default style.
    """
    pattern = _front_matter_permalink(metadata) if own else None
    if pattern is None:
        style = read(settings, SETTINGS, "PORTO_JEKYLL_PERMALINK")
        if not style and fallback:
            style = JEKYLL_DEFAULT
        if not style:
            return None
        if page:
            if not (read(settings, SETTINGS, "PORTO_PERMALINKS_PAGES") or fallback):
                return None
            pattern = page_pattern(style, _stem(source_path))
        else:
            pattern = STYLES.get(style, style)
    return expand(pattern, placeholders(metadata, source_path, settings, page=page))


def _name(content: Any) -> str:
    source = getattr(content, "source_path", "") or ""
    root = content.settings.get("PATH") or ""
    if source and root:
        return os.path.relpath(source, root).replace(os.sep, "/")
    return source


def apply_permalink(content: Any) -> None:
    """``content_object_init``: give a post or page its Jekyll URL and file.

    Drafts keep Pelican's ``DRAFT_URL``/``DRAFT_SAVE_AS`` (production builds
    write none), and a ``url``/``save_as`` written in the metadata wins.
    """
    if not isinstance(content, (Article, Page)):
        return
    if getattr(content, "status", "published") == "draft":
        return
    metadata = getattr(content, "metadata", {}) or {}
    if "url" in metadata or "save_as" in metadata:
        return
    source = getattr(content, "source_path", "") or ""
    page = isinstance(content, Page)
    own = _front_matter_permalink(metadata)
    if own and unknown_placeholders(own):
        logger.warning(
            "%s: permalink %s: unknown placeholder(s) %s kept as written",
            _name(content),
            own,
            ", ".join(f":{name}" for name in unknown_placeholders(own)),
        )
    where = None
    for mine in (True, False) if own else (False,):
        path = jekyll_url(metadata, source, content.settings, page=page, own=mine)
        if path is None:
            return
        try:
            where = destination(path)
            break
        except Unwritable as problem:
            logger.warning(
                "%s: %s %s %s; ignored",
                _name(content),
                "permalink" if mine else "URL",
                path,
                problem,
            )
    if where is None:
        return
    content.override_url = where.url
    content.override_save_as = where.save_as
