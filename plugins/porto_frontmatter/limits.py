"""Bounds on what a front matter block may grow into once YAML has read it.

YAML's anchors and aliases (``&a`` … ``*a``) let a few lines name the same
value many times: nine lines of nine aliases each stand for 387 million
strings ("billion laughs"). PyYAML builds each value once and shares it, so
loading is quick; what explodes is every later step that walks the value
(flattening tags, ``str()`` of a title): minutes and gigabytes, or a
``MemoryError``. Here each top-level value is measured as it would be once
expanded, counting each shared value once per place it stands, in time
proportional to what YAML actually built. A value that aliases make larger than
``ALIAS_LIMIT``, one that holds itself (``&x [*x]``) or one nested deeper than
``DEPTH_LIMIT`` is refused.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["ALIAS_LIMIT", "DEPTH_LIMIT", "check_expansion"]

# Values that aliases may add to a block, beyond those written out.
ALIAS_LIMIT = 10_000
# Lists and mappings within one another (Jekyll's deepest are a few levels).
DEPTH_LIMIT = 100

_CONTAINERS = (list, tuple, dict, set)


class Refused(ValueError):
    """A front matter value too large or too deep; ``key`` is the top-level key."""

    def __init__(self, key: Any, problem: str):
        self.key = key
        self.problem = problem
        super().__init__(problem)


def check_expansion(data: dict) -> None:
    """Raise :class:`Refused` for the first top-level value past the limits."""
    sizes: dict[int, int] = {}  # id of a list or mapping -> values once expanded
    added = 0
    for key, value in data.items():
        if not isinstance(value, _CONTAINERS):
            continue
        expanded, written = _measure(key, value, sizes)
        added += expanded - written
        if added > ALIAS_LIMIT:
            raise Refused(
                key,
                f"YAML aliases make `{key}` {expanded:,} values long "
                f"(at most {ALIAS_LIMIT:,} may come from aliases): "
                "an alias bomb? front matter refused",
            )


def _children(value: Any) -> list:
    if isinstance(value, dict):
        # keys are scalars in safe YAML: each counts as one value
        return list(value.values())
    return list(value)


def _measure(key: Any, value: Any, sizes: dict[int, int]) -> tuple[int, int]:
    """(values once expanded, values written) of ``value``; ``sizes`` is shared.

    An iterative walk: a front matter nested thousands deep must not hit
    Python's recursion limit here.
    """
    written = 0
    path: set[int] = set()  # containers being measured: a way back is a loop
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, done = stack.pop()
        ident = id(item)
        if done:
            path.discard(ident)
            children = _children(item)
            total = 1 + (len(item) if isinstance(item, dict) else 0)
            for child in children:
                total += sizes[id(child)] if isinstance(child, _CONTAINERS) else 1
            sizes[ident] = total
            written += 1 + len(children) + (len(item) if isinstance(item, dict) else 0)
            continue
        if ident in sizes:
            continue
        if ident in path:
            raise Refused(key, f"`{key}` holds itself through a YAML alias")
        if len(path) >= DEPTH_LIMIT:
            raise Refused(key, f"`{key}` is nested more than {DEPTH_LIMIT} levels deep")
        path.add(ident)
        stack.append((item, True))
        for child in _children(item):
            if isinstance(child, _CONTAINERS) and id(child) not in sizes:
                stack.append((child, False))
    return sizes[id(value)], written


def key_line(block: str, key: Any) -> int | None:
    """The 0-based line of ``block`` where the top-level ``key`` is written."""
    pattern = re.compile(
        rf"^(?:{re.escape(str(key))}|[\"']{re.escape(str(key))}[\"'])[ \t]*:",
        re.MULTILINE,
    )
    match = pattern.search(block)
    return block.count("\n", 0, match.start()) if match else None
