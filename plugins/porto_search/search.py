"""Run Pagefind on Pelican's output folder and report what it did."""

from __future__ import annotations

import logging
import re
import subprocess
import time
from pathlib import Path
from typing import Any

from pelican.plugins.porto_pipeline import settings as _settings

logger = logging.getLogger(__name__)

__all__ = ["SETTINGS", "checker", "index_site", "pagefind_command"]

SETTINGS = {
    "PORTO_SEARCH_ENABLED": _settings.flag(True),
}
checker = _settings.checker

# The folder Pagefind writes under the output folder; the theme's search page
# loads ``pagefind/pagefind.js`` from the site root.
BUNDLE = "pagefind"
# Pagefind indexes a thousand posts in about a second; a minute means trouble.
TIMEOUT = 300
INSTALL_HINT = "pip install 'pagefind[bin]'"
_INDEXED = re.compile(r"Indexed (\d+) pages?")
# What Pagefind prints when no page had any text to index.
_NOTHING_TO_INDEX = "Indexed 0 pages"
# Pagefind's own warnings start with this sign (on stderr).
_WARNING = "\u26a0"


class PagefindUnavailable(RuntimeError):
    """No Pagefind binary to run, with the reason as its message."""


def pagefind_command(output: Path) -> list[str]:
    """The Pagefind command line for an output folder.

    The binary comes from the ``pagefind`` Python package: its own lookup
    honours ``PAGEFIND_BINARY_PATH``, then the extended binary (which segments
    Chinese and Japanese), then the plain one from ``pagefind[bin]``, then a
    ``pagefind`` on ``PATH``.
    """
    try:
        from pagefind.service import get_executable
    except ImportError as error:
        raise PagefindUnavailable(
            f"the pagefind package is not installed ({INSTALL_HINT})"
        ) from error
    executable = get_executable()
    if executable is None:
        raise PagefindUnavailable(f"no Pagefind binary found ({INSTALL_HINT})")
    return [str(executable), "--site", str(output), "--output-subdir", BUNDLE]


def _last_lines(text: str, count: int = 3) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " / ".join(lines[-count:]) or "no output"


def _pass_on_warnings(output: str) -> None:
    """Log each warning Pagefind printed once, with what to do about it."""
    seen = set()
    for line in output.splitlines():
        line = line.strip()
        if not line.startswith(_WARNING) or line in seen:
            continue
        seen.add(line)
        message = line.removeprefix(_WARNING).strip()
        if "non-extended mode" in message:
            # Chinese or Japanese: without the extended binary, words are only
            # split at spaces, so a word inside a sentence is not found.
            message += (
                ": words are only split at spaces, so most words cannot be "
                "found; pip install 'pagefind[extended]' to split them"
            )
        logger.warning("porto_search: Pagefind: %s", message)


def index_site(pelican: Any) -> None:
    """``finalized`` receiver: index the written site, or warn and go on."""
    settings = pelican.settings
    if not settings.get("PORTO_SEARCH_ENABLED", True):
        return
    output = Path(pelican.output_path)
    started = time.perf_counter()
    try:
        command = pagefind_command(output)
        run = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
    except PagefindUnavailable as error:
        cause = str(error)
    except subprocess.TimeoutExpired:
        cause = f"Pagefind did not finish in {TIMEOUT} seconds"
    except OSError as error:
        cause = f"Pagefind could not be started: {error}"
    else:
        logger.debug("Pagefind output:\n%s%s", run.stdout, run.stderr)
        if run.returncode == 0:
            _pass_on_warnings(run.stdout + run.stderr)
            found = _INDEXED.findall(run.stdout)
            pages = found[-1] if found else "?"
            logger.info(
                "porto_search: indexed %s pages for search in %.2f s (%s/)",
                pages,
                time.perf_counter() - started,
                BUNDLE,
            )
            return
        if _NOTHING_TO_INDEX in run.stdout:
            # Published posts and pages without a word of text (images only):
            # Pagefind refuses to write an empty index; nothing is wrong.
            logger.info("porto_search: no text to index; no search index written")
            return
        cause = f"Pagefind exited with status {run.returncode}: " + _last_lines(
            run.stderr or run.stdout
        )
    logger.warning(
        "porto_search: no search index written, the search page will not "
        "find anything: %s",
        cause,
    )
