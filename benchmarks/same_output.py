"""Build the same sites with two revisions of Porto and compare the output bytes.

Run from the repository root::

    python -m benchmarks.same_output --base main~3 [--head HEAD] [--posts 200]

Each revision is exported with ``git archive`` into a temporary folder and gets
its own virtual environment (``venv --system-site-packages`` plus ``pip install
--no-deps -e COPY``), so each build loads that revision's plugins and theme and
nothing else: through ``PLUGIN_PATHS`` when its settings name them (older
revisions), as installed ``pelican.plugins.*`` namespace plugins otherwise.
Every build records which Porto modules and which theme it used, and the run
stops if any of them comes from outside the revision's copy, or if Pelican
loaded no Porto plugin at all.

The inputs are made once and shared by both revisions: the sample site
(``content/``), the Markdown files under ``tests/fixtures/`` that exist in both
revisions, and a generated corpus (``benchmarks/corpus.py``), all taken from the
``--head`` revision. Only the plugins, the theme and the settings files differ.

Sites built with each revision, each into its own output folder:

- ``sample``: ``content/`` with the revision's ``pelicanconf.py``;
- ``sample-publish``: the same with ``publishconf.py`` and
  ``PORTO_SITEURL=https://example.org/blog``;
- ``fixtures``: the fixtures as posts, with ``pelicanconf.py``;
- ``corpus``: the generated corpus with ``pelicanconf.py``;
- ``corpus-publish``: the corpus with ``publishconf.py``.

Every file is compared by name and bytes; nothing is ignored. Exit status: 0
when every site is identical, 1 when anything differs, 2 when a revision could
not be set up or a build failed. ``--compare DIR_A DIR_B`` compares two existing
folders the same way without building anything.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SITEURL = "https://example.org/blog"


@dataclass(frozen=True)
class SiteSpec:
    """One site to build with both revisions."""

    name: str
    inputs: str  # which shared input folder: "sample", "fixtures" or "corpus"
    conf: str  # settings file, relative to the revision's copy
    env: dict[str, str] = field(default_factory=dict)


SITES = (
    SiteSpec("sample", "sample", "pelicanconf.py"),
    SiteSpec("sample-publish", "sample", "publishconf.py", {"PORTO_SITEURL": SITEURL}),
    SiteSpec("fixtures", "fixtures", "pelicanconf.py"),
    SiteSpec("corpus", "corpus", "pelicanconf.py"),
    SiteSpec("corpus-publish", "corpus", "publishconf.py", {"PORTO_SITEURL": SITEURL}),
)
SITE_NAMES = tuple(spec.name for spec in SITES)
_PROBLEM = re.compile(
    r"^(?:\[[\d:]+\])?\s*(?P<level>WARNING|ERROR|CRITICAL)\s+(?P<message>.*?)"
    r"(?:\s{2,}\S+\.py:\d+)?\s*$"
)

# Runs Pelican as ``python -m pelican`` would, and writes down afterwards which
# Porto modules were imported (and from where), which plugins Pelican loaded and
# which theme folder it used, so the caller can check they all come from the
# revision being built.
#
# A wheel of Porto puts its plugins in pelican/plugins/ and its theme in
# pelican/themes/, where Pelican finds them by name. An editable install cannot
# put them there (Pelican lives in the system's site-packages), so Pelican's
# namespace discovery sees nothing and THEME = "porto" is not found. When the
# settings name no PLUGIN_PATHS, the runner adds a folder of links to the
# revision's plugin packages to ``pelican.__path__`` (so pelican.plugins.*
# lists them), and a theme name the revision installs is read as that theme's
# folder: the same plugins and theme a wheel would give. With PLUGIN_PATHS
# nothing is added and the plugins load from there, as in a checkout.
_RUNNER = """\
import atexit, json, os, sys

import pelican
import pelican.settings
from pelican import main, signals

record_path, installed_path = sys.argv[1], sys.argv[2]
with open(installed_path, encoding="utf-8") as handle:
    installed = json.load(handle)
record = {"theme": None, "plugins": [], "namespace": False}
_configure_settings = pelican.settings.configure_settings


def configure_settings(settings):
    portion = installed["pelican_portion"]
    if not settings.get("PLUGIN_PATHS") and portion:
        if portion not in pelican.__path__:
            pelican.__path__.append(portion)
        record["namespace"] = True
    theme = settings.get("THEME")
    if isinstance(theme, str) and not os.path.isdir(theme):
        settings["THEME"] = installed["themes"].get(theme, theme)
    return _configure_settings(settings)


