"""Every page loads cleanly: no failed request, no script error, a favicon."""

from __future__ import annotations

import pytest

from .conftest import settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ["index", "article", "page", "tags", "tag", "archives", "404", "search"]


@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_errors(sample_site, new_page, name):
    page = new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and problems.append(f"console error: {message.text} {message.location}")
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400
            and problems.append(f"HTTP {response.status}: {response.url}")
        ),
    )
    page.on(
        "requestfailed",
        lambda request: problems.append(f"failed: {request.url} {request.failure}"),
    )
    page.goto(sample_site.url_path(name))
    settle(page)
    # Chromium asks for the icon on its own schedule and not as a page request:
    # fetch what it would ask for (the declared icon, else /favicon.ico).
    icon = page.evaluate(
        """() => {
            const link = document.querySelector('link[rel~="icon"][href]');
            return link ? link.href : new URL("/favicon.ico", location.href).href;
        }"""
    )
    if not icon.startswith("data:"):
        response = page.request.get(icon)
        if not response.ok:
            problems.append(f"favicon: HTTP {response.status} for {icon}")
    assert problems == [], "\n".join(problems)
