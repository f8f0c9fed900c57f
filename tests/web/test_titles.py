"""Every page's title is text: a tag inside the title block would show as markup in the browser tab and be read
aloud by screen readers (a block left open once swallowed half a page into a title)."""

import re
from pathlib import Path

import tvatakt

TITLE = re.compile(r"{%\s*block title\s*%}(.*?){%\s*endblock", re.S)


def test_no_title_block_holds_markup():
    templates = sorted(Path(tvatakt.__file__).parent.glob("**/templates/**/*.html"))
    assert len(templates) > 50
    wrong = [
        f"{path.relative_to(Path(tvatakt.__file__).parent)}: {title.strip()[:60]}"
        for path in templates
        for title in TITLE.findall(path.read_text())
        if "<" in title or "\n" in title.strip()
    ]
    assert wrong == []
