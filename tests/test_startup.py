"""How the ``pzspec`` process starts (cli/startup.py, issue 14): the collector is off while
the command starts and on again for a batch; pydantic's plug-in loader is not imported when
plug-ins are off; the verdict is the same either way."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pzspec.cli import startup

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "portfolios" / "pz-hospice-leergang.yaml"


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_the_command_imports_no_package_metadata() -> None:
    run = _run("-X", "importtime", "-m", "pzspec", "check", str(EXAMPLE), "--as-of", "2026-01-01")
    assert run.returncode == 0, run.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in run.stderr.splitlines()}
    assert "pzspec.cli.startup" in imported
    assert "importlib.metadata" not in imported


def test_a_plugin_setting_of_the_user_is_kept() -> None:
    code = (
        "import sys; from pzspec.cli import startup; startup.begin(); "
        "from pydantic import BaseModel\n"
        "class M(BaseModel):\n    x: int\n"
        "M(x=1); print('importlib.metadata' in sys.modules)"
    )
    assert (
        _run("-c", code, env={"PYDANTIC_DISABLE_PLUGINS": "some-plugin"}).stdout.strip() == "True"
    )
    assert _run("-c", code, env={"PYDANTIC_DISABLE_PLUGINS": "__all__"}).stdout.strip() == "False"


def test_the_stand_in_loader_hands_any_other_name_to_pydantic() -> None:
    code = (
        "import sys; from pzspec.cli import startup; startup.begin(); "
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP as g; print(g)"
    )
    assert (
        _run("-c", code, env={"PYDANTIC_DISABLE_PLUGINS": "__all__"}).stdout.strip() == "pydantic"
    )


def test_same_verdict_through_the_entry_point_and_the_app() -> None:
    args = ("check", str(EXAMPLE), "--as-of", "2026-01-01", "-f", "json")
    entry = _run("-m", "pzspec", *args)
    app = _run(
        "-c", "import sys; from pzspec.cli.app import main; sys.argv[0]='pzspec'; main()", *args
    )
    assert entry.returncode == app.returncode == 0
    assert json.loads(entry.stdout) == json.loads(app.stdout)


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    gc.unfreeze()
    if was:
        gc.enable()


def test_settle_turns_the_collector_back_on(collector: None) -> None:
    before = gc.get_threshold()
    gc.disable()
    try:
        startup.settle()
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (10_000, *before[1:])
    finally:
        gc.set_threshold(*before)


def test_settle_leaves_a_running_collector_alone(collector: None) -> None:
    gc.enable()
    gc.unfreeze()
    startup.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_batch_runs_with_the_collector_on(tmp_path: Path) -> None:
    code = (
        "import gc, sys; from pzspec.cli import startup; startup.begin(); "
        "import pzspec.cli.startup as s; orig = s.settle\n"
        "def spy():\n    orig(); print('collector', gc.isenabled(), file=sys.stderr)\n"
        "import pzspec.cli.check_cmd as c; c.settle = spy\n"
        "from pzspec.cli.app import main; sys.argv[0] = 'pzspec'; main()"
    )
    run = _run("-c", code, "check", str(EXAMPLE.parent), "--as-of", "2026-01-01", "-f", "jsonl")
    assert "collector True" in run.stderr
    assert len(run.stdout.splitlines()) == len(list(EXAMPLE.parent.glob("*.yaml")))


def test_the_server_runs_with_the_collector_on() -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")
    code = (
        "import gc, sys; from pzspec.cli import startup; startup.begin()\n"
        "import uvicorn\n"
        "uvicorn.run = lambda *a, **k: print('collector', gc.isenabled())\n"
        "from pzspec.cli.app import main; sys.argv[0] = 'pzspec'; main()"
    )
    run = _run("-c", code, "serve", "--port", "8765")
    assert "collector True" in run.stdout, run.stderr[-2000:]


@pytest.mark.parametrize(
    ("exit_with", "status", "stderr"),
    [("None", 0, ""), ("3", 3, ""), ("'text'", 1, "text")],
)
def test_finish_exits_as_sys_exit_does(exit_with: str, status: int, stderr: str) -> None:
    code = (
        "import atexit, sys\n"
        "from pzspec.cli import startup\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "print('written', end='')\n"
        f"startup.finish({exit_with})\n"
    )
    run = _run("-c", code)
    assert run.returncode == status
    assert run.stdout == "writtenatexit ran\n"
    assert run.stderr.strip() == stderr


def test_the_command_exits_with_its_status(tmp_path: Path) -> None:
    ok = _run("-m", "pzspec", "check", str(EXAMPLE), "--as-of", "2026-01-01")
    assert ok.returncode == 0
    assert ok.stdout.startswith("A. de Vries") and "pz-hospice-leergang.yaml" in ok.stdout
    missing = _run("-m", "pzspec", "check", str(tmp_path / "none.yaml"))
    assert missing.returncode == 2 and "none.yaml" in missing.stderr
    full = subprocess.run(
        [sys.executable, "-m", "pzspec", "check", str(EXAMPLE)],
        stdout=open("/dev/full", "w"),  # noqa: SIM115 - closed with the process
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert full.returncode == 74
