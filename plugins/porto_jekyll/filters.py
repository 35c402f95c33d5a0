"""Jekyll's Liquid filters that python-liquid does not have (or has otherwise).

Each filter is a plain function of the value left of the ``|`` and the filter's
arguments. The ones that need the build (URLs, Markdown) are made per build by
:func:`site_filters`. Filters that write HTML return ``Markup`` so that the
environment's escaping (see ``liquid_env``) leaves their output alone.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit

from liquid import Markup, is_undefined

__all__ = ["JEKYLL_FILTERS", "to_datetime_value"]


def _text(value: Any) -> str:
    if value is None or is_undefined(value):
        return ""
    return str(value)


def _items(value: Any) -> list[Any]:
    if value is None or is_undefined(value):
        return []
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        return [value]
    try:
        return list(value)
    except TypeError:
        return [value]


def _get(item: Any, key: Any) -> Any:
    if isinstance(item, Mapping):
        return item.get(key)
    if isinstance(item, (list, tuple)) and isinstance(key, int):
        return item[key] if -len(item) <= key < len(item) else None
    return getattr(item, str(key), None)


# -- dates -----------------------------------------------------------------


def to_datetime_value(value: Any) -> dt.datetime | None:
    """A datetime from what a post may hold: datetime, date, ISO text, "now"."""
    if value is None or is_undefined(value):
        return None
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if text in ("now", "today"):
        return dt.datetime.now().astimezone()
    text = re.sub(r"\s+([+-]\d{2}):?(\d{2})$", r"\1:\2", text)  # "… +0100"
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return f"{day}th"
    return f"{day}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(day % 10, 'th') }"


def _date_string(month_format: str) -> Callable[..., str]:
    def date_filter(value: Any, kind: Any = None, style: Any = None) -> Any:
        date = to_datetime_value(value)
        if date is None:
            return value
        month = date.strftime(month_format)
        if str(kind) == "ordinal":
            if str(style) == "US":
                return f"{month} {_ordinal(date.day)}, {date.year}"
            return f"{_ordinal(date.day)} {month} {date.year}"
        return f"{date.day:02d} {month} {date.year}"

    return date_filter


def date_to_xmlschema(value: Any) -> Any:
    date = to_datetime_value(value)
    return value if date is None else date.isoformat()


def date_to_rfc822(value: Any) -> Any:
    date = to_datetime_value(value)
    if date is None:
        return value
    zone = date.strftime("%z") or "+0000"
    return date.strftime("%a, %d %b %Y %H:%M:%S ") + zone


# -- text --------------------------------------------------------------------


def xml_escape(value: Any) -> Markup:
    return Markup(html.escape(_text(value), quote=True))


def cgi_escape(value: Any) -> str:
    return quote_plus(_text(value))


def uri_escape(value: Any) -> str:
    # Reserved characters stay (the text is already a URI), the rest is encoded.
    return quote(_text(value), safe="!#$&'()*+,/:;=?@[]~%")


_SLUG_PATTERNS = {
    "raw": re.compile(r"\s+"),
    "default": re.compile(r"[^\w]+|_+"),
    "pretty": re.compile(r"[^\w._~!$&'()+,;=@]+|_+"),
    "ascii": re.compile(r"[^a-zA-Z0-9]+"),
    "latin": re.compile(r"[^a-zA-Z0-9]+"),
}


def slugify(value: Any, mode: Any = "default") -> str:
    """Jekyll's ``slugify``: lower case, runs of other characters become ``-``."""
    text = _text(value)
    mode = str(mode) if not is_undefined(mode) and mode is not None else "default"
    if mode == "none":
        return text
    pattern = _SLUG_PATTERNS.get(mode, _SLUG_PATTERNS["default"])
    if mode == "latin":
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return pattern.sub("-", text).strip("-").lower()


def number_of_words(value: Any, mode: Any = None) -> int:
    return len(_text(value).split())


def normalize_whitespace(value: Any) -> str:
    return re.sub(r"\s+", " ", _text(value)).strip()


