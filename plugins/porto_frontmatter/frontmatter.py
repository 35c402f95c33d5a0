"""Pure helpers for Jekyll-style YAML front matter (no Pelican needed)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import yaml

from .limits import Refused, check_expansion, key_line

__all__ = [
    "FrontMatterError",
    "date_from_filename",
    "flatten_names",
    "normalise_text",
    "split_front_matter",
    "split_tag_string",
    "stem_without_date",
    "title_from_filename",
    "to_datetime",
]

# libyaml's loader when PyYAML was built with it: same results, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENING = re.compile(r"---[ \t]*\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[-_ ]+|$)")


class FrontMatterError(ValueError):
    """Front matter that cannot be read; ``line``/``column`` are 1-based in the file."""

    def __init__(
        self, problem: str, line: int | None = None, column: int | None = None
    ):
        self.problem = problem
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line and column else ""
        where = f"line {line}: " if line and not column else where
        super().__init__(f"{where}{problem}")


@dataclass(frozen=True)
class FrontMatter:
    """The parsed YAML block and the Markdown body that follows it."""

    data: dict[str, Any]
    body: str


def normalise_text(text: str) -> str:
    """Drop a UTF-8 BOM and turn CRLF / lone CR line endings into LF."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def split_front_matter(text: str) -> FrontMatter | None:
    """Split ``---`` YAML front matter from the body; ``None`` when there is none.

    The opening line is ``---`` (trailing spaces allowed) on the very first line;
    the block ends at the next line that is ``---`` or ``...``.
    """
    opening = _OPENING.match(text)
    if opening is None:
        if text.rstrip(" \t") == "---":
            raise FrontMatterError("front matter opened on line 1 is never closed", 1)
        return None
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise FrontMatterError("front matter opened on line 1 is never closed", 1)
    block = text[opening.end() : closing.start()]
    body = text[closing.end() :]
    if body.startswith("\n"):
        body = body[1:]
    try:
        data = yaml.load(block, Loader=_LOADER) if block.strip() else {}
    except yaml.YAMLError:
        try:  # the pure-Python loader words its errors better: ask it again
            yaml.safe_load(block)
        except yaml.YAMLError as exc:
            raise _yaml_error(exc) from exc
        raise
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(
            f"front matter must be `key: value` pairs, found a {type(data).__name__}", 2
        )
    try:
        check_expansion(data)
    except Refused as exc:  # an alias bomb, a value holding itself, deep nesting
        line = key_line(block, exc.key)
        raise FrontMatterError(exc.problem, None if line is None else line + 2) from exc
    return FrontMatter({str(k).strip().lower(): v for k, v in data.items()}, body)


def _yaml_error(exc: yaml.YAMLError) -> FrontMatterError:
    """Say where YAML broke, in the file's own line numbers."""
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context", None)
    context_mark = getattr(exc, "context_mark", None)
    # Marks are 0-based and the YAML block starts on the file's second line.
    if context and context_mark is not None:
        problem = (
            f"{context} (line {context_mark.line + 2}, "
            f"column {context_mark.column + 1}), {problem}"
        )
    elif context:
        problem = f"{context}, {problem}"
    if mark is None:
        return FrontMatterError(f"broken YAML: {problem}")
    return FrontMatterError(f"broken YAML: {problem}", mark.line + 2, mark.column + 1)


def stem_without_date(path: str) -> str:
    """``_posts/2019-12-01-my-post.md`` -> ``my-post``."""
    stem = PurePath(path).stem
    return _FILENAME_DATE.sub("", stem) or stem


def title_from_filename(path: str) -> str:
    """``2019-12-01-my-post.md`` -> ``My Post``."""
    stem = stem_without_date(path)
    if _FILENAME_DATE.fullmatch(stem):  # "2019-12-01.md": the date is the name
        return stem
    words = re.split(r"[-_\s]+", stem)
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


def date_from_filename(path: str) -> dt.datetime | None:
    """The ``YYYY-MM-DD`` prefix of a Jekyll post's file name, if valid."""
    match = _FILENAME_DATE.match(PurePath(path).stem)
    if match is None:
        return None
    try:
        return dt.datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def to_datetime(value: Any) -> dt.datetime | str | None:
    """YAML gives ``date``/``datetime`` objects for ISO forms; keep strings as-is.

    Returns a ``datetime`` when YAML already parsed one, the stripped string
    for Pelican's own date parser otherwise, ``None`` for empty values.
    """
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def flatten_names(value: Any) -> list[str]:
    """Flatten nested lists of names into strings, dropping empty entries."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        names: list[str] = []
        for item in value:
            names.extend(flatten_names(item))
        return names
    if isinstance(value, dict):  # Jekyll author data: {name: ..., url: ...}
        name = value.get("name")
        return flatten_names(name) if name else []
    text = str(value).strip()
    return [text] if text else []


def split_tag_string(value: Any) -> list[str]:
    """Tags as Jekyll writes them: a YAML list, ``a, b`` or Jekyll's ``a b``."""
    if isinstance(value, str):
        parts = value.split(",") if "," in value else value.split()
    else:
        parts = flatten_names(value)
    # A dict keeps the first of each name, in order, without a list search
    # per name (thousands of tags would take seconds).
    return list(dict.fromkeys(name for name in (p.strip() for p in parts) if name))
