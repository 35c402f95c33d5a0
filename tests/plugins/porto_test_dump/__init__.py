"""Test-only plugin: write every article's and page's metadata to metadata.json.

Lets tests see what a reader produced (status, tags, category…) even where the
theme shows nothing of it. Written next to the output folder, not into it.
"""

import json
import os

from pelican import signals


def _plain(value):
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def dump(generators):
    found = {}
    for generator in generators:
        for name in ("articles", "drafts", "hidden_articles", "pages",
                     "hidden_pages", "draft_pages"):  # fmt: skip
            for item in getattr(generator, name, []) or []:
                rel = os.path.relpath(item.source_path, item.settings["PATH"])
                entry = {k: _plain(v) for k, v in item.metadata.items()}
                entry["_list"] = name
                entry["_url"] = item.url
                found[rel.replace(os.sep, "/")] = entry
        settings = generator.settings
    path = os.path.join(os.path.dirname(settings["OUTPUT_PATH"]), "metadata.json")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(found, handle, indent=1, sort_keys=True, ensure_ascii=False)


def register():
    signals.all_generators_finalized.connect(dump)
