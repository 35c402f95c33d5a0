"""Parse a document's HTML once, run every enabled transform, serialise once.

The tree is lxml's: libxml2's HTML parser and serialiser run in C, so reading
and writing a document stays a small part of what the transforms cost.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import escape as _escape
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree
from pelican import signals
from pelican.contents import Static

__all__ = [
    "PHASES",
    "Document",
    "Transform",
    "add_transform",
    "enabled_transforms",
    "is_inside",
    "local_file",
    "parse",
    "process_content",
    "real_folder",
    "real_path",
    "run_transforms",
    "serialise",
]

from .cache import FILE_NAME as CACHE_FILE
from .cache import Entry, PipelineCache, Recorder, document_key, replay, stamp
from .site import documents

logger = logging.getLogger(__name__)

# The pipeline cache of the Pelican instance being built: its settings (the
# very dict its content objects share) and its cache. Kept here, not in the
# settings, where Pelican's generator-level cache would pickle it with every
# content object. A new Pelican instance replaces it (nothing carries over
# from one site to the next); `pelican --autoreload` keeps one instance, and
# its cache, from one rebuild to the next.
_ACTIVE: tuple[Mapping[str, Any], PipelineCache] | None = None

# Comments, <!DOCTYPE…> and the like are kept; no network, no size limit (a
# huge post is still a post).
_PARSER = etree.HTMLParser(
    remove_blank_text=False,
    remove_comments=False,
    remove_pis=False,
    no_network=True,
    huge_tree=True,
    collect_ids=False,
)
_OPEN = "<html><body>"
# A browser keeps what follows a stray </body> or </html> in the body; libxml2
# would put it after the body, out of the document: such end tags are dropped.
_DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
# HTML5 void elements libxml2 (an HTML 4 parser) does not know as void: it
# writes an end tag for them, which browsers ignore and validators flag.
_LATE_VOID = ("embed", "keygen", "source", "track", "wbr")
_LATE_VOID_END = re.compile(f"</(?:{'|'.join(_LATE_VOID)})>")
# Elements libxml2 reads as raw text (see _hide below).
_RAW_TEXT = ("iframe", "noembed", "noframes", "plaintext", "xmp")


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
    # URLs local_file() refused, with why: a file outside the content folder
    # (a "../" too many, or a symbolic link out of it) is never published.
    refused: dict[str, str] = field(default_factory=dict)


TransformFunc = Callable[[etree._Element, Mapping[str, Any], Document], None]

# The pipeline's phases, in the order they run. A transform names its phase;
# within a phase transforms run in the order of their names.
PHASES: dict[str, str] = {
    # typogrify's filters on the words as written (before captions are moved
    # and attribute lines dropped, so the result is typogrify's own)
    "text": "rewrite the text itself",
    # Jekyll-style paths become Pelican links; files are looked up
    "resolve": "turn paths and references into links Pelican understands",
    # image paragraphs become figures, attribute lines go
    "structure": "change the shape of the tree",
    # attributes on what is already in place: image sizes, lazy loading
    "decorate": "add attributes to elements in place",
    # read the finished tree (reading time); never change it
    "measure": "read the finished tree into values for the templates",
}


@dataclass(frozen=True)
class Transform:
    """A named step of the pipeline, run in its phase."""

    name: str
    func: TransformFunc
    phase: str
    plugin: str

    @property
    def rank(self) -> tuple[int, str]:
        return (list(PHASES).index(self.phase), self.name)


# Filled by the plugins' register(); which of them run is decided per build
# from settings["PLUGINS"], so two sites built in one process do not mix.
_TRANSFORMS: dict[str, Transform] = {}


def add_transform(name: str, func: TransformFunc, *, phase: str, plugin: str) -> None:
    """Register (or replace) the transform ``name`` owned by plugin ``plugin``.

    ``phase`` is one of :data:`PHASES`. The first transform registered also
    connects the pipeline to Pelican's signals, so a plugin with a transform
    needs no more than this call in its ``register()``.
    """
    if phase not in PHASES:
        raise ValueError(f"{name}: unknown phase {phase!r}; one of {list(PHASES)}")
    _TRANSFORMS[name] = Transform(name, func, phase, plugin.rpartition(".")[2])
    _connect()


def _connect() -> None:
    """Connect the pipeline to Pelican (done by the first add_transform)."""
    # blinker ignores a receiver connected twice
    signals.initialized.connect(open_cache)
    signals.content_object_init.connect(process_content)
    signals.finalized.connect(save_cache)
    signals.article_generator_finalized.connect(finish_summaries)
    signals.page_generator_finalized.connect(finish_summaries)


def enabled_transforms(settings: Mapping[str, Any]) -> list[Transform]:
    """The registered transforms whose plugin this build enabled, in order."""
    plugins = settings.get("PLUGINS")
    if plugins is None:
        chosen: Iterable[Transform] = _TRANSFORMS.values()
    else:
        enabled = {str(p).rpartition(".")[2] for p in plugins}
        chosen = (t for t in _TRANSFORMS.values() if t.plugin in enabled)
    return sorted(chosen, key=lambda t: t.rank)


def parse(html: str) -> etree._Element:
    """The tree every transform of a document shares: a ``<body>`` element.

    The document's HTML is what the body holds; its first text is the body's
    ``text``. Tags and attribute names come out in lower case, character
    references as characters, unclosed elements closed: what a browser builds.
    """
    if "</" in html and _DOCUMENT_END.search(html):
        html = _outside_raw_text(html, _DOCUMENT_END, "")
    if "<![" in html:
        html = _foreign_cdata_as_text(html)
    # No closing tags added: libxml2 closes what is still open at the end.
    root = etree.fromstring(_OPEN + html, _PARSER)
    for error in _PARSER.error_log:
        if error.level == etree.ErrorLevels.FATAL:
            # e.g. more than 2,048 nested elements: libxml2 stops reading there
            raise ValueError(f"the HTML parser gave up: {error.message}")
    body = root.find("body")
    if body is None:  # nothing parsable (e.g. only white space)
        body = etree.SubElement(root, "body")
    return body


# Typographic punctuation (quotes, dashes, ellipses, arrows such as the
# footnote back-link's) is written as numeric references, as typogrify writes
# it. Python keeps a string at the width of its widest character: one curly
# quote would make a Latin-1 page take two bytes a character, for the whole
# build. Script and style bodies, raw-text elements and comments,
# where a reference would not be read back as the character, are kept as is.
_KEPT_ELEMENTS = "|".join(("script", "style", *_RAW_TEXT))
_MARKS = "\u2010-\u205e\u2190-\u21ff"
_PUNCTUATION = re.compile(
    f"(<({_KEPT_ELEMENTS})\\b.*?</\\2\\s*>|<!--.*?-->)|[{_MARKS}]",
    re.DOTALL | re.IGNORECASE,
)
# The same without the parts kept as is, for pages that have none (most): a
# scan for one character class, several times faster than the alternation.
_PUNCTUATION_ONLY = re.compile(f"([{_MARKS}])")
_KEPT_AS_IS = re.compile(f"<(?:{_KEPT_ELEMENTS})\\b|<!--", re.IGNORECASE)
_REFERENCES = {
    chr(code): f"&#{code};" for code in (*range(0x2010, 0x205F), *range(0x2190, 0x2200))
}
# What typography writes (curly quotes, dashes, ellipses) and Markdown's
# footnote back-link arrow.
_COMMON_MARKS = "\u2019\u201c\u201d\u2018\u2014\u2013\u2026\u21a9"


def _reference(match: re.Match) -> str:
    kept = match.group(1)
    return kept if kept is not None else _REFERENCES[match.group()]


def _is_latin1(html: str) -> bool:
    try:
        html.encode("latin-1")  # a copy in C: no character past U+00FF
    except UnicodeEncodeError:
        return False
    return True


def _punctuation_as_references(html: str) -> str:
    if _is_latin1(html):
        return html
    if _KEPT_AS_IS.search(html):
        return _PUNCTUATION.sub(_reference, html)
    for mark in _COMMON_MARKS:  # str.replace scans for one character in C
        html = html.replace(mark, _REFERENCES[mark])
    if _is_latin1(html):
        return html
    parts = _PUNCTUATION_ONLY.split(html)  # text, mark, text, mark, …, text
    parts[1::2] = map(_REFERENCES.__getitem__, parts[1::2])
    return "".join(parts)


def serialise(body: etree._Element) -> str:
    """HTML for the tree ``parse`` made; a fixed point of ``serialise(parse(…))``.

    No-break spaces are written ``&nbsp;``, as typogrify writes them, so they stay
    visible in the page source. URLs are written as they are in the tree.
    """
    kept = _hide(body)
    for item in body.iter("li"):
        # libxml2 writes an empty <li> without its end tag: "<li></li>x" would
        # come back as "<li>x</li>". An empty text node makes it write one.
        if item.text is None and not len(item):
            item.text = ""
    html = etree.tostring(body, method="html", encoding="unicode", with_tail=False)
    if kept:
        html = _show(html, kept)
    # "<body>" … "</body>", the wrapper parse() added
    html = html[html.index(">") + 1 : html.rindex("<")] if body.attrib else html[6:-7]
    if "\xa0" in html:
        html = html.replace("\xa0", "&nbsp;")
    if not html.isascii():
        html = _punctuation_as_references(html)
    if "</" in html and next(body.iter(*_LATE_VOID), None) is not None:
        html = _outside_raw_text(html, _LATE_VOID_END, "")
    return html


# Script and style bodies, raw-text elements and comments: text the page keeps
# as written. "</html>" in a script's string or "</source>" in a comment is
# not markup, so the clean-ups by pattern above leave these parts alone.
_RAW_PART = re.compile(
    f"<(?P<raw>{_KEPT_ELEMENTS})\\b.*?</(?P=raw)\\s*>|<!--.*?-->",
    re.DOTALL | re.IGNORECASE,
)


def _outside_raw_text(html: str, pattern: re.Pattern, replacement: str) -> str:
    """``pattern.sub(replacement, html)`` except inside raw text and comments."""
    if not _KEPT_AS_IS.search(html):
        return pattern.sub(replacement, html)
    parts, start = [], 0
    for kept in _RAW_PART.finditer(html):
        parts.append(pattern.sub(replacement, html[start : kept.start()]))
        parts.append(kept.group())
        start = kept.end()
    parts.append(pattern.sub(replacement, html[start:]))
    return "".join(parts)


# In SVG and MathML a browser reads <![CDATA[…]]> as text; libxml2's HTML
# parser makes it a comment, and the text vanishes from the picture. Outside
# them a browser makes it a comment too, so only those sections change.
_FOREIGN_SCAN = re.compile(
    f"(?P<kept><(?P<raw>{_KEPT_ELEMENTS})\\b.*?</(?P=raw)\\s*>|<!--.*?-->)"
    r"|<(?P<open>svg|math)\b|</(?P<close>svg|math)\s*>"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>",
    re.DOTALL | re.IGNORECASE,
)


def _foreign_cdata_as_text(html: str) -> str:
    depth = 0

    def replace(match: re.Match) -> str:
        nonlocal depth
        if match.group("open"):
            depth += 1
        elif match.group("close"):
            depth = max(depth - 1, 0)
        elif match.group("cdata") is not None and depth:
            return _escape(match.group("cdata"), quote=False)
        return match.group()

    return _FOREIGN_SCAN.sub(replace, html)


# Two things libxml2 writes differently from how it read them, put right by
# swapping the value for an ASCII token while the tree is written:
# * it percent-encodes spaces and non-ASCII letters in these attributes and
#   drops their leading white space: "{static}/posts/naïve pic.png" would come
#   out as ".../na%C3%AFve%20pic.png", which Pelican's static-file lookup does
#   not decode;
# * it reads the content of these elements as raw text but escapes it when
#   writing, so "<iframe>a &amp; b</iframe>" would gain a layer of "&amp;"
#   with every build step that parses it.
_URL_ATTRIBUTES = etree.XPath("(.//@href | .//@src | .//@action | .//a/@name)")
_ESCAPED_BY_LIBXML2 = re.compile(r"[^\x21-\x7e]")
_TOKEN = "porto-kept-{}-{}"


def _hide(body: etree._Element) -> list[tuple[Any, str | None, str, str]]:
    """Swap what libxml2 would rewrite for tokens; say what was swapped."""
    kept = []
    for value in _URL_ATTRIBUTES(body):
        if _ESCAPED_BY_LIBXML2.search(value):
            token = _TOKEN.format(id(body), len(kept))
            kept.append((value.getparent(), value.attrname, str(value), token))
    for element in body.iter(_RAW_TEXT):
        if element.text:
            token = _TOKEN.format(id(body), len(kept))
            kept.append((element, None, element.text, token))
    for element, name, _, token in kept:
        if name is None:
            element.text = token
        else:
            element.set(name, token)
    return kept


def _show(html: str, kept: list) -> str:
    """Put the values back in the tree and, as written, in ``html``."""
    for element, name, value, token in kept:
        if name is None:
            element.text = value
            html = html.replace(token, value, 1)
            continue
        element.set(name, value)
        written = _escape(value, quote=False)
        quote = "'" if '"' in value and "'" not in value else '"'
        if quote == '"':
            written = written.replace('"', "&quot;")
        html = html.replace(f'"{token}"', quote + written + quote, 1)
    return html


def run_transforms(
    html: str,
    transforms: Iterable[Transform],
    settings: Mapping[str, Any],
    doc: Document,
) -> str:
    """Parse ``html`` once, apply ``transforms`` in order, serialise once."""
    tree = parse(html)
    for transform in transforms:
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
    cache = _cache_for(instance.settings)
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
    _process_summary(instance, transforms)
    instance._porto_pipeline_done = True


def _process_summary(instance: Any, transforms: list) -> None:
    """A summary written in the metadata (an ``excerpt``) gets what the body got.

    Its images and relative links resolve against the post, as the body's do.
    The measure phase, whose values (reading time…) are the body's business,
    does not run. Summaries Pelican cuts from the body are already processed.
    A summary is a short fragment: it is processed on every build, not cached.
    """
    metadata = getattr(instance, "metadata", None)
    summary = metadata.get("summary") if isinstance(metadata, dict) else None
    if not isinstance(summary, str) or not summary:
        return
    doc = _document(instance)
    shaping = [t for t in transforms if t.phase != "measure"]
    entry = _fresh_result(summary, shaping, instance.settings, doc, None)
    if entry is None:
        return
    metadata["summary"] = instance._summary = instance._porto_summary = entry.html


def finish_summaries(generator: Any) -> None:
    """``*_generator_finalized``: what Pelican does for a body, for the
    summaries :func:`_process_summary` made (also for documents Pelican took
    from its cache, which are not made again): the files their ``{static}``
    links name are copied, and with ``RELATIVE_URLS`` their links are resolved
    for each page that shows them.
    """
    relative = generator.settings.get("RELATIVE_URLS")
    for document in documents([generator]):
        html = getattr(document, "_porto_summary", None)
        if not isinstance(html, str):
            continue
        _add_static_links(document, html, generator.context)
        if relative and hasattr(document, "_update_content"):
            document.get_summary = SummaryPerPage(document, html)


class SummaryPerPage:
    """``get_summary`` for a document whose summary came from its metadata,
    with ``RELATIVE_URLS``: its links resolved for the page that shows it.

    Pelican resolves such a summary's links once, from the site root, so they
    would break on every page below it (tag, category, author pages); the
    body's links it resolves for each page. This resolves the summary the way
    Pelican resolves the body, once per relative site URL.
    """

    def __init__(self, instance: Any, html: str):
        self.instance = instance
        self.html = html
        self.done: dict[str, str] = {}
        self.from_root: str | None = None  # what Pelican's own refresh makes

    def __call__(self, siteurl: str) -> str:
        if not self._still_ours():
            return self.instance.metadata.get("summary", "")
        found = self.done.get(siteurl)
        if found is None:
            found = self.done[siteurl] = self.instance._update_content(
                self.html, siteurl
            )
        return found

    def _still_ours(self) -> bool:
        """False once another plugin has put a summary of its own in place
        (Pelican's own refresh resolves ours once: that is still ours)."""
        current = getattr(self.instance, "_summary", self.html)
        if current == self.html:
            return True
        if self.from_root is None:
            root = self.instance.settings.get("SITEURL", "")
            self.from_root = self.instance._update_content(self.html, root)
        return current == self.from_root


def _add_static_links(instance: Any, html: str, context: Mapping[str, Any]) -> None:
    """Have Pelican copy the files ``html``'s ``{static}`` links name.

    Pelican collects those links from a document's body only; a page that is
    not written (a draft in production) copies nothing, as porto_drafts expects.
    """
    links = context.get("static_links")
    if links is None or "{" not in html or not instance.save_as:
        return
    body = instance._content
    try:  # Pelican's own reading of the links, on the summary
        instance._content = html
        links |= instance.get_static_links()
    except Exception as error:  # a Pelican without get_static_links
        logger.debug("summary links of %s not collected: %s", instance, error)
    finally:
        instance._content = body


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
    global _ACTIVE
    settings = pelican.settings
    _ACTIVE = None
    forget_real_folders()
    if settings.get("CACHE_CONTENT"):
        path = os.path.join(settings.get("CACHE_PATH", "cache"), CACHE_FILE)
        cache = PipelineCache(path, load=bool(settings.get("LOAD_CONTENT_CACHE")))
        _ACTIVE = (settings, cache)


def _cache_for(settings: Mapping[str, Any]) -> PipelineCache | None:
    """The pipeline cache of the build whose settings these are, if any."""
    if _ACTIVE is not None and _ACTIVE[0] is settings:
        return _ACTIVE[1]
    return None


def save_cache(pelican: Any) -> None:
    """``finalized``: write the entries of this build."""
    forget_real_folders()
    cache = _cache_for(pelican.settings)
    if cache is not None:
        cache.save()


# {static}/x, {attach}x, |filename|x ... as Pelican writes intra-site links
# (its INTRASITE_LINK_REGEX takes "{" or "|" on either side).
_PLACEHOLDER = re.compile(r"^[{|]\w+[|}]")


def local_file(url: str, doc: Document) -> str | None:
    """The file under the content folder that ``url`` points at, if any.

    Understands Pelican placeholders (``{static}/a.png``), site-root paths as
    Jekyll writes them (``/images/a.png``) and paths relative to the source file.
    Remote URLs, fragments and missing files give ``None``; so does a file
    outside the content folder, and ``doc.refused`` says why when Pelican
    would copy it: a placeholder with a ``../`` too many, or a symbolic link
    out of the folder (a link to ``/etc/hostname``, a linked folder). A plain
    ``../../about/`` is only a URL, and not refused.
    """
    if not url or not doc.content_root:
        return None
    placeholder = _PLACEHOLDER.match(url)
    parts = urlsplit(url[placeholder.end() :] if placeholder else url)
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
    if not is_inside(candidate, root):
        if placeholder:  # Pelican would copy it: "../" is not just a URL here
            doc.refused[url] = "points outside the content folder"
        return None
    seen = stamp(candidate)
    doc.files[candidate] = seen
    if seen is None:
        return None
    real = real_path(candidate)
    if real != candidate and not is_inside(real, real_folder(root)):
        doc.refused[url] = f"is a link to {real}, outside the content folder"
        return None
    return candidate


def is_inside(path: str, folder: str) -> bool:
    """Is the normalised absolute ``path`` ``folder`` or under it?"""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


# Folders resolved in this build: the content folder (which may itself be a
# symbolic link: what it holds is inside it all the same) and the few folders
# posts and pictures share, each resolved once, not once per file.
_REAL_FOLDERS: dict[str, str] = {}


def real_folder(folder: str) -> str:
    """``os.path.realpath(folder)``, once per build."""
    real = _REAL_FOLDERS.get(folder)
    if real is None:
        real = _REAL_FOLDERS[folder] = os.path.realpath(folder)
    return real


def real_path(path: str) -> str:
    """``os.path.realpath(path)`` for an absolute, normalised ``path``.

    Its folder is resolved once per build; the file itself is checked each
    time (one ``lstat``), and resolved in full when it is a link.
    """
    if os.path.islink(path):
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    return os.path.join(real_folder(folder), name)


def forget_real_folders() -> None:
    """A new build resolves folders afresh (a link may have changed)."""
    _REAL_FOLDERS.clear()
