"""Build the same generated corpus with plain Pelican, peer plugins and Porto.

Variants, built interleaved (a a2 b c a a2 b c ...) after a warm-up round, each
as its own ``python -m pelican`` subprocess into a fresh output folder, with
the content cache off:

- ``a``: plain Pelican, default theme, no plugins, typogrify off, native corpus;
- ``a2``: the same with ``TYPOGRIFY = True``;
- ``b``: Pelican with the peer plugins from PyPI, typogrify on, YAML corpus, in
  a separate virtual environment;
- ``c``: Porto with its own settings file, typogrify on, YAML corpus, in the
  current environment;
- ``c0`` (only when asked for): ``c`` with Python-Markdown's inline step as
  Pelican runs it (``PORTO_FRONTMATTER_FAST_INLINE = False``), to show what
  Porto's features cost apart from that speed-up.

``c`` builds without porto_search (``PORTO_SEARCH_ENABLED = False``), so it
stays comparable with the baselines, which write no search index. After each
``c`` build the search index is written on its own, with the command
porto_search runs, and timed as one more row, "c search index".

Wall time and peak RSS come from ``os.wait4`` on each build process. Progress
goes to stderr; the tables go to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import corpus, stats

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REQUIREMENTS = HERE / "requirements-base.txt"

# (PyPI name, pinned version, module to put in PLUGINS)
PEERS = (
    ("pelican-yaml-metadata", "2.2.0", "pelican.plugins.yaml_metadata"),
    ("pelican-readtime", "0.2.1", "pelican.plugins.readtime"),
    ("pelican-tag-cloud", "1.0.1", "pelican.plugins.tag_cloud"),
    ("pelican-figures", "0.1.0", "pelican.plugins.figures"),
    ("pelican-statistics", "1.0.0", "pelican.plugins.statistics"),
)
# Wide lines so Pelican's rich log handler does not wrap level names away.
ENV = {**os.environ, "COLUMNS": "250"}
LOG_LEVEL_RE = re.compile(r"^(?:\[[\d:]+\])?\s+(WARNING|ERROR|CRITICAL)\s")
LABELS = {
    "a": "plain Pelican",
    "a2": "plain Pelican + typogrify",
    "b": "peer plugins + typogrify",
    "c": "Porto, everything on",
    "c0": "Porto, stock Markdown inline",
}
# The row of the Pagefind step after each (c) build; not a variant to choose.
SEARCH = "c search index"
_INDEXED = re.compile(r"Indexed (\d+) pages?")


@dataclass
class Variant:
    """One way of building the site."""

    key: str
    python: str
    settings: Path
    flavour: str
    overrides: dict = field(default_factory=dict)
    unavailable: str = ""  # why it cannot be built, if it cannot


@dataclass
class Build:
    """Outcome of one build process."""

    ok: bool
    wall: float  # seconds
    rss: float  # peak resident set size, MiB
    log: Path
    # user + system CPU seconds of the process and the ones it waited for
    # (porto_frontmatter's read-ahead process, Pagefind)
    cpu: float = 0.0


def note(message: str) -> None:
    """Print a progress line to stderr."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _quiet(cmd: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def ensure_venv(path: Path, peers: tuple = ()) -> tuple[str, dict, dict]:
    """Create or reuse a venv with the pinned base packages and ``peers``.

    Returns ``(python, installed {pip name: version}, failed {pip name: reason})``.
    Each peer is installed and imported on its own, so one bad peer does not
    stop the others.
    """
    python = str(path / "bin" / "python")
    if not Path(python).exists():
        note(f"creating virtual environment {path}")
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if _quiet([python, "-c", "import pelican, markdown, typogrify"]).returncode:
        note(f"installing {REQUIREMENTS.name} into {path.name}")
        subprocess.run([*pip, "-r", str(REQUIREMENTS)], check=True)
    installed, failed = {}, {}
    for name, version, module in peers:
        if _quiet([python, "-c", f"import {module}"]).returncode:
            note(f"installing {name}=={version} into {path.name}")
            done = _quiet([*pip, "-c", str(REQUIREMENTS), f"{name}=={version}"])
            if done.returncode:
                failed[name] = (done.stderr.strip().splitlines() or ["?"])[-1]
                continue
        check = _quiet([python, "-c", f"import {module}"])
        if check.returncode:
            failed[name] = (check.stderr.strip().splitlines() or ["?"])[-1]
            continue
        show = _quiet(
            [
                python,
                "-c",
                f"import importlib.metadata as m; print(m.version({name!r}))",
            ]
        )
        installed[name] = show.stdout.strip()
    return python, installed, failed


