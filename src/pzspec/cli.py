"""The command line: parse options, call the core, pick a renderer, set the exit status."""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from pzspec import __version__
from pzspec.errors import InputError
from pzspec.i18n import Lang, tr

app = typer.Typer(
    name="pzspec",
    help="Wie is een in palliatieve zorg gespecialiseerde zorgverlener? "
    "Toetst portfolio's aan het Basisprofiel (O2PZ, maart 2025).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_INTERNAL = 70


class Format(str, Enum):
    text = "text"
    json = "json"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


LangOpt = Annotated[
    str, typer.Option("--lang", help="Taal van de uitvoer: nl of en.", case_sensitive=False)
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Toon de volledige foutmelding bij een interne fout.")]


def _lang(value: str) -> Lang:
    value = value.lower()
    if value not in ("nl", "en"):
        _fail(f"--lang: kies nl of en, niet '{value}'")
    return "en" if value == "en" else "nl"


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"pzspec: {message}", err=True)
    raise typer.Exit(code)


def _as_of(value: str | None, lang: Lang) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(tr(lang, "cli.bad_date", value=value))


def _use_color(choice: Color) -> bool:
    if choice is Color.always:
        return True
    if choice is Color.never or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _internal(exc: BaseException, lang: Lang, debug: bool) -> NoReturn:
    if debug:
        import traceback

        traceback.print_exception(exc)
    typer.echo("pzspec: " + tr(lang, "cli.internal", error=type(exc).__name__), err=True)
    raise typer.Exit(EXIT_INTERNAL)


def _report_problems(err: InputError) -> None:
    for problem in err.problems:
        typer.echo(problem.format(), err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pzspec {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie.")
    ] = False,
) -> None:
    """pzspec: het Basisprofiel palliatieve zorg als regels, en een uitgelegd oordeel."""


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Portfoliobestanden (YAML).", show_default=False)],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
    ] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Uitvoer: text of json.")] = Format.text,
    lang: LangOpt = "nl",
    color: Annotated[Color, typer.Option("--color", help="Kleur: auto, always of never.")] = Color.auto,
    debug: DebugOpt = False,
) -> None:
    """Toets portfolio's aan het Basisprofiel en leg het oordeel uit.

    Exitstatus: 0 alle voldoen, 1 minstens één voldoet niet, 3 beoordeling nodig,
    2 een bestand of optie is onbruikbaar.
    """
    language = _lang(lang)
    day = _as_of(as_of, language)
    try:
        from pzspec.check import check_files, exit_status

        outcomes = list(check_files(files, day, language))
        for outcome in outcomes:
            for problem in outcome.problems:
                typer.echo(problem.format(), err=True)
        results = [o.result for o in outcomes if o.result is not None]
        if results:
            if fmt is Format.json:
                from pzspec.render import json_out

                sys.stdout.write(json_out.render(results, array=len(files) > 1))
            else:
                from pzspec.render import text

                width = os.get_terminal_size().columns if sys.stdout.isatty() else 100
                sys.stdout.write(text.render(results, language, color=_use_color(color), width=width))
        code = exit_status(outcomes)
    except InputError as err:
        _report_problems(err)
        raise typer.Exit(2) from None
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as exc:
        _internal(exc, language, debug)
    raise typer.Exit(code)


def main() -> None:
    app()
