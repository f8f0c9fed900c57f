from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from tvatakt import __version__


def site(request) -> dict:
    """The other languages this page exists in, as links (no JavaScript, no POST needed)."""
    current = get_language()
    path = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        info = get_language_info(code)
        languages.append({"code": code, "name_local": info["name_local"], "url": translate_url(path, code)})
    return {
        "other_languages": languages,
        "tvatakt_version": __version__,
        "accessibility_email": settings.ACCESSIBILITY_EMAIL,
    }
