"""The registration rush: many people at once for the last seats of an event, over HTTP against `tvatakt serve`.

Each round makes a fresh event with SEATS seats and sends CLIENTS registrations at the same moment through the
API (one connection each, all sent at once from one thread and a selector). Checked each round: exactly SEATS
confirmed, the rest on the waiting list, no errors. Reported: p50/p99 latency, the queries one registration
costs (in-process), and the uncontended throughput (registrations a second from a few clients for an event
with room for all). Usage: DATABASE_URL=postgres://… bench/rush [--rounds 5] [--clients 200] [--seats 20]."""

import argparse
import asyncio
import hashlib
import json
import selectors
import socket
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import environment, start_server, tvatakt, wrk  # noqa: E402 - the bench's own helpers

MAKE_EVENT = """
import datetime, json
from django.utils import timezone
from tvatakt.inclusion.models import Event
from tvatakt.organisation.models import Organisation
now = timezone.now()
host = Organisation.objects.filter(kind="district_administration").order_by("pk").first()
event = Event.objects.create(
    slug="bench-rush-{tag}", kind="workshop", title="Rusning {tag}", description="Bänk.", host=host,
    online_url="https://example.se/mote", starts_at=now + datetime.timedelta(days=5),
    ends_at=now + datetime.timedelta(days=5, hours=2), capacity={seats},
    registration_opens=now - datetime.timedelta(days=1), registration_closes=now + datetime.timedelta(days=4),
    state="published",
)
print("EVENT" + json.dumps(event.slug))
"""
COUNT = """
import json
from tvatakt.inclusion.models import Event
event = Event.objects.get(slug="{slug}")
statuses = list(event.registrations.values_list("status", flat=True))
held = sum(event.registrations.filter(holds_seats=True).values_list("seats", flat=True))
print("COUNT" + json.dumps({{"confirmed": statuses.count("confirmed"), "waiting": statuses.count("waiting"),
                            "seats_taken": event.seats_taken, "held": held}}))
"""
QUERIES = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
person = {{"name": "Q", "age_group": "30-49"}}
counts = []
for number in range(2):  # the first reads the event; the second finds it read by the process (a second at most)
    body = json.dumps({{"contact_name": "Q", "email": f"q{{number}}@example.se", "participants": [person]}})
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/api/v1/events/{slug}/registrations", body, content_type="application/json")
    assert response.status_code == 201, response.content
    counts.append(len(queries))
print("QUERIES" + json.dumps(counts))
"""


def shell(env, script: str, marker: str):
    output = tvatakt(env, "shell", "-c", script, capture_output=True, text=True).stdout
    return json.loads(output.split(marker, 1)[1].splitlines()[0])


def request_bytes(base: str, slug: str, number: int, tag: str) -> bytes:
    body = json.dumps({
        "contact_name": f"Deltagare {number}", "email": f"rush-{tag}-{number}@example.se",
        "participants": [{"name": f"Deltagare {number}", "age_group": "30-49"}],
    }).encode()  # fmt: skip
    host = urlsplit(base).netloc
    # Each client from an address of its own, as a rush of people is: the rate limit per address is counted (its
    # cost is in the numbers) but not reached. Drawn from the run's tag, so that no address comes back in the next
    # round or run of the same hour (the registration limit is 30 an hour per address).
    a, b, c = hashlib.blake2b(f"{tag}-{number}".encode(), digest_size=3).digest()
    address = f"10.{a}.{b}.{c}"
    head = (
        f"POST /api/v1/events/{slug}/registrations HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nIdempotency-Key: {tag}-{number}\r\nX-Forwarded-For: {address}\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode() + body


async def post(base: str, slug: str, number: int, tag: str) -> tuple[float, int, str]:
    """One registration on a connection of its own, as a browser's would be. (ms, status, registration status)"""
    parts = urlsplit(base)
    payload = request_bytes(base, slug, number, tag)
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
    try:
        writer.write(payload)
        await writer.drain()
        answer = await asyncio.wait_for(reader.read(), timeout=60)  # to the end: the server closes
    finally:
        writer.close()
    return _answer(started, answer)


