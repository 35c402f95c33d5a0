"""porto_pipeline.settings: declared once, checked once, one message format."""

from __future__ import annotations

import logging
import math
from types import SimpleNamespace

import pytest
from pelican.plugins.porto_pipeline.settings import (
    Unusable,
    check_settings,
    checker,
    choice,
    custom,
    flag,
    number,
    read,
    str_list,
    whole,
)

# --- the helper on its own --------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "good", "bad", "expected"),
    [
        pytest.param(flag(True), [True, False], [1, 0, "yes", None], "True or False", id="flag"),
        pytest.param(whole(1), [0, 1, 40], [-1, 1.0, True, "2", None], "a whole number >= 0", id="whole"),
        pytest.param(whole(5, minimum=1), [1, 9], [0, -3], "a whole number >= 1", id="whole_from_one"),
        pytest.param(whole(None, none_ok=True), [None, 0, 7], [-1, "all"], "a whole number >= 0 or None", id="whole_or_none"),
        pytest.param(number(265), [1, 0.5, 400.25], [0, -1, True, math.nan, math.inf, "265"], "a positive number", id="number"),
        pytest.param(number(3, zero_ok=True), [0, 0.0, 3], [-0.5, None], "a non-negative number", id="number_zero_ok"),
        pytest.param(choice("a", "a", "b"), ["a", "b"], ["A", " b", "c", None], "one of 'a', 'b'", id="choice"),
        pytest.param(str_list(["x"]), [[], ["a", "b"], ("a",)], ["a", [1], None], "a list of strings", id="str_list"),
    ],
)  # fmt: skip
def test_each_kind_keeps_good_values_and_names_what_it_expects(
    setting, good, bad, expected, caplog
):
    assert setting.expected == expected
    for value in good:
        settings = {"X": value}
        check_settings(settings, "porto_test", {"X": setting})
        assert settings["X"] == value
    assert not caplog.records
    for value in bad:
        settings = {"X": value}
        with caplog.at_level(logging.WARNING):
            check_settings(settings, "porto_test", {"X": setting})
        assert settings["X"] == setting.default
    assert len(caplog.records) == len(bad)


def test_the_one_message_format(caplog):
    settings = {"PORTO_TEST_STEPS": "many"}
    with caplog.at_level(logging.WARNING):
        check_settings(
            settings, "pelican.plugins.porto_test", {"PORTO_TEST_STEPS": whole(5)}
        )
    assert [r.getMessage() for r in caplog.records] == [
        "porto_test: PORTO_TEST_STEPS = 'many' is not a whole number >= 0; "
        "using the default 5"
    ]
    assert caplog.records[0].levelno == logging.WARNING


def test_missing_settings_get_their_defaults_silently(caplog):
    settings: dict = {}
    with caplog.at_level(logging.WARNING):
        check_settings(
            settings, "porto_test", {"A": flag(True), "B": whole(None, none_ok=True)}
        )
    assert settings == {"A": True, "B": None}
    assert not caplog.records


def test_a_choice_can_fold_case_and_space():
    settings = {"X": "  Skip "}
    check_settings(
        settings, "porto_test", {"X": choice("count", "count", "skip", fold=True)}
    )
    assert settings["X"] == "skip"


