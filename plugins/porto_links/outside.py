"""Keep Pelican from publishing files from outside the content folder.

Pelican's static generator copies every file under ``STATIC_PATHS`` and every
file a page links with ``{static}``/``{attach}``, and it follows symbolic
links: ``images/leak.png -> /etc/hostname``, a linked folder, or
``{static}/../secret.txt`` would be published, and a ``save_as`` that climbs
out of the output folder would write outside it. Porto's own link resolution
refuses such files (``porto_pipeline.local_file``); this is the net under the
rest: links in raw HTML, in front matter, and ``STATIC_PATHS``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

from pelican.contents import Content, Static
from pelican.plugins.porto_pipeline import is_inside, real_folder, real_path

logger = logging.getLogger(__name__)

__all__ = ["drop_outside_files"]


def drop_outside_files(generator: Any) -> None:
    """``static_generator_finalized``: drop the files that must not be copied.

    Each dropped file gets one warning naming the posts that link to it (or
    the file, when none does); Pelican then reports those links as unresolved.
    """
    root = os.path.abspath(generator.path)
    real_root = real_folder(root)
    output = os.path.abspath(generator.output_path)
    refused: list[tuple[Static, str]] = []
    kept = []
    for static in generator.staticfiles:
        reason = _reason(static, root, real_root, output)
        if reason is None:
            kept.append(static)
        else:
            refused.append((static, reason))
    if not refused:
        return
    # The same list object is the context's "staticfiles": change it in place.
    generator.staticfiles[:] = kept
    static_content = generator.context.get("static_content", {})
    wanted = {static.relative_source_path for static, _ in refused}
    linking = _linking_posts(generator.context, wanted)
    for static, reason in refused:
        relative = static.relative_source_path
        static_content.pop(relative, None)  # links to it: Pelican's "Unable to find"
        for name in linking.get(relative) or [relative]:
            logger.warning(
                "%s: %s %s: not published",
                name,
                relative if name != relative else "the file",
                reason,
            )


def _reason(static: Static, root: str, real_root: str, output: str) -> str | None:
    source = os.path.abspath(static.source_path)
    if not is_inside(source, root):
        return "lies outside the content folder"
    real = real_path(source)
    if real != source and not is_inside(real, real_root):
        return f"is a link to {real}, outside the content folder"
    # Reading save_as marks the location as used, and an {attach} link could
    # then no longer move the file next to its post: the mark is put back.
    referenced = static.__dict__.get("_output_location_referenced")
    save_as = getattr(static, "save_as", "") or ""
    if referenced is not None:
        static._output_location_referenced = referenced
    target = os.path.normpath(os.path.join(output, save_as))
    if save_as and not is_inside(target, output):
        return f"would be written to {target}, outside the output folder"
    return None


def _linking_posts(context: dict, wanted: set[str]) -> dict[str, list[str]]:
    """Static path -> the source files (relative to PATH) of what links to it."""
    found: dict[str, list[str]] = {}
    for content in _contents(context):
        try:
            links = content.get_static_links()
        except Exception:  # an odd object: it simply names no file
            continue
        for path in links & wanted:
            name = content.relative_source_path or content.source_path
            if name not in found.setdefault(path, []):
                found[path].append(name)
    return found


def _contents(context: dict) -> Iterator[Content]:
    seen: set[int] = set()
    for value in list(context.values()):
        if not isinstance(value, list):
            continue
        for item in value:
            for content in (item, *(getattr(item, "translations", None) or ())):
                if (
                    isinstance(content, Content)
                    and not isinstance(content, Static)
                    and id(content) not in seen
                ):
                    seen.add(id(content))
                    yield content
