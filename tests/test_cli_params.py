"""Option values coerced without pydantic (cli/params.py, issue 14): the same values and the
same refusals as typer's own adapters, for every parameter of every command; and a check of
one file builds no TypeAdapter at all."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any

import pydantic
import pytest
import typer
import typer.main
from typer._click.exceptions import BadParameter
from typer._coercion import RuntimeParam, build_runtime_param
from typer.testing import CliRunner

from pzspec.cli import params as plain
from pzspec.cli import usage_errors
from pzspec.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "portfolios" / "pz-hospice-leergang.yaml"
runner = CliRunner()

# what a command line (or a default, or a caller) can hand a parameter; every parameter gets
# every sample, so each kind also meets the values of the others
TEXTS = [
    *("", " ", "abc", "a\tb", "\x1b[31mred", "ü", "-", "a//b/", "x/../y", "nl", "EN", "xx"),
    *("1", "0", "-1", "-0", "+3", "01", "8", "65535", "65536", "99999999999999999999"),
    *(" 2", "2 ", "1_000", "1__0", "1.0", "1.5", "1.", "1e3", "0x10", "٣", "１", "inf", "+"),
    *("text", "Text", "JSON", "jsonl", "auto", "NEVER", "maybe", "breaking", "profiles"),
    *("portfolio", "bash", "fish"),
]
OTHERS: list[Any] = [None, 0, 1, 7, 70000, True, False, 1.5, b"bytes", Path("p"), Path("")]
LISTS: list[Any] = [[], ["a", "b"], ("a",), ["1", "x"], [Path("q"), "r"], ["a", 1]]


def walk(cmd: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    found = [(path, cmd)]
    if hasattr(cmd, "list_commands"):
        ctx = typer.Context(cmd, info_name="pzspec")
        for name in cmd.list_commands(ctx):
            found += walk(cmd.get_command(ctx, name), (*path, name))
    return found


def every_parameter() -> list[tuple[str, Any, Any]]:
    """(command:param, the parameter, a context) for every command, the help option too."""
    found = []
    for path, cmd in walk(typer.main.get_command(app)):
        ctx = typer.Context(cmd, info_name=path[-1] if path else "pzspec")
        for param in cmd.get_params(ctx):
            found.append((" ".join(("pzspec", *path)) + ":" + str(param.name), param, ctx))
    return found


PARAMETERS = every_parameter()


def samples(param: Any) -> list[Any]:
    choices = param.type_descriptor.choices or ()
    members = [c for c in choices if isinstance(c, Enum)]
    return [*TEXTS, *OTHERS, *LISTS, *members, *(str(m.value) for m in members)]


def outcome(runtime: RuntimeParam, value: Any, param: Any, ctx: Any) -> tuple[Any, ...]:
    """What a user gets from a value: the value and its type, or the refusal as shown."""
    try:
        got = runtime.coerce(value, param=param, ctx=ctx)
    except BadParameter as err:
        shown = {lang: usage_errors._sentence(err, lang) for lang in ("nl", "en")}
        return ("refused", err.message, usage_errors._refused_input(err), shown)
    except Exception as err:  # whatever typer does with it, ours must do the same
        return ("raised", type(err), str(err))
    kinds = [type(item) for item in got] if isinstance(got, list) else []
    return ("value", type(got), got, kinds)


def test_every_parameter_of_every_command_is_coerced_without_pydantic() -> None:
    """Fails when the plain path is not active with the installed typer (a typer upgrade
    that moved the hook in cli/params.py): then typer builds an adapter per option again."""
    assert plain.hooks_present()
    assert len(PARAMETERS) > 100
    kinds = {type(param.get_runtime_param()) for _, param, _ in PARAMETERS}
    assert kinds == {plain.PlainParam}, kinds


@pytest.mark.parametrize(("name", "param", "ctx"), PARAMETERS, ids=[p[0] for p in PARAMETERS])
def test_plain_coercion_gives_what_typer_gives(name: str, param: Any, ctx: Any) -> None:
    ours = param.get_runtime_param()
    typers = build_runtime_param(param.type_descriptor)
    assert isinstance(ours, plain.PlainParam)
    assert not isinstance(typers, plain.PlainParam)
    for value in samples(param):
        expected = outcome(typers, value, param, ctx)
        assert outcome(ours, value, param, ctx) == expected, (name, value)


def test_the_samples_reach_values_and_refusals() -> None:
    """The equivalence above compares values and refusals (so neither comparison is empty)."""
    seen = {
        outcome(param.get_runtime_param(), value, param, ctx)[0]
        for _, param, ctx in PARAMETERS
        for value in samples(param)
    }
    assert seen == {"value", "refused"}


@pytest.mark.parametrize(
    ("value", "expected", "left_to_typer"),
    [
        ("5", ("value", int, 5), False),
        ("+3", ("value", int, 3), False),
        ("abc", ("refused", plain._NOT_INT, "abc"), False),
        ("0", ("refused", "Input should be greater than or equal to 1", "0"), False),
        (" 2", ("value", int, 2), True),
        ("1_000", ("value", int, 1000), True),
        ("1.5", ("refused", plain._NOT_INT, "1.5"), True),
    ],
)
def test_a_number_is_read_plainly_or_left_to_typer(
    value: str, expected: tuple[Any, ...], left_to_typer: bool
) -> None:
    """Plain digits and text without digits are answered without typer's adapter; anything
    in between (spaces, underscores, a decimal point) gets typer's own answer."""
    _, jobs, ctx = next(p for p in PARAMETERS if p[0] == "pzspec check:jobs")
    fresh = plain.plain_param(jobs.type_descriptor)
    assert fresh is not None
    assert outcome(fresh, value, jobs, ctx)[:3] == expected
    assert ("typers" in fresh.__dict__) is left_to_typer


