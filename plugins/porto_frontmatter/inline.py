"""Python-Markdown's inline step, passing over patterns that cannot match.

Markdown's inline step tries each inline pattern (code spans, escapes, links,
images, autolinks, line breaks, inline HTML, entities, emphasis…) on every text
of the document, one regular-expression search each, most of them on texts
holding none of the characters the pattern starts with.

Here each pattern's regular expression is read once to find text any match must
contain (``[`` for a link, ``&`` for an entity, ``  \\n`` for a line break…).
A pattern is passed over on a text without it, which is exactly what trying it
would do: find nothing, move on to the next pattern. The HTML is the same byte
for byte (the tests compare it with Markdown's own on generated posts). Patterns
whose expression gives no such text, and old-style patterns, are always tried.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

from markdown import Markdown, inlinepatterns, treeprocessors, util

try:  # the regular-expression parser: re._parser since Python 3.11
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = ["needed_text", "speed_up"]

logger = logging.getLogger(__name__)

# Markdown's private names this relies on (a class's __names are stored so).
_TRY = "_InlineProcessor__applyPattern"
_HANDLE = "_InlineProcessor__handleInline"


def speed_up(md: Markdown) -> bool:
    """Give ``md`` the faster inline step; say whether it could.

    Only Markdown's own inline step is replaced (an extension that brought its
    own is left alone), and only on a Markdown whose private methods are the
    ones this was written against.
    """
    step = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None
    if type(step) is not treeprocessors.InlineProcessor or not _supported():
        return False
    step.__class__ = QuickInlineProcessor
    return True


@functools.cache
def _supported() -> bool:
    base = treeprocessors.InlineProcessor
    ok = callable(getattr(base, _TRY, None)) and callable(getattr(base, _HANDLE, None))
    if not ok:
        logger.debug("Markdown's inline step has changed; Porto uses it as it is")
    return ok


class QuickInlineProcessor(treeprocessors.InlineProcessor):
    """Markdown's inline step; a pattern is tried only on text it can match."""

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        # Extensions may add patterns up to this point: read them now.
        self._porto_patterns = [
            (pattern, _pattern_needs(pattern)) for pattern in self.inlinePatterns
        ]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        # Markdown's loop: try pattern after pattern; a match replaces part of
        # the text by a placeholder and the same pattern is tried again past
        # it. Markdown's own version is called by name from inside the class
        # (its __applyPattern recurses into it), hence this name.
        if isinstance(data, util.AtomicString):
            return data
        patterns = self._porto_patterns
        try_pattern = getattr(self, _TRY)
        index, start = patternIndex, 0
        while index < len(patterns):
            pattern, needs = patterns[index]
            if needs is not None:
                for text in needs:
                    if text in data:
                        break
                else:
                    # What a try would give: no match, next pattern from 0.
                    index, start = index + 1, 0
                    continue
            data, matched, start = try_pattern(pattern, data, index, start)
            if not matched:
                index += 1
        return data


def _pattern_needs(pattern: Any) -> tuple[str, ...] | None:
    # Old-style patterns wrap their expression in "^(.*?)…(.*)$" and are
    # matched differently: always tried.
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None
    compiled = pattern.getCompiledRegExp()
    if not isinstance(compiled, re.Pattern):
        return None
    return needed_text(compiled)


@functools.lru_cache(maxsize=256)
def needed_text(compiled: re.Pattern) -> tuple[str, ...] | None:
    """Texts of which every match of ``compiled`` contains at least one, or None.

    None when the expression gives no such text (it can match anything, or
    it is too involved to tell).
    """
    try:
        parsed = _sre_parse.parse(compiled.pattern, compiled.flags)
    except Exception:  # an expression Python compiled but this reading cannot
        return None
    found = _needs(list(parsed))
    if not found:
        return None
    if compiled.flags & re.IGNORECASE and not all(
        text.isascii() and not any(c.isalpha() for c in text) for text in found
    ):
        return None  # a letter may match in another case
    return tuple(sorted(set(found)))


_ZERO_WIDTH = {_sre.AT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}


def _needs(items: list) -> list[str] | None:
    """Texts one of which every match of the sequence ``items`` contains.

    The literal characters that open the sequence, past zero-width assertions;
    else what its first element that consumes text needs.
    """
    literal: list[str] = []
    for op, value in items:
        if op is _sre.LITERAL:
            literal.append(chr(value))
            continue
        if literal:
            break
        if op in _ZERO_WIDTH or (op is _sre.ASSERT and value[0] < 0):
            continue  # anchors, look-behinds, negative look-aheads
        if op is _sre.ASSERT:  # a look-ahead: what it needs stands here
            return _needs(list(value[1]))
        if op is _sre.SUBPATTERN:
            group, add_flags, del_flags, inner = value
            if (add_flags | del_flags) & re.IGNORECASE:
                return None
            return _needs(list(inner))
        if op is getattr(_sre, "ATOMIC_GROUP", None):
            return _needs(list(value))
        if op in _REPEATS:
            low, _, inner = value
            return _needs(list(inner)) if low >= 1 else None
        if op is _sre.IN:  # a set of characters: fine when it lists them all
            if all(kind is _sre.LITERAL for kind, _ in value):
                return [chr(code) for _, code in value]
            return None
        if op is _sre.BRANCH:
            found: list[str] = []
            for branch in value[1]:
                needs = _needs(list(branch))
                if not needs:
                    return None  # one branch may match without any
                found.extend(needs)
            return found
        return None
    return ["".join(literal)] if literal else None
