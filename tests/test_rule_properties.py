"""Property-based tests for rule files given to ``--rules`` and ``validate`` (issue: hostile
and broken input, part 3). Overlays come from other organisations: mutated ones must get
exit 0 or 2, one clear line per problem, and never a traceback or an internal error."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.load import yamlio
from tests.conftest import ROOT

runner = CliRunner()
OVERLAY = ROOT / "docs" / "examples" / "overlay-vvn-vig.yaml"
THRESHOLDS = ROOT / "docs" / "examples" / "overlay-drempels.yaml"
PORTFOLIO = ROOT / "examples" / "portfolios" / "vig-verpleeghuis-verdiepingsleergang.yaml"
BASES = [yamlio.load(p).data for p in (OVERLAY, THRESHOLDS)]

odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.lists(st.text(max_size=5), max_size=3),
    # fresh containers each draw: a later mutation step writes into what it drew, and a
    # shared ``st.just({...})`` carried those writes into the next example (hypothesis then
    # failed with FlakyStrategyDefinition, now and then)
    st.builds(dict),
    st.just("2025-03"),
    st.just("experience.min-months"),
    st.just("leergang-pz-vig"),
    st.fixed_dictionaries({"type": st.just("min")}),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _paths(value, (*prefix, i))
    return out


@st.composite
def mutated_overlays(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent: Any = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "rename"]))
        if action == "replace":
            parent[path[-1]] = draw(odd_values)
        elif action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "rename" and isinstance(parent, dict):
            parent[path[-1] + "x" if isinstance(path[-1], str) else path[-1]] = parent.pop(path[-1])
    return data


def _write(tmp: Path, data: dict[str, Any]) -> Path:
    path = tmp / "overlay.yaml"
    # JSON is YAML: an easy way to write any structure, dates as text
    path.write_text(json.dumps(data, default=str, ensure_ascii=False), encoding="utf-8")
    return path


@settings(
    max_examples=int(__import__("os").environ.get("PZSPEC_RULE_EXAMPLES", "60")), deadline=None
)
@given(mutated_overlays())
def test_mutated_overlays_never_crash(tmp_path_factory: Any, data: dict[str, Any]) -> None:
    path = _write(tmp_path_factory.mktemp("rules"), data)
    for args in (
        ["validate", str(path)],
        ["check", str(PORTFOLIO), "--rules", str(path), "--as-of", "2026-08-01"],
        ["diff", str(OVERLAY), str(path), "--fail-on", "none"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1, 2, 3), (args, result.exit_code, result.stderr)
        assert "Traceback" not in result.stderr and "interne fout" not in result.stderr, (
            result.stderr
        )
        if result.exit_code == 2:
            for line in result.stderr.strip().splitlines():
                assert (
                    line.startswith((str(path), "pzspec", "--", "::")) or " gecontroleerd: " in line
                ), line


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(odd_values, min_size=2, max_size=6), mutated_overlays())
def test_mutations_share_no_state(values: list[Any], data: dict[str, Any]) -> None:
    """No drawn value is an object another draw also gets, and no mutation reaches BASES."""
    mutable = [v for v in values if isinstance(v, dict | list)]
    assert len({id(v) for v in mutable}) == len(mutable)
    for v in mutable:
        v.clear()  # what a later mutation step may do; it must not change future draws
    assert [yamlio.load(p).data for p in (OVERLAY, THRESHOLDS)] == BASES