def test_a_path_typer_refuses_is_refused_in_typers_words(monkeypatch: Any) -> None:
    """A path that exists but cannot be read: typer's message, naming the path as typed."""
    output = next(p for n, p, _ in PARAMETERS if n == "pzspec check:output")
    ctx = typer.Context(typer.main.get_command(app))
    monkeypatch.setattr(os, "access", lambda *_args, **_kw: False)
    typed = str(ROOT / "examples") + "//"
    ours = outcome(output.get_runtime_param(), typed, output, ctx)
    assert ours == outcome(build_runtime_param(output.type_descriptor), typed, output, ctx)
    assert ours[0] == "refused"
    assert ours[1] == f"path {typed!r} is not readable."


class Counted:
    """Counts the TypeAdapters pydantic builds while it is active."""

    def __init__(self, monkeypatch: Any) -> None:
        self.count = 0
        original = pydantic.TypeAdapter.__init__

        def counting(adapter: Any, *args: Any, **kwargs: Any) -> None:
            self.count += 1
            original(adapter, *args, **kwargs)

        monkeypatch.setattr(pydantic.TypeAdapter, "__init__", counting)


def check_example(*extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", str(EXAMPLE), *extra], env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout + result.stderr


def test_a_check_of_one_file_builds_no_type_adapter(monkeypatch: Any) -> None:
    adapters = Counted(monkeypatch)
    code, out = check_example()
    assert code == 0, out
    assert "Oordeel: VOLDOET" in out
    assert adapters.count == 0
    code, out = check_example("--jobs", "1", "--format", "jsonl", "--lang", "en", "--glob", "*")
    assert code == 0, out
    assert adapters.count == 0


def test_without_the_hook_typer_builds_its_adapters_again(monkeypatch: Any) -> None:
    """The counter above counts: with the plain path off (as with a typer that lacks the
    hook), the same check builds typer's adapters and still gives the same report."""
    code, before = check_example()
    monkeypatch.setattr(plain, "hooks_present", lambda: False)
    adapters = Counted(monkeypatch)
    code_typer, typers = check_example()
    assert adapters.count >= 10
    assert (code_typer, typers) == (code, before)


@pytest.mark.parametrize(
    ("args", "nl", "en"),
    [
        (
            ["--jobs", "abc"],
            "Fout: --jobs moet een geheel getal van 1 of meer zijn, niet 'abc'.",
            "Error: --jobs must be a whole number of 1 or more, not 'abc'.",
        ),
        (
            ["--jobs", "0"],
            "Fout: --jobs moet 1 of meer zijn, niet 0.",
            "Error: --jobs must be 1 or more, not 0.",
        ),
        (
            ["-j", "1.5"],
            "Fout: --jobs moet een geheel getal van 1 of meer zijn, niet '1.5'.",
            "Error: --jobs must be a whole number of 1 or more, not '1.5'.",
        ),
        (
            ["--format", "foo"],
            "Fout: --format: 'foo' kan niet; kies uit text, json, jsonl, html, markdown, github, junit.",
            "Error: --format: 'foo' is not a choice; choose from text, json, jsonl, html, markdown, github, junit.",
        ),
        (
            ["--color", "maybe"],
            "Fout: --color: 'maybe' kan niet; kies uit auto, always, never.",
            "Error: --color: 'maybe' is not a choice; choose from auto, always, never.",
        ),
    ],
)
def test_a_refused_value_is_one_line_in_the_language_of_the_run(
    args: list[str], nl: str, en: str, monkeypatch: Any
) -> None:
    adapters = Counted(monkeypatch)
    for lang, line in (("nl", nl), ("en", en)):
        code, out = check_example(*args, "--lang", lang)
        assert code == 2
        assert out.splitlines()[-1] == line
        assert [row for row in out.splitlines() if row.startswith(("Fout", "Error"))] == [line]
        assert "Traceback" not in out and "Input should" not in out
    assert adapters.count == (2 if args[1] == "1.5" else 0)  # "1.5" is left to typer


def test_values_reach_the_command_as_typer_gave_them() -> None:
    """A number with a sign, a repeated path option: the command runs as with typer's."""
    code, out = check_example("--format", "jsonl", "-j", "+1", "--rules", "data", "--rules", "data")
    assert code == 0, out
    assert out.startswith('{"file":')


def test_a_typer_without_the_hook_keeps_its_own_coercion(monkeypatch: Any) -> None:
    """Private typer API moved (here: no ``get_runtime_param``): nothing is installed."""
    import typer.core

    monkeypatch.delattr(typer.core._TyperParameter, "get_runtime_param")
    assert not plain.hooks_present()
    _, param, _ = next(p for p in every_parameter() if p[0] == "pzspec check:jobs")
    assert param._runtime_param is None


def test_a_typer_without_the_private_api_still_runs(monkeypatch: Any) -> None:
    """cli/params.py cannot be imported (a typer without ``typer._coercion``): the command
    runs on typer's own adapters, with the same report."""
    import sys

    import pzspec.cli

    code, before = check_example()
    monkeypatch.setitem(sys.modules, "pzspec.cli.params", None)
    monkeypatch.delattr(pzspec.cli, "params")
    adapters = Counted(monkeypatch)
    assert check_example() == (code, before)
    assert adapters.count >= 10


@pytest.mark.parametrize(
    ("value", "lang", "line"),
    [
        ("70000", "nl", "Fout: --port moet tussen 1 en 65535 liggen, niet 70000."),
        ("0", "en", "Error: --port must be between 1 and 65535, not 0."),
        ("abc", "en", "Error: --port must be a whole number from 1 to 65535, not 'abc'."),
    ],
)
def test_a_number_outside_a_range_names_both_ends(value: str, lang: str, line: str) -> None:
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-m", "pzspec", "serve", "--port", value, "--lang", lang],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines()[-1] == line
