"""The theme in the reader's language: catalogs, page language, RTL, hreflang.

Sites are built from ``tests/fixtures/i18n/`` (posts written for these tests)
with ``DEFAULT_LANG`` set to Korean, French and Arabic; the English words the
pages must no longer show are read from the theme's ``messages.pot``, so a new
theme string is checked as soon as it is extracted.
"""

from __future__ import annotations

import datetime
import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_skeleton
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import FIXTURES, REPO, Site

TRANSLATIONS = REPO / "theme" / "translations"
POT = TRANSLATIONS / "messages.pot"
LANGUAGES = ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pt", "zh_CN"]
ARTICLE = "2021/03/ribeira/index.html"
PAGES = {
    "index": "index.html",
    "index, page 2": "index2.html",
    "article": ARTICLE,
    "tags": "tags.html",
    "tag": "tag/douro/index.html",
    "archives": "archives.html",
    "404": "404.html",
    "search": "search.html",
}
# Where the theme puts words other than text: attributes a reader hears or sees.
WORD_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "content")


def soup(build, relative: str) -> BeautifulSoup:
    return BeautifulSoup(build.html(relative), "html.parser")


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def messages(catalog) -> dict:
    """msgid (or the (singular, plural) pair) → msgstr, for every real message."""

    def key(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    return {key(m.id): key(m.string) for m in catalog if m.id}


def fragments(text: str) -> list[str]:
    """The English words of a msgid, cut at placeholders and markup."""
    text = re.sub(r"<[^>]+>", "\n", text)
    text = re.sub(r"%\([a-z_]+\)s|\{[a-z_]+\}", "\n", text)
    found = []
    for part in re.split(r"[\n“”:.,·]", text):
        part = part.strip()
        if re.search(r"[A-Za-z]{2}", part):
            found.append(part)
    return found


def english_words(lang: str) -> set[str]:
    """Words of the theme's English strings that a page in ``lang`` must not show.

    A word the translation keeps (French "Archives", "Pelican" in the credit
    line) is legitimately there and is left out.
    """
    catalog = read_catalog(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po")
    # Month names are also Pelican's, in the posts' dates ("5 May 2019", from
    # DATE_FORMATS and LOCALE): the archives' short dates are checked below
    for month in [m for m in catalog if m.context == "month abbreviation"]:
        catalog.delete(month.id, context=month.context)
    words = set()
    for msgid, msgstr in messages(catalog).items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        kept = " ".join(strings)
        for english in ids:
            words.update(word for word in fragments(english) if word not in kept)
    return words


def shown_text(page: BeautifulSoup) -> str:
    """What the theme shows or says on a page, the posts' own words left out."""
    for own in page.select(".post-content, .excerpt"):
        own.decompose()
    parts = [page.title.get_text() if page.title else ""]
    parts.append(page.body.get_text(" "))
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            messages_ = name.startswith("data-") and not name.startswith(
                "data-pagefind"
            )
            if name in WORD_ATTRIBUTES or messages_:
                value = " ".join(value) if isinstance(value, list) else value
                if value.startswith("["):  # the search page's JSON messages
                    value = " ".join(text for _, text in json.loads(value))
                parts.append(value)
    return "\n".join(parts)


def english_left(build, relative: str, words: set[str]) -> list[str]:
    text = shown_text(soup(build, relative))
    return sorted(w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))


def fixture_site(root: Path, **settings) -> Site:
    site = Site(root)
    for path in sorted((FIXTURES / "i18n").glob("*.md")):
        site.write(f"posts/{path.name}", path.read_bytes())
    site.settings.update(
        SITENAME="Porto",
        SITESUBTITLE=None,
        AUTHOR="Ana",
        # every part of the theme that has words: footer links, the source
        # link, comments (the article also has a table of contents and code)
        LINKS=[("Pelican", "https://getpelican.com/")],
        GITHUB_URL="https://github.com/ana/porto-blog",
        PORTO_THEME_COMMENTS={"provider": "utterances", "repo": "ana/porto-blog"},
        DEFAULT_PAGINATION=2,
        TIMEZONE="UTC",
        **settings,
    )
    return site


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    found = {}
    for lang in ("ko", "fr", "ar", "en"):
        site = fixture_site(tmp_path_factory.mktemp(f"site-{lang}"), DEFAULT_LANG=lang)
        if lang == "en":  # the original is English there: no translation of it
            (site.content / "posts" / "2021-03-14-ribeira-en.md").unlink()
        build = site.build()
        assert build.returncode == 0, build.log
        found[lang] = build
    return found


# ---- Catalogs -----------------------------------------------------------------


def test_every_language_has_a_compiled_catalog():
    folders = sorted(p.parent.name for p in TRANSLATIONS.glob("*/LC_MESSAGES"))
    assert folders == LANGUAGES
    for lang in LANGUAGES:
        assert (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.mo").is_file(), lang


def test_the_template_holds_every_string_the_theme_uses():
    """messages.pot is what pybabel extract (babel.cfg) finds today."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    extracted = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO), method_map, options_map
    ):
        extracted.add(message if isinstance(message, str) else tuple(message))
    assert len(extracted) > 40
    in_pot = set(messages(read_catalog(POT)))
    assert extracted - in_pot == set(), "run pybabel extract (README, Languages)"
    assert in_pot - extracted == set(), "messages.pot has strings no template uses"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_catalog_is_up_to_date_and_complete(lang):
    """The .po has the .pot's messages, all translated, and the .mo matches it."""
    folder = TRANSLATIONS / lang / "LC_MESSAGES"
    po = read_catalog(folder / "messages.po")
    assert set(messages(po)) == set(messages(read_catalog(POT))), (
        f"run pybabel update for {lang} (README, Languages)"
    )
    fuzzy = [message.id for message in po if message.id and message.fuzzy]
    assert fuzzy == []
    if lang != "en":  # English is the templates' own text
        untranslated = [
            msgid
            for msgid, msgstr in messages(po).items()
            if not all(msgstr if isinstance(msgstr, tuple) else (msgstr,))
        ]
        assert untranslated == []
    with (folder / "messages.mo").open("rb") as handle:
        mo = read_mo(handle)
    translated = {k: v for k, v in messages(po).items() if v and any(v)}
    compiled = messages(mo)
    # pybabel writes an untranslated plural message as its own English forms
    copies = {k for k, v in compiled.items() if k not in translated and v == k}
    compiled = {k: v for k, v in compiled.items() if k not in copies}
    assert compiled == translated, f"run pybabel compile for {lang}"
    assert mo.plural_forms == po.plural_forms


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_translations_keep_the_placeholders_and_links(lang):
    catalog = read_catalog(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po")

    def marks(text: str) -> list[str]:
        return sorted(re.findall(r"%\([a-z_]+\)s|\{[a-z_]+\}|<a [^>]*>|</a>", text))

    for msgid, msgstr in messages(catalog).items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        every = set(marks(ids[-1]))
        # the last form (many, other) says it all; a form for one or two may
        # spell the number out ("تدوينتان") and has no "first {shown}" to show
        wanted = every - {"%(num)s", "{count}", "{shown}"}
        assert every <= set(marks(strings[-1])), (lang, msgid, strings[-1])
        for string in strings:
            assert wanted <= set(marks(string)), (lang, msgid, string)
            assert not set(marks(string)) - every, (lang, msgid, string)


# ---- Whole sites in Korean, French and Arabic -------------------------------------


def test_the_english_word_list_comes_from_the_template():
    words = english_words("ko")
    assert {"Skip to content", "Older posts", "min read", "Filed under"} <= words
    assert len(words) > 50
    assert "Archives" not in english_words("fr")  # the same word in French


def test_the_english_build_shows_the_words_the_checks_look_for(builds):
    words = english_words("ko")
    seen = set()
    for relative in PAGES.values():
        seen.update(english_left(builds["en"], relative, words))
    # the check can fail: these are what the non-English builds must not show
    assert {"Skip to content", "Older posts", "min read", "Toggle dark theme"} <= seen
    # main's theme settings and reading aids, merged into the theme later
    assert {"Links", "Source on GitHub", "Comments", "Contents", "Copy failed"} <= seen
    assert {"read and write them on GitHub", "Posts"} <= seen
    assert len(seen) > 25


@pytest.mark.parametrize("lang", ["ko", "fr", "ar"])
@pytest.mark.parametrize("name", PAGES)
def test_no_english_theme_words_left(builds, lang, name):
    build = builds[lang]
    assert build.problems == []
    assert english_left(build, PAGES[name], english_words(lang)) == []


@pytest.mark.parametrize("lang", ["ko", "fr", "ar"])
def test_pages_say_their_language(builds, lang):
    for relative in PAGES.values():
        html = soup(builds[lang], relative).html
        assert html["lang"] == lang
        assert html.get("dir") == ("rtl" if lang == "ar" else None)


def test_korean_words_and_plural_forms(builds):
    build = builds["ko"]
    index = soup(build, "index.html")
    assert index.find("a", class_="skip-link").get_text() == "본문으로 건너뛰기"
    assert index.select_one(".reading-time").get_text() == "1분 분량"
    assert index.find("nav", class_="pagination")["aria-label"] == "페이지 이동"
    assert "2페이지 중 1페이지" in index.find("nav", class_="pagination").get_text()
    archives = soup(build, "archives.html")
    assert archives.select_one(".intro p").get_text() == "글 3개"
    assert archives.select_one(".archive-list time").get_text() == "3월 14일"
    article = soup(build, ARTICLE)
    assert article.select_one(".toc h2").get_text() == "목차"
    assert article.select_one(".comments h2").get_text() == "댓글"
    anchor = article.select_one(".post-content h2 .anchor")
    assert anchor["aria-label"] == "이 섹션으로 가는 링크"  # porto_reading_aids
    copy = article.find("script", src=re.compile(r"copy\.js"))
    assert (copy["data-copy"], copy["data-copied"]) == ("복사", "복사됨")
    page2 = soup(build, "index2.html")
    assert page2.h1.get_text() == "글 목록 · 2페이지 중 2페이지"


def test_french_plurals_and_dates(builds):
    build = builds["fr"]
    archives = soup(build, "archives.html")
    assert archives.select_one(".intro p").get_text() == "3 articles"
    counts = [span.get_text() for span in archives.select(".archive-year .count")]
    assert counts == ["1 article", "1 article", "1 article"]
    assert archives.select_one(".archive-list time").get_text() == "14 mars"
    tags = soup(build, "tags.html")
    assert tags.select_one(".intro p").get_text() == "2 étiquettes"
    heard = [a.get_text() for a in tags.select(".tag-cloud a")]
    assert heard == ["Azulejo, 2 articles", "Douro, 2 articles"]


def test_arabic_plural_forms(builds):
    build = builds["ar"]
    assert soup(build, "archives.html").select_one(".intro p").get_text() == "3 تدوينات"
    assert soup(build, "tags.html").select_one(".intro p").get_text() == "وسمان"
    counts = [
        s.get_text()
        for s in soup(build, "archives.html").select(".archive-year .count")
    ]
    assert counts == ["تدوينة واحدة"] * 3


def test_search_page_messages_come_translated(builds):
    form = soup(builds["ar"], "search.html").find("form", id="search-form")
    assert form["data-none"] == "لم يُعثر على تدوينات تطابق «{query}»."
    found = dict(json.loads(form["data-found"]))
    assert found[1] == "عُثر على تدوينة واحدة تطابق «{query}»."
    assert found[3] == "عُثر على {count} تدوينات تطابق «{query}»."
    more = dict(json.loads(soup(builds["fr"], "search.html").find("form")["data-more"]))
    assert more[100] == (
        "{count} articles trouvés pour «\u00a0{query}\u00a0», affichage des {shown} premiers."
    )
    script = (REPO / "theme" / "static" / "js" / "search.js").read_text(
        encoding="utf-8"
    )
    assert "found for" not in script and "could not be loaded" not in script


def test_a_translation_links_its_original_and_back(builds):
    build = builds["ko"]
    original = soup(build, ARTICLE)
    english = soup(build, "ribeira-en.html")
    assert english.html["lang"] == "en"
    # a translation's theme words are in its own language, whatever DEFAULT_LANG
    assert english.find("a", class_="skip-link").get_text() == "Skip to content"
    assert original.find("a", class_="skip-link").get_text() == "본문으로 건너뛰기"

    def alternates(page):
        return {
            link["hreflang"]: link["href"]
            for link in page.find_all("link", rel="alternate", hreflang=True)
        }

    assert alternates(original) == {
        "ko": "../../../2021/03/ribeira/",
        "en": "../../../ribeira-en.html",
        "x-default": "../../../2021/03/ribeira/",
    }
    assert alternates(english) == {
        "ko": "./2021/03/ribeira/",
        "en": "./ribeira-en.html",
        "x-default": "./2021/03/ribeira/",
    }
    switch = original.find("nav", class_="translations")
    assert switch["aria-label"] == "언어"
    links = {a.get_text(): a for a in switch.find_all("a")}
    assert set(links) == {"한국어", "English"}
    assert links["English"]["hreflang"] == links["English"]["lang"] == "en"
    assert links["한국어"]["aria-current"] == "page"
    assert english.find("nav", class_="translations")["aria-label"] == "Languages"


def test_pages_without_translations_have_no_switch(builds):
    page = soup(builds["ko"], "2020/09/foz/index.html")
    assert page.find("nav", class_="translations") is None
    assert page.find("link", hreflang=True) is None


# ---- The language of each page ------------------------------------------------


def post(title: str, date: str, **meta) -> str:
    lines = [f"title: {title}", f"date: {date}"] + [
        f"{k}: {v}" for k, v in meta.items()
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\nTexto.\n"


def test_translations_of_one_post_link_each_other_with_hreflang(site):
    site.write("posts/a.md", post("Original", "2021-01-01", slug="trip"))
    site.write("posts/b.md", post("Voyage", "2021-01-01", slug="trip", lang="fr"))
    site.write("posts/c.md", post("رحلة", "2021-01-01", slug="trip", lang="ar"))
    build = site.build(
        SITEURL="https://example.org/blog", RELATIVE_URLS=False, DEFAULT_LANG="en"
    )
    assert build.returncode == 0, build.log
    assert build.problems == []
    urls = {
        "en": "https://example.org/blog/2021/01/trip/",
        "fr": "https://example.org/blog/trip-fr.html",
        "ar": "https://example.org/blog/trip-ar.html",
    }
    files = {
        "en": "2021/01/trip/index.html",
        "fr": "trip-fr.html",
        "ar": "trip-ar.html",
    }
    for lang, relative in files.items():
        page = soup(build, relative)
        links = {
            link["hreflang"]: link["href"]
            for link in page.find_all("link", rel="alternate", hreflang=True)
        }
        assert links == {**urls, "x-default": urls["en"]}, lang
        switch = {a.get_text(): a["href"] for a in page.select("nav.translations a")}
        assert switch == {
            "English": urls["en"],
            "Français": urls["fr"],
            "العربية": urls["ar"],
        }
    arabic = soup(build, "trip-ar.html")
    assert (arabic.html["lang"], arabic.html["dir"]) == ("ar", "rtl")
    assert arabic.find("a", class_="skip-link").get_text() == "انتقل إلى المحتوى"
    french = soup(build, "trip-fr.html")
    assert french.html.get("dir") is None
    assert french.find("a", class_="skip-link").get_text() == "Aller au contenu"
    assert soup(build, files["en"]).find("a", class_="skip-link").get_text() == (
        "Skip to content"
    )


def test_region_and_script_fall_back_and_unknown_languages_warn_once(site):
    site.write("posts/br.md", post("Brasil", "2021-01-01", lang="pt-BR"))
    site.write("posts/hans.md", post("Hans", "2021-01-02", lang="zh-Hans"))
    site.write("posts/zh.md", post("Zh", "2021-01-03", lang="zh"))
    site.write("posts/hant.md", post("Hant", "2021-01-04", lang="zh-TW"))
    site.write("posts/eo1.md", post("Unu", "2021-01-05", lang="eo"))
    site.write("posts/eo2.md", post("Du", "2021-01-06", lang="eo"))
    build = site.build(DEFAULT_LANG="en")
    assert build.returncode == 0, build.log

    def skip_link(relative):  # Pelican's ARTICLE_LANG_SAVE_AS: {slug}-{lang}.html
        page = soup(build, relative)
        return page.html["lang"], page.find("a", class_="skip-link").get_text()

    assert skip_link("br-pt-BR.html") == ("pt-BR", "Ir para o conteúdo")
    assert skip_link("hans-zh-Hans.html") == ("zh-Hans", "跳到正文")
    assert skip_link("zh-zh.html") == ("zh", "跳到正文")
    assert skip_link("hant-zh-TW.html") == ("zh-TW", "Skip to content")
    assert skip_link("eo1-eo.html") == ("eo", "Skip to content")
    warnings = [p for p in build.problems if "porto_i18n" in p]
    assert len(warnings) == 2, build.problems
    eo = [w for w in warnings if "'eo'" in w]
    assert len(eo) == 1 and re.search(r"posts/eo[12]\.md", eo[0]), warnings
    assert any("'zh-TW'" in w and "posts/hant.md" in w for w in warnings)
    # (and Pagefind's word on Chinese, from porto_search)
    assert [p for p in build.problems if "porto_search" not in p] == warnings


def test_an_unknown_default_language_warns_once_and_reads_english(site):
    site.write("posts/a.md", post("Unu", "2021-01-01"))
    build = site.build(DEFAULT_LANG="eo")
    assert build.returncode == 0, build.log
    assert build.problems == [
        "WARNING porto_i18n: the theme has no translation for language 'eo' "
        "(DEFAULT_LANG); its "
        "words stay in English (languages: ar, de, en, es, fr, it, ja, ko, nl, pt, "
        "zh_CN)"
    ]
    page = soup(build, "index.html")
    assert page.html["lang"] == "eo"
    assert page.find("a", class_="skip-link").get_text() == "Skip to content"


@pytest.mark.parametrize(
    ("lang", "direction"),
    [("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("ar-EG", "rtl"),
     ("en", None), ("pa-Arab", "rtl"), ("az-Latn", None)],
)  # fmt: skip
def test_right_to_left_languages_get_dir_rtl(site, lang, direction):
    site.write("posts/a.md", post("A", "2021-01-01"))
    build = site.build(DEFAULT_LANG=lang)
    assert build.returncode == 0, build.log
    assert soup(build, "index.html").html.get("dir") == direction


def test_dates_still_follow_pelicans_date_formats(site):
    site.write("posts/a.md", post("A", "2021-03-14"))
    build = site.build(DEFAULT_LANG="fr", DATE_FORMATS={"fr": "%d/%m/%Y"})
    assert build.returncode == 0, build.log
    page = soup(build, "2021/03/a/index.html")
    assert page.select_one(".post-meta time").get_text() == "14/03/2021"


# ---- The archives' short dates ----------------------------------------------------

# One post a month over two years, on days written with one and two digits.
ARCHIVE_DATES = [
    datetime.date(2020 + month % 2, month, day)
    for month, day in enumerate((1, 9, 31, 14, 28, 30, 4, 15, 30, 2, 11, 25), start=1)
]


def archive_dates(build, relative: str = "archives.html") -> dict:
    """The archive list's dates: the date each ``<time>`` stands for → its text."""
    return {
        datetime.date.fromisoformat(time["datetime"][:10]): time.get_text()
        for time in soup(build, relative).select(".archive-list time")
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_archive_dates_are_written_as_babel_writes_them(site, lang):
    """The catalogs' month abbreviations and day-month order against CLDR.

    Porto translates "Dec 1" with its own catalogs so that a build does not
    load Babel's locale data; Babel stays the reference they are checked with.
    """
    for n, date in enumerate(ARCHIVE_DATES):
        site.write(f"posts/p{n}.md", post(f"P{n}", date.isoformat()))
    build = site.build(DEFAULT_LANG=lang)
    assert build.returncode == 0, build.log
    assert [p for p in build.problems if "porto_i18n" in p] == []
    locale = Locale.parse(lang)
    assert archive_dates(build) == {
        date: format_skeleton("MMMd", date, locale=locale) for date in ARCHIVE_DATES
    }


# Loaded by the build below (PLUGIN_PATHS): after the build, it writes down
# which of Babel's modules and locales the Pelican process has loaded.
BABEL_PROBE = """
import json
import sys
from pathlib import Path

from pelican import signals


def report(pelican):
    localedata = sys.modules.get("babel.localedata")
    seen = {
        "babel.dates": "babel.dates" in sys.modules,
        "locales": sorted(getattr(localedata, "_cache", {})),
    }
    Path(pelican.settings["PATH"]).parent.joinpath("babel-probe.json").write_text(
        json.dumps(seen)
    )


def register():
    signals.finalized.connect(report)
"""


def test_a_build_loads_none_of_babels_locale_data(site):
    """Reading CLDR data costs a build about 5 MiB of memory: the archives'
    dates come from the catalogs, and only a language switch names languages
    with Babel."""
    probe = site.root / "probe"
    probe.mkdir()
    (probe / "babel_probe.py").write_text(BABEL_PROBE, encoding="utf-8")
    for n, date in enumerate(ARCHIVE_DATES[:4]):
        site.write(f"posts/p{n}.md", post(f"P{n}", date.isoformat(), tags="x"))
    build = site.build(
        DEFAULT_LANG="fr",
        PLUGIN_PATHS=[str(probe)],
        PLUGINS=[*site_plugins(), "babel_probe"],
        YEAR_ARCHIVE_SAVE_AS="{date:%Y}/index.html",
    )
    assert build.returncode == 0, build.log
    seen = json.loads((site.root / "babel-probe.json").read_text(encoding="utf-8"))
    assert seen == {"babel.dates": False, "locales": []}
    # and the dates were written, in French, on both kinds of archive
    assert archive_dates(build)[datetime.date(2021, 1, 1)] == "1 janv."
    assert archive_dates(build, "2020/index.html") == {
        datetime.date(2020, 2, 9): "9 févr.",
        datetime.date(2020, 4, 14): "14 avr.",
    }


# ---- Next to i18n_subsites -------------------------------------------------------


def test_with_i18n_subsites_no_errors_and_each_subsite_in_its_language(site):
    pytest.importorskip("pelican.plugins.i18n_subsites")
    # i18n_subsites wants each post's lang written: the subsites change DEFAULT_LANG
    site.write("posts/a.md", post("A", "2021-01-01", slug="a", lang="en"))
    site.write("posts/b.md", post("B", "2021-01-01", slug="a", lang="fr"))
    site.write("posts/c.md", post("C", "2021-01-01", slug="a", lang="de"))
    build = site.build(
        DEFAULT_LANG="en",
        PLUGINS=[
            *site_plugins(),
            "pelican.plugins.i18n_subsites",
        ],
        JINJA_ENVIRONMENT={"extensions": ["jinja2.ext.i18n"]},
        I18N_SUBSITES={"fr": {}, "de": {}},
        I18N_TEMPLATES_LANG="en",
    )
    assert build.returncode == 0, build.log
    assert build.problems == []
    assert "Cannot find translations" not in build.log
    skip = {
        where: soup(build, where).find("a", class_="skip-link").get_text()
        for where in ("index.html", "fr/index.html", "de/index.html")
    }
    assert skip == {
        "index.html": "Skip to content",
        "fr/index.html": "Aller au contenu",
        "de/index.html": "Zum Inhalt springen",
    }
    assert soup(build, "fr/index.html").html["lang"] == "fr"
    # Jinja's install_gettext_translations gives the archives' pgettext
    dates = {
        where: archive_dates(build, where)
        for where in ("archives.html", "fr/archives.html", "de/archives.html")
    }
    day = datetime.date(2021, 1, 1)
    assert dates == {
        "archives.html": {day: "Jan 1"},
        "fr/archives.html": {day: "1 janv."},
        "de/archives.html": {day: "1. Jan."},
    }


def site_plugins() -> list[str]:
    from conftest import SAMPLE_PLUGINS

    return list(SAMPLE_PLUGINS)


# ---- The helpers ---------------------------------------------------------------


def test_catalog_candidates_and_language_names():
    from pelican.plugins.porto_i18n import i18n

    assert i18n.candidates("pt-BR") == ["pt_BR", "pt"]
    assert i18n.candidates("zh-Hans-CN")[:2] == ["zh_Hans_CN", "zh_CN"]
    assert "zh_CN" in i18n.candidates("zh") and "zh_CN" in i18n.candidates("zh-SG")
    assert "zh_CN" not in i18n.candidates("zh-Hant")
    assert i18n.lang_name("ar") == "العربية"
    assert i18n.lang_name("fr") == "Français"
    assert i18n.lang_name("ko") == "한국어"


def test_pybabel_commands_in_the_readme_work(tmp_path):
    """The README's extract and compile commands, run as written, in a copy."""
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    shutil.copy(REPO / "babel.cfg", tmp_path / "babel.cfg")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(pybabel (?:extract|update|compile) .+)$", readme, re.M)
    assert [c.split()[1] for c in commands] == ["extract", "update", "compile"]
    pybabel = [sys.executable, "-m", "babel.messages.frontend"]
    for command in commands:
        run = subprocess.run(
            pybabel + shlex.split(command)[1:], cwd=tmp_path, capture_output=True,
            text=True,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
    before = messages(read_catalog(POT))
    assert (
        messages(read_catalog(tmp_path / "theme/translations/messages.pot")) == before
    )


def test_a_translated_article_stays_within_the_10_kb_budget(builds):
    """HTML + CSS + JS of the Arabic article with its language switch, table of
    contents, comments and copy button, gzip -9."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.lighthouse import GZIP_BUDGET, gzip_sizes

    sizes = gzip_sizes(builds["ar"].output, "/2021/03/ribeira/")
    assert [name for name, _, _ in sizes] == [
        "2021/03/ribeira/index.html",
        "theme/css/porto.css",
        "theme/js/copy.js",  # the article has a code block
    ]
    assert soup(builds["ar"], ARTICLE).find("nav", class_="translations")
    assert sum(gz for _, _, gz in sizes) <= GZIP_BUDGET == 10 * 1024


def test_without_the_plugin_the_theme_is_english_with_its_plurals(site):
    for n, day in enumerate(("01", "02", "03")):
        site.write(f"posts/p{n}.md", post(f"P{n}", f"2021-01-{day}", tags="x"))
    build = site.build(PLUGINS=[], DEFAULT_LANG="ko")
    assert build.returncode == 0, build.log
    assert build.problems == []
    archives = soup(build, "archives.html")
    assert archives.html["lang"] == "ko"  # the language is still the page's
    assert archives.select_one(".intro p").get_text() == "3 posts"
    assert archives.find("a", class_="skip-link").get_text() == "Skip to content"
    assert archive_dates(build) == {  # English, as Babel writes them
        datetime.date(2021, 1, 1): "Jan 1",
        datetime.date(2021, 1, 2): "Jan 2",
        datetime.date(2021, 1, 3): "Jan 3",
    }
    tag = soup(build, "tag/x/index.html")
    assert tag.h1.get_text() == "Posts tagged “x”"
    arabic = Site(site.root / "ar")
    arabic.write("posts/a.md", post("رحلة", "2021-03-14", slug="trip"))
    arabic.write("posts/b.md", post("Trip", "2021-03-14", slug="trip", lang="en"))
    build = arabic.build(PLUGINS=[], DEFAULT_LANG="ar")
    assert build.returncode == 0, build.log
    page = soup(build, "2021/03/trip/index.html")
    assert page.html["dir"] == "rtl"
    switch = [a.get_text() for a in page.select("nav.translations a")]
    assert switch == ["ar", "en"]  # codes: the names come from the plugin


@pytest.mark.parametrize("autoescape", [False, True])
def test_porto_gettext_renders_as_jinjas_own_newstyle_gettext(autoescape):
    """porto_i18n installs one-call gettext functions in place of Jinja's
    newstyle wrappers: the same text, escaping and formatting as Jinja's own
    wrappers around the same French catalog."""
    from types import SimpleNamespace

    from jinja2 import Environment
    from pelican.plugins.porto_i18n import i18n

    source = (
        '{{ _("Tags") }}|{{ _("Posts by %(author)s", author=who) }}|'
        '{{ ngettext("%(num)s post", "%(num)s posts", n) }}|'
        '{{ ngettext("%(num)s post", "%(num)s posts", 1) }}|'
        '{{ pgettext("month abbreviation", "May") }}|'
        "{% trans count=n %}{{ count }} post{% pluralize %}{{ count }} posts{% endtrans %}"
    )
    ours = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    generator = SimpleNamespace(
        env=ours,
        settings={"DEFAULT_LANG": "en", "PLUGINS": []},
        context={},
        theme=str(REPO / "theme"),
    )
    i18n.install(generator)
    theirs = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    french = i18n.Catalogs(REPO / "theme" / "translations").get("fr")
    theirs.install_gettext_translations(french, newstyle=True)
    values = {"article": SimpleNamespace(lang="fr"), "who": "<b>Ana</b>", "n": 3}
    ours_html = ours.from_string(source).render(values)
    assert ours_html == theirs.from_string(source).render(values)
    assert ours_html.startswith("Étiquettes|")  # the article's language
    assert "|mai|" in ours_html
