"""The theme in Korean and Arabic, in real Chromium and the Nu Html Checker.

Each language's site is built from ``tests/fixtures/i18n/`` (with
``DEFAULT_LANG`` set) and served on 127.0.0.1: axe-core finds nothing in light
or dark, no page logs an error, Arabic pages lay out right to left without
sideways scrolling at 360 px, and the search page speaks the page's language.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, Site

from .conftest import (
    AXE_JS,
    VNU_JAR,
    _free_port,
    _wait_until_serving,
    open_context,
    require,
    settle,
)

PAGES = {
    "index": "/",
    "article": "/2021/03/ribeira/",
    "tags": "/tags.html",
    "tag": "/tag/douro/",
    "archives": "/archives.html",
    "404": "/404.html",
    "search": "/search.html",
}
SCHEMES = [
    pytest.param("light", None, id="light"),
    pytest.param("dark", "dark", id="dark"),
]


def build_site(root: Path, lang: str) -> Path:
    site = Site(root)
    for path in sorted((FIXTURES / "i18n").glob("*.md")):
        site.write(f"posts/{path.name}", path.read_bytes())
    build = site.build(
        SITENAME="Porto",
        SITESUBTITLE="",
        AUTHOR="Ana",
        DEFAULT_LANG=lang,
        DEFAULT_PAGINATION=2,
        TIMEZONE="UTC",
    )
    assert build.returncode == 0, build.log
    return build.output


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    return {
        lang: build_site(tmp_path_factory.mktemp(f"i18n-{lang}"), lang)
        for lang in ("ko", "ar")
    }


@pytest.fixture(scope="module")
def served(outputs):
    """``{lang: "http://127.0.0.1:PORT"}``, each site on its own loopback port."""
    servers, urls = [], {}
    try:
        for lang, output in outputs.items():
            port = _free_port()
            server = subprocess.Popen(
                [sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
                 str(port), "--directory", str(output)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            servers.append(server)
            url = f"http://127.0.0.1:{port}"
            if not _wait_until_serving(url + "/", server, time.monotonic() + 30):
                pytest.fail("could not start http.server on 127.0.0.1", pytrace=False)
            urls[lang] = url
        yield urls
    finally:
        for server in servers:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.fixture
def open_page(browser, served):
    contexts = []

    def open_(lang, *, width=1280, height=900, color_scheme="light", stored=None):
        context = open_context(
            browser,
            served[lang],
            width=width,
            height=height,
            color_scheme=color_scheme,
            stored_theme=stored,
        )
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("pageerror", lambda error: page.problems.append(f"script: {error}"))
        page.on(
            "console",
            lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"),
        )
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize(("color_scheme", "stored"), SCHEMES)
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("lang", ["ko", "ar"])
def test_no_axe_violations_and_no_console_errors(
    open_page, lang, name, color_scheme, stored
):
    require(AXE_JS.is_file(), f"{AXE_JS} missing: run npm ci --ignore-scripts")
    page = open_page(lang, color_scheme=color_scheme, stored=stored)
    page.goto(PAGES[name])
    settle(page)
    assert page.evaluate("document.documentElement.lang") == lang
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )
    described = [
        f"{v['id']}: {v['help']} at {[' '.join(n['target']) for n in v['nodes'][:3]]}"
        for v in violations
    ]
    assert described == []
    assert page.problems == []


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
def test_arabic_at_360px_is_right_to_left_without_sideways_scrolling(open_page, name):
    page = open_page("ar", width=360, height=740)
    page.goto(PAGES[name])
    settle(page)
    found = page.evaluate(
        """() => ({
            dir: getComputedStyle(document.documentElement).direction,
            scroll: document.scrollingElement.scrollWidth,
            inner: window.innerWidth,
            past: Array.from(document.body.querySelectorAll("*"))
                .filter((el) => {
                    const box = el.getBoundingClientRect();
                    return box.width && (box.right > innerWidth + 0.5 || box.left < -0.5);
                })
                .filter((el) => !el.closest(".visually-hidden, .skip-link"))
                .slice(0, 5).map((el) => el.outerHTML.slice(0, 80)),
        })"""
    )
    assert found["dir"] == "rtl"
    assert found["scroll"] <= found["inner"], found
    assert found["past"] == [], found


@pytest.mark.browser
@pytest.mark.slow
def test_arabic_layout_mirrors(open_page):
    page = open_page("ar", width=1280)
    page.goto(PAGES["article"])
    settle(page)
    boxes = page.evaluate(
        """() => {
            const box = (s) => document.querySelector(s).getBoundingClientRect();
            return {title: box(".site-title"), toggle: box("#theme-toggle"),
                    heading: box("main h1"), main: box("main")};
        }"""
    )
    # the site's name at the right, the theme toggle at the left
    assert boxes["title"]["right"] > boxes["toggle"]["right"]
    # the heading starts at the right edge of the text column
    main_right = boxes["main"]["right"]
    assert abs(boxes["heading"]["right"] - main_right) < 40, boxes


@pytest.mark.browser
@pytest.mark.slow
def test_search_speaks_arabic_with_its_plural_forms(open_page):
    page = open_page("ar")
    page.goto(PAGES["search"])
    page.fill("#search-input", "gaivotas")
    status = page.locator("#search-status")
    status.filter(has_text="gaivotas").wait_for()
    assert status.inner_text() == "عُثر على تدوينة واحدة تطابق «gaivotas»."
    page.fill("#search-input", "zzzzqqq")
    status.filter(has_text="zzzzqqq").wait_for()
    assert status.inner_text() == "لم يُعثر على تدوينات تطابق «zzzzqqq»."
    assert page.problems == []


@pytest.mark.slow
def test_vnu_finds_no_errors_in_the_korean_and_arabic_builds(outputs):
    java = shutil.which("java")
    require(java, "Java not found (apt-get install default-jre-headless)")
    require(VNU_JAR.is_file(), f"{VNU_JAR} missing: run npm ci --ignore-scripts")
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--stdout", "--skip-non-html", "--also-check-css",
         *(str(output) for output in outputs.values())],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(run.stdout)["messages"]
    errors = [
        f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m.get('message', '')}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == []
    assert run.returncode == 0, run.stderr
