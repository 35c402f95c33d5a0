"""The sample site, built once, served on 127.0.0.1 and opened in real Chromium.

Browser tests drive Debian's ``/usr/bin/chromium`` with Playwright for Python
(no browser download). The checkers come from npm (``npm ci --ignore-scripts``
at the repository root): axe-core for accessibility, vnu-jar for HTML and CSS.
Outside CI a missing tool skips the tests that need it; under ``CI=true`` it
fails them, so CI never passes by skipping.
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, Site

NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS = Path(os.environ.get("PORTO_TEST_ARTIFACTS", REPO / "test-artifacts"))

# Flags seen working for headless Chromium as root with no network.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Generous: a loaded 2-core CI machine can be slow to start Chromium or Java.
TIMEOUT_MS = 30_000
SEED_SLUG = "how-i-became-an-intern-machine-learning-engineer"
PELICAN_DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives"]


def require(condition: object, reason: str) -> None:
    """Skip when a tool is missing on a developer machine; fail under CI."""
    if condition:
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    return os.environ.get("PORTO_CHROMIUM") or shutil.which("chromium")


@dataclass
class SampleSite:
    """The built sample site and the pages the tests visit (URL paths)."""

    output: Path
    pages: dict[str, str]

    def url_path(self, name: str) -> str:
        if name not in self.pages:
            pytest.skip(f"the built sample site has no {name} page")
        return self.pages[name]


def _first_existing(output: Path, *candidates: str) -> str | None:
    for relative in candidates:
        if (output / relative).is_file():
            return "/" + relative.removesuffix("index.html")
    return None


def _find_pages(output: Path) -> dict[str, str]:
    articles = sorted(output.glob(f"**/{SEED_SLUG}/index.html")) or sorted(
        output.glob(f"**/{SEED_SLUG}.html")
    )
    tag_pages = sorted(output.glob("tag/*/index.html")) or sorted(
        output.glob("tag/*.html")
    )
    found = {
        "index": _first_existing(output, "index.html"),
        "article": articles
        and _first_existing(output, str(articles[0].relative_to(output))),
        "page": _first_existing(output, "about/index.html", "pages/about.html"),
        "tags": _first_existing(output, "tags.html", "tags/index.html"),
        "tag": tag_pages
        and _first_existing(output, str(tag_pages[0].relative_to(output))),
        "archives": _first_existing(output, "archives.html", "archives/index.html"),
        "404": _first_existing(output, "404.html"),
        "search": _first_existing(output, "search.html"),
    }
    return {name: path for name, path in found.items() if path}


def _direct_templates_with_404() -> list[str]:
    """The sample site's direct templates, plus ``404`` when the theme has one."""
    conf = runpy.run_path(str(REPO / "pelicanconf.py"))
    templates = list(conf.get("DIRECT_TEMPLATES", PELICAN_DIRECT_TEMPLATES))
    if (REPO / "theme" / "templates" / "404.html").is_file():
        if "404" not in templates:
            templates.append("404")
    return templates


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> SampleSite:
    """The repository's sample site, with the theme's 404 page if it has one."""
    site = Site(tmp_path_factory.mktemp("browser-site"))
    site.add_sample_content()
    build = site.build(DIRECT_TEMPLATES=_direct_templates_with_404())
    assert build.returncode == 0, build.log
    return SampleSite(build.output, _find_pages(build.output))


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> SampleSite:
    """The sample site as published: absolute URLs, feeds, head metadata."""
    site = Site(tmp_path_factory.mktemp("published-site"))
    site.add_sample_content()
    build = site.build(
        DIRECT_TEMPLATES=_direct_templates_with_404(),
        SITEURL="https://example.org/blog",
        RELATIVE_URLS=False,
        FEED_ALL_ATOM="feeds/all.atom.xml",
        FEED_ALL_RSS="feeds/all.rss.xml",
    )
    assert build.returncode == 0, build.log
    return SampleSite(build.output, _find_pages(build.output))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_serving(url: str, server: subprocess.Popen, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


@pytest.fixture(scope="session")
def base_url(sample_site: SampleSite):
    """``http://127.0.0.1:PORT`` serving the built sample site (only on loopback)."""
    for _attempt in range(5):
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
             "--directory", str(sample_site.output)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        if _wait_until_serving(url + "/", server, time.monotonic() + 30):
            break
        server.kill()
        server.wait()
    else:
        pytest.fail("could not start http.server on 127.0.0.1", pytrace=False)
    try:
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session; each test opens its own context."""
    executable = chromium_path()
    require(executable, "Chromium not found (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_FLAGS, timeout=60_000
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, base_url):
    """Open a page in a fresh context (own storage); contexts close after the test.

    ``stored_theme`` is written to ``localStorage["porto-theme"]`` before any page
    script runs, as if the reader had chosen it on an earlier visit.
    """
    contexts = []

    def open_page(
        *,
        width: int = 1280,
        height: int = 900,
        color_scheme: str = "light",
        stored_theme: str | None = None,
    ):
        context = open_context(
            browser,
            base_url,
            width=width,
            height=height,
            color_scheme=color_scheme,
            stored_theme=stored_theme,
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def open_context(
    browser,
    base_url: str,
    *,
    width: int = 1280,
    height: int = 900,
    color_scheme: str = "light",
    stored_theme: str | None = None,
    **options,
):
    """A fresh browser context (own storage) on ``base_url``, reduced motion.

    ``stored_theme`` is written to ``localStorage["porto-theme"]`` before any
    page script runs, as if the reader had chosen it on an earlier visit. The
    caller closes the context.
    """
    context = browser.new_context(
        base_url=base_url,
        viewport={"width": width, "height": height},
        color_scheme=color_scheme,
        reduced_motion="reduce",
        **options,
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(2 * TIMEOUT_MS)
    if stored_theme is not None:
        value = json.dumps(stored_theme)
        context.add_init_script(
            f"try {{ localStorage.setItem('porto-theme', {value}) }} catch (e) {{}}"
        )
    return context


def settle(page) -> None:
    """Load every image now (even lazy ones) and wait for fonts and layout."""
    page.evaluate(
        """async () => {
            const images = Array.from(document.images);
            for (const img of images) img.loading = "eager";
            await Promise.all(images.map((img) => img.decode().catch(() => {})));
            await document.fonts.ready;
            await new Promise((done) => requestAnimationFrame(() => done()));
        }"""
    )
