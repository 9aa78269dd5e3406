"""pzspec diff --git, and the CI recipes of docs/ci.md run command by command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT
from tests.diff_helpers import (
    DATA,
    GIT,
    MIN_MONTHS,
    RULES,
    edit,
    needs_git,
    run,
)
from tests.test_examples import EXAMPLES


# --- git ---------------------------------------------------------------------------------
def git(*args: str, cwd: Path) -> str:
    assert GIT is not None
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    done = subprocess.run(
        [GIT, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@needs_git
def test_git_compares_the_working_copy_with_a_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git("init", "-q", "-b", "main", cwd=repo)
    shutil.copytree(DATA, repo / "data")
    git("add", ".", cwd=repo)
    git("commit", "-qm", "regels", cwd=repo)
    edit(repo / "data" / RULES, MIN_MONTHS[0], MIN_MONTHS[1].format(36))
    monkeypatch.chdir(repo)
    code, out, err = run("--git", "HEAD", "data", "--format", "json")
    assert code == 1, err
    [change] = json.loads(out)["changes"]
    assert (change["path"], change["old"], change["new"]) == (
        "parameters.experience.min-months",
        24,
        36,
    )
    code, out, _ = run("--git", "HEAD")  # data/ by default
    assert code == 1 and "HEAD:data → data" in out
    git("commit", "-qam", "36 maanden", cwd=repo)
    code, out, _ = run("--git", "HEAD", "--format", "json")
    assert code == 0 and json.loads(out)["changes"] == []
    code, _, _ = run("--git", "HEAD~1", "data/rules/2025-03.yaml", "--format", "json")
    assert code == 1  # a single file at a revision
    code, _, err = run("--git", "bestaat-niet", "data")
    assert code == 2 and "bestaat-niet" in err
    code, _, err = run("--git", "HEAD", "old", "new")
    assert code == 2
    code, _, err = run("--git", "--output=x", "data")
    assert code == 2 and not (repo / "x").exists()


@needs_git
def test_git_reports_broken_rules_at_the_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    (repo / "regels").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=repo)
    (repo / "regels" / "besluit.yaml").write_text("pzspec: overlay/1\nid: x\n", encoding="utf-8")
    git("add", ".", cwd=repo)
    git("commit", "-qm", "kapot", cwd=repo)
    shutil.copy(
        ROOT / "docs" / "examples" / "overlay-vvn-vig.yaml", repo / "regels" / "besluit.yaml"
    )
    monkeypatch.chdir(repo)
    code, _, err = run("--git", "HEAD", "regels")
    assert code == 2
    assert "HEAD:regels/besluit.yaml" in err


# --- the CI recipes of docs/ci.md ----------------------------------------------------------
CI_DOC = ROOT / "docs" / "ci.md"
BASE_OVERLAY = """\
pzspec: overlay/1
id: vereniging-besluit-2026
extends: "2025-03"
title: "Besluit werkervaring"
publisher: "Vereniging (test)"
valid_from: 2025-06-01
source: "Besluit 2025, artikel 1"
set:
  experience.min-months:
    value: 24
    source: "Besluit 2025, artikel 1"
"""


def yaml_blocks(text: str) -> list[Any]:
    yaml = YAML(typ="safe")
    return [yaml.load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def recipe_commands() -> dict[str, list[tuple[str, dict[str, str]]]]:
    """The shell lines of both recipes with the environment their job gives them."""
    blocks = yaml_blocks(CI_DOC.read_text(encoding="utf-8"))
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    gitlab = next(b for b in blocks if isinstance(b, dict) and "regeldata" in b)
    github: list[tuple[str, dict[str, str]]] = []
    for step in workflow["jobs"]["regels"]["steps"]:
        env = {
            k: str(v).replace("${{ github.base_ref }}", "main")
            for k, v in (step.get("env") or {}).items()
        }
        for line in str(step.get("run", "")).splitlines():
            if line.strip():
                github.append((line.strip(), env))
    job = gitlab["regeldata"]
    env = {
        k: str(v).replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
        for k, v in job["variables"].items()
    }
    env["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main"
    lines = [*job["before_script"], *job["script"]]
    lab = [(line, env) for line in lines]
    lab += [(line, {}) for line in gitlab["regeldata-validate"]["script"]]
    return {"github": github, "gitlab": lab}


def test_recipes_are_complete() -> None:
    commands = recipe_commands()
    for name in ("github", "gitlab"):
        lines = [line for line, _ in commands[name]]
        assert any(line.startswith("pzspec validate regels/") for line in lines), name
        assert any(
            line.startswith('pzspec diff --git "$BASE" regels/ --portfolios portfolios/')
            for line in lines
        ), name
        assert any("--format markdown" in line for line in lines), name
        assert any(line.startswith("pzspec test portfolios/ --rules regels/") for line in lines)
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["pzspec-validate", "pzspec-test"]
    hook = hooks[0]
    assert hook["id"] == "pzspec-validate"
    assert hook["entry"] == "pzspec validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    assert re.search(hook["files"], "regels/besluit.yaml") and re.search(hook["files"], "a.yml")
    assert not re.search(hook["files"], "README.md")


def rule_repository(tmp_path: Path, change: str) -> Path:
    """A vereniging's repository: origin with main, and a clone on a proposal branch."""
    origin = tmp_path / "origin.git"
    git("init", "-q", "--bare", "-b", "main", str(origin), cwd=tmp_path)
    work = tmp_path / "work"
    git("clone", "-q", str(origin), str(work), cwd=tmp_path)
    git("checkout", "-q", "-b", "main", cwd=work)
    (work / "regels").mkdir()
    (work / "regels" / "besluit.yaml").write_text(BASE_OVERLAY, encoding="utf-8")
    shutil.copytree(ROOT / "examples" / "portfolios", work / "portfolios")
    git("add", ".", cwd=work)
    git("commit", "-qm", "regels en portfolio's", cwd=work)
    git("push", "-q", "origin", "main", cwd=work)
    git("checkout", "-q", "-b", "voorstel", cwd=work)
    if change == "breaking":
        edit(work / "regels" / "besluit.yaml", "    value: 24\n", "    value: 54\n")
    else:
        edit(
            work / "regels" / "besluit.yaml",
            'title: "Besluit werkervaring"',
            'title: "Besluit over werkervaring"',
        )
    git("commit", "-qam", "voorstel", cwd=work)
    return work


