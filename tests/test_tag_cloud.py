"""Tag cloud: steps, order and cut as pure functions; the cloud on real sites."""

from __future__ import annotations

import logging
import random
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from pelican.plugins.porto_pipeline.settings import check_settings
from pelican.plugins.porto_tag_cloud import cloud
from pelican.plugins.porto_tag_cloud.cloud import (
    CloudOptions,
    TagTally,
    build_cloud,
    keep_most_used,
    name_key,
    read_options,
    sort_tallies,
    tally_tags,
    weigh,
)
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Tag

# --- steps -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "steps", "scaling", "expected"),
    [
        pytest.param([], 5, "log", [], id="no_tags"),
        pytest.param([7], 5, "log", [3], id="one_tag_gets_the_middle_step"),
        pytest.param([4, 4, 4], 5, "log", [3, 3, 3], id="all_equal_middle_step"),
        pytest.param([4, 4], 4, "linear", [2, 2], id="all_equal_even_steps"),
        pytest.param([1, 9], 1, "log", [1, 1], id="one_step_only"),
        pytest.param([1, 2, 4, 8, 16], 5, "log", [1, 2, 3, 4, 5], id="power_law_log"),
        pytest.param(
            [1, 2, 4, 8, 16], 5, "linear", [1, 1, 2, 3, 5], id="power_law_linear"
        ),
        pytest.param([1, 2, 3, 4, 5], 5, "linear", [1, 2, 3, 4, 5], id="even_linear"),
        pytest.param([3, 1, 3, 1], 5, "log", [5, 1, 5, 1], id="ties_share_a_step"),
        pytest.param(
            [100, 1, 10], 3, "log", [3, 1, 2], id="three_steps_keep_input_order"
        ),
    ],
)
def test_weigh(counts, steps, scaling, expected):
    assert weigh(counts, steps, scaling) == expected


@given(
    counts=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1),
    steps=st.integers(min_value=1, max_value=12),
    scaling=st.sampled_from(["log", "linear"]),
)
def test_weigh_never_leaves_the_range_and_follows_the_counts(counts, steps, scaling):
    result = weigh(counts, steps, scaling)
    assert all(1 <= step <= steps for step in result)
    by_count = [step for _, step in sorted(zip(counts, result, strict=True))]
    assert by_count == sorted(by_count)  # more posts never means a smaller step
    if min(counts) < max(counts):
        assert result[counts.index(max(counts))] == steps
        assert result[counts.index(min(counts))] == 1


def test_ten_thousand_tags_power_law():
    counts = [max(1, 10_000 // rank) for rank in range(1, 10_001)]
    tallies = [
        TagTally(None, f"tag {i:05d}", f"tag/{i}/", c) for i, c in enumerate(counts)
    ]
    cloud = build_cloud(tallies, CloudOptions(sort="count-name"))
    assert len(cloud) == 10_000
    assert (cloud[0].name, cloud[0].count, cloud[0].step) == ("tag 00000", 10_000, 5)
    assert {e.step for e in cloud} == {1, 2, 3, 4, 5}
    assert {e.step for e in cloud if e.count == 1} == {1}
    assert [e.count for e in cloud] == sorted(counts, reverse=True)


# --- order and cut ---------------------------------------------------------


def tallies(*rows) -> list[TagTally]:
    """``(name, count)`` or ``(name, count, latest)`` rows."""
    return [TagTally(None, row[0], f"tag/{row[0]}/", *row[1:]) for row in rows]


def names(items) -> list[str]:
    return [item.name for item in items]


ACCENTED = tallies(
    ("zebra", 1), ("Émile", 1), ("apple", 1), ("Eagle", 1), ("éclair", 1),
    ("Ångström", 1), ("Banana", 1), ("école", 1),
)  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "order", "expected"),
    [
        pytest.param(
            ACCENTED,
            "name",
            [
                "Ångström",
                "apple",
                "Banana",
                "Eagle",
                "éclair",
                "école",
                "Émile",
                "zebra",
            ],
            id="name_ignores_case_and_accents",
        ),
        pytest.param(
            tallies(("b", 2), ("a", 1), ("c", 2), ("d", 3)),
            "count-name",
            ["d", "b", "c", "a"],
            id="count_name_ties_by_name",
        ),
        pytest.param(
            tallies(
                ("b", 2, date(2020, 1, 1)),
                ("a", 1, date(2024, 1, 1)),
                ("c", 2, date(2021, 1, 1)),
                ("e", 2, date(2021, 1, 1)),
                ("d", 3, date(2019, 1, 1)),
            ),
            "count",
            ["d", "c", "e", "b", "a"],
            id="count_ties_by_newest_post_then_name",
        ),
        pytest.param(
            tallies(("Cafe", 1), ("cafe", 1), ("Café", 1)),
            "name",
            ["Cafe", "Café", "cafe"],
            id="name_equal_keys_fully_ordered",
        ),
    ],
)
def test_sort_orders(rows, order, expected):
    assert names(sort_tallies(rows, order)) == expected
    assert names(sort_tallies(reversed(rows), order)) == expected  # input order moot


