"""Writing files: never overwrite without --force, and never leave half a file behind.

Every write (``check -o``, ``init -o``) goes to ``.NAME.XXXX.tmp`` in the target's folder and
is renamed into place. These tests interrupt that at each step (an error, Ctrl-C, a real
SIGINT to a running process) and check the target is unchanged and no temporary file is left.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pzspec.cli import fsio
from pzspec.cli.app import app
from pzspec.errors import InputError
from pzspec.messages import msg
from pzspec.render.words import word
from tests.conftest import ROOT

runner = CliRunner()
PORTFOLIO = ROOT / "examples" / "portfolios" / "pz-hospice-leergang.yaml"
OLD = "the old contents\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def check_to(output: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app,
        ["check", str(PORTFOLIO), "--as-of", "2026-01-01", "-o", str(output), *extra],
        env={"NO_COLOR": "1"},
    )
    return result.exit_code, result.stderr


def init_to(output: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ["init", "--profession", "hbo-verpleegkundige", "-o", str(output), *extra]
    )
    return result.exit_code, result.stderr


WRITERS = {"check": check_to, "init": init_to}
EXISTS = "bestand bestaat al (kies een andere naam of gebruik --force om het te vervangen)"


# --- no overwrite without --force -------------------------------------------------------
@pytest.mark.parametrize("command", WRITERS)
def test_refuses_to_overwrite(command: str, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text(OLD)
    code, err = WRITERS[command](target)
    assert code == 2
    assert err.splitlines()[0] == f"{target}: {EXISTS}"
    assert target.read_text() == OLD
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", WRITERS)
def test_refuses_to_replace_a_symlink(command: str, tmp_path: Path) -> None:
    """A link (even a dangling one) is an existing name: not replaced without --force."""
    elsewhere = tmp_path / "elsewhere.txt"
    target = tmp_path / "out.txt"
    target.symlink_to(elsewhere)
    code, _ = WRITERS[command](target)
    assert code == 2
    assert target.is_symlink()
    assert not elsewhere.exists()


@pytest.mark.parametrize("command", WRITERS)
def test_force_replaces(command: str, tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text(OLD)
    code, _ = WRITERS[command](target, "--force")
    assert code == 0
    assert target.read_text() != OLD
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", WRITERS)
def test_new_file_is_written_whole(command: str, tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    code, _ = WRITERS[command](target)
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("command", WRITERS)
def test_folder_as_output(command: str, tmp_path: Path) -> None:
    code, err = WRITERS[command](tmp_path, "--force")
    assert code == 2
    assert err.startswith(f"{tmp_path}: dit is een map")


@pytest.mark.parametrize("command", WRITERS)
def test_missing_folder(command: str, tmp_path: Path) -> None:
    code, err = WRITERS[command](tmp_path / "nope" / "out.txt")
    assert code == 2
    assert "de map bestaat niet" in err


# --- interrupted writes -----------------------------------------------------------------
def _raise(exc: BaseException):  # type: ignore[no-untyped-def]
    def fail(*_args: object, **_kw: object) -> None:
        raise exc

    return fail


# (existing file and --force, or a new file; the step that breaks; how it breaks).
# A replacement ends in os.replace, a new file in os.link (which refuses an existing name).
STEPS = {
    "existing-write-disk-full": (True, "fsync", OSError(28, "No space left on device")),
    "existing-write-ctrl-c": (True, "fsync", KeyboardInterrupt()),
    "existing-rename-io-error": (True, "replace", OSError(5, "Input/output error")),
    "existing-rename-ctrl-c": (True, "replace", KeyboardInterrupt()),
    "new-write-disk-full": (False, "fsync", OSError(28, "No space left on device")),
    "new-write-ctrl-c": (False, "fsync", KeyboardInterrupt()),
    "new-link-io-error": (False, "link", OSError(5, "Input/output error")),
    "new-link-ctrl-c": (False, "link", KeyboardInterrupt()),
}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("command", WRITERS)
def test_interrupted_write_changes_nothing(
    step: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    existing, function, exc = STEPS[step]
    target = tmp_path / "out.txt"
    if existing:
        target.write_text(OLD)
    monkeypatch.setattr(fsio.os, function, _raise(exc))
    code, err = WRITERS[command](target, *(["--force"] if existing else []))
    if existing:
        assert target.read_text() == OLD
    else:
        assert not target.exists()
    assert leftovers(tmp_path) == []
    assert code != 0
    if isinstance(exc, OSError):
        # a failing disk is a problem with the output file: exit 2, one line, no traceback
        assert code == 2
        assert err.splitlines()[0].startswith(f"{target}: bestand kan niet geschreven worden: ")


def test_half_written_temp_file_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up halfway through the data: the partial temporary file goes away."""
    target = tmp_path / "report.json"
    target.write_text(OLD)
    real_fdopen = os.fdopen

    class HalfFile:
        def __init__(self, handle):  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def close(self) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            raise OSError(28, "No space left on device")

        def fileno(self) -> int:
            return int(self.handle.fileno())

    monkeypatch.setattr(fsio.os, "fdopen", lambda fd, *a, **k: HalfFile(real_fdopen(fd, *a, **k)))
    with pytest.raises(InputError) as caught:
        fsio.write_atomic(target, "x" * 100_000, force=True, lang="nl")
    assert "No space left on device" in word(caught.value.problems[0].message, "nl")
    assert target.read_text() == OLD
    assert leftovers(tmp_path) == []


