"""Markdown for the next posts, made in a second process while this one works.

Pelican reads a site's posts one after another, on one core: for each, the
reader turns Markdown into HTML (about 40% of a Porto build), then Porto's
pipeline and Pelican work on that HTML. With ``PORTO_FRONTMATTER_READ_AHEAD``
on (the default) and two or more cores, a second process, forked when the
generator reads its first post, runs the same reader on the posts ahead and
sends back only the HTML of each Markdown text it converted (the body, the
excerpt), keyed by a digest of that text. When this process then reads the
post, everything but Markdown runs here as before (front matter, checks,
messages, metadata), and each Markdown text whose digest matches takes the
HTML made ahead, which is what this process would have made: the same reader,
settings and code, forked from this process.

Nothing depends on it: a post the other process has not done within a second,
a post it failed on, a process that died, a text that differs — each is
converted here, as without read-ahead, and read-ahead stops for the build at
the first timeout or lost process. It is not used where ``fork`` is not the
way to start a process (Windows, macOS), with fewer than two cores, for fewer
than ``MIN_POSTS`` posts, when Pelican's content cache is loaded (most posts
are not read then), or with Markdown footnotes' ``UNIQUE_IDS`` (their ids count
the converter's resets). The other process logs nothing: its messages are the
ones this process says when it reads the post.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Mapping
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["MIN_POSTS", "ReadAhead", "digest", "start_read_ahead", "stop_read_ahead"]

# Below this many posts, starting a process costs more than it saves.
MIN_POSTS = 40
# How many posts the other process may be ahead: bounds the memory its
# results take while they wait.
WINDOW = 8
# How long to wait for the post being read before doing it here.
PATIENCE = 1.0
# Where a reader keeps the read-ahead of the build under way.
ATTRIBUTE = "_porto_read_ahead"
# Which settings list a generator's files, by its class name.
_PATHS = {
    "ArticlesGenerator": ("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
    "PagesGenerator": ("PAGE_PATHS", "PAGE_EXCLUDES"),
}


def digest(text: str) -> bytes:
    """What identifies a Markdown text between the two processes."""
    data = text.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).digest()


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _unique_ids(markdown: Mapping[str, Any]) -> bool:
    configs = markdown.get("extension_configs") or {}
    return any(
        isinstance(config, Mapping) and config.get("UNIQUE_IDS")
        for config in configs.values()
    )


def usable(settings: Mapping[str, Any]) -> bool:
    """Can this build read ahead at all?"""
    return (
        bool(settings.get("PORTO_FRONTMATTER_READ_AHEAD", True))
        and sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and _cores() >= 2
        and not (settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_CONTENT"))
        and not _unique_ids(settings.get("MARKDOWN") or {})
    )


def start_read_ahead(generator: Any) -> None:
    """``article_generator_preread``/``page_generator_preread``: at the
    generator's first post, start reading ahead its Porto Markdown posts."""
    if generator.__dict__.get(ATTRIBUTE, False) is not False:
        return  # started (or found not worth it) at an earlier post
    generator.__dict__[ATTRIBUTE] = None
    names = _PATHS.get(type(generator).__name__)
    if names is None or not usable(generator.settings):
        return
    from .reader import PortoMarkdownReader

    readers = getattr(getattr(generator, "readers", None), "readers", {})
    paths, exclude = (generator.settings.get(name) for name in names)
    files = []
    for relative in generator.get_files(paths, exclude=exclude):
        reader = readers.get(os.path.splitext(relative)[1][1:])
        if isinstance(reader, PortoMarkdownReader):
            files.append(os.path.abspath(os.path.join(generator.path, relative)))
    if len(files) < MIN_POSTS:
        return
    try:
        ahead = ReadAhead(readers, files)
    except OSError as error:  # no process to be had: read as usual
        logger.debug("porto_frontmatter: no read-ahead: %s", error)
        return
    generator.__dict__[ATTRIBUTE] = ahead
    logger.debug(
        "porto_frontmatter: read-ahead of %d posts in a second process", len(files)
    )
    for reader in set(readers.values()):
        if isinstance(reader, PortoMarkdownReader):
            reader.__dict__[ATTRIBUTE] = ahead


def stop_read_ahead(generator: Any) -> None:
    """``article_generator_finalized``/``page_generator_finalized``."""
    ahead = generator.__dict__.pop(ATTRIBUTE, None)
    if ahead is None:
        return
    for reader in getattr(getattr(generator, "readers", None), "readers", {}).values():
        if getattr(reader, "__dict__", {}).get(ATTRIBUTE) is ahead:
            del reader.__dict__[ATTRIBUTE]
    ahead.close()
    logger.debug("porto_frontmatter: read-ahead made %d posts", ahead.made)


class ReadAhead:
    """The other process, and the posts asked of it, in the order they are read."""

    def __init__(self, readers: Mapping[str, Any], files: list[str]):
        context = multiprocessing.get_context("fork")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, readers), name="porto-read-ahead", daemon=True
        )
        self._process.start()
        child.close()
        self._files = files
        self._index = {path: index for index, path in reversed(list(enumerate(files)))}
        self._sent = 0  # files asked for
        self._received = 0  # answers taken off the pipe
        self.made = 0  # posts whose Markdown came from the other process
        self._ask(WINDOW)

    @property
    def running(self) -> bool:
        return self._conn is not None

    def _ask(self, upto: int) -> None:
        upto = min(upto, len(self._files))
        while self._sent < upto:
            self._conn.send(self._files[self._sent])
            self._sent += 1

    def take(self, path: str) -> dict[bytes, str] | None:
        """The HTML made ahead for ``path``'s Markdown texts, by digest, or
        None: then the post is converted here."""
        index = self._index.get(path)
        if self._conn is None or index is None or index < self._received:
            return None
        try:
            self._ask(index + WINDOW)
            while self._received <= index:
                if not self._conn.poll(PATIENCE):
                    logger.debug("porto_frontmatter: read-ahead too slow at %s", path)
                    self.close()
                    return None
                done, found = self._conn.recv()
                self._received += 1
                if done == path and self._received > index:
                    self.made += found is not None
                    return found
        except (EOFError, OSError) as error:  # the other process is gone
            logger.debug("porto_frontmatter: read-ahead stopped: %s", error)
            self.close()
        return None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        conn.close()  # the other process holds nothing worth waiting for
        self._process.terminate()
        self._process.join()


def _serve(conn: Any, readers: Mapping[str, Any]) -> None:
    """The other process: convert the posts asked for, until told to stop."""
    logging.disable(logging.CRITICAL)  # this process's messages are said there
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the build
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        reader = readers.get(os.path.splitext(path)[1][1:])
        try:
            found = reader.convert_ahead(path)
        except BaseException:  # the reading process finds out for itself
            found = None
        try:
            conn.send((path, found))
        except (EOFError, OSError):
            return
