"""The settings ``publishconf.py`` adds to ``pelicanconf.py``, for test builds.

Tests build with the repository's ``pelicanconf.py`` (see ``conftest.Site``);
a production-like build passes what ``publishconf.py`` changes as overrides,
read from the file itself so the tests follow it.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITEURL = "https://example.org/blog"

# Where a test build's files go is the test's business, not publishconf's.
_NOT_OVERRIDDEN = {"PATH", "OUTPUT_PATH", "THEME", "PLUGIN_PATHS", "CACHE_PATH"}


def _literal(value):
    """``value`` if a settings file can spell it with ``repr``, else None."""
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    if isinstance(value, (list, tuple)):
        return type(value)(_literal(item) for item in value)
    if isinstance(value, dict):
        return {_literal(k): _literal(v) for k, v in value.items()}
    return None


def production_settings(siteurl: str = SITEURL) -> dict:
    """``publishconf.py``'s changes to ``pelicanconf.py``, with ``siteurl``."""
    saved_env, saved_path = dict(os.environ), list(sys.path)
    os.environ["PORTO_SITEURL"] = siteurl
    sys.path.insert(0, str(REPO))
    try:
        dev = runpy.run_path(str(REPO / "pelicanconf.py"))
        prod = runpy.run_path(str(REPO / "publishconf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        sys.path[:] = saved_path
    changed = {
        key: value
        for key, value in prod.items()
        if key.isupper()
        and key not in _NOT_OVERRIDDEN
        and dev.get(key) != value
        and repr(value) == repr(_literal(value))
    }
    changed["SITEURL"] = siteurl
    return changed
