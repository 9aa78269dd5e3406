"""Errors a user can act on: each names a file, a position and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, printed as ``file:line:column: message (hint)``."""

    file: str
    line: int | None
    column: int | None
    message: str
    hint: str = ""
    level: str = "error"

    def format(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(Exception):
    """Input that cannot be used. Carries one or more problems; the first one is the headline."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems[0].format() if problems else "invalid input")
        self.problems = problems

    @classmethod
    def single(
        cls,
        file: str,
        message: str,
        hint: str = "",
        line: int | None = None,
        column: int | None = None,
    ) -> InputError:
        return cls([Problem(file, line, column, message, hint)])