def shell(line: str, cwd: Path, env: dict[str, str], summary: Path) -> int:
    bin_dir = str(Path(sys.executable).parent)
    full = {
        **os.environ,
        **env,
        "GITHUB_STEP_SUMMARY": str(summary),
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
    }
    full.pop("NO_COLOR", None)
    return subprocess.run(
        ["bash", "-c", line], cwd=cwd, env=full, capture_output=True, text=True, check=False
    ).returncode


@needs_git
@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("ci", ["github", "gitlab"])
@pytest.mark.parametrize("change", ["breaking", "editorial"])
def test_recipe_commands_run(tmp_path: Path, ci: str, change: str) -> None:
    assert shutil.which("pzspec", path=str(Path(sys.executable).parent)), (
        "pzspec must be installed in the venv"
    )
    work = rule_repository(tmp_path, change)
    summary = tmp_path / "summary.md"
    ran: list[tuple[str, int]] = []
    for line, env in recipe_commands()[ci]:
        if not (line.startswith(("pzspec ", "cat ")) or line.startswith("git fetch")):
            continue  # pip install, gh pr comment: outside the test
        ran.append((line, shell(line, work, env, summary)))
    validated = [c for line, c in ran if line.startswith("pzspec validate")]
    assert validated and set(validated) == {0}
    gate = [c for line, c in ran if line.startswith("pzspec diff") and "--fail-on none" not in line]
    assert gate == [1 if change == "breaking" else 0]
    for line, c in ran:
        if "--fail-on none" in line or line.startswith(("git fetch", "cat ")):
            assert c == 0, line
    # the examples' expect: blocks hold under the editorial change, not under the breaking one
    tested = [c for line, c in ran if line.startswith("pzspec test")]
    assert tested and set(tested) == {1 if change == "breaking" else 0}
    if ci == "gitlab":
        junit = (work / "test.xml").read_text(encoding="utf-8")
        assert junit.count("<testcase ") == len(EXAMPLES)
    report = (work / "diff.md").read_text(encoding="utf-8")
    assert report.startswith("### Regelwijzigingen: `origin/main:regels` → `regels`")
    if change == "breaking":
        assert "parameters.experience.min-months" in report
        assert f"Gevolgen voor portfolio's ({len(EXAMPLES)} getoetst" in report
        assert "voldoet niet" in report
    else:
        assert "overlays.vereniging-besluit-2026.title" in report
    if ci == "github":
        assert summary.read_text(encoding="utf-8") == report
    else:
        assert json.loads((work / "diff.json").read_text(encoding="utf-8"))["changes"]


@needs_git
def test_pre_commit_hook_runs_validate(tmp_path: Path) -> None:
    hook = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    work = rule_repository(tmp_path, "editorial")
    files = [
        p.relative_to(work).as_posix()
        for p in sorted((work / "regels").rglob("*"))
        if re.search(hook["files"], p.name)
    ]
    assert files == ["regels/besluit.yaml"]
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run(
        [*hook["entry"].split(), *files],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    edit(work / "regels" / "besluit.yaml", "experience.min-months:", "experience.min-maanden:")
    done = subprocess.run(
        [*hook["entry"].split(), *files],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "regels/besluit.yaml:" in done.stderr


@needs_git
def test_pre_commit_hook_runs_test(tmp_path: Path) -> None:
    """The pzspec-test hook with the args docs/ci.md gives: passes, then fails on a
    tightening that changes agreed outcomes."""
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "pzspec-test")
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "portfolios/a.yaml")
    configs = [b for b in yaml_blocks(CI_DOC.read_text(encoding="utf-8")) if "repos" in b]
    [local] = [h for b in configs for r in b["repos"] for h in r["hooks"] if h["id"] == hook["id"]]
    work = rule_repository(tmp_path, "editorial")
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", "")}

    def run_hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            local["entry"].split(), cwd=work, env=env, capture_output=True, text=True, check=False
        )

    done = run_hook()
    assert done.returncode == 0, done.stdout + done.stderr
    edit(work / "regels" / "besluit.yaml", "    value: 24\n", "    value: 54\n")
    done = run_hook()
    assert done.returncode == 1
    assert "portfolios/" in done.stdout and "werkervaring" in done.stdout
