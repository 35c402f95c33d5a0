"""What porto_jekyll costs: the reader's time per post with and without it.

    python benchmarks/bench_jekyll.py --posts 200 --rounds 5 [--builds 3]

On the generated corpus (no Liquid), the Porto Markdown reader reads every
post with porto_jekyll's body step enabled and without it, in interleaved
rounds, timed in CPU time (the process's own, less moved by other load);
then the same posts with a few lines of typical Jekyll Liquid added (a
``site.baseurl`` image, a ``highlight`` block, a ``figure`` include, two
filters), which pay for their rendering. ``--builds N`` also times N full
``pelican`` builds of the plain corpus with the sample site's plugins, with
and without porto_jekyll (wall time, medians).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(REPO))

from benchmarks.corpus import generate  # noqa: E402

LIQUID = """
![A view]({{ site.url }}{{ site.baseurl }}/images/LIQUID_IMAGE)

{% highlight python %}
for step in range(3):
    print("step", step)
{% endhighlight %}

{% include figure image_path="/images/LIQUID_IMAGE" caption="From the *hill*." %}

On {{ page.date | date_to_long_string }}: {{ page.title | number_of_words }} words.
"""


def _settings(content: Path, with_jekyll: bool) -> dict:
    from pelican.settings import DEFAULT_CONFIG

    settings = dict(DEFAULT_CONFIG)
    settings["MARKDOWN"] = {
        k: (dict(v) if isinstance(v, dict) else v)
        for k, v in DEFAULT_CONFIG["MARKDOWN"].items()
    }
    settings.update(PATH=str(content), ARTICLE_PATHS=["posts"], PAGE_PATHS=["pages"])
    plugins = ["porto_pipeline", "porto_frontmatter", "porto_links"]
    settings["PLUGINS"] = plugins + (["porto_jekyll"] if with_jekyll else [])
    return settings


def _read_all(reader, paths: list[Path]) -> float:
    start = time.process_time()
    for path in paths:
        reader.read(str(path))
    return time.process_time() - start


def reader_times(paths: list[Path], content: Path, rounds: int) -> dict[str, float]:
    import porto_jekyll
    from porto_frontmatter.reader import PortoMarkdownReader

    porto_jekyll.register()
    readers = {
        "without porto_jekyll": PortoMarkdownReader(_settings(content, False)),
        "with porto_jekyll": PortoMarkdownReader(_settings(content, True)),
    }
    for reader in readers.values():  # warm-up: converters, caches, imports
        _read_all(reader, paths[:20])
    times: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(rounds):
        for name, reader in readers.items():
            times[name].append(_read_all(reader, paths))
    return {name: statistics.median(t) / len(paths) * 1000 for name, t in times.items()}


def liquid_times(paths: list[Path], content: Path, rounds: int) -> float:
    """Milliseconds per post in porto_jekyll's body step alone."""
    import porto_jekyll
    from porto_frontmatter.frontmatter import split_front_matter
    from porto_frontmatter.preprocess import Post

    settings = _settings(content, True)
    posts = []
    for path in paths:
        front = split_front_matter(path.read_text(encoding="utf-8"))
        posts.append((front.body, Post(str(path), path.name, settings, front.data)))
    for body, post in posts[:20]:
        porto_jekyll.render_body(body, post)
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for body, post in posts:
            porto_jekyll.render_body(body, post)
        times.append(time.process_time() - start)
    return statistics.median(times) / len(posts) * 1000


def with_liquid(paths: list[Path], out: Path) -> list[Path]:
    """The same posts, each with LIQUID added after its first paragraph."""
    (out / "posts").mkdir(parents=True, exist_ok=True)
    image = sorted((out / "images").glob("*.png"))[0].name
    written = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        head, _, body = text.partition("\n---\n")
        first, _, rest = body.partition("\n\n")
        liquid = LIQUID.replace("LIQUID_IMAGE", image)
        target = out / "posts" / path.name
        target.write_text(f"{head}\n---\n{first}\n{liquid}\n{rest}", encoding="utf-8")
        written.append(target)
    return written


def build_times(content: Path, work: Path, runs: int) -> dict[str, float]:
    results: dict[str, list[float]] = {
        "without porto_jekyll": [],
        "with porto_jekyll": [],
    }
    confs = {}
    for name in results:
        conf = work / f"conf_{name.split()[0]}.py"
        plugins = "[p for p in PLUGINS if p != 'porto_jekyll']"
        conf.write_text(
            f"import sys\nsys.path.insert(0, {str(REPO)!r})\n"
            "from pelicanconf import *  # noqa\n"
            f"PATH = {str(content)!r}\nTHEME = {str(REPO / 'theme')!r}\n"
            f"PLUGIN_PATHS = [{str(REPO / 'plugins')!r}]\n"
            + (f"PLUGINS = {plugins}\n" if name.startswith("without") else ""),
            encoding="utf-8",
        )
        confs[name] = conf
    env = dict(os.environ, COLUMNS="200")
    for _ in range(runs):
        for name, conf in confs.items():
            out = work / "out"
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "pelican", str(content), "-s", str(conf),
                 "-o", str(out), "-q", "--delete-output-directory"],
                check=True, env=env, capture_output=True,
            )  # fmt: skip
            results[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in results.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--builds", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain"
        paths = generate(plain, args.posts)
        per_post = reader_times(paths, plain, args.rounds)
        print(f"reader, {args.posts} posts without Liquid, ms per post (median "
              f"of {args.rounds} rounds):")  # fmt: skip
        for name, ms in per_post.items():
            print(f"  {name:24} {ms:.3f}")
        step = liquid_times(paths, plain, args.rounds * 5)
        print(f"  {'of which the step alone':24} {step:.4f}")
        liquid_dir = Path(tmp) / "liquid"
        (liquid_dir / "images").mkdir(parents=True)
        for image in (plain / "images").iterdir():
            (liquid_dir / "images" / image.name).write_bytes(image.read_bytes())
        liquid_paths = with_liquid(paths, liquid_dir)
        liquid = reader_times(liquid_paths, liquid_dir, args.rounds)
        extra = liquid["with porto_jekyll"] - per_post["with porto_jekyll"]
        print("the same posts with a few lines of Liquid each, ms per post:")
        print(
            f"  {'with porto_jekyll':24} {liquid['with porto_jekyll']:.3f}"
            f"  (+{extra:.3f}: the Liquid and the code block and figure it adds)"
        )
        step = liquid_times(liquid_paths, liquid_dir, args.rounds)
        print(f"  {'of which Liquid alone':24} {step:.3f}")  # fmt: skip
        if args.builds:
            builds = build_times(plain, Path(tmp), args.builds)
            print(f"full pelican builds of the plain corpus, median of "
                  f"{args.builds}, seconds:")  # fmt: skip
            for name, seconds in builds.items():
                print(f"  {name:24} {seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
