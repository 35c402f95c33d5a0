"""Raw text, comments and CDATA come out as written; the pipeline cache's key
and where its object lives."""

from __future__ import annotations

import gzip
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup, Comment
from pelican.plugins.porto_pipeline import Document, Transform, cache, core
from pelican.plugins.porto_pipeline import run_transforms as run

NO_OP = [Transform("no-op", lambda tree, settings, doc: None, "text", "test")]


def roundtrip(html: str) -> str:
    return run(html, NO_OP, {}, Document())


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(
            '<script>var s = "</html>";</script><p>a</p>', id="script_html_end"
        ),
        pytest.param('<script>var s = "</body>";</script>', id="script_body_end"),
        pytest.param("<style>a::after{content:'</body>'}</style>", id="style_body_end"),
        pytest.param(
            '<video><source src="a.mp4"></video><!-- </source> --><p>y</p>',
            id="comment_late_void_end",
        ),
        pytest.param("<p>x</p><!-- </html> -->", id="comment_html_end"),
        pytest.param(
            '<video><track src="a.vtt"></video><script>s = "</track>";</script>',
            id="script_late_void_end",
        ),
    ],
)
def test_raw_text_and_comments_come_out_as_written(html):
    assert roundtrip(html) == html


def test_stray_document_end_tags_outside_raw_text_are_still_dropped():
    assert roundtrip("<p>a</p></body><p>b</p>") == "<p>a</p><p>b</p>"
    assert (
        roundtrip("<video><source src=a></video>") == '<video><source src="a"></video>'
    )


def test_cdata_in_svg_is_the_text_a_browser_shows():
    out = roundtrip('<svg viewBox="0 0 9 9"><text><![CDATA[a < b & c]]></text></svg>')
    text = BeautifulSoup(out, "html.parser").find("text")
    assert text.get_text() == "a < b & c"
    assert roundtrip(out) == out


def test_cdata_in_html_content_stays_a_comment_as_in_a_browser():
    out = roundtrip("<svg></svg><p><![CDATA[hidden]]></p>")
    paragraph = BeautifulSoup(out, "html.parser").find("p")
    assert paragraph.get_text() == ""
    assert isinstance(paragraph.contents[0], Comment)


def test_script_string_survives_a_real_build(site):
    site.write(
        "posts/2021-01-01-raw.md",
        "---\ntitle: Raw\n---\n\nText.\n\n"
        '<script>var s = "</html>";</script>\n\n'
        '<video controls><source src="a.mp4"></video>\n\n<!-- </source> -->\n\n'
        # in a block: Markdown before 3.5 escapes CDATA in a paragraph
        '<div><svg width="90" height="20"><text x="0" y="15"><![CDATA[1 < 2]]></text>'
        "</svg></div>\n",
    )
    build = site.build()
    assert build.returncode == 0, build.log
    page = BeautifulSoup(build.html("2021/01/raw/index.html"), "html.parser")
    scripts = [s.string for s in page.find("main").find_all("script")]
    assert scripts == ['var s = "</html>";']
    comments = page.find_all(string=lambda s: isinstance(s, Comment))
    assert " </source> " in comments
    assert page.find("text").get_text() == "1 < 2"


# -- the cache key --------------------------------------------------------------


def key(**settings) -> str:
    doc = Document(source_path="/c/a.md", kind="article")
    return cache.document_key("<p>a</p>", NO_OP, settings, doc)


def test_cache_key_includes_the_libraries(monkeypatch):
    before = key()
    versions = cache._libraries()
    names = [v[0] for v in versions if isinstance(v, tuple) and isinstance(v[0], str)]
    assert {"Pillow", "typogrify", "smartypants", "Markdown"} <= set(names)
    monkeypatch.setattr(cache, "_libraries", lambda: (*versions, ("lxml", "next")))
    assert key() != before


def test_cache_key_includes_the_pipelines_own_code(monkeypatch):
    before = key()
    stamps = cache._code_stamp(NO_OP)[1]
    paths = [path for path, _ in stamps]
    assert core.__file__ in paths and cache.__file__ in paths
    real = cache._folders_stamp

    def edited(folders):
        return tuple(
            (path, (1, 1) if path == core.__file__ else seen)
            for path, seen in real(folders)
        )

    monkeypatch.setattr(cache, "_folders_stamp", edited)
    assert key() != before


# -- where the cache object lives ----------------------------------------------


def test_cache_object_stays_out_of_the_settings_and_between_sites(tmp_path):
    first = SimpleNamespace(
        settings={"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path / "one")}
    )
    second = SimpleNamespace(settings={"CACHE_CONTENT": False})
    core.open_cache(first)
    try:
        assert all(
            not isinstance(v, cache.PipelineCache) for v in first.settings.values()
        )
        assert isinstance(core._cache_for(first.settings), cache.PipelineCache)
        # An equal dict is not the same build's settings.
        assert core._cache_for(dict(first.settings)) is None
        core.open_cache(second)  # a second site in the same process
        assert core._cache_for(first.settings) is None
        assert core._cache_for(second.settings) is None
    finally:
        core._ACTIVE = None


def test_generator_cache_holds_no_pipeline_cache(site):
    site.write("posts/2021-01-01-a.md", "---\ntitle: A\n---\n\nSome text.\n")
    settings = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "generator",
    }
    first = site.build(**settings)
    second = site.build(**settings)
    assert first.returncode == second.returncode == 0, first.log + second.log
    pickled = {}
    for path in (site.root / "cache").iterdir():
        if "Generator" in path.name:
            raw = path.read_bytes()
            pickled[path.name] = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    # the generator's pickled content objects (with their settings)
    assert any(b"Article" in data for data in pickled.values()), list(pickled)
    for name, data in pickled.items():
        assert b"PipelineCache" not in data, name
    assert (site.root / "cache" / cache.FILE_NAME).is_file()
