"""Comments load only when the reader reaches them (giscus, in Chromium).

The test machine has no network: the browser's requests to other origins are
answered by the test itself, giscus's with a stand-in script that records the
attributes it was started with, so the test sees what giscus would see.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import Site

from .conftest import TIMEOUT_MS, _free_port, _wait_until_serving

pytestmark = pytest.mark.browser

GISCUS_SRC = "https://giscus.app/client.js"
POST = "2021/05/a-long-read/"
# The stand-in for giscus's client.js: note how it was started.
STAND_IN = """
window.portoCommentsSeen = Object.assign({}, document.currentScript.dataset);
"""


@pytest.fixture(scope="module")
def comments_url(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("comments-site"))
    paragraphs = "\n\n".join(
        f"Paragraph {n} of a post long enough to scroll. " * 4 for n in range(60)
    )
    site.write(
        "posts/2021-05-01-a-long-read.md",
        f"---\ntitle: A long read\ndate: 2021-05-01\n---\n\n{paragraphs}\n",
    )
    build = site.build(
        PORTO_THEME_COMMENTS={
            "provider": "giscus",
            "repo": "porto-blog/comments",
            "repo_id": "R_kgDOExample",
            "category": "Comments",
            "category_id": "DIC_kwDOExample",
        },
    )
    assert build.returncode == 0, build.log
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
         "--directory", str(build.output)],
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


@pytest.mark.parametrize(
    ("stored_theme", "giscus_theme"),
    [(None, "preferred_color_scheme"), ("dark", "dark")],
)
def test_scrolling_to_the_comments_starts_giscus(
    browser, comments_url, stored_theme, giscus_theme
):
    context = browser.new_context(
        base_url=comments_url, viewport={"width": 1280, "height": 700}
    )
    context.set_default_timeout(TIMEOUT_MS)
    if stored_theme:
        context.add_init_script(
            f"localStorage.setItem('porto-theme', {stored_theme!r})"
        )
    asked, problems = [], []

    def answer(route):
        url = route.request.url
        if url.startswith(comments_url):
            route.continue_()
            return
        asked.append(url)
        if url == GISCUS_SRC:
            route.fulfill(status=200, content_type="text/javascript", body=STAND_IN)
        else:
            route.abort()

    context.route("**/*", answer)
    page = context.new_page()
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and problems.append(f"console error: {message.text}")
        ),
    )
    try:
        page.goto("/" + POST)
        page.wait_for_load_state("networkidle")
        # At the top of the post: nothing asked of giscus, no script added.
        assert asked == []
        assert page.locator(f'script[src="{GISCUS_SRC}"]').count() == 0
        page.locator("#comments").scroll_into_view_if_needed()
        page.wait_for_function("() => window.portoCommentsSeen !== undefined")
        script = page.locator(f'#comments script[src="{GISCUS_SRC}"]')
        assert script.count() == 1
        assert script.get_attribute("crossorigin") == "anonymous"
        seen = page.evaluate("() => window.portoCommentsSeen")
        assert seen == {
            "repo": "porto-blog/comments",
            "repoId": "R_kgDOExample",
            "category": "Comments",
            "categoryId": "DIC_kwDOExample",
            "mapping": "pathname",
            "strict": "0",
            "reactionsEnabled": "1",
            "emitMetadata": "0",
            "inputPosition": "bottom",
            "lang": "en",
            "theme": giscus_theme,
        }
        # Scrolling on adds nothing more: giscus is started once.
        page.mouse.wheel(0, -2000)
        page.locator("#comments").scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        assert page.locator(f'script[src="{GISCUS_SRC}"]').count() == 1
        assert asked == [GISCUS_SRC]
        assert problems == []
    finally:
        context.close()
