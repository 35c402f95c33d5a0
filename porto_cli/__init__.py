"""The ``porto`` command: tools for a Porto blog outside a Pelican build.

``porto import-jekyll SRC DEST`` turns a Jekyll site folder into a Pelican
site that builds with Porto (see ``porto_cli.jekyll``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="porto",
        description="Porto, a Pelican theme and plugin bundle for Jekyll-style blogs.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    jekyll = commands.add_parser(
        "import-jekyll",
        help="turn a Jekyll site folder into a Pelican site that builds with Porto",
        description=(
            "Read the Jekyll site in SRC (never changed) and write a Pelican site "
            "in DEST: pelicanconf.py and publishconf.py from _config.yml, posts, "
            "drafts, pages, static folders and includes. Prints what it carried "
            "and what it could not. Then: cd DEST && pelican content."
        ),
    )
    jekyll.add_argument("src", metavar="SRC", help="the Jekyll site folder")
    jekyll.add_argument("dest", metavar="DEST", help="where to write the Porto site")
    jekyll.add_argument(
        "--force",
        action="store_true",
        help="write into DEST even when it is not empty (files of the same name "
        "are replaced, others left alone)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "import-jekyll":
        from .jekyll import run

        return run(args.src, args.dest, force=args.force)
    parser.error(f"unknown command {args.command!r}")  # argparse exits
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
