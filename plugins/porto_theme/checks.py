"""What each theme setting may be, and what the theme gets when it is not.

Every check here is a ``clean(value, report)`` for the settings helper
(``porto_pipeline.settings``): it returns the value the theme will read, calls
``report`` for a part it leaves out, or raises ``Unusable`` to have the whole
value replaced by its default with the helper's one warning.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pelican.plugins.porto_pipeline.settings import (
    Unusable,
    custom,
    flag,
    whole,
)

logger = logging.getLogger(__name__)

Report = Callable[..., None]

_HTTP_URL = re.compile(r"https?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)
_REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z")
_GOATCOUNTER_CODE = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def _is_pair(entry: Any) -> bool:
    return (
        isinstance(entry, (list, tuple))
        and len(entry) == 2
        and all(isinstance(part, str) and part.strip() for part in entry)
    )


def pairs(name: str, default: list | None) -> Any:
    """A list of ``(label, url)`` pairs of strings, like Pelican's ``LINKS``.

    ``None`` means none. Entries that are not such pairs are left out with one
    warning listing them; a value that is not a list or tuple at all is
    replaced by the default.
    """

    def clean(value: Any, report: Report) -> list | None:
        if value is None:
            return default
        if not isinstance(value, (list, tuple)):
            raise Unusable
        kept = [tuple(entry) for entry in value if _is_pair(entry)]
        dropped = [entry for entry in value if not _is_pair(entry)]
        if dropped:
            report(
                "%s: left out %s, not (label, URL) pairs of text",
                name,
                ", ".join(repr(entry) for entry in dropped),
            )
        return kept

    return custom(default, "a list of (label, URL) pairs", clean)


def _text_or_none(value: Any, _: Report) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return value
    raise Unusable


def _http_url_or_none(value: Any, _: Report) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _HTTP_URL.match(value.strip()):
        return value.strip()
    raise Unusable


def text_or_none() -> Any:
    return custom(None, "a non-empty string or None", _text_or_none)


def _provider(
    value: Any, report: Report, setting: str, providers: Iterable[str], what: str
) -> str | None:
    """The provider a ``{"provider": …}`` setting names, trimmed and in lower
    case: ``None`` when the setting is empty, and (with one warning) when it
    names no provider known here; a value that is not a dict is unusable."""
    if value is None or value == {}:
        return None
    if not isinstance(value, Mapping):
        raise Unusable
    provider = value.get("provider")
    provider = provider.strip().lower() if isinstance(provider, str) else provider
    if provider not in providers:
        report(
            "%s: provider %r is not one of %s; %s are off",
            setting,
            value.get("provider"),
            ", ".join(map(repr, providers)),
            what,
        )
        return None
    return provider


# ---- Comments ----

# provider: (script URL, required keys, optional keys with their defaults)
COMMENT_PROVIDERS: dict[str, tuple[str, tuple[str, ...], dict[str, Any]]] = {
    "giscus": (
        "https://giscus.app/client.js",
        ("repo", "repo_id", "category", "category_id"),
        {
            "mapping": "pathname",
            "term": None,
            "reactions": True,
            "input_position": "bottom",
            "theme": None,
            "lang": None,
        },
    ),
    "utterances": (
        "https://utteranc.es/client.js",
        ("repo",),
        {"issue_term": "pathname", "label": None, "theme": None},
    ),
}
_COMMON_COMMENT_KEYS: dict[str, Any] = {"pages": False, "src": None}
_GISCUS_MAPPINGS = ("pathname", "url", "title", "og:title", "specific", "number")


def _option_ok(key: str, given: Any, default: Any) -> bool:
    """Whether an optional comments key has a value its provider takes."""
    if isinstance(default, bool):
        return isinstance(given, bool)
    if not (isinstance(given, str) and given.strip()):
        return False
    given = given.strip()
    if key == "src":
        return bool(_HTTP_URL.match(given))
    if key == "mapping":
        return given in _GISCUS_MAPPINGS
    if key == "input_position":
        return given in ("top", "bottom")
    return True


def _clean_comments(value: Any, report: Report) -> dict | None:
    """``{"provider": "giscus", "repo": …}``: the provider's script settings.

    A value that cannot work (unknown provider, missing key, a repository that
    is not ``owner/name``) turns comments off with one warning saying why.
    """
    provider = _provider(
        value, report, "PORTO_THEME_COMMENTS", COMMENT_PROVIDERS, "comments"
    )
    if provider is None:
        return None
    src, required, optional = COMMENT_PROVIDERS[provider]
    known = {**_COMMON_COMMENT_KEYS, **optional}
    missing = [
        key
        for key in required
        if not (isinstance(value.get(key), str) and value[key].strip())
    ]
    if missing:
        report(
            "PORTO_THEME_COMMENTS: %s needs %s; comments are off",
            provider,
            ", ".join(map(repr, missing)),
        )
        return None
    clean: dict[str, Any] = {"provider": provider, "src": src}
    clean.update({key: value[key].strip() for key in required})
    if not _REPO.match(clean["repo"]):
        report(
            "PORTO_THEME_COMMENTS: repo = %r is not 'owner/name'; comments are off",
            clean["repo"],
        )
        return None
    clean.update({key: given for key, given in known.items() if given is not None})
    ignored, unknown = [], []
    for key, given in value.items():
        if key == "provider" or key in required:
            continue
        if key not in known:
            unknown.append(key)
        elif given is not None and _option_ok(key, given, known[key]):
            clean[key] = given.strip() if isinstance(given, str) else given
        elif given is not None:
            ignored.append(f"{key} = {given!r}")
    if provider == "giscus" and clean.get("mapping") in ("specific", "number"):
        if not clean.get("term"):
            ignored.append(f"mapping = {clean['mapping']!r} without a term")
            clean["mapping"] = "pathname"
    if ignored or unknown:
        report(
            "PORTO_THEME_COMMENTS: ignored %s",
            ", ".join(ignored + [f"unknown key {key!r}" for key in unknown]),
        )
    return clean


# ---- Analytics ----

ANALYTICS_PROVIDERS = ("plausible", "goatcounter", "custom")
PLAUSIBLE_SRC = "https://plausible.io/js/script.js"
GOATCOUNTER_SRC = "https://gc.zgo.at/count.js"


def _clean_analytics(value: Any, report: Report) -> dict | None:
    """``{"provider": "plausible", "domain": …}`` and the like; else off."""
    provider = _provider(
        value, report, "PORTO_THEME_ANALYTICS", ANALYTICS_PROVIDERS, "analytics"
    )
    if provider is None:
        return None

    def off(why: str, *args: Any) -> None:
        report("PORTO_THEME_ANALYTICS: " + why + "; analytics are off", *args)

    def text(key: str) -> str | None:
        given = value.get(key)
        return given.strip() if isinstance(given, str) and given.strip() else None

    def url(key: str) -> str | None | bool:
        given = value.get(key)
        if given is None:
            return None
        if isinstance(given, str) and _HTTP_URL.match(given.strip()):
            return given.strip()
        off("%s = %r is not an http(s) URL", key, given)
        return False

    allowed = {
        "plausible": ("domain", "src"),
        "goatcounter": ("code", "endpoint", "src"),
        "custom": ("html",),
    }
    unknown = [k for k in value if k != "provider" and k not in allowed[provider]]
    if unknown:
        report(
            "PORTO_THEME_ANALYTICS: ignored unknown key %s",
            ", ".join(map(repr, unknown)),
        )
    if provider == "custom":
        html = value.get("html")
        if not (isinstance(html, str) and html.strip()):
            off("custom needs 'html', the markup to add")
            return None
        return {"provider": "custom", "html": html}
    src = url("src")
    if src is False:
        return None
    if provider == "plausible":
        domain = text("domain")
        if domain is None:
            off("plausible needs 'domain', the site's domain as Plausible knows it")
            return None
        return {"provider": "plausible", "domain": domain, "src": src or PLAUSIBLE_SRC}
    endpoint = url("endpoint")
    if endpoint is False:
        return None
    code = text("code")
    if endpoint is None:
        if code is None or not _GOATCOUNTER_CODE.match(code):
            off(
                "goatcounter needs 'code' (the 'you' of you.goatcounter.com) "
                "or 'endpoint'; got code = %r",
                value.get("code"),
            )
            return None
        endpoint = f"https://{code}.goatcounter.com/count"
    src = src or GOATCOUNTER_SRC
    return {"provider": "goatcounter", "endpoint": endpoint, "src": src}


def _cache_folder(value: Any, report: Any) -> bool | str:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, bool) or (isinstance(value, str) and value.strip()):
        return value
    raise Unusable


SETTINGS = {
    # Pelican's theme settings, with Pelican's defaults.
    "MENUITEMS": pairs("MENUITEMS", []),
    "DISPLAY_PAGES_ON_MENU": flag(True),
    "DISPLAY_CATEGORIES_ON_MENU": flag(True),
    "LINKS": pairs("LINKS", []),
    "SOCIAL": pairs("SOCIAL", []),
    "LINKS_WIDGET_NAME": text_or_none(),
    "SOCIAL_WIDGET_NAME": text_or_none(),
    "SITESUBTITLE": text_or_none(),
    "SITELOGO": text_or_none(),
    "SITELOGO_SIZE": whole(None, 1, none_ok=True),
    "GITHUB_URL": custom(None, "an http(s) URL or None", _http_url_or_none),
    # Porto's own: the older names of MENUITEMS/SOCIAL, comments, analytics.
    "PORTO_THEME_MENU_ITEMS": pairs("PORTO_THEME_MENU_ITEMS", None),
    "PORTO_THEME_SOCIAL": pairs("PORTO_THEME_SOCIAL", []),
    "PORTO_THEME_COMMENTS": custom(
        None,
        "a dict such as {'provider': 'giscus', 'repo': 'you/blog', ...}",
        _clean_comments,
    ),
    "PORTO_THEME_ANALYTICS": custom(
        None,
        "a dict such as {'provider': 'plausible', 'domain': 'example.org'}",
        _clean_analytics,
    ),
    "PORTO_THEME_TEMPLATE_CACHE": custom(
        True, "True, False or a folder", _cache_folder
    ),
}


def check_aliases(pelican: Any) -> None:
    """Say which of two names for the same thing the theme follows."""
    settings = pelican.settings
    if settings.get("PORTO_THEME_MENU_ITEMS") and settings.get("MENUITEMS"):
        logger.warning(
            "porto_theme: PORTO_THEME_MENU_ITEMS and MENUITEMS are both set; "
            "the menu is PORTO_THEME_MENU_ITEMS alone and MENUITEMS is not shown"
        )
    if settings.get("PORTO_THEME_SOCIAL") and settings.get("SOCIAL"):
        logger.warning(
            "porto_theme: SOCIAL and PORTO_THEME_SOCIAL are both set; "
            "the footer shows SOCIAL and PORTO_THEME_SOCIAL is ignored"
        )
