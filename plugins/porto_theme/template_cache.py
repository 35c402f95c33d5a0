"""Compiled templates kept from one build to the next.

Pelican compiles each template it uses on every build, in each generator's
Jinja environment: Porto's theme is about thirty files, a tenth of a second
and two MiB on every build and on every ``--autoreload`` rebuild. Jinja keeps
compiled templates itself when an environment has a bytecode cache; this
plugin gives Pelican's environments one (``PORTO_THEME_TEMPLATE_CACHE``).

Jinja's file cache finds a template's compiled code by the template's name and
file, and uses it only while the file's text is the text it was compiled from
(and the Python version is the one that compiled it). What it does not look at
is the environment: its extensions (``jinja2.ext.i18n``), gettext's style,
delimiters, ``trim_blocks``… change the compiled code too. So the key here
also holds those, and two sites built with different settings never share a
compiled template.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from hashlib import sha1
from typing import Any

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

__all__ = ["TemplateCache", "environment_signature", "template_cache"]

logger = logging.getLogger(__name__)

# The Environment options that change what a template compiles to.
_OPTIONS = (
    "block_start_string", "block_end_string", "variable_start_string",
    "variable_end_string", "comment_start_string", "comment_end_string",
    "line_statement_prefix", "line_comment_prefix", "trim_blocks",
    "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized",
    "is_async", "autoescape", "finalize", "newstyle_gettext",
)  # fmt: skip


def _stable(value: Any) -> str:
    """A text for ``value`` that is the same in every process."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_stable(item) for item in value) + "]"
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    module = getattr(value, "__module__", None) or type(value).__module__
    return f"{module}.{name}"


def environment_signature(environment: jinja2.Environment) -> str:
    """A short hash of what, besides a template's text, shapes its compiled code."""
    parts = [jinja2.__version__]
    for name in _OPTIONS:
        parts.append(f"{name}={_stable(getattr(environment, name, None))}")
    parts.append(",".join(sorted(environment.extensions)))
    parts.append(",".join(sorted(environment.filters)))
    parts.append(",".join(sorted(environment.tests)))
    parts += sorted(f"{k}={_stable(v)}" for k, v in environment.policies.items())
    return sha1("\n".join(parts).encode("utf-8")).hexdigest()[:16]


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, keyed by the environment as well as the template.

    A cache folder that cannot be written (read-only, full) only costs the
    saving: the template is compiled as without a cache, and the build goes on.
    """

    def get_bucket(
        self,
        environment: jinja2.Environment,
        name: str,
        filename: str | None,
        source: str,
    ) -> Bucket:
        signature = environment_signature(environment)
        key = f"{self.get_cache_key(name, filename)}-{signature}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError as error:  # unreadable: compile as without a cache
            logger.debug("porto_theme: template cache not read: %s", error)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError as error:
            logger.debug("porto_theme: template cache not written: %s", error)


# One cache object per folder, for the whole process; None for a folder that
# could not be used (said once).
_caches: dict[str, TemplateCache | None] = {}


def template_cache(
    setting: Any, report: Callable[..., None] = logger.warning
) -> TemplateCache | None:
    """The cache for ``PORTO_THEME_TEMPLATE_CACHE``: ``True`` for Jinja's
    folder for this user under the system's temporary folder, a path for that
    folder, ``False`` for none."""
    if setting is False or setting is None:
        return None
    key = "" if setting is True else os.path.abspath(os.path.expanduser(setting))
    if key in _caches:
        return _caches[key]
    try:
        if key:
            os.makedirs(key, exist_ok=True)
        cache = TemplateCache(key or None, pattern="porto-%s.cache")
    except (OSError, RuntimeError) as error:
        report(
            "porto_theme: PORTO_THEME_TEMPLATE_CACHE: no folder for compiled "
            "templates (%s); templates are compiled on every build",
            error,
        )
        cache = None
    _caches[key] = cache
    return cache
