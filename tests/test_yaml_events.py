"""The YAML events come from libyaml directly (load/yamlio.py ``_events``, issue 14): the same
documents, values and positions as through ruamel's ``YAML.parse``, which stays the path
where ruamel.yaml.clib is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pzspec.errors import InputError
from pzspec.load import yamlio

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "examples" / "portfolios").glob("*.yaml")) + sorted(
    (ROOT / "data").rglob("*.yaml")
)
BROKEN = ["a: [1, 2\n", "a: 1\n a: 2\n", "- x\nb: 1\n", "a: *nope\n", "a: 'x\n"]


def _read(text: str) -> tuple[object, ...]:
    try:
        doc = yamlio.parse(text, "x.yaml", collect=True)
    except InputError as err:
        return ("refused", [(p.line, p.column, p.message) for p in err.problems])
    return (doc.data, doc.values, doc.keys, doc.refused)


@pytest.mark.parametrize("text", [p.read_text(encoding="utf-8") for p in TEXTS] + BROKEN)
def test_libyaml_directly_reads_as_ruamel_does(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    direct = _read(text)
    monkeypatch.setattr(yamlio, "_c_parser", lambda: None)
    assert _read(text) == direct


def test_many_threads_parse_at_once_in_a_fresh_process() -> None:
    """The web app parses in a thread per request; the first documents of a fresh process
    came out as NameError from libyaml's module before its first parse was serialised."""
    import subprocess
    import sys

    code = (
        "import threading\n"
        "from pzspec.load import yamlio\n"
        "bad = []\n"
        "def work():\n"
        "    try:\n"
        "        for _ in range(5):\n"
        "            yamlio.parse('pzspec: portfolio/1\\na: [1, 2]\\n', 'x.yaml')\n"
        "    except Exception as exc:\n"
        "        bad.append(repr(exc))\n"
        "threads = [threading.Thread(target=work) for _ in range(32)]\n"
        "[t.start() for t in threads]\n"
        "[t.join() for t in threads]\n"
        "print(len(bad), bad[:1])\n"
    )
    for _ in range(5):
        run = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert run.stdout.strip() == "0 []", run.stdout + run.stderr
