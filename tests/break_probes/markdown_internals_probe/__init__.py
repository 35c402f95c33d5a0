"""Python-Markdown's private inline methods take other arguments now."""

from markdown import treeprocessors

_real = treeprocessors.InlineProcessor._InlineProcessor__applyPattern


def _changed(self, *args, **kwargs):
    if type(self) is not treeprocessors.InlineProcessor:
        raise TypeError("__applyPattern() takes other arguments now")
    return _real(self, *args, **kwargs)


treeprocessors.InlineProcessor._InlineProcessor__applyPattern = _changed


def register():
    pass
