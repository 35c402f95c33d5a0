"""Porto typography: typogrify's result without typogrify's cost.

With ``TYPOGRIFY = True``, Pelican runs typogrify's five regular-expression
passes over every document's HTML string. This plugin turns that pass off at
start-up and applies the same filters inside the one-parse Porto pipeline, on
the text nodes of the tree every Porto transform already shares. Titles and
summaries from the metadata get the same pass, at the moment Pelican would
typogrify them.
"""

from __future__ import annotations

from typing import Any

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import check_settings, checker, flag

from .typography import (
    FILTERS,
    TYPOGRIFY_SETTINGS,
    Options,
    options_from,
    typograph,
    typograph_tree,
)

__all__ = [
    "FILTERS",
    "SETTINGS",
    "TYPOGRIFY_SETTINGS",
    "Options",
    "configure",
    "options_from",
    "register",
    "typograph",
    "typograph_metadata",
    "typograph_text",
    "typograph_tree",
]

SETTINGS = {
    # False leaves TYPOGRIFY to Pelican's own pass.
    "PORTO_TYPOGRAPHY_ENABLED": flag(True),
}


def _take_over(pelican) -> None:
    """Take typogrify's pass over from Pelican's reader when both are on."""
    settings = pelican.settings
    enabled = settings["PORTO_TYPOGRAPHY_ENABLED"]
    settings.setdefault("PORTO_TYPOGRAPHY_ACTIVE", False)
    if enabled and settings.get("TYPOGRIFY"):
        settings["TYPOGRIFY"] = False
        settings["PORTO_TYPOGRAPHY_ACTIVE"] = True
    elif not enabled and settings["PORTO_TYPOGRAPHY_ACTIVE"]:
        # Settings kept from an earlier build in this process: give it back.
        settings["TYPOGRIFY"] = True
        settings["PORTO_TYPOGRAPHY_ACTIVE"] = False
    if settings["PORTO_TYPOGRAPHY_ACTIVE"]:
        # Pelican's TYPOGRIFY_* settings are Porto's to read from now on.
        check_settings(settings, __name__, TYPOGRIFY_SETTINGS)


# ``initialized``: check PORTO_TYPOGRAPHY_ENABLED, then take typogrify over.
configure = checker(__name__, SETTINGS, then=_take_over)


def typograph_metadata(
    sender, metadata: dict[str, Any], keys: tuple[str, ...] = ("title",)
) -> None:
    """``*_generator_context``: the title, as Pelican's reader does.

    Pelican typogrifies ``metadata["title"]`` and ``metadata["summary"]`` right
    before sending this signal; Porto gives the title the same tree pass as the
    content, so they read the same. A summary in the metadata goes through the
    whole pipeline with the content object (typography included), so it is
    left alone here unless ``keys`` names it.
    """
    settings = getattr(sender, "settings", None)
    if not settings or not settings.get("PORTO_TYPOGRAPHY_ACTIVE"):
        return
    options = options_from(settings)
    for key in keys:
        value = metadata.get(key)
        if isinstance(value, str) and value:
            metadata[key] = typograph_text(value, options)


def typograph_text(text: str, options: Options) -> str:
    """``text`` (HTML) with typogrify's filters applied, through the pipeline's tree."""
    tree = porto_pipeline.parse(text)
    typograph_tree(tree, options)
    return porto_pipeline.serialise(tree)


def register() -> None:
    signals.initialized.connect(configure)
    signals.article_generator_context.connect(typograph_metadata)
    signals.page_generator_context.connect(typograph_metadata)
    signals.static_generator_context.connect(typograph_metadata)
    porto_pipeline.add_transform("typography", typograph, phase="text", plugin=__name__)