def _initialized(pelican):
    record["theme"] = pelican.settings.get("THEME")
    record["plugins"] = [
        getattr(p, "__name__", repr(p)) for p in getattr(pelican, "plugins", [])
    ]


def _porto(name):
    return any(part.startswith("porto") for part in name.split("."))


def _write():
    record["modules"] = {
        name: getattr(module, "__file__", None)
        for name, module in list(sys.modules.items())
        if _porto(name)
    }
    with open(record_path, "w", encoding="utf-8") as handle:
        json.dump(record, handle)


pelican.settings.configure_settings = configure_settings
signals.initialized.connect(_initialized)
atexit.register(_write)
sys.argv = ["pelican", *sys.argv[3:]]
main()
"""

# Asks a venv which pelican.* packages its editable installs map, and where
# (setuptools writes the map into an ``__editable___*_finder.py`` module).
_EDITABLE_MAP = """\
import glob, importlib.util, json, os, sysconfig

found = {}
site = sysconfig.get_paths()["purelib"]
for number, path in enumerate(glob.glob(os.path.join(site, "__editable__*finder.py"))):
    spec = importlib.util.spec_from_file_location(f"_finder_{number}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found.update(getattr(module, "MAPPING", {}))
print(json.dumps(found))
"""


class SetupError(Exception):
    """A revision could not be exported, installed or built."""


def note(message: str) -> None:
    """Progress line on stderr."""
    print(
        f"[same-output {time.strftime('%H:%M:%S')}] {message}",
        file=sys.stderr,
        flush=True,
    )


# --------------------------------------------------------------------------
# Comparing two folders


@dataclass
class Comparison:
    """How two output folders differ, file by file."""

    files_a: int
    files_b: int
    only_a: list[str]
    only_b: list[str]
    different: list[str]
    first: str | None  # first differing name, in sorted order
    excerpt: list[str]  # lines explaining the first difference

    @property
    def identical(self) -> bool:
        return self.first is None


# Top-level output folders left out of the comparison: Pagefind names its
# index files by hashes that vary from run to run of the same site, so the
# search index is never byte-identical (tests/test_search.py checks what it holds).
NOT_REPRODUCIBLE = ("pagefind",)


def list_files(root: Path) -> set[str]:
    """Relative POSIX names of the files under ``root``; empty folders end in /.

    The folders in ``NOT_REPRODUCIBLE`` at the top are left out.
    """
    names = set()
    for folder, dirs, files in os.walk(root):
        here = Path(folder).relative_to(root)
        if folder == str(root):
            dirs[:] = [d for d in dirs if d not in NOT_REPRODUCIBLE]
        for name in files:
            names.add((here / name).as_posix())
        if not dirs and not files and folder != str(root):
            names.add(here.as_posix() + "/")
    return names


def _clip(line: str, column: int, width: int) -> str:
    if len(line) <= width:
        return line
    start = max(0, min(column - width // 3, len(line) - width))
    head = "…" if start > 0 else ""
    tail = "…" if start + width < len(line) else ""
    return f"{line[:1]}{head}{line[max(1, start) : start + width]}{tail}"


def _first_change(x: str, y: str) -> int:
    return next(
        (i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q),
        min(len(x), len(y)),
    )


def _clip_diff(diff: list[str], width: int) -> list[str]:
    """Clip long lines of a unified diff: each removed line and the added line
    that replaces it (the i-th of a run of "-" lines and of the "+" run after
    it) are cut around the first character where the two differ."""
    out = list(diff)
    i = 2  # after the "---" and "+++" lines
    while i < len(diff):
        if not diff[i].startswith("-"):
            out[i] = _clip(diff[i], 0, width)
            i += 1
            continue
        minus_end = i
        while minus_end < len(diff) and diff[minus_end].startswith("-"):
            minus_end += 1
        plus_end = minus_end
        while plus_end < len(diff) and diff[plus_end].startswith("+"):
            plus_end += 1
        removed, added = range(i, minus_end), range(minus_end, plus_end)
        for k in range(max(len(removed), len(added))):
            old = diff[removed[k]] if k < len(removed) else None
            new = diff[added[k]] if k < len(added) else None
            # Both start with their "-" or "+": compare what follows.
            column = _first_change(old[1:], new[1:]) + 1 if old and new else 0
            if old is not None:
                out[removed[k]] = _clip(old, column, width)
            if new is not None:
                out[added[k]] = _clip(new, column, width)
        i = plus_end
    return out


def describe_difference(
    a: bytes,
    b: bytes,
    name: str,
    labels: tuple[str, str] = ("base", "head"),
    max_lines: int = 14,
    width: int = 150,
) -> list[str]:
    """A few lines saying where ``a`` and ``b`` first differ, with a unified diff
    excerpt when both are UTF-8 text (long lines clipped around the change)."""
    offset = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
        min(len(a), len(b)),
    )
    try:
        text_a, text_b = a.decode("utf-8"), b.decode("utf-8")
    except UnicodeDecodeError:
        return [
            f"binary files differ: {len(a)} and {len(b)} bytes, "
            f"first difference at byte {offset}"
        ]
    lines_a, lines_b = text_a.splitlines(), text_b.splitlines()
    row = next(
        (i for i, (x, y) in enumerate(zip(lines_a, lines_b, strict=False)) if x != y),
        min(len(lines_a), len(lines_b)),
    )
    first_a = lines_a[row] if row < len(lines_a) else ""
    first_b = lines_b[row] if row < len(lines_b) else ""
    column = _first_change(first_a, first_b)
    out = [
        f"{len(a)} and {len(b)} bytes; first difference at byte {offset}, "
        f"line {row + 1}, column {column + 1}"
    ]
    if text_a.splitlines() == text_b.splitlines():
        out.append("same lines: the line endings differ")
        return out
    diff = difflib.unified_diff(
        lines_a,
        lines_b,
        f"{labels[0]}/{name}",
        f"{labels[1]}/{name}",
        n=2,
        lineterm="",
    )
    excerpt = _clip_diff(list(diff), width)
    out += excerpt[:max_lines]
    if len(excerpt) > max_lines:
        out.append(f"… ({len(excerpt) - max_lines} more diff lines)")
    return out


def compare_trees(
    a: Path, b: Path, labels: tuple[str, str] = ("base", "head")
) -> Comparison:
    """Compare every file under ``a`` and ``b`` by relative name and bytes."""
    names_a, names_b = list_files(a), list_files(b)
    only_a = sorted(names_a - names_b)
    only_b = sorted(names_b - names_a)
    different = [
        name
        for name in sorted(names_a & names_b)
        if not name.endswith("/") and (a / name).read_bytes() != (b / name).read_bytes()
    ]
    first = min([*only_a, *only_b, *different], default=None)
    if first is None:
        excerpt = []
    elif first in only_a:
        excerpt = [f"only in {labels[0]}: {first}"]
    elif first in only_b:
        excerpt = [f"only in {labels[1]}: {first}"]
    else:
        excerpt = describe_difference(
            (a / first).read_bytes(), (b / first).read_bytes(), first, labels
        )
    return Comparison(
        len(names_a), len(names_b), only_a, only_b, different, first, excerpt
    )


def report(
    rows: Sequence[tuple[str, Comparison]], labels: tuple[str, str] = ("base", "head")
) -> str:
    """The results table, then the details of each site that differs."""
    header = (
        "site",
        f"files {labels[0]}",
        f"files {labels[1]}",
        "result",
        "first difference",
    )
    table = [header]
    for site, result in rows:
        if result.identical:
            verdict = "identical"
        else:
            counts = []
            if result.different:
                counts.append(f"{len(result.different)} changed")
            if result.only_a:
                counts.append(f"{len(result.only_a)} only in {labels[0]}")
            if result.only_b:
                counts.append(f"{len(result.only_b)} only in {labels[1]}")
            verdict = "DIFFERENT (" + ", ".join(counts) + ")"
        table.append(
            (
                site,
                str(result.files_a),
                str(result.files_b),
                verdict,
                result.first or "-",
            )
        )
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = []
    for i, row in enumerate(table):
        lines.append(
            "  ".join(
                cell.ljust(w) for cell, w in zip(row, widths, strict=True)
            ).rstrip()
        )
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    for site, result in rows:
        if result.identical:
            continue
        lines += ["", f"{site}: {result.first}"]
        lines += [f"    {line}" for line in result.excerpt]
        for what, names in (
            ("also changed", result.different),
            (f"only in {labels[0]}", result.only_a),
            (f"only in {labels[1]}", result.only_b),
        ):
            others = [name for name in names if name != result.first]
            if others:
                more = f" and {len(others) - 8} more" if len(others) > 8 else ""
                lines.append(f"    {what}: {', '.join(others[:8])}{more}")
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Revisions, environments and builds


def git(*args: str) -> str:
    run = subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if run.returncode:
        raise SetupError(f"git {' '.join(args)}: {run.stderr.strip()}")
    return run.stdout


def resolve(rev: str) -> str:
    """The full commit id of ``rev``."""
    return git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").strip()


def export(commit: str, dest: Path) -> None:
    """Write the tree of ``commit`` to ``dest`` (``git archive | tar -x``)."""
    dest.mkdir(parents=True)
    archive = subprocess.Popen(
        ["git", "archive", "--format=tar", commit], cwd=ROOT, stdout=subprocess.PIPE
    )
    untar = subprocess.run(
        ["tar", "-x", "-C", str(dest)], stdin=archive.stdout, check=False
    )
    archive.stdout.close()
    if archive.wait() or untar.returncode:
        raise SetupError(f"could not export {commit[:10]} to {dest}")


def inside(path: str | None, folder: Path) -> bool:
    if not path:
        return False
    return Path(path).resolve().is_relative_to(folder.resolve())


def make_env(copy: Path, where: Path) -> tuple[Path, Path]:
    """A venv that sees the system's packages and has ``copy`` installed
    editable. Checks that Porto's pipeline imports from ``copy``, and writes
    what the install provides under pelican.* for the runner (see _RUNNER).
    Returns the venv's python and that file."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(where)],
        check=True,
    )
    if sys.prefix != sys.base_prefix:
        # Run from a venv (CI's lowest-version one): the new venv's "system"
        # packages are the base Python's, not this venv's. List this venv's
        # package folders too (a path line; the .pth files there are not run,
        # so its own editable install of Porto stays out).
        own = sysconfig.get_path("purelib", vars={"base": str(where)})
        ours = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
        Path(own, "_porto_outer_env.pth").write_text(
            "".join(f"{folder}\n" for folder in sorted(ours)), encoding="utf-8"
        )
    python = where / "bin" / "python"
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    install = subprocess.run(
        [*pip, "--no-deps", "-e", str(copy)], capture_output=True, text=True
    )
    if install.returncode:
        raise SetupError(f"pip install -e {copy} failed:\n{install.stderr[-2000:]}")
    probe = subprocess.run(
        [python, "-c", "import pelican.plugins.porto_pipeline as m; print(m.__file__)"],
        cwd=where,
        capture_output=True,
        text=True,
    )
    found = probe.stdout.strip()
    if probe.returncode:
        note(
            f"  pelican.plugins.porto_pipeline does not import in {where.name}; "
            "each build's own check still applies"
        )
    elif not inside(found, copy):
        raise SetupError(
            f"pelican.plugins.porto_pipeline comes from {found}, not from {copy}"
        )
    else:
        note(f"  pelican.plugins.porto_pipeline -> {found}")
    mapped = subprocess.run(
        [python, "-c", _EDITABLE_MAP], cwd=where, capture_output=True, text=True
    )
    mapping = json.loads(mapped.stdout or "{}") if not mapped.returncode else {}
    portion = where / "installed" / "pelican"
    themes = {}
    for name, target in sorted(mapping.items()):
        parts = name.split(".")
        if len(parts) != 3 or parts[0] != "pelican" or not inside(target, copy):
            continue
        if parts[1] == "plugins":
            (portion / "plugins").mkdir(parents=True, exist_ok=True)
            (portion / "plugins" / parts[2]).symlink_to(target)
        elif parts[1] == "themes":
            themes[parts[2]] = target
    installed = where / "installed.json"
    installed.write_text(
        json.dumps(
            {
                "pelican_portion": str(portion) if portion.is_dir() else None,
                "themes": themes,
            }
        ),
        encoding="utf-8",
    )
    return python, installed


