"""Time the Porto pipeline alone against the Markdown conversion it follows.

Self-contained: generates its posts (one large post, then 1,000 ordinary ones)
with images, captions, Jekyll attribute lines, code and footnotes, converts
them with Python-Markdown and typogrify as Pelican would, then times the
pipeline (links, figures, images) on the resulting HTML. Times are CPU time of
this process (``time.process_time``), so other work on the machine does not
inflate them.

    python benchmarks/bench_pipeline.py [--posts 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

import markdown
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_figures.figures import add_captions
from pelican.plugins.porto_images.images import set_image_attributes
from pelican.plugins.porto_links.links import resolve_links
from PIL import Image
from typogrify.filters import typogrify

TRANSFORMS = [
    porto_pipeline.Transform("links", resolve_links, "resolve", "porto_links"),
    porto_pipeline.Transform("figures", add_captions, "structure", "porto_figures"),
    porto_pipeline.Transform(
        "images", set_image_attributes, "decorate", "porto_images"
    ),
]
WORDS = (
    "porto sunset river bridge tram tile wine harbour boat market café hill "
    "learning project career python data model network advice travel course"
).split()


def paragraph(rng: random.Random, words: int = 60) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return f'{text.capitalize()} with *emphasis*, "quotes" -- and NASA.'


def block(rng: random.Random, n: int) -> str:
    kind = n % 6
    if kind == 0:
        image = f"![Photo {n}](/images/photo{n % 4}.png)"
        return f"{image}\n*Caption {n}, by [me](/about/)*"
    if kind == 1:
        return f"![Photo {n}](/images/photo{n % 4}.png)\n{{: .align-center}}"
    if kind == 2:
        return "```python\ndef f(x):\n    return x * 2  # double\n```"
    if kind == 3:
        return f"Note with a footnote[^{n}].\n\n[^{n}]: The footnote {n}."
    return paragraph(rng)


def post(rng: random.Random, blocks: int) -> str:
    return "\n\n".join(block(rng, n) for n in range(blocks)) + "\n"


def to_html(sources: list[str]) -> tuple[list[str], float]:
    md = markdown.Markdown(
        extensions=["codehilite", "extra", "meta"],
        extension_configs={"codehilite": {"css_class": "highlight"}},
    )
    start = time.process_time()
    html = [typogrify(md.reset().convert(source)) for source in sources]
    return html, time.process_time() - start


def pipeline_time(html: list[str], doc: porto_pipeline.Document) -> float:
    start = time.process_time()
    for item in html:
        porto_pipeline.run_transforms(item, TRANSFORMS, {}, doc)
    return time.process_time() - start


def measure(label: str, sources: list[str], doc, repeat: int) -> None:
    html, md_time = to_html(sources)
    times = [pipeline_time(html, doc) for _ in range(repeat)]
    best = min(times)
    size = sum(len(h) for h in html)
    print(
        f"{label}: {len(sources)} post(s), {size / 1e6:.2f} MB of HTML\n"
        f"  Markdown + typogrify: {md_time:8.3f} s CPU\n"
        f"  Porto pipeline:       {best:8.3f} s CPU (best of {repeat}; "
        f"median {statistics.median(times):.3f} s)\n"
        f"  pipeline share of (Markdown + pipeline): "
        f"{100 * best / (md_time + best):.1f} %"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(2019)
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        (content / "images").mkdir(parents=True)
        (content / "posts").mkdir()
        for n in range(4):
            Image.new("RGB", (800 + n, 600)).save(content / "images" / f"photo{n}.png")
        doc = porto_pipeline.Document(
            source_path=os.path.join(content, "posts", "bench.md"),
            relative_path="posts/bench.md",
            content_root=str(content),
        )
        measure("large post", [post(rng, 3000)], doc, args.repeat)
        measure(
            "many posts", [post(rng, 24) for _ in range(args.posts)], doc, args.repeat
        )


if __name__ == "__main__":
    main()
