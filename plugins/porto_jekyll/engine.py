"""Render a post's Liquid as Jekyll does, with python-liquid.

One :class:`JekyllEnvironment` per build holds Jekyll's tags and filters, the
``site`` values and the include templates. :meth:`JekyllEnvironment.render_post`
renders one post body; whatever it cannot render (an unknown tag, an include it
does not have, a syntax error) is left out of the text, the rest of the text is
kept, and the post gets one warning listing each problem with its line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from io import StringIO
from typing import Any, TextIO

from liquid import Environment, Markup, Mode, is_undefined
from liquid.ast import BlockNode, Node
from liquid.exceptions import LiquidError
from liquid.parser import get_parser
from liquid.tag import Tag
from liquid.token import TOKEN_EOF, TOKEN_EXPRESSION, TOKEN_TAG
from markdown import Markdown

from .filters import JEKYLL_FILTERS, is_site_url
from .includes import BUILT_IN

__all__ = ["JekyllEnvironment", "Problem"]

# Markdown sources Pelican turns into pages: {% link %} and {% post_url %}
# targets become {filename} links.
SOURCE_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst")
# Block tags and their end tags, to find the one a syntax error left open.
_BLOCKS = {
    "if": "endif", "unless": "endunless", "for": "endfor", "case": "endcase",
    "capture": "endcapture", "comment": "endcomment", "tablerow": "endtablerow",
    "highlight": "endhighlight", "ifchanged": "endifchanged",
}  # fmt: skip
_MAX_RETRIES = 25
# Jekyll's include parameters: name="text", name='text' or name=variable.
_PARAM = re.compile(
    r"""([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.\-\[\]'"]+))"""
)
_PATH_PART = re.compile(r"""[^.\[\]'"]+""")


@dataclass
class Problem:
    line: int | None
    what: str


@dataclass
class _Render:
    """The post being rendered: where its body starts and what went wrong."""

    name: str
    source: str
    first_line: int
    problems: list[Problem] = field(default_factory=list)

    # The post's own tag being rendered (an include), for problems met
    # inside the include's template.
    outer: Any = None

    def report(self, token: Any, what: str) -> None:
        line = None
        if token is not None and token.source is not self.source:
            token = self.outer
        if token is not None and token.source is self.source and token.start_index >= 0:
            line = self.first_line + self.source.count("\n", 0, token.start_index)
        self.problems.append(Problem(line, what))


def _expression(stream: Any) -> str:
    """The raw text after a block tag's name (``python linenos``), '' if none."""
    token = stream.current
    if token.kind != TOKEN_EXPRESSION:
        return ""
    next(stream)
    return token.value.strip()


class _TextNode(Node):
    """A tag whose output is worked out when the post is rendered."""

    __slots__ = ("argument", "kind")

    def __init__(self, token: Any, kind: str, argument: str):
        super().__init__(token)
        self.kind = kind
        self.argument = argument
        self.blank = False

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        env: JekyllEnvironment = context.env
        text = getattr(env, f"_tag_{self.kind}")(self, context)
        buffer.write(text)
        return bool(text)


def _simple_tag(tag_name: str) -> type[Tag]:
    class SimpleTag(Tag):
        name = tag_name
        block = False

        def parse(self, stream: Any) -> Node:
            # The parser steps past the tag's last token: the expression when
            # there is one, else the tag itself.
            token = stream.expect(TOKEN_TAG)
            argument = ""
            if stream.peek.kind == TOKEN_EXPRESSION:
                next(stream)
                argument = stream.current.value.strip()
            return _TextNode(token, tag_name, argument)

    SimpleTag.__name__ = f"{tag_name.title().replace('_', '')}Tag"
    return SimpleTag


class _HighlightNode(Node):
    __slots__ = ("argument", "body")

    def __init__(self, token: Any, argument: str, body: BlockNode):
        super().__init__(token)
        self.argument = argument
        self.body = body
        self.blank = False

    def render_to_output(self, context: Any, buffer: TextIO) -> int:
        inner = StringIO()
        self.body.render(context, inner)
        buffer.write(context.env.fenced_block(self.argument, inner.getvalue()))
        return True


class HighlightTag(Tag):
    """``{% highlight LANG [linenos] %}…{% endhighlight %}`` as a fenced block.

    Markdown's own fenced-code step then writes it, so the HTML is exactly
    that of a fenced block with the same language (Pelican's codehilite).
    """

    name = "highlight"
    end = "endhighlight"

    def parse(self, stream: Any) -> Node:
        token = stream.eat(TOKEN_TAG)
        argument = _expression(stream)
        body = get_parser(self.env).parse_block(stream, ("endhighlight", TOKEN_EOF))
        stream.expect(TOKEN_TAG, value="endhighlight")
        return _HighlightNode(token, argument, body)


_TAGS = [
    HighlightTag,
    _simple_tag("include"),
    _simple_tag("post_url"),
    _simple_tag("link"),
    _simple_tag("porto_unknown_video"),
]


class JekyllEnvironment(Environment):
    """Liquid as Jekyll configures it, for one Pelican build.

    Output statements escape text (``autoescape``): a front matter value
    printed with ``{{ page.title }}`` reads as the same text Porto shows as the
    title, never as markup. What the author wrote in the post itself (literal
    strings, captures, include parameters) and what Jekyll's HTML filters make
    (``markdownify``, ``xml_escape``, ``jsonify``) are kept as written.
    """

    keyword_assignment = True

    def __init__(self, settings: Mapping[str, Any]):
        super().__init__(tolerance=Mode.STRICT, autoescape=True, strict_filters=True)
        self.settings = settings
        self.content_root = os.path.abspath(settings.get("PATH") or os.getcwd())
        self.current: _Render | None = None
        self._markdown: Markdown | None = None
        self._includes: dict[str, Any] = {}
        self._expressions: dict[str, Any] = {}
        self._sources: dict[str, str] | None = None
        for tag in _TAGS:
            self.add_tag(tag)
        for name, func in JEKYLL_FILTERS.items():
            self.add_filter(name, func)
        self.add_filter("relative_url", self.relative_url)
        self.add_filter("absolute_url", self.relative_url)
        self.add_filter("markdownify", self.markdownify)
        self.add_filter("markdownify_inline", self.markdownify_inline)
        self.add_filter("where_exp", self.where_exp)
        self.add_filter("find_exp", self.find_exp)
        self.add_filter("group_by_exp", self.group_by_exp)
        self.site = self._site_values(settings)
        self._include_dir = self._includes_folder(settings)

    # -- site ------------------------------------------------------------------

    def _site_values(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        site: dict[str, Any] = {
            "title": settings.get("SITENAME", ""),
            "description": settings.get("SITESUBTITLE") or "",
            "author": settings.get("AUTHOR") or "",
            "lang": settings.get("DEFAULT_LANG", "en"),
            "time": dt.datetime.now().astimezone(),
        }
        site.update(settings.get("PORTO_JEKYLL_SITE") or {})
        # Empty, so "{{ site.url }}{{ site.baseurl }}/assets/x.png" is the
        # site-root path porto_links resolves under any SITEURL.
        site["url"] = ""
        site["baseurl"] = ""
        return site

    def _includes_folder(self, settings: Mapping[str, Any]) -> str:
        folder = settings.get("PORTO_JEKYLL_INCLUDES_PATH") or "_includes"
        return os.path.normpath(os.path.join(self.content_root, folder))

    # -- filters that need the build ---------------------------------------

    def relative_url(self, value: Any) -> str:
        """A site-root path (``/x``) that porto_links resolves; URLs stay."""
        url = "" if value is None or is_undefined(value) else str(value).strip()
        if not is_site_url(url):
            return url
        path = "/" + url.lstrip("/")
        siteurl = str(self.settings.get("SITEURL") or "").rstrip("/")
        if (
            siteurl
            and not self.settings.get("RELATIVE_URLS")
            and not self._is_content_file(path)
        ):
            return siteurl + path  # a page URL, not a file porto_links can find
        return path

    def _is_content_file(self, path: str) -> bool:
        bare = path.split("?", 1)[0].split("#", 1)[0].lstrip("/")
        return bool(bare) and os.path.isfile(os.path.join(self.content_root, bare))

    def markdown(self) -> Markdown:
        if self._markdown is None:
            config = dict(self.settings.get("MARKDOWN") or {})
            extensions = list(config.get("extensions") or [])
            for name in config.get("extension_configs") or {}:
                if name not in extensions:
                    extensions.append(name)
            config["extensions"] = extensions
            self._markdown = Markdown(**config)
        self._markdown.reset()
        return self._markdown

    def markdownify(self, value: Any) -> Markup:
        text = "" if value is None or is_undefined(value) else str(value)
        return Markup(self.markdown().convert(text))

    def markdownify_inline(self, value: Any) -> Markup:
        html = str(self.markdownify(value))
        if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return Markup(html)

    def _test(self, variable: Any, expression: Any) -> Any:
        source = f"{{% if {expression} %}}1{{% endif %}}"
        template = self._expressions.get(source)
        if template is None:
            template = self._expressions[source] = self.from_string(source)
        name = str(variable)
        return lambda item: template.render(**{name: item}) == "1"

    def where_exp(self, value: Any, variable: Any, expression: Any) -> list[Any]:
        test = self._test(variable, expression)
        return [item for item in _list(value) if test(item)]

    def find_exp(self, value: Any, variable: Any, expression: Any) -> Any:
        test = self._test(variable, expression)
        return next((item for item in _list(value) if test(item)), None)

    def group_by_exp(self, value: Any, variable: Any, expression: Any) -> list:
        template = self.from_string(f"{{{{ {expression} }}}}")
        groups: dict[str, list[Any]] = {}
        for item in _list(value):
            groups.setdefault(template.render(**{str(variable): item}), []).append(item)
        return [{"name": k, "items": v, "size": len(v)} for k, v in groups.items()]

    # -- tags ----------------------------------------------------------------

    def fenced_block(self, argument: str, code: str) -> str:
        words = argument.split()
        language = words[0] if words else "text"
        options = []
        for word in words[1:]:
            key, _, value = word.partition("=")
            if key == "linenos":
                options.append('linenums="1"')
            elif key in ("hl_lines", "mark_lines") and value:
                options.append(f'hl_lines="{value.strip(chr(34) + chr(39))}"')
        code = code.strip("\r\n")
        longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
        fence = "`" * max(3, longest + 1)
        if options:
            opening = f"{fence}{{ .{language} {' '.join(options)} }}"
        else:
            opening = f"{fence}{language}"
        return f"{opening}\n{code}\n{fence}"

    def _tag_porto_unknown_video(self, node: _TextNode, context: Any) -> str:
        provider = str(context.resolve("porto_provider", default=""))
        self._report(node, f"no video include for provider {provider!r}")
        return ""

    def _tag_include(self, node: _TextNode, context: Any) -> str:
        name, _, rest = node.argument.partition(" ")
        if not name or "{{" in name:
            self._report(node, f"cannot include {node.argument!r}")
            return ""
        template = self._include(name, node)
        if template is None:
            return ""
        params = {key: self._param(context, *values) for key, *values in
                  _PARAM.findall(rest)}  # fmt: skip
        buffer = StringIO()
        render = self.current
        outermost = render is not None and render.outer is None
        if outermost:
            render.outer = node.token
        try:
            with context.extend({"include": params}, template=template):
                template.render_with_context(context, buffer, partial=True)
        except LiquidError as exc:  # the include's own error: drop the include
            self._report(node, f"the include {name!r} failed: {_message(exc)}")
            return ""
        finally:
            if outermost:
                render.outer = None
        return buffer.getvalue()

    def _param(self, context: Any, double: str, single: str, variable: str) -> Any:
        if not variable:
            text = double if double or not single else single
            return Markup(text.replace('\\"', '"').replace("\\'", "'"))
        path: list[Any] = [
            int(p) if p.isdigit() else p for p in _PATH_PART.findall(variable)
        ]
        found = context.get(path, token=None, default=None) if path else None
        # Jekyll gives nil for an unknown name; authors who wrote id=abc123
        # meant the text.
        return Markup(variable) if found is None else found

    def _include(self, name: str, node: _TextNode) -> Any:
        if name in self._includes:
            return self._includes[name]
        template = None
        path = os.path.normpath(os.path.join(self._include_dir, name))
        if path.startswith(self._include_dir + os.sep) and os.path.isfile(path):
            with open(path, encoding="utf-8", errors="replace") as handle:
                source = handle.read()
        else:
            source = BUILT_IN.get(name)
        if source is None:
            self._report(node, f"no include named {name!r}")
        else:
            try:
                template = self.from_string(source, name=name)
            except LiquidError as exc:
                self._report(node, f"the include {name!r} is broken: {_message(exc)}")
        self._includes[name] = template
        return template

    def _tag_post_url(self, node: _TextNode, context: Any) -> str:
        wanted = node.argument.strip().strip("/")
        found = self._sources_index().get(wanted) or self._sources_index().get(
            wanted.rpartition("/")[2]
        )
        if found is None:
            self._report(node, f"post_url: no post {wanted!r}")
            return ""
        return "{filename}/" + found

    def _tag_link(self, node: _TextNode, context: Any) -> str:
        wanted = node.argument.strip()
        if "{{" in wanted:
            wanted = self.from_string(wanted).render_with_context(context, StringIO())
        wanted = wanted.strip().lstrip("/")
        candidates = [wanted]
        jekyll_folders = (("_posts/", "ARTICLE_PATHS"), ("_pages/", "PAGE_PATHS"))
        for jekyll, pelican in jekyll_folders:
            if wanted.startswith(jekyll):
                rest = wanted[len(jekyll) :]
                candidates += [
                    f"{folder.strip('/')}/{rest}".lstrip("/")
                    for folder in self.settings.get(pelican) or [""]
                ]
        for folder in self.settings.get("PAGE_PATHS") or []:
            candidates.append(f"{folder.strip('/')}/{wanted}")
        for candidate in candidates:
            if os.path.isfile(os.path.join(self.content_root, candidate)):
                if candidate.lower().endswith(SOURCE_EXTENSIONS):
                    return "{filename}/" + candidate
                return "/" + candidate
        stem = os.path.splitext(wanted.rpartition("/")[2])[0]
        found = self._sources_index().get(stem)
        if found is not None:
            return "{filename}/" + found
        self._report(node, f"link: no file {wanted!r}")
        return ""

    def _sources_index(self) -> dict[str, str]:
        """Markdown sources under the article folders, by stem and by path."""
        if self._sources is None:
            index: dict[str, str] = {}
            for folder in self.settings.get("ARTICLE_PATHS") or [""]:
                top = os.path.join(self.content_root, folder)
                for dirpath, _dirs, files in os.walk(top):
                    for file in sorted(files):
                        stem, ext = os.path.splitext(file)
                        if ext.lower() not in SOURCE_EXTENSIONS:
                            continue
                        full = os.path.join(dirpath, file)
                        rel = os.path.relpath(full, self.content_root)
                        rel = rel.replace(os.sep, "/")
                        index.setdefault(stem, rel)
                        below = os.path.relpath(full, top).replace(os.sep, "/")
                        index.setdefault(os.path.splitext(below)[0], rel)
            self._sources = index
        return self._sources

    def _report(self, node: Node, what: str) -> None:
        if self.current is not None:
            self.current.report(node.token, what)

    # -- one post ------------------------------------------------------------

    def render_post(
        self, body: str, page: Mapping[str, Any], name: str, first_line: int
    ) -> tuple[str, list[Problem]]:
        """The body with its Liquid rendered, and what could not be rendered."""
        problems: list[Problem] = []
        source = body
        for _ in range(_MAX_RETRIES):
            render = _Render(name, source, first_line)
            self.current = render
            try:
                template = self.from_string(source)
                text = template.render(site=self.site, page=page)
            except LiquidError as exc:
                # What the failed try found (a missing include…) is not
                # looked for again: include lookups are remembered.
                problems += render.problems
                span = self._failed_span(exc, source)
                line = first_line + source.count("\n", 0, span[0]) if span else None
                problems.append(Problem(line, _message(exc)))
                if span is None:
                    break
                source = source[: span[0]] + source[span[1] :]
                continue
            finally:
                self.current = None
            return text, _unique(problems + render.problems)
        return self._text_only(source), _unique(problems)

    def _failed_span(self, exc: LiquidError, source: str) -> tuple[int, int] | None:
        token = exc.token
        index = -1
        if token is not None and token.source is source:
            index = token.start_index
        if index < 0:
            return self._unclosed_block(source)
        start = max(source.rfind("{%", 0, index + 1), source.rfind("{{", 0, index + 1))
        if start < 0:
            return None
        closing = "%}" if source.startswith("{%", start) else "}}"
        end = source.find(closing, index)
        return (start, len(source) if end < 0 else end + 2)

    def _unclosed_block(self, source: str) -> tuple[int, int] | None:
        """The block tag still open at the end of the post, if any."""
        open_tags: list[tuple[str, int, int]] = []
        for token in self.tokenizer()(source):
            if token.kind != TOKEN_TAG:
                continue
            if token.value in _BLOCKS:
                end = source.find("%}", token.start_index)
                open_tags.append((_BLOCKS[token.value], token.start_index, end))
            elif open_tags and token.value == open_tags[-1][0]:
                open_tags.pop()
        if not open_tags:
            return None
        _, index, end = open_tags[-1]
        start = source.rfind("{%", 0, index + 1)
        return (start, len(source) if end < 0 else end + 2)

    def _text_only(self, source: str) -> str:
        """The post's text without any Liquid markup: the last resort."""
        try:
            tokens = list(self.tokenizer()(source))
        except LiquidError:
            return re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "", source, flags=re.DOTALL)
        return "".join(t.value for t in tokens if t.kind == "content")


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple] = set()
    kept = []
    for problem in problems:
        if (problem.line, problem.what) not in seen:
            seen.add((problem.line, problem.what))
            kept.append(problem)
    return kept


def _list(value: Any) -> list[Any]:
    if value is None or is_undefined(value):
        return []
    if isinstance(value, Mapping) or isinstance(value, str):
        return [value]
    return list(value)


def _message(exc: LiquidError) -> str:
    text = str(exc.args[0]) if exc.args else str(exc)
    return text.splitlines()[0] if text else type(exc).__name__
