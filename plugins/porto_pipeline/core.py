"""Parse a document's HTML once, run every enabled transform, serialise once."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder
from bs4.element import (
    AttributeValueWithCharsetSubstitution,
    PreformattedString,
    Tag,
)
from bs4.formatter import HTMLFormatter
from pelican.contents import Static

__all__ = [
    "Document",
    "Transform",
    "add_transform",
    "enabled_transforms",
    "local_file",
    "parse",
    "process_content",
    "run_transforms",
    "serialise",
]

from .cache import FILE_NAME as CACHE_FILE
from .cache import Entry, PipelineCache, Recorder, document_key, replay, stamp

logger = logging.getLogger(__name__)

# Where a build's pipeline cache lives: not a PORTO_ setting (those are part of
# every cache key), just this build's object.
CACHE_SETTING = "_porto_pipeline_cache"

# Void elements: an end tag for one of these is never "stray" markup to keep.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


class _RawMarkup(PreformattedString):
    """Markup the parser could not place (a stray end tag), written back as is."""

    PREFIX = ""
    SUFFIX = ""


class _FaithfulParser(BeautifulSoupHTMLParser):
    """``html.parser`` as BeautifulSoup drives it, minus two ways it loses input.

    * Character references are decoded by the standard library, which leaves
      an unknown one such as ``&notanentity;`` intact (BeautifulSoup's own
      handler drops its semicolon).
    * An end tag with no open element to close (``</div>`` after a Markdown
      paragraph) is kept in place instead of being discarded, so invalid
      input stays exactly as invalid as it was.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["convert_charrefs"] = True
        super().__init__(*args, **kwargs)

    def handle_endtag(self, tag: str, check_already_closed: bool = True) -> None:
        soup = self.soup
        if (
            tag not in _VOID
            and tag not in self.already_closed_empty_element
            and not any(open_tag.name == tag for open_tag in soup.tagStack[1:])
        ):
            soup.endData()
            soup.handle_data(f"</{tag}>")
            soup.endData(_RawMarkup)
            return
        super().handle_endtag(tag, check_already_closed)


class _FaithfulTreeBuilder(HTMLParserTreeBuilder):
    def feed(self, markup: Any, _parser_class: Any = _FaithfulParser) -> None:
        super().feed(markup, _parser_class=_parser_class)


def _escape(text: str) -> str:
    # The "minimal" escaping, plus no-break spaces as the entity typogrify
    # writes (``&nbsp;``), so they stay visible in the page source.
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\xa0", "&nbsp;")
    )


class _Formatter(HTMLFormatter):
    def attributes(self, tag: Any) -> Iterable[tuple[str, Any]]:
        # As written, not sorted: a tag no transform touched keeps its bytes.
        return list(tag.attrs.items()) if tag.attrs else []


_FORMATTER = _Formatter(entity_substitution=_escape)


@dataclass
class Document:
    """What a transform may know about the document besides its tree."""

    source_path: str = ""
    relative_path: str = ""
    kind: str = "article"
    lang: str = "en"
    metadata: Mapping[str, Any] = field(default_factory=dict)
    content_root: str = ""
    # Values a transform hands back; set as attributes on the content object.
    data: dict[str, Any] = field(default_factory=dict)
    # Files local_file() looked for, with their stamps: what a cached result
    # of this document depends on besides its HTML.
    files: dict[str, Any] = field(default_factory=dict)


TransformFunc = Callable[[BeautifulSoup, Mapping[str, Any], Document], None]


@dataclass(frozen=True)
class Transform:
    """A named step of the pipeline; lower ``order`` runs first."""

    name: str
    func: TransformFunc
    order: int
    plugin: str
    needs: tuple[str, ...] | None = None

    def applies_to(self, html: str) -> bool:
        """Whether the raw HTML may hold something for this transform."""
        return self.needs is None or any(text in html for text in self.needs)


# Filled by the plugins' register(); which of them run is decided per build
# from settings["PLUGINS"], so two sites built in one process do not mix.
_TRANSFORMS: dict[str, Transform] = {}


