"""YAML events -> plain values, without recursion, every limit checked before work is done.

The builder keeps its own stack instead of recursing: ruamel's composer is recursive in C
and a file with a few hundred thousand ``[`` crashed the interpreter before any Python-level
limit could apply. Scalars become values in ``pzspec.load.yaml_scalars``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from pzspec.errors import InputError, Problem, echo, shown
from pzspec.load import yaml_scalars as sc
from pzspec.load.value_hints import with_key
from pzspec.messages import Message

Path_ = tuple[str | int, ...]

MAX_NODES = 200_000
"""Keys, values and containers in one file, counting every alias as a full copy."""
MAX_DEPTH = 64
"""Containers inside containers; a portfolio needs five."""


# looked up once: ``plain`` runs for most events of every file
_control, _implicit_tag, _STR = sc.CONTROL.search, sc.implicit_tag, sc.STR


class _Frame:
    """A mapping or sequence being built."""

    __slots__ = ("anchor", "has_key", "height", "key", "mapping", "path", "size", "value")

    def __init__(
        self,
        value: dict[str, Any] | list[Any],
        path: Path_,
        anchor: str | None,
        *,
        mapping: bool = False,
    ) -> None:
        self.value, self.path, self.anchor, self.mapping = value, path, anchor, mapping
        self.size = self.height = 1
        self.key: str | None = None
        self.has_key = False


class _Anchor:
    __slots__ = ("height", "size", "value")

    def __init__(self, value: Any, size: int, height: int) -> None:
        self.value, self.size, self.height = value, size, height


class Builder:
    """Events in, plain values (``data``) and the positions of values and keys out.

    With ``collect`` a value that cannot be used is noted (its text kept in its place) and
    reading goes on, so that every problem of a portfolio is named at once (``yamlio.parse``).
    """

    __slots__ = (
        "anchors",
        "collect",
        "count",
        "data",
        "documents",
        "done",
        "file",
        "keys",
        "open_anchors",
        "refusals",
        "stack",
        "values",
    )

    def __init__(self, file: str, *, collect: bool = False) -> None:
        self.file = file
        self.data: Any = None
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.count = self.documents = 0
        self.done = False
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchor] = {}
        self.open_anchors: set[str] = set()
        self.collect = collect
        self.refusals: list[Problem] = []

    # --- errors --------------------------------------------------------------------
    def fail(self, mark: Any, code: str, hint: str, /, **args: Any) -> InputError:
        return self.refused(mark, Message(code, args), Message(hint, args))

    def refused(self, mark: Any, message: Message, hint: Message) -> InputError:
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        return InputError([Problem(self.file, line, column, message, hint)])

    # --- events --------------------------------------------------------------------
    def run(self, events: Iterable[Any]) -> None:
        """Every event of a stream. A plain scalar (no tag, no anchor), the common case, is
        built by ``plain`` in one call; anything else, and anything ``plain`` would refuse,
        goes to ``feed``, which makes the same checks and says what is wrong."""
        from ruamel.yaml.events import (
            MappingEndEvent,
            MappingStartEvent,
            ScalarEvent,
            SequenceEndEvent,
            SequenceStartEvent,
        )

        plain, opened, feed, end = self.plain, self.opened, self.feed, self.end
        for event in events:
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                end(event)
                continue
            done = False
            # ``ctag``, not ``tag``: the same value (None when no tag was written) without
            # the property that makes a string of it
            if kind is ScalarEvent:
                done = event.ctag is None and event.anchor is None and plain(event)
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                simple = event.ctag is None and event.anchor is None
                done = simple and opened(event, kind is MappingStartEvent)
            if not done:
                feed(event)

    def opened(self, event: Any, mapping: bool) -> bool:
        """A mapping or sequence without tag or anchor, as a value inside a container and
        within the limits, started; False (nothing done) for anything else."""
        stack = self.stack
        if not stack or self.count >= MAX_NODES or len(stack) > MAX_DEPTH:
            return False
        top = stack[-1]
        if top.mapping and not top.has_key:
            return False
        self.count += 1
        key: str = top.key  # type: ignore[assignment]  # a mapping's key is set by now
        path = (*top.path, key) if top.mapping else (*top.path, len(top.value))
        if path not in self.values:
            mark = event.start_mark
            self.values[path] = (mark.line + 1, mark.column + 1)
        stack.append(_Frame({} if mapping else [], path, None, mapping=mapping))
        return True

    def plain(self, event: Any) -> bool:
        """A plain scalar inside a container, within the limits and allowed; False (nothing
        done) for anything else."""
        stack = self.stack
        if not stack or self.count >= MAX_NODES or len(stack) > MAX_DEPTH:
            return False
        text = event.value
        if _control(text) is not None:
            return False
        tag = _implicit_tag(text) if event.implicit[0] else _STR
        top, mark = stack[-1], event.start_mark
        if top.mapping and not top.has_key:
            if tag != _STR or text in top.value:
                return False
            self.count += 1
            top.key, top.has_key = text, True
            top.size += 1
            self.keys[(*top.path, text)] = (mark.line + 1, mark.column + 1)
            return True
        key: str = top.key  # type: ignore[assignment]  # a mapping's key is set by now
        path = (*top.path, key) if top.mapping else (*top.path, len(top.value))
        if path not in self.values:
            self.values[path] = (mark.line + 1, mark.column + 1)
        value = text if tag == _STR else self.converted(text, tag, None, path, mark)
        self.count += 1
        if top.mapping:
            top.value[key] = value  # type: ignore[call-overload]
            top.key, top.has_key = None, False
        else:
            top.value.append(value)  # type: ignore[union-attr]
        top.size += 1
        if top.height < 2:  # noqa: PLR1730 - max() is a call per scalar
            top.height = 2
        return True

    def converted(self, text: str, tag: str, written: str | None, path: Path_, mark: Any) -> Any:
        """The value of a scalar (``written``: its tag in the file), or its refusal."""
        try:
            return sc.convert(text, tag, written, path)
        except sc.Refused as refused:
            message = with_key(path, refused.message)  # names the key (load helper)
            error = self.refused(mark, message, refused.hint)
            if not self.collect:
                raise error from None
            self.refusals += error.problems
            return text

    def feed(self, event: Any) -> None:
        handler = _handlers().get(type(event))
        if handler is not None:  # stream start and end, document end: nothing to do
            handler(self, event)

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
        tag = sc.tag_of(event)
        if tag not in (None, "!", sc.MAP if mapping else sc.SEQ):
            raise self.fail(mark, "err.tag", "hint.tag", tag=shown(sc.short(tag)))
        path = self.child_path()
        self.values.setdefault(path, (mark.line + 1, mark.column + 1))
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame({} if mapping else [], path, event.anchor, mapping=mapping))

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
        self.values.setdefault(self.child_path(), (mark.line + 1, mark.column + 1))
        self.add(target.value, target.size, target.height)

    def scalar_event(self, event: Any) -> None:
        mark = event.start_mark
        self.count_node(mark)
        control = sc.CONTROL.search(event.value)
        if control is not None:
            # YAML refuses these characters written as such; written as an escape ("\e",
            # "\x01") they would reach a terminal or a report, so they are refused too
            code = f"{ord(control.group()):04X}"
            raise self.fail(mark, "err.control_char", "hint.control_char", code=code)
        tag = self.resolve(event)
        if self.expecting_key():
            self.scalar_key(event, tag)
            return
        path = self.child_path()
        self.values.setdefault(path, (mark.line + 1, mark.column + 1))
        value = self.converted(event.value, tag, sc.tag_of(event), path, mark)
        self.remember(event.anchor, value, 1, 1)
        self.add(value, 1, 1)

    def scalar_key(self, event: Any, tag: str) -> None:
        mark = event.start_mark
        if tag == sc.MERGE:
            raise self.fail(mark, "err.merge_key", "hint.merge_key")
        if tag not in (sc.STR, *sc.CHECKED):
            raise self.fail(mark, "err.tag", "hint.tag", tag=shown(sc.short(tag)))
        if tag != sc.STR:
            raise self.fail(mark, "err.key_type", "hint.key_type")
        self.remember(event.anchor, event.value, 1, 1)
        self.set_key(event.value, mark)

    def set_key(self, key: str, mark: Any) -> None:
        top = self.stack[-1]
        assert isinstance(top.value, dict)
        if key in top.value:
            raise self.fail(mark, "err.duplicate_key", "hint.duplicate_key", key=echo(key))
        top.key = key
        top.has_key = True
        top.size += 1
        self.keys[(*top.path, key)] = (mark.line + 1, mark.column + 1)

    def add(self, value: Any, size: int, height: int) -> None:
        if not self.stack:
            self.data = value
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

    def resolve(self, event: Any) -> str:
        tag = sc.tag_of(event)
        if tag is None:
            return sc.implicit_tag(event.value) if event.implicit[0] else sc.STR
        if tag == "!":
            return sc.STR
        return tag


@functools.cache
def _handlers() -> dict[type, Callable[[Builder, Any], None]]:
    """What ``Builder.feed`` does with each kind of event. Functions of the class, not bound
    methods kept on the builder: those would make every builder a cycle, and with it the
    positions of its document garbage only the collector can free (issue 14)."""
    from ruamel.yaml import events

    return {
        events.ScalarEvent: Builder.scalar_event,
        events.MappingStartEvent: Builder.start_mapping,
        events.SequenceStartEvent: Builder.start_sequence,
        events.MappingEndEvent: Builder.end,
        events.SequenceEndEvent: Builder.end,
        events.AliasEvent: Builder.alias,
        events.DocumentStartEvent: Builder.document,
    }
