"""Production builds resolve Pelican's links once: same site, one copy of each page.

A site built with links resolved early is compared with the same site built
with ``PORTO_LINKS_RESOLVE_EARLY = False``, i.e. Pelican resolving links as it
writes: every output file must be byte for byte the same, warnings too. A probe
plugin shows the point of it: each page's text held once, not twice.
"""

from __future__ import annotations

import gzip
import json
import pickle
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, SAMPLE_PLUGINS, Build, Site

PROBE_PATHS = [str(Path(__file__).parent / "probe_plugins")]
PRODUCTION = {
    "SITEURL": "https://example.org",
    "RELATIVE_URLS": False,
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "FEED_ALL_RSS": "feeds/all.rss.xml",
    "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
}
PNG = (FIXTURES / "images" / "landscape_40x30.png").read_bytes()
UNFOUND = re.compile(r"Unable to find '(.*)', skipping url replacement\.")


def linked_site(site: Site) -> Site:
    """Posts and a page with every kind of link Pelican resolves, and two it cannot."""
    site.write("images/sunset.png", PNG)
    # The image opens the post, so the index and feed summaries carry it too.
    site.write(
        "posts/2020-01-01-first.md",
        "---\ntitle: First\ntags: [python]\n---\n\n![Sunset](/images/sunset.png)\n\n"
        "Read [the second](2020-01-02-second.md), its [end]({filename}/posts/"
        "2020-01-02-second.md#end) and [more on Python]({tag}python).\n",
    )
    site.write(
        "posts/2020-01-02-second.md",
        "---\ntitle: Second\ntags: [python]\n---\n\nPlain text.\n\n## End\n",
    )
    # Links to pages that do not exist stay as written, fragment and all. (A
    # missing {static} file is still a static file to Pelican: it gets a URL.)
    site.write(
        "posts/2020-01-03-third.md",
        "---\ntitle: Third\n---\n\n![Gone]({static}/images/gone.png)\n\n"
        "[Nowhere]({filename}/posts/nowhere.md#part), [gone]({filename}/pages/"
        "gone.md) and [the first](2020-01-01-first.md).\n",
    )
    site.write(
        "pages/about.md",
        "---\ntitle: About\n---\n\n![Sunset](/images/sunset.png) "
        "See [my first post](/posts/2020-01-01-first.md).\n",
    )
    return site


def files(build: Build) -> dict[str, bytes]:
    return {
        path.relative_to(build.output).as_posix(): path.read_bytes()
        for path in sorted(build.output.rglob("*"))
        # Pagefind's index files are named by hashes that vary between runs
        if path.is_file() and path.relative_to(build.output).parts[0] != "pagefind"
    }


def build_both(site: Site, **settings) -> tuple[dict[str, bytes], Build, Build]:
    """The site built with links resolved early, then the way Pelican does it.

    Returns the first build's files too: both builds write to one folder.
    """
    early = site.build(**settings)
    assert early.returncode == 0, early.log
    written = files(early)
    late = site.build(PORTO_LINKS_RESOLVE_EARLY=False, **settings)
    assert late.returncode == 0, late.log
    assert written == files(late)
    assert sorted(early.problems) == sorted(late.problems)
    return written, early, late


def probe(site: Site, **settings) -> dict[str, str]:
    """Which pages Pelican holds once ("shared") or twice ("copied")."""
    target = site.root / "probe.json"
    build = site.build(
        PLUGIN_PATHS=PROBE_PATHS,
        PLUGINS=[*SAMPLE_PLUGINS, "links_early_probe"],
        LINKS_EARLY_PROBE_FILE=str(target),
        **settings,
    )
    assert build.returncode == 0, build.log
    return json.loads(target.read_text(encoding="utf-8"))


def test_production_build_is_the_same_site(site) -> None:
    written, _, _ = build_both(linked_site(site), **PRODUCTION)
    text = {
        name: data.decode()
        for name, data in written.items()
        if ".htm" in name or ".xml" in name
    }
    article = text["2020/01/first/index.html"]
    assert 'src="https://example.org/images/sunset.png"' in article
    assert 'href="https://example.org/2020/01/second/"' in article
    assert 'href="https://example.org/2020/01/second/#end"' in article
    assert 'href="https://example.org/tag/python/"' in article
    assert 'href="https://example.org/2020/01/first/"' in text["about/index.html"]
    # Links in summaries: the index and the feeds show the resolved image.
    image = "https://example.org/images/sunset.png"
    assert image in text["index.html"]
    assert image in text["feeds/all.atom.xml"]
    assert image in text["feeds/all.rss.xml"]
    assert written["images/sunset.png"] == PNG
    unresolved = text["2020/01/third/index.html"]
    assert 'href="{filename}/pages/gone.md"' in unresolved
    assert 'href="https://example.org/2020/01/first/"' in unresolved


