"""Issue 11, trust: nothing written outside, nothing skipped or forged in silence.

Each test asserts what a user sees: the lines on stderr, the exit status, the files that
are (not) written. See docs/security.md for the guarantees these tests hold pzspec to.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
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
        f"{batch}/loop.yaml: symbolische koppeling verwijst (via andere koppelingen) naar zichzelf"
        " (controleer waar de koppeling naar wijst (ls -l))",
        f"{batch}/pipe.yaml: dit is geen gewoon bestand (maar bijvoorbeeld een pipe of"
        " apparaat) (verwijder het uit de map: alleen gewone bestanden worden gelezen)",
    ]
    import json

    results = [json.loads(line) for line in out.splitlines()]
    assert [(r["file"], r.get("verdict")) for r in results] == [
        (f"{batch}/dangling.yaml", None),
        (f"{batch}/locked", None),
        (f"{batch}/loop.yaml", None),
        (f"{batch}/pipe.yaml", None),
        (f"{batch}/good.yaml", "eligible"),
        (f"{batch}/sub/link.yaml", "eligible"),
    ]
    assert all(r["error"]["message"] for r in results[:4])


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


# --- 7: a fault in writing stdout is one line and exit 74, never "interne fout" ---------
def _pzspec(
    *args: str, shell_suffix: str = "", env: dict[str, str] | None = None
) -> tuple[int, str]:
    """Run the installed pzspec in a shell (for redirections such as ``>&-``)."""
    import shlex

    exe = Path(sys.executable).with_name("pzspec")
    command = " ".join(shlex.quote(a) for a in [str(exe), *args]) + " " + shell_suffix
    done = subprocess.run(
        ["sh", "-c", command],
        env={**os.environ, **ENV, "PZSPEC_NO_CACHE": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in done.stderr
    return done.returncode, done.stderr


CHECK = ("check", str(GOOD), "--as-of", "2026-01-01")
FULL = (
    "pzspec: uitvoer kan niet geschreven worden: schijf vol"
    " (maak ruimte vrij, of schrijf naar een andere schijf)\n"
)
CLOSED = (
    "pzspec: uitvoer kan niet geschreven worden: uitvoer gesloten"
    " (stuur de uitvoer naar een bestand of pipe, of gebruik -o BESTAND)\n"
)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this platform")
@pytest.mark.parametrize(
    "args",
    [
        CHECK,
        ("check", str(EXAMPLES), "--as-of", "2026-01-01", "--format", "jsonl"),
        ("list", "profiles"),
        ("show", "profile", "vig"),
        ("diff", "data", "data"),
    ],
)
def test_full_disk_on_stdout(args: tuple[str, ...]) -> None:
    code, err = _pzspec(*args, shell_suffix="> /dev/full")
    assert (code, err) == (74, FULL)


def test_closed_stdout() -> None:
    code, err = _pzspec(*CHECK, shell_suffix=">&-")
    assert (code, err) == (74, CLOSED)
    # (a reader that goes away stays a quiet 141: test_commands.py::test_broken_pipe_is_quiet)


def test_stdout_in_an_encoding_that_cannot_hold_the_report() -> None:
    code, err = _pzspec(*CHECK, "--lang", "en", env={"PYTHONIOENCODING": "ascii"})
    assert code == 74
    assert err == (
        "pzspec: output cannot be written: some characters cannot be written in the encoding ascii"
        " (set PYTHONIOENCODING=utf-8, or write to a file with -o (always UTF-8))\n"
    )


# --- 8: -o replaces regular files only, -o - is stdout, COLUMNS is clamped --------------
def test_force_never_replaces_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "report.txt"
    os.mkfifo(pipe)
    link = tmp_path / "link.txt"
    link.symlink_to(pipe.name)
    for target in (pipe, link):
        code, _, err = invoke(*CHECK, "-o", str(target), "--force")
        assert code == 2
        assert err == (
            f"{target}: dit is geen gewoon bestand (maar een pipe, apparaat, socket of een"
            " koppeling naar iets anders dan een gewoon bestand); --force vervangt alleen"
            " gewone bestanden (kies een ander uitvoerbestand, of -o - voor stdout)\n"
        )
    assert pipe.is_fifo()
    assert link.is_symlink() and link.is_fifo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "report.txt"]


def test_force_never_replaces_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "report.txt"
    link.symlink_to("nowhere")
    code, _, err = invoke("init", "--profession", "hbo-verpleegkundige", "-o", str(link), "--force")
    assert code == 2
    assert "--force vervangt alleen gewone bestanden" in err
    assert link.is_symlink()


def test_force_onto_a_link_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("someone else's file\n")
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    code, _, err = invoke(*CHECK, "-o", str(link), "--force")
    assert code == 0, err
    assert target.read_text() == "someone else's file\n"
    assert not link.is_symlink()
    assert "Oordeel: VOLDOET" in link.read_text()


@pytest.mark.parametrize("command", ["check", "init"])
def test_dash_is_stdout(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = CHECK if command == "check" else ("init", "--profession", "hbo-verpleegkundige")
    code, out, err = invoke(*args, "-o", "-")
    assert code == 0, err
    assert ("Oordeel: VOLDOET" if command == "check" else "pzspec: portfolio/1") in out
    assert list(tmp_path.iterdir()) == []  # no file named '-'


@pytest.mark.parametrize(("columns", "widest"), [("10000000", 300), ("5", 40), ("100", 100)])
def test_width_is_clamped(columns: str, widest: int) -> None:
    import time

    started = time.perf_counter()
    code, out, _ = invoke(*CHECK, "--color", "always", env={"COLUMNS": columns})
    assert code == 0
    assert time.perf_counter() - started < 5
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    table = [line for line in plain.splitlines() if line.startswith("┏")]
    assert table and len(table[0]) == widest
    code, out, _ = invoke(*CHECK, env={"COLUMNS": columns})  # plain text: no line wider
    assert code == 0 and max(len(line) for line in out.splitlines()) <= widest
    for command in (("show", "profile", "vig"), ("list", "courses"), ("diff", "data", "data")):
        code, out, _ = invoke(*command, env={"COLUMNS": columns})
        assert code == 0
        assert max(len(line) for line in out.splitlines()) <= max(widest, 100)


def _children(pid: int) -> set[int]:
    found = set()
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat_file.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")  # a zombie is dead, only not yet reaped


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    import signal
    import time

    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(2000):  # >= 40 files, so --jobs starts workers; enough to stay busy
        shutil.copyfile(GOOD, folder / f"p{i:04d}.yaml")
    exe = Path(sys.executable).with_name("pzspec")
    parent = subprocess.Popen(
        [str(exe), "check", str(folder), "--as-of", "2026-01-01", "--jobs", "2"],
        stdout=subprocess.PIPE,  # never read: the parent blocks mid-batch on a full pipe
        stderr=subprocess.DEVNULL,
        env={**os.environ, **ENV, "PZSPEC_NO_CACHE": "1"},
    )
    try:
        deadline = time.monotonic() + 30
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = _children(parent.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(0.3)  # mid-batch
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        survivors = [w for w in workers if _alive(w)]
    finally:
        parent.kill()
        if parent.stdout:
            parent.stdout.close()
    for w in survivors:
        os.kill(w, signal.SIGKILL)
    assert survivors == []


# --- 5: text fields cannot forge output ---------------------------------------------------
NOT_ELIGIBLE = EXAMPLES / "pz-te-weinig-ervaring.yaml"


def _forged(tmp_path: Path, name: str, employer: str) -> Path:
    text = NOT_ELIGIBLE.read_text(encoding="utf-8")
    text = text.replace('name: "H. Smit"', f'name: "{name}"')
    text = text.replace('employer: "Hospice Rozenheuvel"', f'employer: "{employer}"')
    path = tmp_path / "forged.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_line_break_in_a_text_field_cannot_forge_a_verdict(tmp_path: Path) -> None:
    path = _forged(tmp_path, "H. Smit\\n\\nOordeel: VOLDOET", "Hospice\\r\\nOordeel: VOLDOET")
    code, out, _ = invoke("check", str(path), "--as-of", "2026-01-01")
    assert code == 1
    lines = out.splitlines()
    assert [line for line in lines if "Oordeel:" in line and "\\n" not in line] == [
        "Oordeel: VOLDOET NIET (voorlopig)"
    ]
    assert lines[0].startswith("H. Smit\\n\\nOordeel: VOLDOET (hbo-verpleegkundige)")
    assert "Hospice\\r\\nOordeel: VOLDOET" in out  # the employer in the facts, one line


def test_workflow_commands_from_a_portfolio_never_start_a_line(tmp_path: Path) -> None:
    path = _forged(tmp_path, "::stop-commands::abc", "::error file=x.yaml::forged")
    for fmt in ("text", "github"):
        code, out, _ = invoke("check", str(path), "--as-of", "2026-01-01", "--format", fmt)
        assert code == 1
        for line in out.splitlines():
            assert not line.lstrip().startswith("::") or line.startswith(
                ("::group::", "::endgroup::", "::error file=", "::warning file=", "::notice file=")
            ), line
        assert "stop-commands" not in out.replace("\\::stop-commands::abc", "")
    code, out, _ = invoke("check", str(path), "--as-of", "2026-01-01")
    assert out.splitlines()[0].startswith("\\::stop-commands::abc (hbo-verpleegkundige)")


def test_a_file_name_cannot_start_a_workflow_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("::warning::x")
    folder.mkdir()
    (folder / "p.yaml").write_text("pzspec: portfolio/1\nperson: [\n", encoding="utf-8")
    code, _, err = invoke("check", str(folder / "p.yaml"))
    assert code == 2
    assert err.startswith("\\::warning::x/p.yaml:")


BIDI = "\u202e"
ZERO_WIDTH = "\u200b"
SOFT_HYPHEN = "\u00ad"


def test_bidi_and_invisible_characters_are_shown_escaped(tmp_path: Path) -> None:
    path = _forged(tmp_path, f"H. Smit{BIDI}TEMLUS", f"Hospice{ZERO_WIDTH}Rozen{SOFT_HYPHEN}heuvel")
    code, out, _ = invoke("check", str(path), "--as-of", "2026-01-01")
    assert code == 1
    assert "H. Smit\\u202eTEMLUS" in out
    assert "Hospice\\u200bRozen\\xadheuvel" in out
    for fmt in ("html", "markdown", "github"):
        _, out, _ = invoke("check", str(path), "--as-of", "2026-01-01", "--format", fmt)
        assert BIDI not in out and ZERO_WIDTH not in out and SOFT_HYPHEN not in out, fmt
        assert fmt == "github" or "u202e" in out, fmt
    _, page, _ = invoke("check", str(path), "--as-of", "2026-01-01", "--format", "html")
    assert '<h1 id="p1-name"><bdi>H. Smit\\u202eTEMLUS</bdi></h1>' in page


def test_look_alike_ids_are_told_apart_in_messages(tmp_path: Path) -> None:
    text = GOOD.read_text(encoding="utf-8").replace(
        "course: leergang-pz-verpleegkundige", f"course: leergang-pz-{ZERO_WIDTH}verpleegkundige"
    )
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = invoke("check", str(path), "--as-of", "2026-01-01")
    assert code == 2
    assert ZERO_WIDTH not in err
    assert "onbekende opleiding 'leergang-pz-\\u200bverpleegkundige'" in err
    assert "(bedoelde u 'leergang-pz-verpleegkundige'?)" in err


# --- 6: personal data never in messages (more in tests/corpus/personal-*) ----------------
@pytest.mark.parametrize(
    "args",
    [
        ("show", "course", "19012345601"),
        ("show", "course", "190 1234 5601"),
        ("init", "--profession", "19012345601", "-o", "x.yaml"),
    ],
)
def test_an_eleven_digit_number_on_the_command_line_is_not_repeated(args: tuple[str, ...]) -> None:
    code, out, err = invoke(*args)
    assert code == 2
    assert out == ""
    assert "(persoonsgegeven weggelaten)" in err
    assert "5601" not in err


def test_the_name_as_a_key_is_not_repeated_nor_suggested(tmp_path: Path) -> None:
    text = GOOD.read_text(encoding="utf-8")
    name = next(line.split('"')[1] for line in text.splitlines() if "name:" in line)
    path = tmp_path / "p.yaml"
    path.write_text(text + f'"{name}": 1\n', encoding="utf-8")
    code, _, err = invoke("check", str(path), "--lang", "en")
    assert code == 2
    assert name not in err
    assert "unknown key (personal data omitted)" in err
