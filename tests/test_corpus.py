"""The corpus of broken portfolios: every case gives one exact message and exit status.

Each folder in ``tests/corpus/`` is one case: an input file (``input.yaml``, or
``input.bin`` for bytes that are not text) and ``expected.json``::

    {"about": "what the case is",
     "exit": 2,
     "stderr": "{file}:3:5: <exact first line of stderr, with the path as {file}>",
     "setup": "symlink-loop",            # optional: build the situation in a temporary folder
     "env": {"PZSPEC_MAX_BYTES": "200"},  # optional: environment for this run
     "args": ["--lang", "en"],            # optional: extra options for `pzspec check`
     "max_seconds": 1.0}                  # optional: the answer must come this fast

Adding a case is adding a folder. ``"stderr": ""`` means the file is accepted: nothing on
stderr (the exit status is then the verdict's).

For every case: the exit status is 0, 1, 2 or 3; there is no traceback; an unusable file
prints nothing on stdout; every line on stderr is ``file[:line:column]: message (hint)``;
and the name and BIG number of the portfolio the cases are built from never appear.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
AS_OF = "2026-01-01"
# The portfolio every case is built from names this person; neither may ever be printed.
NAME = "Jansen"
BIG_NUMBER = "19012345601"
PERSONAL = (NAME, BIG_NUMBER, "1901234560")

runner = CliRunner()


@dataclass
class Prepared:
    """A case made ready to run: the path to give pzspec, and how to run it."""

    path: str
    env: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)


def expected(case: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / case / "expected.json").read_text("utf-8"))
    return data


def input_file(case: str) -> Path | None:
    found = sorted((CORPUS / case).glob("input.*"))
    return found[0] if found else None


def prepare(case: str, tmp: Path) -> Prepared:
    """Copy the input to ``tmp``, or build the situation the case's ``setup`` names."""
    spec = expected(case)
    source = input_file(case)
    target = tmp / ("portfolio" + (source.suffix if source else ".yaml"))
    if source is not None:
        shutil.copyfile(source, target)
    setup = spec.get("setup")
    if setup is None:
        assert source is not None, f"{case}: no input file and no setup"
    elif setup == "folder":
        target.mkdir()
    elif setup == "folder-with-input":
        folder = tmp / "portfolios"
        folder.mkdir()
        target.rename(folder / target.name)
        return Prepared(str(folder), spec.get("env", {}), spec.get("args", []))
    elif setup.startswith("folder-with-") and setup != "folder-with-input":
        return Prepared(
            str(bad_entry_folder(setup, tmp)), spec.get("env", {}), spec.get("args", [])
        )
    elif setup == "missing":
        pass
    elif setup == "unreadable":
        target.chmod(0)
        if os.access(target, os.R_OK):
            pytest.skip("the file stays readable (running as root)")
    elif setup == "symlink-loop":
        other = tmp / "other.yaml"
        other.symlink_to(target.name)
        target.symlink_to(other.name)
    elif setup == "symlink-self":
        target.symlink_to(target.name)
    elif setup == "symlink-dangling":
        target.symlink_to("does-not-exist.yaml")
    elif setup == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this platform")
        os.mkfifo(target)
    elif setup == "device":
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero on this platform")
        return Prepared("/dev/zero", spec.get("env", {}), spec.get("args", []))
    elif setup == "generated-6mb":
        head = b"pzspec: portfolio/1\n"
        line = b"# " + b"x" * 1021 + b"\n"  # 1 KiB per line
        body = line * (6 * 1024 - 1)
        target.write_bytes(
            head + body + b"#" * (6 * 1024 * 1024 - len(head) - len(body) - 1) + b"\n"
        )
        assert target.stat().st_size == 6 * 1024 * 1024
    elif setup == "generated-many-nodes":
        target.write_text("pzspec: portfolio/1\nx: [" + ",".join(["1"] * 200_001) + "]\n")
    elif setup == "generated-deep":
        depth = 500_000
        target.write_text("pzspec: portfolio/1\nperson: " + "[" * depth + "]" * depth + "\n")
    else:
        raise AssertionError(f"{case}: unknown setup {setup!r}")
    return Prepared(str(target), spec.get("env", {}), spec.get("args", []))


def bad_entry_folder(setup: str, tmp: Path) -> Path:
    """A batch folder holding one entry that is not a readable regular file (issue 11)."""
    folder = tmp / "portfolios"
    folder.mkdir()
    entry = setup.removeprefix("folder-with-")
    if entry == "dangling-symlink":
        (folder / "gone.yaml").symlink_to("does-not-exist.yaml")
    elif entry == "symlink-loop":
        (folder / "a.yaml").symlink_to("b.yaml")
        (folder / "b.yaml").symlink_to("a.yaml")
    elif entry == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this platform")
        os.mkfifo(folder / "pipe.yaml")
    elif entry == "symlink-to-folder":
        (folder / "elsewhere").symlink_to(tmp)
    elif entry == "unreadable-folder":
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            pytest.skip("root can read any folder (see test_trust.py for the simulated case)")
        (folder / "locked").mkdir()
        (folder / "locked").chmod(0)
    else:
        raise AssertionError(f"unknown setup {setup!r}")
    return folder


