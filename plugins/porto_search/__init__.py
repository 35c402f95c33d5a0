"""Porto search: a Pagefind index of the built site, written after every build.

When Pelican has written the site (``finalized``), Pagefind reads the HTML in
the output folder and writes its static search index to ``OUTPUT/pagefind/``.
The theme marks what is indexed (``data-pagefind-body`` on a published post's
or page's text) and its search page loads the index only when a reader
searches.
"""

from __future__ import annotations

from pelican import signals

from .search import SETTINGS, checker, index_site, pagefind_command

__all__ = ["SETTINGS", "index_site", "pagefind_command", "register"]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    signals.finalized.connect(index_site)
