"""The sample site, built as the README's first command builds it."""

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SAMPLE_SITE, Site

SEED_URL = "2019/12/how-i-became-an-intern-machine-learning-engineer/"
_URL = re.compile(r'\s(?:href|src)="([^"]+)"')


def local_urls(html: str) -> list[str]:
    return [u for u in _URL.findall(html) if not urlsplit(u).scheme]


def target(output: Path, page: str, url: str) -> Path:
    """The file a relative or root URL on ``page`` points at."""
    path = unquote(urlsplit(urljoin("/" + page, url)).path)
    resolved = output / path.lstrip("/")
    return resolved / "index.html" if path.endswith("/") else resolved


def test_builds_with_no_warnings(sample_build):
    assert sample_build.returncode == 0, sample_build.log
    assert sample_build.problems == []


def test_seed_page_shows_title_date_and_tags(sample_build):
    page = sample_build.html(SEED_URL + "index.html")
    page = page.replace("\xa0", " ").replace("&nbsp;", " ")
    title = "How I became an Intern Machine Learning Engineer"
    assert re.search(rf"<h1[^>]*>\s*{title}\s*</h1>", page)
    assert re.search(r'<time datetime="2019-12-01T00:00:00\+00:00"[^>]*>'
                     r"\s*1 December 2019\s*</time>", page)  # fmt: skip
    for name, slug in [("Internship", "internship"), ("Machine Learning",
                                                     "machine-learning")]:  # fmt: skip
        link = re.search(rf'<a[^>]*href="([^"]*tag/{slug}/)"[^>]*>{name}</a>', page)
        assert link, f"no link to the {name} tag page"
        tag_page = target(sample_build.output, SEED_URL, link.group(1))
        assert "How I became" in tag_page.read_text(encoding="utf-8")


def test_seed_images_are_copied_and_load(sample_build):
    page = sample_build.html(SEED_URL + "index.html")
    images = re.findall(r'<img[^>]*src="([^"]+)"', page)
    assert len(images) == 2
    for src in images:
        assert target(sample_build.output, SEED_URL, src).is_file(), src
    assert any(src.endswith("images/porto_sunset.jpeg") for src in images)
    assert any(src.endswith("intern_linkedin_post.PNG") for src in images)


def test_every_local_link_on_every_page_resolves(sample_build):
    for html_file in sample_build.pages():
        page = html_file.relative_to(sample_build.output).as_posix()
        for url in local_urls(html_file.read_text(encoding="utf-8")):
            if url.startswith("#"):
                continue
            assert target(sample_build.output, page, url).exists(), (page, url)


def test_index_shows_the_excerpt_rendered_as_markdown(sample_build):
    index = sample_build.html("index.html")
    assert "<em>getting my foot in the door</em>" in index
    assert "*getting my foot" not in index


def test_about_page_is_built(sample_build):
    page = BeautifulSoup(sample_build.html("about/index.html"), "html.parser")
    main = page.find("main")
    assert main.find("h1").get_text(strip=True) == "About"
    text = " ".join(main.get_text(" ").split())
    assert "This is a sample blog built with Porto" in text
    assert "images captioned by an italic line right under them" in text
    link = main.find("a", string="Pelican")
    assert link["href"] == "https://getpelican.com/"


@pytest.fixture(scope="module")
def blog_build(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("blog"))
    site.add_sample_content()
    return site.build(SITEURL="https://example.org/blog", RELATIVE_URLS=False)


def test_siteurl_with_a_path_keeps_every_link_under_it(blog_build):
    assert blog_build.returncode == 0 and blog_build.problems == []
    seen_images = 0
    for html_file in blog_build.pages():
        html = html_file.read_text(encoding="utf-8")
        for url in _URL.findall(html):
            parts = urlsplit(url)
            if parts.netloc == "example.org":
                assert parts.path.startswith("/blog/") or parts.path == "/blog", url
                local = blog_build.output / unquote(parts.path)[len("/blog/") :]
                if not parts.path.endswith("/"):
                    assert local.exists(), url
            else:
                # No root-relative links: they would miss the /blog/ prefix.
                assert parts.scheme or not url.startswith("/"), (html_file, url)
        seen_images += html.count('src="https://example.org/blog/images/porto_sunset')
    assert seen_images >= 1


def test_production_settings_build_feeds(tmp_path):
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(SAMPLE_SITE), "-s", "publishconf.py",
         "-o", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={"PORTO_SITEURL": "https://example.org/blog", "COLUMNS": "1000",
             "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    feed = (out / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "https://example.org/blog/2019/12/how-i-became" in feed
    assert "WARNING" not in run.stdout + run.stderr
