"""porto_search: the Pagefind index written after a build, and the theme's part.

Pagefind's fragments (``pagefind/fragment/*.pf_fragment``) hold one indexed
page each: gzip, the signature ``pagefind_dcd``, then JSON with the page's URL,
metadata, filters and text. The tests read them to see what a search can find;
searching itself is tested in Chromium (tests/browser/test_search.py).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, Site

SEED = "2019/12/how-i-became-an-intern-machine-learning-engineer/"
# Pelican writes a post in a language other than DEFAULT_LANG as
# ARTICLE_LANG_SAVE_AS ({slug}-{lang}.html)
KOREAN = "busan-weekend-ko.html"
ACCENTED = "2021/06/breakfast-in-lisbon/"
SIGNATURE = b"pagefind_dcd"


def fragments(output: Path) -> dict[str, dict]:
    """Every page in the index, by URL."""
    pages = {}
    for path in (output / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path
        page = json.loads(data[len(SIGNATURE) :])
        pages[page["url"]] = page
    return pages


def soup(output: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((output / relative).read_text(encoding="utf-8"), "html.parser")


def menu(page: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in page.find("nav", attrs={"aria-label": "Main"})("a")]


def search_site(root: Path) -> Site:
    site = Site(root)
    site.add_sample_content()
    site.copy_fixture("search_korean_post.md")
    site.copy_fixture(
        "search_accented_post.md", "posts/2021-06-12-breakfast-in-lisbon.md"
    )
    site.write(
        "posts/2021-07-01-a-draft.md",
        "---\ntitle: Not ready\nstatus: draft\n---\n\nA secret sunset draft.\n",
    )
    site.write(
        "posts/2021-07-02-hidden.md",
        "---\ntitle: Off the list\nstatus: hidden\n---\n\nA hidden sunset post.\n",
    )
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = search_site(tmp_path_factory.mktemp("search")).build()
    assert build.returncode == 0, build.log
    return build


def test_build_is_clean(built):
    assert built.problems == []


def test_index_is_written_with_its_script_and_fragments(built):
    bundle = built.output / "pagefind"
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "pagefind-entry.json").is_file()
    assert len(list((bundle / "fragment").glob("*.pf_fragment"))) == 4


def test_only_published_post_and_page_bodies_are_indexed(built):
    # not the index, tag, archive, search or 404 pages, not drafts or hidden posts
    assert sorted(fragments(built.output)) == sorted(
        ["/" + SEED, "/" + KOREAN, "/" + ACCENTED, "/about/"]
    )


def test_indexed_text_is_the_body_only(built):
    seed = fragments(built.output)["/" + SEED]
    assert "Watching a beautiful sunset" in seed["content"]
    # the byline, older/newer links, related posts and header are not the body
    for outside in ("Filed under", "Related posts", "Skip to content", "min read"):
        assert outside not in seed["content"]


def test_metadata_and_tag_filter(built):
    seed = fragments(built.output)["/" + SEED]
    assert seed["meta"]["title"].replace("\xa0", " ") == (
        "How I became an Intern Machine Learning Engineer"
    )
    assert seed["meta"]["date"] == "2019-12-01"
    assert seed["meta"]["date_text"] == "1 December 2019"
    assert seed["meta"]["tags"] == "Internship, Machine Learning"
    assert seed["meta"]["image"] == "images/porto_sunset.jpeg"
    assert sorted(seed["filters"]["tag"]) == ["Internship", "Machine Learning"]


def test_each_language_gets_its_index(built):
    entry = json.loads((built.output / "pagefind" / "pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "ko"]
    assert soup(built.output, KOREAN).html["lang"] == "ko"
    korean = fragments(built.output)["/" + KOREAN]
    assert "광안대교의" in korean["content"]
    assert "Conceição" in fragments(built.output)["/" + ACCENTED]["content"]


def test_article_pages_carry_no_search_code(built):
    page = soup(built.output, SEED + "index.html")
    sources = [
        tag.get("src") or tag.get("href") or "" for tag in page(["script", "link"])
    ]
    assert not [s for s in sources if "pagefind" in s or "search" in s]
    assert page.select_one(".post-content[data-pagefind-body]") is not None


def test_article_page_stays_within_the_10_kb_budget(built):
    # HTML + CSS + JS of an article, gzip -9, measured as benchmarks/lighthouse.py
    # does; the search page's script and Pagefind are not loaded there.
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.lighthouse import GZIP_BUDGET, gzip_sizes

    sizes = gzip_sizes(built.output, "/" + SEED)
    assert [name for name, _, _ in sizes] == [
        SEED + "index.html",
        "theme/css/porto.css",
    ]
    assert sum(gz for _, _, gz in sizes) <= GZIP_BUDGET == 10 * 1024


def test_search_page_form_and_script(built):
    page = soup(built.output, "search.html")
    form = page.find("form", role="search")
    field = form.find("input", type="search")
    assert page.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert form["data-bundle"] == "./pagefind/"
    assert page.find(attrs={"aria-live": "polite"}) is not None
    scripts = [s["src"] for s in page("script", src=True)]
    assert scripts == ["./theme/js/search.js"]
    assert (built.output / "theme" / "js" / "search.js").is_file()
    # without JavaScript: a message and the archives
    assert "JavaScript" in page.find("noscript").get_text()
    assert page.find("a", href="./archives.html") is not None
    # the search page itself is not a result
    assert page.find(attrs={"data-pagefind-body": True}) is None


def test_header_links_to_the_search_page(built):
    for relative in ("index.html", SEED + "index.html", "search.html"):
        assert menu(soup(built.output, relative))[-1] == "Search"
    link = soup(built.output, "search.html").find("a", string="Search")
    assert link["aria-current"] == "page"


def test_turned_off_writes_no_index_and_no_link(tmp_path):
    build = search_site(tmp_path).build(PORTO_SEARCH_ENABLED=False)
    assert build.returncode == 0, build.log
    assert build.problems == []
    assert not (build.output / "pagefind").exists()
    assert "Search" not in menu(soup(build.output, "index.html"))


def test_without_the_direct_template_no_page_and_no_link(tmp_path):
    build = search_site(tmp_path).build(
        DIRECT_TEMPLATES=["index", "tags", "categories", "authors", "archives"]
    )
    assert build.returncode == 0, build.log
    assert not (build.output / "search.html").exists()
    assert "Search" not in menu(soup(build.output, "index.html"))
    # the index is still written, for a search box of the user's own
    assert (build.output / "pagefind" / "pagefind.js").is_file()


def test_a_bad_setting_warns_and_the_default_is_used(tmp_path):
    build = search_site(tmp_path).build(PORTO_SEARCH_ENABLED="yes")
    assert build.returncode == 0, build.log
    assert build.problems == [
        "WARNING porto_search: PORTO_SEARCH_ENABLED = 'yes' is not True or False; "
        "using the default True"
    ]
    assert (build.output / "pagefind" / "pagefind.js").is_file()


@pytest.mark.parametrize(
    ("binary", "cause"),
    [
        pytest.param("/nonexistent/pagefind", "could not be started", id="missing"),
        pytest.param("/bin/false", "exited with status 1", id="failing"),
    ],
)
def test_a_pagefind_failure_is_one_warning_and_the_build_succeeds(
    tmp_path, monkeypatch, binary, cause
):
    # The pagefind package's own override of the binary it runs.
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", binary)
    build = search_site(tmp_path).build()
    assert build.returncode == 0, build.log
    assert len(build.problems) == 1, build.problems
    assert build.problems[0].startswith("WARNING porto_search: no search index")
    assert cause in build.problems[0]
    assert (build.output / SEED / "index.html").is_file()
    assert not (build.output / "pagefind" / "pagefind.js").exists()


def test_without_the_pagefind_package_the_warning_says_how_to_install(
    tmp_path, monkeypatch
):
    # A sitecustomize that hides the package, as if it were not installed.
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text(
        "import sys\nsys.modules['pagefind'] = None\n", encoding="utf-8"
    )
    path = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(hide), path])))
    build = search_site(tmp_path / "site").build()
    assert build.returncode == 0, build.log
    assert len(build.problems) == 1, build.problems
    assert "pip install 'pagefind[bin]'" in build.problems[0]


def test_pyproject_requires_pagefind_with_its_binary():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pagefind[bin]>=1.5,<2"' in text
    assert '"pelican.plugins.porto_search"' in text


def test_chinese_without_the_extended_binary_is_one_warning_with_the_fix(
    tmp_path, monkeypatch
):
    from pagefind_bin import get_executable

    # the plain binary, even where pagefind[extended] is installed
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(get_executable()))
    site = Site(tmp_path)
    site.copy_fixture("chinese_post.md")
    build = site.build()
    assert build.returncode == 0, build.log
    assert len(build.problems) == 1, build.problems
    assert "Indexing Chinese in non-extended mode" in build.problems[0]
    assert "pip install 'pagefind[extended]'" in build.problems[0]
    assert (build.output / "pagefind" / "pagefind.js").is_file()


def test_published_build_indexes_the_same_with_site_relative_images(tmp_path):
    build = search_site(tmp_path).build(
        SITEURL="https://example.org/blog", RELATIVE_URLS=False
    )
    assert build.returncode == 0, build.log
    pages = fragments(build.output)
    assert sorted(pages) == sorted(
        ["/" + SEED, "/" + KOREAN, "/" + ACCENTED, "/about/"]
    )
    assert pages["/" + SEED]["meta"]["image"] == "images/porto_sunset.jpeg"
    form = soup(build.output, "search.html").find("form", role="search")
    assert form["data-bundle"] == "https://example.org/blog/pagefind/"
    assert form["data-root"] == "https://example.org/blog/"
