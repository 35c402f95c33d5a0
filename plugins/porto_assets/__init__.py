"""Porto assets: a content hash for each theme static file, for cache-busting.

Once per build the plugin reads the files Pelican copies from the theme's
``THEME_STATIC_PATHS`` and gives every template ``porto_asset_versions``: a
dict from the path under ``THEME_STATIC_DIR`` (``"css/porto.css"``) to the
first 8 hex digits of the file's SHA-256. The theme writes the stylesheet as
``porto.css?v=<hash>``, so a redeployed site never pairs new pages with a
stylesheet a browser or CDN kept from the last deploy.
"""

from __future__ import annotations

from pelican import signals

from .assets import CONTEXT_KEY, add_asset_versions, asset_versions

__all__ = ["CONTEXT_KEY", "add_asset_versions", "asset_versions", "register"]


def register() -> None:
    signals.generator_init.connect(add_asset_versions)
