"""Errors a user can act on: each names a file, a position and what to do."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with every control, line-separator and bidi character escaped.

    A message is always one line, and nothing from a file (a key, a value, a file name) can
    move the cursor, colour the terminal or reverse the text around it.
    """

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if char in _NAMED:
            return _NAMED[char]
        code = ord(char)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)


def shown(value: object, limit: int = 60) -> str:
    """A value from a file as a message shows it: short, one line, no control characters."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return one_line(text)


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
        where = _file_name(self.file)
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {one_line(self.message)}"
        if self.hint:
            text += f" ({one_line(self.hint)})"
        return text


def _file_name(name: str) -> str:
    """A file name as given, but printable: undecodable bytes and control characters escaped."""
    safe = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return one_line(safe)


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
