"""One module per condition type (issue 13): the registry's declarations drive validate,
check and (later) diff; a misspelt field or one the condition cannot compare is a
file:line:column error in validate and check --rules alike; a new type is one module."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from typer.testing import CliRunner

from pzspec import conditions
from pzspec.cli.app import app
from pzspec.conditions import (
    TYPES,
    Book,
    Cond,
    ConditionType,
    Context,
    FieldName,
    Outcome,
    Use,
    register,
    unregister,
)
from pzspec.conditions.base import get, missing_value, param, subject
from pzspec.conditions.fields import FIELDS
from pzspec.errors import InputError
from pzspec.load.catalog import default_book, library
from pzspec.messages import Message, msg
from pzspec.models.rules import Route
from pzspec.render.words import word
from tests.conftest import ROOT

runner = CliRunner()
VIG = ROOT / "examples" / "portfolios" / "vig-verpleeghuis-verdiepingsleergang.yaml"
HEAD = (
    'pzspec: overlay/1\nid: voorwaarden\nextends: "2025-03"\ntitle: "Voorwaarden"\n'
    'publisher: "Test"\nvalid_from: 2025-06-01\nsource: "Besluit, artikel 1"\n'
    "profiles:\n  vig:\n    routes:\n      add:\n"
    "        - id: leergang-vig\n"
    '          label: {nl: "leergang"}\n'
    '          source: "Besluit, artikel 2"\n'
    "          entry: {kinds: [leergang-pz]}\n"
    "          conditions:\n"
)
TAIL = '          missing: {nl: "een leergang"}\n'
CONDITION_LINE = HEAD.count("\n") + 1


def overlay(tmp_path: Path, condition: str) -> Path:
    path = tmp_path / "overlay.yaml"
    path.write_text(HEAD + f"            - {condition}\n" + TAIL, encoding="utf-8")
    return path


def first_line(args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, args)
    lines = result.stderr.strip().splitlines()
    return result.exit_code, lines[0] if lines else ""


def refused_alike(path: Path) -> str:
    """validate and check --rules refuse the file with the same first line; that line."""
    code, line = first_line(["validate", str(path)])
    assert code == 2, line
    assert (code, line) == first_line(["check", str(VIG), "--rules", str(path)])
    return line


# --- fields: validate and check refuse what a condition cannot look at ------------------


def test_a_misspelt_field_is_refused_with_the_closest_known_field(tmp_path: Path) -> None:
    cond = "{type: min, field: dayz, value: 3}"
    path = overlay(tmp_path, cond)
    line = refused_alike(path)
    column = len("            - {type: min, field: ") + 1
    assert line == (
        f"{path}:{CONDITION_LINE}:{column}: onbekende veldnaam 'dayz' (bedoelde u 'days'?)"
    )


def test_a_field_the_condition_cannot_compare_is_refused(tmp_path: Path) -> None:
    path = overlay(tmp_path, "{type: before, field: days, param: transition.end-date}")
    line = refused_alike(path)
    column = len("            - {type: before, field: ") + 1
    assert line.startswith(f"{path}:{CONDITION_LINE}:{column}: veld 'days' bevat een getal; ")
    assert "een voorwaarde 'before' vraagt een veld met een datum" in line


def test_a_known_field_of_the_right_type_passes(tmp_path: Path) -> None:
    path = overlay(tmp_path, "{type: min, field: days, value: 3}")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.stderr


def test_the_problems_are_coded_messages(tmp_path: Path) -> None:
    path = overlay(tmp_path, "{type: includes, field: dayz, values: [a]}")
    with pytest.raises(InputError) as caught:
        library([path])
    problem = caught.value.problems[0]
    assert problem.code == "err.unknown_id"
    assert isinstance(problem.message, Message)
    assert problem.message.args["value"] == "dayz"
    assert problem.hint == msg("hint.did_you_mean", suggestion="days")


# --- the declarations ------------------------------------------------------------------


def test_every_type_declares_a_model_of_its_own_name_in_the_union() -> None:
    assert list(TYPES) == [
        "min",
        "below",
        "before",
        "includes",
        "equals",
        "in",
        "all-of",
        "any-of",
        "when",
        "experience-months",
        "education-in-progress",
    ]
    for name, kind in TYPES.items():
        assert kind.name == name
        assert kind.model.__module__.startswith("pzspec.conditions.")
        assert kind.compares <= {"number", "date", "text", "bool", "codes"}


def test_field_types_match_what_each_condition_compares() -> None:
    assert FIELDS["days"].type == "number" and FIELDS["days"].param == "days"
    assert TYPES["before"].compares == {"date"}
    assert TYPES["equals"].compares == {"text", "bool", "number"}


def _route(*conds: dict[str, Any]) -> Route:
    return Route.model_validate(
        {
            "id": "r",
            "label": {"nl": "r"},
            "source": "s",
            "missing": {"nl": "m"},
            "conditions": list(conds),
        }
    )


def test_uses_give_the_direction_of_each_parameter_and_field() -> None:
    route = _route(
        {"type": "min", "field": "days", "param": "education.short-course-days"},
        {
            "type": "when",
            "if": {"type": "before", "field": "person.graduated", "param": "transition.end-date"},
            "then": {"type": "experience-months", "min": "m", "window": "w"},
        },
    )
    found = [u for c in route.conditions for u in conditions.uses(c)]
    assert found == [
        Use("param", "education.short-course-days", 1),
        Use("field", "days", -1),
        Use("param", "transition.end-date", 1),  # in the guard: the other way round
        Use("field", "person.graduated", -1),
        Use("param", "m", 1),
        Use("param", "w", -1),
    ]
    assert conditions.param_ids(route.conditions) == [
        "education.short-course-days",
        "transition.end-date",
        "m",
        "w",
    ]


def test_describe_is_a_message_worded_only_by_render() -> None:
    book = default_book(dt.date(2026, 1, 1))
    route = _route(
        {
            "type": "any-of",
            "conditions": [
                {"type": "min", "field": "days", "value": 12},
                {"type": "in", "field": "kind", "values": ["leergang-pz"]},
            ],
        }
    )
    said = conditions.describe(route.conditions[0], book)
    assert isinstance(said, Message)
    assert word(said, "nl") == "lesdagen minimaal 12 of kind is een van leergang-pz"
    assert word(said, "en") == "teaching days at least 12 or kind is one of leergang-pz"


# --- a new condition type is one module and one registration ----------------------------


class MaxCond(Cond):
    """``field`` is at most ``value`` (a test type: not shipped)."""

    type: Literal["max"]
    field: str
    value: int


def _max_evaluate(cond: MaxCond, ctx: Context) -> Outcome:
    what = subject(cond, ctx.book, cond.field)
    actual = get(ctx, cond.field)
    if actual is None:
        return missing_value(cond, what, [])
    fact = msg("cond.value", field=what, value=actual)
    return Outcome("met" if actual <= cond.value else cond.on_fail, [fact], [fact])


def _max_describe(cond: MaxCond, book: Book) -> Message:
    return msg("describe.below", field=FieldName(cond.field), value=cond.value + 1)


MAX = ConditionType(
    model=MaxCond,
    evaluate=_max_evaluate,
    describe=_max_describe,
    uses=lambda c: [Use("field", c.field, 1)],
    compares=frozenset({"number"}),
)


@pytest.fixture
def with_max() -> Iterator[None]:
    register(MAX)
    try:
        yield
    finally:
        unregister("max")


def _education(path: Path) -> dict[str, Any]:
    result = runner.invoke(
        app, ["check", str(VIG), "--rules", str(path), "--format", "json", "--as-of", "2026-01-01"]
    )
    assert result.exit_code in (0, 1), result.stderr
    reqs = json.loads(result.stdout)["requirements"]
    return next(r for r in reqs if r["id"] == "education")


def test_a_new_type_is_validated_and_checked(tmp_path: Path, with_max: None) -> None:
    assert "max" in TYPES
    path = overlay(tmp_path, "{type: max, field: days, value: 20}")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.stderr
    assert _education(path)["status"] == "met"
    short = overlay(tmp_path, "{type: max, field: days, value: 5}")
    education = _education(short)
    assert education["status"] == "unmet"
    assert any("lesdagen: 10" in f for f in education["facts"])
    line = refused_alike(overlay(tmp_path, "{type: max, field: dayz, value: 5}"))
    assert line.endswith("onbekende veldnaam 'dayz' (bedoelde u 'days'?)")
    line = refused_alike(overlay(tmp_path, "{type: max, field: started, value: 5}"))
    assert "een voorwaarde 'max' vraagt een veld met een getal" in line


def test_a_new_type_is_compared_by_diff(tmp_path: Path, with_max: None) -> None:
    """diff has no comparison written for the new type, yet reports its change: from the
    type's declared uses, and as a tightening when the direction is not known."""
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, value in ((old, 20), (new, 5)):
        folder.mkdir()
        (folder / "overlay.yaml").write_text(
            HEAD + f"            - {{type: max, field: days, value: {value}}}\n" + TAIL,
            encoding="utf-8",
        )
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    assert result.exit_code == 1, result.stderr  # breaking
    changes = json.loads(result.stdout)["changes"]
    change = next(c for c in changes if "conditions" in c["path"])
    assert change["kind"] == "tightened" and change["breaking"]
    assert change["code"] == "diff.cond.changed"
    # only the outcome differs: one change (the outcome's), not a second of unknown direction
    (new / "overlay.yaml").write_text(
        HEAD + "            - {type: max, field: days, value: 20, on_fail: review}\n" + TAIL,
        encoding="utf-8",
    )
    result = runner.invoke(app, ["diff", str(old), str(new), "-f", "json"])
    paths = [c["path"] for c in json.loads(result.stdout)["changes"] if "conditions" in c["path"]]
    assert len(paths) == 1 and paths[0].endswith(".on_fail"), paths


