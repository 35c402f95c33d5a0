"""Reading time and word count (plugin porto_reading_time, issue 4).

Rates used below are the defaults: 265 words, 500 CJK characters and 130 code
words a minute; images 12 s, 11 s, … down to 3 s; minutes rounded to the
nearest whole minute (halves up), never under 1.

How the fixtures were counted, independently of the plugin (body = the file
after its front matter):

- plain_english_prose.md: ``wc -w`` on the body gives 602, every token a word
  (no lone punctuation): 602 / 265 = 2.27 → 2 min.
- the seed post: the rendered ``post-content`` of the sample build with tags
  deleted (``sed 's/<[^>]*>//g' | wc -w``) gives 369 words; the Markdown body
  gives 373 with ``wc -w``, the 4 extra being the alt texts of its 2 images
  ("Porto Sunset", "LinkedIn Post"), which are attributes. 369 words = 83.5 s,
  plus 12 + 11 s for 2 images = 106.5 s → 2 min.
- mostly_code_block.md: 18 prose words (``wc -w`` before the fence); the code
  block has 124 ``wc -w`` tokens of which 18 hold no letter or digit (8 ``=``,
  2 ``*``, 2 ``->``, ``+=``, ``/``, ``==``, ``>``, ``>=``, ``"."))``): 106 code
  words. 18/265 + 106/130 = 0.88 → 1 min; word count 124.
- japanese_post.md: Perl's ``\\p{sc=Han}|\\p{sc=Hiragana}|\\p{sc=Katakana}``
  finds 994 characters (the furigana in ``<rt>`` removed first), plus 4 ``ー``
  length marks (script Common, read as part of コーヒー): 998. ``、`` (29) and
  ``。`` (38) are not counted. 998 / 500 = 2.0 → 2 min; ``wc -w`` sees 7 words.
- chinese_post.md: 878 Han characters by the same Perl count (the 95 marks
  ，。、：； left out): 878 / 500 = 1.76 → 2 min; ``wc -w`` sees 9 words.
- mixed_english_korean.md: 185 Hangul syllables (``\\p{sc=Hangul}``) and 94
  English words (``wc -w`` once Hangul is removed, minus 11 lone , and .):
  94/265 + 185/500 = 0.73 → 1 min; word count 279.
- twelve_images.md: 74 words outside the image lines (``grep -v '^!\\['``),
  12 images: 16.8 s + (12+11+…+3) + 3 + 3 = 16.8 + 81 s → 1.63 → 2 min.
- empty_post.md: front matter only: 0 words, 1 min (the minimum).
- per_post_override.md: 40 words (1 min counted), ``reading_time: 7`` shown.
- attributes_with_many_words.md: 30 words once tags are deleted
  (``sed 's/<[^>]*>//g' | wc -w``) against 1504 raw tokens, 1 image: 6.8 + 12 s
  → 1 min (counting raw HTML would say 6 min).
"""

from __future__ import annotations

import json
import logging
import random
import re
import statistics
import sys
from pathlib import Path

import pytest
from conftest import SEED_NAME, Site
from pelican.plugins.porto_pipeline import Document, parse, serialise
from pelican.plugins.porto_pipeline.settings import check_settings
from pelican.plugins.porto_reading_time.core import (
    CJK_RE,
    SETTINGS,
    WORD_RE,
    Counts,
    Rates,
    count_text,
    count_tree,
    estimate_minutes,
    image_seconds,
    read_rates,
    reading_time,
    word_count,
)

PROBE_PATHS = [str(Path(__file__).parent / "probe_plugins")]
SHOWN = re.compile(r'<span class="reading-time">(\d+) min read</span>')
SUMMARY = re.compile(r"^(Done: Processed .*|and \d+ draft pages in .* seconds\.)$")

