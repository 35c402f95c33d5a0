"""The search page in Chromium, on a site served from a sub-path (/blog/).

Two builds of the same content: as published (an absolute SITEURL under
``/blog``, publishconf.py's settings) and with relative URLs, each served so
that ``/blog/`` is the output folder. A reader types, results appear, links
work; Pagefind is only fetched by the search page.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import Site

from .conftest import (
    AXE_JS,
    TIMEOUT_MS,
    _free_port,
    _wait_until_serving,
    require,
    settle,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEED_TITLE = "How I became an Intern Machine Learning Engineer"
SEED_PATH = "/blog/2019/12/how-i-became-an-intern-machine-learning-engineer/"
DIRECT = ["index", "tags", "categories", "authors", "archives", "404", "search"]


@pytest.fixture(scope="module", params=["published", "relative"])
def served(request, tmp_path_factory):
    """``http://127.0.0.1:PORT`` with the built site at ``/blog/``."""
    root = tmp_path_factory.mktemp(f"search-{request.param}")
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
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    if request.param == "published":
        settings = {
            "SITEURL": url + "/blog",
            "RELATIVE_URLS": False,
            "FEED_ALL_ATOM": "feeds/all.atom.xml",
            "FEED_ALL_RSS": "feeds/all.rss.xml",
        }
    else:
        settings = {"SITEURL": "", "RELATIVE_URLS": True}
    build = site.build(
        OUTPUT_PATH=str(root / "www" / "blog"), DIRECT_TEMPLATES=DIRECT, **settings
    )
    assert build.returncode == 0, build.log
    assert build.problems == []
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
         "--directory", str(root / "www")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        if not _wait_until_serving(url + "/blog/", server, time.monotonic() + 30):
            pytest.fail(f"http.server did not start on port {port}", pytrace=False)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def open_page(browser, served):
    """A page in a fresh context; every request, console error and failure kept."""
    contexts = []

    def open_(path: str, *, color_scheme="light", stored_theme=None, js=True):
        context = browser.new_context(
            base_url=served,
            color_scheme=color_scheme,
            java_script_enabled=js,
            reduced_motion="reduce",
        )
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        if stored_theme:
            context.add_init_script(
                f"localStorage.setItem('porto-theme', {stored_theme!r})"
            )
        page = context.new_page()
        page.requests = []
        page.problems = []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: page.problems.append(f"error: {error}"))
        page.on(
            "console",
            lambda message: (
                message.type in ("error", "warning")
                and page.problems.append(f"console {message.type}: {message.text}")
            ),
        )
        page.on(
            "response",
            lambda response: (
                response.status >= 400
                and page.problems.append(f"HTTP {response.status}: {response.url}")
            ),
        )
        page.goto(path)
        return page

    yield open_
    for context in contexts:
        context.close()


def search(page, words: str) -> list[str]:
    """Type like a reader and return the titles listed once the count is read out."""
    field = page.get_by_label("Words to find in the posts")
    field.fill("")
    field.press_sequentially(words)
    status = page.locator("#search-status")
    status.filter(has_text=f"for “{words}”").wait_for()
    return [
        " ".join(text.split())
        for text in page.locator("#search-results h2 a").all_inner_texts()
    ]


def test_sunset_finds_the_seed_post_and_its_link_works(open_page):
    page = open_page("/blog/search.html")
    assert search(page, "sunset") == [SEED_TITLE]
    # the draft also says "sunset": it is not in the index
    assert page.locator("#search-status").inner_text() == "1 post found for “sunset”."
    result = page.locator("#search-results li").first
    assert "beautiful sunset" in result.locator("mark").first.evaluate(
        "m => m.parentElement.textContent"
    )
    assert result.locator("time").get_attribute("datetime") == "2019-12-01"
    assert result.locator("time").inner_text() == "1 December 2019"
    with page.expect_navigation() as navigation:
        result.get_by_role("link").click()
    assert navigation.value.status == 200
    assert page.url.endswith(SEED_PATH)
    assert page.locator("h1").inner_text().replace("\xa0", " ") == SEED_TITLE
    assert page.problems == []


