"""Light and dark: the OS preference by default, and a toggle that is remembered.

The contract: a ``<button id="theme-toggle">`` in the header; the choice is kept
in ``localStorage["porto-theme"]`` ("light"/"dark") and applied as
``<html data-theme="…">`` by an inline script in ``<head>``, before first paint;
with no stored choice there is no ``data-theme`` and the CSS follows
``prefers-color-scheme``.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# The page's background: the first non-transparent one of body and html.
BACKGROUND_JS = """() => {
    for (const el of [document.body, document.documentElement]) {
        if (!el) continue;
        const colour = getComputedStyle(el).backgroundColor;
        if (colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent")
            return colour;
    }
    return null;
}"""
THEME_JS = "() => document.documentElement.getAttribute('data-theme')"

# Runs before any page script: records every change of html[data-theme] (and
# whether <body> existed yet), and the theme and background at the first frame.
RECORDER_JS = (
    "(() => {\nconst background = ("
    + BACKGROUND_JS
    + """);
window.__porto = {changes: [], firstFrame: null};
new MutationObserver((records) => {
    for (const record of records) {
        if (record.target !== document.documentElement) continue;
        window.__porto.changes.push({
            value: document.documentElement.getAttribute("data-theme"),
            bodyParsed: document.body !== null,
        });
    }
}).observe(document, {attributes: true, subtree: true,
                      attributeFilter: ["data-theme"]});
requestAnimationFrame(() => {
    window.__porto.firstFrame = {
        theme: document.documentElement.getAttribute("data-theme"),
        background: background(),
        bodyParsed: document.body !== null,
    };
});
})();
"""
)


def _open_article(new_page, sample_site, **options):
    page = new_page(**options)
    page.goto(sample_site.url_path("article"))
    return page


def _wait_for(page, condition_js: str, failure: str) -> None:
    try:
        page.wait_for_function(condition_js, timeout=15_000)
    except PlaywrightTimeoutError:
        pytest.fail(failure, pytrace=False)


def _toggle_or_skip(page):
    toggle = page.locator("#theme-toggle")
    if toggle.count() == 0:
        pytest.skip("the built page has no #theme-toggle yet (theme not merged)")
    return toggle


def test_without_a_choice_the_page_follows_the_os_scheme(sample_site, new_page):
    backgrounds = {}
    for scheme in ("light", "dark"):
        page = _open_article(new_page, sample_site, color_scheme=scheme)
        assert page.evaluate(THEME_JS) is None, "data-theme set with no stored choice"
        backgrounds[scheme] = page.evaluate(BACKGROUND_JS)
    assert backgrounds["light"] != backgrounds["dark"], backgrounds


def test_toggle_switches_theme_and_survives_a_reload(sample_site, new_page):
    page = _open_article(new_page, sample_site, color_scheme="light")
    toggle = _toggle_or_skip(page)
    light_background = page.evaluate(BACKGROUND_JS)

    toggle.click()
    _wait_for(page, f"({THEME_JS})() === 'dark'", "the toggle did not set dark")
    _wait_for(
        page,
        f"({BACKGROUND_JS})() !== {json.dumps(light_background)}",
        f"data-theme is dark but the background stayed {light_background}",
    )
    dark_background = page.evaluate(BACKGROUND_JS)
    assert page.evaluate("localStorage.getItem('porto-theme')") == "dark"

    page.reload()
    assert page.evaluate(THEME_JS) == "dark"
    assert page.evaluate(BACKGROUND_JS) == dark_background

    _toggle_or_skip(page).click()
    _wait_for(page, f"({THEME_JS})() === 'light'", "the toggle did not go back")
    _wait_for(
        page,
        f"({BACKGROUND_JS})() === {json.dumps(light_background)}",
        f"back to light, the background is not {light_background} again",
    )
    page.reload()
    assert page.evaluate(THEME_JS) == "light"
    assert page.evaluate(BACKGROUND_JS) == light_background


@pytest.mark.parametrize(
    ("os_scheme", "stored"),
    [
        pytest.param("light", "dark", id="dark-chosen-on-light-os"),
        pytest.param("dark", "light", id="light-chosen-on-dark-os"),
    ],
)
def test_stored_theme_applies_before_first_paint(
    sample_site, new_page, os_scheme, stored
):
    page = new_page(color_scheme=os_scheme, stored_theme=stored)
    page.add_init_script(RECORDER_JS)
    page.goto(sample_site.url_path("article"))
    _toggle_or_skip(page)
    page.wait_for_function("() => window.__porto.firstFrame !== null")
    record = page.evaluate("() => window.__porto")
    final_background = page.evaluate(BACKGROUND_JS)

    assert record["changes"], "data-theme was never set from the stored choice"
    first_change = record["changes"][0]
    assert first_change["value"] == stored, record
    assert not first_change["bodyParsed"], (
        "data-theme was set after <body> started: the other theme can flash; "
        "set it from an inline script in <head>"
    )
    assert record["firstFrame"]["theme"] == stored, record
    if record["firstFrame"]["bodyParsed"]:
        assert record["firstFrame"]["background"] == final_background, record
