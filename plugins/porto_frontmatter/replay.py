"""Say a post's reader warnings again when Pelican reads it from its cache.

With ``CACHE_CONTENT`` and ``LOAD_CONTENT_CACHE`` on, Pelican keeps what the
reader returned and does not call the reader again for an unchanged file, so
its warnings (empty file, not UTF-8, no title, no date…) would be said only
by the build that first read the file. The warnings are kept with the reader's
metadata, which Pelican caches, and said again when the cached metadata is
used. Works with Pelican's default ``CONTENT_CACHING_LAYER = "reader"``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from pelican.plugins.porto_pipeline.cache import Recorder, replay

__all__ = ["KEY", "recorded", "replay_cached", "new_run"]

KEY = "_porto_reader_messages"
# The message lists of this run's fresh reads, by id (kept alive here, so an
# id is never another list's): said already, not to be said again.
_FRESH: dict[int, tuple] = {}


def recorded(
    read: Callable[[str], tuple[str, dict[str, Any]]], source_path: str
) -> tuple[str, dict[str, Any]]:
    """``read(source_path)``, its warnings kept in the metadata."""
    recorder = Recorder()
    log = logging.getLogger(__package__)
    log.addHandler(recorder)
    try:
        content, metadata = read(source_path)
    finally:
        log.removeHandler(recorder)
    if recorder.messages:
        messages = tuple(recorder.messages)
        _FRESH[id(messages)] = messages
        metadata = {**metadata, KEY: messages}
    return content, metadata


def replay_cached(sender: Any, metadata: dict[str, Any]) -> None:
    """``article_generator_context``/``page_generator_context``: a cached
    read's warnings, said again; the key leaves the metadata either way."""
    messages = metadata.pop(KEY, None)
    if messages and _FRESH.get(id(messages)) is not messages:
        replay(messages)


def new_run(*_: Any) -> None:
    """``initialized`` and ``finalized``: each build starts with no fresh reads."""
    _FRESH.clear()