# fixture -> (word_count, minutes), counted as the module docstring explains.
FIXTURES = {
    "plain_english_prose.md": (602, 2),
    "mostly_code_block.md": (124, 1),
    "japanese_post.md": (998, 2),
    "chinese_post.md": (878, 2),
    "mixed_english_korean.md": (279, 1),
    "twelve_images.md": (74, 2),
    "empty_post.md": (0, 1),
    "per_post_override.md": (40, 7),
    "attributes_with_many_words.md": (30, 1),
}
SEED_WORDS, SEED_MINUTES = 369, 2


# -- counting plain text -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", (0, 0), id="empty"),
        pytest.param("The quick brown fox.", (4, 0), id="english_sentence"),
        pytest.param("it's a 2-day C++ course", (5, 0), id="apostrophe_hyphen"),
        pytest.param("wait — what · then", (3, 0), id="lone_punctuation"),
        pytest.param("a\u00a0b\tc\nd", (4, 0), id="any_whitespace"),
        pytest.param("東京タワー", (0, 5), id="kanji_and_katakana"),
        pytest.param("こんにちは、世界。", (0, 7), id="cjk_punctuation_not_read"),
        pytest.param("時々", (0, 2), id="iteration_mark"),
        pytest.param("안녕하세요 친구", (0, 7), id="hangul_syllables"),
        pytest.param("我用Python写代码", (1, 5), id="chinese_with_latin"),
        pytest.param("___ ... 42", (1, 0), id="underscores_are_not_a_word"),
    ],
)
def test_count_text(text, expected):
    assert count_text(text) == expected


def test_count_text_counts_what_word_re_finds():
    """count_text() counts words without WORD_RE, for speed: same numbers on
    random text mixing letters, digits, CJK, punctuation, "_", and Unicode
    spaces, digits and marks that are easy to get wrong."""
    pool = (
        "aZé ß9²½_-—·.,'’()+=/\\ \t\n\u00a0\u2009\u3000\u2028\x1c\u0301"
        "東京タワーー、。한국어々〇٣"
    )
    rng = random.Random(4)
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        rest, cjk = CJK_RE.subn(" ", text)
        assert count_text(text) == (len(WORD_RE.findall(rest)), cjk), repr(text)


