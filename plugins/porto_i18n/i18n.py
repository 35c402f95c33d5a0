"""Theme translations chosen per page, and language helpers for templates."""

from __future__ import annotations

import gettext
import logging
import re
import sys
from functools import lru_cache
from pathlib import Path

from jinja2 import pass_context
from jinja2.ext import InternationalizationExtension
from markupsafe import Markup

logger = logging.getLogger(__name__)

__all__ = [
    "Catalogs",
    "candidates",
    "install",
    "lang_name",
]

DOMAIN = "messages"
FALLBACK = "en"
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def _parts(code: object) -> tuple[str, str, str]:
    """``"pt-BR"``, ``"pt_br"``, ``"zh-Hans-CN"`` as (language, Script, REGION)."""
    text = str(code or "").strip()
    if not _TAG.match(text):
        return text.lower(), "", ""
    language, *rest = re.split(r"[-_]", text)
    script = region = ""
    for part in rest:
        if len(part) == 4 and part.isalpha() and not script:
            script = part.title()
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            region = region or part.upper()
    return language.lower(), script, region


def candidates(code: object) -> list[str]:
    """Catalog folder names to try for a language, most specific first.

    Simplified Chinese (``zh``, ``zh-CN``, ``zh-Hans``, ``zh-SG``) finds the
    ``zh_CN`` catalog; Traditional Chinese (``zh-TW``, ``zh-Hant``) does not.
    """
    language, script, region = _parts(code)
    if not language:
        return []
    names = []
    if script and region:
        names.append(f"{language}_{script}_{region}")
    if region:
        names.append(f"{language}_{region}")
    if script:
        names.append(f"{language}_{script}")
    if language == "zh":
        traditional = script == "Hant" or (not script and region in ("TW", "HK", "MO"))
        if traditional:
            return names
        names += ["zh_CN", "zh_Hans"]
    names.append(language)
    return list(dict.fromkeys(names))


class Catalogs:
    """The theme's compiled catalogs, one gettext chain per language, cached.

    ``pt-BR`` reads ``pt_BR`` then ``pt`` then English; a language with no
    catalog gets English and one warning for the build.
    """

    def __init__(self, localedir: str | Path):
        self.localedir = Path(localedir)
        self.available = (
            sorted(
                path.parent.parent.name
                for path in self.localedir.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
            )
            if self.localedir.is_dir()
            else []
        )
        self._chains: dict[str, gettext.NullTranslations] = {}
        self.warned: set[str] = set()

    def _load(self, name: str) -> gettext.GNUTranslations:
        path = self.localedir / name / "LC_MESSAGES" / f"{DOMAIN}.mo"
        with path.open("rb") as handle:
            return gettext.GNUTranslations(handle)

    def get(self, code: object, source: str | None = None) -> gettext.NullTranslations:
        key = str(code or "")
        chain = self._chains.get(key)
        if chain is not None:
            return chain
        found = [name for name in candidates(key) if name in self.available]
        if not found and self.available and key not in self.warned:
            self.warned.add(key)
            logger.warning(
                "porto_i18n: the theme has no translation for language %r%s; "
                "its words stay in English (languages: %s)",
                key,
                f" ({source})" if source else "",
                ", ".join(self.available),
            )
        if FALLBACK not in found:
            found.append(FALLBACK)
        chain = gettext.NullTranslations()
        for name in reversed(found):
            if name in self.available:
                link = self._load(name)
                link.add_fallback(chain)
                chain = link
        self._chains[key] = chain
        return chain


def _page_language(context) -> tuple[object, str | None]:
    """The language of the page being rendered, and the post's source if any."""
    for name in ("article", "page"):
        item = context.get(name)
        lang = getattr(item, "lang", None)
        if lang:
            return lang, getattr(item, "relative_source_path", None)
    return context.get("DEFAULT_LANG") or FALLBACK, None


