"""Count what a reader reads and turn it into minutes.

The count walks the text nodes of the pipeline's tree once: tag names and
attribute values (``alt``, ``title``, ``href``…) are never words. Outside code
blocks, each CJK character (Han, kana, Hangul) counts on its own at its own rate
and every other whitespace-separated token holding a letter or digit is a word.
``<pre>`` blocks are counted apart, at a slower rate or not at all. Each image
adds 12 s for the first, one second less for each next one, never under 3 s.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from itertools import filterfalse
from typing import Any

from lxml import etree
from pelican.plugins.porto_pipeline.settings import (
    Unusable,
    choice,
    custom,
    is_number,
    number,
    read,
)

logger = logging.getLogger(__name__)

__all__ = [
    "SETTINGS",
    "Counts",
    "Rates",
    "count_tree",
    "count_text",
    "estimate_minutes",
    "image_seconds",
    "read_rates",
    "reading_time",
]

PREFIX = "PORTO_READING_TIME_"
LANGUAGES = PREFIX + "LANGUAGES"
# A language entry's keys and the Rates field each one sets.
LANGUAGE_KEYS = {"words": "words", "cjk": "cjk", "code": "code"}


def _language_key(lang: Any) -> str:
    return str(lang).strip().lower().replace("_", "-")


def _clean_languages(
    table: Any, report: Callable[..., None]
) -> dict[str, dict[str, float]]:
    """The per-language table, keys normalised; bad entries reported and dropped."""
    if not isinstance(table, Mapping):
        raise Unusable
    clean: dict[str, dict[str, float]] = {}
    for lang, entry in table.items():
        if not isinstance(entry, Mapping):
            report(
                "%s[%r] = %r is not a dict such as {'words': 230}; ignoring it",
                LANGUAGES, lang, entry,
            )  # fmt: skip
            continue
        rates: dict[str, float] = {}
        for key, value in entry.items():
            if key not in LANGUAGE_KEYS:
                report(
                    "%s[%r] has an unknown key %r (expected %s); ignoring it",
                    LANGUAGES, lang, key, ", ".join(map(repr, LANGUAGE_KEYS)),
                )  # fmt: skip
            elif not is_number(value) or value <= 0:
                report(
                    "%s[%r][%r] = %r is not a positive number; ignoring it",
                    LANGUAGES, lang, key, value,
                )  # fmt: skip
            else:
                rates[LANGUAGE_KEYS[key]] = value
        clean[_language_key(lang)] = rates
    return clean


SETTINGS = {
    # Prose, in words per minute (Medium's published rate).
    PREFIX + "WORDS_PER_MINUTE": number(265),
    # Chinese, Japanese and Korean characters per minute (Medium's rate).
    PREFIX + "CJK_CHARACTERS_PER_MINUTE": number(500),
    # Seconds for the first image; each next one gets one second less...
    PREFIX + "IMAGE_SECONDS": number(12, zero_ok=True),
    # ...but never less than this.
    PREFIX + "IMAGE_MIN_SECONDS": number(3, zero_ok=True),
    # Code blocks (<pre>): "count" them at their own rate, or "skip" them.
    PREFIX + "CODE": choice("count", "count", "skip", fold=True),
    PREFIX + "CODE_WORDS_PER_MINUTE": number(130),
    # Per-language rates by the post's `lang` (then DEFAULT_LANG), e.g.
    # {"de": {"words": 230}, "ja": {"cjk": 400}}; keys "words", "cjk", "code".
    LANGUAGES: custom({}, "a dict such as {'de': {'words': 230}}", _clean_languages),
}

# One CJK character is one unit of reading: Han ideographs (with extensions and
# compatibility blocks), hiragana, katakana (with the ー length mark, not the ・
# separator) and Hangul; punctuation such as 。、「」 is not read as a character.
_CJK_CLASS = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005\u3007"  # Ideographic iteration mark and number zero: 々 〇
    "\u3040-\u309f"  # Hiragana
    "\u30a1-\u30fa\u30fc-\u30ff"  # Katakana
    "\u3100-\u312f"  # Bopomofo
    "\u3130-\u318f"  # Hangul Compatibility Jamo
    "\u31f0-\u31ff"  # Katakana Phonetic Extensions
    "\u3400-\u4dbf"  # CJK Unified Ideographs Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul Syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\uff66-\uff9f"  # Halfwidth Katakana
    "\U00020000-\U0002fa1f"  # Extensions B-F and Compatibility Supplement
    "\U00030000-\U0003134f"  # Extension G
)
CJK_RE = re.compile(f"[{_CJK_CLASS}]")


def _utf8_leads(spans: str) -> bytes:
    """The first bytes of the UTF-8 of every character in ``spans`` (a
    character class's inside, such as "a-z0"): text whose UTF-8 holds none of
    them holds none of those characters."""
    leads: set[int] = set()
    for low, high in re.findall(r"(.)(?:-(.))?", spans, re.S):
        first, last = low.encode(), (high or low).encode()
        assert len(first) == len(last), "a span across UTF-8 lengths"
        leads.update(range(first[0], last[0] + 1))
    return bytes(sorted(leads))


# Looking for these bytes (memchr) in a text's UTF-8 is much cheaper than a
# CJK_RE scan, and most texts hold no CJK at all.
_CJK_LEADS = _utf8_leads(_CJK_CLASS)
# A whitespace-separated token with at least one letter or digit: "it's",
# "2-day" and "C++" are words, a lone "—" or "·" is not. This is the
# definition; count_text() counts the same tokens faster with str methods
# (str.split() splits on what \s matches, str.isalnum() is what [^\W_]
# matches, on every code point).
WORD_RE = re.compile(r"\S*[^\W_]\S*")
_WORD_CHAR_RE = re.compile(r"[^\W_]")

# Text in these is not read: scripts, styles, templates, ruby annotations
# (furigana would count kanji twice) and the no-script copy of the content.
SKIP_TAGS = frozenset({"script", "style", "template", "rt", "rp", "noscript"})
# Tags that sit inside a word ("NA<span>SA</span>'s", "H<sub>2</sub>O"); any
# other tag separates the text before it from the text after it.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small "
    "span strong sub sup time u var wbr".split()
)


@dataclass(frozen=True)
class Counts:
    """What a document holds for a reader."""

    words: int = 0  # words outside code blocks
    cjk: int = 0  # CJK characters outside code blocks
    code: int = 0  # words and CJK characters inside <pre>
    images: int = 0


@dataclass(frozen=True)
class Rates:
    """Reading speeds, per minute, and seconds spent on images."""

    words: float = SETTINGS[PREFIX + "WORDS_PER_MINUTE"].default
    cjk: float = SETTINGS[PREFIX + "CJK_CHARACTERS_PER_MINUTE"].default
    code: float = SETTINGS[PREFIX + "CODE_WORDS_PER_MINUTE"].default
    count_code: bool = True
    image_seconds: float = SETTINGS[PREFIX + "IMAGE_SECONDS"].default
    image_min_seconds: float = SETTINGS[PREFIX + "IMAGE_MIN_SECONDS"].default


# -- counting ----------------------------------------------------------------


def count_text(text: str) -> tuple[int, int]:
    """``(words, cjk_characters)`` in plain text."""
    data = text.encode("utf-8", "surrogatepass")
    if any(map(data.__contains__, _CJK_LEADS)):
        rest, cjk = CJK_RE.subn(" ", text)
    else:
        rest, cjk = text, 0
    tokens = rest.split()
    # Most tokens are all letters and digits; only the others ("it's", "C++",
    # "—") need a regular-expression look for one.
    others = list(filterfalse(str.isalnum, tokens))
    found = sum(map(bool, map(_WORD_CHAR_RE.search, others)))
    return len(tokens) - len(others) + found, cjk


def count_tree(tree: etree._Element) -> Counts:
    """Count the words, CJK characters, code and images of a parsed document.

    ``tree`` is the pipeline's lxml element (the ``<body>``); what it holds is
    counted, not the element itself. One walk over the elements collects the
    text (each element's ``text``, then its children, then its ``tail``, which
    belongs to the parent: the words after ``</pre>`` are prose) into prose and
    code; comments and processing instructions only give their tail. The
    counting itself is then done on each joined text at once.
    """
    prose: list[str] = []
    code: list[str] = []
    images = 0
    if tree.text:
        prose.append(tree.text)
    # (children still to visit, where their text goes, their parent, is it a
    # block?) The parent's tail goes where the entry below puts its text.
    stack: list[tuple[Any, list[str], Any, bool]] = [(iter(tree), prose, None, False)]
    while stack:
        children, out, _, _ = stack[-1]
        for el in children:
            tag = el.tag
            if tag.__class__ is str:  # not a comment, PI or entity
                if tag == "img":
                    images += 1
                elif tag not in SKIP_TAGS:
                    block = tag not in INLINE_TAGS
                    target = code if tag == "pre" else out
                    if block:  # end the word before it, here and inside
                        out.append(" ")
                        target.append(" ")
                    if el.text:
                        target.append(el.text)
                    if len(el):  # its children, then its tail
                        stack.append((iter(el), target, el, block))
                        break
                    if block:  # end its last word and the one after it
                        target.append(" ")
                        out.append(" ")
            if el.tail:
                out.append(el.tail)
        else:
            _, out, el, block = stack.pop()
            if stack:
                after = stack[-1][1]  # where the parent's text goes
                if block:  # end the last word inside it and the one after it
                    out.append(" ")
                    after.append(" ")
                if el.tail:
                    after.append(el.tail)
    words, cjk = count_text("".join(prose))
    code_words, code_cjk = count_text("".join(code)) if code else (0, 0)
    return Counts(words=words, cjk=cjk, code=code_words + code_cjk, images=images)


# -- turning counts into minutes ---------------------------------------------


def image_seconds(images: int, rates: Rates = Rates()) -> float:
    """Seconds for ``images`` images: 12, 11, 10 … down to 3, then 3 each."""
    first, floor = rates.image_seconds, rates.image_min_seconds
    # Images that still get one second less than the one before them.
    falling = max(0, min(images, math.floor(first - floor) + 1))
    total = falling * first - falling * (falling - 1) / 2
    return total + (images - falling) * floor


def estimate_minutes(counts: Counts, rates: Rates = Rates()) -> int:
    """Whole minutes, rounded to the nearest (halves up), never under 1."""
    seconds = 60 * counts.words / rates.words + 60 * counts.cjk / rates.cjk
    if rates.count_code:
        seconds += 60 * counts.code / rates.code
    seconds += image_seconds(counts.images, rates)
    return max(1, math.floor(seconds / 60 + 0.5))


def word_count(counts: Counts, rates: Rates = Rates()) -> int:
    """Words plus CJK characters, and the code's unless code is skipped."""
    return counts.words + counts.cjk + (counts.code if rates.count_code else 0)


# -- settings ----------------------------------------------------------------


def _lookup(table: Mapping[str, dict[str, float]], lang: Any) -> dict | None:
    if not lang:
        return None
    key = _language_key(lang)
    for candidate in (key, key.split("-")[0]):
        if candidate in table:
            return table[candidate]
    return None


def read_rates(settings: Mapping[str, Any], lang: str | None = None) -> Rates:
    """The rates for a document in ``lang``, from (checked) ``settings``.

    The language table is looked up by ``lang`` ("pt-BR", then "pt") and then
    by ``DEFAULT_LANG``; what an entry leaves out comes from the site rates.
    """

    def setting(short: str) -> Any:
        return read(settings, SETTINGS, PREFIX + short)

    rates = Rates(
        words=setting("WORDS_PER_MINUTE"),
        cjk=setting("CJK_CHARACTERS_PER_MINUTE"),
        code=setting("CODE_WORDS_PER_MINUTE"),
        count_code=setting("CODE") == "count",
        image_seconds=setting("IMAGE_SECONDS"),
        image_min_seconds=setting("IMAGE_MIN_SECONDS"),
    )
    table = setting("LANGUAGES")
    entry = _lookup(table, lang)
    if entry is None:
        entry = _lookup(table, settings.get("DEFAULT_LANG"))
    return replace(rates, **entry) if entry else rates


# -- per-post override -------------------------------------------------------

_OVERRIDE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:min(?:ute)?s?)?\s*$", re.I)