def test_cjk_shortcut_misses_no_cjk_character():
    """count_text() runs CJK_RE only on text whose UTF-8 holds a CJK lead
    byte: every character CJK_RE matches, on its own, is still counted."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    cjk = CJK_RE.findall(everything)
    assert len(cjk) > 90_000
    missed = [c for c in cjk if count_text(f"a {c} b") != (2, 1)]
    assert missed == []


# -- counting a tree ---------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("", Counts(), id="empty"),
        pytest.param("<p>One two three.</p>", Counts(words=3), id="paragraph"),
        pytest.param(
            '<p title="not these words">Seen <a href="/x" title="nor these">'
            'here</a></p><img alt="a long alt text" src="a.png">',
            Counts(words=2, images=1),
            id="attribute_values_ignored",
        ),
        pytest.param(
            '<p><span class="caps">NASA</span>’s H<sub>2</sub>O '
            "super<wbr>califragilistic</p>",
            Counts(words=3),
            id="inline_tags_inside_a_word",
        ),
        pytest.param(
            "<ul><li>one</li><li>two</li></ul><p>three</p><p>four<br>five</p>"
            "<table><tr><td>six</td><td>seven</td></tr></table>",
            Counts(words=7),
            id="block_tags_separate_words",
        ),
        pytest.param(
            "<p>Kept</p><!-- a comment of words --><script>var x = 1;</script>"
            "<style>p { color: red }</style><noscript><img src=a.png></noscript>",
            Counts(words=1),
            id="comments_scripts_styles_ignored",
        ),
        pytest.param(
            "<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>です</p>",
            Counts(cjk=4),
            id="ruby_annotation_not_counted",
        ),
        pytest.param(
            "<p>Run this:</p><pre><code>make all\ninstall --prefix /usr</code></pre>",
            Counts(words=2, code=5),
            id="code_block_apart",
        ),
        pytest.param(
            '<div class="highlight"><pre><span></span><span class="n">total</span>'
            '<span class="o">=</span><span class="n">a</span> <span class="o">+</span>'
            ' <span class="n">b</span></pre></div>',
            Counts(code=2),
            id="highlighted_code_spans_joined",
        ),
        pytest.param(
            "<div>before<pre>code here</pre>after</div>",
            Counts(words=2, code=2),
            id="code_block_ends_the_words_around_it",
        ),
        pytest.param(
            "<p>one<!-- no -->two <span>three</span>four five<script>s</script>"
            "six<img src=a.png>seven</p>",
            Counts(words=3, images=1),  # onetwo threefour fivesixseven
            id="tails_join_the_text_around_them",
        ),
        pytest.param(
            "<div><em>x<pre><code>code words</code></pre>after</em> end</div>",
            Counts(words=3, code=2),
            id="tail_of_a_code_block_is_prose",
        ),
        pytest.param(
            "<p>Use <code>git status</code> often.</p>",
            Counts(words=4),
            id="inline_code_is_prose",
        ),
        pytest.param(
            "<p><img src=a.png><img src=b.png></p><figure><img src=c.png>"
            "<figcaption>A caption</figcaption></figure>",
            Counts(words=2, images=3),
            id="images_and_captions",
        ),
    ],
)
def test_count_tree(html, expected):
    assert count_tree(parse(html)) == expected


def test_deep_nesting_does_not_recurse():
    # Deeper than Python lets a function recurse, but within the 2,048 levels
    # libxml2 builds (past them it drops the rest of the document).
    depth = 2000
    html = "<div>" * depth + "deep words" + "</div>" * depth + "<p>after</p>"
    tree = parse(html)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)  # below the depth: a recursive walk would fail
    try:
        assert count_tree(tree) == Counts(words=3)
    finally:
        sys.setrecursionlimit(limit)


# -- from counts to minutes --------------------------------------------------


@pytest.mark.parametrize(
    ("images", "seconds"),
    [(0, 0), (1, 12), (2, 23), (3, 33), (10, 75), (11, 78), (12, 81), (20, 105)],
)
def test_image_seconds_fall_from_12_to_3(images, seconds):
    assert image_seconds(images) == seconds


def test_image_seconds_follow_settings():
    rates = Rates(image_seconds=5, image_min_seconds=4)
    assert [image_seconds(n, rates) for n in range(5)] == [0, 5, 9, 13, 17]
    assert image_seconds(3, Rates(image_seconds=0, image_min_seconds=0)) == 0


@pytest.mark.parametrize(
    ("counts", "rates", "minutes"),
    [
        pytest.param(Counts(), Rates(), 1, id="empty_is_one_minute"),
        pytest.param(Counts(words=10), Rates(), 1, id="short_is_one_minute"),
        pytest.param(Counts(words=397), Rates(), 1, id="just_under_a_half"),
        pytest.param(Counts(words=398), Rates(), 2, id="just_over_a_half"),
        pytest.param(Counts(words=2650), Rates(), 10, id="ten_minutes"),
        pytest.param(Counts(cjk=1500), Rates(), 3, id="cjk_rate"),
        pytest.param(Counts(code=390), Rates(), 3, id="code_rate"),
        pytest.param(
            Counts(words=100, code=390), Rates(count_code=False), 1, id="code_skipped"
        ),
        pytest.param(Counts(words=265, images=12), Rates(), 2, id="images_add_time"),
        pytest.param(Counts(words=460), Rates(words=230), 2, id="slower_reader"),
    ],
)
def test_estimate_minutes(counts, rates, minutes):
    assert estimate_minutes(counts, rates) == minutes


def test_word_count_leaves_out_skipped_code():
    counts = Counts(words=10, cjk=5, code=7, images=3)
    assert word_count(counts, Rates()) == 22
    assert word_count(counts, Rates(count_code=False)) == 15


# -- settings ----------------------------------------------------------------


def checked(settings: dict) -> dict:
    """``settings`` as the plugin leaves them at start-up."""
    check_settings(settings, "porto_reading_time", SETTINGS)
    return settings


@pytest.mark.parametrize(
    ("name", "value", "field", "default"),
    [
        pytest.param("WORDS_PER_MINUTE", -265, "words", 265, id="negative_rate"),
        pytest.param("WORDS_PER_MINUTE", "fast", "words", 265, id="text_rate"),
        pytest.param("WORDS_PER_MINUTE", 0, "words", 265, id="zero_rate"),
        pytest.param("WORDS_PER_MINUTE", True, "words", 265, id="boolean_rate"),
        pytest.param("CJK_CHARACTERS_PER_MINUTE", None, "cjk", 500, id="none_cjk"),
        pytest.param("CODE_WORDS_PER_MINUTE", float("nan"), "code", 130, id="nan"),
        pytest.param("IMAGE_SECONDS", -1, "image_seconds", 12, id="negative_image"),
        pytest.param(
            "IMAGE_MIN_SECONDS", "3s", "image_min_seconds", 3, id="text_image_min"
        ),
        pytest.param("CODE", "sometimes", "count_code", True, id="unknown_code"),
    ],
)
def test_bad_setting_warns_and_falls_back(caplog, name, value, field, default):
    setting = f"PORTO_READING_TIME_{name}"
    with caplog.at_level(logging.WARNING):
        rates = read_rates(checked({setting: value}))
    assert getattr(rates, field) == default
    [message] = [r.getMessage() for r in caplog.records]
    assert message.startswith(f"porto_reading_time: {setting} = {value!r} is not ")


def test_good_settings_are_used_without_warnings(caplog):
    settings = {
        "PORTO_READING_TIME_WORDS_PER_MINUTE": 200,
        "PORTO_READING_TIME_CJK_CHARACTERS_PER_MINUTE": 400.5,
        "PORTO_READING_TIME_CODE": "Skip",
        "PORTO_READING_TIME_IMAGE_SECONDS": 0,
    }
    with caplog.at_level(logging.WARNING):
        rates = read_rates(checked(settings))
    assert rates == Rates(words=200, cjk=400.5, count_code=False, image_seconds=0)
    assert not caplog.records


LANGUAGES = {
    "PORTO_READING_TIME_LANGUAGES": {"de": {"words": 230}, "ja": {"cjk": 400}},
}


@pytest.mark.parametrize(
    ("lang", "default_lang", "expected"),
    [
        pytest.param("de", "en", Rates(words=230), id="listed_language"),
        pytest.param("de-AT", "en", Rates(words=230), id="region_falls_to_language"),
        pytest.param("DE_at", "en", Rates(words=230), id="case_and_underscore"),
        pytest.param("fr", "ja", Rates(cjk=400), id="unlisted_falls_to_default_lang"),
        pytest.param("fr", "en", Rates(), id="nothing_listed_uses_site_rates"),
        pytest.param(None, "de", Rates(words=230), id="no_lang_uses_default_lang"),
    ],
)
def test_rates_by_language(lang, default_lang, expected):
    assert read_rates({**LANGUAGES, "DEFAULT_LANG": default_lang}, lang) == expected


def test_language_table_keys_are_normalised_once_checked():
    settings = checked({"PORTO_READING_TIME_LANGUAGES": {" PT_br ": {"words": 200}}})
    assert settings["PORTO_READING_TIME_LANGUAGES"] == {"pt-br": {"words": 200}}
    assert read_rates(settings, "pt-BR") == Rates(words=200)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        pytest.param(
            ["de", 230],
            "PORTO_READING_TIME_LANGUAGES = ['de', 230] is not a dict such as "
            "{'de': {'words': 230}}; using the default {}",
            id="not_a_dict",
        ),
        pytest.param(
            {"de": 230},
            "PORTO_READING_TIME_LANGUAGES['de'] = 230 is not a dict such as "
            "{'words': 230}; ignoring it",
            id="entry_not_a_dict",
        ),
        pytest.param(
            {"de": {"words": -5}},
            "PORTO_READING_TIME_LANGUAGES['de']['words'] = -5 is not a positive "
            "number; ignoring it",
            id="negative_rate",
        ),
        pytest.param(
            {"de": {"wpm": 230}},
            "PORTO_READING_TIME_LANGUAGES['de'] has an unknown key 'wpm' (expected "
            "'words', 'cjk', 'code'); ignoring it",
            id="unknown_key",
        ),
    ],
)
def test_bad_language_table_warns_and_uses_site_rates(caplog, table, message):
    with caplog.at_level(logging.WARNING):
        rates = read_rates(checked({"PORTO_READING_TIME_LANGUAGES": table}), "de")
    assert rates == Rates()
    assert [r.getMessage() for r in caplog.records] == [
        "porto_reading_time: " + message
    ]


# -- the transform -----------------------------------------------------------


def _run(html: str, metadata=None, settings=None, lang="en") -> Document:
    doc = Document(relative_path="posts/x.md", lang=lang, metadata=metadata or {})
    reading_time(parse(html), settings or {}, doc)
    return doc


def test_transform_sets_data_and_leaves_tree_alone():
    html = '<p>Some <em>words</em> here.</p><p><img src="a.png" alt="x y"></p>'
    tree = parse(html)
    doc = Document()
    reading_time(tree, {}, doc)
    reading_time(tree, {}, doc)  # idempotent: same tree, same values
    assert serialise(tree) == serialise(parse(html))
    assert doc.data == {"reading_time": 1, "word_count": 3}


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        pytest.param(7, 7, id="integer"),
        pytest.param("7", 7, id="string"),
        pytest.param("7 min", 7, id="with_unit"),
        pytest.param(" 12 minutes ", 12, id="with_long_unit"),
        pytest.param(7.4, 7, id="float_rounds"),
    ],
)
def test_front_matter_override(value, minutes):
    doc = _run("<p>" + "word " * 2000 + "</p>", {"reading_time": value})
    assert doc.data == {"reading_time": minutes, "word_count": 2000}


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(-3, id="negative"),
        pytest.param(0, id="zero"),
        pytest.param("soon", id="text"),
        pytest.param(True, id="boolean"),
        pytest.param([7], id="list"),
    ],
)
def test_bad_override_warns_with_file_and_counts(caplog, value):
    with caplog.at_level(logging.WARNING):
        doc = _run("<p>" + "word " * 800 + "</p>", {"reading_time": value})
    assert doc.data["reading_time"] == 3
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("posts/x.md: reading_time") for m in messages), messages


def test_transform_uses_post_language():
    settings = {"PORTO_READING_TIME_LANGUAGES": {"ko": {"cjk": 100}}}
    html = "<p>" + "한국어 " * 100 + "</p>"
    assert _run(html, settings=settings, lang="ko").data["reading_time"] == 3
    assert _run(html, settings=settings, lang="en").data["reading_time"] == 1


# -- real builds -------------------------------------------------------------


def _shown(html: str) -> list[int]:
    return [int(n) for n in SHOWN.findall(html)]


def _messages(build) -> list[str]:
    """What the build logged besides Pelican's closing summary."""
    return [line for line in build.log.splitlines() if not SUMMARY.match(line)]


