"""The rule-data cache holds data only and is never trusted blindly (issue 11, point 1).

Each test runs ``pzspec check`` in a fresh process, with its own cache folder, the way a
user on a shared machine would meet a planted or tampered cache.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PORTFOLIO = ROOT / "examples" / "portfolios" / "pz-te-weinig-ervaring.yaml"
SRC = ROOT / "src" / "pzspec"


def run_check(cache_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PZSPEC_NO_CACHE"}
    env["XDG_CACHE_HOME"] = str(cache_home)
    return subprocess.run(
        [sys.executable, "-m", "pzspec", "check", str(PORTFOLIO), "--as-of", "2026-01-01",
         "--format", "json", *args],
        capture_output=True, text=True, env=env, check=False, cwd=ROOT,
    )  # fmt: skip


def cache_files(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "pzspec" / "rules").glob("*.json"))


def min_months(out: str) -> int:
    result = json.loads(out)
    exp = next(r for r in result["requirements"] if r["id"] == "experience")
    return int(exp["required_months"])


def tamper(path: Path) -> None:
    """Set the experience minimum in the cached rule data to 0, keeping every hash."""
    data = json.loads(path.read_text("utf-8"))
    for entry in data["files"]:
        model = json.loads(entry["model"])
        for param in model.get("parameters", []):
            if param["id"] == "experience.min-months":
                param["value"] = 0
        entry["model"] = json.dumps(model)
    path.write_text(json.dumps(data), "utf-8")


def test_no_module_can_unpickle() -> None:
    """No code path imports a format that constructs objects."""
    banned = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle"}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name.split(".")[0] for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module.split(".")[0]]
            assert not banned & set(names), f"{path.name} imports {banned & set(names)}"


def test_cache_is_json_in_a_private_folder(tmp_path: Path) -> None:
    first = run_check(tmp_path)
    assert first.returncode == 1, first.stderr
    files = cache_files(tmp_path)
    assert len(files) == 1
    folder = files[0].parent
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert json.loads(files[0].read_text("utf-8"))["format"] == "pzspec-cache/2"
    again = run_check(tmp_path)  # from the cache: the same result
    assert again.stdout == first.stdout


def test_planted_pickle_is_never_loaded(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    folder = tmp_path / "pzspec" / "rules"
    folder.mkdir(parents=True, mode=0o700)
    payload = (
        b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR."
    )  # what a pickle exploit looks like
    for name in ("shipped.pickle", "x.json"):
        (folder / name).write_bytes(payload)
    (tmp_path / "pzspec" / "shipped-0.pickle").write_bytes(payload)
    assert run_check(tmp_path).returncode == 1
    assert not marker.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a file to another user")
def test_cache_of_another_user_is_ignored(tmp_path: Path) -> None:
    assert min_months(run_check(tmp_path).stdout) == 24
    (path,) = cache_files(tmp_path)
    tamper(path)
    os.chown(path, 65534, 65534)  # nobody: another user planted it
    assert min_months(run_check(tmp_path).stdout) == 24


def test_cache_in_a_folder_others_can_write_is_ignored(tmp_path: Path) -> None:
    assert min_months(run_check(tmp_path).stdout) == 24
    (path,) = cache_files(tmp_path)
    tamper(path)
    path.parent.chmod(0o777)  # a shared cache folder
    result = run_check(tmp_path)
    assert min_months(result.stdout) == 24
    path.parent.chmod(0o700)
    path.chmod(0o666)  # a cache file anyone can replace
    assert min_months(run_check(tmp_path).stdout) == 24


def test_cache_for_other_data_is_not_used(tmp_path: Path) -> None:
    """A cache whose recorded hashes differ from the shipped files' is rebuilt, so the
    provenance always names the data that decided."""
    first = run_check(tmp_path)
    (path,) = cache_files(tmp_path)
    data = json.loads(path.read_text("utf-8"))
    data["files"][-1]["sha256"] = "0" * 64
    tamper_target = json.loads(data["files"][-1]["model"])
    for param in tamper_target["parameters"]:
        if param["id"] == "experience.min-months":
            param["value"] = 0
    data["files"][-1]["model"] = json.dumps(tamper_target)
    path.write_text(json.dumps(data), "utf-8")
    again = run_check(tmp_path)
    assert min_months(again.stdout) == 24
    assert json.loads(again.stdout)["provenance"] == json.loads(first.stdout)["provenance"]


def test_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    run_check(tmp_path)
    (path,) = cache_files(tmp_path)
    path.write_text("{not json", "utf-8")
    result = run_check(tmp_path)
    assert result.returncode == 1 and result.stderr == ""
    assert min_months(result.stdout) == 24
