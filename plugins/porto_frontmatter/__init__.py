"""Porto front matter: Jekyll-style YAML front matter for Pelican's Markdown posts.

Maps ``title``, ``date``, ``tags``, ``categories``, ``excerpt``, ``published``… onto
Pelican metadata, takes the date and slug from ``YYYY-MM-DD-slug.md`` file names,
and reports broken front matter with the file, line and column.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins.porto_pipeline.settings import checker

from .reader import SETTINGS, PortoMarkdownReader

__all__ = ["SETTINGS", "PortoMarkdownReader", "register"]


def add_reader(readers) -> None:
    for ext in PortoMarkdownReader.file_extensions:
        current = readers.reader_classes.get(ext)
        # Respect READERS = {"md": None} or another plugin's own reader.
        if current is not None and issubclass(PortoMarkdownReader, current):
            readers.reader_classes[ext] = PortoMarkdownReader


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    signals.readers_init.connect(add_reader)
