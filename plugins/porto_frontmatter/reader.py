"""A Markdown reader that understands Jekyll-style YAML front matter."""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
import re
import sys
from collections.abc import Callable
from typing import Any

from markdown import Markdown
from pelican.plugins.porto_pipeline import is_inside, parse, real_folder, real_path
from pelican.plugins.porto_pipeline.settings import (
    choice,
    flag,
    read,
    str_list,
    whole,
)
from pelican.readers import MarkdownReader
from pelican.utils import SafeDatetime, slugify

from .blocks import fit_blocks
from .checks import (
    PostRefused,
    check_shapes,
    decode_with_bom,
    drop_unsluggable,
    guard_home_page,
    plain_datetime,
    quote_impossible_dates,
)
from .frontmatter import (
    FrontMatterError,
    date_from_filename,
    flatten_names,
    normalise_text,
    split_front_matter,
    split_tag_string,
    stem_without_date,
    title_from_filename,
    to_datetime,
)
from .inline_guard import convert, speed_up
from .preprocess import Post, enabled_body_steps
from .read_ahead import ATTRIBUTE as READ_AHEAD
from .read_ahead import digest
from .replay import recorded as _recorded
from .safety import (
    EXCERPT_TAGS,
    TITLE_TAGS,
    clean_excerpt,
    key_line,
    language_tag,
    safe_slug,
    shorten,
    shown,
    slug_problem,
    strip_control_characters,
    unsafe_in_excerpt,
)

logger = logging.getLogger(__name__)

SETTINGS = {
    # Jekyll habit: the URL slug comes from the file name, minus its date prefix.
    "PORTO_FRONTMATTER_SLUG_FROM_FILENAME": flag(True),
    # Front matter keys used as the post's summary, first found wins.
    "PORTO_FRONTMATTER_SUMMARY_KEYS": str_list(["summary", "excerpt", "description"]),
    # What an article with no date anywhere gets: "mtime" (the file's
    # modification time, with a warning) or "skip" (an error; not published).
    "PORTO_FRONTMATTER_MISSING_DATE": choice("mtime", "mtime", "skip"),
    # Markdown's inline step without the tries that cannot match (inline.py):
    # the same HTML. False uses Markdown as is.
    "PORTO_FRONTMATTER_FAST_INLINE": flag(True),
    # A post with more tags than this gets a warning (each tag is a page
    # listing the post); 0 never warns.
    "PORTO_FRONTMATTER_MANY_TAGS": whole(100),
    # Markdown of the next posts made by a second process while this one
    # works on the current post (read_ahead.py): the same HTML, sooner.
    "PORTO_FRONTMATTER_READ_AHEAD": flag(True),
}


