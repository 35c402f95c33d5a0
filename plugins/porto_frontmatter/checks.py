"""Front matter values of the wrong shape, said once with the file and line.

YAML gives whatever the author wrote: a list where a title belongs, ``yes``
read as a boolean, a year where a date belongs, a date that does not exist. Each
function here turns one such value into what Jekyll would show, or drops it
with one warning that names the file and the front matter's line.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import yaml
from dateutil import parser as date_parser
from dateutil import tz
from pelican.utils import SafeDatetime, slugify

from .frontmatter import flatten_names, title_from_filename

logger = logging.getLogger(__name__)

__all__ = [
    "BadDate",
    "DATE_KEYS",
    "PostRefused",
    "check_shapes",
    "decode_with_bom",
    "drop_unsluggable",
    "guard_home_page",
    "key_line",
    "plain_date",
    "plain_datetime",
    "quote_impossible_dates",
]

# Keys read as dates: `date` is the post's own (a post without a readable one
# is skipped, as Jekyll refuses it); the others are optional.
DATE_KEYS = ("date", "modified", "last_modified_at", "updated")
_TAG_KEYS = ("tags", "tag", "categories", "category")

# UTF-32's little-endian mark starts with UTF-16's: longest first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_with_bom(raw: bytes) -> str | None:
    """A UTF-16 or UTF-32 file by its byte order mark (as editors on Windows
    save "Unicode"); None when there is no such mark or the rest is not text."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)  # the codec reads and drops the mark
            except UnicodeDecodeError:
                return None
    return None


def key_line(text: str, key: str) -> int | None:
    """The line (1-based) of the top-level ``key:`` in the front matter."""
    lines = text.split("\n", 400)
    if not lines or lines[0].rstrip() != "---":
        return None
    pattern = re.compile(rf"""["']?{re.escape(key)}["']?[ \t]*:""", re.IGNORECASE)
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return None
        if pattern.match(line):
            return number
    return None


def _where(name: str, line: int | None) -> str:
    return f"{name}, line {line}" if line else name


def _as_written(text: str, key: str, value: Any) -> str:
    """The scalar as the file spells it: ``title: yes`` is "yes", not True."""
    line = key_line(text, key)
    if line is not None:
        written = text.split("\n")[line - 1].split(":", 1)[1]
        written = re.sub(r"\s+#.*$", "", written).strip()
        if written and written[0] not in "[{|>&*!'\"":
            return written
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class BadDate(NamedTuple):
    """A top-level ``key: value`` YAML read as a date that does not exist."""

    key: str
    value: str
    line: int
    reason: str


_DATE_LINE = re.compile(
    r"^(?P<key>[A-Za-z_][\w-]*)(?P<sep>[ \t]*:[ \t]+)"
    r"(?P<value>\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)[^#\n]*?)?)(?P<rest>[ \t]*(?:#.*)?)$"
)


# A date as most posts write it: 2020-01-31, maybe with a time (10:00,
# 10:00:05, 10:00:05.25) and a zone (Z, +01:00, +0100). When every part is
# in range, YAML and dateutil both read it as that whole date, so neither
# needs asking (each takes about 0.1 ms a post).
_PLAIN_DATE = re.compile(
    r"(?P<year>[0-9]{4})-(?P<month>[0-9][0-9]?)-(?P<day>[0-9][0-9]?)"
    r"(?:(?:[Tt]|[ \t]+)(?P<hour>[0-9][0-9]?):(?P<minute>[0-9][0-9])"
    r"(?::(?P<second>[0-9][0-9])(?:\.(?P<fraction>[0-9]{1,6}))?)?"
    r"(?:[ \t]*(?P<zone>Z|[+-](?:[01][0-9]|2[0-3])(?::?[0-5][0-9])?))?)?"
)


def _plain_parts(text: str) -> dict[str, Any] | None:
    match = _PLAIN_DATE.fullmatch(text)
    if match is None:
        return None
    parts = {
        key: int(match[key] or 0)
        for key in ("year", "month", "day", "hour", "minute", "second")
    }
    try:
        dt.datetime(**parts)
    except ValueError:
        return None
    parts["microsecond"] = int((match["fraction"] or "").ljust(6, "0"))
    parts["zone"] = match["zone"]
    return parts


