"""``pzspec test``: the expected outcomes (``expect:``) of portfolios, for CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from pzspec.cli.common import (
    DebugOpt,
    LangOpt,
    NoDefaultOpt,
    RulesOpt,
    parse_lang,
    run,
)


class TestFormat(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


def test_(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Portfolio's met een expect:-blok, of mappen (recursief).",
            show_default=False,
            metavar="PAD...",
        ),
    ],
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    fmt: Annotated[
        TestFormat, typer.Option("--format", "-f", help="Uitvoer: text, json, junit of github.")
    ] = TestFormat.text,
    coverage: Annotated[
        bool,
        typer.Option("--coverage", help="Toon welke routes, voorwaarden en parameters beslisten."),
    ] = False,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Toets de verwachte uitkomsten (expect:) van portfolio's, voor CI.

    Exitstatus: 0 alle verwachtingen kloppen, 1 minstens één niet, 2 onbruikbare invoer
    (ook een opgegeven bestand zonder expect:; in een map wordt het overgeslagen).
    """
    language = parse_lang(lang)

    def body() -> int:
        from pzspec.cli.expect_run import main as run_tests

        return run_tests(
            paths,
            language,
            fmt=fmt.value,
            rules=rules or [],
            defaults=not no_default_rules,
            coverage=coverage,
        )

    run(language, debug, body)
