"""porto_assets: the stylesheet URL carries a hash of the stylesheet it names."""

from __future__ import annotations

import hashlib
import shutil
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from conftest import REPO, SAMPLE_PLUGINS
from pelican.plugins.porto_assets import asset_versions


def stylesheet_href(build, page: str = "index.html") -> str:
    soup = BeautifulSoup(build.html(page), "html.parser")
    links = soup.find_all("link", rel="stylesheet")
    assert len(links) == 1
    return links[0]["href"]


def sha8(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def post(site) -> None:
    site.write("posts/2024-03-01-cache.md", "---\ntitle: Cache\n---\n\nText.\n")


def test_sample_plugins_include_porto_assets():
    assert "pelican.plugins.porto_assets" in SAMPLE_PLUGINS


def test_stylesheet_url_carries_the_hash_of_the_file_written(site):
    post(site)
    build = site.build()
    assert build.returncode == 0, build.log
    for page in ("index.html", "2024/03/cache/index.html", "404.html"):
        url = urlsplit(stylesheet_href(build, page))
        assert url.path.endswith("theme/css/porto.css")
        written = build.output / "theme" / "css" / "porto.css"
        assert url.query == f"v={sha8(written)}", page


def test_a_changed_stylesheet_gets_a_new_url(site, tmp_path):
    post(site)
    before = urlsplit(stylesheet_href(site.build())).query
    theme = tmp_path / "theme-copy"
    shutil.copytree(REPO / "theme", theme)
    css = theme / "static" / "css" / "porto.css"
    css.write_text(css.read_text(encoding="utf-8") + ".new{color:red}\n", "utf-8")
    build = site.build(THEME=str(theme))
    assert build.returncode == 0, build.log
    after = urlsplit(stylesheet_href(build)).query
    assert after == f"v={sha8(build.output / 'theme' / 'css' / 'porto.css')}"
    assert after != before


def test_without_the_plugin_the_theme_links_the_plain_url(site):
    post(site)
    plugins = [
        name for name in SAMPLE_PLUGINS if name != "pelican.plugins.porto_assets"
    ]
    build = site.build(PLUGINS=plugins)
    assert build.returncode == 0, build.log
    assert build.problems == []
    href = stylesheet_href(build)
    assert href.endswith("/theme/css/porto.css") and "?" not in href


def test_asset_versions_follow_pelicans_copy_rules(tmp_path):
    (tmp_path / "static" / "css").mkdir(parents=True)
    (tmp_path / "static" / "css" / "a.css").write_bytes(b"a{}")
    (tmp_path / "static" / "logo.svg").write_bytes(b"<svg/>")
    (tmp_path / "extra").mkdir()
    (tmp_path / "extra" / "logo.svg").write_bytes(b"<svg></svg>")
    versions = asset_versions(tmp_path, ["static", "extra/logo.svg", "missing"])
    assert versions == {
        "css/a.css": hashlib.sha256(b"a{}").hexdigest()[:8],
        # a single file lands under its name; the later entry wins
        "logo.svg": hashlib.sha256(b"<svg></svg>").hexdigest()[:8],
    }
