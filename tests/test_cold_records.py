"""A cold ``pzspec check FILE`` or ``pzspec plan FILE`` creates no pzspec dataclass (issue 14).

Creating a class with ``@dataclass`` costs 0.3-0.65 ms at every start (it writes and compiles
its methods); the records on these paths are ``NamedTuple``s or plain classes instead. The
probe runs the command in a fresh process with ``dataclasses`` watched from the first import
on, and checks that the command did its work (its report and exit status) as well.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = "examples/portfolios/pz-hospice-leergang.yaml"

PROBE = """
import collections, contextlib, dataclasses, io, sys
made = collections.Counter()
original = dataclasses._process_class
def watched(cls, *args, **kwargs):
    made[cls.__module__ + "." + cls.__qualname__] += 1
    return original(cls, *args, **kwargs)
dataclasses._process_class = watched
from pzspec.cli import startup
startup.begin()
from pzspec.cli.app import main
sys.argv = ["pzspec", *sys.argv[1:]]
out = io.StringIO()
status = 0
try:
    with contextlib.redirect_stdout(out):
        main()
except SystemExit as exc:
    status = exc.code
print(status, len(out.getvalue()))
print(*sorted(name for name in made if name.startswith("pzspec")), sep="\\n")
"""


@pytest.mark.skipif(
    not hasattr(dataclasses, "_process_class"), reason="probe needs CPython's dataclasses"
)
@pytest.mark.parametrize(
    "args",
    [
        ("check", EXAMPLE),
        ("check", "-f", "json", EXAMPLE),
        ("plan", "--as-of", "2026-01-01", EXAMPLE),
    ],
    ids=["check-text", "check-json", "plan"],
)
def test_a_cold_command_creates_no_dataclass(args: tuple[str, ...]) -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True, cwd=ROOT
    )
    head, *made = run.stdout.splitlines()
    status, written = head.split()
    assert status in ("0", "1", "3"), run.stderr  # a verdict, not an error
    assert int(written) > 50, run.stderr  # the report was written
    assert [m for m in made if m] == []
