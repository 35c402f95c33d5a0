"""Porto typography: typogrify's result without typogrify's cost.

With ``TYPOGRIFY = True``, Pelican runs typogrify's five regular-expression
passes over every document's HTML string. This plugin turns that pass off at
start-up and applies the same filters inside the one-parse Porto pipeline, on
the text nodes of the tree every Porto transform already shares. Titles and
summaries from the metadata get the same pass, at the moment Pelican would
typogrify them.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican import signals

from .typography import FILTERS, Options, options_from, typograph, typograph_tree

if __name__.startswith("pelican.plugins."):  # installed as a namespace plugin
    from pelican.plugins import porto_pipeline
else:  # loaded through PLUGIN_PATHS: use the pipeline in the same folder
    from pelican.plugins._utils import load_legacy_plugin

    porto_pipeline = load_legacy_plugin(
        "porto_pipeline", [os.path.dirname(os.path.dirname(__file__))]
    )

__all__ = [
    "FILTERS",
    "Options",
    "configure",
    "options_from",
    "register",
    "typograph",
    "typograph_metadata",
    "typograph_text",
    "typograph_tree",
]

logger = logging.getLogger(__name__)


def configure(pelican) -> None:
    """``initialized``: take typogrify's pass over from Pelican's reader."""
    settings = pelican.settings
    enabled = settings.setdefault("PORTO_TYPOGRAPHY_ENABLED", True)
    if not isinstance(enabled, bool):
        logger.warning(
            "PORTO_TYPOGRAPHY_ENABLED = %r is not usable; using True", enabled
        )
        settings["PORTO_TYPOGRAPHY_ENABLED"] = enabled = True
    settings.setdefault("PORTO_TYPOGRAPHY_ACTIVE", False)
    if enabled and settings.get("TYPOGRIFY"):
        settings["TYPOGRIFY"] = False
        settings["PORTO_TYPOGRAPHY_ACTIVE"] = True
    elif not enabled and settings["PORTO_TYPOGRAPHY_ACTIVE"]:
        # Settings kept from an earlier build in this process: give it back.
        settings["TYPOGRIFY"] = True
        settings["PORTO_TYPOGRAPHY_ACTIVE"] = False
    if settings["PORTO_TYPOGRAPHY_ACTIVE"]:
        options_from(settings, warn=True)


def typograph_metadata(sender, metadata: dict[str, Any]) -> None:
    """``*_generator_context``: the title and summary, as Pelican's reader does.

    Pelican typogrifies ``metadata["title"]`` and ``metadata["summary"]`` right
    before sending this signal; Porto gives them the same tree pass as the
    content (a tenth of typogrify's time on these short strings).
    """
    settings = getattr(sender, "settings", None)
    if not settings or not settings.get("PORTO_TYPOGRAPHY_ACTIVE"):
        return
    options = options_from(settings)
    for key in ("title", "summary"):
        value = metadata.get(key)
        if isinstance(value, str) and value:
            metadata[key] = typograph_text(value, options)


def typograph_text(text: str, options: Options) -> str:
    """``text`` (HTML) with typogrify's filters applied, through the pipeline's tree."""
    tree = porto_pipeline.parse(text)
    typograph_tree(tree, options)
    return porto_pipeline.serialise(tree)


def register() -> None:
    porto_pipeline.register()
    porto_pipeline.add_transform("typography", typograph, order=5, plugin=__name__)
    signals.initialized.connect(configure)
    signals.article_generator_context.connect(typograph_metadata)
    signals.page_generator_context.connect(typograph_metadata)
    signals.static_generator_context.connect(typograph_metadata)
