"""Tests for the benchmark corpus generator (``benchmarks/corpus.py``)."""

import importlib
import re
import struct
import sys
import zlib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # so plain `pytest` finds the benchmarks package
    sys.path.insert(0, str(ROOT))
corpus = importlib.import_module("benchmarks.corpus")

N = 5


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _split_yaml(text: str) -> tuple[dict, str]:
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, re.DOTALL)
    assert match, "no YAML front matter"
    return yaml.safe_load(match.group(1)), match.group(2)


def _split_native(text: str) -> tuple[dict, str]:
    head, body = text.split("\n\n", 1)
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return meta, body


@pytest.fixture(scope="module")
def yaml_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("yaml")
    return out, corpus.generate(out, N, seed=7, flavour="yaml")


@pytest.fixture(scope="module")
def native_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("native")
    return out, corpus.generate(out, N, seed=7, flavour="native")


def test_writes_n_posts_and_their_images(yaml_site):
    out, paths = yaml_site
    assert len(paths) == N
    assert sorted(paths) == sorted((out / "posts").glob("*.md"))
    referenced = set()
    for path in paths:
        referenced |= set(re.findall(r"\]\(/images/([^)]+)\)", path.read_text()))
    assert referenced == {p.name for p in (out / "images").iterdir()}


def test_same_seed_gives_same_bytes(yaml_site, tmp_path):
    out, _ = yaml_site
    corpus.generate(tmp_path, N, seed=7, flavour="yaml")
    assert _tree(tmp_path) == _tree(out)


def test_different_seed_differs(yaml_site, tmp_path):
    out, _ = yaml_site
    corpus.generate(tmp_path, N, seed=8, flavour="yaml")
    assert _tree(tmp_path) != _tree(out)


def test_post_does_not_depend_on_corpus_size():
    assert corpus.make_post(7, 3) == corpus.make_post(7, 3)
    assert corpus.make_post(7, 3) != corpus.make_post(7, 4)


def test_front_matter_parses_as_yaml(yaml_site):
    _, paths = yaml_site
    for path in paths:
        meta, body = _split_yaml(path.read_text(encoding="utf-8"))
        assert set(meta) == {"title", "date", "tags", "excerpt"}
        assert isinstance(meta["tags"], list) and meta["tags"]
        assert all(isinstance(tag, str) for tag in meta["tags"])
        assert isinstance(meta["date"], str)
        assert body.lstrip().startswith(meta["excerpt"])


def test_native_variant_has_matching_title_date_tags(yaml_site, native_site):
    for ypath, npath in zip(yaml_site[1], native_site[1], strict=True):
        assert ypath.name == npath.name
        ymeta, ybody = _split_yaml(ypath.read_text(encoding="utf-8"))
        nmeta, nbody = _split_native(npath.read_text(encoding="utf-8"))
        assert nmeta["Title"] == ymeta["title"]
        assert nmeta["Date"] == ymeta["date"]
        assert nmeta["Tags"].split(", ") == ymeta["tags"]
        assert nbody == ybody.lstrip("\n")


def test_bodies_follow_the_seed_style():
    posts = [corpus.make_post(7, i) for i in range(30)]
    for post in posts:
        words = len(post.body.split())
        assert 600 <= words <= 2700
        assert 1 <= len(post.images) <= 3
        for img in post.images:
            figure = f"![{img.alt}](/images/{img.name})\n*{img.caption}*\n"
            assert figure in post.body
        assert re.search(r"^##+ ", post.body, re.MULTILINE)
    with_code = sum("```" in post.body for post in posts)
    assert 0 < with_code < len(posts)


def test_tags_are_zipf_like_with_spaces_and_accents():
    assert 55 <= len(corpus.TAGS) <= 65
    assert len(set(corpus.TAGS)) == len(corpus.TAGS)
    assert any(" " in tag for tag in corpus.TAGS)
    assert any(not tag.isascii() for tag in corpus.TAGS)
    counts = {}
    for i in range(300):
        for tag in corpus.make_post(7, i).tags:
            counts[tag] = counts.get(tag, 0) + 1
    assert counts[corpus.TAGS[0]] > 3 * counts.get(corpus.TAGS[20], 0)


@pytest.mark.parametrize(
    "value",
    ["Day 3: Git", "yes", "42", "Café", "**bold** start", "ends with colon:"],
)
def test_yaml_scalars_read_back_as_the_same_text(value):
    post = corpus.make_post(7, 0)
    post = type(post)(**{**post.__dict__, "title": value, "tags": (value,)})
    meta, _ = _split_yaml(corpus.render(post, "yaml"))
    assert meta["title"] == value
    assert meta["tags"] == [value]


def test_png_is_a_valid_image():
    data = corpus.png_bytes(7, 3, (10, 20, 30))
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (7, 3)
    idat_len = struct.unpack(">I", data[33:37])[0]
    raw = zlib.decompress(data[41 : 41 + idat_len])
    assert len(raw) == 3 * (1 + 7 * 3)


def test_unknown_flavour_is_refused(tmp_path):
    with pytest.raises(ValueError, match="flavour"):
        corpus.generate(tmp_path, 1, flavour="toml")