def _build(site: Site, **overrides):
    probe = site.root / "probe.json"
    build = site.build(
        PLUGIN_PATHS=PROBE_PATHS,
        PLUGINS=[
            "pelican.plugins.porto_pipeline",
            "pelican.plugins.porto_frontmatter",
            "pelican.plugins.porto_links",
            "pelican.plugins.porto_reading_time",
            "reading_time_probe",
        ],
        READING_TIME_PROBE_FILE=str(probe),
        **overrides,
    )
    assert build.returncode == 0, build.log
    return build, json.loads(probe.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixtures_build(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("fixtures"))
    for name in FIXTURES:
        site.copy_fixture(name)
    # A page: 10 words, counted by hand.
    site.write("pages/colophon.md", "---\ntitle: Colophon\n---\n\n"
               "This site is built with Pelican and the Porto theme.\n")  # fmt: skip
    return _build(site)


@pytest.mark.parametrize(("name", "expected"), FIXTURES.items(), ids=list(FIXTURES))
def test_fixture_reading_time_on_its_page(fixtures_build, name, expected):
    build, probe = fixtures_build
    words, minutes = expected
    item = probe[f"posts/{name}"]
    assert (item["word_count"], item["reading_time"]) == (words, minutes)
    assert _shown(build.html(item["save_as"])) == [minutes]


def test_fixture_build_is_quiet(fixtures_build):
    build, _ = fixtures_build
    assert _messages(build) == []


def test_index_shows_each_posts_reading_time(fixtures_build):
    build, probe = fixtures_build
    posts = [item for item in probe.values() if item["kind"] == "article"]
    index = build.html("index.html")
    for item in posts:
        card = index.split(f'href="./{item["url"]}"', 1)[1].split("</article>", 1)[0]
        assert _shown(card) == [item["reading_time"]], item["url"]


def test_pages_get_reading_time_too(fixtures_build):
    _, probe = fixtures_build
    assert probe["pages/colophon.md"] == {
        "kind": "page",
        "url": "colophon/",
        "save_as": "colophon/index.html",
        "reading_time": 1,
        "word_count": 10,
    }


def test_seed_post_shows_reading_time_on_page_and_index(sample_build):
    """369 words and 2 images: 2 min (see the module docstring for the count)."""
    slug = SEED_NAME[len("2019-12-01-") : -len(".md")]
    page = sample_build.html(f"2019/12/{slug}/index.html")
    assert _shown(page) == [SEED_MINUTES]
    index = sample_build.html("index.html")
    assert _shown(index) == [SEED_MINUTES]


def test_seed_post_counts(site):
    site.add_sample_content()
    _, probe = _build(site)
    item = probe[f"posts/{SEED_NAME}"]
    assert (item["word_count"], item["reading_time"]) == (SEED_WORDS, SEED_MINUTES)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param({"PORTO_READING_TIME_CODE": "skip"}, (18, 1), id="skip_code"),
        pytest.param(
            {"PORTO_READING_TIME_CODE_WORDS_PER_MINUTE": 40},
            (124, 3),  # 18/265 + 106/40 = 2.72
            id="slow_code_rate",
        ),
    ],
)
def test_code_block_settings(site, overrides, expected):
    site.copy_fixture("mostly_code_block.md")
    build, probe = _build(site, **overrides)
    item = probe["posts/mostly_code_block.md"]
    assert (item["word_count"], item["reading_time"]) == expected
    assert _shown(build.html(item["save_as"])) == [expected[1]]