def test_an_unregistered_type_is_unknown_again(tmp_path: Path) -> None:
    register(MAX)
    unregister("max")
    code, line = first_line(["validate", str(overlay(tmp_path, "{type: max, field: days}"))])
    assert code == 2
    assert "max" in line


def test_the_rule_schema_does_not_change_with_the_registry() -> None:
    result = runner.invoke(app, ["schema", "rules"])
    shipped = (ROOT / "schemas" / "rules.schema.json").read_text(encoding="utf-8")
    assert json.loads(result.stdout) == json.loads(shipped)


def test_evaluate_answers_with_messages() -> None:
    book = default_book(dt.date(2026, 1, 1))
    route = _route({"type": "min", "field": "days", "param": "education.short-course-days"})

    class Ctx:
        portfolio: Any = None
        entry: Any = None

        def __init__(self) -> None:
            self.book = book

        def experience_months(self, window: int | None, /) -> tuple[int, int]:
            return 0, 0

        def in_progress(self, by: dt.date, /) -> tuple[Any, str | None]:
            return "unmet", None

        def placement_share(self, start: dt.date, end: dt.date, /) -> None:
            return None

    out = conditions.evaluate(route.conditions[0], Ctx())
    assert out.status == "review"
    assert out.facts == [msg("cond.not_given", field=FieldName("days"))]
    assert word(out.facts[0], "en") == "teaching days: not given (fill in 'days')"
    assert out.params == ["education.short-course-days"]
    assert param(book, "education.short-course-days") == 9