_MOST_MINUTES = 10080.5


def _override(metadata: Mapping[str, Any], where: str) -> int | None:
    """The front matter's ``reading_time`` as whole minutes (>= 1), or None."""
    value = metadata.get("reading_time")
    if value is None or value == "":
        return None
    given: float | None = None
    if is_number(value):
        given = value
    elif isinstance(value, str) and (match := _OVERRIDE_RE.match(value)):
        given = float(match.group(1))
    # A week of reading at most: 1e300 (or .inf) is a typo, not minutes.
    minutes = 0
    if given is not None and math.isfinite(given) and given < _MOST_MINUTES:
        minutes = math.floor(given + 0.5)
    if minutes >= 1:
        return minutes
    logger.warning(
        "%s: reading_time %r in the front matter is not a number of minutes "
        "(1 to 10080, e.g. `reading_time: 7`); using the counted reading time",
        where, value,
    )  # fmt: skip
    return None


# -- the pipeline transform --------------------------------------------------


def _results(counts: Counts, settings: Mapping[str, Any], doc: Any) -> dict:
    rates = read_rates(settings, doc.lang)
    where = doc.relative_path or doc.source_path or "<document>"
    minutes = _override(doc.metadata or {}, where)
    if minutes is None:
        minutes = estimate_minutes(counts, rates)
    return {"reading_time": minutes, "word_count": word_count(counts, rates)}


def reading_time(tree: etree._Element, settings: Mapping[str, Any], doc: Any) -> None:
    """Pipeline transform: put ``reading_time`` and ``word_count`` in
    ``doc.data``. Reads the tree, never changes it."""
    doc.data.update(_results(count_tree(tree), settings, doc))
