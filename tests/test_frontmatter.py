"""Jekyll front matter read by a real Pelican build.

All fixtures in ``fixtures/frontmatter/`` (each named after its case) are built
together in one site; each test looks at what its case produced.
"""

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, Build, Site


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Build, dict]:
    site = Site(tmp_path_factory.mktemp("frontmatter"))
    site.add_sample_content()
    for fixture in sorted((FIXTURES / "frontmatter").iterdir()):
        site.copy_fixture(f"frontmatter/{fixture.name}", f"posts/{fixture.name}")
    build = site.build(
        PLUGIN_PATHS=[str(REPO / "tests" / "plugins")],
        PLUGINS=["pelican.plugins.porto_pipeline", "pelican.plugins.porto_frontmatter",
                 "pelican.plugins.porto_links", "porto_test_dump"],
    )  # fmt: skip
    assert build.returncode == 0, build.log
    metadata = json.loads((site.root / "metadata.json").read_text(encoding="utf-8"))
    return build, metadata


def meta(built, name: str) -> dict:
    return built[1][f"posts/{name}"]


def problems_about(built, name: str) -> list[str]:
    return [line for line in built[0].problems if f"posts/{name}" in line]


def test_title_from_file_name_with_a_warning(built):
    name = "2020-01-02-title-from-filename.md"
    assert meta(built, name)["title"].replace("&nbsp;", " ") == "Title From Filename"
    assert problems_about(built, name) == [
        f"WARNING posts/{name}: no `title` in the front matter; "
        "using 'Title From Filename' from the file name"
    ]


@pytest.mark.parametrize(
    ("name", "date", "modified"),
    [
        ("date_in_front_matter.md", "2020-03-04T10:20:30+01:00", "2020-05-06T00:00:00"),
        ("date_iso_string.md", "2021-07-08T09:10:11+00:00", "2021-07-09T00:00:00"),
        ("2020-02-01-tags-comma-string.md", "2020-02-01T00:00:00", None),
    ],
    ids=["yaml_datetime_with_offset", "iso_string", "from_file_name"],
)  # fmt: skip
def test_dates(built, name, date, modified):
    assert meta(built, name)["date"] == date
    assert meta(built, name).get("modified") == modified


def test_no_date_anywhere_uses_mtime_and_says_so(built):
    name = "no_date_anywhere.md"
    assert meta(built, name)["_list"] == "articles"  # published, not skipped
    (warning,) = problems_about(built, name)
    assert warning.startswith(f"WARNING posts/{name}: no `date` in the front matter")
    assert "modification time" in warning


@pytest.mark.parametrize(
    ("name", "tags"),
    [
        ("2020-02-01-tags-comma-string.md", ["python", "machine learning"]),
        ("2020-02-02-tags-space-string.md", ["python", "jekyll"]),
        ("2020-02-03-tags-nested-list.md", ["alpha", "beta", "gamma", "2019"]),
        ("pelican_native_metadata.md", ["native", "pelican"]),
    ],
    ids=["comma_string", "jekyll_space_string", "nested_list", "pelican_native"],
)
def test_tag_forms(built, name, tags):
    assert meta(built, name)["tags"] == tags


def test_first_category_is_pelicans_and_all_are_kept(built):
    data = meta(built, "2020-02-04-categories-list.md")
    assert data["category"] == "Career"
    assert data["categories"] == ["Career", "Travel"]


@pytest.mark.parametrize(
    "name", ["2020-02-05-published-false.md", "2020-02-06-draft-true.md"]
)
def test_unpublished_posts_are_drafts(built, name):
    assert meta(built, name)["status"] == "draft"
    assert meta(built, name)["_list"] == "drafts"
    slug = meta(built, name)["slug"]
    index = built[0].html("index.html")
    assert slug not in index


def test_author_list_and_author_data(built):
    assert meta(built, "2020-02-07-author-list.md")["authors"] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]


def test_slug_from_file_name_without_date(built):
    data = meta(built, "2020-01-02-title-from-filename.md")
    assert data["slug"] == "title-from-filename"
    assert (built[0].output / "2020/01/title-from-filename/index.html").is_file()


def test_slug_set_in_front_matter_wins(built):
    assert meta(built, "2020-02-08-slug-set.md")["_url"] == "2020/02/my-custom-slug/"


def test_header_teaser_is_the_image_and_other_keys_are_kept(built):
    data = meta(built, "2020-02-09-header-teaser.md")
    assert data["image"] == "/images/porto_sunset.jpeg"
    assert data["layout"] == "single"
    assert data["toc"] is True
    assert data["header"]["overlay_color"] == "#333"


@pytest.mark.parametrize(
    "name",
    [
        "2020-02-10-trailing-spaces.md",
        "2020-02-11-closed-with-dots.md",
        "2020-03-05-utf8-bom.md",
        "2020-03-06-crlf-line-endings.md",
    ],
    ids=["trailing_spaces", "closed_with_dots", "utf8_bom", "crlf"],
)
def test_front_matter_variants_are_read(built, name):
    data = meta(built, name)
    assert not data["title"].startswith(("---", "\ufeff"))
    assert problems_about(built, name) == []
    page = built[0].html(data["_url"] + "index.html")
    assert "---" not in page and "\ufeff" not in page


