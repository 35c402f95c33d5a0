"""A change Porto's check on a sample misses: the quick step fails on posts."""

from pelican.plugins.porto_frontmatter import inline

inline._supported = lambda: True


def _broken(self, data, patternIndex=0):
    raise RuntimeError("Markdown's loop changed")


inline.QuickInlineProcessor._InlineProcessor__handleInline = _broken


def register():
    pass
