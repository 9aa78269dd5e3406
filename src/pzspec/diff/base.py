"""``Comparer``: the state and helpers every comparison of two rule books shares. The
comparisons themselves live in compare_*.py and conditions.py."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from pzspec.diff.conditions import uses_of
from pzspec.diff.report import Change, Kind
from pzspec.diff.values import plain, same
from pzspec.load.catalog import RuleBook
from pzspec.messages import Message, msg
from pzspec.models.base import LText

if TYPE_CHECKING:
    pass

_EFFECT = {
    1: msg("diff.effect.tightened"),
    -1: msg("diff.effect.loosened"),
}


class Comparer:
    """Compares two rule books ``a`` and ``b``; changes are appended to ``out``.
    No explanation here is worded: changes carry messages.
    """

    def __init__(
        self,
        a: RuleBook,
        b: RuleBook,
        prefix: str,
        out: list[Change],
        *,
        meta: bool = False,
    ) -> None:
        self.a, self.b, self.prefix, self.out, self.meta = a, b, prefix, out, meta
        pa, fa = uses_of(a)
        pb, fb = uses_of(b)
        self.param_uses = {k: pa.get(k, set()) | pb.get(k, set()) for k in set(pa) | set(pb)}
        self.field_uses = {k: fa.get(k, set()) | fb.get(k, set()) for k in set(fa) | set(fb)}
        # courses added to or withdrawn from the catalogue: reported once, as a course
        self.catalogue = set(a.courses) ^ set(b.courses)

    def add(
        self,
        path: str,
        kind: Kind,
        old: Any,
        new: Any,
        explanation: Message,
        breaking: bool | None = None,
        effect: Message | None = None,
    ) -> None:
        if breaking is None:
            breaking = kind == "tightened"
        change = Change(
            self.prefix + path, kind, breaking, plain(old), plain(new), explanation, effect
        )
        self.out.append(change)

    def directed(
        self,
        path: str,
        tight: int | None,
        old: Any,
        new: Any,
        text: Message,
        *,
        unused: bool = False,
    ) -> None:
        """A change that is stricter (+1), more lenient (-1), without effect (0) or of unknown
        direction (None, counted as stricter)."""
        if tight == 0:
            effect = msg("diff.effect.unused" if unused else "diff.effect.text")
            self.add(path, "editorial", old, new, text, effect=effect)
        elif tight is None:
            self.add(path, "tightened", old, new, text, effect=msg("diff.effect.unknown"))
        else:
            kind: Kind = "tightened" if tight > 0 else "loosened"
            self.add(path, kind, old, new, text, effect=_EFFECT[1 if tight > 0 else -1])

    def text(self, path: str, old: Any, new: Any, name: str) -> None:
        if same(old, new):
            return
        if isinstance(old, LText) and isinstance(new, LText):
            # the language that changed, Dutch first: the same in every report
            old, new = (old.nl, new.nl) if old.nl != new.nl else (old.en, new.en)
        self.add(path, "editorial", old, new, msg("diff.text", field=name))

    def texts(self, path: str, a: BaseModel, b: BaseModel, names: Iterable[str]) -> None:
        for name in names:
            self.text(f"{path}.{name}", getattr(a, name), getattr(b, name), name)

    @staticmethod
    def value(book: RuleBook, pid: str | None, inline: Any = None) -> Any:
        if pid is None:
            return inline
        p = book.params.get(pid)
        return p.value if p else None

    def by_id(
        self,
        path: str,
        a: dict[str, Any],
        b: dict[str, Any],
        what: str,
        name: Callable[[Any], Any],
        *,
        breaking_removed: bool = False,
    ) -> list[str]:
        """Report ids only on one side as removed/added; return the ids on both sides."""
        for key, item in a.items():
            if key not in b:
                label = name(item)
                text = msg("diff.item.removed", what=msg(what), name=label)
                breaks = msg("diff.item.breaks") if breaking_removed else None
                self.add(f"{path}.{key}", "removed", label, None, text, breaking_removed, breaks)
        for key, item in b.items():
            if key not in a:
                label = name(item)
                text = msg("diff.item.added", what=msg(what), name=label)
                self.add(f"{path}.{key}", "added", None, label, text, breaking=False)
        return [k for k in b if k in a]
