"""``porto import-jekyll SRC DEST``: a Jekyll site folder → a Porto site.

Reads SRC and never writes there. Writes to DEST:

- ``pelicanconf.py`` and ``publishconf.py`` from ``_config.yml``;
- ``content/posts/`` from ``_posts/`` (sub-folders kept) and
  ``content/drafts/`` from ``_drafts/`` (``status: draft`` added);
- ``content/pages/`` from the site's Markdown and HTML pages, each with the
  ``permalink`` its URL had;
- ``content/<folder>/`` for static folders (``assets/``, ``images/``…), listed
  in ``STATIC_PATHS``; ``content/extra/`` for files at the site's root
  (``favicon.ico``, ``CNAME``, ``robots.txt``), copied back to the root with
  ``EXTRA_PATH_METADATA``;
- ``_includes/`` beside ``content/`` (``PORTO_JEKYLL_INCLUDES_PATH``).

Front matter is never re-written: what the importer adds (``status: draft``,
a page's ``permalink``, the ``defaults`` of ``_config.yml``) is appended as
new lines at the end of the file's YAML block, so the author's own text stays
byte for byte as it was.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import json
import os
import posixpath
import pprint
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["ImportError_", "Report", "import_site", "run"]

# Layouts Porto's theme draws as a post or a page: anything else is named in
# the report (the theme is Porto's either way).
KNOWN_LAYOUTS = {"post", "page", "default", "single"}
# Layouts that make a list of posts by themselves (Minimal Mistakes' `posts`,
# `tags`, `categories`…): a page with one of them and no text of its own
# becomes a redirect to the list Porto writes.
LISTING_LAYOUTS = {
    "posts": "/archives.html",
    "archive": "/archives.html",
    "archives": "/archives.html",
    "tags": "/tags.html",
    "categories": "/categories.html",
}
# Jekyll's Markdown extensions (its `markdown_ext` default) and the ones
# Pelican's Markdown reader takes; the others are written as `.md`.
MARKDOWN_EXTS = {".md", ".markdown", ".mkdown", ".mkdn", ".mkd", ".mdown"}
PELICAN_MARKDOWN_EXTS = {".md", ".markdown", ".mkd", ".mdown"}
HTML_EXTS = {".html", ".htm"}
# A post's file name, as Jekyll requires it.
POST_NAME = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}-.+$")
# Liquid that lists the site's posts: Porto writes those pages itself.
LISTING = re.compile(
    r"\b(?:site\.(?:posts|pages|tags|categories|collections|related_posts"
    r"|static_files|html_pages|documents)|paginator\.)"
)
# Liquid tags in a body: `{% name …` (raw and comment blocks taken out first).
_TAG = re.compile(r"\{%-?\s*([A-Za-z_][\w-]*)([^%]*)%\}")
_VERBATIM = re.compile(
    r"\{%-?\s*(raw|comment)\s*-?%\}.*?\{%-?\s*end\1\s*-?%\}", re.DOTALL
)
_INCLUDE_NAME = re.compile(r"^\s*([^\s{}]+)")
# Feeds a Jekyll site made with Liquid at its root: Porto writes its feed there.
FEED_FILES = {
    "atom.xml": "atom",
    "feed.xml": "atom",
    "rss.xml": "rss",
    "feed.rss": "rss",
}
# Jekyll's own exclusions and build folders, never carried.
ALWAYS_SKIPPED = {
    "_site",
    ".jekyll-cache",
    ".jekyll-metadata",
    ".sass-cache",
    ".bundle",
    ".git",
    ".github",
    "node_modules",
    "vendor",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
}
# Files at the root of a Jekyll repository that are not part of the site.
REPOSITORY_FILES = re.compile(
    r"^(?:readme|license|licence|changelog|contributing|code_of_conduct)(?:\..*)?$"
    r"|^(?:package(?:-lock)?\.json|rakefile|.*\.gemspec|docker-compose\.ya?ml"
    r"|dockerfile)$",
    re.IGNORECASE,
)
# What _config.yml keys become in Pelican's settings (the rest go to
# PORTO_JEKYLL_SITE unless they only steer Jekyll's build).
MAPPED_KEYS = {
    "title",
    "description",
    "url",
    "baseurl",
    "author",
    "timezone",
    "permalink",
    "paginate",
    "paginate_path",
    "pagination",
    "excerpt_separator",
    "defaults",
    "lang",
}
BUILD_KEYS = {
    "source",
    "destination",
    "collections_dir",
    "plugins_dir",
    "layouts_dir",
    "data_dir",
    "includes_dir",
    "sass",
    "collections",
    "safe",
    "include",
    "exclude",
    "keep_files",
    "encoding",
    "markdown_ext",
    "strict_front_matter",
    "show_drafts",
    "limit_posts",
    "future",
    "unpublished",
    "whitelist",
    "plugins",
    "gems",
    "lsi",
    "incremental",
    "profile",
    "liquid",
    "markdown",
    "highlighter",
    "kramdown",
    "commonmark",
    "redcarpet",
    "rdiscount",
    "webrick",
    "port",
    "host",
    "livereload",
    "livereload_port",
    "detach",
    "quiet",
    "verbose",
    "show_dir_listing",
    "theme",
    "remote_theme",
    "jekyll-archives",
    "feed",
    "compress_html",
}
# Jekyll plugins whose work Porto does itself, and how.
PLUGINS_DONE = {
    "jekyll-feed": "porto_feeds (the Atom feed stays at its old address)",
    "jekyll-sitemap": "porto_sitemap (sitemap.xml, robots.txt)",
    "jekyll-seo-tag": "the theme's title, description and social card tags",
    "jekyll-redirect-from": "porto_permalinks (redirect_from, redirect_to)",
    "jekyll-paginate": "Pelican's pagination (DEFAULT_PAGINATION)",
    "jekyll-paginate-v2": "Pelican's pagination (DEFAULT_PAGINATION)",
    "jekyll-include-cache": "porto_jekyll's includes",
    "jekyll-archives": "Pelican's tag and category pages (/tag/NAME/, /category/NAME/)",
    "jekyll-relative-links": "porto_links (links to .md files)",
    "jekyll-postfiles": "porto_links (files next to a post)",
    "jekyll-remote-theme": "not needed: the theme is Porto's",
}
# Files at the site's root that Porto writes itself.
PORTO_WRITES = {
    "404": "Porto's theme writes its own 404.html",
    "feed.xml": "porto_feeds writes the feeds",
    "atom.xml": "porto_feeds writes the feeds",
    "sitemap.xml": "porto_sitemap writes sitemap.xml",
    "robots.txt": "porto_sitemap writes robots.txt",
    "search.json": "porto_search writes its own index",
}

# The Pelican plugins of a Porto site, in the order the repository's own
# pelicanconf.py lists them.
PORTO_PLUGINS = [
    "porto_pipeline",
    "porto_typography",
    "porto_frontmatter",
    "porto_jekyll",
    "porto_links",
    "porto_tag_cloud",
    "porto_reading_time",
    "porto_related",
    "porto_figures",
    "porto_images",
    "porto_assets",
    "porto_sitemap",
    "porto_feeds",
    "porto_drafts",
    "porto_search",
    "porto_permalinks",
    "porto_theme",
]


class ImportError_(Exception):  # noqa: N801 - not the built-in ImportError
    """The import cannot start (exit status 2)."""


@dataclass
class Report:
    """What was carried (counts per kind) and what was not (one line each)."""

    carried: Counter = field(default_factory=Counter)
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    layouts: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, what: str) -> None:
        self.not_carried.append(what)

    def layout(self, name: str, where: str) -> None:
        self.layouts.setdefault(name, []).append(where)


@dataclass
class Front:
    """A file's text split at its YAML front matter (``data`` None: none)."""

    data: dict[str, Any] | None
    head: str  # the opening line and the YAML block, without the closing line
    closing: str  # the closing line, with its newline
    body: str
    broken: str = ""


