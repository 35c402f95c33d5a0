"""Publishing: publishconf.py's site URL, tasks.py's targets, the Pages workflow.

Each test lays out a small blog the way a user's checkout looks (tasks.py,
pelicanconf.py, publishconf.py, content/, with theme/ and plugins/ linked
from this repository), runs the documented command in a subprocess and reads
what it wrote: the git branch, the copied folder, the served page.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO
from PIL import Image

SITEURL = "https://example.org/blog"
POST = "2024/05/first-light/index.html"
COPY_WORKFLOW = (
    "mkdir -p .github/workflows && cp deploy/github-pages.yml .github/workflows/"
)

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None and not os.environ.get("CI"), reason="needs git"
)


def write_post(blog: Path, body: str = "The first post, with a picture.") -> None:
    (blog / "content" / "posts" / "2024-05-06-first-light.md").write_text(
        "---\ntitle: First light\ntags: [Deploy]\n---\n\n"
        f"{body}\n\n![A red square](/images/red.png)\n",
        encoding="utf-8",
    )


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    """A blog checkout: the sample settings and tasks.py, a post, an image."""
    root = tmp_path / "blog"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "content" / "images").mkdir()
    for name in ("tasks.py", "pelicanconf.py", "publishconf.py"):
        shutil.copy(REPO / name, root / name)
    (root / "theme").symlink_to(REPO / "theme")
    (root / "plugins").symlink_to(REPO / "plugins")
    Image.new("RGB", (4, 3), "red").save(root / "content" / "images" / "red.png")
    write_post(root)
    return root


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INVOKE_", "PORTO_", "GIT_"))
    }
    environ.update(COLUMNS="1000", NO_COLOR="1", HOME=str(cwd.parent), **env)
    return subprocess.run(
        command, cwd=cwd, env=environ, capture_output=True, text=True, timeout=300
    )


def invoke(blog: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "invoke", *args], blog, **env)


def git(where: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=where, capture_output=True, text=True, check=True
    )
    return done.stdout


def git_repository(blog: Path, remote: Path, remote_name: str = "origin") -> None:
    """The blog as a git repository with a bare remote, as GitHub would be."""
    git(blog.parent, "init", "-q", "--bare", str(remote))
    git(blog, "init", "-q")
    git(blog, "config", "user.name", "Porto Tester")
    git(blog, "config", "user.email", "tester@example.org")
    git(blog, "remote", "add", remote_name, str(remote))


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def words(element) -> str:
    """An element's text, spaces (typogrify's no-break ones too) as one space."""
    return " ".join(element.get_text().split())


# --- publishconf.py: no production build without a real site URL -------------


def production_build(blog: Path, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py"]
    return run(command + ["-o", "output"], blog, **env)


def test_production_build_without_a_site_url_stops_with_one_line(blog):
    done = production_build(blog)
    assert done.returncode != 0
    lines = (done.stdout + done.stderr).strip().splitlines()
    assert lines == [
        "publishconf.py: no site URL for the production build. Run "
        "`PORTO_SITEURL=https://you.example/blog pelican content -s publishconf.py`"
        ' or set SITEURL = "https://you.example/blog" in publishconf.py.'
    ]
    assert not (blog / "output").exists()


@pytest.mark.parametrize(
    "value",
    ["example.org/blog", "ftp://example.org", "https://", "https://exa mple.org",
     "https://example.org/?page=1", "/blog"],
)  # fmt: skip
def test_production_build_rejects_an_unusable_site_url(blog, value):
    done = production_build(blog, PORTO_SITEURL=value)
    assert done.returncode != 0
    log = (done.stdout + done.stderr).strip()
    assert log.splitlines() == [log]  # one line, no traceback
    assert f"PORTO_SITEURL = {value!r} is not a site URL" in log
    assert "PORTO_SITEURL=https://you.example/blog pelican content" in log
    assert not (blog / "output").exists()


def test_production_build_takes_siteurl_written_in_publishconf(blog):
    conf = blog / "publishconf.py"
    text = conf.read_text(encoding="utf-8")
    assert '\nSITEURL = ""\n' in text
    conf.write_text(
        text.replace('\nSITEURL = ""\n', '\nSITEURL = "https://you.example/notes/"\n'),
        encoding="utf-8",
    )
    done = production_build(blog)
    assert done.returncode == 0, done.stdout + done.stderr
    page = soup((blog / "output" / "index.html").read_text(encoding="utf-8"))
    # the trailing slash is dropped: Pelican joins paths with "/"
    assert page.find("link", rel="canonical")["href"] == "https://you.example/notes/"


def test_production_build_with_porto_siteurl_uses_it(blog):
    done = production_build(blog, PORTO_SITEURL=SITEURL)
    assert done.returncode == 0, done.stdout + done.stderr
    html = (blog / "output" / POST).read_text(encoding="utf-8")
    assert (
        soup(html).find("link", rel="canonical")["href"]
        == f"{SITEURL}/2024/05/first-light/"
    )
    assert (
        "example.org/blog" in (blog / "output" / "feeds" / "all.atom.xml").read_text()
    )


# --- tasks.py -----------------------------------------------------------------


def test_invoke_lists_the_documented_targets(blog):
    done = invoke(blog, "--list")
    assert done.returncode == 0, done.stderr
    listed = set(re.findall(r"^\s{2}(\w+)\s", done.stdout, re.MULTILINE))
    assert listed == {"build", "serve", "publish", "github", "rsync"}


@pytest.mark.slow  # two production builds and pushes: 2-5 s
def test_invoke_github_pushes_the_production_site_to_gh_pages(blog, tmp_path):
    remote = tmp_path / "remote.git"
    git_repository(blog, remote, remote_name="pages")
    done = invoke(
        blog,
        "github",
        PORTO_SITEURL=SITEURL,
        INVOKE_PORTO_GITHUB_REMOTE="pages",
        INVOKE_PORTO_GITHUB_CNAME="blog.example.org",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert git(remote, "show", "gh-pages:CNAME").strip() == "blog.example.org"

    files = set(git(remote, "ls-tree", "-r", "--name-only", "gh-pages").split("\n"))
    assert {"index.html", POST, "theme/css/porto.css", "images/red.png",
            "feeds/all.atom.xml", ".nojekyll"} <= files  # fmt: skip

    index = soup(git(remote, "show", "gh-pages:index.html"))
    assert index.find("link", rel="canonical")["href"] == f"{SITEURL}/"
    css = index.find("link", rel="stylesheet")["href"]
    assert re.fullmatch(
        re.escape(f"{SITEURL}/theme/css/porto.css") + r"\?v=[0-9a-f]{8}", css
    )
    assert f"{SITEURL}/2024/05/first-light/" in [
        a.get("href") for a in index.find_all("a")
    ]
    post = soup(git(remote, "show", f"gh-pages:{POST}"))
    assert words(post.h1) == "First light"
    assert post.find("img")["src"] == f"{SITEURL}/images/red.png"
    assert git(remote, "show", "gh-pages:theme/css/porto.css") == (
        REPO / "theme" / "static" / "css" / "porto.css"
    ).read_text(encoding="utf-8")

    # A second deploy after an edit lands on top of the first one.
    write_post(blog, "The first post, edited.")
    again = invoke(
        blog, "github", PORTO_SITEURL=SITEURL, INVOKE_PORTO_GITHUB_REMOTE="pages"
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert "edited" in git(remote, "show", f"gh-pages:{POST}")
    assert git(remote, "rev-list", "--count", "gh-pages").strip() == "2"


def test_invoke_github_without_a_site_url_pushes_nothing(blog, tmp_path):
    remote = tmp_path / "remote.git"
    git_repository(blog, remote)
    done = invoke(blog, "github")
    assert done.returncode != 0
    assert "PORTO_SITEURL=https://you.example/blog" in done.stdout + done.stderr
    assert git(remote, "branch", "--list") == ""


def test_invoke_github_outside_a_git_repository_says_so_before_building(blog):
    done = invoke(blog, "github", PORTO_SITEURL=SITEURL)
    assert done.returncode != 0
    assert "this folder is not in one: git init" in done.stderr
    assert not (blog / "output").exists()


def test_invoke_rsync_copies_the_production_site(blog, tmp_path):
    if shutil.which("rsync") is None and not os.environ.get("CI"):
        pytest.skip("rsync is not installed")
    dest = tmp_path / "www" / "blog"
    dest.mkdir(parents=True)
    (dest / "stale.html").write_text("from an old deploy", encoding="utf-8")
    done = invoke(blog, "rsync", "--dest", f"{dest}/", PORTO_SITEURL=SITEURL)
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("index.html", POST, "theme/css/porto.css", "images/red.png"):
        assert (dest / name).read_bytes() == (blog / "output" / name).read_bytes(), name
    assert not (dest / "stale.html").exists()  # --delete: the copy is the site
    index = soup((dest / "index.html").read_text(encoding="utf-8"))
    assert index.find("link", rel="canonical")["href"] == f"{SITEURL}/"


@pytest.mark.slow  # two production builds
def test_invoke_rsync_reads_its_destination_from_invoke_yaml(blog, tmp_path):
    if shutil.which("rsync") is None and not os.environ.get("CI"):
        pytest.skip("rsync is not installed")
    configured, given = tmp_path / "configured", tmp_path / "given"
    (blog / "invoke.yaml").write_text(
        f"porto:\n  rsync_dest: {configured}/\n", encoding="utf-8"
    )
    done = invoke(blog, "rsync", PORTO_SITEURL=SITEURL)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (configured / POST).is_file()
    # the task's option wins over the file
    done = invoke(blog, "rsync", "--dest", f"{given}/", PORTO_SITEURL=SITEURL)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (given / POST).is_file()


def test_invoke_rsync_without_a_destination_says_how_to_set_one(blog):
    done = invoke(blog, "rsync", PORTO_SITEURL=SITEURL)
    assert done.returncode != 0
    assert "invoke rsync --dest" in done.stderr
    assert "INVOKE_PORTO_RSYNC_DEST" in done.stderr
    assert not (blog / "output").exists()  # nothing built for nowhere


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_invoke_serve_builds_and_serves_on_localhost(blog):
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("INVOKE_")}
    environ.update(COLUMNS="1000", NO_COLOR="1", INVOKE_PORTO_PORT=str(port))
    server = subprocess.Popen(
        [sys.executable, "-m", "invoke", "serve"], cwd=blog, env=environ,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline, html = time.monotonic() + 60, None
        while html is None and time.monotonic() < deadline:
            assert server.poll() is None, "invoke serve stopped"
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/2024/05/first-light/", timeout=2
                ) as answer:
                    html = answer.read().decode("utf-8")
            except OSError:
                time.sleep(0.3)
        assert html is not None, "nothing served within 60 s"
        assert words(soup(html).h1) == "First light"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


# --- the GitHub Pages workflow template ----------------------------------------

WORKFLOW = REPO / "deploy" / "github-pages.yml"


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job: dict) -> list[dict]:
    return job["steps"]


def test_workflow_template_stays_out_of_this_repositorys_workflows():
    assert not (REPO / ".github" / "workflows" / WORKFLOW.name).exists()
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert COPY_WORKFLOW in readme
    assert COPY_WORKFLOW in WORKFLOW.read_text(encoding="utf-8")


def test_workflow_template_publishes_with_the_official_pages_actions():
    flow = workflow()
    triggers = flow.get("on", flow.get(True))  # YAML 1.1 reads a bare on as True
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert flow["permissions"] == {
        "contents": "read",
        "pages": "write",
        "id-token": "write",
    }
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    uses = [step.get("uses", "").split("@")[0] for step in steps(build)]
    assert uses.index("actions/configure-pages") < uses.index(
        "actions/upload-pages-artifact"
    )
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in steps(deploy)] == [
        "actions/deploy-pages"
    ]
    configure = next(
        s
        for s in steps(build)
        if s.get("uses", "").startswith("actions/configure-pages")
    )
    build_step = next(s for s in steps(build) if "pelican" in s.get("run", ""))
    # the site URL is the one Pages reports, from the configure step's output
    assert build_step["env"]["PORTO_SITEURL"] == (
        "${{ steps." + configure["id"] + ".outputs.base_url }}"
    )
    command = shlex.split(build_step["run"])
    assert command[command.index("-s") + 1] == "publishconf.py"
    upload = next(
        s
        for s in steps(build)
        if s.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == command[command.index("-o") + 1]


def test_workflow_build_command_builds_the_site_for_the_pages_url(blog):
    build_step = next(
        s for s in steps(workflow()["jobs"]["build"]) if "pelican" in s.get("run", "")
    )
    command = shlex.split(build_step["run"])
    assert command[:3] == ["python", "-m", "pelican"]
    done = run([sys.executable, *command[1:]], blog,
               PORTO_SITEURL="https://someone.github.io/blog")  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    output = blog / command[command.index("-o") + 1]
    page = soup((output / POST).read_text(encoding="utf-8"))
    assert page.find("link", rel="canonical")["href"] == (
        "https://someone.github.io/blog/2024/05/first-light/"
    )
