"""``re``'s private parser gives another shape of result."""

import re
import sys
import types

try:
    _constants, _real = re._constants, re._parser
except AttributeError:  # Python 3.10
    import sre_constants as _constants
    import sre_parse as _real


def _parse(pattern, flags=0, *rest):
    if "porto_" not in sys._getframe(1).f_globals.get("__name__", ""):
        return _real.parse(pattern, flags, *rest)  # re.Scanner and the like
    # for Porto, another shape: literals as text, groups as bare strings
    return [(_constants.LITERAL, "["), "group", (_constants.SUBPATTERN, None)]


# everything else (re.sub's templates…) as it was
_fake = types.ModuleType(_real.__name__)
_fake.__dict__.update(vars(_real))
_fake.parse = _parse
re._parser = _fake
sys.modules["sre_parse"] = _fake  # what Python 3.10's import finds


def register():
    pass