def test_crlf_post_keeps_its_paragraphs_and_tags(built):
    data = meta(built, "2020-03-06-crlf-line-endings.md")
    assert data["tags"] == ["windows"]
    page = built[0].html(data["_url"] + "index.html")
    page = page.replace("\xa0", " ").replace("&nbsp;", " ")
    assert "<p>First paragraph.</p>" in page and "<p>Second paragraph.</p>" in page
    assert "\r" not in page


def test_description_becomes_a_markdown_summary(built):
    data = meta(built, "2020-02-13-description-summary.md")
    assert "<em>short</em>" in data["summary"]


def test_pelican_native_metadata_still_works(built):
    data = meta(built, "pelican_native_metadata.md")
    assert data["date"] == "2020-02-12T08:00:00"
    assert data["_url"] == "2020/02/pelican-native-metadata/"


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("2020-03-01-broken-yaml-tab.md", "line 4, column 1: broken YAML"),
        ("2020-03-02-broken-yaml-unclosed-quote.md", "line 2, column 8"),
        ("2020-03-03-front-matter-not-a-mapping.md", "line 2: front matter must be"),
        ("2020-03-04-front-matter-never-closed.md", "never closed"),
    ],
    ids=["tab", "unclosed_quote", "not_a_mapping", "never_closed"],
)
def test_broken_front_matter_is_one_error_naming_file_and_place(built, name, where):
    (error,) = problems_about(built, name)
    assert error.startswith(f"ERROR Could not process posts/{name}: ")
    assert where in error and error.endswith("post skipped")
    assert f"posts/{name}" not in built[1]


def test_the_rest_of_the_site_builds_despite_broken_posts(built):
    build, metadata = built
    published = [k for k, v in metadata.items() if v["_list"] == "articles"]
    assert len(published) >= 15
    archives = build.html("archives.html")
    assert "How I became an Intern Machine Learning" in archives


def test_non_utf8_bytes_are_replaced_with_a_warning(built):
    name = "2020-03-07-non-utf8-bytes.md"
    (warning,) = problems_about(built, name)
    assert "not valid UTF-8 (byte 0xe9 at offset" in warning
    page = built[0].html(meta(built, name)["_url"] + "index.html")
    assert "Caf\ufffd au lait" in page


def test_empty_file_is_skipped_with_a_warning(built):
    name = "2020-03-08-empty.md"
    assert problems_about(built, name) == [
        f"WARNING posts/{name}: the file is empty; nothing to publish, skipped"
    ]
    assert f"posts/{name}" not in built[1]


def test_odd_unicode_survives(built):
    data = meta(built, "2020-03-09-odd-unicode.md")
    assert data["tags"] == ["日本語", "Ünïcödé"]
    page = built[0].html(data["_url"] + "index.html")
    assert "東京 🚀" in page and "שלום" in page and "🌅" in page


def test_every_reported_problem_is_expected(built):
    """Only the fixtures made to be bad say anything: no stray warnings."""
    noisy = {"title-from-filename", "no_date_anywhere", "broken", "front-matter",
             "non-utf8", "empty", "missing-image"}  # fmt: skip
    unexpected = [p for p in built[0].problems if not any(n in p for n in noisy)]
    assert unexpected == []


def test_fixture_files_are_what_their_names_say():
    folder = FIXTURES / "frontmatter"
    assert (folder / "2020-03-05-utf8-bom.md").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in (folder / "2020-03-06-crlf-line-endings.md").read_bytes()
    assert (folder / "2020-03-08-empty.md").stat().st_size == 0
    with pytest.raises(UnicodeDecodeError):
        (folder / "2020-03-07-non-utf8-bytes.md").read_bytes().decode("utf-8")
    assert Path(folder / "2020-03-01-broken-yaml-tab.md").read_text().count("\t") == 1


def test_unusable_setting_warns_and_falls_back(site):
    site.copy_fixture("frontmatter/no_date_anywhere.md", "posts/no_date_anywhere.md")
    build = site.build(PORTO_FRONTMATTER_MISSING_DATE="guess")
    assert build.returncode == 0
    assert build.problems[0] == (
        "WARNING porto_frontmatter: PORTO_FRONTMATTER_MISSING_DATE = 'guess' is not "
        "one of 'mtime', 'skip'; using the default 'mtime'"
    )
    assert "modification time" in build.problems[1]


def test_missing_date_skip_setting_leaves_the_post_out(site):
    site.copy_fixture("frontmatter/no_date_anywhere.md", "posts/no_date_anywhere.md")
    site.write("posts/2019-12-01-dated.md", "---\ntitle: Dated\n---\nHello.\n")
    build = site.build(PORTO_FRONTMATTER_MISSING_DATE="skip")
    assert build.problems == [
        "ERROR Could not process posts/no_date_anywhere.md: no `date` in the "
        "front matter or the file name; post skipped"
    ]
    assert (build.output / "2019/12/dated/index.html").is_file()


def test_yaml_title_and_tags_are_text_not_markup(built):
    """A title is text in Jekyll: markup in it is shown, never run."""
    data = meta(built, "2020-03-11-title-with-markup.md")
    page = built[0].html(data["_url"] + "index.html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;em&gt;kept as" in page  # typogrify may join "as&nbsp;text"
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in page
