"""A tiny HTTP server the harvest tests run in a thread: each path answers what the test put there, and every
request is noted, so a test can see what the harvester asked for."""

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Answer:
    body: bytes
    content_type: str = "text/turtle"
    status: int = 200
    delay: float = 0.0


@dataclass
class Source:
    """Answers by path; a callable answer is given the query's parameters."""

    answers: dict = field(default_factory=dict)
    requests: list = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


def start() -> tuple[ThreadingHTTPServer, Source]:
    source = Source()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            source.requests.append((parts.path, query, self.headers.get("Accept", "")))
            answer = source.answers.get(parts.path)
            if callable(answer):
                answer = answer(query)
            if answer is None:
                answer = Answer(b"<html><body>Not found</body></html>", "text/html", 404)
            time.sleep(answer.delay)
            try:
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.content_type)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the harvester gave up waiting, as a timeout test wants

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    source.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, source
