"""Porto theme settings: Pelican's theme settings checked once, for the theme.

The theme reads Pelican's own theme settings (``MENUITEMS``, ``LINKS``,
``SOCIAL``, ``DISPLAY_PAGES_ON_MENU``, ``SITELOGO``…) and Porto's
(``PORTO_THEME_COMMENTS``, ``PORTO_THEME_ANALYTICS``…). Templates cannot
report a value they cannot use, so this plugin checks them at start-up: an
unusable value logs one warning and is replaced by its default (or, for a
list of links, by the entries that are usable), and the templates, which read
the settings through Pelican's context, get the clean values. Without the
plugin the theme still works: it skips what it cannot read, silently.

It also turns off Jinja's ``auto_reload`` for the theme's environment: Jinja
would otherwise look at a template file's modification time on every include
and import, about twenty times a page. Pelican makes new environments for each
build (``pelican --autoreload`` included), so an edited template is still
read on the next build. And it gives those environments a cache of compiled
templates (template_cache.py), so a template is compiled again only when its
file changes.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins.porto_pipeline.settings import checker

from .checks import SETTINGS, check_aliases
from .template_cache import template_cache

__all__ = ["SETTINGS", "check_aliases", "register", "templates_read_once"]


def templates_read_once(generator) -> None:
    """``generator_init``: each template file is read once per build, and
    compiled only when it changed since the last build."""
    generator.env.auto_reload = False
    cache = template_cache(generator.settings.get("PORTO_THEME_TEMPLATE_CACHE", True))
    if cache is not None:
        generator.env.bytecode_cache = cache


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS, then=check_aliases))
    signals.generator_init.connect(templates_read_once)