def test_language_rates_in_a_build(site):
    for name in (
        "mixed_english_korean.md",
        "japanese_post.md",
        "plain_english_prose.md",
    ):
        site.copy_fixture(name)
    languages = {"ko": {"cjk": 150}, "en": {"words": 100, "cjk": 250}}
    build, probe = _build(site, PORTO_READING_TIME_LANGUAGES=languages)
    minutes = {name: item["reading_time"] for name, item in probe.items()}
    assert minutes == {
        "posts/mixed_english_korean.md": 2,  # 94/265 + 185/150 = 1.59
        "posts/japanese_post.md": 4,  # ja unlisted, DEFAULT_LANG en: 998/250
        "posts/plain_english_prose.md": 6,  # 602/100
    }
    assert _messages(build) == []


def test_bad_settings_warn_once_and_build(site):
    site.copy_fixture("plain_english_prose.md")
    site.copy_fixture("chinese_post.md")
    build, probe = _build(
        site,
        PORTO_READING_TIME_WORDS_PER_MINUTE=-5,
        PORTO_READING_TIME_CODE="sometimes",
    )
    assert probe["posts/plain_english_prose.md"]["reading_time"] == 2
    assert len(_messages(build)) == 2, _messages(build)
    assert "PORTO_READING_TIME_WORDS_PER_MINUTE = -5" in _messages(build)[0]
    assert "PORTO_READING_TIME_CODE = 'sometimes'" in _messages(build)[1]