def test_each_missing_target_is_reported_once(site) -> None:
    _, early, late = build_both(linked_site(site), **PRODUCTION)
    for build in early, late:
        missing = [m[1] for p in build.problems if (m := UNFOUND.search(p))]
        assert sorted(missing) == ["/pages/gone.md", "/posts/nowhere.md#part"]


def test_production_pages_are_held_once(site) -> None:
    linked_site(site)
    early = probe(site, **PRODUCTION)
    late = probe(site, PORTO_LINKS_RESOLVE_EARLY=False, **PRODUCTION)
    resolved = ["pages/about.md", "posts/2020-01-01-first.md"]
    assert [early[name] for name in resolved] == ["shared", "shared"]
    assert [late[name] for name in resolved] == ["copied", "copied"]
    # No link: Pelican never copied it. Unresolved links: left to Pelican.
    assert early["posts/2020-01-02-second.md"] == "shared"
    assert early["posts/2020-01-03-third.md"] == "copied"


def test_relative_urls_build_is_left_to_pelican(site) -> None:
    linked_site(site)
    written, early, _ = build_both(site, RELATIVE_URLS=True)
    html = written["2020/01/first/index.html"].decode()
    (src,) = re.findall(r'<img [^>]*src="([^"]+)"', html)
    assert src == "../../../images/sunset.png"
    page = early.output / "2020" / "01" / "first" / "index.html"
    assert (page.parent / src).resolve().read_bytes() == PNG
    assert 'href="../../../2020/01/second/"' in html
    assert probe(site, RELATIVE_URLS=True)["posts/2020-01-01-first.md"] == "copied"


def test_attached_file_still_moves_next_to_its_post(site) -> None:
    linked_site(site)
    site.write("files/cv.pdf", b"%PDF-1.4 cv")
    site.write(
        "posts/2020-01-04-cv.md",
        "---\ntitle: CV\n---\n\n[My CV]({attach}/files/cv.pdf) and "
        "![Sunset](/images/sunset.png)\n",
    )
    written, _, _ = build_both(site, **PRODUCTION)
    assert written["2020/01/cv/cv.pdf"] == b"%PDF-1.4 cv"
    assert "files/cv.pdf" not in written
    html = written["2020/01/cv/index.html"].decode()
    assert 'href="https://example.org/2020/01/cv/cv.pdf"' in html


def test_file_attached_and_linked_lands_where_pelican_puts_it(site) -> None:
    """The first page Pelican writes decides where an attached file goes (here
    the translation, written before the original): builds with {attach} are
    left to Pelican."""
    site.write("files/menu.pdf", b"%PDF-1.4 menu")
    site.write(
        "posts/2020-02-01-menu.md",
        "---\ntitle: Menu\nslug: menu\n---\n\n[The menu]({static}/files/menu.pdf)\n",
    )
    site.write(
        "posts/2020-02-01-menu-fr.md",
        "---\ntitle: Carte\nslug: menu\nlang: fr\n---\n\n"
        "[La carte]({attach}/files/menu.pdf)\n",
    )
    written, _, _ = build_both(site, SITEURL="https://example.org", RELATIVE_URLS=False)
    assert "files/menu.pdf" not in written
    (moved,) = [name for name in written if name.endswith("menu.pdf")]
    link = f'href="https://example.org/{moved}"'
    assert link in written["2020/02/menu/index.html"].decode()


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_cached_rebuild_is_the_same_site(tmp_path, layer) -> None:
    """A rebuild from Pelican's content cache, after the post a link names has
    moved, gives what it gives without early links."""
    cache = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": layer,
    }
    built = {}
    for early in True, False:
        site = linked_site(Site(tmp_path / str(early)))
        settings = {**PRODUCTION, **cache, "PORTO_LINKS_RESOLVE_EARLY": early}
        assert site.build(**settings).returncode == 0
        site.write(
            "posts/2020-01-02-second.md",
            "---\ntitle: Second\nslug: renamed\ntags: [python]\n---\n\n"
            "Plain text.\n\n## End\n",
        )
        cached = site.build(**settings)
        assert cached.returncode == 0, cached.log
        built[early] = files(cached)
    assert built[True] == built[False]
    if layer == "reader":  # the generator layer keeps the old link: Pelican's way
        html = built[True]["2020/01/first/index.html"].decode()
        assert 'href="https://example.org/2020/01/renamed/#end"' in html


def test_content_cache_holds_links_unresolved(site) -> None:
    """Pelican pickles whole posts with CONTENT_CACHING_LAYER = "generator"."""
    linked_site(site)
    build = site.build(
        **PRODUCTION, CACHE_CONTENT=True, CONTENT_CACHING_LAYER="generator"
    )
    assert build.returncode == 0, build.log
    with gzip.open(site.root / "cache" / "ArticlesGenerator", "rb") as handle:
        cached = pickle.load(handle)
    _, article = cached["posts/2020-01-01-first.md"]
    assert 'src="{static}/images/sunset.png"' in article._content
    assert 'href="{filename}/posts/2020-01-02-second.md"' in article._content
    assert "https://example.org" not in article._content