def _halves(value, report):
    if not isinstance(value, list):
        raise Unusable
    for item in value:
        if item % 2:
            report("X has an odd number %r; ignoring it", item)
    return [item // 2 for item in value if not item % 2]


def test_custom_reports_dropped_parts_and_keeps_the_rest(caplog):
    spec = {"X": custom([], "a list of even numbers", _halves)}
    settings = {"X": [2, 3, 8]}
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_test", spec)
    assert settings["X"] == [1, 4]
    assert [r.getMessage() for r in caplog.records] == [
        "porto_test: X has an odd number 3; ignoring it"
    ]


def test_custom_can_refuse_the_whole_value(caplog):
    spec = {"X": custom([], "a list of even numbers", _halves)}
    settings = {"X": "2, 4"}
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_test", spec)
    assert settings["X"] == []
    assert [r.getMessage() for r in caplog.records] == [
        "porto_test: X = '2, 4' is not a list of even numbers; using the default []"
    ]


def test_read_falls_back_to_the_default_without_a_check():
    spec = {"X": whole(3)}
    assert read({}, spec, "X") == 3
    assert read({"X": 7}, spec, "X") == 7


def test_checker_checks_pelicans_settings_then_runs_the_next_step(caplog):
    seen = []
    spec = {"X": flag(False)}
    check = checker("pelican.plugins.porto_checker_test", spec, then=seen.append)
    pelican = SimpleNamespace(settings={"X": "no"})
    with caplog.at_level(logging.WARNING):
        check(pelican)
    assert pelican.settings["X"] is False
    assert seen == [pelican]
    assert [r.getMessage() for r in caplog.records] == [
        "porto_checker_test: X = 'no' is not True or False; using the default False"
    ]
    # One receiver per plugin, kept alive for Pelican's weak references.
    assert checker("porto_checker_test", spec) is check


# --- every plugin, in a real build -------------------------------------------

# (setting, bad value, the warning the build logs once)
BAD_VALUES = [
    ("PORTO_FRONTMATTER_SLUG_FROM_FILENAME", "yes",
     "porto_frontmatter: PORTO_FRONTMATTER_SLUG_FROM_FILENAME = 'yes' is not True or False; using the default True"),
    ("PORTO_FIGURES_TITLE_AS_CAPTION", 1,
     "porto_figures: PORTO_FIGURES_TITLE_AS_CAPTION = 1 is not True or False; using the default True"),
    ("PORTO_IMAGES_EAGER", -1,
     "porto_images: PORTO_IMAGES_EAGER = -1 is not a whole number >= 0; using the default 1"),
    ("PORTO_LINKS_WARN_MISSING", "no",
     "porto_links: PORTO_LINKS_WARN_MISSING = 'no' is not True or False; using the default True"),
    ("PORTO_READING_TIME_WORDS_PER_MINUTE", 0,
     "porto_reading_time: PORTO_READING_TIME_WORDS_PER_MINUTE = 0 is not a positive number; using the default 265"),
    ("PORTO_RELATED_MAX", 2.5,
     "porto_related: PORTO_RELATED_MAX = 2.5 is not a whole number >= 0; using the default 3"),
    ("PORTO_TAG_CLOUD_STEPS", 0,
     "porto_tag_cloud: PORTO_TAG_CLOUD_STEPS = 0 is not a whole number >= 1; using the default 5"),
    ("PORTO_TYPOGRAPHY_ENABLED", "on",
     "porto_typography: PORTO_TYPOGRAPHY_ENABLED = 'on' is not True or False; using the default True"),
    ("TYPOGRIFY_DASHES", "long",
     "porto_typography: TYPOGRIFY_DASHES = 'long' is not one of 'default', 'oldschool', 'oldschool_inverted'; using the default 'default'"),
]  # fmt: skip


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    from conftest import Site

    site = Site(tmp_path_factory.mktemp("bad-settings"))
    site.write(
        "posts/2020-01-01-a-post.md",
        "---\ntitle: A post\ntags: [one]\n---\n\n"
        'Words -- "quoted" and [a link](/nowhere.md).\n',
    )
    return site.build(**{name: value for name, value, _ in BAD_VALUES})


@pytest.mark.parametrize(
    ("name", "message"),
    [pytest.param(name, message, id=name) for name, _, message in BAD_VALUES],
)
def test_a_bad_value_warns_once_in_a_build(bad_build, name, message):
    assert bad_build.returncode == 0, bad_build.log
    assert bad_build.problems.count(f"WARNING {message}") == 1, bad_build.problems


def test_the_build_goes_on_with_the_defaults(bad_build):
    expected = {f"WARNING {message}" for _, _, message in BAD_VALUES}
    # The defaults at work: links warn (PORTO_LINKS_WARN_MISSING), the slug
    # comes from the file name, typography curls the quotes.
    others = [line for line in bad_build.problems if line not in expected]
    assert others == [
        "WARNING posts/2020-01-01-a-post.md: link target /nowhere.md not found under the content folder"
    ]
    page = bad_build.html("2020/01/a-post/index.html")
    assert "&#8220;quoted&#8221;" in page and "&#8212;" in page
