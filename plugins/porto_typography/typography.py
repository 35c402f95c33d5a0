"""Typogrify's result, computed on the parsed tree in one walk.

Typogrify runs five filters (amp, smartypants, caps, initial_quotes, widont),
each re-tokenising the whole HTML string with regular expressions. Here the
document's tree, already parsed by the Porto pipeline, is flattened once into a
list of tokens (opening tags, closing tags, text) in the same order typogrify
sees them, each filter works on that list, and only the text nodes that changed
are written back. Text is held in the escaped form typogrify reads (``&`` as
``&amp;``, curly quotes as ``&#8220;``…), so every rule that looks at entities
or at a neighbouring tag gives the same answer it gives on the string.

The smartypants filter calls the smartypants package's own functions (the
ones typogrify's filter runs through ``smartypants.smartypants``) on each text;
typogrify's other four filters only work on a whole HTML string, so their rules
are Porto's, written for the token list.

Porto's output is typogrify's, except in these cases, which Markdown never
writes on its own (each is pinned by ``test_documented_differences``):

====================  ====================================  ============================
Case                  typogrify                             Porto
====================  ====================================  ============================
entities written      reads the letters of ``&nbsp;``,      reads the characters they
                      ``&ldquo;``, ``&mdash;``…:            stand for: one no-break
                      ``10 500&nbsp;km</p>`` gets a second  space, no span, the quote
                      no-break space (before ``500``),      after the dash closes (as
                      ``&ldquo;`` opening a paragraph a     after a ``—``). Markdown's
                      ``span.dquo``, a quote after          own ``&#160;`` before a
                      ``&mdash;`` opens                     footnote's back-link is read
                                                            as typogrify reads it

ignored in ignored    an ignored element                    the whole element is ignored
                      (``TYPOGRIFY_IGNORE_TAGS``) holding
                      one of its own name, a ``div`` in a
                      ``div``: ignored up to the first
                      closing tag

scripts, comments     changes ``script`` and ``style``      leaves them alone
                      bodies and comments: a `` & `` in a
                      script, wrapped in a span, breaks it

text-only elements    adds spans and references to the      leaves it alone
                      content of ``textarea``, ``title``,
                      ``iframe``, ``xmp``, ``noembed``,
                      ``noframes``, ``plaintext``, which a
                      browser shows there as text

``span.caps``         wraps a ``span.caps`` of the source   leaves it as it is
                      in a second one
====================  ====================================  ============================
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import smartypants
from lxml import etree
from pelican.plugins.porto_pipeline.settings import (
    Unusable,
    choice,
    custom,
    read,
    str_list,
)

__all__ = [
    "FILTERS",
    "TYPOGRIFY_SETTINGS",
    "Options",
    "options_from",
    "typograph",
    "typograph_tree",
]

# Typogrify's filters, in the order it applies them.
FILTERS = ("amp", "smartypants", "caps", "initial_quotes", "widont")
# TYPOGRIFY_DASHES' values, each with SmartyPants' function for it.
DASHES = {
    "default": smartypants.convert_dashes,
    "oldschool": smartypants.convert_dashes_oldschool,
    "oldschool_inverted": smartypants.convert_dashes_oldschool_inverted,
}


def _known_filters(value: Any, report: Callable[..., None]) -> list[str]:
    """``TYPOGRIFY_OMIT_FILTERS`` without the names typogrify does not have."""
    if not isinstance(value, (list, tuple)) or not all(
        isinstance(name, str) for name in value
    ):
        raise Unusable
    for name in value:
        if name not in FILTERS:
            report(
                "TYPOGRIFY_OMIT_FILTERS has an unknown filter %r (expected %s); "
                "ignoring it",
                name,
                ", ".join(FILTERS),
            )
    return [name for name in value if name in FILTERS]


# Pelican's own settings, checked at start-up when Porto does typogrify's job.
TYPOGRIFY_SETTINGS = {
    "TYPOGRIFY_OMIT_FILTERS": custom([], "a list of filter names", _known_filters),
    "TYPOGRIFY_DASHES": choice("default", *DASHES),
    "TYPOGRIFY_IGNORE_TAGS": str_list([]),
}


@dataclass(frozen=True)
class Options:
    """What to apply: Pelican's ``TYPOGRIFY_*`` settings."""

    omit: frozenset[str] = frozenset()
    dashes: str = "default"
    ignore_tags: tuple[str, ...] = ()


