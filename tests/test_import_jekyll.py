"""``porto import-jekyll``: a Jekyll site folder in, a Porto site out.

The fixture ``fixtures/jekyll_site`` is a small Jekyll blog (``baseurl:
/blog``, a ``/:categories/:year/:month/:day/:title/`` permalink, paginate,
Liquid and includes in its posts, a draft, an about page with its own
permalink, ``assets/``). It is imported once for the module with the
command a user runs, then built as production builds it, and the output is
checked against the URLs Jekyll gave the same folder (worked out by hand in
``JEKYLL_URLS`` from Jekyll's rules, not by Porto's code).
"""

from __future__ import annotations

import ast
import hashlib
import os
import runpy
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import FIXTURES, Build

SOURCE = FIXTURES / "jekyll_site"
SITEURL = "https://example.org/blog"

# Every address the Jekyll site had, under its baseurl, as Jekyll 4 with the
# fixture's _config.yml writes it: "page" is a page of the site, "redirect" a
# jekyll-redirect-from page (to the address given), "file" a file.
# Left out on purpose (the import report names them): /assets/css/main.css,
# the old theme's stylesheet made from Sass, which no carried page links to.
JEKYLL_URLS = {
    # jekyll-paginate: the home page and /page2/ (4 posts, 2 a page)
    "/": ("page", None),
    "/page2/": ("page", None),
    # posts: /:categories/:year/:month/:day/:title/
    "/travel/2021/04/03/tram-at-dusk/": ("page", None),
    "/food/notes/2021/05/10/grilled-sardines/": ("page", None),  # "Food Notes"
    "/2022/01/15/winter-light/": ("page", None),  # no categories, in _posts/2022/
    "/travel/2022/02/20/gulls-at-noon/": ("page", None),  # an .html post
    # pages: their own permalink, else /:path/:basename/ (the pattern ends in /)
    "/about-me/": ("page", None),
    "/contact/": ("page", None),  # contact/index.md
    "/colophon/": ("page", None),
    "/404.html": ("page", None),
    "/archive/": ("redirect", "/archives.html"),  # a site.posts list in Jekyll
    "/tags/": ("redirect", "/tags.html"),  # _pages/tag-list.md, `layout: tags`
    # redirect_from
    "/tram/": ("redirect", "/travel/2021/04/03/tram-at-dusk/"),
    "/2021/04/tram-at-dusk.html": ("redirect", "/travel/2021/04/03/tram-at-dusk/"),
    # jekyll-feed, jekyll-sitemap (and the site's own robots.txt)
    "/feed.xml": ("file", None),
    "/sitemap.xml": ("file", None),
    "/robots.txt": ("file", None),
    # static files
    "/CNAME": ("file", None),
    "/favicon.ico": ("file", None),
    "/assets/img/tram.png": ("file", None),
    "/assets/img/roofs.png": ("file", None),
    "/assets/img/gulls.png": ("file", None),
}

REDIRECT_MARK = "<!-- redirect page written by porto_permalinks -->"


