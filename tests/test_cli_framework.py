"""The framework's own words (help, usage, usage errors) in Dutch by default, English with
--lang en, PZSPEC_LANG or LANG; -h; shell completion."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.cli.framework_i18n import early_lang, help_code
from pzspec.render.i18n import known

runner = CliRunner()
ENGLISH_FRAMEWORK = (
    "Usage:",
    "Show this message",
    "Options",
    "Arguments",
    "Commands",
    "Error:",
    "No such option",
    "Missing argument",
    "Invalid value",
    "[required]",
    "default:",
    "Input should be",
)
DUTCH_FRAMEWORK = ("Gebruik:", "Opties", "Argumenten", "Opdrachten", "Fout:", "verplicht")
TYPE_METAVARS = re.compile(r"<(?:list\[|int|str|path|float)")


def run(args: list[str], **env: str) -> tuple[int, str]:
    result = runner.invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": "100", **env})
    return result.exit_code, result.stdout + result.stderr


def subcommands(cmd: Any) -> dict[str, Any]:
    """The commands of a group, by the group's own listing (it builds them when asked)."""
    ctx = typer.Context(cmd, info_name="pzspec")
    if not hasattr(cmd, "list_commands"):
        return {}
    return {name: cmd.get_command(ctx, name) for name in cmd.list_commands(ctx)}


def commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    found: list[list[str]] = [[]]
    for name, cmd in subcommands(root).items():
        found.append([name])
        for sub in subcommands(cmd):
            found.append([name, sub])
    return found


COMMANDS = commands()


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "pzspec")
def test_every_help_page_is_dutch_without_framework_english(path: list[str]) -> None:
    code, out = run([*path, "-h"])
    assert code == 0
    assert out.startswith("Gebruik: ")
    assert "Toon deze hulp en stop." in out
    for english in ENGLISH_FRAMEWORK:
        assert english not in out, english
    assert not TYPE_METAVARS.search(out), out


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "pzspec")
def test_every_help_page_is_english_with_lang_en(path: list[str]) -> None:
    code, out = run([*path, "--help", "--lang", "en"])
    assert code == 0
    assert out.startswith("Usage: ")
    assert "Show this help and exit." in out
    for dutch in DUTCH_FRAMEWORK:
        assert dutch not in out, dutch
    assert not TYPE_METAVARS.search(out), out


def test_option_help_is_english_under_lang_en() -> None:
    _, nl = run(["check", "-h"])
    _, en = run(["check", "-h", "--lang", "en"])
    assert "Peildatum JJJJ-MM-DD (standaard: vandaag)." in nl
    assert "Reference date YYYY-MM-DD (default: today)." in en
    assert "Peildatum" not in en
    assert "--as-of DATUM" in nl and "--as-of DATE" in en
    assert "PAD..." in nl and "PATH..." in en
    assert "[minstens 1]" in nl and "[at least 1]" in en


