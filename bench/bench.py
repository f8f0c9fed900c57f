"""Load-test the key pages of a `tvatakt serve` over Stockholm-scale data, as ratios to a bare view.

Each page's throughput is divided by that of /healthz (a view that touches nothing) measured on the
same server in the same run, because absolute numbers on shared machines are noisy.
"""

import argparse
import datetime
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
HELLO = ("hello (/healthz)", "/healthz", None)
FIVE_FACETS = '["organization","groups","tags","res_format","license_id"]'
# (name, path, minimum ratio to hello); key pages have the higher bar.
PAGES = [
    ("home", "/", 0.25),
    ("organisation directory", "/organisationer/", 0.4),
    ("directory, filtered", "/organisationer/?kind=district_administration&cluster=skola-och-forskola", 0.4),
    ("organisation page", "/organisationer/utbildningsforvaltningen/", 0.25),
    ("unit list", "/enheter/", 0.25),
    ("unit page", "/enheter/digital-fornyelse/", 0.25),
    ("cluster list", "/kluster/", 0.25),
    ("cluster page", "/kluster/skola-och-forskola/", 0.25),
    ("two-tempo board", "/portfolj/", 0.25),
    ("board, filtered", "/portfolj/?unit=digital-fornyelse&health=amber", 0.25),
    ("portfolio dashboard", "/portfolj/oversikt/", 0.25),
    ("initiative list", "/portfolj/initiativ/", 0.4),
    ("initiative list, filtered", "/portfolj/initiativ/?mode=sprint&status=active&cluster=skola-och-forskola", 0.4),
    ("process types", "/portfolj/processer/", 0.25),
    ("council", "/radet/", 0.25),
    ("decision log", "/radet/beslut/", 0.25),
    ("decision log, filtered", "/radet/beslut/?organisation=stadsarkivet&status=in_progress", 0.25),
    ("adoption dashboard", "/radet/inforande/", 0.25),
    ("adoption dashboard, page 40", "/radet/inforande/?page=40", 0.25),
    ("meeting minutes", "/radet/moten/1/protokoll/", 0.25),
    ("cluster forum", "/radet/kluster/skola-och-forskola/", 0.25),
    ("log-in page", "/logga-in/", 0.25),
    ("API: organisations", "/api/v1/organisations?limit=50", 0.25),
    ("API: roles", "/api/v1/roles?limit=50", 0.25),
    ("API: roles, filtered", "/api/v1/roles?role=initiative_lead&limit=50", 0.25),
    ("API: initiatives", "/api/v1/initiatives?limit=50", 0.25),
    ("API: initiatives, filtered", "/api/v1/initiatives?mode=marathon&health=red&limit=50", 0.25),
    ("API: decisions", "/api/v1/decisions?limit=50", 0.25),
    ("API: adoptions, filtered", "/api/v1/adoptions?organisation=stadsarkivet&limit=50", 0.25),
    ("API: proposals", "/api/v1/proposals?limit=50", 0.25),
    ("recognition dashboard", "/erkannande/", 0.25),
    ("recognition, an organisation", "/erkannande/organisationer/utbildningsforvaltningen/", 0.25),
    ("lessons-learned bank", "/erkannande/lardomar/", 0.25),
    ("lessons-learned bank, searched", "/erkannande/lardomar/?q=upphandling", 0.25),
    ("recognition dashboard, a year", "/erkannande/?span=year", 0.25),
    ("awards", "/erkannande/utmarkelser/", 0.25),
    ("API: lessons, searched", "/api/v1/recognition/lessons?q=upphandling", 0.25),
    ("API: balances", "/api/v1/recognition/balances?level=organisation", 0.25),
    ("open-data catalogue", "/oppna-data/", 0.4),
    ("open-data catalogue, searched", "/oppna-data/?q=luft&theme=ENVI", 0.4),
    ("open-data dataset page", "/oppna-data/luftkvalitet-timvarden/", 0.25),
    ("open-data publisher page", "/oppna-data/utgivare/miljoforvaltningen/", 0.25),
    (
        "CKAN package_search, 5 facets",
        "/api/3/action/package_search?facet.field="
        + quote('["organization","groups","tags","res_format","license_id"]', safe=""),
        0.25,
    ),
    ("CKAN package_search, q", "/api/3/action/package_search?q=luft&rows=20", 0.25),
    ("CKAN package_show", "/api/3/action/package_show?id=luftkvalitet-timvarden", 0.25),
    ("DCAT catalogue page (Turtle)", "/catalog.ttl?page=1", 0.25),
    ("events list", "/aktiviteter/", 0.4),
    ("events list, filtered", "/aktiviteter/?age=7-12&district=jarva-stadsdelsforvaltning&free=1", 0.25),
    ("event page (registration open)", "/aktiviteter/gen-0000601/", 0.25),  # generated, 12 days ahead
    ("reach dashboard", "/aktiviteter/rackvidd/", 0.25),
    ("API: events", "/api/v1/events?limit=50", 0.25),
    ("consultation (2,500 ideas)", "/dialog/gen-dialog-000/", 0.25),  # generated
    ("consultation, searched and sorted", "/dialog/gen-dialog-001/?q=skolv%C3%A4gar&sort=support", 0.25),
    ("consultation statistics", "/dialog/gen-dialog-002/statistik/", 0.25),
    ("API: ideas", "/api/v1/consultations/gen-dialog-000/ideas?limit=50&sort=support", 0.25),
    ("hackathon with results", "/hackathon/hacka-skolvagen/", 0.25),
    ("hackathon challenge", "/hackathon/hacka-skolvagen/trygg-skolvag/", 0.25),
    ("API: hackathon", "/api/v1/hackathons/hacka-skolvagen", 0.25),
    ("API docs", "/api/v1/docs", 0.25),
]
P99_MS, P50_MS = 150.0, 40.0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--only", default="", help="only the pages whose name has one of these comma-separated words (and hello)"
    )
    return parser.parse_args()


