"""Porto related: up to N related posts per article, by shared tags.

Computed once per build when the article generator finishes, so a theme reads
``article.related_posts`` instead of comparing every post with every other one
in Jinja.
"""

from __future__ import annotations

from pelican import signals
from pelican.plugins.porto_pipeline.settings import checker

from .related import SETTINGS, add_related_posts, related_posts

__all__ = ["SETTINGS", "add_related_posts", "register", "related_posts"]


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    signals.article_generator_finalized.connect(add_related_posts)
