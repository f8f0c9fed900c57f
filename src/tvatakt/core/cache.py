"""A shared cache for public pages, kept fresh by a content version instead of per-page invalidation.

Any change to the content of a Tvåtakt app (a save or delete, whichever door it came in by: service,
admin, import) bumps one version number. Cached pages are keyed by that version, so after a write
every page is rendered afresh on its next visit. The cache is shared by all workers (files in the
data directory, or Redis when configured), so no worker serves what another has already replaced.

Some content changes by the minute: every registration for an event takes a seat. Such apps have a version of
their own (a scope), so that a rush of registrations renders the events anew and leaves the rest of the site's
cached pages alone. A page that shows them names the scope and is keyed by both versions.
"""

import contextlib
import functools
import hashlib
import threading

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

VERSION_KEY = "tvatakt:content-version"
CONTENT = "content"  # the scope of every watched app without one of its own
PAGE_TIMEOUT = 300  # an upper bound on staleness, should a write ever bypass the ORM
# What a page that may be shared holds where its form's CSRF token goes; each visitor's own is put in on the way out.
FORM_TOKEN_SLOT = "tvatakt-form-token-slot"  # noqa: S105 - a placeholder, never a secret
LOOK_BACK = 16  # on-commit hooks looked at for a bump already due (see _due_at_commit)


def _version_key(scope: str) -> str:
    return VERSION_KEY if scope == CONTENT else f"{VERSION_KEY}:{scope}"


def _versions():
    """Where the versions are kept: their own cache when configured (see settings.CACHES), else the default."""
    return caches["versions"] if "versions" in settings.CACHES else caches["default"]


def content_version(scope: str = CONTENT) -> int:
    cache = _versions()
    key = _version_key(scope)
    version = cache.get(key)
    if version is None:
        # A new start (or an evicted version) begins at the clock, not at 1, so that it never meets a version
        # that pages were cached under before.
        cache.add(key, _fresh(), timeout=None)
        version = cache.get(key, 1)
    return version


def _fresh() -> int:
    return int(timezone.now().timestamp() * 1000)


def bump_content_version(scope: str = CONTENT, **_signal_kwargs) -> None:
    """Mark every cached page of this scope stale once the current transaction commits. Bumping the content
    scope marks every page stale: the scoped pages are keyed by it too. Once a transaction is enough: a
    registration and its participants are three saves, and each bump is a write to the shared cache."""
    gathered = getattr(_gathering, "scopes", None)
    if gathered is not None:
        gathered.add(scope)
        return
    if _due_at_commit(scope):
        return

    def bump():
        bump.ran = True  # a test's captured hooks run and stay in the list: one that ran is due no more
        cache = _versions()
        key = _version_key(scope)
        try:
            cache.incr(key)
        except ValueError:  # not set yet (or evicted): any new value makes old keys unreachable
            cache.set(key, _fresh(), timeout=None)

    bump.bumps, bump.ran = scope, False
    transaction.on_commit(bump)


_gathering = threading.local()


@contextlib.contextmanager
def one_bump():
    """Inside: the bumps of the rows saved are gathered, and each scope is bumped once at the end. For several rows
    written by one statement outside a transaction (one_statement's registration, its participants): each row's
    post_save would bump on its own, there being no transaction to bump once at the end of."""
    outer = getattr(_gathering, "scopes", None)
    if outer is not None:  # inside another: that one bumps
        yield
        return
    _gathering.scopes = gathered = set()
    try:
        yield
    finally:
        _gathering.scopes = None
        for scope in sorted(gathered):
            bump_content_version(scope)


