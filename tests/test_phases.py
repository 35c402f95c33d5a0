"""Every Porto transform runs in a named phase, in the documented order."""

from __future__ import annotations

import importlib

import pytest
from conftest import SAMPLE_PLUGINS
from pelican.plugins import porto_pipeline

PORTO_PLUGINS = [
    "porto_pipeline",
    "porto_typography",
    "porto_frontmatter",
    "porto_links",
    "porto_tag_cloud",
    "porto_reading_time",
    "porto_related",
    "porto_figures",
    "porto_images",
    "porto_permalinks",
    "porto_reading_aids",
]
# What README's "How Porto is put together" says each transform does.
DOCUMENTED = {
    "typography": "text",
    "jekyll_paths": "resolve",
    "links": "resolve",
    "figures": "structure",
    "images": "decorate",
    "code_labels": "decorate",
    "headings": "decorate",
    "first_image": "measure",
    "image_size": "measure",
    "reading_time": "measure",
}


@pytest.fixture(scope="module")
def registered() -> dict[str, porto_pipeline.Transform]:
    for name in PORTO_PLUGINS:
        importlib.import_module(f"pelican.plugins.{name}").register()
    return {
        name: transform
        for name, transform in porto_pipeline.core._TRANSFORMS.items()
        if transform.plugin in PORTO_PLUGINS
    }


def test_every_transform_names_a_known_phase(registered):
    assert registered, "no Porto plugin registered a transform"
    for transform in registered.values():
        assert transform.phase in porto_pipeline.PHASES, transform


def test_each_transform_is_in_its_documented_phase(registered):
    assert {name: t.phase for name, t in registered.items()} == DOCUMENTED


def test_sample_plugins_run_in_the_documented_order(registered):
    enabled = porto_pipeline.enabled_transforms({"PLUGINS": SAMPLE_PLUGINS})
    assert [t.name for t in enabled] == [
        "typography",
        "jekyll_paths",
        "links",
        "figures",
        "code_labels",
        "headings",
        "images",
        "first_image",
        "image_size",
        "reading_time",
    ]


def test_a_plugin_left_out_of_plugins_runs_no_transform(registered):
    plugins = [p for p in SAMPLE_PLUGINS if not p.endswith("porto_figures")]
    enabled = porto_pipeline.enabled_transforms({"PLUGINS": plugins})
    assert "figures" not in [t.name for t in enabled]