_OPEN = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.MULTILINE)


def read_text(path: Path, strict: bool = False) -> str:
    text = path.read_text(encoding="utf-8", errors="strict" if strict else "replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front(text: str) -> Front:
    opening = _OPEN.match(text)
    if opening is None:
        return Front(None, "", "", text)
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        return Front(None, "", "", text, broken="front matter never closed")
    block = text[opening.end() : closing.start()]
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        return Front({}, text[: closing.start()], "", "", broken=str(exc))
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return Front({}, text[: closing.start()], "", "", broken="not a mapping")
    closing_line = closing.group(0)
    if not closing_line.endswith("\n"):
        closing_line += "\n"
    return Front(data, text[: closing.start()], closing_line, text[closing.end() :])


def with_front_matter(front: Front, added: Mapping[str, Any], body: str) -> str:
    """The file with ``added`` appended to its YAML block (its own lines kept)."""
    extra = ""
    if added:
        extra = yaml.safe_dump(
            dict(added), sort_keys=False, allow_unicode=True, default_flow_style=False
        )
    if front.data is None:
        return f"---\n{extra}---\n{body}"
    head = front.head
    if head and not head.endswith("\n"):
        head += "\n"
    text = f"{head}{extra}{front.closing}{body}"
    if added and split_front(text).data != {**front.data, **added}:
        # Appending did not read back (a mapping indented as a whole, …):
        # write the block anew, comments lost but the values right.
        block = yaml.safe_dump(
            {**front.data, **added},
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=False,
        )
        text = f"---\n{block}---\n{body}"
    return text


def _jsonable(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(item) for item in value if item is not None]
    return []


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


class JekyllImport:
    def __init__(self, src: Path, dest: Path):
        self.src = src
        self.dest = dest
        self.content = dest / "content"
        self.report = Report()
        self.config: dict[str, Any] = {}
        self.static_paths: list[str] = []
        self.extra_paths: dict[str, dict[str, str]] = {}
        self.site_values: dict[str, Any] = {}
        self.includes = False
        self.written: set[Path] = set()
        self.liquid_tags: dict[str, list[str]] = {}
        self.includes_used: dict[str, list[str]] = {}
        self.feeds: dict[str, str] = {}

    # -- reading the site --------------------------------------------------

    def load_config(self) -> None:
        path = self.src / "_config.yml"
        if not path.is_file():
            path = self.src / "_config.yaml"
        if not path.is_file():
            self.report.notes.append("no _config.yml: Porto's defaults are used")
            return
        try:
            data = yaml.safe_load(read_text(path))
        except yaml.YAMLError as exc:
            raise ImportError_(f"{path.name} is not readable YAML: {exc}") from exc
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ImportError_(f"{path.name} is not a YAML mapping")
        self.config = data

    def excluded(self, rel: str) -> bool:
        name = rel.split("/")[0]
        if name in ALWAYS_SKIPPED:
            return True
        included = _names(self.config.get("include"))
        if name.startswith((".", "#", "~")) and name not in included:
            return True
        for pattern in _names(self.config.get("exclude")):
            pattern = pattern.strip("/")
            if rel == pattern or rel.startswith(pattern + "/"):
                return True
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(name, pattern):
                return True
        return False

    def files(self, folder: Path) -> Iterator[Path]:
        """Every file under ``folder``, sorted, hidden files left out."""
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith("."):
                    yield Path(dirpath) / name

    def rel(self, path: Path) -> str:
        return path.relative_to(self.src).as_posix()

    # -- writing -----------------------------------------------------------

    def write(self, target: Path, text: str) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.written.add(target)

    def copy(self, source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        self.written.add(target)

    # -- front matter defaults -----------------------------------------------

    def defaults_for(self, rel: str, kind: str) -> dict[str, Any]:
        """``_config.yml``'s ``defaults`` that apply to one file, as Jekyll
        ranks them: a longer scope path wins, then a scope with a type."""
        found = []
        for order, entry in enumerate(self.config.get("defaults") or []):
            if not isinstance(entry, Mapping):
                continue
            scope = entry.get("scope") or {}
            values = entry.get("values")
            if not isinstance(scope, Mapping) or not isinstance(values, Mapping):
                continue
            wanted_type = scope.get("type")
            # A draft is a document of the posts collection: `posts` defaults
            # apply to it, as `drafts` ones do.
            kinds = (kind, "posts") if kind == "drafts" else (kind,)
            if wanted_type and str(wanted_type) not in kinds:
                continue
            path = str(scope.get("path") or "").strip("/")
            if path:
                if "*" in path:
                    if not fnmatch.fnmatch(rel, path) and not fnmatch.fnmatch(
                        rel, path + "/*"
                    ):
                        continue
                elif not (rel == path or rel.startswith(path + "/")):
                    continue
            found.append((len(path), bool(wanted_type), order, values))
        merged: dict[str, Any] = {}
        for *_rank, values in sorted(found, key=lambda item: item[:3]):
            merged.update(values)
        return merged

    def added_front_matter(
        self, front: Front, rel: str, kind: str, extra: Mapping[str, Any] = ()
    ) -> dict[str, Any]:
        own = front.data or {}
        added: dict[str, Any] = {}
        for key, value in self.defaults_for(rel, kind).items():
            if key not in own:
                added[key] = value
        for key, value in dict(extra).items():
            if key not in own and key not in added:
                added[key] = value
        return added

    def note_layout(self, data: Mapping[str, Any], added: Mapping[str, Any], rel: str):
        layout = data.get("layout", added.get("layout"))
        if layout not in (None, "", False) and str(layout) not in KNOWN_LAYOUTS:
            self.report.layout(str(layout), rel)

    # -- posts and drafts -----------------------------------------------------

    @property
    def collections_dir(self) -> Path:
        """Where ``_posts/`` and ``_drafts/`` are (``collections_dir``)."""
        where = str(self.config.get("collections_dir") or "").strip("/")
        folder = (self.src / where).resolve() if where else self.src
        return folder if folder.is_dir() and _inside(folder, self.src) else self.src

    def posts(self) -> None:
        folder = self.collections_dir / "_posts"
        for path in self.files(folder) if folder.is_dir() else ():
            rel = self.rel(path)
            below = path.relative_to(folder)
            ext = path.suffix.lower()
            if ext in (".textile", ".rdoc", ".org", ".adoc", ".asciidoc"):
                self.report.skip(
                    f"{rel}: {ext[1:]} markup; Porto reads Markdown and HTML posts"
                )
                continue
            if ext not in MARKDOWN_EXTS | HTML_EXTS:
                self.copy(path, self.content / "posts" / below)
                self.report.carried["files next to posts"] += 1
                continue
            if not POST_NAME.match(path.name):
                self.report.skip(
                    f"{rel}: not a post name (YYYY-MM-DD-title); Jekyll did not "
                    "publish it either"
                )
                continue
            if self.document(path, rel, self.content / "posts" / below, "posts"):
                self.report.carried["posts"] += 1
        for path in sorted(self.src.glob("*/_posts")):
            if path != folder and path.is_dir() and not self.excluded(self.rel(path)):
                count = sum(1 for _ in self.files(path))
                self.report.skip(
                    f"{self.rel(path)}/: {_plural(count, 'file')}; categories from "
                    "folders are not supported: move the posts to _posts/ with "
                    "`categories:` in their front matter"
                )

    def drafts(self) -> None:
        folder = self.collections_dir / "_drafts"
        for path in self.files(folder) if folder.is_dir() else ():
            rel = self.rel(path)
            below = path.relative_to(folder)
            if path.suffix.lower() not in MARKDOWN_EXTS | HTML_EXTS:
                self.copy(path, self.content / "drafts" / below)
                self.report.carried["files next to drafts"] += 1
                continue
            # Jekyll dates a draft by its file's modification time.
            mtime = dt.datetime.fromtimestamp(path.stat().st_mtime).replace(
                microsecond=0
            )
            extra = {"status": "draft", "date": mtime}
            target = self.content / "drafts" / below
            if self.document(path, rel, target, "drafts", extra, need_front=False):
                self.report.carried["drafts"] += 1

    def document(
        self,
        path: Path,
        rel: str,
        target: Path,
        kind: str,
        extra: Mapping[str, Any] = (),
        need_front: bool = True,
    ) -> bool:
        """Write one post, draft or page; False when it is not carried."""
        try:
            text = read_text(path, strict=True)
        except UnicodeDecodeError:
            if kind != "drafts":
                # Copied as it is: Porto names the file and the bytes' offset.
                self.report.notes.append(f"{rel}: not UTF-8; copied as it is")
                self.copy(path, self.markdown_target(target))
                return True
            # A draft must get its `status: draft`, or it would be published.
            self.report.notes.append(f"{rel}: not UTF-8; bad bytes written as �")
            text = read_text(path)
        front = split_front(text)
        if front.broken:
            self.carry_broken(front, path, rel, target)
            return True
        if front.data is None and need_front:
            self.report.skip(f"{rel}: no front matter; Jekyll did not publish it")
            return False
        added = self.added_front_matter(front, rel, kind, extra)
        self.note_layout(front.data or {}, added, rel)
        body = front.body
        if path.suffix.lower() in HTML_EXTS:
            # HTML that Markdown passes through whole: one raw block.
            body = self.html_body(body, rel)
        self.scan_liquid(front.body, rel)
        self.write(self.markdown_target(target), with_front_matter(front, added, body))
        return True

    def scan_liquid(self, body: str, rel: str) -> None:
        """Note the Liquid tags and includes a file uses, to name those Porto
        cannot render (a Jekyll plugin's tag, an include nobody has)."""
        if "{%" not in body:
            return
        for match in _TAG.finditer(_VERBATIM.sub("", body)):
            name = match.group(1)
            self.liquid_tags.setdefault(name, []).append(rel)
            if name == "include":
                wanted = _INCLUDE_NAME.match(match.group(2))
                if wanted:
                    self.includes_used.setdefault(wanted.group(1), []).append(rel)

    def check_liquid(self) -> None:
        try:
            from pelican.plugins.porto_jekyll.engine import JekyllEnvironment
            from pelican.plugins.porto_jekyll.includes import BUILT_IN
        except ImportError:  # pragma: no cover - porto_jekyll installs with Porto
            return
        known = set(JekyllEnvironment({"PATH": str(self.content)}).tags)
        known |= {"raw", "endraw", "else", "elsif", "when", "empty"}
        for name, where in sorted(self.liquid_tags.items()):
            if name in known or name.startswith("end"):
                continue
            self.report.skip(
                f"Liquid tag {{% {name} %}} ({self._files(where)}): a Jekyll "
                "plugin's; left out of the page, with a warning at build time"
            )
        own = self.dest / "_includes"
        for name, where in sorted(self.includes_used.items()):
            if name in BUILT_IN or (own / name).is_file():
                continue
            self.report.skip(
                f"include {name!r} ({self._files(where)}): not in _includes/ and "
                "not one of Porto's; left out, with a warning at build time"
            )

    @staticmethod
    def _files(where: list[str]) -> str:
        unique = sorted(set(where))
        shown = ", ".join(unique[:3]) + (", …" if len(unique) > 3 else "")
        return f"{_plural(len(unique), 'file')}: {shown}"

    def html_body(self, body: str, rel: str) -> str:
        """An HTML file's body, as one raw block Markdown leaves alone."""
        if "{% highlight" in body or "{%- highlight" in body:
            self.report.skip(
                f"{rel}: {{% highlight %}} in an HTML file stays a Markdown code "
                "fence there; make the file Markdown or write the <pre> yourself"
            )
        return f'<div class="jekyll-html">\n{body.strip()}\n</div>\n'

    @staticmethod
    def markdown_target(target: Path) -> Path:
        if target.suffix.lower() in PELICAN_MARKDOWN_EXTS:
            return target
        return target.with_suffix(".md")

    # -- pages, static files and the rest of the site --------------------------

    def page_permalink(self, rel: str) -> str:
        from pelican.plugins.porto_permalinks.permalinks import expand, page_pattern

        folder, name = posixpath.split(rel)
        stem = posixpath.splitext(name)[0]
        pattern = page_pattern(self.permalink_style(), stem)
        return expand(
            pattern, {"path": folder, "basename": stem, "output_ext": ".html"}
        )

    def carry_broken(self, front, path: Path, rel: str, target: Path) -> None:
        """Copy a file whose front matter is broken as written: Porto names
        the file and the YAML problem when it builds."""
        self.report.notes.append(
            f"{rel}: its front matter is broken ({front.broken.splitlines()[0]});"
            " copied as written, Porto will report it"
        )
        self.copy(path, self.markdown_target(target))

    def permalink_style(self) -> str:
        value = self.config.get("permalink")
        if isinstance(value, str) and value.strip():
            return value.strip()
        return "date"

    def page(self, path: Path, rel: str) -> None:
        text = read_text(path)
        front = split_front(text)
        if front.broken:
            self.carry_broken(front, path, rel, self.content / "pages" / rel)
            self.report.carried["pages"] += 1
            return
        stem = path.stem.lower()
        top = "/" not in rel
        if front.data is None:
            self.report.skip(
                f"{rel}: no front matter; Jekyll copied it as it is (not carried)"
            )
            return
        if top and stem == "index":
            self.report.skip(f"{rel}: the home page; Porto writes the list of posts")
            return
        if top and stem in PORTO_WRITES:
            self.report.skip(f"{rel}: {PORTO_WRITES[stem]}")
            return
        added = self.added_front_matter(front, rel, "pages")
        layout = (front.data or {}).get("layout", added.get("layout"))
        if LISTING.search(front.body):
            self.listing_page(front, rel, self.listing_target(front.body))
            return
        if str(layout) in LISTING_LAYOUTS and not front.body.strip():
            self.listing_page(front, rel, LISTING_LAYOUTS[str(layout)])
            return
        unknown = layout not in (None, "", False) and str(layout) not in KNOWN_LAYOUTS
        if unknown and (path.suffix.lower() in HTML_EXTS or not front.body.strip()):
            self.report.skip(
                f"{rel}: its layout {layout!r} makes the page; the theme is Porto's"
            )
            return
        if "permalink" not in (front.data or {}) and "permalink" not in added:
            # Its URL on the Jekyll site, written down so that it stays.
            added["permalink"] = self.page_permalink(rel)
        self.note_layout(front.data or {}, added, rel)
        body = front.body
        if path.suffix.lower() in HTML_EXTS:
            body = self.html_body(body, rel)
        target = self.markdown_target(self.content / "pages" / rel)
        if target in self.written:
            self.report.skip(f"{rel}: another page was already written as {target}")
            return
        self.scan_liquid(front.body, rel)
        self.write(target, with_front_matter(front, added, body))
        self.report.carried["pages"] += 1

    @staticmethod
    def listing_target(body: str) -> str:
        if "site.tags" in body:
            return "/tags.html"
        if "site.categories" in body:
            return "/categories.html"
        return "/archives.html"

    def listing_page(self, front: Front, rel: str, target: str) -> None:
        """A page that lists posts (Liquid over ``site.posts``, or a layout
        that does): Porto writes such lists itself, so the page's old URL
        becomes a redirect to Porto's archives, tags or categories page."""
        data = front.data or {}
        permalink = data.get("permalink") or self.page_permalink(rel)
        stub = {
            "title": str(data.get("title") or posixpath.basename(rel)),
            "permalink": str(permalink),
            "redirect_to": target,
            "status": "hidden",
        }
        text = with_front_matter(Front({}, "---\n", "---\n", ""), stub, "")
        target_file = self.markdown_target(self.content / "pages" / rel)
        self.write(target_file, text)
        self.report.carried["list pages (redirects)"] += 1
        self.report.notes.append(
            f"{rel}: a list of posts ({permalink}); Porto writes its own, "
            f"and the old address redirects to {target}"
        )

    def root_file(self, path: Path) -> None:
        rel = self.rel(path)
        ext = path.suffix.lower()
        if REPOSITORY_FILES.match(path.name) and ext not in HTML_EXTS:
            self.report.skip(f"{rel}: a repository file, not part of the site")
            return
        if path.name in ("_config.yml", "_config.yaml") or (
            path.name.startswith("_config") and ext in (".yml", ".yaml", ".toml")
        ):
            return
        if ext in MARKDOWN_EXTS | HTML_EXTS:
            self.page(path, rel)
            return
        if self.templated(path, rel):
            return
        # favicon.ico, CNAME, robots.txt…: copied to the output's root.
        self.copy(path, self.content / "extra" / path.name)
        self.static_paths.append(f"extra/{path.name}")
        self.extra_paths[f"extra/{path.name}"] = {"path": path.name}
        self.report.carried["files at the root"] += 1

    def templated(self, path: Path, rel: str) -> bool:
        """A non-page file with front matter (Liquid): not carried."""
        try:
            with path.open("rb") as handle:
                start = handle.read(4)
        except OSError:
            return False
        if not start.startswith(b"---"):
            return False
        if split_front(read_text(path)).data is None:
            return False
        name = path.name.lower()
        if "/" not in rel and name in FEED_FILES:
            kind = FEED_FILES[name]
            self.feeds.setdefault(kind, rel)
            self.report.notes.append(
                f"{rel}: made with Liquid; porto_feeds writes the site's "
                f"{'Atom' if kind == 'atom' else 'RSS'} feed at the same address"
            )
            return True
        if name in PORTO_WRITES:
            why = PORTO_WRITES[name]
        elif path.suffix.lower() in (".scss", ".sass"):
            why = "Sass; the theme's stylesheet is Porto's"
        else:
            why = "a file made with Liquid"
        self.report.skip(f"{rel}: {why}")
        return True

    def folder(self, path: Path) -> None:
        """A top-level folder: pages where files have front matter, static
        files otherwise."""
        name = path.name
        static = 0
        for file in self.files(path):
            rel = self.rel(file)
            if self.excluded(rel):
                continue
            if file.suffix.lower() in MARKDOWN_EXTS | HTML_EXTS:
                front = split_front(read_text(file))
                if front.data is not None:
                    self.page(file, rel)
                    continue
                if file.suffix.lower() in MARKDOWN_EXTS:
                    self.report.skip(f"{rel}: no front matter; Jekyll copied it as is")
                    continue
            elif self.templated(file, rel):
                continue
            self.copy(file, self.content / rel)
            static += 1
        if static:
            self.static_paths.append(name)
            self.report.carried["static files"] += static

    def underscore(self, path: Path) -> None:
        name = path.name
        count = sum(1 for _ in self.files(path)) if path.is_dir() else 1
        files = _plural(count, "file")
        collections = self.config.get("collections") or {}
        if isinstance(collections, list):
            collections = dict.fromkeys(collections, {})
        if name == "_includes":
            for file in self.files(path):
                self.copy(file, self.dest / "_includes" / file.relative_to(path))
            self.includes = True
            self.report.carried["includes"] += count
        elif name == "_data":
            self.data(path)
        elif name == "_layouts":
            self.report.skip(f"_layouts/ ({files}): the theme is Porto's")
        elif name == "_sass":
            self.report.skip(f"_sass/ ({files}): the theme's stylesheet is Porto's")
        elif name == "_plugins":
            self.report.skip(f"_plugins/ ({files}): Ruby plugins do not run in Pelican")
        elif name[1:] in collections:
            self.report.skip(
                f"collection {name[1:]!r} ({name}/, {files}): only posts are carried"
            )
        elif name in _names(self.config.get("include")):
            self.folder(path)
        elif path.is_dir():
            self.report.skip(f"{name}/ ({files}): Jekyll ignores it too")

    def data(self, folder: Path) -> None:
        data: dict[str, Any] = {}
        for file in self.files(folder):
            rel = self.rel(file)
            keys = file.relative_to(folder).with_suffix("").parts
            ext = file.suffix.lower()
            try:
                if ext in (".yml", ".yaml"):
                    value = yaml.safe_load(read_text(file))
                elif ext == ".json":
                    value = json.loads(read_text(file))
                else:
                    self.report.skip(f"{rel}: only YAML and JSON data are carried")
                    continue
            except (yaml.YAMLError, ValueError) as exc:
                self.report.skip(f"{rel}: not readable ({str(exc).splitlines()[0]})")
                continue
            if not _jsonable(value):
                self.report.skip(f"{rel}: holds values that are not JSON (dates?)")
                continue
            where = data
            for key in keys[:-1]:
                where = where.setdefault(key, {})
            where[keys[-1]] = value
            self.report.carried["data files (site.data)"] += 1
        if data:
            self.site_values["data"] = data

    def walk(self) -> None:
        self.posts()
        self.drafts()
        collections = self.collections_dir
        for path in sorted(self.src.iterdir()):
            rel = self.rel(path)
            if path.name in ("_posts", "_drafts") or self.excluded(rel):
                continue
            if path == collections:  # collections_dir: the folders in it
                for inner in sorted(collections.iterdir()):
                    if inner.name.startswith("_") and inner.name not in (
                        "_posts",
                        "_drafts",
                    ):
                        self.underscore(inner)
                continue
            if path.name.startswith("_"):
                self.underscore(path)
            elif path.is_dir():
                self.folder(path)
            elif path.is_file():
                self.root_file(path)

    # -- settings --------------------------------------------------------------

    def plugins(self) -> None:
        for name in _names(self.config.get("plugins")) + _names(
            self.config.get("gems")
        ):
            if name in PLUGINS_DONE:
                self.report.notes.append(f"plugin {name}: done by {PLUGINS_DONE[name]}")
            else:
                self.report.skip(f"plugin {name}: Porto has no equivalent")
        for key in ("theme", "remote_theme"):
            if self.config.get(key):
                self.report.skip(
                    f"{key} {self.config[key]!r}: the theme is Porto's (its options "
                    "in _config.yml are kept in PORTO_JEKYLL_SITE)"
                )

    def settings(self) -> tuple[str, str]:
        config = self.config
        author = config.get("author")
        if isinstance(author, Mapping):
            author_name = str(author.get("name") or "")
            if _jsonable(dict(author)):
                self.site_values["author"] = dict(author)
        else:
            author_name = "" if author is None else str(author)
        skipped_values = []
        for key, value in config.items():
            key = str(key)
            if key in MAPPED_KEYS or key in BUILD_KEYS:
                continue
            if _jsonable(value):
                self.site_values[key] = value
            else:
                skipped_values.append(key)
        for key in skipped_values:
            self.report.skip(
                f"_config.yml {key}: its value is not JSON (a date?); left out of "
                "PORTO_JEKYLL_SITE"
            )
        url = str(config.get("url") or "").strip().rstrip("/")
        baseurl = str(config.get("baseurl") or "").strip().strip("/")
        siteurl = f"{url}/{baseurl}" if url and baseurl else url
        per_page, pattern = self.pagination()
        values = {
            "AUTHOR": author_name,
            "SITENAME": str(config.get("title") or "My blog"),
            "SITESUBTITLE": str(config.get("description") or "").strip() or None,
            "TIMEZONE": str(config.get("timezone") or "UTC"),
            "DEFAULT_LANG": str(config.get("lang") or "en"),
            "PER_PAGE": per_page,
            "PATTERN": pattern,
            "PERMALINK": self.permalink_style(),
            "SEPARATOR": self.excerpt_separator(),
            "SITE": self.site_values,
            "SITEURL": siteurl,
            "FEEDS": self.feed_paths(),
        }
        return self.pelicanconf(values), self.publishconf(values)

    def pagination(self) -> tuple[int | bool, str | None]:
        """DEFAULT_PAGINATION and the path of later index pages."""
        per_page = self.config.get("paginate")
        path = self.config.get("paginate_path")
        v2 = self.config.get("pagination")
        if isinstance(v2, Mapping) and v2.get("enabled"):
            per_page = v2.get("per_page", per_page)
            path = v2.get("permalink", "/page/:num/")
        if isinstance(per_page, bool) or not isinstance(per_page, int) or per_page < 1:
            return 10, None  # Porto's own (Jekyll without paginate: one page)
        path = str(path or "/page:num/")
        if ":num" not in path:
            self.report.skip(f"paginate_path {path!r}: no :num in it; Pelican's used")
            return per_page, None
        return per_page, path

    def excerpt_separator(self) -> str:
        value = self.config.get("excerpt_separator")
        return value if isinstance(value, str) and value else "\n\n"

    def feed_paths(self) -> tuple[str | None, str | None]:
        """Where the Jekyll site's Atom and RSS feeds were: jekyll-feed's
        (``feed.xml`` or its ``feed: path:``), or a Liquid file at the root."""
        atom, rss = self.feeds.get("atom"), self.feeds.get("rss")
        plugins = _names(self.config.get("plugins")) + _names(self.config.get("gems"))
        if "jekyll-feed" in plugins and not atom:
            feed = self.config.get("feed")
            path = feed.get("path") if isinstance(feed, Mapping) else None
            atom = str(path or "feed.xml").lstrip("/")
        return atom, rss

    def pelicanconf(self, v: Mapping[str, Any]) -> str:
        static = sorted(set(self.static_paths))
        lines = [
            '"""Settings of a blog imported from Jekyll by `porto import-jekyll`.',
            "",
            "`pelican content` and `pelican --listen` build with these;",
            "publishconf.py adds the production settings.",
            '"""',
            "",
            "import importlib.util",
            "import os",
            "",
            (
                f"AUTHOR = {v['AUTHOR']!r}"
                if v["AUTHOR"].strip()
                else '# AUTHOR = "Your name"  (_config.yml names no author)'
            ),
            f"SITENAME = {v['SITENAME']!r}",
            f"SITESUBTITLE = {v['SITESUBTITLE']!r}",
            'SITEURL = ""',
            "RELATIVE_URLS = True",
            "",
            'PATH = "content"',
            "# _posts/ and _drafts/ (drafts carry `status: draft`)",
            'ARTICLE_PATHS = ["posts", "drafts"]',
            'PAGE_PATHS = ["pages"]',
            "# The Jekyll site's static folders and root files, copied as they are",
            f"STATIC_PATHS = {static!r}",
            f"EXTRA_PATH_METADATA = {pprint.pformat(self.extra_paths, width=80)}",
            'OUTPUT_PATH = "output"',
            "",
            f"TIMEZONE = {v['TIMEZONE']!r}",
            f"DEFAULT_LANG = {v['DEFAULT_LANG']!r}",
            'DEFAULT_DATE_FORMAT = "%-d %B %Y"',
            "",
            "# Jekyll's categories come from the front matter, not from folders.",
            "USE_FOLDER_AS_CATEGORY = False",
            'DEFAULT_CATEGORY = "Blog"',
            "DISPLAY_CATEGORIES_ON_MENU = False",
            "",
            "",
            "def _porto_theme():",
            '    """Porto\'s theme: installed as pelican/themes/porto, where Pelican',
            '    finds THEME = "porto"; after `pip install -e .` it stays in the',
            '    checkout, which Pelican does not search, so use its folder."""',
            '    spec = importlib.util.find_spec("pelican.themes.porto")',
            "    folders = spec.submodule_search_locations if spec else None",
            "    for folder in folders or []:",
            '        if os.path.isdir(os.path.join(folder, "templates")):',
            "            return folder",
            '    return "porto"',
            "",
            "",
            "THEME = _porto_theme()",
            "",
            "# Porto's plugins, by their full names (any kind of install).",
            "PLUGINS = [",
            *(f'    "pelican.plugins.{name}",' for name in PORTO_PLUGINS),
            "]",
            "",
            "TYPOGRIFY = True",
            "",
            "# Jekyll's URLs: _config.yml's `permalink` for every post and page",
            "# (porto_permalinks); each page carries its own `permalink:`.",
            f"PORTO_JEKYLL_PERMALINK = {v['PERMALINK']!r}",
            "# Drafts (development builds only) and list pages:",
            'ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"',
            'ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"',
            'PAGE_URL = "{slug}/"',
            'PAGE_SAVE_AS = "{slug}/index.html"',
            'TAG_URL = "tag/{slug}/"',
            'TAG_SAVE_AS = "tag/{slug}/index.html"',
            'CATEGORY_URL = "category/{slug}/"',
            'CATEGORY_SAVE_AS = "category/{slug}/index.html"',
            'AUTHOR_URL = "author/{slug}/"',
            'AUTHOR_SAVE_AS = "author/{slug}/index.html"',
            "",
            f"DEFAULT_PAGINATION = {v['PER_PAGE']!r}",
        ]
        if v["PATTERN"]:
            later = v["PATTERN"].strip("/").replace(":num", "{number}")
            if v["PATTERN"].endswith("/"):
                url = f"{{base_name}}/{later}/"
                save_as = f"{{base_name}}/{later}/index.html"
            elif later.endswith(".html"):
                url = save_as = f"{{base_name}}/{later}"
            else:
                url, save_as = f"{{base_name}}/{later}", f"{{base_name}}/{later}.html"
            lines += [
                f"# Jekyll's paginate_path, {v['PATTERN']!r}, for the index and",
                "# the tag, category and author pages",
                "PAGINATION_PATTERNS = [",
                '    (1, "{url}", "{save_as}"),',
                f"    (2, {url!r}, {save_as!r}),",
                "]",
            ]
        lines += [
            "",
            "# The theme's 404 and search pages, written as 404.html and search.html",
            "DIRECT_TEMPLATES = [",
            '    "index",',
            '    "tags",',
            '    "categories",',
            '    "authors",',
            '    "archives",',
            '    "404",',
            '    "search",',
            "]",
            "",
            "# Feeds need an absolute SITEURL: publishconf.py turns them on.",
            "FEED_ALL_ATOM = None",
            "CATEGORY_FEED_ATOM = None",
            "TRANSLATION_FEED_ATOM = None",
            "AUTHOR_FEED_ATOM = None",
            "AUTHOR_FEED_RSS = None",
            "",
            "# Liquid (porto_jekyll): the excerpt ends where Jekyll's did, and",
            "# `site.*` has _config.yml's other values.",
            f"PORTO_JEKYLL_EXCERPT_SEPARATOR = {v['SEPARATOR']!r}",
        ]
        if self.includes:
            lines += [
                "# _includes/ beside content/, so it is not read as pages",
                'PORTO_JEKYLL_INCLUDES_PATH = "../_includes"',
            ]
        lines.append(f"PORTO_JEKYLL_SITE = {pprint.pformat(v['SITE'], width=80)}")
        return "\n".join(lines) + "\n"

    def publishconf(self, v: Mapping[str, Any]) -> str:
        atom, rss = v["FEEDS"]
        feed_note = (
            "# The Jekyll site's feed addresses, so subscriptions keep working"
            if atom or rss
            else "# The site's feeds"
        )
        return _PUBLISHCONF.format(
            siteurl=repr(v["SITEURL"]),
            atom=repr(atom or "feeds/all.atom.xml"),
            rss=repr(rss or "feeds/all.rss.xml"),
            feed_note=feed_note,
        )

    # -- the whole import -------------------------------------------------------

    def run(self) -> None:
        self.load_config()
        self.walk()
        self.check_liquid()
        self.plugins()
        pelicanconf, publishconf = self.settings()
        self.write(self.dest / "pelicanconf.py", pelicanconf)
        self.write(self.dest / "publishconf.py", publishconf)
        for name, where in sorted(self.report.layouts.items()):
            shown = ", ".join(where[:3]) + (", …" if len(where) > 3 else "")
            self.report.skip(
                f"layout {name!r} ({_plural(len(where), 'file')}: {shown}): "
                "drawn with Porto's post or page layout"
            )


_PUBLISHCONF = '''"""Production settings: `pelican content -s publishconf.py`."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403
from porto_cli.siteurl import production_siteurl  # noqa: E402

# --- Site URL -------------------------------------------------------------
# Where the site will live (_config.yml's url and baseurl): canonical URLs,
# feeds and social cards are absolute. PORTO_SITEURL in the environment wins
# when it is set; a production build without a real address stops with one
# line saying so.
SITEURL = {siteurl}
SITEURL = production_siteurl(SITEURL)
# --------------------------------------------------------------------------
RELATIVE_URLS = False

{feed_note}
FEED_ALL_ATOM = {atom}
FEED_ALL_RSS = {rss}
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{{slug}}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# Feeds carry whole posts (figures included, with absolute URLs), in Atom and
# RSS, for the site and for each tag and category.
RSS_FEED_SUMMARY_ONLY = False
CATEGORY_FEED_RSS = "feeds/{{slug}}.rss.xml"
TAG_FEED_RSS = "feeds/tag/{{slug}}.rss.xml"

# Drafts (`status: draft`, `draft: true`, `published: false`) stay private:
# an empty SAVE_AS means Pelican writes no file for them.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
'''


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.relative_to(parent)
    except ValueError:
        return False
    return True


def import_site(src: str | os.PathLike, dest: str | os.PathLike, *, force=False):
    """Import the Jekyll site ``src`` into ``dest``; returns the :class:`Report`.

    Raises :class:`ImportError_` when it cannot start (no such folder, a
    non-empty ``dest`` without ``force``, ``dest`` inside ``src``).
    """
    source = Path(src).expanduser().resolve()
    target = Path(dest).expanduser().resolve()
    if not source.is_dir():
        raise ImportError_(f"{src}: no such folder")
    if not (source / "_posts").is_dir() and not (source / "_config.yml").is_file():
        raise ImportError_(f"{src}: not a Jekyll site (no _config.yml, no _posts/)")
    if _inside(target, source):
        raise ImportError_(
            f"{dest} is inside {src}: write the Porto site somewhere else "
            "(the Jekyll site is never changed)"
        )
    if target.exists() and not target.is_dir():
        raise ImportError_(f"{dest} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise ImportError_(
            f"{dest} is not empty; choose an empty folder, or add --force to write "
            "into it (files of the same name are replaced)"
        )
    job = JekyllImport(source, target)
    target.mkdir(parents=True, exist_ok=True)
    job.run()
    return job.report


def format_report(report: Report, src: str, dest: str) -> str:
    lines = [f"Imported the Jekyll site {src} into {dest}:"]
    order = [
        "posts",
        "drafts",
        "pages",
        "static files",
        "files at the root",
        "files next to posts",
        "files next to drafts",
        "includes",
        "data files (site.data)",
    ]
    for kind in order + sorted(set(report.carried) - set(order)):
        if report.carried.get(kind):
            lines.append(f"  {kind:<24}{report.carried[kind]:>5}")
    lines.append("  settings                  pelicanconf.py, publishconf.py")
    for note in report.notes:
        lines.append(f"  - {note}")
    if report.not_carried:
        lines.append(f"Not carried ({len(report.not_carried)}):")
        lines += [f"  - {what}" for what in report.not_carried]
    else:
        lines.append("Not carried: nothing.")
    lines.append(
        f"Next: cd {dest} && pelican content (preview), or "
        "pelican content -s publishconf.py (production)"
    )
    return "\n".join(lines)


def run(src: str, dest: str, *, force: bool = False) -> int:
    try:
        report = import_site(src, dest, force=force)
    except ImportError_ as exc:
        print(f"porto import-jekyll: {exc}", file=sys.stderr)
        return 2
    print(format_report(report, src, dest))
    return 0
