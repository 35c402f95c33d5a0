"""Small screens: nothing scrolls sideways, and figure captions sit under images."""

from __future__ import annotations

import pytest

from .conftest import settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ["index", "article", "page", "tags", "tag", "archives", "404", "search"]
SMALL_PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize("name", PAGES)
def test_no_horizontal_scrolling_at_360px(sample_site, new_page, name):
    page = new_page(**SMALL_PHONE)
    page.goto(sample_site.url_path(name))
    settle(page)
    widths = page.evaluate(
        """() => ({
            scroll: document.documentElement.scrollWidth,
            inner: window.innerWidth,
            wider: Array.from(document.body.querySelectorAll("*"))
                .filter((el) => el.getBoundingClientRect().right > window.innerWidth)
                .slice(0, 5)
                .map((el) => el.tagName.toLowerCase() +
                    (el.className ? "." + String(el.className).split(" ")[0] : "")),
            text: (() => {
                const found = [];
                const walker = document.createTreeWalker(
                    document.body, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                while (walker.nextNode() && found.length < 5) {
                    range.selectNodeContents(walker.currentNode);
                    const rects = Array.from(range.getClientRects());
                    if (rects.some((r) => r.right > window.innerWidth))
                        found.push(walker.currentNode.textContent.trim().slice(0, 60));
                }
                return found;
            })(),
        })"""
    )
    assert widths["scroll"] <= widths["inner"], (
        f"{name} scrolls sideways at 360 px: scrollWidth {widths['scroll']} > "
        f"{widths['inner']}; elements past the right edge: {widths['wider']}; "
        f"text past it: {widths['text']}"
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_figure_caption_is_visible_under_its_image(sample_site, new_page, width):
    page = new_page(width=width, height=800)
    page.goto(sample_site.url_path("article"))
    settle(page)
    figures = page.locator("main figure:has(img)")
    if figures.count() == 0:
        pytest.skip("the built article has no <figure> yet (figures plugin not merged)")
    for index in range(figures.count()):
        figure = figures.nth(index)
        image = figure.locator("img").first
        caption = figure.locator("figcaption")
        assert caption.count() == 1, f"figure {index} has no <figcaption>"
        caption.scroll_into_view_if_needed()
        assert caption.is_visible(), f"figure {index}: caption is not visible"
        assert caption.inner_text().strip(), f"figure {index}: caption is empty"
        img_box, cap_box = image.bounding_box(), caption.bounding_box()
        assert img_box["height"] > 0, f"figure {index}: image has no height"
        assert cap_box["y"] >= img_box["y"] + img_box["height"] - 1, (
            f"figure {index}: caption {cap_box} is not under image {img_box}"
        )
        overlap = min(img_box["x"] + img_box["width"], cap_box["x"] + cap_box["width"])
        overlap -= max(img_box["x"], cap_box["x"])
        assert overlap > 0, f"figure {index}: caption is not below the image"
        assert cap_box["x"] >= 0 and cap_box["x"] + cap_box["width"] <= width, (
            f"figure {index}: caption is cut off at {width} px: {cap_box}"
        )
