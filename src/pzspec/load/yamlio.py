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

The builder keeps its own stack instead of recursing: ruamel's composer is recursive in C
and a file with a few hundred thousand ``[`` crashed the interpreter before any Python-level
limit could apply.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pzspec.errors import InputError, Problem, echo, personal, shown, unquote
from pzspec.render.i18n import Lang, tr

Path_ = tuple[str | int, ...]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
"""Keys, values and containers in one file, counting every alias as a full copy."""
MAX_DEPTH = 64
"""Containers inside containers; a portfolio needs five."""
MAX_DIGITS = 30
"""Digits in a whole number; anything longer is not a number a portfolio needs."""
MIN_YEAR = 1900
MAX_YEAR = 2199
"""Dates outside these years are refused: typing errors, and a guard for date arithmetic."""

PERSONAL: frozenset[Path_] = frozenset({("person", "name"), ("person", "big", "number")})
"""Paths whose value is personal data: never repeated in a message."""

_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP = (
    _TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")
)
_MAP, _SEQ, _MERGE = _TAG + "map", _TAG + "seq", _TAG + "merge"
_CHECKED = (_INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP)
# YAML 1.2 core schema, as ruamel.yaml resolves it (same expressions, same order); anything
# else is text. Resolving here is fast, and does not depend on ruamel's internals.
# Like ruamel, a pattern is tried only when the value starts with one of its first characters.
_IMPLICIT: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (_BOOL, "tTfF", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")),
    (
        _FLOAT,
        "-+0123456789.",
        re.compile(
            r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            r"|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)"
            r"|\.(?:nan|NaN|NAN))$"
        ),
    ),
    (
        _INT,
        "-+0123456789",
        re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$"),
    ),
    (_MERGE, "<", re.compile(r"^<<$")),
    (_NULL, "~nN", re.compile(r"^(?:~|null|Null|NULL)$")),
    (
        _TIMESTAMP,
        "0123456789",
        re.compile(
            r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            r"(?:[Tt]|[ \t]+)[0-9][0-9]?"
            r":[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
            r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
        ),
    ),
)


def _implicit_tag(value: str) -> str:
    """The tag of a plain (unquoted, untagged) scalar."""
    if not value:
        return _NULL
    first = value[0]
    for tag, firsts, pattern in _IMPLICIT:
        if first in firsts and pattern.match(value):
            return tag
    return _STR


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tab and line ends: never part of a portfolio's text."""
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BOOLS = {"true": True, "false": False}


def max_bytes() -> int:
    """The size limit for one input file; ``PZSPEC_MAX_BYTES`` overrides the default."""
    raw = os.environ.get("PZSPEC_MAX_BYTES", "").strip()
    return int(raw) if raw.isascii() and raw.isdigit() else DEFAULT_MAX_BYTES


@dataclass
class Document:
    """Parsed YAML with the position (1-based line, column) of every value and key."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

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


def read_text(path: Path, lang: Lang) -> str:
    """Read a file as UTF-8 text, with a clear error for every way that can fail.

    Only regular files are read (a FIFO or ``/dev/zero`` would block or never end), and
    never more than the size limit, whatever ``stat`` claims.
    """
    name = str(path)
    limit = max_bytes()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError.single(
            name, tr(lang, "err.not_found"), tr(lang, "hint.not_found")
        ) from None
    except IsADirectoryError:
        raise InputError.single(name, tr(lang, "err.is_dir"), tr(lang, "hint.is_dir")) from None
    except PermissionError:
        if path.is_dir():  # Windows cannot open a folder as a file
            raise InputError.single(name, tr(lang, "err.is_dir"), tr(lang, "hint.is_dir")) from None
        raise InputError.single(
            name, tr(lang, "err.unreadable"), tr(lang, "hint.unreadable")
        ) from None
    except OSError as exc:
        raise _os_error(name, exc, lang) from None
    try:
        with os.fdopen(fd, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise InputError.single(name, tr(lang, "err.is_dir"), tr(lang, "hint.is_dir"))
            if not stat.S_ISREG(info.st_mode):
                raise InputError.single(
                    name, tr(lang, "err.not_regular"), tr(lang, "hint.not_regular")
                )
            if info.st_size > limit:
                raise _too_large(name, info.st_size, limit, lang)
            raw = _read_at_most(handle, limit + 1)
    except OSError as exc:
        raise _os_error(name, exc, lang) from None
    if len(raw) > limit:
        raise _too_large(name, len(raw), limit, lang)
    return decode(raw, name, lang)


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


def _too_large(name: str, size: int, limit: int, lang: Lang) -> InputError:
    return InputError.single(
        name,
        tr(lang, "err.too_large", size=size, limit=limit),
        tr(lang, "hint.too_large"),
    )


def _os_error(name: str, exc: OSError, lang: Lang) -> InputError:
    if exc.errno == errno.ELOOP:
        return InputError.single(name, tr(lang, "err.symlink_loop"), tr(lang, "hint.symlink_loop"))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return InputError.single(name, tr(lang, "err.unreadable"), tr(lang, "hint.unreadable"))
    if exc.errno == errno.ENAMETOOLONG:
        return InputError.single(name, tr(lang, "err.name_too_long"), tr(lang, "hint.not_found"))
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputError.single(name, tr(lang, "err.not_found"), tr(lang, "hint.not_found"))
    if exc.errno == errno.EISDIR:
        return InputError.single(name, tr(lang, "err.is_dir"), tr(lang, "hint.is_dir"))
    reason = exc.strerror or type(exc).__name__
    return InputError.single(name, tr(lang, "err.os", reason=reason), tr(lang, "hint.unreadable"))


_WIDE_BOMS = (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00", b"\xfe\xff", b"\xff\xfe")


def decode(raw: bytes, name: str, lang: Lang) -> str:
    if raw.startswith(_WIDE_BOMS):  # UTF-16 or UTF-32, as some editors save "Unicode"
        raise InputError.single(name, tr(lang, "err.not_utf8"), tr(lang, "hint.not_utf8"), 1, 1)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError.single(name, tr(lang, "err.binary"), tr(lang, "hint.binary"), line, 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        start = before.rfind(b"\n") + 1
        column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
        raise InputError.single(
            name, tr(lang, "err.not_utf8"), tr(lang, "hint.not_utf8"), line, column
        ) from None


def _is_blank(text: str) -> bool:
    return all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines())


@functools.cache
def _yaml() -> Any:
    """One loader per process: building it scans ruamel's plug-in folders, which costs more
    than parsing a portfolio. The C parser (libyaml) is used when ruamel.yaml.clib is there."""
    from ruamel.yaml import YAML

    return YAML(typ="safe")


def parse(text: str, name: str, lang: Lang) -> Document:
    """Parse one YAML document into plain values with positions."""
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.reader import ReaderError

    if _is_blank(text):
        raise InputError.single(name, tr(lang, "err.empty"), tr(lang, "hint.empty"))
    builder = _Builder(Document(name, None), lang)
    events: Iterator[Any] = _yaml().parse(text)
    try:
        for event in events:
            builder.feed(event)
    except MarkedYAMLError as exc:
        raise _syntax_error(exc, text, name, lang) from None
    except ReaderError as exc:
        line, column = _line_column(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else 0
        raise InputError.single(
            name,
            tr(lang, "err.bad_char", code=f"{code:04X}"),
            tr(lang, "hint.bad_char"),
            line,
            column,
        ) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise InputError.single(
            name,
            tr(lang, "err.yaml", problem=shown(problem, 120)),
            tr(lang, "hint.yaml"),
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    finally:
        close = getattr(events, "close", None)
        if close is not None:
            close()
    if not builder.done:
        raise InputError.single(name, tr(lang, "err.empty"), tr(lang, "hint.empty"))
    return builder.doc


def _line_column(text: str, offset: Any) -> tuple[int | None, int | None]:
    """Line and column of a UTF-8 byte offset into ``text`` (as libyaml reports it)."""
    if not isinstance(offset, int):
        return None, None
    before = text.encode("utf-8")[:offset].decode("utf-8", "ignore")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _syntax_error(exc: Any, text: str, name: str, lang: Lang) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    problem = str(exc.problem or exc.context or "?")
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    lines = text.splitlines()
    line_text = lines[mark.line] if mark and 0 <= mark.line < len(lines) else ""
    tab = "\t" in line_text or "tab" in problem
    hint = tr(lang, "hint.tab" if tab else "hint.yaml")
    return InputError.single(
        name, tr(lang, "err.yaml", problem=shown(problem, 120)), hint, line, column
    )


def load(path: Path, lang: Lang) -> Document:
    return parse(read_text(path, lang), str(path), lang)


@dataclass
class _Frame:
    """A mapping or sequence being built."""

    value: dict[str, Any] | list[Any]
    path: Path_
    anchor: str | None
    size: int = 1
    height: int = 1
    key: str | None = None
    has_key: bool = False


@dataclass
class _Anchor:
    value: Any
    size: int
    height: int


class _Builder:
    """Events in, plain values out; every limit is checked before work is done."""

    def __init__(self, doc: Document, lang: Lang) -> None:
        from ruamel.yaml import events

        self.doc = doc
        self.lang = lang
        self.count = 0
        self.documents = 0
        self.done = False
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchor] = {}
        self.open_anchors: set[str] = set()
        self.handlers = {
            events.ScalarEvent: self.scalar_event,
            events.MappingStartEvent: self.start_mapping,
            events.SequenceStartEvent: self.start_sequence,
            events.MappingEndEvent: self.end,
            events.SequenceEndEvent: self.end,
            events.AliasEvent: self.alias,
            events.DocumentStartEvent: self.document,
        }

    # --- errors --------------------------------------------------------------------
    def fail(self, mark: Any, msg_id: str, hint_id: str, /, **kw: Any) -> InputError:
        return InputError(
            [
                Problem(
                    self.doc.file,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                    unquote(tr(self.lang, msg_id, **kw), self.lang),
                    tr(self.lang, hint_id, **kw),
                )
            ]
        )

    # --- events --------------------------------------------------------------------
    def feed(self, event: Any) -> None:
        handler = self.handlers.get(type(event))
        if handler is not None:  # stream start and end, document end: nothing to do
            handler(event)

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fail(event.start_mark, "err.multi_doc", "hint.multi_doc")

    def count_node(self, mark: Any, size: int = 1, height: int = 1) -> None:
        self.count += size
        if self.count > MAX_NODES:
            raise self.fail(mark, "err.too_many_nodes", "hint.too_many_nodes", limit=MAX_NODES)
        if len(self.stack) + height - 1 > MAX_DEPTH:
            raise self.fail(mark, "err.too_deep", "hint.too_deep", limit=MAX_DEPTH)

    def expecting_key(self) -> bool:
        top = self.stack[-1] if self.stack else None
        return top is not None and isinstance(top.value, dict) and not top.has_key

    def child_path(self) -> Path_:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.value, dict):
            assert top.key is not None
            return (*top.path, top.key)
        return (*top.path, len(top.value))

    def remember(self, anchor: str | None, value: Any, size: int, height: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = _Anchor(value, size, height)
            self.open_anchors.discard(anchor)

    def start_mapping(self, event: Any) -> None:
        self.start(event, mapping=True)

    def start_sequence(self, event: Any) -> None:
        self.start(event, mapping=False)

    def start(self, event: Any, *, mapping: bool) -> None:
        mark = event.start_mark
        if self.expecting_key():
            raise self.fail(mark, "err.key_type", "hint.key_type")
        self.count_node(mark)
        tag = _tag(event)
        if tag not in (None, "!", _MAP if mapping else _SEQ):
            raise self.fail(mark, "err.tag", "hint.tag", tag=shown(_short(tag)))
        path = self.child_path()
        self.doc.values.setdefault(path, (mark.line + 1, mark.column + 1))
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame({} if mapping else [], path, event.anchor))

    def end(self, _event: Any) -> None:
        frame = self.stack.pop()
        self.remember(frame.anchor, frame.value, frame.size, frame.height)
        self.add(frame.value, frame.size, frame.height)

    def alias(self, event: Any) -> None:
        mark = event.start_mark
        name = event.anchor
        if name in self.open_anchors:
            raise self.fail(mark, "err.alias_cycle", "hint.too_many_nodes", name=shown(name))
        target = self.anchors.get(name)
        if target is None:
            raise self.fail(mark, "err.undefined_alias", "hint.undefined_alias", name=shown(name))
        self.count_node(mark, target.size, target.height)
        if self.expecting_key():
            if not isinstance(target.value, str):
                raise self.fail(mark, "err.key_type", "hint.key_type")
            self.set_key(target.value, mark)
            return
        self.doc.values.setdefault(self.child_path(), (mark.line + 1, mark.column + 1))
        self.add(target.value, target.size, target.height)

    def scalar_event(self, event: Any) -> None:
        mark = event.start_mark
        self.count_node(mark)
        control = _CONTROL.search(event.value)
        if control is not None:
            # YAML refuses these characters written as such; written as an escape ("\e",
            # "\x01") they would reach a terminal or a report, so they are refused too
            code = f"{ord(control.group()):04X}"
            raise self.fail(mark, "err.control_char", "hint.control_char", code=code)
        tag = self.resolve(event)
        if self.expecting_key():
            if tag == _MERGE:
                raise self.fail(mark, "err.merge_key", "hint.merge_key")
            if tag not in (_STR, *_CHECKED):
                raise self.fail(mark, "err.tag", "hint.tag", tag=shown(_short(tag)))
            if tag != _STR:
                raise self.fail(mark, "err.key_type", "hint.key_type")
            self.remember(event.anchor, event.value, 1, 1)
            self.set_key(event.value, mark)
            return
        path = self.child_path()
        self.doc.values.setdefault(path, (mark.line + 1, mark.column + 1))
        value = self.convert(event, tag, path)
        self.remember(event.anchor, value, 1, 1)
        self.add(value, 1, 1)

    def set_key(self, key: str, mark: Any) -> None:
        top = self.stack[-1]
        assert isinstance(top.value, dict)
        if key in top.value:
            raise self.fail(
                mark, "err.duplicate_key", "hint.duplicate_key", key=echo(key, self.lang)
            )
        top.key = key
        top.has_key = True
        top.size += 1
        self.doc.keys[(*top.path, key)] = (mark.line + 1, mark.column + 1)

    def add(self, value: Any, size: int, height: int) -> None:
        if not self.stack:
            self.doc.data = value
            self.done = True
            return
        top = self.stack[-1]
        if isinstance(top.value, dict):
            assert top.key is not None
            top.value[top.key] = value
            top.key = None
            top.has_key = False
        else:
            top.value.append(value)
        top.size += size
        top.height = max(top.height, height + 1)

    # --- scalars -------------------------------------------------------------------
    def resolve(self, event: Any) -> str:
        tag = _tag(event)
        if tag is None:
            return _implicit_tag(event.value) if event.implicit[0] else _STR
        if tag == "!":
            return _STR
        return tag

    def convert(self, event: Any, tag: str, path: Path_) -> Any:
        value: str = event.value
        mark = event.start_mark
        if tag == _STR:
            return value
        if _tag(event) not in (None, "!") and tag in _CHECKED:
            # an explicit core tag must agree with what the value is: `!!bool maybe` is no bool
            implicit = _implicit_tag(value)
            if implicit != tag and not (tag == _FLOAT and implicit == _INT):
                raise self.fail(
                    mark,
                    "err.tag_value",
                    "hint.tag",
                    tag=shown(_short(tag)),
                    value=_show(value, path),
                )
        if tag in (_STR, _MERGE):  # `<<` is a merge only as a key; as a value it is text
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return _BOOLS[value.lower()]
        if tag == _INT:
            number = _int(value)
            if number is None:
                raise self.fail(mark, "err.number", "hint.number", value=_show(value, path))
            return number
        if tag == _FLOAT:
            real = _float(value)
            if real is None:
                raise self.fail(mark, "err.number", "hint.number", value=_show(value, path))
            if not math.isfinite(real):
                raise self.fail(mark, "err.not_finite", "hint.number", value=_show(value, path))
            return real
        if tag == _TIMESTAMP:
            match = _DATE_RE.match(value.strip())
            if not match:
                raise self.fail(mark, "err.datetime", "hint.date", value=_show(value, path))
            try:
                day = dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                raise self.fail(
                    mark, "err.bad_date", "hint.date", value=_show(value, path)
                ) from None
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                raise self.fail(
                    mark,
                    "err.date_range",
                    "hint.date_range",
                    value=_show(value, path),
                    first=MIN_YEAR,
                    last=MAX_YEAR,
                )
            return day
        raise self.fail(mark, "err.tag", "hint.tag", tag=shown(_short(tag)))


def _show(value: str, path: Path_) -> str:
    """A value as a message may show it: never personal data, never long."""
    return "***" if path in PERSONAL or personal(value) else shown(value, 40)


def _short(tag: str) -> str:
    """A tag as it was written: ``!!python/object`` rather than its long form."""
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _tag(event: Any) -> str | None:
    tag = getattr(event, "tag", None)
    if tag is None:
        return None
    return str(getattr(tag, "value", tag))


def _int(value: str) -> int | None:
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    text = text.lstrip("+-")
    base = 10
    if text[:2].lower() in ("0x", "0o", "0b"):
        base = {"x": 16, "o": 8, "b": 2}[text[1].lower()]
        text = text[2:]
    if not text or len(text) > MAX_DIGITS:
        return None
    try:
        return sign * int(text, base)
    except ValueError:
        return None


def _float(value: str) -> float | None:
    text = value.replace("_", "").lower()
    special = {".nan": math.nan, ".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf}
    if text in special:
        return special[text]
    try:
        return float(text)
    except ValueError:
        return None
