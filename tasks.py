"""Build, preview and publish the blog with invoke (`pip install -e '.[deploy]'`).

    invoke build      # the preview build: pelicanconf.py into output/
    invoke serve      # build, serve on http://127.0.0.1:8000/, rebuild on changes
    invoke publish    # the production build: publishconf.py (needs PORTO_SITEURL)
    invoke github     # publish, then push output/ to the gh-pages branch
    invoke rsync      # publish, then copy output/ to porto.rsync_dest

Every value below can be changed without editing this file, in an
`invoke.yaml` next to it:

    porto:
      rsync_dest: you@example.org:/var/www/blog/

or in the environment, as INVOKE_PORTO_<KEY> (INVOKE_PORTO_RSYNC_DEST=...),
or for one run with the task's options (`invoke rsync --dest ...`).
"""

from __future__ import annotations

import shlex
import shutil
import sys
from datetime import datetime, timezone

from invoke import Collection, task
from invoke.exceptions import Exit

DEFAULTS = {
    # What Pelican reads and writes, relative to this folder.
    "content": "content",
    "output": "output",
    "settings": "pelicanconf.py",
    "publish_settings": "publishconf.py",
    # `invoke serve`
    "host": "127.0.0.1",
    "port": 8000,
    # `invoke github`: a remote name (or URL) of this git repository, and the
    # branch GitHub Pages serves. github_cname writes a CNAME file for a
    # custom domain ("" for none).
    "github_remote": "origin",
    "github_branch": "gh-pages",
    "github_cname": "",
    # `invoke rsync`: where the site goes, as rsync writes it
    # ("you@example.org:/var/www/blog/" or a local folder).
    "rsync_dest": "",
}


def _pelican(c, settings: str, *options: str) -> None:
    conf = c.config.porto
    command = [sys.executable, "-m", "pelican", conf.content, "-s", settings]
    command += ["-o", conf.output, *options]
    c.run(shlex.join(command), echo=True, pty=False)


@task
def build(c):
    """Build the preview site (pelicanconf.py) into the output folder."""
    _pelican(c, c.config.porto.settings)


@task(help={"host": "address to listen on", "port": "port to listen on"})
def serve(c, host=None, port=None):
    """Build, serve on http://127.0.0.1:8000/ and rebuild when a file changes."""
    conf = c.config.porto
    host, port = host or conf.host, int(port or conf.port)
    _pelican(
        c, conf.settings, "--autoreload", "--listen", "--bind", host,
        "--port", str(port),
    )  # fmt: skip


@task
def publish(c):
    """Build the production site (publishconf.py) into the output folder."""
    _pelican(c, c.config.porto.publish_settings)


@task(
    help={
        "remote": "git remote (name or URL) to push to; default porto.github_remote",
        "branch": "branch to write; default porto.github_branch (gh-pages)",
    }
)
def github(c, remote=None, branch=None):
    """Publish, then commit the site to the gh-pages branch and push it."""
    try:
        from ghp_import import GhpError, ghp_import
    except ImportError:
        raise Exit(
            "ghp-import is not installed: pip install 'pelican-porto[deploy]'"
        ) from None
    conf = c.config.porto
    remote, branch = remote or conf.github_remote, branch or conf.github_branch
    # ghp-import writes the branch into the git repository around this folder:
    # say so before building rather than after.
    if not c.run("git rev-parse --git-dir", hide=True, warn=True).ok:
        raise Exit(
            "invoke github publishes to a branch of this folder's git repository, "
            "and this folder is not in one: git init, then git remote add "
            f"{remote} <your repository's URL>."
        )
    publish(c)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"ghp-import {conf.output} -> {remote} {branch}", flush=True)
    try:
        ghp_import(
            conf.output,
            mesg=f"Publish the site ({stamp})",
            remote=remote,
            branch=branch,
            push=True,
            # GitHub Pages would run Jekyll over the site without it.
            nojekyll=True,
            cname=conf.github_cname or None,
        )
    except GhpError as error:
        raise Exit(f"ghp-import: {error}") from None


@task(help={"dest": "where to copy the site; default porto.rsync_dest"})
def rsync(c, dest=None):
    """Publish, then copy the site with rsync, deleting files it no longer has."""
    conf = c.config.porto
    dest = dest or conf.rsync_dest
    if not dest:
        raise Exit(
            "Nowhere to copy the site: run `invoke rsync --dest "
            "you@example.org:/var/www/blog/`, set INVOKE_PORTO_RSYNC_DEST, or "
            "set porto.rsync_dest in invoke.yaml."
        )
    if shutil.which("rsync") is None:
        raise Exit("rsync is not installed (apt-get install rsync).")
    publish(c)
    # --checksum: Pelican rewrites every file on each build, so compare
    # contents, not times, and send only what changed.
    source = conf.output.rstrip("/") + "/"
    options = ["--recursive", "--links", "--times", "--compress", "--checksum"]
    options += ["--delete", "--exclude", ".DS_Store"]
    command = ["rsync", *options, source, dest]
    c.run(shlex.join(command), echo=True, pty=False)


namespace = Collection(build, serve, publish, github, rsync)
namespace.configure({"porto": DEFAULTS})
