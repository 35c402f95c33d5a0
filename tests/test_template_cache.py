"""Compiled templates kept between builds (porto_theme, PORTO_THEME_TEMPLATE_CACHE).

Each build is a real Pelican run in its own process, as `pelican content` is;
what a user can see is checked: the pages, the files in the cache folder, and
the log.
"""

from __future__ import annotations

import jinja2
from conftest import Site
from pelican.plugins.porto_theme.template_cache import environment_signature

POST = (
    "---\ntitle: Kept templates\ndate: 2021-03-04\ntags: [cache]\n---\n\nSome text.\n"
)
ARTICLE = "2021/03/kept-templates/index.html"


def _site(tmp_path, name: str) -> Site:
    site = Site(tmp_path / name)
    site.write("posts/2021-03-04-kept-templates.md", POST)
    return site


def _snapshot(folder) -> dict[str, tuple[int, bytes]]:
    return {
        path.name: (path.stat().st_mtime_ns, path.read_bytes())
        for path in folder.iterdir()
    }


def test_a_second_build_uses_the_templates_the_first_compiled(tmp_path):
    cache = tmp_path / "compiled"
    site = _site(tmp_path, "blog")
    first = site.build(PORTO_THEME_TEMPLATE_CACHE=str(cache))
    assert first.returncode == 0, first.log
    page = first.html(ARTICLE)
    kept = _snapshot(cache)
    assert kept, "the first build kept no compiled template"
    assert all(name.startswith("porto-") for name in kept)

    second = site.build(PORTO_THEME_TEMPLATE_CACHE=str(cache))
    assert second.returncode == 0, second.log
    assert second.html(ARTICLE) == page
    # Nothing was compiled again: no file was written or added.
    assert _snapshot(cache) == kept


def test_the_pages_are_the_same_with_and_without_the_cache(tmp_path):
    site = _site(tmp_path, "blog")
    cache = str(tmp_path / "compiled")
    site.build(PORTO_THEME_TEMPLATE_CACHE=cache)  # fills the cache
    cached = site.build(PORTO_THEME_TEMPLATE_CACHE=cache)
    pages = {p.relative_to(cached.output): p.read_bytes() for p in cached.pages()}
    plain = site.build(PORTO_THEME_TEMPLATE_CACHE=False)
    assert plain.returncode == cached.returncode == 0
    assert {p.relative_to(plain.output): p.read_bytes() for p in plain.pages()} == pages
    assert len(pages) > 5


def test_sites_with_other_jinja_options_do_not_share_compiled_templates(tmp_path):
    """The same theme files, compiled with other options (here trim_blocks
    off), must not be taken from the cache another site filled."""
    cache = str(tmp_path / "compiled")
    untrimmed = {"extensions": [], "trim_blocks": False, "lstrip_blocks": False}
    one = _site(tmp_path, "one").build(PORTO_THEME_TEMPLATE_CACHE=cache)
    other = _site(tmp_path, "other")
    shared = other.build(PORTO_THEME_TEMPLATE_CACHE=cache, JINJA_ENVIRONMENT=untrimmed)
    alone = other.build(PORTO_THEME_TEMPLATE_CACHE=False, JINJA_ENVIRONMENT=untrimmed)
    assert one.returncode == shared.returncode == alone.returncode == 0
    assert shared.html(ARTICLE) == alone.html(ARTICLE)
    assert shared.html(ARTICLE) != one.html(ARTICLE)  # the options do matter


def test_an_unusable_cache_folder_is_said_once_and_the_site_builds(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    build = _site(tmp_path, "blog").build(
        PORTO_THEME_TEMPLATE_CACHE=str(blocker / "compiled")
    )
    assert build.returncode == 0, build.log
    assert "Kept templates" in build.html(ARTICLE)
    said = [p for p in build.problems if "PORTO_THEME_TEMPLATE_CACHE" in p]
    assert len(said) == 1, build.problems
    assert "compiled on every build" in said[0]


def test_a_wrong_value_falls_back_to_the_default(tmp_path):
    build = _site(tmp_path, "blog").build(PORTO_THEME_TEMPLATE_CACHE=3)
    assert build.returncode == 0, build.log
    said = [p for p in build.problems if "PORTO_THEME_TEMPLATE_CACHE" in p]
    assert len(said) == 1
    assert "True, False or a folder" in said[0]


def test_the_key_follows_what_changes_compiled_code():
    base = jinja2.Environment(trim_blocks=True, extensions=["jinja2.ext.i18n"])
    same = jinja2.Environment(trim_blocks=True, extensions=["jinja2.ext.i18n"])
    assert environment_signature(base) == environment_signature(same)
    others = [
        jinja2.Environment(trim_blocks=False, extensions=["jinja2.ext.i18n"]),
        jinja2.Environment(trim_blocks=True),
        jinja2.Environment(
            trim_blocks=True, extensions=["jinja2.ext.i18n"], autoescape=True
        ),
        jinja2.Environment(
            trim_blocks=True,
            extensions=["jinja2.ext.i18n"],
            variable_start_string="[[",
            variable_end_string="]]",
        ),
    ]
    newstyle = jinja2.Environment(trim_blocks=True, extensions=["jinja2.ext.i18n"])
    newstyle.newstyle_gettext = True
    others.append(newstyle)
    filtered = jinja2.Environment(trim_blocks=True, extensions=["jinja2.ext.i18n"])
    filtered.filters["shout"] = str.upper
    others.append(filtered)
    keys = {environment_signature(env) for env in others}
    assert environment_signature(base) not in keys
    assert len(keys) == len(others)
