"""A shared cache for public pages, kept fresh by a content version instead of per-page invalidation.

Any change to the content of a Tvåtakt app (a save or delete, whichever door it came in by: service,
admin, import) bumps one version number. Cached pages are keyed by that version, so after a write
every page is rendered afresh on its next visit. The cache is shared by all workers (files in the
data directory, or Redis when configured), so no worker serves what another has already replaced.
"""

import functools
import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

VERSION_KEY = "tvatakt:content-version"
PAGE_TIMEOUT = 300  # an upper bound on staleness, should a write ever bypass the ORM


def content_version() -> int:
    cache = caches["default"]
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**_signal_kwargs) -> None:
    """Mark every cached page stale once the current transaction commits."""

    def bump():
        cache = caches["default"]
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # not set yet (or evicted): any new value makes old keys unreachable
            cache.set(VERSION_KEY, int(timezone.now().timestamp()), timeout=None)

    transaction.on_commit(bump)


def watch_content(app_labels: list[str]) -> None:
    """Bump the version on every save, delete and many-to-many change of these apps' models."""
    for label in app_labels:
        for model in apps.get_app_config(label).get_models():
            uid = f"tvatakt-cache-{model._meta.label}"
            post_save.connect(bump_content_version, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(bump_content_version, sender=model, dispatch_uid=uid + "-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    bump_content_version, sender=field.remote_field.through, dispatch_uid=uid + field.name
                )


def _cacheable(request: HttpRequest) -> bool:
    # Only anonymous GETs with no pending messages: nothing on such a page depends on who asks. A request with
    # an Authorization header is not anonymous, even before the API has checked its key.
    return (
        request.method == "GET"
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.user.is_authenticated
    )


@functools.cache
def _release() -> str:
    """What this installation serves: the version and its static files. A page cached by an older release
    links to style sheets that are gone, so an upgrade must not find it."""
    from tvatakt import __version__

    manifest = settings.STATIC_ROOT / "staticfiles.json"
    stamp = hashlib.sha256(manifest.read_bytes()).hexdigest()[:12] if manifest.is_file() else ""
    return f"{__version__}-{stamp}"


def remembered(name: str, compute):
    """`compute()`'s value, kept in the shared cache until the content changes (or the day turns): for figures
    that aggregate a whole table, which logged-in people would otherwise pay for on every page."""
    key = f"figures:{name}:{_release()}:{content_version()}:{timezone.localdate()}"
    cache = caches["default"]
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, PAGE_TIMEOUT)
    return value


# Headers a cached response must keep: a calendar or a PDF is still a download the second time.
_KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def serve_cached(request: HttpRequest, render) -> HttpResponse:
    """The cached response for this anonymous GET, or `render()`'s, stored for the next visitor."""
    if not _cacheable(request):
        return render()
    # The date is in the key because pages show the roles in force today.
    version = f"{_release()}:{content_version()}"
    # The address is hashed: a search can make it longer than a cache backend takes as a key.
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = f"page:{version}:{timezone.localdate()}:{get_language()}:{address}"
    cache = caches["default"]
    cached = cache.get(key)
    if cached is not None:
        content, headers = cached
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        return response
    response = render()
    if response.status_code == 200 and not response.streaming and not response.cookies:
        headers = {name: response[name] for name in _KEPT_HEADERS if name in response}
        cache.set(key, (response.content, headers), PAGE_TIMEOUT)
    return response


def public_page(view):
    """Serve an anonymous visitor's page from the shared cache; render and store it on a miss."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return serve_cached(request, lambda: view(request, *args, **kwargs))

    return wrapper


class PublicApiCacheMiddleware:
    """The same cache for the read-only public API: anonymous GETs under /api/v1/ without credentials."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/v1/"):
            return serve_cached(request, lambda: self.get_response(request))
        return self.get_response(request)
