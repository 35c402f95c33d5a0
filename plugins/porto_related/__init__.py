"""Porto related: up to N related posts per article, by shared tags.

Computed once per build when the article generator finishes, so a theme reads
``article.related_posts`` instead of comparing every post with every other one
in Jinja.
"""

from __future__ import annotations

from pelican import signals

from .related import DEFAULTS, add_related_posts, related_posts

__all__ = ["add_related_posts", "register", "related_posts"]


def set_defaults(pelican) -> None:
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)


def register() -> None:
    signals.initialized.connect(set_defaults)
    signals.article_generator_finalized.connect(add_related_posts)
