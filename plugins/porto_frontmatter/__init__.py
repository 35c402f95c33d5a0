"""Porto front matter: Jekyll-style YAML front matter for Pelican's Markdown posts.

Maps ``title``, ``date``, ``tags``, ``categories``, ``excerpt``, ``published``… onto
Pelican metadata, takes the date and slug from ``YYYY-MM-DD-slug.md`` file names,
and reports broken front matter with the file, line and column.
"""

from __future__ import annotations

import logging
import sys

from pelican import signals

from .reader import DEFAULTS, PortoMarkdownReader, SkippedPost

__all__ = ["PortoMarkdownReader", "register"]


logger = logging.getLogger(__name__)

_VALID = {
    "PORTO_FRONTMATTER_SLUG_FROM_FILENAME": lambda v: isinstance(v, bool),
    "PORTO_FRONTMATTER_SUMMARY_KEYS": lambda v: (
        isinstance(v, (list, tuple)) and all(isinstance(k, str) for k in v)
    ),
    "PORTO_FRONTMATTER_MISSING_DATE": lambda v: v in ("mtime", "skip"),
    "PORTO_FRONTMATTER_FAST_INLINE": lambda v: isinstance(v, bool),
}


def set_defaults(pelican) -> None:
    settings = pelican.settings
    for name, default in DEFAULTS.items():
        value = settings.setdefault(name, default)
        if not _VALID[name](value):
            logger.warning(
                "%s = %r is not usable; using the default %r", name, value, default
            )
            settings[name] = default


def add_reader(readers) -> None:
    for ext in PortoMarkdownReader.file_extensions:
        current = readers.reader_classes.get(ext)
        # Respect READERS = {"md": None} or another plugin's own reader.
        if current is not None and issubclass(PortoMarkdownReader, current):
            readers.reader_classes[ext] = PortoMarkdownReader


class _ExplainSkippedPost(logging.Filter):
    """Add our reason to Pelican's terse "Could not process <file>" error.

    Pelican logs that line without the exception's text unless DEBUG is on, so a
    broken post would be reported without saying what is wrong with it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = sys.exc_info()[1]
        if isinstance(exc, SkippedPost) and record.msg == "Could not process %s":
            record.msg = "Could not process %s: %s"
            record.args = (exc.path, exc.reason)
        return True


def _install_log_filter() -> None:
    log = logging.getLogger("pelican.generators")
    if not any(type(f).__name__ == "_ExplainSkippedPost" for f in log.filters):
        log.addFilter(_ExplainSkippedPost())


def register() -> None:
    _install_log_filter()
    signals.initialized.connect(set_defaults)
    signals.readers_init.connect(add_reader)
