"""porto_related: ranking articles by shared tags, without Pelican."""

from __future__ import annotations

import datetime as dt
import logging
from types import SimpleNamespace

import pytest
from pelican.plugins.porto_pipeline.settings import check_settings
from pelican.plugins.porto_related.related import (
    SETTINGS,
    add_related_posts,
    related_posts,
)


def article(title: str, day: int, tags: str, lang: str = "en") -> SimpleNamespace:
    return SimpleNamespace(
        title=title,
        date=dt.datetime(2020, 1, day),
        tags=tags.split(),
        lang=lang,
        source_path=f"/content/posts/{title}.md",
    )


def ranked(articles, limit=3) -> dict[str, list[str]]:
    related = related_posts(articles, limit)
    return {a.title: [r.title for r in related[id(a)]] for a in articles}


@pytest.mark.parametrize(
    ("articles", "limit", "expected"),
    [
        pytest.param(
            [article("a", 1, "x y"), article("b", 2, "x y"), article("c", 3, "x")],
            3,
            {"a": ["b", "c"], "b": ["a", "c"], "c": ["b", "a"]},
            id="more_shared_tags_first_then_newest",
        ),
        pytest.param(
            [article("a", 1, "x"), article("Zed", 5, "x"), article("beta", 5, "x")],
            3,
            {"a": ["beta", "Zed"], "Zed": ["beta", "a"], "beta": ["Zed", "a"]},
            id="same_day_ordered_by_title_ignoring_case",
        ),
        pytest.param(
            [article(name, day, "x") for day, name in enumerate("abcde", 1)],
            2,
            {
                "a": ["e", "d"],
                "b": ["e", "d"],
                "c": ["e", "d"],
                "d": ["e", "c"],
                "e": ["d", "c"],
            },
            id="stops_at_the_limit",
        ),  # fmt: skip
        pytest.param(
            [article("a", 1, "x"), article("b", 2, "y"), article("c", 3, "")],
            3,
            {"a": [], "b": [], "c": []},
            id="no_shared_tags_no_related_posts",
        ),
        pytest.param(
            [article("a", 1, "x"), article("b", 2, "x", lang="fr")],
            3,
            {"a": [], "b": []},
            id="other_languages_are_not_related",
        ),
        pytest.param(
            [article("a", 1, "x"), article("b", 2, "x")],
            0,
            {"a": [], "b": []},
            id="limit_zero_turns_it_off",
        ),
    ],
)
def test_related_posts(articles, limit, expected):
    assert ranked(articles, limit) == expected


def test_order_does_not_depend_on_input_order():
    articles = [
        article(name, day, "x y" if day % 2 else "x")
        for day, name in enumerate("abcdef", 1)
    ]
    assert ranked(articles) == ranked(list(reversed(articles)))


@pytest.mark.parametrize("value", [-1, "3", 2.5, None, True])
def test_bad_setting_warns_and_uses_three(value, caplog):
    settings = {"PORTO_RELATED_MAX": value}
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_related", SETTINGS)
    assert settings["PORTO_RELATED_MAX"] == 3
    assert [r.getMessage() for r in caplog.records] == [
        f"porto_related: PORTO_RELATED_MAX = {value!r} is not a whole number >= 0; "
        "using the default 3"
    ]


def test_setting_missing_means_three():
    a, b, c, d, e = (article(name, day, "x") for day, name in enumerate("abcde", 1))
    generator = SimpleNamespace(articles=[a, b, c, d, e], translations=[], settings={})
    add_related_posts(generator)
    assert len(a.related_posts) == 3


def test_handler_sets_related_posts_on_articles_and_translations():
    a, b = article("a", 1, "x"), article("b", 2, "x")
    a_fr, b_fr = article("a", 1, "x", lang="fr"), article("b", 2, "x", lang="fr")
    generator = SimpleNamespace(
        articles=[a, b], translations=[a_fr, b_fr], settings={"PORTO_RELATED_MAX": 3}
    )
    add_related_posts(generator)
    assert a.related_posts == [b] and b.related_posts == [a]
    assert a_fr.related_posts == [b_fr]
