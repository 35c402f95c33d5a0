"""Porto i18n: the theme's words in the language of each page.

On ``generator_init`` the plugin adds Jinja2's ``jinja2.ext.i18n`` extension
to the generator's environment and installs gettext callables that read the
page's language from the render context (the article's or page's ``lang``,
else ``DEFAULT_LANG``) and translate with the theme's catalogs
(``theme/translations/<lang>/LC_MESSAGES/messages.mo``). When the
``i18n_subsites`` plugin is loaded with ``jinja2.ext.i18n`` in
``JINJA_ENVIRONMENT``, that plugin installs the translations and this one
steps aside. Either way it gives templates a few helpers: ``porto_lang_tag``,
``porto_lang_dir``, ``porto_lang_name`` and ``porto_short_date``.
"""

from __future__ import annotations

from pelican import signals

from .i18n import (
    RTL_LANGUAGES,
    Catalogs,
    install,
    lang_dir,
    lang_name,
    lang_tag,
    short_date,
)

__all__ = [
    "RTL_LANGUAGES",
    "Catalogs",
    "install",
    "lang_dir",
    "lang_name",
    "lang_tag",
    "register",
    "short_date",
]


def register() -> None:
    signals.generator_init.connect(install)
