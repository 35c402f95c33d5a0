"""Pure arithmetic and formatting for the benchmark runner.

Measurements are kept per variant as ``{"wall": [...], "rss": [...]}``: one value
per interleaved round, ``None`` where that build failed. Ratios are taken round
by round (c of round 1 over a of round 1, ...) and then their median is
reported, so slow drifts of the machine affect both sides of each ratio alike.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "BARS",
    "format_table",
    "median",
    "median_ratio",
    "paired_ratios",
    "ratio_rows",
    "top_functions",
    "verdict",
]

Results = Mapping[str, Mapping[str, Sequence[float | None]]]

# (label, numerator, denominator, metric, limit or None when informative only)
BARS = (
    ("c/a wall time", "c", "a", "wall", 1.3),
    ("c/a2 wall time", "c", "a2", "wall", None),
    ("c/b wall time", "c", "b", "wall", 0.5),
    ("c/a peak RSS", "c", "a", "rss", 1.3),
    ("c/a CPU time (all processes)", "c", "a", "cpu", None),
    ("a2/a wall time (typogrify)", "a2", "a", "wall", None),
    ("b/a wall time (peers)", "b", "a", "wall", None),
    ("b/a2 wall time (peers)", "b", "a2", "wall", None),
    ("c0/a wall time (stock Markdown inline)", "c0", "a", "wall", None),
    ("c0/b wall time (stock Markdown inline)", "c0", "b", "wall", None),
)


def median(values: Iterable[float | None]) -> float | None:
    """Median of the values that are not ``None``; ``None`` if there are none."""
    kept = [v for v in values if v is not None]
    return statistics.median(kept) if kept else None


def paired_ratios(
    numerators: Sequence[float | None], denominators: Sequence[float | None]
) -> list[float]:
    """Ratios of same-round pairs, skipping pairs with a missing or zero value."""
    return [
        num / den
        for num, den in zip(numerators, denominators, strict=False)
        if num is not None and den  # den is neither None nor 0
    ]


def median_ratio(
    numerators: Sequence[float | None], denominators: Sequence[float | None]
) -> float | None:
    """Median of the per-round ratios, or ``None`` when no round has both."""
    return median(paired_ratios(numerators, denominators))


def verdict(value: float | None, limit: float | None) -> str:
    """Return ``PASS``/``FAIL`` against an upper limit, ``-`` or ``n/a``."""
    if limit is None:
        return "-"
    if value is None:
        return "n/a"
    return "PASS" if value <= limit else "FAIL"


def ratio_rows(results: Results, bars=BARS) -> list[tuple[str, str, str, str]]:
    """Rows ``(label, ratio, bar, verdict)`` for each bar whose variants were run."""
    rows = []
    for label, num, den, metric, limit in bars:
        if num not in results or den not in results:
            continue
        if metric not in results[num] or metric not in results[den]:
            continue  # not measured (CPU time, by older callers)
        value = median_ratio(results[num][metric], results[den][metric])
        shown = "n/a" if value is None else f"{value:.2f}"
        bar = "-" if limit is None else f"<= {limit:.2f}"
        rows.append((label, shown, bar, verdict(value, limit)))
    return rows


def format_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Plain-text table: first column left-aligned, the others right-aligned."""
    rows = [list(map(str, row)) for row in rows]
    widths = [
        max(len(r[i]) for r in [list(headers), *rows]) for i in range(len(headers))
    ]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        parts = [first.ljust(widths[0])]
        parts += [
            cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *map(line, rows)])


def _label(func: tuple[str, int, str]) -> str:
    filename, lineno, name = func
    if filename == "~":  # built-in
        return name
    for marker in ("site-packages/", "lib/python"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    else:
        filename = "/".join(filename.split("/")[-2:])
    return f"{name} ({filename}:{lineno})"


def top_functions(
    raw: Mapping[tuple[str, int, str], tuple], n: int = 15, key: str = "own"
) -> list[tuple[str, float, float]]:
    """Top ``n`` functions of a ``pstats.Stats(...).stats`` mapping.

    Returns ``(label, own %, cumulative %)`` with shares of the total own time,
    sorted by ``key`` (``"own"`` or ``"cumulative"``). Wrappers that hold
    (nearly) the whole run, such as ``exec`` or ``runpy``, are left out of the
    cumulative ranking because they say nothing.
    """
    total = sum(entry[2] for entry in raw.values()) or 1.0
    rows = [
        (_label(func), 100 * entry[2] / total, 100 * entry[3] / total)
        for func, entry in raw.items()
    ]
    if key == "cumulative":
        rows = [row for row in rows if row[2] < 99.9]
        rows.sort(key=lambda row: (-row[2], row[0]))
    elif key == "own":
        rows.sort(key=lambda row: (-row[1], row[0]))
    else:
        raise ValueError(f"unknown key {key!r}")
    return rows[:n]
