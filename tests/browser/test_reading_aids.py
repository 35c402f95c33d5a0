"""Reading aids in Chromium: the contents list, the copy button, the header row.

A small site of its own (the reading aids fixture: contents, admonitions,
a notice, footnotes, code) with a long menu, served on 127.0.0.1; the header
is also checked on the sample site.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

import pytest
from conftest import REPO, Site

from .conftest import (
    AXE_JS,
    VNU_JAR,
    _free_port,
    _wait_until_serving,
    open_context,
    require,
    settle,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

POST = "/2022/03/sourdough/"
LONG_MENU = [(f"Section {n}", f"section-{n}/") for n in range(1, 10)]


@pytest.fixture(scope="module")
def aids_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("aids-site"))
    site.copy_fixture("reading_aids_post.md", "posts/2022-03-05-sourdough.md")
    sunset = REPO / "content" / "images" / "porto_sunset.jpeg"
    site.write("images/porto_sunset.jpeg", sunset.read_bytes())
    build = site.build(PORTO_THEME_MENU_ITEMS=[("Home", "/"), *LONG_MENU])
    assert build.returncode == 0, build.log
    return build.output


@pytest.fixture(scope="module")
def aids_url(aids_site):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
         "--directory", str(aids_site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        if not _wait_until_serving(url + "/", server, time.monotonic() + 30):
            pytest.fail("could not start http.server on 127.0.0.1", pytrace=False)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def open_aids(browser, aids_url):
    contexts = []

    def open_page(*, width=1280, height=900, color_scheme="light", **options):
        context = open_context(
            browser,
            aids_url,
            width=width,
            height=height,
            color_scheme=color_scheme,
            **options,
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def box(page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found, f"{selector} is not shown"
    return found


def share_a_row(a: dict, b: dict) -> bool:
    """Each one's vertical middle lies within the other's height."""
    middle_a = a["y"] + a["height"] / 2
    middle_b = b["y"] + b["height"] / 2
    return (b["y"] <= middle_a <= b["y"] + b["height"]) and (
        a["y"] <= middle_b <= a["y"] + a["height"]
    )


# ---- Header ----


@pytest.mark.parametrize("width", [768, 1024, 1280])
@pytest.mark.parametrize("name", ["index", "article"])
def test_sample_header_is_one_row(sample_site, new_page, name, width):
    page = new_page(width=width)
    page.goto(sample_site.url_path(name))
    settle(page)
    title, menu = box(page, ".site-title"), box(page, ".site-header .menu")
    toggle = box(page, "#theme-toggle")
    assert share_a_row(toggle, menu), (toggle, menu)
    assert share_a_row(title, menu), (title, menu)
    assert title["x"] + title["width"] <= menu["x"] <= toggle["x"]


@pytest.mark.parametrize("width", [768, 1280])
def test_a_long_menu_wraps_before_the_toggle_moves(open_aids, width):
    page = open_aids(width=width)
    page.goto(POST)
    settle(page)
    menu, toggle = box(page, ".site-header .menu"), box(page, "#theme-toggle")
    items = page.locator(".site-header .menu li")
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}
    assert len(tops) > 1, "ten menu items should not fit on one line"
    assert share_a_row(toggle, menu)
    assert toggle["x"] >= menu["x"] + menu["width"] - 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# ---- Table of contents ----


def test_toc_beside_the_text_and_linked(open_aids):
    page = open_aids(width=1280)
    page.goto(POST)
    settle(page)
    toc, text = box(page, "nav.toc"), box(page, ".post-content")
    assert toc["x"] >= text["x"] + text["width"], (toc, text)
    assert toc["x"] + toc["width"] <= 1280
    page.locator("nav.toc a", has_text="Shaping the loaf").click()
    page.wait_for_function("location.hash === '#shaping-the-loaf'")
    heading = page.locator("#shaping-the-loaf")
    page.wait_for_function(
        "() => { const r = document.getElementById('shaping-the-loaf')"
        ".getBoundingClientRect(); return r.top >= 0 && r.top < 100; }"
    )
    assert heading.is_visible()
    # sticky: the contents stay in view once the reader is far down the post
    toc_now = box(page, "nav.toc")
    assert 0 <= toc_now["y"] < 900


def test_toc_above_the_text_on_a_phone(open_aids):
    page = open_aids(width=360, height=740)
    page.goto(POST)
    settle(page)
    toc, text = box(page, "nav.toc"), box(page, ".post-content")
    assert toc["y"] + toc["height"] <= text["y"]
    assert abs(toc["x"] - text["x"]) < 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_anchor_link_goes_to_its_heading(open_aids):
    page = open_aids(width=1280)
    page.goto(POST)
    settle(page)
    anchor = page.locator("#which-flour a.anchor")
    assert anchor.inner_text() == ""  # the "#" is the stylesheet's
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('#which-flour .anchor'), "
            "'::before').content"
        )
        == '"#"'
    )
    anchor.click()
    page.wait_for_function("location.hash === '#which-flour'")


# ---- Code: label and copy button ----


def test_copy_button_copies_the_code(open_aids, aids_url):
    page = open_aids(permissions=["clipboard-read", "clipboard-write"])
    page.goto(POST)
    settle(page)
    label = page.evaluate(
        "getComputedStyle(document.querySelector('pre[data-lang]'), '::before').content"
    )
    assert label == '"python"'
    buttons = page.locator(".post-content pre > button.copy")
    assert buttons.count() == 2  # one per code block, labelled or not
    button = buttons.first
    assert button.inner_text() == "Copy"
    button.click()
    live = page.locator("[aria-live=polite]")
    page.wait_for_function(
        "() => document.querySelector('[aria-live=polite]').textContent === 'Copied'"
    )
    assert live.inner_text() == "Copied"
    assert button.inner_text() == "Copied"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (
        'def proof(hours):\n    return "ready" if hours >= 12 else "wait"'
    )
    # the button is not part of what is copied, and it reads the same again
    page.wait_for_function(
        "() => document.querySelector('pre > button.copy').textContent === 'Copy'"
    )


def test_page_reads_the_same_without_javascript(open_aids):
    page = open_aids(java_script_enabled=False)
    page.goto(POST)
    assert page.locator("button.copy").count() == 0
    assert page.locator("nav.toc a").count() == 5
    assert "def proof(hours)" in page.locator("pre[data-lang=python]").inner_text()


# ---- Checks: axe, console, Nu ----


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )


@pytest.mark.parametrize(
    ("color_scheme", "stored"),
    [("light", None), ("dark", None), ("light", "dark")],
    ids=["light", "dark", "dark-chosen"],
)
@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violations(open_aids, color_scheme, stored, width):
    require(AXE_JS.is_file(), f"{AXE_JS} missing: run npm ci --ignore-scripts")
    page = open_aids(width=width, color_scheme=color_scheme, stored_theme=stored)
    page.goto(POST)
    settle(page)
    page.locator(".post-content pre > button.copy").first.wait_for()
    violations = _axe(page)
    assert violations == [], json.dumps(
        [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations], indent=1
    )


def test_no_console_errors(open_aids):
    page = open_aids()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda m: m.type == "error" and problems.append(m.text),
    )
    page.on(
        "response",
        lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"),
    )
    page.goto(POST)
    settle(page)
    page.locator("button.copy").first.click()
    assert problems == []


def test_vnu_finds_no_errors(aids_site):
    java = shutil.which("java")
    require(java, "Java not found (apt-get install default-jre-headless)")
    require(VNU_JAR.is_file(), f"{VNU_JAR} missing: run npm ci --ignore-scripts")
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--stdout", "--skip-non-html", "--also-check-css", str(aids_site)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(run.stdout)["messages"]
    errors = [
        (m.get("url", "").rpartition("/")[2], m.get("message"))
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == []
