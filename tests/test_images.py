"""Image attributes: lazy loading after the first image, sizes from files, alt."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from pelican.plugins.porto_images.images import (
    SETTINGS,
    image_size,
    set_image_attributes,
)
from pelican.plugins.porto_pipeline import Document, parse, serialise
from pelican.plugins.porto_pipeline.settings import check_settings

IMAGES = Path(__file__).resolve().parent / "fixtures" / "images"


@pytest.fixture
def doc(tmp_path: Path) -> Document:
    """A post at content/posts/case.md with the fixture images in content/images/."""
    content = tmp_path / "content"
    shutil.copytree(IMAGES, content / "images")
    (content / "posts").mkdir()
    source = content / "posts" / "case.md"
    source.write_text("", encoding="utf-8")
    return Document(
        source_path=str(source),
        relative_path="posts/case.md",
        content_root=str(content),
    )


def with_attributes(html: str, doc: Document, **settings) -> str:
    tree = parse(html)
    set_image_attributes(tree, settings, doc)
    return serialise(tree)


CASES = [
    pytest.param(
        '<p><img alt="a" src="https://cdn.example/a.png"></p>\n'
        '<p><img alt="b" src="https://cdn.example/b.png"></p>',
        '<p><img alt="a" src="https://cdn.example/a.png"></p>\n'
        '<p><img alt="b" src="https://cdn.example/b.png" loading="lazy" '
        'decoding="async"></p>',
        id="first_image_eager_the_rest_lazy",
    ),
    pytest.param(
        '<p><img alt="a" src="{static}/images/landscape_40x30.png"></p>',
        '<p><img alt="a" src="{static}/images/landscape_40x30.png" width="40" '
        'height="30"></p>',
        id="size_from_static_placeholder",
    ),
    pytest.param(
        '<p><img alt="a" src="/images/landscape_40x30.png"></p>',
        '<p><img alt="a" src="/images/landscape_40x30.png" width="40" height="30"></p>',
        id="size_from_site_root_path",
    ),
    pytest.param(
        '<p><img alt="a" src="../images/landscape_40x30.png"></p>',
        '<p><img alt="a" src="../images/landscape_40x30.png" width="40" height="30">'
        "</p>",
        id="size_from_path_relative_to_post",
    ),
    pytest.param(
        '<p><img alt="a" src="{static}/images/rotated_exif_40x30.jpg"></p>',
        '<p><img alt="a" src="{static}/images/rotated_exif_40x30.jpg" width="30" '
        'height="40"></p>',
        id="size_of_exif_rotated_photo_as_displayed",
    ),
    pytest.param(
        '<p><img alt="a" src="{static}/images/landscape_40x30.png" width="400"></p>',
        '<p><img alt="a" src="{static}/images/landscape_40x30.png" width="400"></p>',
        id="author_width_kept",
    ),
    pytest.param(
        '<p><img alt="a" src="x.png"><img alt="b" loading="eager" src="y.png"></p>',
        '<p><img alt="a" src="x.png"><img alt="b" loading="eager" src="y.png"></p>',
        id="author_loading_kept",
    ),
    pytest.param(
        '<p><img alt="a" src="https://cdn.example/a.png"></p>',
        '<p><img alt="a" src="https://cdn.example/a.png"></p>',
        id="remote_image_without_size",
    ),
    pytest.param(
        '<p><img alt="a" src="{static}/images/missing.png"></p>',
        '<p><img alt="a" src="{static}/images/missing.png"></p>',
        id="missing_file_without_size",
    ),
    pytest.param(
        '<p><img alt="a" src="{static}/images/truncated.png"></p>',
        '<p><img alt="a" src="{static}/images/truncated.png"></p>',
        id="unreadable_file_without_size",
    ),
    pytest.param(
        '<p><img alt="a" src="{static}/images/vector.svg"></p>',
        '<p><img alt="a" src="{static}/images/vector.svg"></p>',
        id="svg_without_size",
    ),
    pytest.param(
        '<p><img alt="a" src="{static}/../../outside.png"></p>',
        '<p><img alt="a" src="{static}/../../outside.png"></p>',
        id="path_outside_content_without_size",
    ),
    pytest.param(
        '<figure><img alt="a" src="x.png"><figcaption>c</figcaption></figure>\n'
        '<p><a href="big.png"><img alt="b" src="y.png"></a></p>',
        '<figure><img alt="a" src="x.png"><figcaption>c</figcaption></figure>\n'
        '<p><a href="big.png"><img alt="b" src="y.png" loading="lazy" '
        'decoding="async"></a></p>',
        id="figure_and_linked_images",
    ),
    pytest.param(
        '<p><img src="x.png"></p>',
        '<p><img src="x.png" alt=""></p>',
        id="missing_alt_becomes_empty",
    ),
    pytest.param(
        "<p>No images here.</p>",
        "<p>No images here.</p>",
        id="no_images",
    ),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_attributes(html: str, expected: str, doc: Document) -> None:
    assert with_attributes(html, doc) == expected


@pytest.mark.parametrize(
    "html", [p.values[0] for p in CASES], ids=[p.id for p in CASES]
)
def test_idempotent(html: str, doc: Document) -> None:
    once = with_attributes(html, doc)
    assert with_attributes(once, doc) == once


TWO_LOCAL = (
    '<img alt="a" src="{static}/images/landscape_40x30.png">'
    '<img alt="b" src="{static}/images/landscape_40x30.png">'
)


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        pytest.param(
            {"PORTO_IMAGES_LAZY": False},
            '<img alt="a" src="{static}/images/landscape_40x30.png" width="40" '
            'height="30"><img alt="b" src="{static}/images/landscape_40x30.png" '
            'width="40" height="30">',
            id="lazy_off",
        ),
        pytest.param(
            {"PORTO_IMAGES_EAGER": 0, "PORTO_IMAGES_SIZE": False},
            '<img alt="a" src="{static}/images/landscape_40x30.png" loading="lazy" '
            'decoding="async"><img alt="b" src="{static}/images/landscape_40x30.png" '
            'loading="lazy" decoding="async">',
            id="every_image_lazy_no_sizes",
        ),
        pytest.param(
            {"PORTO_IMAGES_EAGER": 2, "PORTO_IMAGES_SIZE": False},
            TWO_LOCAL,
            id="two_eager_images",
        ),
        pytest.param(
            {"PORTO_IMAGES_EAGER": -1, "PORTO_IMAGES_SIZE": "yes"},
            '<img alt="a" src="{static}/images/landscape_40x30.png" width="40" '
            'height="30"><img alt="b" src="{static}/images/landscape_40x30.png" '
            'loading="lazy" decoding="async" width="40" height="30">',
            id="invalid_values_mean_defaults_once_checked",
        ),
    ],
)
def test_settings(settings: dict, expected: str, doc: Document) -> None:
    check_settings(settings, "porto_images", SETTINGS)  # as at start-up
    assert with_attributes(TWO_LOCAL, doc, **settings) == expected


def test_missing_alt_warns_once_naming_the_post(doc: Document, caplog) -> None:
    # alt="" is left to Pelican's own "Empty alt attribute" warning.
    html = (
        '<img src="a.png"><img alt="" src="b.png"><img alt=" " src="c.png">'
        '<img alt="ok" src="d.png"><img src="e.png">'
    )
    with caplog.at_level(logging.WARNING):
        out = with_attributes(html, doc, PORTO_IMAGES_LAZY=False)
    assert out == (
        '<img src="a.png" alt=""><img alt="" src="b.png"><img alt=" " src="c.png">'
        '<img alt="ok" src="d.png"><img src="e.png" alt="">'
    )
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == [
        "posts/case.md: 3 image(s) without alt text, which screen readers need: "
        "a.png, c.png, e.png"
    ]


def test_missing_alt_warning_can_be_turned_off(doc: Document, caplog) -> None:
    with caplog.at_level(logging.WARNING):
        out = with_attributes(
            '<img src="a.png">', doc, PORTO_IMAGES_WARN_MISSING_ALT=False
        )
    assert out == '<img src="a.png" alt="">'
    assert not caplog.records


def test_invalid_settings_are_reported_and_replaced(caplog) -> None:
    settings = {"PORTO_IMAGES_EAGER": "first", "PORTO_IMAGES_LAZY": 1}
    with caplog.at_level(logging.WARNING):
        check_settings(settings, "porto_images", SETTINGS)
    assert settings["PORTO_IMAGES_EAGER"] == 1
    assert settings["PORTO_IMAGES_LAZY"] is True
    assert [r.getMessage() for r in caplog.records] == [
        "porto_images: PORTO_IMAGES_LAZY = 1 is not True or False; "
        "using the default True",
        "porto_images: PORTO_IMAGES_EAGER = 'first' is not a whole number >= 0; "
        "using the default 1",
    ]


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("landscape_40x30.png", (40, 30)),
        ("rotated_exif_40x30.jpg", (30, 40)),
        ("truncated.png", None),
        ("vector.svg", None),
        ("does_not_exist.png", None),
    ],
)
def test_image_size(name: str, size) -> None:
    assert image_size(str(IMAGES / name)) == size


# --- End to end: real Pelican builds -------------------------------------------


def test_sample_site_images(sample_build) -> None:
    (page,) = sample_build.output.glob("*/*/how-i-*/index.html")
    images = re.findall(r"<img [^>]*>", page.read_text(encoding="utf-8"))
    assert len(images) == 2
    sunset, linkedin = images
    assert "porto_sunset.jpeg" in sunset and "loading=" not in sunset
    assert 'width="960" height="600"' in sunset
    assert 'loading="lazy" decoding="async"' in linkedin
    assert 'width="720" height="520"' in linkedin


def test_missing_alt_in_a_build_names_the_post(site) -> None:
    image = (IMAGES / "landscape_40x30.png").read_bytes()
    site.write("images/landscape_40x30.png", image)
    site.write(
        "posts/2020-02-02-no-alt.md",
        "---\ntitle: No alt\n---\n\n"
        '<img src="/images/landscape_40x30.png">\n\n'
        '<img src="/images/landscape_40x30.png">\n',
    )
    build = site.build()
    assert build.returncode == 0, build.log
    alt_warnings = [line for line in build.problems if "without alt" in line]
    assert alt_warnings == [
        "WARNING posts/2020-02-02-no-alt.md: 2 image(s) without alt text, which screen "
        "readers need: {static}/images/landscape_40x30.png, "
        "{static}/images/landscape_40x30.png"
    ]
    html = build.html("2020/02/no-alt/index.html")
    sized = r'<img src="[^"]*landscape_40x30.png" width="40" height="30" [^>]*alt=""'
    assert re.search(sized, html)


def test_invalid_setting_in_a_build_warns_and_builds(site) -> None:
    site.add_sample_content()
    build = site.build(PORTO_IMAGES_EAGER="none")
    assert build.returncode == 0, build.log
    assert (
        "WARNING porto_images: PORTO_IMAGES_EAGER = 'none' is not a whole number "
        ">= 0; using the default 1"
    ) in build.problems
    (page,) = build.output.glob("2019/12/*/index.html")
    assert 'loading="lazy"' in page.read_text(encoding="utf-8")
