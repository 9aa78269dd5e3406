"""The one place that reads YAML.

Parsing uses ruamel.yaml's C parser (libyaml) to build a node tree, and a small constructor
here turns the nodes into plain Python values. Doing the construction ourselves gives three
things at once: the line and column of every key and value (for error messages), a strict
set of allowed types (no tags construct objects, ever), and limits on size, depth and alias
expansion so a hostile file is refused quickly.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pzspec.errors import InputError, Problem
from pzspec.i18n import Lang, tr

Path_ = tuple[str | int, ...]

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 64

_TAG = "tag:yaml.org,2002:"
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def max_bytes() -> int:
    """The size limit for one input file; ``PZSPEC_MAX_BYTES`` overrides the default."""
    raw = os.environ.get("PZSPEC_MAX_BYTES", "")
    return int(raw) if raw.isdigit() else DEFAULT_MAX_BYTES


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
    """Read a file as UTF-8 text, with a clear error for every way that can fail."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError.single(name, tr(lang, "err.is_dir"), tr(lang, "hint.is_dir"))
        size = path.stat().st_size
        limit = max_bytes()
        if size > limit:
            raise InputError.single(
                name,
                tr(lang, "err.too_large", size=size, limit=limit),
                tr(lang, "hint.too_large"),
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(
            name, tr(lang, "err.not_found"), tr(lang, "hint.not_found")
        ) from None
    except PermissionError:
        raise InputError.single(
            name, tr(lang, "err.unreadable"), tr(lang, "hint.unreadable")
        ) from None
    except OSError as exc:
        raise InputError.single(
            name, tr(lang, "err.os", reason=exc.strerror or str(exc)), tr(lang, "hint.unreadable")
        ) from None
    return decode(raw, name, lang)


def decode(raw: bytes, name: str, lang: Lang) -> str:
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError.single(name, tr(lang, "err.binary"), tr(lang, "hint.binary"), line, 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise InputError.single(
            name, tr(lang, "err.not_utf8"), tr(lang, "hint.not_utf8"), line, column
        ) from None


def parse(text: str, name: str, lang: Lang) -> Document:
    """Parse one YAML document into plain values with positions."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        raise InputError.single(name, tr(lang, "err.empty"), tr(lang, "hint.empty"))
    yaml = YAML(typ="safe")
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "?"
        if "expected a single document" in str(exc) or "but found another document" in str(exc):
            raise InputError.single(
                name,
                tr(lang, "err.multi_doc"),
                tr(lang, "hint.multi_doc"),
                mark.line + 1 if mark else None,
                mark.column + 1 if mark else None,
            ) from None
        line_text = (
            text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        )
        hint = (
            tr(lang, "hint.tab") if "\t" in line_text or "\t" in problem else tr(lang, "hint.yaml")
        )
        raise InputError.single(
            name,
            tr(lang, "err.yaml", problem=problem),
            hint,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from None
    except YAMLError as exc:
        raise InputError.single(
            name, tr(lang, "err.yaml", problem=str(exc)), tr(lang, "hint.yaml")
        ) from None
    except RecursionError:
        raise InputError.single(name, tr(lang, "err.too_deep"), tr(lang, "hint.too_deep")) from None
    if root is None:
        raise InputError.single(name, tr(lang, "err.empty"), tr(lang, "hint.empty"))
    doc = Document(name, None)
    builder = _Builder(doc, lang)
    doc.data = builder.build(root, (), 0)
    return doc


def load(path: Path, lang: Lang) -> Document:
    return parse(read_text(path, lang), str(path), lang)


class _Builder:
    def __init__(self, doc: Document, lang: Lang) -> None:
        self.doc = doc
        self.lang = lang
        self.count = 0

    def fail(self, node: Any, msg_id: str, hint_id: str, /, **kw: Any) -> InputError:
        mark = node.start_mark
        return InputError(
            [
                Problem(
                    self.doc.file,
                    mark.line + 1,
                    mark.column + 1,
                    tr(self.lang, msg_id, **kw),
                    tr(self.lang, hint_id, **kw),
                )
            ]
        )

    def build(self, node: Any, path: Path_, depth: int) -> Any:
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail(node, "err.too_many_nodes", "hint.too_many_nodes", limit=MAX_NODES)
        if depth > MAX_DEPTH:
            raise self.fail(node, "err.too_deep", "hint.too_deep")
        self.doc.values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        tag = str(getattr(node.tag, "value", node.tag))
        if isinstance(node, MappingNode):
            if tag != _TAG + "map":
                raise self.fail(node, "err.tag", "hint.tag", tag=tag)
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode) or str(
                    getattr(key_node.tag, "value", key_node.tag)
                ) not in (_TAG + "str", _TAG + "int", _TAG + "bool", _TAG + "null", _TAG + "float"):
                    raise self.fail(key_node, "err.key_type", "hint.key_type")
                if str(getattr(key_node.tag, "value", key_node.tag)) != _TAG + "str":
                    raise self.fail(key_node, "err.key_type", "hint.key_type")
                key = key_node.value
                if key in out:
                    raise self.fail(key_node, "err.duplicate_key", "hint.duplicate_key", key=key)
                self.doc.keys[(*path, key)] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                out[key] = self.build(value_node, (*path, key), depth + 1)
            return out
        if isinstance(node, SequenceNode):
            if tag != _TAG + "seq":
                raise self.fail(node, "err.tag", "hint.tag", tag=tag)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node, tag)

    def scalar(self, node: Any, tag: str) -> Any:
        value: str = node.value
        if tag == _TAG + "str":
            return value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return value.lower() == "true"
        if tag == _TAG + "int":
            text = value.replace("_", "")
            try:
                if text.lower().startswith(("0x", "+0x", "-0x")):
                    return int(text, 16)
                if text.lower().startswith(("0o", "+0o", "-0o")):
                    return int(text.replace("o", "").replace("O", ""), 8)
                if len(text) > 30:
                    raise ValueError
                return int(text, 10)
            except ValueError:
                raise self.fail(node, "err.number", "hint.number", value=value[:40]) from None
        if tag == _TAG + "float":
            special = {".nan": math.nan, ".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf}
            try:
                number = special.get(value.lower()) or float(value.replace("_", ""))
            except ValueError:
                raise self.fail(node, "err.number", "hint.number", value=value[:40]) from None
            if not math.isfinite(number):
                raise self.fail(node, "err.not_finite", "hint.number", value=value[:40])
            return number
        if tag == _TAG + "timestamp":
            match = _DATE_RE.match(value.strip())
            if not match:
                raise self.fail(node, "err.datetime", "hint.date", value=value[:40])
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                raise self.fail(node, "err.bad_date", "hint.date", value=value[:40]) from None
        raise self.fail(node, "err.tag", "hint.tag", tag=tag)
