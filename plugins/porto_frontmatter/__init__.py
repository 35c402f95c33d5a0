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


def set_defaults(pelican) -> None:
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


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
