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

logger = logging.getLogger(__name__)

# Python's own parser: it keeps what it is given (no <html>/<body> wrapper, no
# tags added or moved), so the pipeline never changes what it does not mean to.
PARSER = "html.parser"


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


TransformFunc = Callable[[BeautifulSoup, Mapping[str, Any], Document], None]


@dataclass(frozen=True)
class Transform:
    """A named step of the pipeline; lower ``order`` runs first."""

    name: str
    func: TransformFunc
    order: int
    plugin: str


# Filled by the plugins' register(); which of them run is decided per build
# from settings["PLUGINS"], so two sites built in one process do not mix.
_TRANSFORMS: dict[str, Transform] = {}


def add_transform(name: str, func: TransformFunc, *, order: int, plugin: str) -> None:
    """Register (or replace) the transform ``name`` owned by plugin ``plugin``."""
    _TRANSFORMS[name] = Transform(name, func, order, plugin.rpartition(".")[2])


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
    return BeautifulSoup(html, PARSER)


def serialise(tree: BeautifulSoup) -> str:
    return tree.decode(formatter="minimal")


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
    if getattr(instance, "_porto_pipeline_done", False):
        return
    transforms = enabled_transforms(instance.settings)
    if not transforms:
        return
    doc = _document(instance)
    if html:
        instance._content = run_transforms(html, transforms, instance.settings, doc)
    for name, value in doc.data.items():
        setattr(instance, name, value)
    instance._porto_pipeline_done = True


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
    inside = candidate == root or candidate.startswith(root + os.sep)
    return candidate if inside and os.path.isfile(candidate) else None
