"""Python-Markdown's block step, without the processors a post cannot use.

Markdown asks its block processors, in order, about every block of a post
until one takes it. Several extensions' processors can only take a block that
holds a given text: an admonition starts with ``!!!``, a footnote definition
with ``[^``, an abbreviation with ``*[``, a table has ``|``, a definition
list has a line starting with ``:``. For a post whose text holds none of it,
asking is a regular-expression search per block that finds nothing (about a
tenth of the block step on the benchmark's posts). Such a processor is taken
out of the converter for that post and put back, at its own priority, for the
next post that needs it. The HTML is the same byte for byte: the tests
compare it with Markdown's own.

Only the extensions' own processors are handled (a processor of the same name
from elsewhere is always asked), and if Markdown's registry is not what this
was written against, every processor is always asked.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from markdown import Markdown

__all__ = ["fit_blocks"]

logger = logging.getLogger(__name__)

# A line starting with ":" (after any indentation): a definition. (Starting
# with the newline lets the search skip ahead to each one.)
_DEFINITION = re.compile(r"\n[ \t]*:")


def _has_definition(text: str) -> bool:
    return _DEFINITION.search(text) is not None or text.lstrip(" \t")[:1] == ":"


# Processor name -> (its extension's module, does a post's text need it?).
# "admonition" in the text: an element given that class another way (raw
# HTML with markdown="1") also has its indented blocks taken by it.
_OPTIONAL: dict[str, tuple[str, Callable[[str], bool]]] = {
    "admonition": (
        "markdown.extensions.admonition",
        lambda text: "!!!" in text or "admonition" in text,
    ),
    "footnote": ("markdown.extensions.footnotes", lambda text: "[^" in text),
    "abbr": ("markdown.extensions.abbr", lambda text: "*[" in text),
    "table": ("markdown.extensions.tables", lambda text: "|" in text),
    "deflist": ("markdown.extensions.def_list", _has_definition),
    "defindent": ("markdown.extensions.def_list", _has_definition),
}

_ATTRIBUTE = "_porto_optional_blocks"


def _optional_processors(md: Markdown) -> dict[str, tuple[object, float]]:
    """The optional processors ``md`` has, with their priorities."""
    registry = md.parser.blockprocessors
    found = {}
    for item in registry._priority:  # Markdown's (name, priority) records
        known = _OPTIONAL.get(item.name)
        processor = registry[item.name] if item.name in registry else None
        if known and type(processor).__module__ == known[0]:
            found[item.name] = (processor, item.priority)
    return found


def fit_blocks(md: Markdown, text: str) -> None:
    """Leave in ``md`` the optional block processors ``text`` may need."""
    try:
        optional = md.__dict__.get(_ATTRIBUTE)
        if optional is None:
            optional = _optional_processors(md)
            setattr(md, _ATTRIBUTE, optional)
        registry = md.parser.blockprocessors
        for name, (processor, priority) in optional.items():
            needed = _OPTIONAL[name][1](text)
            if needed and name not in registry:
                registry.register(processor, name, priority)
            elif not needed and name in registry:
                registry.deregister(name)
    except Exception as error:  # Markdown's registry is not what it was
        _all_back(md, error)


def _all_back(md: Markdown, error: BaseException) -> None:
    """Put every processor back and ask them all from now on, said once."""
    optional = md.__dict__.get(_ATTRIBUTE) or {}
    setattr(md, _ATTRIBUTE, {})
    registry = md.parser.blockprocessors
    for name, (processor, priority) in optional.items():
        if name not in registry:
            registry.register(processor, name, priority)
    logger.debug(
        "Markdown's block processors are not what Porto knows (%r); "
        "all are asked about every block",
        error,
    )
