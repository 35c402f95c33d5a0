"""Porto tag cloud: weighted, reproducible tag links for every template.

Once per build, after every generator has read its content and before any page
is written, the published articles' tags (and, by setting, the published pages'
tags) are counted, weighed into steps and ordered. Templates read the list as
``tag_cloud``; the theme renders it with ``partials/tag_cloud.html``.
"""

from __future__ import annotations

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins.porto_pipeline.settings import checker

from .cloud import (
    SETTINGS,
    CloudOptions,
    TagCloudEntry,
    build_cloud,
    read_options,
    tally_tags,
)

__all__ = [
    "SETTINGS",
    "CloudOptions",
    "TagCloudEntry",
    "publish_tag_cloud",
    "register",
]


def publish_tag_cloud(generators) -> None:
    """Put ``tag_cloud`` in the context shared by every generator.

    Runs on ``all_generators_finalized``: pages are read after articles, and no
    template has been rendered yet.
    """
    articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
    if articles is None:
        return
    options = read_options(articles.settings)
    pages = []
    if options.include_pages:
        for generator in generators:
            if isinstance(generator, PagesGenerator):
                pages.extend(generator.pages)  # published pages only
    tags = articles.tags
    items = tags.items() if hasattr(tags, "items") else tags
    articles.context["tag_cloud"] = build_cloud(tally_tags(items, pages), options)


def register() -> None:
    signals.initialized.connect(checker(__name__, SETTINGS))
    signals.all_generators_finalized.connect(publish_tag_cloud)