def options_from(settings: Mapping[str, Any]) -> Options:
    """Options from ``TYPOGRIFY_*`` settings checked against TYPOGRIFY_SETTINGS."""

    def setting(name: str) -> Any:
        return read(settings, TYPOGRIFY_SETTINGS, "TYPOGRIFY_" + name)

    return Options(
        omit=frozenset(setting("OMIT_FILTERS")),
        dashes=setting("DASHES"),
        ignore_tags=tuple(setting("IGNORE_TAGS")),
    )


def typograph(tree: etree._Element, settings: Mapping[str, Any], doc: Any) -> None:
    """Pipeline transform: typogrify's filters on ``tree``, when Porto owns them.

    Runs only when ``PORTO_TYPOGRAPHY_ACTIVE`` is set, which the plugin does at
    start-up when ``TYPOGRIFY`` is on (and turns Pelican's own pass off).
    """
    if settings.get("PORTO_TYPOGRAPHY_ACTIVE"):
        typograph_tree(tree, options_from(settings))


# --------------------------------------------------------------------------
# Tokens. Text: [TEXT, escaped text, origin, changed?]. Tags: tuples
# (OPEN | CLOSE, name, origin of a span we add or None, class or marker).
# A text's origin says where it lives in the tree: (element, False) for
# ``element.text``, (element, True) for ``element.tail``; one tuple per text,
# shared by every token made from it, so ``is`` tells texts apart.
# OTHER stands for comments, processing instructions and script/style bodies:
# typogrify treats them as tags (or mangles them); Porto leaves them as they are.
OPEN, CLOSE, TEXT, OTHER = 0, 1, 2, 3
_OTHER = (OTHER, "", None, None)
_CLOSE_SPAN = "span"
# Marks the text of a span.caps already there, so a second run leaves it.
_CAPS_DONE = "caps-done"


def typograph_tree(tree: etree._Element, options: Options) -> None:
    """Apply the filters not in ``options.omit`` to ``tree``, in place."""
    filters = [name for name in FILTERS if name not in options.omit]
    if not filters:
        return
    ignore = _ignore_rules(options.ignore_tags)
    sections = _sections(tree, ignore)
    dashes = DASHES[options.dashes]
    for index, tokens in enumerate(sections):
        if "amp" in filters:
            tokens = _amp(tokens)
        if "smartypants" in filters:
            _smartypants(tokens, dashes)
        if "caps" in filters:
            tokens = _caps(tokens)
        if "initial_quotes" in filters:
            tokens = _initial_quotes(tokens)
        if "widont" in filters:
            _widont(tokens)
        sections[index] = tokens
    _write_back(tree, sections)


# --------------------------------------------------------------------------
# Flattening the tree into sections of tokens.

# Elements whose content the parser keeps as one text, not as markup: script
# and style bodies, and what libxml2's HTML5 tokenizer reads as RCDATA
# (textarea, title) or raw text (xmp, iframe, noembed, noframes, plaintext).
# Typogrify's spans there are letters once parsed (a textarea would show
# "<span class=…>"), so Porto leaves these contents alone, as it does scripts.
_SCRIPT_LIKE = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed",
     "noframes", "plaintext"}
)  # fmt: skip


@dataclass(frozen=True)
class _IgnoreRules:
    names: frozenset[str]
    # (tag name or "" for any tag, "class" or "id", value), lower case
    filters: tuple[tuple[str, str, str], ...]

    def match(self, element: etree._Element) -> bool:
        name = element.tag.lower()
        if name in self.names:
            return True
        for tag, attribute, value in self.filters:
            if tag and tag != name:
                continue
            # As typogrify compares it: the attribute's value as written.
            found = element.get(attribute)
            if found is not None and found.lower() == value:
                return True
        return False


