"""Porto installed with pip, used the way a user of the package would.

No PLUGIN_PATHS and no theme path: the plugins load as Pelican namespace
plugins and the theme as ``THEME = "porto"``.
"""

import json
import subprocess
import venv

import pytest
from conftest import FIXTURES, REPO, SAMPLE_SITE


@pytest.fixture(scope="module")
def installed_python(tmp_path_factory):
    where = tmp_path_factory.mktemp("venv")
    venv.create(where, with_pip=True)
    python = where / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
         str(REPO)],
        check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    return python


@pytest.mark.slow
@pytest.mark.parametrize("plugins", ['["porto_frontmatter", "porto_links"]', "None"])
def test_namespace_plugins_and_theme_after_pip_install(
    installed_python, tmp_path, plugins
):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "porto_sunset.jpeg").write_bytes(
        (SAMPLE_SITE / "images" / "porto_sunset.jpeg").read_bytes()
    )
    (content / "posts").mkdir()
    (content / "posts" / "2019-12-01-seed.md").write_bytes(
        (FIXTURES / "seed_post.md").read_bytes()
    )
    (content / "posts" / "intern_linkedin_post.PNG").write_bytes(b"not checked")
    run = build_installed(installed_python, tmp_path, f"PLUGINS = {plugins}\n")
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "WARNING" not in log and "ERROR" not in log, log
    page = (tmp_path / "out" / "seed.html").read_text(encoding="utf-8")
    assert "porto.css" in page  # the Porto theme, found by name
    if plugins == "None":  # every installed Porto plugin, porto_assets too
        assert "porto.css?v=" in page
    assert 'src="/images/porto_sunset.jpeg"' in page  # resolved by porto_links
    assert (tmp_path / "out" / "images" / "porto_sunset.jpeg").is_file()
    assert (tmp_path / "out" / "tag" / "machine-learning.html").is_file()


@pytest.mark.slow
def test_installed_metadata_carries_the_licence_and_project_urls(installed_python):
    script = (
        "import importlib.metadata as m, json\n"
        "d = m.distribution('pelican-porto')\n"
        "licence = [f for f in d.files if f.name == 'LICENSE']\n"
        "print(json.dumps({'expression': d.metadata['License-Expression'],\n"
        "    'files': d.metadata.get_all('License-File'),\n"
        "    'licence': licence[0].read_text() if licence else '',\n"
        "    'urls': d.metadata.get_all('Project-URL')}))\n"
    )
    run = subprocess.run(
        [installed_python, "-c", script], capture_output=True, text=True, check=True
    )
    found = json.loads(run.stdout)
    assert found["expression"] == "MIT"
    assert found["files"] == ["LICENSE"]
    assert found["licence"].startswith("MIT License")
    assert "Copyright (c) 2026 Porto contributors" in found["licence"]
    assert found["licence"] == (REPO / "LICENSE").read_text(encoding="utf-8")
    urls = dict(url.split(", ", 1) for url in found["urls"])
    assert set(urls) == {"Homepage", "Documentation", "Source", "Issues"}
    assert all(url.startswith("https://") for url in urls.values())


@pytest.mark.slow
def test_installed_theme_ships_its_compiled_translations(installed_python, tmp_path):
    """The wheel carries every catalog, and the installed plugin reads them."""
    script = (
        "import importlib.resources as r, json\n"
        "root = r.files('pelican.themes.porto') / 'translations'\n"
        "print(json.dumps(sorted(p.name for p in root.iterdir()\n"
        "    if (p / 'LC_MESSAGES' / 'messages.mo').is_file())))\n"
    )
    run = subprocess.run(
        [installed_python, "-c", script], capture_output=True, text=True, check=True
    )
    shipped = json.loads(run.stdout)
    in_repo = sorted(
        p.parent.parent.name
        for p in (REPO / "theme" / "translations").glob("*/LC_MESSAGES/messages.mo")
    )
    assert shipped == in_repo and "ko" in shipped
    content = tmp_path / "content"
    content.mkdir()
    (content / "a.md").write_text("Title: A\nDate: 2020-01-01\n\nTexte.\n")
    run = build_installed(
        installed_python, tmp_path, 'PLUGINS = ["porto_i18n"]\nDEFAULT_LANG = "fr"\n'
    )
    assert run.returncode == 0, run.stdout + run.stderr
    page = (tmp_path / "out" / "a.html").read_text(encoding="utf-8")
    assert ">Aller au contenu</a>" in page


@pytest.mark.slow
def test_porto_import_jekyll_after_pip_install(installed_python, tmp_path):
    """The console script installed by pip, and the site it writes built with
    the installed theme (pelicanconf.py finds pelican/themes/porto)."""
    porto = installed_python.parent / "porto"
    dest = tmp_path / "blog"
    env = {"COLUMNS": "1000", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run(
        [porto, "import-jekyll", str(FIXTURES / "jekyll_site"), str(dest)],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    assert "posts                       4" in run.stdout
    build = subprocess.run(
        [installed_python, "-m", "pelican", "content"],
        cwd=dest, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    log = build.stdout + build.stderr
    assert build.returncode == 0, log
    assert "WARNING" not in log and "ERROR" not in log, log
    theme = runpy_theme(installed_python, dest)
    assert theme.endswith("/pelican/themes/porto"), theme
    page = (dest / "output" / "about-me" / "index.html").read_text(encoding="utf-8")
    assert "porto.css?v=" in page


def build_installed(python, folder, settings: str) -> subprocess.CompletedProcess:
    """``pelican content -o out`` in ``folder`` with the installed package,
    ``THEME = "porto"``, no feeds and ``settings`` (more Python lines)."""
    (folder / "conf.py").write_text(
        f'THEME = "porto"\nTIMEZONE = "UTC"\n{settings}'
        "FEED_ALL_ATOM = None\nCATEGORY_FEED_ATOM = None\nTRANSLATION_FEED_ATOM = None\n"
        "AUTHOR_FEED_ATOM = None\nAUTHOR_FEED_RSS = None\n",
        encoding="utf-8",
    )
    return subprocess.run(
        [python, "-m", "pelican", str(folder / "content"), "-s", "conf.py",
         "-o", "out"],
        cwd=folder, capture_output=True, text=True, timeout=300,
        env={"COLUMNS": "1000", "PATH": "/usr/bin:/bin", "HOME": str(folder)},
    )  # fmt: skip


def runpy_theme(python, folder):
    """THEME as the imported pelicanconf.py sets it, in that environment."""
    script = "import runpy; print(runpy.run_path('pelicanconf.py')['THEME'])"
    run = subprocess.run(
        [python, "-c", script], cwd=folder, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()
