"""Image attributes on the shared tree: lazy loading, intrinsic size, alt text."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_pipeline.settings import flag, read, whole

logger = logging.getLogger(__name__)

__all__ = ["SETTINGS", "image_size", "note_image_size", "set_image_attributes"]

SETTINGS = {
    # loading="lazy" decoding="async" on every image after the first EAGER ones.
    "PORTO_IMAGES_LAZY": flag(True),
    # How many images at the top of a page load straight away (the first one is
    # usually in view: lazy loading it would only delay it).
    "PORTO_IMAGES_EAGER": whole(1),
    # width/height read from the local file, so the page does not jump.
    "PORTO_IMAGES_SIZE": flag(True),
    # An image with no alt attribute gets alt="" and one warning per post.
    "PORTO_IMAGES_WARN_MISSING_ALT": flag(True),
}

# EXIF orientations that turn the picture a quarter: browsers show it rotated,
# so its displayed width and height are the stored ones swapped.
_QUARTER_TURNS = {5, 6, 7, 8}
_EXIF_ORIENTATION = 0x0112


def image_size(path: str) -> tuple[int, int] | None:
    """Displayed (width, height) of the image file at ``path``, or ``None``.

    Pillow reads only the file header. Files it cannot read (SVG, broken or
    truncated files) give ``None``: the image simply goes without a size.
    """
    from PIL import Image  # imported on first use: keeps plugin start-up light

    # Pillow warns (or refuses, past twice the limit) when it opens an image of
    # more than MAX_IMAGE_PIXELS, as a guard against decoding it. Only the
    # header is read here, so its check is set aside for this call, and the
    # caller reports a huge image naming the post (see heavy_image).
    limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = None
    try:
        with Image.open(path) as image:
            width, height = image.size
            orientation = None
            # Only EXIF found in the header (JPEG's APP1): asking Pillow for
            # EXIF it has not seen yet makes it decode the whole image.
            if "exif" in image.info:
                try:
                    orientation = image.getexif().get(_EXIF_ORIENTATION)
                except Exception:  # a damaged EXIF block: the stored size stands
                    orientation = None
    except Exception as error:  # Pillow raises many kinds for unreadable files
        logger.debug("no size for %s: %s", path, error)
        return None
    finally:
        Image.MAX_IMAGE_PIXELS = limit
    if orientation in _QUARTER_TURNS:
        width, height = height, width
    if width <= 0 or height <= 0:
        return None
    return width, height


def heavy_image(size: tuple[int, int]) -> int | None:
    """Pillow's pixel limit when an image of ``size`` is past it, else ``None``."""
    from PIL import Image

    limit = Image.MAX_IMAGE_PIXELS
    if limit and size[0] * size[1] > limit:
        return limit
    return None


def _warn_heavy(doc: Any, path: str, size: tuple[int, int]) -> None:
    root = getattr(doc, "content_root", "")
    shown = os.path.relpath(path, root).replace(os.sep, "/") if root else path
    logger.warning(
        "%s: image %s is %d×%d pixels, more than Pillow's limit of %d: far "
        "too large for a web page; scale it down",
        doc.relative_path or doc.source_path or "(unknown file)",
        shown,
        size[0],
        size[1],
        heavy_image(size),
    )


def set_image_attributes(
    tree: etree._Element, settings: Mapping[str, Any], doc: Any
) -> None:
    """Lazy loading, intrinsic size and an alt attribute for every image.

    Attributes the author wrote are kept: an image with ``loading``, ``width``
    or ``height`` already set is not given another value.
    """
    lazy = read(settings, SETTINGS, "PORTO_IMAGES_LAZY")
    eager = read(settings, SETTINGS, "PORTO_IMAGES_EAGER")
    sizes = read(settings, SETTINGS, "PORTO_IMAGES_SIZE")
    warn_alt = read(settings, SETTINGS, "PORTO_IMAGES_WARN_MISSING_ALT")
    known: dict[str, tuple[int, int] | None] = {}
    missing_alt: list[str] = []
    for position, img in enumerate(tree.iter("img")):
        attrs = img.attrib
        src = attrs.get("src") or ""
        if lazy and position >= eager and "loading" not in attrs:
            attrs["loading"] = "lazy"
            if "decoding" not in attrs:
                attrs["decoding"] = "async"
        if sizes and "width" not in attrs and "height" not in attrs:
            if src not in known:
                path = porto_pipeline.local_file(src, doc)
                known[src] = image_size(path) if path else None
                if known[src] and heavy_image(known[src]):
                    _warn_heavy(doc, path, known[src])
            size = known[src]
            if size:
                attrs["width"], attrs["height"] = str(size[0]), str(size[1])
        alt = attrs.get("alt")
        # alt="" is reported by Pelican itself ("Empty alt attribute…"); what
        # it misses is an <img> with no alt at all, or one of only spaces.
        if alt is None or (alt and not alt.strip()):
            if alt is None:
                attrs["alt"] = ""
            missing_alt.append(src or "(no src)")
    if warn_alt and missing_alt:
        logger.warning(
            "%s: %d image(s) without alt text, which screen readers need: %s",
            doc.relative_path or doc.source_path or "(unknown file)",
            len(missing_alt),
            ", ".join(missing_alt),
        )


def _hero_source(metadata: Mapping[str, Any]) -> str | None:
    """The picture to show at the top of a post, as written in its front matter.

    ``image``, else Minimal Mistakes' ``header.image`` (or ``overlay_image``).
    When ``image`` is only the card's ``header.teaser`` (porto_frontmatter
    takes it from there), the header's own image is the better hero.
    """
    image = metadata.get("image")
    image = image.strip() if isinstance(image, str) else ""
    header = metadata.get("header")
    if isinstance(header, Mapping):
        big = header.get("image") or header.get("overlay_image")
        teaser = header.get("teaser")
        if isinstance(big, str) and big.strip():
            if not image or (isinstance(teaser, str) and teaser.strip() == image):
                return big.strip()
    return image or None


def note_image_size(
    tree: etree._Element, settings: Mapping[str, Any], doc: Any
) -> None:
    """Pipeline transform: the post's hero image and its size.

    ``doc.data["hero_image"]`` is the front matter picture to show above the
    post (see :func:`_hero_source`); ``image_size`` its (width, height) when
    the file is under the content folder and readable. A path is from the site
    root, as Jekyll reads it (``images/a.jpg`` is ``/images/a.jpg``).
    ``image_in_content`` is True when the post shows that file itself, so a
    theme need not show it twice. Reads the tree, never changes it.
    """
    hero = _hero_source(doc.metadata)
    if hero is None:
        return
    src = hero
    if not src.startswith(("{", "/")) and ":" not in src.split("/")[0]:
        src = "/" + src
    path = porto_pipeline.local_file(src, doc)
    parts = urlsplit(src)
    if path is None and not (parts.scheme or parts.netloc):
        return  # a local picture that is not there is not shown (no broken image)
    doc.data["hero_image"] = hero
    if path is not None and read(settings, SETTINGS, "PORTO_IMAGES_SIZE"):
        size = image_size(path)
        if size:
            doc.data["image_size"] = size
    for img in tree.iter("img"):
        shown = img.get("src") or ""
        # the same file, or the same remote address
        if shown == hero or (path and porto_pipeline.local_file(shown, doc) == path):
            doc.data["image_in_content"] = True
            break