def rush(base: str, slug: str, clients: int, tag: str) -> list[tuple[float, int, str]]:
    """All clients at once, each on a connection of its own, from one thread: non-blocking sockets and a
    selector. The load generator shares the server's two cores, so it is kept light: two hundred threads took CPU
    from the server and added their own scheduling to the latencies they measured, and asyncio's streams cost
    0.5 ms of CPU a request (a tenth of a registration's); this costs about a fifth of that."""
    parts = urlsplit(base)
    payloads = [request_bytes(base, slug, number, tag) for number in range(clients)]
    selector = selectors.DefaultSelector()
    results: list[tuple[float, int, str]] = []
    for payload in payloads:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex((parts.hostname, parts.port))
        selector.register(sock, selectors.EVENT_WRITE, {"started": time.perf_counter(), "out": payload, "in": b""})
    deadline = time.monotonic() + 60
    while selector.get_map() and time.monotonic() < deadline:
        for key, mask in selector.select(timeout=1):
            sock, state = key.fileobj, key.data
            try:
                if mask & selectors.EVENT_WRITE:
                    state["out"] = state["out"][sock.send(state["out"]) :]
                    if not state["out"]:
                        selector.modify(sock, selectors.EVENT_READ, state)
                    continue
                chunk = sock.recv(65536)
            except OSError:
                chunk = b""  # refused or reset: counted as an error below
            if chunk:
                state["in"] += chunk
                continue
            selector.unregister(sock)
            sock.close()  # the server closes after its answer (Connection: close): the answer is complete
            results.append(_answer(state["started"], state["in"]))
    for key in list(selector.get_map().values()):  # no answer within a minute
        selector.unregister(key.fileobj)
        key.fileobj.close()
        results.append((60_000.0, 0, ""))
    return results


def _answer(started: float, answer: bytes) -> tuple[float, int, str]:
    elapsed = 1000 * (time.perf_counter() - started)
    head, _, body = answer.partition(b"\r\n\r\n")
    try:
        status = int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return elapsed, 0, ""
    return elapsed, status, json.loads(body).get("status", "") if status == 201 else ""


def throughput(base: str, slug: str, clients: int, seconds: float, tag: str) -> float:
    async def client(number: int, stop: float) -> int:
        count = 0
        while time.monotonic() < stop:
            _latency, status, _answer = await post(base, slug, number * 100_000 + count, tag)
            if status == 201:
                count += 1
        return count

    async def everyone() -> float:
        started = time.monotonic()
        done = await asyncio.gather(*(client(number, started + seconds) for number in range(clients)))
        return sum(done) / (time.monotonic() - started)

    return asyncio.run(everyone())


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seats", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    env, database = environment()
    env["TVATAKT_CLIENT_IP_HEADER"] = "X-Forwarded-For"  # as behind the city's proxy: see post()
    Path(env["TVATAKT_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    tvatakt(env, "migrate", "-v0")
    tvatakt(env, "load_demo")
    stamp = str(int(time.time()))
    slugs = [shell(env, MAKE_EVENT.format(tag=f"{stamp}-{n}", seats=args.seats), "EVENT") for n in range(args.rounds)]
    roomy = shell(env, MAKE_EVENT.format(tag=f"{stamp}-roomy", seats=100_000), "EVENT")
    queries = shell(env, QUERIES.format(slug=roomy), "QUERIES")
    process, base = start_server(env, args.workers)
    rows = []
    try:
        # The machine's speed in this run, to compare runs by: these machines' speed changes by the hour.
        wrk(base + "/healthz", 2, 8)
        hello = wrk(base + "/healthz", 5, 8)["rps"]
        # A server that has been up has served registrations before the rush: every worker thread has its database
        # connection, and the database its caches for the tables. One unmeasured burst, to an event with room for
        # all, makes them, so that the first round is not also the server's first registrations.
        rush(base, roomy, args.clients, f"{stamp}-warm")
        for number, slug in enumerate(slugs):
            results = rush(base, slug, args.clients, f"{stamp}-{number}")
            counts = shell(env, COUNT.format(slug=slug), "COUNT")
            latencies = [latency for latency, _status, _answer in results]
            rows.append({
                "round": number + 1, **counts, "errors": sum(1 for _l, status, _a in results if status >= 300),
                "p50_ms": percentile(latencies, 0.5), "p99_ms": percentile(latencies, 0.99),
            })  # fmt: skip
        rate = throughput(base, roomy, 4, 10.0, f"{stamp}-flow")
    finally:
        process.terminate()
        process.wait(timeout=20)
    print(f"\n{database}, {args.workers} workers: {args.clients} clients at once for {args.seats} seats\n")
    print("| round | confirmed | waiting | seats taken | errors | p50 ms | p99 ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(f"| {row['round']} | {row['confirmed']} | {row['waiting']} | {row['seats_taken']} | {row['errors']} "
              f"| {row['p50_ms']:.0f} | {row['p99_ms']:.0f} |")  # fmt: skip
    exact = all(row["confirmed"] == row["seats_taken"] == row["held"] == args.seats for row in rows)
    worst = max(row["p99_ms"] for row in rows)
    print(f"\nExactly {args.seats} confirmed every round: {'yes' if exact else 'NO'}. Worst p99: {worst:.0f} ms. "
          f"Queries a registration: {queries[0]}, {queries[1]} with the event read by the process. "
          f"Uncontended: {rate:.0f} registrations/s (4 clients, 10 s); "
          f"median round p50 {statistics.median(row['p50_ms'] for row in rows):.0f} ms. "
          f"Hello (/healthz, 8 connections) in the same run: {hello:.0f} requests/s.")  # fmt: skip


if __name__ == "__main__":
    main()
