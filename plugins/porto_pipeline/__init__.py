"""Porto pipeline: one HTML parse per document, shared by every Porto transform.

Plugins call :func:`add_transform` from their ``register()``; the pipeline runs
the transforms of the enabled plugins, in order, when each article or page is
made, so pages, summaries and feeds all carry the result.
"""

from __future__ import annotations

from pelican import signals

from .core import (
    Document,
    Transform,
    add_transform,
    enabled_transforms,
    local_file,
    open_cache,
    parse,
    process_content,
    run_transforms,
    save_cache,
    serialise,
)

__all__ = [
    "Document",
    "Transform",
    "add_transform",
    "enabled_transforms",
    "local_file",
    "parse",
    "process_content",
    "register",
    "run_transforms",
    "serialise",
]


def register() -> None:
    signals.initialized.connect(open_cache)
    signals.content_object_init.connect(process_content)
    signals.finalized.connect(save_cache)
