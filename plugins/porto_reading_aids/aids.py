"""Heading ids and anchors, the table of contents, code block languages.

Everything here works on the pipeline's shared tree; the theme renders the
table of contents from ``article.toc`` and styles the rest.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from html import escape
from typing import Any, NamedTuple

from lxml import etree
from markdown.extensions.toc import slugify, unique
from pelican.plugins.porto_pipeline.settings import Unusable, custom, flag, read, whole
from pygments.formatters.html import HtmlFormatter

logger = logging.getLogger(__name__)

__all__ = [
    "SETTINGS",
    "LabelledCodeFormatter",
    "TocEntry",
    "anchor_label",
    "keep_code_languages",
    "label_code",
    "mark_headings",
    "wants_toc",
]

PREFIX = "PORTO_READING_AIDS_"


DEFAULT_ANCHOR_LABEL = "Link to this section"

# The anchors' name in the theme's languages (theme/translations/), used when
# the setting has no entry for a post's language. Chinese: Simplified only.
ANCHOR_LABELS = {
    "en": DEFAULT_ANCHOR_LABEL,
    "ar": "رابط إلى هذا القسم",
    "de": "Link zu diesem Abschnitt",
    "es": "Enlace a esta sección",
    "fr": "Lien vers cette section",
    "it": "Link a questa sezione",
    "ja": "このセクションへのリンク",
    "ko": "이 섹션으로 가는 링크",
    "nl": "Link naar deze sectie",
    "pt": "Link para esta seção",
    "zh": "本节链接",
    "zh-cn": "本节链接",
    "zh-sg": "本节链接",
    "zh-hans": "本节链接",
}


def _label_setting(value: Any, report: Any) -> str | dict[str, str]:
    """A string, or a dict from language (``"fr"``, ``"pt-BR"``) to string
    (empty: Porto's own labels only)."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if not isinstance(value, Mapping):
        raise Unusable
    labels = {}
    for lang, label in value.items():
        if not isinstance(label, str) or not label.strip():
            raise Unusable
        labels[str(lang).strip().lower().replace("_", "-")] = label.strip()
    return labels


# Chinese tags that read Simplified Chinese; zh-TW or zh-Hant do not.
_SIMPLIFIED = {"zh", "zh-cn", "zh-sg", "zh-hans"}


def _candidates(lang: str, own: bool) -> list[str]:
    """``lang`` and its main part (``pt`` for ``pt-BR``); for Porto's own
    labels (``own``), a Chinese tag's main part only if it is Simplified."""
    lang = (lang or "").lower().replace("_", "-")
    main = lang.partition("-")[0]
    if own and main == "zh" and lang not in _SIMPLIFIED:
        return [lang]
    return [lang, main]


def anchor_label(settings: Mapping[str, Any], lang: str) -> str:
    """The anchors' name for a document in ``lang``: the setting's entry for
    the language, else for its main part (``pt`` for ``pt-BR``), else for
    ``DEFAULT_LANG``; then the same from Porto's own labels (the theme's 11
    languages); else English. A string setting names the anchors in every
    language."""
    labels = read(settings, SETTINGS, PREFIX + "ANCHOR_LABEL")
    if isinstance(labels, str):
        return labels
    default = str(settings.get("DEFAULT_LANG") or "")
    for table, own in ((labels, False), (ANCHOR_LABELS, True)):
        for key in _candidates(lang, own) + _candidates(default, own):
            if key in table:
                return table[key]
    return DEFAULT_ANCHOR_LABEL


SETTINGS = {
    # A table of contents on every article and page that does not say
    # `toc: false`; False: only on those with `toc: true`.
    PREFIX + "TOC": flag(False),
    # Fewer headings than this: no table of contents, even when asked for.
    PREFIX + "TOC_MIN_HEADINGS": whole(2, 1),
    # A link to itself after each heading (the theme shows it as "#").
    PREFIX + "ANCHORS": flag(True),
    # The anchors' accessible name: a string, or one per language.
    PREFIX + "ANCHOR_LABEL": custom(
        {},
        "a string or a dict such as {'fr': 'Lien vers cette section'}",
        _label_setting,
    ),
    # data-lang on each code block's <pre>, for the theme's label.
    PREFIX + "CODE_LABELS": flag(True),
}

# Headings of a post that get an id, an anchor and a place in the contents:
# h1 too, for posts whose sections are "#" headings (the page's own title is
# not part of the post).
HEADINGS = ("h1", "h2", "h3", "h4")
# ids the theme itself uses on an article page: a heading never takes them.
RESERVED_IDS = frozenset({"main", "toc-title", "related-title", "theme-toggle"})
# What a heading link left by Markdown's toc extension (permalink) or by the
# author looks like: such a heading gets no second one.
_OWN_LINK_CLASSES = {"anchor", "headerlink"}
# Languages that say "no language": no label for them.
_NO_LANGUAGE = {"text", "txt", "plain", "plaintext", "none", "nohighlight", "output"}
_IDS = etree.XPath(".//@id")
_LANGUAGE_CLASS = re.compile(r"^(?:language|lang)-(.+)$")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0", ""}


class TocEntry(NamedTuple):
    """One line of a table of contents.

    ``level`` is the heading's (2 for ``h2``); ``depth`` its nesting in the
    list, from 1, with no level skipped (an ``h4`` right under an ``h2`` is
    depth 2); ``text`` is plain text.
    """

    level: int
    id: str
    text: str
    depth: int


def wants_toc(metadata: Mapping[str, Any], settings: Mapping[str, Any]) -> bool:
    """Whether a document asks for a table of contents.

    Front matter ``toc`` (``true``/``false``, or Pelican's ``Toc: yes``) wins;
    without it, the site's setting decides.
    """
    value = metadata.get("toc")
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return bool(read(settings, SETTINGS, PREFIX + "TOC"))


def _heading_text(heading: etree._Element) -> str:
    """The words of a heading as a reader sees them, white space collapsed."""
    parts = [heading.text or ""]
    for child in heading:
        if isinstance(child.tag, str):  # not a comment
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _slug(text: str) -> str:
    """Python-Markdown's toc slug; its Unicode form when that would be empty
    (a Korean or Greek heading), where toc itself gives ``_1``, ``_2``…"""
    return slugify(text, "-") or slugify(text, "-", unicode=True)


def _has_own_link(heading: etree._Element) -> bool:
    for link in heading.iter("a"):
        if _OWN_LINK_CLASSES & set((link.get("class") or "").split()):
            return True
    return False


def mark_headings(tree: etree._Element, settings: Mapping[str, Any], doc: Any) -> None:
    """Pipeline transform: ids and anchors on headings; ``doc.data["toc"]``.

    Every ``h1``–``h4`` without an ``id`` gets one, unique on the page;
    ids the author wrote are kept. ``toc`` is the list of entries when the
    document asks for a table of contents and has enough headings, else ``[]``.
    """
    anchors = read(settings, SETTINGS, PREFIX + "ANCHORS")
    label = anchor_label(settings, getattr(doc, "lang", ""))
    wanted = wants_toc(doc.metadata, settings)
    doc.data["toc"] = []
    headings = list(tree.iter(*HEADINGS))
    if not headings:
        return
    used = set(RESERVED_IDS)
    used.update(map(str, _IDS(tree)))
    entries: list[TocEntry] = []
    open_levels: list[int] = []
    for heading in headings:
        text = _heading_text(heading)
        ident = heading.get("id")
        if not ident:
            ident = unique(_slug(text), used)
            heading.set("id", ident)
        level = int(heading.tag[1])
        if text:
            while open_levels and open_levels[-1] >= level:
                open_levels.pop()
            open_levels.append(level)
            entries.append(TocEntry(level, ident, text, len(open_levels)))
        if anchors and not _has_own_link(heading):
            # Empty: the theme draws the "#", so summaries, descriptions,
            # feeds and the search index never get a stray "#" as text.
            link = etree.SubElement(
                heading, "a", {"class": "anchor", "href": "#" + ident}
            )
            link.set("aria-label", label)
            link.text = ""
    minimum = read(settings, SETTINGS, PREFIX + "TOC_MIN_HEADINGS")
    if wanted and len(entries) >= minimum:
        doc.data["toc"] = entries


def _language(pre: etree._Element) -> str | None:
    """The language a code block declares: ``language-x`` (or ``lang-x``) on
    its ``<code>``, on the ``<pre>`` itself or on the wrapping ``<div>``."""
    code = next((c for c in pre if c.tag == "code"), None)
    parent = pre.getparent()
    for element in (code, pre, parent):
        if element is None or not isinstance(element.tag, str):
            continue
        for name in (element.get("class") or "").split():
            match = _LANGUAGE_CLASS.match(name)
            if match:
                return match.group(1)
    return None


def label_code(tree: etree._Element, settings: Mapping[str, Any], doc: Any) -> None:
    """Pipeline transform: ``data-lang`` on each ``<pre>`` whose code names its
    language (not ``text`` and the like); a ``data-lang`` already there stays."""
    if not read(settings, SETTINGS, PREFIX + "CODE_LABELS"):
        return
    for pre in tree.iter("pre"):
        if pre.get("data-lang") is not None:
            continue
        language = _language(pre)
        if language and language.lower() not in _NO_LANGUAGE:
            pre.set("data-lang", language)


class LabelledCodeFormatter(HtmlFormatter):
    """Pygments' HTML formatter, writing ``<code class="language-x">``.

    Markdown's codehilite hands its formatter the block's language as
    ``lang_str``; Pygments' own formatter ignores it, so the language is lost
    once the code is highlighted.
    """

    def __init__(self, lang_str: str = "", **options: Any) -> None:
        super().__init__(**options)
        self.lang_str = lang_str

    def _wrap_code(self, inner):
        if self.lang_str:
            yield 0, f'<code class="{escape(self.lang_str)}">'
        else:
            yield 0, "<code>"
        yield from inner
        yield 0, "</code>"


def _codehilite_name(markdown: Mapping[str, Any]) -> str | None:
    configs = markdown.get("extension_configs") or {}
    names = [*configs, *(markdown.get("extensions") or [])]
    for name in names:
        if isinstance(name, str) and name.split(":")[0].rpartition(".")[2] == (
            "codehilite"
        ):
            return name
    return None


def keep_code_languages(pelican: Any) -> None:
    """Start-up: codehilite writes each highlighted block's language.

    Pelican's ``MARKDOWN`` setting gets :class:`LabelledCodeFormatter` as
    codehilite's ``pygments_formatter`` and, unless set, ``guess_lang: False``:
    a block without a language is not highlighted by guess (Pygments' guesses
    are often wrong, and would be labelled). A formatter of the site's own is
    left alone.
    """
    settings = pelican.settings
    if not settings.get(PREFIX + "CODE_LABELS"):
        return
    markdown = settings.get("MARKDOWN")
    if not isinstance(markdown, Mapping):
        return
    name = _codehilite_name(markdown)
    if name is None:
        return
    configs = dict(markdown.get("extension_configs") or {})
    config = dict(configs.get(name) or {})
    if "pygments_formatter" in config:
        return
    config["pygments_formatter"] = LabelledCodeFormatter
    config.setdefault("guess_lang", False)
    configs[name] = config
    # A new dict: Pelican's default MARKDOWN is shared by every build of the process.
    settings["MARKDOWN"] = {**markdown, "extension_configs": configs}
