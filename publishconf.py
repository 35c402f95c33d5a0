"""Production settings: `pelican content -s publishconf.py`."""

import os
import sys
from urllib.parse import urlsplit

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# --- Site URL -------------------------------------------------------------
# Where the site will live: canonical URLs, feeds and social cards are
# absolute. Write it here, or leave it "" and set PORTO_SITEURL in the
# environment (which wins when both are set). There is no placeholder: a
# production build without a real address stops with one line saying so.
SITEURL = ""


def _checked_siteurl(written):
    given = os.environ.get("PORTO_SITEURL", "").strip()
    where = "PORTO_SITEURL" if given else "SITEURL in publishconf.py"
    value = given or written.strip()
    example = (
        "`PORTO_SITEURL=https://you.example/blog pelican content -s publishconf.py`"
    )
    if not value:
        sys.exit(
            f"publishconf.py: no site URL for the production build. Run {example}"
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
            f"{example}."
        )
    return value.rstrip("/")  # Pelican joins paths with "/"


SITEURL = _checked_siteurl(SITEURL)
# --------------------------------------------------------------------------
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# Feeds carry whole posts (figures included, with absolute URLs), in Atom and
# RSS, for the site and for each tag and category.
RSS_FEED_SUMMARY_ONLY = False
CATEGORY_FEED_RSS = "feeds/{slug}.rss.xml"
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"

# Drafts (`draft: true`, `published: false`) stay private: an empty SAVE_AS
# means Pelican writes no file for them. Development builds still show them.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