def add_transform(
    name: str,
    func: TransformFunc,
    *,
    order: int,
    plugin: str,
    needs: str | Iterable[str] | None = None,
) -> None:
    """Register (or replace) the transform ``name`` owned by plugin ``plugin``.

    ``needs``: text (or texts) the raw HTML must contain for the transform to
    have anything to do, e.g. ``"<img"``. When no enabled transform's needs
    are met the document is not parsed at all. ``None`` means "always run".
    """
    if isinstance(needs, str):
        needs = (needs,)
    elif needs is not None:
        needs = tuple(needs)
    _TRANSFORMS[name] = Transform(name, func, order, plugin.rpartition(".")[2], needs)


def enabled_transforms(settings: Mapping[str, Any]) -> list[Transform]:
    """The registered transforms whose plugin this build enabled, in order."""
    plugins = settings.get("PLUGINS")
    if plugins is None:
        chosen: Iterable[Transform] = _TRANSFORMS.values()
    else:
        enabled = {str(p).rpartition(".")[2] for p in plugins}
        chosen = (t for t in _TRANSFORMS.values() if t.plugin in enabled)
    return sorted(chosen, key=lambda t: (t.order, t.name))


def parse(html: str) -> BeautifulSoup:
    """The tree every transform of a document shares.

    Python's html.parser keeps what it is given (no <html>/<body> wrapper, no
    tags added or moved), so the pipeline never changes what it does not mean to.
    """
    return BeautifulSoup(html, builder=_FaithfulTreeBuilder())


def serialise(tree: BeautifulSoup) -> str:
    """HTML for ``tree``; ``serialise(parse(serialise(t)))`` is a fixed point.

    Writes what ``tree.decode(formatter=_FORMATTER)`` writes (the tests hold
    the two equal), about three times as fast: one pass over ``contents``
    lists instead of Beautiful Soup's event stream and per-node formatter calls.
    """
    out: list[str] = []
    append = out.append
    # Each entry: the children still to write, and the end tag after them.
    stack: list[tuple[Any, str, bool]] = [(iter(tree.contents), "", _is_cdata(tree))]
    while stack:
        children, end_tag, cdata = stack[-1]
        for child in children:
            if isinstance(child, Tag):
                if child.contents:
                    append(_start_tag(child))
                    stack.append(
                        (iter(child.contents), _end_tag(child), _is_cdata(child))
                    )
                    break
                if child.can_be_empty_element is True:
                    append(_start_tag(child, "/>"))
                else:
                    append(_start_tag(child))
                    append(_end_tag(child))
            elif isinstance(child, PreformattedString):
                append(child.PREFIX + child + child.SUFFIX)
            elif cdata:
                append(child)
            else:
                append(_escape(child))
        else:
            stack.pop()
            append(end_tag)
    return "".join(out)


def _is_cdata(tag: Tag) -> bool:
    return tag.name in _FORMATTER.cdata_containing_tags


def _name(tag: Tag) -> str:
    return f"{tag.prefix}:{tag.name}" if tag.prefix else tag.name


def _start_tag(tag: Tag, close: str = ">") -> str:
    if tag.hidden:
        return ""
    if not tag.attrs:
        return f"<{_name(tag)}{close}"
    attrs = [_name(tag)]
    for key, value in tag.attrs.items():
        if value is None:
            attrs.append(key)
            continue
        if isinstance(value, (list, tuple)):
            value = " ".join(value)
        elif not isinstance(value, str):
            value = str(value)
        elif isinstance(value, AttributeValueWithCharsetSubstitution):
            value = value.substitute_encoding("utf-8")
        attrs.append(f"{key}={_quoted(_escape(value))}")
    return f"<{' '.join(attrs)}{close}"


def _end_tag(tag: Tag) -> str:
    return "" if tag.hidden else f"</{_name(tag)}>"


def _quoted(value: str) -> str:
    # As Beautiful Soup quotes: double quotes, single when the value holds
    # only double quotes, &quot; when it holds both.
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"' + value.replace('"', "&quot;") + '"'


def run_transforms(
    html: str,
    transforms: Iterable[Transform],
    settings: Mapping[str, Any],
    doc: Document,
) -> str:
    """Parse ``html`` once, apply ``transforms`` in order, serialise once.

    Transforms that cannot apply (see ``needs`` in :func:`add_transform`) are
    skipped; when none is left the HTML is returned untouched, unparsed.
    """
    chosen = [t for t in transforms if t.applies_to(html)]
    if not chosen:
        return html
    tree = parse(html)
    for transform in chosen:
        transform.func(tree, settings, doc)
    return serialise(tree)