def write_settings(path: Path, typogrify: bool, plugins: list[str]) -> Path:
    """Write a Pelican settings file for a baseline variant (a, a2 or b)."""
    path.write_text(
        f"# Written by benchmarks/run.py\n"
        f'SITENAME = "Porto benchmark"\nSITEURL = ""\nTIMEZONE = "UTC"\n'
        f'DEFAULT_LANG = "en"\nTYPOGRIFY = {typogrify}\nPLUGINS = {plugins!r}\n'
        f"CACHE_CONTENT = False\nLOAD_CONTENT_CACHE = False\n",
        encoding="utf-8",
    )
    return path


def run_build(
    variant: Variant,
    content: Path,
    out: Path,
    log: Path,
    overrides: dict | None = None,
    cached: bool = False,
    prefix: tuple[str, ...] = (),
    verbose: bool = False,
) -> Build:
    """Build ``content`` into ``out`` as one subprocess; time it and read its RSS.

    ``prefix`` goes between the interpreter and ``-m pelican`` (for cProfile).
    ``verbose`` keeps warnings and errors in the log instead of ``-q``.
    """
    extra = {**variant.overrides, **(overrides or {})}
    cmd = [variant.python, *prefix, "-m", "pelican", str(content)]
    cmd += ["-s", str(variant.settings), "-o", str(out)]
    cmd += [] if verbose else ["-q"]
    cmd += [] if cached else ["--ignore-cache"]
    if extra:
        cmd += ["-e", *(f"{k}={json.dumps(v)}" for k, v in extra.items())]
    with open(log, "w", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=err, stderr=err, cwd=log.parent, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Build(proc.returncode == 0, wall, usage.ru_maxrss / 1024, log, cpu)


def index_search(out: Path, log: Path) -> tuple[Build, int | None]:
    """Write the search index of a built site as porto_search does; time it.

    Returns the build-like outcome (wall time, peak RSS of the Pagefind
    process) and how many pages Pagefind says it indexed.
    """
    try:
        from pelican.plugins.porto_search import pagefind_command

        cmd = pagefind_command(out)
    except Exception as error:  # noqa: BLE001 - reported as the row's reason
        log.write_text(f"{error}\n", encoding="utf-8")
        return Build(False, 0.0, 0.0, log), None
    with open(log, "w", encoding="utf-8") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=err, stderr=err, cwd=log.parent, env=ENV)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    ok = os.waitstatus_to_exitcode(status) == 0
    found = _INDEXED.findall(log.read_text(errors="replace"))
    pages = int(found[-1]) if ok and found else None
    cpu = usage.ru_utime + usage.ru_stime
    return Build(ok, wall, usage.ru_maxrss / 1024, log, cpu), pages


def failure(build: Build) -> str:
    """Last meaningful line of a failed build's log."""
    lines = [ln for ln in build.log.read_text(errors="replace").splitlines() if ln]
    return lines[-1] if lines else "no output"


def log_problems(log: Path) -> tuple[int, int, str]:
    """Count warnings and errors in a verbose build log; return the first error."""
    levels = [
        (m.group(1), line)
        for line in log.read_text(errors="replace").splitlines()
        if (m := LOG_LEVEL_RE.match(line))
    ]
    errors = [line for level, line in levels if level != "WARNING"]
    warnings = len(levels) - len(errors)
    return warnings, len(errors), " ".join(errors[0].split()) if errors else ""


def expected_slugs(n: int, seed: int) -> list[set[str]]:
    """Names each post's page may have: its title slug or its Jekyll file name.

    Pelican slugifies the title (``SLUGIFY_SOURCE = "title"``); a Jekyll-minded
    reader may instead take the file name, with or without the date prefix.
    """
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    subs = DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    names = []
    for index in range(n):
        post = corpus.make_post(seed, index)
        stem = Path(post.filename).stem
        bare = stem[len("YYYY-MM-DD-") :]
        names.append({slugify(post.title, subs), stem, bare, slugify(bare, subs)})
    return names


def count_articles(out: Path, expected: list[set[str]]) -> int:
    """How many posts have an output file (``name.html``) or folder (``name/``)."""
    found = set()
    for _, dirs, files in os.walk(out):
        found.update(dirs)
        found.update(Path(f).stem for f in files if f.endswith(".html"))
    return sum(bool(names & found) for names in expected)


