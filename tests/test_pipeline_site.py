"""porto_pipeline.documents: the one walk over a build's articles and pages."""

from __future__ import annotations

import copy
import datetime
from types import SimpleNamespace

from pelican.contents import Article, Page, Static
from pelican.plugins.porto_pipeline import (
    documents,
    generated_documents,
    generator_documents,
)
from pelican.settings import DEFAULT_CONFIG


def _make(kind, name):
    metadata = {"title": name, "date": datetime.datetime(2024, 5, 1)}
    return kind(
        "<p>text</p>",
        metadata=metadata,
        settings=copy.deepcopy(DEFAULT_CONFIG),
        source_path=f"/site/content/{name}",
    )


def test_each_document_once_in_the_order_of_the_lists():
    post, draft, hidden = (_make(Article, n) for n in ("post.md", "d.md", "h.md"))
    page = _make(Page, "about.md")
    picture = _make(Static, "pic.png")
    articles = SimpleNamespace(
        articles=[post],
        drafts=[draft],
        hidden_articles=[hidden, post],  # the same object twice: listed once
        translations=[picture],  # not a document
    )
    pages = SimpleNamespace(pages=[page], context={"SITEURL": "https://x.example"})
    found = [d.source_path.rsplit("/", 1)[1] for d in documents([articles, pages])]
    assert found == ["post.md", "h.md", "d.md", "about.md"]
    chosen = documents([articles, pages], ("drafts", "pages"))
    assert [d.title for d in chosen] == ["d.md", "about.md"]
    pairs = list(generator_documents([articles, pages], ("pages",)))
    assert pairs == [(pages, page)]


def test_translations_are_walked_only_when_asked():
    post, french = _make(Article, "post.md"), _make(Article, "post-fr.md")
    post.translations = [french]
    generator = SimpleNamespace(articles=[post], pages="not a list")
    assert list(documents([generator])) == [post]
    assert list(documents([generator], translations=True)) == [post, french]


def test_generated_documents_come_from_the_shared_context():
    post, picture = _make(Article, "post.md"), _make(Static, "pic.png")
    content = {"post.md": post, "pic.png": picture}
    generators = [
        SimpleNamespace(),
        SimpleNamespace(context={"generated_content": content}),
    ]
    assert generated_documents(generators) == [post]
    assert generated_documents([SimpleNamespace(context={})]) == []
