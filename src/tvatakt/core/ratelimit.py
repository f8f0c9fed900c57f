"""Rate limits on the public forms and the API: per client address, and per person or API key.

The counters are shared by every worker and every node: in Redis when the cache is Redis (an atomic INCR), and
otherwise in the database (core.ratecount: one upsert per hit, which both SQLite and PostgreSQL do atomically). A
per-process counter alone would let N workers take N times the limit. The API's reads are the exception, counted
in the database loosely: a process's own tally, added to the shared counter once a second (core.ratecount).
Windows are fixed (the hour from :00), which is simple to explain in a message: "try again in 12 minutes".

The counter keys are hashes, so the table and Redis hold no addresses. A library or a school sends many people
through one address; the limits per address are set for that, and the limits per person are tighter.
"""

import functools
import hashlib
import ipaddress
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext

from tvatakt.core import ratecount

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# The limits that a process counts in its own tally first: a stop for a loop that never ends, where a slack of
# (workers - 1) × ratecount.BATCH hits is harmless and a write a hit is not (every API read would make one).
TALLIED = frozenset({"api-read"})
TALLY = ratecount.Tally()


@dataclass(frozen=True)
class Rate:
    hits: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'20/h' is 20 hits an hour; '5/10m' is 5 in ten minutes."""
        hits, period = text.split("/")
        number = period.rstrip("smhd") or "1"
        rate = cls(int(hits), int(number) * UNITS[period[-1]])
        if rate.hits < 1 or rate.seconds < 1:
            raise ValueError(text)
        return rate


class RateLimited(Exception):
    """Over the limit: `retry_after` seconds until the window turns."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = max(1, retry_after)

    @property
    def message(self) -> str:
        minutes = -(-self.retry_after // 60)
        return ngettext(
            "You have sent many times in a short while. Try again in %(count)d minute.",
            "You have sent many times in a short while. Try again in %(count)d minutes.",
            minutes,
        ) % {"count": minutes}


def client_address(request) -> str:
    """The client's address: from the header the proxies in front set (TVATAKT_CLIENT_IP_HEADER) when configured,
    else the connection's. Each trusted proxy appends the address it saw, so the one to believe is the entry
    TVATAKT_CLIENT_IP_PROXIES from the right; those further left are whatever the client wrote."""
    header = settings.RATELIMIT_CLIENT_IP_HEADER
    if header:
        entries = [entry.strip() for entry in request.META.get(header, "").split(",") if entry.strip()]
        proxies = settings.RATELIMIT_TRUSTED_PROXIES
        if len(entries) >= proxies and (address := _normalised(entries[-proxies])):
            return address
    return _normalised(request.META.get("REMOTE_ADDR", "")) or "unknown"


def _normalised(raw: str) -> str:
    """The address without a port; an IPv4 client seen through IPv6 as itself; an IPv6 client by its /64, which
    one household or device holds. Empty when it is not an address."""
    if raw.startswith("["):  # [2001:db8::1]:443
        raw = raw[1:].partition("]")[0]
    elif raw.count(":") == 1:  # 203.0.113.9:51234
        raw = raw.partition(":")[0]
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return ""
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _key(scope: str, who: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}|{scope}|{who}".encode()).hexdigest()[:40]


def _count_in_redis(key: str, window: int, rate: Rate) -> int:
    name = f"rl:{key}:{window}"
    cache.add(name, 0, timeout=rate.seconds + 5)
    try:
        return cache.incr(name)
    except ValueError:  # evicted between the two calls: this hit starts the count again
        cache.set(name, 1, timeout=rate.seconds + 5)
        return 1


def _uses_redis() -> bool:
    return settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def hit(scope: str, who: str, rate: Rate | str, *, now: float | None = None, tally: bool = False) -> None:
    """Count one hit by `who` in `scope`; raise RateLimited once the window's hits are over the rate. With `tally`,
    and the counters in the database, the hit goes to the process's tally first (see TALLIED)."""
    rate = Rate.parse(rate) if isinstance(rate, str) else rate
    now = time.time() if now is None else now
    window = int(now // rate.seconds)
    key = _key(scope, who)
    expires = (window + 1) * rate.seconds
    if _uses_redis():
        hits = _count_in_redis(key, window, rate)
    elif tally:
        hits = TALLY.hit(key, window, expires, now)
    else:
        hits = ratecount.add([(key, window, 1, expires)])[key, window]
    if hits > rate.hits:
        raise RateLimited(int(expires - now))


def check(request, scope: str, *, person: str = "") -> None:
    """Count a request against the scope's limits (settings.RATE_LIMITS): the client address's, and the person's
    (a signed-in user, or `person`: an API key) when the scope has one."""
    per_address, per_person = settings.RATE_LIMITS[scope]
    tally = scope in TALLIED
    if per_address:
        hit(f"{scope}:ip", client_address(request), per_address, tally=tally)
    user = getattr(request, "user", None)
    if not person and user is not None and user.is_authenticated:
        person = str(user.pk)
    if per_person and person:
        hit(f"{scope}:person", person, per_person, tally=tally)


def limit(scope: str, methods=("POST",)):
    """A view decorator: over the limit, the answer is a page saying when to try again, with 429 and Retry-After.

    Only the methods that change something count: reading the form is free."""

    def decorate(view):
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            if request.method in methods:
                try:
                    check(request, scope)
                except RateLimited as exc:
                    return too_many(request, exc)
            return view(request, *args, **kwargs)

        return limited

    return decorate


def too_many(request, exc: RateLimited):
    response = render(request, "429.html", {"message": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def too_many_json(exc: RateLimited) -> JsonResponse:
    response = JsonResponse({"detail": exc.message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


class ApiRateLimitMiddleware:
    """Every request to the API counts: a read (GET, HEAD, OPTIONS) against the "api-read" limits, a write against
    the tighter "api-write" ones; each the client address's, and the key's when one is sent. Over either, 429 in
    JSON with Retry-After. Endpoints added later are covered without a line of their own, the CKAN-compatible
    /api/3/ as much as /api/v1/. The endpoints that count against their web form's tighter limits (OWN_LIMITS) are
    left to them: one counter a request, not two (a registration stays within its 10 queries)."""

    SAFE = {"GET", "HEAD", "OPTIONS"}
    OWN_LIMITS = re.compile(r"^/api/v1/(events/[^/]+/registrations|consultations/[^/]+/ideas|ideas/\d+/supports)$")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if scope := self.scope(request):
            # The key itself, hashed, names the client: no database read to find whose it is.
            credentials = request.headers.get("Authorization", "")
            person = "key:" + hashlib.sha256(credentials.encode()).hexdigest()[:32] if credentials else ""
            try:
                check(request, scope, person=person)
            except RateLimited as exc:
                return too_many_json(exc)
        return self.get_response(request)

    def scope(self, request) -> str:
        path = request.path
        if not path.startswith("/api/"):
            return ""
        if request.method in self.SAFE:
            return "api-read"
        return "" if self.OWN_LIMITS.match(path) else "api-write"


@checks.register
def check_rates(**_kwargs) -> list:
    """A rate an operator wrote wrong in TVATAKT_RATE_LIMITS stops the start, rather than every form it limits."""
    problems = []
    for scope, rates in settings.RATE_LIMITS.items():
        try:
            per_address, per_person = rates
            for rate in (per_address, per_person):
                if rate is not None:
                    Rate.parse(rate)
        except (TypeError, ValueError, KeyError, AttributeError):
            problems.append(checks.Error(
                f"RATE_LIMITS[{scope!r}] = {rates!r}: write two rates such as [\"30/h\", \"10/h\"], or null for one.",
                id="tvatakt.E010",
            ))  # fmt: skip
    return problems
