"""Through granian, as in production: an answer Django has whole goes out in one piece (tvatakt.wsgi), and a
streamed one (a static file from WhiteNoise, a CSV export) still goes out whole, byte for byte."""

import re
import urllib.request
from email.message import Message

import pytest

pytestmark = pytest.mark.e2e


def fetch(url: str) -> tuple[int, Message, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own test server
        return response.status, response.headers, response.read()


def test_a_page_a_json_answer_and_a_static_file_arrive_whole(server):
    status, headers, page = fetch(server)
    assert status == 200 and page.rstrip().endswith(b"</html>")
    assert int(headers["Content-Length"]) == len(page)
    status, _headers, body = fetch(server + "api/v1/units")
    assert status == 200 and body.startswith(b"{") and body.endswith(b"}")
    stylesheet = re.search(rb'href="(/static/[^"]+\.css)"', page).group(1).decode()
    status, headers, css = fetch(server + stylesheet.lstrip("/"))
    assert status == 200 and len(css) > 1000 and int(headers["Content-Length"]) == len(css)
