"""Problems -> lines: ``file:line:column: message (hint)``, one line, safe to print."""

from __future__ import annotations

from typing import Any

from pzspec.errors import Problem, file_name, no_command, one_line
from pzspec.render.i18n import Lang
from pzspec.render.words import coded, word
from pzspec.render.yaml_reasons import hint_of


def problem_text(problem: Problem, lang: Lang) -> str:
    """The message and its hint in parentheses, without the place."""
    text = one_line(word(problem.message, lang))
    found = hint_of(problem)
    hint = word(found, lang) if found else ""
    return f"{text} ({one_line(hint)})" if hint else text


def problem_line(problem: Problem, lang: Lang) -> str:
    where = file_name(problem.file)
    if problem.line is not None:
        where += f":{problem.line}:{problem.column or 1}"
    return no_command(f"{where}: {problem_text(problem, lang)}")


def problem_json(problem: Problem, lang: Lang) -> dict[str, Any]:
    """A problem in JSON: the words, and its code and arguments when it has them."""
    out: dict[str, Any] = {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "message": word(problem.message, lang),
        "hint": _hint(problem, lang),
        "level": problem.level,
    }
    if not isinstance(problem.message, str):
        out |= coded(problem.message)
    return out


def _hint(problem: Problem, lang: Lang) -> str | None:
    found = hint_of(problem)
    return word(found, lang) if found else None