def make_variants(args: argparse.Namespace, work: Path) -> tuple[list, dict, dict]:
    """Prepare interpreters and settings; return (variants, peers ok, peers failed)."""
    wanted = args.variants
    plain = sys.executable
    if args.plain_env == "venv" and {"a", "a2"} & set(wanted):
        plain = ensure_venv(work / "venv-plain")[0]
    variants, ok, failed = [], {}, {}
    if "a" in wanted:
        settings = write_settings(work / "settings_a.py", False, [])
        variants.append(Variant("a", plain, settings, "native"))
    if "a2" in wanted:
        settings = write_settings(work / "settings_a2.py", True, [])
        variants.append(Variant("a2", plain, settings, "native"))
    if "b" in wanted:
        python, ok, failed = ensure_venv(work / "venv-peers", PEERS)
        modules = [module for name, _, module in PEERS if name in ok]
        settings = write_settings(work / "settings_b.py", True, modules)
        variants.append(Variant("b", python, settings, "yaml"))
    if {"c", "c0"} & set(wanted):
        settings = Path(args.porto_settings).resolve()
        overrides = {
            "TYPOGRIFY": True,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            # Same pages as the baselines, which keep Pelican's defaults: feeds
            # on (pelicanconf.py turns them off for previews), one index page.
            "FEED_ALL_ATOM": "feeds/all.atom.xml",
            "CATEGORY_FEED_ATOM": "feeds/{slug}.atom.xml",
            "AUTHOR_FEED_ATOM": "feeds/{slug}.atom.xml",
            "AUTHOR_FEED_RSS": "feeds/{slug}.rss.xml",
            "DEFAULT_PAGINATION": False,
            # Pelican's default, as in the baselines and publishconf.py (the
            # sample site's pelicanconf.py turns it on for local previews).
            "RELATIVE_URLS": False,
            # Timed apart, as the "c search index" row (see the docstring).
            "PORTO_SEARCH_ENABLED": False,
        }
        why = "" if settings.is_file() else f"no settings file {settings}"
        # c0: Markdown's inline step as Pelican runs it.
        for key, extra in (("c", {}), ("c0", {"PORTO_FRONTMATTER_FAST_INLINE": False})):
            if key in wanted:
                both = {**overrides, **extra}
                variants.append(
                    Variant(key, sys.executable, settings, "yaml", both, why)
                )
    return variants, ok, failed


def measure(variants: list, corpora: dict, args, work: Path, n: int) -> tuple:
    """Warm up, then build interleaved rounds; return (results, articles)."""
    slugs = expected_slugs(n, args.seed)
    results, articles = {}, {}
    out = work / "out"
    for round_no in range(-args.warmup, args.rounds):
        for v in variants:
            if v.unavailable:
                continue
            shutil.rmtree(out, ignore_errors=True)
            tag = "warm-up" if round_no < 0 else f"round {round_no + 1}/{args.rounds}"
            log = work / f"log_{v.key}.txt"
            build = run_build(v, corpora[v.flavour], out, log, verbose=round_no < 0)
            note(f"N={n} {tag} {v.key}: {build.wall:.2f} s, {build.rss:.0f} MiB")
            if not build.ok:
                v.unavailable = f"build failed: {failure(build)}"
                note(f"{v.key} unavailable: {v.unavailable}")
                continue
            if v.key not in articles:
                articles[v.key] = (count_articles(out, slugs), *log_problems(log))
            if round_no >= 0:
                entry = results.setdefault(v.key, {"wall": [], "rss": [], "cpu": []})
                entry["wall"].append(build.wall)
                entry["rss"].append(build.rss)
                entry["cpu"].append(build.cpu)
            search_failed = articles.get(SEARCH, (None, ""))[1]
            if v.key == "c" and not search_failed:
                step, pages = index_search(out, work / "log_search.txt")
                note(f"N={n} {tag} {SEARCH}: {step.wall:.2f} s, {step.rss:.0f} MiB")
                if not step.ok:
                    articles[SEARCH] = (None, f"Pagefind failed: {failure(step)}")
                    note(f"{SEARCH} unavailable: {articles[SEARCH][1]}")
                    continue
                articles[SEARCH] = (pages, "")
                if round_no >= 0:
                    entry = results.setdefault(
                        SEARCH, {"wall": [], "rss": [], "cpu": []}
                    )
                    entry["wall"].append(step.wall)
                    entry["rss"].append(step.rss)
                    entry["cpu"].append(step.cpu)
    shutil.rmtree(out, ignore_errors=True)
    return results, articles