def test_override_on_an_empty_post(site):
    """The pipeline runs no transform on an empty body; the override still holds."""
    site.write("posts/2020-01-02-video.md", "---\ntitle: Video\nreading_time: 4\n---\n")
    build, probe = _build(site)
    item = probe["posts/2020-01-02-video.md"]
    assert (item["word_count"], item["reading_time"]) == (0, 4)
    assert _shown(build.html(item["save_as"])) == [4]
    assert _messages(build) == []


def test_bad_override_names_the_file(site):
    site.write(
        "posts/2020-01-01-soon.md",
        "---\ntitle: Soon\nreading_time: soon\n---\n\nOnly five words are here.\n",
    )
    build, probe = _build(site)
    item = probe["posts/2020-01-01-soon.md"]
    assert (item["word_count"], item["reading_time"]) == (5, 1)
    assert _shown(build.html(item["save_as"])) == [1]
    assert len(_messages(build)) == 1
    assert "posts/2020-01-01-soon.md: reading_time 'soon'" in _messages(build)[0]


# -- a generated corpus ------------------------------------------------------

VOCABULARY = (
    "river bridge morning city water light coffee walk habit work question "
    "answer quiet room path leaves baker heron stone routine notebook train "
    "project engineer course sales career data learning model image"
).split()
CJK = "東京大阪学習散歩朝夜川橋ひらがなカタカナ한국어공부기차"
LANGS = ["en", "en", "en", "ja", "zh", "ko", "de"]