def _document(instance: Any) -> Document:
    settings = instance.settings
    source = getattr(instance, "source_path", "") or ""
    root = settings.get("PATH") or ""
    relative = os.path.relpath(source, root) if source and root else source
    return Document(
        source_path=source,
        relative_path=relative.replace(os.sep, "/"),
        kind=type(instance).__name__.lower(),
        lang=getattr(instance, "lang", None) or settings.get("DEFAULT_LANG", "en"),
        metadata=getattr(instance, "metadata", {}),
        content_root=root,
    )


def process_content(instance: Any) -> None:
    """``content_object_init`` receiver: rewrite ``instance._content`` in place.

    Only ``_content`` is touched: reading ``.content`` here would resolve
    ``{filename}`` links before every document is known.
    """
    html = getattr(instance, "_content", None)
    if isinstance(instance, Static) or getattr(instance, "_porto_pipeline_done", False):
        return  # static files (images…) are content objects too: nothing to do
    transforms = enabled_transforms(instance.settings)
    if not transforms:
        return
    doc = _document(instance)
    cache = instance.settings.get(CACHE_SETTING)
    key = document_key(html or "", transforms, instance.settings, doc) if cache else ""
    entry = cache.get(key) if cache else None
    if entry is not None:
        replay(entry.messages)
    else:
        # An empty body still runs: transforms may set values (reading time).
        entry = _fresh_result(html or "", transforms, instance.settings, doc, cache)
        if entry is None:
            return
        if cache:
            cache.put(key, entry)
    if html:
        instance._content = entry.html
    for name, value in entry.data.items():
        setattr(instance, name, value)
    instance._porto_pipeline_done = True


def _fresh_result(
    html: str, transforms: list, settings: Mapping[str, Any], doc: Document, cache
) -> Entry | None:
    """Run the pipeline; with a cache, also record the warnings to replay later."""
    recorder = Recorder()
    root = logging.getLogger()
    if cache:
        root.addHandler(recorder)
    try:
        result = run_transforms(html, transforms, settings, doc)
    except Exception as error:  # a bug or odd input: keep the page as written
        logger.error(
            "%s: Porto pipeline failed, content left unprocessed (%s: %s)",
            doc.relative_path or doc.source_path,
            type(error).__name__,
            error,
            exc_info=logger.isEnabledFor(logging.DEBUG),
        )
        return None
    finally:
        root.removeHandler(recorder)
    return Entry(result, dict(doc.data), doc.files, recorder.messages)


def open_cache(pelican: Any) -> None:
    """``initialized``: with Pelican's content cache on, use Porto's too."""
    settings = pelican.settings
    if settings.get("CACHE_CONTENT"):
        path = os.path.join(settings.get("CACHE_PATH", "cache"), CACHE_FILE)
        settings[CACHE_SETTING] = PipelineCache(
            path, load=bool(settings.get("LOAD_CONTENT_CACHE"))
        )


def save_cache(pelican: Any) -> None:
    """``finalized``: write the entries of this build."""
    cache = pelican.settings.get(CACHE_SETTING)
    if cache is not None:
        cache.save()


# {static}/x, {attach}x, |filename|x ... as Pelican writes intra-site links.
_PLACEHOLDER = re.compile(r"^(?:\{(\w+)\}|\|(\w+)\|)")


def local_file(url: str, doc: Document) -> str | None:
    """The file under the content folder that ``url`` points at, if any.

    Understands Pelican placeholders (``{static}/a.png``), site-root paths as
    Jekyll writes them (``/images/a.png``) and paths relative to the source file.
    Remote URLs, fragments and missing files give ``None``.
    """
    if not url or not doc.content_root:
        return None
    placeholder = _PLACEHOLDER.match(url)
    if placeholder:
        url = url[placeholder.end() :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    root = os.path.abspath(doc.content_root)
    if path.startswith("/"):
        candidate = os.path.join(root, path.lstrip("/"))
    else:
        base = os.path.dirname(doc.source_path) if doc.source_path else root
        candidate = os.path.join(base, path)
    candidate = os.path.normpath(candidate)
    if candidate != root and not candidate.startswith(root + os.sep):
        return None
    seen = stamp(candidate)
    doc.files[candidate] = seen
    return candidate if seen is not None and os.path.isfile(candidate) else None
