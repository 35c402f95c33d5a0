"""Reuse a document's pipeline result when nothing it depends on has changed.

Pelican's own content cache (``CACHE_CONTENT``) stores what the reader made, so
every rebuild makes the content objects again and the pipeline would parse
every document again. With the cache on, Porto stores each document's result
next to Pelican's: the HTML it wrote, the values it set (reading time…), the
warnings it logged and the files it looked at (images, link targets). A later
build reuses an entry when the document's HTML, metadata, the enabled
transforms, their code and the pipeline's, the versions of Python, lxml,
libxml2, Pillow, typogrify, SmartyPants and Markdown, the Porto/typogrify
settings and those files are all unchanged; the warnings are logged again,
so a cached build says what a full build says.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from stat import S_ISREG
from typing import Any

logger = logging.getLogger(__name__)

FILE_NAME = "porto_pipeline.pickle"
# Bump when an entry's layout changes: old files are then ignored.
_FORMAT = 1


def stamp(path: str) -> tuple[int, int] | None:
    """What identifies a version of the file ``path``: (mtime ns, size); None
    when there is no file there (nothing, or a folder)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    if not S_ISREG(status.st_mode):
        return None
    return status.st_mtime_ns, status.st_size


@dataclass
class Entry:
    html: str
    data: dict[str, Any]
    files: dict[str, tuple[int, int] | None]
    messages: list[tuple[str, int, str]] = field(default_factory=list)

    def still_valid(self) -> bool:
        return all(stamp(path) == seen for path, seen in self.files.items())


class PipelineCache:
    """Entries of one build: loaded at start, written back at the end."""

    def __init__(self, path: str, load: bool):
        self.path = path
        self.entries: dict[str, Entry] = self._load() if load else {}
        self.kept: dict[str, Entry] = {}  # what this build used or made
        self.reused = 0

    def _load(self) -> dict[str, Entry]:
        try:
            with open(self.path, "rb") as handle:
                version, entries = pickle.load(handle)
        except FileNotFoundError:
            return {}
        except Exception as error:  # a cache from another version, or damaged
            logger.warning("Porto pipeline cache %s ignored: %s", self.path, error)
            return {}
        return entries if version == _FORMAT else {}

    def get(self, key: str) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None or not entry.still_valid():
            return None
        self.kept[key] = entry
        self.reused += 1
        return entry

    def put(self, key: str, entry: Entry) -> None:
        self.kept[key] = entry

    def save(self) -> None:
        """Write the entries this build used or made; stale ones are dropped.

        The next build in the same process (``--autoreload``) starts from them.
        """
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        temporary = f"{self.path}.tmp"
        with open(temporary, "wb") as handle:
            pickle.dump((_FORMAT, self.kept), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)
        logger.info(
            "Porto pipeline: %d of %d documents reused from the cache",
            self.reused,
            len(self.kept),
        )
        self.entries, self.kept, self.reused = self.kept, {}, 0


def _code_stamp(transforms: Iterable[Any]) -> tuple:
    """The transforms, the code they run and the libraries under them."""
    folders = [os.path.dirname(__file__)]  # the pipeline: parser, serialiser
    named = []
    for transform in transforms:
        module = sys.modules.get(transform.func.__module__)
        source = getattr(module, "__file__", None)
        if source:
            folders.append(os.path.dirname(source))
        named.append((transform.name, transform.phase))
    return tuple(named), _folders_stamp(tuple(dict.fromkeys(folders))), _libraries()


@functools.cache
def _folders_stamp(folders: tuple[str, ...]) -> tuple:
    """Every Python file of the plugins' folders, as loaded by this process.

    Read once per process: code edited while ``pelican --autoreload`` runs is
    not the code that runs until Pelican is started again.
    """
    stamps = []
    for folder in folders:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                stamps.append((path, stamp(path)))
    return tuple(stamps)


@functools.cache
def _libraries() -> tuple:
    """Versions of what parses, writes and measures: a new one may change output."""
    from lxml import etree

    versions: list[Any] = [
        sys.version_info[:2],
        etree.LXML_VERSION,
        etree.LIBXML_VERSION,
        etree.LIBXSLT_VERSION,
    ]
    for package in ("Pillow", "typogrify", "smartypants", "Markdown"):
        try:
            versions.append((package, metadata.version(package)))
        except metadata.PackageNotFoundError:
            versions.append((package, None))
    return tuple(versions)


def document_key(
    html: str, transforms: list, settings: Mapping[str, Any], doc: Any
) -> str:
    """A digest of everything but files that a document's result depends on."""
    relevant = sorted(
        (name, repr(value))
        for name, value in settings.items()
        if name.startswith(("PORTO_", "TYPOGRIFY"))
    )
    parts = (
        html,
        doc.source_path,
        doc.kind,
        doc.lang,
        repr(sorted((str(k), repr(v)) for k, v in doc.metadata.items())),
        _code_stamp(transforms),
        relevant,
        settings.get("PATH"),
    )
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


class Recorder(logging.Handler):
    """Collects the warnings Porto's transforms log for one document."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "porto_" in record.name:
            self.messages.append((record.name, record.levelno, record.getMessage()))


def replay(messages: Iterable[tuple[str, int, str]]) -> None:
    for name, level, text in messages:
        logging.getLogger(name).log(level, "%s", text)
