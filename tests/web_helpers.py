"""Shared by the web tests: the app in-process, and the CLI's verdict for a file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2026-01-01"


def cli_check(path: Path, as_of: str = AS_OF, *extra: str) -> tuple[int, str]:
    """``pzspec check PATH -f json --as-of AS_OF`` run from PATH's folder: exit code, stdout."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pzspec",
            "check",
            path.name,
            "-f",
            "json",
            "--as-of",
            as_of,
            *extra,
        ],
        cwd=path.parent,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    return done.returncode, done.stdout


def cli_verdict(path: Path, as_of: str = AS_OF) -> str:
    code, out = cli_check(path, as_of)
    assert code in (0, 1, 3), (code, out)
    return str(json.loads(out)["verdict"])
