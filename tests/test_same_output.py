"""Tests for ``benchmarks/same_output.py``: the folder comparison it reports with.

The full two-revision run builds five sites twice; only one small run of it is
here, marked slow.
"""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # so plain `pytest` finds the benchmarks package
    sys.path.insert(0, str(ROOT))
same_output = importlib.import_module("benchmarks.same_output")

PAGE = (
    "<!doctype html>\n<html>\n<body>\n<h1>Harbour walk</h1>\n"
    "<p>Sorry, nothing here yet.</p>\n</body>\n</html>\n"
)


def _site(root: Path) -> Path:
    """A small output folder: pages in subfolders, an image, an empty folder."""
    files = {
        "index.html": PAGE,
        "2019/12/walk/index.html": PAGE.replace("Harbour", "River"),
        "theme/css/porto.css": "body { margin: 0 }\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "images").mkdir()
    (root / "images" / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x01\x02\x03")
    (root / "drafts").mkdir()
    return root


@pytest.fixture
def two_sites(tmp_path):
    return _site(tmp_path / "a"), _site(tmp_path / "b")


def test_identical_folders_exit_0(two_sites, capsys):
    a, b = two_sites
    result = same_output.compare_trees(a, b)
    assert result.identical
    assert (result.files_a, result.files_b) == (5, 5)  # four files, one empty folder

    assert same_output.main(["--compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "identical" in out
    assert "DIFFERENT" not in out


def test_one_changed_byte_is_reported_with_a_diff(two_sites, capsys):
    a, b = two_sites
    page = b / "2019" / "12" / "walk" / "index.html"
    data = page.read_bytes()
    page.write_bytes(data.replace(b"Sorry", b"Sorrx"))
    assert len(page.read_bytes()) == len(data)

    result = same_output.compare_trees(a, b)
    assert not result.identical
    assert result.different == ["2019/12/walk/index.html"]
    assert result.first == "2019/12/walk/index.html"
    assert result.only_a == result.only_b == []
    assert result.excerpt[0].endswith("first difference at byte 57, line 5, column 8")
    assert "-<p>Sorry, nothing here yet.</p>" in result.excerpt
    assert "+<p>Sorrx, nothing here yet.</p>" in result.excerpt

    assert same_output.main(["--compare", str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert "DIFFERENT (1 changed)" in out
    assert "+<p>Sorrx, nothing here yet.</p>" in out


def test_files_and_empty_folders_on_one_side_are_reported(two_sites):
    a, b = two_sites
    (b / "feeds").mkdir()
    (b / "feeds" / "all.atom.xml").write_text("<feed/>\n", encoding="utf-8")
    (a / "drafts").rmdir()

    result = same_output.compare_trees(a, b)
    assert result.only_a == []
    assert result.only_b == ["drafts/", "feeds/all.atom.xml"]
    assert result.first == "drafts/"
    assert result.excerpt == ["only in head: drafts/"]


def test_binary_difference_gives_the_byte_offset(two_sites):
    a, b = two_sites
    (b / "images" / "dot.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x01\xff\x03")

    result = same_output.compare_trees(a, b)
    assert result.different == ["images/dot.png"]
    assert result.excerpt == [
        "binary files differ: 12 and 12 bytes, first difference at byte 10"
    ]


def test_long_lines_are_clipped_around_the_change():
    before = "<p>" + "word " * 400 + "end</p>"
    after = before.replace("end", "END")
    lines = same_output.describe_difference(
        before.encode(), after.encode(), "index.html", width=80
    )
    minus = next(line for line in lines if line.startswith("-…"))
    plus = next(line for line in lines if line.startswith("+…"))
    assert minus.endswith("word end</p>") and plus.endswith("word END</p>")
    assert len(minus) <= 84 and len(plus) <= 84


def test_line_endings_alone_are_named():
    lines = same_output.describe_difference(b"a\nb\n", b"a\r\nb\r\n", "x.txt")
    assert lines[-1] == "same lines: the line endings differ"


@pytest.mark.slow
def test_the_same_revision_builds_the_same_sample_site():
    """End to end, small: HEAD against itself, two sites, five posts."""
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.same_output", "--base", "HEAD",
         "--head", "HEAD", "--posts", "5", "--sites", "sample", "corpus"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    table = run.stdout.splitlines()
    rows = {line.split()[0]: line.split() for line in table if line[:1].isalpha()}
    assert rows["sample"][3] == "identical"
    assert rows["corpus"][3] == "identical"
    assert int(rows["corpus"][1]) > 5  # five posts, their images, lists, theme
    assert "pelican.plugins.porto_pipeline ->" in run.stderr