@dataclass
class Revision:
    label: str  # "base" or "head"
    rev: str
    commit: str
    copy: Path
    python: Path | None = None
    installed: Path | None = None  # what make_env found the install provides


@dataclass
class BuildResult:
    output: Path
    seconds: float
    problems: list[str]  # warnings and errors from the log
    loaded: str  # how many Porto plugins Pelican loaded, and how


def build(
    revision: Revision, spec: SiteSpec, inputs: Path, work: Path, runner: Path
) -> BuildResult:
    """Build ``inputs`` with ``revision``'s settings file ``spec.conf``."""
    conf = revision.copy / spec.conf
    if not conf.is_file():
        raise SetupError(f"{revision.label} ({revision.rev}) has no {spec.conf}")
    stem = work / f"{spec.name}-{revision.label}"
    output, cache, record = stem / "output", stem / "cache", stem / "record.json"
    stem.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTO_")}
    env.update(COLUMNS="1000", NO_COLOR="1", PYTHONIOENCODING="utf-8", **spec.env)
    cmd = [
        str(revision.python),
        str(runner),
        str(record),
        str(revision.installed),
        str(inputs),
        "-s",
        str(conf),
        "-o",
        str(output),
        "--ignore-cache",
        "-e",
        f"CACHE_PATH={json.dumps(str(cache))}",
        "LOAD_CONTENT_CACHE=false",
    ]
    start = time.perf_counter()
    # cwd = the copy: publishconf.py imports pelicanconf from the current folder,
    # and relative settings (THEME, PLUGIN_PATHS) are read from the copy.
    run = subprocess.run(
        cmd, cwd=revision.copy, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    log = run.stdout + run.stderr
    (stem / "pelican.log").write_text(log, encoding="utf-8")
    if run.returncode:
        tail = "\n".join(log.splitlines()[-15:])
        raise SetupError(
            f"{spec.name} with {revision.label} ({revision.rev}) failed "
            f"(exit {run.returncode}):\n{tail}"
        )
    data = json.loads(record.read_text(encoding="utf-8"))
    if not inside(data.get("theme"), revision.copy):
        raise SetupError(
            f"{spec.name} with {revision.label}: theme {data.get('theme')} is not "
            f"inside {revision.copy}"
        )
    strays = {
        n: f for n, f in data["modules"].items() if f and not inside(f, revision.copy)
    }
    if strays:
        raise SetupError(
            f"{spec.name} with {revision.label}: Porto modules loaded from outside "
            f"{revision.copy}: {strays}"
        )
    plugins = [p for p in data["plugins"] if "porto" in p]
    if not plugins:
        raise SetupError(
            f"{spec.name} with {revision.label}: Pelican loaded no Porto plugin "
            f"(plugins: {data['plugins']})"
        )
    dotted = sum(name.startswith("pelican.plugins.") for name in plugins)
    loaded = f"{len(plugins)} Porto plugins " + (
        "as namespace plugins"
        if dotted == len(plugins)
        else "through PLUGIN_PATHS"
        if dotted == 0
        else f"({dotted} as namespace plugins)"
    )
    return BuildResult(output, seconds, log_problems(log), loaded)


def log_problems(log: str) -> list[str]:
    """``"LEVEL message"`` for each warning or error in Pelican's log (rich
    handler on a 1000-column terminal: time, level, message, source line)."""
    found = []
    for line in log.splitlines():
        match = _PROBLEM.match(line)
        if match:
            found.append(f"{match['level']} {match['message']}")
    return found


# --------------------------------------------------------------------------
# Shared inputs


def make_inputs(
    head: Revision,
    base: Revision,
    inputs: Path,
    posts: int,
    seed: int,
    wanted: set[str],
) -> None:
    """Write the sample, fixture and corpus inputs from ``head``'s copy."""
    sample = head.copy / "content"
    if {"sample", "fixtures"} & wanted:
        shutil.copytree(sample, inputs / "sample")
    if "fixtures" in wanted:
        fixtures = head.copy / "tests" / "fixtures"
        in_base = set(
            git(
                "ls-tree", "-r", "--name-only", base.commit, "tests/fixtures/"
            ).splitlines()
        )
        target = inputs / "fixtures"
        kept, skipped = 0, []
        for path in sorted(fixtures.rglob("*.md")):
            relative = path.relative_to(head.copy).as_posix()
            if relative not in in_base:
                skipped.append(relative)
                continue
            # Under posts/ (pelicanconf's ARTICLE_PATHS), subfolders kept; the
            # sample settings do not turn folders into categories.
            dest = target / "posts" / path.relative_to(fixtures)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            kept += 1
        shutil.copytree(sample / "images", target / "images")
        if (fixtures / "images").is_dir():
            shutil.copytree(fixtures / "images", target / "images", dirs_exist_ok=True)
        note(
            f"fixtures: {kept} Markdown files"
            + (
                f", {len(skipped)} skipped (not in base): {', '.join(skipped)}"
                if skipped
                else ""
            )
        )
    if "corpus" in wanted:
        script = (
            "import sys; sys.path.insert(0, sys.argv[1]);"
            "from benchmarks import corpus;"
            "corpus.generate(sys.argv[2], int(sys.argv[3]), seed=int(sys.argv[4]))"
        )
        source = (
            head.copy if (head.copy / "benchmarks" / "corpus.py").is_file() else ROOT
        )
        subprocess.run(
            [
                sys.executable,
                "-c",
                script,
                str(source),
                str(inputs / "corpus"),
                str(posts),
                str(seed),
            ],
            check=True,
        )
        note(f"corpus: {posts} posts, seed {seed}, by {source}/benchmarks/corpus.py")


# --------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    sites = [spec for spec in SITES if spec.name in args.sites]
    revisions = []
    for label, rev in (("base", args.base), ("head", args.head)):
        try:
            commit = resolve(rev)
        except SetupError:
            print(f"error: {rev!r} is not a commit in {ROOT}", file=sys.stderr)
            return 2
        revisions.append(Revision(label, rev, commit, Path()))
    base, head = revisions
    if args.work:
        Path(args.work).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="porto-same-output-", dir=args.work))
    note(
        f"base {base.rev} = {base.commit[:10]}, head {head.rev} = {head.commit[:10]} "
        f"(committed trees; uncommitted changes are not used); scratch {work}"
    )
    started = time.perf_counter()
    try:
        runner = work / "run_pelican.py"
        runner.write_text(_RUNNER, encoding="utf-8")
        for revision in revisions:
            revision.copy = work / revision.label / "repo"
            export(revision.commit, revision.copy)
            note(f"{revision.label}: exported, installing into its own venv")
            revision.python, revision.installed = make_env(
                revision.copy, work / revision.label / "venv"
            )
        inputs = work / "inputs"
        make_inputs(
            head, base, inputs, args.posts, args.seed, {spec.inputs for spec in sites}
        )
        rows, timings = [], []
        for spec in sites:
            done = {}
            for revision in revisions:
                result = build(revision, spec, inputs / spec.inputs, work, runner)
                done[revision.label] = result
                note(
                    f"{spec.name} with {revision.label}: {result.seconds:.1f} s, "
                    f"{len(result.problems)} warnings/errors, {result.loaded}"
                )
            rows.append(
                (spec.name, compare_trees(done["base"].output, done["head"].output))
            )
            timings.append((spec.name, done["base"], done["head"]))
    except (SetupError, subprocess.CalledProcessError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        if args.keep:
            note(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(
        f"base {base.rev} ({base.commit[:10]})  vs  head {head.rev} "
        f"({head.commit[:10]})\n"
    )
    print(report(rows))
    print()
    print("build time and warnings/errors logged, base / head:")
    for name, a, b in timings:
        lost = Counter(a.problems) - Counter(b.problems)
        new = Counter(b.problems) - Counter(a.problems)
        same = "messages differ" if lost or new else "same messages"
        print(
            f"  {name}: {a.seconds:.1f} s / {b.seconds:.1f} s; "
            f"{len(a.problems)} / {len(b.problems)} ({same})"
        )
        for prefix, messages in (("only base", lost), ("only head", new)):
            for message in list(messages)[:3]:
                print(f"    {prefix}: {message[:200]}")
    print(f"total {time.perf_counter() - started:.0f} s")
    return 0 if all(result.identical for _, result in rows) else 1


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.same_output",
        description="Build the sample site, the fixtures and a generated corpus "
        "with two revisions and compare the output byte for byte.",
    )
    parser.add_argument("--base", help="revision to compare against (e.g. main~3)")
    parser.add_argument(
        "--head",
        default="HEAD",
        help="revision to check (default HEAD, the committed tree)",
    )
    parser.add_argument("--posts", type=int, default=200, help="corpus posts")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed")
    parser.add_argument(
        "--sites",
        nargs="+",
        choices=SITE_NAMES,
        default=list(SITE_NAMES),
        help="sites to build",
    )
    parser.add_argument(
        "--work",
        default=None,
        help="folder for the scratch folder (default: system temp)",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the scratch folder (copies, venvs, outputs)",
    )
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("DIR_A", "DIR_B"),
        help="only compare two existing folders",
    )
    args = parser.parse_args(argv)
    if not args.compare and not args.base:
        parser.error("--base is required (or --compare DIR_A DIR_B)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.compare:
        a, b = (Path(p) for p in args.compare)
        for folder in (a, b):
            if not folder.is_dir():
                print(f"error: {folder} is not a folder", file=sys.stderr)
                return 2
        result = compare_trees(a, b, ("a", "b"))
        print(report([(f"{a} vs {b}", result)], ("a", "b")))
        return 0 if result.identical else 1
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
