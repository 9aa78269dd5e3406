"""The one place that reads YAML.

Parsing uses ruamel.yaml's C parser (libyaml) for a stream of events, and a small
non-recursive builder here turns the events into plain Python values. Doing the building
ourselves gives these at once:

* the line and column of every key and value (for error messages);
* a strict set of allowed types: no tag ever constructs an object, and an explicit core tag
  (``!!int``, ``!!bool``, ...) must agree with its value;
* limits checked while reading, so a hostile file is refused quickly and never exhausts
  the stack or memory: nesting depth (``MAX_DEPTH``), number of elements after expanding
  aliases (``MAX_NODES``; a "billion laughs" file is refused at the first alias that would
  cross it), recursive aliases, the size of numbers and the range of dates;
* no control characters in any text, not even written as escapes (``"\\e[2J"``), so
  nothing from a file can drive the terminal that shows a report;
* personal data (``person.name``, ``person.big.number``) is never echoed in a message.

The builder (``pzspec.load.yaml_build``) keeps its own stack instead of recursing: ruamel's
composer is recursive in C and a file with a few hundred thousand ``[`` crashed the
interpreter before any Python-level limit could apply. Scalars are resolved and converted in
``pzspec.load.yaml_scalars``. Every problem is a ``Problem`` with coded messages.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pzspec.errors import InputError, Problem, shown
from pzspec.load.yaml_build import MAX_DEPTH, MAX_NODES, Builder
from pzspec.load.yaml_scalars import MAX_DIGITS, MAX_YEAR, MIN_YEAR, PERSONAL
from pzspec.messages import Message, msg

Path_ = tuple[str | int, ...]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# The limits are defined where they are checked, and named here with the rest of the reader.
__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "MAX_DIGITS",
    "MAX_NODES",
    "MAX_YEAR",
    "MIN_YEAR",
    "PERSONAL",
    "Document",
    "decode",
    "load",
    "max_bytes",
    "parse",
    "read_text",
]


def max_bytes() -> int:
    """The size limit for one input file; ``PZSPEC_MAX_BYTES`` overrides the default."""
    raw = os.environ.get("PZSPEC_MAX_BYTES", "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() else DEFAULT_MAX_BYTES


class Document:
    """Parsed YAML with the position (1-based line, column) of every value and key.

    ``refused``: values that could not be used, read with ``collect=True``; their text
    stands in their place, so whoever reads such a document must report these
    (``loader.parse_portfolio``)."""

    __slots__ = ("data", "file", "keys", "refused", "values")

    def __init__(
        self,
        file: str,
        data: Any,
        values: dict[Path_, tuple[int, int]] | None = None,
        keys: dict[Path_, tuple[int, int]] | None = None,
        refused: tuple[Problem, ...] = (),
    ) -> None:
        self.file, self.data = file, data
        self.values: dict[Path_, tuple[int, int]] = {} if values is None else values
        self.keys: dict[Path_, tuple[int, int]] = {} if keys is None else keys
        self.refused = refused

    def with_data(self, data: Any) -> Document:
        """The same document (positions and refusals shared) holding ``data``."""
        return Document(self.file, data, self.values, self.keys, self.refused)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int | None, int | None]:
        """The position of ``path``, or of its closest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while True:
            if probe in table:
                return table[probe]
            if key and probe in self.values:
                return self.values[probe]
            if not probe:
                return None, None
            probe = probe[:-1]