def plain_date(text: str) -> bool:
    """Is ``text`` a date (and time) in ``_PLAIN_DATE``'s form, every part in range?"""
    return _plain_parts(text) is not None


def plain_datetime(text: str) -> SafeDatetime | None:
    """What Pelican's ``get_date`` (dateutil) makes of a plain date without
    a ``Z``; None for anything else, which is then left to it."""
    parts = _plain_parts(text)
    if parts is None or parts["zone"] == "Z":
        return None
    zone = parts.pop("zone")
    if zone:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * (int(digits[:2]) * 3600 + int(digits[2:] or 0) * 60)
        parts["tzinfo"] = tz.UTC if offset == 0 else tz.tzoffset(None, offset)
    return SafeDatetime(**parts)


def quote_impossible_dates(text: str) -> tuple[str, list[BadDate]]:
    """Quote ``2020-13-45``-like values YAML cannot make a date of.

    YAML reads them as timestamps and fails with a bare ValueError that names
    neither key nor line, losing the whole front matter. Quoted, they stay
    text; the caller says what is wrong with them.
    """
    lines = text.split("\n")
    found: list[BadDate] = []
    if not lines or lines[0].rstrip() != "---":
        return text, found
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
        match = _DATE_LINE.match(lines[index])
        if match is None:
            continue
        value = match["value"].rstrip()
        if plain_date(value):
            continue
        spaces = match["value"][len(value) :]  # before a comment: kept
        try:
            yaml.safe_load(value)
        except ValueError as error:
            quoted = "'" + value.replace("'", "''") + "'"
            lines[index] = match["key"] + match["sep"] + quoted + spaces + match["rest"]
            found.append(BadDate(match["key"].lower(), value, index + 1, str(error)))
        except yaml.YAMLError:
            continue
    return "\n".join(lines), found


def _date_problem(value: Any) -> str | None:
    """Why ``value`` is not a whole date (year, month and day), or None."""
    if isinstance(value, dt.date):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return f"a date is text such as 2020-01-31, found a {_kind(value)}"
    text = str(value).strip()
    if not text or plain_date(text):
        return None
    try:
        # Pelican fills what is missing from today's date: two different
        # defaults tell a whole date from a part of one.
        one = date_parser.parse(text, default=dt.datetime(2001, 1, 1))
        two = date_parser.parse(text, default=dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError) as error:
        return f"not a date ({error})"
    if one.date() != two.date():
        return "the year, month and day are needed (e.g. 2020-01-31)"
    return None


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "set of `key: value` pairs"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, bool):
        return "yes/no value"
    return type(value).__name__


class PostRefused(ValueError):
    """The post cannot be published as written (the reader skips it)."""