def test_name_key_folds_case_accents_and_compatibility_forms():
    assert name_key("Ｃａｆé") == name_key("CAFE") == name_key("cafe")
    assert name_key("Straße") == name_key("strasse")


def test_max_items_keeps_the_most_used_then_sorts_and_weighs_them():
    rows = tallies(("zeta", 9), ("alpha", 1), ("mu", 4), ("beta", 4), ("pi", 2))
    cloud = build_cloud(rows, CloudOptions(max_items=3, sort="name"))
    assert [(e.name, e.count, e.step) for e in cloud] == [
        ("beta", 4, 1),  # steps span what is kept: 4 is now the least used
        ("mu", 4, 1),
        ("zeta", 9, 5),
    ]


def test_max_items_cut_on_a_tie_keeps_names_first_a_to_z():
    rows = tallies(("c", 2), ("b", 2), ("a", 2), ("z", 5))
    assert names(keep_most_used(rows, 2)) == ["a", "z"]
    assert names(keep_most_used(rows, 0)) == ["c", "b", "a", "z"]  # 0: no limit


# --- settings --------------------------------------------------------------


def test_default_options():
    assert read_options({}) == CloudOptions(
        steps=5, scaling="log", sort="name", max_items=None, include_pages=False
    )


@pytest.mark.parametrize(
    ("key", "value", "field", "default"),
    [
        pytest.param("PORTO_TAG_CLOUD_STEPS", 0, "steps", 5, id="steps_zero"),
        pytest.param("PORTO_TAG_CLOUD_STEPS", "7", "steps", 5, id="steps_string"),
        pytest.param("PORTO_TAG_CLOUD_STEPS", True, "steps", 5, id="steps_bool"),
        pytest.param("PORTO_TAG_CLOUD_SCALING", "cubic", "scaling", "log", id="scale"),
        pytest.param("PORTO_TAG_CLOUD_SORT", "random", "sort", "name", id="random"),
        pytest.param("PORTO_TAG_CLOUD_MAX_ITEMS", -1, "max_items", None, id="max_neg"),
        pytest.param(
            "PORTO_TAG_CLOUD_INCLUDE_PAGES", "yes", "include_pages", False, id="pages"
        ),
    ],
)
def test_bad_setting_warns_and_falls_back(caplog, key, value, field, default):
    settings = {key: value}
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_tag_cloud", cloud.SETTINGS)
    assert getattr(read_options(settings), field) == default
    [message] = [r.getMessage() for r in caplog.records]
    assert message.startswith(f"porto_tag_cloud: {key} = {value!r} is not ")
    assert message.endswith(f"; using the default {default!r}")


def test_good_settings_are_used():
    options = read_options(
        {
            "PORTO_TAG_CLOUD_STEPS": 3,
            "PORTO_TAG_CLOUD_SCALING": "linear",
            "PORTO_TAG_CLOUD_SORT": "count",
            "PORTO_TAG_CLOUD_MAX_ITEMS": 20,
            "PORTO_TAG_CLOUD_INCLUDE_PAGES": True,
        }
    )
    assert options == CloudOptions(3, "linear", "count", 20, True)


# --- counting Pelican's tags -----------------------------------------------

SETTINGS = {**DEFAULT_CONFIG, "TAG_URL": "tag/{slug}/"}


def post(*tag_names: str, day: int = 1):
    return SimpleNamespace(
        tags=[Tag(name, SETTINGS) for name in tag_names], date=date(2020, 1, day)
    )


def generator_tags(posts) -> list:
    """What ``ArticlesGenerator.tags`` holds: Tags compare and hash by slug."""
    tags: dict = {}
    for item in posts:
        for tag in item.tags:
            tags.setdefault(tag, []).append(item)
    return list(tags.items())


def test_tags_on_one_slug_merge_into_the_most_used_spelling():
    posts = [post("Café", day=1), post("cafe", "Cafe", day=2), post("cafe", day=3)]
    [tally] = tally_tags(generator_tags(posts))
    assert (tally.name, tally.url, tally.count) == ("cafe", "tag/cafe/", 3)
    assert tally.latest == date(2020, 1, 3)


def test_pages_add_to_tags_that_have_a_page_and_are_dropped_otherwise():
    posts = [post("Python")]
    pages = [
        SimpleNamespace(tags=[Tag("python", SETTINGS), Tag("Only here", SETTINGS)])
    ]
    [tally] = tally_tags(generator_tags(posts), pages)
    assert (tally.name, tally.count, tally.latest) == ("Python", 2, date(2020, 1, 1))


