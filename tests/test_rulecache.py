"""No code from a cache (issue 11, point 1).

pzspec used to keep the shipped rule data as a pickle in the user's cache folder: a file
planted there ran code, and a tampered one changed verdicts under the shipped files' hashes.
A verified data-only cache saved no measurable time, so there is no cache at all: these tests
run ``pzspec check`` in a fresh process, as a user on a shared machine would, with a cache
folder full of planted files.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PORTFOLIO = ROOT / "examples" / "portfolios" / "pz-te-weinig-ervaring.yaml"
SRC = ROOT / "src" / "pzspec"
EXPLOIT = b"cos\nsystem\n(S'touch {marker}'\ntR."  # what a pickle exploit looks like


def run_check(cache_home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PZSPEC_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(cache_home)
    env["HOME"] = str(cache_home)
    return subprocess.run(
        [sys.executable, "-m", "pzspec", "check", str(PORTFOLIO), "--as-of", "2026-01-01",
         "--format", "json"],
        capture_output=True, text=True, env=env, check=False, cwd=ROOT,
    )  # fmt: skip


def test_no_module_can_unpickle() -> None:
    """No code path imports a format that constructs objects."""
    banned = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle"}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]]
            assert not banned & set(names), f"{path.name} imports {banned & set(names)}"


def test_planted_cache_files_are_never_read_and_nothing_is_written(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = EXPLOIT.replace(b"{marker}", str(marker).encode())
    planted = tmp_path / ".cache" / "pzspec"
    for folder in (tmp_path / "pzspec", planted, tmp_path / "pzspec" / "rules"):
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("shipped-0.pickle", "shipped.json", "x.json"):
            (folder / name).write_bytes(payload)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    result = run_check(tmp_path)
    assert result.returncode == 1, result.stderr
    assert not marker.exists()
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_provenance_describes_the_files_actually_used(tmp_path: Path) -> None:
    result = run_check(tmp_path)
    sets = json.loads(result.stdout)["provenance"]["rule_sets"]
    data = ROOT / "data"
    for entry in sets:
        path = data / entry["file"].removeprefix("pzspec:data/")
        assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest(), entry["file"]
    exp = next(r for r in json.loads(result.stdout)["requirements"] if r["id"] == "experience")
    assert exp["required_months"] == 24