def _cpu(result: dict) -> str:
    value = stats.median(result.get("cpu") or [])
    return "-" if value is None else f"{value:.2f}"


def report(variants: list, results: dict, articles: dict, n: int) -> str:
    """Tables of medians per variant and of per-round ratios with their bars."""
    rows, notes = [], []
    for v in variants:
        name = f"{v.key:<3} {LABELS[v.key]}"
        if v.key not in results:
            rows.append((name, "n/a", "n/a", "n/a", "unavailable", ""))
            notes.append(f"({v.key}) unavailable: {v.unavailable}")
            continue
        wall = stats.median(results[v.key]["wall"])
        cpu = _cpu(results[v.key])
        rss = stats.median(results[v.key]["rss"])
        found, warnings, errors, first = articles[v.key]
        cells = (
            f"{wall:.2f}", cpu, f"{rss:.1f}", f"{found}/{n}", f"{warnings}/{errors}"
        )  # fmt: skip
        rows.append((name, *cells))
        if first:
            notes.append(f"({v.key}) first error in the warm-up log: {first}")
        if v.key == "c" and SEARCH in articles:
            pages, why = articles[SEARCH]
            if why or SEARCH not in results:
                rows.append((SEARCH, "n/a", "n/a", "n/a", "unavailable", ""))
                notes.append(f"({SEARCH}) unavailable: {why or 'no measured round'}")
            else:
                wall = stats.median(results[SEARCH]["wall"])
                cpu = _cpu(results[SEARCH])
                rss = stats.median(results[SEARCH]["rss"])
                found = "?" if pages is None else f"{pages}/{n}"
                rows.append((SEARCH, f"{wall:.2f}", cpu, f"{rss:.1f}", found, "-"))
    headers = ("variant", "wall s", "cpu s", "peak MiB", "articles", "warn/err")
    table = stats.format_table(headers, rows)
    ratios = stats.format_table(
        ("ratio (median of per-round)", "value", "bar", "verdict"),
        stats.ratio_rows(results),
    )
    return "\n\n".join([table, *notes, ratios] if notes else [table, ratios])


def profile(variant: Variant, content: Path, work: Path, top: int = 15) -> str:
    """Profile one build of ``variant`` with cProfile; return the top sinks."""
    prof = work / f"profile_{variant.key}.prof"
    out = work / "out-profile"
    shutil.rmtree(out, ignore_errors=True)
    log = work / f"log_profile_{variant.key}.txt"
    build = run_build(
        variant, content, out, log, prefix=("-m", "cProfile", "-o", str(prof))
    )
    shutil.rmtree(out, ignore_errors=True)
    if not build.ok:
        return f"profile of {variant.key} failed: {failure(build)}"
    raw = pstats.Stats(str(prof)).stats
    parts = []
    for key, title in (("own", "own time"), ("cumulative", "cumulative time")):
        rows = [
            (label, f"{own:.1f}", f"{cum:.1f}")
            for label, own, cum in stats.top_functions(raw, top, key)
        ]
        parts.append(
            f"top {top} by {title}:\n"
            + stats.format_table(("function", "own %", "cum %"), rows)
        )
    return "\n\n".join(parts)


