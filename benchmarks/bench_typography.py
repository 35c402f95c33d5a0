"""Typogrify on the HTML string against Porto's typography transform on the tree.

Self-contained: generates ~200 seeded posts (600-2,500 words, with quotes,
apostrophes, dashes, ellipses, ampersands, capitals, code, lists, tables),
renders them with Python-Markdown as Pelican's default MARKDOWN setting does,
then times, per post,

- typogrify on the HTML string (what Pelican runs with ``TYPOGRIFY = True``);
- Porto's transform on the already-parsed tree (the parse is the pipeline's,
  paid once for every Porto transform, so it is not counted here).

It also checks that both give the same HTML: typogrify's output put through the
pipeline's parse (lxml) and serialisation must equal the pipeline's tree after
the transform, serialised. With ``--corpus DIR`` the posts are the Markdown files
of DIR (front matter dropped, e.g. the benchmark corpus in
``benchmarks/.work/corpus-yaml/posts``) instead of generated ones, and the posts
that differ are named. Run from the repository root:

    python benchmarks/bench_typography.py [--posts 200] [--repeat 5] [--seed 7]
    python benchmarks/bench_typography.py --corpus benchmarks/.work/corpus-yaml/posts
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import markdown
import smartypants
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_typography.typography import Options, typograph_tree
from typogrify.filters import typogrify

WORDS = (
    "the of and to in is was that for it with as on be at by this had not are "
    "but from or have an they which one you were her all she there would their "
    "we him been has when who will more no if out so said what up its about "
    "into than them can only other new some could time these two may then do "
    "first any my now such like our over man me even most made after also did "
    "many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world "
    "still own see men work long get here between both life being under never "
    "day same another know while last might us great old year off come since "
    "against go came right used take three model data career learning python"
).split()
SPICE = [
    "it's",
    "don't",
    "I'd",
    "we're",
    "NASA",
    "CRLF",
    "U.S.A.",
    "HTML",
    "CSS3",
    '"quoted words"',
    "'single quotes'",
    "--",
    "---",
    "...",
    "&",
    "AT&T",
    "'90s",
    "O'Neil",
    '"*emphasis*"',
    "`code()`",
    "[a link](https://example.org)",
    "**bold move**",
    "*italics*",
    "e.g.",
    "Ph.D.",
    "rock'n'roll",
]


def sentence(rng: random.Random) -> str:
    words = [
        rng.choice(SPICE) if rng.random() < 0.06 else rng.choice(WORDS)
        for _ in range(rng.randint(6, 24))
    ]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!", "..."])


def post(rng: random.Random) -> str:
    target = rng.randint(600, 2500)
    blocks, count = [], 0
    while count < target:
        kind = rng.random()
        if kind < 0.08:
            block = "## " + sentence(rng).rstrip(".?!")
        elif kind < 0.16:
            block = "\n".join("- " + sentence(rng) for _ in range(rng.randint(2, 5)))
        elif kind < 0.2:
            block = "> " + " ".join(sentence(rng) for _ in range(2))
        elif kind < 0.23:
            block = '```python\nprint("hello -- world", x & y)\n```'
        elif kind < 0.25:
            block = "| A | B |\n|---|---|\n| " + sentence(rng) + " | NASA & co |"
        elif kind < 0.28:
            block = "![A photo](/images/photo.jpeg)\n*" + sentence(rng) + "*"
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        blocks.append(block)
        count += len(block.split())
    return "\n\n".join(blocks)


def render(sources: list[str]) -> list[str]:
    md = markdown.Markdown(
        extensions=["codehilite", "extra", "meta"],
        extension_configs={
            "markdown.extensions.codehilite": {"css_class": "highlight"}
        },
        output_format="html5",
    )
    out = []
    for source in sources:
        md.reset()
        out.append(md.convert(source))
    return out


def corpus_posts(folder: Path) -> list[tuple[str, str]]:
    """(name, Markdown body) of each ``*.md`` of ``folder``, front matter dropped."""
    posts = []
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):  # YAML front matter
            end = text.find("\n---\n", 4)
            text = text[end + 5 :] if end != -1 else text
        posts.append((path.name, text))
    return posts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="folder of Markdown posts")
    args = parser.parse_args()

    if args.corpus:
        names, sources = zip(*corpus_posts(args.corpus), strict=True)
    else:
        rng = random.Random(args.seed)
        sources = [post(rng) for _ in range(args.posts)]
        names = [f"generated post {index}" for index in range(args.posts)]
    pages = render(list(sources))
    words = sum(len(s.split()) for s in sources)
    kib = sum(len(p.encode()) for p in pages) / 1024
    # As Pelican's reader sets it before calling typogrify.
    smartypants.Attr.default = smartypants.Attr.set1 | smartypants.Attr.w
    options = Options()

    differing = []
    for name, html in zip(names, pages, strict=True):
        tree = porto_pipeline.parse(html)
        typograph_tree(tree, options)
        reference = porto_pipeline.serialise(porto_pipeline.parse(typogrify(html)))
        if porto_pipeline.serialise(tree) != reference:
            differing.append(name)

    string_runs, tree_runs, parse_runs = [], [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for html in pages:
            typogrify(html)
        string_runs.append(time.perf_counter() - start)

        trees = []
        start = time.perf_counter()
        for html in pages:
            trees.append(porto_pipeline.parse(html))
        parse_runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        for tree in trees:
            typograph_tree(tree, options)
        tree_runs.append(time.perf_counter() - start)

    per_post = 1000 / len(pages)
    # The best of the runs: on a shared machine, the others measure the load.
    string_ms = min(string_runs) * per_post
    tree_ms = min(tree_runs) * per_post
    parse_ms = min(parse_runs) * per_post
    print(f"{len(pages)} posts, {words / len(pages):.0f} words and "
          f"{kib / len(pages):.1f} KiB of HTML per post on average; "
          f"best of {args.repeat} runs")  # fmt: skip
    print(f"typogrify on the HTML string     {string_ms:8.2f} ms/post")
    print(f"Porto transform on the tree      {tree_ms:8.2f} ms/post")
    print(f"ratio transform / typogrify      {tree_ms / string_ms:8.1%}")
    print(f"(the pipeline's one lxml parse, not counted: {parse_ms:.2f} ms/post)")
    print(f"same HTML as typogrify: {len(pages) - len(differing)}/{len(pages)} posts")
    for name in differing:
        print(f"  differs: {name}")


if __name__ == "__main__":
    main()
