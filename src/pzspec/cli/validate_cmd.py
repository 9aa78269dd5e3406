"""``pzspec validate``: check rule, overlay and profile files."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pzspec.cli.common import (
    DebugOpt,
    LangOpt,
    NoDefaultOpt,
    parse_lang,
    run,
)
from pzspec.errors import Problem
from pzspec.render.i18n import counted, tr
from pzspec.render.problems import problem_line, problem_text


class ValidateFormat(StrEnum):
    text = "text"
    github = "github"


def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Regel-, overlay- en profielbestanden of mappen (standaard: meegeleverde data).",
            show_default=False,
            metavar="PAD...",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Waarschuwingen tellen als fout.")
    ] = False,
    no_default_rules: NoDefaultOpt = False,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Uitvoer: text of github.")
    ] = ValidateFormat.text,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Controleer regeldata: schema, unieke ids, verwijzingen, geldigheid, bronnen.

    Een portfolio (pzspec: portfolio/1) wordt gelezen zoals check het leest, zonder oordeel.

    Zonder PAD de meegeleverde data; met PAD die bestanden bovenop de meegeleverde data
    (tenzij --no-default-rules). Exitstatus 2 bij een fout, anders 0.
    """
    language = parse_lang(lang)

    def body() -> int:
        from pzspec.load.catalog import assemble
        from pzspec.load.sources import declares_portfolio

        given = paths or []
        portfolios = [p for p in given if p.is_file() and declares_portfolio(p)]
        rule_paths = [p for p in given if p not in portfolios]
        # the one function check uses too: what validate accepts, check can load
        built = assemble(rule_paths, defaults=not no_default_rules, whole=True)
        lib = built.library
        found = [*lib.notices, *built.problems]
        if portfolios and not built.problems:
            found += _portfolio_problems(portfolios, rule_paths, not no_default_rules)
        for problem in found:
            if fmt is ValidateFormat.github:
                level = "error" if problem.level == "error" or strict else "warning"
                level = "notice" if problem.level == "info" else level
                from pzspec.render.batch import _gh, _gh_prop

                line = f",line={problem.line},col={problem.column}" if problem.line else ""
                text = problem_text(problem, language)
                typer.echo(f"::{level} file={_gh_prop(problem.file)}{line}::{_gh(text)}")
            else:
                suffix = f" [{tr(language, 'cli.warning')}]" if problem.level == "warning" else ""
                typer.echo(problem_line(problem, language) + suffix, err=True)
        found = [p for p in found if p.level != "info"]  # notices are not counted
        errors = [p for p in found if p.level == "error" or strict]
        checked = len(portfolios) + (len(lib.sources) if rule_paths or not portfolios else 0)
        typer.echo(
            tr(
                language,
                "cli.validated",
                files=counted(language, checked, "file"),
                errors=counted(language, len(errors), "error"),
                warnings=counted(
                    language, len(found) - len([p for p in found if p.level == "error"]), "warning"
                ),
            ),
            err=True,
        )
        return 2 if errors else 0

    run(language, debug, body)


def _portfolio_problems(portfolios: list[Path], rules: list[Path], defaults: bool) -> list[Problem]:
    """What keeps each portfolio from being checked, read exactly as ``check`` reads it
    (against the rule book in force today and any rule data given beside it)."""
    import datetime as dt

    from pzspec import api

    data = api.load_rules(rules, defaults=defaults)
    today = dt.date.today()
    book = api.rules_on(data, today)
    out: list[Problem] = []
    for path in portfolios:
        out += api.check_file(path, rules=book, as_of=today).problems
    return out
