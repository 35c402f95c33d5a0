"""Test-only plugin: does each page's text exist once or twice once written?

After the build, writes ``{source path relative to PATH: "shared" | "copied"}``
as JSON to the file named by ``LINKS_EARLY_PROBE_FILE``: "shared" when the text
Pelican rendered (its memoized ``get_content``) is the ``_content`` object
itself, "copied" when it holds a second, resolved string.
"""

from __future__ import annotations

import json
import os

from pelican import signals

_generators: list = []


def _items(generators):
    for generator in generators:
        for name in ("articles", "translations", "drafts", "pages", "hidden_pages"):
            yield from getattr(generator, name, None) or []


def remember(generators) -> None:
    _generators[:] = generators


def record(pelican) -> None:
    target = pelican.settings.get("LINKS_EARLY_PROBE_FILE")
    if not target:
        return
    root = pelican.settings["PATH"]
    found = {
        os.path.relpath(item.source_path, root).replace(os.sep, "/"): (
            "shared"
            if item.get_content(item.get_siteurl()) is item._content
            else "copied"
        )
        for item in _items(_generators)
    }
    with open(target, "w", encoding="utf-8") as handle:
        json.dump(found, handle, indent=1, sort_keys=True)


def register() -> None:
    signals.all_generators_finalized.connect(remember)
    signals.finalized.connect(record)
