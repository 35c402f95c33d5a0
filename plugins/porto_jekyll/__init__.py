"""Porto Jekyll: Jekyll posts built as Jekyll builds them.

Renders the Liquid of posts with YAML front matter before Markdown (Jekyll's
tags and filters, ``site.*``, ``page.*``, the includes real posts use) and
makes Jekyll's excerpts. It runs as a body step of porto_frontmatter's reader,
so it needs porto_frontmatter; a post without ``{{`` or ``{%`` never reaches
the Liquid engine.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

from pelican import signals
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_frontmatter import frontmatter as _frontmatter
from pelican.plugins.porto_frontmatter import preprocess as _preprocess
from pelican.plugins.porto_pipeline import settings as _settings

from . import excerpt
from .excerpt import MORE, mark_excerpt, take_excerpt

__all__ = ["SETTINGS", "register", "render_body"]

logger = logging.getLogger(__name__)


def _site_dict(value: Any, report: Any) -> dict:
    if not isinstance(value, Mapping):
        raise _settings.Unusable
    return dict(value)


def _separator(value: Any, report: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _settings.Unusable
    return value


def _folder(value: Any, report: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _settings.Unusable
    return value


SETTINGS = {
    # Render Liquid in posts with YAML front matter.
    "PORTO_JEKYLL_LIQUID": _settings.flag(True),
    # Jekyll's _config.yml values for site.* (site.url/baseurl are always "").
    "PORTO_JEKYLL_SITE": _settings.custom({}, "a dict", _site_dict),
    # The user's own includes, relative to PATH (the content folder).
    "PORTO_JEKYLL_INCLUDES_PATH": _settings.custom(
        "_includes", "a folder name", _folder
    ),
    # Jekyll's excerpt_separator for posts with no excerpt in their front
    # matter: "\n\n" is Jekyll's default (the first paragraph). None keeps
    # Pelican's summary (SUMMARY_MAX_LENGTH); <!--more--> and a post's own
    # excerpt_separator work either way.
    "PORTO_JEKYLL_EXCERPT_SEPARATOR": _settings.custom(
        None, 'a string such as "\\n\\n" or None', _separator
    ),
}

# One environment per build (per settings object): sites built one after the
# other in a process do not share includes or site values.
_ENVIRONMENTS: dict[int, tuple[Mapping[str, Any], Any]] = {}


def environment(settings: Mapping[str, Any]) -> Any:
    """The build's Liquid environment, made for its first post with Liquid.

    python-liquid is imported only then (about 0.1 s and 5 MiB): a site
    without Liquid never loads it.
    """
    from .engine import JekyllEnvironment

    kept = _ENVIRONMENTS.get(id(settings))
    if kept is None or kept[0] is not settings:
        kept = _ENVIRONMENTS[id(settings)] = (settings, JekyllEnvironment(settings))
    return kept[1]


def _setting(settings: Mapping[str, Any], name: str) -> Any:
    return settings.get(name, SETTINGS[name].default)


def _is_off(value: Any) -> bool:
    return value is False or str(value).strip().lower() in {"false", "no", "0"}


def _page(post: Any) -> dict[str, Any]:
    """``page.*``: the front matter, with Jekyll's title, date and lists."""
    page = dict(post.front)
    path = post.source_path
    page.setdefault("title", _frontmatter.title_from_filename(path))
    if "date" in page:
        page["date"] = _frontmatter.to_datetime(page["date"]) or page["date"]
    else:
        page["date"] = _frontmatter.date_from_filename(path)
    for key in ("tags", "categories"):
        if key in page:
            page[key] = _frontmatter.split_tag_string(page[key])
    page["path"] = post.name.replace(os.sep, "/")
    page.setdefault("slug", _frontmatter.stem_without_date(path))
    return page


def render_body(body: str, post: Any) -> str:
    """porto_frontmatter's body step: Liquid, then Jekyll's excerpt."""
    settings = post.settings
    front = post.front
    if (
        ("{{" in body or "{%" in body)
        and _setting(settings, "PORTO_JEKYLL_LIQUID")
        and not _is_off(front.get("render_with_liquid", True))
    ):
        body = _render_liquid(body, post)
    if not _is_page(post):
        separator = front.get("excerpt_separator")
        if not isinstance(separator, str) or not separator:
            separator = _setting(settings, "PORTO_JEKYLL_EXCERPT_SEPARATOR")
            if MORE in body and separator in (None, "\n\n"):
                separator = MORE
        if separator and not _has_summary(front, settings):
            body = mark_excerpt(body, separator)
    return body


def _render_liquid(body: str, post: Any) -> str:
    env = environment(post.settings)
    text, problems = env.render_post(body, _page(post), post.name, post.first_line)
    if problems:
        listed = "; ".join(
            f"line {p.line}: {p.what}" if p.line else p.what for p in problems
        )
        logger.warning(
            "%s: Liquid that Porto cannot render was left out (%s)",
            post.name, listed,
        )  # fmt: skip
    return text


def _has_summary(front: Mapping[str, Any], settings: Mapping[str, Any]) -> bool:
    keys = settings.get("PORTO_FRONTMATTER_SUMMARY_KEYS") or ()
    return any(front.get(key) not in (None, "") for key in keys)


def _is_page(post: Any) -> bool:
    rel = post.name.replace(os.sep, "/")
    for folder in post.settings.get("PAGE_PATHS") or []:
        folder = folder.strip("/")
        if folder and (rel == folder or rel.startswith(folder + "/")):
            return True
    return False


def _close(html: str) -> str:
    return porto_pipeline.serialise(porto_pipeline.parse(html)) if html else ""


def excerpt_from_content(instance: Any) -> None:
    """``content_object_init``: the summary is the HTML before the excerpt mark.

    The pipeline runs first (it does nothing a second time), so the summary
    carries its work whatever order the signal calls its receivers in.
    """
    if excerpt.MARK in (getattr(instance, "_content", None) or ""):
        porto_pipeline.process_content(instance)
        take_excerpt(instance, _close)


def register() -> None:
    signals.initialized.connect(_settings.checker(__name__, SETTINGS))
    signals.content_object_init.connect(excerpt_from_content)
    _preprocess.add_body_step("jekyll", render_body, order=10, plugin=__name__)
