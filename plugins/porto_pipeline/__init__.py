"""Porto pipeline: one HTML parse per document, shared by every Porto transform.

Plugins call :func:`add_transform` from their ``register()``; the pipeline runs
the transforms of the enabled plugins, in order, when each article or page is
made, so pages, summaries and feeds all carry the result.
"""

from __future__ import annotations

from pelican import signals

from . import core
from .core import *  # noqa: F403 - the public API is core's __all__

__all__ = [*core.__all__, "register"]


def register() -> None:
    signals.initialized.connect(core.open_cache)
    signals.content_object_init.connect(core.process_content)
    signals.finalized.connect(core.save_cache)
