"""How long Porto says a corpus of posts takes to read: min, median, max.

Builds a content folder with the repository's ``pelicanconf.py`` (so with the
``porto_reading_time`` plugin) and prints the distribution of the articles'
``reading_time`` and ``word_count``. Without a folder it first writes a
generated corpus (deterministic: ``--seed``) of ``--posts`` Markdown posts of
mixed lengths, languages, code blocks and images.

    python benchmarks/reading_time_stats.py                 # 200 generated posts
    python benchmarks/reading_time_stats.py content         # the sample site
    python benchmarks/reading_time_stats.py ~/blog/content --posts-folder _posts
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from pelican import Pelican, signals
from pelican.settings import read_settings

REPO = Path(__file__).resolve().parents[1]

WORDS = (
    "the a of and to in is it that was for on with as I my at this but we be "
    "river bridge morning city water light coffee walk habit work question "
    "answer quiet room path leaves baker stone routine notebook train project "
    "engineer course sales career data learning model image network advice "
    "interview travel weekend problem solution python library function test"
).split()
CJK = "東京大阪学習散歩朝夜川橋水光仕事質問答静部屋道石習慣本電車計画技術者"
KANA = "ひらがなカタカナのをにはでとがもへやから"
HANGUL = "한국어공부기차오늘은에서를했습니다사람들"
CODE = [
    "for item in items:",
    "    total += item.price * item.count",
    "if total > limit:",
    "    raise ValueError(f'too much: {total}')",
    "return sorted(result, key=lambda row: row.date)",
    "with open(path, encoding='utf-8') as handle:",
    "    lines = handle.read().splitlines()",
]


def _prose(rng: random.Random, words: int) -> str:
    sentences, left = [], words
    while left > 0:
        n = min(left, rng.randint(6, 24))
        sentence = " ".join(rng.choice(WORDS) for _ in range(n))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        left -= n
    return " ".join(sentences)


def _post(rng: random.Random, number: int) -> str:
    """One post: mostly English prose, some CJK, code blocks and images."""
    lang = rng.choices(["en", "ja", "zh", "ko"], weights=[85, 5, 5, 5])[0]
    length = int(rng.lognormvariate(6.6, 0.7))  # median ~ 735 words
    blocks = []
    while length > 0:
        size = min(length, rng.randint(40, 180))
        if lang == "en":
            blocks.append(_prose(rng, size))
        else:
            chars = {"ja": CJK + KANA, "zh": CJK, "ko": HANGUL}[lang]
            blocks.append("".join(rng.choice(chars) for _ in range(size * 2)) + "。")
        length -= size
        roll = rng.random()
        if roll < 0.08:
            lines = rng.choices(CODE, k=rng.randint(3, 30))
            blocks.append("```python\n" + "\n".join(lines) + "\n```")
        elif roll < 0.2:
            blocks.append(
                f"![Photo](https://img.example.com/{number}/{len(blocks)}.jpg)"
            )
    day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    front = f"---\ntitle: Post {number:03d}\ndate: {day}\nlang: {lang}\n---\n\n"
    return front + "\n\n".join(blocks) + "\n"


def generate(folder: Path, posts: int, seed: int) -> None:
    rng = random.Random(seed)
    target = folder / "posts"
    target.mkdir(parents=True, exist_ok=True)
    for number in range(posts):
        path = target / f"post-{number:03d}.md"
        path.write_text(_post(rng, number), encoding="utf-8")


def build(content: Path, posts_folder: str, output: Path) -> tuple[list, float]:
    """Build ``content`` into ``output``; the articles and the seconds taken."""
    settings = read_settings(
        str(REPO / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(output / ".cache"),
            "LOAD_CONTENT_CACHE": False,
            "ARTICLE_PATHS": [posts_folder],
            "DELETE_OUTPUT_DIRECTORY": True,
        },
    )
    found: list = []

    def collect(generators) -> None:
        for generator in generators:
            found.extend(getattr(generator, "articles", []))
            found.extend(getattr(generator, "translations", []))

    signals.all_generators_finalized.connect(collect)
    start = time.perf_counter()
    Pelican(settings).run()
    return found, time.perf_counter() - start


def time_counting(articles: list) -> float:
    """Seconds the plugin's counting takes over every article's tree."""
    from pelican.plugins.porto_pipeline import parse
    from pelican.plugins.porto_reading_time.core import count_tree

    trees = [parse(a._content or "") for a in articles]
    start = time.perf_counter()
    for tree in trees:
        count_tree(tree)
    return time.perf_counter() - start


def _summary(label: str, values: list[int]) -> str:
    return (
        f"{label:<14} min {min(values):>5}  median {statistics.median(values):>7g}"
        f"  max {max(values):>5}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, help="content folder")
    parser.add_argument("--posts-folder", default="posts", help="articles under it")
    parser.add_argument("--posts", type=int, default=200, help="posts to generate")
    parser.add_argument("--seed", type=int, default=20191201)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="porto-reading-time-") as tmp:
        content = args.content
        if content is None:
            content = Path(tmp) / "content"
            generate(content, args.posts, args.seed)
            source = f"{args.posts} generated posts (seed {args.seed})"
        else:
            source = str(content)
        articles, seconds = build(content, args.posts_folder, Path(tmp) / "output")

    minutes = [a.reading_time for a in articles if hasattr(a, "reading_time")]
    if not minutes:
        print(f"{source}: no articles with a reading time", file=sys.stderr)
        return 1
    words = [a.word_count for a in articles if hasattr(a, "word_count")]
    print(f"Reading time of {len(minutes)} articles from {source}")
    print(f"built in {seconds:.2f} s with pelicanconf.py")
    counting = time_counting(articles)
    print(
        f"counting: {counting * 1000:.1f} ms for all articles "
        f"({counting / len(articles) * 1e6:.0f} µs each, parse not included)"
    )
    print(_summary("minutes", minutes))
    print(_summary("word count", words))
    print("minutes  posts")
    for value, count in sorted(Counter(minutes).items()):
        print(f"{value:>7}  {count:>5}  {'#' * count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
