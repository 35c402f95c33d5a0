"""Porto's faster inline step, or Markdown as it is when that step cannot run.

:mod:`.inline` leans on private parts of Python-Markdown and of ``re``. If a
new version moves them, posts must still be read: the import, the speed-up
and each conversion fall back to stock Markdown, said in one debug line.
"""

from __future__ import annotations

import logging
from typing import Any

from markdown import Markdown

logger = logging.getLogger(__name__)

__all__ = ["convert", "speed_up"]

try:
    from . import inline as _inline
except Exception as error:  # e.g. a Python whose re module moved its parser
    _inline = None
    logger.debug("Porto's fast inline step is off (%r): Markdown as it is", error)


def speed_up(md: Markdown) -> bool:
    """Porto's inline step on ``md`` when it can run; say whether it does."""
    if _inline is None:
        return False
    try:
        return _inline.speed_up(md)
    except Exception as error:
        _inline._give_up(error)
        return False


def convert(md: Markdown, text: str) -> Any:
    """``md.convert(text)``; on a failure of Porto's step, Markdown's own."""
    try:
        return md.convert(text)
    except Exception as error:
        if _inline is None or not _inline.slow_down(md, error):
            raise  # not Porto's doing: the post's own problem
        md.reset()
        return md.convert(text)
