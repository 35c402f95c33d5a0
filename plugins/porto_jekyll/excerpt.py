"""Jekyll's excerpt: the Markdown before the excerpt separator."""

from __future__ import annotations

import re

__all__ = ["MORE", "excerpt"]

MORE = "<!--more-->"
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})", re.MULTILINE)
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)


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


def excerpt(body: str, separator: str) -> str:
    """The Markdown before the first ``separator`` outside a fenced code block.

    No separator: the whole body, as in Jekyll. Link reference definitions
    from the rest of the post are added, so ``[text][ref]`` links still work.
    """
    text = body.lstrip("\n")
    start = 0
    while True:
        at = text.find(separator, start)
        if at < 0:
            return text
        head = text[:at]
        if head.strip() and not _inside_fence(head):
            break
        start = at + len(separator)
    rest = text[at:]
    references = _REFERENCE.findall(rest) if "]:" in rest else []
    if references:
        head = head.rstrip("\n") + "\n\n" + "\n".join(references)
    return head
