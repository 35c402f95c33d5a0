"""Deterministic corpus of blog posts written in the style of the seed post.

Each post is made from ``random.Random(f"{seed}:{index}")`` alone, so post *i* is
the same whatever the number of posts, and the same seed always gives the same
bytes. A post is rendered in one of two flavours:

- ``"yaml"``: Jekyll-style YAML front matter (``title``, ``date``, ``tags`` as a
  list, ``excerpt``), as in the seed post;
- ``"native"``: Pelican's own ``Key: value`` metadata with the same values, for
  the plain-Pelican baseline.

Bodies hold 600-2,500 words of first-person prose with headings, lists, links,
emphasis, a fenced code block in about a third of the posts, and 1-3 images,
each followed by an italic caption line. The images are small real PNG files
written with ``zlib`` and ``struct`` only.
"""

from __future__ import annotations

import json
import random
import re
import struct
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

__all__ = [
    "FLAVOURS",
    "TAGS",
    "Image",
    "Post",
    "generate",
    "make_post",
    "png_bytes",
    "render",
]

FLAVOURS = ("yaml", "native")

# About sixty tags, most popular first (Zipf-like weights follow this order);
# some have spaces, some accents.
TAGS = (
    "Machine Learning", "Python", "Career Change", "Data Science", "Internship",
    "Deep Learning", "Open Source", "Git", "Travel", "Sustainability",
    "Café Culture", "Hacktoberfest", "Sales", "Networking", "Projects",
    "Tableau", "SQL", "Porto", "Lisboa", "Statistics", "Pandas",
    "Computer Vision", "NLP", "Docker", "Linux", "Mentoring", "Interviews",
    "Résumé", "Meetups", "Couchsurfing", "São Paulo", "Zürich", "Naïve Bayes",
    "Time Series", "Visualisation", "Kaggle", "Cloud", "APIs", "Testing",
    "Side Projects", "Remote Work", "Productivity", "Books", "Podcasts",
    "Conferences", "Écriture", "Mathematics", "Engineering", "Hardware",
    "Raspberry Pi", "Climate", "Energy", "Cycling", "Photography",
    "Language Learning", "Français", "Português", "Málaga", "Kraków",
    "Reykjavík",
)  # fmt: skip

_TOPICS = (
    "machine learning", "data science", "Python", "Git", "deep learning",
    "SQL", "Tableau", "statistics", "computer vision", "open source",
    "web scraping", "unit testing", "Docker", "time series", "pandas",
)  # fmt: skip
_PLACES = (
    "Porto", "Lisbon", "Berlin", "Kraków", "São Paulo", "Zürich", "Málaga",
    "London", "Reykjavík", "a tiny café near the river",
)  # fmt: skip
_PEOPLE = ("Karl", "Ana", "my manager", "a recruiter", "two awesome guys", "Inês")
_THINGS = (
    "a to-do list app", "a weather dashboard", "a recipe scraper",
    "a bike-sharing model", "a CV parser", "a small chatbot", "an energy tracker",
)  # fmt: skip
_FEELINGS = ("eager", "nervous", "curious", "exhausted", "thrilled", "stuck")
_SENTENCES = (
    "I wanted to learn more about {topic} and how it could help with {thing}.",
    "During my time in {place}, I taught myself {topic} in the evenings.",
    (
        "I was speaking to someone new every other week about {topic}, but "
        "alas it didn't lead me very far."
    ),
    "After {n} months of working on {thing} I'd had enough of guessing.",
    "It felt like the gap year I had always wanted to take (in a {n}-week period).",
    "I was {feeling} to get my foot in the door, but I came to a realisation.",
    "{person} would periodically tell me about events and introduce me to contacts.",
    'As {person} put it, "the projects you work on are your best CV".',
    (
        "My project work prior to this point was very limited -- {n} notebooks "
        "and a README."
    ),
    "In the space of {n} days, here is what happened with {thing}.",
    "I signed up for a {n}-day course on {topic} and took far too many notes.",
    "The first version of {thing} was slow, ugly and {feeling}-making.",
    "There's a lot to be said for shipping something small... and then iterating.",
    "I made a post on LinkedIn asking for advice on {topic} and {n} people replied.",
    "We met in {place} and sketched {thing} on a napkin.",
    "Looking back, {topic} was the skill that opened the most doors.",
    "Sometimes it's the boring parts -- tests, docs, naming -- that matter most.",
    "I kept a spreadsheet of {n} applications; it wasn't pretty.",
    "If there's one piece of advice you take away, it's to build {thing}.",
    "The interview asked me to explain {topic} to a five-year-old.",
)  # fmt: skip
_HEADINGS = (
    "Getting my foot in the door", "What I learnt about {topic}",
    "Building {thing}", "A detour through {place}", "The interview",
    "Advice for career changers", "What went wrong", "Next steps",
    "Tools I used", "Lessons from {place}",
)  # fmt: skip
_TITLES = (
    "How I became an intern machine learning engineer",
    "What {place} taught me about {topic}",
    "Building {thing} in {n} weekends",
    "From sales to {topic}",
    "Why I quit my job to learn {topic}",
    "Notes on {topic} for career changers",
    "My first open-source contribution",
    "A week of {topic} in {place}",
)  # fmt: skip
_CODE = (
    (
        "python",
        (
            "import pandas as pd\n\n\ndef load(path):\n"
            '    """Read the {thing} data."""\n'
            "    frame = pd.read_csv(path)\n"
            "    return frame.dropna().head({n})\n"
        ),
    ),
    (
        "python",
        (
            "def score(model, rows):\n"
            "    total = 0\n    for row in rows:\n"
            "        total += model.predict(row) == row.label\n"
            "    return total / max(len(rows), 1)  # {topic}\n"
        ),
    ),
    (
        "bash",
        (
            "git checkout -b feature/{n}\ngit add .\n"
            'git commit -m "Add {thing}"\ngit push origin HEAD\n'
        ),
    ),
)
_WORD_RE = re.compile(r"\w+")
# Plain scalars that YAML would not read back as text.
_YAML_SPECIAL = frozenset(("true", "false", "yes", "no", "on", "off", "null", "~"))