def test_every_parameter_and_command_has_words_in_the_catalogue() -> None:
    """A new option without a help.* code would show Dutch under --lang en."""
    root = typer.main.get_command(app)
    missing = []

    def walk(cmd: object, path: list[str]) -> None:
        key = ".".join(path) or "pzspec"
        if not known(help_code("cmd", key)):
            missing.append(help_code("cmd", key))
        for param in getattr(cmd, "params", []):
            own, shared = help_code(key, param.name), help_code("opt", param.name)
            if not (known(own) or known(shared)):
                missing.append(own)
        for name, sub in subcommands(cmd).items():
            walk(sub, [*path, name])

    walk(root, [])
    assert not missing


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({}, "nl"),
        ({"PZSPEC_LANG": "en"}, "en"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "nl_NL.UTF-8"}, "nl"),
        ({"LANG": "C.UTF-8"}, "nl"),
        ({"PZSPEC_LANG": "nl", "LANG": "en_US.UTF-8"}, "nl"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),
        ({"LC_MESSAGES": "nl_NL.UTF-8", "LANG": "en_US.UTF-8"}, "nl"),
    ],
)
def test_the_language_comes_from_the_environment(env: dict[str, str], lang: str) -> None:
    assert early_lang([], env) == lang
    code, out = run(
        ["check", "--bogus"],
        **{"PZSPEC_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "", **env},
    )
    assert code == 2
    assert out.startswith("Gebruik:" if lang == "nl" else "Usage:")


def test_lang_on_the_command_line_wins_over_the_environment() -> None:
    assert early_lang(["check", "--lang", "nl"], {"PZSPEC_LANG": "en"}) == "nl"
    assert early_lang(["check", "--lang=en"], {}) == "en"
    code, out = run(["show", "profile", "nope", "--lang", "nl"], PZSPEC_LANG="en")
    assert code == 2
    assert "onbekend profiel" in out


def test_pzspec_lang_sets_the_report_language_too() -> None:
    code, out = run(["list", "profiles"], PZSPEC_LANG="en")
    assert code == 0
    code_nl, out_nl = run(["list", "profiles"])
    assert code_nl == 0
    assert out != out_nl


@pytest.mark.parametrize(
    ("args", "nl", "en"),
    [
        (
            ["check", "--bogus", "x"],
            "Fout: onbekende optie --bogus",
            "Error: no such option --bogus",
        ),
        (["check"], "Fout: PAD ontbreekt.", "Error: PATH is missing."),
        (
            ["check", "-j", "0", "x"],
            "Fout: --jobs moet 1 of meer zijn, niet 0.",
            "Error: --jobs must be 1 or more, not 0.",
        ),
        (
            ["check", "-f", "pdf", "x"],
            "Fout: --format: 'pdf' kan niet; kies uit text, json, jsonl",
            "Error: --format: 'pdf' is not a choice; choose from text, json, jsonl",
        ),
        (["chek"], "onbekende opdracht 'chek'; bedoelde u check", "no such command 'chek'"),
        (["check", "x", "--as-of"], "de optie --as-of heeft een waarde nodig", "needs a value"),
        (["init"], "de optie --profession ontbreekt", "option --profession is missing"),
    ],
)
def test_usage_errors_in_both_languages(args: list[str], nl: str, en: str) -> None:
    code, out = run(args)
    assert code == 2
    assert nl in out
    for english in ENGLISH_FRAMEWORK:
        assert english not in out, english
    code, out = run(["--lang", "en", *args])
    assert code == 2
    assert en in out
    assert "Traceback" not in out


def test_usage_error_names_the_help_option() -> None:
    _, out = run(["check", "--bogus", "x"])
    assert "Gebruik: pzspec check [OPTIES] PAD..." in out
    assert "Typ 'pzspec check -h' voor uitleg." in out


def test_dash_h_is_help_everywhere() -> None:
    for path in COMMANDS:
        code, short = run([*path, "-h"])
        code_long, long = run([*path, "--help"])
        assert code == code_long == 0
        assert short == long


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script_for_each_shell(shell: str) -> None:
    code, out = run(["completion", shell])
    assert code == 0
    assert "_PZSPEC_COMPLETE" in out
    assert "pzspec" in out


def complete(words: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What bash would be offered after ``pzspec <words>``."""
    result = runner.invoke(
        app,
        [],
        env={
            "_PZSPEC_COMPLETE": "complete_bash",
            "COMP_WORDS": f"pzspec {words}",
            "COMP_CWORD": str(len(words.split(" "))),
        },
        prog_name="pzspec",
    )
    return result.stdout.split()


def test_completion_offers_profile_ids_from_the_rule_data(monkeypatch: pytest.MonkeyPatch) -> None:
    assert complete("show profile v", monkeypatch) == ["vig", "vs-pa"]


def test_completion_offers_courses_professions_and_formats(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    courses = complete("show course leergang", monkeypatch)
    assert courses
    assert all(c.startswith("leergang") for c in courses)
    assert "hbo-verpleegkundige" in complete("init --profession hbo", monkeypatch)
    assert complete("check --format j", monkeypatch) == ["json", "jsonl", "junit"]
