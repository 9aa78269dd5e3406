"""Shell completion: ``pzspec completion bash|zsh|fish`` prints the script, and the ids a
user types (profiles, courses, professions, domains) are completed from the shipped rule data.

typer's completion machinery answers the shell (``_PZSPEC_COMPLETE``); the candidates come
from the rule data, never from a list in the code. Formats and other choices complete from
their option's choices.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from pzspec.cli.common import LangOpt

if TYPE_CHECKING:
    from pzspec.load.book import RuleBook

PROG = "pzspec"
COMPLETE_VAR = "_PZSPEC_COMPLETE"


class Shell(StrEnum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def completion(
    shell: Annotated[Shell, typer.Argument(help="bash, zsh of fish.")],
    lang: LangOpt = "nl",
) -> None:
    """Print het script voor het aanvullen van opdrachten in bash, zsh of fish."""
    from typer._completion_shared import get_completion_script

    typer.echo(get_completion_script(prog_name=PROG, complete_var=COMPLETE_VAR, shell=shell))


def _book() -> RuleBook | None:
    """The shipped rule data in force today; None when it cannot be read (never an error)."""
    try:
        from pzspec.load.catalog import library

        return library([], defaults=True).named(None)
    except Exception:  # completion must never print a traceback into the shell
        return None


def _starting(ids: list[str], incomplete: str) -> list[str]:
    return [i for i in ids if i.startswith(incomplete)]


def profile_ids(incomplete: str) -> list[str]:
    book = _book()
    return _starting(sorted(book.profiles), incomplete) if book else []


def course_ids(incomplete: str) -> list[str]:
    book = _book()
    return _starting(sorted(book.courses), incomplete) if book else []


def profession_ids(incomplete: str) -> list[str]:
    book = _book()
    return _starting([p.id for p in book.rules.professions], incomplete) if book else []


def domain_ids(incomplete: str) -> list[str]:
    book = _book()
    return _starting([d.id for d in book.rules.domains], incomplete) if book else []