def test_a_korean_word_finds_the_korean_post(open_page):
    page = open_page("/blog/search.html")
    assert search(page, "광안대교의") == ["부산에서 보낸 주말"]
    assert search(page, "해운대") == ["부산에서 보낸 주말"]
    page.locator("#search-results h2 a").click()
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("h1").inner_text().replace("\xa0", " ") == "부산에서 보낸 주말"
    assert page.problems == []


@pytest.mark.parametrize("words", ["café", "cafe", "Conceicao", "pão"])
def test_accented_words_are_found_with_or_without_accents(open_page, words):
    page = open_page("/blog/search.html")
    assert search(page, words) == ["Breakfast in Lisbon"]
    assert page.problems == []


def test_no_results_and_an_empty_field_are_said(open_page):
    page = open_page("/blog/search.html")
    assert search(page, "zyzzyva") == []
    assert page.locator("#search-status").inner_text() == (
        "No posts found for “zyzzyva”."
    )
    page.get_by_label("Words to find in the posts").fill("")
    page.locator("#search-status").filter(has_text="found").wait_for(state="detached")
    assert page.locator("#search-results li").count() == 0


def test_keyboard_only_search_and_follow(open_page):
    page = open_page("/blog/search.html")
    for _ in range(20):  # skip link, title, menu, toggle… then the field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-input":
            break
    else:
        pytest.fail("Tab never reached the search field")
    page.keyboard.type("sunset")
    page.keyboard.press("Enter")
    page.locator("#search-status").filter(has_text="for “sunset”").wait_for()
    assert page.evaluate("document.activeElement.id") == "search-input"
    page.keyboard.press("Tab")  # the submit button
    page.keyboard.press("Tab")  # the first result
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(SEED_PATH)


def test_the_query_is_kept_in_the_address(open_page):
    page = open_page("/blog/search.html")
    search(page, "sunset")
    assert page.url.endswith("/blog/search.html?q=sunset")
    again = open_page("/blog/search.html?q=sunset")
    again.locator("#search-results h2 a").first.wait_for()
    assert again.get_by_label("Words to find in the posts").input_value() == "sunset"


def test_pagefind_is_loaded_on_the_first_search_only(open_page):
    page = open_page("/blog/search.html")
    settle(page)
    assert not [url for url in page.requests if "/pagefind/" in url]
    search(page, "sunset")
    assert any(url.endswith("/blog/pagefind/pagefind.js") for url in page.requests)


@pytest.mark.parametrize("name", ["/blog/", SEED_PATH, "/blog/about/"])
def test_other_pages_fetch_nothing_for_search(open_page, name):
    page = open_page(name)
    settle(page)
    assert [u for u in page.requests if "pagefind" in u or "search.js" in u] == []
    assert page.problems == []


def test_without_javascript_the_page_points_to_the_archives(open_page):
    page = open_page("/blog/search.html", js=False)
    assert not page.locator("#search-form").is_visible()
    assert "needs JavaScript" in page.locator("main").inner_text()
    archives = page.locator("main").get_by_role("link", name="archives")
    assert archives.is_visible()
    archives.click()
    assert page.locator("h1").inner_text() == "Archives"


@pytest.mark.parametrize(
    ("color_scheme", "stored_theme"),
    [("light", None), ("dark", None), ("light", "dark")],
    ids=["light", "dark", "dark-chosen-on-light-os"],
)
def test_no_axe_violations_with_results(open_page, color_scheme, stored_theme):
    require(AXE_JS.is_file(), f"{AXE_JS} missing: run npm ci --ignore-scripts")
    page = open_page(
        "/blog/search.html", color_scheme=color_scheme, stored_theme=stored_theme
    )
    search(page, "engineer")
    settle(page)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )
    assert violations == [], [
        (v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations
    ]
    assert page.problems == []