def environment() -> tuple[dict[str, str], str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    url = os.environ.get("DATABASE_URL", "")
    database = "postgresql" if url.startswith("postgres") else "sqlite"
    env["TVATAKT_DATA_DIR"] = str(ROOT / "bench" / ".data" / database)
    # Staff pages are timed as the IT director, logged in by password: the second step would time its redirect.
    env.setdefault("TVATAKT_REQUIRE_TWO_FACTOR", "false")
    # One address sends thousands of API reads a second here. The limit is raised out of reach, not turned off, so
    # that its counting (one upsert a request, without Redis) is in the API's numbers as it is in production.
    out_of_reach = "1000000000/h"
    env.setdefault("TVATAKT_RATE_LIMITS", json.dumps({"api-read": [out_of_reach, out_of_reach]}))
    if database == "postgresql":
        env["DATABASE_URL"] = url.rsplit("/", 1)[0] + "/tvatakt_bench"
        _create_database(env["DATABASE_URL"])
    return env, database


def _create_database(url: str) -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    with psycopg.connect(
        host=config["HOST"], port=config["PORT"] or 5432, user=config["USER"], dbname="postgres", autocommit=True
    ) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone():
            admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


def tvatakt(env, *args, **kwargs):
    return subprocess.run([sys.executable, "-m", "tvatakt", *args], env=env, cwd=ROOT, check=True, **kwargs)


def query_counts(env) -> dict[str, dict]:
    """Queries per page, and the median time to render it uncached for the IT director (a logged-in
    person is never served from the shared cache, and the content version is bumped before each render, so
    nothing kept in it, such as facet counts, is found either), counted in-process against the same database."""
    script = (
        "import json, statistics, time\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "from tvatakt.core.cache import bump_content_version\n"
        "from tvatakt.organisation.models import Person\n"
        "bump_content_version()  # count the queries of a real render, not of a cached page\n"
        "client, staff, out = Client(HTTP_HOST='127.0.0.1'), Client(HTTP_HOST='127.0.0.1'), {}\n"
        "staff.force_login(Person.objects.get(username='it-direktor'))\n"
        f"for path in {[path for _, path, _ in [HELLO, *PAGES]]!r}:\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        assert client.get(path).status_code == 200, path\n"
        "    count = len(queries)  # now: the next request resets the connection's query log\n"
        "    times = []\n"
        "    for _ in range(5):\n"
        "        bump_content_version()  # and so nothing remembered in the shared cache either\n"
        "        started = time.perf_counter()\n"
        "        staff.get(path)\n"
        "        times.append(1000 * (time.perf_counter() - started))\n"
        "    out[path] = {'queries': count, 'staff_ms': statistics.median(times)}\n"
        "print('COUNTS' + json.dumps(out))\n"
    )
    output = tvatakt(env, "shell", "-c", script, capture_output=True, text=True).stdout
    return json.loads(output.split("COUNTS", 1)[1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env, workers: int):
    port = free_port()
    log = open(ROOT / "bench" / ".data" / "server.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [sys.executable, "-m", "tvatakt", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2):
                return process, base
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not start; see bench/.data/server.log")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, duration: int, connections: int) -> dict[str, float]:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--latency", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50_ms": latency["50"],
        "p99_ms": latency["99"],
        "errors": int(errors.group(1)) if errors else 0,
    }


def main() -> None:
    args = parse_args()
    env, database = environment()
    Path(env["TVATAKT_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    tvatakt(env, "migrate", "-v0")
    tvatakt(env, "collectstatic", "--noinput", "-v0")
    started = time.monotonic()
    tvatakt(env, "generate", "--scale", str(args.scale))
    generate_seconds = time.monotonic() - started
    counts = query_counts(env)
    process, base = start_server(env, args.workers)
    rows = []
    try:
        chosen = [page for page in PAGES if any(word in page[0] for word in args.only.split(","))]
        for name, path, minimum in [HELLO, *chosen]:
            # One request first, so that a page slow to render (the reach dashboard takes about a second) is in the
            # cache before eight connections ask for it at once: else wrk's 2-second timeouts pile up renders that
            # hold the workers into the next page's run. The render's cost is the "uncached ms" column.
            with urllib.request.urlopen(base + path, timeout=60) as response:
                response.read()
            wrk(base + path, 2, args.connections)  # warm up
            rows.append(
                {
                    "page": name,
                    "path": path,
                    "minimum_ratio": minimum,
                    **wrk(base + path, args.duration, args.connections),
                }
            )
    finally:
        process.terminate()
        process.wait(timeout=20)
    hello = rows[0]["rps"]
    for row in rows:
        row["ratio"] = row["rps"] / hello
        row["queries"] = counts[row["path"]]["queries"]
        row["staff_ms"] = counts[row["path"]]["staff_ms"]
        row["meets"] = row["minimum_ratio"] is None or (
            row["ratio"] >= row["minimum_ratio"]
            and row["p99_ms"] <= P99_MS
            and row["p50_ms"] <= P50_MS
            and row["errors"] == 0
        )
    print(
        f"\n{database}, scale {args.scale:g}, {args.workers} workers, {args.connections} connections, "
        f"{args.duration} s a page; generate/reuse took {generate_seconds:.0f} s\n"
    )
    print("| page | req/s | ratio to hello | p50 ms | p99 ms | queries | uncached ms | target |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        target = (
            "ceiling" if row["minimum_ratio"] is None else (f"{'✓' if row['meets'] else '✗'} ≥ {row['minimum_ratio']}")
        )
        print(
            f"| {row['page']} | {row['rps']:.0f} | {row['ratio']:.2f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} "
            f"| {row['queries']} | {row['staff_ms']:.0f} | {target} |"
        )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    out = results / f"{stamp}-{database}.json"
    out.write_text(
        json.dumps(
            {
                "database": database,
                "scale": args.scale,
                "workers": args.workers,
                "connections": args.connections,
                "duration": args.duration,
                "rows": rows,
            },
            indent=2,
        )
    )
    print(f"\nJSON: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