def test_tag_without_a_valid_slug_is_left_out():
    assert names(tally_tags(generator_tags([post("<script>", "ok")]))) == ["ok"]


def _counting_url(self):
    CountingTag.reads += 1
    return Tag.url.fget(self)


# A Tag that counts how often its URL is worked out. Named "Tag": Pelican
# reads the URL settings by the class's name (TAG_URL).
CountingTag = type("Tag", (Tag,), {"reads": 0, "url": property(_counting_url)})


def test_a_post_with_many_tags_is_counted_in_linear_time():
    """Each tag page of a post used to search the post's tags for its own:
    quadratic in the post's tags (5,000 tags, 25 million URLs worked out)."""
    many = SimpleNamespace(
        tags=[CountingTag(f"t{i}", SETTINGS) for i in range(400)],
        date=date(2020, 1, 1),
    )
    CountingTag.reads = 0
    tallies = tally_tags(generator_tags([many]))
    assert len(tallies) == 400
    assert CountingTag.reads <= 3 * 400


# --- real sites --------------------------------------------------------------


def cloud_of(html: str, where: str = "main") -> list[dict]:
    """The links of the one tag cloud inside ``where``."""
    [cloud] = BeautifulSoup(html, "html.parser").find(where).select("ul.tag-cloud")
    links = []
    for item in cloud.find_all("li", recursive=False):
        [link] = item.find_all("a")
        [step_class] = link["class"]
        links.append(
            {
                "name": link.contents[0].get_text(),
                "heard": link.get_text(),
                "href": link["href"],
                "step": int(step_class.removeprefix("tag-step-")),
                "count": int(link.select_one(".tag-count").contents[0]),
            }
        )
    return links


def test_sample_site_tags_page_shows_the_seed_tags(sample_build):
    assert sample_build.returncode == 0, sample_build.log
    links = cloud_of(sample_build.html("tags.html"))
    assert links == [
        {
            "name": "Internship",
            "heard": "Internship, 1 post",
            "href": "./tag/internship/",
            "step": 3,
            "count": 1,
        },
        {
            "name": "Machine Learning",
            "heard": "Machine Learning, 1 post",
            "href": "./tag/machine-learning/",
            "step": 3,
            "count": 1,
        },
    ]
    for link in links:
        assert (sample_build.output / link["href"] / "index.html").is_file()


# Fifty posts over a year; each tag has its own rhythm, so the counts are known.
RHYTHMS = {
    "Python": 1,  # every post: 50
    "Data": 2,  # 25
    "career": 5,  # 10
    "Ångström": 10,  # 5
    "zebra": 25,  # 2
}


def write_fifty_posts(site) -> None:
    start = date(2020, 1, 6)
    for i in range(50):
        tags = [name for name, every in RHYTHMS.items() if i % every == 0]
        tags += {7: ["Café"], 17: ["Café"], 27: ["cafe"], 33: ["Éclair"]}.get(i, [])
        day = start + timedelta(days=7 * i)
        lines = "".join(f"    - {tag}\n" for tag in tags)
        site.write(
            f"posts/{day:%Y-%m-%d}-post-{i:02d}.md",
            f"---\ntitle: Post {i}\ntags:\n{lines}---\n\nPost number {i}.\n",
        )
    site.write(
        "posts/2021-02-01-draft.md",
        "---\ntitle: A draft\npublished: false\ntags: [Python, Draft only]\n---\n\nx\n",
    )
    site.write(
        "posts/2021-02-02-hidden.md",
        "---\ntitle: Hidden\nstatus: hidden\ntags: [Python, Hidden only]\n---\n\nx\n",
    )
    site.write(
        "pages/colophon.md",
        "---\ntitle: Colophon\ntags: [Python, Page only]\n---\n\nx\n",
    )


