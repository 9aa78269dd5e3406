"""The ``pzspec`` command: the typer app and its commands, each in a module of its own."""

from __future__ import annotations

from typing import Annotated

import typer

from pzspec import __version__
from pzspec.cli import show_cmd
from pzspec.cli.common import LangOpt
from pzspec.cli.framework_app import PzTyper

# the words of the help pages come from the catalogue (help.cmd.*, help.<command>.*); the
# texts here are what a reader of the source sees (cli/framework_i18n.py)
app = PzTyper(
    name="pzspec",
    help="Toetst portfolio's aan het Basisprofiel palliatieve zorg (O2PZ, maart 2025) en de "
    "regels van de verenigingen, en legt de uitkomst uit. Over erkenning beslissen de "
    "verenigingen, niet pzspec.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

# a command's module is imported when that command runs (or a help page lists it)
app.command_in("check", "pzspec.cli.check_cmd:check")
app.add_typer(show_cmd.show_app, name="show")
show_cmd.show_app.command("profile")(show_cmd.show_profile)
show_cmd.show_app.command("course")(show_cmd.show_course)
app.command("list")(show_cmd.list_)
app.command_in("schema", "pzspec.cli.init_cmd:schema")
app.command_in("init", "pzspec.cli.init_cmd:init")
app.command_in("validate", "pzspec.cli.validate_cmd:validate")
app.command_in("test", "pzspec.cli.test_cmd:test_")
app.command_in("diff", "pzspec.cli.diff_cmd:diff_")
app.command_in("plan", "pzspec.cli.plan_cmd:plan")
app.command_in("completion", "pzspec.cli.completion:completion")
app.command_in("serve", "pzspec.cli.serve_cmd:serve")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pzspec {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie.")
    ] = False,
    lang: LangOpt = "nl",
) -> None:
    """pzspec: het Basisprofiel palliatieve zorg als regels, en een uitgelegd oordeel."""


def main() -> None:
    """The command as the tests and ``pzspec.cli.entry`` run it."""
    import os
    import signal

    # pydantic's documented switch (see cli/startup.py); a value the user set is kept
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

    def _terminate(_signum: int, _frame: object) -> None:
        # SIGTERM unwinds like Ctrl-C, so a write in progress removes its temporary file
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _terminate)
    app()
