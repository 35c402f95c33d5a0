"""The Nu Html Checker (vnu-jar) finds no errors in the built site, CSS included."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .conftest import VNU_JAR, require

pytestmark = pytest.mark.slow


def _describe(messages: list[dict], roots: dict[str, str]) -> str:
    lines = []
    for message in messages:
        where = message.get("url", "?").removeprefix("file:")
        for label, root in roots.items():
            if where.startswith(root):
                where = label + where[len(root) :]
        line = message.get("lastLine", message.get("firstLine", "?"))
        column = message.get("firstColumn", message.get("lastColumn", "?"))
        lines.append(f"{where}:{line}:{column}: {message.get('message', '').strip()}")
        if message.get("extract"):
            lines.append(f"    {message['extract'].strip()[:160]}")
    return "\n".join(lines)


def test_vnu_finds_no_errors_in_html_or_css(sample_site, published_site):
    """Both builds: relative URLs for preview, absolute URLs with feeds and
    social metadata as published."""
    java = shutil.which("java")
    require(java, "Java not found (apt-get install default-jre-headless)")
    require(VNU_JAR.is_file(), f"{VNU_JAR} missing: run npm ci --ignore-scripts")
    roots = {"preview": sample_site.output, "published": published_site.output}
    for label, root in roots.items():
        assert sorted(root.rglob("*.html")), f"the {label} build wrote no HTML"
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--stdout", "--skip-non-html", "--also-check-css",
         *(str(root) for root in roots.values())],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report:\n{run.stdout}\n{run.stderr}")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    labels = {label: str(root) for label, root in roots.items()}
    assert not errors, "\n" + _describe(errors, labels)
    assert run.returncode == 0, run.stderr