def cached_rebuild(variant: Variant, source: Path, work: Path, n: int, seed: int):
    """Build with the content cache on, edit one post, rebuild.

    Returns ``(full build, rebuild)`` as :class:`Build` objects.
    """
    base = work / f"cache_{variant.key}"
    shutil.rmtree(base, ignore_errors=True)
    content = base / "content"
    shutil.copytree(source, content)
    overrides = {
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(base / "cache"),
    }
    out, log = base / "out", base / "log.txt"
    full = run_build(variant, content, out, log, overrides, cached=True)
    if not full.ok:
        return full, full
    post = content / "posts" / corpus.make_post(seed, n // 2).filename
    with open(post, "a", encoding="utf-8") as handle:
        handle.write("\nOne more paragraph, edited for the cached-rebuild test.\n")
    later = time.time() + 5
    os.utime(post, (later, later))
    rebuild = run_build(variant, content, out, log, overrides, cached=True)
    if rebuild.ok:  # keep the log of a failure
        shutil.rmtree(base, ignore_errors=True)
    return full, rebuild


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--posts", type=int, nargs="+", default=[200])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1, help="warm-up rounds")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--variants", nargs="+", default=["a", "a2", "b", "c"], choices=list(LABELS)
    )
    parser.add_argument(
        "--porto-settings",
        default=str(ROOT / "pelicanconf.py"),
        help="settings file for (c)",
    )
    parser.add_argument(
        "--plain-env",
        choices=("venv", "current"),
        default="venv",
        help="where (a) and (a2) run: a clean venv (default) or this interpreter",
    )
    parser.add_argument("--work", default=str(HERE / ".work"), help="scratch folder")
    parser.add_argument(
        "--profile", default="c", help="variant to profile once ('none' to skip)"
    )
    parser.add_argument(
        "--cache-posts",
        type=int,
        default=1000,
        help="posts for the cached-rebuild test (0 skips it)",
    )
    parser.add_argument(
        "--cache-variants", nargs="+", default=["a", "c"], choices=list(LABELS)
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its tables."""
    args = parse_args(argv)
    work = Path(args.work).resolve()
    work.mkdir(parents=True, exist_ok=True)
    variants, ok, failed = make_variants(args, work)
    by_key = {v.key: v for v in variants}
    print(f"# Porto benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if "b" in by_key:
        print(
            "peers installed: "
            + (", ".join(f"{k} {v}" for k, v in ok.items()) or "none")
        )
        for name, why in failed.items():
            print(f"peer NOT installed: {name}: {why}")
    corpora = {}
    for n in args.posts:
        for flavour in corpus.FLAVOURS:
            corpora[flavour] = work / f"corpus-{flavour}"
            shutil.rmtree(corpora[flavour], ignore_errors=True)
            corpus.generate(corpora[flavour], n, args.seed, flavour)
        note(f"N={n}: corpus written to {work}")
        results, articles = measure(variants, corpora, args, work, n)
        runs = f"{args.rounds} rounds after {args.warmup} warm-up"
        print(f"\n## N = {n} posts, {runs} (seed {args.seed})\n")
        print(report(variants, results, articles, n), flush=True)
    target = by_key.get(args.profile)
    if target is not None:
        print(f"\n## Profile of one build of ({target.key}) at N = {args.posts[-1]}\n")
        if target.unavailable:
            print(f"({target.key}) unavailable: {target.unavailable}")
        else:
            note(f"profiling {target.key}")
            print(profile(target, corpora[target.flavour], work), flush=True)
    if args.cache_posts:
        print(f"\n## Cached rebuild, N = {args.cache_posts}, one post edited\n")
        print(cache_report(args, by_key, work), flush=True)
    return 0


def cache_report(args: argparse.Namespace, by_key: dict, work: Path) -> str:
    """Run the cached-rebuild test for the chosen variants and tabulate it."""
    rows, notes, sources = [], [], {}
    for key in args.cache_variants:
        v = by_key.get(key)
        name = f"{key:<3} {LABELS[key]}"
        why = "not selected with --variants" if v is None else v.unavailable
        if not why:
            if v.flavour not in sources:
                sources[v.flavour] = work / f"corpus-cache-{v.flavour}"
                shutil.rmtree(sources[v.flavour], ignore_errors=True)
                corpus.generate(
                    sources[v.flavour], args.cache_posts, args.seed, v.flavour
                )
            note(f"cached rebuild of {key} at N={args.cache_posts}")
            full, again = cached_rebuild(
                v, sources[v.flavour], work, args.cache_posts, args.seed
            )
            why = "" if full.ok and again.ok else f"build failed: {failure(again)}"
        if why:
            rows.append((name, "n/a", "n/a", "n/a", "<= 0.50", "n/a"))
            notes.append(f"({key}) unavailable: {why}")
            continue
        ratio = again.wall / full.wall
        cells = (f"{full.wall:.2f}", f"{again.wall:.2f}", f"{ratio:.2f}", "<= 0.50")
        rows.append((name, *cells, stats.verdict(ratio, 0.5)))
    for path in sources.values():
        shutil.rmtree(path, ignore_errors=True)
    headers = ("variant", "full s", "rebuild s", "ratio", "bar", "verdict")
    return "\n\n".join([stats.format_table(headers, rows), *notes])


if __name__ == "__main__":
    sys.exit(main())
