"""``python -m porto_cli``: the ``porto`` command."""

import sys

from porto_cli import main

sys.exit(main())
