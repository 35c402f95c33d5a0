"""Porto theme settings: Pelican's theme settings checked once, for the theme.

The theme reads Pelican's own theme settings (``MENUITEMS``, ``LINKS``,
``SOCIAL``, ``DISPLAY_PAGES_ON_MENU``, ``SITELOGO``…) and Porto's
(``PORTO_THEME_COMMENTS``, ``PORTO_THEME_ANALYTICS``…). Templates cannot
report a value they cannot use, so this plugin checks them at start-up: an
unusable value logs one warning and is replaced by its default (or, for a
list of links, by the entries that are usable), and the templates, which read
the settings through Pelican's context, get the clean values. Without the
plugin the theme still works: it skips what it cannot read, silently.

It also makes templates cheaper to load. Jinja's ``auto_reload`` is off:
Jinja would otherwise look at a template file's modification time on every
include and import, about twenty times a page; Pelican makes new environments
for each build (``pelican --autoreload`` included), so an edited template is
still read on the next build. And the generators of a build share compiled
templates: each generator has its own environment, which compiled
``base.html`` and every partial again (13 of a build's 33 compilations).
Jinja checks each template's source against what was compiled from it, so an
edited template is compiled afresh.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache
from pelican import signals
from pelican.plugins.porto_pipeline.settings import checker

from .checks import SETTINGS, check_aliases

__all__ = ["SETTINGS", "check_aliases", "register", "templates_read_once"]


class SharedBytecode(BytecodeCache):
    """Compiled templates kept in memory, for the environments of one site."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:  # Jinja drops it if the source has changed
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


# The shared compiled templates of the site being built, by its settings (the
# one dict its generators share, kept from one `--autoreload` build to the
# next): one site at a time, so two sites built in one process never mix.
_SHARED: list = []


def templates_read_once(generator) -> None:
    """``generator_init``: each template file is read and compiled once."""
    env = generator.env
    env.auto_reload = False
    if env.bytecode_cache is not None:
        return  # someone else's choice (JINJA_ENVIRONMENT)
    if not _SHARED or _SHARED[0] is not generator.settings:
        _SHARED[:] = [generator.settings, SharedBytecode()]
    env.bytecode_cache = _SHARED[1]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS, then=check_aliases))
    signals.generator_init.connect(templates_read_once)
