"""Lighthouse (mobile) scores for the sample site's article, index, tags, search.

Builds the sample site with the repository's pelicanconf.py into a temporary
folder, serves it on 127.0.0.1, runs the Lighthouse pinned in package-lock.json
(``npm ci --ignore-scripts`` first) with Debian's Chromium three times per page
and prints the median of each number: the four category scores, CLS and the
bytes transferred, then the audits that cost points, and the gzip size of the
article page's own HTML, CSS and JavaScript (images aside).

    python benchmarks/lighthouse.py [--runs 3] [--keep DIR]

The aim (issue 6): 100 in all four categories, CLS 0, and under 10 KB of
gzipped HTML+CSS+JS for an article page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

REPO = Path(__file__).resolve().parents[1]
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GZIP_BUDGET = 10 * 1024
SEED_SLUG = "how-i-became-an-intern-machine-learning-engineer"


def build_site(output: Path, lang: str | None = None) -> None:
    extra = ["-e", f"DEFAULT_LANG={json.dumps(lang)}"] if lang else []
    run = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py",
         "-o", str(output), "--delete-output-directory", "-q", *extra],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    if run.returncode != 0:
        sys.exit(f"pelican failed:\n{run.stdout}{run.stderr}")


def find_pages(output: Path) -> dict[str, str]:
    """URL paths of the pages to measure, found in the built site."""
    articles = sorted(output.glob(f"*/*/{SEED_SLUG}/index.html")) or sorted(
        output.glob("*/*/*/index.html")
    )
    tags = next(
        (p for p in ("tags.html", "tags/index.html") if (output / p).is_file()), None
    )
    if not articles or not tags:
        sys.exit(f"no article or tags page in {output}")
    article = "/" + str(articles[0].relative_to(output)).removesuffix("index.html")
    pages = {"article": article, "index": "/", "tags": "/" + tags}
    # The search page as a reader first sees it: Pagefind loads on the first
    # search, which Lighthouse does not type.
    if (output / "search.html").is_file():
        pages["search"] = "/search.html"
    return pages


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(output: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port),
         "--directory", str(output)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            urllib.request.urlopen(url + "/", timeout=2).close()
            return server, url
        except OSError:
            time.sleep(0.05)
    server.kill()
    sys.exit("http.server did not start")


def lighthouse(url: str, report: Path, chromium: str) -> dict:
    env = dict(os.environ, CHROME_PATH=chromium)
    run = subprocess.run(
        [str(LIGHTHOUSE), url, f"--chrome-flags={CHROME_FLAGS}",
         "--form-factor=mobile", "--output=json", f"--output-path={report}",
         "--quiet"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if run.returncode != 0 or not report.is_file():
        sys.exit(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def _item_url(item: dict) -> str:
    url = item.get("url") or (item.get("sourceLocation") or {}).get("url") or ""
    return urlparse(url).path if isinstance(url, str) else ""


def summarise(lhr: dict) -> dict:
    audits = lhr["audits"]
    numbers = {c: round(lhr["categories"][c]["score"] * 100) for c in CATEGORIES}
    numbers["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    numbers["bytes"] = audits["total-byte-weight"]["numericValue"]
    failing = set()
    for category in CATEGORIES:
        for ref in lhr["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                urls = sorted({_item_url(item) for item in items} - {""})[:3]
                where = f" {', '.join(urls)}" if urls else ""
                failing.add(f"{category}: {audit['title']} ({ref['id']}){where}")
    numbers["failing"] = failing
    return numbers


class _Assets(HTMLParser):
    """Local stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = (attributes.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel and attributes.get("href"):
            self.urls.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])


def gzip_sizes(output: Path, page: str) -> list[tuple[str, int, int]]:
    """(file, raw bytes, gzip -9 bytes) for a page's HTML and its CSS and JS."""
    html_file = output / page.lstrip("/") / "index.html"
    files = [html_file]
    parser = _Assets()
    parser.feed(html_file.read_text(encoding="utf-8"))
    for url in parser.urls:
        target = urlparse(urljoin("http://site" + page, url))
        if target.netloc == "site":
            files.append(output / target.path.lstrip("/"))
    rows = []
    for path in files:
        data = path.read_bytes()
        name = str(path.relative_to(output))
        rows.append((name, len(data), len(gzip.compress(data))))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page (median)")
    parser.add_argument("--keep", type=Path, help="folder for the JSON reports")
    parser.add_argument(
        "--lang", help="build the theme in this language (DEFAULT_LANG), e.g. ar"
    )
    args = parser.parse_args()
    chromium = os.environ.get("PORTO_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("Chromium not found (apt-get install chromium)")
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} missing: run npm ci --ignore-scripts")

    with tempfile.TemporaryDirectory(prefix="porto-lh-") as tmp:
        output = Path(tmp) / "output"
        reports = args.keep or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        build_site(output, args.lang)
        pages = find_pages(output)
        server, base = serve(output)
        try:
            results = {}
            for name, path in pages.items():
                runs = [
                    summarise(lighthouse(base + path, reports / f"{name}-{i}.json",
                                         chromium))
                    for i in range(args.runs)
                ]  # fmt: skip
                results[name] = runs
        finally:
            server.terminate()
            server.wait(timeout=10)
        sizes = gzip_sizes(output, pages["article"])

    version = json.loads((REPO / "node_modules/lighthouse/package.json").read_text())
    print(f"Lighthouse {version['version']}, mobile, median of {args.runs} runs")
    header = f"{'page':<8} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} "
    print(header + f"{'CLS':>7} {'bytes':>8}")
    for name, runs in results.items():
        median = {k: statistics.median(r[k] for r in runs) for k in runs[0] if
                  k != "failing"}  # fmt: skip
        print(
            f"{name:<8} "
            + " ".join(f"{median[c]:>5.0f}" for c in CATEGORIES)
            + f" {median['cls']:>7.3f} {median['bytes']:>8.0f}"
        )
    for name, runs in results.items():
        failing = sorted(set().union(*(r["failing"] for r in runs)))
        if failing:
            print(f"\n{name}: audits that cost points (in any run)")
            for line in failing:
                print(f"  {line}")
    total = sum(gz for _, _, gz in sizes)
    print(f"\nArticle page HTML+CSS+JS, gzip -9 (budget {GZIP_BUDGET} bytes):")
    for name, raw, gz in sizes:
        print(f"  {name:<60} {raw:>7} raw {gz:>6} gzip")
    verdict = "within" if total <= GZIP_BUDGET else "OVER"
    print(f"  {'total':<60} {'':>11} {total:>6} gzip ({verdict} budget)")


if __name__ == "__main__":
    main()
