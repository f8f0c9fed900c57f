"""Swedish first, English complete: every string in the code is in both catalogues, translated and compiled."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

import tvatakt

PACKAGE = Path(tvatakt.__file__).parent
LANGUAGES = ["sv", "en"]


def catalogue(language: str, kind: str = "po"):
    path = PACKAGE / "locale" / language / "LC_MESSAGES" / f"django.{kind}"
    return polib.pofile(str(path)) if kind == "po" else polib.mofile(str(path))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    po = catalogue(language)
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    def entries(cat):
        return {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in cat if e.msgid}

    assert entries(catalogue(language, "mo")) == entries(catalogue(language))


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """Extract the strings afresh (xgettext, via makemessages) and compare with the committed catalogue."""
    if not shutil.which("xgettext"):
        pytest.fail("xgettext is missing: install gettext (CI does)")
    copy = tmp_path / "tvatakt"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "locale", "migrations"))
    (tmp_path / "msgsettings.py").write_text(f"SECRET_KEY = 'x'\nLOCALE_PATHS = [{str(tmp_path / 'locale')!r}]\n")
    (tmp_path / "locale").mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "DJANGO_SETTINGS_MODULE": "msgsettings"}
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "sv", "--no-location"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {(e.msgctxt, e.msgid) for e in polib.pofile(str(tmp_path / "locale/sv/LC_MESSAGES/django.po")) if e.msgid}
    committed = {(e.msgctxt, e.msgid) for e in catalogue("sv") if e.msgid and not e.obsolete}
    assert sorted(fresh - committed, key=str) == [], "run: cd src/tvatakt && tvatakt makemessages -l sv -l en"


def test_swedish_is_the_default_and_english_is_offered(settings):
    assert settings.LANGUAGE_CODE == "sv"
    assert [code for code, _ in settings.LANGUAGES] == ["sv", "en"]
