"""Issue 11, trust: nothing written outside, nothing skipped or forged in silence.

Each test asserts what a user sees: the lines on stderr, the exit status, the files that
are (not) written. See docs/security.md for the guarantees these tests hold pzspec to.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli import app
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "portfolios"
GOOD = EXAMPLES / "pz-hospice-leergang.yaml"
ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={**ENV, **(env or {})})
    assert "Traceback" not in result.stdout + result.stderr
    assert not result.exception or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --- 9: --as-of takes exactly YYYY-MM-DD ------------------------------------------------
@pytest.mark.parametrize("command", ["check", "diff"])
@pytest.mark.parametrize("value", ["20260101", "2026-W01-1", "2026-W01", "2026001", "2026-1-1"])
def test_as_of_only_in_the_documented_form(command: str, value: str) -> None:
    args = [str(GOOD)] if command == "check" else ["data", "data"]
    code, out, err = invoke(command, *args, "--as-of", value)
    assert code == 2
    assert out == ""
    assert err == f"pzspec: '{value}' is geen datum (JJJJ-MM-DD)\n"


def test_as_of_in_the_documented_form_is_accepted() -> None:
    code, _, err = invoke("check", str(GOOD), "--as-of", "2026-01-01")
    assert code == 0, err


# --- 2: diff --git never writes outside its temporary folder ----------------------------
def _git(repo: Path, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=repo, input=stdin, capture_output=True, check=True)
    return done.stdout.decode().strip()


def _hostile_commit(repo: Path, names: list[str]) -> str:
    """A commit whose tree holds ``data/<name>/.../evil.yaml``: names a checkout refuses
    (``..``, ``.``) but a tree built by hand can hold."""
    blob = _git(repo, "hash-object", "-w", "--stdin", stdin=b"pzspec: overlay/1\n")
    tree = _git(repo, "mktree", stdin=f"100644 blob {blob}\tevil.yaml\n".encode())
    for name in reversed(names[1:]):
        tree = _git(repo, "mktree", stdin=f"040000 tree {tree}\t{name}\n".encode())
    listing = _git(repo, "ls-tree", "HEAD:data") + f"\n040000 tree {tree}\t{names[0]}\n"
    data = _git(repo, "mktree", stdin=listing.encode())
    root = _git(repo, "mktree", stdin=f"040000 tree {data}\tdata\n".encode())
    return _git(repo, "commit-tree", root, "-p", "HEAD", "-m", "hostile")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", ".")
    shutil.copytree(ROOT / "data" / "rules", repo / "data")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return repo


@pytest.mark.parametrize(
    ("names", "shown"),
    [
        (["..", ".."], "data/../../evil.yaml"),
        ([".."], "data/../evil.yaml"),
        (["."], "data/./evil.yaml"),
        (["a\\..\\.."], "data/a\\..\\../evil.yaml"),
    ],
)
def test_git_tree_with_unsafe_names_is_refused(
    repo: Path, tmp_path: Path, names: list[str], shown: str
) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "PZSPEC_NO_CACHE": "1", **ENV}
    (tmp_path / "tmp").mkdir()
    commit = _hostile_commit(repo, names)
    pzspec = Path(sys.executable).with_name("pzspec")
    done = subprocess.run(
        [str(pzspec), "diff", "--git", commit, "data"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith(f"--git {commit}: onveilige naam in de git-boom: '{shown}'")
    assert len(done.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.rglob("evil.yaml")) == []
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary folder is gone too


# --- 3: folder walking reports every entry it cannot use --------------------------------
OVERLAY = ROOT / "docs" / "examples" / "overlay-drempels.yaml"


def _refuse_scandir(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``folder`` unreadable for pzspec even as root (root can read a mode 000 folder)."""
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A batch folder: two good portfolios (one through a link) and four entries that are
    not readable regular files."""
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "locked").mkdir()
    shutil.copyfile(GOOD, folder / "good.yaml")
    (folder / "sub" / "link.yaml").symlink_to("../good.yaml")  # a link to a file is fine
    (folder / "dangling.yaml").symlink_to("nothing.yaml")
    (folder / "loop.yaml").symlink_to("loop.yaml")
    os.mkfifo(folder / "pipe.yaml")
    (folder / "notes.txt").write_text("not a portfolio, not matched, not reported\n")
    return folder


def test_batch_reports_each_unusable_entry_and_checks_the_rest(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_scandir(monkeypatch, batch / "locked")
    code, out, err = invoke("check", str(batch), "--as-of", "2026-01-01", "--format", "jsonl")
    assert code == 2
    assert err.splitlines() == [
        f"{batch}/dangling.yaml: symbolische koppeling wijst naar iets dat niet bestaat"
        " (herstel of verwijder de koppeling (ls -l))",
        f"{batch}/locked: map kan niet gelezen worden"
        " (controleer de rechten op de map; de bestanden erin zijn niet getoetst)",
        f"{batch}/loop.yaml: symbolische koppeling wijst (via andere) naar zichzelf"
        " (controleer waar de koppeling naar wijst (ls -l))",
        f"{batch}/pipe.yaml: dit is geen gewoon bestand (maar bijvoorbeeld een pipe of"
        " apparaat) (verwijder het uit de map: alleen gewone bestanden worden gelezen)",
    ]
    import json

    results = [json.loads(line) for line in out.splitlines()]
    assert [(r["file"], r["verdict"]) for r in results] == [
        (f"{batch}/good.yaml", "eligible"),
        (f"{batch}/sub/link.yaml", "eligible"),
    ]


def test_batch_entries_in_english_and_in_the_summary(
    batch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _refuse_scandir(monkeypatch, batch / "locked")
    code, out, err = invoke(
        "check", str(batch), "--as-of", "2026-01-01", "--summary-only", "--lang", "en"
    )
    assert code == 2
    assert f"{batch}/locked: folder cannot be read (check the folder's permissions;" in err
    assert f"{batch}/dangling.yaml: symbolic link points to something that does not exist" in err
    assert len(err.splitlines()) == 4
    assert f"{batch}/pipe.yaml" in out  # the summary lists it among the unusable files


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any folder"
)
def test_really_unreadable_subfolder(batch: Path) -> None:
    (batch / "locked").chmod(0)
    try:
        code, _, err = invoke("check", str(batch), "--as-of", "2026-01-01")
    finally:
        (batch / "locked").chmod(0o755)
    assert code == 2
    assert f"{batch}/locked: map kan niet gelezen worden" in err


def test_rules_folder_with_an_unreadable_subfolder_is_not_silently_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = tmp_path / "rules"
    (rules / "besluiten").mkdir(parents=True)
    shutil.copyfile(OVERLAY, rules / "besluiten" / "drempels.yaml")
    _refuse_scandir(monkeypatch, rules / "besluiten")
    for args in (
        ["check", str(GOOD), "--as-of", "2026-08-01", "--rules", str(rules)],
        ["validate", str(rules)],
    ):
        code, _, err = invoke(*args)
        assert code == 2, (args, err)
        assert err.splitlines()[0] == (
            f"{rules}/besluiten: map kan niet gelezen worden"
            " (controleer de rechten op de map; de bestanden erin zijn niet getoetst)"
        )


def test_rules_and_diff_folders_with_a_pipe(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    shutil.copyfile(OVERLAY, rules / "drempels.yaml")
    os.mkfifo(rules / "half-written.yaml")
    line = (
        f"{rules}/half-written.yaml: dit is geen gewoon bestand (maar bijvoorbeeld een pipe of"
        " apparaat) (verwijder het uit de map: alleen gewone bestanden worden gelezen)"
    )
    for args in (
        ["check", str(GOOD), "--as-of", "2026-08-01", "--rules", str(rules)],
        ["validate", str(rules)],
        ["diff", str(ROOT / "data"), str(rules)],
    ):
        code, out, err = invoke(*args)
        assert code == 2, (args, err)
        assert err.splitlines()[0] == line, args
        assert out == "", args


def test_diff_portfolio_folder_reports_unusable_entries(batch: Path) -> None:
    data = str(ROOT / "data")
    code, _, err = invoke("diff", data, data, "--portfolios", str(batch), "--as-of", "2026-01-01")
    assert code == 2
    assert err.splitlines()[0].startswith(f"{batch}/dangling.yaml: symbolische koppeling")
    assert f"{batch}/pipe.yaml: dit is geen gewoon bestand" in err