def check_shapes(
    data: dict[str, Any],
    text: str,
    name: str,
    summary_keys: Iterable[str],
    bad_dates: Iterable[BadDate] = (),
) -> dict[str, Any]:
    """``data`` with each value of the wrong shape fixed or dropped, said once.

    Raises PostRefused when the post's own ``date`` is not a date.
    """
    out = dict(data)
    for bad in bad_dates:
        problem = f"`{bad.key}: {bad.value}` is not a date that exists ({bad.reason})"
        if bad.key == "date":
            raise PostRefused(f"line {bad.line}: {problem}; post skipped")
        if bad.key in DATE_KEYS:
            logger.warning("%s, line %d: %s; ignored", name, bad.line, problem)
            out.pop(bad.key, None)
    quoted = {bad.key for bad in bad_dates}

    for key in ("title", *summary_keys):
        if key not in out:
            continue
        value = out[key]
        if isinstance(value, (list, tuple, dict)):
            if key == "title":
                out[key] = title_from_filename(name)
                outcome = f"using {out[key]!r} from the file name"
            else:
                del out[key]
                outcome = "ignored"
            logger.warning(
                "%s: `%s` should be text, found a %s; %s",
                _where(name, key_line(text, key)), key, _kind(value), outcome,
            )  # fmt: skip
        elif value is not None and not isinstance(value, str):
            out[key] = _as_written(text, key, value)

    if (
        "image" in out
        and isinstance(out["image"], (list, tuple, bool))
        or (
            isinstance(out.get("image"), dict)
            and not (out["image"].get("path") or out["image"].get("src"))
        )
    ):
        logger.warning(
            "%s: `image` should be a path such as /images/a.png, found a %s; ignored",
            _where(name, key_line(text, "image")), _kind(out["image"]),
        )  # fmt: skip
        del out["image"]

    for key in _TAG_KEYS:
        if key not in out:
            continue
        value = out[key]
        line = _where(name, key_line(text, key))
        if isinstance(value, dict):
            logger.warning(
                "%s: `%s` should be a list or text, found a set of `key: value` "
                "pairs; ignored", line, key,
            )  # fmt: skip
            del out[key]
        elif not flatten_names(value):
            logger.warning(
                "%s: `%s` is empty; the post has none (remove the line or list some)",
                line, key,
            )  # fmt: skip
            del out[key]

    for key in DATE_KEYS:
        if key not in out or key in quoted or out[key] is None:
            continue
        problem = _date_problem(out[key])
        if problem is None:
            continue
        message = f"`{key}: {out[key]}`: {problem}"
        if key == "date":
            line = key_line(text, key)
            where = f"line {line}: " if line else ""
            raise PostRefused(f"{where}{message}; post skipped")
        logger.warning("%s: %s; ignored", _where(name, key_line(text, key)), message)
        del out[key]
    return out


def guard_home_page(
    out: dict[str, Any], settings: Mapping[str, Any], name: str, text: str = ""
) -> None:
    """Refuse ``save_as``/``url`` that would write over the home page."""
    save_as = out.get("save_as")
    home = str(settings.get("INDEX_SAVE_AS") or "index.html").lstrip("/")
    if not isinstance(save_as, str) or "index" not in settings.get(
        "DIRECT_TEMPLATES", ["index"]
    ):
        return
    if save_as.strip().lstrip("/") != home:
        return
    logger.warning(
        "%s: `save_as: %s` would write over the home page; ignored (to make "
        "this the home page, move the post list elsewhere with INDEX_SAVE_AS, "
        "e.g. INDEX_SAVE_AS = \"blog/index.html\")",
        _where(name, key_line(text, "save_as")), save_as,
    )  # fmt: skip
    del out["save_as"]
    if str(out.get("url", "")).strip("/ ") in ("", home):
        out.pop("url", None)


_WRAPPERS = (("tags", "Tag"), ("category", "Category"), ("authors", "Author"))


def drop_unsluggable(
    out: dict[str, Any], settings: Mapping[str, Any], name: str
) -> None:
    """Drop tags, category or authors whose name gives no URL (emoji only):
    their pages would all be written to one file, or not at all."""
    for key, kind in _WRAPPERS:
        value = out.get(key)
        items = value if isinstance(value, list) else [value] if value else []
        # Names only: a tag's own slug (and so == and hash) would warn
        # without naming the file.
        names = [str(getattr(item, "name", item)) for item in items]
        good = [bool(_slug(n, kind, settings)) for n in names]
        if all(good):
            continue
        kept = [item for item, ok in zip(items, good, strict=True) if ok]
        dropped = ", ".join(
            repr(n) for n, ok in zip(names, good, strict=True) if not ok
        )
        noun = kind.lower() + ("s" if good.count(False) > 1 else "")
        logger.warning(
            "%s: %s %s: no letters or digits to make a URL of; dropped "
            "(add a word to the name)", name, noun, dropped,
        )  # fmt: skip
        if not isinstance(value, list) or not kept:
            del out[key]
        else:
            out[key] = kept
        if key == "category":
            out.pop("categories", None)
        if key == "authors":
            out.pop("author", None)
            if len(kept) == 1:
                out["author"] = kept[0]


def _slug(text: str, kind: str, settings: Mapping[str, Any]) -> str:
    """The slug Pelican gives a tag, category or author of this name."""
    subs = settings.get(
        f"{kind.upper()}_REGEX_SUBSTITUTIONS",
        settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
    )
    return slugify(
        text,
        regex_subs=subs,
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
