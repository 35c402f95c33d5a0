"""Screenshots of the article page, kept as test artifacts for people to look at.

They are not compared pixel by pixel; the test checks that each one was taken
and that the dark one is not the light one again.
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SIZES = [pytest.param(375, 812, id="375x812"), pytest.param(1280, 900, id="1280x900")]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_article_screenshots_light_and_dark(sample_site, new_page, width, height):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = {}
    for scheme in ("light", "dark"):
        page = new_page(width=width, height=height, color_scheme=scheme)
        page.goto(sample_site.url_path("article"))
        settle(page)
        path = ARTIFACTS / f"article-{width}x{height}-{scheme}.png"
        shots[scheme] = page.screenshot(
            path=path, full_page=True, animations="disabled"
        )
        assert path.read_bytes().startswith(PNG_SIGNATURE), path
    assert shots["light"] != shots["dark"], "the dark article looks exactly like light"
