"""Typography on one very long paragraph: does the time grow with the length?

A post can hold a single paragraph of tens of thousands of words (a pasted
log, a transcript, a shouted manifesto in capitals). Each word in capitals
becomes a ``span.caps``, so such a paragraph is one text node cut into
thousands of pieces. This script times Porto's typography transform on
paragraphs of 5,000, 10,000, 20,000 and 50,000 words, of three kinds:

- ``prose``: ordinary words with quotes, dashes, ampersands and a few
  capitals, rendered by Python-Markdown;
- ``capitals``: every word in capitals (one ``span.caps`` per word);
- ``capitals-after-tag``: the same after an ``<em>``, so the spans follow a
  tail text rather than the paragraph's own text.

For each it also runs typogrify on the HTML string and checks that both give
the same HTML (typogrify's output put through the pipeline's parse and
serialisation). Run from the repository root:

    python benchmarks/bench_long_paragraph.py [--words 5000 10000 20000 50000]
"""

from __future__ import annotations

import argparse
import random
import time

import markdown
import smartypants
from pelican.plugins import porto_pipeline
from pelican.plugins.porto_typography.typography import Options, typograph_tree
from typogrify.filters import typogrify

COMMON = (
    "a the of and to in is was that for it with as on be at by this had not "
    "are but from or have an they which one you were her all she there would"
).split()
SPICE = ("it's", "don't", '"quoted words"', "--", "...", "&", "NASA", "U.S.A.")


def paragraph(kind: str, words: int, seed: int) -> str:
    """The HTML of one paragraph of ``words`` words."""
    rng = random.Random(seed)
    if kind == "prose":
        text = " ".join(
            rng.choice(SPICE) if rng.random() < 0.1 else rng.choice(COMMON)
            for _ in range(words)
        )
        return markdown.markdown(text, output_format="html5")
    text = " ".join(rng.choice(COMMON).upper() for _ in range(words))
    if kind == "capitals-after-tag":
        return f"<p><em>Shouting:</em> {text}</p>"
    return f"<p>{text}</p>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--words", type=int, nargs="+", default=[5000, 10000, 20000, 50000]
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    # As Pelican's reader sets it before calling typogrify.
    smartypants.Attr.default = smartypants.Attr.set1 | smartypants.Attr.w
    options = Options()
    print(f"{'kind':<20} {'words':>7} {'Porto s':>9} {'typogrify s':>12}  same HTML")
    for kind in ("prose", "capitals", "capitals-after-tag"):
        for words in args.words:
            html = paragraph(kind, words, args.seed)
            tree = porto_pipeline.parse(html)
            start = time.perf_counter()
            typograph_tree(tree, options)
            porto = time.perf_counter() - start
            start = time.perf_counter()
            reference = typogrify(html)
            string = time.perf_counter() - start
            reference = porto_pipeline.serialise(porto_pipeline.parse(reference))
            same = porto_pipeline.serialise(tree) == reference
            print(f"{kind:<20} {words:>7} {porto:>9.3f} {string:>12.3f}  {same}")


if __name__ == "__main__":
    main()