def tree_hash(root: Path) -> str:
    """Names, bytes and modification times of every file and folder."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        stat = path.stat()
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(str(stat.st_mtime_ns).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def porto(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The ``porto`` command, as ``python -m porto_cli`` (the same ``main``)."""
    return subprocess.run(
        [sys.executable, "-m", "porto_cli", *args],
        cwd=cwd, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def pelican(site: Path, *args: str, **env: str) -> Build:
    environ = dict(os.environ, COLUMNS="1000", NO_COLOR="1", PYTHONIOENCODING="utf-8")
    environ.pop("PORTO_SITEURL", None)
    environ.update(env)
    run = subprocess.run(
        [sys.executable, "-m", "pelican", "content", *args],
        cwd=site, env=environ, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    return Build(run.returncode, run.stdout + run.stderr, site / "output")


def output_file(build: Build, url: str) -> Path:
    """Where a static host looks for ``url`` (a path under the site's root)."""
    relative = url.lstrip("/")
    if url.endswith("/"):
        relative += "index.html"
    return build.output / relative


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    dest = tmp_path_factory.mktemp("imported") / "porto-blog"
    before = tree_hash(SOURCE)
    run = porto("import-jekyll", str(SOURCE), str(dest))
    after = tree_hash(SOURCE)
    return run, dest, before, after


@pytest.fixture(scope="module")
def production(imported) -> Build:
    run, dest, *_ = imported
    assert run.returncode == 0, run.stdout + run.stderr
    build = pelican(dest, "-s", "publishconf.py", PORTO_SITEURL=SITEURL)
    assert build.returncode == 0, build.log
    return build


def test_the_source_folder_is_never_touched(imported):
    run, _dest, before, after = imported
    assert run.returncode == 0, run.stderr
    assert before == after


def test_the_report_counts_what_was_carried(imported):
    run, *_ = imported
    carried, _, missing = run.stdout.partition("Not carried")
    counts = {
        line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1]
        for line in carried.splitlines()
        if line.startswith("  ") and line.rstrip()[-1:].isdigit()
    }
    assert counts["posts"] == "4"
    assert counts["drafts"] == "1"
    assert counts["pages"] == "3"  # about, contact/index, colophon
    assert counts["static files"] == "3"  # assets/img/*.png
    assert counts["files at the root"] == "3"  # CNAME, favicon.ico, robots.txt
    assert counts["includes"] == "1"
    assert counts["list pages (redirects)"] == "2"  # archive.md, tag-list.md
    assert "plugin jekyll-redirect-from: done by porto_permalinks" in carried


def test_the_report_lists_what_was_not_carried(imported):
    run, *_ = imported
    _, heading, missing = run.stdout.partition("Not carried")
    assert heading, run.stdout
    lines = [line.strip("- ").strip() for line in missing.splitlines()[1:]]
    expected = [
        "plugin jemoji:",
        "collection 'recipes' (_recipes/, 1 file)",
        "_sass/ (1 file)",
        "_layouts/ (2 files)",
        "assets/css/main.scss: Sass",
        "index.html: the home page",
        "404.html: Porto's theme writes its own 404.html",
        "layout 'gallery' (1 file: _posts/2022-02-20-gulls-at-noon.html)",
    ]
    for start in expected:
        assert any(line.startswith(start) for line in lines), (start, lines)
    # Jekyll's own exclusions are not reported, nor carried
    assert "notes-to-self" not in run.stdout
    assert "Gemfile" not in run.stdout


def test_the_written_site_keeps_jekyll_settings(imported):
    _run, dest, *_ = imported
    conf = runpy.run_path(str(dest / "pelicanconf.py"))
    assert conf["SITENAME"] == "River Notes"
    assert (
        conf["SITESUBTITLE"] == "Walks along the river, written down the same evening."
    )
    assert conf["AUTHOR"] == "Marta Quay"
    assert conf["TIMEZONE"] == "Europe/Lisbon"
    assert conf["DEFAULT_LANG"] == "en-GB"
    assert conf["PORTO_JEKYLL_PERMALINK"] == "/:categories/:year/:month/:day/:title/"
    assert conf["DEFAULT_PAGINATION"] == 2
    assert conf["PORTO_JEKYLL_EXCERPT_SEPARATOR"] == "<!-- cut -->"
    assert conf["PORTO_JEKYLL_INCLUDES_PATH"] == "../_includes"
    site = conf["PORTO_JEKYLL_SITE"]
    assert site["twitter_username"] == "martaquay"
    assert site["author"] == {
        "name": "Marta Quay",
        "bio": "Walks the river most mornings.",
    }
    assert site["data"]["walks"][0]["name"] == "the Ribeira steps"
    assert not {"plugins", "defaults", "exclude", "collections"} & set(site)
    assert all(p.startswith("pelican.plugins.porto_") for p in conf["PLUGINS"])
    assert Path(conf["THEME"], "templates", "article.html").is_file()
    assert (dest / "_includes" / "tide-note.html").is_file()
    assert not (dest / "content" / "_includes").exists()
    # the draft carries `status: draft`, the page without a permalink its old URL
    draft = (dest / "content" / "drafts" / "half-finished-bridge.md").read_text()
    assert "\nstatus: draft\n" in draft
    colophon = (dest / "content" / "pages" / "colophon.md").read_text()
    assert "\npermalink: /colophon/\n" in colophon


def test_the_production_build_is_clean(production):
    # No warnings at all: nothing in the fixture is one Porto should report.
    assert production.problems == [], production.log


@pytest.mark.parametrize("url", sorted(JEKYLL_URLS))
def test_every_jekyll_url_still_answers(production, url):
    kind, target = JEKYLL_URLS[url]
    path = output_file(production, url)
    assert path.is_file(), f"{url}: nothing at {path.relative_to(production.output)}"
    if kind == "file":
        return
    page = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    if kind == "page":
        assert REDIRECT_MARK not in page and refresh is None, url
        assert soup.find("main") is not None, url
        return
    assert refresh is not None, url
    assert refresh["content"] == f"0; url={SITEURL}{target}"
    assert output_file(production, target).is_file(), target


def test_the_draft_is_not_published(production):
    assert not (production.output / "drafts").exists()
    for path in production.output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert "unfinished footbridge" not in text, path
            assert "half-finished" not in text.lower(), path


def _liquid_outside_code(markup: str) -> list[str]:
    if "{" not in markup:
        return []
    soup = BeautifulSoup(markup, "html.parser")
    for code in soup.find_all(["pre", "code"]):
        code.decompose()
    left = str(soup)
    return [mark for mark in ("{%", "{{") if mark in left]


def test_no_liquid_in_any_page_or_feed(production):
    checked = 0
    for path in production.output.rglob("*"):
        if "pagefind" in path.parts or path.suffix not in (".html", ".xml"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".xml":  # entries' HTML is escaped text in the feed
            strings = BeautifulSoup(text, "xml").find_all(string=True)
            found = [m for s in strings for m in _liquid_outside_code(str(s))]
        else:
            found = _liquid_outside_code(text)
        assert found == [], path
        assert "porto-jekyll-excerpt" not in text, path  # the excerpt's mark
        checked += 1
    assert checked > 20


def test_posts_render_their_liquid(production):
    def article(url: str) -> BeautifulSoup:
        return BeautifulSoup(output_file(production, url).read_text(), "html.parser")

    def text(soup: BeautifulSoup) -> str:  # typography's no-break spaces as spaces
        return soup.select_one(".post-content").get_text().replace("\xa0", " ")

    tram = article("/travel/2021/04/03/tram-at-dusk/")
    sources = [img["src"] for img in tram.select(".post-content img")]
    assert sources == [
        f"{SITEURL}/assets/img/tram.png",
        f"{SITEURL}/assets/img/roofs.png",
    ]
    assert tram.select_one(".post-content figure figcaption em").text == "last"
    sardines = article("/food/notes/2021/05/10/grilled-sardines/")
    assert "def total(plates):" in sardines.select_one("div.highlight pre").text
    note = sardines.select_one("aside.tide-note")  # the site's own include
    assert note.text == "The tide was low that day."
    assert "starts at the Ribeira steps, measured in metres." in text(sardines)
    winter = article("/2022/01/15/winter-light/")
    links = {a.text: a["href"] for a in winter.select(".post-content a")}
    assert links["the tram walk"] == f"{SITEURL}/travel/2021/04/03/tram-at-dusk/"
    assert links["the about page"] == f"{SITEURL}/about-me/"
    assert "This post is wintry." in text(winter)  # a path-scoped default
    gulls = article("/travel/2022/02/20/gulls-at-noon/")
    image = gulls.select_one(".post-content figure img")
    assert image["src"] == f"{SITEURL}/assets/img/gulls.png"


def test_excerpts_end_at_the_sites_separator(production):
    second = BeautifulSoup(
        output_file(production, "/page2/").read_text(), "html.parser"
    )
    text = second.get_text(" ").replace("\xa0", " ")
    assert "The number 1 tram rattles along the river" in text
    assert "Nobody else got off" not in text
    first = BeautifulSoup(output_file(production, "/").read_text(), "html.parser")
    text = first.get_text(" ").replace("\xa0", " ")
    assert "At noon the gulls take the railings." in text  # the .html post
    assert "arguing" not in text


def test_the_feed_keeps_jekyll_feeds_address(imported, production):
    _run, dest, *_ = imported
    assert _assigned(dest / "publishconf.py", "FEED_ALL_ATOM") == "feed.xml"
    assert _assigned(dest / "publishconf.py", "SITEURL") == SITEURL
    feed = BeautifulSoup(output_file(production, "/feed.xml").read_text(), "xml")
    entries = feed.find_all("entry")
    titles = sorted(entry.title.text.replace("\xa0", " ") for entry in entries)
    assert titles == [
        "Grilled sardines, counted",
        "Gulls at noon",
        "The last tram at dusk",
        "Winter light on the water",
    ]


def test_a_non_empty_destination_is_refused_then_forced(tmp_path):
    dest = tmp_path / "blog"
    dest.mkdir()
    (dest / "notes.txt").write_text("mine\n")
    refused = porto("import-jekyll", str(SOURCE), str(dest))
    assert refused.returncode == 2
    assert "not empty" in refused.stderr and "--force" in refused.stderr
    assert [p.name for p in dest.iterdir()] == ["notes.txt"]
    forced = porto("import-jekyll", "--force", str(SOURCE), str(dest))
    assert forced.returncode == 0, forced.stderr
    assert (dest / "notes.txt").read_text() == "mine\n"
    assert (dest / "content" / "posts" / "2021-04-03-tram-at-dusk.md").is_file()


def test_a_destination_inside_the_source_is_refused(tmp_path):
    source = tmp_path / "jekyll"
    shutil.copytree(SOURCE, source)
    run = porto("import-jekyll", str(source), str(source / "porto"))
    assert run.returncode == 2
    assert "inside" in run.stderr
    assert not (source / "porto").exists()


def test_a_folder_that_is_not_a_jekyll_site_is_refused(tmp_path):
    run = porto("import-jekyll", str(tmp_path / "nowhere"), str(tmp_path / "out"))
    assert run.returncode == 2
    assert "no such folder" in run.stderr


def test_settings_are_safe_python_whatever_the_title(tmp_path):
    source = tmp_path / "jekyll"
    (source / "_posts").mkdir(parents=True)
    title = 'Quotes \' " and """ and \\ and {braces}'
    (source / "_config.yml").write_text(
        "title: 'Quotes '' \" and \"\"\" and \\ and {braces}'\n"
        'description: "Two\\nlines"\n'
        'author: Ana "Jo" O\'Neill\n',
        encoding="utf-8",
    )
    dest = tmp_path / "porto"
    run = porto("import-jekyll", str(source), str(dest))
    assert run.returncode == 0, run.stderr
    conf = runpy.run_path(str(dest / "pelicanconf.py"))
    assert conf["SITENAME"] == title
    assert conf["SITESUBTITLE"] == "Two\nlines"
    assert conf["AUTHOR"] == 'Ana "Jo" O\'Neill'
    assert conf["PORTO_JEKYLL_PERMALINK"] == "date"  # Jekyll's default
    assert conf["PORTO_JEKYLL_EXCERPT_SEPARATOR"] == "\n\n"  # Jekyll's default
    # No url in _config.yml: the production build says how to give one.
    check = subprocess.run(
        [sys.executable, "-c", "import runpy; runpy.run_path('publishconf.py')"],
        cwd=dest, capture_output=True, text=True,
        env={k: v for k, v in os.environ.items() if k != "PORTO_SITEURL"},
    )  # fmt: skip
    assert check.returncode != 0
    assert "no site URL for the production build" in check.stderr


def test_the_porto_command_is_installed_with_help():
    script = Path(sysconfig.get_path("scripts")) / "porto"
    assert script.is_file(), "pip install -e . installs the porto command"
    top = subprocess.run([script, "--help"], capture_output=True, text=True)
    assert top.returncode == 0 and "import-jekyll" in top.stdout
    sub = subprocess.run(
        [script, "import-jekyll", "--help"], capture_output=True, text=True
    )
    assert sub.returncode == 0
    assert "SRC" in sub.stdout and "DEST" in sub.stdout and "--force" in sub.stdout


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize(
    "style, about, docs_index, setup",
    [
        # Jekyll's page URLs: /:path/:basename + the style's ending;
        # an index page is its folder.
        ("date", "/about.html", "/docs/", "/docs/setup.html"),
        ("pretty", "/about/", "/docs/", "/docs/setup/"),
        ("/:year/:title/", "/about/", "/docs/", "/docs/setup/"),
        ("/:year/:title", "/about", "/docs/", "/docs/setup"),
    ],
)
def test_pages_get_the_permalink_jekyll_gave_them(
    tmp_path, style, about, docs_index, setup
):
    source = tmp_path / "jekyll"
    (source / "docs").mkdir(parents=True)
    (source / "_config.yml").write_text(f"title: Docs\npermalink: {style}\n")
    (source / "about.md").write_text("---\ntitle: About\n---\nHello.\n")
    (source / "docs" / "index.md").write_text("---\ntitle: Docs\n---\nAll.\n")
    (source / "docs" / "setup.html").write_text(
        "---\ntitle: Setup\n---\n<p>Run it.</p>\n"
        "{% highlight sh %}\nmake\n{% endhighlight %}\n"
    )
    dest = tmp_path / "porto"
    run = porto("import-jekyll", str(source), str(dest))
    assert run.returncode == 0, run.stderr
    pages = dest / "content" / "pages"
    assert _front_matter(pages / "about.md")["permalink"] == about
    assert _front_matter(pages / "docs" / "index.md")["permalink"] == docs_index
    setup_page = pages / "docs" / "setup.md"  # HTML, kept whole for Markdown
    assert _front_matter(setup_page)["permalink"] == setup
    assert '<div class="jekyll-html">\n<p>Run it.</p>' in setup_page.read_text()
    assert "docs/setup.html: {% highlight %} in an HTML file" in run.stdout


def test_defaults_apply_by_scope_and_never_override_the_post(tmp_path):
    source = tmp_path / "jekyll"
    (source / "_posts" / "walks").mkdir(parents=True)
    (source / "_config.yml").write_text(
        "defaults:\n"
        "  - scope: {path: '_posts/walks'}\n    values: {mood: near}\n"
        "  - scope: {path: '', type: posts}\n"
        "    values: {mood: far, comments: true, author: Marta}\n"
        "  - scope: {type: pages}\n    values: {comments: false}\n"
    )
    (source / "_posts" / "2020-01-01-one.md").write_text(
        "---\ntitle: One\nauthor: Rui  # mine\n---\nText.\n"
    )
    (source / "_posts" / "walks" / "2020-01-02-two.md").write_text(
        "---\ntitle: Two\n---\nText.\n"
    )
    dest = tmp_path / "porto"
    assert porto("import-jekyll", str(source), str(dest)).returncode == 0
    posts = dest / "content" / "posts"
    one = (posts / "2020-01-01-one.md").read_text()
    assert one.startswith("---\ntitle: One\nauthor: Rui  # mine\n")  # as written
    assert _front_matter(posts / "2020-01-01-one.md") == {
        "title": "One", "author": "Rui", "mood": "far", "comments": True,
    }  # fmt: skip
    assert _front_matter(posts / "walks" / "2020-01-02-two.md") == {
        "title": "Two", "mood": "near", "comments": True, "author": "Marta",
    }  # fmt: skip


def test_tags_and_includes_porto_cannot_render_are_listed(tmp_path):
    source = tmp_path / "jekyll"
    (source / "_posts").mkdir(parents=True)
    (source / "_includes").mkdir()
    (source / "_includes" / "mine.html").write_text("<b>{{ include.x }}</b>\n")
    (source / "_config.yml").write_text("title: Tags\n")
    (source / "_posts" / "2020-01-01-tags.md").write_text(
        "---\ntitle: Tags\n---\n{% gist 12345 %}\n{% include mine.html x=1 %}\n"
        '{% include figure image_path="/a.png" %}\n{% include missing.html %}\n'
        "{% raw %}{% shown_as_text %}{% endraw %}\n{% if true %}ok{% endif %}\n"
    )
    # a Liquid feed at the root: its address is kept for porto_feeds' feed
    (source / "atom.xml").write_text("---\nlayout: null\n---\n<feed></feed>\n")
    dest = tmp_path / "porto"
    run = porto("import-jekyll", str(source), str(dest))
    assert run.returncode == 0, run.stderr
    _, _, missing = run.stdout.partition("Not carried")
    assert "Liquid tag {% gist %} (1 file: _posts/2020-01-01-tags.md)" in missing
    assert "include 'missing.html' (1 file: _posts/2020-01-01-tags.md)" in missing
    assert "mine.html" not in missing and "'figure'" not in missing
    assert "shown_as_text" not in missing and "{% if" not in missing
    assert _assigned(dest / "publishconf.py", "FEED_ALL_ATOM") == "atom.xml"


def _assigned(settings: Path, name: str):
    """A constant assigned in a settings file, read without running it."""
    for node in ast.parse(settings.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise KeyError(name)


@pytest.mark.parametrize(
    "text, kept",
    [
        # the author's lines stay as written, a block scalar included
        ("---\ntitle: x  # mine\nsummary: |\n  two\n  lines\n---\nBody.\n",
         "---\ntitle: x  # mine\nsummary: |\n  two\n  lines\nstatus: draft\n---\n"),
        ("---\n---\nBody.\n", "---\nstatus: draft\n---\n"),
        ("No front matter.\n", "---\nstatus: draft\n---\n"),
        # a mapping indented as a whole cannot take a line at column 0:
        # written anew, values right
        ("---\n  title: x\n---\nBody.\n", "---\ntitle: x\nstatus: draft\n---\n"),
    ],
)  # fmt: skip
def test_added_front_matter_reads_back(text, kept):
    from porto_cli.jekyll import split_front, with_front_matter

    front = split_front(text)
    written = with_front_matter(front, {"status": "draft"}, front.body)
    assert written.startswith(kept)
    assert split_front(written).data["status"] == "draft"
    assert written.endswith(front.body)


def test_a_page_with_broken_front_matter_is_copied_as_written(tmp_path):
    source = tmp_path / "jekyll"
    source.mkdir()
    (source / "_config.yml").write_text("title: Broken\n")
    broken = "---\ntitle: 'never closed\n---\nText.\n"
    (source / "about.md").write_text(broken)
    dest = tmp_path / "porto"
    run = porto("import-jekyll", str(source), str(dest))
    assert run.returncode == 0, run.stderr
    assert (dest / "content" / "pages" / "about.md").read_text() == broken
    assert "about.md: its front matter is broken" in run.stdout


def test_collections_dir_holds_posts_drafts_and_collections(tmp_path):
    source = tmp_path / "jekyll"
    inner = source / "my_collections"
    (inner / "_posts").mkdir(parents=True)
    (inner / "_drafts").mkdir()
    (inner / "_notes").mkdir()
    (source / "_config.yml").write_text(
        "title: Inside\ncollections_dir: my_collections\ncollections: [notes]\n"
    )
    (inner / "_posts" / "2020-01-01-one.md").write_text("---\ntitle: One\n---\nA.\n")
    (inner / "_posts" / "2020-01-02-old.textile").write_text("---\n---\nh1. Old\n")
    (inner / "_drafts" / "two.md").write_text("---\ntitle: Two\n---\nB.\n")
    (inner / "_notes" / "n.md").write_text("---\ntitle: N\n---\nC.\n")
    dest = tmp_path / "porto"
    run = porto("import-jekyll", str(source), str(dest))
    assert run.returncode == 0, run.stderr
    assert (dest / "content" / "posts" / "2020-01-01-one.md").is_file()
    assert (dest / "content" / "drafts" / "two.md").is_file()
    assert not (dest / "content" / "my_collections").exists()  # not static files
    _, _, missing = run.stdout.partition("Not carried")
    assert "collection 'notes' (_notes/, 1 file)" in missing
    assert "my_collections/_posts/2020-01-02-old.textile: textile markup" in missing


def test_the_development_build_is_clean_and_shows_the_draft(imported, tmp_path):
    _run, dest, *_ = imported
    build = pelican(dest, "-o", str(tmp_path / "dev"))
    assert build.returncode == 0, build.log
    assert build.problems == [], build.log
    draft = tmp_path / "dev" / "drafts" / "half-finished-bridge.html"
    soup = BeautifulSoup(draft.read_text(encoding="utf-8"), "html.parser")
    assert "unfinished footbridge" in soup.get_text()
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and "noindex" in robots["content"]


def test_drafts_stay_drafts_whatever_their_bytes(tmp_path):
    source = tmp_path / "jekyll"
    (source / "_drafts").mkdir(parents=True)
    (source / "_config.yml").write_text(
        "defaults:\n  - scope: {type: posts}\n    values: {layout: single}\n"
    )
    (source / "_drafts" / "latin.md").write_bytes(
        b"---\ntitle: Caf\xe9\n---\nNot UTF-8.\n"
    )
    dest = tmp_path / "porto"
    run = porto("import-jekyll", str(source), str(dest))
    assert run.returncode == 0, run.stderr
    front = _front_matter(dest / "content" / "drafts" / "latin.md")
    assert front["status"] == "draft"
    assert front["layout"] == "single"  # `posts` defaults reach drafts