def smartify(value: Any) -> Any:
    # Porto's typography (or Pelican's typogrify) curls the whole page.
    return value


def array_to_sentence_string(value: Any, connector: Any = "and") -> str:
    words = [_text(item) for item in _items(value)]
    connector = _text(connector) or "and"
    if len(words) <= 1:
        return "".join(words)
    if len(words) == 2:
        return f"{words[0]} {connector} {words[1]}"
    return f"{', '.join(words[:-1])}, {connector} {words[-1]}"


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if is_undefined(value):
        return None
    return str(value)


def jsonify(value: Any) -> Markup:
    text = json.dumps(
        None if is_undefined(value) else value,
        default=_json_default,
        ensure_ascii=False,
    )
    # Safe inside <script> and in HTML text: no tag can start or end.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e"))


def inspect(value: Any) -> Markup:
    return jsonify(value)


# -- arrays --------------------------------------------------------------------


def _matches(found: Any, wanted: Any) -> bool:
    if isinstance(found, (list, tuple)):
        return any(_text(item) == _text(wanted) for item in found)
    return _text(found) == _text(wanted)


def where(value: Any, key: Any, wanted: Any = None) -> list[Any]:
    """Items whose ``key`` equals ``wanted`` (compared as text; lists: contains)."""
    return [item for item in _items(value) if _matches(_get(item, key), wanted)]


def group_by(value: Any, key: Any) -> list[dict[str, Any]]:
    groups: dict[str, list[Any]] = {}
    for item in _items(value):
        groups.setdefault(_text(_get(item, key)), []).append(item)
    return [
        {"name": name, "items": items, "size": len(items)}
        for name, items in groups.items()
    ]


def _sort_key(value: Any) -> tuple:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, value, "")
    if isinstance(value, (dt.date, dt.datetime)):
        return (1, 0, value.isoformat())
    return (2, 0, _text(value))


def sort(value: Any, key: Any = None, nils: Any = "first") -> list[Any]:
    """Jekyll's ``sort``: by the items or by ``key``; nil values first or last."""
    items = _items(value)
    if key is None or is_undefined(key):
        present = [i for i in items if i is not None]
        missing = [i for i in items if i is None]
        ordered = sorted(present, key=_sort_key)
    else:
        present = [i for i in items if _get(i, key) is not None]
        missing = [i for i in items if _get(i, key) is None]
        ordered = sorted(present, key=lambda i: _sort_key(_get(i, key)))
    return ordered + missing if str(nils) == "last" else missing + ordered


def push(value: Any, item: Any) -> list[Any]:
    return [*_items(value), item]


def unshift(value: Any, item: Any) -> list[Any]:
    return [item, *_items(value)]


def pop(value: Any, count: Any = 1) -> list[Any]:
    items = _items(value)
    return items[: max(len(items) - int(count), 0)]


def shift(value: Any, count: Any = 1) -> list[Any]:
    return _items(value)[int(count) :]


def sample(value: Any, count: Any = None) -> Any:
    # Jekyll picks at random; a static build that changes on every run cannot
    # be cached or compared, so Porto picks the first.
    items = _items(value)
    if count is None or is_undefined(count):
        return items[0] if items else None
    return items[: int(count)]


def is_site_url(url: str) -> bool:
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith("#"))


JEKYLL_FILTERS: dict[str, Callable[..., Any]] = {
    "date_to_string": _date_string("%b"),
    "date_to_long_string": _date_string("%B"),
    "date_to_xmlschema": date_to_xmlschema,
    "date_to_rfc822": date_to_rfc822,
    "xml_escape": xml_escape,
    "cgi_escape": cgi_escape,
    "uri_escape": uri_escape,
    "slugify": slugify,
    "number_of_words": number_of_words,
    "normalize_whitespace": normalize_whitespace,
    "smartify": smartify,
    "array_to_sentence_string": array_to_sentence_string,
    "jsonify": jsonify,
    "inspect": inspect,
    "where": where,
    "group_by": group_by,
    "sort": sort,
    "push": push,
    "pop": pop,
    "shift": shift,
    "unshift": unshift,
    "sample": sample,
}
