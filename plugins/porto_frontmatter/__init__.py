"""Porto front matter: Jekyll-style YAML front matter for Pelican's Markdown posts.

Maps ``title``, ``date``, ``tags``, ``categories``, ``excerpt``, ``published``… onto
Pelican metadata, takes the date and slug from ``YYYY-MM-DD-slug.md`` file names,
and reports broken front matter with the file, line and column.
"""

from __future__ import annotations

import os

from pelican import signals
from pelican.plugins.porto_pipeline.settings import checker

from .read_ahead import start_read_ahead, stop_read_ahead
from .reader import SETTINGS, PortoMarkdownReader
from .replay import new_run, replay_cached
from .site_checks import (
    check_templates,
    claim_output,
    report_fallback_slugs,
    skip_repeated_folders,
)

# What Jekyll reads as Markdown (its markdown_ext, plus Pelican's mdown), in
# any mix of upper and lower case, as Jekyll's match ignores case.
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown", "mkdn", "mkdown")
# Never content: macOS's AppleDouble "._x.md" and Emacs's ".#x.md" lock files.
LEFTOVERS = ("._*", ".#*")


def add_reader(readers) -> None:
    for ext in PortoMarkdownReader.file_extensions:
        current = readers.reader_classes.get(ext)
        # Respect READERS = {"md": None} or another plugin's own reader.
        if current is not None and issubclass(PortoMarkdownReader, current):
            readers.reader_classes[ext] = PortoMarkdownReader
    if readers.reader_classes.get("md") is not PortoMarkdownReader:
        return
    # Pelican matches extensions by exact spelling: ".MD" or ".mkdn" posts
    # would be passed over without a word. Add the spellings the site uses.
    for ext in ("mkdn", "mkdown", *_spellings_in_use(readers.settings)):
        readers.reader_classes.setdefault(ext, PortoMarkdownReader)


def _spellings_in_use(settings) -> set[str]:
    """Markdown extensions as the content folder's files spell them."""
    found: set[str] = set()
    root = settings.get("PATH") or os.getcwd()
    for _, _, files in os.walk(root):
        for name in files:
            ext = os.path.splitext(name)[1][1:]
            if ext.lower() in MARKDOWN_EXTENSIONS:
                found.add(ext)
    return found


def _any_case(ext: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in ext)


def ignore_hidden_files(pelican) -> None:
    """``initialized``: add editor leftovers and hidden posts to IGNORE_FILES.

    Jekyll skips files whose names start with a dot. Pelican 4.12's default
    (``**/.*``) is meant to, but matches no file name; 4.10 and 4.11 ignore
    ``.#*`` only. Hidden files of other kinds (``.htaccess`` in STATIC_PATHS)
    are left to Pelican.
    """
    settings = pelican.settings
    ignores = list(settings.get("IGNORE_FILES") or [])
    wanted = [*LEFTOVERS, *(f".*.{_any_case(ext)}" for ext in MARKDOWN_EXTENSIONS)]
    settings["IGNORE_FILES"] = ignores + [p for p in wanted if p not in ignores]


def check_documents(generator) -> None:
    """``article/page_generator_finalized``: what only the whole site shows."""
    check_templates(generator)
    report_fallback_slugs(generator)


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    signals.initialized.connect(ignore_hidden_files)
    signals.readers_init.connect(add_reader)
    # One bad post never stops the build: see site_checks.
    signals.initialized.connect(skip_repeated_folders)
    signals.content_object_init.connect(claim_output)
    signals.article_generator_finalized.connect(check_documents)
    signals.page_generator_finalized.connect(check_documents)
    # A cached rebuild says the reader's warnings again: see replay.
    signals.initialized.connect(new_run)
    signals.finalized.connect(new_run)
    signals.article_generator_context.connect(replay_cached)
    signals.page_generator_context.connect(replay_cached)
    # The next posts' Markdown made by a second process: see read_ahead.
    signals.article_generator_preread.connect(start_read_ahead)
    signals.page_generator_preread.connect(start_read_ahead)
    signals.article_generator_finalized.connect(stop_read_ahead)
    signals.page_generator_finalized.connect(stop_read_ahead)
