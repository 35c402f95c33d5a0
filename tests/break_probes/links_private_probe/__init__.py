"""Pelican's private link methods changed for callers outside Pelican."""

import sys

from pelican.contents import Content

_real = Content._get_intrasite_link_regex


def _changed(self, *args, **kwargs):
    if "porto_links" in sys._getframe(1).f_globals.get("__name__", ""):
        raise AttributeError("_get_intrasite_link_regex is gone")
    return _real(self, *args, **kwargs)


Content._get_intrasite_link_regex = _changed


def register():
    pass
