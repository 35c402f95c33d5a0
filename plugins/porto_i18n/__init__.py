"""Porto i18n: the theme's words in the language of each page.

On ``generator_init`` the plugin adds Jinja2's ``jinja2.ext.i18n`` extension
to the generator's environment and installs gettext callables that read the
page's language from the render context (the article's or page's ``lang``,
else ``DEFAULT_LANG``) and translate with the theme's catalogs
(``theme/translations/<lang>/LC_MESSAGES/messages.mo``). When the
``i18n_subsites`` plugin is loaded with ``jinja2.ext.i18n`` in
``JINJA_ENVIRONMENT``, that plugin installs the translations and this one
steps aside. Either way it gives templates ``porto_lang_name`` (a language's
name in that language, from Babel). The archives' short dates come from the
catalogs too (``pgettext``). The theme works without the plugin, in English
(``partials/i18n.html``).
"""

from __future__ import annotations

from pelican import signals

from .i18n import Catalogs, candidates, install, lang_name

__all__ = ["Catalogs", "candidates", "install", "lang_name", "register"]


def register() -> None:
    signals.generator_init.connect(install)
