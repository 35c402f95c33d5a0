"""One way for every Porto plugin to declare and check its settings.

A plugin lists its settings once, each with its default and a check::

    SETTINGS = {
        "PORTO_FIGURES_TITLE_AS_CAPTION": flag(True),
        "PORTO_IMAGES_EAGER": whole(1),
        "PORTO_TAG_CLOUD_SORT": choice("name", "name", "count", "count-name"),
    }

and connects ``checker("porto_figures", SETTINGS)`` to ``signals.initialized``.
At start-up every missing setting gets its default; a value that fails its
check is reported once, in one format, and replaced by the default::

    porto_figures: PORTO_FIGURES_TITLE_AS_CAPTION = 'yes' is not True or False;
    using the default True

After that, code that runs per document reads ``settings[NAME]`` and can trust
it. Code tested without Pelican reads ``settings.get(NAME, SPEC[NAME].default)``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Setting",
    "Unusable",
    "check_settings",
    "checker",
    "choice",
    "custom",
    "defaults",
    "flag",
    "number",
    "str_list",
    "whole",
]

logger = logging.getLogger("porto")


class Unusable(ValueError):
    """Raised by a setting's ``clean`` when the value cannot be used at all."""


@dataclass(frozen=True)
class Setting:
    """A setting's default, what it should be (for the message) and its check.

    ``clean(value)`` returns the value to use (possibly tidied: a list made a
    tuple, a choice lower-cased) or raises :class:`Unusable`. It may call
    ``report`` for parts of the value it drops while keeping the rest.
    """

    default: Any
    expected: str
    clean: Callable[[Any, Callable[..., None]], Any]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
    )


def _require(ok: bool, value: Any) -> Any:
    if not ok:
        raise Unusable
    return value


def flag(default: bool) -> Setting:
    """``True`` or ``False``; nothing else (not ``1``, not ``"yes"``)."""
    return Setting(
        default, "True or False", lambda v, _: _require(isinstance(v, bool), v)
    )


def whole(default: int | None, minimum: int = 0, *, none_ok: bool = False) -> Setting:
    """A whole number ``>= minimum`` (``None`` too when ``none_ok``)."""
    expected = f"a whole number >= {minimum}" + (" or None" if none_ok else "")
    return Setting(
        default,
        expected,
        lambda v, _: _require(
            (none_ok and v is None) or (_is_int(v) and v >= minimum), v
        ),
    )


def number(default: float, *, zero_ok: bool = False) -> Setting:
    """A finite number ``> 0`` (``>= 0`` when ``zero_ok``)."""
    expected = "a non-negative number" if zero_ok else "a positive number"
    return Setting(
        default,
        expected,
        lambda v, _: _require(_is_number(v) and (v > 0 or (zero_ok and v == 0)), v),
    )


def choice(default: str, *options: str, fold: bool = False) -> Setting:
    """One of ``options``; with ``fold``, compared trimmed and lower-cased."""

    def clean(value: Any, _: Any) -> str:
        if fold and isinstance(value, str):
            value = value.strip().lower()
        return _require(isinstance(value, str) and value in options, value)

    return Setting(default, "one of " + ", ".join(map(repr, options)), clean)


def str_list(default: list[str] | tuple[str, ...]) -> Setting:
    """A list or tuple of strings."""
    return Setting(
        default,
        "a list of strings",
        lambda v, _: _require(
            isinstance(v, (list, tuple)) and all(isinstance(s, str) for s in v), v
        ),
    )


def custom(
    default: Any, expected: str, clean: Callable[[Any, Callable[..., None]], Any]
) -> Setting:
    """A check of the plugin's own: ``clean(value, report) -> value``."""
    return Setting(default, expected, clean)


def defaults(spec: Mapping[str, Setting]) -> dict[str, Any]:
    """``{NAME: default}`` for a plugin's settings."""
    return {name: setting.default for name, setting in spec.items()}


def check_settings(
    settings: MutableMapping[str, Any], plugin: str, spec: Mapping[str, Setting]
) -> None:
    """Fill in defaults, check every value once, replace the unusable ones."""
    plugin = plugin.rpartition(".")[2]

    def report(message: str, *args: Any) -> None:
        logger.warning("%s: " + message, plugin, *args)

    for name, setting in spec.items():
        value = settings.setdefault(name, setting.default)
        try:
            settings[name] = setting.clean(value, report)
        except Unusable:
            report(
                "%s = %r is not %s; using the default %r",
                name,
                value,
                setting.expected,
                setting.default,
            )
            settings[name] = setting.default


# Pelican's signals hold their receivers weakly: the checkers live here.
_CHECKERS: dict[str, Callable[[Any], None]] = {}


def checker(plugin: str, spec: Mapping[str, Setting]) -> Callable[[Any], None]:
    """An ``initialized`` receiver that checks ``spec`` in ``pelican.settings``.

    ``signals.initialized.connect(checker(__name__, SETTINGS))``: one per
    plugin, kept alive here (Pelican's signals only hold weak references).
    """
    name = plugin.rpartition(".")[2]

    def check(pelican: Any) -> None:
        check_settings(pelican.settings, name, spec)

    check.__name__ = check.__qualname__ = f"check_{name}_settings"
    return _CHECKERS.setdefault(name, check)
