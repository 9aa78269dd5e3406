"""``pzspec check``: portfolios in, a verdict per portfolio out, in any format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from pzspec.cli.check_out import (
    STDIN_NAME,
    ToFile,
    ToFolder,
    ToStdout,
    is_folder_target,
    prepare_folder,
    read_stdin,
    report_names,
)
from pzspec.cli.common import (
    AsOfOpt,
    Color,
    ColorOpt,
    DebugOpt,
    GlobOpt,
    JobsOpt,
    LangOpt,
    NoDefaultOpt,
    RulesOpt,
    fail,
    parse_as_of,
    parse_lang,
    run,
)
from pzspec.cli.output import STDOUT as STDIN
from pzspec.cli.output import (
    is_stdout,
    is_terminal,
    progress,
    use_color,
    width,
)
from pzspec.cli.startup import settle
from pzspec.errors import InputError, Problem
from pzspec.evaluate.batch import Outcome
from pzspec.load.walk import Found
from pzspec.messages import msg
from pzspec.render.i18n import Lang, tr
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
            help="Portfoliobestanden (YAML) of mappen (recursief); - is stdin.",
            show_default=False,
            metavar="PAD...",
        ),
    ],
    as_of: AsOfOpt = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="Uitvoer: text, json, jsonl, html, markdown, github of junit."
        ),
    ] = CheckFormat.text,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Schrijf naar dit bestand of (html, markdown) deze map (- is stdout).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Vervang een bestaand --output-bestand.")
    ] = False,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Laat naam, BIG-nummer en bestandsnaam weg uit elke uitvoer (portfolio-1, ...).",
        ),
    ] = False,
    glob: GlobOpt = None,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Alleen de samenvattende tabel (text).")
    ] = False,
    short: Annotated[
        bool,
        typer.Option(
            "--short", help="Kort rapport: oordeel, wat ontbreekt, één regel per eis (text)."
        ),
    ] = False,
    jobs: JobsOpt = None,
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
    if short and fmt is not CheckFormat.text:
        fail(tr(language, "cli.short_text_only"))
    from_stdin = any(str(f) == STDIN for f in files)
    if from_stdin and len(files) > 1:
        fail(tr(language, "cli.stdin_alone"))

    def body() -> int:
        from pzspec import api
        from pzspec.render.batch import Finish, labels
        from pzspec.render.formats import sink as make_sink

        data = api.load_rules(rules or (), defaults=not no_default_rules)
        for notice in data.library.notices:  # a file given replaces shipped data
            typer.echo(problem_line(notice, language), err=True)
        book = api.rules_on(data, day)
        settle()  # start-up done: the collector back on for the batch (cli/startup.py)
        found = (
            Found(files=[]) if from_stdin else api.find_portfolios(files, glob or api.DEFAULT_GLOBS)
        )
        paths = found.files
        if not from_stdin and not paths and not found.problems:
            raise InputError.single(
                " ".join(map(str, files)),
                msg("cli.no_files"),
                msg("hint.no_files"),
            )
        names = [p.file for p in found.problems] + [str(p) for p in paths]
        if from_stdin:
            names = [STDIN_NAME]
        to_folder = (
            output is not None
            and fmt in (CheckFormat.html, CheckFormat.markdown)
            and is_folder_target(output, files)
        )
        sink = make_sink(
            fmt.value,
            language,
            array=len(names) > 1 or any(p.is_dir() for p in files),
            color=output is None and use_color(color),
            rich=output is None and (color is Color.always or is_terminal()),
            width=width(),
            summary=len(paths) > 1,
            only_summary=summary_only,
            short=short,
            book=book,
            each=to_folder,
        )
        finish = Finish(sink, redact=redact, labels=labels(names) if redact else None)
        target = _target(
            output, to_folder, fmt.value, names, len(found.problems), force, redact, language
        )
        if from_stdin:
            outcomes: Iterable[Outcome] = [finish(_stdin_outcome(api, book, day))]
        else:
            # folder entries that cannot be used come first, then every file that can be read
            outcomes = api.check_paths(
                found, rules=data, as_of=day, jobs=jobs, book=book, finish=finish
            )
        tally = api.Tally()
        try:
            with progress(len(names), language) as advance:
                for outcome in outcomes:
                    advance()
                    _complain(outcome, language)
                    tally.add(outcome)
                    target.put(outcome, sink.add(outcome))
            target.close(sink.close(tally), tally)
        except BaseException:
            if not isinstance(target, ToStdout):
                target.discard()
            raise
        return tally.exit_status

    run(language, debug, body)


def _target(
    output: Path | None,
    to_folder: bool,
    fmt: str,
    files: list[str],
    skip: int,
    force: bool,
    redact: bool,
    lang: Lang,
) -> ToStdout | ToFile | ToFolder:
    if output is None:
        return ToStdout()
    if not to_folder:
        return ToFile(output, force=force, lang=lang)
    names = report_names(files[skip:], fmt, redact=redact, first=skip + 1)
    prepare_folder(output, names, fmt, force=force)
    return ToFolder(output, fmt, names, skip, force=force, lang=lang)


def _complain(outcome: Outcome, lang: Lang) -> None:
    """The problems of a file on stderr, one line each, as they come."""
    for problem in outcome.problems:
        typer.echo(problem_line(problem, lang), err=True)
    if outcome.internal:
        message = msg("cli.internal", error=outcome.internal)
        internal = Problem(outcome.file, None, None, message)
        typer.echo(problem_line(internal, lang), err=True)


def _stdin_outcome(api: Any, book: Any, day: dt.date) -> Outcome:
    """The portfolio on stdin, with the limits of a file (``PZSPEC_MAX_BYTES``)."""
    from pzspec.load.yamlio import max_bytes

    limit = max_bytes()
    raw, size = read_stdin(limit)
    if size > limit:
        too_large = msg("err.too_large", size=size, limit=limit)
        problem = Problem(STDIN_NAME, None, None, too_large, msg("hint.too_large"))
        return Outcome(STDIN_NAME, problems=(problem,))
    outcome: Outcome = api.check_text(raw, name=STDIN_NAME, rules=book, as_of=day)
    return outcome
