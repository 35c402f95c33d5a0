"""The pure front matter helpers, without Pelican."""

import datetime as dt

import pytest
import yaml
from dateutil import parser as date_parser
from hypothesis import given, settings
from hypothesis import strategies as st
from pelican.plugins.porto_frontmatter import checks
from pelican.plugins.porto_frontmatter.frontmatter import (
    FrontMatterError,
    date_from_filename,
    normalise_text,
    split_front_matter,
    split_tag_string,
    stem_without_date,
    title_from_filename,
)
from pelican.utils import get_date


@pytest.mark.parametrize(
    ("text", "data", "body"),
    [
        pytest.param("---\ntitle: A\n---\nBody\n", {"title": "A"}, "Body\n", id="plain"),
        pytest.param("---  \ntitle: A\n--- \nB", {"title": "A"}, "B", id="trailing_spaces"),
        pytest.param("---\ntitle: A\n...\nB", {"title": "A"}, "B", id="closed_with_dots"),
        pytest.param("---\n---\nB", {}, "B", id="empty_block"),
        pytest.param("---\nTitle: A\n---\n", {"title": "A"}, "", id="keys_lowercased"),
        pytest.param(
            "---\ntitle: A\n---\n\nx\n---\ny", {"title": "A"}, "\nx\n---\ny",
            id="later_rule_is_body",
        ),
    ],
)  # fmt: skip
def test_split_front_matter(text, data, body):
    front = split_front_matter(text)
    assert front is not None
    assert front.data == data
    assert front.body == body


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Title: native\n\nBody", id="pelican_native"),
        pytest.param("Body only", id="no_metadata"),
        pytest.param("\n---\ntitle: A\n---\n", id="dashes_not_on_first_line"),
        pytest.param("----\ntitle: A\n----\n", id="four_dashes_is_a_rule"),
    ],
)
def test_no_front_matter(text):
    assert split_front_matter(text) is None


@pytest.mark.parametrize(
    ("text", "line", "column", "words"),
    [
        pytest.param("---\ntitle: a\ntags:\n\t- x\n---\n", 4, 1, "'\\t'", id="tab"),
        pytest.param('---\ntitle: "open\n---\n', 3, 1, "line 2, column 8", id="quote"),
        pytest.param("---\ntitle: a\n", 1, None, "never closed", id="never_closed"),
        pytest.param("---\n- a\n- b\n---\n", 2, None, "found a list", id="a_list"),
        pytest.param("---\na: [1, 2\n---\n", 3, 1, "flow sequence", id="open_bracket"),
    ],
)
def test_broken_front_matter_says_where(text, line, column, words):
    with pytest.raises(FrontMatterError) as caught:
        split_front_matter(text)
    assert caught.value.line == line
    assert caught.value.column == column
    assert words in str(caught.value)


def test_normalise_text_handles_bom_and_line_endings():
    assert normalise_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        (["Internship", "Machine Learning"], ["Internship", "Machine Learning"]),
        ("python, machine learning", ["python", "machine learning"]),
        ("python jekyll", ["python", "jekyll"]),
        ([["a", "b"], [["c"]], "a", 2019, None, ""], ["a", "b", "c", "2019"]),
        ("", []),
        (None, []),
    ],
    ids=["list", "comma_string", "space_string", "nested", "empty", "none"],
)
def test_tag_forms(value, tags):
    assert split_tag_string(value) == tags


@pytest.mark.parametrize(
    ("name", "title", "stem", "date"),
    [
        ("2019-12-01-my-post.md", "My Post", "my-post", dt.datetime(2019, 12, 1)),
        ("_posts/2019-12-01-my_post.markdown", "My Post", "my_post", dt.datetime(2019, 12, 1)),
        ("about.md", "About", "about", None),
        ("2019-13-45-bad-date.md", "Bad Date", "bad-date", None),
        ("2019-12-01.md", "2019-12-01", "2019-12-01", dt.datetime(2019, 12, 1)),
    ],
    ids=["jekyll", "underscores", "no_date", "impossible_date", "date_only"],
)  # fmt: skip
def test_file_name_parts(name, title, stem, date):
    assert title_from_filename(name) == title
    assert stem_without_date(name) == stem
    assert date_from_filename(name) == date


