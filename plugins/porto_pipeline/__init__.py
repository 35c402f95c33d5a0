"""Porto pipeline: one HTML parse per document, shared by every Porto transform.

Plugins call :func:`add_transform` from their ``register()``; the pipeline runs
the transforms of the enabled plugins, phase by phase, when each article or
page is made, so pages, summaries and feeds all carry the result. Settings are
declared and checked through :mod:`.settings`.
"""

from __future__ import annotations

from . import core, site
from .core import *  # noqa: F403 - the public API is core's __all__
from .site import *  # noqa: F403 - and site's

__all__ = [*core.__all__, *site.__all__, "register"]


def register() -> None:
    core._connect()
