"""``pzspec check``: portfolios in, a verdict per portfolio out, in any format."""

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
    NoDefaultOpt,
    RulesOpt,
    parse_as_of,
    parse_lang,
    run,
)
from pzspec.cli.output import (
    is_stdout,
    progress,
    use_color,
    width,
)
from pzspec.errors import InputError, Problem
from pzspec.messages import msg
from pzspec.render.problems import problem_line


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    markdown = "markdown"
    github = "github"
    junit = "junit"


def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Portfoliobestanden (YAML) of mappen (recursief).",
            show_default=False,
            metavar="PAD...",
        ),
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
    ] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="Uitvoer: text, json, jsonl, html, markdown, github of junit."
        ),
    ] = CheckFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Schrijf het rapport naar dit bestand (- is stdout)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Vervang een bestaand --output-bestand.")
    ] = False,
    redact: Annotated[
        bool, typer.Option("--redact", help="Laat naam en BIG-nummer weg uit elke uitvoer.")
    ] = False,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob", help="Bestandspatroon in mappen (standaard *.yaml en *.yml); mag vaker."
        ),
    ] = None,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Alleen de samenvattende tabel (text).")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Aantal processen (standaard: aantal CPU's)."),
    ] = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    lang: LangOpt = "nl",
    color: ColorOpt = Color.auto,
    debug: DebugOpt = False,
) -> None:
    """Toets portfolio's aan het Basisprofiel en leg het oordeel uit.

    Mappen worden recursief doorzocht. Exitstatus: 0 alle voldoen, 1 minstens één voldoet
    niet, 3 beoordeling nodig, 2 een bestand of optie is onbruikbaar.
    """
    language = parse_lang(lang)
    day = parse_as_of(as_of, language)
    output = None if is_stdout(output) else output

    def body() -> int:
        from pzspec import api
        from pzspec.render.batch import Finish
        from pzspec.render.formats import sink as make_sink

        data = api.load_rules(rules or (), defaults=not no_default_rules)
        for notice in data.library.notices:  # a file given replaces shipped data
            typer.echo(problem_line(notice, language), err=True)
        book = api.rules_on(data, day)
        found = api.find_portfolios(files, glob or api.DEFAULT_GLOBS)
        paths = found.files
        if not paths and not found.problems:
            raise InputError.single(
                " ".join(map(str, files)),
                msg("cli.no_files"),
                msg("hint.no_files"),
            )
        sink = make_sink(
            fmt.value,
            language,
            array=len(paths) > 1 or any(p.is_dir() for p in files),
            color=output is None and use_color(color),
            width=width(),
            summary=len(paths) > 1,
            only_summary=summary_only,
            book=book,
        )
        finish = Finish(sink, redact=redact)
        # folder entries that cannot be used come first, then every file that can be read
        outcomes = api.check_paths(
            found, rules=data, as_of=day, jobs=jobs, book=book, finish=finish
        )
        tally = api.Tally()
        chunks: list[str] = []
        with progress(len(paths) + len(found.problems), language) as advance:
            for outcome in outcomes:
                advance()
                for problem in outcome.problems:
                    typer.echo(problem_line(problem, language), err=True)
                if outcome.internal:
                    message = msg("cli.internal", error=outcome.internal)
                    internal = Problem(outcome.file, None, None, message)
                    typer.echo(problem_line(internal, language), err=True)
                tally.add(outcome)
                piece = sink.add(outcome)
                if output is None:
                    sys.stdout.write(piece)
                else:
                    chunks.append(piece)
        tail = sink.close(tally)
        if output is None:
            sys.stdout.write(tail)
        elif tally.verdicts.total() > tally.verdicts["error"]:
            from pzspec.cli.fsio import write_atomic

            write_atomic(output, "".join(chunks) + tail, force=force, lang=language)
        return tally.exit_status

    run(language, debug, body)
