"""Errors a user can act on: each names a file, a position and what to do."""

from __future__ import annotations

import re

from pzspec.messages import PERSONAL, Message, Record

# Characters that change how text around them looks without being seen themselves: bidi
# controls (U+202A-202E, U+2066-2069, U+061C, U+200E/F), zero-width and invisible characters
# (U+200B-200D, U+2060-2064, U+FEFF, soft hyphen U+00AD, fillers, variation selectors, tags).
_INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_HIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_INVISIBLE}]")  # not \t \n \r
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def one_line(text: str) -> str:
    """``text`` with every control, line-separator, bidi and invisible character escaped.

    A message is always one line, and nothing from a file (a key, a value, a file name) can
    move the cursor, colour the terminal, reverse the text around it or hide in it (two ids
    that look the same but differ by a zero-width space are told apart: ``a\\u200bb``).
    """
    return _UNSAFE.sub(_escape, text)


def visible(text: str) -> str:
    """``text`` with control, bidi and invisible characters escaped, but line breaks and
    tabs kept (for documents, whose format handles those)."""
    return _HIDDEN.sub(_escape, text)


def no_command(line: str) -> str:
    """A line that GitHub Actions would run as a workflow command (``::error ...``,
    ``::stop-commands::``: a line starting with ``::`` after spaces) gets a backslash in
    front, so that every line pzspec prints starts with something pzspec controls."""
    return "\\" + line if line.lstrip().startswith("::") else line


def no_commands(text: str) -> str:
    return "\n".join(no_command(line) for line in text.split("\n"))


def shown(value: object, limit: int = 60) -> str:
    """A value from a file as a message shows it: short, one line, no control characters."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return one_line(text)


# an 11-digit number (a BIG number's length), also written with spaces or dots in between
_ELEVEN_DIGITS = re.compile(r"(?<![0-9])[0-9](?:[ .]?[0-9]){10}(?![0-9])")


def personal(value: object, secrets: tuple[str, ...] = ()) -> bool:
    """Whether ``value`` may be personal data, which no message repeats: it holds an
    11-digit number, or it is (or contains) one of ``secrets`` (the portfolio's name and
    BIG number, case-folded)."""
    text = value if isinstance(value, str) else str(value)
    if _ELEVEN_DIGITS.search(text):
        return True
    folded = " ".join(text.split()).casefold()
    return any(s == folded or (len(s) >= 4 and s in folded) for s in secrets if s)


def secrets_of(data: object) -> tuple[str, ...]:
    """The portfolio's name and BIG number as ``personal`` compares them (also when they
    have the wrong type: a message must not show them either way)."""
    person = data.get("person") if isinstance(data, dict) else None
    if not isinstance(person, dict):
        return ()
    big = person.get("big")
    found = [person.get("name"), big.get("number") if isinstance(big, dict) else None]
    return tuple(
        " ".join(str(v).split()).casefold()
        for v in found
        if isinstance(v, str | int) and not isinstance(v, bool) and str(v).strip()
    )


def echo(value: object, secrets: tuple[str, ...] = (), limit: int = 60) -> str | Message:
    """A value as a message shows it (``shown``), or ``messages.PERSONAL`` ("(persoonsgegeven
    weggelaten)") when it may be personal data: the portfolio's name or BIG number, or any
    11-digit number. ``render.words.word`` drops the quotes a shown value would have had."""
    return PERSONAL if personal(value, secrets) else shown(value, limit)


_PROBLEM_FIELDS = ("file", "line", "column", "message", "hint", "level")


class Problem(Record):
    """One problem in one input file: where, what (a coded message) and the fix (a hint).

    ``pzspec.render.problems`` prints it as ``file:line:column: message (hint)``. A plain
    class (issue 14): treat it as immutable (``in_file`` gives one for another file name).
    """

    __slots__ = ("column", "file", "hint", "level", "line", "message")
    _fields = _PROBLEM_FIELDS
    file: str
    line: int | None
    column: int | None
    message: Message
    hint: Message | None
    level: str

    def __init__(
        self,
        file: str,
        line: int | None,
        column: int | None,
        message: Message,
        hint: Message | None = None,
        level: str = "error",
    ) -> None:
        self.file, self.line, self.column = file, line, column
        self.message, self.hint, self.level = message, hint, level

    @property
    def code(self) -> str | None:
        return self.message.code if isinstance(self.message, Message) else None

    def in_file(self, file: str) -> Problem:
        """The same problem, said of ``file``."""
        return Problem(file, self.line, self.column, self.message, self.hint, self.level)


def file_name(name: str) -> str:
    """A file name as given, but printable: undecodable bytes and control characters escaped."""
    safe = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return one_line(safe)


class InputError(Exception):
    """Input that cannot be used. Carries one or more problems; the first one is the headline."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0] if problems else None
        super().__init__(
            f"{first.file}: {first.code or first.message}" if first else "invalid input"
        )
        self.problems = problems

    @classmethod
    def single(
        cls,
        file: str,
        message: Message,
        hint: Message | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> InputError:
        return cls([Problem(file, line, column, message, hint)])
