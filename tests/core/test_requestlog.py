"""Every answer carries a request id, every log line written while it ran carries the same id, and the logs are
JSON lines. Checked by taking RequestIdMiddleware out of MIDDLEWARE: the header, log and error-page tests failed."""

import io
import json
import logging
import re

import pytest
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from tvatakt import urls as site_urls
from tvatakt.core.requestlog import JsonLines, RequestIdFilter

HEX_ID = re.compile(r"[0-9a-f]{32}")


def boom(request):
    raise RuntimeError("a fault of ours")


def logs_something(request):
    logging.getLogger("tvatakt.example").warning("something worth a look", extra={"thing": "ö"})
    return HttpResponse("ok")


urlpatterns = [path("boom/", boom), path("loggar/", logs_something), *site_urls.urlpatterns]
handler500 = "tvatakt.web.views.server_error"


@pytest.fixture
def json_log():
    """What the site's console handler would write, captured: the JSON formatter and the request-id filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLines())
    handler.addFilter(RequestIdFilter())
    loggers = [logging.getLogger(name) for name in ("tvatakt.request", "tvatakt.example", "django.request")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for logger, level in zip(loggers, levels, strict=True):
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_every_answer_has_its_own_request_id(client, db):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert HEX_ID.fullmatch(first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_an_id_from_outside_is_ignored_unless_a_proxy_is_trusted_to_set_it(client, db):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="from-the-proxy-1234")["X-Request-ID"] != "from-the-proxy-1234"
    with override_settings(REQUEST_ID_FROM_PROXY=True):
        assert client.get("/healthz", HTTP_X_REQUEST_ID="from-the-proxy-1234")["X-Request-ID"] == "from-the-proxy-1234"
        # A line break or a very long value could forge or flood log lines: a fresh id instead.
        forged = client.get("/healthz", HTTP_X_REQUEST_ID="x\n{level: INFO}")["X-Request-ID"]
        assert HEX_ID.fullmatch(forged)


@override_settings(ROOT_URLCONF=__name__)
def test_each_log_line_is_json_with_the_answers_request_id(client, db, json_log):
    response = client.get("/loggar/?q=my+own+search")
    lines = json_log()
    warning = next(line for line in lines if line["logger"] == "tvatakt.example")
    assert warning["level"] == "WARNING"
    assert warning["message"] == "something worth a look"
    assert warning["thing"] == "ö"  # extra fields kept, and not escaped to \\u00f6
    assert warning["request_id"] == response["X-Request-ID"]
    assert warning["time"].startswith("20")
    access = next(line for line in lines if line["logger"] == "tvatakt.request")
    assert access["request_id"] == response["X-Request-ID"]
    assert (access["method"], access["path"], access["status"]) == ("GET", "/loggar/", 200)
    assert "my own search" not in json.dumps(lines) and "q=" not in json.dumps(lines)


def test_a_refusal_that_django_logs_after_the_answer_carries_the_id_too(client, db, json_log):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    refusal = next(line for line in json_log() if line["logger"] == "django.request")
    assert refusal["request_id"] == response["X-Request-ID"]


@override_settings(ROOT_URLCONF=__name__)
def test_the_error_page_gives_the_code_that_finds_the_logged_error(db, json_log):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    code = response["X-Request-ID"]
    assert code in response.content.decode()
    error = next(line for line in json_log() if line["logger"] == "django.request")
    assert error["request_id"] == code
    assert "RuntimeError" in error.get("exc_info", "")


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("tvatakt.task", logging.INFO, __file__, 1, "done", None, None)
    RequestIdFilter().filter(record)
    assert json.loads(JsonLines().format(record))["request_id"] == "-"
