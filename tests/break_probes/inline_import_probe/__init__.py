"""Porto's inline module cannot be imported at all."""

import sys

sys.modules["pelican.plugins.porto_frontmatter.inline"] = None


def register():
    pass
