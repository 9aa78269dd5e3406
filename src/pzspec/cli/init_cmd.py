"""``pzspec schema`` and ``pzspec init``: the JSON Schemas and a portfolio template."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pzspec.cli.common import (
    DebugOpt,
    LangOpt,
    VersionOpt,
    parse_lang,
    print_json,
    run,
    unknown_id,
)
from pzspec.cli.completion import profession_ids
from pzspec.cli.output import (
    echo,
    is_stdout,
)
from pzspec.render.i18n import tr


class SchemaKind(StrEnum):
    portfolio = "portfolio"
    rules = "rules"
    profile = "profile"


def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="portfolio, rules of profile.")],
    version: VersionOpt = None,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Print een JSON Schema (draft 2020-12), bijvoorbeeld voor de YAML-extensie van VS Code."""

    def body() -> int:
        from pzspec.load.catalog import by_version
        from pzspec.render import schema as schemas

        if kind is SchemaKind.portfolio:
            print_json(schemas.portfolio_schema(by_version(version)))
        elif kind is SchemaKind.rules:
            print_json(schemas.rules_schema())
        else:
            print_json(schemas.profile_schema())
        return 0

    run("nl", debug, body)


def init(
    profession: Annotated[
        str,
        typer.Option(
            "--profession",
            help="Uw beroep, bijvoorbeeld hbo-verpleegkundige.",
            autocompletion=profession_ids,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Het nieuwe portfoliobestand (- is stdout).")
    ],
    force: Annotated[bool, typer.Option("--force", help="Vervang een bestaand bestand.")] = False,
    version: VersionOpt = None,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Maak een portfoliosjabloon met uitleg bij elk veld."""
    language = parse_lang(lang)

    def body() -> int:
        from pzspec.cli.fsio import write_atomic
        from pzspec.load.catalog import by_version
        from pzspec.render.template import template

        book = by_version(version)
        professions = [p.id for p in book.rules.professions]
        if profession not in professions:
            raise unknown_id("what.profession", profession, professions, language)
        if is_stdout(output):  # -o -: the template on stdout
            echo(template(book, profession, "portfolio.yaml"))
            return 0
        write_atomic(output, template(book, profession, str(output)), force=force, lang=language)
        typer.echo(tr(language, "cli.init_done", file=str(output)), err=True)
        return 0

    run(language, debug, body)
