"""Production settings: `pelican content -s publishconf.py`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403
from porto_cli.siteurl import production_siteurl  # noqa: E402

# --- Site URL -------------------------------------------------------------
# Where the site will live: canonical URLs, feeds and social cards are
# absolute. Write it here, or leave it "" and set PORTO_SITEURL in the
# environment (which wins when both are set). There is no placeholder: a
# production build without a real address stops with one line saying so.
SITEURL = ""
SITEURL = production_siteurl(SITEURL)
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