@dataclass(frozen=True)
class Image:
    """An image of a post: file name, alt text, caption, size and colour."""

    name: str
    alt: str
    caption: str
    width: int
    height: int
    colour: tuple[int, int, int]


@dataclass(frozen=True)
class Post:
    """One post, independent of how its metadata is written."""

    index: int
    title: str
    date: str  # "YYYY-MM-DD HH:MM", read the same way by YAML and by Pelican
    tags: tuple[str, ...]
    excerpt: str
    body: str  # Markdown, without metadata
    images: tuple[Image, ...]

    @property
    def filename(self) -> str:
        """Jekyll-style file name: date, index and words of the title."""
        words = "-".join(_WORD_RE.findall(self.title.lower())[:6])
        return f"{self.date[:10]}-{self.index:05d}-{words}.md"


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        topic=rng.choice(_TOPICS),
        place=rng.choice(_PLACES),
        person=rng.choice(_PEOPLE),
        thing=rng.choice(_THINGS),
        feeling=rng.choice(_FEELINGS),
        n=rng.randint(2, 30),
    )


def _sentence(rng: random.Random) -> str:
    text = _fill(rng, rng.choice(_SENTENCES))
    roll = rng.random()
    if roll < 0.08:
        return f"**{text}**"
    if roll < 0.16:
        words = text.split(" ")
        cut = rng.randint(1, max(1, len(words) - 2))
        return " ".join(words[:cut]) + " *" + " ".join(words[cut:]) + "*"
    if roll < 0.22:
        slug = rng.choice(_TOPICS).lower().replace(" ", "-")
        return f"{text} See [this guide](https://example.org/{slug}/) for more."
    if roll < 0.26:
        return f"{text} I ran `make test` again."
    return text


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))


def _list(rng: random.Random) -> str:
    ordered = rng.random() < 0.4
    items = [_fill(rng, rng.choice(_SENTENCES)) for _ in range(rng.randint(3, 6))]
    return "\n".join(
        f"{i}. {item}" if ordered else f"- {item}" for i, item in enumerate(items, 1)
    )


def _tags(rng: random.Random) -> tuple[str, ...]:
    weights = [1 / rank**1.1 for rank in range(1, len(TAGS) + 1)]
    wanted = rng.randint(1, 4)
    chosen: list[str] = []
    while len(chosen) < wanted:
        tag = rng.choices(TAGS, weights)[0]
        if tag not in chosen:
            chosen.append(tag)
    return tuple(chosen)


def _image(rng: random.Random, index: int, number: int) -> Image:
    noun = rng.choice(("sunset", "desk", "whiteboard", "street", "notebook", "team"))
    place = rng.choice(_PLACES)
    return Image(
        name=f"{noun}_{index:05d}_{number}.png",
        alt=f"{noun.capitalize()} in {place}",
        caption=_fill(rng, rng.choice(_SENTENCES)),
        width=rng.randint(48, 160),
        height=rng.randint(32, 120),
        colour=(rng.randrange(256), rng.randrange(256), rng.randrange(256)),
    )