_FILTERED_TAG = re.compile(r"^([^\s.#<>]*)([.#])([^\s.#<>]+)$")


@functools.lru_cache(maxsize=32)
def _ignore_rules(ignore_tags: tuple[str, ...]) -> _IgnoreRules:
    """Which elements typogrify leaves alone, read the way typogrify reads them.

    ``pre`` and ``code`` always; a plain name; ``tag.class``, ``tag#id``,
    ``.class`` or ``#id``. Like typogrify, a ``tag.class``/``tag#id`` rule is
    dropped when a plain name or a generic rule is part of its text (so
    ``div.code`` is dropped because of ``code``).
    """
    tags = {tag.strip() for tag in ignore_tags} | {"pre", "code"}
    plain = {tag for tag in tags if "." not in tag and "#" not in tag}
    generic = {tag for tag in tags if tag.startswith((".", "#"))}
    specific = [
        tag
        for tag in tags - plain - generic
        if not any(rule in tag for rule in generic)
        and not any(rule in tag for rule in plain)
    ]
    filters = []
    for rule in sorted(generic) + sorted(specific):
        match = _FILTERED_TAG.match(rule)
        if match:
            tag, mark, value = match.groups()
            attribute = "class" if mark == "." else "id"
            filters.append((tag.lower(), attribute, value.lower()))
    return _IgnoreRules(frozenset(t.lower() for t in plain), tuple(filters))


# Void elements: typogrify sees no end tag for them. libxml2 (an HTML 4 parser
# at heart) gives embed, keygen, source, track and wbr what follows them as
# content, and the pipeline writes no end tag for them: their content is read
# as if it followed them, as it does in the HTML.
_VOID = frozenset(
    {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr",
     "image", "img", "input", "isindex", "keygen", "link", "menuitem", "meta",
     "nextid", "param", "source", "spacer", "track", "wbr"}
)  # fmt: skip


def _sections(tree: etree._Element, ignore: _IgnoreRules) -> list[list]:
    """The tree's tokens, cut where an ignored element stands (as typogrify cuts)."""
    sections: list[list] = [[]]
    text = tree.text
    if text:
        sections[0].append([TEXT, _text(text, tree, False), (tree, False), False])
    _walk(tree, sections, ignore)
    return [tokens for tokens in sections if tokens]


def _walk(element: etree._Element, sections: list[list], ignore: _IgnoreRules) -> None:
    tokens = sections[-1]
    append = tokens.append
    # Only tag names to look at, unless a rule reads a class or an id.
    names = None if ignore.filters else ignore.names
    for child in element:
        name = child.tag
        if type(name) is not str:  # comment, processing instruction, entity
            append(_OTHER)
        elif name.lower() in names if names is not None else ignore.match(child):
            sections.append([])
            tokens = sections[-1]
            append = tokens.append
        else:
            if name == "span" and _classes(child) == "caps":
                append((OPEN, name, None, _CAPS_DONE))
            else:
                append((OPEN, name, None, None))
            if name in _SCRIPT_LIKE:
                if child.text or len(child):
                    append(_OTHER)
            else:
                text = child.text
                if text:
                    append([TEXT, _text(text, child, False), (child, False), False])
                if len(child):
                    _walk(child, sections, ignore)
                    tokens = sections[-1]
                    append = tokens.append
            if name not in _VOID:
                append((CLOSE, name, None, None))
        tail = child.tail
        if tail:
            append([TEXT, _text(tail, child, True), (child, True), False])