def _refused(
    name: str, code: str, hint: str, line: int | None = None, column: int | None = None
) -> InputError:
    """A problem reading ``name``: the message and hint codes, no arguments."""
    return InputError.single(name, msg(code), msg(hint), line, column)


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text, with a clear error for every way that can fail.

    Only regular files are read (a FIFO or ``/dev/zero`` would block or never end), and
    never more than the size limit, whatever ``stat`` claims.
    """
    name = str(path)
    limit = max_bytes()
    fd = _open(path)
    try:
        with os.fdopen(fd, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise _refused(name, "err.is_dir", "hint.is_dir")
            if not stat.S_ISREG(info.st_mode):
                raise _refused(name, "err.not_regular", "hint.not_regular")
            if info.st_size > limit:
                raise _too_large(name, info.st_size, limit)
            raw = _read_at_most(handle, limit + 1)
    except OSError as exc:
        raise _os_error(name, exc) from None
    if len(raw) > limit:
        raise _too_large(name, len(raw), limit)
    return decode(raw, name)


def _open(path: Path) -> int:
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags)
    except FileNotFoundError:
        raise _refused(name, "err.not_found", "hint.not_found") from None
    except IsADirectoryError:
        raise _refused(name, "err.is_dir", "hint.is_dir") from None
    except PermissionError:
        if path.is_dir():  # Windows cannot open a folder as a file
            raise _refused(name, "err.is_dir", "hint.is_dir") from None
        raise _refused(name, "err.unreadable", "hint.unreadable") from None
    except OSError as exc:
        raise _os_error(name, exc) from None


def _read_at_most(handle: Any, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = handle.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _too_large(name: str, size: int, limit: int) -> InputError:
    return InputError.single(
        name, msg("err.too_large", size=size, limit=limit), msg("hint.too_large")
    )


_ERRNO_CODES = {
    errno.ELOOP: ("err.symlink_loop", "hint.symlink_loop"),
    errno.EACCES: ("err.unreadable", "hint.unreadable"),
    errno.EPERM: ("err.unreadable", "hint.unreadable"),
    errno.ENOENT: ("err.not_found", "hint.not_found"),
    errno.ENOTDIR: ("err.not_found", "hint.not_found"),
    errno.EISDIR: ("err.is_dir", "hint.is_dir"),
}


def _os_error(name: str, exc: OSError) -> InputError:
    if exc.errno == errno.ENAMETOOLONG:
        return InputError.single(name, msg("err.name_too_long"), msg("hint.not_found"))
    codes = _ERRNO_CODES.get(exc.errno) if exc.errno is not None else None
    if codes is not None:
        return _refused(name, *codes)
    reason = exc.strerror or type(exc).__name__
    return InputError.single(name, msg("err.os", reason=reason), msg("hint.unreadable"))


_WIDE_BOMS = (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\xfe\xff", b"\xff\xfe")


def decode(raw: bytes, name: str) -> str:
    if raw.startswith(_WIDE_BOMS):  # UTF-16 or UTF-32, as some editors save "Unicode"
        raise _refused(name, "err.not_utf8", "hint.not_utf8", 1, 1)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise _refused(name, "err.binary", "hint.binary", line, 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        start = before.rfind(b"\n") + 1
        column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
        raise _refused(name, "err.not_utf8", "hint.not_utf8", line, column) from None


def _is_blank(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


@functools.cache
def _yaml() -> Any:
    """One loader per process: building it scans ruamel's plug-in folders, which costs more
    than parsing a portfolio. Only where ruamel.yaml.clib (libyaml) is missing."""
    from ruamel.yaml import YAML

    return YAML(typ="safe")


_C_PARSER: list[Any] = []  # libyaml's parser class (or None), once it has read a document
_FIRST_PARSE = threading.Lock()


def _c_parser() -> Any:
    """ruamel.yaml.clib's libyaml parser, or None where it is not installed. Its first
    document is read here, under a lock: the C module finishes importing its event classes
    then, and a thread of the web app that used it in the meantime would find them missing."""
    if not _C_PARSER:
        with _FIRST_PARSE:
            if not _C_PARSER:
                _C_PARSER.append(_first_c_parser())
    return _C_PARSER[0]


def _first_c_parser() -> Any:
    try:
        from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
    except ImportError:  # no libyaml: ruamel's own parser (``_yaml``) reads the documents
        return None
    parser = CParser("pzspec: x\n")
    try:
        while parser.check_event():
            parser.get_event()
    finally:
        parser.dispose()
    return CParser


def _events(text: str) -> Iterator[Any]:
    """libyaml's events for ``text``. ruamel's ``YAML.parse`` gives the same events but first
    makes a new loader class for every document: about a quarter of the parse, and most of
    the cyclic garbage a batch leaves to the collector (issue 14)."""
    parser_class = _c_parser()
    if parser_class is None:
        yield from _yaml().parse(text)
        return
    parser = parser_class(text)
    try:
        get = parser.get_event
        event = get()
        while event is not None:  # after the stream's end, libyaml's parser gives None
            yield event
            event = get()
    finally:
        parser.dispose()


def parse(text: str, name: str, *, collect: bool = False) -> Document:
    """Parse one YAML document into plain values with positions. A value that cannot be
    used (a date that does not exist, a number too large) stops the reading, or, with
    ``collect``, is kept as its text and named in ``Document.refused``."""
    from ruamel.yaml.error import YAMLError

    if _is_blank(text):
        raise _refused(name, "err.empty", "hint.empty")
    builder = Builder(name, collect=collect)
    events: Iterator[Any] = _events(text)
    try:
        builder.run(events)
    except YAMLError as exc:
        raise _yaml_error(exc, text, name) from None
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()
    if not builder.done:
        raise _refused(name, "err.empty", "hint.empty")
    return Document(name, builder.data, builder.values, builder.keys, tuple(builder.refusals))


def _yaml_error(exc: Exception, text: str, name: str) -> InputError:
    """What ruamel.yaml refused: a syntax error, a character YAML does not allow, or else."""
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    if isinstance(exc, MarkedYAMLError):
        return _syntax_error(exc, text, name)
    if isinstance(exc, ReaderError):
        line, column = _line_column(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else 0
        message = msg("err.bad_char", code=f"{code:04X}")
        return InputError.single(name, message, msg("hint.bad_char"), line, column)
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or type(exc).__name__
    return InputError.single(
        name,
        msg("err.yaml", problem=shown(problem, 120)),
        msg("hint.yaml"),
        mark.line + 1 if mark else None,
        mark.column + 1 if mark else None,
    )


def _line_column(text: str, offset: Any) -> tuple[int | None, int | None]:
    """Line and column of a UTF-8 byte offset into ``text`` (as libyaml reports it)."""
    if not isinstance(offset, int):
        return None, None
    before = text.encode("utf-8")[:offset].decode("utf-8", "ignore")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _syntax_error(exc: Any, text: str, name: str) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    problem = str(exc.problem or exc.context or "?")
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    lines = text.splitlines()
    line_text = lines[mark.line] if mark and 0 <= mark.line < len(lines) else ""
    tab = "\t" in line_text or "tab" in problem
    hint: Message = msg("hint.tab" if tab else "hint.yaml")
    message = msg("err.yaml", problem=shown(problem, 120))
    return InputError.single(name, message, hint, line, column)


def load(path: Path, *, collect: bool = False) -> Document:
    return parse(read_text(path), str(path), collect=collect)