class SkippedPost(ValueError):
    """A post that cannot be read; the message says why and where."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class _ExplainSkippedPost(logging.Filter):
    """Add the reason to Pelican's terse "Could not process <file>" error.

    Pelican 4.12 logs that line without the exception's text unless DEBUG is
    on; 4.10 and 4.11 put the text on a second line. Either way the record
    becomes one line: the file, then why (our SkippedPost's reason, or what
    the exception says, e.g. a file name's date that does not exist).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith("Could not process %s"):
            return True
        args = record.args if isinstance(record.args, tuple) else ()
        exc = sys.exc_info()[1]
        if exc is None and len(args) > 1 and isinstance(args[1], BaseException):
            exc = args[1]
        if exc is None or not args:
            return True
        record.msg = "Could not process %s: %s"
        record.args = (args[0], _reason(exc, str(args[0])))
        return True


def _reason(exc: BaseException, path: str) -> str:
    if isinstance(exc, SkippedPost):
        return exc.reason
    stem = os.path.basename(path)
    if isinstance(exc, ValueError) and stem[:10] and date_from_filename(stem) is None:
        prefix = re.match(r"\d{4}-\d\d-\d\d", stem)
        if prefix:
            date = prefix.group()
            return f"the date {date} in the file name does not exist; post skipped"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


# Only Pelican's "Could not process" line is touched: harmless for any build.
logging.getLogger("pelican.generators").addFilter(_ExplainSkippedPost())


def _to_safe_datetime(value: dt.datetime) -> SafeDatetime:
    return SafeDatetime(
        value.year, value.month, value.day, value.hour, value.minute,
        value.second, value.microsecond, tzinfo=value.tzinfo,
    )  # fmt: skip


class PortoMarkdownReader(MarkdownReader):
    """Markdown reader: YAML front matter when present, Pelican's own otherwise."""

    def setting(self, name: str) -> Any:
        return read(self.settings, SETTINGS, name)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        ahead = self.__dict__.get(READ_AHEAD)
        self._porto_ahead = ahead.take(source_path) if ahead is not None else None
        try:
            content, metadata = _recorded(self._read_post, source_path)
        finally:
            self._porto_ahead = None
        return content, metadata

    def convert_ahead(self, source_path: str) -> dict[bytes, str]:
        """In read-ahead's other process (read_ahead.py): read the post and
        give the HTML of each Markdown text converted, by the text's digest."""
        self._porto_ahead = None
        self._porto_made = made = {}
        try:
            self._read_post(source_path)
        finally:
            self._porto_made = None
        return made

    def _markdown_html(self, text: str, *, shared: bool = True) -> str:
        """``text`` through the converter, or the HTML the read-ahead process
        made of it. Not ``shared`` (a post with Pelican's own metadata, whose
        converter also reads the metadata): always converted here."""
        ahead = self.__dict__.get("_porto_ahead") if shared else None
        if ahead:
            html = ahead.get(digest(text))
            if html is not None:
                return html
        self._fit(text)
        html = convert(self._md, text)
        made = self.__dict__.get("_porto_made") if shared else None
        if made is not None:
            made[digest(text)] = html
        return html

    def _read_post(self, source_path: str) -> tuple[str, dict[str, Any]]:
        self._source_path = source_path
        name = self._display_name(source_path)
        outside = self._outside_reason(source_path)
        if outside:
            raise SkippedPost(name, f"{outside}; post skipped")
        text = normalise_text(self._decode(source_path, name))
        text = self._without_control_characters(text, name)
        self._text = text
        if not text.strip():
            logger.warning("%s: the file is empty; nothing to publish, skipped", name)
            return "", {"status": "skip"}
        text, bad_dates = quote_impossible_dates(text)
        try:
            front = split_front_matter(text)
        except FrontMatterError as exc:
            raise SkippedPost(name, f"{exc}; post skipped") from exc
        except ValueError as exc:  # a YAML value its constructor refused
            raise SkippedPost(
                name, f"the front matter cannot be read ({exc}); post skipped"
            ) from exc

        self._md = self._markdown(with_meta=front is None)
        if front is None:  # Pelican's own `Key: value` metadata.
            content = self._convert(text, name, meta=True)
            meta = getattr(self._md, "Meta", None)
            metadata = self._parse_metadata(meta) if meta else {}
            metadata = self._checked_pelican_metadata(metadata, name)
            guard_home_page(metadata, self.settings, name)
            return content, metadata

        data = self._checked(_clean_values(front.data, name), text, name, bad_dates)
        body = front.body
        steps = self._body_steps()
        if steps:  # other plugins' steps (porto_jekyll's Liquid), in order
            post = Post(
                source_path, name, self.settings, data,
                first_line=text.count("\n", 0, len(text) - len(body)) + 1,
            )  # fmt: skip
            for step in steps:
                body = step.func(body, post)
        content = self._convert(body, name)
        metadata = self._metadata(data, source_path, name)
        guard_home_page(metadata, self.settings, name, text)
        return content, metadata

    def _checked(self, data: dict, text: str, name: str, bad_dates: list) -> dict:
        """The front matter with values of the wrong shape fixed or dropped."""
        summary_keys = self.setting("PORTO_FRONTMATTER_SUMMARY_KEYS")
        try:
            return check_shapes(data, text, name, summary_keys, bad_dates)
        except PostRefused as exc:
            raise SkippedPost(name, str(exc)) from exc

    def _body_steps(self) -> list:
        steps = self.__dict__.get("_porto_body_steps")
        if steps is None:
            steps = self._porto_body_steps = enabled_body_steps(self.settings)
        return steps

    def _convert(self, text: str, name: str, *, meta: bool = False) -> str:
        try:
            return self._markdown_html(text, shared=not meta)
        except RecursionError as exc:  # "- - - … x" ten thousand deep
            self.__dict__.pop("_porto_converter", None)  # start afresh next time
            raise SkippedPost(
                name,
                "lists or quotes nested too deeply for Python-Markdown "
                "(RecursionError); post skipped",
            ) from exc

    def _markdown(self, with_meta: bool) -> Markdown:
        """A Markdown converter for the next file.

        Pelican makes a new one (loading every extension) for each file. For
        front matter posts one converter is kept per reader and reset between
        files (reset() clears footnotes, toc and the like). Files with Pelican's
        own metadata get a new one, as in Pelican: its metadata parsing removes
        the converter's ``meta`` step.
        """
        if with_meta:
            return self._new_markdown()
        md = self.__dict__.get("_porto_converter")
        if md is None:
            md = self._porto_converter = self._new_markdown()
            md.preprocessors.deregister("meta")
        else:
            md.reset()
        return md

    def _new_markdown(self) -> Markdown:
        md = Markdown(**self.settings["MARKDOWN"])
        if self.setting("PORTO_FRONTMATTER_FAST_INLINE"):
            speed_up(md)
        return md

    def _display_name(self, source_path: str) -> str:
        base = self.settings.get("PATH") or os.getcwd()
        try:
            return os.path.relpath(source_path, base)
        except ValueError:  # another drive on Windows
            return source_path

    def _outside_reason(self, source_path: str) -> str | None:
        """Why a post must not be read: a symbolic link out of the content
        folder (``posts/x.md -> ~/.ssh/config`` would be published as text)."""
        base = self.settings.get("PATH")
        if not base:
            return None
        real = real_path(os.path.abspath(source_path))
        if is_inside(real, real_folder(os.path.abspath(base))):
            return None
        return f"a link to {real}, outside the content folder"

    def _decode(self, source_path: str, name: str) -> str:
        with open(source_path, "rb") as handle:
            raw = handle.read()
        unicode = decode_with_bom(raw)  # UTF-16/32 with a byte order mark
        if unicode is not None:
            return unicode
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            logger.warning(
                "%s: not valid UTF-8 (byte 0x%02x at offset %d); "
                "undecodable bytes are shown as \N{REPLACEMENT CHARACTER}. "
                "Save the file as UTF-8 to fix this.",
                name, raw[exc.start], exc.start,
            )  # fmt: skip
            return raw.decode("utf-8", errors="replace")

    def _render(self, text: Any) -> str:
        self._md.reset()
        return self._markdown_html(str(text))

    def _fit(self, text: str) -> None:
        """Leave out the block processors ``text`` cannot use (blocks.py)."""
        if self.setting("PORTO_FRONTMATTER_FAST_INLINE"):
            fit_blocks(self._md, text)

    # -- mapping front matter onto Pelican metadata --------------------------

    def _metadata(self, data: dict[str, Any], path: str, name: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in data.items():
            handler = _FIELDS.get(key)
            if handler is not None:
                handler(self, value, out, name)
            elif key in self.settings["FORMATTED_FIELDS"] and value is not None:
                out[key] = self._render(value)
            else:
                out[key] = value
        for key in self.setting("PORTO_FRONTMATTER_SUMMARY_KEYS"):
            if data.get(key) not in (None, ""):
                out["summary"] = self._excerpt(self._render(data[key]), key, name)
                break
        self._fill_title(out, path, name)
        self._fill_date(out, path, name)
        self._fill_slug(out, path, name)
        # before anything reads a slug: Pelican warns about an empty one
        # without naming the file
        drop_unsluggable(out, self.settings, name)
        self._shorten_names(out, name)
        return out

    def _fill_title(self, out: dict[str, Any], path: str, name: str) -> None:
        if out.get("title"):
            return
        title = strip_control_characters(title_from_filename(path))[0]
        out["title"] = html.escape(title, quote=False)
        logger.warning(
            "%s: no `title` in the front matter; using %r from the file name",
            name, out["title"],
        )  # fmt: skip

    def _fill_date(self, out: dict[str, Any], path: str, name: str) -> None:
        if "date" in out:
            return
        from_name = date_from_filename(path)
        if from_name is not None:
            out["date"] = _to_safe_datetime(from_name)
            return
        if self._is_page(path) or self.settings.get("DEFAULT_DATE"):
            return
        if self.setting("PORTO_FRONTMATTER_MISSING_DATE") == "skip":
            raise SkippedPost(
                name, "no `date` in the front matter or the file name; post skipped"
            )
        mtime = dt.datetime.fromtimestamp(os.stat(path).st_mtime)
        out["date"] = _to_safe_datetime(mtime.replace(microsecond=0))
        logger.warning(
            "%s: no `date` in the front matter or the file name "
            "(YYYY-MM-DD-slug.md); using the file's modification time %s",
            name, out["date"].isoformat(sep=" "),
        )  # fmt: skip

    def _fill_slug(self, out: dict[str, Any], path: str, name: str) -> None:
        if out.get("slug") or not self.setting("PORTO_FRONTMATTER_SLUG_FROM_FILENAME"):
            return
        slug = slugify(
            stem_without_date(path),
            regex_subs=self.settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
            preserve_case=self.settings.get("SLUGIFY_PRESERVE_CASE", False),
            use_unicode=self.settings.get("SLUGIFY_USE_UNICODE", False),
        )
        if slug != shorten(slug):
            logger.warning(
                "%s: the file name makes a slug of %d bytes, too long for a "
                "file name; using %r",
                name, len(slug.encode("utf-8")), shorten(slug),
            )  # fmt: skip
            slug = shorten(slug)
        if slug:
            out["slug"] = slug

    # -- input that would break the build or the page ------------------------

    def _where(self, name: str, key: str) -> str:
        """``posts/x.md: line 3`` when ``key:`` is found in the file, else the name."""
        line = key_line(getattr(self, "_text", ""), key)
        return f"{name}: line {line}" if line else name

    def _without_control_characters(self, text: str, name: str) -> str:
        """``text`` without the control characters a feed cannot hold; warn once."""
        cleaned, found, line = strip_control_characters(text)
        if found:
            logger.warning(
                "%s: line %d: control characters (%s) removed: a web page or "
                "feed cannot hold them",
                name, line, ", ".join(found),
            )  # fmt: skip
        return cleaned

    def _excerpt(
        self, html_text: str, key: str, name: str, tags: frozenset = EXCERPT_TAGS
    ) -> str:
        """The excerpt's HTML with only what Markdown writes (no script, no
        event handlers, no javascript: URLs); what was removed is reported."""
        cleaned = clean_excerpt(html_text, tags)
        if cleaned == html_text:  # nothing removed (most excerpts): no message
            return cleaned
        try:
            removed = unsafe_in_excerpt(parse(html_text), tags)
        except ValueError:  # too deeply nested for the parser: report it all
            removed = ["markup"]
        if removed:
            logger.warning(
                "%s: removed from the `%s` (only Markdown's text markup is kept "
                "there): %s",
                self._where(name, key), key, ", ".join(removed),
            )  # fmt: skip
        return cleaned

    def _shorten_names(self, out: dict[str, Any], name: str) -> None:
        """Tags, categories and authors whose slug is too long for a file name
        get a shorter one (the same for every post that uses the name)."""
        named = [*out.get("tags", []), *out.get("authors", [])]
        for key in ("category", "author"):
            if out.get(key) is not None:
                named.append(out[key])
        seen = set()
        for item in named:
            slug = getattr(item, "slug", None)
            if not isinstance(slug, str) or slug == shorten(slug) or id(item) in seen:
                continue
            seen.add(id(item))
            item.slug = shorten(slug)
            kind = type(item).__name__.lower()
            logger.warning(
                "%s: the %s %s makes a slug of %d bytes, too long for a file "
                "name; using %r",
                name, kind, shown(str(item)), len(slug.encode("utf-8")), item.slug,
            )  # fmt: skip

    def _checked_pelican_metadata(self, meta: dict[str, Any], name: str) -> dict:
        """Pelican's own ``Key: value`` metadata, checked as front matter is.

        Its title is HTML (a YAML title is text): only inline markup is kept.
        """
        if isinstance(meta.get("title"), str) and "<" in meta["title"]:
            meta["title"] = self._excerpt(meta["title"], "title", name, TITLE_TAGS)
        if "lang" in meta:
            _lang(self, meta.pop("lang"), meta, name)
        if isinstance(meta.get("summary"), str):
            meta["summary"] = self._excerpt(meta["summary"], "summary", name)
        if "slug" in meta:
            _slug(self, meta.pop("slug"), meta, name)
        for key in ("url", "save_as"):
            if key in meta:
                _address(key)(self, meta.pop(key), meta, name)
        self._shorten_names(meta, name)
        return meta

    def _is_page(self, path: str) -> bool:
        base = self.settings.get("PATH") or os.getcwd()
        rel = os.path.relpath(path, base).replace(os.sep, "/")
        for folder in self.settings.get("PAGE_PATHS", ["pages"]):
            folder = folder.strip("/")
            if rel == folder or rel.startswith(folder + "/"):
                return True
        return False


# One function per front matter key: (reader, value, out, display name).
Handler = Callable[[PortoMarkdownReader, Any, dict[str, Any], str], None]


def _title(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    # Pelican treats a title as HTML; a YAML title is text, as in Jekyll.
    if value not in (None, ""):
        out["title"] = html.escape(str(value).strip(), quote=False)


def _date_field(target: str) -> Handler:
    def handle(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
        parsed = to_datetime(value)
        if parsed is None:
            return
        if isinstance(parsed, dt.datetime):
            out[target] = _to_safe_datetime(parsed)
            return
        quick = plain_datetime(parsed) if isinstance(parsed, str) else None
        if quick is not None:
            out[target] = quick
            return
        try:
            out[target] = reader.process_metadata(target, parsed)
        except (ValueError, OverflowError):
            logger.warning("%s: cannot read the date %r; ignoring it", name, parsed)

    return handle


def _tags(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    names = split_tag_string(value)
    for existing in out.get("tags", []):
        if existing.name not in names:
            names.insert(0, existing.name)
    if names:
        out["tags"] = reader.process_metadata("tags", names)
    many = reader.setting("PORTO_FRONTMATTER_MANY_TAGS")
    if many and len(names) > many:
        logger.warning(
            "%s: %d tags (more than PORTO_FRONTMATTER_MANY_TAGS = %d): each one "
            "is a page of its own; list pages show the first 10",
            name,
            len(names),
            many,
        )


def _categories(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    names = split_tag_string(value)
    if not names:
        return
    out["categories"] = names
    out.setdefault("category", reader.process_metadata("category", names[0]))


def _category(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    names = split_tag_string(value) if isinstance(value, list) else flatten_names(value)
    if names:
        out["category"] = reader.process_metadata("category", names[0])
        out.setdefault("categories", names)


def _authors(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    names = flatten_names(value)
    if len(names) == 1:
        out["author"] = reader.process_metadata("author", names[0])
    if names:
        out["authors"] = reader.process_metadata("authors", names)


def _status(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    if value not in (None, ""):
        out["status"] = str(value).strip().lower()


def _published(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    if value is False or str(value).strip().lower() in {"false", "no", "0"}:
        out["status"] = "draft"


def _flag_status(status: str) -> Handler:
    def handle(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
        if value is True or str(value).strip().lower() in {"true", "yes", "1"}:
            out["status"] = status

    return handle


def _slug(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    """A slug is one safe part of a path: anything else is slugified."""
    if value in (None, ""):
        return
    given = str(value).strip().strip("/")
    problem = slug_problem(given)
    slug = safe_slug(given, reader.settings) if problem else given
    if problem:
        logger.warning(
            "%s: the slug %s %s; %s",
            reader._where(name, "slug"), shown(given), problem,
            f"using {slug!r}" if slug else "using the file name or title instead",
        )  # fmt: skip
    if slug:
        out["slug"] = slug


def _lang(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    """A language tag (``en``, ``pt-BR``); anything else falls back to DEFAULT_LANG."""
    if value is False:  # YAML 1.1 reads the Norwegian code `no` as False
        value = "no"
    tag = language_tag(value)
    if tag is not None:
        out["lang"] = tag
        return
    logger.warning(
        "%s: `lang` %s is not a language tag like en or pt-BR (quote it if YAML "
        "reads it as something else); using DEFAULT_LANG %r",
        reader._where(name, "lang"), shown(value),
        reader.settings.get("DEFAULT_LANG", "en"),
    )  # fmt: skip


# A `url` or `save_as` is a path inside the site: no scheme, no "..", nothing
# that would end an HTML attribute.
_BAD_ADDRESS = re.compile(
    r"[\"'<>`\\]|^[A-Za-z][A-Za-z0-9+.\-]*:|^/|(?:^|/)\.\.(?:/|$)"
)


def _address(key: str) -> Handler:
    def handle(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
        if isinstance(value, str) and not _BAD_ADDRESS.search(value):
            out[key] = value
            return
        logger.warning(
            "%s: `%s` %s is not a path inside the site; ignoring it",
            reader._where(name, key), key, shown(value),
        )  # fmt: skip

    return handle


def _translation(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    # Pelican reads the string "true"; YAML gives `translation: true` as a bool
    flag = value is True or str(value).strip().lower() in {"true", "yes", "1"}
    out["translation"] = "true" if flag else "false"


def _image(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    if isinstance(value, dict):  # {path: ..., alt: ...} as some themes write it
        value = value.get("path") or value.get("src")
    if value:
        out["image"] = str(value).strip()


def _header(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    out["header"] = value
    if isinstance(value, dict) and "image" not in out:
        teaser = value.get("teaser") or value.get("image") or value.get("og_image")
        if teaser:
            out["image"] = str(teaser).strip()


def _ignore(reader: PortoMarkdownReader, value: Any, out: dict, name: str) -> None:
    """Handled after the loop (summary keys) or reserved by Pelican."""


_FIELDS: dict[str, Handler] = {
    "title": _title,
    "date": _date_field("date"),
    "modified": _date_field("modified"),
    "last_modified_at": _date_field("modified"),
    "updated": _date_field("modified"),
    "tags": _tags,
    "tag": _tags,
    "categories": _categories,
    "category": _category,
    "author": _authors,
    "authors": _authors,
    "status": _status,
    "published": _published,
    "draft": _flag_status("draft"),
    "hidden": _flag_status("hidden"),
    "slug": _slug,
    "translation": _translation,
    "lang": _lang,
    "url": _address("url"),
    "save_as": _address("save_as"),
    "image": _image,
    "header": _header,
    "summary": _ignore,
    "content": _ignore,
}


def _clean_values(data: Any, name: str) -> Any:
    """Front matter without control characters written as YAML escapes
    (``"\\e[31m"``): the file's own bytes were cleaned before YAML read them,
    but no feed can hold these either. One warning for the file."""
    found: list[str] = []

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            value, which, _ = strip_control_characters(value)
            found.extend(which)
            return value
        if isinstance(value, list):
            return [clean(item) for item in value]
        if isinstance(value, dict):
            return {clean(key): clean(item) for key, item in value.items()}
        return value

    data = clean(data)
    if found:
        logger.warning(
            "%s: control characters (%s) in the front matter's values removed",
            name, ", ".join(sorted(set(found))),
        )  # fmt: skip
    return data