def _due_at_commit(scope: str) -> bool:
    """Whether a bump of the scope is due already when this change commits: added in the same atomic block (or one
    inside it), so that no rollback can drop it and keep this change. Only the last few hooks are looked at: a
    bump missed costs a write more, never a stale page, and a long transaction's hooks are not read at every save."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block or getattr(connection.atomic_blocks[-1], "_from_testcase", False):
        return False  # a test's own block stands for many transactions, each of which would bump
    current = set(connection.savepoint_ids)
    for savepoints, hook, _robust in reversed(connection.run_on_commit[-LOOK_BACK:]):
        if not savepoints >= current:
            return False  # added before this block began, as is every hook before it
        if getattr(hook, "bumps", None) == scope and not hook.ran:
            return True
    return False


def watch_content(app_labels: list[str], scope: str = CONTENT) -> None:
    """Bump the scope's version on every save, delete and many-to-many change of these apps' models."""

    def receiver(**_signal_kwargs):
        bump_content_version(scope)

    for label in app_labels:
        for model in apps.get_app_config(label).get_models():
            uid = f"tvatakt-cache-{model._meta.label}"
            # weak=False: the receiver is made here, and nothing else holds on to it.
            post_save.connect(receiver, sender=model, dispatch_uid=uid + "-save", weak=False)
            post_delete.connect(receiver, sender=model, dispatch_uid=uid + "-delete", weak=False)
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    receiver, sender=field.remote_field.through, dispatch_uid=uid + field.name, weak=False
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


def serve_cached(
    request: HttpRequest, render, *, scopes: tuple[str, ...] = (), timeout: int = PAGE_TIMEOUT, form: bool = False
) -> HttpResponse:
    """The cached response for this anonymous GET, or `render()`'s, stored for the next visitor.

    `scopes`: the versions besides the content's that the page shows. `timeout`: how old it may be at most, for
    pages that change with the clock (registration opens at ten). `form`: the page has a form, whose CSRF token
    is the slot in what is kept and this visitor's own token in what is sent."""
    if form:
        request.form_token_slot = True
        return _with_token(request, serve_cached(request, render, scopes=scopes, timeout=timeout))
    if not _cacheable(request):
        return render()
    # The date is in the key because pages show the roles in force today.
    versions = ":".join(str(content_version(scope)) for scope in (CONTENT, *scopes))
    # The address is hashed: a search can make it longer than a cache backend takes as a key.
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    key = f"page:{_release()}:{versions}:{timezone.localdate()}:{get_language()}:{address}"
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
        cache.set(key, (response.content, headers), timeout)
    return response


def _with_token(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if not response.streaming and FORM_TOKEN_SLOT.encode() in response.content:
        # get_token also has the CSRF middleware send the cookie that this token is checked against.
        response.content = response.content.replace(FORM_TOKEN_SLOT.encode(), get_token(request).encode())
    return response


def form_token_slot(request: HttpRequest) -> dict:
    """A context processor: on a page served through `serve_cached(form=True)`, forms carry the slot."""
    return {"csrf_token": FORM_TOKEN_SLOT} if getattr(request, "form_token_slot", False) else {}


def public_page(view=None, *, scopes: tuple[str, ...] = (), timeout: int = PAGE_TIMEOUT, form: bool = False):
    """Serve an anonymous visitor's page from the shared cache; render and store it on a miss. Used bare
    (`@public_page`) or with `serve_cached`'s options (`@public_page(scopes=("inclusion",), timeout=60)`)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            render = lambda: view(request, *args, **kwargs)  # noqa: E731 - the page, when it must be rendered
            return serve_cached(request, render, scopes=scopes, timeout=timeout, form=form)

        return wrapper

    return decorate(view) if view is not None else decorate


class PublicApiCacheMiddleware:
    """The same cache for the read-only public API: anonymous GETs under /api/v1/ without credentials."""

    def __init__(self, get_response):
        self.get_response = get_response

    # The paths whose answers show content with a scope of its own, and how old they may be at most.
    SCOPED = {"/api/v1/events": (("inclusion",), 60)}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/v1/"):
            scopes, timeout = next(
                (rule for path, rule in self.SCOPED.items() if request.path.startswith(path)), ((), PAGE_TIMEOUT)
            )
            return serve_cached(request, lambda: self.get_response(request), scopes=scopes, timeout=timeout)
        return self.get_response(request)