def _corpus_post(rng: random.Random, number: int) -> tuple[str, str, Counts]:
    """A random post and what it holds, known as it is written."""
    lang = rng.choice(LANGS)
    parts, counts = [], Counts()
    for _ in range(rng.randint(0, 12)):
        kind = rng.random()
        if kind < 0.6:
            n = rng.randint(1, 250)
            parts.append(" ".join(rng.choice(VOCABULARY) for _ in range(n)) + ".")
            counts = Counts(counts.words + n, counts.cjk, counts.code, counts.images)
        elif kind < 0.75:
            n = rng.randint(1, 600)
            parts.append("".join(rng.choice(CJK) for _ in range(n)) + "。")
            counts = Counts(counts.words, counts.cjk + n, counts.code, counts.images)
        elif kind < 0.85:
            lines = [
                " = ".join(rng.sample(VOCABULARY, 2)) for _ in range(rng.randint(1, 40))
            ]
            parts.append("```text\n" + "\n".join(lines) + "\n```")
            code = counts.code + 2 * len(lines)
            counts = Counts(counts.words, counts.cjk, code, counts.images)
        else:
            n = rng.randint(1, 6)
            parts += [
                f"![photo {i} of the {rng.choice(VOCABULARY)}]"
                f"(https://img.example.com/{number}/{i}.jpg)"
                for i in range(n)
            ]
            counts = Counts(counts.words, counts.cjk, counts.code, counts.images + n)
    front = f"title: Post {number:03d}\nlang: {lang}\n"
    if rng.random() < 0.05:
        front += f"reading_time: {rng.randint(1, 30)}\n"
    date = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    text = f"---\n{front}---\n\n" + "\n\n".join(parts) + "\n"
    return f"posts/{date}-post-{number:03d}.md", text, counts


@pytest.mark.slow
def test_generated_corpus_page_numbers_match(site):
    """200 posts: the page shows article.reading_time, which is what the post
    holds at the default rates (or its front matter override)."""
    rng = random.Random(20191201)
    expected = {}
    for number in range(200):
        path, text, counts = _corpus_post(rng, number)
        site.write(path, text)
        override = re.search(r"^reading_time: (\d+)$", text, re.M)
        minutes = int(override[1]) if override else estimate_minutes(counts)
        expected[path] = (word_count(counts), minutes)
    build, probe = _build(site)
    assert _messages(build) == []
    built = {path: (p["word_count"], p["reading_time"]) for path, p in probe.items()}
    assert built == expected
    for item in probe.values():
        assert _shown(build.html(item["save_as"])) == [item["reading_time"]]
    minutes = [item["reading_time"] for item in probe.values()]
    assert min(minutes) >= 1 and statistics.median(minutes) > 1