def run_check(prepared: Prepared) -> tuple[int, str, str, float, BaseException | None]:
    env = {"PZSPEC_MAX_BYTES": "", "NO_COLOR": "1", "COLUMNS": "100", **prepared.env}
    started = time.perf_counter()
    result = runner.invoke(app, ["check", prepared.path, "--as-of", AS_OF, *prepared.args], env=env)
    elapsed = time.perf_counter() - started
    exc = result.exception if not isinstance(result.exception, SystemExit) else None
    return result.exit_code, result.stdout, result.stderr, elapsed, exc


@pytest.fixture(scope="module", autouse=True)
def _warm_up(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load pzspec and the rule data once, so timings measure the file, not the imports."""
    path = tmp_path_factory.mktemp("warm") / "p.yaml"
    path.write_text("pzspec: portfolio/1\n")
    run_check(Prepared(str(path)))


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    for case in CASES:
        spec = expected(case)
        assert {"exit", "stderr", "about"} <= set(spec), case
        assert spec["exit"] in (0, 1, 2, 3), case
        assert input_file(case) is not None or "setup" in spec, case


@pytest.mark.parametrize("case", CASES)
def test_case(case: str, tmp_path: Path) -> None:
    spec = expected(case)
    prepared = prepare(case, tmp_path)
    code, out, err, elapsed, exc = run_check(prepared)

    assert exc is None, f"{case}: {type(exc).__name__}: {exc}"
    assert "Traceback" not in out + err
    assert code == spec["exit"], f"{case}: exit {code}\n{err}"
    lines = err.splitlines()
    first = lines[0].replace(prepared.path, "{file}") if lines else ""
    assert first == spec["stderr"]
    for line in lines:  # one line per problem, each naming its file first
        assert line.startswith(prepared.path), line
    if code == 2 and "--format" not in prepared.args:
        assert out == "" or "Samenvatting" in out  # a folder: the summary of what was found
    for secret in PERSONAL:
        assert secret not in err, f"{case}: personal data on stderr"
    if "max_seconds" in spec:
        assert elapsed < spec["max_seconds"], f"{case}: took {elapsed:.2f} s"


def test_unreadable_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The unreadable case without relying on permissions (root can read anything)."""
    path = tmp_path / "portfolio.yaml"
    path.write_text("pzspec: portfolio/1\n")
    real_open = os.open

    def refuse(file: Any, flags: int, *args: Any, **kw: Any) -> int:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refuse)
    code, out, err, _, exc = run_check(Prepared(str(path)))
    assert exc is None
    assert code == 2
    assert out == ""
    assert err.splitlines()[0] == (
        f"{path}: bestand kan niet gelezen worden (controleer de rechten op het bestand)"
    )


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    """The same file is refused under a small PZSPEC_MAX_BYTES and accepted under the default."""
    source = input_file("size-over-limit")
    assert source is not None
    size = source.stat().st_size
    small = Prepared(str(source), env={"PZSPEC_MAX_BYTES": str(size - 1)})
    assert run_check(small)[0] == 2
    exact = Prepared(str(source), env={"PZSPEC_MAX_BYTES": str(size)})
    assert run_check(exact)[0] == 0
    assert run_check(Prepared(str(source)))[0] == 0


def test_several_files_one_line_each(tmp_path: Path) -> None:
    """Broken files in one run do not stop the others; each gets its own first line."""
    good = input_file("encoding-crlf-line-ends")
    bad = [input_file(c) for c in ("tab-indentation", "alias-recursive", "binary-png")]
    paths = [str(p) for p in (*bad, good) if p is not None]
    result = runner.invoke(app, ["check", *paths, "--as-of", AS_OF, "--format", "json"])
    assert result.exit_code == 2
    entries = json.loads(result.stdout)
    assert [e["file"] for e in entries] == paths  # every file has an entry
    assert [e.get("verdict") for e in entries] == [None, None, None, "eligible"]
    starts = [line.split(":", 1)[0] for line in result.stderr.splitlines()]
    assert starts == [str(p) for p in bad if p is not None]


def test_no_case_constructs_anything(tmp_path: Path) -> None:
    """The python tags in the corpus never run: the file they would create never appears."""
    marker = Path("/tmp/pzspec-pwned")
    marker.unlink(missing_ok=True)
    for case in (c for c in CASES if c.startswith("tag-python")):
        folder = tmp_path / case
        folder.mkdir()
        assert run_check(prepare(case, folder))[0] == 2
    assert not marker.exists()