def test_file_appearing_during_the_write_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the existence check and the rename another process creates the file."""
    target = tmp_path / "report.txt"
    real_fsync = os.fsync

    def other_process_writes(fd: int) -> None:
        target.write_text("theirs\n")
        real_fsync(fd)

    monkeypatch.setattr(fsio.os, "fsync", other_process_writes)
    with pytest.raises(InputError) as caught:
        fsio.write_atomic(target, "ours\n", force=False, lang="nl")
    assert caught.value.problems[0].message == msg("err.exists")
    assert target.read_text() == "theirs\n"
    assert leftovers(tmp_path) == []


def test_file_system_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where os.link is not supported the write still happens (after the existence check)."""
    monkeypatch.setattr(fsio.os, "link", _raise(OSError(1, "Operation not permitted")))
    target = tmp_path / "report.txt"
    fsio.write_atomic(target, "ours\n", force=False, lang="nl")
    assert target.read_text() == "ours\n"
    assert leftovers(tmp_path) == []


def test_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No permission to create the temporary file: exit 2 with one line, nothing left."""

    def refuse(*_a: object, **_k: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, err = init_to(tmp_path / "new.yaml")
    assert code == 2
    assert err.splitlines()[0] == (
        f"{tmp_path / 'new.yaml'}: bestand kan niet geschreven worden: Permission denied "
        "(controleer de map, de rechten en de vrije ruimte)"
    )
    assert list(tmp_path.iterdir()) == []


CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from pzspec.cli import fsio

    real_fsync = os.fsync

    def slow_fsync(fd):
        real_fsync(fd)
        print("written", flush=True)  # the temporary file is complete; not yet renamed
        time.sleep(60)

    fsio.os.fsync = slow_fsync
    fsio.write_atomic(Path(sys.argv[1]), "new contents\\n" * 100_000, force=True, lang="nl")
    """
)


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT to a child process")
def test_real_interrupt_leaves_no_half_file(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT) to a running write: the old file stays, the temporary file goes."""
    target = tmp_path / "report.txt"
    target.write_text(OLD)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "written"
        assert len(leftovers(tmp_path)) == 1  # the temporary file exists while writing
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=30)
    finally:
        child.kill()
    assert child.returncode != 0
    assert "KeyboardInterrupt" in err
    assert target.read_text() == OLD
    assert leftovers(tmp_path) == []


def test_output_onto_a_device_is_refused_with_or_without_force(tmp_path: Path) -> None:
    """Not "it exists, use --force" and then "not a regular file": one answer at once."""
    from typer.testing import CliRunner

    from pzspec.cli.app import app

    portfolio = (
        Path(__file__).resolve().parent.parent
        / "examples"
        / "portfolios"
        / "pz-hospice-leergang.yaml"
    )
    for extra in ([], ["--force"]):
        result = CliRunner().invoke(app, ["check", str(portfolio), "-o", "/dev/null", *extra])
        assert result.exit_code == 2
        assert "bestaat al" not in result.stderr
        assert "geen gewoon bestand" in result.stderr