FIFTY_BY_COUNT = [
    ("Python", 50, 5),
    ("Data", 25, 4),
    ("career", 10, 3),
    ("Ångström", 5, 3),
    ("Café", 3, 2),
    ("zebra", 2, 2),
    ("Éclair", 1, 1),
]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            {},
            [
                ("Ångström", 5, 3),
                ("Café", 3, 2),
                ("career", 10, 3),
                ("Data", 25, 4),
                ("Éclair", 1, 1),
                ("Python", 50, 5),
                ("zebra", 2, 2),
            ],
            id="default_by_name",
        ),
        pytest.param(
            {"PORTO_TAG_CLOUD_SORT": "count-name"}, FIFTY_BY_COUNT, id="by_count"
        ),
        pytest.param(
            {"PORTO_TAG_CLOUD_SORT": "count-name", "PORTO_TAG_CLOUD_MAX_ITEMS": 3},
            [("Python", 50, 5), ("Data", 25, 3), ("career", 10, 1)],
            id="top_three",
        ),
        pytest.param(
            {"PORTO_TAG_CLOUD_SORT": "count-name", "PORTO_TAG_CLOUD_SCALING": "linear"},
            [
                ("Python", 50, 5),
                ("Data", 25, 3),
                ("career", 10, 2),
                ("Ångström", 5, 1),
                ("Café", 3, 1),
                ("zebra", 2, 1),
                ("Éclair", 1, 1),
            ],
            id="linear",
        ),
    ],
)
def test_fifty_post_site(site, overrides, expected):
    write_fifty_posts(site)
    build = site.build(**overrides)
    assert build.returncode == 0, build.log
    assert "porto_tag_cloud" not in build.log  # no warning about its settings
    links = cloud_of(build.html("tags.html"))
    assert [(link["name"], link["count"], link["step"]) for link in links] == expected
    for link in links:  # every link leads to a written tag page
        assert (build.output / link["href"] / "index.html").is_file()


def test_fifty_post_site_with_pages_and_footer(site):
    write_fifty_posts(site)
    build = site.build(
        PORTO_TAG_CLOUD_INCLUDE_PAGES=True, PORTO_TAG_CLOUD_IN_FOOTER=True
    )
    assert build.returncode == 0, build.log
    footer = cloud_of(build.html("index.html"), where="footer")
    assert footer[-2]["heard"] == "Python, 51 posts"  # the colophon counts
    assert "Page only" not in [link["name"] for link in footer]  # it has no tag page
    assert cloud_of(build.html("tags.html")) == footer
    tags_page = BeautifulSoup(build.html("tags.html"), "html.parser")
    assert len(tags_page.select("ul.tag-cloud")) == 1  # not again in the footer


def test_cafe_and_plain_cafe_make_one_link(site):
    site.copy_fixture("tags_cafe_accented.md")
    site.copy_fixture("tags_cafe_plain.md")
    build = site.build()
    assert build.returncode == 0, build.log
    [link] = cloud_of(build.html("tags.html"))
    assert link["href"] == "./tag/cafe/"
    assert link["count"] == 2  # two posts, though the plain one spells it twice
    assert link["name"] == "Café"  # one post each: a tie, settled A to Z


def test_markup_characters_are_escaped_and_scripts_slugged(site):
    site.copy_fixture("tags_needing_escape.md")
    build = site.build(PORTO_TAG_CLOUD_SORT="random")
    assert build.returncode == 0, build.log
    assert any(
        "porto_tag_cloud: PORTO_TAG_CLOUD_SORT = 'random' is not one of 'name', "
        "'count', 'count-name'; using the default 'name'" in line
        for line in build.log.splitlines()
    )
    html = build.html("tags.html")
    main = html[html.index("<main") : html.index("</main>")]
    assert "a &lt; b" in main and "R&amp;D" in main
    assert "&#34;Quoted&#34; &#39;tag&#39;" in main
    assert "<script" not in main  # its slug is empty: Pelican has no page for it
    links = cloud_of(html)
    assert [link["name"] for link in links] == [
        "\"Quoted\" 'tag'",
        "a < b",
        "R&D",
        "Москва",
        "عربي",
        "日本語",
    ]
    for link in links:
        slug = Tag(link["name"], SETTINGS).slug
        assert link["href"] == f"./tag/{slug}/"
        assert (build.output / "tag" / slug / "index.html").is_file()
    assert {link["href"] for link in links} >= {"./tag/moskva/", "./tag/ri-ben-yu/"}


def write_same_day_posts(site) -> None:
    # Same date, many equal counts: only tie-breaks decide the order. Building
    # under two PYTHONHASHSEEDs shows any step that leans on set or hash order.
    rng = random.Random(5)
    pool = ["Cafe", "café", "Beta", "alpha", "Gamma", "delta", "Épée", "epee"]
    for i in range(12):
        tags = "".join(f"    - {t}\n" for t in rng.sample(pool, 3))
        site.write(
            f"posts/2022-05-05-same-day-{i:02d}.md",
            f"---\ntitle: Same day {i}\ntags:\n{tags}---\n\nx\n",
        )


@pytest.mark.parametrize("order", ["name", "count", "count-name"])
def test_two_builds_write_identical_tags_pages(site, monkeypatch, order):
    write_same_day_posts(site)
    written = []
    for seed in ("1", "2"):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        build = site.build(PORTO_TAG_CLOUD_SORT=order)
        assert build.returncode == 0, build.log
        written.append((build.output / "tags.html").read_bytes())
    assert written[0] == written[1]
    assert b'class="tag-cloud"' in written[0]
