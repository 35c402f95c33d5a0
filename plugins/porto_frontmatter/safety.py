"""Checks that keep one bad post from breaking the build or the page around it.

Pure helpers (no Pelican objects): the reader and :mod:`.site_checks` call them
and do the logging, so each message can name the post and the line.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import Any

import nh3
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify

__all__ = [
    "EXCERPT_ATTRIBUTES",
    "EXCERPT_TAGS",
    "EXCERPT_URL_SCHEMES",
    "MAX_NAME_BYTES",
    "TITLE_TAGS",
    "clean_excerpt",
    "key_line",
    "language_tag",
    "safe_slug",
    "shorten",
    "shown",
    "slug_problem",
    "strip_control_characters",
    "unsafe_in_excerpt",
]

# C0 controls but tab, line feed and carriage return, and the two non-characters:
# XML 1.0 (feeds) cannot hold them and lxml refuses them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Vertical tab and form feed separate words (Word writes a line break as \v).
_AS_SPACE = {"\x0b": " ", "\x0c": " "}


def strip_control_characters(text: str) -> tuple[str, list[str], int]:
    """``text`` without control characters; which were found and the line of the
    first (1-based), or ``(text, [], 0)`` when there were none."""
    first = _CONTROL.search(text)
    if first is None:
        return text, [], 0
    found = sorted(set(_CONTROL.findall(text)))
    line = text.count("\n", 0, first.start()) + 1
    cleaned = _CONTROL.sub(lambda m: _AS_SPACE.get(m.group(), ""), text)
    return cleaned, [f"U+{ord(c):04X}" for c in found], line


# A language tag as BCP 47 writes them, loosely: "en", "pt-BR", "zh-Hant-TW".
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def language_tag(value: Any) -> str | None:
    """``value`` when it is a usable language tag, else ``None``."""
    if isinstance(value, str) and _LANGUAGE.fullmatch(value.strip()):
        return value.strip()
    return None


# A path part may hold 255 bytes on most file systems; an output name adds
# to the slug (".atom.xml", a day suffix), so slugs stop well before that.
MAX_NAME_BYTES = 200


def shorten(slug: str, limit: int = MAX_NAME_BYTES) -> str:
    """``slug`` cut to ``limit`` UTF-8 bytes, with a hash of the whole slug at
    the end so that two long slugs with the same start stay apart."""
    raw = slug.encode("utf-8")
    if len(raw) <= limit:
        return slug
    digest = hashlib.sha256(raw).hexdigest()[:8]
    head = raw[: limit - len(digest) - 1].decode("utf-8", "ignore").rstrip("-_.")
    return f"{head}-{digest}"


# What a slug given in the front matter may hold as it is: letters, digits and
# "_ . ~ -", not starting with a dot. Anything else (a slash, quotes, "<",
# spaces, "..") is slugified.
_SAFE_SLUG = re.compile(r"[\w~-][\w.~-]*")


def safe_slug(value: Any, settings: Mapping[str, Any]) -> str:
    """A slug that is one safe path part: ``value`` as it is when it already is
    one, else slugified with the site's slug settings ("" when nothing is left).
    Whatever those settings say, the result holds only letters, digits and
    ``_ . ~ -`` and does not start with a dot.
    """
    text = str(value).strip()
    if not _SAFE_SLUG.fullmatch(text):
        subs = settings.get("SLUG_REGEX_SUBSTITUTIONS")
        if subs is None:
            subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
        text = slugify(
            re.sub(r"[/\\]+", " ", text),
            regex_subs=subs,
            preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
        )
        text = re.sub(r"[^\w.~-]+", "-", text).strip("-.")
    return shorten(text)


def slug_problem(text: str) -> str:
    """Why ``text`` is not used as a slug as it is ("" when it is)."""
    if not _SAFE_SLUG.fullmatch(text):
        return "has characters that an address or a file name cannot hold"
    size = len(text.encode("utf-8"))
    return f"is {size} bytes, too long for a file name" if size > MAX_NAME_BYTES else ""


def shown(value: Any, limit: int = 60) -> str:
    """``value`` as a log message shows it: strings quoted and cut to ``limit``
    characters, other values with their kind (``2020-01-01 (a date)``)."""
    if isinstance(value, str):
        cut = (
            value
            if len(value) <= limit
            else value[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"
        )
        return repr(cut)
    kinds = {"bool": "yes/no", "date": "date", "datetime": "date", "list": "list",
             "dict": "mapping", "int": "number", "float": "number"}  # fmt: skip
    kind = kinds.get(type(value).__name__, type(value).__name__)
    text = str(value)
    text = text if len(text) <= limit else text[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"
    return f"{text} (a {kind})"


def key_line(text: str, key: str) -> int:
    """The 1-based line of the top-level ``key:`` in the front matter (or
    Pelican metadata) at the top of ``text``; 0 when it is not found."""
    match = re.search(rf"^{re.escape(key)}[ \t]*:", text, re.M | re.I)
    return text.count("\n", 0, match.start()) + 1 if match else 0


# -- excerpts ------------------------------------------------------------------
# What Markdown writes for a short excerpt, and no more: no script, no event
# handlers, no forms, frames, styles or embedded documents.
EXCERPT_TAGS = frozenset(
    "p br em strong b i a code kbd samp var img span abbr sub sup del ins s "
    "mark q small figure figcaption ul ol li blockquote pre".split()
)
EXCERPT_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "code": {"class"},
    "pre": {"class"},
    "span": {"class"},
    "ol": {"start"},
}
# Relative URLs (and Pelican's {static}/{filename} links) are kept; absolute
# ones only with these schemes, so no javascript: or data: URL survives.
EXCERPT_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Removed with what they hold, not only their tags.
_DROPPED_WHOLE = {"script", "style", "template", "textarea", "noscript", "iframe"}


# A title written as HTML (Pelican's own `Title:` metadata): inline text markup.
TITLE_TAGS = frozenset(
    "em strong b i code kbd sub sup span abbr del ins s mark small".split()
)


def clean_excerpt(html: str, tags: frozenset[str] = EXCERPT_TAGS) -> str:
    """``html`` with only what ``tags`` and :data:`EXCERPT_ATTRIBUTES` allow, by
    ammonia (nh3): an allow-list sanitiser with a browser's parser."""
    return nh3.clean(
        html,
        tags=set(tags),
        clean_content_tags=_DROPPED_WHOLE,
        attributes={tag: set(names) for tag, names in EXCERPT_ATTRIBUTES.items()},
        url_schemes=set(EXCERPT_URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*)\s*:")


def unsafe_in_excerpt(tree: Any, tags: frozenset[str] = EXCERPT_TAGS) -> list[str]:
    """What :func:`clean_excerpt` will take out of the parsed ``tree`` (an lxml
    element), named for a message: ``<script>``, ``onerror=``, ``javascript: URL``.
    """
    found: list[str] = []

    def note(what: str) -> None:
        if what not in found:
            found.append(what)

    for element in tree.iterdescendants():
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None:
            continue  # comments, processing instructions
        if tag not in tags:
            note(f"<{tag}>")
            continue
        allowed = EXCERPT_ATTRIBUTES.get(tag, set())
        for name, value in element.attrib.items():
            if name not in allowed:
                note(f"{name}=")
            elif name in ("href", "src"):
                scheme = _SCHEME.match(value)
                if scheme and scheme[1].lower() not in EXCERPT_URL_SCHEMES:
                    note(f"{scheme[1].lower()}: URL")
    return found
