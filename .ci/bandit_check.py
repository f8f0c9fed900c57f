"""Run bandit over the code and fail on any medium- or high-severity finding that is not accepted, with a reason,
in .ci/bandit-reviewed.toml, and on any accepted entry that no longer matches a finding.

Bandit's own baseline file records findings but not why they are fine, and `# nosec` hides the reason in the code
where no reviewer of the list sees it; one reviewed file keeps every acceptance and its reason in one place.
Usage: python .ci/bandit_check.py [--src src] [--reviewed .ci/bandit-reviewed.toml]
"""

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path

SEVERE = {"MEDIUM", "HIGH"}


def findings(src: Path) -> list[dict]:
    run = subprocess.run(  # noqa: S603 - a fixed command; src is the operator's argument
        [sys.executable, "-m", "bandit", "-r", str(src), "-q", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if not run.stdout.strip():
        sys.exit(f"bandit gave no report (exit {run.returncode}):\n{run.stderr}")
    report = json.loads(run.stdout)
    if report.get("errors"):
        sys.exit(f"bandit could not read some files: {report['errors']}")
    return [r for r in report["results"] if r["issue_severity"] in SEVERE]


def flagged_line(result: dict) -> str:
    lines = Path(result["filename"]).read_text(encoding="utf-8").splitlines()
    return lines[result["line_number"] - 1] if 0 < result["line_number"] <= len(lines) else ""


def matches(entry: dict, result: dict) -> bool:
    return (
        Path(result["filename"]) == Path(entry["file"])
        and result["test_id"] in entry["tests"]
        and entry["code"] in flagged_line(result)
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", type=Path, default=Path("src"))
    parser.add_argument("--reviewed", type=Path, default=Path(__file__).with_name("bandit-reviewed.toml"))
    args = parser.parse_args()
    accepted = tomllib.loads(args.reviewed.read_text(encoding="utf-8")).get("accepted", [])
    missing_reason = [entry["file"] for entry in accepted if not entry.get("reason", "").strip()]
    results = findings(args.src)
    unaccepted = [r for r in results if not any(matches(entry, r) for entry in accepted)]
    stale = [entry for entry in accepted if not any(matches(entry, r) for r in results)]
    for r in unaccepted:
        print(f"{r['filename']}:{r['line_number']}: {r['test_id']} ({r['issue_severity']}) {r['issue_text']}")
    for entry in stale:
        print(f"{args.reviewed}: accepted {entry['tests']} in {entry['file']} no longer matches a finding: remove it")
    for file in missing_reason:
        print(f"{args.reviewed}: the entry for {file} gives no reason")
    if unaccepted or stale or missing_reason:
        print(f"{len(unaccepted)} unaccepted finding(s): fix them, or accept each with a reason in {args.reviewed}")
        return 1
    print(f"bandit: {len(results)} medium/high finding(s), all accepted with a reason in {args.reviewed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
