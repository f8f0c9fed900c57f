"""A request id on every answer and every log line, and logs as JSON lines for the city's log collector.

An operator searching the logs for one failed request, or a citizen quoting the code on the error page, needs one
identifier that ties the answer, the error page and every line logged while it ran together.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.core.signals import request_finished
from django.dispatch import receiver
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

HEADER = "X-Request-ID"
# A proxy's id is kept only when the operator says a proxy sets it, and only in a shape that cannot forge log lines.
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{8,64}")
_current: ContextVar[str] = ContextVar("request_id", default="-")
access = logging.getLogger("tvatakt.request")


def current() -> str:
    """The id of the request this thread is answering, or "-" outside a request (tasks, commands)."""
    return _current.get()


def _incoming(request) -> str | None:
    if not settings.REQUEST_ID_FROM_PROXY:
        return None
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if _SAFE_ID.fullmatch(given) else None


class RequestIdMiddleware:
    """First in the chain, so every later log line and the error page see the id; the answer carries it too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = _incoming(request) or uuid.uuid4().hex
        # Not reset on the way out: Django logs a 4xx after the middleware has returned. request_finished does.
        _current.set(request.id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[HEADER] = request.id
        if access.isEnabledFor(logging.INFO):  # an operator who turned the access log off pays nothing for it
            self._log(request, response, started)
        return response

    @staticmethod
    def _log(request, response, started: float) -> None:
        # The path without its query: a query may hold a search a person typed, which the log need not keep.
        access.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )


@receiver(request_finished)
def _forget(**_kwargs) -> None:
    """The answer is sent: what the thread logs next is not this request's."""
    _current.set("-")


class RequestIdFilter(logging.Filter):
    """Puts the current request id on each record, for both the JSON and the text format."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current.get()
        return True


class JsonLines(JsonFormatter):
    """One JSON object a line: time, level, logger, message, request id, and any extra fields the caller gave.

    Django's request logger attaches the request object itself; it is left out (it would print as its repr)."""

    def __init__(self, *args, **kwargs):
        super().__init__(
            "{levelname}{name}{message}",
            style="{",
            timestamp="time",  # ISO 8601 in UTC, whatever the server's zone
            rename_fields={"levelname": "level", "name": "logger"},
            reserved_attrs=[*RESERVED_ATTRS, "request"],
            json_ensure_ascii=False,
            **kwargs,
        )
