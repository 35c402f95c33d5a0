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

__all__ = ["needed_text", "slow_down", "speed_up"]

logger = logging.getLogger(__name__)

# Python's own regular-expression parser, private: re._parser since Python
# 3.11, sre_parse before. Without it (a Python that moved it), Markdown is
# used as it is: this module must import whatever happens, or Pelican would
# drop the whole front matter plugin.
try:
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # Python 3.10
    try:
        import sre_constants as _sre  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
    except ImportError:
        _sre = _sre_parse = None  # type: ignore[assignment]

# Markdown's private names this relies on (a class's __names are stored so).
_TRY = "_InlineProcessor__applyPattern"
_HANDLE = "_InlineProcessor__handleInline"


def speed_up(md: Markdown) -> bool:
    """Give ``md`` the faster inline step; say whether it could.

    Only Markdown's own inline step is replaced (an extension that brought its
    own is left alone), and only on a Markdown whose private methods are the
    ones this was written against and that gives Markdown's own HTML on a
    sample (checked once per process).
    """
    try:
        step = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None
        if type(step) is not treeprocessors.InlineProcessor:
            return False
        if _GAVE_UP or not _supported():
            return False
        step.__class__ = QuickInlineProcessor
    except Exception as error:  # Markdown's internals are not what they were
        _give_up(error)
        return False
    return True


def slow_down(md: Markdown, error: BaseException) -> bool:
    """After ``error``, give ``md`` Markdown's own inline step back; say if it
    had Porto's. No later converter of this process gets Porto's then."""
    step = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None
    if type(step) is not QuickInlineProcessor:
        return False
    step.__class__ = treeprocessors.InlineProcessor
    _give_up(error)
    return True


_GAVE_UP: list[str] = []


def _give_up(error: BaseException | None) -> None:
    """Use Markdown as it is from now on, said in one debug line."""
    if not _GAVE_UP:
        _GAVE_UP.append(repr(error))
        logger.debug(
            "Markdown's inline step is not the one Porto knows (%r); "
            "Porto uses it as it is",
            error,
        )


# A post using every inline pattern: the quick step must give the same HTML.
_SAMPLE = (
    '*em* **strong** _u_ __uu__ `code` \\*esc [link](/a "t") ![img](/b.png) '
    "[ref][r] <http://x.org> <a@b.org> <b>html</b> &amp; &copy; x  \nbreak "
    "***both*** a_b_c 2*3*4\n\n[r]: /c\n"
)


@functools.cache
def _supported() -> bool:
    base = treeprocessors.InlineProcessor
    ok = (
        _sre_parse is not None
        and callable(getattr(base, _TRY, None))
        and callable(getattr(base, _HANDLE, None))
    )
    if ok:
        try:
            stock, quick = Markdown(), Markdown()
            quick.treeprocessors["inline"].__class__ = QuickInlineProcessor
            ok = quick.convert(_SAMPLE) == stock.convert(_SAMPLE)
            error: BaseException | None = None if ok else ValueError("other HTML")
        except Exception as failure:
            ok, error = False, failure
    else:
        error = AttributeError("private names or re's parser missing")
    if not ok:
        _give_up(error)
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
    try:
        compiled = pattern.getCompiledRegExp()
    except Exception:
        return None
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
        found = _needs(list(parsed))
        if found and not all(isinstance(text, str) and text for text in found):
            raise TypeError(f"unexpected reading {found!r}")
    except Exception:
        # An expression Python compiled but this reading cannot, or a parser
        # whose output changed: the pattern is always tried, as by Markdown.
        return None
    if not found:
        return None
    if compiled.flags & re.IGNORECASE and not all(
        text.isascii() and not any(c.isalpha() for c in text) for text in found
    ):
        return None  # a letter may match in another case
    return tuple(sorted(set(found)))


_ZERO_WIDTH = {getattr(_sre, "AT", None), getattr(_sre, "ASSERT_NOT", None)}
_REPEATS = {
    getattr(_sre, name, None)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
}


def _may_be_empty(items: list) -> bool:
    """Whether the sequence ``items`` can match the empty string."""
    for op, value in items:
        if op in _ZERO_WIDTH or op is _sre.ASSERT:
            continue
        if op is _sre.BRANCH and any(_may_be_empty(list(b)) for b in value[1]):
            continue
        if op is _sre.SUBPATTERN and _may_be_empty(list(value[3])):
            continue
        if op in _REPEATS and (value[0] == 0 or _may_be_empty(list(value[2]))):
            continue
        return False
    return True


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
            if _may_be_empty(list(inner)):
                # e.g. Markdown 3.4's (^|\s): a match may hold nothing of
                # it, and holds what comes next
                continue
            return _needs(list(inner))
        if op is getattr(_sre, "ATOMIC_GROUP", None):
            return _needs(list(value))
        if op in _REPEATS:
            low, _, inner = value
            if low == 0 or _may_be_empty(list(inner)):
                continue  # may repeat nothing: what follows is needed
            return _needs(list(inner))
        if op is _sre.IN:  # a set of characters: fine when it lists them all
            if all(kind is _sre.LITERAL for kind, _ in value):
                return [chr(code) for _, code in value]
            return None
        if op is _sre.BRANCH:
            if any(_may_be_empty(list(branch)) for branch in value[1]):
                continue
            found: list[str] = []
            for branch in value[1]:
                needs = _needs(list(branch))
                if not needs:
                    return None  # one branch may match without any
                found.extend(needs)
            return found
        return None
    return ["".join(literal)] if literal else None
