"""Checks across posts: what one post alone cannot show is wrong.

* Two documents that would be written to the same file (two posts with the same
  slug in one month: Jekyll allows it, its URLs carry the day). The earlier
  keeps its address; the later gets its day added to the slug
  (``same`` → ``same-15``), or a number when that is taken too, with a warning
  naming both files. Links to either (``{filename}``, ``.md`` paths) follow.
* A document whose slug came out empty (a title and file name of emoji) gets
  the slug ``post`` and the same treatment.
* A ``template`` the theme does not have: the default template, with a warning.
* A folder symlink that loops back to a folder that holds it: not followed,
  with a warning.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican.contents import Static
from pelican.plugins.porto_pipeline import documents

from .safety import key_line, shorten

__all__ = [
    "check_templates",
    "claim_output",
    "report_fallback_slugs",
    "skip_repeated_folders",
]

logger = logging.getLogger(__name__)

# Where a build keeps who writes which file: in the build's shared context,
# new for every run (also with --autoreload).
_CLAIMS = "_porto_output_claims"
# A slug for documents whose slug came out empty.
FALLBACK_SLUG = "post"


def _name(item: Any) -> str:
    source = getattr(item, "source_path", "") or ""
    root = item.settings.get("PATH") or ""
    try:
        return os.path.relpath(source, root) if root else source
    except ValueError:
        return source


def _order(item: Any) -> tuple:
    """Earlier documents keep their address: by date, then by file name."""
    date = getattr(item, "date", None)
    stamp = date.timestamp() if hasattr(date, "timestamp") else float("inf")
    return (stamp, getattr(item, "source_path", "") or "")


def _set_slug(item: Any, slug: str) -> None:
    item.slug = slug
    if isinstance(getattr(item, "metadata", None), dict):
        item.metadata["slug"] = slug


def claim_output(instance: Any) -> None:
    """``content_object_init``: give every written document a file of its own."""
    if isinstance(instance, Static) or not hasattr(instance, "slug"):
        return
    fallback = not instance.slug
    if not fallback and instance.slug != shorten(instance.slug):
        logger.warning(
            "%s: the slug is %d bytes, too long for a file name; using %r",
            _name(instance), len(instance.slug.encode("utf-8")),
            shorten(instance.slug),
        )  # fmt: skip
        _set_slug(instance, shorten(instance.slug))
    if fallback:
        _set_slug(instance, FALLBACK_SLUG)
        instance._porto_fallback_slug = True
    context = getattr(instance, "_context", None)
    if isinstance(context, dict):
        _claim(instance, context.setdefault(_CLAIMS, {}))


def report_fallback_slugs(generator: Any) -> None:
    """``*_generator_finalized``: one message for each document that got the
    fallback slug, with the slug it ends up with."""
    for item in documents([generator]):
        if getattr(item, "_porto_fallback_slug", False):
            logger.warning(
                "%s: neither the title nor the file name has letters or digits "
                "for an address; using the slug %r (set `slug:` to choose one)",
                _name(item), item.slug,
            )  # fmt: skip


def _claim(item: Any, claims: dict[str, Any]) -> None:
    path = _output(item)
    if not path:
        return  # not written (a draft in production)
    holder = claims.get(path)
    if holder is None or holder is item:
        claims[path] = item
        return
    first, later = sorted((holder, item), key=_order)
    claims[path] = first
    _move(later, first, path, claims)


def _output(item: Any) -> str:
    try:
        save_as = item.save_as
    except Exception:  # a URL pattern that cannot be formatted: Pelican says so
        return ""
    return os.path.normpath(save_as) if save_as else ""


def _move(item: Any, keeper: Any, path: str, claims: dict[str, Any]) -> None:
    """Give ``item`` the first free slug: its day, then a number."""
    slug = item.slug
    date = getattr(item, "date", None)
    candidates = [f"{slug}-{date:%d}"] if hasattr(date, "day") else []
    candidates += [f"{slug}-{n}" for n in range(2, 1000)]
    for candidate in candidates:
        _set_slug(item, candidate)
        if _output(item) == path:  # the file does not follow the slug: save_as
            _set_slug(item, slug)
            item.override_save_as = ""  # Pelican writes nothing for ""
            logger.warning(
                "%s: `save_as` names the same file as %s (%s); only the earlier "
                "post is written",
                _name(item), _name(keeper), path,
            )  # fmt: skip
            return
        if _output(item) not in claims:
            break
    claims[_output(item)] = item
    if getattr(item, "_porto_fallback_slug", False):
        return  # reported once the slug is final: report_fallback_slugs
    logger.warning(
        "%s: same address as %s (%s); this one is published with the slug %r "
        "(set `slug:` in its front matter to choose another)",
        _name(item), _name(keeper), path, item.slug,
    )  # fmt: skip


# -- templates -----------------------------------------------------------------


def check_templates(generator: Any) -> None:
    """``*_generator_finalized``: a ``template`` the theme lacks falls back."""
    get_template = getattr(generator, "get_template", None)
    if get_template is None:
        return
    seen: set[str] = set()
    for item in documents([generator]):
        name = getattr(item, "template", None)
        default = getattr(item, "default_template", None)
        if name is None or name == default:
            continue
        if isinstance(name, str) and name in seen:
            continue
        try:
            if not isinstance(name, str) or not name.strip():
                raise TypeError("not a template name")  # `template: []`, `: 3`
            get_template(name)
        except Exception as error:  # PelicanTemplateNotFound, a broken template
            if default is None:
                continue
            item.template = default
            line = _line(item, "template")
            logger.warning(
                "%s: no usable template %r in the theme (%s); using %r",
                f"{_name(item)}: line {line}" if line else _name(item),
                name, type(error).__name__, default,
            )  # fmt: skip
        else:
            seen.add(name)


def _line(item: Any, key: str) -> int:
    try:
        with open(item.source_path, encoding="utf-8", errors="replace") as handle:
            return key_line(handle.read(20_000), key)
    except (OSError, TypeError):
        return 0


# -- folder symlinks -------------------------------------------------------------


def skip_repeated_folders(pelican: Any) -> None:
    """``initialized``: leave out folder symlinks that loop.

    Pelican follows every folder symlink: one pointing to a folder above it
    makes it read the same posts forty times over (until the system refuses
    the path) and stop on the second copy it writes.
    """
    settings = pelican.settings
    root = settings.get("PATH")
    if not root or not os.path.isdir(root):
        return
    skipped = []
    for folder, dirs, _ in os.walk(root):
        for name in dirs:
            link = os.path.join(folder, name)
            if not os.path.islink(link):
                continue
            target = os.path.realpath(link)
            here = os.path.realpath(folder)
            if here != target and not here.startswith(target + os.sep):
                continue
            relative = os.path.relpath(link, root)
            skipped.append(relative.replace(os.sep, "/"))
            logger.warning(
                "%s: a symbolic link to %s, a folder that holds it; not followed "
                "(Pelican would read what it holds again and again)",
                relative, target,
            )  # fmt: skip
    if skipped:
        for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES", "STATIC_EXCLUDES"):
            settings[key] = [*(settings.get(key) or []), *skipped]
