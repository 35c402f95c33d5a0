"""Settings for the sample site: `pelican content` and `pelican --listen`."""

AUTHOR = "Porto Blogger"
SITENAME = "Porto"
SITESUBTITLE = "Notes from a career changer"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
OUTPUT_PATH = "output"

TIMEZONE = "Europe/Lisbon"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# Jekyll posts live in one folder: do not turn the folder name into a category.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Blog"
# One category for every post: nothing to choose between on the menu
# (Pelican's default, True, lists each category there).
DISPLAY_CATEGORIES_ON_MENU = False

THEME = "theme"

# The plugins are Pelican namespace plugins (`pip install -e .` installs them).
# Full module names: Pelican finds short names ("porto_links") by scanning the
# installed pelican.plugins folders, which an editable install does not have.
PLUGINS = [
    "pelican.plugins.porto_pipeline",
    "pelican.plugins.porto_typography",
    "pelican.plugins.porto_frontmatter",
    "pelican.plugins.porto_jekyll",
    "pelican.plugins.porto_links",
    "pelican.plugins.porto_tag_cloud",
    "pelican.plugins.porto_reading_time",
    "pelican.plugins.porto_related",
    "pelican.plugins.porto_figures",
    "pelican.plugins.porto_images",
    "pelican.plugins.porto_assets",
    "pelican.plugins.porto_sitemap",
    "pelican.plugins.porto_feeds",
    "pelican.plugins.porto_drafts",
    "pelican.plugins.porto_search",
    # the theme's words in each page's language (theme/translations/)
    "pelican.plugins.porto_i18n",
    "pelican.plugins.porto_permalinks",
    "pelican.plugins.porto_theme",
    "pelican.plugins.porto_reading_aids",
]

TYPOGRIFY = True

# Pelican's Markdown settings plus admonitions ("!!! note"), which the theme
# styles; porto_reading_aids keeps codehilite's languages for code labels.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.admonition": {},
    },
    "output_format": "html5",
}

# Pretty URLs: /2019/12/my-post/ rather than /my-post.html
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"

DEFAULT_PAGINATION = 10

# The theme's 404 page (theme/templates/404.html), written as 404.html, and its
# search page (theme/templates/search.html, written as search.html, linked in
# the header; porto_search writes the index it reads).
DIRECT_TEMPLATES = [
    "index",
    "tags",
    "categories",
    "authors",
    "archives",
    "404",
    "search",
]

# Feeds need an absolute SITEURL: publishconf.py turns them on.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
