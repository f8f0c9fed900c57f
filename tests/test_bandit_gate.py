"""The bandit gate in CI (.ci/bandit_check.py) fails on a medium finding nobody accepted, and on a stale acceptance.

Checked by removing the gate's filter during development: with every finding treated as accepted, the first test
passed where it must fail, and it failed again once the filter was back."""

import subprocess
import sys
from pathlib import Path

CHECK = Path(__file__).resolve().parents[1] / ".ci" / "bandit_check.py"
RISKY = "from django.utils.safestring import mark_safe\n\n\ndef shout(text):\n    return mark_safe(text)\n"
ACCEPTED = """[[accepted]]
file = "{file}"
tests = ["B308", "B703"]
code = "return mark_safe(text)"
reason = "{reason}"
"""


def gate(tmp_path: Path, reviewed: str) -> subprocess.CompletedProcess:
    (tmp_path / "reviewed.toml").write_text(reviewed, encoding="utf-8")
    return subprocess.run(  # noqa: S603 - this project's own script
        [sys.executable, str(CHECK), "--src", "code", "--reviewed", "reviewed.toml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def code(tmp_path: Path, text: str = RISKY) -> None:
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "shout.py").write_text(text, encoding="utf-8")


def test_an_unaccepted_finding_fails_the_run_and_says_where(tmp_path):
    code(tmp_path)
    result = gate(tmp_path, "")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "code/shout.py:5: B308" in result.stdout


def test_a_finding_accepted_with_a_reason_passes(tmp_path):
    code(tmp_path)
    result = gate(tmp_path, ACCEPTED.format(file="code/shout.py", reason="Only fixed words are shouted."))
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_acceptance_without_a_reason_fails(tmp_path):
    code(tmp_path)
    result = gate(tmp_path, ACCEPTED.format(file="code/shout.py", reason=" "))
    assert result.returncode == 1
    assert "gives no reason" in result.stdout


def test_an_acceptance_that_no_longer_matches_fails_so_the_list_stays_honest(tmp_path):
    code(tmp_path, "def shout(text):\n    return text.upper()\n")
    result = gate(tmp_path, ACCEPTED.format(file="code/shout.py", reason="Only fixed words are shouted."))
    assert result.returncode == 1
    assert "no longer matches" in result.stdout
