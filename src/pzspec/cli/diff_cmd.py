"""``pzspec diff``: what a rule change does, and for whom."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pzspec.cli.common import (
    Color,
    ColorOpt,
    DebugOpt,
    LangOpt,
    parse_as_of,
    parse_lang,
    run,
)
from pzspec.cli.output import (
    use_color,
    width,
)
from pzspec.cli.startup import settle
from pzspec.errors import InputError
from pzspec.messages import msg
from pzspec.render.problems import problem_line


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"


class DiffFailOn(StrEnum):
    breaking = "breaking"
    any = "any"
    none = "none"


def diff_(
    sides: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Twee kanten: regel- of overlaybestand, of een map met regeldata. "
            "Met --git: hooguit één PAD (standaard data/).",
            show_default=False,
            metavar="OUD NIEUW",
        ),
    ] = None,
    git: Annotated[
        str | None,
        typer.Option(
            "--git",
            metavar="REV",
            help="Vergelijk PAD zoals het in git-revisie REV was (bijv. origin/main) met de "
            "werkkopie.",
        ),
    ] = None,
    portfolios: Annotated[
        list[Path] | None,
        typer.Option(
            "--portfolios",
            help="Toets deze portfolio's (bestanden of mappen) onder beide kanten en toon wie "
            "een ander oordeel krijgt; mag vaker.",
            show_default=False,
            metavar="PAD",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Peildatum JJJJ-MM-DD: vergelijk de regels die dan gelden (standaard: elke "
            "versie met al haar overlays; de toetsing gebruikt dan vandaag).",
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="Uitvoer: text, json, markdown of github."),
    ] = DiffFormat.text,
    fail_on: Annotated[
        DiffFailOn,
        typer.Option("--fail-on", help="Exitstatus 1 bij: breaking (standaard), any of none."),
    ] = DiffFailOn.breaking,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Aantal processen voor --portfolios (standaard: aantal CPU's).",
        ),
    ] = None,
    lang: LangOpt = "nl",
    color: ColorOpt = Color.auto,
    debug: DebugOpt = False,
) -> None:
    """Wat verandert er voor wie? Vergelijk twee versies van regeldata.

    Elke wijziging met haar regelpad, oude en nieuwe waarde en soort: aangescherpt,
    verruimd, toegevoegd, verwijderd of redactioneel. Exitstatus: 0 geen brekende wijziging,
    1 brekende wijzigingen (elke wijziging met --fail-on any, nooit met --fail-on none),
    2 onbruikbare invoer.
    """
    language = parse_lang(lang)
    day = parse_as_of(as_of, language) if as_of is not None else None

    def body() -> int:
        import tempfile

        from pzspec.diff import core
        from pzspec.evaluate.batch import default_jobs
        from pzspec.render.diff_out import render as render_diff

        paths = sides or []
        with tempfile.TemporaryDirectory(prefix="pzspec-diff-") as tmp:
            if git is not None:
                if len(paths) > 1:
                    raise InputError.single("pzspec diff", msg("diff.err.sides"))
                here = paths[0] if paths else Path("data")
                snapshot = core.git_snapshot(git, here, Path(tmp))
                old = core.load_side(snapshot, shown_as=(Path(tmp), git))
                new = core.load_side(here)
                labels = (f"{git}:{here.as_posix()}", here.as_posix())
            else:
                if len(paths) != 2:
                    raise InputError.single("pzspec diff", msg("diff.err.sides"))
                old = core.load_side(paths[0])
                new = core.load_side(paths[1])
                labels = (paths[0].as_posix(), paths[1].as_posix())
            settle()  # start-up done: the collector back on for the batch (cli/startup.py)
            report = core.run(
                old,
                new,
                old_label=labels[0],
                new_label=labels[1],
                as_of=day,
                portfolios=portfolios,
                jobs=jobs or default_jobs(),
            )
        for problem in report.problems:
            typer.echo(problem_line(problem, language), err=True)
        colored = fmt is DiffFormat.text and use_color(color)
        sys.stdout.write(render_diff(report, fmt.value, language, color=colored, width=width()))
        return core.exit_status(report, fail_on.value)

    run(language, debug, body)