def test_one_reader_keeps_no_state_between_files(tmp_path):
    """The reader reuses its Markdown converter: nothing may leak across posts."""
    from pelican.plugins.porto_frontmatter.reader import PortoMarkdownReader
    from pelican.settings import DEFAULT_CONFIG

    settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path))
    settings["MARKDOWN"] = {
        **settings["MARKDOWN"],
        "extension_configs": {
            **settings["MARKDOWN"]["extension_configs"],
            "markdown.extensions.toc": {},
        },
    }
    reader = PortoMarkdownReader(settings)
    files = {
        "a.md": "---\ntitle: A\n---\n\n# Head A\n\nText[^1].\n\n[^1]: Note A.\n",
        "b.md": "Title: B\nTags: x\n\n# Head B\n\nPlain.\n",
        "c.md": "---\ntitle: C\n---\n\nPlain C.\n",
        "d.md": "Title: D\n\nPlain D.\n",
    }
    read = {}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        read[name] = reader.read(str(tmp_path / name))
    assert "Note A" in read["a.md"][0]
    assert all("footnote" not in read[n][0] for n in ("b.md", "c.md", "d.md"))
    assert "Head A" not in read["b.md"][0]
    assert read["b.md"][1]["title"] == "B" and "tags" in read["b.md"][1]
    assert read["d.md"][1]["title"] == "D" and "tags" not in read["d.md"][1]
    assert read["c.md"][1]["title"] == "C"
    assert read["c.md"][0] == "<p>Plain C.</p>"


# -- dates read without asking YAML or dateutil ------------------------------

_PLAIN = checks._PLAIN_DATE


@settings(max_examples=400, derandomize=True, database=None)
@given(st.from_regex(_PLAIN, fullmatch=True))
def test_a_plain_date_is_one_yaml_and_dateutil_read_whole(text):
    """plain_date() stands in for YAML and dateutil: whenever it says yes,
    YAML raises no ValueError on the value and dateutil finds a whole date."""
    if not checks.plain_date(text):  # a part out of range: they are asked
        with pytest.raises((ValueError, OverflowError)):
            dt.datetime(*(int(g or 0) for g in _PLAIN.fullmatch(text).groups()))
        return
    try:  # as quote_impossible_dates() asks: a ValueError is what it looks for
        yaml.safe_load(text)
    except yaml.YAMLError:
        pass
    one = date_parser.parse(text, default=dt.datetime(2001, 1, 1))
    two = date_parser.parse(text, default=dt.datetime(2002, 2, 2))
    assert one.date() == two.date()


@settings(max_examples=400, derandomize=True, database=None)
@given(st.from_regex(_PLAIN, fullmatch=True))
def test_a_plain_datetime_is_the_one_pelican_makes(text):
    """plain_datetime() stands in for Pelican's get_date() (dateutil): the
    same moment, the same offset, the same class."""
    quick = checks.plain_datetime(text)
    if quick is None:  # out of range, or "Z": Pelican is asked
        assert not checks.plain_date(text) or text.endswith("Z")
        return
    slow = get_date(text)
    assert (quick, quick.utcoffset(), type(quick)) == (
        slow,
        slow.utcoffset(),
        type(slow),
    )
    assert quick.isoformat() == slow.isoformat()


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("2020-01-31", True),
        ("2015-1-5 9:05", True),
        ("2020-01-31T10:00:05.25Z", True),
        ("2020-01-31 10:00 +0100", True),
        ("2020-02-30", False),
        ("2020-13-01 10:00", False),
        ("2020-01-31 24:00", False),
        ("2020-01-31 10:00 +25:00", False),
        ("2020", False),
        ("31/01/2020", False),
        ("٢٠٢٠-01-31", False),
    ],
)
def test_plain_date_says_no_to_what_it_cannot_vouch_for(text, plain):
    assert checks.plain_date(text) is plain
