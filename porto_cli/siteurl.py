"""The production site URL check that ``publishconf.py`` files call.

Both the repository's ``publishconf.py`` and the one ``porto import-jekyll``
writes end their site URL block with ``SITEURL = production_siteurl(SITEURL)``.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import urlsplit

__all__ = ["production_siteurl"]

_EXAMPLE = "`PORTO_SITEURL=https://you.example/blog pelican content -s publishconf.py`"


def production_siteurl(written: str) -> str:
    """``PORTO_SITEURL`` from the environment, else ``written``, checked.

    No address, or one that is not ``http(s)://host[/path]``, stops the build
    with one line saying how to set it (``sys.exit``: Pelican prints the
    message, not a traceback). The result has no trailing slash.
    """
    given = os.environ.get("PORTO_SITEURL", "").strip()
    where = "PORTO_SITEURL" if given else "SITEURL in publishconf.py"
    value = given or (written or "").strip()
    if not value:
        sys.exit(
            f"publishconf.py: no site URL for the production build. Run {_EXAMPLE}"
            ' or set SITEURL = "https://you.example/blog" in publishconf.py.'
        )
    parts = urlsplit(value)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(character.isspace() for character in value)
    ):
        sys.exit(
            f"publishconf.py: {where} = {value!r} is not a site URL: write "
            "http:// or https://, a host name and an optional path, as in "
            f"{_EXAMPLE}."
        )
    return value.rstrip("/")  # Pelican joins paths with "/"
