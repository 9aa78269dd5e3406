"""``pzspec check``: portfolios in, a verdict per portfolio out, in any format."""

from __future__ import annotations

import itertools
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, assert_never

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
from pzspec.render.i18n import Lang, tr
from pzspec.render.problems import problem_line

if TYPE_CHECKING:
    from pzspec.load.catalog import RuleBook
    from pzspec.render.batch import Sink


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
        from pzspec.evaluate.batch import (
            DEFAULT_GLOBS,
            Outcome,
            Tally,
            check_many,
            default_jobs,
            expand,
        )
        from pzspec.load.catalog import library

        lib = library(rules or [], defaults=not no_default_rules, lang=language)
        book = lib.at(day, language)
        found = expand(files, glob or DEFAULT_GLOBS, language)
        paths = found.files
        if not paths and not found.problems:
            raise InputError.single(
                " ".join(map(str, files)),
                tr(language, "cli.no_files"),
                tr(language, "hint.no_files"),
            )
        array = len(paths) > 1 or any(p.is_dir() for p in files)
        color_on = output is None and use_color(color)
        sink = _sink(fmt, language, array, color_on, summary_only, len(paths), book)
        from pzspec.render.batch import Finish

        finish = Finish(sink, redact=redact)
        # folder entries that cannot be used come first, then every file that can be read
        unusable = (finish(Outcome(p.file, problems=(p,))) for p in found.problems)
        checked = check_many(
            paths,
            book,
            day,
            language,
            jobs=jobs or default_jobs(),
            rules=tuple(rules or ()),
            defaults=not no_default_rules,
            finish=finish,
        )
        outcomes = itertools.chain(unusable, checked)
        tally = Tally()
        chunks: list[str] = []
        with progress(len(paths) + len(found.problems), language) as advance:
            for outcome in outcomes:
                advance()
                for problem in outcome.problems:
                    typer.echo(problem_line(problem, language), err=True)
                if outcome.internal:
                    message = tr(language, "cli.internal", error=outcome.internal)
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


def _sink(
    fmt: CheckFormat,
    lang: Lang,
    array: bool,
    color: bool,
    summary_only: bool,
    count: int,
    book: RuleBook,
) -> Sink:
    from pzspec.render import batch

    match fmt:
        case CheckFormat.text:
            return batch.TextSink(
                lang, color=color, width=width(), summary=count > 1, only=summary_only
            )
        case CheckFormat.json:
            return batch.JsonSink(lang, array=array)
        case CheckFormat.jsonl:
            return batch.JsonLinesSink(lang)
        case CheckFormat.github:
            return batch.GithubSink(lang)
        case CheckFormat.junit:
            return batch.JunitSink(lang)
        case CheckFormat.html | CheckFormat.markdown:
            return batch.DocumentSink(fmt.value, lang, book)
    assert_never(fmt)
