"""Build real Pelican sites in temporary folders.

Each build runs ``python -m pelican`` in a subprocess, as a user would, with a
settings file that starts from the repository's ``pelicanconf.py``; Pelican's
signals are process-wide, so separate processes keep builds independent.
"""

from __future__ import annotations

import os
import re
import runpy
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The tests' own copy of the sample site: a user's drafts or posts added to the
# repository's content/ must not change what the tests see.
SAMPLE_SITE = FIXTURES / "sample_site"
# The plugins the sample site (pelicanconf.py) enables, in order.
SAMPLE_PLUGINS: list[str] = runpy.run_path(str(REPO / "pelicanconf.py"))["PLUGINS"]

SEED_NAME = "2019-12-01-how-i-became-an-intern-machine-learning-engineer.md"


# Pelican's rich log handler on a 1000-column "terminal": one record per line,
# "[hh:mm:ss] LEVEL    message    module.py:123" (the time only when it changes).
_LOG_LINE = re.compile(
    r"^(?:\[[\d:]+\])?\s*(?P<level>WARNING|ERROR|CRITICAL)\s+(?P<message>.*?)"
    r"(?:\s{2,}\S+\.py:\d+)?\s*$"
)


@dataclass
class Build:
    returncode: int
    log: str
    output: Path

    @property
    def problems(self) -> list[str]:
        """Log messages at WARNING level or above, as ``"LEVEL message"``."""
        found = []
        for line in self.log.splitlines():
            match = _LOG_LINE.match(line)
            if match:
                found.append(f"{match['level']} {match['message'].strip()}")
        return found

    def html(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")

    def pages(self) -> list[Path]:
        return sorted(self.output.rglob("*.html"))


@dataclass
class Site:
    """A throwaway site: ``content/`` to fill, ``build()`` to run Pelican."""

    root: Path
    settings: dict = field(default_factory=dict)

    @property
    def content(self) -> Path:
        return self.root / "content"

    def write(self, relative: str, data: str | bytes) -> Path:
        path = self.content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        return path

    def copy_fixture(self, name: str, relative: str | None = None) -> Path:
        return self.write(relative or f"posts/{name}", (FIXTURES / name).read_bytes())

    def add_sample_content(self) -> None:
        shutil.copytree(SAMPLE_SITE, self.content, dirs_exist_ok=True)

    def build(self, *extra_args: str, **overrides) -> Build:
        output = self.root / "output"
        settings = {
            "PATH": str(self.content),
            "OUTPUT_PATH": str(output),
            "THEME": str(REPO / "theme"),
            "CACHE_PATH": str(self.root / "cache"),
            "DELETE_OUTPUT_DIRECTORY": True,
            **self.settings,
            **overrides,
        }
        conf = self.root / "testconf.py"
        lines = [
            "import sys",
            f"sys.path.insert(0, {str(REPO)!r})",
            "from pelicanconf import *  # noqa",
        ]
        lines += [f"{key} = {value!r}" for key, value in settings.items()]
        conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = dict(os.environ, COLUMNS="1000", NO_COLOR="1", PYTHONIOENCODING="utf-8")
        run = subprocess.run(
            [sys.executable, "-m", "pelican", str(self.content), "-s", str(conf),
             *extra_args],
            cwd=self.root, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        return Build(run.returncode, run.stdout + run.stderr, output)


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return Site(tmp_path)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Build:
    """The sample site (the tests' copy), built once for the whole session."""
    site = Site(tmp_path_factory.mktemp("sample"))
    site.add_sample_content()
    return site.build()
