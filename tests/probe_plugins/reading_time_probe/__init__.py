"""Test-only plugin: record each article's and page's reading time as built.

Writes ``{source path relative to PATH: {"kind", "url", "reading_time",
"word_count"}}`` as JSON to the file named by ``READING_TIME_PROBE_FILE``, so a
test can compare what Pelican holds with the number shown on the page.
"""

from __future__ import annotations

import json
import os

from pelican import signals


def _items(generators):
    for generator in generators:
        for name in ("articles", "translations", "drafts", "pages", "hidden_pages"):
            yield from getattr(generator, name, None) or []


def record(generators) -> None:
    if not generators:
        return
    settings = generators[0].settings
    target = settings.get("READING_TIME_PROBE_FILE")
    if not target:
        return
    root = settings["PATH"]
    found = {
        os.path.relpath(item.source_path, root).replace(os.sep, "/"): {
            "kind": type(item).__name__.lower(),
            "url": item.url,
            "save_as": item.save_as,
            "reading_time": getattr(item, "reading_time", None),
            "word_count": getattr(item, "word_count", None),
        }
        for item in _items(generators)
    }
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(found, handle, indent=1, sort_keys=True)


def register() -> None:
    signals.all_generators_finalized.connect(record)
