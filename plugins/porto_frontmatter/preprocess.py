"""Steps other plugins run on a front matter post's Markdown before Markdown.

A plugin registers a step from its ``register()``::

    porto_frontmatter.add_body_step("liquid", render, order=10, plugin=__name__)

Like the pipeline's transforms, which steps run is decided per build from
``settings["PLUGINS"]``: a build that does not enable the plugin never calls its
step, and a build with no step enabled pays one empty-list check per post.
Only files with YAML front matter reach a step; Pelican's own ``Key: value``
files are read as Pelican reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["BodyStep", "Post", "add_body_step", "enabled_body_steps"]


@dataclass
class Post:
    """What a step knows about the post whose body it is given.

    ``front`` is the parsed front matter (a step may read it, not change it);
    ``first_line`` is the file's line number of the body's first line, for
    messages.
    """

    source_path: str
    name: str
    settings: Mapping[str, Any]
    front: Mapping[str, Any]
    first_line: int = 1


StepFunc = Callable[[str, Post], str]


@dataclass(frozen=True)
class BodyStep:
    name: str
    func: StepFunc
    order: int
    plugin: str


_STEPS: dict[str, BodyStep] = {}


def add_body_step(name: str, func: StepFunc, *, order: int = 0, plugin: str) -> None:
    """Register (or replace) the step ``name`` of plugin ``plugin``.

    ``func(body, post) -> body`` gets the Markdown after the front matter and
    returns the Markdown to convert.
    """
    _STEPS[name] = BodyStep(name, func, order, plugin.rpartition(".")[2])


def enabled_body_steps(settings: Mapping[str, Any]) -> list[BodyStep]:
    """The registered steps whose plugin this build enabled, in order."""
    plugins = settings.get("PLUGINS")
    if plugins is None:
        chosen: Iterable[BodyStep] = _STEPS.values()
    else:
        enabled = {getattr(p, "__name__", str(p)).rpartition(".")[2] for p in plugins}
        chosen = (s for s in _STEPS.values() if s.plugin in enabled)
    return sorted(chosen, key=lambda s: (s.order, s.name))
