"""The Nu Html Checker (vnu-jar) finds no errors in the built site, CSS included."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .conftest import VNU_JAR, require

pytestmark = pytest.mark.slow


def _describe(messages: list[dict], root: str) -> str:
    lines = []
    for message in messages:
        where = message.get("url", "?").removeprefix("file:").replace(root, "", 1)
        line = message.get("lastLine", message.get("firstLine", "?"))
        column = message.get("firstColumn", message.get("lastColumn", "?"))
        lines.append(f"{where}:{line}:{column}: {message.get('message', '').strip()}")
        if message.get("extract"):
            lines.append(f"    {message['extract'].strip()[:160]}")
    return "\n".join(lines)


def test_vnu_finds_no_errors_in_html_or_css(sample_site):
    java = shutil.which("java")
    require(java, "Java not found (apt-get install default-jre-headless)")
    require(VNU_JAR.is_file(), f"{VNU_JAR} missing: run npm ci --ignore-scripts")
    checked = sorted(sample_site.output.rglob("*.html")) + sorted(
        sample_site.output.rglob("*.css")
    )
    assert checked, "the build wrote no HTML"
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--stdout", "--skip-non-html", "--also-check-css", str(sample_site.output)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report:\n{run.stdout}\n{run.stderr}")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    assert not errors, "\n" + _describe(errors, str(sample_site.output))
    assert run.returncode == 0, run.stderr
