"""Jekyll's excerpt: the post up to its excerpt separator.

The reader marks the cut in the Markdown (:func:`mark_excerpt`); once the
post's HTML has been through the Porto pipeline, :func:`take_excerpt` makes
the summary from the HTML before the mark. So the excerpt is the post's own
finished HTML: its links resolved, figures made, typography applied, and
reference links defined further down work.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["MARK", "MORE", "mark_excerpt", "take_excerpt"]

MORE = "<!--more-->"
MARK = "<!--porto-jekyll-excerpt-->"
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)


def _inside_fence(text: str) -> bool:
    """Whether ``text`` ends inside a fenced code block it opened."""
    opened: str | None = None
    for match in _FENCE.finditer(text):
        fence = match.group(1)
        if opened is None:
            opened = fence
        elif fence[0] == opened[0] and len(fence) >= len(opened):
            opened = None
    return opened is not None


def mark_excerpt(body: str, separator: str) -> str:
    """``body`` with :data:`MARK` at the first ``separator`` that ends an excerpt.

    That is the first one with text before it, outside a fenced code block.
    A blank-line separator keeps its blank lines around the mark (the mark is
    then a block of its own); any other separator is replaced by the mark.
    No such separator: the mark goes at the end (the whole post, as Jekyll).
    """
    start = len(body) - len(body.lstrip())
    while True:
        at = body.find(separator, start)
        if at < 0:
            return f"{body}\n\n{MARK}\n"
        head = body[:at]
        if head.strip() and not _inside_fence(head):
            break
        start = at + len(separator)
    if not separator.strip():
        return f"{head}\n\n{MARK}{body[at:]}"
    return head + MARK + body[at + len(separator) :]


def take_excerpt(instance: Any, close: Any) -> None:
    """Cut ``instance``'s summary at the mark and take the mark out.

    ``close(html)`` returns the HTML with the elements left open closed.
    A summary from the front matter is kept.
    """
    html = getattr(instance, "_content", None)
    if not html or MARK not in html:
        return
    head, _, tail = html.partition(MARK)
    instance._content = head + tail
    if "summary" in instance.metadata:
        return
    summary = close(head.strip())
    instance.metadata["summary"] = summary
    instance._summary = summary