def make_post(seed: int, index: int) -> Post:
    """Make post number ``index`` of the corpus for ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    title = f"Day {index + 1}: " + _fill(rng, rng.choice(_TITLES))
    start = datetime(2015, 1, 1, 8, 0) + timedelta(days=2 * index)
    date = start + timedelta(minutes=rng.randrange(12 * 60))
    excerpt = " ".join(_sentence(rng) for _ in range(3))
    target = rng.randint(600, 2400)
    # As in the seed: the excerpt opens the body, then a long rule.
    blocks = [excerpt, "-" * 76]
    words = len(excerpt.split())
    since_heading = 0
    while words < target:
        if since_heading >= 3 and rng.random() < 0.4:
            level = "##" if rng.random() < 0.75 else "###"
            block = f"{level} {_fill(rng, rng.choice(_HEADINGS))}"
            since_heading = 0
        elif rng.random() < 0.15:
            block = _list(rng)
        else:
            block = _paragraph(rng)
            since_heading += 1
        blocks.append(block)
        words += len(block.split())
    images = tuple(_image(rng, index, k) for k in range(1, rng.randint(1, 3) + 1))
    for img in images:
        spot = rng.randint(3, len(blocks))
        blocks.insert(spot, f"![{img.alt}](/images/{img.name})\n*{img.caption}*")
    if rng.random() < 1 / 3:
        lang, code = rng.choice(_CODE)
        blocks.insert(rng.randint(3, len(blocks)), f"```{lang}\n{_fill(rng, code)}```")
    return Post(
        index=index,
        title=title,
        date=date.strftime("%Y-%m-%d %H:%M"),
        tags=_tags(rng),
        excerpt=excerpt,
        body="\n\n".join(blocks) + "\n",
        images=tuple(images),
    )


def _yaml_str(value: str) -> str:
    """Write ``value`` as a YAML scalar: plain when safe, else double-quoted."""
    plain = (
        value[:1].isalnum()
        and not re.search(r":|#|\s$|^[\d.+-]+$", value)
        and value.lower() not in _YAML_SPECIAL
    )
    return value if plain else json.dumps(value, ensure_ascii=False)


def render(post: Post, flavour: str = "yaml") -> str:
    """Return the Markdown source of ``post`` with metadata in ``flavour``."""
    if flavour == "yaml":
        tags = "".join(f"    - {_yaml_str(tag)}\n" for tag in post.tags)
        head = (
            f"---\ntitle: {_yaml_str(post.title)}\ndate: {post.date}\n"
            f"tags:\n{tags}excerpt: {_yaml_str(post.excerpt)}\n---\n"
        )
    elif flavour == "native":
        head = (
            f"Title: {post.title}\nDate: {post.date}\n"
            f"Tags: {', '.join(post.tags)}\nExcerpt: {post.excerpt}\n"
        )
    else:
        raise ValueError(f"unknown flavour {flavour!r}; expected one of {FLAVOURS}")
    return f"{head}\n{post.body}"


def png_bytes(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """Return a deterministic RGB PNG: a vertical gradient from ``colour``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    red, green, blue = colour
    rows = b"".join(
        b"\x00" + bytes((red, (green + y) % 256, (blue + 2 * y) % 256)) * width
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def generate(
    out_dir: str | Path, n: int, seed: int = 7, flavour: str = "yaml"
) -> list[Path]:
    """Write ``n`` posts to ``out_dir/posts`` and their images to ``out_dir/images``.

    Returns the paths of the posts written, in order. Existing files with the
    same names are overwritten; nothing else in ``out_dir`` is touched.
    """
    if flavour not in FLAVOURS:
        raise ValueError(f"unknown flavour {flavour!r}; expected one of {FLAVOURS}")
    out = Path(out_dir)
    (out / "posts").mkdir(parents=True, exist_ok=True)
    (out / "images").mkdir(parents=True, exist_ok=True)
    written = []
    for index in range(n):
        post = make_post(seed, index)
        path = out / "posts" / post.filename
        path.write_text(render(post, flavour), encoding="utf-8")
        written.append(path)
        for img in post.images:
            data = png_bytes(img.width, img.height, img.colour)
            (out / "images" / img.name).write_bytes(data)
    return written
