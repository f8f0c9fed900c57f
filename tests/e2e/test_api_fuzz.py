"""Schemathesis fuzzes the JSON API from its own OpenAPI document, against a live server: no 5xx, every answer's
status documented and its body as the document says, and a request the document forbids is refused.

One check is left out: that every request the document allows is accepted. The services refuse well-formed
requests on purpose (a gate decision needs a reason, an idea's phase may be over, a seat may be gone), with a 4xx
that says why; a schema cannot carry those rules.

Bounded (a fixed seed and a few examples an operation, about a minute) so CI stays within its time and a failure
can be replayed. Writes go through a staff member's API key, on a server and database of their own.
Checked by putting back the unbounded page offset (`?offset=` past 2**63): the run failed with a 500 (ST101)."""

import subprocess
import sys

import pytest

# An IT director's key reaches every write endpoint; a citizen's would be refused before the body is read.
STAFF = "it-direktor"
EXAMPLES = 8


def api_key(env: dict[str, str]) -> str:
    make = (
        "from tvatakt.api.services import api_token_create; from tvatakt.organisation.models import Person; "
        f"print(api_token_create(actor=Person.objects.get(username={STAFF!r}), name='fuzz')[1])"
    )
    done = subprocess.run(  # noqa: S603 - this project's own command
        [sys.executable, "-m", "tvatakt", "shell", "-c", make], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.timeout(420)
def test_the_api_keeps_to_its_own_document_under_fuzzing(fuzz_server, tmp_path):
    base, env = fuzz_server
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{base}api/v1/openapi.json", "--no-color"]
    command += ["--checks", "all", "--exclude-checks", "positive_data_acceptance"]
    command += ["--max-examples", str(EXAMPLES), "--seed", "1", "--workers", "1"]
    command += ["--header", f"Authorization: Bearer {api_key(env)}", "--report", "junit", "--report-dir", str(tmp_path)]
    run = subprocess.run(command, capture_output=True, text=True, check=False, timeout=400, cwd=tmp_path)  # noqa: S603
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-5000:]
