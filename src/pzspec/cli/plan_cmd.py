"""``pzspec plan``: from what date each portfolio qualifies, and the route there."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pzspec.cli.common import (
    AsOfOpt,
    DebugOpt,
    GlobOpt,
    JobsOpt,
    LangOpt,
    NoDefaultOpt,
    RulesOpt,
    parse_as_of,
    parse_lang,
    run,
)
from pzspec.cli.startup import settle
from pzspec.errors import InputError, Problem
from pzspec.messages import msg
from pzspec.render.problems import problem_line


class PlanFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"


def plan(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Portfoliobestanden (YAML) of mappen (recursief).",
            show_default=False,
            metavar="PAD...",
        ),
    ],
    as_of: AsOfOpt = None,
    fmt: Annotated[
        PlanFormat,
        typer.Option("--format", "-f", help="Uitvoer: text, json, jsonl, markdown of html."),
    ] = PlanFormat.text,
    glob: GlobOpt = None,
    jobs: JobsOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Vanaf welke datum voldoet u als er niets verandert, en wat is de kortste route?

    Neemt aan dat lopende dienstverbanden doorgaan en opleidingen op hun datum worden
    afgerond. Exitstatus zoals check, naar het oordeel op de peildatum: 0 alle voldoen,
    1 minstens één voldoet niet, 3 beoordeling nodig, 2 een bestand of optie is onbruikbaar.
    """
    language = parse_lang(lang)
    day = parse_as_of(as_of, language)

    def body() -> int:
        from pzspec import api
        from pzspec.evaluate.plan_batch import PlanTally
        from pzspec.render.plan_out import PlanFinish, PlanSink

        data = api.load_rules(rules or (), defaults=not no_default_rules)
        api.rules_on(data, day)  # no rules in force on the as-of date: exit 2, said once
        settle()  # start-up done: the collector back on for the batch (cli/startup.py)
        found = api.find_portfolios(files, glob or api.DEFAULT_GLOBS)
        if not found.files and not found.problems:
            raise InputError.single(
                " ".join(map(str, files)), msg("cli.no_files"), msg("hint.no_files")
            )
        many = len(found.files) > 1 or any(p.is_dir() for p in files)
        sink = PlanSink(fmt.value, language, array=many, show_summary=len(found.files) > 1)
        tally = PlanTally()
        outcomes = api.plan_paths(found, rules=data, as_of=day, jobs=jobs, finish=PlanFinish(sink))
        for outcome in outcomes:
            for problem in outcome.problems:
                typer.echo(problem_line(problem, language), err=True)
            if outcome.internal:
                internal = Problem(
                    outcome.file, None, None, msg("cli.internal", error=outcome.internal)
                )
                typer.echo(problem_line(internal, language), err=True)
            tally.add(outcome)
            sys.stdout.write(sink.add(outcome))
        sys.stdout.write(sink.close(tally))
        return tally.exit_status

    run(language, debug, body)
