"""Jekyll-style image and link paths resolved to Pelican placeholders."""

import logging
import re
from pathlib import Path

import pytest
from pelican.plugins.porto_links import resolve_links
from pelican.plugins.porto_pipeline import Document, Transform, run_transforms

LINKS = [Transform("links", resolve_links, "resolve", "porto_links")]


@pytest.fixture
def doc(tmp_path) -> Document:
    root = tmp_path / "content"
    for name in ["images/porto_sunset.jpeg", "posts/intern_linkedin_post.PNG",
                 "posts/other-post.md", "files/my cv.pdf"]:  # fmt: skip
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"x")
    source = root / "posts" / "2019-12-01-seed.md"
    return Document(
        source_path=str(source),
        relative_path="posts/2019-12-01-seed.md",
        content_root=str(root),
    )


def run(html: str, doc: Document) -> str:
    return run_transforms(html, LINKS, {}, doc)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param('<img src="/images/porto_sunset.jpeg" alt="">',
                     '<img src="{static}/images/porto_sunset.jpeg" alt="">',
                     id="site_root_image"),
        pytest.param('<img src="intern_linkedin_post.PNG" alt="">',
                     '<img src="{static}/posts/intern_linkedin_post.PNG" alt="">',
                     id="post_relative_image"),
        pytest.param('<img src="../images/porto_sunset.jpeg" alt="">',
                     '<img src="{static}/images/porto_sunset.jpeg" alt="">',
                     id="parent_relative_image"),
        pytest.param('<a href="/files/my%20cv.pdf#page=2">CV</a>',
                     '<a href="{static}/files/my cv.pdf#page=2">CV</a>',
                     id="file_link_with_fragment"),
        pytest.param('<a href="other-post.md">next</a>',
                     '<a href="{filename}/posts/other-post.md">next</a>',
                     id="link_to_a_post_source"),
    ],
)  # fmt: skip
def test_local_paths_become_placeholders(given, expected, doc):
    assert run(given, doc) == expected


@pytest.mark.parametrize(
    "given",
    [
        pytest.param('<img alt="" src="https://example.org/a.png">', id="remote"),
        pytest.param('<img alt="" src="//cdn.example.org/a.png">', id="protocol"),
        pytest.param('<img alt="" src="data:image/png;base64,AAAA">', id="data"),
        pytest.param('<a href="#section">x</a>', id="fragment"),
        pytest.param('<a href="mailto:me@example.org">x</a>', id="mailto"),
        pytest.param('<a href="{filename}/posts/other-post.md">x</a>', id="pelican"),
        pytest.param(
            '<img src="{static}/images/porto_sunset.jpeg" alt="">', id="already_static"
        ),  # fmt: skip
        pytest.param('<a href="/about/">About</a>', id="page_url_not_a_file"),
        pytest.param('<img alt="" src="/images/nope.png">', id="missing_image"),
    ],
)
def test_left_alone(given, doc):
    assert run(given, doc) == given


def test_running_twice_changes_nothing(doc):
    html = '<p><img alt="" src="/images/porto_sunset.jpeg"> <a href="x.md">x</a></p>'
    once = run(html, doc)
    assert run(once, doc) == once


def test_missing_image_is_one_warning_naming_post_and_path(doc, caplog):
    # Pelican's loggers drop a message already logged once in the process, so
    # this test uses a path that no other test warns about.
    html = '<img alt="" src="/images/gone.png"/><img alt="" src="/images/gone.png"/>'
    with caplog.at_level(logging.WARNING):
        run(html, doc)
    assert [r.getMessage() for r in caplog.records] == [
        "posts/2019-12-01-seed.md: image /images/gone.png not found "
        "under the content folder"
    ]


def test_paths_outside_the_content_folder_are_not_followed(doc, tmp_path):
    (tmp_path / "secret.png").write_bytes(b"x")
    html = '<img alt="" src="../../secret.png">'
    assert run(html, doc) == html


def test_accented_and_spaced_file_names_are_copied_and_linked(site) -> None:
    """One parse and serialisation must not percent-encode a {static} path."""
    png = Path(__file__).parent / "fixtures" / "images" / "landscape_40x30.png"
    site.write("images/café.png", png.read_bytes())
    site.write("posts/naïve pic.png", png.read_bytes())
    site.write(
        "posts/2020-03-03-accents.md",
        "---\ntitle: Accents\n---\n\n![Café](/images/café.png)\n\n"
        "![Naïve](naïve pic.png)\n",
    )
    build = site.build()
    assert build.returncode == 0, build.log
    assert build.problems == []
    (page,) = build.output.glob("*/*/accents/index.html")
    html = page.read_text(encoding="utf-8")
    sources = re.findall(r'<img [^>]*src="([^"]+)"', html)
    assert len(sources) == 2 and not any("%" in src for src in sources)
    for src in sources:
        assert (page.parent / src).resolve().is_file(), src
