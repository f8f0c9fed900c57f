"""Fetching a harvest source over HTTP, with a time limit, a size limit and no detours into the city's own
network: a publisher types the address, and the server must not become a way to read internal services."""

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from tvatakt.opendata.harvest.records import SourceError

USER_AGENT = "Tvatakt-harvester/1 (+https://github.com/tvatakt)"


@dataclass
class Fetched:
    url: str
    content_type: str  # the media type alone, lower case, without its parameters
    body: bytes


def timeout() -> float:
    return float(getattr(settings, "OPENDATA_HARVEST_TIMEOUT", 30))


def max_bytes() -> int:
    return int(getattr(settings, "OPENDATA_HARVEST_MAX_BYTES", 200 * 1024 * 1024))


def check_address(url: str, *, unknown_host_ok: bool = False) -> None:
    """Refuse what is not http(s), and hosts in private, loopback or link-local networks unless the operator
    allows them (OPENDATA_HARVEST_ALLOW_PRIVATE: a test, or a catalogue inside the city's own network). A host
    that cannot be looked up is refused, unless `unknown_host_ok` (saving a source: each harvest checks again)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourceError(_("The address must start with http:// or https://."))
    if getattr(settings, "OPENDATA_HARVEST_ALLOW_PRIVATE", False):
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (socket.gaierror, UnicodeError) as exc:
        if unknown_host_ok:
            return
        raise SourceError(_("The server %(host)s could not be found.") % {"host": parts.hostname}) from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise SourceError(
                _("%(host)s is in a private network, which harvests may not reach.") % {"host": parts.hostname}
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_address(newurl)  # a redirect must not lead where the address itself may not
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, accept: str) -> Fetched:
    """The body at `url`. Raises SourceError, with a message a publisher can act on, for anything that goes wrong."""
    check_address(url)
    opener = urllib.request.build_opener(_CheckedRedirects)
    # check_address() let only http(s) through, here and at every redirect.
    request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": USER_AGENT})  # noqa: S310
    limit = max_bytes()
    try:
        with opener.open(request, timeout=timeout()) as response:  # noqa: S310 - see above
            body = response.read(limit + 1)
            content_type = response.headers.get_content_type()
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise SourceError(
            _("The source answered %(status)s (%(reason)s) at %(url)s.")
            % {"status": exc.code, "reason": exc.reason, "url": url}
        ) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:  # TimeoutError is an OSError
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise SourceError(
                _("The source did not answer within %(seconds)s seconds. Try again later, or check the address.")
                % {"seconds": round(timeout())}
            ) from exc
        raise SourceError(_("The source could not be reached: %(reason)s.") % {"reason": reason}) from exc
    if len(body) > limit:
        raise SourceError(_("The source is larger than %(size)s.") % {"size": filesizeformat(limit)})
    return Fetched(url=final_url, content_type=content_type, body=body)


def looks_like_html(fetched: Fetched) -> bool:
    head = fetched.body[:512].lstrip().lower()
    return fetched.content_type in ("text/html", "application/xhtml+xml") or head.startswith(
        (b"<!doctype html", b"<html")
    )
