"""What every command shares: options, the language, the date, and how a command runs."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from pzspec.cli.output import (
    EXIT_OUTPUT,
    OutputFault,
    guarded_stdout,
    quiet_stdout,
)
from pzspec.errors import InputError, one_line, shown
from pzspec.render.i18n import Lang, tr
from pzspec.render.problems import problem_line

EXIT_INTERNAL = 70
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a closed pipe


class Format(StrEnum):
    text = "text"
    json = "json"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        help="Taal van de uitvoer: nl of en (standaard PZSPEC_LANG of LANG, anders nl).",
        case_sensitive=False,
        show_default=False,
    ),
]
ColorOpt = Annotated[Color, typer.Option("--color", help="Kleur: auto, always of never.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Uitvoer: text of json.")]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        help="Extra regeldata (overlay- of regelbestand, of een map); mag vaker.",
        show_default=False,
    ),
]
NoDefaultOpt = Annotated[
    bool, typer.Option("--no-default-rules", help="Gebruik alleen de regeldata van --rules.")
]
# options that check, plan and test share (their words: help.<command>.<option>)
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
]
GlobOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--glob", help="Bestandspatroon in mappen (standaard *.yaml en *.yml); mag vaker."
    ),
]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Aantal processen (standaard: aantal CPU's)."),
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Toon de volledige foutmelding bij een interne fout.")
]
VersionOpt = Annotated[
    str | None,
    typer.Option(
        "--version", help="Regelversie, bijvoorbeeld 2025-03 (standaard: die van vandaag)."
    ),
]


def parse_lang(value: str) -> Lang:
    value = value.lower()
    if value not in ("nl", "en"):
        fail(tr("nl", "cli.bad_lang", value=shown(value, 20)))
    return "en" if value == "en" else "nl"


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"pzspec: {message}", err=True)
    raise typer.Exit(code)


_ISO_DAY = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_as_of(value: str | None, lang: Lang) -> dt.date:
    if value is None:
        return dt.date.today()
    # only the documented form: fromisoformat alone also takes 20260101 and 2026-W01-1
    if not _ISO_DAY.fullmatch(value):
        fail(tr(lang, "cli.bad_date", value=one_line(value)))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(tr(lang, "cli.bad_date", value=one_line(value)))
    if not 1900 <= day.year <= 2199:  # the range yamlio accepts for dates in files
        fail(tr(lang, "cli.date_range", value=value))
    return day


def internal(exc: BaseException, lang: Lang, debug: bool) -> NoReturn:
    if debug:
        import traceback

        traceback.print_exception(exc)
    typer.echo("pzspec: " + tr(lang, "cli.internal", error=type(exc).__name__), err=True)
    raise typer.Exit(EXIT_INTERNAL)


def report_problems(err: InputError, lang: Lang) -> None:
    for problem in err.problems:
        typer.echo(problem_line(problem, lang), err=True)


def run(lang: Lang, debug: bool, body: Callable[[], int]) -> NoReturn:
    """Run a command body: input errors exit 2 with their lines, a fault in writing stdout
    exits 74 with one line, a closed pipe 141 in silence, anything else 70."""
    try:
        with guarded_stdout():
            code = body()
    except InputError as err:
        report_problems(err, lang)
        raise typer.Exit(2) from None
    except (typer.Exit, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, like other command-line tools
        quiet_stdout()
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except OutputFault as fault:
        quiet_stdout()
        typer.echo("pzspec: " + fault.message(lang), err=True)
        raise typer.Exit(EXIT_OUTPUT) from None
    except Exception as exc:
        internal(exc, lang, debug)
    raise typer.Exit(code)


def print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def unknown_id(what: str, value: str, choices: list[str], lang: Lang) -> InputError:
    from pzspec.errors import echo
    from pzspec.load.loader import unknown_hint
    from pzspec.messages import msg

    hint = unknown_hint(value, choices)
    message = msg("err.unknown_id", what=msg(what), value=echo(value, (), 100))
    return InputError.single("pzspec", message, hint)
