"""Porto front matter: Jekyll-style YAML front matter for Pelican's Markdown posts.

Maps ``title``, ``date``, ``tags``, ``categories``, ``excerpt``, ``published``… onto
Pelican metadata, takes the date and slug from ``YYYY-MM-DD-slug.md`` file names,
and reports broken front matter with the file, line and column.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins.porto_pipeline.settings import checker

from .reader import SETTINGS, PortoMarkdownReader
from .site_checks import (
    check_templates,
    claim_output,
    report_fallback_slugs,
    skip_repeated_folders,
)

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
    # One bad post never stops the build: see site_checks.
    signals.initialized.connect(skip_repeated_folders)
    signals.content_object_init.connect(claim_output)
    signals.article_generator_finalized.connect(check_templates)
    signals.page_generator_finalized.connect(check_templates)
    signals.article_generator_finalized.connect(report_fallback_slugs)
    signals.page_generator_finalized.connect(report_fallback_slugs)