def gettext_callables(catalogs: Catalogs):
    """gettext, ngettext, pgettext and npgettext that follow the page's language.

    They behave as Jinja's "newstyle" gettext (``_("%(n)s posts", n=3)``: the
    translation is always a format string, and Markup when autoescaping),
    each in one call: Jinja's own newstyle wrappers reach a context-aware
    function through two more ``context.call``s, and a page makes about
    thirty such calls.
    """

    def done(context, text, variables):
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    def chain(context):
        # One page is rendered in one language: found once per render context
        # (the page's, each include's and each imported macro file's).
        found = context.__dict__.get("_porto_catalog")
        if found is None:
            lang, source = _page_language(context)
            found = context._porto_catalog = catalogs.get(lang, source)
        return found

    @pass_context
    def gettext_(context, message, /, **variables):
        return done(context, chain(context).gettext(message), variables)

    @pass_context
    def ngettext_(context, singular, plural, num, /, **variables):
        variables.setdefault("num", num)
        text = chain(context).ngettext(singular, plural, num)
        return done(context, text, variables)

    @pass_context
    def pgettext_(context, where, message, /, **variables):
        variables.setdefault("context", where)
        return done(context, chain(context).pgettext(where, message), variables)

    @pass_context
    def npgettext_(context, where, singular, plural, num, /, **variables):
        variables.setdefault("context", where)
        variables.setdefault("num", num)
        text = chain(context).npgettext(where, singular, plural, num)
        return done(context, text, variables)

    return gettext_, ngettext_, pgettext_, npgettext_


def _babel_locale(code: object):
    try:
        from babel import Locale, UnknownLocaleError
    except ImportError:  # pragma: no cover - Babel is a dependency
        return None
    language, script, region = _parts(code)
    for script_, region_ in ((script, region), (script, ""), ("", "")):
        try:
            return Locale(language, territory=region_ or None, script=script_ or None)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
    return None


@lru_cache(maxsize=256)
def lang_name(code: object) -> str:
    """A language's name in that language: ``fr`` → ``Français``."""
    locale = _babel_locale(code)
    name = locale.get_display_name(locale) if locale is not None else None
    if not name:
        return str(code)
    return name[:1].upper() + name[1:]


def _subsites_installs(settings) -> bool:
    """True when i18n_subsites is loaded and will install its translations."""
    extensions = settings.get("JINJA_ENVIRONMENT", {}).get("extensions", [])
    if "jinja2.ext.i18n" not in extensions:  # i18n_subsites' own test
        return False
    plugins = settings.get("PLUGINS")
    if plugins is None:  # every installed plugin
        names = list(sys.modules)
    else:
        names = [getattr(p, "__name__", str(p)) for p in plugins]
    return any(name.rsplit(".", 1)[-1] == "i18n_subsites" for name in names)


# This build's catalogs, by the identity of the context its generators share.
# Not in the context itself: Pelican's generator-level cache pickles every
# post with its context, and compiled plural rules cannot be pickled.
_ACTIVE: list = []


def _catalogs_of(generator) -> Catalogs | None:
    if _ACTIVE and _ACTIVE[0] == id(generator.context):
        return _ACTIVE[1]
    return None


def install(generator) -> None:
    """Give the generator's Jinja environment the theme's translations."""
    env = generator.env
    # for the theme's language switch (it shows codes without it); Babel's
    # locale data is read only when a post has translations to name
    env.globals.update(porto_lang_name=lang_name)
    if _subsites_installs(generator.settings):
        logger.debug("porto_i18n: i18n_subsites installs the translations")
        return
    if not any(
        isinstance(ext, InternationalizationExtension)
        for ext in env.extensions.values()
    ):
        env.add_extension("jinja2.ext.i18n")
    catalogs = _catalogs_of(generator)
    if catalogs is None:  # one per build: the generators share the context
        catalogs = Catalogs(Path(generator.theme) / "translations")
        _ACTIVE[:] = [id(generator.context), catalogs]
        # the site's own language is known now: say so before any page
        catalogs.get(generator.settings.get("DEFAULT_LANG"), "DEFAULT_LANG")
    gettext_, ngettext_, pgettext_, npgettext_ = gettext_callables(catalogs)
    # What Jinja's install_gettext_callables(newstyle=True) does, with the
    # functions already newstyle: {% trans %} blocks are compiled to pass
    # their variables, and the globals are these (no wrapper around them).
    env.newstyle_gettext = True
    env.globals.update(
        _=gettext_,
        gettext=gettext_,
        ngettext=ngettext_,
        pgettext=pgettext_,
        npgettext=npgettext_,
    )