def test_uses_agree_with_the_polarity_diff_uses_today() -> None:
    """``diff.core.uses_of`` encodes the same directions; the lead wires diff to ``uses``."""
    from collections import defaultdict

    from pzspec.diff.core import uses_of

    book = default_book(dt.date(2026, 1, 1))
    want_params, want_fields = uses_of(book)
    params: dict[str, set[int]] = defaultdict(set)
    fields: dict[str, set[int]] = defaultdict(set)
    rules = book.rules
    signed = [(c, 1) for r in rules.registrations for c in r.conditions]
    signed += [(c, -1) for e in rules.exclusions for c in e.conditions]
    routes = list(rules.defaults.transition.routes)
    for pr in rules.profiles.values():
        routes += pr.education.routes + (pr.transition.routes if pr.transition else [])
    signed += [(c, 1) for r in routes for c in r.conditions]
    for cond, pol in signed:
        for use in conditions.uses(cond):
            (params if use.kind == "param" else fields)[use.id].add(pol * use.direction)
    assert dict(fields) == dict(want_fields)
    for pid, found in params.items():
        assert found <= want_params[pid], pid


def test_conditions_sit_just_above_models() -> None:
    """``pzspec.conditions`` imports neither load, evaluate, diff, render, cli nor typer/rich."""
    import subprocess
    import sys

    code = (
        "import sys, pzspec.conditions, pzspec.models.rules\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'jinja2')"
        " or m.startswith(('pzspec.load', 'pzspec.evaluate', 'pzspec.diff', 'pzspec.render',"
        " 'pzspec.cli')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_field_names_and_joined_lists_are_json_and_words() -> None:
    from pzspec.conditions import Joined
    from pzspec.render.words import jsonable

    said = msg(
        "cond.labelled",
        label="x",
        facts=Joined([msg("cond.value", field=FieldName("nlqf"), value=6)]),
    )
    assert word(said, "en") == "x: NLQF level: 6"
    assert jsonable(said)["args"]["facts"] == [
        {"code": "cond.value", "args": {"field": "nlqf", "value": 6}}
    ]
    assert word(msg("cond.value", field=FieldName("unlabelled"), value=True), "nl") == (
        "unlabelled: ja"
    )