def _text(text: str, element: etree._Element, tail: bool) -> str:
    """``text`` escaped as typogrify reads it (``&``, ``<`` and ``>`` as entities)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if text[-1] == "\xa0" and _before_backref(element, tail):
        text = text[:-1] + "&#160;"
    return text


def _before_backref(element: etree._Element, tail: bool) -> bool:
    """Is this text (``element``'s tail or text) followed by a footnote's back-link?

    Python-Markdown writes ``&#160;<a class="footnote-backref" …>``: typogrify
    reads that entity as letters, not as a space, so Porto keeps it one too.
    """
    if tail:
        following = element.getnext()
    else:
        following = element[0] if len(element) else None
    return (
        following is not None
        and following.tag == "a"
        and "footnote-backref" in (following.get("class") or "").split()
    )


def _classes(element: etree._Element) -> str:
    return " ".join((element.get("class") or "").split())


def _split(token: list, pieces: Iterable) -> list:
    """New tokens for ``token``: strings become text, (class, text) a span."""
    origin = token[2]
    out: list = []
    for piece in pieces:
        if isinstance(piece, str):
            if not piece:
                continue
            if out and out[-1][0] == TEXT:  # text stays one token, as in HTML
                out[-1][1] += piece
            else:
                out.append([TEXT, piece, origin, True])
        else:
            cls, inner = piece
            out.append((OPEN, "span", origin, cls))
            out.append([TEXT, inner, origin, True])
            out.append((CLOSE, _CLOSE_SPAN, origin, None))
    return out


# --------------------------------------------------------------------------
# amp: " & " becomes " <span class="amp">&amp;</span> ".

_AMP = re.compile(r"(\s)&amp;(\s)")


def _amp(tokens: list) -> list:
    out: list | None = None  # a copy of ``tokens``, made at the first change
    for index, token in enumerate(tokens):
        if token[0] == TEXT and "&amp;" in token[1] and _AMP.search(token[1]):
            if out is None:
                out = tokens[:index]
            text = token[1]
            pieces: list = []
            start = 0
            for match in _AMP.finditer(text):
                pieces.append(text[start : match.start()] + match.group(1))
                pieces.append(("amp", "&amp;"))
                start = match.start(2)
            pieces.append(text[start:])
            out.extend(_split(token, pieces))
        elif out is not None:
            out.append(token)
    return tokens if out is None else out


# --------------------------------------------------------------------------
# smartypants: quotes, dashes, ellipses, backticks and backslash escapes. The
# conversions are SmartyPants' own public functions; Porto does what
# smartypants.smartypants() does around them: it goes text by text, skips the
# same elements, keeps the same one-character context between texts, and calls
# a function only on a text it can change.

# Elements whose text SmartyPants leaves alone, matched as it matches them: a
# tag name starting with one of these (``<preface>`` counts as ``pre``).
_SMARTY_SKIP = tuple(smartypants.tags_to_skip)
_NOT_SPACE = re.compile(r"\S")
# A quote between two ASCII letters. Written quote first (the letter before it
# is looked behind past the quote) so the regex engine jumps from quote to
# quote instead of trying the look-behind at every position.
_APOSTROPHE = re.compile(r"'(?<=[A-Za-z]')(?=[A-Za-z])")


class _SkipNames(dict):
    """Tag name -> its _SMARTY_SKIP prefix or None, worked out the first time a
    name is met (HTML has few tag names), then a plain dict lookup."""

    def __missing__(self, name: str) -> str | None:
        skip = self[name] = next((s for s in _SMARTY_SKIP if name.startswith(s)), None)
        return skip


_SMARTY_SKIP_NAMES = _SkipNames()


def _smartypants(tokens: list, dashes) -> None:
    skipped: list[str] = []
    previous_last = ""
    skip_names = _SMARTY_SKIP_NAMES
    for token in tokens:
        kind = token[0]
        if kind == TEXT:
            text = token[1]
            # Only texts holding something SmartyPants changes (backslash
            # escapes, quotes, backticks, dashes, ellipses): a few ``in``
            # tests cost less than one regex search.
            if not skipped and (
                "'" in text
                or '"' in text
                or "\\" in text
                or "``" in text
                or "--" in text
                or "..." in text
                or ". . ." in text
            ):
                new = _educate(text, previous_last, dashes)
                if new != text:
                    token[1] = new
                    token[3] = True
            previous_last = text[-1:]
        elif kind == OPEN:
            skip = skip_names[token[1]]
            if skip:
                skipped.append(skip)
        elif kind == CLOSE and skipped:
            if skip_names[token[1]] == skipped[-1]:
                skipped.pop()


def _educate(text: str, previous_last: str, dashes) -> str:
    """SmartyPants on one text, ``previous_last`` ending the text before it.

    Each of SmartyPants' functions, in its order, runs only when the text holds
    what it replaces (each replaces fixed strings, so on any other text it
    returns the text unchanged).
    """
    if "\\" in text:
        text = smartypants.process_escapes(text)
    if "--" in text:
        text = dashes(text)
    if "..." in text or ". . ." in text:
        text = smartypants.convert_ellipses(text)
    if "``" in text or "''" in text:
        text = smartypants.convert_backticks(text)
    # A text that is one quote is curled by what ended the text before it:
    # smartypants.smartypants() does this itself, no public function does.
    if text == "'":
        return "&#8217;" if _NOT_SPACE.match(previous_last) else "&#8216;"
    if text == '"':
        return "&#8221;" if _NOT_SPACE.match(previous_last) else "&#8220;"
    if '"' not in text:
        if "'" not in text:
            return text
        # The common case, apostrophes inside words (it's, O'Neil), each
        # curled as convert_quotes curls it, a closing quote, without its
        # fourteen substitutions. Not when "'s'" is in the text: there its
        # rule for "'s" takes the "s" the next quote needs (x's's: the second
        # quote opens).
        if "'s'" not in text:
            fast = _APOSTROPHE.sub("&#8217;", text)
            if "'" not in fast:
                return fast
    return smartypants.convert_quotes(text)


# --------------------------------------------------------------------------
# caps: runs of capitals (NASA, CRLF, U.S.A.) wrapped in span.caps. The text
# right after an opening kbd or script tag is left alone, as typogrify does.

_CAPS = re.compile(
    r"(?P<run>\b[A-Z\d]*[A-Z]\d*[A-Z][A-Z\d']*\b)"  # two capitals at least
    r"|(?P<dotted>\b[A-Z]+\.\s?(?:[A-Z]+\.\s?)+)(?:\s|\b|$)"  # U.S.A.
)
# What either branch of _CAPS needs at least: two capitals with only digits
# between them, or a capital, a dot and a capital.
_CAPS_HINT = re.compile(r"[A-Z]\d*[A-Z]|[A-Z]\.\s?[A-Z]")


def _caps(tokens: list) -> list:
    out: list | None = None  # a copy of ``tokens``, made at the first change
    hint = _CAPS_HINT_SEARCH
    previous = None
    for index, token in enumerate(tokens):
        if (
            token[0] == TEXT
            and hint(token[1])
            and not _caps_skipped(previous)
            and (pieces := _caps_pieces(token[1])) is not None
        ):
            if out is None:
                out = tokens[:index]
            out.extend(_split(token, pieces))
        elif out is not None:
            out.append(token)
        previous = token
    return tokens if out is None else out


def _caps_skipped(previous) -> bool:
    if previous is None or previous[0] != OPEN:
        return False
    name = previous[1]
    return previous[3] == _CAPS_DONE or name.startswith(("kbd", "script"))


_CAPS_MATCH = _CAPS.match
_CAPS_HINT_SEARCH = _CAPS_HINT.search
_RUN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _caps_matches(text: str):
    """``_CAPS.finditer(text)``, found faster.

    Every match of ``_CAPS`` holds a match of ``_CAPS_HINT``, and only capitals
    and digits stand between a match's start and the first hint in it. So the
    next match starts at or after the next hint, at most a run of capitals and
    digits before it: ``_CAPS`` is tried (``match``, which reads the text before
    its position for ``\\b`` as ``finditer`` does) only on those positions, in
    order, rather than on every position of the text.
    """
    pos = 0  # where finditer would resume: no match starts before it
    tried = 0  # positions before this one are known not to start a match
    while True:
        hint = _CAPS_HINT_SEARCH(text, max(pos, tried))
        if hint is None:
            return
        found = hint.start()
        start = found
        floor = max(pos, tried)
        while start > floor and text[start - 1] in _RUN_CHARS:
            start -= 1
        for candidate in range(start, found + 1):
            match = _CAPS_MATCH(text, candidate)
            if match is not None:
                yield match
                pos = tried = match.end()
                break
        else:
            tried = found + 1


def _caps_pieces(text: str) -> list | None:
    pieces: list = []
    start = 0
    for match in _caps_matches(text):
        pieces.append(text[start : match.start()])
        run = match.group("run")
        if run is not None:
            pieces.append(("caps", run))
        else:
            dotted = match.group("dotted")
            if dotted.endswith(" "):
                pieces.append(("caps", dotted[:-1]))
                pieces.append(" ")
            else:
                pieces.append(("caps", dotted))
        start = match.end()
    if not pieces:
        return None
    pieces.append(text[start:])
    return pieces


# --------------------------------------------------------------------------
# initial_quotes: a quote opening a paragraph, heading, list item, dt or dd
# (or the section), maybe after opening inline tags, wrapped in span.dquo/quo.

_BLOCK_START = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd")
_INLINE = ("a", "em", "span", "strong", "i", "b")
_QUOTE = re.compile(r"(\s*)(\"|&ldquo;|&#8220;|'|&lsquo;|&#8216;)")
_SPACE_ONLY = re.compile(r"\s*\Z")


def _initial_quotes(tokens: list) -> list:
    starts = [0] + [
        index + 1
        for index, token in enumerate(tokens)
        if token[0] == OPEN and token[1].startswith(_BLOCK_START)
    ]
    found: dict[int, re.Match] = {}
    for start in starts:
        index = _quote_after(tokens, start)
        if index is not None:
            found[index] = _QUOTE.match(tokens[index][1])
    if not found:
        return tokens
    out: list = []
    for index, token in enumerate(tokens):
        match = found.get(index)
        if match is None:
            out.append(token)
            continue
        quote = match.group(2)
        cls = "dquo" if quote in ('"', "&ldquo;", "&#8220;") else "quo"
        text = token[1]
        out.extend(_split(token, [match.group(1), (cls, quote), text[match.end() :]]))
    return out


def _quote_after(tokens: list, index: int) -> int | None:
    """The text token starting with a quote, past white space and inline tags."""
    while index < len(tokens):
        token = tokens[index]
        kind = token[0]
        if kind == TEXT:
            if _SPACE_ONLY.match(token[1]):
                index += 1
                continue
            return index if _QUOTE.match(token[1]) else None
        if kind == OPEN and token[1].startswith(_INLINE):
            index += 1
            continue
        return None
    return None


# --------------------------------------------------------------------------
# widont: the space before the last word of a paragraph, heading, list item,
# dt or dd (or of the section) becomes a no-break space.

_BLOCK_END = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd"})
_INLINE_END = frozenset(_INLINE)


def _widont(tokens: list) -> None:
    ends = [i for i, t in enumerate(tokens) if t[0] == CLOSE and t[1] in _BLOCK_END]
    ends.append(len(tokens))
    for end in ends:
        _widont_before(tokens, end)


def _widont_before(tokens: list, end: int) -> None:
    index = end - 1
    while index >= 0:
        token = tokens[index]
        if token[0] == CLOSE and token[1] in _INLINE_END:
            index -= 1
        elif token[0] == TEXT and (not token[1] or token[1].isspace()):
            index -= 1  # (isspace: what \s matches, so this is _SPACE_ONLY)
        else:
            break
    if index < 0 or tokens[index][0] != TEXT:
        return
    token = tokens[index]
    text = token[1]
    word_end = len(text.rstrip())
    word_start = word_end
    while word_start and not text[word_start - 1].isspace():
        word_start -= 1
    gap_start = word_start
    while gap_start and text[gap_start - 1].isspace():
        gap_start -= 1
    if gap_start == word_start:
        return
    if gap_start == 0:
        before = tokens[index - 1] if index else None
        if (
            before is None
            or before[0] not in (OPEN, CLOSE)
            or not before[1].startswith(_INLINE)
        ):
            return
    token[1] = text[:gap_start] + "&nbsp;" + text[word_start:]
    token[3] = True


# --------------------------------------------------------------------------
# Writing the changed text nodes back.

_ENTITY = re.compile(r"&(?:amp|lt|gt|nbsp|#\d+);")
_NAMED = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\xa0"}


def _entity(match: re.Match) -> str:
    entity = match.group()
    found = _NAMED.get(entity)
    return found if found is not None else chr(int(entity[2:-1]))


# _ENTITY's entities as the escaping and the filters write them, by what
# stands between "&" and ";".
_BODIES = {"amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0"} | {
    f"#{code}": chr(code)
    for code in (8217, 8216, 8220, 8221, 8212, 8211, 8230, 160, 92, 34, 39, 46, 45, 96)
}


def _unescape(text: str) -> str:
    """``_ENTITY.sub(_entity, text)``, without a Python call per entity.

    An entity holds no "&" and no ";" but its last character, so _ENTITY
    matches at an "&" exactly when what stands between it and the next ";"
    is an entity's body. Each "&" is looked up so in _BODIES; one not found
    there (a body the filters do not write, or no entity) leaves the work to
    the regular expression.
    """
    if "&" not in text:
        return text
    parts = text.split("&")
    out = [parts[0]]
    for part in parts[1:]:
        end = part.find(";")
        char = _BODIES.get(part[:end]) if end > 0 else None
        if char is None:
            return _ENTITY.sub(_entity, text)
        out.append(char)
        out.append(part[end + 1 :])
    return "".join(out)


def _write_back(tree: etree._Element, sections: list[list]) -> None:
    """Replace each changed text by its new text and spans."""
    for tokens in sections:
        # A text's tokens stay together, in order, through every filter: a
        # run of tokens sharing an origin is one text. Most texts are one
        # unchanged token, skipped without a call or a copy.
        origin = None
        start = 0
        for index, token in enumerate(tokens):
            if token[2] is not origin:
                if origin is not None and (index - start > 1 or tokens[start][3]):
                    _replace(origin, tokens[start:index])
                origin = token[2]
                start = index
        if origin is not None and (len(tokens) - start > 1 or tokens[start][3]):
            _replace(origin, tokens[start:])


def _replace(origin: tuple[etree._Element, bool], tokens: list) -> None:
    """Write ``tokens`` (text, and spans holding one text each) where ``origin`` was."""
    element, tail = origin
    if len(tokens) == 1:
        if tokens[0][3]:
            if tail:
                element.tail = _unescape(tokens[0][1])
            else:
                element.text = _unescape(tokens[0][1])
        return
    first = None
    spans: list = []
    span = None
    for token in tokens:
        kind = token[0]
        if kind == TEXT:
            text = _unescape(token[1])
            if span is not None:
                span.text = text
            elif spans:
                spans[-1].tail = text
            else:
                first = text
        elif kind == OPEN:
            span = element.makeelement("span", {"class": token[3]})
            spans.append(span)
        else:
            span = None
    if tail:
        element.tail = first
        for span in spans:
            element.addnext(span)  # the element keeps its tail, the span brings its own
            element = span
    else:
        element.text = first
        # insert(index, …) walks the children up to ``index``: quadratic on a
        # long text with thousands of spans. The first span goes in front,
        # each next one right after the one before it.
        previous = None
        for span in spans:
            if previous is None:
                element.insert(0, span)
            else:
                previous.addnext(span)
            previous = span
