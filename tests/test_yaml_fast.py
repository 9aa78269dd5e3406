"""The YAML builder's fast path for plain scalars gives exactly what the checked path gives:
the same values, positions and node count, or the same refusal at the same place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from pzspec.errors import InputError
from pzspec.load import yamlio
from pzspec.load.yaml_build import MAX_DEPTH, MAX_NODES, Builder
from tests.conftest import ROOT

CORPUS = sorted((ROOT / "tests" / "corpus").glob("*/input.yaml"))
EXAMPLES = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))
RULES = sorted((ROOT / "data").rglob("*.yaml"))
TEXTS = {
    "duplicate key after values": "a: 1\nb: [x, y]\na: 2\n",
    "integer key": "a:\n  1: x\n",
    "merge key": "base: &b {x: 1}\nc:\n  <<: *b\n",
    "control character escaped": 'a: "\\e[2J"\n',
    "bad date": "d: 2025-02-30\n",
    "number too long": "n: " + "9" * 40 + "\n",
    "nested plain values": "a:\n  - {b: 1, c: [2, 3.5, true, null, 2025-01-01]}\n  - ~\n",
    "too deep": "a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n",
    "too many nodes": "a: [" + ", ".join(["1"] * (MAX_NODES + 5)) + "]\n",
    "exactly at the node limit": "[" + ", ".join(["1"] * (MAX_NODES - 1)) + "]\n",
}


def _outcome(text: str, fast: bool) -> Any:
    builder = Builder("f.yaml")
    events = list(yamlio._yaml().parse(text))
    try:
        if fast:
            builder.run(events)
        else:
            for event in events:
                builder.feed(event)
    except InputError as exc:
        return [(p.line, p.column, p.message, p.hint) for p in exc.problems]
    return builder.data, builder.values, builder.keys, builder.count


def _cases() -> list[Any]:
    cases = [pytest.param(text, id=name) for name, text in TEXTS.items()]
    for path in [*CORPUS, *EXAMPLES, *RULES]:
        raw = path.read_bytes()
        if len(raw) > 1_000_000:
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        cases.append(pytest.param(text, id=str(path.relative_to(ROOT))))
    return cases


@pytest.mark.parametrize("text", _cases())
def test_fast_path_is_the_checked_path(text: str) -> None:
    try:
        slow = _outcome(text, fast=False)
    except Exception as exc:  # a file libyaml itself refuses: both paths see the same error
        with pytest.raises(type(exc)):
            _outcome(text, fast=True)
        return
    assert _outcome(text, fast=True) == slow


def test_a_refusal_from_the_fast_path_names_its_place() -> None:
    problems = _outcome(TEXTS["duplicate key after values"], fast=True)
    assert [(line, column) for line, column, *_ in problems] == [(3, 1)]
    assert problems[0][2].code == "err.duplicate_key"


def test_whole_files_are_read_the_same(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(TEXTS["nested plain values"], encoding="utf-8")
    doc = yamlio.load(path)
    day = dt.date(2025, 1, 1)
    assert doc.data == {"a": [{"b": 1, "c": [2, 3.5, True, None, day]}, None]}
    assert doc.where(("a", 0, "c", 2)) == (2, 24)  # `true`
    assert doc.where(("a", 0, "c"), key=True) == (2, 12)
    assert doc.where(("a", 1)) == (3, 5)
