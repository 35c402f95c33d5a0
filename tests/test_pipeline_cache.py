"""With Pelican's content cache on, Porto reuses each unchanged document's result."""

import re

import pytest
from conftest import FIXTURES

CACHE = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
IMAGES = FIXTURES / "images"


def reused(build) -> tuple[int, int] | None:
    match = re.search(r"Porto pipeline: (\d+) of (\d+) documents reused", build.log)
    return (int(match[1]), int(match[2])) if match else None


def pages(build) -> dict[str, str]:
    return {
        path.relative_to(build.output).as_posix(): path.read_text(encoding="utf-8")
        for path in build.pages()
    }


@pytest.fixture
def cached_site(site):
    site.add_sample_content()
    site.write(
        "posts/2020-05-01-missing-and-sized.md",
        "---\ntitle: Missing and sized\n---\n\n"
        "![Gone](/images/not-there-for-cache-test.png)\n\n"
        "![Small](/images/small.png)\n",
    )
    site.write("images/small.png", (IMAGES / "landscape_40x30.png").read_bytes())
    return site


def test_rebuild_reuses_every_document_and_writes_the_same_pages(cached_site):
    first = cached_site.build("-v", **CACHE)
    second = cached_site.build("-v", **CACHE)
    assert first.returncode == second.returncode == 0
    assert reused(first) == (0, 3)  # the seed, the test post and the About page
    assert reused(second) == (3, 3)
    assert pages(second) == pages(first)


def test_warnings_are_said_again_when_a_result_is_reused(cached_site):
    first = cached_site.build(**CACHE)
    second = cached_site.build(**CACHE)
    for build in (first, second):
        assert [p for p in build.problems if "not-there-for-cache-test" in p] == [
            "WARNING posts/2020-05-01-missing-and-sized.md: image "
            "/images/not-there-for-cache-test.png not found under the content folder"
        ]


def test_a_changed_image_is_measured_again(cached_site):
    cached_site.build(**CACHE)
    # Same post, same Markdown: only the image file changes size.
    from PIL import Image

    Image.new("RGB", (64, 48), "teal").save(cached_site.content / "images/small.png")
    rebuilt = cached_site.build("-v", **CACHE)
    assert reused(rebuilt) == (2, 3)
    html = rebuilt.html("2020/05/missing-and-sized/index.html")
    assert re.search(
        r'<img [^>]*src="[^"]*small\.png"[^>]*width="64" height="48"', html
    )


def test_an_edited_post_is_processed_again(cached_site):
    cached_site.build(**CACHE)
    post = cached_site.content / "posts/2020-05-01-missing-and-sized.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nA new paragraph.\n")
    rebuilt = cached_site.build("-v", **CACHE)
    assert reused(rebuilt) == (2, 3)
    html = rebuilt.html("2020/05/missing-and-sized/index.html")
    assert "<p>A new&nbsp;paragraph.</p>" in html  # typography joins the last words


def test_no_cache_file_without_pelicans_cache(site):
    site.add_sample_content()
    build = site.build(CACHE_CONTENT=False)
    assert build.returncode == 0
    assert not (site.root / "cache" / "porto_pipeline.pickle").exists()
    assert reused(build) is None
