"""Hash the theme's static files once per build."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from pathlib import Path

logger = logging.getLogger(__name__)

__all__ = ["CONTEXT_KEY", "HASH_LENGTH", "add_asset_versions", "asset_versions"]

CONTEXT_KEY = "porto_asset_versions"
HASH_LENGTH = 8  # hex digits: 32 bits, plenty to tell one stylesheet from the next


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_LENGTH]


def asset_versions(theme: str | os.PathLike, static_paths: Iterable[str]) -> dict:
    """Map each theme static file's output path to its short content hash.

    Keys are the paths Pelican gives the files under ``THEME_STATIC_DIR``: a
    folder in ``static_paths`` contributes its files relative to itself, a
    single file its name; a later entry wins, as it does when Pelican copies.
    """
    versions: dict[str, str] = {}
    theme = Path(theme)
    for entry in static_paths:
        source = theme / entry
        if source.is_file():
            versions[source.name] = _digest(source)
        elif source.is_dir():
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    versions[path.relative_to(source).as_posix()] = _digest(path)
    return versions


def add_asset_versions(generator) -> None:
    """Put the hashes in the build's shared template context, once per build."""
    context = generator.context
    if CONTEXT_KEY in context:  # every generator shares this build's context
        return
    try:
        versions = asset_versions(
            generator.theme, generator.settings.get("THEME_STATIC_PATHS", ["static"])
        )
    except OSError as error:
        logger.warning(
            "porto_assets: could not read the theme's static files (%s); the "
            "stylesheet URL carries no version",
            error,
        )
        versions = {}
    context[CONTEXT_KEY] = versions
    logger.debug("porto_assets: %d theme files hashed: %s", len(versions), versions)
