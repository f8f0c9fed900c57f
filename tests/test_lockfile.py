"""requirements.lock pins, with hashes, a version of every runtime dependency that pyproject.toml allows.

A dependency added to pyproject.toml without locking again would install unpinned in production, or not at all
with --require-hashes; this says so in the same change."""

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def pinned() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {canonicalize_name(name): version for name, version in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", text, re.M)}


def test_every_runtime_dependency_is_pinned_within_its_range():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    locked = pinned()
    for line in declared:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in requirements.lock: lock again (docs/operators.md)"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"requirements.lock pins {requirement.name} {locked[name]}, outside {requirement.specifier}"
        )


def test_every_pin_carries_a_hash():
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = [block for block in re.split(r"\n(?=[A-Za-z0-9_.\-]+==)", text) if re.match(r"[A-Za-z0-9_.\-]+==", block)]
    assert pins and all("--hash=sha256:" in block for block in pins)
