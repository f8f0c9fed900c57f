"""The WSGI entry point hands granian a whole answer as one byte string, and a stream as it is; either way the
response is closed once (Django's request_finished), as a WSGI server would close it."""

import pytest
from django.core.signals import request_finished
from django.http import StreamingHttpResponse
from django.test import RequestFactory

from tvatakt import wsgi

pytestmark = pytest.mark.django_db


def call(path: str):
    environ = RequestFactory().get(path).environ
    started = []
    finished = []

    def note(**_kwargs):
        finished.append(True)

    request_finished.connect(note)
    try:
        body = wsgi.application(environ, lambda status, headers, exc_info=None: started.append(status))
    finally:
        request_finished.disconnect(note)
    return body, started, finished


def test_a_whole_answer_is_one_byte_string_and_the_response_is_closed():
    body, started, finished = call("/healthz")
    assert isinstance(body, list) and len(body) == 1 and isinstance(body[0], bytes)
    assert started == ["200 OK"] and finished == [True]


def test_a_stream_is_left_to_the_server_to_read_and_close():
    streamed = StreamingHttpResponse(iter([b"a,", b"b\n"]))
    original = wsgi.django_application
    wsgi.django_application = lambda environ, start_response: streamed
    try:
        assert wsgi.application({}, None) is streamed and not streamed.closed
    finally:
        wsgi.django_application = original
    assert b"".join(streamed) == b"a,b\n"
