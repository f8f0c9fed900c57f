"""Fetching a harvest source over HTTP, with a time limit, a size limit and no detours into the city's own
network: a publisher types the address, and the server must not become a way to read internal services.

The address is checked before the request, at every redirect, and against the address actually connected to
(so a name that resolves differently the second time, DNS rebinding, gains nothing). While a source is being
parsed, the parsers may not open connections of their own (a JSON-LD @context, an XML entity): see guarded()."""

import contextlib
import contextvars
import http.client
import ipaddress
import socket
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from tvatakt.opendata.harvest.records import SourceError

USER_AGENT = "Tvatakt-harvester/1 (+https://github.com/tvatakt)"
CHUNK = 64 * 1024
_parsing = contextvars.ContextVar("opendata_harvest_parsing", default=False)
_NETWORK_EVENTS = {"urllib.Request", "socket.connect", "socket.getaddrinfo", "socket.gethostbyname"}


@dataclass
class Fetched:
    url: str
    content_type: str  # the media type alone, lower case, without its parameters
    body: bytes


def timeout() -> float:
    return float(getattr(settings, "OPENDATA_HARVEST_TIMEOUT", 30))


def max_bytes() -> int:
    return int(getattr(settings, "OPENDATA_HARVEST_MAX_BYTES", 200 * 1024 * 1024))


def _private_allowed() -> bool:
    return bool(getattr(settings, "OPENDATA_HARVEST_ALLOW_PRIVATE", False))


def _refuse_private(host: str, address: str) -> None:
    if not _private_allowed() and not ipaddress.ip_address(address.split("%")[0]).is_global:
        raise SourceError(_("%(host)s is in a private network, which harvests may not reach.") % {"host": host})


def check_address(url: str, *, unknown_host_ok: bool = False) -> None:
    """Refuse what is not http(s), and hosts in private, loopback or link-local networks unless the operator
    allows them (OPENDATA_HARVEST_ALLOW_PRIVATE: a test, or a catalogue inside the city's own network). A host
    that cannot be looked up is refused, unless `unknown_host_ok` (saving a source: each harvest checks again)."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:  # a port out of range, a broken IPv6 address
        raise SourceError(_("The address is not a valid web address.")) from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourceError(_("The address must start with http:// or https://."))
    if _private_allowed():
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, port)
    except (socket.gaierror, UnicodeError) as exc:
        if unknown_host_ok:
            return
        raise SourceError(_("The server %(host)s could not be found.") % {"host": parts.hostname}) from exc
    for info in infos:
        _refuse_private(parts.hostname, info[4][0])


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl)  # a redirect must not lead where the address itself may not
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _checked_peer(connection) -> None:
    """After connecting: the address connected to must be one a harvest may reach, whatever DNS said before."""
    if connection.sock is not None:
        _refuse_private(connection.host, connection.sock.getpeername()[0])


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self):
        super().connect()
        _checked_peer(self)


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        super().connect()
        _checked_peer(self)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context)


def _read(response, limit: int, deadline: float) -> bytes:
    """The body, in chunks, within the limit and the overall deadline: a source that trickles a byte at a time
    must not hold the worker for hours (the socket's own timeout counts each read afresh)."""
    chunks, size = [], 0
    while chunk := response.read(CHUNK):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise SourceError(_("The source is larger than %(size)s.") % {"size": filesizeformat(limit)})
        if time.monotonic() > deadline:
            raise TimeoutError
    return b"".join(chunks)


def fetch(url: str, *, accept: str) -> Fetched:
    """The body at `url`. Raises SourceError, with a message a publisher can act on, for anything that goes wrong."""
    check_address(url)
    opener = urllib.request.build_opener(_CheckedRedirects, _HTTPHandler, _HTTPSHandler)
    # check_address() let only http(s) through, here and at every redirect.
    request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": USER_AGENT})  # noqa: S310
    deadline = time.monotonic() + 4 * timeout()  # each read may take `timeout`; the whole, a few times that
    try:
        with opener.open(request, timeout=timeout()) as response:  # noqa: S310 - see above
            body = _read(response, max_bytes(), deadline)
            content_type = response.headers.get_content_type()
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise SourceError(
            _("The source answered %(status)s (%(reason)s) at %(url)s.")
            % {"status": exc.code, "reason": exc.reason, "url": url}
        ) from exc
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:  # TimeoutError: OSError
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, SourceError):  # a redirect or a connection to where harvests may not go
            raise reason from exc
        if isinstance(reason, TimeoutError):
            raise SourceError(
                _("The source did not answer within %(seconds)s seconds. Try again later, or check the address.")
                % {"seconds": round(timeout())}
            ) from exc
        raise SourceError(_("The source could not be reached: %(reason)s.") % {"reason": reason}) from exc
    return Fetched(url=final_url, content_type=content_type, body=body)


def looks_like_html(fetched: Fetched) -> bool:
    head = fetched.body[:512].lstrip().lower()
    html_type = fetched.content_type in ("text/html", "application/xhtml+xml")
    return html_type or head.startswith((b"<!doctype html", b"<html"))


def _no_network_while_parsing(event: str, args) -> None:
    if event in _NETWORK_EVENTS and _parsing.get():
        raise SourceError(
            _("The source asks to fetch more from elsewhere (%(what)s), which a harvest does not do.")
            % {"what": str(args[0])[:200] if args else event}
        )


_hook_added = False


@contextlib.contextmanager
def guarded():
    """Parse inside this: a parser that tries to open a connection of its own (a JSON-LD @context or @import, an
    XML external entity) is stopped, since it would pass by every check above. An audit hook cannot be removed,
    so one is added once per process, and it acts only while a context variable is set."""
    global _hook_added
    if not _hook_added:
        sys.addaudithook(_no_network_while_parsing)
        _hook_added = True
    token = _parsing.set(True)
    try:
        yield
    finally:
        _parsing.reset(token)
