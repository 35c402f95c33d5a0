"""axe-core finds no accessibility violations on any page type, light or dark."""

from __future__ import annotations

import pytest

from .conftest import AXE_JS, require, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ["index", "article", "page", "tags", "tag", "archives", "404", "search"]
# (OS colour scheme, theme stored by the toggle on an earlier visit)
SCHEMES = [
    pytest.param("light", None, id="light"),
    pytest.param("dark", "dark", id="dark"),
    pytest.param("light", "dark", id="dark-chosen-on-light-os"),
]


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.mark.parametrize(("color_scheme", "stored_theme"), SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(sample_site, new_page, name, color_scheme, stored_theme):
    require(AXE_JS.is_file(), f"{AXE_JS} missing: run npm ci --ignore-scripts")
    page = new_page(color_scheme=color_scheme, stored_theme=stored_theme)
    page.goto(sample_site.url_path(name))
    settle(page)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )
    assert violations == [], "\n" + _describe(violations)
